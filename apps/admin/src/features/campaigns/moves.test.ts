import { describe, expect, it } from "vitest"
import {
  earlierSteps,
  factsOf,
  meanScore,
  nextObjectionId,
  onlyYours,
  postChoices,
  type RowFacts,
  recordFrom,
  rowMoves,
} from "./moves"

// The demo schemes' paths as campaigns.get gives them (docs/selection.md §1).
const path = (...states: Array<string>) => states.map((state) => ({ state }))
const yangpu = path("draft", "submitted", "screened", "interview", "decided", "appointed", "reported_in")
const guizhou = path(
  "draft",
  "submitted",
  "screened",
  "joint_review",
  "inspection",
  "public_notice",
  "decided",
  "appointed",
)
const anqiu = path("draft", "submitted", "screened", "shortlisted", "decided", "public_notice", "appointed")

const facts = (state: string, more: Partial<RowFacts> = {}): RowFacts => ({
  state,
  hasRecord: false,
  outcome: "needs_review",
  openObjections: 0,
  decided: false,
  ...more,
})

const offered = (steps: ReadonlyArray<{ state: string }>, f: RowFacts) => {
  const m = rowMoves(steps, f)
  return { primary: m.primary === undefined ? null : `${m.primary.kind}→${m.primary.to}`, more: m.more }
}

describe("rowMoves: the moves a row offers, state by state", () => {
  it("Yangpu (decision after the interview, report-in at the end)", () => {
    expect(offered(yangpu, facts("screened"))).toEqual({
      primary: "advance→interview",
      more: ["rescreen", "return", "reject"],
    })
    // Ineligible: Advance is still offered (the kernel explains the refusal), and so is the waiver.
    expect(offered(yangpu, facts("screened", { outcome: "ineligible" })).more).toEqual([
      "waive",
      "rescreen",
      "return",
      "reject",
    ])
    expect(offered(yangpu, facts("interview")).primary).toBe("record→interview")
    expect(offered(yangpu, facts("interview", { hasRecord: true }))).toEqual({
      primary: "decide→decided",
      more: ["record", "return", "reject"],
    })
    expect(offered(yangpu, facts("decided", { decided: true }))).toEqual({
      primary: "appoint→appointed",
      more: ["return", "reject"],
    })
    // Appointed: the report-in, or a return (which gives the post back); no rejection once appointed.
    expect(offered(yangpu, facts("appointed", { decided: true }))).toEqual({
      primary: "reportIn→reported_in",
      more: ["return"],
    })
    for (const closed of ["reported_in", "rejected", "withdrawn"])
      expect(offered(yangpu, facts(closed))).toEqual({ primary: null, more: [] })
  })

  it("Guizhou (joint review and inspection need their records; the notice comes before the decision)", () => {
    expect(rowMoves(guizhou, facts("joint_review", { hasRecord: true })).primary).toEqual({
      kind: "advance",
      to: "inspection",
      needsRecord: false,
    })
    expect(rowMoves(guizhou, facts("joint_review")).primary).toEqual({
      kind: "advance",
      to: "inspection",
      needsRecord: true,
    })
    // StartNotice carries no record: the inspection is recorded first, then the notice starts.
    expect(offered(guizhou, facts("inspection"))).toEqual({
      primary: "record→inspection",
      more: ["return", "reject"],
    })
    expect(offered(guizhou, facts("inspection", { hasRecord: true })).primary).toBe(
      "startNotice→public_notice",
    )
    expect(offered(guizhou, facts("public_notice"))).toEqual({
      primary: "decide→decided",
      more: ["fileObjection", "return", "reject"],
    })
    expect(offered(guizhou, facts("public_notice", { openObjections: 1 })).more).toEqual([
      "fileObjection",
      "resolveObjection",
      "return",
      "reject",
    ])
    // The path ends at the appointment: no report-in is offered.
    expect(offered(guizhou, facts("appointed", { decided: true }))).toEqual({
      primary: null,
      more: ["return"],
    })
  })

  it("Anqiu (shortlist, decision, then the notice before the appointment)", () => {
    expect(offered(anqiu, facts("screened")).primary).toBe("advance→shortlisted")
    expect(offered(anqiu, facts("shortlisted")).primary).toBe("decide→decided")
    expect(offered(anqiu, facts("decided", { decided: true })).primary).toBe("startNotice→public_notice")
    expect(offered(anqiu, facts("public_notice", { decided: true, openObjections: 2 }))).toEqual({
      primary: "appoint→appointed",
      more: ["fileObjection", "resolveObjection", "return", "reject"],
    })
  })

  it("draft and off-path states offer nothing the staff can do but nothing breaks", () => {
    expect(offered(yangpu, facts("draft"))).toEqual({ primary: null, more: [] })
    expect(offered(yangpu, facts("inspection"))).toEqual({ primary: null, more: [] })
  })
})

