/**
 * 区划导入 as an import kind (issue 14): streets, townships, communities and villages under the importer's
 * district, one a row, each decoded by the kernel's Region Schema. A row's parent is named in 上级区划代码 or,
 * for a 12-digit 统计用区划代码, read from the code (Regions.StatsCode); a parent may be another row of the file,
 * in any order, or a region on file within the scope. A code on file is the same region: a new name updates it
 * (the report says so); its level and parent are not changed by an import (a move changes every path beneath).
 * The whole file is one batch (a district's tree is a few hundred rows; at most {@link TREE_MAX_ROWS}), applied
 * parents first; every region created or renamed has its audit row with source "imported". Who: `tree.import`
 * (the org dept) within its scope.
 */
import {
  type Handle,
  importRows,
  q,
  type RegionRecord,
  regionQueries,
  regions,
  writeAuditMany,
} from "@cadre/db"
import { Access, Regions } from "@cadre/domain"
import { type ImportCells, importTemplateXlsx, REGION_LAYOUT, type RegionCells } from "@cadre/exports"
import { asc, eq, inArray } from "drizzle-orm"
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

/** The most rows a region-tree file may hold (it is applied as one batch). */
export const TREE_MAX_ROWS = 20_000

/** The levels a file may hold, by their zh-CN name (and their key). */
const IMPORTED_LEVELS = ["street", "township", "community", "village"] as const
type ImportedLevel = (typeof IMPORTED_LEVELS)[number]
const LEVEL_BY_LABEL = new Map<string, ImportedLevel>(
  IMPORTED_LEVELS.flatMap((l) => [
    [Regions.REGION_LEVEL_LABELS[l].zh, l],
    [l, l],
  ]),
)

/** A region on file as the import compares it. */
interface OnFile {
  readonly id: string
  readonly name: string
  readonly level: Regions.RegionLevel
  readonly parentId: string | null
  readonly path: string
  readonly status: "active" | "merged"
}

/** What a row comes to: its outcome and, when valid, the region to write and its depth below the file's roots. */
interface Planned {
  readonly rowNo: number
  readonly errors: Array<RowError>
  outcome: "new" | "changed" | "unchanged" | "invalid"
  region?: {
    readonly id: string
    readonly name: string
    readonly level: ImportedLevel
    readonly parentId: string
  }
  changed: ReadonlyArray<string>
}

const err = (cells: ImportCells, key: string, zh: string, en: string) =>
  columnError(REGION_LAYOUT, cells, key, zh, en)

const columnOfPath = (path: string): string =>
  path.startsWith("parentId")
    ? "parent"
    : path.startsWith("name")
      ? "name"
      : path.startsWith("level")
        ? "level"
        : "code"

/** The regions on file the rows name (their codes and parents, and the parents their codes imply), unscoped. */
const onFileFor = (h: Handle, rows: ReadonlyArray<StagedRow>): Effect.Effect<Map<string, OnFile>> => {
  const ids = new Set<string>()
  for (const r of rows) {
    const c = r.data as RegionCells
    for (const id of [c.code, c.parent, ...Regions.StatsCode.statsCodeParents(c.code)])
      if (id !== "") ids.add(id)
  }
  return ids.size === 0
    ? Effect.succeed(new Map())
    : Effect.map(
        q(
          h
            .select({
              id: regions.id,
              name: regions.name,
              level: regions.level,
              parentId: regions.parentId,
              path: regions.path,
              status: regions.status,
            })
            .from(regions)
            .where(inArray(regions.id, [...ids])),
          "import.regionsOnFile",
        ),
        (found) => new Map(found.map((r) => [r.id, { ...r, level: r.level as Regions.RegionLevel }])),
      )
}

/**
 * Plan every row of a file against the regions on file, as the importer: decode, find the parent (a row of the
 * file or a region within the scope), compare with the region on file. A row whose parent row is in error is in
 * error too; a cycle of parents is refused. Pure.
 */
