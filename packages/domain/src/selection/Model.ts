/**
 * The values of the selection state machine: what each step records, the moves, the application with its history,
 * and the campaign's counts that the kernel checks (places, shortlist). All are Schemas so that the storage layer
 * keeps them as JSON and the API decodes them.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Role } from "../access/Access.js"
import { CountFrom } from "../calendar/WorkCalendar.js"
import { Verdict } from "../eligibility/Verdict.js"
import { ConductEntry, PersonId } from "../person/Profile.js"
import { Channel } from "../scheme/Scheme.js"
import { LocalDate } from "../shared/LocalDate.js"
import { PoolWaiver } from "../pool/Check.js"
import { State } from "./State.js"

const NonEmpty = Schema.NonEmptyTrimmedString

// ---------------------------------------------------------------------------------------------- step records

/**
 * The body that decides (部务会 / 部长办公会, 常委会, 街道党工委（扩大）会议…).
 *
 * @category schemas
 * @since 0.1.0
 */
export const DecidingBody = Schema.Literal("org_dept", "org_dept_meeting", "standing_committee", "street")

/**
 * 资格审查: a reviewer's conclusion on the attested conditions. A failed review cannot be advanced.
 *
 * @category schemas
 * @since 0.1.0
 */
export const QualificationReviewRecord = Schema.TaggedStruct("QualificationReview", {
  reviewer: NonEmpty,
  passed: Schema.Boolean,
  note: Schema.String,
})

/**
 * 联审: each department's opinion (001 四（二）2: discipline, public security, comprehensive governance, family planning).
 *
 * @category schemas
 * @since 0.1.0
 */
export const JointReviewRecord = Schema.TaggedStruct("JointReview", {
  opinions: Schema.NonEmptyArray(
    Schema.Struct({
      department: NonEmpty,
      agree: Schema.Boolean,
      note: Schema.String,
      /**
       * Sanctions, investigations or violations the department reports (issue 13): recorded against the person
       * with the department as their source, and the application re-screened in the same transaction.
       */
      records: Schema.optional(Schema.Array(ConductEntry)).annotations({
        title: "报告的记录 / reported records",
      }),
    }),
  ),
  /**
   * A disagreeing opinion the deciding body overrode (issue 13), with its recorded reason, meeting and date; until
   * then the disagreement blocks leaving joint review.
   */
  overrides: Schema.optional(
    Schema.Array(
      Schema.Struct({
        department: NonEmpty,
        reason: NonEmpty,
        meeting: Schema.Struct({ body: DecidingBody, reference: Schema.optional(Schema.String) }),
        date: LocalDate,
        by: Schema.String,
      }),
    ),
  ),
})

/**
 * 考察: team, date, and findings on politics, ability, service and standing among residents (001 四（二）2).
 *
 * @category schemas
 * @since 0.1.0
 */
export const InspectionRecord = Schema.TaggedStruct("Inspection", {
  team: Schema.NonEmptyArray(NonEmpty),
  date: LocalDate,
  findings: Schema.Struct({
    politics: Schema.String,
    ability: Schema.String,
    service: Schema.String,
    standing: Schema.String,
  }),
})

/**
 * 面试: several raters' scores (000 二（二）); aggregated as the campaign says, outside the state machine.
 *
 * @category schemas
 * @since 0.1.0
 */
export const InterviewRecord = Schema.TaggedStruct("Interview", {
  scores: Schema.NonEmptyArray(
    Schema.Struct({ rater: NonEmpty, score: Schema.Number.pipe(Schema.between(0, 100)) }),
  ),
})

/**
 * The record of any review step (qualification review, joint review, inspection, interview).
 *
 * @category schemas
 * @since 0.1.0
 */
export const StepRecord = Schema.Union(
  QualificationReviewRecord,
  JointReviewRecord,
  InspectionRecord,
  InterviewRecord,
).annotations({ identifier: "StepRecord", title: "环节记录 / step record" })
/**
 * The decoded value of the {@link StepRecord} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type StepRecord = typeof StepRecord.Type

/**
 * Which record each review step needs before it is left.
 *
 * @category constants
 * @since 0.1.0
 */
export const RECORD_OF = {
  qualification_review: "QualificationReview",
  joint_review: "JointReview",
  inspection: "Inspection",
  interview: "Interview",
} as const satisfies Record<string, StepRecord["_tag"]>

// ---------------------------------------------------------------------------------------------- moves

/**
 * The unit (or organisation) that recommends, with the meeting that approved it (000 二（一）, 004 安丘（2）).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Recommendation = Schema.Struct({
  body: NonEmpty.annotations({ title: "推荐单位 / recommending body" }),
  meeting: NonEmpty.annotations({ title: "会议 / meeting" }),
  meetingDate: LocalDate,
})
/**
 * The decoded value of the {@link Recommendation} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Recommendation = typeof Recommendation.Type

/**
 * The outcome of a decision: approved or not approved.
 *
 * @category schemas
 * @since 0.1.0
 */
export const DecisionOutcome = Schema.Literal("approved", "not_approved")

