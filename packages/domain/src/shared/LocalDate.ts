/**
 * Calendar dates without a time zone (`YYYY-MM-DD`), and their arithmetic. The kernel has no clock: every
 * date is an argument.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"

/**
 * A calendar date with no time zone, written `YYYY-MM-DD` (ISO 8601), as Chinese documents give dates.
 * The kernel never reads a clock: every "today" or reference date arrives as one of these.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LocalDate = Schema.String.pipe(
  Schema.filter((s) => isValidIsoDate(s), {
    message: () => "日期格式应为 YYYY-MM-DD 且为真实日期 / date must be YYYY-MM-DD and a real calendar date",
  }),
  Schema.brand("LocalDate"),
  Schema.annotations({ identifier: "LocalDate", title: "日期 / date" }),
)
/**
 * The decoded value of the {@link LocalDate} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LocalDate = typeof LocalDate.Type

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether the year is a leap year in the Gregorian calendar.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/**
 * The number of days in month `m` (1–12) of year `y`.
 *
 * @category getters
 * @since 0.1.0
 */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

/**
 * Whether the string is a real calendar date written `YYYY-MM-DD`.
 *
 * @category predicates
 * @since 0.1.0
 */
export function isValidIsoDate(s: string): boolean {
  const m = ISO.exec(s)
  if (m === null) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

/**
 * Year, month (1–12) and day of a LocalDate. Fast: no Date object, no allocation beyond the tuple.
 *
 * @category getters
 * @since 0.1.0
 */
export const parts = (d: LocalDate | string): readonly [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)),
  Number(d.slice(8, 10)),
]

/**
 * Unsafe constructor for literals known to be valid (presets, tests). Throws on an invalid date.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (s: string): LocalDate => {
  if (!isValidIsoDate(s)) throw new Error(`invalid LocalDate literal: ${s}`)
  return s as LocalDate
}

/**
 * The date of a year, month (1–12) and day, without validation.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromParts = (y: number, m: number, d: number): LocalDate =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as LocalDate

/**
 * ISO strings of this shape order lexicographically as dates do.
 *
 * @category combinators
 * @since 0.1.0
 */
export const compare = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Full years (周岁) from `birth` to `on`. The age goes up on the birthday; someone born on 29 February
 * has a birthday on 1 March in a common year (POLICIES "How to read the numbers"). Negative if `on`
 * is before `birth`.
 *
 * @category combinators
 * @since 0.1.0
 */
export function fullYearsBetween(birth: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = parts(birth)
  const [oy, om, od] = parts(on)
  let years = oy - by
  // Birthday in year `oy`: Feb 29 falls to Mar 1 in a common year.
  let birthdayMonth = bm
  let birthdayDay = bd
  if (bm === 2 && bd === 29 && !isLeapYear(oy)) {
    birthdayMonth = 3
    birthdayDay = 1
  }
  if (om < birthdayMonth || (om === birthdayMonth && od < birthdayDay)) years -= 1
  return years
}

/**
 * Add whole months, clamping the day to the end of the target month (e.g. 31 Jan + 1 month = 28/29 Feb).
 *
 * @example
 * ```ts
 * import { LocalDate } from "@cadre/domain"
 *
 * const d = LocalDate.make("2024-08-31")
 * LocalDate.addMonths(d, 6) // "2025-02-28": the day is clamped to the month's end
 * LocalDate.addDays(d, 1) // "2024-09-01"
 * LocalDate.fullYearsBetween(LocalDate.make("1985-12-19"), LocalDate.make("2020-12-18")) // 34: a day short of 35
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const [y, m, day] = parts(d)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  return fromParts(ny, nm, Math.min(day, daysInMonth(ny, nm)))
}

/**
 * The date `years` years later (or earlier), the day clamped to the month's end (29 Feb + 1 year = 28 Feb).
 *
 * @category combinators
 * @since 0.1.0
 */
export const addYears = (d: LocalDate, years: number): LocalDate => addMonths(d, years * 12)

/**
 * Day number since 1970-01-01 (proleptic Gregorian), for durations.
 *
 * @category combinators
 * @since 0.1.0
 */
export function toEpochDay(d: LocalDate): number {
  const [y, m, day] = parts(d)
  // Algorithm from Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/**
 * The date `n` days after 1970-01-01.
 *
 * @category constructors
 * @since 0.1.0
 */
export function fromEpochDay(n: number): LocalDate {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const y = yoe + era * 400
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return fromParts(m <= 2 ? y + 1 : y, m, d)
}

/**
 * The date `days` days later (or earlier).
 *
 * @category combinators
 * @since 0.1.0
 */
export const addDays = (d: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(d) + days)
