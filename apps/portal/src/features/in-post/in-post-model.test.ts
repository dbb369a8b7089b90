import { describe, expect, it } from "vitest"
import {
  chinaToday,
  daysKey,
  defaultPlacement,
  dueBackOn,
  formatHalfDays,
  halfDaysOf,
  mayFile,
  mayRecordReturn,
  type Placement,
  relationRows,
  reportMark,
  reportTally,
} from "./in-post-model"

describe("report marking", () => {
  it("marks the API's statuses as filed, filed late, due, overdue or on the event", () => {
    expect(reportMark("submitted")).toBe("filed")
    expect(reportMark("late")).toBe("filedLate")
    expect(reportMark("open")).toBe("due")
    expect(reportMark("overdue")).toBe("overdue")
    expect(reportMark("on_event")).toBe("onEvent")
  })

  it("offers the form only while nothing is filed", () => {
    expect(mayFile("open")).toBe(true)
    expect(mayFile("overdue")).toBe(true)
    expect(mayFile("on_event")).toBe(true)
    expect(mayFile("submitted")).toBe(false)
    expect(mayFile("late")).toBe(false)
  })

  it("counts the 004 晋城 demo placement on 2026-11-26: 2 overdue, 7 due, 2 filed", () => {
    // The demo cadre's eleven obligations in the API's order (two quarterlies filed, the third and the first
    // half-year overdue); a late filing counts as filed.
    const statuses = [
      "submitted",
      "overdue",
      "submitted",
      "overdue",
      "open",
      "open",
      "open",
      "open",
      "open",
      "open",
      "open",
    ] as const
    expect(reportTally(statuses.map((status) => ({ status })))).toEqual({ overdue: 2, due: 7, filed: 2 })
    const afterFiling = statuses.map((status, i) => ({ status: i === 3 ? ("late" as const) : status }))
    expect(reportTally(afterFiling)).toEqual({ overdue: 1, due: 7, filed: 3 })
  })
})

describe("leave days", () => {
  it("counts calendar days in half-days, as the kernel does (docs/inpost.md §4)", () => {
    // 2024-02-28 to 2024-03-01 over a leap day is 3 days.
    expect(halfDaysOf({ from: "2024-02-28", to: "2024-03-01" })).toBe(6)
    expect(halfDaysOf({ from: "2026-12-03", to: "2026-12-04" })).toBe(4)
    expect(halfDaysOf({ from: "2026-12-10", to: "2026-12-10" })).toBe(2)
    expect(halfDaysOf({ from: "2026-12-10", to: "2026-12-12", startsAfternoon: true })).toBe(5)
    expect(
      halfDaysOf({ from: "2026-12-10", to: "2026-12-13", startsAfternoon: true, endsMorning: true }),
    ).toBe(6)
    // One day from noon to noon is nothing; a reversed range is negative; a missing date is no answer.
    expect(
      halfDaysOf({ from: "2026-12-10", to: "2026-12-10", startsAfternoon: true, endsMorning: true }),
    ).toBe(0)
    expect(halfDaysOf({ from: "2026-12-10", to: "2026-12-09" })).toBeLessThan(1)
    expect(halfDaysOf({ from: "2026-12-10", to: "" })).toBeUndefined()
    expect(halfDaysOf({ from: "2026-02-30", to: "2026-03-01" })).toBeUndefined()
  })

  it("shows half-days as the API's days, with one day singular", () => {
    expect(formatHalfDays(1)).toBe("0.5")
    expect(formatHalfDays(2)).toBe("1")
    expect(formatHalfDays(5)).toBe("2.5")
    expect(formatHalfDays(7)).toBe("3.5")
    expect(daysKey(2)).toBe("dayOne")
    expect(daysKey(1)).toBe("dayMany")
    expect(daysKey(3)).toBe("dayMany")
  })

  it("is due back the day after the leave, or the same day when it ends at noon", () => {
    expect(dueBackOn({ to: "2026-04-05", endsMorning: false })).toBe("2026-04-06")
    expect(dueBackOn({ to: "2026-12-31", endsMorning: false })).toBe("2027-01-01")
    expect(dueBackOn({ to: "2026-04-05", endsMorning: true })).toBe("2026-04-05")
  })

  it("offers 销假 for approved leave once the cadre is due back", () => {
    const leave = { state: "approved" as const, to: "2026-04-05", endsMorning: false }
    expect(mayRecordReturn(leave, "2026-04-05")).toBe(false)
    expect(mayRecordReturn(leave, "2026-04-06")).toBe(true)
    expect(mayRecordReturn({ ...leave, endsMorning: true }, "2026-04-05")).toBe(true)
    expect(mayRecordReturn({ ...leave, state: "requested" }, "2026-05-01")).toBe(false)
    expect(mayRecordReturn({ ...leave, state: "returned" }, "2026-05-01")).toBe(false)
  })

  it("takes today in China: 16:30 UTC on 25 November is already 26 November in Beijing", () => {
    expect(chinaToday(new Date("2026-11-25T16:30:00Z"))).toBe("2026-11-26")
    expect(chinaToday(new Date("2026-11-25T15:59:00Z"))).toBe("2026-11-25")
  })
})

describe("placement", () => {
  const placement = (id: string, state: Placement["state"]) => ({ id, state }) as Placement

  it("opens the placement still served first", () => {
    expect(defaultPlacement([placement("a", "exited"), placement("b", "in_term")])?.id).toBe("b")
    expect(defaultPlacement([placement("a", "exited"), placement("b", "recalled")])?.id).toBe("a")
    expect(defaultPlacement([])).toBeUndefined()
  })

  it("lists the relations the scheme moves or keeps (000 一（二）1), with the transfer date", () => {
    const rows = relationRows({
      relations: { party: "moves", administrative: "stays", pay: "stays" },
      relationsMoved: { party: "2021-02-01" },
    } as unknown as Placement["placement"])
    expect(rows).toEqual([
      { relation: "party", rule: "moves", movedOn: "2021-02-01" },
      { relation: "administrative", rule: "stays", movedOn: null },
      { relation: "pay", rule: "stays", movedOn: null },
    ])
    // 004 晋城 states none: nothing to show.
    expect(relationRows({ relations: {}, relationsMoved: {} } as unknown as Placement["placement"])).toEqual(
      [],
    )
  })
})
