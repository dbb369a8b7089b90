/**
 * Working days on the Chinese calendar (holidays and 调休), as data passed in; public-notice arithmetic.
 *
 * @since 0.1.0
 */
export {
  addWorkingDays,
  CalendarYear,
  CalendarYearUnknown,
  CountFrom,
  coveredYears,
  dateRange,
  isWeekend,
  isWorkingDay,
  WorkCalendar,
  weekday,
  withYear,
  workingDaysBetween,
  YearSource,
} from "./WorkCalendar.js"
export {
  appliesTo,
  LocalAdjustment,
  localAdjustmentProblems,
  withLocalAdjustments,
} from "./LocalAdjustment.js"
