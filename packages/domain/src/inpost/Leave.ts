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
import {
  type CalendarYearUnknown,
  isWorkingDay,
  type WorkCalendar,
  workingDaysBetween,
} from "../calendar/WorkCalendar.js"
import type { PersonId } from "../person/Profile.js"
import type { LeaveDayCount, Scheme } from "../scheme/Scheme.js"
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
import { explainRoute, halfDaysOf, leaveFilingFor, routeLeave } from "./leave/Routing.js"

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
  scheme: Pick<Scheme, "leave" | "leaveDays"> & Partial<Pick<Scheme, "leaveFiling">>,
  on: LocalDate,
  calendar?: WorkCalendar,
): Either.Either<LeaveRequest, IllegalLeaveMove> => {
  const fail = (reason: LeaveIllegalReason, detail: Text) =>
    Either.left(new IllegalLeaveMove({ move: "Request", reason, detail }))
  if (compare(input.to, input.from) < 0)
    return fail(
      "bad_dates",
      t(`结束日期 ${input.to} 早于开始日期 ${input.from}`, `${input.to} is before ${input.from}`),
    )
  const length = leaveHalfDays(input, leaveDayCountOf(scheme), calendar)
  if (Either.isLeft(length)) return fail("calendar_unknown", length.left)
  const halfDays = length.right
  if (halfDays <= 0)
    return fail(
      "bad_dates",
      t(
        "请假期间没有需计算的天数（同一天下午开始、上午结束，或按工作日计算时全为休息日）",
        "the leave counts no day (afternoon to noon of one day, or only rest days where working days count)",
      ),
    )
  const route = routeLeave(scheme.leave, halfDays)
  if (Either.isLeft(route)) return fail(route.left.reason, route.left.detail)
  const filing = leaveFilingFor(scheme.leaveFiling, halfDays)
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
    route: filing === undefined ? route.right : { ...route.right, filing },
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
   * The working-day calendar: a late return is counted from the first working day after the leave (a Thursday–Friday
   * leave closed on Monday is on time). Absent: calendar days from the day after the leave.
   */
  readonly calendar?: WorkCalendar | undefined
  /** The scheme's rule for counting the days of a late return (leaveDayCountOf); absent: working days. */
  readonly dayCount?: LeaveDayCount | undefined
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
          : overstayBy(ctx.dayCount ?? "working", r, move.date, ctx.calendar)
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
 * The scheme's rule for counting leave days: its stated one, else calendar days (天 as the seeds write it).
 *
 * @category rules
 * @since 0.1.0
 */
export const leaveDayCountOf = (scheme: Pick<Scheme, "leaveDays">): LeaveDayCount =>
  scheme.leaveDays?._tag === "Cited" ? scheme.leaveDays.value : "calendar"

/**
 * A leave's own length in half-days under the scheme's rule: calendar days (every day from `from` to `to`), or
 * working days (rest days and holidays inside the leave do not count; a half day at either end counts only on a
 * working day). Working days need the calendar: without it, or for a year it lacks, Left with the reason.
 *
 * @category rules
 * @since 0.1.0
 */
export const leaveHalfDays = (
  input: {
    readonly from: LocalDate
    readonly to: LocalDate
    readonly startsAfternoon?: boolean
    readonly endsMorning?: boolean
  },
  rule: LeaveDayCount,
  calendar: WorkCalendar | undefined,
): Either.Either<number, Text> => {
  if (rule === "calendar") return Either.right(halfDaysOf(input))
  if (calendar === undefined)
    return Either.left(
      t(
        "方案按工作日计算请假天数，但缺少工作日历",
        "the scheme counts working days but no calendar is at hand",
      ),
    )
  const days = workingDaysBetween(calendar, addDays(input.from, -1), input.to)
  const first = isWorkingDay(calendar, input.from)
  const last = isWorkingDay(calendar, input.to)
  if (Either.isLeft(days)) return Either.left(days.left.text)
  if (Either.isLeft(first)) return Either.left(first.left.text)
  if (Either.isLeft(last)) return Either.left(last.left.text)
  return Either.right(
    2 * days.right -
      (input.startsAfternoon === true && first.right ? 1 : 0) -
      (input.endsMorning === true && last.right ? 1 : 0),
  )
}

/**
 * Days away beyond the leave as of `on`, by the scheme's rule, never counting a rest day by accident: the cadre is
 * due back on the first working day after the leave (a Thursday–Friday leave closed on Monday is on time). Working
 * days: the working days missed; calendar days: every day from that first working day to the day before `on`.
 *
 * @category rules
 * @since 0.1.0
 */
export const overstayBy = (
  rule: LeaveDayCount,
  r: Pick<LeaveRequest, "to" | "endsMorning">,
  on: LocalDate,
  calendar: WorkCalendar,
): Either.Either<number, CalendarYearUnknown> => {
  if (rule === "working") return overstayWorking(r, on, calendar)
  let due = dueBack(r)
  for (let i = 0; i < 366; i++) {
    const w = isWorkingDay(calendar, due)
    if (Either.isLeft(w)) return Either.left(w.left)
    if (w.right) break
    due = addDays(due, 1)
  }
  return Either.right(compare(on, due) <= 0 ? 0 : daysBetween(due, on))
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
