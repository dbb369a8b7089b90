import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { evaluate } from "../eligibility/Evaluate.js"
import { Waiver } from "../eligibility/Finding.js"
import { makeProfile } from "../eligibility/fixtures.js"
import { PersonId } from "../person/Profile.js"
import { loadPreset } from "../scheme/Preset.js"
import {
  anqiuDownSecondment,
  guizhouStreetReservePool,
  yangpuCommunitySecretary,
} from "../scheme/presets/index.js"
import { make } from "../shared/LocalDate.js"
import { campaignFor, contextFor, drive, RECOMMENDATION, RECORDS, verdictFor } from "./fixtures.js"
import { IllegalMove } from "./IllegalMove.js"
import type { Application, Campaign, Move } from "./Model.js"
import { authorise } from "./Authority.js"
import { derivePath } from "./Path.js"
import { newApplication, tally, transition } from "./Transition.js"

const reason = (r: Either.Either<Application, unknown>) =>
  Either.isLeft(r) ? (r.left instanceof IllegalMove ? r.left.reason : "other") : "ok"

describe("000 Yangpu: unit recommendation → interview → 部务会 → placement → report-in", () => {
  const scheme = loadPreset(yangpuCommunitySecretary)
  const path = derivePath(scheme)
  const campaign = campaignFor(path, { places: 1, channels: ["unit_recommendation"], schemeId: scheme.id })
  const ctx = (on: string, c: Campaign = campaign) => contextFor(path, c, on)
  const referenceDate = make("2025-12-18")

  it("000 一（一）5 + 二（一）: a 39-year-old is screened ineligible, waived by the 部务会, and runs to report-in", () => {
    const profile = makeProfile({ birthDate: "1986-12-01" })
    const app0 = newApplication({ id: "a-1", personId: profile.id, campaign })
    const self = transition(app0, { _tag: "Submit", channel: "self_registration" }, ctx("2025-12-10"))
    expect(reason(self)).toBe("channel_closed") // 000 二（一）: only the unit recommends
    const screened = drive(app0, [
      [{ _tag: "Submit", channel: "unit_recommendation", recommendation: RECOMMENDATION }, ctx("2025-12-10")],
      [{ _tag: "Screen", verdict: evaluate(scheme, profile, { referenceDate }) }, ctx("2025-12-19")],
    ])
    expect(screened.verdict?.outcome).toBe("ineligible")
    expect(
      reason(transition(screened, { _tag: "Advance", from: "screened", to: "interview" }, ctx("2025-12-20"))),
    ).toBe("ineligible")
    const waiver = Schema.decodeUnknownSync(Waiver)({
      ruleId: "age",
      reason: "特别优秀",
      approver: "区委组织部部务会",
      approvedOn: "2025-12-20",
    })
    const waived = drive(screened, [
      [
        { _tag: "Waive", verdict: evaluate(scheme, profile, { referenceDate, waivers: [waiver] }) },
        ctx("2025-12-20"),
      ],
      [{ _tag: "Advance", from: "screened", to: "interview" }, ctx("2025-12-22")],
      [{ _tag: "Record", record: RECORDS.interview }, ctx("2025-12-26")],
    ])
    // Issue 13: the attested rules (000 一（一）3–4) the applicant's profile does not vouch for need a reviewer's
    // confirmation before the 部务会 decides.
    const open = waived.verdict?.findings.filter((f) => f.status === "needs_review") ?? []
    expect(open.map((f) => f.citation.clause)).toContain("一（一）3")
    const done = drive(waived, [
      ...open.map(
        (f) =>
          [
            {
              _tag: "ResolveFinding",
              ruleId: f.ruleId,
              outcome: "confirmed",
              reason: "经单位党委鉴定和考察核实",
              date: make("2025-12-27"),
            },
            ctx("2025-12-27"),
          ] as const,
      ),
      [
        {
          _tag: "Decide",
          outcome: "approved",
          meeting: { body: "org_dept_meeting" },
          date: make("2025-12-30"),
        },
        ctx("2025-12-30"),
      ],
      [{ _tag: "Appoint", postId: "某街道某居民区" }, ctx("2026-01-12")],
      [{ _tag: "ReportIn", date: make("2026-01-15") }, ctx("2026-01-15")],
    ])
    expect(done.state).toBe("reported_in")
    expect(done.verdict?.findings.find((f) => f.ruleId === "age")?.status).toBe("waived")
    expect(done.history.map((h) => h.to)).toEqual([
      "submitted",
      "screened",
      "screened",
      "interview",
      "interview",
      ...open.map(() => "interview"),
      "decided",
      "appointed",
      "reported_in",
    ])
  })

  it("000: with 1 place, a second approved cadre cannot be appointed", () => {
    const personId = Schema.decodeSync(PersonId)("p-2")
    const app = drive(newApplication({ id: "a-2", personId, campaign }), [
      [{ _tag: "Submit", channel: "unit_recommendation", recommendation: RECOMMENDATION }, ctx("2025-12-10")],
      [
        {
          _tag: "Screen",
          verdict: verdictFor({ personId, schemeId: scheme.id, schemeVersion: scheme.version }),
        },
        ctx("2025-12-19"),
      ],
      [{ _tag: "Advance", from: "screened", to: "interview" }, ctx("2025-12-22")],
      [{ _tag: "Record", record: RECORDS.interview }, ctx("2025-12-26")],
      [
        {
          _tag: "Decide",
          outcome: "approved",
          meeting: { body: "org_dept_meeting" },
          date: make("2025-12-30"),
        },
        ctx("2025-12-30"),
      ],
    ])
    const full = { ...campaign, appointed: 1 }
    expect(reason(transition(app, { _tag: "Appoint", postId: "x" }, ctx("2026-01-12", full)))).toBe(
      "places_full",
    )
  })
})

