import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import {
  daanFirstSecretary,
  huaishangVillagePosting,
  secretaryTeamManagement,
  yangpuCommunitySecretary,
} from "../scheme/presets/index.js"
import type { Grade } from "../scheme/Scheme.js"
import { make } from "../shared/LocalDate.js"
import { evaluateIncentives } from "./Incentives.js"
import { imposeGrade, newGrading } from "./Grading.js"
import { applyRecall, evaluateTriggers, inForce, recallGrades, recallsInWindow } from "./Recall.js"

const daan = loadPreset(daanFirstSecretary)
const huaishang = loadPreset(huaishangVillagePosting)
const d = make

const triggers = (scheme: typeof daan, facts: Parameters<typeof evaluateTriggers>[1]) => {
  const r = evaluateTriggers(scheme, facts)
  if (Either.isLeft(r)) throw r.left
  return r.right
}

describe("Recall triggers", () => {
  it("002 三（二）: dissatisfaction 31% fires the recall trigger with the survey as evidence; 30% fires nothing", () => {
    const t = triggers(daan, { survey: { counts: { satisfied: 69, dissatisfied: 31 } } })
    expect(t.fired.map((f) => [f.triggerId, f.action, f.evidence._tag])).toEqual([
      ["dissatisfaction", "recall", "Survey"],
    ])
    const none = triggers(daan, { survey: { counts: { satisfied: 70, dissatisfied: 30 } } })
    expect(none.fired).toEqual([])
    expect(none.survey[0]?.fires).toBe(false)
  })

  it("002 三（二）: a discipline breach on record fires the recall, with the breach as evidence", () => {
    const t = triggers(daan, { disciplineBreaches: [{ on: d("2024-05-06"), summary: "违规宴请" }] })
    expect(t.fired).toHaveLength(1)
    expect(t.fired[0]?.text.zh).toBe(
      "违纪记录：2024-05-06 违规宴请 → 违反纪律规定造成不良影响：召回（002 三（二））",
    )
  })

  it("002 三（二）: 不胜任工作 is a judgement: it fires only when a person records it, naming the trigger", () => {
    expect(triggers(daan, {}).fired).toEqual([])
    const t = triggers(daan, {
      judged: [{ triggerId: "incompetent", by: "street", on: d("2024-09-01"), note: "连续三个月未完成任务" }],
    })
    expect(t.fired[0]).toMatchObject({ triggerId: "incompetent", evidence: { _tag: "Judged", by: "street" } })
    expect(t.fired[0]?.text.en).toContain(
      "the street or township committee found on 2024-09-01: Found unable to do the job",
    )
    const bad = evaluateTriggers(daan, {
      judged: [{ triggerId: "dissatisfaction", by: "street", on: d("2024-09-01"), note: "x" }],
    })
    expect(Either.isLeft(bad) && bad.left._tag).toBe("UnknownTrigger")
  })

  it("000 三（四）: a year-end grade of 不称职 (不合格) fires adjustment or return, decided by the org dept", () => {
    const y = loadPreset(yangpuCommunitySecretary)
    const t = triggers(y, { grade: { grade: "incompetent", cycleId: "annual", period: "2024" } })
    expect(t.fired.map((f) => [f.triggerId, f.action, f.decidedBy])).toEqual([
      ["unfit_failed_annual", "adjust_or_return", "org_dept"],
    ])
    expect(
      triggers(y, { grade: { grade: "basically_competent", cycleId: "annual", period: "2024" } }).fired,
    ).toEqual([])
  })

  it("003 五 强化负面惩戒: 不称职 → adjusted out", () => {
    const s = loadPreset(secretaryTeamManagement)
    const t = triggers(s, { grade: { grade: "incompetent", cycleId: "annual", period: "2024" } })
    expect(t.fired.map((f) => f.triggerId)).toEqual(["incompetent"])
  })

  it("004 淮上 目标考核 三是: 49% satisfied fires both admonishment and recall, in the scheme's order", () => {
    const t = triggers(huaishang, { survey: { counts: { satisfied: 49, dissatisfied: 51 } } })
    expect(t.fired.map((f) => [f.triggerId, f.action])).toEqual([
      ["admonish_below_60", "admonish"],
      ["recall_below_50", "recall"],
    ])
  })
})

