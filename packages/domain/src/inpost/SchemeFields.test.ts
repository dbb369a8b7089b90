import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { MentorCapacity, Scheme } from "../scheme/Scheme.js"
import { yangpuCommunitySecretary } from "../scheme/presets/index.js"
import { SCHEMES } from "./fixtures.js"

/** The optional in-post fields added to the Scheme (relations, mentor capacity, training minimums). */
describe("scheme: in-post fields", () => {
  it("000 一（二）1 / 002 三（一） / 004 安丘: the Party relation moves, administrative and pay relations stay", () => {
    for (const s of [SCHEMES.yangpu, SCHEMES.daan, SCHEMES.anqiu])
      expect(s.relations?._tag === "Cited" && s.relations.value).toEqual({
        party: "moves",
        administrative: "stays",
        pay: "stays",
      })
    expect(SCHEMES.yangpu.relations?._tag === "Cited" && SCHEMES.yangpu.relations.citation).toEqual({
      document: "000",
      clause: "一（二）1",
      quote: "选派干部到居民区任职时转组织关系，不转行政和工资关系",
    })
  })

  it("004 淮上 选优派强 一是: status and pay channel unchanged; the Party relation is not mentioned", () => {
    expect(SCHEMES.huaishang.relations?._tag === "Cited" && SCHEMES.huaishang.relations.value).toEqual({
      administrative: "stays",
      pay: "stays",
    })
  })

  it("003 三 推行结对帮带: 每年帮带3—4名 → min 3, max 4", () => {
    const c = SCHEMES.team.mentorCapacity
    expect(c?._tag === "Cited" && [c.value, c.citation.quote]).toEqual([
      { min: 3, max: 4 },
      "每年帮带3—4名潜力或守摊书记",
    ])
  })

  it("the fields are optional: a scheme stored without them still decodes", () => {
    const { relations: _r, mentorCapacity: _m, training: _t, ...older } = yangpuCommunitySecretary.encoded
    const s = Schema.decodeUnknownSync(Scheme)(older)
    expect(s.relations).toBeUndefined()
    expect(s.mentorCapacity).toBeUndefined()
  })

  it("a capacity whose minimum exceeds its maximum is refused", () => {
    expect(Either.isLeft(Schema.decodeUnknownEither(MentorCapacity)({ min: 5, max: 4 }))).toBe(true)
    expect(Either.isRight(Schema.decodeUnknownEither(MentorCapacity)({ min: 4, max: 4 }))).toBe(true)
    expect(Either.isRight(Schema.decodeUnknownEither(MentorCapacity)({ max: 4 }))).toBe(true)
  })
})
