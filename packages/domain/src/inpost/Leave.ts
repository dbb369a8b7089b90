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
 * The data (states, route, moves, request, absence, error) is in inpost/leave/Model.ts, half-days and routing in
 * inpost/leave/Routing.ts; this module makes requests, moves them on and records absences, and re-exports both.
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { Role } from "../access/Access.js"
import { type CalendarYearUnknown, type WorkCalendar, workingDaysBetween } from "../calendar/WorkCalendar.js"
import type { PersonId } from "../person/Profile.js"
import type { Scheme } from "../scheme/Scheme.js"
import { addDays, compare, type LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import { actsAs, managesCadres } from "./Actors.js"
import { daysBetween } from "./Dates.js"
import {
  type Absence,
  IllegalLeaveMove,
  type LeaveIllegalReason,
  type LeaveMove,
  type LeaveRequest,
} from "./leave/Model.js"
import { explainRoute, halfDaysOf, routeLeave } from "./leave/Routing.js"

export * from "./leave/Model.js"
export * from "./leave/Routing.js"

const t = (zh: string, en: string): Text => ({ zh, en })

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
  /**
   * The working-day calendar: a late return then counts only the working days missed (a Thursday–Friday leave
   * closed on Monday is on time). Absent: calendar days.
   */
  readonly calendar?: WorkCalendar | undefined
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
      const over =
        ctx.calendar === undefined
          ? Either.right(overstay(r, move.date))
          : overstayWorking(r, move.date, ctx.calendar)
      // A year the calendar lacks: the return cannot be counted yet; the org dept enters the year first.
      if (Either.isLeft(over)) return fail("calendar_unknown", over.left.text)
      return Either.right({ ...r, state: "returned", returnedOn: move.date, overstayDays: over.right })
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

/** The day the cadre is due back at work: the day after `to`, or `to` itself when the leave ends at noon. */
const dueBack = (r: Pick<LeaveRequest, "to" | "endsMorning">): LocalDate =>
  r.endsMorning ? r.to : addDays(r.to, 1)

/**
 * Working days away beyond the leave as of `on`: the working days from the day the cadre was due back to the day
 * before `on`. A weekend or a public holiday after the leave is not an overstay (issue 13: a Thursday–Friday
 * leave closed on Monday was recorded as 2 days over). Error if the calendar lacks a year it counts in.
 *
 * @category rules
 * @since 0.1.0
 */
export const overstayWorking = (
  r: Pick<LeaveRequest, "to" | "endsMorning">,
  on: LocalDate,
  calendar: WorkCalendar,
): Either.Either<number, CalendarYearUnknown> => {
  const due = dueBack(r)
  if (compare(on, due) <= 0) return Either.right(0)
  return workingDaysBetween(calendar, addDays(due, -1), addDays(on, -1))
}

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
  return {
    id,
    placementId: r.placementId,
    personId: r.personId,
    from: dueBack(r),
    to: addDays(r.returnedOn, -1),
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
