import { auditLog, regions, units } from "@cadre/db"
import { and, eq, inArray, sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness, tagOf } from "./test-support.js"

/**
 * Issue 14, "a district from nothing": the region tree (streets, townships, communities, villages with their
 * codes) and the units come from a file, as the roster does — template, preview with errors by row, commit as a
 * job, idempotent re-import, a changed row updated by code and named. Here through the router with JSON rows
 * (imports.submitTreeRows); the file routes read the same rows from .xlsx/.csv (apps/api). Before: regions and
 * units could only be created one call at a time, and imports knew only the roster.
 */

let h: Harness
let org: Record<string, string>
let street: Record<string, string>
let integrator: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  street = await h.actorHeaders({ role: "street_admin", regionId: "310110001" })
  integrator = await h.actorHeaders({ role: "integrator", regionId: "310110" })
}, 120_000)
afterAll(async () => h?.close())

type RegionRow = { code: string; name: string; level: string; parent?: string }
type UnitRow = { id?: string; name: string; category: string; roles: string; region: string }

/** Submit rows, preview, and (when `mode` is given) commit and wait for the job to end. */
const importRows = async (
  kind: "regions" | "units",
  rows: ReadonlyArray<RegionRow> | ReadonlyArray<UnitRow>,
  mode?: "all_or_nothing" | "valid_only",
) => {
  const c = h.caller(org)
  const staged =
    kind === "regions"
      ? await c.imports.submitTreeRows({ kind, rows: rows as ReadonlyArray<RegionRow> })
      : await c.imports.submitTreeRows({ kind, rows: rows as ReadonlyArray<UnitRow> })
  const preview = await c.imports.preview({ jobId: staged.id })
  const errors = (await c.imports.rows({ jobId: staged.id, onlyErrors: true, limit: 200 })).rows
  if (mode === undefined) return { preview, errors, done: undefined, all: [] }
  await c.imports.commit({ jobId: staged.id, mode })
  let done = await c.imports.status({ jobId: staged.id })
  for (let i = 0; i < 200 && !["done", "failed", "cancelled"].includes(done.status); i++) {
    await new Promise((r) => setTimeout(r, 50))
    done = await c.imports.status({ jobId: staged.id })
  }
  const all = (await c.imports.rows({ jobId: staged.id, onlyErrors: false, limit: 200 })).rows
  return { preview, errors, done, all }
}

const regionRow = (id: string) => h.handle.db.select().from(regions).where(eq(regions.id, id))

