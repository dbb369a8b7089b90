/**
 * Leave as data: the states of a request and their labels, the route a request takes, the moves on it, the
 * request and the absence records, and the error that refuses an illegal request or move.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Role } from "../../access/Access.js"
import { PersonId } from "../../person/Profile.js"
import { Actor } from "../../scheme/Scheme.js"
import { Citation } from "../../shared/Citation.js"
import { LocalDate } from "../../shared/LocalDate.js"
import { Text } from "../../shared/Text.js"

const NonEmpty = Schema.NonEmptyTrimmedString

/**
 * Where a leave request stands: requested, approved, refused, or returned from.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveState = Schema.Literal("requested", "approved", "refused", "returned").annotations({
  identifier: "LeaveState",
  title: "请假状态 / leave state",
})
/**
 * The decoded value of the {@link LeaveState} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveState = typeof LeaveState.Type

/**
 * Display labels of each leave state, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const LEAVE_STATE_LABELS: Readonly<Record<LeaveState, Text>> = {
  requested: { zh: "待审批", en: "requested" },
  approved: { zh: "已批准", en: "approved" },
  refused: { zh: "未批准", en: "refused" },
  returned: { zh: "已销假", en: "returned" },
}

/**
 * Display labels of each leave move, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const LEAVE_MOVE_LABELS: Readonly<Record<string, Text>> = {
  Request: { zh: "请假", en: "request leave" },
  Approve: { zh: "批准", en: "approve" },
  Refuse: { zh: "不予批准", en: "refuse" },
  Return: { zh: "销假", en: "return from leave" },
  RecordAbsence: { zh: "登记擅自离岗", en: "record an absence" },
}

/**
 * Where a request goes: the tier's approver, whom to file with, and the clause.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveRoute = Schema.Struct({
  approver: Actor,
  fileWith: Schema.optional(Actor),
  /** The tier's limit in days (absent: the open-ended tier). */
  upToDays: Schema.optional(Schema.Int),
  citation: Citation,
  /**
   * The scheme's filing rule (`leaveFiling`) as it bears on this request: `due` — file with `fileWith`; `undetermined`
   * — the scheme has the clause but not its number of days, so the approver decides and `note` says why. Absent: no
   * filing rule, or the request is shorter than its number of days.
   */
  filing: Schema.optional(
    Schema.Struct({
      status: Schema.Literal("due", "undetermined"),
      fileWith: Actor,
      fromDays: Schema.optional(Schema.Int),
      note: Schema.optional(Text),
      citation: Citation,
    }),
  ),
})
/**
 * The decoded value of the {@link LeaveRoute} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveRoute = typeof LeaveRoute.Type

/**
 * A move on a leave request: approve, refuse, or record the return.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveMove = Schema.Union(
  Schema.TaggedStruct("Approve", { note: Schema.optional(Schema.String) }),
  Schema.TaggedStruct("Refuse", { reason: NonEmpty }),
  /** 销假: the day the cadre is back at work. */
  Schema.TaggedStruct("Return", { date: LocalDate }),
)
/**
 * The decoded value of the {@link LeaveMove} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveMove = typeof LeaveMove.Type

/**
 * A leave request of a cadre in post, with the route of approval the scheme's tiers give it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveRequest = Schema.Struct({
  id: NonEmpty,
  placementId: NonEmpty,
  personId: PersonId,
  from: LocalDate,
  to: LocalDate,
  /** The first day starts at noon (下午开始). */
  startsAfternoon: Schema.Boolean,
  /** The last day ends at noon (上午结束). */
  endsMorning: Schema.Boolean,
  /** Computed from the dates and halves, never typed. */
  halfDays: Schema.Int.pipe(Schema.positive()),
  reason: Schema.String,
  requestedOn: LocalDate,
  route: LeaveRoute,
  state: LeaveState,
  decision: Schema.optional(
    Schema.Struct({
      approved: Schema.Boolean,
      by: Schema.String,
      role: Role,
      on: LocalDate,
      note: Schema.optional(Schema.String),
    }),
  ),
  returnedOn: Schema.optional(LocalDate),
  /** Days between the end of the leave and the return beyond the first working day back (0 when on time). */
  overstayDays: Schema.optional(Schema.NonNegativeInt),
}).annotations({ identifier: "LeaveRequest", title: "请假 / leave request" })
/**
 * The decoded value of the {@link LeaveRequest} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveRequest = typeof LeaveRequest.Type

/**
 * 擅自离岗: recorded by a managing body, counted in half-days like leave.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Absence = Schema.Struct({
  id: NonEmpty,
  placementId: NonEmpty,
  personId: PersonId,
  from: LocalDate,
  to: LocalDate,
  halfDays: Schema.Int.pipe(Schema.positive()),
  kind: Schema.Literal("unauthorised", "overstay"),
  note: Schema.String,
  recordedOn: LocalDate,
  recordedBy: Schema.String,
}).annotations({ identifier: "Absence", title: "擅自离岗 / unauthorised absence" })
/**
 * The decoded value of the {@link Absence} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Absence = typeof Absence.Type

/**
 * Why a leave request or move is refused (bad dates, no tiers in the scheme, wrong approver, …).
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveIllegalReason = Schema.Literal(
  "bad_dates",
  "no_tiers",
  "beyond_tiers",
  "wrong_state",
  "not_approver",
  "not_authorised",
  "future_date",
  "calendar_unknown",
)
/**
 * The decoded value of the {@link LeaveIllegalReason} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveIllegalReason = typeof LeaveIllegalReason.Type

/**
 * A leave request or move the kernel refuses; `state` is absent when the request could not be made at all.
 *
 * @category errors
 * @since 0.1.0
 */
export class IllegalLeaveMove extends Schema.TaggedError<IllegalLeaveMove>()("IllegalLeaveMove", {
  state: Schema.optional(LeaveState),
  move: Schema.String,
  reason: LeaveIllegalReason,
  detail: Text,
}) {
  get text(): Text {
    const m = LEAVE_MOVE_LABELS[this.move] ?? { zh: this.move, en: this.move }
    const s = this.state === undefined ? undefined : LEAVE_STATE_LABELS[this.state]
    return s === undefined
      ? { zh: `不能${m.zh}：${this.detail.zh}`, en: `Cannot ${m.en}: ${this.detail.en}` }
      : {
          zh: `请假“${s.zh}”时不能${m.zh}：${this.detail.zh}`,
          en: `Cannot ${m.en} when the leave is ${s.en}: ${this.detail.en}`,
        }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}
