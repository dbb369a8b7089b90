import { Either, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CalendarYearUnknown } from "../calendar/WorkCalendar.js"
import { PersonId } from "../person/Profile.js"
import {
  campaignFor,
  contextFor,
  date,
  drive,
  fullPath,
  RECOMMENDATION,
  RECORDS,
  verdictFor,
} from "./fixtures.js"
import { FindingsUnresolved } from "./Findings.js"
import { IllegalMove } from "./IllegalMove.js"
import { Application, type Campaign, type Move, type MoveTag } from "./Model.js"
import { nextStep, type Path } from "./Path.js"
import { PROCEDURE, type State, TERMINAL } from "./State.js"
import { newApplication, type TransitionContext, tally, transition } from "./Transition.js"

const path = fullPath()
const campaign = campaignFor(path)
const person = Schema.decodeSync(PersonId)("p-1")
const fresh = (c: Campaign = campaign) => newApplication({ id: "a-1", personId: person, campaign: c })
const ctx = (
  on = "2025-09-20",
  role: TransitionContext["by"]["role"] = "org_dept_admin",
  c: Campaign = campaign,
  p: Path = path,
) => contextFor(p, c, on, role)

const submit: Move = { _tag: "Submit", channel: "unit_recommendation", recommendation: RECOMMENDATION }
const screen = (a: Application, outcome: "eligible" | "ineligible" = "eligible"): Move => ({
  _tag: "Screen",
  verdict: verdictFor(a, outcome),
})
const decide: Move = {
  _tag: "Decide",
  outcome: "approved",
  meeting: { body: "org_dept_meeting", reference: "部务会 2025-9" },
  date: date("2025-09-22"),
}
const startNotice: Move = { _tag: "StartNotice", days: 5, start: date("2025-09-26"), countFrom: "day_after" }

/** The legal route through the full path, with the date each move is made on. */
const ROUTE: ReadonlyArray<readonly [State, Move, string]> = [
  ["draft", submit, "2025-09-02"],
  ["submitted", screen(fresh()), "2025-09-03"],
  ["screened", { _tag: "Advance", from: "screened", to: "qualification_review" }, "2025-09-04"],
  [
    "qualification_review",
    {
      _tag: "Advance",
      from: "qualification_review",
      to: "joint_review",
      record: RECORDS.qualification_review,
    },
    "2025-09-05",
  ],
  [
    "joint_review",
    { _tag: "Advance", from: "joint_review", to: "inspection", record: RECORDS.joint_review },
    "2025-09-08",
  ],
  [
    "inspection",
    { _tag: "Advance", from: "inspection", to: "interview", record: RECORDS.inspection },
    "2025-09-11",
  ],
  [
    "interview",
    { _tag: "Advance", from: "interview", to: "shortlisted", record: RECORDS.interview },
    "2025-09-15",
  ],
  ["shortlisted", decide, "2025-09-22"],
  ["decided", startNotice, "2025-09-26"],
]

/** An application in `state` on the full path (public_notice: notice running until 10 Oct, objection o1 open). */
const inState = (state: State): Application => {
  if (state === "withdrawn") return drive(fresh(), [[{ _tag: "Withdraw" }, ctx("2025-09-02", "applicant")]])
  if (state === "rejected")
    return drive(fresh(), [
      [submit, ctx()],
      [{ _tag: "Reject", reason: "不符合条件" }, ctx()],
    ])
  const upTo = PROCEDURE.indexOf(state as (typeof PROCEDURE)[number])
  const steps = ROUTE.filter(([s]) => PROCEDURE.indexOf(s as (typeof PROCEDURE)[number]) < upTo).map(
    ([, m, on]) => [m, ctx(on)] as const,
  )
  let app = drive(fresh(), steps)
  if (upTo >= PROCEDURE.indexOf("appointed")) {
    app = drive(app, [
      [{ _tag: "FileObjection", objectionId: "o1", summary: "反映其工作作风问题" }, ctx("2025-09-29")],
      [
        { _tag: "ResolveObjection", objectionId: "o1", finding: "经核查不属实", upheld: false },
        ctx("2025-10-09"),
      ],
      [{ _tag: "Appoint", postId: "post-1" }, ctx("2025-10-13")],
    ])
  }
  if (state === "reported_in")
    app = drive(app, [[{ _tag: "ReportIn", date: date("2025-10-20") }, ctx("2025-10-20")]])
  if (state === "public_notice")
    app = drive(app, [
      [{ _tag: "FileObjection", objectionId: "o1", summary: "反映其工作作风问题" }, ctx("2025-09-29")],
    ])
  expect(app.state).toBe(state)
  return app
}

