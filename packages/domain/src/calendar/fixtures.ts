/**
 * The official arrangements for 2025 and 2026, typed from the State Council General Office notices, for tests
 * and examples. Production calendars come from the data package the storage layer reads; these fixtures only let
 * the kernel's arithmetic be tested against real holidays. Holiday blocks list every date off, weekends included.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { make } from "../shared/LocalDate.js"
import { type CalendarYear, WorkCalendar, dateRange } from "./WorkCalendar.js"

const block = (first: string, last: string) => dateRange(make(first), make(last))
const source = { _tag: "DataPackage", name: "test-fixture", version: "0" } as const

/**
 * 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const YEAR_2025: CalendarYear = {
  year: 2025,
  holidays: [
    ...block("2025-01-01", "2025-01-01"), // 元旦
    ...block("2025-01-28", "2025-02-04"), // 春节 (除夕 Tue 28 Jan – Tue 4 Feb, 8 days)
    ...block("2025-04-04", "2025-04-06"), // 清明节
    ...block("2025-05-01", "2025-05-05"), // 劳动节
    ...block("2025-05-31", "2025-06-02"), // 端午节
    ...block("2025-10-01", "2025-10-08"), // 国庆节、中秋节
  ],
  makeUpWorkdays: [
    make("2025-01-26"), // Sun, 春节
    make("2025-02-08"), // Sat, 春节
    make("2025-04-27"), // Sun, 劳动节
    make("2025-09-28"), // Sun, 国庆节
    make("2025-10-11"), // Sat, 国庆节
  ],
  source,
}

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (published Nov 2025). Written from memory and cross-checked against
 * one published table; the production data comes from the package. The items least certain are marked "(?)".
 *
 * @category fixtures
 * @since 0.1.0
 */
export const YEAR_2026: CalendarYear = {
  year: 2026,
  holidays: [
    ...block("2026-01-01", "2026-01-03"), // 元旦 (Thu–Sat)
    ...block("2026-02-15", "2026-02-23"), // 春节 (Sun 15 Feb 腊月二十八 – Mon 23 Feb, 9 days)
    ...block("2026-04-04", "2026-04-06"), // 清明节
    ...block("2026-05-01", "2026-05-05"), // 劳动节
    ...block("2026-06-19", "2026-06-21"), // 端午节
    ...block("2026-09-25", "2026-09-27"), // 中秋节 (separate from National Day this year)
    ...block("2026-10-01", "2026-10-07"), // 国庆节 (7 days)
  ],
  makeUpWorkdays: [
    make("2026-01-04"), // Sun, 元旦
    make("2026-02-14"), // Sat, 春节
    make("2026-02-28"), // Sat, 春节
    make("2026-05-09"), // Sat, 劳动节 (?)
    make("2026-09-20"), // Sun, 国庆节 (?)
    make("2026-10-10"), // Sat, 国庆节
  ],
  source,
}

/**
 * A calendar covering 2025 and 2026, decoded (so validated) like a stored one.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const OFFICIAL_2025_2026: WorkCalendar = Schema.decodeUnknownSync(WorkCalendar)(
  Schema.encodeSync(WorkCalendar)({ years: [YEAR_2025, YEAR_2026] }),
)
