import { Either, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Actor, ROLES, type Role } from "../access/Access.js"
import { PersonId } from "../person/Profile.js"
import { loadPreset } from "../scheme/Preset.js"
import { yangpuCommunitySecretary } from "../scheme/presets/index.js"
import { addDays, make } from "../shared/LocalDate.js"
import { campaignFor, contextFor, RECOMMENDATION, RECORDS, verdictFor } from "./fixtures.js"
import type { Application, Move } from "./Model.js"
import { authorise } from "./Authority.js"
import { derivePath } from "./Path.js"
import { scheduleOf } from "./Schedule.js"
import { newApplication, type TransitionContext, transition } from "./Transition.js"

/**
 * Issue 13, "dates bite": deadlines were only flagged — a recommendation a year late was accepted, a report-in
 * outside its window too. Now a move performing a stage after the stage's deadline in the campaign's timetable is
 * refused (IllegalMove "past_deadline", naming the deadline, the date and the clause) unless the body running the
 * campaign has recorded a deadline override (OverrideDeadline) with a reason for that application and stage.
 * Seed 000 二（一） "12月18日前…向区委组织部推荐报送人员名单", 二（二） "12月下旬" (interview), "明年1月中旬" (报到).
 */

const scheme = loadPreset(yangpuCommunitySecretary)
const path = derivePath(scheme)
const campaign = campaignFor(path, { channels: ["unit_recommendation"], places: 3 })
const schedule = Either.getOrThrow(scheduleOf(scheme, { startYear: 2026 }))
const person = Schema.decodeSync(PersonId)("p-1")
const at = (d: string, role: "org_dept_admin" | "reviewer" = "org_dept_admin"): TransitionContext => ({
  ...contextFor(path, campaign, d, role),
  deadlines: schedule.entries,
})
const submit: Move = { _tag: "Submit", channel: "unit_recommendation", recommendation: RECOMMENDATION }
const fresh = () => newApplication({ id: "a-1", personId: person, campaign })
const ok = (r: Either.Either<Application, unknown>): Application => {
  if (Either.isLeft(r)) throw new Error(String((r.left as Error).message))
  return r.right
}

describe("000 二（一）: the recommendation is due by 18 December", () => {
  it("on 18 December it goes through; on 19 December (and a year late) it is refused, naming date and clause", () => {
    expect(ok(transition(fresh(), submit, at("2026-12-18"))).state).toBe("submitted")
    for (const day of ["2026-12-19", "2027-12-18"]) {
      const r = transition(fresh(), submit, at(day))
      expect(Either.isLeft(r)).toBe(true)
      if (Either.isLeft(r) && r.left._tag === "IllegalMove") {
        expect(r.left.reason).toBe("past_deadline")
        expect(r.left.text.zh).toContain("2026-12-18")
        expect(r.left.text.zh).toContain(day)
        expect(r.left.text.zh).toContain("000 二（一）")
        expect(r.left.text.en).toContain("was due by 2026-12-18")
      } else throw new Error("expected IllegalMove")
    }
  })

  it("without a timetable in the context (no campaign dates), nothing is checked", () => {
    const r = transition(fresh(), submit, contextFor(path, campaign, "2027-12-18"))
    expect(Either.isRight(r)).toBe(true)
  })

  it("property: a submission is refused exactly when it comes after the deadline", () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (n) => {
        const day = addDays(make("2026-12-18"), n)
        const r = transition(fresh(), submit, at(day))
        if (n <= 0) return Either.isRight(r)
        return Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason === "past_deadline"
      }),
    )
  })
})

