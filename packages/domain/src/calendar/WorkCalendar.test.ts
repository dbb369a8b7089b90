import { Either, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fromEpochDay, type LocalDate, make, toEpochDay } from "../shared/LocalDate.js"
import { OFFICIAL_2025_2026, YEAR_2025, YEAR_2026 } from "./fixtures.js"
import {
  addWorkingDays,
  CalendarYear,
  CalendarYearUnknown,
  coveredYears,
  isWorkingDay,
  WorkCalendar,
  weekday,
  withYear,
  workingDaysBetween,
} from "./WorkCalendar.js"

const d = make
const cal = OFFICIAL_2025_2026
const right = <A>(e: Either.Either<A, CalendarYearUnknown>): A => {
  if (Either.isLeft(e)) throw new Error(`expected Right, got ${e.left.message}`)
  return e.right
}
const notice = (c: WorkCalendar, published: string, n: number) =>
  right(addWorkingDays(c, d(published), n, { countFrom: "day_after" }))

/** 2027 as an org dept admin might enter it before the data package knows the year (illustrative dates). */
const YEAR_2027_ENCODED = {
  year: 2027,
  holidays: [
    "2027-01-01",
    "2027-01-02",
    "2027-01-03",
    ...["06", "07", "08", "09", "10", "11", "12", "13", "14"].map((x) => `2027-02-${x}`),
  ],
  makeUpWorkdays: ["2027-02-20"],
  source: {
    _tag: "EnteredByAdmin",
    accountId: "acc-org-1",
    enteredOn: "2026-11-20",
    notice: "国办发明电〔2026〕X号",
  },
}

describe("weekdays", () => {
  it("1 Jan 2025 was a Wednesday, 1 Oct 2026 a Thursday", () => {
    expect(weekday(d("2025-01-01"))).toBe(3)
    expect(weekday(d("2026-10-01"))).toBe(4)
    expect(weekday(d("1970-01-01"))).toBe(4)
  })
  it("fixture: every make-up working day is a weekend date and every year validates", () => {
    for (const y of [YEAR_2025, YEAR_2026]) {
      expect(
        Either.isRight(Schema.decodeUnknownEither(CalendarYear)(Schema.encodeSync(CalendarYear)(y))),
      ).toBe(true)
      for (const m of y.makeUpWorkdays) expect([0, 6]).toContain(weekday(m))
    }
  })
})

describe("2025 Spring Festival (28 Jan – 4 Feb off; 26 Jan and 8 Feb worked)", () => {
  it("make-up Sunday 26 Jan and Saturday 8 Feb are working days; the holiday and ordinary weekends are not", () => {
    const expected: Record<string, boolean> = {
      "2025-01-25": false, // Sat
      "2025-01-26": true, // Sun, 调休
      "2025-01-27": true,
      "2025-01-28": false, // 除夕
      "2025-01-31": false,
      "2025-02-03": false, // Monday inside the block
      "2025-02-04": false,
      "2025-02-05": true,
      "2025-02-08": true, // Sat, 调休
      "2025-02-09": false, // Sun
    }
    for (const [date, working] of Object.entries(expected))
      expect([date, right(isWorkingDay(cal, d(date)))]).toEqual([date, working])
  })
  it("a 5-working-day notice published Fri 24 Jan counts Sun 26 Jan and ends Fri 7 Feb", () => {
    expect(notice(cal, "2025-01-24", 5)).toBe("2025-02-07")
  })
  it("a 7-working-day notice published Fri 24 Jan counts both make-up days and ends Mon 10 Feb", () => {
    expect(notice(cal, "2025-01-24", 7)).toBe("2025-02-10")
    expect(right(workingDaysBetween(cal, d("2025-01-24"), d("2025-02-10")))).toBe(7)
  })
  it("day_after vs same_day: from Mon 27 Jan, 3 days end 7 Feb (next day) or 6 Feb (the day counts)", () => {
    expect(right(addWorkingDays(cal, d("2025-01-27"), 3, { countFrom: "day_after" }))).toBe("2025-02-07")
    expect(right(addWorkingDays(cal, d("2025-01-27"), 3, { countFrom: "same_day" }))).toBe("2025-02-06")
  })
  it("same_day on a day off does not count that day", () => {
    expect(right(addWorkingDays(cal, d("2025-01-28"), 1, { countFrom: "same_day" }))).toBe("2025-02-05")
  })
})

describe("2025 National Day and Mid-Autumn (1–8 Oct off; 28 Sep and 11 Oct worked)", () => {
  it("a 5-working-day notice published Fri 26 Sep counts Sun 28 Sep and ends Fri 10 Oct (not 3 Oct)", () => {
    expect(notice(cal, "2025-09-26", 5)).toBe("2025-10-10")
  })
  it("a 7-working-day notice published Fri 26 Sep counts Sat 11 Oct and ends Mon 13 Oct", () => {
    expect(notice(cal, "2025-09-26", 7)).toBe("2025-10-13")
    expect(right(isWorkingDay(cal, d("2025-10-11")))).toBe(true)
    expect(right(isWorkingDay(cal, d("2025-10-08")))).toBe(false)
  })
  it("working days from 30 Sep to 9 Oct: only 9 Oct", () => {
    expect(right(workingDaysBetween(cal, d("2025-09-30"), d("2025-10-09")))).toBe(1)
    expect(right(workingDaysBetween(cal, d("2025-10-09"), d("2025-09-30")))).toBe(-1)
  })
  it("no working day between two dates reads 0 in both directions, never -0 (found by the calendar property)", () => {
    // 4 and 3 October 2025 are both National Day holidays.
    expect(right(workingDaysBetween(cal, d("2025-10-04"), d("2025-10-03")))).toBe(0)
    expect(right(workingDaysBetween(cal, d("2025-10-03"), d("2025-10-04")))).toBe(0)
  })
})

