import { Either, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { daanFirstSecretary, jinchengSecondmentUp } from "../scheme/presets/index.js"
import { Quota, quotaAppliesTo, quotaMembers } from "../scheme/Scheme.js"
import { quotaGroupKey } from "./Quota.js"

/**
 * Issue 13 item 4: whom a quota counts and which assessments it bites on are scheme data; its group is derived.
 */

const daan = loadPreset(daanFirstSecretary)
const jincheng = loadPreset(jinchengSecondmentUp)
const quotasOf = (p: typeof daan) => {
  if (p.assessment.quotas._tag !== "Cited") throw new Error("quotas expected")
  return p.assessment.quotas.value
}
const cycle = (p: typeof daan, id: string) => {
  const c = p.assessment.cycles.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no cycle ${id}`)
  return c
}

describe("002 三（二）: the excellent quota bites on every graded cycle the scheme names", () => {
  const [cap] = quotasOf(daan)
  it("applies to the annual and the term-end assessment, not to the routine one", () => {
    if (cap === undefined) throw new Error("cap expected")
    expect(quotaAppliesTo(cap, cycle(daan, "annual"))).toBe(true)
    expect(quotaAppliesTo(cap, cycle(daan, "term_end"))).toBe(true)
    expect(quotaAppliesTo(cap, cycle(daan, "routine"))).toBe(false)
  })
  it("counts the serving first secretaries by default (全区第一书记总数)", () => {
    if (cap === undefined) throw new Error("cap expected")
    expect(quotaMembers(cap)).toBe("serving")
  })
  it("晋城 管理考核 五是: the 30% cap applies to the annual and the end-of-term assessment alike", () => {
    const [q] = quotasOf(jincheng)
    if (q === undefined) throw new Error("cap expected")
    expect(quotaAppliesTo(q, cycle(jincheng, "annual"))).toBe(true)
    expect(quotaAppliesTo(q, cycle(jincheng, "term_end"))).toBe(true)
  })
})

describe("a scheme may name the cycles and the members of a quota", () => {
  const base = {
    id: "excellent_cap",
    grade: "excellent",
    bound: "cap",
    share: { numerator: 20, denominator: 100 },
    rounding: "floor",
    countedAmong: { zh: "全体", en: "all" },
    citation: { document: "002", clause: "三（二）" },
  }
  it("decodes `cycles` and `members`; an unknown member kind is refused", () => {
    const q = Schema.decodeUnknownSync(Quota)({ ...base, cycles: ["annual"], members: "in_post" })
    expect(quotaAppliesTo(q, cycle(daan, "term_end"))).toBe(false)
    expect(quotaAppliesTo(q, cycle(daan, "annual"))).toBe(true)
    expect(quotaMembers(q)).toBe("in_post")
    expect(Either.isLeft(Schema.decodeUnknownEither(Quota)({ ...base, members: "everyone" }))).toBe(true)
  })
  it("property: a named list decides alone; none named means exactly the year-end and term-end cycles", () => {
    fc.assert(
      fc.property(
        fc.option(fc.array(fc.constantFrom("routine", "annual", "term_end", "half"), { maxLength: 4 }), {
          nil: undefined,
        }),
        fc.constantFrom(...daan.assessment.cycles),
        (cycles, c) => {
          const q = cycles === undefined ? {} : { cycles }
          const expected =
            cycles === undefined
              ? c.cadence._tag === "YearEnd" || c.cadence._tag === "TermEnd"
              : (cycles as ReadonlyArray<string>).includes(c.id)
          expect(quotaAppliesTo(q, c)).toBe(expected)
        },
      ),
    )
  })
})

describe("the quota group key is derived from the scheme and its region", () => {
  it("property: two districts never share a key, whatever their schemes are called", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.stringMatching(/^\/(\d{6}\/){1,3}$/),
        fc.stringMatching(/^\/(\d{6}\/){1,3}$/),
        (scheme, a, b) => {
          fc.pre(a !== b)
          expect(quotaGroupKey(scheme, a)).not.toBe(quotaGroupKey(scheme, b))
          expect(quotaGroupKey(scheme, a)).toBe(`${scheme}@${a}`)
        },
      ),
    )
  })
})