describe("region tree import (区划导入)", () => {
  // Rows in any order: the community comes before its street, the village before its township.
  const tree: ReadonlyArray<RegionRow> = [
    { code: "310110009001", name: "新江湾一居民区", level: "社区" },
    { code: "310110009000", name: "新江湾城街道", level: "街道" },
    { code: "yp-cun-1", name: "示范村", level: "村", parent: "yp-zhen-1" },
    { code: "yp-zhen-1", name: "示范镇", level: "乡镇", parent: "310110" },
    // On file already: unchanged.
    { code: "310110003001", name: "国权路居民区", level: "社区" },
  ]

  it("previews new and unchanged rows, commits all-or-nothing as a job, builds the tree with its paths, audits each region as imported", async () => {
    const r = await importRows("regions", tree, "all_or_nothing")
    expect(r.preview.counts).toEqual({ new: 4, changed: 0, unchanged: 1, invalid: 0 })
    expect(r.done?.status).toBe("done")
    expect(r.done?.result).toEqual({ created: 4, updated: 0, unchanged: 1, skipped: 0 })
    const [community] = await regionRow("310110009001")
    expect(community?.path).toBe("/310000/310110/310110009000/310110009001/")
    expect(community?.parentId).toBe("310110009000")
    const [village] = await regionRow("yp-cun-1")
    expect(village?.path).toBe("/310000/310110/yp-zhen-1/yp-cun-1/")
    const seen = await h.caller(org).regions.tree({})
    expect(seen.map((x) => x.id)).toEqual(expect.arrayContaining(["310110009000", "yp-zhen-1", "yp-cun-1"]))
    const audits = await h.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "region.create"), sql`${auditLog.after}->>'source' = 'imported'`))
    expect(audits.map((a) => a.entityId).sort()).toEqual([
      "310110009000",
      "310110009001",
      "yp-cun-1",
      "yp-zhen-1",
    ])
  })

  it("re-importing the same file changes nothing; a renamed row updates the region by code and says what changed", async () => {
    const [before] = await regionRow("310110009000")
    const again = await importRows("regions", tree, "all_or_nothing")
    expect(again.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 5, invalid: 0 })
    expect(again.done?.result).toEqual({ created: 0, updated: 0, unchanged: 5, skipped: 0 })
    const [same] = await regionRow("310110009000")
    expect(same?.version).toBe(before?.version)

    const renamed = tree.map((row) =>
      row.code === "310110009000" ? { ...row, name: "新江湾城街道办事处" } : row,
    )
    const r = await importRows("regions", renamed, "all_or_nothing")
    expect(r.preview.counts).toEqual({ new: 0, changed: 1, unchanged: 4, invalid: 0 })
    expect(r.all.find((x) => x.changed.length > 0)).toMatchObject({
      changed: ["name"],
      personId: "310110009000",
    })
    const [after] = await regionRow("310110009000")
    expect(after?.name).toBe("新江湾城街道办事处")
    expect(after?.version).toBe((before?.version ?? 0) + 1)
    const [audit] = await h.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "region.rename"), eq(auditLog.entityId, "310110009000")))
    expect(audit?.after).toMatchObject({ name: "新江湾城街道办事处", source: "imported" })
  })

  it("a file with bad rows yields exactly those errors, by row and column, and all-or-nothing commits nothing", async () => {
    const bad: ReadonlyArray<RegionRow> = [
      { code: "310110010000", name: "好街道", level: "街道" }, // row 1: fine
      { code: "310110010001", name: "", level: "社区" }, // 2: name missing
      { code: "310110011000", name: "错层级", level: "社区" }, // 3: a town-rung code as a community
      { code: "yp-x-1", name: "无上级", level: "社区" }, // 4: no parent named, not a 12-digit code
      { code: "yp-x-2", name: "他区下", level: "街道", parent: "140500" }, // 5: parent outside the scope
      { code: "310110010000", name: "重复", level: "街道" }, // 6: the same code as row 1
      { code: "yp-x-3", name: "区", level: "区" }, // 7: a district cannot be imported
      { code: "yp-x-4", name: "错行下", level: "村", parent: "yp-x-1" }, // 8: under a row in error
      { code: "yp-y-1", name: "环一", level: "社区", parent: "yp-y-2" }, // 9, 10: a cycle
      { code: "yp-y-2", name: "环二", level: "社区", parent: "yp-y-1" },
      { code: "310110003002", name: "政立路", level: "社区", parent: "310110002" }, // 11: moved on file
    ]
    const r = await importRows("regions", bad)
    expect(r.preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 10 })
    const byRow = new Map(r.errors.map((x) => [x.rowNo, x.errors.map((e) => e.column)]))
    expect(byRow.get(2)).toEqual(["名称"])
    expect(byRow.get(3)).toEqual(expect.arrayContaining(["区划代码"]))
    expect(byRow.get(4)).toEqual(["上级区划代码"])
    expect(byRow.get(5)).toEqual(["上级区划代码"])
    expect(byRow.get(6)).toEqual(["区划代码"])
    expect(byRow.get(7)).toEqual(expect.arrayContaining(["层级"]))
    expect(byRow.get(8)).toEqual(["上级区划代码"])
    expect(byRow.get(9)).toEqual(["上级区划代码"])
    expect(byRow.get(11)).toEqual(["上级区划代码"])
    const outside = r.errors.find((x) => x.rowNo === 5)?.errors[0]
    expect(outside).toMatchObject({
      zh: "上级区划不存在或不在您的管辖范围内",
      en: "no such parent region within your scope",
    })
    const e = await failure(h.caller(org).imports.commit({ jobId: r.preview.id, mode: "all_or_nothing" }))
    expect(e.code).toBe("CONFLICT")
    expect(await regionRow("310110010000")).toEqual([])
  })

  it("only the district's org dept imports a tree: a street and an integrator are refused", async () => {
    for (const headers of [street, integrator]) {
      const e = await failure(
        h.caller(headers).imports.submitTreeRows({
          kind: "regions",
          rows: [{ code: "yp-z-1", name: "某社区", level: "社区", parent: "310110001" }],
        }),
      )
      expect(e.code).toBe("FORBIDDEN")
      expect(tagOf(e)).toBe("Forbidden")
    }
  })
})