describe("Recall consequences: 002 三（二）", () => {
  const on = d("2024-03-15")
  const outcome = (unitRecalls: ReadonlyArray<string> = []) =>
    applyRecall({ consequences: daan.recall.consequences, on, unitRecalls: unitRecalls.map(d) })

  it("002 三（二）: no awards that year (to 31 Dec), reserve and progressive-training status removed, no promotion for 2 years", () => {
    const o = outcome()
    expect(o.cadre.map((c) => [c.consequenceId, c.from, c.until, c.year])).toEqual([
      ["no_awards", "2024-03-15", "2024-12-31", 2024],
      ["lose_reserve_status", "2024-03-15", undefined, undefined],
      ["no_promotion", "2024-03-15", "2026-03-15", undefined],
    ])
    expect(o.cadre[2]?.text.zh).toBe("两年内不得提拔：自2024-03-15起2年，至2026-03-15（含）（002 三（二））")
    expect(o.cadre[0]?.text.en).toBe(
      "No awards or honours in the year of recall: in 2024 (until 2024-12-31) (002 三（二）)",
    )
  })

  it("002 三（二）: the promotion ban is in force on its last day and lifted the day after", () => {
    const ban = outcome().cadre.find((c) => c.effect === "no_promotion")
    if (ban === undefined) throw new Error("no ban")
    expect(inForce(ban, d("2024-03-14"))).toBe(false)
    expect(inForce(ban, d("2024-03-15"))).toBe(true)
    expect(inForce(ban, d("2026-03-15"))).toBe(true)
    expect(inForce(ban, d("2026-03-16"))).toBe(false)
  })

  it("002 三（二）: a recall on 29 Feb bans promotion to 28 Feb two years on (no 29th: the month's last day)", () => {
    const o = applyRecall({ consequences: daan.recall.consequences, on: d("2024-02-29") })
    expect(o.cadre.find((c) => c.effect === "no_promotion")?.until).toBe("2026-02-28")
  })

  it("002 三（二）: one recall of the unit's first secretaries: no unit penalty; the window is shown", () => {
    const o = outcome()
    expect(o.unit).toEqual([])
    expect(o.unitThresholds.map((t) => [t.consequenceId, t.counted, t.reached])).toEqual([
      ["unit_performance_deduction", ["2024-03-15"], false],
      ["unit_head_not_excellent", ["2024-03-15"], false],
    ])
  })

  it("002 三（二）: a second recall exactly one year after the first (inclusive edge) penalises the unit", () => {
    const o = outcome(["2023-03-15"])
    expect(o.unit.map((c) => [c.consequenceId, c.year])).toEqual([
      ["unit_performance_deduction", undefined],
      ["unit_head_not_excellent", 2024],
    ])
    expect(o.unit[1]?.until).toBe("2024-12-31")
    expect(o.unitThresholds[0]?.text.zh).toBe(
      "1年内召回该单位选派干部2次（2023-03-15、2024-03-15），达到2次（002 三（二））",
    )
  })

  it("002 三（二）: a recall one year and one day after the first does not penalise the unit (exclusive beyond the edge)", () => {
    expect(outcome(["2023-03-14"]).unit).toEqual([])
    expect(outcome(["2023-03-14"]).unitThresholds[0]?.counted).toEqual(["2024-03-15"])
  })

  it("002 三（二）: the same-day and later recalls: same day counts, later ones are ignored", () => {
    expect(outcome(["2024-03-15"]).unit).toHaveLength(2)
    expect(outcome(["2024-03-16", "2025-01-01"]).unit).toEqual([])
  })

  it("002 三（二）: the window from 29 Feb 2024 ends on 28 Feb 2025", () => {
    expect(recallsInWindow(d("2025-02-28"), { amount: 1, unit: "year" }, [d("2024-02-29")])).toEqual([
      "2024-02-29",
      "2025-02-28",
    ])
    expect(recallsInWindow(d("2025-03-01"), { amount: 1, unit: "year" }, [d("2024-02-29")])).toEqual([
      "2025-03-01",
    ])
  })

  it("004 淮上 目标考核 三是: a recall grades the cadre 不称职 for that year", () => {
    const o = applyRecall({ consequences: huaishang.recall.consequences, on: d("2024-12-28") })
    expect(o.cadre.map((c) => [c.effect, c.grade, c.year, c.until])).toEqual([
      ["graded", "incompetent", 2024, "2024-12-31"],
    ])
    expect(o.cadre[0]?.text.zh).toContain("2024年度考核为不称职")
  })

  it("000 三（四）: a scheme with no consequences says so", () => {
    const y = loadPreset(yangpuCommunitySecretary)
    const o = applyRecall({ consequences: y.recall.consequences, on: d("2024-01-01") })
    expect(o.cadre).toEqual([])
    expect(o.note?.zh).toBe("通知未规定调整退出后的后果")
  })
})