describe("001 Guizhou reserve pool: recommendation → 公示 → joint review → inspection → street decision", () => {
  const scheme = loadPreset(guizhouStreetReservePool)
  const path = derivePath(scheme)
  const campaign = campaignFor(path, {
    places: 2,
    channels: ["organisation_recommendation"],
    schemeId: scheme.id,
  })
  const ctx = (on: string) => contextFor(path, campaign, on)
  const personId = Schema.decodeSync(PersonId)("p-9")
  const decide: Move = {
    _tag: "Decide",
    outcome: "approved",
    meeting: { body: "street" },
    date: make("2025-07-18"),
  }

  it("001 四（二）1–3: the community's 公示 comes first; the street's review waits for it to end and its objections to be resolved", () => {
    const inNotice = drive(newApplication({ id: "g-1", personId, campaign }), [
      [{ _tag: "Submit", channel: "organisation_recommendation" }, ctx("2025-07-07")],
      [
        {
          _tag: "Screen",
          verdict: verdictFor({ personId, schemeId: scheme.id, schemeVersion: scheme.version }),
        },
        ctx("2025-07-07"),
      ],
      // Published Mon 7 Jul; 5 working days from the next day: 8, 9, 10, 11, 14 Jul.
      [
        { _tag: "StartNotice", days: 5, start: make("2025-07-07"), countFrom: "day_after" },
        ctx("2025-07-07"),
      ],
      [{ _tag: "FileObjection", objectionId: "o1", summary: "反映其参加宗教活动" }, ctx("2025-07-09")],
    ])
    expect(inNotice.notice?.lastDay).toBe("2025-07-14")
    const toReview: Move = { _tag: "Advance", from: "public_notice", to: "joint_review" }
    // Issue 20: the joint review (四（二）2) does not come before the notice, and the decision cannot jump it.
    expect(reason(transition(inNotice, decide, ctx("2025-07-15")))).not.toBe("ok")
    expect(reason(transition(inNotice, toReview, ctx("2025-07-14")))).toBe("notice_running")
    expect(reason(transition(inNotice, toReview, ctx("2025-07-15")))).toBe("objection_open")
    const resolved = drive(inNotice, [
      [
        { _tag: "ResolveObjection", objectionId: "o1", finding: "经核查不属实", upheld: false },
        ctx("2025-07-14"),
      ],
    ])
    const inspected = drive(resolved, [
      [toReview, ctx("2025-07-15")],
      [
        { _tag: "Advance", from: "joint_review", to: "inspection", record: RECORDS.joint_review },
        ctx("2025-07-16"),
      ],
      [{ _tag: "Record", record: RECORDS.inspection }, ctx("2025-07-16")],
    ])
    const decided = drive(inspected, [[decide, ctx("2025-07-18")]])
    expect(decided.state).toBe("decided")
    // Before the decision the nominee may still withdraw; after it, not.
    expect(
      reason(
        transition(inspected, { _tag: "Withdraw" }, contextFor(path, campaign, "2025-07-17", "applicant")),
      ),
    ).toBe("ok")
    expect(
      reason(
        transition(decided, { _tag: "Withdraw" }, contextFor(path, campaign, "2025-07-19", "applicant")),
      ),
    ).toBe("after_decision")
    expect(drive(decided, [[{ _tag: "Appoint", postId: "principal" }, ctx("2025-07-19")]]).state).toBe(
      "appointed",
    )
  })
})

