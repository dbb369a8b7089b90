/**
 * A placement (任职安排): one cadre in one post, made under one scheme version and bound to it for life. The
 * checked state machine `transition(placement, move, ctx)` is pure and refuses an illegal move with a bilingual
 * explanation; every legal move is appended to the history.
 *
 *   placed ──TakeUp──▶ on_probation  (the scheme has probation: 000 三（一） 先在居民区党组织担任副书记见习)
 *          └─TakeUp──▶ in_term       (no probation)
 *   on_probation / probation_extended
 *          ──Confirm (elected, with the date and the street's assessment)──▶ in_term
 *          ──ExtendProbation (assessment)──▶ probation_extended   (000 三（一） 适当延长见习期)
 *          ──ReturnToUnit (assessment)────▶ returned_to_unit       (000 三（一） 返回派出单位)
 *   in_term ──EndTerm (on or after the term end)──▶ term_ended
 *   term_ended ──StayOn (the cadre wishes, the org dept decides)──▶ in_term (a new term)   (000 一 留任)
 *              ──Exit──▶ exited
 *   on_probation / probation_extended / in_term
 *          ──Recall (a scheme trigger with action "recall", or a decision)──▶ recalled          (002 三（二）)
 *          ──Adjust (a scheme trigger with action "adjust_or_return", decided by the body it names)
 *                   ──▶ adjusted | returned_to_unit                                           (000 三（四）)
 *   RecordRelation (转组织关系…) in any open state, never for a relation the scheme keeps (000 一（二）1).
 *
 * "Confirmed" is `in_term` with `confirmation` set: the election date and the assessment it rests on.
 *
 * Term end (期满日): the start plus the scheme's `term.length` (5 years, 2 years, 1 year, 6 months…) with
 * month-end clamping (inpost/Dates.ts). It is the day on which the term has been served in full; the last day
 * in post is the day before. Where the scheme states no length (004 晋城, 淮上) the appointment must state the end;
 * where the length is qualified (原则上/一般) the appointment may state another end; otherwise it may not.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { Role } from "../access/Access.js"
import { PersonId } from "../person/Profile.js"
import {
  Actor,
  type Duration,
  Grade,
  type Probation,
  type Provision,
  type RecallTrigger,
  Relations,
  type Scheme,
} from "../scheme/Scheme.js"
import type { Citation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import { compare, LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { ACTOR_LABELS, actsAs, decidesAs, managesCadres } from "./Actors.js"
import { addDuration } from "./Dates.js"

const NonEmpty = Schema.NonEmptyTrimmedString

/**
 * The states of a placement, in lifecycle order; the source of {@link PlacementState}.
 *
 * @category constants
 * @since 0.1.0
 */
export const PLACEMENT_STATES = [
  "placed", // 已安排（待到岗）
  "on_probation", // 见习
  "probation_extended", // 延长见习
  "in_term", // 任职（见习后经选举正式任职，或无见习期）
  "term_ended", // 任期届满
  "returned_to_unit", // 返回派出单位
  "adjusted", // 调整
  "recalled", // 召回
  "exited", // 期满退出
] as const
/**
 * Where a placement stands in its lifecycle (one value of {@link PLACEMENT_STATES}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PlacementState = Schema.Literal(...PLACEMENT_STATES).annotations({
  identifier: "PlacementState",
  title: "任职状态 / placement state",
})
/**
 * The decoded value of the {@link PlacementState} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PlacementState = typeof PlacementState.Type

/**
 * The states after which nothing more happens to a placement.
 *
 * @category constants
 * @since 0.1.0
 */
