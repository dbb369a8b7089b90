/**
 * Leave (请销假), routed by the scheme's `leave` tiers: 004 晋城 管理考核 一是 "请假在3天以下的由挂职单位批准,请假在3天以上
 * 的按干部管理权限报组织部门批准" — up to and including 3 days the host unit, more the org dept (the preset's note
 * explains why exactly 3 days is the host's). Unauthorised absence is recorded (对于擅自离岗的，作出严肃处理).
 *
 * Amounts are whole half-days (integer arithmetic, no 0.5 floats): a request runs from `from` to `to` inclusive,
 * may start in the afternoon of the first day and end at noon of the last, so 2.5 days is 5 half-days. Days are
 * calendar days, as the clause counts 天 (not 工作日). A tier "up to N days" takes requests of at most 2N half-days:
 * 3 days (6) goes to the host, 3.5 days (7) to the org dept.
 *
 *   requested ──Approve──▶ approved ──Return (销假, with the date)──▶ returned
 *             └─Refuse───▶ refused
 * Only an account that speaks for the routed approver may approve or refuse.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { Role } from "../access/Access.js"
import { PersonId } from "../person/Profile.js"
import { Actor, type LeaveTier, type Scheme } from "../scheme/Scheme.js"
import { Citation } from "../shared/Citation.js"
import { addDays, compare, LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { ACTOR_LABELS, actsAs, managesCadres } from "./Actors.js"
import { daysBetween } from "./Dates.js"

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

const t = (zh: string, en: string): Text => ({ zh, en })

/**
 * "3.5" for 7 half-days.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatHalfDays = (halfDays: number): string =>
  halfDays % 2 === 0 ? String(halfDays / 2) : `${(halfDays - 1) / 2}.5`

/**
 * Half-days from `from` to `to` inclusive, less the morning of the first and the afternoon of the last if so.
 *
 * @category getters
 * @since 0.1.0
 */
export const halfDaysOf = (input: {
  readonly from: LocalDate
  readonly to: LocalDate
  readonly startsAfternoon?: boolean
  readonly endsMorning?: boolean
}): number =>
  2 * (daysBetween(input.from, input.to) + 1) -
  (input.startsAfternoon === true ? 1 : 0) -
  (input.endsMorning === true ? 1 : 0)

/**
 * The tier a request of `halfDays` falls in: the tightest bounded tier it fits (≤ 2 × upToDays half-days),
 * else the open-ended tier. Left when the scheme sets no tiers or the request exceeds every bounded one.
 *
 * @category rules
 * @since 0.1.0
 */
export const routeLeave = (
  leave: Scheme["leave"],
  halfDays: number,
): Either.Either<LeaveRoute, { readonly reason: LeaveIllegalReason; readonly detail: Text }> => {
  if (leave._tag === "Unspecified")
    return Either.left({
      reason: "no_tiers",
      detail: t(
        `方案未规定请假审批层级（${leave.note.zh}）`,
        `the scheme sets no leave approval tiers (${leave.note.en})`,
      ),
    })
  const tiers: ReadonlyArray<LeaveTier> = leave.value
  const bounded = tiers
    .filter((x): x is LeaveTier & { upToDays: number } => x.upToDays !== undefined)
    .sort((a, b) => a.upToDays - b.upToDays)
  const fit = bounded.find((x) => halfDays <= 2 * x.upToDays) ?? tiers.find((x) => x.upToDays === undefined)
  if (fit === undefined)
    return Either.left({
      reason: "beyond_tiers",
      detail: t(
        `请假 ${formatHalfDays(halfDays)} 天超过方案规定的最长 ${bounded[bounded.length - 1]?.upToDays} 天`,
        `${formatHalfDays(halfDays)} days exceed the longest tier of ${bounded[bounded.length - 1]?.upToDays} days`,
      ),
    })
  return Either.right({
    approver: fit.approver,
    ...(fit.fileWith === undefined ? {} : { fileWith: fit.fileWith }),
    ...(fit.upToDays === undefined ? {} : { upToDays: fit.upToDays }),
    citation: leave.citation,
  })
}