/**
 * A move on an application: submit, screen, waive, advance, record, return, withdraw, reject, decide, start
 * the notice, file and resolve objections, appoint, report in.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Move = Schema.Union(
  /** Submit the application through an open channel; a unit recommendation carries its meeting and date. */
  Schema.TaggedStruct("Submit", { channel: Channel, recommendation: Schema.optional(Recommendation) }),
  /** Store the kernel's verdict against the campaign's scheme version (again, to re-screen). */
  Schema.TaggedStruct("Screen", { verdict: Verdict }),
  /** Replace the verdict with one re-evaluated with a waiver (放宽) the scheme allows. */
  Schema.TaggedStruct("Waive", { verdict: Verdict }),
  /** Go to the next review step; `record` completes the step being left when it has not been recorded yet. */
  Schema.TaggedStruct("Advance", { from: State, to: State, record: Schema.optional(StepRecord) }),
  /** Record the current review step's result (several raters may record at different times). */
  Schema.TaggedStruct("Record", { record: StepRecord }),
  /** 退回: back to any earlier step on the path, with a reason. */
  Schema.TaggedStruct("Return", { to: State, reason: NonEmpty }),
  /** 撤回: by the applicant, before the decision. */
  Schema.TaggedStruct("Withdraw", { reason: Schema.optional(Schema.String) }),
  /** Not selected / not eligible, with a reason shown to the applicant. */
  Schema.TaggedStruct("Reject", { reason: NonEmpty }),
  /**
   * The committee's decision: the meeting and its date. In a reserve-pool campaign an approval is gated on the pool
   * it changes (Pool.gateDecision); `poolWaivers` set aside its failing 一般 / 原则上 rules, each with its reason,
   * approver, date and subject (the community or the person), kept with the move in the history and the audit.
   */
  Schema.TaggedStruct("Decide", {
    outcome: DecisionOutcome,
    meeting: Schema.Struct({ body: DecidingBody, reference: Schema.optional(Schema.String) }),
    date: LocalDate,
    poolWaivers: Schema.optional(
      Schema.Array(PoolWaiver)
        .pipe(Schema.maxItems(50))
        .annotations({ title: "后备干部队伍放宽限制 / pool waivers" }),
    ),
  }),
  /** 公示: `days` working days from `start` (see calendar CountFrom). */
  Schema.TaggedStruct("StartNotice", {
    days: Schema.Int.pipe(Schema.positive()),
    start: LocalDate,
    countFrom: CountFrom,
  }),
  Schema.TaggedStruct("FileObjection", { objectionId: NonEmpty, summary: NonEmpty }),
  /** 核查: the finding on an objection; an upheld objection blocks the next step until a Return or Reject. */
  Schema.TaggedStruct("ResolveObjection", {
    objectionId: NonEmpty,
    finding: NonEmpty,
    upheld: Schema.Boolean,
  }),
  /**
   * 审核认定: a reviewer confirms (the rule is met) or refuses (not met) a finding the screening marked
   * needs_review, with the reason and date. Every such finding must be resolved before the decision; a refused one
   * makes the application ineligible.
   */
  Schema.TaggedStruct("ResolveFinding", {
    ruleId: NonEmpty.annotations({ title: "规则 / rule" }),
    outcome: Schema.Literal("confirmed", "refused").annotations({ title: "认定结果 / outcome" }),
    reason: NonEmpty.annotations({ title: "认定理由 / reason" }),
    date: LocalDate.annotations({ title: "认定日期 / date" }),
  }),
  /**
   * The deciding body overrides a department's disagreeing joint-review opinion (issue 13), with its reason, its
   * meeting and the date; without it the disagreement blocks leaving joint review.
   */
  Schema.TaggedStruct("OverrideOpinion", {
    department: NonEmpty.annotations({ title: "联审部门 / department" }),
    reason: NonEmpty.annotations({ title: "否决理由 / reason" }),
    meeting: Schema.Struct({ body: DecidingBody, reference: Schema.optional(Schema.String) }),
    date: LocalDate.annotations({ title: "会议日期 / meeting date" }),
  }),
  Schema.TaggedStruct("Appoint", { postId: NonEmpty }),
  Schema.TaggedStruct("ReportIn", { date: LocalDate }),
  /**
   * 逾期补办 (issue 13, "dates bite"): the body running the campaign lets this application make a stage's move after
   * the stage's deadline, with its reason; without it a late move is refused. Recorded with who and when.
   */
  Schema.TaggedStruct("OverrideDeadline", {
    stageId: NonEmpty.annotations({ title: "环节 / stage" }),
    reason: NonEmpty.annotations({ title: "逾期补办理由 / reason" }),
  }),
).annotations({ identifier: "SelectionMove", title: "操作 / move" })
/**
 * The decoded value of the {@link Move} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Move = typeof Move.Type
/**
 * The tag of a selection move.
 *
 * @category models
 * @since 0.1.0
 */
export type MoveTag = Move["_tag"]

// ---------------------------------------------------------------------------------------------- application

