import { auditLog } from "@cadre/db"
import { and, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, insertPerson, makeHarness } from "./test-support.js"

/**
 * Issue 20, next slice: admonishments are acts on the record, not labels. 004 淮上 目标考核 三是 "对群众满意率达不到
 * 60%的,诫勉谈话" and 003 五 强化负面惩戒 "及时批评教育,促其整改": the managing body records the measure on the placement
 * through `placements.act` (move `Admonish`); the placement goes on; the measure is filed in the cadre's archive with
 * its clause and audited; a survey-rate trigger needs its survey on record; the body the clause names decides.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 180_000)
afterAll(async () => h?.close())

const audited = async (action: string, id: string) =>
  h.handle.db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, id)))

/** The refusal's message and rule code (the caller's TRPCError carries it as `cause.reason`, sent as `data.reason`). */
const failure = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    const err = e as { code: string; message: string; cause?: { reason?: string } }
    return { code: err.code, message: err.message, data: { reason: err.cause?.reason } }
  }
  throw new Error("expected a refusal")
}

describe("004 淮上 目标考核 三是: 诫勉谈话 below 60% satisfaction, recorded by the township", () => {
  it("refused without a survey below 60%; after one, the street's talk is on the placement, filed and audited", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "340311" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "340311100" })
    h.setToday("2026-01-10")
    const post = await h
      .caller(org)
      .posts.create({ id: "post-adm-1", regionId: "340311100201", title: "吴湖村（诫勉测试）" })
    const personId = await insertPerson(h.handle, {
      id: "adm-1",
      regionId: "340311",
      address: "340311",
      name: "诫勉测试",
      birthDate: "1991-05-12",
      sequence: 961,
      phone: "19900039611",
      joined: "2013-07-01",
    })
    const created = await h.caller(org).placements.create({
      personId,
      postId: post.id,
      schemeId: "huaishang-village-posting",
      schemeVersion: 1,
      placedOn: "2026-01-10",
    })
    const p = await h.caller(org).placements.act({
      id: created.id,
      expectedVersion: created.version,
      move: { _tag: "TakeUp", date: "2026-01-10", termEnd: "2029-01-10" },
    })
    h.setToday("2026-12-28")
    const talk = {
      _tag: "Admonish" as const,
      triggerId: "admonish_below_60",
      measures: ["admonishment_talk"] as ["admonishment_talk"],
      reason: "2026年满意度测评满意率 55/100 = 55.0%，达不到60%",
      decision: { by: "street" as const, date: "2026-12-28", reference: "镇党委会〔2026〕10次" },
    }
    // No survey on record yet: the clause's evidence is missing.
    const none = await failure(
      h.caller(street).placements.act({ id: p.id, expectedVersion: p.version, move: talk }),
    )
    expect(none.message).toContain("淮上 目标考核 三是")
    expect(none.data?.reason).toBe("no_evidence")
    const survey = await h.caller(org).assessments.survey({
      placementId: p.id,
      year: 2026,
      counts: { satisfied: 55, dissatisfied: 45 },
    })
    expect(survey.fired.map((f) => f.triggerId)).toEqual(["admonish_below_60"])
    let cur = await h.caller(street).placements.get({ id: p.id })
    // The org dept does not speak for the township committee the clause names.
    const wrong = await failure(
      h.caller(org).placements.act({
        id: p.id,
        expectedVersion: cur.version,
        move: { ...talk, decision: { ...talk.decision, by: "org_dept" } },
      }),
    )
    expect(wrong.data?.reason).toBe("wrong_decider")
    const done = await h.caller(street).placements.act({ id: p.id, expectedVersion: cur.version, move: talk })
    expect(done.state).toBe("in_term")
    cur = await h.caller(org).placements.get({ id: p.id })
    expect(cur.admonishments).toEqual([
      expect.objectContaining({
        triggerId: "admonish_below_60",
        measures: ["admonishment_talk"],
        measureLabels: [{ zh: "诫勉谈话", en: "admonishment talk" }],
        clause: "004 淮上 目标考核 三是",
        decision: { by: "street", date: "2026-12-28", reference: "镇党委会〔2026〕10次" },
      }),
    ])
    const file = await h.caller(org).archive.get({ personId })
    const filed = file.entries.filter((e) => e.kind === "penalty")
    expect(filed.map((e) => [e.date, e.title.zh, e.clause])).toEqual([
      [
        "2026-12-28",
        "诫勉谈话：群众满意率达不到60%，诫勉谈话（2026年满意度测评满意率 55/100 = 55.0%，达不到60%）",
        "004 淮上 目标考核 三是",
      ],
    ])
    expect(file.sealed).toBe(false)
    const audit = await audited("placement.Admonish", p.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]?.after).toMatchObject({
      state: "in_term",
      move: { _tag: "Admonish", measures: ["admonishment_talk"] },
    })
  }, 120_000)
})