describe("2026 Spring Festival and National Day", () => {
  it("Spring Festival (15–23 Feb off; Sat 14 and Sat 28 Feb worked): 5 days from Thu 12 Feb end Thu 26 Feb", () => {
    expect(notice(cal, "2026-02-12", 5)).toBe("2026-02-26")
    expect(notice(cal, "2026-02-12", 7)).toBe("2026-02-28")
  })
  it("Mid-Autumn 25–27 Sep and make-up Sun 20 Sep: 7 days from Fri 18 Sep end Tue 29 Sep", () => {
    expect(notice(cal, "2026-09-18", 5)).toBe("2026-09-24")
    expect(notice(cal, "2026-09-18", 7)).toBe("2026-09-29")
  })
  it("National Day 1–7 Oct and make-up Sat 10 Oct: 5 days from Tue 29 Sep end Mon 12 Oct", () => {
    expect(notice(cal, "2026-09-29", 5)).toBe("2026-10-12")
  })
  it("across New Year 2026 (1–3 Jan off, Sun 4 Jan worked): 5 days from Mon 29 Dec 2025 end Tue 6 Jan", () => {
    expect(notice(cal, "2025-12-29", 5)).toBe("2026-01-06")
  })
})

describe("years the calendar does not cover", () => {
  it("a date in 2027 is CalendarYearUnknown, with both languages and the covered years", () => {
    const r = isWorkingDay(cal, d("2027-03-01"))
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left).toBeInstanceOf(CalendarYearUnknown)
      expect(r.left._tag).toBe("CalendarYearUnknown")
      expect(r.left.year).toBe(2027)
      expect(r.left.covered).toEqual([2025, 2026])
      expect(r.left.text.zh).toContain("2027年")
      expect(r.left.text.en).toContain("does not cover 2027")
    }
  })
  it("a notice running from late Dec 2026 into 2027 is an error, never counted as an ordinary week", () => {
    const r = addWorkingDays(cal, d("2026-12-29"), 5, { countFrom: "day_after" })
    expect(Either.isLeft(r) && r.left.date).toBe("2027-01-01")
    expect(Either.isLeft(workingDaysBetween(cal, d("2026-12-20"), d("2027-01-04")))).toBe(true)
  })
  it("a year before the first covered year is also unknown", () => {
    expect(Either.isLeft(isWorkingDay(cal, d("2024-12-31")))).toBe(true)
  })
})

describe("2027 entered by an org dept admin", () => {
  const y2027 = Schema.decodeUnknownSync(CalendarYear)(YEAR_2027_ENCODED)
  const cal27 = withYear(cal, y2027)
  it("adding the year makes it covered and the late-Dec notice computable (1–3 Jan off)", () => {
    expect(coveredYears(cal27)).toEqual([2025, 2026, 2027])
    expect(notice(cal27, "2026-12-29", 5)).toBe("2027-01-06")
  })
  it("Spring Festival 2027 as entered (6–14 Feb off, Sat 20 Feb worked): 7 days from Thu 4 Feb end Sat 20 Feb", () => {
    expect(notice(cal27, "2027-02-04", 5)).toBe("2027-02-18")
    expect(notice(cal27, "2027-02-04", 7)).toBe("2027-02-20")
  })
  it("re-entering a year replaces it rather than adding a duplicate", () => {
    const corrected = withYear(cal27, { ...y2027, makeUpWorkdays: [] })
    expect(coveredYears(corrected)).toEqual([2025, 2026, 2027])
    expect(right(isWorkingDay(corrected, d("2027-02-20")))).toBe(false)
  })
  it("the Schema refuses a make-up day on a weekday, a date of another year, a date both off and on", () => {
    const bad = (patch: object) =>
      Either.isLeft(Schema.decodeUnknownEither(CalendarYear)({ ...YEAR_2027_ENCODED, ...patch }))
    expect(bad({ makeUpWorkdays: ["2027-02-22"] })).toBe(true) // Monday
    expect(bad({ holidays: ["2026-12-31"] })).toBe(true)
    expect(bad({ makeUpWorkdays: ["2027-02-06"] })).toBe(true)
    expect(bad({})).toBe(false)
  })
  it("the calendar Schema refuses the same year twice", () => {
    const enc = Schema.encodeSync(WorkCalendar)(cal)
    expect(
      Either.isLeft(Schema.decodeUnknownEither(WorkCalendar)({ years: [...enc.years, enc.years[0]] })),
    ).toBe(true)
  })
})

describe("properties (2025–2026)", () => {
  const start = toEpochDay(d("2025-01-01"))
  const arbDate = fc.integer({ min: start, max: start + 600 }).map((n): LocalDate => fromEpochDay(n))
  it("workingDaysBetween inverts addWorkingDays counted from the day after", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 40 }), (s, n) => {
        const end = right(addWorkingDays(cal, s, n, { countFrom: "day_after" }))
        expect(right(workingDaysBetween(cal, s, end))).toBe(n)
        if (n > 0) expect(right(isWorkingDay(cal, end))).toBe(true)
      }),
    )
  })
  it("counting from the same day equals counting from the day before's next day", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 40 }), (s, n) => {
        const prev = fromEpochDay(toEpochDay(s) - 1)
        expect(right(addWorkingDays(cal, s, n, { countFrom: "same_day" }))).toBe(
          right(addWorkingDays(cal, prev, n, { countFrom: "day_after" })),
        )
      }),
    )
  })
})
