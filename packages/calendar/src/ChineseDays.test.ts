import { Calendar, LocalDate } from "@cadre/domain"
import data from "chinese-days/dist/chinese-days.json" with { type: "json" }
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { CalendarDataInvalid } from "./CalendarDataInvalid.js"
import { packageData, packageSource, packageYears, yearsFromData } from "./ChineseDays.js"

/**
 * The package's table against the State Council General Office notices, typed here from the notices' text (not
 * from the package), so a wrong date in either shows up as a difference.
 */

const d = LocalDate.make
const block = (first: string, last: string): ReadonlyArray<string> => Calendar.dateRange(d(first), d(last))
const year = (y: number): Calendar.CalendarYear => {
  const found = packageYears().find((x) => x.year === y)
  if (found === undefined) throw new Error(`package has no ${y}`)
  return found
}
const cal = Calendar.withYear(Calendar.withYear({ years: [] }, year(2025)), year(2026))
const working = (s: string): boolean => {
  const r = Calendar.isWorkingDay(cal, d(s))
  if (Either.isLeft(r)) throw r.left
  return r.right
}

describe("chinese-days as calendar years", () => {
  // The notices below were checked against this version: on upgrade, re-check them and move this pin.
  it("records the installed package as the source: chinese-days 1.5.7", () => {
    expect(packageSource).toEqual({ _tag: "DataPackage", name: "chinese-days", version: "1.5.7" })
    expect(year(2025).source).toEqual(packageSource)
  })

  it("chinese-days 1.5.7 covers 2004–2026 completely and nothing partially", () => {
    expect(packageYears().map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i))
    expect(packageData().incomplete).toEqual([])
  })

  it("国办发明电〔2024〕12号 (2025): every holiday block and make-up working day, exactly", () => {
    expect(year(2025).holidays).toEqual([
      ...block("2025-01-01", "2025-01-01"), // 元旦
      ...block("2025-01-28", "2025-02-04"), // 春节
      ...block("2025-04-04", "2025-04-06"), // 清明节
      ...block("2025-05-01", "2025-05-05"), // 劳动节
      ...block("2025-05-31", "2025-06-02"), // 端午节
      ...block("2025-10-01", "2025-10-08"), // 国庆节、中秋节
    ])
    expect(year(2025).makeUpWorkdays).toEqual([
      "2025-01-26",
      "2025-02-08",
      "2025-04-27",
      "2025-09-28",
      "2025-10-11",
    ])
  })

  it("国办发明电〔2024〕12号 二: 春节 1月28日至2月4日放假, 1月26日(周日)、2月8日(周六)上班", () => {
    expect(working("2025-01-26")).toBe(true) // Sunday, 上班
    expect(working("2025-01-27")).toBe(true) // Monday before the block
    for (const day of block("2025-01-28", "2025-02-04")) expect(working(day), day).toBe(false)
    expect(working("2025-02-05")).toBe(true) // Wednesday after the block
    expect(working("2025-02-08")).toBe(true) // Saturday, 上班
    expect(working("2025-02-09")).toBe(false) // an ordinary Sunday
  })

  it("国办发明电〔2024〕12号 六: 国庆节、中秋节 10月1日至8日放假, 9月28日(周日)、10月11日(周六)上班", () => {
    expect(working("2025-09-27")).toBe(false) // an ordinary Saturday
    expect(working("2025-09-28")).toBe(true) // Sunday, 上班
    expect(working("2025-09-30")).toBe(true)
    for (const day of block("2025-10-01", "2025-10-08")) expect(working(day), day).toBe(false)
    expect(working("2025-10-09")).toBe(true)
    expect(working("2025-10-11")).toBe(true) // Saturday, 上班
    expect(working("2025-10-12")).toBe(false)
  })

  // 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04 (文号 as given in the brief: 国办发明电〔2025〕7号).
  it("国办发明电〔2025〕7号 (2026): every holiday block and make-up working day, exactly", () => {
    expect(year(2026).holidays).toEqual([
      ...block("2026-01-01", "2026-01-03"), // 元旦
      ...block("2026-02-15", "2026-02-23"), // 春节, 9 days
      ...block("2026-04-04", "2026-04-06"), // 清明节
      ...block("2026-05-01", "2026-05-05"), // 劳动节
      ...block("2026-06-19", "2026-06-21"), // 端午节
      ...block("2026-09-25", "2026-09-27"), // 中秋节
      ...block("2026-10-01", "2026-10-07"), // 国庆节, 7 days
    ])
    expect(year(2026).makeUpWorkdays).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ])
  })

  it("国办发明电〔2025〕7号 二: 春节 2月15日至23日放假共9天, 2月14日(周六)、2月28日(周六)上班", () => {
    expect(working("2026-02-13")).toBe(true)
    expect(working("2026-02-14")).toBe(true) // Saturday, 上班
    const off = block("2026-02-15", "2026-02-23")
    expect(off).toHaveLength(9)
    for (const day of off) expect(working(day), day).toBe(false)
    expect(working("2026-02-24")).toBe(true)
    expect(working("2026-02-28")).toBe(true) // Saturday, 上班
    expect(working("2026-03-01")).toBe(false)
  })

  it("国办发明电〔2025〕7号 七: 国庆节 10月1日至7日放假, 9月20日(周日)、10月10日(周六)上班", () => {
    expect(working("2026-09-19")).toBe(false)
    expect(working("2026-09-20")).toBe(true) // Sunday, 上班
    for (const day of block("2026-10-01", "2026-10-07")) expect(working(day), day).toBe(false)
    expect(working("2026-10-08")).toBe(true) // 10-8 is a working day in 2026 (it was off in 2025)
    expect(working("2026-10-10")).toBe(true) // Saturday, 上班
    expect(working("2026-10-11")).toBe(false)
  })

  it("a notice reaching into the previous December lands in that year: 2012 元旦 made 2011-12-31 (Sat) 上班", () => {
    expect(year(2011).makeUpWorkdays).toContain("2011-12-31")
    expect(year(2012).makeUpWorkdays).not.toContain("2011-12-31")
  })
})

