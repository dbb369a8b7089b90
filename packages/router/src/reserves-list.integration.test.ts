import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness } from "./test-support.js"

/**
 * Issue 19, reserves.list through the router on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * keyset pages by community then id (the index on the community), the cursor continuing without repeats, the total,
 * names and labels rather than codes; another district's reserves never appear; a caller without pool.review is
 * refused.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 180_000)
afterAll(async () => h?.close())

let seq = 400
const addPerson = async (regionId: string, address: string, name: string, birthDate: string) => {
  seq += 2
  return insertPerson(h.handle, {
    id: `rl-${seq}`,
    regionId,
    address,
    name,
    birthDate,
    sequence: seq + 1,
    phone: `1990004${String(seq).padStart(4, "0")}`,
    joined: "2012-07-01",
  })
}

describe("reserves.list: keyset pages of the reserve pool (issue 19)", () => {
  it("pages by community then id with a cursor and a total; rows carry names and labels; scope and permission hold", async () => {
    h.setToday("2026-04-01")
    const gz = await h.actorHeaders({ role: "org_dept_admin", regionId: "guizhou-district" })
    const base = { schemeId: "guizhou-street-reserve-pool", schemeVersion: 1 }
    const entered: Array<string> = []
    for (const [i, community] of ["guizhou-street-c3", "guizhou-street-c1", "guizhou-street-c2"].entries())
      for (const role of ["principal", "deputy"]) {
        const person = await addPerson(
          community,
          "520102",
          `后备${i}${role === "principal" ? "正" : "副"}`,
          "1990-05-01",
        )
        const r = await h.caller(gz).reserves.enter({
          ...base,
          regionId: community,
          personId: person,
          role,
          source: "nominated",
          basis: "社区推荐",
        })
        entered.push(r.id)
      }
    // Another district's reserve (beside the demo's two in 示例社区).
    const d3 = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    const other = await addPerson("district-003-s1-c1", "310110", "社工丙", "1997-05-01")
    const theirs = await h.caller(d3).reserves.enter({
      regionId: "district-003-s1-c1",
      schemeId: "secretary-team-management",
      schemeVersion: 1,
      personId: other,
      role: "committee_reserve",
      source: "community_worker",
      basis: "95后优秀社区工作者",
    })

    // Three pages of 2, in (community, id) order, nothing repeated or skipped.
    const seen: Array<{ regionId: string; id: string }> = []
    let cursor: string | undefined
    for (let n = 0; n < 4; n++) {
      const page = await h.caller(gz).reserves.list({ limit: 2, ...(cursor === undefined ? {} : { cursor }) })
      expect(page.total).toBe(6)
      seen.push(...page.items.map((r) => ({ regionId: r.regionId, id: r.id })))
      if (page.nextCursor === null) break
      cursor = page.nextCursor
    }
    expect(seen).toHaveLength(6)
    expect(new Set(seen.map((r) => r.id))).toEqual(new Set(entered))
    const sorted = [...seen].sort((a, b) =>
      a.regionId === b.regionId ? (a.id < b.id ? -1 : 1) : a.regionId < b.regionId ? -1 : 1,
    )
    expect(seen).toEqual(sorted)
    expect(seen.map((r) => r.id)).not.toContain(theirs.id)

    // Newest first reverses the order; a filter narrows the total.
    const desc = await h.caller(gz).reserves.list({ order: "desc", limit: 200 })
    expect(desc.items.map((r) => r.id)).toEqual([...sorted].reverse().map((r) => r.id))
    const c1 = await h.caller(gz).reserves.list({ regionId: "guizhou-street-c1" })
    expect(c1.total).toBe(2)
    const [row] = c1.items
    expect(row).toMatchObject({
      regionName: "和平社区",
      schemeName: expect.objectContaining({ zh: expect.any(String) }),
      sourceLabel: { zh: "社区推荐", en: "nominated by the community" },
      state: "active",
      stateLabel: { zh: "在库" },
      enteredOn: "2026-04-01",
    })
    expect(row?.personName).toMatch(/^后备1/)
    expect(c1.items.map((r) => r.roleLabel.zh).sort()).toEqual(
      ["社区副职后备干部", "社区正职后备干部"].sort(),
    )

    // The other district sees only its own.
    const mine = await h.caller(d3).reserves.list({})
    expect(mine.items.map((r) => r.id)).toContain(theirs.id)
    expect(mine.items.map((r) => r.id)).not.toContain(entered[0])
    expect(new Set(mine.items.map((r) => r.regionName))).toEqual(new Set(["示例社区"]))
    expect(mine.items.find((r) => r.id === theirs.id)?.roleLabel.zh).toBe("“两委”成员后备力量")

    // A cursor this list did not give out is refused at the field; a limit above 200 too.
    const bad = await failure(h.caller(gz).reserves.list({ cursor: "bm90LWEtY3Vyc29y" }))
    expect(bad.code).toBe("BAD_REQUEST")
    expect((await failure(h.caller(gz).reserves.list({ limit: 201 }))).code).toBe("BAD_REQUEST")

    // Without pool.review: refused.
    const host = await h.actorHeaders({ role: "host_unit_admin", unitId: "u-gz-jd" })
    expect((await failure(h.caller(host).reserves.list({}))).code).toBe("FORBIDDEN")
    expect((await failure(h.caller(host).reserves.schemes({}))).code).toBe("FORBIDDEN")

    // The pool schemes in sight, with roles and the waivable age cap (001 三（4）).
    const schemes = await h.caller(gz).reserves.schemes({})
    const s001 = schemes.schemes.find((s) => s.schemeId === "guizhou-street-reserve-pool")
    expect(s001?.roles.map((r) => r.key)).toEqual(["principal", "deputy"])
    expect(s001?.pipeline).toBe(false)
    expect(s001?.waivable).toEqual([expect.objectContaining({ ruleId: "age", clause: "001 三（4）" })])
    expect(schemes.schemes.map((s) => s.schemeId)).not.toContain("secretary-team-management")
    expect(schemes.sources.map((s) => s.source)).toContain("community_worker")
  }, 120_000)
})
