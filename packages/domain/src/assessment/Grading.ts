/**
 * One person's assessment in one cycle and period, in the order the scheme's cycle sets out: a first opinion
 * (when `firstOpinionBy` is set), the grade (by `decidedBy`), and the report (when `reportTo` is set).
 * 000 三（二）: "年终，由街道党工委对选派干部的年度考核提出初评意见，派出单位经综合考评后确定选派干部的考核等次，
 * 并向区委组织部报备" — the street's first opinion, then the dispatching unit's grade, reported to the org dept.
 *
 * Quotas are not checked here: the caller runs `checkGrade` (Quota.ts) in the transaction that records DecideGrade.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type { Actor, AssessmentCycle, Grade } from "../scheme/Scheme.js"
import { Citation, formatCitation } from "../shared/Citation.js"
import { compare, type LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { ACTOR_LABELS, GRADE_LABELS } from "./Labels.js"

/**
 * The steps of one grading record, in order: the first opinion, the grade, the report.
 *
 * @category models
 * @since 0.1.0
 */
export type GradingStep = "first_opinion" | "graded" | "reported"

/**
 * Display labels of each grading step, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const STEP_LABELS: Readonly<Record<GradingStep, Text>> = {
  first_opinion: { zh: "提出初评意见", en: "first opinion" },
  graded: { zh: "确定考核等次", en: "grade decided" },
  reported: { zh: "报备", en: "reported" },
}

/**
 * The steps a cycle has, in order, each with the actor the scheme names (undefined: the scheme names none).
 *
 * @category getters
 * @since 0.1.0
 */
export const gradingSteps = (
  cycle: AssessmentCycle,
): ReadonlyArray<{ readonly step: GradingStep; readonly actor: Actor | undefined }> => [
  ...(cycle.firstOpinionBy !== undefined
    ? [{ step: "first_opinion" as const, actor: cycle.firstOpinionBy }]
    : []),
  { step: "graded" as const, actor: cycle.decidedBy },
  ...(cycle.reportTo !== undefined ? [{ step: "reported" as const, actor: cycle.reportTo }] : []),
]

/**
 * One person's grading in one cycle and period: the steps taken so far, each with who and when.
 *
 * @category models
 * @since 0.1.0
 */
export interface GradingRecord {
  readonly cycleId: string
  /** The period assessed: "2024" for a year-end cycle, "2024-H1" for a half-year, a term id for term end. */
  readonly period: string
  readonly firstOpinion?: {
    readonly by: Actor
    readonly on: LocalDate
    readonly opinion: string
    /** The grade the first opinion proposes, if it proposes one. */
    readonly proposed?: Grade
  }
  readonly decided?: { readonly by: Actor; readonly on: LocalDate; readonly grade: Grade }
  readonly reported?: { readonly by: Actor; readonly to: Actor; readonly on: LocalDate }
}

/**
 * A step asked of a grading record: give the first opinion, decide the grade, or report it.
 *
 * @category models
 * @since 0.1.0
 */
export type GradingMove =
  | {
      readonly _tag: "GiveFirstOpinion"
      readonly by: Actor
      readonly on: LocalDate
      readonly opinion: string
      readonly proposed?: Grade
    }
  | { readonly _tag: "DecideGrade"; readonly by: Actor; readonly on: LocalDate; readonly grade: Grade }
  | { readonly _tag: "Report"; readonly by: Actor; readonly on: LocalDate }

/**
 * Why a grading move is refused (wrong cycle, step absent from the cycle, out of order, done, wrong actor,
 * dated too early).
 *
 * @category schemas
 * @since 0.1.0
 */
export const GradingRefusal = Schema.Literal(
  "cycle_mismatch", // the record belongs to another cycle
  "no_such_step", // the cycle has no first opinion / no report
  "out_of_order", // a step before the one it follows
  "already_done",
  "wrong_actor", // not the body the scheme names
  "date_before_previous", // dated before the step it follows
)
/**
 * The decoded value of the {@link GradingRefusal} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type GradingRefusal = typeof GradingRefusal.Type

/**
 * A step refused, with the reason in both languages and the clause of the cycle.
 *
 * @category errors
 * @since 0.1.0
 */
