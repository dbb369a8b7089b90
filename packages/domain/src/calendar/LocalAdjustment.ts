/**
 * Local working-day adjustments (地方性放假、调休): a district (or a city above it) may give its own region a day off
 * or a make-up working day that the State Council's calendar does not have, e.g. a local festival of an autonomous
 * county, or a region's own 调休. The national calendar stays the State Council's and is read-only to districts;
 * what applies to a campaign, placement or leave in a region is the national calendar with the adjustments of that
 * region and of every region above it (`withLocalAdjustments`): a value of the same `WorkCalendar` type, so every
 * count (公示, deadlines, leave) works unchanged.
 *
 * The national calendar wins: a local day off is added only on a national working day, a local make-up day only
 * on a weekend that is not a national holiday. `localAdjustmentProblems` says which dates break that when an
 * adjustment is entered; if the national year is later corrected, a date that now conflicts is left out.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { LocalDate, parts } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import { type CalendarYear, isWeekend, type WorkCalendar } from "./WorkCalendar.js"

/** At most one entry per day of a year. */
const MAX_DATES = 366

/**
 * One region's adjustments for one year, as the org dept enters them.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LocalAdjustment = Schema.Struct({
  /** The region whose subtree the adjustment applies to (its materialised path, e.g. "/330000/330212/"). */
  regionPath: Schema.String.pipe(Schema.minLength(3), Schema.maxLength(400)).annotations({
    title: "区域路径 / region path",
  }),
  year: Schema.Int.pipe(Schema.between(1900, 2200)).annotations({ title: "年份 / year" }),
  /** Local days off: national working days given off in this region. */
  holidays: Schema.Array(LocalDate)
    .pipe(Schema.maxItems(MAX_DATES))
    .annotations({ title: "本地放假日期 / local days off" }),
  /** Local make-up working days: weekend dates worked in this region. */
  makeUpWorkdays: Schema.Array(LocalDate)
    .pipe(Schema.maxItems(MAX_DATES))
    .annotations({ title: "本地调休上班日期 / local make-up workdays" }),
  /** Why, e.g. the local government's notice (文号). */
  reason: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)).annotations({
    title: "依据 / reason",
  }),
}).annotations({ identifier: "LocalAdjustment", title: "本地工作日调整 / local working-day adjustment" })
/**
 * The decoded value of the {@link LocalAdjustment} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LocalAdjustment = typeof LocalAdjustment.Type

/**
 * What is wrong with `adj` on the national calendar `national`, in both languages; empty when it may be entered.
 * A date outside the adjustment's year, a date both off and worked, a local day off on a date that is not a
 * national working day, or a local make-up day on a weekday or a national holiday. The year must be covered by
 * the national calendar (the caller checks it with `coveredYears` and reports `CalendarYearUnknown`).
 *
 * @category predicates
 * @since 0.1.0
 */
export const localAdjustmentProblems = (
  national: WorkCalendar,
  adj: Pick<LocalAdjustment, "year" | "holidays" | "makeUpWorkdays">,
): ReadonlyArray<Text> => {
  const problems: Array<Text> = []
  const year = national.years.find((y) => y.year === adj.year)
  const foreign = [...adj.holidays, ...adj.makeUpWorkdays].filter((d) => parts(d)[0] !== adj.year)
  if (foreign.length > 0)
    problems.push({
      zh: `日期不属于${adj.year}年：${foreign.join("、")}`,
      en: `dates outside ${adj.year}: ${foreign.join(", ")}`,
    })
  const off = new Set<string>(adj.holidays)
  const both = adj.makeUpWorkdays.filter((d) => off.has(d))
  if (both.length > 0)
    problems.push({
      zh: `同一日期既是本地放假又是本地调休上班：${both.join("、")}`,
      en: `both a local day off and a local make-up workday: ${both.join(", ")}`,
    })
  if (year === undefined) return problems
  const nationalOff = new Set<string>(year.holidays)
  const nationalOn = new Set<string>(year.makeUpWorkdays)
  const notWorking = adj.holidays.filter(
    (d) => parts(d)[0] === adj.year && !(nationalOn.has(d) || (!isWeekend(d) && !nationalOff.has(d))),
  )
  if (notWorking.length > 0)
    problems.push({
      zh: `本地放假日期须为国家工作日历上的工作日：${notWorking.join("、")}`,
      en: `a local day off must be a working day on the national calendar: ${notWorking.join(", ")}`,
    })
  const weekdays = adj.makeUpWorkdays.filter((d) => !isWeekend(d))
  if (weekdays.length > 0)
    problems.push({
      zh: `本地调休上班日期须为周末：${weekdays.join("、")}`,
      en: `a local make-up workday must fall on a weekend: ${weekdays.join(", ")}`,
    })
  const holidays = adj.makeUpWorkdays.filter((d) => isWeekend(d) && nationalOff.has(d))
  if (holidays.length > 0)
    problems.push({
      zh: `本地调休上班日期不得为国家法定节假日：${holidays.join("、")}`,
      en: `a local make-up workday may not be a national holiday: ${holidays.join(", ")}`,
    })
  return problems
}

/**
 * Does the adjustment entered for `adjustmentPath` apply to something in the region at `targetPath`? It does in
 * that region and every region beneath it.
 *
 * @category predicates
 * @since 0.1.0
 */
export const appliesTo = (adjustmentPath: string, targetPath: string): boolean =>
  adjustmentPath.length > 0 && targetPath.startsWith(adjustmentPath)

/**
 * The calendar that applies in the region at `targetPath`: the national calendar with the adjustments of that
 * region and of the regions above it (others are ignored). National dates win over a conflicting local date; a
 * local day off wins over a local make-up day of another region on the same date; adjustments for a year the
 * national calendar does not cover are ignored (the year stays unknown). With no adjustment that applies, the
 * national value itself is returned (so its index is reused).
 *
 * @category combinators
 * @since 0.1.0
 */
export const withLocalAdjustments = (
  national: WorkCalendar,
  adjustments: ReadonlyArray<LocalAdjustment>,
  targetPath: string,
): WorkCalendar => {
  const applying = adjustments.filter((a) => appliesTo(a.regionPath, targetPath))
  if (applying.length === 0) return national
  const years: Array<CalendarYear> = national.years.map((y) => {
    const mine = applying.filter((a) => a.year === y.year)
    if (mine.length === 0) return y
    const off = new Set<string>(y.holidays)
    const on = new Set<string>(y.makeUpWorkdays)
    const localOff = new Set<LocalDate>()
    for (const a of mine)
      for (const d of a.holidays)
        if (parts(d)[0] === y.year && (on.has(d) || (!isWeekend(d) && !off.has(d)))) localOff.add(d)
    const localOn = new Set<LocalDate>()
    for (const a of mine)
      for (const d of a.makeUpWorkdays)
        if (parts(d)[0] === y.year && isWeekend(d) && !off.has(d) && !on.has(d) && !localOff.has(d))
          localOn.add(d)
    return {
      ...y,
      holidays: [...y.holidays, ...localOff].sort(),
      // A national make-up day given off locally is no longer worked.
      makeUpWorkdays: [...y.makeUpWorkdays.filter((d) => !localOff.has(d)), ...localOn].sort(),
    }
  })
  return { years }
}
