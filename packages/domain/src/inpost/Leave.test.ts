import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Role } from "../access/Access.js"
import type { Scheme } from "../scheme/Scheme.js"
import { cite } from "../shared/Citation.js"
import { cited } from "../shared/Cited.js"
import { addDays, make } from "../shared/LocalDate.js"
import { person, SCHEMES } from "./fixtures.js"
import {
  explainRoute,
  formatHalfDays,
  halfDaysOf,
  type IllegalLeaveMove,
  type LeaveMove,
  type LeaveRequest,
  leaveTransition,
  overstay,
  overstayAbsence,
  recordAbsence,
  requestLeave,
  routeLeave,
} from "./Leave.js"

const J = SCHEMES.jincheng

const request = (
  from: string,
  to: string,
  halves: { startsAfternoon?: boolean; endsMorning?: boolean } = {},
  scheme: Pick<Scheme, "leave"> = J,
) =>
  requestLeave(
    {
      id: "lv-1",
      placementId: "pl-1",
      personId: person(),
      from: make(from),
      to: make(to),
      reason: "事假",
      ...halves,
    },
    scheme,
    make("2023-04-01"),
  )
const ok = <A>(r: Either.Either<A, IllegalLeaveMove>): A => {
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const no = <A>(r: Either.Either<A, IllegalLeaveMove>): IllegalLeaveMove => {
  if (Either.isRight(r)) throw new Error("expected a refusal")
  return r.left
}
const act = (r: LeaveRequest, m: LeaveMove, role: Role, on = "2023-04-02") =>
  leaveTransition(r, m, { on: make(on), by: { accountId: `acct-${role}`, role } })

describe("half-day amounts (integer arithmetic)", () => {
  it("whole days count two half-days each; an afternoon start or a noon end takes one off", () => {
    expect(halfDaysOf({ from: make("2023-04-03"), to: make("2023-04-05") })).toBe(6)
    expect(halfDaysOf({ from: make("2023-04-03"), to: make("2023-04-05"), startsAfternoon: true })).toBe(5)
    expect(halfDaysOf({ from: make("2023-04-03"), to: make("2023-04-06"), endsMorning: true })).toBe(7)
    expect(halfDaysOf({ from: make("2023-04-03"), to: make("2023-04-03"), endsMorning: true })).toBe(1)
    // Calendar days, across a month end and 29 February.
    expect(halfDaysOf({ from: make("2024-02-28"), to: make("2024-03-01") })).toBe(6)
    expect(formatHalfDays(7)).toBe("3.5")
    expect(formatHalfDays(6)).toBe("3")
    expect(formatHalfDays(1)).toBe("0.5")
  })

  it("a day that starts in the afternoon and ends at noon is no leave; an end before the start is refused", () => {
    expect(no(request("2023-04-03", "2023-04-03", { startsAfternoon: true, endsMorning: true })).reason).toBe(
      "bad_dates",
    )
    const e = no(request("2023-04-05", "2023-04-03"))
    expect(e.reason).toBe("bad_dates")
    expect(e.state).toBeUndefined()
    expect(e.text.zh).toContain("不能请假")
  })
})

describe("004 晋城 管理考核 一是: up to 3 days the host unit, more the org dept", () => {
  it("004 晋城 管理考核 一是: exactly 3 days (6 half-days) goes to the host unit", () => {
    const r = ok(request("2023-04-03", "2023-04-05"))
    expect(r.halfDays).toBe(6)
    expect(r.route).toEqual({
      approver: "host_unit",
      upToDays: 3,
      citation: cite(
        "004",
        "晋城 管理考核 一是",
        "挂职干部请假在3天以下的由挂职单位批准,请假在3天以上的按干部管理权限报组织部门批准",
      ),
    })
    expect(explainRoute(r.route, r.halfDays).zh).toBe(
      "请假 3 天，不超过 3 天，由接收（挂职）单位审批（004 晋城 管理考核 一是）",
    )
  })

  it("004 晋城 管理考核 一是: 3.5 days (7 half-days) goes to the org dept", () => {
    const r = ok(request("2023-04-03", "2023-04-06", { endsMorning: true }))
    expect(r.halfDays).toBe(7)
    expect(r.route.approver).toBe("org_dept")
    expect(r.route.upToDays).toBeUndefined()
    expect(explainRoute(r.route, r.halfDays).en).toBe(
      "3.5 days: approved by the org dept (004 晋城 管理考核 一是)",
    )
  })

  it("004 晋城 管理考核 一是: 2.5 days and half a day go to the host unit, 4 days to the org dept", () => {
    expect(ok(request("2023-04-03", "2023-04-05", { startsAfternoon: true })).route.approver).toBe(
      "host_unit",
    )
    expect(ok(request("2023-04-03", "2023-04-03", { endsMorning: true })).route.approver).toBe("host_unit")
    expect(ok(request("2023-04-03", "2023-04-06")).route.approver).toBe("org_dept")
  })

  it("004 晋城 管理考核 一是: for every amount, the host approves iff it is at most 6 half-days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (h) => {
        const r = routeLeave(J.leave, h)
        expect(Either.isRight(r) && r.right.approver).toBe(h <= 6 ? "host_unit" : "org_dept")
      }),
    )
  })

  it("000: a scheme with no tiers cannot route leave, and says why", () => {
    const e = no(request("2023-04-03", "2023-04-05", {}, SCHEMES.yangpu))
    expect(e.reason).toBe("no_tiers")
    expect(e.text.zh).toContain("通知未规定请销假")
  })

  it("tiers are matched tightest first, whatever their order; beyond every bounded tier is refused", () => {
    const scheme = {
      leave: cited(
        [
          { upToDays: 10, approver: "org_dept" as const },
          { upToDays: 2, approver: "host_unit" as const, fileWith: "street" as const },
        ] as const,
        cite("test", "1"),
      ),
    }
    expect(routeLeave(scheme.leave, 4)).toEqual(
      Either.right({ approver: "host_unit", fileWith: "street", upToDays: 2, citation: cite("test", "1") }),
    )
    expect(Either.isRight(routeLeave(scheme.leave, 5)) && routeLeave(scheme.leave, 5)).toEqual(
      Either.right({ approver: "org_dept", upToDays: 10, citation: cite("test", "1") }),
    )
    const beyond = routeLeave(scheme.leave, 21)
    expect(Either.isLeft(beyond) && beyond.left.reason).toBe("beyond_tiers")
    expect(Either.isLeft(beyond) && beyond.left.detail.zh).toBe("请假 10.5 天超过方案规定的最长 10 天")
  })
})