describe("the override (逾期补办): the runner's, with a reason, for one application and stage", () => {
  /** Entered in time, screened, then late for the interview (000 二（二） 12月下旬 ends 31 December). */
  const atInterview = () => {
    let a = ok(transition(fresh(), submit, at("2026-12-10")))
    a = ok(transition(a, { _tag: "Screen", verdict: verdictFor(a) }, at("2026-12-10")))
    return ok(transition(a, { _tag: "Advance", from: "screened", to: "interview" }, at("2026-12-11")))
  }
  const record: Move = { _tag: "Record", record: RECORDS.interview }

  it("an interview recorded on 5 January is refused until the override, then goes through", () => {
    const a = atInterview()
    const late = transition(a, record, at("2027-01-05"))
    expect(Either.isLeft(late) && late.left._tag === "IllegalMove" && late.left.reason).toBe("past_deadline")
    if (Either.isLeft(late)) expect(late.left.message).toContain("000 二（二）")
    const over = ok(
      transition(
        a,
        { _tag: "OverrideDeadline", stageId: "interview", reason: "评委因公出差，延期面试" },
        at("2027-01-04"),
      ),
    )
    expect(over.state).toBe("interview")
    expect(over.deadlineOverrides).toEqual([
      { stageId: "interview", reason: "评委因公出差，延期面试", by: "acc-admin", on: "2027-01-04" },
    ])
    expect(over.history.at(-1)?.move._tag).toBe("OverrideDeadline")
    expect(ok(transition(over, record, at("2027-01-05"))).records.interview).toBeDefined()
  })

  it("an override of a stage with no date, or twice, is refused", () => {
    const a = atInterview()
    const none = transition(a, { _tag: "OverrideDeadline", stageId: "decide", reason: "x" }, at("2027-01-04"))
    expect(Either.isLeft(none) && none.left._tag === "IllegalMove" && none.left.reason).toBe("no_deadline")
    const once = ok(
      transition(a, { _tag: "OverrideDeadline", stageId: "interview", reason: "x" }, at("2027-01-04")),
    )
    const twice = transition(
      once,
      { _tag: "OverrideDeadline", stageId: "interview", reason: "y" },
      at("2027-01-05"),
    )
    expect(Either.isLeft(twice) && twice.left._tag === "IllegalMove" && twice.left.reason).toBe("no_deadline")
  })

  it("a return, a rejection or an override is never bitten by a deadline", () => {
    const a = atInterview()
    expect(ok(transition(a, { _tag: "Reject", reason: "未入选" }, at("2027-03-01"))).state).toBe("rejected")
    expect(
      ok(transition(a, { _tag: "Return", to: "screened", reason: "补充材料" }, at("2027-03-01"))).state,
    ).toBe("screened")
  })
})

describe("000 二（二）: 报到 in mid-January of the next year — a report-in after 20 January is refused", () => {
  it("the report-in's own date is what counts", () => {
    const stage = schedule.entries.find((e) => e.stageId === "report_to_street")
    expect(stage?.date).toBe("2027-01-20")
    // Only the ReportIn move is looked at here: the path's report-in step cites report_to_street.
    const appointed: Application = { ...fresh(), state: "appointed", appointedOn: make("2027-01-05") }
    const r = transition(appointed, { _tag: "ReportIn", date: make("2027-01-21") }, at("2027-01-22"))
    expect(Either.isLeft(r) && r.left._tag === "IllegalMove" && r.left.reason).toBe("past_deadline")
    const inTime = transition(appointed, { _tag: "ReportIn", date: make("2027-01-20") }, at("2027-01-22"))
    expect(Either.isRight(inTime)).toBe(true)
  })
})

describe("who may override a deadline: the body running the campaign, in its region (Selection.authorise)", () => {
  const DISTRICT = "/310000/310110/"
  const caller = (role: Role, scopePath: string): Actor => ({
    accountId: `${role}@${scopePath}`,
    role,
    scope:
      role === "applicant"
        ? { _tag: "SelfScope", personId: "p-1" as never }
        : { _tag: "RegionScope", regionId: scopePath.split("/").at(-2) as never },
    scopePath: role === "applicant" ? "" : scopePath,
    displayName: role,
  })
  const ctx = {
    path,
    campaignPath: DISTRICT,
    application: { state: "interview" as const, personId: "p-1", regionPath: `${DISTRICT}dinghai/` },
  }
  const move = { _tag: "OverrideDeadline" } as const

  it("property: only a runner role (org dept, or a street running its own campaign; an integrator for it) within the campaign's region", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(DISTRICT, `${DISTRICT}dinghai/`, "/310000/310101/"),
        (role, scopePath) => {
          const ok = Either.isRight(authorise(caller(role, scopePath), move, ctx))
          const runner = role === "org_dept_admin" || role === "street_admin" || role === "integrator"
          return ok === (runner && scopePath === DISTRICT)
        },
      ),
    )
  })

  it("a reviewer of the org dept is refused with MoveNotYours", () => {
    const r = authorise(caller("reviewer", DISTRICT), move, ctx)
    expect(Either.isLeft(r) && r.left.reason).toBe("not_owner")
  })
})
