import type { Language } from "../i18n/languages.js"

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

const monthsEn = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const

/**
 * Formats an ISO calendar date (`YYYY-MM-DD`, how the kernel carries dates) for people: `2026年11月25日` in
 * Chinese (no leading zeros, as in official documents), `25 November 2026` in English. A string that is not a
 * real calendar date is returned unchanged, so a bad value shows up on screen instead of breaking the page.
 */
export const formatDate = (date: string, language: Language = "zh-CN"): string => {
  const match = isoDate.exec(date)
  if (match === null) return date
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  // Round-trip through UTC to reject 2026-02-30 and the like.
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return date
  }
  if (language === "en") return `${day} ${monthsEn[month - 1] ?? ""} ${year}`
  return `${year}年${month}月${day}日`
}

/** Formats an instant as a local date and time (`2026年11月25日 09:05` / `25 November 2026 09:05`). */
export const formatDateTime = (instant: Date, language: Language = "zh-CN"): string => {
  const pad = (n: number) => String(n).padStart(2, "0")
  const day = `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`
  return `${formatDate(day, language)} ${pad(instant.getHours())}:${pad(instant.getMinutes())}`
}

const chinaDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
})

/**
 * The calendar day in China (Asia/Shanghai, UTC+8 all year) of an instant, as `YYYY-MM-DD` — how the API reads
 * "today" (apps/api todayOf), so screens mark due, overdue and in-force on the same day the server does.
 */
export const chinaDate = (at: Date = new Date()): string => chinaDay.format(at)
