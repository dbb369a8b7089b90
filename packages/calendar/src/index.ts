/**
 * @cadre/calendar: the kernel's `Calendar.WorkCalendar` (法定节假日 and 调休) built from the `chinese-days` data
 * package plus the years the national operator enters (read-only to accounts; districts add local adjustments,
 * composed in the kernel). The kernel stays pure; this package reads the data.
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
