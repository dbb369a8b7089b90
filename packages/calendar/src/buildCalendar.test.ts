import { Calendar, LocalDate } from "@cadre/domain"
import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { buildCalendar, knownYears } from "./buildCalendar.js"
import { CalendarDataInvalid } from "./CalendarDataInvalid.js"
import { packageSource } from "./ChineseDays.js"

const d = LocalDate.make
const block = (first: string, last: string) => Calendar.dateRange(d(first), d(last))
const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw e.left
  return e.right
}
const left = <A, E>(e: Either.Either<A, E>): E => {
  if (Either.isRight(e)) throw new Error(`expected an error, got ${String(e.right)}`)
  return e.left
}
const admin = { _tag: "EnteredByAdmin", accountId: "admin-test", enteredOn: d("2026-11-20") } as const

/**
 * TEST DATA, not a real notice: a plausible 2027 arrangement as an admin might enter it before the package knows
 * 2027 (2027-01-01 is a Friday; 春节 正月初一 is Saturday 2027-02-06).
 */
const YEAR_2027: Calendar.CalendarYear = {
  year: 2027,
  holidays: [
    ...block("2027-01-01", "2027-01-03"), // 元旦 (Fri–Sun)
    ...block("2027-02-06", "2027-02-14"), // 春节 (Sat–Sun, 9 days)
    ...block("2027-04-03", "2027-04-05"), // 清明节
    ...block("2027-05-01", "2027-05-05"), // 劳动节
    ...block("2027-06-09", "2027-06-09"), // 端午节
    ...block("2027-09-15", "2027-09-15"), // 中秋节
    ...block("2027-10-01", "2027-10-07"), // 国庆节
  ],
  makeUpWorkdays: [d("2027-02-20"), d("2027-05-08"), d("2027-09-26"), d("2027-10-09")],
  source: admin,
}

const pkg = buildCalendar([])
const withAdmin2027 = buildCalendar([YEAR_2027])
const day_after = { countFrom: "day_after" } as const
/** The last day of `n` working days counted from the day after `start`. */
const add = (cal: Calendar.WorkCalendar, start: string, n: number) =>
  Calendar.addWorkingDays(cal, d(start), n, day_after)
const between = (cal: Calendar.WorkCalendar, from: string, to: string) =>
  Calendar.workingDaysBetween(cal, d(from), d(to))
const isWorking = (cal: Calendar.WorkCalendar, date: string) => Calendar.isWorkingDay(cal, d(date))

