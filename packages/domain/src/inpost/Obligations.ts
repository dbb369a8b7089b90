/**
 * Report obligations (报告义务), generated from the scheme's `reports` for one placement — never typed in by hand:
 * 000 三（二） the street's half-year report on each cadre (每半年将情况报送区委组织部) and the year-end grade filing;
 * 004 晋城 管理考核 三是/六是 the cadre's half-year written report, yearly summary, end-of-term report and quarterly
 * work reports.
 *
 * Due-date convention (a choice; the seeds name periods, not days):
 * - Periods are CALENDAR periods. "每半年" is 1 Jan–30 Jun and 1 Jul–31 Dec, "季度" the calendar quarters, "年终"
 *   31 December. The seeds speak of the calendar: 004 淮上 目标考核 三是 assesses "逢半年、年终、任期期满" (at each
 *   half-year, at year end, at term end), 000 三（二） pairs "每半年" with "年终", and a 季度 in Chinese
 *   administration is a calendar quarter; a street reports on all its cadres at once (000 三（二）), which only
 *   calendar periods allow. `Every` with an interval that divides the year (1, 2, 3, 4, 6 months, 1 year) is
 *   calendar-aligned; `YearEnd` is the calendar year.
 * - Each period that overlaps the time in post gives one obligation, due on the period's last day ("by the end of
 *   that day", as the scheme reads "前"). The first period counts from the start date; a period the term ends in
 *   is due on the term end (期满日) instead — so every due date lies in [start, term end].
 * - Any other interval (e.g. every 5 months, every 2 years, in days) counts from the start date: the k-th period is
 *   [start + (k−1)·interval, start + k·interval − 1 day], each boundary computed from the start (month-end clamping
 *   never drifts), and is due on its last day, or on the term end if that comes first.
 * - `TermEnd` is due on each term's end date. `OnEvent` (and a cadence the scheme leaves unspecified) is listed,
 *   undated.
 * - A placement that ends early (recalled, adjusted, returned) owes nothing that falls due after the day it ended.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Cadence, ReportObligation, Scheme } from "../scheme/Scheme.js"
import { Actor } from "../scheme/Scheme.js"
import { Citation } from "../shared/Citation.js"
import { addDays, compare, LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { addDuration, calendarMonths, calendarPeriods, daysBetween, minDate, type Period } from "./Dates.js"
import type { Placement } from "./Placement.js"

const NonEmpty = Schema.NonEmptyTrimmedString

/**
 * When a report falls due: periodically, at year end, at term end, on an event, or unspecified.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ObligationKind = Schema.Literal("periodic", "year_end", "term_end", "on_event", "unspecified")
/**
 * The decoded value of the {@link ObligationKind} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ObligationKind = typeof ObligationKind.Type

/**
 * One report a placement owes under the scheme: from whom to whom, its period and due date where dated.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ObligationInstance = Schema.Struct({
  /** Stable: `<placement>/<report id>/<period start>`, `…/term-<n>`, `…/event`. Submissions point at it. */
  key: NonEmpty,
  placementId: NonEmpty,
  reportId: NonEmpty,
  from: Actor,
  to: Actor,
  subject: Text,
  kind: ObligationKind,
  /** The days the report covers (inclusive), for periodic and year-end reports. */
  period: Schema.optional(Schema.Struct({ from: LocalDate, to: LocalDate })),
  /** Absent for on-event and unspecified cadences. */
  due: Schema.optional(LocalDate),
  /** The event that calls for the report (OnEvent), or the note of an unspecified cadence. */
  event: Schema.optional(Text),
  citation: Citation,
}).annotations({ identifier: "ObligationInstance", title: "报告任务 / report obligation instance" })
/**
 * The decoded value of the {@link ObligationInstance} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ObligationInstance = typeof ObligationInstance.Type

/**
 * The time in post the obligations are generated for. Terms are consecutive (a stay-on starts at the last end).
 *
 * @category models
 * @since 0.1.0
 */
export interface ObligationWindow {
  readonly placementId: string
  readonly terms: ReadonlyArray<{
    readonly number: number
    readonly start: LocalDate
    readonly end: LocalDate
  }>
  /** The placement ended early on this day: nothing falling due after it is owed. */
  readonly endedOn?: LocalDate
}

const kindOf = (c: Cadence): ObligationKind =>
  c._tag === "Every"
    ? "periodic"
    : c._tag === "YearEnd"
      ? "year_end"
      : c._tag === "TermEnd"
        ? "term_end"
        : "on_event"

/** Periods of the window [start, end) for a cadence, each with its due date. */
const periodsFor = (
  interval: Parameters<typeof addDuration>[1],
  start: LocalDate,
  end: LocalDate,
): ReadonlyArray<{ readonly period: Period; readonly due: LocalDate }> => {
  const lastDay = addDays(end, -1)
  if (compare(lastDay, start) < 0) return []
  const months = calendarMonths(interval)
  if (months !== undefined)
    return calendarPeriods(start, lastDay, months).map((p) => ({
      period: { from: compare(p.from, start) < 0 ? start : p.from, to: minDate(p.to, lastDay) },
      due: minDate(p.to, end),
    }))
  const out: Array<{ period: Period; due: LocalDate }> = []
  for (let k = 0; ; k++) {
    const from = addDuration(start, interval, k)
    if (compare(from, end) >= 0) break
    const to = addDays(addDuration(start, interval, k + 1), -1)
    out.push({ period: { from, to: minDate(to, lastDay) }, due: minDate(to, end) })
  }
  return out
}

