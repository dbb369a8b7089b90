/**
 * Exact rational arithmetic (bigint-backed) for quotas, rates and scores: the documents' thresholds compare
 * exactly, and rounding happens once, at display.
 *
 * @since 0.1.0
 */

import type { Ratio } from "../scheme/Scheme.js"

/**
 * Exact non-negative rationals for rates, shares and quota arithmetic. Thresholds in the seeds ("高于30%",
 * "达不到60%") are compared by integer cross-multiplication, never in floating point: 3/10 and 30/100 are equal,
 * and 0.1 + 0.2 never decides whether someone is recalled. Displayed values are rounded half up, at the end only.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rational {
  /** Numerator, a non-negative safe integer; the fraction is in lowest terms. */
  readonly num: number
  /** Denominator, a positive safe integer. */
  readonly den: number
}

const gcd = (a: number, b: number): number => {
  let x = a
  let y = b
  while (y !== 0) [x, y] = [y, x % y]
  return x
}

/**
 * num/den in lowest terms. Throws on a non-integer, a negative numerator or a non-positive denominator.
 *
 * @category constructors
 * @since 0.1.0
 */
export const rational = (num: number, den: number): Rational => {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den <= 0)
    throw new RangeError(`not a non-negative rational: ${num}/${den}`)
  const g = gcd(num, den) || 1
  return { num: num / g, den: den / g }
}

/**
 * The exact value of a scheme {@link Ratio} (numerator / denominator).
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromRatio = (r: Ratio): Rational => rational(r.numerator, r.denominator)

/**
 * a × b, exactly.
 *
 * @category combinators
 * @since 0.1.0
 */
export const times = (a: Rational, b: Rational): Rational => {
  const n = BigInt(a.num) * BigInt(b.num)
  const d = BigInt(a.den) * BigInt(b.den)
  return fromBig(n, d)
}

const bigGcd = (a: bigint, b: bigint): bigint => {
  let x = a
  let y = b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

const fromBig = (n: bigint, d: bigint): Rational => {
  const g = bigGcd(n, d) || 1n
  return rational(Number(n / g), Number(d / g))
}

/**
 * Sign of a − b, by cross-multiplication in BigInt (no rounding anywhere).
 *
 * @category combinators
 * @since 0.1.0
 */
export const compare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = BigInt(a.num) * BigInt(b.den)
  const r = BigInt(b.num) * BigInt(a.den)
  return l < r ? -1 : l > r ? 1 : 0
}

/**
 * A comparison as the documents state it: below (lt), at most (le), above (gt), at least (ge).
 *
 * @category models
 * @since 0.1.0
 */
export type Comparator = "lt" | "le" | "gt" | "ge"

/**
 * `a comparator b`, exactly.
 *
 * @category predicates
 * @since 0.1.0
 */
export const holds = (a: Rational, comparator: Comparator, b: Rational): boolean => {
  const c = compare(a, b)
  switch (comparator) {
    case "lt":
      return c < 0
    case "le":
      return c <= 0
    case "gt":
      return c > 0
    case "ge":
      return c >= 0
  }
}

/**
 * The largest integer ≤ r.
 *
 * @category combinators
 * @since 0.1.0
 */
export const floor = (r: Rational): number => Math.floor(r.num / r.den)
/**
 * The smallest integer ≥ r (a floor quota's head count).
 *
 * @category combinators
 * @since 0.1.0
 */
export const ceil = (r: Rational): number => Math.ceil(r.num / r.den)
/**
 * Whether r is a whole number.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isInteger = (r: Rational): boolean => r.den === 1

/**
 * The value rounded half up to `decimals` places, as a plain decimal string ("45.5", "38.1", "2.0").
 *
 * @category utils
 * @since 0.1.0
 */
export const roundHalfUp = (r: Rational, decimals: number): string => {
  const scale = 10n ** BigInt(decimals)
  // floor((2·num·scale + den) / (2·den)) is num·scale/den rounded half up.
  const q = (2n * BigInt(r.num) * scale + BigInt(r.den)) / (2n * BigInt(r.den))
  if (decimals === 0) return q.toString()
  const s = q.toString().padStart(decimals + 1, "0")
  return `${s.slice(0, -decimals)}.${s.slice(-decimals)}`
}

/**
 * As a percentage rounded half up ("45.5%").
 *
 * @category utils
 * @since 0.1.0
 */
export const percent = (r: Rational, decimals = 1): string =>
  `${roundHalfUp(times(r, rational(100, 1)), decimals)}%`

/**
 * The exact decimal if it terminates ("1.4", "2"), else undefined (7/3).
 *
 * @category utils
 * @since 0.1.0
 */
export const exactDecimal = (r: Rational): string | undefined => {
  let d = r.den
  let twos = 0
  let fives = 0
  while (d % 2 === 0) {
    d /= 2
    twos += 1
  }
  while (d % 5 === 0) {
    d /= 5
    fives += 1
  }
  if (d !== 1) return undefined
  const places = Math.max(twos, fives)
  if (places === 0) return String(r.num)
  return roundHalfUp(r, places)
}

/**
 * Exact when it terminates ("1.4"), else as a fraction ("7/3").
 *
 * @category utils
 * @since 0.1.0
 */
export const show = (r: Rational): string => exactDecimal(r) ?? `${r.num}/${r.den}`

/**
 * A share as people write it: "20%", "12.5%", or "1/3" when it is no terminating percentage.
 *
 * @category utils
 * @since 0.1.0
 */
export const showShare = (r: Rational): string => {
  const p = exactDecimal(times(r, rational(100, 1)))
  return p === undefined ? `${r.num}/${r.den}` : `${p}%`
}
