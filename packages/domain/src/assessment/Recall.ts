/**
 * Recall (召回), adjustment and admonishment: which of the scheme's triggers fire on the facts, with the evidence and
 * the clause; and the consequences a recall brings to the cadre and to the dispatching unit, each with the date
 * until which it applies.
 *
 * 002 三（二）: recalled when unable to do the job, when the annual dissatisfaction rate is above 30%, or after a
 * breach of discipline; "被“召回”人员当年不得评先评优，是递进培养对象和后备干部的取消资格，两年内不得提拔。一年内
 * 连续两次召回第一书记的，扣减派出单位目标绩效综合考评分值，单位主要负责人当年年度考核不得评为“优秀”等次".
 * 004 淮上 目标考核 三是: satisfaction below 50% → recall and "当年考评为不称职". 000 三（四）, 003 五: GradeIs.
 *
 * Periods follow the Civil Code (arts. 201–202, POLICIES "How to read the numbers"): a period counted in months or
 * years starts the day after the event and ends on the corresponding day (the month's last day when there is none).
 * So "两年内不得提拔" after a recall on 2024-03-15 lasts to 2026-03-15 inclusive; "当年" ends on 31 December of the
 * recall's year; a status removed (reserve, progressive training) has no end date.
 * "一年内连续两次召回": a recall on D counts an earlier recall on E of the same unit's cadres when E ≤ D ≤ E + 1 year
 * (both ends inclusive), D's own recall included.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type {
  Actor,
  AdmonishMeasure,
  Assessment,
  AssessmentCycle,
  Consequence,
  Duration,
  Grade,
  Recall,
  RecallTrigger,
} from "../scheme/Scheme.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import { addDays, addMonths, addYears, compare, type LocalDate, parts } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import { ACTOR_LABELS, GRADE_LABELS, gradeLabel } from "./Labels.js"
import {
  type CountingDecision,
  evaluateSurvey,
  type SurveyCounts,
  type SurveyError,
  type SurveyFinding,
} from "./Surveys.js"

// ----------------------------------------------------------------------------------------- triggers

/**
 * The facts recall triggers are checked against: a grade, a survey, breaches of discipline, judgements on
 * record.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecallFacts {
  /** The grade decided in an assessment (GradeIs triggers). */
  readonly grade?: { readonly grade: Grade; readonly cycleId: string; readonly period: string }
  /** A satisfaction survey (SurveyRate triggers). */
  readonly survey?: { readonly counts: SurveyCounts; readonly decision?: CountingDecision }
  /** Breaches of discipline on record (DisciplineBreach triggers). */
  readonly disciplineBreaches?: ReadonlyArray<{ readonly on: LocalDate; readonly summary: string }>
  /** Circumstances a person has judged to hold, naming the trigger (illness, merger, 不胜任工作…). */
  readonly judged?: ReadonlyArray<{
    readonly triggerId: string
    readonly by: Actor
    readonly on: LocalDate
    readonly note: string
  }>
}

/**
 * What made a recall trigger fire: a grade, a survey finding, a discipline record or a recorded judgement.
 *
 * @category models
 * @since 0.1.0
 */
export type Evidence =
  | { readonly _tag: "Grade"; readonly grade: Grade; readonly cycleId: string; readonly period: string }
  | { readonly _tag: "Survey"; readonly finding: SurveyFinding }
  | {
      readonly _tag: "Discipline"
      readonly breaches: ReadonlyArray<{ readonly on: LocalDate; readonly summary: string }>
    }
  | { readonly _tag: "Judged"; readonly by: Actor; readonly on: LocalDate; readonly note: string }

/**
 * A recall trigger that fired, with its action, who decides on it, and the evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface FiredTrigger {
  readonly triggerId: string
  readonly label: Text
  readonly action: RecallTrigger["action"]
  readonly decidedBy?: Actor
  readonly evidence: Evidence
  readonly citation: Citation
  readonly text: Text
}

/**
 * The result of checking the scheme's recall triggers against the facts: those that fired, and every
 * survey checked.
 *
 * @category models
 * @since 0.1.0
 */
export interface TriggerEvaluation {
  readonly fired: ReadonlyArray<FiredTrigger>
  /** Every SurveyRate trigger checked, firing or not (the evidence for "did not recall"). */
  readonly survey: ReadonlyArray<SurveyFinding>
}

