import { sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, makeHarness } from "./test-support.js"

/**
 * Issue 19: figures.overdue / reports.overdue, now one SQL query over serving placements with their submissions,
 * still answer what the per-placement obligations (reports.obligations) say is overdue. (Reads by more than 65,535
 * ids are tested where they are built, in @cadre/db's pastParameterLimit.test.ts: a router test cloning 65,600
 * applications took minutes a run, most of it screening them.)
 */

let h: Harness
let org: Record<string, string>
/** Jincheng's org dept: the demo's serving placements with reports due are there. */
let jc: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  jc = await h.actorHeaders({ role: "org_dept_admin", regionId: "140500" })
}, 300_000)
afterAll(async () => h?.close())

const exec = (q: ReturnType<typeof sql>) => h.handle.db.execute(q)

/** Every overdue obligation by asking each placement in scope that has not ended (the old semantics). */
const overdueOneByOne = async (headers: Record<string, string>) => {
  const out: Array<string> = []
  let cursor: string | undefined
  for (;;) {
    const page = await h.caller(headers).placements.list({ limit: 200, cursor })
    for (const p of page.items) {
      if (["returned_to_unit", "adjusted", "recalled", "exited"].includes(p.state)) continue
      const obligations = await h.caller(headers).reports.obligations({ placementId: p.id })
      for (const o of obligations) if (o.status === "overdue") out.push(`${p.id} ${o.key}`)
    }
    if (page.nextCursor === null) return out.sort()
    cursor = page.nextCursor
  }
}

/** Every page of reports.overdue, followed by its cursor. */
const listed = async (headers: Record<string, string>) => {
  const out: Array<string> = []
  let cursor: string | undefined
  do {
    const page = await h
      .caller(headers)
      .reports.overdue({ limit: 200, ...(cursor === undefined ? {} : { cursor }) })
    out.push(...page.items.map((o) => `${o.placementId} ${o.key}`))
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
  return out.sort()
}

describe("overdue reports: one query over serving placements, the same answers (issue 19)", () => {
  it("equals the per-placement obligations on the demo data, on several days", async () => {
    for (const day of ["2026-03-21", "2026-06-01", "2027-01-15", "2028-09-30"]) {
      h.setToday(day)
      for (const who of [org, jc]) {
        const expected = await overdueOneByOne(who)
        expect(await listed(who)).toEqual(expected)
        expect((await h.caller(who).figures.overdue({})).total).toBe(expected.length)
      }
    }
  })

  it("leaves out a placement that has ended and a report filed late; keeps one filed for another obligation", async () => {
    h.setToday("2028-09-30")
    const before = await listed(jc)
    expect(before.length).toBeGreaterThan(1)
    const [placementId, key] = (before[0] ?? "").split(" ") as [string, string]
    const sameOther = before.filter((x) => x.startsWith(`${placementId} `) && x !== before[0])
    // Filed late: no longer overdue (late), the placement's other obligations still are.
    await exec(sql`insert into report_submissions (id, placement_id, obligation_key, report_id, submitted_on, submitted_by, body)
      values ('late-1', ${placementId}, ${key}, 'r', '2028-09-29', 'test',
        ${JSON.stringify({ key, submittedOn: "2028-09-29", by: "test", text: "迟交", attachments: [] })}::jsonb)`)
    const afterLate = await listed(jc)
    expect(afterLate).not.toContain(before[0])
    for (const x of sameOther) expect(afterLate).toContain(x)
    expect(afterLate).toEqual(await overdueOneByOne(jc))
    // Ended: nothing of it is chased any more.
    await exec(
      sql`update placements set state = 'exited', body = jsonb_set(body, '{state}', '"exited"') where id = ${placementId}`,
    )
    const afterExit = await listed(jc)
    expect(afterExit.some((x) => x.startsWith(`${placementId} `))).toBe(false)
    expect(afterExit).toEqual(await overdueOneByOne(jc))
  })

  it("pages: at most `limit` rows, most overdue first, every row once along the cursor; a forged cursor is refused", async () => {
    h.setToday("2027-01-15")
    const all = await h.caller(jc).reports.overdue({ limit: 200 })
    expect(all.total).toBeGreaterThan(2)
    const walked: Array<{ key: string; daysOverdue: number }> = []
    let cursor: string | undefined
    do {
      const page = await h
        .caller(jc)
        .reports.overdue({ limit: 2, ...(cursor === undefined ? {} : { cursor }) })
      expect(page.items.length).toBeLessThanOrEqual(2)
      expect(page.total).toBe(all.total)
      walked.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor !== undefined)
    expect(walked.map((o) => o.key)).toEqual(all.items.map((o) => o.key))
    expect(new Set(walked.map((o) => o.key)).size).toBe(all.total)
    const days = walked.map((o) => o.daysOverdue)
    expect(days).toEqual([...days].sort((a, b) => b - a))
    // Narrowed to one placement's rows (what a placements page asks for).
    const one = walked[0] === undefined ? "" : (all.items[0]?.placementId ?? "")
    const narrowed = await h.caller(jc).reports.overdue({ placementIds: [one] })
    expect(narrowed.items.every((o) => o.placementId === one)).toBe(true)
    expect(narrowed.total).toBe(all.items.filter((o) => o.placementId === one).length)
    const forged = await h
      .caller(jc)
      .reports.overdue({ cursor: "not-a-cursor" })
      .catch((e: unknown) => e)
    expect(String((forged as Error).message)).toContain("不是本接口给出的翻页游标")
  })
})
