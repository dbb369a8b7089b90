import * as fc from "fast-check"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { type Actor as Caller, pathWithin, ROLES, type Role } from "../access/Access.js"
import { decidesAs } from "../inpost/Actors.js"
import { loadPreset } from "../scheme/Preset.js"
import {
  anqiuDownSecondment,
  guizhouStreetReservePool,
  PRESETS,
  yangpuCommunitySecretary,
} from "../scheme/presets/index.js"
import type * as LocalDate from "../shared/LocalDate.js"
import { type AuthorityContext, authorise, ownersOf, speaksFor, yourMoves } from "./Authority.js"
import type { Move } from "./Model.js"
import { derivePath } from "./Path.js"
import { PROCEDURE, type State } from "./State.js"

/**
 * Issue 13 ("every move has an owner, from the scheme"): the kernel's one authority predicate for the selection
 * moves. The first block reproduces what was seen on the demo data; the properties hold over every preset, every
 * move, every role and every scope relation.
 */

const DISTRICT = "/310000/310110/"
const STREET = "/310000/310110/dinghai/"
const SIBLING_STREET = "/310000/310110/pingliang/"
const OTHER_DISTRICT = "/310000/310101/"

const caller = (role: Role, scopePath: string, personId: string | null = null): Caller => ({
  accountId: `${role}@${scopePath}`,
  role,
  scope:
    role === "applicant"
      ? { _tag: "SelfScope", personId: personId as never }
      : { _tag: "RegionScope", regionId: scopePath.split("/").at(-2) as never },
  scopePath: role === "applicant" ? "" : scopePath,
  displayName: role,
})

const d = (s: string) => s as LocalDate.LocalDate
const yangpu = derivePath(loadPreset(yangpuCommunitySecretary))
const anqiu = derivePath(loadPreset(anqiuDownSecondment))
const onApplication = (path = yangpu, state: State = "screened", regionPath = STREET): AuthorityContext => ({
  path,
  campaignPath: DISTRICT,
  application: { state, personId: "p-1", regionPath },
})
const decide = (body: "org_dept" | "org_dept_meeting" | "standing_committee" | "street"): Move => ({
  _tag: "Decide",
  outcome: "approved",
  meeting: { body },
  date: d("2026-12-01"),
})

describe("issue 13: who may move in a district's campaign (000 杨浦)", () => {
  const street = caller("street_admin", STREET)
  const org = caller("org_dept_admin", DISTRICT)

  it("a street admin may not advance, score, reject or decide in the district's campaign", () => {
    const moves: ReadonlyArray<Move> = [
      { _tag: "Advance", from: "screened", to: "interview" },
      { _tag: "Reject", reason: "x" },
      { _tag: "Return", to: "submitted", reason: "x" },
      decide("org_dept_meeting"),
    ]
    for (const m of moves) {
      const r = authorise(street, m, onApplication())
      expect(Either.isLeft(r), m._tag).toBe(true)
    }
    const score = authorise(
      street,
      { _tag: "Record", record: { _tag: "Interview", scores: [{ rater: "a", score: 99 }] } } as Move,
      onApplication(yangpu, "interview"),
    )
    expect(Either.isLeft(score)).toBe(true)
    if (Either.isLeft(score)) {
      expect(score.left.reason).toBe("not_owner")
      // The refusal names the owner and the clause (000 二（二）).
      expect(score.left.message.zh).toContain("组织部门")
      expect(score.left.clause).toContain("二")
    }
  })

  it("the org dept may interview, and its 部务会 decides (000 二（二）)", () => {
    expect(
      Either.isRight(
        authorise(org, { _tag: "Advance", from: "screened", to: "interview" } as Move, onApplication()),
      ),
    ).toBe(true)
    expect(
      Either.isRight(authorise(org, decide("org_dept_meeting"), onApplication(yangpu, "interview"))),
    ).toBe(true)
  })

  it("a decision recorded as the street's is refused where the scheme gives it to the 部务会", () => {
    const r = authorise(org, decide("street"), onApplication(yangpu, "interview"))
    expect(Either.isLeft(r) && r.left.reason).toBe("wrong_body")
  })

  it("a dispatching unit recommends into the district's campaign (000 二（一）); another district's unit may not", () => {
    const submit: Move = {
      _tag: "Submit",
      channel: "unit_recommendation",
      recommendation: { body: "民政局党委", meeting: "党委会议", meetingDate: d("2026-11-20") },
    }
    const ctx: AuthorityContext = { path: yangpu, campaignPath: DISTRICT }
    expect(Either.isRight(authorise(caller("dispatching_unit_admin", `${DISTRICT}mz/`), submit, ctx))).toBe(
      true,
    )
    expect(
      Either.isLeft(authorise(caller("dispatching_unit_admin", `${OTHER_DISTRICT}mz/`), submit, ctx)),
    ).toBe(true)
  })

  it("an applicant may withdraw their own application only", () => {
    const ctx = onApplication()
    expect(Either.isRight(authorise(caller("applicant", "", "p-1"), { _tag: "Withdraw" }, ctx))).toBe(true)
    expect(Either.isLeft(authorise(caller("applicant", "", "p-2"), { _tag: "Withdraw" }, ctx))).toBe(true)
  })
})

