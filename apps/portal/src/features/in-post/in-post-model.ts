import { chinaDate } from "@cadre/ui"
import type { RouterOutputs } from "@cadre/client"

/** What the API gives a cadre about their own placements, report obligations and leave (docs/inpost.md §2–4). */
export type Placement = RouterOutputs["placements"]["mine"][number]
export type Obligation = RouterOutputs["reports"]["obligations"][number]
/** A leave request as the API answers it (the list adds names the cadre does not need). */
export type Leave = RouterOutputs["leave"]["request"]
export type LeavePreview = RouterOutputs["leave"]["preview"]

/** How a report is marked for the cadre. The API's `submitted` and `late` are both filed; `open` is due. */
export type ReportMark = "filed" | "filedLate" | "due" | "overdue" | "onEvent"

export const reportMark = (status: Obligation["status"]): ReportMark => {
  switch (status) {
    case "submitted":
      return "filed"
    case "late":
      return "filedLate"
    case "open":
      return "due"
    case "overdue":
      return "overdue"
    case "on_event":
      return "onEvent"
  }
}

/** Tag colours: red must catch the eye for overdue; filed late is filed, but not on time. */
export const MARK_COLOUR: Readonly<Record<ReportMark, string>> = {
  filed: "green",
  filedLate: "gold",
  due: "blue",
  overdue: "red",
  onEvent: "default",
}

/** A report can be filed while nothing is filed against it; the server refuses a second filing anyway. */
export const mayFile = (status: Obligation["status"]): boolean =>
  status === "open" || status === "overdue" || status === "on_event"

/** Counts for the line above the list: overdue, still due (incl. on-event), filed (on time or late). */
export const reportTally = (
  obligations: ReadonlyArray<Pick<Obligation, "status">>,
): { readonly overdue: number; readonly due: number; readonly filed: number } => {
  let overdue = 0
  let due = 0
  let filed = 0
  for (const o of obligations) {
    const mark = reportMark(o.status)
    if (mark === "overdue") overdue++
    else if (mark === "filed" || mark === "filedLate") filed++
    else due++
  }
  return { overdue, due, filed }
}

/** The placement states in which a cadre may ask for leave (the server's `requireServing`). */
const SERVING: ReadonlyArray<Placement["state"]> = ["on_probation", "probation_extended", "in_term"]
export const isServing = (state: Placement["state"]): boolean => SERVING.includes(state)

/** The placement to open first: one still served, else the first the API lists. */
export const defaultPlacement = (placements: ReadonlyArray<Placement>): Placement | undefined =>
  placements.find((p) => isServing(p.state)) ?? placements[0]

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of an ISO date, or undefined when it is not a real calendar date. */
const dayNumber = (date: string): number | undefined => {
  const m = isoDate.exec(date)
  if (m === null) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = Date.UTC(y, mo - 1, d)
  const probe = new Date(t)
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return undefined
  return t / 86_400_000
}

const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10)

/**
 * Half-days of a leave from `from` to `to` inclusive, as the kernel counts them (calendar days, docs/inpost.md
 * §4): less the morning of the first day when it starts in the afternoon, less the afternoon of the last when it
 * ends at noon. Undefined when a date is missing or not a date; zero or less when the range is empty or reversed.
 * Shown before sending only as a preview — the API counts again and decides the approver.
 */
export const halfDaysOf = (input: {
  readonly from: string
  readonly to: string
  readonly startsAfternoon?: boolean | undefined
  readonly endsMorning?: boolean | undefined
}): number | undefined => {
  const from = dayNumber(input.from)
  const to = dayNumber(input.to)
  if (from === undefined || to === undefined) return undefined
  return 2 * (to - from + 1) - (input.startsAfternoon === true ? 1 : 0) - (input.endsMorning === true ? 1 : 0)
}

/** "1.5" for 3 half-days, "2" for 4 — the API's `days` format; whole half-days, never a float. */
export const formatHalfDays = (halfDays: number): string =>
  halfDays % 2 === 0 ? String(halfDays / 2) : `${(halfDays - 1) / 2}.5`

/** Which message to use for a number of days: English says "1 day" but "0.5 days", "1.5 days", "2 days". */
export const daysKey = (halfDays: number): "dayOne" | "dayMany" => (halfDays === 2 ? "dayOne" : "dayMany")

/** The day the cadre is due back: the day after `to`, or `to` itself when the leave ends at noon (§4). */
export const dueBackOn = (leave: { readonly to: string; readonly endsMorning: boolean }): string => {
  const to = dayNumber(leave.to)
  if (to === undefined) return leave.to
  return leave.endsMorning ? leave.to : isoOf(to + 1)
}

/**
 * 销假 is offered for approved leave once its end has passed (the cadre is due back). The kernel also accepts the
 * cadre, with a date not after today and not before the leave began; the server checks both again.
 */
export const mayRecordReturn = (
  leave: { readonly state: Leave["state"]; readonly to: string; readonly endsMorning: boolean },
  today: string,
): boolean => leave.state === "approved" && dueBackOn(leave) <= today

/** Today in China (the API's clock is Asia/Shanghai), as YYYY-MM-DD. */
export const chinaToday = (now: Date = new Date()): string => chinaDate(now)

/** Relations the scheme moves or keeps, with the date each moved one was transferred (000 一（二）1). */
export const relationRows = (
  placement: Placement["placement"],
): ReadonlyArray<{
  readonly relation: "party" | "administrative" | "pay"
  readonly rule: "moves" | "stays"
  readonly movedOn: string | null
}> =>
  (["party", "administrative", "pay"] as const).flatMap((relation) => {
    const rule = placement.relations[relation]
    const movedOn = placement.relationsMoved[relation] ?? null
    // A relation the scheme does not mention but that was recorded as moved is shown as moved.
    if (rule === undefined) return movedOn === null ? [] : [{ relation, rule: "moves" as const, movedOn }]
    return [{ relation, rule, movedOn }]
  })