describe("buildCalendar: working-day arithmetic across official holidays", () => {
  it("国办发明电〔2024〕12号 六: a 5-working-day 公示 published Fri 2025-09-26 ends Fri 2025-10-10", () => {
    // 9-27 Sat no; 9-28 Sun 上班 (1); 9-29 (2); 9-30 (3); 10-1..10-8 off; 10-9 (4); 10-10 (5).
    expect(right(add(pkg.calendar, "2025-09-26", 5))).toBe("2025-10-10")
    // One day fewer ends before the block; one more lands on the make-up Saturday 10-11.
    expect(right(add(pkg.calendar, "2025-09-26", 3))).toBe("2025-09-30")
    expect(right(add(pkg.calendar, "2025-09-26", 6))).toBe("2025-10-11")
    expect(right(between(pkg.calendar, "2025-09-26", "2025-10-10"))).toBe(5)
    expect(right(between(pkg.calendar, "2025-10-10", "2025-09-26"))).toBe(-5)
  })

  it("国办发明电〔2024〕12号 二: a 5-working-day 公示 published Fri 2025-01-24 ends Fri 2025-02-07", () => {
    // 1-26 Sun 上班 (1); 1-27 (2); 1-28..2-4 off; 2-5 (3); 2-6 (4); 2-7 (5); then 2-8 Sat 上班 (6).
    expect(right(add(pkg.calendar, "2025-01-24", 5))).toBe("2025-02-07")
    expect(right(add(pkg.calendar, "2025-01-24", 6))).toBe("2025-02-08")
    expect(right(between(pkg.calendar, "2025-01-24", "2025-02-08"))).toBe(6)
  })

  it("国办发明电〔2025〕7号 二: a 5-working-day 公示 published Thu 2026-02-12 ends Thu 2026-02-26", () => {
    // 2-13 (1); 2-14 Sat 上班 (2); 2-15..2-23 off (9 days); 2-24 (3); 2-25 (4); 2-26 (5).
    expect(right(add(pkg.calendar, "2026-02-12", 5))).toBe("2026-02-26")
    expect(right(add(pkg.calendar, "2026-02-12", 2))).toBe("2026-02-14")
    expect(right(add(pkg.calendar, "2026-02-12", 3))).toBe("2026-02-24")
    expect(right(between(pkg.calendar, "2026-02-12", "2026-02-26"))).toBe(5)
    expect(right(between(pkg.calendar, "2026-02-14", "2026-02-23"))).toBe(0)
  })

  it("国办发明电〔2025〕7号 六、七: 7 working days from Tue 2026-09-22 skip 中秋 and 国庆, ending Fri 2026-10-09", () => {
    // 9-23 (1); 9-24 (2); 9-25..27 中秋; 9-28 (3); 9-29 (4); 9-30 (5); 10-1..10-7 国庆; 10-8 (6); 10-9 (7).
    expect(right(add(pkg.calendar, "2026-09-22", 5))).toBe("2026-09-30")
    expect(right(add(pkg.calendar, "2026-09-22", 7))).toBe("2026-10-09")
    expect(right(add(pkg.calendar, "2026-09-22", 8))).toBe("2026-10-10")
  })

  it("across the year boundary 2025→2026: 元旦 1-1..1-3 off, 1-4 (Sun) 上班", () => {
    expect(right(between(pkg.calendar, "2025-12-31", "2026-01-05"))).toBe(2)
    expect(right(add(pkg.calendar, "2025-12-31", 1))).toBe("2026-01-04")
  })

  // Dates in 2025–2026 with room for 40 working days before the end of 2026.
  const E2025 = LocalDate.toEpochDay(d("2025-01-01"))
  const E2026_END = LocalDate.toEpochDay(d("2026-12-31"))
  const arbDate = fc.integer({ min: E2025, max: E2026_END }).map(LocalDate.fromEpochDay)

  it("property: addWorkingDays and workingDaysBetween invert each other over 2025–2026", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: E2025, max: E2026_END - 70 }),
        fc.integer({ min: 0, max: 40 }),
        (e, n) => {
          const s = LocalDate.fromEpochDay(e)
          const end = right(Calendar.addWorkingDays(pkg.calendar, s, n, day_after))
          expect(right(Calendar.workingDaysBetween(pkg.calendar, s, end))).toBe(n)
          // The end of a period of n ≥ 1 working days is itself a working day.
          if (n > 0) expect(right(Calendar.isWorkingDay(pkg.calendar, end))).toBe(true)
        },
      ),
    )
    fc.assert(
      fc.property(arbDate, arbDate, (a, b) => {
        const [from, to] = LocalDate.compare(a, b) <= 0 ? [a, b] : [b, a]
        const k = right(Calendar.workingDaysBetween(pkg.calendar, from, to))
        // (0 - k, not -k: for k = 0 that would be -0, which toBe tells from 0.)
        expect(right(Calendar.workingDaysBetween(pkg.calendar, to, from))).toBe(0 - k)
        // k working days end on or before `to`; the (k+1)-th is after it, or past the covered years.
        expect(
          LocalDate.compare(right(Calendar.addWorkingDays(pkg.calendar, from, k, day_after)), to),
        ).toBeLessThan(1)
        const next = Calendar.addWorkingDays(pkg.calendar, from, k + 1, day_after)
        if (Either.isRight(next)) expect(LocalDate.compare(next.right, to)).toBe(1)
        else expect(next.left.year).toBe(2027)
      }),
    )
  })
})

