/**
 * Date printing the way Chinese cadre forms write dates (出生年月 "1990.05", 报到时间 "2021.01.15", form text
 * "2020年12月18日"), and the one error this package throws for bad input.
 */

/** Input the documents cannot print truthfully (a malformed date, an ineligible verdict without a reason). */
export class ExportInputError extends Error {
  override readonly name = "ExportInputError"
  /** Where in the input, e.g. "rows[3].birthDate". */
  readonly field: string
  /** The same message in Chinese, for a UI that shows it to an org dept clerk. */
  readonly zh: string
  constructor(field: string, en: string, zh: string) {
    super(`${field}: ${en}`)
    this.field = field
    this.zh = `${field}：${zh}`
  }
}

interface Ymd {
  readonly y: number
  readonly m: number
  readonly d: number
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

const daysInMonth = (y: number, m: number): number => {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0
}

/** Parses `YYYY-MM-DD`, checking that the day exists (no 2021-02-29). */
export const parseIsoDate = (value: string, field: string): Ymd => {
  const match = ISO.exec(value)
  const y = Number(match?.[1])
  const m = Number(match?.[2])
  const d = Number(match?.[3])
  if (match === null || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new ExportInputError(
      field,
      `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
      `日期应为 YYYY-MM-DD，收到 ${JSON.stringify(value)}`,
    )
  }
  return { y, m, d }
}

const pad2 = (n: number): string => String(n).padStart(2, "0")

/** "1990-05-17" → "1990.05" (出生年月, 入党时间). */
export const yearMonth = (value: string, field: string): string => {
  const { y, m } = parseIsoDate(value, field)
  return `${y}.${pad2(m)}`
}

/** "2021-01-15" → "2021.01.15". */
export const dotted = (value: string, field: string): string => {
  const { y, m, d } = parseIsoDate(value, field)
  return `${y}.${pad2(m)}.${pad2(d)}`
}

/** "2020-12-09" → "2020年12月9日", as the seeds date their notices (000: "2020年12月9日"). */
export const chineseDate = (value: string, field: string): string => {
  const { y, m, d } = parseIsoDate(value, field)
  return `${y}年${m}月${d}日`
}

/** The optional variants: an omitted date prints as "". */
export const yearMonthOpt = (value: string | undefined, field: string): string =>
  value === undefined ? "" : yearMonth(value, field)

/** Midnight Beijing time of the date, for the PDF CreationDate. */
export const beijingMidnight = (value: string, field: string): Date => {
  const { y, m, d } = parseIsoDate(value, field)
  return new Date(`${y}-${pad2(m)}-${pad2(d)}T00:00:00+08:00`)
}
