import type { TRPCError } from "@trpc/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 13, "every move has an owner, from the scheme": what was seen on the demo data, through the real router.
 * A street saw an application of the district's campaign (its resident, recommended by an agency) and advanced,
 * scored, rejected and decided it; a decision was recorded as another body's than the scheme's; a campaign was
 * created with a deciding body its scheme contradicts. Each is now refused with FORBIDDEN (MoveNotYours: the
 * body the scheme names and the clause) or CONFLICT, and nothing is written.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const refusedAsNotYours = (e: TRPCError) => {
  expect(e.code).toBe("FORBIDDEN")
  expect(tagOf(e)).toBe("MoveNotYours")
}

/** Yangpu's org dept, the 民政局 (a dispatching unit) and 定海路街道, each with a fresh API token. */
const yangpuBodies = async () => ({
  org: await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" }),
  unit: await h.actorHeaders({ role: "dispatching_unit_admin", regionId: "310110", unitId: "u-yp-mz" }),
  street: await h.actorHeaders({ role: "street_admin", regionId: "310110001" }),
})

/**
 * A cadre of 民政局 who lives in 定海路街道, recommended by the unit into Yangpu's demo campaign: the application
 * belongs to the street's region, so the street sees it.
 */
const recommendResident = async (
  unit: Record<string, string>,
  p: { id: string; name: string; birthDate: string; sequence: number; joined: string },
) => {
  const personId = await insertPerson(h.handle, {
    ...p,
    regionId: "310110001",
    address: "310110",
    phone: `199000${String(p.sequence).padStart(5, "0")}`,
  })
  return h.caller(unit).applications.recommend({
    campaignId: "demo-yangpu-2026",
    personId,
    channel: "unit_recommendation",
    recommendation: { body: "杨浦区民政局党委", meeting: "党委会议", meetingDate: "2026-11-20" },
  })
}

describe("000 杨浦: the district's campaign is moved by the district's bodies", () => {
  it("a street sees its resident's application but may not advance, score, reject or decide it", async () => {
    const { org, unit, street } = await yangpuBodies()
    h.setToday("2026-11-23")
    const app = await recommendResident(unit, {
      id: "t-authority-1",
      name: "周明远",
      birthDate: "1990-02-01",
      sequence: 901,
      joined: "2012-07-01",
    })
    const seen = await h.caller(street).applications.get({ id: app.id })
    expect(seen.id).toBe(app.id)

    const moves = [
      { _tag: "Advance", from: "screened", to: "interview" },
      { _tag: "Reject", reason: "街道认为不合适" },
      {
        _tag: "Decide",
        outcome: "approved",
        meeting: { body: "street", reference: "街道党工委会议" },
        date: "2026-11-23",
      },
    ] as const
    for (const move of moves) {
      const e = await failure(
        h.caller(street).applications.act({ applicationId: app.id, expectedVersion: app.version, move }),
      )
      refusedAsNotYours(e)
      expect(textOf(e).zh).toMatch(/街道（乡镇）管理员不能办理|不在您的管辖范围内/)
    }
    // Nothing was written: the org dept moves the same version on.
    const moved = await h.caller(org).applications.act({
      applicationId: app.id,
      expectedVersion: app.version,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    })
    expect(moved.state).toBe("interview")
    // Scoring the interview is the org dept's (000 二（二）), not the street's.
    const score = await failure(
      h.caller(street).applications.act({
        applicationId: app.id,
        expectedVersion: moved.version,
        move: { _tag: "Record", record: { _tag: "Interview", scores: [{ rater: "街道", score: 99 }] } },
      }),
    )
    refusedAsNotYours(score)
    expect(textOf(score).zh).toContain("000 二（二）")

    // The decision is the 部务会's: the org dept records it, but not as the street's.
    const asStreet = await failure(
      h.caller(org).applications.act({
        applicationId: app.id,
        expectedVersion: moved.version,
        move: { _tag: "Decide", outcome: "approved", meeting: { body: "street" }, date: "2026-11-23" },
      }),
    )
    refusedAsNotYours(asStreet)
    expect(textOf(asStreet).zh).toContain("部务会")
    expect((await h.caller(org).applications.get({ id: app.id })).version).toBe(moved.version)
  })

  it("a campaign may not name a deciding body its scheme contradicts", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const input = {
      regionId: "310110",
      name: "测试：决定主体与方案不符",
      schemeId: "yangpu-community-secretary",
      schemeVersion: 1,
      channels: ["unit_recommendation"] as const,
      places: 1,
      startYear: 2026,
      referenceDate: "2026-12-18",
    }
    const e = await failure(h.caller(org).campaigns.create({ ...input, decidingBody: "street" }))
    expect(e.code).toBe("CONFLICT")
    expect(textOf(e).zh).toContain("部务会")
    expect(textOf(e).zh).toContain("000 二（二）")
    // The org dept itself may stand for its 部务会 (decidesAs), and the 部务会 of course.
    const ok = await h.caller(org).campaigns.create({ ...input, decidingBody: "org_dept_meeting" })
    expect(ok.status).toBe("draft")
  })
})