describe("004 Anqiu: application → 1:2 shortlist → standing committee → publication", () => {
  const scheme = loadPreset(anqiuDownSecondment)
  const path = derivePath(scheme)
  const base = campaignFor(path, { places: 1, channels: ["unit_recommendation"], schemeId: scheme.id })

  it("004 安丘 规范选派程序（3）: with one place, two are shortlisted and the third is refused", () => {
    let apps: ReadonlyArray<Application> = ["x", "y", "z"].map((k) => {
      const personId = Schema.decodeSync(PersonId)(`p-${k}`)
      return drive(newApplication({ id: `q-${k}`, personId, campaign: base }), [
        [
          { _tag: "Submit", channel: "unit_recommendation", recommendation: RECOMMENDATION },
          contextFor(path, base, "2025-03-03"),
        ],
        [
          {
            _tag: "Screen",
            verdict: verdictFor({ personId, schemeId: scheme.id, schemeVersion: scheme.version }),
          },
          contextFor(path, base, "2025-03-04"),
        ],
      ])
    })
    const results = apps.map((_, i) => {
      const app = apps[i] as Application
      const r = transition(
        app,
        { _tag: "Advance", from: "screened", to: "shortlisted" },
        contextFor(path, { ...base, ...tally(path, apps) }, "2025-03-10"),
      )
      if (Either.isRight(r)) apps = apps.map((a, j) => (j === i ? r.right : a))
      return reason(r)
    })
    expect(results).toEqual(["ok", "ok", "shortlist_full"])
    expect(tally(path, apps).shortlisted).toBe(2)
  })

  it("004 安丘（3）: the standing committee decides, the decision is published, then the cadre is appointed", () => {
    const personId = Schema.decodeSync(PersonId)("p-a")
    const ctx = (on: string) => contextFor(path, base, on)
    const app = drive(newApplication({ id: "q-a", personId, campaign: base }), [
      [{ _tag: "Submit", channel: "unit_recommendation", recommendation: RECOMMENDATION }, ctx("2025-03-03")],
      [
        {
          _tag: "Screen",
          verdict: verdictFor({ personId, schemeId: scheme.id, schemeVersion: scheme.version }),
        },
        ctx("2025-03-04"),
      ],
      [{ _tag: "Advance", from: "screened", to: "shortlisted" }, ctx("2025-03-10")],
      [
        {
          _tag: "Decide",
          outcome: "approved",
          meeting: { body: "standing_committee" },
          date: make("2025-03-20"),
        },
        ctx("2025-03-20"),
      ],
      [
        { _tag: "StartNotice", days: 5, start: make("2025-03-21"), countFrom: "day_after" },
        ctx("2025-03-21"),
      ],
    ])
    expect(app.notice?.lastDay).toBe("2025-03-28")
    expect(reason(transition(app, { _tag: "Appoint", postId: "某镇副镇长" }, ctx("2025-03-28")))).toBe(
      "notice_running",
    )
    expect(drive(app, [[{ _tag: "Appoint", postId: "某镇副镇长" }, ctx("2025-03-31")]]).state).toBe(
      "appointed",
    )
  })
})

