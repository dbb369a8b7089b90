/**
 * Working days on the Chinese calendar, as DATA. The State Council publishes each year's arrangement (国务院办公厅
 * 关于某年部分节假日安排的通知) late in the previous year: statutory holidays (法定节假日, dates off) and make-up
 * working days (调休, weekend dates that are working days). The kernel cannot read a package or a clock: the
 * storage layer builds the national `WorkCalendar` from a maintained data package (e.g. `chinese-days`) and from
 * the years the national operator enters, composes a region's local adjustments onto it (LocalAdjustment.ts), and
 * passes it in.
 *
 * A date is a working day when it is a make-up working day, or when it is Monday–Friday and not a holiday.
 * A date in a year the calendar does not cover is an error (`CalendarYearUnknown`), never counted as an ordinary
 * week: an unknown year may hold a Spring Festival.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { LocalDate, addDays, compare, fromEpochDay, parts, toEpochDay } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"

/**
 * Where a year's arrangement came from.
 *
 * @category schemas
 * @since 0.1.0
 */
export const YearSource = Schema.Union(
  /** A maintained data package (e.g. `chinese-days` 1.5.7). */
  Schema.TaggedStruct("DataPackage", { name: Schema.NonEmptyTrimmedString, version: Schema.String }),
  /** Entered by an org dept admin from the State Council notice, before the package knows the year. */
  Schema.TaggedStruct("EnteredByAdmin", {
    accountId: Schema.NonEmptyTrimmedString,
    enteredOn: LocalDate,
    /** 文号 of the notice, e.g. "国办发明电〔2024〕12号". */
    notice: Schema.optional(Schema.String),
  }),
).annotations({ identifier: "CalendarYearSource", title: "数据来源 / source" })
/**
 * The decoded value of the {@link YearSource} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type YearSource = typeof YearSource.Type

const Year = Schema.Int.pipe(Schema.between(1900, 2200))

/**
 * 0 = Sunday … 6 = Saturday. 1970-01-01 (epoch day 0) was a Thursday.
 *
 * @category getters
 * @since 0.1.0
 */
export const weekday = (d: LocalDate): number => (((toEpochDay(d) + 4) % 7) + 7) % 7

/**
 * Whether the date falls on a Saturday or a Sunday (before holidays and 调休 are applied).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isWeekend = (d: LocalDate): boolean => {
  const w = weekday(d)
  return w === 0 || w === 6
}

const CalendarYearStruct = Schema.Struct({
  year: Year,
  /** 法定节假日: every date off in the year's holiday blocks (weekend dates inside a block may be listed or not). */
  holidays: Schema.Array(LocalDate),
  /** 调休上班: weekend dates that are working days. */
  makeUpWorkdays: Schema.Array(LocalDate),
  source: YearSource,
})

/**
 * One year's official arrangement.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CalendarYear = CalendarYearStruct.pipe(
  Schema.filter((y) => {
    const issues: Array<string> = []
    const all = [...y.holidays, ...y.makeUpWorkdays]
    const foreign = all.filter((d) => parts(d)[0] !== y.year)
    if (foreign.length > 0)
      issues.push(`日期不属于${y.year}年 / dates outside ${y.year}: ${foreign.join(", ")}`)
    const off = new Set<string>(y.holidays)
    const both = y.makeUpWorkdays.filter((d) => off.has(d))
    if (both.length > 0)
      issues.push(`同一日期既是假日又是调休工作日 / both holiday and make-up workday: ${both.join(", ")}`)
    const weekdays = y.makeUpWorkdays.filter((d) => !isWeekend(d))
    if (weekdays.length > 0)
      issues.push(`调休工作日应为周末 / make-up workdays must fall on a weekend: ${weekdays.join(", ")}`)
    return issues.length === 0 ? true : issues.join("; ")
  }),
).annotations({ identifier: "CalendarYear", title: "年度节假日安排 / a year's holiday arrangement" })
/**
 * The decoded value of the {@link CalendarYear} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type CalendarYear = typeof CalendarYear.Type

/**
 * The calendar: the years it covers, each with its arrangement. Years are unique.
 *
 * @category schemas
 * @since 0.1.0
 */