const YEAR = { amount: 1, unit: "year" } as const

/** One report obligation's instances over the window. */
const instancesOf = (w: ObligationWindow, r: ReportObligation): ReadonlyArray<ObligationInstance> => {
  const first = w.terms[0]
  const last = w.terms[w.terms.length - 1]
  if (first === undefined || last === undefined) return []
  const base = {
    placementId: w.placementId,
    reportId: r.id,
    from: r.from,
    to: r.to,
    subject: r.subject,
    citation: r.citation,
  }
  const key = (suffix: string) => `${w.placementId}/${r.id}/${suffix}`
  if (r.cadence._tag === "Unspecified")
    return [{ ...base, key: key("unspecified"), kind: "unspecified", event: r.cadence.note }]
  const c = r.cadence.value
  const kind = kindOf(c)
  const owed = (due: LocalDate) => w.endedOn === undefined || compare(due, w.endedOn) <= 0
  switch (c._tag) {
    case "OnEvent":
      return [{ ...base, key: key("event"), kind, event: c.event }]
    case "TermEnd":
      return w.terms
        .filter((term) => owed(term.end))
        .map((term) => ({ ...base, key: key(`term-${term.number}`), kind, due: term.end }))
    case "Every":
    case "YearEnd":
      return periodsFor(c._tag === "Every" ? c.interval : YEAR, first.start, last.end)
        .filter((x) => owed(x.due))
        .map((x) => ({ ...base, key: key(x.period.from), kind, period: x.period, due: x.due }))
  }
}

/**
 * Every obligation the scheme's reports give over the window, dated ones sorted by due date (then the scheme's
 * order of reports), undated ones (on-event, unspecified) after them in the scheme's order.
 *
 * @category rules
 * @since 0.1.0
 */
export const generateObligations = (
  window: ObligationWindow,
  reports: ReadonlyArray<ReportObligation>,
): ReadonlyArray<ObligationInstance> => {
  const all = reports.flatMap((r, i) => instancesOf(window, r).map((o) => ({ o, i })))
  const dated = all.filter((x) => x.o.due !== undefined)
  const undated = all.filter((x) => x.o.due === undefined)
  dated.sort((a, b) => compare(a.o.due as LocalDate, b.o.due as LocalDate) || a.i - b.i)
  return [...dated, ...undated].map((x) => x.o)
}

/**
 * The obligations of a placement under its scheme: none before it is taken up.
 *
 * @category getters
 * @since 0.1.0
 */
export const obligationsOf = (
  p: Placement,
  scheme: Pick<Scheme, "reports">,
): ReadonlyArray<ObligationInstance> =>
  p.terms.length === 0
    ? []
    : generateObligations(
        {
          placementId: p.id,
          terms: p.terms,
          ...(p.ending !== undefined && p.ending.kind !== "exited" ? { endedOn: p.ending.date } : {}),
        },
        scheme.reports,
      )

// ---------------------------------------------------------------------------------------------- submissions

/**
 * A report filed against an obligation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Submission = Schema.Struct({
  key: NonEmpty,
  submittedOn: LocalDate,
  by: Schema.String,
  text: Schema.String,
  attachments: Schema.Array(Schema.Struct({ name: NonEmpty, ref: NonEmpty })),
}).annotations({ identifier: "ReportSubmission", title: "报告提交 / submission" })
/**
 * The decoded value of the {@link Submission} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Submission = typeof Submission.Type

/**
 * Where one obligation stands on a date (on event, open, overdue, submitted, late).
 *
 * @category models
 * @since 0.1.0
 */
export type ObligationStatus =
  | "on_event" // undated: filed when the event happens
  | "open" // not yet due
  | "overdue" // due before `on`, nothing submitted
  | "submitted" // submitted on or before the due date
  | "late" // submitted after the due date

/**
 * Where an obligation stands on `on`. Due means "by the end of the due day": on the due day it is still open.
 *
 * @category getters
 * @since 0.1.0
 */
export const statusOf = (
  o: ObligationInstance,
  submissions: ReadonlyArray<Submission>,
  on: LocalDate,
): ObligationStatus => {
  const firstSubmitted = submissions
    .filter((x) => x.key === o.key)
    .map((x) => x.submittedOn)
    .sort()[0]
  if (o.due === undefined) return "on_event"
  if (firstSubmitted !== undefined) return compare(firstSubmitted, o.due) <= 0 ? "submitted" : "late"
  return compare(on, o.due) > 0 ? "overdue" : "open"
}

/**
 * An obligation past its due date with no submission, and by how many days.
 *
 * @category models
 * @since 0.1.0
 */
export interface Overdue {
  readonly obligation: ObligationInstance
  readonly daysOverdue: number
}

/**
 * Obligations due before `on` with nothing submitted, most overdue first.
 *
 * @category rules
 * @since 0.1.0
 */
export const overdue = (
  instances: ReadonlyArray<ObligationInstance>,
  submissions: ReadonlyArray<Submission>,
  on: LocalDate,
): ReadonlyArray<Overdue> =>
  instances
    .filter((o) => statusOf(o, submissions, on) === "overdue")
    .map((o) => ({ obligation: o, daysOverdue: daysBetween(o.due as LocalDate, on) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue)