export const planTree = (
  actor: Access.Actor,
  rows: ReadonlyArray<{ readonly rowNo: number; readonly cells: RegionCells }>,
  onFile: ReadonlyMap<string, OnFile>,
): ReadonlyArray<Planned> => {
  const inScope = (r: OnFile) => Access.pathWithin(actor.scopePath, r.path)
  const plans: Array<Planned> = []
  const byCode = new Map<string, { plan: Planned; cells: RegionCells; level: ImportedLevel | undefined }>()
  for (const { rowNo, cells } of rows) {
    const plan: Planned = {
      rowNo,
      errors: requiredErrors(REGION_LAYOUT, cells),
      outcome: "invalid",
      changed: [],
    }
    plans.push(plan)
    const level = LEVEL_BY_LABEL.get(cells.level)
    if (cells.level !== "" && level === undefined)
      plan.errors.push(
        err(cells, "level", "层级应为“街道”“乡镇”“社区”或“村”", "the level must be 街道, 乡镇, 社区 or 村"),
      )
    if (level !== undefined && !Regions.StatsCode.statsCodeFits(cells.code, level))
      plan.errors.push(
        err(
          cells,
          "code",
          `12 位统计用区划代码与层级“${Regions.REGION_LEVEL_LABELS[level].zh}”不符（街道、乡镇末 3 位为 000，社区、村末 3 位不为 000）`,
          `the 12-digit code does not fit the level ${level} (a street's ends in 000, a community's does not)`,
        ),
      )
    const first = cells.code === "" ? undefined : byCode.get(cells.code)
    if (first !== undefined)
      plan.errors.push(
        err(
          cells,
          "code",
          `与第 ${first.plan.rowNo} 行的区划代码重复`,
          `the same code as row ${first.plan.rowNo}`,
        ),
      )
    else if (cells.code !== "") byCode.set(cells.code, { plan, cells, level })
  }
  // The parent: named, or the first of the code's implied parents found in the file or on file.
  const parentOf = new Map<Planned, string>()
  for (const { plan, cells, level } of byCode.values()) {
    const implied = Regions.StatsCode.statsCodeParents(cells.code)
    const parentId =
      cells.parent !== "" ? cells.parent : implied.find((id) => byCode.has(id) || onFile.has(id))
    if (parentId === undefined) {
      plan.errors.push(
        implied.length === 0
          ? err(
              cells,
              "parent",
              "须填写上级区划代码（区划代码不是 12 位统计用区划代码）",
              "name the parent (the code is not a 12-digit statistical code)",
            )
          : err(
              cells,
              "parent",
              `上级区划 ${implied.join(" 或 ")} 不存在`,
              `the parent ${implied.join(" or ")} does not exist`,
            ),
      )
      continue
    }
    parentOf.set(plan, parentId)
    const parentRow = byCode.get(parentId)
    const parentOnFile = onFile.get(parentId)
    const parentLevel =
      parentRow?.level ??
      (parentOnFile !== undefined && inScope(parentOnFile) ? parentOnFile.level : undefined)
    if (
      parentRow === undefined &&
      (parentOnFile === undefined || !inScope(parentOnFile) || parentOnFile.status !== "active")
    )
      plan.errors.push(
        err(cells, "parent", "上级区划不存在或不在您的管辖范围内", "no such parent region within your scope"),
      )
    else if (level !== undefined && parentLevel !== undefined && !Regions.canBeParentOf(parentLevel, level))
      plan.errors.push(
        err(
          cells,
          "parent",
          `${Regions.REGION_LEVEL_LABELS[level].zh}不能隶属于${Regions.REGION_LEVEL_LABELS[parentLevel].zh}`,
          `a ${level} cannot be placed under a ${parentLevel}`,
        ),
      )
    const decoded = decodeCells(
      Regions.Region,
      "region",
      { id: cells.code, name: cells.name, level: level ?? cells.level, parentId },
      (path, zh, en) => err(cells, columnOfPath(path), zh, en),
    )
    if (Either.isLeft(decoded)) {
      if (plan.errors.length === 0) plan.errors.push(...decoded.left)
      continue
    }
    const existing = onFile.get(cells.code)
    if (existing !== undefined) {
      if (!inScope(existing) || existing.status !== "active")
        plan.errors.push(
          err(
            cells,
            "code",
            existing.status === "active"
              ? "该区划代码已被使用，不在您的管辖范围内"
              : "该区划已合并，不能再导入",
            existing.status === "active"
              ? "this code is taken outside your scope"
              : "this region has been merged",
          ),
        )
      else if (existing.level !== level || existing.parentId !== parentId)
        plan.errors.push(
          err(
            cells,
            existing.level !== level ? "level" : "parent",
            "层级或上级与系统中的区划不一致；导入不移动区划，请在区划管理中调整",
            "the level or parent differs from the region on file; an import does not move regions",
          ),
        )
    }
    if (plan.errors.length > 0 || level === undefined) continue
    plan.region = { id: cells.code, name: decoded.right.name, level, parentId }
    plan.changed = existing === undefined || existing.name === decoded.right.name ? [] : ["name"]
    plan.outcome = existing === undefined ? "new" : plan.changed.length > 0 ? "changed" : "unchanged"
  }
  // A row under a row in error (or in a cycle of parents) is in error too.
  const state = new Map<Planned, "visiting" | "ok" | "bad">()
  const cellsOfPlan = new Map([...byCode.values()].map((e) => [e.plan, e.cells]))
  const check = (plan: Planned): boolean => {
    const seen = state.get(plan)
    if (seen === "visiting") return false
    if (seen !== undefined) return seen === "ok"
    state.set(plan, "visiting")
    const parentRow = byCode.get(parentOf.get(plan) ?? "")
    let ok = plan.outcome !== "invalid"
    if (parentRow !== undefined && !check(parentRow.plan)) {
      if (ok)
        plan.errors.push(
          err(
            cellsOfPlan.get(plan) ?? parentRow.cells,
            "parent",
            `上级区划（第 ${parentRow.plan.rowNo} 行）有误或上级关系成环`,
            `the parent region (row ${parentRow.plan.rowNo}) is in error, or the parents form a cycle`,
          ),
        )
      ok = false
    }
    if (!ok) plan.outcome = "invalid"
    state.set(plan, ok ? "ok" : "bad")
    return ok
  }
  for (const { plan } of byCode.values()) check(plan)
  return plans
}