/**
 * An objection filed during a public notice, with its resolution once resolved (upheld or not).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Objection = Schema.Struct({
  id: NonEmpty,
  summary: NonEmpty,
  filedOn: LocalDate,
  filedBy: Schema.String,
  resolution: Schema.optional(
    Schema.Struct({
      finding: NonEmpty,
      upheld: Schema.Boolean,
      resolvedOn: LocalDate,
      resolvedBy: Schema.String,
    }),
  ),
}).annotations({ identifier: "Objection", title: "异议 / objection" })
/**
 * The decoded value of the {@link Objection} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Objection = typeof Objection.Type

/**
 * A public notice (公示): its start, its length and how the days count, its last day, and the objections
 * filed.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Notice = Schema.Struct({
  start: LocalDate,
  days: Schema.Int.pipe(Schema.positive()),
  countFrom: CountFrom,
  /** The last notice day, computed on the working-day calendar when the notice starts. */
  lastDay: LocalDate,
  objections: Schema.Array(Objection),
}).annotations({ identifier: "Notice", title: "公示 / public notice" })
/**
 * The decoded value of the {@link Notice} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Notice = typeof Notice.Type

/**
 * The decision on an application: the outcome, the deciding body's meeting, and the date.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Decision = Schema.Struct({
  outcome: DecisionOutcome,
  meeting: Schema.Struct({ body: DecidingBody, reference: Schema.optional(Schema.String) }),
  date: LocalDate,
}).annotations({ identifier: "Decision", title: "研究决定 / decision" })
/**
 * The decoded value of the {@link Decision} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Decision = typeof Decision.Type

/**
 * Who made a move and when: kept for every move, legal ones only (illegal ones change nothing).
 *
 * @category schemas
 * @since 0.1.0
 */
export const HistoryEntry = Schema.Struct({
  move: Move,
  from: State,
  to: State,
  by: Schema.String,
  role: Role,
  on: LocalDate,
}).annotations({ identifier: "HistoryEntry", title: "办理记录 / history entry" })
/**
 * The decoded value of the {@link HistoryEntry} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type HistoryEntry = typeof HistoryEntry.Type

/**
 * A deadline override (逾期补办) recorded on an application: the stage, the reason, who recorded it and when.
 *
 * @category schemas
 * @since 0.1.0
 */
export const DeadlineOverride = Schema.Struct({
  stageId: NonEmpty,
  reason: NonEmpty,
  by: Schema.String,
  on: LocalDate,
}).annotations({ identifier: "DeadlineOverride", title: "逾期补办 / deadline override" })
/**
 * The decoded value of the {@link DeadlineOverride} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type DeadlineOverride = typeof DeadlineOverride.Type

/**
 * One application in a campaign: its state, scheme version, records, decision, notice and history.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Application = Schema.Struct({
  id: NonEmpty,
  campaignId: NonEmpty,
  personId: PersonId,
  schemeId: Schema.String,
  /** Fixed at creation from the campaign; no move changes it. */
  schemeVersion: Schema.Int,
  state: State,
  channel: Schema.optional(Channel),
  recommendation: Schema.optional(Recommendation),
  verdict: Schema.optional(Verdict),
  records: Schema.Struct({
    qualification_review: Schema.optional(QualificationReviewRecord),
    joint_review: Schema.optional(JointReviewRecord),
    inspection: Schema.optional(InspectionRecord),
    interview: Schema.optional(InterviewRecord),
  }),
  decision: Schema.optional(Decision),
  notice: Schema.optional(Notice),
  postId: Schema.optional(Schema.String),
  appointedOn: Schema.optional(LocalDate),
  reportedInOn: Schema.optional(LocalDate),
  /** Stages whose deadline the campaign's runner has let this application pass (issue 13). */
  deadlineOverrides: Schema.optional(Schema.Array(DeadlineOverride)),
  history: Schema.Array(HistoryEntry),
}).annotations({ identifier: "Application", title: "报名（推荐）人选 / application" })
/**
 * The decoded value of the {@link Application} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Application = typeof Application.Type
/**
 * The review records of an application, by step.
 *
 * @category models
 * @since 0.1.0
 */
export type Records = Application["records"]

// ---------------------------------------------------------------------------------------------- campaign

/**
 * What the state machine needs to know of the campaign (选派批次): its scheme version, places, open channels, and
 * the counts the storage layer computes (`tally`) so that Appoint and shortlisting can refuse over-filling.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Campaign = Schema.Struct({
  id: NonEmpty,
  schemeId: Schema.String,
  schemeVersion: Schema.Int,
  places: Schema.NonNegativeInt,
  channels: Schema.NonEmptyArray(Channel),
  /** Applications appointed or reported in. */
  appointed: Schema.NonNegativeInt,
  /** Applications at the shortlist step or beyond it (not withdrawn or rejected). */
  shortlisted: Schema.NonNegativeInt,
}).annotations({ identifier: "Campaign", title: "选派批次 / campaign" })
/**
 * The decoded value of the {@link Campaign} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Campaign = typeof Campaign.Type
