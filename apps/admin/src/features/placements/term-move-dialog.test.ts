import { describe, expect, it } from "vitest"
import { termMove } from "./term-move-dialog"

// The moves as the kernel decodes them (InPost.PlacementMove): blank optional fields are left out, not sent empty.
describe("termMove", () => {
  it("到岗: the day, and the term's end only when given", () => {
    expect(termMove("TakeUp", { date: "2027-01-15", termEnd: "" })).toEqual({
      _tag: "TakeUp",
      date: "2027-01-15",
    })
    expect(termMove("TakeUp", { date: "2027-01-15", termEnd: "2029-01-15" })).toEqual({
      _tag: "TakeUp",
      date: "2027-01-15",
      termEnd: "2029-01-15",
    })
  })
  it("留任: the cadre's wish, who decided when, the reference trimmed or left out", () => {
    expect(termMove("StayOn", { date: "2031-01-10", by: "org_dept_meeting", reference: "  " })).toEqual({
      _tag: "StayOn",
      cadreWishes: true,
      decision: { by: "org_dept_meeting", date: "2031-01-10" },
    })
    expect(
      termMove("StayOn", {
        date: "2031-01-10",
        by: "org_dept",
        reference: " 部务会〔2031〕1号 ",
        until: "2033-01-10",
      }),
    ).toEqual({
      _tag: "StayOn",
      cadreWishes: true,
      decision: { by: "org_dept", date: "2031-01-10", reference: "部务会〔2031〕1号" },
      until: "2033-01-10",
    })
  })
  it("任期届满 carries nothing; 期满离任 the day and the reason, trimmed", () => {
    expect(termMove("EndTerm", {})).toEqual({ _tag: "EndTerm" })
    expect(termMove("Exit", { date: "2031-01-20", reason: " 期满返回原单位 " })).toEqual({
      _tag: "Exit",
      date: "2031-01-20",
      reason: "期满返回原单位",
    })
  })
})
