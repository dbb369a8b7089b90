import { InPost } from "@cadre/domain"
import { eq, sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  archives,
  auditLog,
  type DatabaseHandle,
  makeTestDatabase,
  personConsequences,
  placements,
  posts,
  replacementRequests,
} from "@cadre/db"
import { loadDemoData } from "./index.js"
import { DEMO_PLACEMENT_IDS, loadDemoPlacements } from "./placements.js"

/**
 * Issue 5 storage: the demo shows a placement in every state of the kernel's machine, made through the
 * repositories (so every change is audited and filed in the person's archive, sealed when the placement ends).
 */

let h: DatabaseHandle
beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoData(h.db)
}, 120_000)
afterAll(async () => h?.close())

describe("demo placements", () => {
  it("show every placement state, once each at least", async () => {
    const rows = await h.db.select({ id: placements.id, state: placements.state }).from(placements)
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(InPost.PLACEMENT_STATES))
    expect(rows.map((r) => r.id).sort()).toEqual([...DEMO_PLACEMENT_IDS].sort())
  })

  it("loading again changes nothing", async () => {
    const before = await h.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)
    expect(await loadDemoPlacements(h.db)).toBe(0)
    const after = await h.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)
    expect(after).toEqual(before)
  })

  it("closed placements have sealed archives and free posts; open ones neither", async () => {
    const rows = await h.db
      .select({ id: placements.id, state: placements.state, sealed: archives.sealed, post: posts.status })
      .from(placements)
      .innerJoin(archives, eq(archives.personId, placements.personId))
      .innerJoin(posts, eq(posts.id, placements.postId))
    for (const r of rows) {
      const closed = InPost.isClosed(r.state as InPost.PlacementState)
      expect(r.sealed, r.id).toBe(closed)
    }
    const byId = new Map(rows.map((r) => [r.id, r]))
    // 000: the post freed by the return was filled again (placed); the merged area's post holds a new cadre.
    expect(byId.get("demo-pl-yp-placed")?.post).toBe("filled")
    expect(byId.get("demo-pl-da-recalled")?.post).toBe("vacant")
  })

  it("the 002 recall applied the consequences to the person and opened a replacement request", async () => {
    const cs = await h.db
      .select({ effect: personConsequences.effect, until: personConsequences.untilDate })
      .from(personConsequences)
      .where(eq(personConsequences.placementId, "demo-pl-da-recalled"))
    expect(cs.map((c) => c.effect).sort()).toEqual(["lose_reserve_status", "no_awards", "no_promotion"])
    // 两年内不得提拔 from 2026-01-08: to 2028-01-08 inclusive; 当年不得评先评优: to 2026-12-31.
    expect(cs.find((c) => c.effect === "no_promotion")?.until).toBe("2028-01-08")
    expect(cs.find((c) => c.effect === "no_awards")?.until).toBe("2026-12-31")
    const [rep] = await h.db
      .select({ state: replacementRequests.state, post: replacementRequests.postId })
      .from(replacementRequests)
      .where(eq(replacementRequests.placementId, "demo-pl-da-recalled"))
    expect(rep).toEqual({ state: "open", post: "post-da-baiyan" })
  })

  it("004 淮上 目标考核 三是: the demo shows a 诫勉谈话 on record, the cadre still in post", async () => {
    const [row] = await h.db
      .select({ state: placements.state, body: placements.body })
      .from(placements)
      .where(eq(placements.id, "demo-pl-hs-admonished"))
    expect(row?.state).toBe("in_term")
    const body = row?.body as {
      admonishments?: ReadonlyArray<{ triggerId: string; measures: ReadonlyArray<string> }>
    }
    expect(body.admonishments?.map((a) => [a.triggerId, a.measures])).toEqual([
      ["admonish_below_60", ["admonishment_talk"]],
    ])
    const audit = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        sql`${auditLog.action} = 'placement.Admonish' and ${auditLog.entityId} = 'demo-pl-hs-admonished'`,
      )
    expect(audit[0]?.n).toBe(1)
  })
})