describe("issue 13: 004 安丘 — the city standing committee decides", () => {
  const org = caller("org_dept_admin", DISTRICT)
  it("a decision recorded as the org dept's is refused; the standing committee's is recorded by the org dept", () => {
    const ctx = onApplication(anqiu, "shortlisted")
    const asOrg = authorise(org, decide("org_dept"), ctx)
    expect(Either.isLeft(asOrg) && asOrg.left.reason).toBe("wrong_body")
    if (Either.isLeft(asOrg)) expect(asOrg.left.message.zh).toContain("常委会")
    expect(Either.isRight(authorise(org, decide("standing_committee"), ctx))).toBe(true)
  })
})

describe("issue 13: 001 贵州 — the street runs its reserve pool and its joint review", () => {
  const guizhou = derivePath(loadPreset(guizhouStreetReservePool))
  const street = caller("street_admin", STREET)
  const ctx: AuthorityContext = {
    path: guizhou,
    campaignPath: STREET,
    application: { state: "screened", personId: "p-1", regionPath: `${STREET}heping/` },
  }
  const toJointReview: Move = { _tag: "Advance", from: "screened", to: "joint_review" }

  it("the street's working group sends nominees to the departments and records their opinions (001 四（二）2)", () => {
    expect(ownersOf(toJointReview, ctx).owners).toContain("joint_review")
    expect(Either.isRight(authorise(street, toJointReview, ctx))).toBe(true)
  })

  it("a sibling street, a unit or a reviewer of another street may not", () => {
    for (const other of [
      caller("street_admin", SIBLING_STREET),
      caller("dispatching_unit_admin", `${STREET}unit/`),
      caller("host_unit_admin", `${STREET}heping/`),
    ])
      expect(Either.isLeft(authorise(other, toJointReview, ctx))).toBe(true)
  })
})

// ------------------------------------------------------------------------------------------------ properties

