import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { daanFirstSecretary, huaishangVillagePosting } from "../scheme/presets/index.js"
import type { RecallTrigger } from "../scheme/Scheme.js"
import { cite } from "../shared/Citation.js"
import { cited } from "../shared/Cited.js"
import { evaluateSurvey, type SurveyCounts, surveyRate } from "./Surveys.js"

const daan = loadPreset(daanFirstSecretary)
const huaishang = loadPreset(huaishangVillagePosting)

const findings = (scheme: typeof daan, counts: SurveyCounts) => {
  const r = evaluateSurvey({ triggers: scheme.recall.triggers, counts, rules: scheme.assessment.survey })
  if (Either.isLeft(r)) throw r.left
  return r.right
}
const fires = (scheme: typeof daan, counts: SurveyCounts) =>
  Object.fromEntries(findings(scheme, counts).map((f) => [f.triggerId, f.fires]))

describe("Surveys: 002 三（二） dissatisfaction above 30% → recall", () => {
  it("002 三（二）: dissatisfaction exactly 30.0% does not recall", () => {
    const [f] = findings(daan, { satisfied: 70, dissatisfied: 30 })
    expect(f).toMatchObject({ triggerId: "dissatisfaction", fires: false, comparator: "gt" })
    expect(f?.text.zh).toBe(
      "不满意率 30/100 = 30.0%，未高于 30%，不适用“年度考核不满意率高于30%”（002 三（二））",
    )
  })

  it("002 三（二）: 31/100 dissatisfied recalls, with the evidence and the clause", () => {
    const [f] = findings(daan, { satisfied: 69, dissatisfied: 31 })
    expect(f).toMatchObject({
      fires: true,
      action: "recall",
      rate: { count: 31, total: 100, percent: "31.0%" },
    })
    expect(f?.threshold).toEqual({ num: 3, den: 10 })
    expect(f?.citation).toMatchObject({ document: "002", clause: "三（二）" })
    expect(f?.text.zh).toBe("不满意率 31/100 = 31.0%，高于 30% → 年度考核不满意率高于30%（002 三（二））")
    expect(f?.text.en).toBe(
      "dissatisfaction rate 31/100 = 31.0%, above 30% → Annual dissatisfaction rate above 30% (002 三（二）)",
    )
  })

  it("002 三（二）: 3 of 10 (30%) does not recall, 301 of 1000 (30.1%) does, 3000001 of 10^7 does", () => {
    expect(fires(daan, { satisfied: 7, dissatisfied: 3 }).dissatisfaction).toBe(false)
    expect(fires(daan, { satisfied: 699, dissatisfied: 301 }).dissatisfaction).toBe(true)
    expect(fires(daan, { satisfied: 6_999_999, dissatisfied: 3_000_001 }).dissatisfaction).toBe(true)
    expect(fires(daan, { satisfied: 7_000_000, dissatisfied: 3_000_000 }).dissatisfaction).toBe(false)
  })

  it("002 三（二）: 基本满意 counts in the total but not as dissatisfied (no counting rule needed)", () => {
    // 30 of 100 dissatisfied with 20 basically satisfied: still exactly 30%.
    expect(fires(daan, { satisfied: 50, basicallySatisfied: 20, dissatisfied: 30 }).dissatisfaction).toBe(
      false,
    )
  })
})