const recordFor = (s: State) =>
  s === "qualification_review" || s === "joint_review" || s === "inspection" || s === "interview"
    ? RECORDS[s]
    : RECORDS.joint_review

/** One representative move of each kind, shaped for the state it is tried in. */
const moveFor = (tag: MoveTag, s: State, app: Application): Move => {
  const i = path.steps.findIndex((x) => x.state === s)
  switch (tag) {
    case "Submit":
      return submit
    case "Screen":
      return screen(app)
    case "Waive":
      return { _tag: "Waive", verdict: verdictFor(app, "eligible", { waived: true }) }
    case "Advance": {
      const to = nextStep(path, s) ?? "joint_review"
      return { _tag: "Advance", from: s, to, record: recordFor(s) }
    }
    case "Record":
      return { _tag: "Record", record: recordFor(s) }
    case "Return":
      return { _tag: "Return", to: path.steps[i - 1]?.state ?? "draft", reason: "材料不全，退回补充" }
    case "Withdraw":
      return { _tag: "Withdraw", reason: "个人原因" }
    case "Reject":
      return { _tag: "Reject", reason: "未入选" }
    case "Decide":
      return decide
    case "StartNotice":
      return startNotice
    case "FileObjection":
      return { _tag: "FileObjection", objectionId: "o2", summary: "另一件异议" }
    case "ResolveObjection":
      return { _tag: "ResolveObjection", objectionId: "o1", finding: "经核查不属实", upheld: false }
    case "ResolveFinding":
      // No finding awaits review on the eligible verdicts of this grid: refused everywhere (finding_not_open).
      return {
        _tag: "ResolveFinding",
        ruleId: "rank",
        outcome: "confirmed",
        reason: "经核实",
        date: date("2025-09-20"),
      }
    case "OverrideOpinion":
      // No department disagreed on this grid's records: refused everywhere (no_disagreement or wrong_state).
      return {
        _tag: "OverrideOpinion",
        department: "纪检",
        reason: "经研究不影响任用",
        meeting: { body: "org_dept_meeting" },
        date: date("2025-09-20"),
      }
    case "OverrideDeadline":
      // This grid's campaign has no timetable: refused everywhere (no_deadline, or closed).
      return { _tag: "OverrideDeadline", stageId: "recommend", reason: "经研究同意逾期补办" }
    case "Appoint":
      return { _tag: "Appoint", postId: "post-1" }
    case "ReportIn":
      return { _tag: "ReportIn", date: date("2025-10-20") }
  }
}

const TAGS: ReadonlyArray<MoveTag> = [
  "Submit",
  "Screen",
  "Waive",
  "Advance",
  "Record",
  "Return",
  "Withdraw",
  "Reject",
  "Decide",
  "StartNotice",
  "FileObjection",
  "ResolveObjection",
  "ResolveFinding",
  "OverrideOpinion",
  "OverrideDeadline",
  "Appoint",
  "ReportIn",
]

