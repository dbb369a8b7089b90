/**
 * What a placement keeps on record: assessments, decisions, the relations that move with the post, the terms
 * served and how the placement ended.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Actor, Grade } from "../../scheme/Scheme.js"
import { LocalDate } from "../../shared/LocalDate.js"
import type { Text } from "../../shared/Text.js"

const NonEmpty = Schema.NonEmptyTrimmedString

// ---------------------------------------------------------------------------------------------- records

/**
 * An assessment on record (考评意见): who assessed, when, the conclusion and its summary. Confirmation,
 * extension and return each carry one (000 三（一） 经街道综合考评); the term end may (002 三（二） 任职期满，组织全面考核).
 *
 * @category schemas
 * @since 0.1.0
 */
export const OnRecordAssessment = Schema.Struct({
  by: Actor,
  date: LocalDate,
  /** 能胜任 / 不适合. */
  conclusion: Schema.Literal("competent", "not_competent"),
  summary: NonEmpty,
  grade: Schema.optional(Grade),
  /** The meeting or document it was recorded in. */
  reference: Schema.optional(Schema.String),
}).annotations({ identifier: "OnRecordAssessment", title: "考评意见 / assessment on record" })
/**
 * The decoded value of the {@link OnRecordAssessment} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type OnRecordAssessment = typeof OnRecordAssessment.Type

/**
 * A decision by a body (the org dept for an adjustment under 000 三（四）), with its date and reference.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlacementDecision = Schema.Struct({
  by: Actor,
  date: LocalDate,
  reference: Schema.optional(Schema.String),
}).annotations({ identifier: "PlacementDecision", title: "研究决定 / decision" })
/**
 * The decoded value of the {@link PlacementDecision} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PlacementDecision = typeof PlacementDecision.Type

/**
 * The relations a cadre may move with the post: Party, administrative (personnel) and pay.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RelationKind = Schema.Literal("party", "administrative", "pay")
/**
 * The decoded value of the {@link RelationKind} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RelationKind = typeof RelationKind.Type
/**
 * Display labels of each relation kind, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const RELATION_LABELS: Readonly<Record<RelationKind, Text>> = {
  party: { zh: "组织关系", en: "Party relation" },
  administrative: { zh: "行政（人事）关系", en: "administrative relation" },
  pay: { zh: "工资关系", en: "pay relation" },
}

/**
 * One term served in a placement: its number, start and end.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TermRecord = Schema.Struct({
  /** 1 for the first term, 2 after the first stay-on… */
  number: Schema.Int.pipe(Schema.positive()),
  start: LocalDate,
  /** 期满日: the term has been served in full on this day. */
  end: LocalDate,
})
/**
 * The decoded value of the {@link TermRecord} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TermRecord = typeof TermRecord.Type

/**
 * How and when a placement ended, why, and the decision behind it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Ending = Schema.Struct({
  kind: Schema.Literal("returned_to_unit", "adjusted", "recalled", "exited"),
  date: LocalDate,
  reason: Schema.String,
  triggerId: Schema.optional(Schema.String),
  decision: Schema.optional(PlacementDecision),
})
/**
 * The decoded value of the {@link Ending} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Ending = typeof Ending.Type
