import { Either, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  addDays,
  addMonths,
  addYears,
  compare,
  fromEpochDay,
  fullYearsBetween,
  isLeapYear,
  LocalDate,
  make,
  parts,
  toEpochDay,
} from "./LocalDate.js"

const d = make
const MIN = toEpochDay(d("1900-01-01"))
const MAX = toEpochDay(d("2200-12-31"))
/** Any valid LocalDate in the supported range. */
const arbDate = fc.integer({ min: MIN, max: MAX }).map(fromEpochDay)
/** Dates that leave room for 100 years after them (and 10 before). */
const arbBirth = fc
  .integer({ min: toEpochDay(d("1910-01-01")), max: toEpochDay(d("2100-12-31")) })
  .map(fromEpochDay)

describe("LocalDate schema", () => {
  it("accepts real dates and rejects impossible or malformed ones", () => {
    const decode = Schema.decodeUnknownEither(LocalDate)
    expect(Either.isRight(decode("2020-02-29"))).toBe(true)
    expect(Either.isLeft(decode("2021-02-29"))).toBe(true)
    expect(Either.isLeft(decode("2021-2-1"))).toBe(true)
    expect(Either.isLeft(decode("2021-04-31"))).toBe(true)
    expect(Either.isLeft(decode(20210101))).toBe(true)
  })
})

describe("fullYearsBetween (周岁, POLICIES 'How to read the numbers')", () => {
  it("POLICIES: the age goes up on the birthday, not the day before", () => {
    expect(fullYearsBetween(d("1990-06-15"), d("2025-06-14"))).toBe(34)
    expect(fullYearsBetween(d("1990-06-15"), d("2025-06-15"))).toBe(35)
    expect(fullYearsBetween(d("1990-06-15"), d("2025-06-16"))).toBe(35)
  })

  it("across a year end: born 31 Dec, 1 Jan is not yet the birthday", () => {
    expect(fullYearsBetween(d("1985-12-31"), d("2023-12-30"))).toBe(37)
    expect(fullYearsBetween(d("1985-12-31"), d("2023-12-31"))).toBe(38)
    expect(fullYearsBetween(d("1985-12-31"), d("2024-01-01"))).toBe(38)
  })

  it("POLICIES: born 29 Feb, the birthday in a common year is 1 March", () => {
    const birth = d("2000-02-29")
    expect(fullYearsBetween(birth, d("2018-02-28"))).toBe(17)
    expect(fullYearsBetween(birth, d("2018-03-01"))).toBe(18)
    expect(fullYearsBetween(birth, d("2020-02-28"))).toBe(19)
    expect(fullYearsBetween(birth, d("2020-02-29"))).toBe(20)
    // 2100 is a common year (divisible by 100, not by 400).
    expect(isLeapYear(2100)).toBe(false)
    expect(fullYearsBetween(birth, d("2100-02-28"))).toBe(99)
    expect(fullYearsBetween(birth, d("2100-03-01"))).toBe(100)
  })

  it("is 0 on the day of birth and negative before it", () => {
    expect(fullYearsBetween(d("2001-05-05"), d("2001-05-05"))).toBe(0)
    expect(fullYearsBetween(d("2001-05-05"), d("2001-05-04"))).toBe(-1)
  })

  it("property: age is monotone non-decreasing in the reference date", () => {
    fc.assert(
      fc.property(arbDate, arbDate, arbDate, (birth, a, b) => {
        const [early, late] = compare(a, b) <= 0 ? [a, b] : [b, a]
        expect(fullYearsBetween(birth, early)).toBeLessThanOrEqual(fullYearsBetween(birth, late))
      }),
    )
  })

  it("property: age(birth, addYears(birth, n)) = n and one day earlier n - 1 (births other than 29 Feb)", () => {
    fc.assert(
      fc.property(
        arbBirth.filter((b) => !b.endsWith("-02-29")),
        fc.integer({ min: 1, max: 100 }),
        (birth, n) => {
          const birthday = addYears(birth, n)
          expect(fullYearsBetween(birth, birthday)).toBe(n)
          expect(fullYearsBetween(birth, addDays(birthday, -1))).toBe(n - 1)
        },
      ),
    )
  })
})

describe("epoch days", () => {
  it("1970-01-01 is day 0 and agrees with Date.UTC", () => {
    expect(toEpochDay(d("1970-01-01"))).toBe(0)
    expect(toEpochDay(d("2000-03-01"))).toBe(Date.UTC(2000, 2, 1) / 86_400_000)
  })

  it("property: round trip and agreement with Date.UTC", () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const n = toEpochDay(date)
        expect(fromEpochDay(n)).toBe(date)
        const [y, m, day] = parts(date)
        expect(n).toBe(Date.UTC(y, m - 1, day) / 86_400_000)
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (n) => {
        expect(toEpochDay(fromEpochDay(n))).toBe(n)
      }),
    )
  })

  it("property: addDays(d, 1) is the next real date", () => {
    fc.assert(
      fc.property(
        arbDate.filter((x) => x !== "2200-12-31"),
        (date) => {
          const next = addDays(date, 1)
          expect(Either.isRight(Schema.decodeUnknownEither(LocalDate)(next))).toBe(true)
          expect(compare(date, next)).toBe(-1)
          expect(toEpochDay(next) - toEpochDay(date)).toBe(1)
        },
      ),
    )
  })
})

describe("addMonths", () => {
  it("clamps the day to the end of the target month", () => {
    expect(addMonths(d("2021-01-31"), 1)).toBe("2021-02-28")
    expect(addMonths(d("2020-01-31"), 1)).toBe("2020-02-29")
    expect(addMonths(d("2020-03-31"), -1)).toBe("2020-02-29")
    expect(addMonths(d("2020-05-31"), 1)).toBe("2020-06-30")
    expect(addYears(d("2020-02-29"), 1)).toBe("2021-02-28")
    expect(addYears(d("2020-02-29"), 4)).toBe("2024-02-29")
  })

  it("crosses year boundaries both ways", () => {
    expect(addMonths(d("2020-01-15"), -1)).toBe("2019-12-15")
    expect(addMonths(d("2019-12-15"), 1)).toBe("2020-01-15")
    expect(addMonths(d("2019-12-15"), -25)).toBe("2017-11-15")
  })

  it("property: result is a real date, in the right month, never past the original day", () => {
    fc.assert(
      fc.property(arbBirth, fc.integer({ min: -120, max: 120 }), (date, k) => {
        const out = addMonths(date, k)
        expect(Either.isRight(Schema.decodeUnknownEither(LocalDate)(out))).toBe(true)
        const [y, m, day] = parts(date)
        const [oy, om, od] = parts(out)
        expect(oy * 12 + om - (y * 12 + m)).toBe(k)
        expect(od).toBeLessThanOrEqual(day)
      }),
    )
  })
})
