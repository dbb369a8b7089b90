import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { huaishangVillagePosting } from "./presets/huaishang-village-posting.js"
import { yangpuCommunitySecretary } from "./presets/yangpu-community-secretary.js"
import { Quota, quotaCount, Scheme, type SchemeEncoded } from "./Scheme.js"

const base = yangpuCommunitySecretary.encoded
const decode = (s: SchemeEncoded) => Schema.decodeUnknownEither(Scheme)(s)
const error = (s: SchemeEncoded) => Either.match(decode(s), { onLeft: (e) => e.message, onRight: () => "" })

describe("Scheme validation", () => {
  it("refuses duplicate rule ids (ids are the keys of waivers and diffs)", () => {
    const dup = {
      ...base,
      eligibility: { ...base.eligibility, rules: [...base.eligibility.rules, base.eligibility.rules[0]] },
    }
    expect(error(dup as SchemeEncoded)).toContain("duplicate rule ids: party_standing")
  })
  it("refuses a rule citing a document the scheme does not list", () => {
    const [first, ...rest] = base.eligibility.rules
    const stray = { ...first, citation: { document: "999", clause: "一" } }
    expect(
      error({ ...base, eligibility: { ...base.eligibility, rules: [stray, ...rest] } } as SchemeEncoded),
    ).toContain("cites an unlisted document")
  })
  it("refuses a graded consequence naming a cycle the scheme does not have (issue 20: 淮上 writes the annual grade)", () => {
    const hs = huaishangVillagePosting.encoded
    expect(error(hs)).toBe("")
    const cs = hs.recall.consequences
    if (cs._tag !== "Cited") throw new Error("cited")
    const bad = {
      ...hs,
      recall: {
        ...hs.recall,
        consequences: { ...cs, value: cs.value.map((c) => ({ ...c, cycleId: "yearly" })) },
      },
    }
    expect(error(bad as SchemeEncoded)).toContain(
      "consequence graded_incompetent names an unknown cycle: yearly",
    )
  })
  it("refuses a reference date that names an unknown stage", () => {
    const s = {
      ...base,
      eligibility: {
        ...base.eligibility,
        referenceDate: {
          _tag: "Cited",
          value: { _tag: "StageDeadline", stageId: "nope" },
          citation: { document: "000", clause: "二（一）" },
        },
      },
    }
    expect(error(s as SchemeEncoded)).toContain("unknown stage")
  })
  it("refuses version 0 and a wrong format version", () => {
    expect(Either.isLeft(decode({ ...base, version: 0 }))).toBe(true)
    expect(Either.isLeft(decode({ ...base, formatVersion: 2 } as unknown as SchemeEncoded))).toBe(true)
  })
  it("accepts a secondment scheme kind with a direction, refuses an unknown direction", () => {
    expect(Either.isRight(decode({ ...base, kind: { _tag: "Secondment", direction: "down" } }))).toBe(true)
    expect(
      Either.isLeft(
        decode({ ...base, kind: { _tag: "Secondment", direction: "sideways" } } as unknown as SchemeEncoded),
      ),
    ).toBe(true)
  })
})

describe("Quota", () => {
  const q = (bound: "cap" | "floor", rounding: "floor" | "ceil", numerator: number) =>
    Schema.decodeUnknownEither(Quota)({
      id: "q",
      grade: "excellent",
      bound,
      share: { numerator, denominator: 100 },
      rounding,
      countedAmong: { zh: "全体第一书记", en: "all first secretaries" },
      citation: { document: "002", clause: "三（二）" },
    })
  it("002 三（二）: 优秀不超过20% is a cap rounded down — 11 first secretaries allow 2", () => {
    const cap = Either.getOrThrow(q("cap", "floor", 20))
    expect(quotaCount(cap, 11)).toBe(2)
    expect(quotaCount(cap, 10)).toBe(2)
    expect(quotaCount(cap, 4)).toBe(0)
  })
  it("001 三: 35岁以下达到40%以上 is a floor rounded up — 11 reserves need 5", () => {
    expect(quotaCount(Either.getOrThrow(q("floor", "ceil", 40)), 11)).toBe(5)
    expect(quotaCount(Either.getOrThrow(q("floor", "ceil", 40)), 10)).toBe(4)
  })
  it("POLICIES: a cap rounded up (or a floor rounded down) is refused", () => {
    expect(Either.isLeft(q("cap", "ceil", 20))).toBe(true)
    expect(Either.isLeft(q("floor", "floor", 40))).toBe(true)
  })
})