export const WorkCalendar = Schema.Struct({ years: Schema.Array(CalendarYear) })
  .pipe(
    Schema.filter((c) => {
      const seen = new Set<number>()
      for (const y of c.years) {
        if (seen.has(y.year)) return `年份重复 / year listed twice: ${y.year}`
        seen.add(y.year)
      }
      return true
    }),
  )
  .annotations({ identifier: "WorkCalendar", title: "工作日历 / working-day calendar" })
/**
 * The decoded value of the {@link WorkCalendar} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type WorkCalendar = typeof WorkCalendar.Type

/**
 * A date falls in a year the calendar does not cover: the admin must enter that year's arrangement first.
 *
 * @category errors
 * @since 0.1.0
 */
export class CalendarYearUnknown extends Schema.TaggedError<CalendarYearUnknown>()("CalendarYearUnknown", {
  year: Schema.Int,
  date: LocalDate,
  covered: Schema.Array(Schema.Int),
}) {
  /** The message in both languages, zh-CN first. */
  get text(): Text {
    const cov = this.covered.length === 0 ? "无" : this.covered.join("、")
    const covEn = this.covered.length === 0 ? "none" : this.covered.join(", ")
    return {
      zh: `工作日历未包含${this.year}年（日期 ${this.date}），请先录入该年国务院办公厅公布的节假日和调休安排；已有年份：${cov}`,
      en: `The working-day calendar does not cover ${this.year} (date ${this.date}); enter that year's official holidays and make-up working days first. Covered years: ${covEn}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

interface Index {
  readonly off: ReadonlySet<string>
  readonly on: ReadonlySet<string>
  readonly years: ReadonlySet<number>
  readonly covered: ReadonlyArray<number>
}

// Calendars are immutable values: index each once (lookups are per day, notices walk many days).
const indexes = new WeakMap<WorkCalendar, Index>()
const indexOf = (cal: WorkCalendar): Index => {
  const cached = indexes.get(cal)
  if (cached !== undefined) return cached
  const idx: Index = {
    off: new Set(cal.years.flatMap((y) => y.holidays)),
    on: new Set(cal.years.flatMap((y) => y.makeUpWorkdays)),
    years: new Set(cal.years.map((y) => y.year)),
    covered: cal.years.map((y) => y.year).sort((a, b) => a - b),
  }
  indexes.set(cal, idx)
  return idx
}

/**
 * The years the calendar covers, ascending.
 *
 * @category getters
 * @since 0.1.0
 */
export const coveredYears = (cal: WorkCalendar): ReadonlyArray<number> => indexOf(cal).covered

const unknown = (idx: Index, date: LocalDate): CalendarYearUnknown =>
  new CalendarYearUnknown({ year: parts(date)[0], date, covered: [...idx.covered] })

const working = (idx: Index, d: LocalDate): boolean => idx.on.has(d) || (!isWeekend(d) && !idx.off.has(d))

/**
 * Whether `date` is a working day (工作日). Error if its year is not covered.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isWorkingDay = (
  cal: WorkCalendar,
  date: LocalDate,
): Either.Either<boolean, CalendarYearUnknown> => {
  const idx = indexOf(cal)
  return idx.years.has(parts(date)[0]) ? Either.right(working(idx, date)) : Either.left(unknown(idx, date))
}

/**
 * How a period of N working days is counted from its start date.
 * - `day_after`: the start date itself does not count; counting begins the next day. This is how a public
 *   notice (公示期) is usually counted: published on day D, the first notice day is the first working day after D.
 * - `same_day`: the start date counts when it is itself a working day.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CountFrom = Schema.Literal("day_after", "same_day").annotations({
  identifier: "CountFrom",
  title: "起算方式（次日起算 / 当日起算） / counting from",
})
/**
 * The decoded value of the {@link CountFrom} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type CountFrom = typeof CountFrom.Type

/**
 * The N-th working day counted from `start` (see `CountFrom`): the last day of a period of `n` working days, e.g.
 * the last day of a 5-working-day 公示. `n` must be a positive integer; with `n = 0` the result is `start`
 * (nothing to count). Error if the count runs into (or starts in) a year the calendar does not cover.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Calendar, LocalDate } from "@cadre/domain"
 *
 * declare const calendar: Calendar.WorkCalendar // built by storage from the published arrangements
 *
 * // a notice of 3 working days published on Monday 2025-01-27, counted from the next day
 * const lastDay = Calendar.addWorkingDays(calendar, LocalDate.make("2025-01-27"), 3, { countFrom: "day_after" })
 * // with the official 2025 arrangement: Either.right("2025-02-07"), the Spring Festival days off skipped;
 * // Either.left(CalendarYearUnknown) when the calendar lacks a year the count runs into
 * Either.getOrThrow(lastDay)
 * ```
 *
 * @category combinators
 * @since 0.1.0
 */
export const addWorkingDays = (
  cal: WorkCalendar,
  start: LocalDate,
  n: number,
  options: { readonly countFrom: CountFrom },
): Either.Either<LocalDate, CalendarYearUnknown> => {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`)
  const idx = indexOf(cal)
  if (n === 0) return Either.right(start)
  let day = toEpochDay(start) + (options.countFrom === "day_after" ? 1 : 0)
  let left = n
  for (;;) {
    const d = fromEpochDay(day)
    if (!idx.years.has(parts(d)[0])) return Either.left(unknown(idx, d))
    if (working(idx, d)) {
      left -= 1
      if (left === 0) return Either.right(d)
    }
    day += 1
  }
}

/**
 * Working days d with `from` < d ≤ `to` (the start excluded, the end included), so that
 * `workingDaysBetween(cal, s, addWorkingDays(cal, s, n, { countFrom: "day_after" })) === n`. Negative when `to` is
 * before `from` (the same count, reversed). Error if any counted date lies in an uncovered year.
 *
 * @category combinators
 * @since 0.1.0
 */
export const workingDaysBetween = (
  cal: WorkCalendar,
  from: LocalDate,
  to: LocalDate,
): Either.Either<number, CalendarYearUnknown> => {
  const c = compare(from, to)
  if (c === 0) return Either.right(0)
  // 0 - x, not -x: two dates with no working day between them are 0 apart either way, never -0.
  if (c > 0) return Either.map(workingDaysBetween(cal, to, from), (x) => 0 - x)
  const idx = indexOf(cal)
  let count = 0
  for (let day = toEpochDay(from) + 1, end = toEpochDay(to); day <= end; day++) {
    const d = fromEpochDay(day)
    if (!idx.years.has(parts(d)[0])) return Either.left(unknown(idx, d))
    if (working(idx, d)) count += 1
  }
  return Either.right(count)
}

/**
 * The calendar with `year` added, or replacing the same year (an admin correcting an entry).
 *
 * @category combinators
 * @since 0.1.0
 */
export const withYear = (cal: WorkCalendar, year: CalendarYear): WorkCalendar => ({
  years: [...cal.years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year),
})

/**
 * Every date from `first` to `last` inclusive: a holiday block such as 2025-10-01 … 2025-10-08.
 *
 * @category utils
 * @since 0.1.0
 */
export const dateRange = (first: LocalDate, last: LocalDate): ReadonlyArray<LocalDate> => {
  const out: Array<LocalDate> = []
  for (let d = first; compare(d, last) <= 0; d = addDays(d, 1)) out.push(d)
  return out
}