export const TERMINAL_PLACEMENT_STATES: ReadonlyArray<PlacementState> = [
  "returned_to_unit",
  "adjusted",
  "recalled",
  "exited",
]
/**
 * Whether the placement has ended (returned, adjusted, recalled or exited).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isClosed = (s: PlacementState): boolean => TERMINAL_PLACEMENT_STATES.includes(s)
const PROBATION_STATES: ReadonlyArray<PlacementState> = ["on_probation", "probation_extended"]
const SERVING_STATES: ReadonlyArray<PlacementState> = [...PROBATION_STATES, "in_term"]

/**
 * Display labels of each placement state, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const PLACEMENT_STATE_LABELS: Readonly<Record<PlacementState, Text>> = {
  placed: { zh: "已安排，待到岗", en: "placed, not yet in post" },
  on_probation: { zh: "见习", en: "on probation" },
  probation_extended: { zh: "延长见习", en: "probation extended" },
  in_term: { zh: "任职中", en: "in term" },
  term_ended: { zh: "任期届满", en: "term ended" },
  returned_to_unit: { zh: "已返回派出单位", en: "returned to the dispatching unit" },
  adjusted: { zh: "已调整", en: "adjusted" },
  recalled: { zh: "已召回", en: "recalled" },
  exited: { zh: "已期满离任", en: "exited at the end of the term" },
}

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
  Exit: { zh: "离任", en: "exit" },
}

/**
 * One legal move in a placement's history: the move, the states before and after, who and when.
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
  history: Schema.Array(PlacementHistoryEntry),
}).annotations({ identifier: "Placement", title: "任职安排 / placement" })
/**
 * The decoded value of the {@link Placement} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Placement = typeof Placement.Type

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

// ---------------------------------------------------------------------------------------------- scheme reading

/**
 * The scheme's probation, if it sets one (000 三（一）).
 *
 * @category getters
 * @since 0.1.0
 */
export const probationOf = (scheme: Scheme): Probation | undefined =>
  scheme.term.probation._tag === "Cited" ? scheme.term.probation.value : undefined

/**
 * The scheme's relations rule (absent or unspecified: nothing stated).
 *
 * @category getters
 * @since 0.1.0
 */
export const relationsOf = (scheme: Scheme): Relations =>
  scheme.relations?._tag === "Cited" ? scheme.relations.value : {}

/**
 * The full-time clauses the placement is held to (000 三（三）, 002 三（一）): recorded, not computed.
 *
 * @category getters
 * @since 0.1.0
 */
export const fullTimeRules = (scheme: Scheme): ReadonlyArray<Provision> =>
  scheme.provisions.filter((p) => p.topic === "full_time")

/**
 * The body whose assessment ends probation: the decider of the scheme's `probation_review` cycle (000: street).
 *
 * @category getters
 * @since 0.1.0
 */
export const probationAssessor = (scheme: Scheme): Actor | undefined =>
  scheme.assessment.cycles.find((c) => c.id === "probation_review")?.decidedBy

/** The org dept and the bodies above it decide recalls and stay-ons when the scheme names no one else. */
const ORG_DEPT_BODIES: ReadonlyArray<Actor> = ["org_dept", "org_dept_meeting", "standing_committee"]

const t = (zh: string, en: string): Text => ({ zh, en })

/**
 * The term end for a term starting on `start`: the scheme's length, or `stated` (the appointment's own date)
 * where the scheme is silent or its length is qualified. Left: the reason and explanation.
 *
 * @category getters
 * @since 0.1.0
 */
export const termEndFor = (
  length: Param<Duration>,
  start: LocalDate,
  stated: LocalDate | undefined,
): Either.Either<LocalDate, { readonly reason: PlacementIllegalReason; readonly detail: Text }> => {
  if (length._tag === "Unspecified") {
    if (stated === undefined)
      return Either.left({
        reason: "term_end_required",
        detail: t(
          `方案未规定任期（${length.note.zh}），任职决定须写明期满日期`,
          `the scheme sets no term length (${length.note.en}); the appointment must state the end date`,
        ),
      })
    return compare(stated, start) > 0
      ? Either.right(stated)
      : Either.left({
          reason: "before_start",
          detail: t(
            `期满日期 ${stated} 须晚于到岗日 ${start}`,
            `the end ${stated} must be after the start ${start}`,
          ),
        })
  }
  const computed = addDuration(start, length.value)
  if (stated === undefined || stated === computed) return Either.right(computed)
  const unit = { day: ["天", "day(s)"], month: ["个月", "month(s)"], year: ["年", "year(s)"] }[
    length.value.unit
  ]
  if (length.qualifier === undefined)
    return Either.left({
      reason: "term_end_fixed",
      detail: t(
        `方案规定任期为${length.value.amount}${unit[0]}（${length.citation.document} ${length.citation.clause}），期满日为 ${computed}，不能另定为 ${stated}`,
        `the scheme fixes the term at ${length.value.amount} ${unit[1]} (${length.citation.document} ${length.citation.clause}), ending ${computed}, not ${stated}`,
      ),
    })
  return compare(stated, start) > 0
    ? Either.right(stated)
    : Either.left({
        reason: "before_start",
        detail: t(
          `期满日期 ${stated} 须晚于到岗日 ${start}`,
          `the end ${stated} must be after the start ${start}`,
        ),
      })
}

