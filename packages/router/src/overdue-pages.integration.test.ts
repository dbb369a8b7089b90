import { ReportService } from "@cadre/services"
import { sql } from "drizzle-orm"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, makeHarness } from "./test-support.js"

/**
 * Issue 19: reports.overdue pages in ReportService over the materialised obligations (report_obligations), a
 * keyset on (due date, obligation key): the order, every row once along the cursor while a report is filed between
 * two pages, the scope, and a capped total that says whether it is exact.
 */

let h: Harness
/** Jincheng's org dept: the demo's serving placements with reports due are there. */
let jc: Record<string, string>
/** Da'an's org dept: another district, none of Jincheng's rows. */
let da: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  jc = await h.actorHeaders({ role: "org_dept_admin", regionId: "140500" })
  da = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
}, 300_000)
afterAll(async () => h?.close())

type Row = { placementId: string; key: string; due: string | null; daysOverdue: number; regionId: string }

const walk = async (
  headers: Record<string, string>,
  limit: number,
  between?: (n: number) => Promise<void>,
) => {
  const out: Array<Row> = []
  let cursor: string | undefined
  let n = 0
  do {
    const page = await h
      .caller(headers)
      .reports.overdue({ limit, ...(cursor === undefined ? {} : { cursor }) })
    expect(page.items.length).toBeLessThanOrEqual(limit)
    out.push(...page.items)
    cursor = page.nextCursor ?? undefined
    if (between !== undefined && cursor !== undefined) await between(n++)
  } while (cursor !== undefined)
  return out
}

describe("reports.overdue pages (issue 19)", () => {
  it("orders by due date then obligation key, with a total that says it is exact", async () => {
    h.setToday("2027-01-15")
    const first = await h.caller(jc).reports.overdue({ limit: 200 })
    expect(first.total).toBeGreaterThan(3)
    expect(first.totalExact).toBe(true)
    expect(first.items.length).toBe(first.total)
    const keys = first.items.map((o) => [o.due ?? "", o.key] as const)
    const sorted = [...keys].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
    )
    expect(keys).toEqual(sorted)
    // Most overdue first: the day count never rises down the list.
    const days = first.items.map((o) => o.daysOverdue)
    expect(days).toEqual([...days].sort((a, b) => b - a))
    expect(first.items.every((o) => o.clause.length > 0 && o.personName.length > 0)).toBe(true)
  })

  it("gives every row once along the cursor while a report on a later page is filed between pages", async () => {
    h.setToday("2027-01-15")
    const before = (await h.caller(jc).reports.overdue({ limit: 200 })).items
    expect(before.length).toBeGreaterThan(4)
    const target = before.at(-1) as Row
    const walked = await walk(jc, 2, async (n) => {
      if (n !== 0) return
      await h
        .caller(jc)
        .reports.submit({ placementId: target.placementId, key: target.key, text: "补报", attachments: [] })
    })
    const keys = walked.map((o) => o.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toEqual(before.map((o) => o.key).filter((k) => k !== target.key))
    const after = await h.caller(jc).reports.overdue({})
    expect(after.total).toBe(before.length - 1)
    expect(after.items.map((o) => o.key)).not.toContain(target.key)
  })

  it("keeps to the caller's scope, the region asked for and the placements asked for", async () => {
    h.setToday("2027-01-15")
    const mine = await walk(jc, 200)
    const theirs = await walk(da, 200)
    const mineIds = new Set(mine.map((o) => o.placementId))
    expect(theirs.some((o) => mineIds.has(o.placementId))).toBe(false)
    // Da'an's org dept asking for Jincheng's region gets nothing, not Jincheng's rows.
    const foreign = await h.caller(da).reports.overdue({ regionId: "140500" })
    expect(foreign.items).toEqual([])
    expect(foreign.total).toBe(0)
    const one = mine[0]?.placementId ?? ""
    const narrowed = await h.caller(jc).reports.overdue({ placementIds: [one], limit: 1 })
    expect(narrowed.items.every((o) => o.placementId === one)).toBe(true)
    expect(narrowed.total).toBe(mine.filter((o) => o.placementId === one).length)
    // Another district's placement ids narrow to nothing.
    const other = theirs[0]?.placementId
    if (other !== undefined)
      expect((await h.caller(jc).reports.overdue({ placementIds: [other] })).total).toBe(0)
  })

  it("catches up placements whose obligations were never materialised (rows written before 0020) to the same list", async () => {
    h.setToday("2028-09-30")
    const before = await walk(jc, 200)
    expect(before.length).toBeGreaterThan(0)
    await h.handle.db.execute(sql`delete from report_obligations`)
    await h.handle.db.execute(sql`update placements set obligations_version = null`)
    expect((await h.caller(jc).reports.overdue({})).total).toBe(0)
    const n = await h.deps.runtime.runPromise(
      Effect.flatMap(ReportService, (s) => s.materialiseObligations(7)),
    )
    expect(n).toBeGreaterThan(7)
    expect(await walk(jc, 200)).toEqual(before)
    // Nothing left to catch up: a second run touches nothing.
    expect(
      await h.deps.runtime.runPromise(Effect.flatMap(ReportService, (s) => s.materialiseObligations())),
    ).toBe(0)
  })
})
