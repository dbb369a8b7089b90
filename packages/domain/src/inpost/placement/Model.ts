/**
 * The placement itself: one cadre in one post under one scheme version, with its history and the assessments on
 * its record; how a new one is made and what it says about itself.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Role } from "../../access/Access.js"
import { PersonId } from "../../person/Profile.js"
import { AdmonishMeasure, Relations, type Scheme } from "../../scheme/Scheme.js"
import { Citation } from "../../shared/Citation.js"
import { LocalDate } from "../../shared/LocalDate.js"
import { Text } from "../../shared/Text.js"
import { relationsOf } from "./FromScheme.js"
import { PlacementMove } from "./Moves.js"
import { Ending, OnRecordAssessment, PlacementDecision, TermRecord } from "./Records.js"
import { PlacementState } from "./State.js"

const NonEmpty = Schema.NonEmptyTrimmedString

// ---------------------------------------------------------------------------------------------- the record

/**
 * One legal move in a placement's history: the move, the states before and after, who and when, and the scheme
 * version that governed it (the one in force on the move's date, issue 13; absent on entries written before).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlacementHistoryEntry = Schema.Struct({
  move: PlacementMove,
  from: PlacementState,
  to: PlacementState,
  by: Schema.String,
  role: Role,
  on: LocalDate,
  schemeVersion: Schema.optional(Schema.Int),
}).annotations({ identifier: "PlacementHistoryEntry", title: "任职记录 / placement history entry" })
/**
 * The decoded value of the {@link PlacementHistoryEntry} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PlacementHistoryEntry = typeof PlacementHistoryEntry.Type

/**
 * Why an assessment is on the placement's record.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AssessmentPurpose = Schema.Literal("confirmation", "extension", "return", "term_end")
/**
 * The decoded value of the {@link AssessmentPurpose} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type AssessmentPurpose = typeof AssessmentPurpose.Type

/**
 * An admonishment on record: the trigger, the measures taken, why, and the managing body's decision.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Admonishment = Schema.Struct({
  triggerId: NonEmpty,
  measures: Schema.NonEmptyArray(AdmonishMeasure),
  reason: NonEmpty,
  decision: PlacementDecision,
  /** The trigger's clause, as the governing scheme version cites it on the decision's day. */
  citation: Citation,
}).annotations({ identifier: "Admonishment", title: "教育提醒记录 / admonishment on record" })
/**
 * The decoded value of the {@link Admonishment} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Admonishment = typeof Admonishment.Type

/**
 * A cadre's placement in a post under one scheme version: its state, dates, probation, terms, relations,
 * assessments, ending and history.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Placement = Schema.Struct({
  id: NonEmpty,
  personId: PersonId,
  schemeId: Schema.String,
  /** Fixed at creation; no move changes it. */
  schemeVersion: Schema.Int,
  postId: NonEmpty,
  applicationId: Schema.optional(Schema.String),
  state: PlacementState,
  /** The date of the appointment decision. */
  placedOn: LocalDate,
  /** 到岗日 (first day in post). */
  startedOn: Schema.optional(LocalDate),
  /** The post held on probation (000: 居民区党组织副书记) and the date it ends, when the scheme states a length. */
  probation: Schema.optional(Schema.Struct({ asRole: Text, endsOn: Schema.optional(LocalDate) })),
  confirmation: Schema.optional(Schema.Struct({ electedOn: LocalDate, assessment: OnRecordAssessment })),
  terms: Schema.Array(TermRecord),
  /** What the scheme says of each relation, copied when the placement is made (absent: the scheme is silent). */
  relations: Relations,
  /** Transfers done, with their dates. */
  relationsMoved: Schema.Struct({
    party: Schema.optional(LocalDate),
    administrative: Schema.optional(LocalDate),
    pay: Schema.optional(LocalDate),
  }),
  assessments: Schema.Array(Schema.Struct({ purpose: AssessmentPurpose, assessment: OnRecordAssessment })),
  ending: Schema.optional(Ending),
  /** Admonishments recorded (the `Admonish` move): 批评教育、促其整改 (003 五), 诫勉谈话 (004 淮上). */
  admonishments: Schema.optional(Schema.Array(Admonishment)),
  history: Schema.Array(PlacementHistoryEntry),
}).annotations({ identifier: "Placement", title: "任职安排 / placement" })
/**
 * The decoded value of the {@link Placement} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Placement = typeof Placement.Type

// ---------------------------------------------------------------------------------------------- constructors

/**
 * A new placement in `placed`, bound to the scheme version, with the scheme's relations rule copied onto it.
 *
 * @category constructors
 * @since 0.1.0
 */
export const newPlacement = (input: {
  readonly id: string
  readonly personId: PersonId
  readonly postId: string
  readonly placedOn: LocalDate
  readonly scheme: Scheme
  readonly applicationId?: string
}): Placement => ({
  id: input.id,
  personId: input.personId,
  schemeId: input.scheme.id,
  schemeVersion: input.scheme.version,
  postId: input.postId,
  ...(input.applicationId === undefined ? {} : { applicationId: input.applicationId }),
  state: "placed",
  placedOn: input.placedOn,
  terms: [],
  relations: relationsOf(input.scheme),
  relationsMoved: {},
  assessments: [],
  history: [],
})

/**
 * Confirmed after probation (000 三（一） 通过换届选举正式担任): in term with the election on record.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isConfirmed = (p: Placement): boolean => p.state !== "placed" && p.confirmation !== undefined

/**
 * The term being served (the last one), if the cadre has taken up the post.
 *
 * @category getters
 * @since 0.1.0
 */
export const currentTerm = (p: Placement): TermRecord | undefined => p.terms[p.terms.length - 1]