describe("malformed package data is a clear error", () => {
  const source = { _tag: "DataPackage", name: "chinese-days", version: "9.9.9" } as const
  const real = data as {
    holidays: Record<string, string>
    workdays: Record<string, string>
    inLieuDays: Record<string, string>
  }
  const failure = (raw: unknown): CalendarDataInvalid => {
    const r = yearsFromData(raw, source)
    if (Either.isRight(r)) throw new Error("expected CalendarDataInvalid")
    return r.left
  }

  it("the real table decodes", () => {
    expect(Either.isRight(yearsFromData(data, source))).toBe(true)
  })

  it("a missing map names the field", () => {
    const e = failure({ holidays: real.holidays, inLieuDays: real.inLieuDays })
    expect(e).toBeInstanceOf(CalendarDataInvalid)
    expect(e.text.en).toContain("chinese-days 9.9.9")
    expect(e.text.en).toContain("workdays")
    expect(e.text.zh).toContain("节假日数据无效")
  })

  it("an impossible date is reported, not dropped", () => {
    const e = failure({ ...real, holidays: { ...real.holidays, "2025-02-30": "Spring Festival,春节,4" } })
    expect(e.text.en).toContain("not a valid date (YYYY-MM-DD): 2025-02-30")
  })

  it("a make-up working day on a weekday breaks the kernel's CalendarYear rule", () => {
    const e = failure({ ...real, workdays: { ...real.workdays, "2025-01-27": "Spring Festival,春节,4" } })
    expect(e.text.en).toContain("make-up workdays must fall on a weekend: 2025-01-27")
  })

  it("a date both off and on is an error (an in-lieu day is a day off)", () => {
    const e = failure({ ...real, inLieuDays: { ...real.inLieuDays, "2025-01-26": "Spring Festival,春节,4" } })
    expect(e.text.en).toContain("both holiday and make-up workday: 2025-01-26")
  })

  it("an in-lieu day missing from holidays is still a day off", () => {
    const holidays = { ...real.holidays }
    delete holidays["2025-02-04"]
    const r = yearsFromData({ ...real, holidays }, source)
    if (Either.isLeft(r)) throw r.left
    expect(r.right.years.find((y) => y.year === 2025)?.holidays).toContain("2025-02-04")
  })

  it("a year holding only a stray 元旦 is incomplete and left out, with what it misses", () => {
    const r = yearsFromData(
      { ...real, holidays: { ...real.holidays, "2027-01-01": "New Year's Day,元旦,1" } },
      source,
    )
    if (Either.isLeft(r)) throw r.left
    expect(r.right.years.map((y) => y.year)).not.toContain(2027)
    expect(r.right.incomplete).toEqual([
      { year: 2027, missing: ["春节", "清明", "劳动节", "端午", "国庆节"] },
    ])
  })

  it("before 2008 清明 and 端午 are not required (国务院令第513号 added them from 2008)", () => {
    const r = yearsFromData(data, source)
    if (Either.isLeft(r)) throw r.left
    expect(r.right.years.map((y) => y.year)).toContain(2007)
  })

  it("labels in an unknown format leave no complete year: an error, not an empty calendar", () => {
    const relabel = (m: Record<string, string>) =>
      Object.fromEntries(Object.keys(m).map((k) => [k, "holiday"]))
    const e = failure({
      holidays: relabel(real.holidays),
      workdays: real.workdays,
      inLieuDays: real.inLieuDays,
    })
    expect(e.text.en).toContain("no complete year")
  })
})