const writeOf = (p: Planned, personId: string | null = null): RowWrite => ({
  rowNo: p.rowNo,
  outcome: p.errors.length > 0 ? "invalid" : p.outcome,
  errors: p.errors.length > 0 ? p.errors : null,
  changed: p.outcome === "changed" ? [...p.changed] : null,
  personId,
})

const cellsOf = (rows: ReadonlyArray<StagedRow>) =>
  rows.map((r) => ({ rowNo: r.rowNo, cells: r.data as RegionCells }))

/** The preview reads the whole file first: a parent may come after its children. */
const preview: ImportKindHandler["preview"] = (h, actor, jobId) =>
  Effect.gen(function* () {
    const rows = yield* q(
      h
        .select({ rowNo: importRows.rowNo, data: importRows.data, outcome: importRows.outcome })
        .from(importRows)
        .where(eq(importRows.jobId, jobId))
        .orderBy(asc(importRows.rowNo))
        .limit(TREE_MAX_ROWS),
      "import.treeRows",
    )
    const onFile = yield* onFileFor(h, rows)
    const planned = new Map(planTree(actor, cellsOf(rows), onFile).map((p) => [p.rowNo, p]))
    return (chunk) =>
      Effect.succeed(
        chunk.map((r) => {
          const p = planned.get(r.rowNo)
          return p === undefined
            ? {
                rowNo: r.rowNo,
                outcome: "invalid" as const,
                errors: [
                  err(
                    r.data as RegionCells,
                    "code",
                    `区划文件至多 ${TREE_MAX_ROWS} 行，请分批导入`,
                    `a region file holds at most ${TREE_MAX_ROWS} rows; import in parts`,
                  ),
                ],
                changed: null,
                personId: null,
              }
            : writeOf(p)
        }),
      )
  })