const REVIEW: ReadonlyArray<MoveTag> = ["Advance", "Record", "Return", "Withdraw", "Reject"]
/** The legal moves in each state of the full path; every other (state, move) pair must be refused. */
const LEGAL: Readonly<Record<State, ReadonlyArray<MoveTag>>> = {
  draft: ["Submit", "Withdraw"],
  submitted: ["Screen", "Return", "Withdraw", "Reject"],
  screened: ["Screen", "Waive", "Advance", "Return", "Withdraw", "Reject"],
  qualification_review: REVIEW,
  joint_review: REVIEW,
  inspection: REVIEW,
  interview: REVIEW,
  shortlisted: ["Decide", "Return", "Withdraw", "Reject"],
  decided: ["StartNotice", "Return", "Reject"],
  public_notice: ["FileObjection", "ResolveObjection", "Return", "Reject"],
  appointed: ["ReportIn", "Return"],
  reported_in: [],
  withdrawn: [],
  rejected: [],
}

describe("every state × every move on the full path", () => {
  const STATES: ReadonlyArray<State> = [...PROCEDURE, ...TERMINAL]
  for (const s of STATES) {
    const app = inState(s)
    for (const tag of TAGS) {
      const legal = LEGAL[s].includes(tag)
      it(`${s} × ${tag} → ${legal ? "legal" : "IllegalMove"}`, () => {
        const on = s === "public_notice" ? "2025-09-30" : "2025-10-20"
        const r = transition(
          app,
          moveFor(tag, s, app),
          ctx(on, tag === "Withdraw" ? "applicant" : "org_dept_admin"),
        )
        if (legal) {
          expect(Either.isRight(r) ? "legal" : r.left.message).toBe("legal")
          if (Either.isRight(r)) {
            expect(r.right.schemeVersion).toBe(app.schemeVersion)
            expect(r.right.history).toHaveLength(app.history.length + 1)
            expect(r.right.history.at(-1)).toMatchObject({
              from: s,
              to: r.right.state,
              on: on,
              move: { _tag: tag },
            })
          }
        } else {
          expect(Either.isLeft(r)).toBe(true)
          if (Either.isLeft(r)) {
            expect(r.left).toBeInstanceOf(IllegalMove)
            if (r.left instanceof IllegalMove) {
              expect(r.left.state).toBe(s)
              expect(r.left.move).toBe(tag)
              expect(r.left.message).toMatch(/当前环节“.+”不能“.+”.* \/ Cannot .+ in state "/)
            }
          }
        }
      })
    }
  }
})

describe("guards", () => {
  it("an application is stored and decoded as JSON, history included", () => {
    const app = inState("public_notice")
    const round = Schema.decodeUnknownSync(Application)(
      JSON.parse(JSON.stringify(Schema.encodeSync(Application)(app))),
    )
    expect(round).toEqual(app)
  })

  it("the history records who moved and when", () => {
    const app = inState("screened")
    expect(app.history.map((h) => [h.move._tag, h.from, h.to, h.by, h.role, h.on])).toEqual([
      ["Submit", "draft", "submitted", "acc-admin", "org_dept_admin", "2025-09-02"],
      ["Screen", "submitted", "screened", "acc-admin", "org_dept_admin", "2025-09-03"],
    ])
  })

  it("a closed channel is refused; a unit recommendation needs its meeting and date", () => {
    const c = campaignFor(path, { channels: ["unit_recommendation"] })
    const r1 = transition(
      fresh(c),
      { _tag: "Submit", channel: "self_registration" },
      ctx("2025-09-02", "applicant", c),
    )
    expect(Either.isLeft(r1) && r1.left._tag === "IllegalMove" && r1.left.reason).toBe("channel_closed")
    const r2 = transition(
      fresh(c),
      { _tag: "Submit", channel: "unit_recommendation" },
      ctx("2025-09-02", "org_dept_admin", c),
    )
    expect(Either.isLeft(r2) && r2.left._tag === "IllegalMove" && r2.left.reason).toBe(
      "recommendation_missing",
    )
  })

  it("a verdict of another scheme version or person is refused", () => {
    const app = inState("submitted")
    const other = { ...verdictFor(app), schemeVersion: 2 }
    const r = transition(app, { _tag: "Screen", verdict: other }, ctx())
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("version_mismatch")
    const r2 = transition(
      app,
      { _tag: "Screen", verdict: { ...verdictFor(app), personId: Schema.decodeSync(PersonId)("p-2") } },
      ctx(),
    )
    expect(Either.isLeft(r2) && r2.left._tag === "IllegalMove" && r2.left.reason).toBe("person_mismatch")
  })

  it("an application of another scheme version than the campaign's cannot move at all", () => {
    const app = { ...inState("submitted"), schemeVersion: 2 }
    const r = transition(app, screen(app), ctx())
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("version_mismatch")
  })

  it("an ineligible verdict blocks the next step; a waiver re-screen unblocks it", () => {
    const app = drive(inState("submitted"), [[screen(fresh(), "ineligible"), ctx()]])
    const adv: Move = { _tag: "Advance", from: "screened", to: "qualification_review" }
    const r = transition(app, adv, ctx())
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("ineligible")
    const noWaiver = transition(app, { _tag: "Waive", verdict: verdictFor(app) }, ctx())
    expect(Either.isLeft(noWaiver) && noWaiver.left._tag === "IllegalMove" && noWaiver.left.reason).toBe(
      "no_waiver",
    )
    // A waiver the kernel refused (the rule may not be waived) is named in the refusal, not just "no waiver".
    const refused = transition(
      app,
      {
        _tag: "Waive",
        verdict: {
          ...verdictFor(app),
          refusedWaivers: [
            {
              waiver: {
                ruleId: "party_standing",
                reason: "工作需要",
                approver: "区委组织部",
                approvedOn: "2020-12-10",
              },
              reason: "not_waivable",
              message: { zh: "条件“party_standing”不可放宽", en: 'Rule "party_standing" cannot be waived' },
            },
          ],
        } as never,
      },
      ctx(),
    )
    expect(Either.isLeft(refused) && refused.left._tag === "IllegalMove" && refused.left.detail).toEqual({
      zh: "该结论未含任何放宽限制：条件“party_standing”不可放宽",
      en: 'the verdict applies no waiver: Rule "party_standing" cannot be waived',
    })
    const waived = drive(app, [
      [{ _tag: "Waive", verdict: verdictFor(app, "eligible", { waived: true }) }, ctx()],
    ])
    expect(Either.isRight(transition(waived, adv, ctx()))).toBe(true)
  })

  it("Advance names the state it leaves: a stale `from` is refused (two reviewers at once)", () => {
    const app = inState("joint_review")
    const r = transition(
      app,
      {
        _tag: "Advance",
        from: "qualification_review",
        to: "joint_review",
        record: RECORDS.qualification_review,
      },
      ctx(),
    )
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("stale_state")
  })

  it("a review step cannot be left without its record, nor with another step's record, nor after a failed review", () => {
    const app = inState("joint_review")
    const noRecord = transition(app, { _tag: "Advance", from: "joint_review", to: "inspection" }, ctx())
    expect(Either.isLeft(noRecord) && noRecord.left._tag === "IllegalMove" && noRecord.left.reason).toBe(
      "record_missing",
    )
    const wrong = transition(
      app,
      { _tag: "Advance", from: "joint_review", to: "inspection", record: RECORDS.inspection },
      ctx(),
    )
    expect(Either.isLeft(wrong) && wrong.left._tag === "IllegalMove" && wrong.left.reason).toBe(
      "record_mismatch",
    )
    // Told in words a reviewer uses, not the record's type name.
    expect(Either.isLeft(wrong) && wrong.left._tag === "IllegalMove" && wrong.left.text.zh).toBe(
      "当前环节“联审”不能“进入下一环节”：“联审”环节需要联审部门意见，收到的是考察记录",
    )
    const qr = inState("qualification_review")
    const failed = { ...RECORDS.qualification_review, passed: false }
    const r = transition(
      qr,
      { _tag: "Advance", from: "qualification_review", to: "joint_review", record: failed },
      ctx(),
    )
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("review_failed")
  })

  it("Advance cannot skip a step on the path", () => {
    const r = transition(inState("screened"), { _tag: "Advance", from: "screened", to: "inspection" }, ctx())
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("not_next_step")
  })

  it("004 安丘（3） 1:2: with 1 place at most 2 are shortlisted; the third is refused with the arithmetic", () => {
    const c = campaignFor(path, { places: 1, shortlisted: 2 })
    const app = { ...inState("interview") }
    const r = transition(app, moveFor("Advance", "interview", app), ctx("2025-09-15", "org_dept_admin", c))
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("shortlist_full")
    expect(Either.isLeft(r) && r.left.message).toContain("1 place(s) × ratio 2:1 = 2")
    const ok = transition(
      app,
      moveFor("Advance", "interview", app),
      ctx("2025-09-15", "org_dept_admin", { ...c, shortlisted: 1 }),
    )
    expect(Either.isRight(ok)).toBe(true)
  })

  it("a decided application is not decided again; after a Return before the decision it can be", () => {
    const app = inState("decided")
    const again = transition(app, decide, ctx())
    expect(Either.isLeft(again) && again.left._tag === "IllegalMove" && again.left.reason).toBe(
      "after_decision",
    )
    const back = drive(app, [[{ _tag: "Return", to: "shortlisted", reason: "需重新研究" }, ctx()]])
    expect(back.decision).toBeUndefined()
    expect(back.records.interview).toEqual(RECORDS.interview) // earlier steps keep their records
    expect(drive(back, [[decide, ctx("2025-09-23")]]).state).toBe("decided")
  })

  it("Return clears the work done at and after the step returned to", () => {
    const back = drive(inState("shortlisted"), [
      [{ _tag: "Return", to: "joint_review", reason: "补充联审意见" }, ctx()],
    ])
    expect(back.state).toBe("joint_review")
    expect(back.records.qualification_review).toBeDefined()
    expect(back.records.joint_review).toBeUndefined()
    expect(back.records.interview).toBeUndefined()
    expect(back.verdict).toBeDefined()
    const toDraft = drive(back, [[{ _tag: "Return", to: "draft", reason: "退回本人修改" }, ctx()]])
    expect(toDraft.verdict).toBeUndefined()
    expect(
      drive(toDraft, [[{ _tag: "Submit", channel: "self_registration" }, ctx()]]).recommendation,
    ).toBeUndefined()
  })

  it("a decision dated after today is refused", () => {
    const r = transition(
      inState("shortlisted"),
      { ...decide, date: date("2025-12-01") } as Move,
      ctx("2025-09-22"),
    )
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("future_date")
  })

  it("only the applicant withdraws, and only before the decision", () => {
    const r = transition(inState("shortlisted"), { _tag: "Withdraw" }, ctx("2025-09-20", "reviewer"))
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("not_applicant")
    const late = transition(inState("decided"), { _tag: "Withdraw" }, ctx("2025-09-23", "applicant"))
    expect(Either.isLeft(late) && late.left._tag === "IllegalMove" && late.left.reason).toBe("after_decision")
  })
})

describe("public notice (公示) and appointment", () => {
  const appoint: Move = { _tag: "Appoint", postId: "post-1" }
  const reason = (r: Either.Either<Application, unknown>) =>
    Either.isLeft(r) && r.left instanceof IllegalMove ? r.left.reason : Either.isRight(r) ? "ok" : "other"

  it("the notice's last day is computed on the calendar: 5 working days from 26 Sep 2025 end 10 Oct (National Day)", () => {
    expect(inState("public_notice").notice?.lastDay).toBe("2025-10-10")
  })

  it("appointment is blocked while the notice runs, then while an objection is open, then allowed", () => {
    const app = inState("public_notice")
    expect(reason(transition(app, appoint, ctx("2025-10-10")))).toBe("notice_running")
    expect(reason(transition(app, appoint, ctx("2025-10-13")))).toBe("objection_open")
    const resolved = drive(app, [
      [
        { _tag: "ResolveObjection", objectionId: "o1", finding: "经核查不属实", upheld: false },
        ctx("2025-10-09"),
      ],
    ])
    expect(resolved.notice?.objections[0]?.resolution).toMatchObject({
      upheld: false,
      resolvedOn: "2025-10-09",
    })
    expect(reason(transition(resolved, appoint, ctx("2025-10-13")))).toBe("ok")
  })

  it("an upheld objection blocks appointment until the application is returned or rejected", () => {
    const upheld = drive(inState("public_notice"), [
      [
        { _tag: "ResolveObjection", objectionId: "o1", finding: "经核查属实", upheld: true },
        ctx("2025-10-09"),
      ],
    ])
    expect(reason(transition(upheld, appoint, ctx("2025-10-13")))).toBe("objection_upheld")
    expect(reason(transition(upheld, { _tag: "Reject", reason: "异议属实" }, ctx("2025-10-13")))).toBe("ok")
  })

  it("objections are filed only during the notice (from the day after publication to the last day)", () => {
    const app = drive(inState("decided"), [[startNotice, ctx("2025-09-26")]])
    const file: Move = { _tag: "FileObjection", objectionId: "o9", summary: "异议" }
    expect(reason(transition(app, file, ctx("2025-09-26")))).toBe("notice_closed")
    expect(reason(transition(app, file, ctx("2025-10-10")))).toBe("ok")
    expect(reason(transition(app, file, ctx("2025-10-11")))).toBe("notice_closed")
    const dup = drive(app, [[file, ctx("2025-09-28")]])
    expect(reason(transition(dup, file, ctx("2025-09-29")))).toBe("duplicate_objection")
    expect(
      reason(
        transition(dup, { _tag: "ResolveObjection", objectionId: "zz", finding: "x", upheld: false }, ctx()),
      ),
    ).toBe("unknown_objection")
  })

  it("a notice running into a year the calendar lacks is CalendarYearUnknown, not an ordinary week", () => {
    const r = transition(
      inState("decided"),
      { ...startNotice, start: date("2026-12-28") } as Move,
      ctx("2026-12-28"),
    )
    expect(Either.isLeft(r) && r.left).toBeInstanceOf(CalendarYearUnknown)
  })

  it("places are never over-filled: with 2 places and 2 appointed, Appoint is refused", () => {
    const app = drive(inState("public_notice"), [
      [{ _tag: "ResolveObjection", objectionId: "o1", finding: "不属实", upheld: false }, ctx("2025-10-09")],
    ])
    const full = campaignFor(path, { appointed: 2 })
    const r = transition(app, appoint, ctx("2025-10-13", "org_dept_admin", full))
    expect(reason(r)).toBe("places_full")
    expect(Either.isLeft(r) && r.left.message).toContain("2 appointed for 2 place(s)")
  })

  it("report-in cannot precede the appointment or lie in the future", () => {
    const app = inState("appointed")
    expect(reason(transition(app, { _tag: "ReportIn", date: date("2025-10-12") }, ctx("2025-10-20")))).toBe(
      "future_date",
    )
    expect(reason(transition(app, { _tag: "ReportIn", date: date("2025-10-21") }, ctx("2025-10-20")))).toBe(
      "future_date",
    )
    expect(inState("reported_in").reportedInOn).toBe("2025-10-20")
  })

  it("tally counts the appointed and those at or beyond the shortlist", () => {
    const apps = [
      inState("interview"),
      inState("shortlisted"),
      inState("decided"),
      inState("appointed"),
      inState("rejected"),
    ]
    expect(tally(path, apps)).toEqual({ appointed: 1, shortlisted: 3 })
  })

  it("property: tallying counts per state equals tallying the applications one by one", () => {
    const states = [
      "submitted",
      "screened",
      "interview",
      "shortlisted",
      "decided",
      "appointed",
      "reported_in",
      "rejected",
    ] as const
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...states), { maxLength: 60 }), (list) => {
        const apps = list.map((s) => inState(s))
        const grouped = states.map((state) => ({ state, count: list.filter((s) => s === state).length }))
        expect(tally(path, grouped)).toEqual(tally(path, apps))
      }),
    )
  })
})