describe("004 安丘: the city standing committee decides", () => {
  it("a decision recorded as the org dept's is refused; the standing committee's passes authority", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "370784" })
    const apps = (await h.caller(org).applications.list({ campaignId: "demo-anqiu-2026" })).items
    const app = apps[0]
    if (app === undefined) throw new Error("the Anqiu demo campaign has applications")
    const asOrg = await failure(
      h.caller(org).applications.act({
        applicationId: app.id,
        expectedVersion: app.version,
        move: { _tag: "Decide", outcome: "approved", meeting: { body: "org_dept" }, date: "2026-11-30" },
      }),
    )
    refusedAsNotYours(asOrg)
    expect(textOf(asOrg).zh).toContain("常委会")
    // Recorded as the standing committee's, authority passes; the procedure then answers (not yet shortlisted).
    const asCommittee = await failure(
      h.caller(org).applications.act({
        applicationId: app.id,
        expectedVersion: app.version,
        move: {
          _tag: "Decide",
          outcome: "approved",
          meeting: { body: "standing_committee" },
          date: "2026-11-30",
        },
      }),
    )
    expect(tagOf(asCommittee)).toBe("IllegalMove")
  })
})

describe("a returned application can be completed and submitted again (issue 13: it could never move again)", () => {
  it("the recommending unit resubmits with a new recommendation; it is screened again; others may not", async () => {
    const { org, unit, street } = await yangpuBodies()
    h.setToday("2026-11-24")
    const app = await recommendResident(unit, {
      id: "t-authority-2",
      name: "吴思远",
      birthDate: "1991-04-02",
      sequence: 903,
      joined: "2013-07-01",
    })
    // Not returned yet: nothing to resubmit.
    const early = await failure(
      h.caller(unit).applications.resubmit({ applicationId: app.id, expectedVersion: app.version }),
    )
    expect(early.code).toBe("CONFLICT")

    // The org dept returns it to draft: the recommendation lacks the meeting's minutes.
    const returned = await h.caller(org).applications.act({
      applicationId: app.id,
      expectedVersion: app.version,
      move: { _tag: "Return", to: "draft", reason: "请补充党委会议纪要后重新推荐" },
    })
    expect(returned.state).toBe("draft")

    // A recommendation is the unit's (000 二（一）): neither the street nor the org dept resubmits it.
    refusedAsNotYours(
      await failure(
        h.caller(street).applications.resubmit({ applicationId: app.id, expectedVersion: returned.version }),
      ),
    )
    refusedAsNotYours(
      await failure(
        h.caller(org).applications.resubmit({ applicationId: app.id, expectedVersion: returned.version }),
      ),
    )
    // A stale version is refused and nothing is written.
    const stale = await failure(
      h.caller(unit).applications.resubmit({ applicationId: app.id, expectedVersion: returned.version - 1 }),
    )
    expect(tagOf(stale)).toBe("StaleVersion")

    const again = await h.caller(unit).applications.resubmit({
      applicationId: app.id,
      expectedVersion: returned.version,
      recommendation: {
        body: "杨浦区民政局党委",
        meeting: "党委会议（补充纪要）",
        meetingDate: "2026-11-23",
      },
    })
    expect(again.state).toBe("screened")
    expect(again.application.recommendation?.meeting).toBe("党委会议（补充纪要）")
    expect(again.application.verdict).toBeDefined()
    // And it moves on as any other.
    const moved = await h.caller(org).applications.act({
      applicationId: app.id,
      expectedVersion: again.version,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    })
    expect(moved.state).toBe("interview")
  })
})