/**
 * The trigger id is not one of the scheme's recall triggers.
 *
 * @category errors
 * @since 0.1.0
 */
export class UnknownTrigger extends Schema.TaggedError<UnknownTrigger>()("UnknownTrigger", {
  triggerId: Schema.String,
}) {
  get text(): Text {
    return {
      zh: `方案中没有可由人判定的情形“${this.triggerId}”`,
      en: `the scheme has no judged circumstance ${this.triggerId}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * Display labels of each recall action, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const ACTION_LABELS: Readonly<Record<RecallTrigger["action"], Text>> = {
  recall: { zh: "召回", en: "recall" },
  adjust_or_return: { zh: "调整或返回派出单位", en: "adjust or return to the unit" },
  admonish: { zh: "诫勉谈话/批评教育", en: "admonishment" },
  remove_from_pool: { zh: "调整出库", en: "removal from the pool" },
}

/**
 * Display labels of each admonishment measure, in Chinese and English (003 五, 004 淮上 目标考核 三是).
 *
 * @category constants
 * @since 0.1.0
 */
export const ADMONISH_MEASURE_LABELS: Readonly<Record<AdmonishMeasure, Text>> = {
  criticism_education: { zh: "批评教育", en: "criticism and education" },
  rectification: { zh: "促其整改", en: "told to correct" },
  admonishment_talk: { zh: "诫勉谈话", en: "admonishment talk" },
}

/**
 * A negative list as the scheme keeps it: its items (triggers, each with its action) and how many of the stated
 * size the document leaves unnamed — district-set slots, never invented items (003 五: 15 counted, 6 named).
 *
 * @category models
 * @since 0.1.0
 */
export interface NegativeListStatus {
  readonly size: number
  readonly items: ReadonlyArray<RecallTrigger>
  /** Items the document counts but does not name: the district fills them in. */
  readonly districtSet: number
  readonly citation: Citation
  readonly text: Text
}

/**
 * The scheme's negative list with its items resolved, or undefined when the scheme keeps none.
 *
 * @category getters
 * @since 0.1.0
 */
export const negativeListOf = (
  recall: Pick<Recall, "triggers" | "negativeList">,
): NegativeListStatus | undefined => {
  const nl = recall.negativeList
  if (nl === undefined || nl._tag !== "Cited") return undefined
  const items = nl.value.items.flatMap((id) => recall.triggers.filter((t) => t.id === id))
  const districtSet = Math.max(0, nl.value.size - items.length)
  const cite = formatCitation(nl.citation)
  return {
    size: nl.value.size,
    items,
    districtSet,
    citation: nl.citation,
    text: {
      zh: `负面清单共${nl.value.size}项，方案列出${items.length}项${districtSet > 0 ? `，其余${districtSet}项文件未列明，由本地区填写` : ""}（${cite}）`,
      en: `A negative list of ${nl.value.size} items; the scheme names ${items.length}${districtSet > 0 ? `, the other ${districtSet} are not named by the document and are district-set` : ""} (${cite})`,
    },
  }
}

/**
 * Which triggers of the scheme fire on the facts, each with its evidence and clause, in the scheme's order.
 *
 * @category rules
 * @since 0.1.0
 */
export const evaluateTriggers = (
  scheme: {
    readonly recall: Pick<Recall, "triggers">
    readonly assessment?: Pick<Assessment, "survey" | "grades">
  },
  facts: RecallFacts,
): Either.Either<TriggerEvaluation, SurveyError | UnknownTrigger> => {
  const triggers = scheme.recall.triggers
  for (const j of facts.judged ?? [])
    if (!triggers.some((t) => t.id === j.triggerId && t.condition._tag === "Circumstance"))
      return Either.left(new UnknownTrigger({ triggerId: j.triggerId }))
  let survey: ReadonlyArray<SurveyFinding> = []
  if (facts.survey !== undefined) {
    const r = evaluateSurvey({
      triggers,
      counts: facts.survey.counts,
      rules: scheme.assessment?.survey,
      decision: facts.survey.decision,
    })
    if (Either.isLeft(r)) return Either.left(r.left)
    survey = r.right
  }
  const fired: Array<FiredTrigger> = []
  for (const t of triggers) {
    const c = t.condition
    const cite = formatCitation(t.citation)
    const push = (evidence: Evidence, why: Text) =>
      fired.push({
        triggerId: t.id,
        label: t.label,
        action: t.action,
        ...(t.decidedBy !== undefined ? { decidedBy: t.decidedBy } : {}),
        evidence,
        citation: t.citation,
        text: {
          zh: `${why.zh} → ${t.label.zh}：${ACTION_LABELS[t.action].zh}（${cite}）`,
          en: `${why.en} → ${t.label.en}: ${ACTION_LABELS[t.action].en} (${cite})`,
        },
      })
    switch (c._tag) {
      case "GradeIs": {
        const g = facts.grade
        if (g !== undefined && c.grades.includes(g.grade)) {
          const l = gradeLabel(g.grade, scheme.assessment)
          push(
            { _tag: "Grade", grade: g.grade, cycleId: g.cycleId, period: g.period },
            { zh: `${g.period}考核等次为${l.zh}`, en: `graded ${l.en} for ${g.period}` },
          )
        }
        break
      }
      case "SurveyRate": {
        const f = survey.find((x) => x.triggerId === t.id)
        if (f?.fires === true) fired.push(surveyFired(t, f))
        break
      }
      case "DisciplineBreach": {
        const b = facts.disciplineBreaches ?? []
        if (b.length > 0)
          push(
            { _tag: "Discipline", breaches: b },
            {
              zh: `违纪记录：${b.map((x) => `${x.on} ${x.summary}`).join("；")}`,
              en: `breaches on record: ${b.map((x) => `${x.on} ${x.summary}`).join("; ")}`,
            },
          )
        break
      }
      case "Circumstance": {
        const j = (facts.judged ?? []).find((x) => x.triggerId === t.id)
        if (j !== undefined)
          push(
            { _tag: "Judged", by: j.by, on: j.on, note: j.note },
            {
              zh: `${ACTOR_LABELS[j.by].zh}于${j.on}认定：${c.description.zh}（${j.note}）`,
              en: `${ACTOR_LABELS[j.by].en} found on ${j.on}: ${c.description.en} (${j.note})`,
            },
          )
        break
      }
    }
  }
  return Either.right({ fired, survey })
}

const surveyFired = (t: RecallTrigger, f: SurveyFinding): FiredTrigger => ({
  triggerId: t.id,
  label: t.label,
  action: t.action,
  ...(t.decidedBy !== undefined ? { decidedBy: t.decidedBy } : {}),
  evidence: { _tag: "Survey", finding: f },
  citation: t.citation,
  text: f.text,
})

// ----------------------------------------------------------------------------------------- consequences

/**
 * A period after an event, Civil Code style: the last day is the corresponding day (inclusive).
 *
 * @category utils
 * @since 0.1.0
 */
export const periodEnd = (from: LocalDate, d: Duration): LocalDate =>
  d.unit === "year"
    ? addYears(from, d.amount)
    : d.unit === "month"
      ? addMonths(from, d.amount)
      : addDays(from, d.amount)

const yearEnd = (d: LocalDate): LocalDate => `${parts(d)[0]}-12-31` as LocalDate

/**
 * One consequence of a recall as it applies to the cadre or to the dispatching unit.
 *
 * @category models
 * @since 0.1.0
 */
export interface AppliedConsequence {
  readonly consequenceId: string
  readonly label: Text
  readonly appliesTo: Consequence["appliesTo"]
  readonly effect: Consequence["effect"]
  /** In force from (the recall date). */
  readonly from: LocalDate
  /** Last day in force, inclusive; absent: no end (a status removed). */
  readonly until?: LocalDate
  /** The assessment year it concerns ("当年"), for effects that are about a year's grade or awards. */
  readonly year?: number
  readonly grade?: Grade
  /** For `graded`: the cycle the scheme names for the grade (absent: its only year-end cycle). */
  readonly cycleId?: string
  readonly citation: Citation
  readonly text: Text
}

const durationText = (d: Duration): Text => ({
  zh: `${d.amount}${d.unit === "year" ? "年" : d.unit === "month" ? "个月" : "天"}`,
  en: `${d.amount} ${d.unit}${d.amount === 1 ? "" : "s"}`,
})

const apply = (c: Consequence, on: LocalDate): AppliedConsequence => {
  const year = parts(on)[0]
  const until =
    c.duration !== undefined ? periodEnd(on, c.duration) : c.period === "that_year" ? yearEnd(on) : undefined
  const cite = formatCitation(c.citation)
  const span: Text =
    c.duration !== undefined
      ? {
          zh: `自${on}起${durationText(c.duration).zh}，至${until}（含）`,
          en: `for ${durationText(c.duration).en} from ${on}, until ${until} inclusive`,
        }
      : until !== undefined
        ? { zh: `${year}年内（至${until}）`, en: `in ${year} (until ${until})` }
        : { zh: `自${on}起`, en: `from ${on}` }
  return {
    consequenceId: c.id,
    label: c.label,
    appliesTo: c.appliesTo,
    effect: c.effect,
    from: on,
    ...(until !== undefined ? { until } : {}),
    ...(c.period === "that_year" || c.effect === "graded" ? { year } : {}),
    ...(c.grade !== undefined ? { grade: c.grade } : {}),
    ...(c.cycleId !== undefined ? { cycleId: c.cycleId } : {}),
    citation: c.citation,
    text: {
      zh: `${c.label.zh}：${span.zh}${c.effect === "graded" && c.grade !== undefined ? `，${year}年度考核为${GRADE_LABELS[c.grade].zh}` : ""}（${cite}）`,
      en: `${c.label.en}: ${span.en}${c.effect === "graded" && c.grade !== undefined ? `; graded ${GRADE_LABELS[c.grade].en} for ${year}` : ""} (${cite})`,
    },
  }
}

/**
 * Is the consequence in force on `date`?
 *
 * @category predicates
 * @since 0.1.0
 */
export const inForce = (a: Pick<AppliedConsequence, "from" | "until">, date: LocalDate): boolean =>
  compare(date, a.from) >= 0 && (a.until === undefined || compare(date, a.until) <= 0)

/**
 * The recalls of the unit's cadres that count toward a threshold for a recall on `on` (both bounds inclusive).
 *
 * @category getters
 * @since 0.1.0
 */
export const recallsInWindow = (
  on: LocalDate,
  within: Duration,
  earlier: ReadonlyArray<LocalDate>,
  window: "rolling" | "calendar_year" = "rolling",
): ReadonlyArray<LocalDate> => {
  // 年度 (issue 13): the calendar year(s) of `on` — `within` N years is that year and the N − 1 before it (months
  // and days round up to the year they fall in).
  const firstYear = parts(on)[0] - (within.unit === "year" ? Math.max(1, within.amount) - 1 : 0)
  return [...earlier, on]
    .filter((e) =>
      compare(e, on) > 0
        ? false
        : window === "calendar_year"
          ? parts(e)[0] >= firstYear
          : compare(on, periodEnd(e, within)) <= 0,
    )
    .sort((a, b) => compare(a, b))
}

/**
 * A unit consequence that needs several recalls within a window: the recalls counted and whether the
 * threshold is reached.
 *
 * @category models
 * @since 0.1.0
 */
export interface UnitThreshold {
  readonly consequenceId: string
  readonly recalls: number
  readonly within: Duration
  /** The recalls counted, this one included, oldest first. */
  readonly counted: ReadonlyArray<LocalDate>
  readonly reached: boolean
  readonly text: Text
}

/**
 * What a recall entails on a date: the consequences for the cadre and for the unit, with the thresholds
 * checked.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecallOutcome {
  readonly on: LocalDate
  readonly cadre: ReadonlyArray<AppliedConsequence>
  readonly unit: ReadonlyArray<AppliedConsequence>
  /** For each unit consequence with a threshold: the window and whether it was reached. */
  readonly unitThresholds: ReadonlyArray<UnitThreshold>
  /** Set when the scheme names no consequences. */
  readonly note?: Text
}

/**
 * The consequences of a recall on `on`. `unitRecalls` are the dates of the other recalls of the same dispatching
 * unit's cadres (this one excluded; later ones are ignored), for thresholds such as 002's two within one year.
 *
 * @category rules
 * @since 0.1.0
 */
export const applyRecall = (input: {
  readonly consequences: Param<ReadonlyArray<Consequence>>
  readonly on: LocalDate
  readonly unitRecalls?: ReadonlyArray<LocalDate>
}): RecallOutcome => {
  const cs = input.consequences
  if (cs._tag === "Unspecified")
    return { on: input.on, cadre: [], unit: [], unitThresholds: [], note: cs.note }
  const cadre: Array<AppliedConsequence> = []
  const unit: Array<AppliedConsequence> = []
  const unitThresholds: Array<UnitThreshold> = []
  for (const c of cs.value) {
    if (c.appliesTo === "cadre") {
      cadre.push(apply(c, input.on))
      continue
    }
    if (c.after === undefined) {
      unit.push(apply(c, input.on))
      continue
    }
    const counted = recallsInWindow(input.on, c.after.within, input.unitRecalls ?? [], c.after.window)
    const reached = counted.length >= c.after.recalls
    const span = durationText(c.after.within)
    const y = parts(input.on)[0]
    const w =
      c.after.window === "calendar_year"
        ? { zh: `${y}年度`, en: `calendar year ${y}` }
        : { zh: span.zh, en: span.en }
    unitThresholds.push({
      consequenceId: c.id,
      recalls: c.after.recalls,
      within: c.after.within,
      counted,
      reached,
      text: {
        zh: `${w.zh}内召回该单位选派干部${counted.length}次（${counted.join("、")}），${reached ? "达到" : "未达到"}${c.after.recalls}次（${formatCitation(c.citation)}）`,
        en: `${counted.length} recall(s) of the unit's cadres within ${w.en} (${counted.join(", ")}): ${reached ? "reaches" : "below"} ${c.after.recalls} (${formatCitation(c.citation)})`,
      },
    })
    if (reached) unit.push(apply(c, input.on))
  }
  return { on: input.on, cadre, unit, unitThresholds }
}