// ---------------------------------------------------------------------------------------------- transition

/**
 * What a placement move is checked against: the scheme version, the date and the caller.
 *
 * @category models
 * @since 0.1.0
 */
export interface PlacementContext {
  /** The scheme version the placement was made under. */
  readonly scheme: Scheme
  /** Today, as the caller's clock says. */
  readonly on: LocalDate
  readonly by: { readonly accountId: string; readonly role: Role }
}

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

type Result = Either.Either<Placement, IllegalPlacementMove>

/**
 * Apply a move. Left: the move is illegal; the placement is unchanged.
 *
 * @example
 * ```ts
 * import { Either, Schema } from "effect"
 * import { InPost, LocalDate, Person, Scheme } from "@cadre/domain"
 *
 * const scheme = Scheme.loadPreset(Scheme.yangpuCommunitySecretary)
 * const placement = InPost.newPlacement({
 *   id: "pl-1",
 *   personId: Schema.decodeSync(Person.PersonId)("p-1"),
 *   postId: "post-1",
 *   placedOn: LocalDate.make("2021-01-08"),
 *   scheme,
 * })
 * const next = InPost.transition(
 *   placement,
 *   { _tag: "TakeUp", date: LocalDate.make("2021-01-11") },
 *   { scheme, on: LocalDate.make("2021-01-11"), by: { accountId: "a-1", role: "street_admin" } },
 * )
 * Either.map(next, (p) => p.state) // Either.right("on_probation"): the scheme starts with probation
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const transition = (p: Placement, move: PlacementMove, ctx: PlacementContext): Result => {
  const { scheme, on } = ctx
  const role = ctx.by.role
  const s = p.state
  const fail = (reason: PlacementIllegalReason, detail: Text): Result =>
    Either.left(new IllegalPlacementMove({ state: s, move: move._tag, reason, detail }))
  const ok = (to: PlacementState, patch: Partial<Placement> = {}): Result =>
    Either.right({
      ...p,
      ...patch,
      state: to,
      schemeId: p.schemeId,
      schemeVersion: p.schemeVersion,
      history: [...p.history, { move, from: s, to, by: ctx.by.accountId, role, on }],
    })
  const wrongState = (zhWhen: string, enWhen: string) =>
    fail("wrong_state", t(`此操作只能在${zhWhen}进行`, `this move is only possible ${enWhen}`))
  const notFuture = (d: LocalDate, zhWhat: string, enWhat: string): Result | undefined =>
    compare(d, on) > 0
      ? fail("future_date", t(`${zhWhat} ${d} 晚于今天 ${on}`, `${enWhat} ${d} is after today (${on})`))
      : undefined
  const notBefore = (d: LocalDate, floor: LocalDate, zhWhat: string, enWhat: string): Result | undefined =>
    compare(d, floor) < 0
      ? fail("before_start", t(`${zhWhat} ${d} 早于 ${floor}`, `${enWhat} ${d} is before ${floor}`))
      : undefined
  const mustActAs = (actor: Actor): Result | undefined =>
    actsAs(role, actor)
      ? undefined
      : fail(
          "not_authorised",
          t(
            `须由${ACTOR_LABELS[actor].zh}的账号办理`,
            `only an account of ${ACTOR_LABELS[actor].en} may record this`,
          ),
        )
  const mustManage = (): Result | undefined =>
    managesCadres(role)
      ? undefined
      : fail(
          "not_authorised",
          t(
            "须由组织部门、街道、接收单位或派出单位办理",
            "only the org dept, the street, the host or the dispatching unit may record this",
          ),
        )

  if (p.schemeId !== scheme.id || p.schemeVersion !== scheme.version)
    return fail(
      "version_mismatch",
      t(
        `方案版本不一致（任职安排 ${p.schemeId} v${p.schemeVersion}，给出的方案 ${scheme.id} v${scheme.version}）`,
        `scheme version mismatch (placement ${p.schemeId} v${p.schemeVersion}, scheme given ${scheme.id} v${scheme.version})`,
      ),
    )
  if (isClosed(s))
    return fail("closed", t("该任职安排已结束，不能再操作", "the placement has ended; no further moves"))

  const started = p.startedOn ?? p.placedOn
  const probation = probationOf(scheme)

  /** Checks on a probation-ending assessment (000 三（一） 经街道综合考评). */
  const checkAssessment = (a: OnRecordAssessment, want: OnRecordAssessment["conclusion"]) => {
    const assessor = probationAssessor(scheme)
    if (assessor !== undefined && a.by !== assessor)
      return fail(
        "wrong_assessor",
        t(
          `见习考评应由${ACTOR_LABELS[assessor].zh}作出，不是${ACTOR_LABELS[a.by].zh}`,
          `the probation assessment is ${ACTOR_LABELS[assessor].en}'s, not ${ACTOR_LABELS[a.by].en}'s`,
        ),
      )
    if (a.conclusion !== want)
      return fail(
        "conclusion_mismatch",
        want === "competent"
          ? t(
              "考评结论为不适合，不能据此正式任职",
              "the assessment found the cadre unsuited; it cannot confirm",
            )
          : t(
              "考评结论为能胜任，应正式任职而不是延长见习或返回",
              "the assessment found the cadre competent; confirm rather than extend or return",
            ),
      )
    return (
      mustActAs(a.by) ??
      notFuture(a.date, "考评日期", "the assessment date") ??
      notBefore(a.date, started, "考评日期", "the assessment date")
    )
  }
  const withAssessment = (purpose: AssessmentPurpose, assessment: OnRecordAssessment) => [
    ...p.assessments,
    { purpose, assessment },
  ]

  /** The trigger `id` of the scheme, checked against the action the move takes. */
  const trigger = (
    id: string,
    action: RecallTrigger["action"],
  ): Either.Either<RecallTrigger, IllegalPlacementMove> => {
    const found = scheme.recall.triggers.find((x) => x.id === id)
    if (found === undefined)
      return Either.left(
        new IllegalPlacementMove({
          state: s,
          move: move._tag,
          reason: "unknown_trigger",
          detail: t(
            `方案 ${scheme.id} v${scheme.version} 中没有情形“${id}”；可用：${
              scheme.recall.triggers
                .filter((x) => x.action === action)
                .map((x) => x.id)
                .join("、") || "无"
            }`,
            `scheme ${scheme.id} v${scheme.version} has no trigger "${id}"; available: ${
              scheme.recall.triggers
                .filter((x) => x.action === action)
                .map((x) => x.id)
                .join(", ") || "none"
            }`,
          ),
        }),
      )
    if (found.action !== action)
      return Either.left(
        new IllegalPlacementMove({
          state: s,
          move: move._tag,
          reason: "trigger_action_mismatch",
          detail: t(
            `情形“${found.label.zh}”（${found.citation.document} ${found.citation.clause}）规定的处理是 ${found.action}，不是 ${action}`,
            `trigger "${found.label.en}" (${found.citation.document} ${found.citation.clause}) calls for ${found.action}, not ${action}`,
          ),
        }),
      )
    return Either.right(found)
  }
  /** The decision must be by `required` (or the org dept bodies when nobody is named) and the caller speak for it. */
  const checkDecision = (d: PlacementDecision, required: Actor | undefined, citation?: Citation) => {
    const allowed = required === undefined ? ORG_DEPT_BODIES : [required]
    if (!allowed.some((r) => decidesAs(r, d.by)))
      return fail(
        "wrong_decider",
        t(
          `须由${allowed.map((a) => ACTOR_LABELS[a].zh).join("或")}研究决定${citation === undefined ? "" : `（${citation.document} ${citation.clause}）`}，不是${ACTOR_LABELS[d.by].zh}`,
          `the decision is for ${allowed.map((a) => ACTOR_LABELS[a].en).join(" or ")}${citation === undefined ? "" : ` (${citation.document} ${citation.clause})`}, not ${ACTOR_LABELS[d.by].en}`,
        ),
      )
    return (
      mustActAs(d.by) ??
      notFuture(d.date, "决定日期", "the decision date") ??
      notBefore(d.date, started, "决定日期", "the decision date")
    )
  }

  switch (move._tag) {
    case "TakeUp": {
      if (s !== "placed") return wrongState("到岗之前", "before the cadre has taken up the post")
      const bad =
        mustManage() ??
        notFuture(move.date, "到岗日期", "the start date") ??
        notBefore(move.date, p.placedOn, "到岗日期", "the start date")
      if (bad !== undefined) return bad
      const end = termEndFor(scheme.term.length, move.date, move.termEnd)
      if (Either.isLeft(end)) return fail(end.left.reason, end.left.detail)
      const terms = [{ number: 1, start: move.date, end: end.right }]
      if (probation === undefined) return ok("in_term", { startedOn: move.date, terms })
      const endsOn =
        probation.length._tag === "Cited" ? addDuration(move.date, probation.length.value) : undefined
      return ok("on_probation", {
        startedOn: move.date,
        terms,
        probation: endsOn === undefined ? { asRole: probation.asRole } : { asRole: probation.asRole, endsOn },
      })
    }
    case "Confirm":
    case "ExtendProbation":
    case "ReturnToUnit": {
      if (!PROBATION_STATES.includes(s)) return wrongState("见习期间", "during probation")
      if (probation === undefined)
        return fail("no_probation", t("本方案未设见习期", "this scheme sets no probation"))
      if (move._tag === "Confirm") {
        const bad =
          checkAssessment(move.assessment, "competent") ??
          notFuture(move.electedOn, "选举日期", "the election date") ??
          notBefore(move.electedOn, started, "选举日期", "the election date")
        if (bad !== undefined) return bad
        return ok("in_term", {
          confirmation: { electedOn: move.electedOn, assessment: move.assessment },
          assessments: withAssessment("confirmation", move.assessment),
        })
      }
      const outcome = move._tag === "ExtendProbation" ? "extend_probation" : "return_to_unit"
      if (!probation.otherwise.includes(outcome))
        return fail(
          "not_allowed_by_scheme",
          t(
            `本方案见习期满未通过的处理不包括“${outcome === "extend_probation" ? "延长见习期" : "返回派出单位"}”`,
            `the scheme does not provide for ${outcome === "extend_probation" ? "extending probation" : "a return to the unit"} after probation`,
          ),
        )
      const bad = checkAssessment(move.assessment, "not_competent")
      if (bad !== undefined) return bad
      if (move._tag === "ExtendProbation") {
        const current = p.probation?.endsOn
        const floor = current !== undefined && compare(current, on) > 0 ? current : on
        if (compare(move.until, floor) <= 0)
          return fail(
            "not_extending",
            t(
              `延长后的见习期须晚于 ${floor}（现为 ${current ?? "未定"}）`,
              `the extended probation must end after ${floor} (now ${current ?? "open"})`,
            ),
          )
        return ok("probation_extended", {
          probation: { asRole: p.probation?.asRole ?? probation.asRole, endsOn: move.until },
          assessments: withAssessment("extension", move.assessment),
        })
      }
      const badDate =
        notFuture(move.date, "返回日期", "the return date") ??
        notBefore(move.date, started, "返回日期", "the return date")
      if (badDate !== undefined) return badDate
      return ok("returned_to_unit", {
        assessments: withAssessment("return", move.assessment),
        ending: { kind: "returned_to_unit", date: move.date, reason: move.assessment.summary },
      })
    }
    case "RecordRelation": {
      const bad =
        mustManage() ??
        notFuture(move.date, "转接日期", "the transfer date") ??
        notBefore(move.date, p.placedOn, "转接日期", "the transfer date")
      if (bad !== undefined) return bad
      const label = RELATION_LABELS[move.relation]
      if (p.relations[move.relation] === "stays")
        return fail(
          "relation_stays",
          t(
            `方案规定${label.zh}不转（${scheme.relations?._tag === "Cited" ? `${scheme.relations.citation.document} ${scheme.relations.citation.clause}` : ""}）`,
            `the scheme keeps the ${label.en} with the unit (${scheme.relations?._tag === "Cited" ? `${scheme.relations.citation.document} ${scheme.relations.citation.clause}` : ""})`,
          ),
        )
      const done = p.relationsMoved[move.relation]
      if (done !== undefined)
        return fail(
          "relation_recorded",
          t(`${label.zh}已于 ${done} 转接`, `the ${label.en} was moved on ${done}`),
        )
      return ok(s, { relationsMoved: { ...p.relationsMoved, [move.relation]: move.date } })
    }
    case "EndTerm": {
      if (s !== "in_term") return wrongState("任职期间", "in term")
      const term = currentTerm(p)
      const bad = mustManage()
      if (bad !== undefined) return bad
      if (term === undefined || compare(on, term.end) < 0)
        return fail(
          "term_not_over",
          t(`任期至 ${term?.end} 届满，届满前不能办理`, `the term is complete on ${term?.end}, not before`),
        )
      const a = move.assessment
      if (a !== undefined) {
        const badA = mustActAs(a.by) ?? notFuture(a.date, "考核日期", "the assessment date")
        if (badA !== undefined) return badA
        return ok("term_ended", { assessments: withAssessment("term_end", a) })
      }
      return ok("term_ended")
    }
    case "StayOn": {
      if (s !== "term_ended") return wrongState("任期届满后", "after the term has ended")
      const prev = currentTerm(p)
      if (prev === undefined) return wrongState("任期届满后", "after the term has ended")
      const bad = checkDecision(move.decision, undefined)
      if (bad !== undefined) return bad
      const end = termEndFor(scheme.term.length, prev.end, move.until)
      if (Either.isLeft(end)) return fail(end.left.reason, end.left.detail)
      return ok("in_term", {
        terms: [...p.terms, { number: prev.number + 1, start: prev.end, end: end.right }],
      })
    }
    case "Exit": {
      if (s !== "term_ended")
        return wrongState(
          "任期届满后（任期内离开须经召回或调整）",
          "after the term has ended (leaving earlier is a recall or an adjustment)",
        )
      const term = currentTerm(p)
      const bad =
        mustManage() ??
        notFuture(move.date, "离任日期", "the exit date") ??
        (term === undefined ? undefined : notBefore(move.date, term.end, "离任日期", "the exit date"))
      if (bad !== undefined) return bad
      return ok("exited", { ending: { kind: "exited", date: move.date, reason: move.reason } })
    }
    case "Recall": {
      if (!SERVING_STATES.includes(s)) return wrongState("见习或任职期间", "while on probation or in term")
      let required: Actor | undefined
      let citation: Citation | undefined
      if (move.triggerId !== undefined) {
        const tr = trigger(move.triggerId, "recall")
        if (Either.isLeft(tr)) return Either.left(tr.left)
        required = tr.right.decidedBy
        citation = tr.right.citation
      }
      const bad = checkDecision(move.decision, required, citation)
      if (bad !== undefined) return bad
      return ok("recalled", {
        ending: {
          kind: "recalled",
          date: move.decision.date,
          reason: move.evidence,
          ...(move.triggerId === undefined ? {} : { triggerId: move.triggerId }),
          decision: move.decision,
        },
      })
    }
    case "Adjust": {
      if (!SERVING_STATES.includes(s)) return wrongState("见习或任职期间", "while on probation or in term")
      const tr = trigger(move.triggerId, "adjust_or_return")
      if (Either.isLeft(tr)) return Either.left(tr.left)
      const bad = checkDecision(move.decision, tr.right.decidedBy, tr.right.citation)
      if (bad !== undefined) return bad
      const kind = move.outcome === "adjust" ? "adjusted" : "returned_to_unit"
      return ok(kind, {
        ending: {
          kind,
          date: move.decision.date,
          reason: move.reason,
          triggerId: move.triggerId,
          decision: move.decision,
        },
      })
    }
  }
}

/**
 * Apply moves in order, stopping at the first illegal one.
 *
 * @category rules
 * @since 0.1.0
 */
export const applyAll = (
  p: Placement,
  moves: ReadonlyArray<readonly [PlacementMove, PlacementContext]>,
): Result =>
  moves.reduce<Result>((acc, [m, c]) => Either.flatMap(acc, (x) => transition(x, m, c)), Either.right(p))