/** Depth of a planned row below the regions on file (its parents in the file first). */
const depthOf = (plans: ReadonlyArray<Planned>) => {
  const byId = new Map(plans.flatMap((p) => (p.region === undefined ? [] : [[p.region.id, p] as const])))
  const depth = (p: Planned, n = 0): number => {
    const parent = p.region === undefined ? undefined : byId.get(p.region.parentId)
    return parent === undefined || n > plans.length ? n : depth(parent, n + 1)
  }
  return depth
}

/** Apply the file (one batch), re-planned against the regions as they are now, parents first. */
const apply: ImportKindHandler["apply"] = (tx, ctx, job, rows) =>
  Effect.gen(function* () {
    const valid = rows.filter((r) => r.outcome !== "invalid")
    const onFile = yield* onFileFor(tx, valid)
    const plans = planTree(ctx.actor, cellsOf(valid), onFile)
    const depth = depthOf(plans)
    const ordered = [...plans].sort((a, b) => depth(a) - depth(b) || a.rowNo - b.rowNo)
    const paths = new Map([...onFile.values()].map((r) => [r.id, r.path]))
    const outcomes: Array<RowWrite> = []
    const audits: Array<{ action: string; record: RegionRecord; before: unknown }> = []
    for (const p of ordered) {
      const r = p.region
      if (p.outcome === "invalid" || r === undefined) {
        outcomes.push(writeOf(p))
        continue
      }
      if (p.outcome === "new") {
        const path = `${paths.get(r.parentId) ?? ""}${r.id}/`
        const [created] = yield* regionQueries.insert(tx, { ...r, path })
        paths.set(r.id, path)
        if (created !== undefined) audits.push({ action: "region.create", record: created, before: null })
      } else if (p.outcome === "changed") {
        const before = onFile.get(r.id)
        const [renamed] = yield* regionQueries.rename(tx, r.id, r.name)
        if (renamed !== undefined)
          audits.push({ action: "region.rename", record: renamed, before: { name: before?.name } })
      }
      outcomes.push(writeOf(p, r.id))
    }
    yield* writeAuditMany(
      tx,
      ctx,
      audits.map((a) => ({
        action: a.action,
        entity: "region",
        entityId: a.record.id,
        regionPath: a.record.path,
        before: a.before,
        after: { ...a.record, source: "imported", importJob: job.id },
      })),
    )
    const count = (o: string) => outcomes.filter((w) => w.outcome === o).length
    return {
      outcomes,
      created: count("new"),
      updated: count("changed"),
      unchanged: count("unchanged"),
      skipped: rows.length - valid.length + count("invalid"),
    }
  })

/** The template: example rows under the importer's own region (a 12-digit code where it is a division code). */
const template: ImportKindHandler["template"] = (_h, actor) => {
  const top = scopeRegionId(actor)
  const county = /^\d{6}$/.test(top) ? top : undefined
  const street = county === undefined ? `${top}-s1` : `${county}901000`
  const examples: ReadonlyArray<RegionCells> = [
    { code: street, name: "某某街道（示例）", level: "街道", parent: county === undefined ? top : "" },
    {
      code: county === undefined ? `${top}-s1-c1` : `${county}901001`,
      name: "某某社区（示例）",
      level: "社区",
      parent: county === undefined ? street : "",
    },
  ]
  return Effect.promise(() =>
    importTemplateXlsx(
      REGION_LAYOUT,
      [{ title: "层级", values: IMPORTED_LEVELS.map((l) => Regions.REGION_LEVEL_LABELS[l].zh) }],
      examples,
    ),
  )
}

export const regionsKind: ImportKindHandler = {
  kind: "regions",
  permission: "tree.import",
  layout: REGION_LAYOUT,
  batch: TREE_MAX_ROWS,
  preview,
  apply,
  template,
  mask: (cells) => cells,
}