describe("issue 13: needs_review findings are resolved by a reviewer before the decision", () => {
  // 000 一（一）4 (the yangpu preset's rank rule, unranked → needs_review): the screening could not decide.
  const shortlistedNeedingReview = (): Application => {
    const app = inState("shortlisted")
    return { ...app, verdict: verdictFor(app, "needs_review") }
  }
  const resolve = (outcome: "confirmed" | "refused"): Move => ({
    _tag: "ResolveFinding",
    ruleId: "rank",
    outcome,
    reason: outcome === "confirmed" ? "事业单位管理岗，相当于科级，经审核符合" : "无相应职级，经审核不符合",
    date: date("2025-09-20"),
  })

  it("a Decide while a finding still needs review is refused with FindingsUnresolved naming the rule and clause", () => {
    const r = transition(shortlistedNeedingReview(), decide, ctx("2025-09-22"))
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left).toBeInstanceOf(FindingsUnresolved)
      if (r.left instanceof FindingsUnresolved) {
        expect(r.left.open).toEqual([
          { ruleId: "rank", label: { zh: "职级", en: "rank" }, clause: "000 一（一）4" },
        ])
        expect(r.left.text.zh).toContain("000 一（一）4")
        expect(r.left.text.en).toContain("reviewer must confirm or refuse")
      }
    }
  })

  it("confirmed: the finding passes, records who, why and when, and the decision may follow", () => {
    const app = shortlistedNeedingReview()
    const r = transition(app, resolve("confirmed"), ctx("2025-09-20", "reviewer"))
    expect(Either.isRight(r)).toBe(true)
    if (Either.isLeft(r)) return
    const f = r.right.verdict?.findings.find((x) => x.ruleId === "rank")
    expect(f?.status).toBe("pass")
    expect(f?.review).toMatchObject({ outcome: "confirmed", date: "2025-09-20", role: "reviewer" })
    expect(r.right.verdict?.outcome).toBe("eligible")
    expect(r.right.state).toBe("shortlisted")
    expect(r.right.history.at(-1)?.move._tag).toBe("ResolveFinding")
    expect(Either.isRight(transition(r.right, decide, ctx("2025-09-22")))).toBe(true)
  })

  it("refused: the rule fails, the application is ineligible and cannot be approved", () => {
    const r = transition(shortlistedNeedingReview(), resolve("refused"), ctx("2025-09-20", "reviewer"))
    expect(Either.isRight(r)).toBe(true)
    if (Either.isLeft(r)) return
    expect(r.right.verdict?.outcome).toBe("ineligible")
    const d = transition(r.right, decide, ctx("2025-09-22"))
    expect(Either.isLeft(d) && d.left instanceof IllegalMove && d.left.reason).toBe("ineligible")
    // Not approving stays possible.
    expect(
      Either.isRight(transition(r.right, { ...decide, outcome: "not_approved" } as Move, ctx("2025-09-22"))),
    ).toBe(true)
  })

  it("a finding can be resolved once, not after the decision, and not with a date in the future", () => {
    const app = shortlistedNeedingReview()
    const once = transition(app, resolve("confirmed"), ctx("2025-09-20", "reviewer"))
    if (Either.isLeft(once)) throw once.left
    const twice = transition(once.right, resolve("refused"), ctx("2025-09-20", "reviewer"))
    expect(Either.isLeft(twice) && twice.left instanceof IllegalMove && twice.left.reason).toBe(
      "finding_not_open",
    )
    const future = transition(app, resolve("confirmed"), ctx("2025-09-19", "reviewer"))
    expect(Either.isLeft(future) && future.left instanceof IllegalMove && future.left.reason).toBe(
      "future_date",
    )
    const decided = { ...inState("decided"), verdict: verdictFor(app, "needs_review") }
    const late = transition(decided, resolve("confirmed"), ctx("2025-10-20", "reviewer"))
    expect(Either.isLeft(late) && late.left instanceof IllegalMove && late.left.reason).toBe("wrong_state")
  })
})
