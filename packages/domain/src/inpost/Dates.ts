/**
 * Date arithmetic for terms and periods. Months and years add with month-end clamping (shared/LocalDate
 * `addMonths`: 31 Aug + 6 months = 28 Feb, or 29 Feb in a leap year; 29 Feb + 1 year = 28 Feb).
 *
 * @since 0.1.0
 */

import type { Duration } from "../scheme/Scheme.js"
import {
  addDays,
  addMonths,
  compare,
  daysInMonth,
  fromParts,
  type LocalDate,
  parts,
  toEpochDay,
} from "../shared/LocalDate.js"

/**
 * `d` plus `k` times `x` (k ≥ 0), counted from `d` each time so that clamping never drifts (31 Jan + 2 months = 31 Mar).
 *
 * @category combinators
 * @since 0.1.0
 */
export const addDuration = (d: LocalDate, x: Duration, k = 1): LocalDate =>
  x.unit === "day"
    ? addDays(d, x.amount * k)
    : addMonths(d, x.unit === "month" ? x.amount * k : x.amount * 12 * k)

/**
 * Whole days from `a` to `b` (negative when `b` is earlier).
 *
 * @category combinators
 * @since 0.1.0
 */
export const daysBetween = (a: LocalDate, b: LocalDate): number => toEpochDay(b) - toEpochDay(a)

/**
 * The earlier of two dates.
 *
 * @category combinators
 * @since 0.1.0
 */
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (compare(a, b) <= 0 ? a : b)
/**
 * The later of two dates.
 *
 * @category combinators
 * @since 0.1.0
 */
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (compare(a, b) >= 0 ? a : b)

/**
 * An inclusive range of days.
 *
 * @category models
 * @since 0.1.0
 */
export interface Period {
  readonly from: LocalDate
  readonly to: LocalDate
}

/**
 * Months in a duration when it divides the calendar year evenly (1, 2, 3, 4, 6, 12 months or 1 year), else none.
 *
 * @category combinators
 * @since 0.1.0
 */
export const calendarMonths = (x: Duration): number | undefined => {
  const months = x.unit === "month" ? x.amount : x.unit === "year" ? x.amount * 12 : 0
  return months > 0 && 12 % months === 0 ? months : undefined
}

/**
 * The calendar period of `months` months (a divisor of 12, counted from 1 January) that contains `d`.
 *
 * @category combinators
 * @since 0.1.0
 */
export const calendarPeriodOf = (d: LocalDate, months: number): Period => {
  const [y, m] = parts(d)
  const first = Math.floor((m - 1) / months) * months + 1
  const last = first + months - 1
  return { from: fromParts(y, first, 1), to: fromParts(y, last, daysInMonth(y, last)) }
}

/**
 * Calendar periods of `months` months that overlap [from, to] (inclusive), in order.
 *
 * @category combinators
 * @since 0.1.0
 */
export const calendarPeriods = (from: LocalDate, to: LocalDate, months: number): ReadonlyArray<Period> => {
  const out: Array<Period> = []
  if (compare(from, to) > 0) return out
  let p = calendarPeriodOf(from, months)
  while (compare(p.from, to) <= 0) {
    out.push(p)
    p = calendarPeriodOf(addDays(p.to, 1), months)
  }
  return out
}
