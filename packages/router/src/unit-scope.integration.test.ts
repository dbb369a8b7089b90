import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness } from "./test-support.js"

/**
 * Issue 13, "units see their own": a dispatching-unit (or host-unit) account sees and acts on the people,
 * applications, placements, reports and leave of its own unit only — dispatched from it, hosted by it, or
 * recommended by it — not the district. On the demo data: 杨浦区民政局 (u-yp-mz) recommended four people into
 * Yangpu's campaign and dispatched most of Yangpu's first secretaries; 教育局 (u-yp-jw) dispatched one
 * (demo-pl-yp-placed), 卫健委 (u-yp-wjw) another. Before: a unit account listed every person, application and
 * placement of the district and could grade a cadre another unit dispatched.
 */

let h: Harness
let mz: Record<string, string>
let jw: Record<string, string>
let org: Record<string, string>
let street: Record<string, string>
let xfj: Record<string, string>
let stranger: string

beforeAll(async () => {
  h = await makeHarness()
  h.setToday("2026-12-20")
  mz = await h.actorHeaders({ role: "dispatching_unit_admin", regionId: "310110", unitId: "u-yp-mz" })
  jw = await h.actorHeaders({ role: "dispatching_unit_admin", regionId: "310110", unitId: "u-yp-jw" })
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  street = await h.actorHeaders({ role: "street_admin", regionId: "310110004" })
  xfj = await h.actorHeaders({ role: "host_unit_admin", regionId: "140500", unitId: "u-jc-xfj" })
  // A person of the district with no unit on file: no unit's to see.
  stranger = await insertPerson(h.handle, {
    id: "t-unit-scope-stranger",
    regionId: "310110001001",
    address: "310110",
    name: "无单位",
    birthDate: "1990-03-01",
    sequence: 951,
    phone: "19900000951",
    joined: "2012-07-01",
  })
}, 120_000)
afterAll(async () => h?.close())

const allPlacements = async (headers: Record<string, string>) => {
  const page = await h.caller(headers).placements.list({ limit: 200 })
  return page.items
}

describe("people", () => {
  it("a unit lists only its own people (its staff, or people it dispatched or recommended)", async () => {
    const districtWide = (await h.caller(org).profiles.list({ limit: 200 })).items
    expect(districtWide.some((p) => p.id === stranger)).toBe(true)
    const mine = (await h.caller(mz).profiles.list({ limit: 200 })).items
    expect(mine.some((p) => p.id === "demo-p-03")).toBe(true)
    expect(mine.some((p) => p.id === stranger)).toBe(false)
    const theirs = (await h.caller(jw).profiles.list({ limit: 200 })).items
    // 教育局 dispatched demo-p-02 (demo-pl-yp-placed) and recommended no one: that is all it sees.
    expect(theirs.map((p) => p.id)).toEqual(["demo-p-02"])
  })

  it("another unit's person is not found", async () => {
    expect((await h.caller(mz).profiles.get({ id: "demo-p-03" })).id).toBe("demo-p-03")
    const e = await failure(h.caller(jw).profiles.get({ id: "demo-p-03" }))
    expect(e.code).toBe("NOT_FOUND")
    const s = await failure(h.caller(mz).profiles.get({ id: stranger }))
    expect(s.code).toBe("NOT_FOUND")
  })
})

describe("applications", () => {
  it("a unit lists the applications it recommended (or of its own people), and counts only those", async () => {
    const byOrg = await h.caller(org).applications.list({ campaignId: "demo-yangpu-2026", limit: 200 })
    expect(byOrg.items.length).toBeGreaterThanOrEqual(4)
    const byMz = await h.caller(mz).applications.list({ campaignId: "demo-yangpu-2026", limit: 200 })
    expect(byMz.items.length).toBe(byOrg.items.length)
    const byJw = await h.caller(jw).applications.list({ campaignId: "demo-yangpu-2026", limit: 200 })
    expect(byJw.items).toEqual([])
    expect(byJw.total).toBe(0)
    // The campaign's counts do not reveal other units' applications.
    const seen = await h.caller(jw).campaigns.get({ id: "demo-yangpu-2026" })
    const total = Object.values(seen.counts as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(total).toBe(0)
    const all = await h.caller(org).campaigns.get({ id: "demo-yangpu-2026" })
    expect(Object.values(all.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      byOrg.items.length,
    )
  })

  it("another unit's application is not found", async () => {
    const [first] = (await h.caller(mz).applications.list({ campaignId: "demo-yangpu-2026", limit: 1 })).items
    expect(first).toBeDefined()
    const id = (first as { id: string }).id
    expect((await h.caller(mz).applications.get({ id })).id).toBe(id)
    const e = await failure(h.caller(jw).applications.get({ id }))
    expect(e.code).toBe("NOT_FOUND")
  })
})

describe("placements", () => {
  it("a dispatching unit lists only the placements it dispatched", async () => {
    const byMz = (await allPlacements(mz)).map((p) => p.id)
    expect(byMz).toContain("demo-pl-yp-in-term")
    expect(byMz).not.toContain("demo-pl-yp-placed")
    expect(byMz).not.toContain("demo-pl-yp-probation")
    const byJw = (await allPlacements(jw)).map((p) => p.id)
    expect(byJw).toEqual(["demo-pl-yp-placed"])
    const e = await failure(h.caller(mz).placements.get({ id: "demo-pl-yp-placed" }))
    expect(e.code).toBe("NOT_FOUND")
  })

  it("a host unit lists only the placements on its own posts", async () => {
    const byXfj = await allPlacements(xfj)
    expect(byXfj.length).toBeGreaterThan(0)
    for (const p of byXfj) expect(p.hostUnit?.id).toBe("u-jc-xfj")
    const byOrg = await allPlacements(await h.actorHeaders({ role: "org_dept_admin", regionId: "140500" }))
    expect(byOrg.length).toBeGreaterThan(byXfj.length)
  })

  it("leave is seen through the placements a unit sees", async () => {
    const leaves = (await h.caller(xfj).leave.list({ limit: 200 })).items
    const own = new Set((await allPlacements(xfj)).map((p) => p.id))
    for (const l of leaves) expect(own.has(l.placementId)).toBe(true)
    const none = await h.caller(jw).leave.list({})
    expect(none.items).toEqual([])
    expect(none.total).toBe(0)
  })

  it("a unit may not grade a cadre another unit dispatched; the dispatching unit may", async () => {
    await h.caller(street).assessments.firstOpinion({
      placementId: "demo-pl-yp-in-term",
      cycleId: "annual",
      period: "2026",
      by: "street",
      opinion: "履职尽责",
      proposed: "competent",
    })
    const e = await failure(
      h.caller(jw).assessments.grade({
        placementId: "demo-pl-yp-in-term",
        cycleId: "annual",
        period: "2026",
        by: "dispatching_unit",
        grade: "competent",
      }),
    )
    expect(e.code).toBe("NOT_FOUND")
    const [row] = (await h.caller(org).assessments.list({ placementId: "demo-pl-yp-in-term" })).filter(
      (a) => a.period === "2026",
    )
    expect(row?.grade ?? null).toBeNull()
    const graded = await h.caller(mz).assessments.grade({
      placementId: "demo-pl-yp-in-term",
      cycleId: "annual",
      period: "2026",
      by: "dispatching_unit",
      grade: "competent",
    })
    expect(graded.grade).toBe("competent")
  })
})