/**
 * Why the request went where it did, in both languages (shown to the cadre and the approver).
 *
 * @category utils
 * @since 0.1.0
 */
export const explainRoute = (r: LeaveRoute, halfDays: number): Text => {
  const days = formatHalfDays(halfDays)
  const who = ACTOR_LABELS[r.approver]
  const clause = `${r.citation.document} ${r.citation.clause}`
  return r.upToDays !== undefined
    ? t(
        `请假 ${days} 天，不超过 ${r.upToDays} 天，由${who.zh}审批（${clause}）`,
        `${days} days, within ${r.upToDays}: approved by ${who.en} (${clause})`,
      )
    : t(`请假 ${days} 天，由${who.zh}审批（${clause}）`, `${days} days: approved by ${who.en} (${clause})`)
}

/**
 * A new request in `requested`, routed by the scheme.
 *
 * @category rules
 * @since 0.1.0
 */
export const requestLeave = (
  input: {
    readonly id: string
    readonly placementId: string
    readonly personId: PersonId
    readonly from: LocalDate
    readonly to: LocalDate
    readonly startsAfternoon?: boolean
    readonly endsMorning?: boolean
    readonly reason: string
  },
  scheme: Pick<Scheme, "leave">,
  on: LocalDate,
): Either.Either<LeaveRequest, IllegalLeaveMove> => {
  const fail = (reason: LeaveIllegalReason, detail: Text) =>
    Either.left(new IllegalLeaveMove({ move: "Request", reason, detail }))
  if (compare(input.to, input.from) < 0)
    return fail(
      "bad_dates",
      t(`结束日期 ${input.to} 早于开始日期 ${input.from}`, `${input.to} is before ${input.from}`),
    )
  const halfDays = halfDaysOf(input)
  if (halfDays <= 0)
    return fail(
      "bad_dates",
      t(
        "同一天下午开始、上午结束，请假时长为零",
        "starting in the afternoon and ending at noon of one day is no leave",
      ),
    )
  const route = routeLeave(scheme.leave, halfDays)
  if (Either.isLeft(route)) return fail(route.left.reason, route.left.detail)
  return Either.right({
    id: input.id,
    placementId: input.placementId,
    personId: input.personId,
    from: input.from,
    to: input.to,
    startsAfternoon: input.startsAfternoon === true,
    endsMorning: input.endsMorning === true,
    halfDays,
    reason: input.reason,
    requestedOn: on,
    route: route.right,
    state: "requested",
  })
}

/**
 * What a leave move is checked against: the date and the caller.
 *
 * @category models
 * @since 0.1.0
 */
export interface LeaveContext {
  readonly on: LocalDate
  readonly by: { readonly accountId: string; readonly role: Role }
}

/**
 * Approve, refuse or return (销假). Left: the move is illegal; the request is unchanged.
 *
 * @category rules
 * @since 0.1.0
 */
export const leaveTransition = (
  r: LeaveRequest,
  move: LeaveMove,
  ctx: LeaveContext,
): Either.Either<LeaveRequest, IllegalLeaveMove> => {
  const fail = (reason: LeaveIllegalReason, detail: Text) =>
    Either.left(new IllegalLeaveMove({ state: r.state, move: move._tag, reason, detail }))
  switch (move._tag) {
    case "Approve":
    case "Refuse": {
      if (r.state !== "requested")
        return fail("wrong_state", t("只能审批待审批的请假", "only a pending request is decided"))
      if (!actsAs(ctx.by.role, r.route.approver))
        return fail(
          "not_approver",
          t(
            `无权审批：${explainRoute(r.route, r.halfDays).zh}`,
            `not the approver: ${explainRoute(r.route, r.halfDays).en}`,
          ),
        )
      const approved = move._tag === "Approve"
      const note = move._tag === "Approve" ? move.note : move.reason
      return Either.right({
        ...r,
        state: approved ? "approved" : "refused",
        decision: {
          approved,
          by: ctx.by.accountId,
          role: ctx.by.role,
          on: ctx.on,
          ...(note === undefined ? {} : { note }),
        },
      })
    }
    case "Return": {
      if (r.state !== "approved")
        return fail("wrong_state", t("只有已批准的请假才能销假", "only approved leave is returned from"))
      const mayReturn =
        ctx.by.role === "applicant" ||
        actsAs(ctx.by.role, r.route.approver) ||
        actsAs(ctx.by.role, "host_unit")
      if (!mayReturn)
        return fail(
          "not_authorised",
          t("销假由本人、审批单位或接收单位办理", "the cadre, the approver or the host records the return"),
        )
      if (compare(move.date, ctx.on) > 0)
        return fail(
          "future_date",
          t(`销假日期 ${move.date} 晚于今天`, `the return date ${move.date} is in the future`),
        )
      if (compare(move.date, r.from) < 0)
        return fail(
          "bad_dates",
          t(
            `销假日期 ${move.date} 早于请假开始 ${r.from}`,
            `the return ${move.date} is before the leave began (${r.from})`,
          ),
        )
      return Either.right({
        ...r,
        state: "returned",
        returnedOn: move.date,
        overstayDays: overstay(r, move.date),
      })
    }
  }
}

