/**
 * Hot-path date arithmetic for screening: the same results as LocalDate.fullYearsBetween, computed from the
 * character codes of two `YYYY-MM-DD` strings with no slicing, parsing or allocation. Screening a pool calls
 * this several times per candidate, so it matters; the equivalence is property-tested.
 *
 * @since 0.1.0
 */

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/**
 * Full years (周岁) from `birth` to `on`, both `YYYY-MM-DD`. Age goes up on the birthday; a 29 February
 * birthday falls on 1 March in a common year.
 *
 * @category combinators
 * @since 0.1.0
 */
export const fullYears = (birth: string, on: string): number => {
  const by = digit(birth, 0) * 1000 + digit(birth, 1) * 100 + digit(birth, 2) * 10 + digit(birth, 3)
  const oy = digit(on, 0) * 1000 + digit(on, 1) * 100 + digit(on, 2) * 10 + digit(on, 3)
  let birthday = (digit(birth, 5) * 10 + digit(birth, 6)) * 100 + digit(birth, 8) * 10 + digit(birth, 9)
  if (birthday === 229 && !isLeap(oy)) birthday = 301
  const today = (digit(on, 5) * 10 + digit(on, 6)) * 100 + digit(on, 8) * 10 + digit(on, 9)
  return today < birthday ? oy - by - 1 : oy - by
}