describe("helpers", () => {
  it("earlierSteps lists where a return may go", () => {
    expect(earlierSteps(guizhou, "inspection").map((s) => s.state)).toEqual([
      "draft",
      "submitted",
      "screened",
      "joint_review",
    ])
    expect(earlierSteps(guizhou, "draft")).toEqual([])
    expect(earlierSteps(guizhou, "rejected")).toEqual([])
  })

  it("factsOf reads the stored record, the verdict, open objections and the decision", () => {
    expect(
      factsOf({
        state: "public_notice",
        application: {
          verdict: { outcome: "eligible" },
          records: { interview: { _tag: "Interview" } },
          notice: { objections: [{ resolution: { upheld: false } }, {}, {}] },
          decision: { outcome: "approved" },
        },
      }),
    ).toEqual({
      state: "public_notice",
      hasRecord: false,
      outcome: "eligible",
      openObjections: 2,
      decided: true,
    })
    expect(factsOf({ state: "interview", application: { records: { interview: {} } } }).hasRecord).toBe(true)
  })

  it("nextObjectionId skips numbers in use", () => {
    expect(nextObjectionId([])).toBe("YY-1")
    expect(nextObjectionId([{ id: "YY-2" }])).toBe("YY-3")
    expect(nextObjectionId([{ id: "YY-2" }, { id: "A" }])).toBe("YY-3")
    expect(nextObjectionId([{ id: "YY-3" }, { id: "YY-2" }])).toBe("YY-4")
  })

  it("meanScore averages the Yangpu demo interview (86, 90, 84) to two decimals", () => {
    expect(meanScore([{ score: 86 }, { score: 90 }, { score: 84 }])).toBe("86.67")
    expect(meanScore([])).toBe("—")
  })

  it("postChoices: the campaign's posts, else the vacant posts in its region", () => {
    const posts = [
      {
        id: "post-da-minzhu",
        regionPath: "/510000/510300/510304/510304101/",
        status: "filled",
        title: "民主村",
      },
      {
        id: "post-da-shuanghe",
        regionPath: "/510000/510300/510304/510304102/",
        status: "vacant",
        title: "双河村",
      },
      { id: "post-hs-wuhu", regionPath: "/340000/340300/340311/", status: "vacant", title: "吴湖村" },
    ]
    const daan = { postIds: ["post-da-minzhu", "post-da-shuanghe"], regionPath: "/510000/510300/510304/" }
    expect(postChoices(daan, posts).map((c) => [c.id, c.post?.status])).toEqual([
      ["post-da-minzhu", "filled"],
      ["post-da-shuanghe", "vacant"],
    ])
    expect(
      postChoices({ postIds: [], regionPath: "/510000/510300/510304/" }, posts).map((c) => c.id),
    ).toEqual(["post-da-shuanghe"])
    expect(postChoices({ postIds: ["post-x"], regionPath: "/" }, []).map((c) => [c.id, c.post])).toEqual([
      ["post-x", undefined],
    ])
  })

  it("recordFrom builds each step's record, trimmed, with blank team members dropped", () => {
    expect(
      recordFrom("inspection", {
        team: [" 李考察 ", "", "王组员"],
        date: "2026-12-01",
        politics: " 坚定 ",
        ability: "强",
        service: "好",
        standing: "高",
      }),
    ).toEqual({
      _tag: "Inspection",
      team: ["李考察", "王组员"],
      date: "2026-12-01",
      findings: { politics: "坚定", ability: "强", service: "好", standing: "高" },
    })
    expect(recordFrom("interview", { scores: [{ rater: "考官一", score: 88 }] })).toEqual({
      _tag: "Interview",
      scores: [{ rater: "考官一", score: 88 }],
    })
    expect(
      recordFrom("joint_review", { opinions: [{ department: "纪检 ", agree: false, note: " 有信访件 " }] }),
    ).toEqual({ _tag: "JointReview", opinions: [{ department: "纪检", agree: false, note: "有信访件" }] })
    expect(recordFrom("qualification_review", { reviewer: "张审", passed: true })).toEqual({
      _tag: "QualificationReview",
      reviewer: "张审",
      passed: true,
      note: "",
    })
    expect(() => recordFrom("inspection", { team: [" "] })).toThrow(RangeError)
  })
})

describe("onlyYours: a row offers only the caller's moves (issue 13)", () => {
  it("offers a street reading the district's campaign nothing it would be refused", () => {
    const all = rowMoves(yangpu, facts("screened", { outcome: "ineligible" }))
    expect(all.primary?.kind).toBe("advance")
    expect(onlyYours(all, [])).toEqual({ primary: undefined, more: [] })
  })

  it("keeps a reviewer's review moves and drops the runner's waiver", () => {
    const all = rowMoves(yangpu, facts("screened", { outcome: "ineligible" }))
    expect(all.more).toEqual(expect.arrayContaining(["waive", "rescreen", "reject"]))
    const reviewer = onlyYours(all, ["Advance", "Record", "Reject", "Return"])
    expect(reviewer.primary?.kind).toBe("advance")
    expect(reviewer.more).toEqual(all.more.filter((k) => k === "reject" || k === "return"))
  })
})