describe("Surveys: 004 淮上 目标考核 三是 satisfaction below 60% → admonishment, below 50% → recall", () => {
  it("004 淮上 目标考核 三是: 59/100 satisfied → admonishment talk, not recall", () => {
    expect(fires(huaishang, { satisfied: 59, dissatisfied: 41 })).toEqual({
      admonish_below_60: true,
      recall_below_50: false,
    })
    const [f] = findings(huaishang, { satisfied: 59, dissatisfied: 41 })
    expect(f?.text.zh).toBe(
      "满意率 59/100 = 59.0%，低于 60% → 群众满意率达不到60%，诫勉谈话（004 淮上 目标考核 三是）",
    )
  })

  it("004 淮上 目标考核 三是: 60/100 satisfied → neither", () => {
    expect(fires(huaishang, { satisfied: 60, dissatisfied: 40 })).toEqual({
      admonish_below_60: false,
      recall_below_50: false,
    })
    expect(findings(huaishang, { satisfied: 60, dissatisfied: 40 })[0]?.text.zh).toContain(
      "不低于 60%，不适用",
    )
  })

  it("004 淮上 目标考核 三是: 49/100 → both admonishment and recall; 50/100 → admonishment only", () => {
    expect(fires(huaishang, { satisfied: 49, dissatisfied: 51 })).toEqual({
      admonish_below_60: true,
      recall_below_50: true,
    })
    expect(fires(huaishang, { satisfied: 50, dissatisfied: 50 })).toEqual({
      admonish_below_60: true,
      recall_below_50: false,
    })
  })

  it("004 淮上 目标考核 三是: 基本满意 answers need a counting rule; the seed has none, so the kernel asks for a decision", () => {
    const counts = { satisfied: 40, basicallySatisfied: 25, dissatisfied: 35 }
    const r = evaluateSurvey({
      triggers: huaishang.recall.triggers,
      counts,
      rules: huaishang.assessment.survey,
    })
    expect(Either.isLeft(r) && r.left._tag).toBe("SurveyCountingUnspecified")
    expect(Either.isLeft(r) && r.left.text.zh).toContain("有25票“基本满意”，方案未规定是否计入满意率")
    const as = (b: "counts_as_satisfied" | "not_satisfied") => {
      const x = evaluateSurvey({
        triggers: huaishang.recall.triggers,
        counts,
        rules: huaishang.assessment.survey,
        decision: { basicallySatisfied: b, by: "org_dept", note: "部务会决定" },
      })
      if (Either.isLeft(x)) throw x.left
      return x.right.map((f) => [f.triggerId, f.fires, f.rate.count])
    }
    // Counted as satisfied: 65/100 → nothing fires. Not counted: 40/100 → both fire.
    expect(as("counts_as_satisfied")).toEqual([
      ["admonish_below_60", false, 65],
      ["recall_below_50", false, 65],
    ])
    expect(as("not_satisfied")).toEqual([
      ["admonish_below_60", true, 40],
      ["recall_below_50", true, 40],
    ])
  })

  it("a scheme's own counting rule is used and cited", () => {
    const rules = cited(
      {
        respondents: cited({ zh: "党员", en: "members" }, cite("t", "1")),
        basicallySatisfied: cited("counts_as_satisfied" as const, cite("t", "2")),
      },
      cite("t", "0"),
    )
    const r = surveyRate({ satisfied: 40, basicallySatisfied: 20, dissatisfied: 40 }, "satisfaction", {
      rules,
    })
    expect(Either.isRight(r) && [r.right.count, r.right.countingFrom]).toEqual([
      60,
      { _tag: "Scheme", citation: { document: "t", clause: "2" } },
    ])
  })

  it("invalid counts are refused: no answers, negatives, fractions", () => {
    for (const c of [
      { satisfied: 0, dissatisfied: 0 },
      { satisfied: -1, dissatisfied: 3 },
      { satisfied: 1.5, dissatisfied: 3 },
    ]) {
      const r = surveyRate(c, "dissatisfaction")
      expect(Either.isLeft(r) && r.left._tag).toBe("SurveyCountsInvalid")
    }
  })
})

describe("Surveys: properties", () => {
  const trigger = (comparator: "lt" | "le" | "gt" | "ge", num: number, den: number): RecallTrigger => ({
    id: "t",
    label: { zh: "t", en: "t" },
    condition: {
      _tag: "SurveyRate",
      measure: "dissatisfaction",
      comparator,
      share: { numerator: num, denominator: den },
    },
    action: "recall",
    citation: cite("t", "1"),
  })

  it("survey rate comparisons agree with exact rational (BigInt cross-multiplied) comparison", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom("lt" as const, "le" as const, "gt" as const, "ge" as const),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (dis, sat, cmp, den, numRaw) => {
          fc.pre(dis + sat > 0)
          const num = numRaw % (den + 1)
          const r = evaluateSurvey({
            triggers: [trigger(cmp, num, den)],
            counts: { satisfied: sat, dissatisfied: dis },
          })
          if (Either.isLeft(r)) throw r.left
          const l = BigInt(dis) * BigInt(den)
          const rr = BigInt(num) * BigInt(dis + sat)
          const expected = cmp === "lt" ? l < rr : cmp === "le" ? l <= rr : cmp === "gt" ? l > rr : l >= rr
          expect(r.right[0]?.fires).toBe(expected)
        },
      ),
    )
  })

  it("002 三（二）: for any total of 10k answers, exactly 30% dissatisfied never recalls and one more always does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (k) => {
        // total 10k, dissatisfied 3k: exactly 30%.
        expect(fires(daan, { satisfied: 7 * k, dissatisfied: 3 * k }).dissatisfaction).toBe(false)
        expect(fires(daan, { satisfied: 7 * k - 1, dissatisfied: 3 * k + 1 }).dissatisfaction).toBe(true)
      }),
    )
  })
})