export class GradingRefused extends Schema.TaggedError<GradingRefused>()("GradingRefused", {
  cycleId: Schema.String,
  move: Schema.String,
  reason: GradingRefusal,
  detail: Text,
  citation: Citation,
}) {
  get text(): Text {
    const c = formatCitation(this.citation)
    return {
      zh: `考核“${this.cycleId}”：${this.detail.zh}（${c}）`,
      en: `assessment ${this.cycleId}: ${this.detail.en} (${c})`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * An empty grading record for a cycle and period, before any step.
 *
 * @category constructors
 * @since 0.1.0
 */
export const newGrading = (cycle: AssessmentCycle, period: string): GradingRecord => ({
  cycleId: cycle.id,
  period,
})

/**
 * A grade a rule imposes rather than a body's judgement (004 淮上 目标考核 三是: a recalled cadre "当年考评为“不称职”"):
 * decided by `by` on `on`, whatever steps were taken before. A first opinion on record is kept (it is history); a
 * report of an earlier grade is dropped, since the grade reported is no longer the grade.
 *
 * @category rules
 * @since 0.1.0
 */
export const imposeGrade = (
  before: GradingRecord,
  decided: { readonly by: Actor; readonly on: LocalDate; readonly grade: Grade },
): GradingRecord => ({
  cycleId: before.cycleId,
  period: before.period,
  ...(before.firstOpinion === undefined ? {} : { firstOpinion: before.firstOpinion }),
  decided,
})

/**
 * The next step to take, or undefined when the record is complete.
 *
 * @category rules
 * @since 0.1.0
 */
export const nextGradingStep = (cycle: AssessmentCycle, record: GradingRecord): GradingStep | undefined => {
  if (cycle.firstOpinionBy !== undefined && record.firstOpinion === undefined) return "first_opinion"
  if (record.decided === undefined) return "graded"
  if (cycle.reportTo !== undefined && record.reported === undefined) return "reported"
  return undefined
}

const MOVE_STEP: Readonly<Record<GradingMove["_tag"], GradingStep>> = {
  GiveFirstOpinion: "first_opinion",
  DecideGrade: "graded",
  Report: "reported",
}

/**
 * Apply a step; Left says why it is refused, and the record is unchanged.
 *
 * @category rules
 * @since 0.1.0
 */
export const applyGrading = (
  cycle: AssessmentCycle,
  record: GradingRecord,
  move: GradingMove,
): Either.Either<GradingRecord, GradingRefused> => {
  const fail = (reason: GradingRefusal, zh: string, en: string) =>
    Either.left(
      new GradingRefused({
        cycleId: cycle.id,
        move: move._tag,
        reason,
        detail: { zh, en },
        citation: cycle.citation,
      }),
    )
  if (record.cycleId !== cycle.id)
    return fail(
      "cycle_mismatch",
      `记录属于考核“${record.cycleId}”`,
      `the record belongs to cycle ${record.cycleId}`,
    )
  const step = MOVE_STEP[move._tag]
  const s = STEP_LABELS[step]
  const planned = gradingSteps(cycle).find((x) => x.step === step)
  if (planned === undefined)
    return fail("no_such_step", `本考核没有“${s.zh}”环节`, `this cycle has no "${s.en}" step`)
  const done =
    step === "first_opinion"
      ? record.firstOpinion !== undefined
      : step === "graded"
        ? record.decided !== undefined
        : record.reported !== undefined
  if (done) return fail("already_done", `“${s.zh}”已完成`, `"${s.en}" is already done`)
  const next = nextGradingStep(cycle, record)
  if (next !== step && next !== undefined)
    return fail(
      "out_of_order",
      `须先${STEP_LABELS[next].zh}，才能${s.zh}`,
      `"${STEP_LABELS[next].en}" comes before "${s.en}"`,
    )
  // For a report the scheme names the recipient; the one reporting is the body that decided the grade.
  const expectedBy = step === "reported" ? cycle.decidedBy : planned.actor
  if (expectedBy !== undefined && move.by !== expectedBy)
    return fail(
      "wrong_actor",
      `${s.zh}应由${ACTOR_LABELS[expectedBy].zh}进行，不是${ACTOR_LABELS[move.by].zh}`,
      `"${s.en}" is for ${ACTOR_LABELS[expectedBy].en}, not ${ACTOR_LABELS[move.by].en}`,
    )
  const previous =
    step === "graded" ? record.firstOpinion?.on : step === "reported" ? record.decided?.on : undefined
  if (previous !== undefined && compare(move.on, previous) < 0)
    return fail(
      "date_before_previous",
      `${s.zh}日期 ${move.on} 早于上一环节 ${previous}`,
      `"${s.en}" is dated ${move.on}, before the previous step on ${previous}`,
    )
  switch (move._tag) {
    case "GiveFirstOpinion":
      return Either.right({
        ...record,
        firstOpinion: {
          by: move.by,
          on: move.on,
          opinion: move.opinion,
          ...(move.proposed !== undefined ? { proposed: move.proposed } : {}),
        },
      })
    case "DecideGrade":
      return Either.right({ ...record, decided: { by: move.by, on: move.on, grade: move.grade } })
    case "Report": {
      // `planned.actor` is set: the step exists only when the cycle names `reportTo`.
      const to = planned.actor ?? "org_dept"
      return Either.right({ ...record, reported: { by: move.by, to, on: move.on } })
    }
  }
}

/**
 * "街道党工委初评：称职；派出单位确定：优秀；已报备区委组织部" — the record in words.
 *
 * @category utils
 * @since 0.1.0
 */
export const gradingSummary = (record: GradingRecord): Text => {
  const zh: Array<string> = []
  const en: Array<string> = []
  const f = record.firstOpinion
  if (f !== undefined) {
    zh.push(
      `${ACTOR_LABELS[f.by].zh}初评${f.proposed !== undefined ? `：${GRADE_LABELS[f.proposed].zh}` : ""}`,
    )
    en.push(
      `first opinion by ${ACTOR_LABELS[f.by].en}${f.proposed !== undefined ? `: ${GRADE_LABELS[f.proposed].en}` : ""}`,
    )
  }
  const d = record.decided
  if (d !== undefined) {
    zh.push(`${ACTOR_LABELS[d.by].zh}确定：${GRADE_LABELS[d.grade].zh}`)
    en.push(`graded ${GRADE_LABELS[d.grade].en} by ${ACTOR_LABELS[d.by].en}`)
  }
  const r = record.reported
  if (r !== undefined) {
    zh.push(`已报备${ACTOR_LABELS[r.to].zh}`)
    en.push(`reported to ${ACTOR_LABELS[r.to].en}`)
  }
  return { zh: zh.join("；"), en: en.join("; ") }
}
