import { Either } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { OFFICIAL_2025_2026 } from "../calendar/fixtures.js"
import { addDays, make } from "../shared/LocalDate.js"
import { overstay, overstayWorking } from "./Leave.js"

/**
 * Issue 13, "dates bite": a leave closed on Monday after a Thursday–Friday leave recorded the weekend as 2 days
 * of overstay. With the working-day calendar, only working days missed count.
 */

const cal = OFFICIAL_2025_2026
const thuFri = { to: make("2026-03-06"), endsMorning: false } // Thursday 5 – Friday 6 March 2026

describe("overstay in working days", () => {
  it("a Thursday–Friday leave closed on Monday is on time; on Tuesday one day over", () => {
    expect(overstay(thuFri, make("2026-03-09"))).toBe(2) // calendar days: the weekend counted
    expect(Either.getOrThrow(overstayWorking(thuFri, make("2026-03-09"), cal))).toBe(0)
    expect(Either.getOrThrow(overstayWorking(thuFri, make("2026-03-10"), cal))).toBe(1)
  })

  it("a leave ending at noon is due back that afternoon", () => {
    const noon = { to: make("2026-03-06"), endsMorning: true }
    expect(Either.getOrThrow(overstayWorking(noon, make("2026-03-06"), cal))).toBe(0)
    expect(Either.getOrThrow(overstayWorking(noon, make("2026-03-09"), cal))).toBe(1)
  })

  it("a year the calendar lacks is an error, not a guess", () => {
    expect(
      Either.isLeft(overstayWorking({ to: make("2027-03-05"), endsMorning: false }, make("2027-03-10"), cal)),
    ).toBe(true)
  })

  it("property: never more than the calendar days, and 0 when back by the first working day", () => {
    const day = fc.integer({ min: 0, max: 600 }).map((n) => addDays(make("2025-01-01"), n))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), fc.boolean(), (to, late, endsMorning) => {
        const on = addDays(to, late)
        fc.pre(on <= "2026-12-31")
        const r = { to, endsMorning }
        const working = Either.getOrThrow(overstayWorking(r, on, cal))
        expect(working).toBeLessThanOrEqual(overstay(r, on))
        expect(working).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 1000 },
    )
  })
})
