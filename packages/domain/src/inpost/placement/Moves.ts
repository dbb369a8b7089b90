/**
 * The moves on a placement, their labels, and the error that refuses an illegal one.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { LocalDate } from "../../shared/LocalDate.js"
import { AdmonishMeasure } from "../../scheme/sections/Recall.js"
import { Text } from "../../shared/Text.js"
import { OnRecordAssessment, PlacementDecision, RelationKind } from "./Records.js"
import { PLACEMENT_STATE_LABELS, PlacementState } from "./State.js"

const NonEmpty = Schema.NonEmptyTrimmedString

// ---------------------------------------------------------------------------------------------- moves

/**
 * A move on a placement: take up the post, confirm, extend probation, return to the unit, record a relation
 * moved, end the term, stay on, recall, adjust, exit.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlacementMove = Schema.Union(
  /** 到岗: the cadre takes up the post; `termEnd` where the appointment states the end itself. */
  Schema.TaggedStruct("TakeUp", { date: LocalDate, termEnd: Schema.optional(LocalDate) }),
  /** 经考评能胜任，通过换届选举正式担任 (000 三（一）). */
  Schema.TaggedStruct("Confirm", { electedOn: LocalDate, assessment: OnRecordAssessment }),
  /** 适当延长见习期 (000 三（一）): to a later date. */
  Schema.TaggedStruct("ExtendProbation", { until: LocalDate, assessment: OnRecordAssessment }),
  /** 返回派出单位 after probation (000 三（一）). */
  Schema.TaggedStruct("ReturnToUnit", { date: LocalDate, assessment: OnRecordAssessment }),
  /** Record that a relation was transferred (000 一（二）1 转组织关系). */
  Schema.TaggedStruct("RecordRelation", { relation: RelationKind, date: LocalDate }),
  /** 任期届满, with the term-end assessment when it is made (002 三（二）, 004 晋城 成果运用 二是). */
  Schema.TaggedStruct("EndTerm", { assessment: Schema.optional(OnRecordAssessment) }),
  /** 留任 (000 一): the cadre wishes to stay and the org dept decides; `until` where the scheme has no length. */
  Schema.TaggedStruct("StayOn", {
    cadreWishes: Schema.Literal(true),
    decision: PlacementDecision,
    until: Schema.optional(LocalDate),
  }),
  /** 召回 (002 三（二）): on a scheme trigger or by decision, with the evidence. */
  Schema.TaggedStruct("Recall", {
    triggerId: Schema.optional(NonEmpty),
    evidence: NonEmpty,
    decision: PlacementDecision,
  }),
  /** 调整或返回派出单位 (000 三（四）): on one of the scheme's adjustment triggers, decided by the body it names. */
  Schema.TaggedStruct("Adjust", {
    triggerId: NonEmpty,
    outcome: Schema.Literal("adjust", "return_to_unit"),
    reason: NonEmpty,
    decision: PlacementDecision,
  }),
  /**
   * 教育提醒 on one of the scheme's `admonish` triggers, decided by the managing body it names: 批评教育、促其整改 (003
   * 五 强化负面惩戒), 诫勉谈话 (004 淮上 目标考核 三是). The placement goes on; the measure is on its record.
   */
  Schema.TaggedStruct("Admonish", {
    triggerId: NonEmpty,
    measures: Schema.NonEmptyArray(AdmonishMeasure),
    reason: NonEmpty,
    decision: PlacementDecision,
  }),
  /** 期满离任. */
  Schema.TaggedStruct("Exit", { date: LocalDate, reason: NonEmpty }),
).annotations({ identifier: "PlacementMove", title: "任职操作 / placement move" })
/**
 * The decoded value of the {@link PlacementMove} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PlacementMove = typeof PlacementMove.Type
/**
 * The tag of a placement move.
 *
 * @category models
 * @since 0.1.0
 */
export type PlacementMoveTag = PlacementMove["_tag"]

/**
 * Display labels of each placement move, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const PLACEMENT_MOVE_LABELS: Readonly<Record<PlacementMoveTag, Text>> = {
  TakeUp: { zh: "到岗", en: "take up the post" },
  Confirm: { zh: "见习期满正式任职", en: "confirm after probation" },
  ExtendProbation: { zh: "延长见习期", en: "extend probation" },
  ReturnToUnit: { zh: "返回派出单位", en: "return to the dispatching unit" },
  RecordRelation: { zh: "登记关系转接", en: "record a relation transfer" },
  EndTerm: { zh: "任期届满", en: "end the term" },
  StayOn: { zh: "留任", en: "stay on" },
  Recall: { zh: "召回", en: "recall" },
  Adjust: { zh: "调整或返回", en: "adjust or return" },
  Admonish: { zh: "教育提醒（批评教育、诫勉谈话等）", en: "admonish" },
  Exit: { zh: "离任", en: "exit" },
}

// ---------------------------------------------------------------------------------------------- errors

/**
 * Why a placement move is illegal (closed, wrong state, wrong actor, dates, missing assessment, …).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlacementIllegalReason = Schema.Literal(
  "closed", // returned, adjusted, recalled or exited: nothing more happens
  "wrong_state",
  "version_mismatch",
  "not_authorised", // the caller does not speak for the body the move needs
  "future_date",
  "before_start",
  "no_probation", // the scheme sets no probation
  "not_allowed_by_scheme", // extension / return not among the scheme's probation outcomes
  "conclusion_mismatch", // e.g. confirming on a "not competent" assessment
  "wrong_assessor",
  "wrong_decider",
  "not_extending",
  "term_end_required",
  "term_end_fixed",
  "term_not_over",
  "unknown_trigger",
  "trigger_action_mismatch",
  "measure_not_in_clause", // an admonishment measure the trigger's clause does not name
  "relation_stays",
  "relation_recorded",
)
/**
 * The decoded value of the {@link PlacementIllegalReason} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PlacementIllegalReason = typeof PlacementIllegalReason.Type

/**
 * A placement move the kernel refuses, naming the state and the move, with the reason in both languages.
 *
 * @category errors
 * @since 0.1.0
 */
export class IllegalPlacementMove extends Schema.TaggedError<IllegalPlacementMove>()("IllegalPlacementMove", {
  state: PlacementState,
  move: Schema.String,
  reason: PlacementIllegalReason,
  detail: Text,
}) {
  get text(): Text {
    const s = PLACEMENT_STATE_LABELS[this.state]
    const m = PLACEMENT_MOVE_LABELS[this.move as PlacementMoveTag] ?? { zh: this.move, en: this.move }
    return {
      zh: `任职状态“${s.zh}”下不能“${m.zh}”：${this.detail.zh}`,
      en: `Cannot ${m.en} while "${s.en}": ${this.detail.en}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}
