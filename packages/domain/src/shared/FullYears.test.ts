import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fullYears } from "./FullYears.js"
import { addDays, fullYearsBetween, make } from "./LocalDate.js"

describe("fullYears (hot-path 周岁)", () => {
  it("POLICIES: agrees with LocalDate.fullYearsBetween on any pair of dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: -2_000, max: 40_000 }), (a, d) => {
        const birth = addDays(make("1900-01-01"), a)
        const on = addDays(birth, d)
        expect(fullYears(birth, on)).toBe(fullYearsBetween(birth, on))
      }),
    )
  })
  it("POLICIES: 29 February birthdays count on 1 March in common years", () => {
    expect(fullYears("2000-02-29", "2001-02-28")).toBe(0)
    expect(fullYears("2000-02-29", "2001-03-01")).toBe(1)
    expect(fullYears("2000-02-29", "2004-02-29")).toBe(4)
  })
})