/**
 * Whole days away beyond the leave as of `on` (the return date, or today while not back): the cadre is due back
 * the day after `to` (the same day when the leave ends at noon), so returning then is 0.
 *
 * @category rules
 * @since 0.1.0
 */
export const overstay = (r: Pick<LeaveRequest, "to" | "endsMorning">, on: LocalDate): number =>
  Math.max(0, daysBetween(r.to, on) - (r.endsMorning ? 0 : 1))

/**
 * The absence a late return leaves on record (kind "overstay"): from the day the cadre was due back to the day
 * before they returned, whole days. Undefined when they were back on time. 004 晋城 管理考核 一是 treats time away
 * without leave as 擅自离岗; staying on past the approved leave is that, and is recorded when the return is.
 *
 * @category rules
 * @since 0.1.0
 */
export const overstayAbsence = (
  r: LeaveRequest,
  id: string,
  by: { readonly accountId: string },
): Absence | undefined => {
  const days = r.overstayDays ?? 0
  if (r.state !== "returned" || r.returnedOn === undefined || days <= 0) return undefined
  const to = addDays(r.returnedOn, -1)
  return {
    id,
    placementId: r.placementId,
    personId: r.personId,
    from: addDays(to, -(days - 1)),
    to,
    halfDays: days * 2,
    kind: "overstay",
    note: `请假至 ${r.to}，${r.returnedOn} 销假，超假 ${days} 天 / on leave to ${r.to}, back on ${r.returnedOn}: ${days} day(s) over`,
    recordedOn: r.returnedOn,
    recordedBy: by.accountId,
  }
}

/**
 * Record an unauthorised absence (004 晋城 管理考核 一是 擅自离岗). Only a managing body records one.
 *
 * @category rules
 * @since 0.1.0
 */
export const recordAbsence = (
  input: Omit<Absence, "halfDays" | "recordedOn" | "recordedBy"> & {
    readonly startsAfternoon?: boolean
    readonly endsMorning?: boolean
  },
  ctx: LeaveContext,
): Either.Either<Absence, IllegalLeaveMove> => {
  const fail = (reason: LeaveIllegalReason, detail: Text) =>
    Either.left(new IllegalLeaveMove({ move: "RecordAbsence", reason, detail }))
  if (!managesCadres(ctx.by.role))
    return fail("not_authorised", t("擅自离岗由管理单位登记", "a managing body records absences"))
  if (compare(input.to, input.from) < 0 || compare(input.to, ctx.on) > 0)
    return fail(
      "bad_dates",
      t("离岗日期须有效且不晚于今天", "the absence must be a valid range ending no later than today"),
    )
  const halfDays = halfDaysOf(input)
  if (halfDays <= 0) return fail("bad_dates", t("离岗时长为零", "the absence is empty"))
  const { startsAfternoon: _s, endsMorning: _e, ...rest } = input
  return Either.right({ ...rest, halfDays, recordedOn: ctx.on, recordedBy: ctx.by.accountId })
}