/**
 * A grade a recall sets: the cycle and period it is recorded in, the grade, and the consequence it comes from.
 *
 * @category models
 * @since 0.1.0
 */
export interface RecallGrade {
  readonly consequenceId: string
  readonly cycle: AssessmentCycle
  /** The year, as a year-end cycle's period is written ("2027"). */
  readonly period: string
  readonly grade: Grade
  readonly citation: Citation
  readonly text: Text
}

/**
 * The grades a recall's `graded` consequences set (004 淮上 目标考核 三是: "当年考评为“不称职”"), each in the cycle the
 * consequence names or, when it names none, the scheme's only year-end cycle. `unplaced` lists the graded
 * consequences the scheme gives no cycle for (none named and not exactly one year-end cycle): the grade stays a
 * consequence on record and is not written as an assessment.
 *
 * @category rules
 * @since 0.1.0
 */
export const recallGrades = (
  cycles: ReadonlyArray<AssessmentCycle>,
  outcome: Pick<RecallOutcome, "cadre">,
): { readonly grades: ReadonlyArray<RecallGrade>; readonly unplaced: ReadonlyArray<AppliedConsequence> } => {
  const grades: Array<RecallGrade> = []
  const unplaced: Array<AppliedConsequence> = []
  const yearEnds = cycles.filter((c) => c.cadence._tag === "YearEnd")
  for (const a of outcome.cadre) {
    if (a.effect !== "graded" || a.grade === undefined || a.year === undefined) continue
    const cycle =
      a.cycleId !== undefined
        ? cycles.find((c) => c.id === a.cycleId)
        : yearEnds.length === 1
          ? yearEnds[0]
          : undefined
    if (cycle === undefined) {
      unplaced.push(a)
      continue
    }
    const g = GRADE_LABELS[a.grade]
    const cite = formatCitation(a.citation)
    grades.push({
      consequenceId: a.consequenceId,
      cycle,
      period: String(a.year),
      grade: a.grade,
      citation: a.citation,
      text: {
        zh: `召回：${cycle.label.zh}（${a.year}）定为${g.zh}（${cite}）`,
        en: `Recall: ${cycle.label.en} (${a.year}) graded ${g.en} (${cite})`,
      },
    })
  }
  return { grades, unplaced }
}