const paths = PRESETS.map((p) => derivePath(loadPreset(p)))
const arbPath = fc.constantFrom(...paths)
const arbState = fc.constantFrom<State>(...PROCEDURE)
const arbMove: fc.Arbitrary<Move> = fc.oneof(
  fc.constantFrom<Move>(
    { _tag: "Submit", channel: "self_registration" },
    {
      _tag: "Submit",
      channel: "unit_recommendation",
      recommendation: { body: "u", meeting: "m", meetingDate: d("2026-01-01") },
    },
    {
      _tag: "Submit",
      channel: "organisation_recommendation",
      recommendation: { body: "u", meeting: "m", meetingDate: d("2026-01-01") },
    },
    { _tag: "Withdraw" },
    { _tag: "Reject", reason: "r" },
    { _tag: "Return", to: "submitted", reason: "r" },
    { _tag: "Record", record: { _tag: "Interview", scores: [{ rater: "a", score: 80 }] } },
    { _tag: "StartNotice", days: 5, start: d("2026-01-01"), countFrom: "day_after" },
    { _tag: "FileObjection", objectionId: "o", summary: "s" },
    { _tag: "ResolveObjection", objectionId: "o", finding: "f", upheld: false },
    { _tag: "Appoint", postId: "post" },
    { _tag: "ReportIn", date: d("2026-01-01") },
  ),
  arbState.map((to): Move => ({ _tag: "Advance", from: "screened", to })),
  fc
    .constantFrom("org_dept", "org_dept_meeting", "standing_committee", "street" as const)
    .map((b) => decide(b)),
)
/** Where the caller sits relative to the campaign (district) and the application (a street beneath it). */
const arbScope = fc.constantFrom(DISTRICT, STREET, SIBLING_STREET, OTHER_DISTRICT, "/310000/")
const arbCaller = fc
  .tuple(fc.constantFrom<Role>(...ROLES), arbScope, fc.constantFrom("p-1", "p-2"))
  .map(([role, scope, person]) => caller(role, scope, person))

