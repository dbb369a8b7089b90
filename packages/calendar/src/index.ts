/**
 * @cadre/calendar: the kernel's `Calendar.WorkCalendar` (法定节假日 and 调休) built from the `chinese-days` data
 * package plus the years an org dept admin enters. The kernel stays pure; this package reads the data.
 */
export { type BuiltCalendar, buildCalendar, knownYears } from "./buildCalendar.js"
export { CalendarDataInvalid } from "./CalendarDataInvalid.js"
export {
  type IncompleteYear,
  type PackageYears,
  packageData,
  packageSource,
  packageYears,
  yearsFromData,
} from "./ChineseDays.js"
