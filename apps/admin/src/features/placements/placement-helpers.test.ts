import { describe, expect, it } from "vitest"
import {
  actorsOfRole,
  chinaToday,
  daysBetween,
  defaultPeriod,
  gradingCycles,
  isClosed,
  leaveTiers,
  mayApproveLeave,
  mayGrade,
  mayManage,
  overdueByPlacement,
  probationAssessor,
  recallTriggers,
  type SchemeView,
  termMark,
} from "./placement-helpers"

const label = (zh: string, en: string) => ({ zh, en })
const citation = { document: "000", clause: "三（一）", quote: "…" }

describe("term-end marks (docs/inpost.md §9: 90 days, both ends inclusive)", () => {
  const inTerm = (termEnd: string | null) => ({ state: "in_term" as const, termEnd })

  it("marks a term ending today or within 90 days, not on the 91st", () => {
    expect(termMark(inTerm("2024-04-01"), "2024-04-01")).toEqual({ kind: "ending_soon", days: 0 })
    expect(termMark(inTerm("2024-06-30"), "2024-04-01")).toEqual({ kind: "ending_soon", days: 90 })
    expect(termMark(inTerm("2024-07-01"), "2024-04-01")).toBeNull()
  })

  it("marks a serving placement whose term end has passed without the term being ended", () => {
    // 004 晋城 demo: term end 2026-09-01; still in term on 2026-09-03 would be two days past.
    expect(termMark(inTerm("2026-09-01"), "2026-09-03")).toEqual({ kind: "term_passed", days: 2 })
  })

  it("leaves placements that are not serving unmarked", () => {
    expect(termMark({ state: "placed", termEnd: null }, "2026-11-26")).toBeNull()
    expect(termMark({ state: "term_ended", termEnd: "2026-09-01" }, "2026-09-03")).toBeNull()
    expect(termMark({ state: "recalled", termEnd: "2027-03-01" }, "2027-01-01")).toBeNull()
    expect(termMark({ state: "on_probation", termEnd: "2027-01-01" }, "2026-12-01")).toEqual({
      kind: "ending_soon",
      days: 31,
    })
  })

  it("counts days across a leap day", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2)
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1)
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2)
  })

  it("reads today as the server does, in China", () => {
    // 17:30 UTC on 25 November is already 26 November in Beijing.
    expect(chinaToday(new Date("2026-11-25T17:30:00Z"))).toBe("2026-11-26")
    expect(chinaToday(new Date("2026-11-25T15:59:00Z"))).toBe("2026-11-25")
  })
})

describe("list helpers", () => {
  it("counts overdue reports per placement", () => {
    const counts = overdueByPlacement([
      { placementId: "demo-pl-jc-term-ended" },
      { placementId: "demo-pl-jc-term-ended" },
      { placementId: "demo-pl-yp-in-term" },
    ])
    expect(counts.get("demo-pl-jc-term-ended")).toBe(2)
    expect(counts.get("demo-pl-yp-in-term")).toBe(1)
    expect(counts.get("demo-pl-da-in-term")).toBeUndefined()
  })

  it("knows which states are closed", () => {
    expect(["returned_to_unit", "adjusted", "recalled", "exited"].every((s) => isClosed(s as never))).toBe(
      true,
    )
    expect(isClosed("term_ended")).toBe(false)
  })
})

describe("who may act, and as whom (the permissions auth.me sends, and InPost.ACTS_AS)", () => {
  it("offers a move only when the account's permissions include it", () => {
    // What auth.me lists for a host unit and a dispatching unit (Access.permissionsOf).
    const host = ["placement.read", "placement.manage", "leave.approve", "assessment.grade"]
    const dispatching = ["placement.read", "placement.manage", "assessment.grade"]
    expect(mayManage(host)).toBe(true)
    expect(mayApproveLeave(host)).toBe(true)
    expect(mayApproveLeave(dispatching)).toBe(false)
    expect(mayGrade(dispatching)).toBe(true)
    expect(mayManage(["placement.read", "figures.read"])).toBe(false)
    expect(mayManage([])).toBe(false)
  })

  it("offers an org dept account the org dept bodies, a host unit the host and the community Party org", () => {
    expect(actorsOfRole("org_dept_admin")).toEqual([
      "org_dept",
      "org_dept_meeting",
      "standing_committee",
      "joint_review",
    ])
    expect(actorsOfRole("host_unit_admin")).toEqual(["host_unit", "community_party_org"])
    expect(actorsOfRole("street_admin")).toEqual(["street"])
  })
})

describe("what the scheme says (000 Yangpu, 004 Jincheng)", () => {
  const cycles = [
    {
      id: "probation_review",
      label: label("见习期综合考评", "Probation review"),
      cadence: { _tag: "OnEvent" as const, event: label("条件成熟时", "When ready") },
      decidedBy: "street" as const,
      citation,
    },
    {
      id: "annual",
      label: label("年度考核", "Annual assessment"),
      cadence: { _tag: "YearEnd" as const },
      firstOpinionBy: "street" as const,
      decidedBy: "dispatching_unit" as const,
      reportTo: "org_dept" as const,
      citation,
    },
  ]
  const scheme = {
    assessment: { cycles },
    recall: {
      triggers: [
        {
          id: "area_merged",
          label: label("居民区撤并", "Area merged"),
          action: "adjust_or_return",
          citation,
        },
        { id: "dissatisfaction", label: label("不满意率高于30%", "Above 30%"), action: "recall", citation },
      ],
    },
  } as unknown as SchemeView

  it("finds the probation assessor in the probation_review cycle, the street by default", () => {
    expect(probationAssessor(scheme)).toBe("street")
    expect(probationAssessor({ assessment: { ...scheme.assessment, cycles: [] } })).toBe("street")
    const byUnit = {
      assessment: { ...scheme.assessment, cycles: [{ ...cycles[0], decidedBy: "dispatching_unit" }] },
    }
    expect(probationAssessor(byUnit as unknown as SchemeView)).toBe("dispatching_unit")
  })

  it("grades every cycle but the probation review; a year-end cycle's period is the year", () => {
    expect(gradingCycles(scheme).map((c) => c.id)).toEqual(["annual"])
    expect(defaultPeriod(cycles[1], "2026-11-26")).toBe("2026")
    expect(defaultPeriod(cycles[0], "2026-11-26")).toBe("")
  })

  it("offers only recall triggers to a recall", () => {
    expect(recallTriggers(scheme).map((t) => t.id)).toEqual(["dissatisfaction"])
  })

  it("lists leave tiers tightest first (004 晋城: 3 days the host unit, longer the org dept), or why none", () => {
    const jincheng = {
      leave: {
        _tag: "Cited",
        value: [{ approver: "org_dept" }, { upToDays: 3, approver: "host_unit" }],
        citation,
      },
    } as unknown as SchemeView
    expect(leaveTiers(jincheng)).toEqual({
      tiers: [{ upToDays: 3, approver: "host_unit" }, { approver: "org_dept" }],
    })
    const yangpu = {
      leave: { _tag: "Unspecified", note: label("通知未规定请销假", "The notice does not regulate leave") },
    } as unknown as SchemeView
    expect(leaveTiers(yangpu)).toEqual({
      note: label("通知未规定请销假", "The notice does not regulate leave"),
    })
    expect(leaveTiers(null)).toBeNull()
  })
})
