/**
 * Terms ending soon (for the org dept's list of term-end assessments to prepare, issue 5 "terms ending in the next
 * 90 days"). A term whose last day is in [on, on + days] is listed — both ends inclusive: a term ending today is
 * still listed (0 days left), one ending on day `days` is listed, one ending the day after is not.
 *
 * @since 0.1.0
 */

import { addDays, compare, type LocalDate, toEpochDay } from "../shared/LocalDate.js"

/**
 * A placement's current term, as the figures read it.
 *
 * @category models
 * @since 0.1.0
 */
export interface TermRow {
  readonly placementId: string
  readonly personId: string
  /** The term's last day. */
  readonly endsOn: LocalDate
}

/**
 * A term ending within the window, with the days left.
 *
 * @category models
 * @since 0.1.0
 */
export interface TermEnding extends TermRow {
  /** Days from `on` to the last day: 0 when it ends today. */
  readonly daysLeft: number
}

/**
 * The terms whose last day is in [on, on + days], both ends inclusive, soonest first.
 *
 * @category utils
 * @since 0.1.0
 */
export const termsEndingWithin = (
  rows: ReadonlyArray<TermRow>,
  on: LocalDate,
  days: number,
): ReadonlyArray<TermEnding> => {
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`days must be a non-negative integer: ${days}`)
  const last = addDays(on, days)
  return rows
    .filter((r) => compare(r.endsOn, on) >= 0 && compare(r.endsOn, last) <= 0)
    .map((r) => ({ ...r, daysLeft: toEpochDay(r.endsOn) - toEpochDay(on) }))
    .sort(
      (a, b) =>
        a.daysLeft - b.daysLeft ||
        (a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0),
    )
}