describe("003 五 强化负面惩戒: 批评教育、促其整改 on a negative-list finding, or 调整", () => {
  it("the district org dept records the admonishment (a street may not); 以权谋私 is an adjustment instead", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "district-003-s1" })
    h.setToday("2026-03-02")
    const post = await h.caller(org).posts.create({
      id: "post-adm-3",
      regionId: "district-003-s1-c1",
      title: "示例社区党组织书记（负面清单测试）",
    })
    const personId = await insertPerson(h.handle, {
      id: "adm-3",
      regionId: "district-003",
      address: "310110",
      name: "负面清单测试",
      birthDate: "1985-02-03",
      sequence: 963,
      phone: "19900039633",
      joined: "2008-07-01",
    })
    const created = await h.caller(org).placements.create({
      personId,
      postId: post.id,
      schemeId: "secretary-team-management",
      schemeVersion: 1,
      placedOn: "2026-03-02",
    })
    let p = await h.caller(org).placements.act({
      id: created.id,
      expectedVersion: created.version,
      move: { _tag: "TakeUp", date: "2026-03-02", termEnd: "2031-03-02" },
    })
    h.setToday("2026-07-15")
    const finding = {
      _tag: "Admonish" as const,
      triggerId: "neg_poor_evaluation",
      measures: ["criticism_education", "rectification"] as ["criticism_education", "rectification"],
      reason: "2026年上半年履职评估结果较差",
      decision: { by: "org_dept" as const, date: "2026-07-15" },
    }
    const byStreet = await failure(
      h.caller(street).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: { ...finding, decision: { by: "street", date: "2026-07-15" } },
      }),
    )
    expect(byStreet.data?.reason).toBe("wrong_decider")
    const talk = await failure(
      h.caller(org).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: { ...finding, measures: ["admonishment_talk"] },
      }),
    )
    expect(talk.data?.reason).toBe("measure_not_in_clause")
    p = await h.caller(org).placements.act({ id: p.id, expectedVersion: p.version, move: finding })
    expect(p.state).toBe("in_term")
    const file = await h.caller(org).archive.get({ personId })
    expect(file.entries.filter((e) => e.kind === "penalty").map((e) => [e.title.zh, e.clause])).toEqual([
      [
        "批评教育、促其整改：负面清单：履职评估结果较差（批评教育，促其整改）（2026年上半年履职评估结果较差）",
        "003 五 强化负面惩戒",
      ],
    ])
    expect(await audited("placement.Admonish", p.id)).toHaveLength(1)
    // An item whose outcome is 调整 is refused as an admonishment and taken as an adjustment.
    const mismatch = await failure(
      h.caller(org).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: { ...finding, triggerId: "neg_abuse_of_power" },
      }),
    )
    expect(mismatch.data?.reason).toBe("trigger_action_mismatch")
    h.setToday("2026-07-20")
    const adjusted = await h.caller(org).placements.act({
      id: p.id,
      expectedVersion: p.version,
      move: {
        _tag: "Adjust",
        triggerId: "neg_abuse_of_power",
        outcome: "adjust",
        reason: "以权谋私，及时调整并严肃处理",
        decision: { by: "org_dept", date: "2026-07-20" },
      },
    })
    expect(adjusted.state).toBe("adjusted")
  }, 120_000)
})