describe("buildCalendar: years the package does not know", () => {
  it("chinese-days 1.5.7 does not know 2027: CalendarYearUnknown with a bilingual message", () => {
    const e = left(isWorking(pkg.calendar, "2027-01-04"))
    expect(e).toBeInstanceOf(Calendar.CalendarYearUnknown)
    expect(e.year).toBe(2027)
    expect(e.covered.at(-1)).toBe(2026)
    expect(e.text.zh).toContain("工作日历未包含2027年（日期 2027-01-04）")
    expect(e.text.en).toContain("does not cover 2027 (date 2027-01-04)")
    // A count running into 2027 stops at its first day, never treating it as an ordinary week.
    const run = left(add(pkg.calendar, "2026-12-28", 5))
    expect(run.date).toBe("2027-01-01")
  })

  it("after an admin enters 2027 (test data), arithmetic across 2026→2027 works", () => {
    expect(withAdmin2027.overrides).toEqual([])
    expect(Calendar.coveredYears(withAdmin2027.calendar).at(-1)).toBe(2027)
    // 12-29 (1); 12-30 (2); 12-31 (3); 1-1..1-3 元旦; 1-4 (4); 1-5 (5).
    expect(right(add(withAdmin2027.calendar, "2026-12-28", 5))).toBe("2027-01-05")
    expect(right(between(withAdmin2027.calendar, "2026-12-28", "2027-01-05"))).toBe(5)
    // Across the entered 春节: 2-5 (1); 2-6..2-14 off; 2-15 (2); 2-16 (3).
    expect(right(add(withAdmin2027.calendar, "2027-02-04", 3))).toBe("2027-02-16")
    expect(right(isWorking(withAdmin2027.calendar, "2027-02-20"))).toBe(true) // entered 调休 Saturday
  })

  it("with 2027 entered, a date in 2028 is still CalendarYearUnknown", () => {
    const e = left(isWorking(withAdmin2027.calendar, "2028-01-03"))
    expect(e.year).toBe(2028)
    expect(e.covered).toContain(2027)
    expect(left(add(withAdmin2027.calendar, "2027-12-27", 10)).date).toBe("2028-01-01")
  })

  it("knownYears: the package's years, plus the admin's", () => {
    expect(knownYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i))
    expect(knownYears([YEAR_2027]).at(-1)).toBe(2027)
    expect(knownYears([YEAR_2027])).toHaveLength(24)
  })
})

describe("buildCalendar: admin years override the package", () => {
  // TEST DATA: an admin "correction" of 2026 that adds 2026-10-09 (Fri) as a day off.
  const corrected2026: Calendar.CalendarYear = {
    year: 2026,
    holidays: [...block("2026-01-01", "2026-01-03"), ...block("2026-10-01", "2026-10-09")],
    makeUpWorkdays: [d("2026-09-20"), d("2026-10-10")],
    source: { ...admin, notice: "国办发明电〔2025〕7号" },
  }

  it("an admin 2026 replaces the package's 2026 and is reported in overrides", () => {
    const built = buildCalendar([corrected2026, YEAR_2027])
    expect(built.overrides).toEqual([2026])
    const y2026 = built.calendar.years.find((y) => y.year === 2026)
    expect(y2026?.source).toEqual(corrected2026.source)
    expect(built.calendar.years.filter((y) => y.year === 2026)).toHaveLength(1)
    expect(built.calendar.years.find((y) => y.year === 2025)?.source).toEqual(packageSource)
    // The admin's version is the one counted: 10-9 is now off, and 2-16 (春节 in the package) is a working day.
    expect(right(isWorking(built.calendar, "2026-10-09"))).toBe(false)
    expect(right(isWorking(pkg.calendar, "2026-10-09"))).toBe(true)
    expect(right(isWorking(built.calendar, "2026-02-16"))).toBe(true)
    expect(buildCalendar([YEAR_2027]).overrides).toEqual([])
  })

  it("the same year entered twice is CalendarDataInvalid naming the year", () => {
    const twice = () => buildCalendar([YEAR_2027, { ...YEAR_2027, makeUpWorkdays: [] }])
    expect(twice).toThrow(CalendarDataInvalid)
    expect(twice).toThrow("year listed twice: 2027")
  })

  it("an admin year with a date outside it is CalendarDataInvalid", () => {
    const bad = { ...YEAR_2027, holidays: [...YEAR_2027.holidays, d("2028-01-01")] }
    expect(() => buildCalendar([bad])).toThrow("dates outside 2027: 2028-01-01")
  })
})