describe("Incentives", () => {
  const inc = (scheme: typeof daan, facts: Parameters<typeof evaluateIncentives>[1]) =>
    Object.fromEntries(
      evaluateIncentives(scheme.assessment.incentives, facts).map((f) => [f.incentiveId, f.applies]),
    )

  it("002 三（三）: an excellent civil servant's seniority for grade promotion is shortened by half a year", () => {
    const fs = evaluateIncentives(daan.assessment.incentives, {
      on: d("2025-01-10"),
      employment: "civil_servant",
      decided: { cycleId: "annual", grade: "excellent" },
    })
    const s = fs.find((f) => f.incentiveId === "excellent_seniority_shortened")
    expect(s).toMatchObject({
      applies: true,
      effect: "seniority_shortened",
      duration: { amount: 6, unit: "month" },
    })
    expect(s?.citation).toMatchObject({ document: "002", clause: "三（三）" })
  })

  it("002 三（三）: not for public-institution staff, who advance first instead; not for a competent grade", () => {
    expect(
      inc(daan, {
        on: d("2025-01-10"),
        employment: "public_institution_established",
        decided: { cycleId: "annual", grade: "excellent" },
      }),
    ).toMatchObject({
      excellent_seniority_shortened: false,
      institution_excellent: true,
      excellent_top_bonus: true,
    })
    expect(
      inc(daan, {
        on: d("2025-01-10"),
        employment: "civil_servant",
        decided: { cycleId: "annual", grade: "competent" },
      }),
    ).toMatchObject({
      excellent_seniority_shortened: false,
      excellent_top_bonus: false,
      open_selection: true,
    })
  })

  it("002 三（三）: priority promotion at term end is a judgement: flagged only when someone records 表现突出", () => {
    const base = { on: d("2019-04-30"), employment: "civil_servant" as const }
    expect(inc(daan, base).term_end_priority_promotion).toBe(false)
    expect(
      inc(daan, {
        ...base,
        judged: [{ incentiveId: "term_end_priority_promotion", by: "org_dept", note: "期满考核优秀" }],
      }).term_end_priority_promotion,
    ).toBe(true)
  })

  it("004 淮上 量才使用 二是: investment of 300,000 CNY → excellent; 299,999 does not", () => {
    expect(inc(huaishang, { on: d("2024-12-31"), investmentYuan: 300_000 }).investment_excellent).toBe(true)
    expect(inc(huaishang, { on: d("2024-12-31"), investmentYuan: 299_999 }).investment_excellent).toBe(false)
  })

  it("004 淮上 量才使用 二是: three years in the village with excellent every year → priority promotion, at the edges", () => {
    const grades: ReadonlyArray<{ year: number; grade: Grade }> = [
      { year: 2021, grade: "excellent" },
      { year: 2022, grade: "excellent" },
      { year: 2023, grade: "excellent" },
    ]
    const f = (on: string, gs = grades) =>
      inc(huaishang, { on: d(on), servedFrom: d("2021-01-15"), annualGrades: gs })
    expect(f("2024-01-14").three_years_excellent).toBe(false)
    expect(f("2024-01-15").three_years_excellent).toBe(true)
    expect(
      f("2024-01-15", [...grades.slice(0, 2), { year: 2023, grade: "competent" }]).three_years_excellent,
    ).toBe(false)
    expect(f("2024-01-15", grades.slice(1)).three_years_excellent).toBe(false)
  })
})

describe("004 淮上 目标考核 三是: a recall's “当年考评为“不称职”” is a grade of that year, not only a consequence", () => {
  it("names the annual assessment of the recall's year, incompetent, with the clause", () => {
    const outcome = applyRecall({ consequences: huaishang.recall.consequences, on: make("2027-12-28") })
    const { grades, unplaced } = recallGrades(huaishang.assessment.cycles, outcome)
    expect(unplaced).toEqual([])
    expect(grades.map((g) => [g.consequenceId, g.cycle.id, g.period, g.grade])).toEqual([
      ["graded_incompetent", "annual", "2027", "incompetent"],
    ])
    expect(grades[0]?.text.zh).toBe(
      "召回：每年对到村任职干部考核一次（2027）定为不称职（004 淮上 目标考核 三是）",
    )
  })

  it("a graded consequence naming no cycle, in a scheme with several year-end cycles, is not placed anywhere", () => {
    const cs = huaishang.recall.consequences
    if (cs._tag !== "Cited") throw new Error("cited")
    const bare = { ...cs, value: cs.value.map(({ cycleId: _drop, ...c }) => c) }
    const { grades, unplaced } = recallGrades(
      huaishang.assessment.cycles,
      applyRecall({ consequences: bare, on: make("2027-12-28") }),
    )
    expect(grades).toEqual([])
    expect(unplaced.map((a) => a.consequenceId)).toEqual(["graded_incompetent"])
    // With exactly one year-end cycle, that one takes it.
    const one = huaishang.assessment.cycles.filter((c) => c.id === "annual" || c.cadence._tag !== "YearEnd")
    expect(
      recallGrades(one, applyRecall({ consequences: bare, on: make("2027-12-28") })).grades[0]?.cycle.id,
    ).toBe("annual")
  })

  it("the imposed grade replaces a reported one and keeps the first opinion", () => {
    const cycle = huaishang.assessment.cycles.find((c) => c.id === "satisfaction")
    if (cycle === undefined) throw new Error("cycle")
    const before = {
      ...newGrading(cycle, "2027"),
      firstOpinion: { by: "residents" as const, on: make("2027-12-20"), opinion: "满意率45%" },
      decided: { by: "street" as const, on: make("2027-12-21"), grade: "competent" as const },
      reported: { by: "street" as const, to: "org_dept" as const, on: make("2027-12-22") },
    }
    expect(imposeGrade(before, { by: "street", on: make("2027-12-28"), grade: "incompetent" })).toEqual({
      cycleId: "satisfaction",
      period: "2027",
      firstOpinion: before.firstOpinion,
      decided: { by: "street", on: "2027-12-28", grade: "incompetent" },
    })
  })
})