describe("approval, refusal and return (销假)", () => {
  const three = () => ok(request("2023-04-03", "2023-04-05"))
  const threeHalf = () => ok(request("2023-04-03", "2023-04-06", { endsMorning: true }))

  it("004 晋城 管理考核 一是: the host unit approves 3 days; the org dept may not (not the routed approver)", () => {
    const r = ok(act(three(), { _tag: "Approve" }, "host_unit_admin"))
    expect(r.state).toBe("approved")
    expect(r.decision).toEqual({
      approved: true,
      by: "acct-host_unit_admin",
      role: "host_unit_admin",
      on: "2023-04-02",
    })
    expect(no(act(three(), { _tag: "Approve" }, "org_dept_admin")).reason).toBe("not_approver")
  })

  it("004 晋城 管理考核 一是: the host unit may not approve 3.5 days; the refusal names the org dept", () => {
    const e = no(act(threeHalf(), { _tag: "Approve" }, "host_unit_admin"))
    expect(e.reason).toBe("not_approver")
    expect(e.state).toBe("requested")
    expect(e.text.zh).toBe(
      "请假“待审批”时不能批准：无权审批：请假 3.5 天，由组织部门审批（004 晋城 管理考核 一是）",
    )
    expect(ok(act(threeHalf(), { _tag: "Approve", note: "同意" }, "org_dept_admin")).decision?.note).toBe(
      "同意",
    )
  })

  it("a refusal is final: it cannot then be approved or returned from", () => {
    const r = ok(act(three(), { _tag: "Refuse", reason: "工作需要" }, "host_unit_admin"))
    expect(r.state).toBe("refused")
    expect(r.decision?.note).toBe("工作需要")
    expect(no(act(r, { _tag: "Approve" }, "host_unit_admin")).reason).toBe("wrong_state")
    expect(no(act(r, { _tag: "Return", date: make("2023-04-06") }, "applicant")).reason).toBe("wrong_state")
  })

  it("a request not yet approved cannot be returned from; the cadre applicant cannot approve their own", () => {
    expect(no(act(three(), { _tag: "Return", date: make("2023-04-06") }, "applicant")).reason).toBe(
      "wrong_state",
    )
    expect(no(act(three(), { _tag: "Approve" }, "applicant")).reason).toBe("not_approver")
  })

  it("004 晋城 管理考核 一是 销假: back on the day after the leave is on time; two days later is 2 days over", () => {
    const approved = ok(act(three(), { _tag: "Approve" }, "host_unit_admin"))
    const back = ok(act(approved, { _tag: "Return", date: make("2023-04-06") }, "applicant", "2023-04-06"))
    expect(back.state).toBe("returned")
    expect(back.returnedOn).toBe("2023-04-06")
    expect(back.overstayDays).toBe(0)
    expect(
      ok(act(approved, { _tag: "Return", date: make("2023-04-08") }, "host_unit_admin", "2023-04-08"))
        .overstayDays,
    ).toBe(2)
  })

  it("004 晋城 管理考核 一是 擅自离岗: two days over leaves those two days on record as an overstay absence", () => {
    const approved = ok(act(three(), { _tag: "Approve" }, "host_unit_admin"))
    const onTime = ok(act(approved, { _tag: "Return", date: make("2023-04-06") }, "applicant", "2023-04-06"))
    expect(overstayAbsence(onTime, "a-0", { accountId: "acc" })).toBeUndefined()
    const late = ok(
      act(approved, { _tag: "Return", date: make("2023-04-08") }, "host_unit_admin", "2023-04-08"),
    )
    expect(overstayAbsence(late, "a-1", { accountId: "acc" })).toMatchObject({
      id: "a-1",
      from: "2023-04-06",
      to: "2023-04-07",
      halfDays: 4,
      kind: "overstay",
      recordedOn: "2023-04-08",
      recordedBy: "acc",
    })
    // Not returned yet: nothing is recorded until the return is.
    expect(overstayAbsence(approved, "a-2", { accountId: "acc" })).toBeUndefined()
  })

  it("property: the overstay absence covers exactly the days between due-back and the return", () => {
    fc.assert(
      fc.property(fc.nat(30), fc.boolean(), (k, endsMorning) => {
        const to = make("2023-04-05")
        const dueBack = endsMorning ? to : addDays(to, 1)
        const r: LeaveRequest = {
          ...three(),
          to,
          endsMorning,
          state: "returned",
          returnedOn: addDays(dueBack, k),
          overstayDays: overstay({ to, endsMorning }, addDays(dueBack, k)),
        }
        const a = overstayAbsence(r, "a", { accountId: "acc" })
        if (k === 0) expect(a).toBeUndefined()
        else {
          expect(a?.from).toBe(dueBack)
          expect(a?.to).toBe(addDays(dueBack, k - 1))
          expect(a?.halfDays).toBe(2 * k)
        }
      }),
    )
  })

  it("销假: not dated in the future or before the leave began; not by a reviewer", () => {
    const approved = ok(act(three(), { _tag: "Approve" }, "host_unit_admin"))
    expect(
      no(act(approved, { _tag: "Return", date: make("2023-04-07") }, "applicant", "2023-04-06")).reason,
    ).toBe("future_date")
    expect(
      no(act(approved, { _tag: "Return", date: make("2023-04-02") }, "applicant", "2023-04-06")).reason,
    ).toBe("bad_dates")
    expect(
      no(act(approved, { _tag: "Return", date: make("2023-04-06") }, "reviewer", "2023-04-06")).reason,
    ).toBe("not_authorised")
  })

  it("a leave ending at noon is due back the same afternoon", () => {
    expect(overstay({ to: make("2023-04-06"), endsMorning: true }, make("2023-04-06"))).toBe(0)
    expect(overstay({ to: make("2023-04-06"), endsMorning: true }, make("2023-04-07"))).toBe(1)
    expect(overstay({ to: make("2023-04-06"), endsMorning: false }, make("2023-04-07"))).toBe(0)
    expect(overstay({ to: make("2023-04-06"), endsMorning: false }, make("2023-04-05"))).toBe(0)
  })
})

