/**
 * 单位导入 as an import kind (issue 14): 机关单位 and the bodies that host cadres, one a row, decoded by the
 * kernel's Unit Schema, each in a region of the importer's scope (by code or by name). A unit is found by its
 * 单位编号, or by its name when the file gives no id (a name must then be unique in the scope); a unit on file
 * updates its name, category and roles (the report says which), never its region (its people's scope hangs on
 * it). Every unit created or updated has its audit row with source "imported". Who: `tree.import` (the org dept).
 */
import { randomBytes } from "node:crypto"
import { type Handle, q, regions, type UnitRecord, unitQueries, units, writeAuditMany } from "@cadre/db"
import { type Access, Regions } from "@cadre/domain"
import { type ImportCells, importTemplateXlsx, UNIT_LAYOUT, type UnitCells } from "@cadre/exports"
import { eq, inArray, sql } from "drizzle-orm"
import { Effect, Either } from "effect"
import {
  columnError,
  decodeCells,
  type ImportKindHandler,
  type RowError,
  type RowWrite,
  requiredErrors,
  type StagedRow,
  scopeRegionId,
} from "./kind.js"

const CATEGORY_BY_LABEL = new Map<string, Regions.UnitCategory>(
  Regions.UNIT_CATEGORIES.flatMap((c) => [
    [Regions.UNIT_CATEGORY_LABELS[c].zh, c],
    [c, c],
  ]),
)
const ROLE_BY_LABEL = new Map<string, Regions.UnitRole>(
  (["dispatching", "host"] as const).flatMap((r) => [
    [Regions.UNIT_ROLE_LABELS[r].zh, r],
    [`${Regions.UNIT_ROLE_LABELS[r].zh}单位`, r],
    [r, r],
  ]),
)

interface RegionOnFile {
  readonly id: string
  readonly name: string
  readonly path: string
}
interface UnitOnFile {
  readonly id: string
  readonly name: string
  readonly regionId: string
  readonly roles: ReadonlyArray<string>
  readonly category: string
  readonly path: string
}

/** What the importer's scope holds: its active regions and its units, by id and by name. */
interface Scope {
  readonly regionById: Map<string, RegionOnFile>
  readonly regionByName: Map<string, RegionOnFile | "ambiguous">
  readonly unitById: Map<string, UnitOnFile>
  readonly unitByName: Map<string, UnitOnFile | "ambiguous">
  /** Unit ids of the file taken outside the scope. */
  readonly takenOutside: Set<string>
}

const byName = <T extends { readonly name: string }>(rows: ReadonlyArray<T>) => {
  const m = new Map<string, T | "ambiguous">()
  for (const r of rows) m.set(r.name, m.has(r.name) ? "ambiguous" : r)
  return m
}

const scopeOf = (h: Handle, actor: Access.Actor, rows: ReadonlyArray<StagedRow>): Effect.Effect<Scope> =>
  Effect.gen(function* () {
    const within = sql`${regions.path} like ${actor.scopePath} || '%'`
    const rs = yield* q(
      h
        .select({ id: regions.id, name: regions.name, path: regions.path })
        .from(regions)
        .where(sql`${within} and ${regions.status} = 'active'`),
      "import.unitRegions",
    )
    const us = yield* q(
      h
        .select({
          id: units.id,
          name: units.name,
          regionId: units.regionId,
          roles: units.roles,
          category: units.category,
          path: regions.path,
        })
        .from(units)
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(within),
      "import.unitsInScope",
    )
    const ids = rows.map((r) => (r.data as UnitCells).id).filter((id) => id !== "")
    const taken =
      ids.length === 0
        ? []
        : yield* q(h.select({ id: units.id }).from(units).where(inArray(units.id, ids)), "import.unitIds")
    const unitById = new Map(us.map((u) => [u.id, u]))
    return {
      regionById: new Map(rs.map((r) => [r.id, r])),
      regionByName: byName(rs),
      unitById,
      unitByName: byName(us),
      takenOutside: new Set(taken.map((t) => t.id).filter((id) => !unitById.has(id))),
    }
  })

