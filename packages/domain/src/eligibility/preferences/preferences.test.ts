import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { make as date } from "../../shared/LocalDate.js"
import { makeProfile } from "../fixtures.js"
import { compilePreference, Preference } from "./index.js"

const base = (id: string, document: string, clause: string) => ({
  id,
  citation: { document, clause },
  label: { zh: id, en: id },
  weight: 1,
})
const pref = (encoded: unknown) => compilePreference(Schema.decodeUnknownSync(Preference)(encoded))
const ref = { referenceDate: date("2020-12-18") }

describe("preferences", () => {
  it("000 一（一）末段: HasWorkTag matches a past epidemic-assistant period, not a later one", () => {
    const m = pref({
      _tag: "HasWorkTag",
      ...base("epidemic", "000", "一（一）末段"),
      tag: "epidemic_assistant",
    })
    const period = (from: string) => ({
      from,
      organisation: "某居民区",
      position: "书记助理",
      grassroots: true,
      tags: ["epidemic_assistant"],
    })
    expect(m(makeProfile({ workHistory: [period("2020-02-01")] }), ref)).toBe(true)
    expect(m(makeProfile({ workHistory: [period("2021-02-01")] }), ref)).toBe(false)
    expect(m(makeProfile(), ref)).toBe(false)
  })
  it("001 三: PreferEmploymentIn matches community workers (优先从社区工作者中选拔)", () => {
    const m = pref({
      _tag: "PreferEmploymentIn",
      ...base("community", "001", "三"),
      categories: ["community_worker"],
    })
    expect(m(makeProfile({ employment: "community_worker" }), ref)).toBe(true)
    expect(m(makeProfile({ employment: "civil_servant" }), ref)).toBe(false)
  })
  it("004 两个优先: HasTag and UnitIn match on the profile's tags and current unit", () => {
    const tag = pref({
      _tag: "HasTag",
      ...base("potential", "004", "晋城 两个优先"),
      tag: "strong_potential",
    })
    const unit = pref({ _tag: "UnitIn", ...base("economy", "004", "晋城 两个优先"), units: ["区发展改革委"] })
    expect(tag(makeProfile({ tags: ["strong_potential"] }), ref)).toBe(true)
    expect(tag(makeProfile(), ref)).toBe(false)
    expect(unit(makeProfile({ currentUnit: "区发展改革委" }), ref)).toBe(true)
    expect(unit(makeProfile({ currentUnit: "区档案馆" }), ref)).toBe(false)
    expect(unit(makeProfile(), ref)).toBe(false)
  })
  it("a preference needs a positive weight", () => {
    expect(() => pref({ _tag: "HasTag", ...base("x", "000", "一"), weight: 0, tag: "t" })).toThrow()
  })
})