describe("units import (单位导入)", () => {
  const file: ReadonlyArray<UnitRow> = [
    { name: "杨浦区档案局", category: "机关", roles: "派出", region: "310110" },
    {
      id: "u-yp-import-1",
      name: "新江湾一居委会",
      category: "社区（居民区）",
      roles: "接收",
      region: "新江湾一居民区",
    },
    // On file already (u-yp-mz): unchanged.
    { id: "u-yp-mz", name: "杨浦区民政局", category: "机关", roles: "派出", region: "310110" },
  ]

  it("creates units by name or id in regions of the scope, re-imports unchanged, updates a changed row by id and names the fields", async () => {
    const r = await importRows("units", file, "all_or_nothing")
    expect(r.preview.counts).toEqual({ new: 2, changed: 0, unchanged: 1, invalid: 0 })
    expect(r.done?.result).toEqual({ created: 2, updated: 0, unchanged: 1, skipped: 0 })
    const made = await h.handle.db.select().from(units).where(eq(units.name, "杨浦区档案局"))
    expect(made).toHaveLength(1)
    const [hosted] = await h.handle.db.select().from(units).where(eq(units.id, "u-yp-import-1"))
    expect(hosted?.regionId).toBe("310110009001")

    const again = await importRows("units", file, "all_or_nothing")
    expect(again.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 0 })
    expect(await h.handle.db.select().from(units).where(eq(units.name, "杨浦区档案局"))).toHaveLength(1)

    const changed = file.map((u) => (u.id === "u-yp-import-1" ? { ...u, roles: "派出、接收" } : u))
    const c = await importRows("units", changed, "valid_only")
    expect(c.done?.result).toEqual({ created: 0, updated: 1, unchanged: 2, skipped: 0 })
    expect(c.all.find((x) => x.changed.length > 0)).toMatchObject({
      changed: ["roles"],
      personId: "u-yp-import-1",
    })
    const audits = await h.handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          inArray(auditLog.action, ["unit.create", "unit.update"]),
          sql`${auditLog.after}->>'source' = 'imported'`,
        ),
      )
    expect(audits.map((a) => a.action).sort()).toEqual(["unit.create", "unit.create", "unit.update"])
  })

  it("bad rows: unknown category, bad roles, a region outside the scope, a unit moved, the same unit twice", async () => {
    const r = await importRows("units", [
      { name: "甲", category: "衙门", roles: "派出", region: "310110" },
      { name: "乙", category: "机关", roles: "主管", region: "310110" },
      { name: "丙", category: "机关", roles: "派出", region: "140500" },
      { id: "u-yp-mz", name: "杨浦区民政局", category: "机关", roles: "派出", region: "310110001" },
      { name: "丁", category: "机关", roles: "接收", region: "310110" },
      { name: "丁", category: "机关", roles: "接收", region: "310110" },
    ])
    expect(r.preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 5 })
    expect(r.errors.map((x) => [x.rowNo, x.errors.map((e) => e.column)])).toEqual([
      [1, ["单位类别"]],
      [2, ["单位角色"]],
      [3, ["所在区划"]],
      [4, ["所在区划"]],
      [6, ["单位名称"]],
    ])
  })
})