/** A planned row: its outcome, errors, the unit to write (its id: the file's, the one on file, or new). */
interface Planned {
  readonly rowNo: number
  readonly outcome: "new" | "changed" | "unchanged" | "invalid"
  readonly errors: ReadonlyArray<RowError>
  readonly unit?: Regions.Unit
  readonly regionPath?: string
  readonly before?: UnitOnFile
  readonly changed: ReadonlyArray<string>
}

const err = (cells: ImportCells, key: string, zh: string, en: string) =>
  columnError(UNIT_LAYOUT, cells, key, zh, en)

const columnOfPath = (path: string): string =>
  path.startsWith("roles")
    ? "roles"
    : path.startsWith("category")
      ? "category"
      : path.startsWith("regionId")
        ? "region"
        : path.startsWith("id")
          ? "id"
          : "name"

/** One row against the scope; `seen` holds the keys (id, or name without id) of the rows before it. */
const planUnit = (rowNo: number, cells: UnitCells, scope: Scope, seen: Map<string, number>): Planned => {
  const errors = requiredErrors(UNIT_LAYOUT, cells)
  const category = CATEGORY_BY_LABEL.get(cells.category)
  if (cells.category !== "" && category === undefined)
    errors.push(err(cells, "category", "不在单位类别代码表中", "not in the unit category code list"))
  const roleLabels = cells.roles.split(/[、,，/\s]+/).filter((s) => s !== "")
  const roles = roleLabels.map((l) => ROLE_BY_LABEL.get(l))
  if (cells.roles !== "" && roles.some((r) => r === undefined))
    errors.push(
      err(cells, "roles", "单位角色应为“派出”“接收”或“派出、接收”", "roles must be 派出, 接收 or both"),
    )
  const named =
    cells.region === ""
      ? undefined
      : (scope.regionById.get(cells.region) ?? scope.regionByName.get(cells.region))
  if (cells.region !== "" && named === undefined)
    errors.push(err(cells, "region", "区划不存在或不在您的管辖范围内", "no such region within your scope"))
  if (named === "ambiguous")
    errors.push(
      err(cells, "region", "区划名称不唯一，请填写区划代码", "the region name is ambiguous; use its code"),
    )
  const region = named === undefined || named === "ambiguous" ? undefined : named
  const key = cells.id !== "" ? `id:${cells.id}` : `name:${cells.name}`
  const first = seen.get(key)
  if (first !== undefined)
    errors.push(
      err(
        cells,
        cells.id !== "" ? "id" : "name",
        `与第 ${first} 行是同一单位`,
        `the same unit as row ${first}`,
      ),
    )
  else seen.set(key, rowNo)
  if (cells.id !== "" && scope.takenOutside.has(cells.id))
    errors.push(
      err(cells, "id", "该单位编号已被使用，不在您的管辖范围内", "this unit id is taken outside your scope"),
    )
  const byNameOnFile = cells.id === "" ? scope.unitByName.get(cells.name) : undefined
  if (byNameOnFile === "ambiguous")
    errors.push(
      err(cells, "name", "单位名称不唯一，请填写单位编号", "the unit name is ambiguous; use the unit id"),
    )
  const before =
    cells.id !== "" ? scope.unitById.get(cells.id) : byNameOnFile === "ambiguous" ? undefined : byNameOnFile
  const decoded = decodeCells(
    Regions.Unit,
    "unit",
    {
      id: before?.id ?? (cells.id === "" ? "unit-new" : cells.id),
      name: cells.name,
      regionId: region?.id ?? "x",
      roles: roles.filter((r) => r !== undefined),
      category: category ?? cells.category,
    },
    (path, zh, en) => err(cells, columnOfPath(path), zh, en),
  )
  if (Either.isLeft(decoded) && errors.length === 0) errors.push(...decoded.left)
  if (before !== undefined && region !== undefined && before.regionId !== region.id)
    errors.push(
      err(
        cells,
        "region",
        "所在区划与系统中的单位不一致；导入不移动单位",
        "the region differs from the unit on file; an import does not move units",
      ),
    )
  if (errors.length > 0 || Either.isLeft(decoded) || region === undefined)
    return { rowNo, outcome: "invalid", errors, changed: [] }
  const unit = decoded.right
  if (before === undefined)
    return { rowNo, outcome: "new", errors, unit, regionPath: region.path, changed: [] }
  const changed = [
    ...(before.name === unit.name ? [] : ["name"]),
    ...(before.category === unit.category ? [] : ["category"]),
    ...([...before.roles].sort().join() === [...unit.roles].sort().join() ? [] : ["roles"]),
  ]
  return {
    rowNo,
    outcome: changed.length === 0 ? "unchanged" : "changed",
    errors,
    unit,
    regionPath: region.path,
    before,
    changed,
  }
}