describe("issue 13, 001 四（二）2: joint review needs every department the scheme lists; a 'no' blocks until overridden", () => {
  const scheme = loadPreset(guizhouStreetReservePool)
  const path = derivePath(scheme)
  const campaign = campaignFor(path, {
    places: 2,
    channels: ["organisation_recommendation"],
    schemeId: scheme.id,
  })
  const ctx = (on: string) => contextFor(path, campaign, on)
  const personId = Schema.decodeSync(PersonId)("p-jr")
  // 001 四（二）1 first: the community's 公示 (Tue 1 July, 5 working days from the next day: to 8 July).
  const atJointReview = drive(newApplication({ id: "jr-1", personId, campaign }), [
    [{ _tag: "Submit", channel: "organisation_recommendation" }, ctx("2025-07-01")],
    [
      {
        _tag: "Screen",
        verdict: verdictFor({ personId, schemeId: scheme.id, schemeVersion: scheme.version }),
      },
      ctx("2025-07-01"),
    ],
    [{ _tag: "StartNotice", days: 5, start: make("2025-07-01"), countFrom: "day_after" }, ctx("2025-07-01")],
    [{ _tag: "Advance", from: "public_notice", to: "joint_review" }, ctx("2025-07-09")],
  ])
  const opinion = (department: string, agree = true) => ({
    department,
    agree,
    note: agree ? "" : "有在查信访件",
  })
  const record = (...opinions: Array<ReturnType<typeof opinion>>): Move => ({
    _tag: "Record",
    record: { _tag: "JointReview", opinions: opinions as never },
  })
  const advance: Move = { _tag: "Advance", from: "joint_review", to: "inspection" }

  it("the scheme names the four departments on the joint-review step", () => {
    const stage = path.steps.find((x) => x.state === "joint_review")?.stages[0]
    expect(stage?.departments).toEqual(["纪检", "公安", "综治", "计生"])
  })

  it("one opinion is not enough: the others are named, with the clause", () => {
    const one = drive(atJointReview, [[record(opinion("纪检")), ctx("2025-07-09")]])
    const r = transition(one, advance, ctx("2025-07-09"))
    expect(reason(r)).toBe("opinions_missing")
    if (Either.isLeft(r)) expect((r.left as IllegalMove).detail.zh).toContain("公安、综治、计生")
    if (Either.isLeft(r)) expect((r.left as IllegalMove).detail.zh).toContain("001 四（二）2")
    // Opinions come in one department at a time and add up.
    const all = drive(one, [
      [record(opinion("公安")), ctx("2025-07-09")],
      [record(opinion("综治"), opinion("计生")), ctx("2025-07-09")],
    ])
    expect(all.records.joint_review?.opinions.map((o) => o.department)).toEqual([
      "纪检",
      "公安",
      "综治",
      "计生",
    ])
    expect(reason(transition(all, advance, ctx("2025-07-09")))).toBe("ok")
  })

  it("a disagreement blocks until the deciding body (the street) overrides it with a reason", () => {
    const against = drive(atJointReview, [
      [record(opinion("纪检"), opinion("公安", false), opinion("综治"), opinion("计生")), ctx("2025-07-09")],
    ])
    expect(reason(transition(against, advance, ctx("2025-07-09")))).toBe("opinion_disagrees")
    const override: Move = {
      _tag: "OverrideOpinion",
      department: "公安",
      reason: "经核实信访件已了结，不影响推荐",
      meeting: { body: "street", reference: "党工委（扩大）会议〔2025〕7次" },
      date: make("2025-07-10"),
    }
    const on = {
      path,
      campaignPath: "/520000/520102/s/",
      application: { state: "joint_review" as const, personId, regionPath: "/520000/520102/s/" },
    }
    const as = (role: "street_admin" | "org_dept_admin" | "reviewer", scopePath: string) => ({
      accountId: role,
      role,
      scope: { _tag: "RegionScope" as const, regionId: "s" as never },
      scopePath,
      displayName: role,
    })
    // The deciding body's move: a reviewer may not; a body other than the scheme's deciding body may not be recorded.
    expect(Either.isLeft(authorise(as("reviewer", "/520000/520102/s/"), override as never, on))).toBe(true)
    const wrongBody = authorise(
      as("street_admin", "/520000/520102/s/"),
      { ...override, meeting: { body: "standing_committee" } } as never,
      on,
    )
    expect(Either.isLeft(wrongBody) && wrongBody.left.reason).toBe("wrong_body")
    expect(Either.isRight(authorise(as("street_admin", "/520000/520102/s/"), override as never, on))).toBe(
      true,
    )
    const overridden = drive(against, [[override, ctx("2025-07-10")]])
    expect(overridden.records.joint_review?.overrides?.[0]).toMatchObject({
      department: "公安",
      reason: "经核实信访件已了结，不影响推荐",
      date: "2025-07-10",
    })
    expect(reason(transition(overridden, advance, ctx("2025-07-10")))).toBe("ok")
    // Only a disagreement can be overridden, and only once.
    expect(reason(transition(overridden, override, ctx("2025-07-10")))).toBe("no_disagreement")
    expect(reason(transition(against, { ...override, department: "纪检" } as Move, ctx("2025-07-10")))).toBe(
      "no_disagreement",
    )
  })
})
