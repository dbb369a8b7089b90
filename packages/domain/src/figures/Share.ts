/**
 * A count out of a total with its percentage, exact and rounded half up for display.
 *
 * @since 0.1.0
 */

import { percent, type Rational, rational } from "../assessment/Rational.js"

/**
 * A count out of a total, with the exact rate and its display. Rounding is done once, at display: half up to one
 * decimal place of a percent (004 杭州: 56 of 123 → 45.528…% → "45.5%"). An empty total has no rate.
 *
 * @category models
 * @since 0.1.0
 */
export interface Share {
  readonly count: number
  readonly of: number
  /** Exact count/of; absent when `of` is 0. */
  readonly rate?: Rational
  /** "45.5%", or "—" when `of` is 0. */
  readonly percent: string
}

/**
 * A count out of a total, with its percentage rounded half up for display ("—" when the total is 0).
 *
 * @category constructors
 * @since 0.1.0
 */
export const share = (count: number, of: number): Share =>
  of === 0
    ? { count, of, percent: "—" }
    : { count, of, rate: rational(count, of), percent: percent(rational(count, of), 1) }
