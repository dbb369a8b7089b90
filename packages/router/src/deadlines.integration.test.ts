import { auditLog } from "@cadre/db"
import { and, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 13 item 5, "dates bite": deadlines were only flagged — a recommendation a year late was accepted. On the
 * demo data (杨浦's 2026 campaign, seed 000): 二（一） "12月18日前…推荐报送人员名单", 二（二） "12月下旬" (the
 * interview). A late move is refused (CONFLICT, IllegalMove past_deadline, naming the deadline, the date and the
 * clause) unless the org dept records a deadline override (applications.overrideDeadline) with its reason, for
 * that application and stage — audited with who and when. Nobody else may record one.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const bodies = async () => ({
  org: await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" }),
  reviewer: await h.actorHeaders({ role: "reviewer", regionId: "310110" }),
  unit: await h.actorHeaders({ role: "dispatching_unit_admin", regionId: "310110", unitId: "u-yp-mz" }),
})

const recommend = async (unit: Record<string, string>, id: string, sequence: number) => {
  const personId = await insertPerson(h.handle, {
    id,
    name: "吴立新",
    birthDate: "1991-04-02",
    sequence,
    joined: "2015-06-01",
    regionId: "310110001",
    address: "310110",
    phone: `199100${String(sequence).padStart(5, "0")}`,
  })
  return h.caller(unit).applications.recommend({
    campaignId: "demo-yangpu-2026",
    personId,
    channel: "unit_recommendation",
    recommendation: { body: "杨浦区民政局党委", meeting: "党委会议", meetingDate: "2026-12-10" },
  })
}

describe("000 二（一）: a recommendation after 18 December is refused", () => {
  it("on 19 December, with the deadline, the date and the clause; on 18 December it goes in", async () => {
    const { unit } = await bodies()
    h.setToday("2026-12-19")
    const late = await failure(recommend(unit, "t-deadline-1", 911))
    expect(late.code).toBe("CONFLICT")
    expect(tagOf(late)).toBe("IllegalMove")
    // The rule's code travels with it, so a screen can offer 记录逾期办理 without reading the words.
    expect((late.cause as unknown as { reason?: string } | undefined)?.reason).toBe("past_deadline")
    expect(textOf(late).zh).toContain("2026-12-18")
    expect(textOf(late).zh).toContain("2026-12-19")
    expect(textOf(late).zh).toContain("000 二（一）")
    expect(textOf(late).en).toContain("was due by 2026-12-18")
    h.setToday("2026-12-18")
    const inTime = await recommend(unit, "t-deadline-2", 913)
    expect(inTime.state).toBe("screened")
  })
})

describe("000 二（二）: the interview is due in late December; the org dept may let a late one through", () => {
  it("refused on 5 January; a reviewer may not override; the org dept does, with its reason; then it goes", async () => {
    const { org, reviewer, unit } = await bodies()
    h.setToday("2026-12-10")
    const a = await recommend(unit, "t-deadline-3", 915)
    let cur = await h.caller(org).applications.act({
      applicationId: a.id,
      expectedVersion: a.version,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    })
    h.setToday("2027-01-05")
    const record = {
      _tag: "Record",
      record: { _tag: "Interview", scores: [{ rater: "考官一", score: 88 }] },
    } as const
    const late = await failure(
      h.caller(org).applications.act({ applicationId: a.id, expectedVersion: cur.version, move: record }),
    )
    expect(late.code).toBe("CONFLICT")
    expect(textOf(late).zh).toContain("2026-12-31")
    expect(textOf(late).zh).toContain("000 二（二）")

    const input = {
      applicationId: a.id,
      expectedVersion: cur.version,
      stageId: "interview",
      reason: "考官因公出差，经部务会同意延期面试",
    }
    // Not the reviewer's (nor a unit's): the runner's only.
    expect((await failure(h.caller(reviewer).applications.overrideDeadline(input))).code).toBe("FORBIDDEN")
    expect((await failure(h.caller(unit).applications.overrideDeadline(input))).code).toBe("FORBIDDEN")
    // A stage without a date has nothing to override.
    const none = await failure(h.caller(org).applications.overrideDeadline({ ...input, stageId: "decide" }))
    expect(none.code).toBe("CONFLICT")
    expect(textOf(none).zh).toContain("没有时限")

    cur = await h.caller(org).applications.overrideDeadline(input)
    expect(cur.application.deadlineOverrides).toEqual([
      { stageId: "interview", reason: input.reason, by: expect.any(String), on: "2027-01-05" },
    ])
    const audit = await h.handle.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "application"), eq(auditLog.entityId, a.id)))
      .orderBy(auditLog.seq)
    expect(audit.at(-1)?.action).toBe("application.OverrideDeadline")
    expect(JSON.stringify(audit.at(-1)?.after)).toContain(input.reason)

    const scored = await h.caller(org).applications.act({
      applicationId: a.id,
      expectedVersion: cur.version,
      move: record,
    })
    expect(scored.application.records.interview?.scores).toHaveLength(1)
  })
})

