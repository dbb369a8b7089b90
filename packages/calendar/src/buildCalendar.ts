import { Calendar, Decode } from "@cadre/domain"
import { Either, Schema } from "effect"
import { CalendarDataInvalid } from "./CalendarDataInvalid.js"
import { packageYears } from "./ChineseDays.js"

/**
 * The working-day calendar the platform runs on: every complete year of the `chinese-days` package, plus the
 * years an org dept admin entered from the State Council notice (国务院办公厅关于某年部分节假日安排的通知). An
 * admin year wins over the package's year of the same number: the package may lag a new notice, or (rarely) carry
 * a mistake; `overrides` lists those years so the UI can say the package was corrected by hand.
 */

export interface BuiltCalendar {
  readonly calendar: Calendar.WorkCalendar
  /** Years the package covers that an admin year replaced, ascending. */
  readonly overrides: ReadonlyArray<number>
}

const ADMIN = "管理员录入 / entered by admin"

/**
 * Package years plus `adminYears`, decoded with the kernel's `Calendar.WorkCalendar` Schema. Throws
 * `CalendarDataInvalid` when the admin years do not make a valid calendar (e.g. the same year entered twice):
 * storage keeps one validated row per year, so that is a bug, not input to report field by field.
 *
 * Build it once per change of the admin years and reuse it: the kernel indexes each calendar object once.
 */
export const buildCalendar = (adminYears: ReadonlyArray<Calendar.CalendarYear>): BuiltCalendar => {
  const base = packageYears()
  const entered = new Set(adminYears.map((y) => y.year))
  const overrides = base
    .filter((y) => entered.has(y.year))
    .map((y) => y.year)
    .sort((a, b) => a - b)
  const years = [...base.filter((y) => !entered.has(y.year)), ...adminYears].sort((a, b) => a.year - b.year)
  const decoded = Schema.decodeUnknownEither(Calendar.WorkCalendar, { errors: "all" })({ years })
  if (Either.isLeft(decoded))
    throw new CalendarDataInvalid({
      source: ADMIN,
      detail: {
        zh: Decode.formatDecodeErrorText(decoded.left, "zh"),
        en: Decode.formatDecodeErrorText(decoded.left, "en"),
      },
    })
  return { calendar: decoded.right, overrides }
}

/** The years a calendar built from these admin years would cover, ascending. */
export const knownYears = (adminYears: ReadonlyArray<Calendar.CalendarYear> = []): ReadonlyArray<number> =>
  [...new Set([...packageYears().map((y) => y.year), ...adminYears.map((y) => y.year)])].sort((a, b) => a - b)