const writeOf = (p: Planned, personId: string | null = null): RowWrite => ({
  rowNo: p.rowNo,
  outcome: p.outcome,
  errors: p.errors.length > 0 ? p.errors : null,
  changed: p.outcome === "changed" ? [...p.changed] : null,
  personId,
})

const preview: ImportKindHandler["preview"] = (h, actor) =>
  Effect.succeed((rows) => {
    const seen = new Map<string, number>()
    return Effect.map(scopeOf(h, actor, rows), (scope) =>
      rows.map((r) => writeOf(planUnit(r.rowNo, r.data as UnitCells, scope, seen))),
    )
  })

const apply: ImportKindHandler["apply"] = (tx, ctx, job, rows) =>
  Effect.gen(function* () {
    const scope = yield* scopeOf(tx, ctx.actor, rows)
    const seen = new Map<string, number>()
    const outcomes: Array<RowWrite> = []
    const audits: Array<{ action: string; record: UnitRecord; before: unknown }> = []
    const result = { created: 0, updated: 0, unchanged: 0, skipped: 0 }
    for (const r of rows) {
      if (r.outcome === "invalid") {
        result.skipped++
        continue
      }
      const p = planUnit(r.rowNo, r.data as UnitCells, scope, seen)
      if (p.outcome === "invalid" || p.unit === undefined || p.regionPath === undefined) {
        result.skipped++
        outcomes.push(writeOf({ ...p, outcome: "invalid" }))
        continue
      }
      if (p.outcome === "unchanged") {
        result.unchanged++
        outcomes.push(writeOf(p, p.unit.id))
        continue
      }
      const unit =
        p.outcome === "new" && (r.data as UnitCells).id === ""
          ? { ...p.unit, id: `unit-${randomBytes(4).toString("hex")}` as Regions.UnitId }
          : p.unit
      const [written] =
        p.outcome === "new"
          ? yield* unitQueries.insert(tx, unit, p.regionPath)
          : yield* unitQueries.update(tx, unit, p.regionPath)
      if (written !== undefined)
        audits.push({
          action: p.outcome === "new" ? "unit.create" : "unit.update",
          record: written,
          before: p.before ?? null,
        })
      if (p.outcome === "new") result.created++
      else result.updated++
      outcomes.push(writeOf(p, unit.id))
    }
    yield* writeAuditMany(
      tx,
      ctx,
      audits.map((a) => ({
        action: a.action,
        entity: "unit",
        entityId: a.record.id,
        regionPath: a.record.regionPath,
        before: a.before,
        after: { ...a.record, source: "imported", importJob: job.id },
      })),
    )
    return { outcomes, ...result }
  })

const template: ImportKindHandler["template"] = (_h, actor) =>
  Effect.promise(() =>
    importTemplateXlsx(
      UNIT_LAYOUT,
      [
        { title: "单位类别", values: Regions.UNIT_CATEGORIES.map((c) => Regions.UNIT_CATEGORY_LABELS[c].zh) },
        { title: "单位角色", values: ["派出", "接收", "派出、接收"] },
      ],
      [
        { id: "", name: "某某局（示例）", category: "机关", roles: "派出", region: scopeRegionId(actor) },
        {
          id: "",
          name: "某某社区居委会（示例）",
          category: "社区（居民区）",
          roles: "接收",
          region: scopeRegionId(actor),
        },
      ],
    ),
  )

export const unitsKind: ImportKindHandler = {
  kind: "units",
  permission: "tree.import",
  layout: UNIT_LAYOUT,
  batch: 500,
  preview,
  apply,
  template,
  mask: (cells) => cells,
}