describe("004 晋城 管理考核 一是: unauthorised absence (擅自离岗) is recorded", () => {
  const absence = (role: Role, to = "2023-05-03") =>
    recordAbsence(
      {
        id: "ab-1",
        placementId: "pl-1",
        personId: person(),
        from: make("2023-05-02"),
        to: make(to),
        startsAfternoon: true,
        kind: "unauthorised",
        note: "查岗不在岗",
      },
      { on: make("2023-05-04"), by: { accountId: `acct-${role}`, role } },
    )

  it("004 晋城 管理考核 一是: the org dept records 1.5 days of absence found on inspection", () => {
    expect(ok(absence("org_dept_admin"))).toEqual({
      id: "ab-1",
      placementId: "pl-1",
      personId: "p-1",
      from: "2023-05-02",
      to: "2023-05-03",
      halfDays: 3,
      kind: "unauthorised",
      note: "查岗不在岗",
      recordedOn: "2023-05-04",
      recordedBy: "acct-org_dept_admin",
    })
  })

  it("004 晋城 管理考核 一是: not by the cadre, not a reviewer; not ending after today", () => {
    expect(no(absence("applicant")).reason).toBe("not_authorised")
    expect(no(absence("reviewer")).reason).toBe("not_authorised")
    expect(no(absence("street_admin", "2023-05-05")).reason).toBe("bad_dates")
    expect(ok(absence("street_admin", "2023-05-04")).halfDays).toBe(5)
  })

  it("an approved leave not returned from keeps counting days over", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (k) => {
        expect(overstay({ to: make("2023-04-05"), endsMorning: false }, addDays(make("2023-04-06"), k))).toBe(
          k,
        )
      }),
    )
  })
})