describe("the reference date is the scheme's rule: a campaign may fill in only what the scheme leaves open", () => {
  it("a scheme measuring on the recommendation deadline (000 二（一）): a contradicting date is refused, none takes the scheme's", async () => {
    const { org } = await bodies()
    h.setToday("2026-11-02")
    const draft = await h.caller(org).schemes.createFromPreset({
      presetKey: "yangpu-community-secretary",
      schemeId: "t-yangpu-refdate",
      regionId: "310110",
      version: 1,
    })
    const scheme = {
      ...draft.scheme,
      eligibility: {
        ...draft.scheme.eligibility,
        referenceDate: {
          _tag: "Cited",
          value: { _tag: "StageDeadline", stageId: "recommend" },
          citation: { document: "000", clause: "二（一）" },
        },
      },
    }
    const updated = await h.caller(org).schemes.updateDraft({
      schemeId: "t-yangpu-refdate",
      version: 1,
      expectedRowVersion: draft.rowVersion,
      scheme: scheme as never,
    })
    await h.caller(org).schemes.publish({
      schemeId: "t-yangpu-refdate",
      version: 1,
      expectedRowVersion: updated.rowVersion,
    })
    const create = (referenceDate?: string) =>
      h.caller(org).campaigns.create({
        regionId: "310110",
        name: "基准日测试批次",
        schemeId: "t-yangpu-refdate",
        schemeVersion: 1,
        channels: ["unit_recommendation"],
        places: 1,
        startYear: 2026,
        ...(referenceDate === undefined ? {} : { referenceDate }),
        decidingBody: "org_dept_meeting",
      })
    const typed = await failure(create("2026-11-30"))
    expect(typed.code).toBe("CONFLICT")
    expect(textOf(typed).zh).toContain("2026-12-18")
    expect(textOf(typed).zh).toContain("2026-11-30")
    expect(textOf(typed).zh).toContain("000 二（一）")
    expect((await create()).referenceDate).toBe("2026-12-18")
    expect((await create("2026-12-18")).referenceDate).toBe("2026-12-18")
  })

  it("000 as written leaves it open: the campaign must give one", async () => {
    const { org } = await bodies()
    const missing = await failure(
      h.caller(org).campaigns.create({
        regionId: "310110",
        name: "未设基准日",
        schemeId: "yangpu-community-secretary",
        schemeVersion: 1,
        channels: ["unit_recommendation"],
        places: 1,
        startYear: 2026,
        decidingBody: "org_dept_meeting",
      }),
    )
    expect(missing.code).toBe("CONFLICT")
    expect(textOf(missing).zh).toContain("须由本批次设定")
  })
})

describe("an in-post act uses the scheme version in force on its date", () => {
  it("a placement of 2 March 2027 is refused under v1 once v2 took effect on 1 March, and under v2 the day before", async () => {
    const { org } = await bodies()
    h.setToday("2026-11-02")
    const draft = await h.caller(org).schemes.createFromPreset({
      presetKey: "yangpu-community-secretary",
      schemeId: "t-yangpu-versions",
      regionId: "310110",
      version: 1,
    })
    await h.caller(org).schemes.publish({
      schemeId: "t-yangpu-versions",
      version: 1,
      expectedRowVersion: draft.rowVersion,
    })
    const v2 = await h.caller(org).schemes.createVersion({
      schemeId: "t-yangpu-versions",
      fromVersion: 1,
      effectiveFrom: "2027-03-01",
    })
    await h.caller(org).schemes.publish({
      schemeId: "t-yangpu-versions",
      version: 2,
      expectedRowVersion: v2.rowVersion,
    })
    const post = await h
      .caller(org)
      .posts.create({ id: "post-t-versions", regionId: "310110001", title: "测试岗位" })
    const personId = await insertPerson(h.handle, {
      id: "t-versions-1",
      name: "郑国华",
      birthDate: "1990-06-01",
      sequence: 917,
      joined: "2014-06-01",
      regionId: "310110001",
      address: "310110",
      phone: "19910000917",
    })
    const place = (schemeVersion: number, placedOn: string) =>
      h.caller(org).placements.create({
        personId,
        postId: post.id,
        schemeId: "t-yangpu-versions",
        schemeVersion,
        placedOn,
      })
    h.setToday("2027-03-05")
    const old = await failure(place(1, "2027-03-02"))
    expect(old.code).toBe("CONFLICT")
    expect(textOf(old).zh).toContain("施行的是方案 t-yangpu-versions v2（自 2027-03-01 起）")
    const early = await failure(place(2, "2027-02-28"))
    expect(early.code).toBe("CONFLICT")
    expect(textOf(early).zh).toContain("v1")
    const ok = await place(2, "2027-03-02")
    expect(ok.schemeVersion).toBe(2)
  })
})
