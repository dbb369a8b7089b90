import { Calendar, Decode, LocalDate } from "@cadre/domain"
import data from "chinese-days/dist/chinese-days.json" with { type: "json" }
import pkg from "chinese-days/package.json" with { type: "json" }
import { Either, Schema } from "effect"
import { CalendarDataInvalid } from "./CalendarDataInvalid.js"

/**
 * The years the `chinese-days` npm package knows, as the kernel's `Calendar.CalendarYear`s.
 *
 * The package transcribes each 国务院办公厅关于某年部分节假日安排的通知 into three maps, published as its
 * documented JSON file `dist/chinese-days.json` (its functions only answer per-date questions):
 * - `holidays`: every date off in each holiday block (weekends inside a block included);
 * - `workdays`: 调休上班, weekend dates that are working days;
 * - `inLieuDays`: the weekdays off that were paid for by a make-up working day. They are days off like the rest of
 *   the block (in 1.5.7 every one is also in `holidays`; we take the union so a lapse there cannot make one a
 *   working day).
 * Each value is "English,中文,N" (N = the statutory days of that festival). Dates are grouped by their own
 * calendar year: a notice may reach into the previous December (2012's 元旦 made 2011-12-31 a working day).
 *
 * The version comes from the package's own package.json, so upgrading the catalog pin changes the recorded source.
 */

/** `{ _tag: "DataPackage", name: "chinese-days", version }` with the installed version. */
export const packageSource = {
  _tag: "DataPackage",
  name: "chinese-days",
  version: pkg.version,
} as const satisfies Calendar.YearSource

type DataPackageSource = Extract<Calendar.YearSource, { readonly _tag: "DataPackage" }>

const DayMap = Schema.Record({ key: Schema.String, value: Schema.String })
/** The shape of `dist/chinese-days.json`. Keys are checked as dates separately: a refined Record key drops bad keys. */
const PackageData = Schema.Struct({ holidays: DayMap, workdays: DayMap, inLieuDays: DayMap })

/**
 * Festivals every notice arranges: 元旦, 春节, 劳动节, 国庆节 since 1999, and from 2008 (国务院令第513号) also
 * 清明 and 端午. 中秋 is not required: when it falls in the National Day week the package files the merged block
 * under 国庆节 (2020). A year that misses one of these holds only a stray date (say, the December tail of the next
 * year's 元旦) and is left out, so it stays "unknown" instead of counting as an ordinary year.
 */
const requiredFestivals = (year: number): ReadonlyArray<string> =>
  year >= 2008 ? ["元旦", "春节", "清明", "劳动节", "端午", "国庆节"] : ["元旦", "春节", "劳动节", "国庆节"]

/** The Chinese name in a value "English,中文,N". */
const festivalName = (value: string): string => value.split(",")[1]?.trim() ?? value

/** A year present in the package but missing some festival: left out of the calendar. */
export interface IncompleteYear {
  readonly year: number
  readonly missing: ReadonlyArray<string>
}

export interface PackageYears {
  /** Complete years, ascending. */
  readonly years: ReadonlyArray<Calendar.CalendarYear>
  /** Years with some dates but not a whole notice, ascending. */
  readonly incomplete: ReadonlyArray<IncompleteYear>
}

const invalid = (source: DataPackageSource, zh: string, en: string) =>
  new CalendarDataInvalid({ source: `${source.name} ${source.version}`, detail: { zh, en } })

/**
 * The package's table (`raw`, the parsed `chinese-days.json`) as calendar years. Every date is decoded with the
 * kernel's `Calendar.WorkCalendar` Schema (incomplete years too), so a malformed table is a `CalendarDataInvalid`
 * naming the package version, never a silently wrong calendar.
 */
export const yearsFromData = (
  raw: unknown,
  source: DataPackageSource,
): Either.Either<PackageYears, CalendarDataInvalid> => {
  const shape = Schema.decodeUnknownEither(PackageData, { errors: "all" })(raw)
  if (Either.isLeft(shape))
    return Either.left(
      invalid(
        source,
        Decode.formatDecodeErrorText(shape.left, "zh"),
        Decode.formatDecodeErrorText(shape.left, "en"),
      ),
    )
  const { holidays, workdays, inLieuDays } = shape.right

  const keys = [...Object.keys(holidays), ...Object.keys(workdays), ...Object.keys(inLieuDays)]
  const bad = keys.filter((k) => !LocalDate.isValidIsoDate(k))
  if (bad.length > 0)
    return Either.left(
      invalid(
        source,
        `不是有效日期（YYYY-MM-DD）：${bad.join("、")}`,
        `not a valid date (YYYY-MM-DD): ${bad.join(", ")}`,
      ),
    )

  interface Bucket {
    readonly off: Set<string>
    readonly on: Set<string>
    readonly festivals: Set<string>
  }
  const buckets = new Map<number, Bucket>()
  const bucket = (date: string): Bucket => {
    const year = LocalDate.parts(date)[0]
    let b = buckets.get(year)
    if (b === undefined) {
      b = { off: new Set(), on: new Set(), festivals: new Set() }
      buckets.set(year, b)
    }
    return b
  }
  for (const [date, value] of Object.entries(holidays)) {
    const b = bucket(date)
    b.off.add(date)
    b.festivals.add(festivalName(value))
  }
  for (const date of Object.keys(inLieuDays)) bucket(date).off.add(date)
  for (const date of Object.keys(workdays)) bucket(date).on.add(date)

  const sorted = [...buckets.entries()].sort(([a], [b]) => a - b)
  const candidate = {
    years: sorted.map(([year, b]) => ({
      year,
      holidays: [...b.off].sort(),
      makeUpWorkdays: [...b.on].sort(),
      source,
    })),
  }
  // The one decode: every year, complete or not, through the kernel's own rules.
  const decoded = Schema.decodeUnknownEither(Calendar.WorkCalendar, { errors: "all" })(candidate)
  if (Either.isLeft(decoded))
    return Either.left(
      invalid(
        source,
        Decode.formatDecodeErrorText(decoded.left, "zh"),
        Decode.formatDecodeErrorText(decoded.left, "en"),
      ),
    )

  const years: Array<Calendar.CalendarYear> = []
  const incomplete: Array<IncompleteYear> = []
  for (const y of decoded.right.years) {
    const festivals = buckets.get(y.year)?.festivals ?? new Set<string>()
    const missing = requiredFestivals(y.year).filter((f) => !festivals.has(f))
    if (missing.length === 0) years.push(y)
    else incomplete.push({ year: y.year, missing })
  }
  if (years.length === 0)
    return Either.left(
      invalid(
        source,
        "没有一个完整的年度安排（数据格式可能已变）",
        "no complete year in the table (its format may have changed)",
      ),
    )
  return Either.right({ years, incomplete })
}

let cached: PackageYears | undefined

/** The installed package's table, decoded once (throws `CalendarDataInvalid` if the package data is malformed). */
export const packageData = (): PackageYears => {
  if (cached === undefined) cached = Either.getOrThrowWith(yearsFromData(data, packageSource), (e) => e)
  return cached
}

/** Each complete year the installed `chinese-days` covers, ascending, with its holidays and 调休 working days. */
export const packageYears = (): ReadonlyArray<Calendar.CalendarYear> => packageData().years
