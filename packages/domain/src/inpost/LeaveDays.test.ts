import { Either } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { OFFICIAL_2025_2026 } from "../calendar/fixtures.js"
import { addDays, make } from "../shared/LocalDate.js"
import { person, SCHEMES } from "./fixtures.js"
import {
  halfDaysOf,
  leaveDayCountOf,
  leaveHalfDays,
  leaveTransition,
  overstayBy,
  requestLeave,
} from "./Leave.js"

/**
 * Issue 13, "dates bite": day counts of leave follow one stated rule per scheme (calendar or working days), for the
 * leave's own length too, never a weekend by accident. 晋城 管理考核 一是 counts 天 ("请假在3天以下的由挂职单位批准"):
 * calendar days — and a return is due on the first working day after the leave, so a Thursday–Friday leave closed
 * on Monday is on time under either rule (before, without the calendar, the weekend was 2 days over).
 */

const cal = OFFICIAL_2025_2026
const J = SCHEMES.jincheng
const working = { ...J, leaveDays: { ...J.leaveDays, _tag: "Cited", value: "working" } } as typeof J
const thuFri = { from: make("2026-03-05"), to: make("2026-03-06"), endsMorning: false } // Thu 5 – Fri 6 March 2026
const ask = (scheme: typeof J, from: string, to: string) =>
  requestLeave(
    { id: "lv-1", placementId: "pl-1", personId: person(), from: make(from), to: make(to), reason: "事假" },
    scheme,
    make("2026-03-01"),
    cal,
  )

describe("the rule is the scheme's: 晋城 管理考核 一是 counts 天, calendar days", () => {
  it("the preset states it, with the clause", () => {
    expect(leaveDayCountOf(J)).toBe("calendar")
    expect(J.leaveDays?._tag === "Cited" && J.leaveDays.citation.clause).toContain("一是")
  })

  it("a Friday–Monday leave is 4 calendar days (org dept), 2 working days (host) where a scheme counts working days", () => {
    const cal4 = Either.getOrThrow(ask(J, "2026-03-06", "2026-03-09"))
    expect(cal4.halfDays).toBe(8)
    expect(cal4.route.approver).toBe("org_dept")
    const work2 = Either.getOrThrow(ask(working, "2026-03-06", "2026-03-09"))
    expect(work2.halfDays).toBe(4)
    expect(work2.route.approver).toBe("host_unit")
  })

  it("a leave over the National Day holiday counts only the working days around it where working days count", () => {
    // 30 Sep – 9 Oct 2026: 30 Sep and 9 Oct are working days; 1–8 Oct the holiday (with its 调休 rest days).
    const r = Either.getOrThrow(ask(working, "2026-09-30", "2026-10-09"))
    expect(r.halfDays).toBeLessThan(halfDaysOf({ from: make("2026-09-30"), to: make("2026-10-09") }))
  })
})

describe("a late return is counted from the first working day after the leave, never a weekend by accident", () => {
  it("Thursday–Friday closed on Monday: on time; Tuesday: 1 day; Wednesday: 2 — by either rule", () => {
    for (const rule of ["calendar", "working"] as const) {
      expect(Either.getOrThrow(overstayBy(rule, thuFri, make("2026-03-09"), cal))).toBe(0)
      expect(Either.getOrThrow(overstayBy(rule, thuFri, make("2026-03-10"), cal))).toBe(1)
      expect(Either.getOrThrow(overstayBy(rule, thuFri, make("2026-03-11"), cal))).toBe(2)
    }
  })

  it("leaveTransition counts the return by the scheme's rule passed in", () => {
    const r = Either.getOrThrow(ask(J, "2026-03-05", "2026-03-06"))
    const approved = { ...r, state: "approved" as const }
    const back = leaveTransition(
      approved,
      { _tag: "Return", date: make("2026-03-09") },
      {
        on: make("2026-03-09"),
        by: { accountId: "a", role: "host_unit_admin" },
        calendar: cal,
        dayCount: "calendar",
      },
    )
    expect(Either.isRight(back) && back.right.overstayDays).toBe(0)
  })

  it("property: working ≤ calendar, both ≥ 0, and 0 when back by the first working day after the leave", () => {
    const day = fc.integer({ min: 0, max: 600 }).map((n) => addDays(make("2025-01-01"), n))
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), fc.boolean(), (to, late, endsMorning) => {
        const on = addDays(to, late)
        fc.pre(on <= "2026-12-31")
        const r = { to, endsMorning }
        const w = Either.getOrThrow(overstayBy("working", r, on, cal))
        const c = Either.getOrThrow(overstayBy("calendar", r, on, cal))
        return w >= 0 && c >= w
      }),
      { numRuns: 500 },
    )
  })

  it("working days without a calendar are refused, not guessed", () => {
    expect(Either.isLeft(leaveHalfDays(thuFri, "working", undefined))).toBe(true)
  })
})