describe("property: every move × every role × every scope (issue 13)", () => {
  it("an authorised caller speaks for an owner the scheme names, and is in scope", () => {
    fc.assert(
      fc.property(arbPath, arbMove, arbCaller, arbState, (path, move, c, state) => {
        const ctx: AuthorityContext = {
          path,
          campaignPath: DISTRICT,
          application: { state, personId: "p-1", regionPath: STREET },
        }
        const r = authorise(c, move, ctx)
        if (Either.isLeft(r)) return
        const { owners } = ownersOf(move, ctx)
        expect(owners.some((o) => speaksFor(c.role, o, move._tag))).toBe(true)
        if (c.role === "applicant") {
          expect(["Submit", "Withdraw"]).toContain(move._tag)
          expect(c.scope._tag === "SelfScope" && c.scope.personId).toBe("p-1")
        } else {
          // Staff act only where they run the campaign, reach the application, or recommend upward.
          const reaches =
            pathWithin(c.scopePath, DISTRICT) ||
            pathWithin(c.scopePath, STREET) ||
            (move._tag === "Submit" && pathWithin(DISTRICT, c.scopePath))
          expect(reaches).toBe(true)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it("nobody outside the campaign's tree ever moves an application; reviewers never decide, appoint or waive", () => {
    fc.assert(
      fc.property(arbPath, arbMove, arbCaller, arbState, (path, move, c, state) => {
        const ctx: AuthorityContext = {
          path,
          campaignPath: DISTRICT,
          application: { state, personId: "p-1", regionPath: STREET },
        }
        const ok = Either.isRight(authorise(c, move, ctx))
        // A unit anywhere in the district may recommend into the district's campaign; nothing else reaches sideways.
        const outside = move._tag === "Submit" ? [OTHER_DISTRICT] : [OTHER_DISTRICT, SIBLING_STREET]
        if (c.role !== "applicant" && outside.includes(c.scopePath)) expect(ok).toBe(false)
        if (c.role === "reviewer" && ["Decide", "Appoint", "Waive", "ResolveObjection"].includes(move._tag))
          expect(ok).toBe(false)
        // A reviewer turns an application down or sends it back only for the body running the campaign.
        if (
          c.role === "reviewer" &&
          ["Reject", "Return"].includes(move._tag) &&
          !pathWithin(c.scopePath, DISTRICT)
        )
          expect(ok).toBe(false)
      }),
      { numRuns: 3000 },
    )
  })

  it("issue 13 (units see their own): a unit account never moves another unit's application, nor runs a campaign", () => {
    const unitCaller = (role: Role, unitId: string): Caller => ({
      accountId: `${role}@${unitId}`,
      role,
      scope: { _tag: "UnitScope", unitId: unitId as never, regionId: "310110" as never },
      scopePath: DISTRICT,
      displayName: role,
    })
    const units = fc.constantFrom("u-mz", "u-jw")
    fc.assert(
      fc.property(
        arbPath,
        arbMove,
        fc.constantFrom<Role>("dispatching_unit_admin", "host_unit_admin"),
        units,
        fc.array(fc.option(units, { nil: null }), { maxLength: 3 }),
        arbState,
        (path, move, role, unitId, unitIds, state) => {
          const c = unitCaller(role, unitId)
          const ctx: AuthorityContext = {
            path,
            campaignPath: DISTRICT,
            application: { state, personId: "p-1", regionPath: STREET, unitIds },
          }
          const ok = Either.isRight(authorise(c, move, ctx))
          if (!unitIds.includes(unitId)) expect(ok).toBe(false)
          // The campaign's own bodies (its runner, the org dept's meetings) are never a unit's to act for.
          if (ok) {
            const { owners } = ownersOf(move, ctx)
            expect(owners.some((o) => speaksFor(role, o, move._tag))).toBe(true)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it("a recorded decision names a deciding body the scheme allows", () => {
    fc.assert(
      fc.property(arbPath, arbMove, arbCaller, (path, move, c) => {
        if (move._tag !== "Decide") return
        const ctx: AuthorityContext = {
          path,
          campaignPath: DISTRICT,
          application: { state: "shortlisted", personId: "p-1", regionPath: STREET },
        }
        if (Either.isLeft(authorise(c, move, ctx))) return
        const named = ownersOf(move, ctx).owners.filter(
          (o): o is Exclude<typeof o, "campaign"> => o !== "campaign",
        )
        if (named.length > 0) expect(named.some((o) => decidesAs(o, move.meeting.body))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it("each move is made by someone: for every preset and move there is a role and scope that may make it", () => {
    const roles = ROLES.filter((r) => r !== "applicant")
    for (const path of paths) {
      const moves: ReadonlyArray<Move> = [
        { _tag: "Reject", reason: "r" },
        { _tag: "Appoint", postId: "p" },
        { _tag: "ReportIn", date: d("2026-01-01") },
      ]
      for (const m of moves) {
        const ctx: AuthorityContext = {
          path,
          campaignPath: DISTRICT,
          application: { state: "decided", personId: "p-1", regionPath: STREET },
        }
        const anyone = roles.some((r) =>
          [DISTRICT, STREET].some((s) => Either.isRight(authorise(caller(r, s), m, ctx))),
        )
        expect(anyone, `${path.schemeId} ${m._tag}`).toBe(true)
      }
    }
  })
})

describe("yourMoves: what a screen offers, by the same predicate", () => {
  const org = caller("org_dept_admin", DISTRICT)
  const street = caller("street_admin", STREET)
  const ctx = onApplication(yangpu, "screened")

  it("offers the org dept the district's moves and the street none of them (000 杨浦)", () => {
    const mine = yourMoves(org, ctx, "org_dept_meeting")
    expect(mine).toEqual(expect.arrayContaining(["Advance", "Decide", "Reject", "Return", "Waive"]))
    expect(yourMoves(street, ctx, "org_dept_meeting")).not.toEqual(expect.arrayContaining(["Advance"]))
    for (const tag of ["Advance", "Record", "Decide", "Reject", "Waive"] as const)
      expect(yourMoves(street, ctx, "org_dept_meeting")).not.toContain(tag)
  })

  it("agrees with authorise on every preset, state and caller", () => {
    fc.assert(
      fc.property(arbPath, arbCaller, arbState, (path, c, state) => {
        const at: AuthorityContext = {
          path,
          campaignPath: DISTRICT,
          application: { state, personId: "p-1", regionPath: STREET },
        }
        const offered = new Set(yourMoves(c, at, "org_dept_meeting"))
        for (const tag of ["Reject", "Waive", "Withdraw", "Appoint"] as const)
          expect(offered.has(tag)).toBe(Either.isRight(authorise(c, { _tag: tag }, at)))
      }),
      { numRuns: 500 },
    )
  })
})
