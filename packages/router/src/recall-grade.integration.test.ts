import { auditLog } from "@cadre/db"
import { and, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, insertPerson, makeHarness } from "./test-support.js"

/**
 * Issue 20 item 3, 004 淮上 目标考核 三是: "满意率达不到50%的,实行“召回”,当年考评为“不称职”". The recall's consequence is
 * a grade of that year written through the path grades take (an assessment row of the annual cycle, decided by the
 * body that decided the recall, audited, filed in the archive), not only a line among the consequences — it
 * replaces a grade given earlier that year, and the audit row keeps the one it replaced.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 180_000)
afterAll(async () => h?.close())

describe("004 淮上 目标考核 三是: a recall grades the year 不称职", () => {
  it("the street's recall on a 45% satisfaction writes the 2026 annual grade incompetent, replacing 称职, audited", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "340311" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "340311100" })
    h.setToday("2026-01-10")
    const post = await h
      .caller(org)
      .posts.create({ id: "post-rg-1", regionId: "340311100201", title: "吴湖村（召回测试）" })
    const personId = await insertPerson(h.handle, {
      id: "rg-1",
      regionId: "340311",
      address: "340311",
      name: "召回测试",
      birthDate: "1990-04-12",
      sequence: 951,
      phone: "19900039501",
      joined: "2012-07-01",
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
    h.setToday("2026-12-20")
    const before = await h.caller(org).assessments.grade({
      placementId: p.id,
      cycleId: "annual",
      period: "2026",
      by: "org_dept",
      grade: "competent",
    })
    expect(before.grade).toBe("competent")
    const survey = await h.caller(org).assessments.survey({
      placementId: p.id,
      year: 2026,
      counts: { satisfied: 45, dissatisfied: 55 },
    })
    expect(survey.fired.map((f) => f.triggerId).sort()).toEqual(["admonish_below_60", "recall_below_50"])
    h.setToday("2026-12-28")
    const cur = await h.caller(street).placements.get({ id: p.id })
    const recalled = await h.caller(street).placements.act({
      id: p.id,
      expectedVersion: cur.version,
      move: {
        _tag: "Recall",
        triggerId: "recall_below_50",
        evidence: "2026年满意度测评满意率 45/100 = 45.0%，低于50%",
        decision: { by: "street", date: "2026-12-28", reference: "镇党委会〔2026〕9次" },
      },
    })
    expect(recalled.state).toBe("recalled")
    const rows = await h.caller(org).assessments.list({ placementId: p.id })
    const annual = rows.filter((r) => r.cycleId === "annual")
    expect(annual.map((r) => [r.period, r.grade])).toEqual([["2026", "incompetent"]])
    expect(annual[0]?.decided).toEqual({ by: "street", on: "2026-12-28", grade: "incompetent" })
    const audit = await h.handle.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "assessment.RecallGrade"), eq(auditLog.entityId, p.id)))
    expect(audit).toHaveLength(1)
    expect(audit[0]?.before).toEqual({ grade: "competent" })
    expect(audit[0]?.after).toMatchObject({
      cycleId: "annual",
      period: "2026",
      grade: "incompetent",
      by: "street",
      consequenceId: "graded_incompetent",
      clause: "004 淮上 目标考核 三是",
    })
  }, 120_000)
})
