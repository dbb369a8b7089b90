/**
 * 花名册导入 as an import kind (issue 14): a row is a person, found by ID number; `person.write` within the
 * importer's scope (`Access.writesPerson`: a dispatching unit's admin only for its own unit). A batch writes the
 * people, their versions (source "imported") and one audit row naming every person it created or updated.
 */
import { randomBytes } from "node:crypto"
import {
  type Handle,
  one,
  type PersonRecord,
  people,
  peopleQueries,
  q,
  regions,
  units,
  writeAudit,
} from "@cadre/db"
import { Access, Person } from "@cadre/domain"
import { type ImportCells, ROSTER_LAYOUT, type RosterCells, rosterTemplateXlsx } from "@cadre/exports"
import { eq, inArray, sql } from "drizzle-orm"
import { Effect, Either } from "effect"
import type { ImportKindHandler, RowOutcome, RowWrite, StagedRow } from "./kind.js"
import {
  exampleRows,
  profileOfRow,
  type RowError,
  type RowUnit,
  rosterCodeLists,
  rowError,
} from "./roster.js"

/** The units an importer may name, by id and by name (a name held by two units is ambiguous). */
interface UnitIndex {
  readonly byId: Map<string, RowUnit>
  readonly byName: Map<string, RowUnit | "ambiguous">
}

/** The fields a roster row may change, as the report names them (zh-CN titles). */
const FIELD_TITLES: Readonly<Record<string, string>> = {
  name: "姓名",
  sex: "性别",
  ethnicity: "民族",
  birthDate: "出生日期",
  phone: "联系电话",
  party: "入党/转正时间",
  education: "学历",
  employment: "人员类别",
  rank: "职级",
  workStarted: "参加工作时间",
  currentUnit: "工作单位",
  currentPosition: "职务",
  regionId: "所属区域",
  unitId: "工作单位",
}
export const changedFieldTitle = (f: string): string => FIELD_TITLES[f] ?? f

/** What a row comes to against the database: its outcome, errors, and what to write. */
type Classified =
  | { readonly outcome: "invalid"; readonly errors: ReadonlyArray<RowError> }
  | {
      readonly outcome: "new"
      readonly profile: Person.Profile
      readonly unit: RowUnit
    }
  | {
      readonly outcome: "changed" | "unchanged"
      readonly profile: Person.Profile
      readonly unit: RowUnit
      readonly onFile: PersonRecord
      readonly changed: ReadonlyArray<string>
    }

const unitIndex = (h: Handle, actor: Access.Actor): Effect.Effect<UnitIndex> =>
  Effect.map(
    q(
      h
        .select({ id: units.id, name: units.name, regionId: units.regionId, regionPath: regions.path })
        .from(units)
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(sql`${regions.path} like ${actor.scopePath} || '%' and ${regions.status} = 'active'`),
      "import.units",
    ),
    (rows) => {
      const byId = new Map<string, RowUnit>()
      const byName = new Map<string, RowUnit | "ambiguous">()
      for (const r of rows) {
        byId.set(r.id, r)
        byName.set(r.name, byName.has(r.name) ? "ambiguous" : r)
      }
      return { byId, byName }
    },
  )

/** The records on file for a chunk's ID numbers, with their paths. */
const onFileFor = (h: Handle, rows: ReadonlyArray<StagedRow>) => {
  const idNumbers = rows.map((r) =>
    String((r.data as RosterCells).idNumber ?? "")
      .trim()
      .toUpperCase(),
  )
  return idNumbers.length === 0
    ? Effect.succeed(new Map<string, PersonRecord>())
    : Effect.map(
        q(
          h
            .select({ person: people, path: regions.path })
            .from(people)
            .innerJoin(regions, eq(regions.id, people.regionId))
            .where(inArray(people.idNumber, idNumbers)),
          "import.onFile",
        ),
        (found) => new Map(found.map((r) => [r.person.idNumber, peopleQueries.toRecord(r.person, r.path)])),
      )
}

/** One row against the units the actor may name and the records on file. */
const classify = (
  actor: Access.Actor,
  cells: RosterCells,
  unitsIdx: UnitIndex,
  onFile: ReadonlyMap<string, PersonRecord>,
): Classified => {
  const idNumber = cells.idNumber.trim().toUpperCase()
  const named =
    cells.unit === "" ? undefined : (unitsIdx.byId.get(cells.unit) ?? unitsIdx.byName.get(cells.unit))
  const errors: Array<RowError> = []
  if (cells.unit !== "" && named === undefined)
    errors.push(rowError(cells, "unit", "单位不存在或不在您的管辖范围内", "no such unit within your scope"))
  if (named === "ambiguous")
    errors.push(
      rowError(cells, "unit", "单位名称不唯一，请填写单位编号", "unit name is ambiguous; use the unit id"),
    )
  const unit = named === undefined || named === "ambiguous" ? undefined : named
  if (unit !== undefined && !Access.writesPerson(actor, { regionPath: unit.regionPath, unitId: unit.id }))
    errors.push(rowError(cells, "unit", "只能导入本单位的人员", "you may import only your own unit's people"))
  const existing = onFile.get(idNumber)
  if (
    existing !== undefined &&
    !Access.writesPerson(actor, { regionPath: existing.regionPath, unitId: existing.unitId })
  )
    errors.push(
      rowError(
        cells,
        "idNumber",
        "该身份证号已有人员记录，不在您的管辖范围内，请联系上级组织部门",
        "a record with this ID number exists outside your scope; contact the org dept above you",
      ),
    )
  const decoded = profileOfRow(
    { ...cells, idNumber },
    unit ?? { id: "", name: cells.unit, regionId: "", regionPath: "" },
    existing?.profile.id ?? "p-new",
    existing?.profile,
  )
  if (Either.isLeft(decoded)) errors.push(...decoded.left)
  if (errors.length > 0 || unit === undefined || Either.isLeft(decoded)) return { outcome: "invalid", errors }
  const profile = decoded.right
  if (existing === undefined) return { outcome: "new", profile, unit }
  const changed = [
    ...Person.changedFields(existing.profile, profile),
    ...(existing.regionId === unit.regionId ? [] : ["regionId"]),
    ...(existing.unitId === unit.id ? [] : ["unitId"]),
  ]
  return {
    outcome: changed.length === 0 ? "unchanged" : "changed",
    profile,
    unit,
    onFile: existing,
    changed,
  }
}

/** Only the last 4 characters of an ID number and phone are shown in a list of rows. */
const maskCells = (cells: ImportCells): ImportCells => {
  const c = cells as RosterCells
  return {
    ...c,
    idNumber: c.idNumber.length > 10 ? Person.maskIdNumber(c.idNumber) : c.idNumber,
    phone: c.phone === "" ? "" : Person.maskPhone(c.phone),
  }
}

/**
 * The preview of a roster: every row classified against the units the importer may name and the records on file;
 * an ID number that appears twice in the file is an error on its later rows.
 */
const preview: ImportKindHandler["preview"] = (h, actor) =>
  Effect.map(unitIndex(h, actor), (unitsIdx) => {
    const seen = new Map<string, number>()
    return (rows) =>
      Effect.map(onFileFor(h, rows), (onFile) =>
        rows.map((r): RowWrite => {
          const cells = r.data as RosterCells
          const c = classify(actor, cells, unitsIdx, onFile)
          const key = cells.idNumber.trim().toUpperCase()
          const first = key === "" ? undefined : seen.get(key)
          let errors = c.outcome === "invalid" ? c.errors : []
          if (first !== undefined)
            errors = [
              ...errors,
              rowError(
                cells,
                "idNumber",
                `与第 ${first} 行的身份证号重复`,
                `the same ID number as row ${first}`,
              ),
            ]
          else if (key !== "") seen.set(key, r.rowNo)
          const outcome: RowOutcome = errors.length > 0 ? "invalid" : c.outcome
          return {
            rowNo: r.rowNo,
            outcome,
            errors: errors.length > 0 ? errors : null,
            changed: c.outcome === "changed" ? [...c.changed] : null,
            personId: null,
          }
        }),
      )
  })

/**
 * Apply a batch of roster rows (re-classified against the records as they are now): the people created and
 * updated, their versions with source "imported", one audit row naming them all.
 */
const apply: ImportKindHandler["apply"] = (tx, ctx, job, rows) =>
  Effect.gen(function* () {
    const actor = ctx.actor
    const unitsIdx = yield* unitIndex(tx, actor)
    const onFile = yield* onFileFor(tx, rows)
    let updated = 0
    let unchanged = 0
    let skipped = 0
    const outcomes: Array<RowWrite> = []
    const fresh: Array<{ rowNo: number; profile: Person.Profile; unit: RowUnit }> = []
    const versions: Array<{ record: PersonRecord; changed: ReadonlyArray<string> }> = []
    const updatedIds: Array<{ id: string; changed: ReadonlyArray<string> }> = []
    const inBatch = new Set<string>()
    for (const r of rows) {
      if (r.outcome === "invalid") {
        skipped++
        continue
      }
      const c = classify(actor, r.data as RosterCells, unitsIdx, onFile)
      if (c.outcome === "invalid" || inBatch.has(c.profile.idNumber)) {
        skipped++
        outcomes.push({
          rowNo: r.rowNo,
          outcome: "invalid",
          errors: c.outcome === "invalid" ? c.errors : [],
          changed: null,
          personId: null,
        })
        continue
      }
      inBatch.add(c.profile.idNumber)
      if (c.outcome === "unchanged") {
        unchanged++
        outcomes.push({
          rowNo: r.rowNo,
          outcome: "unchanged",
          errors: null,
          changed: [],
          personId: c.onFile.profile.id,
        })
        continue
      }
      if (c.outcome === "new") {
        const id = `p-${randomBytes(6).toString("hex")}`
        fresh.push({ rowNo: r.rowNo, profile: { ...c.profile, id: id as Person.PersonId }, unit: c.unit })
        continue
      }
      const after = yield* one(
        "person",
        c.onFile.profile.id,
        yield* peopleQueries.update(
          tx,
          c.onFile.profile.id,
          { regionId: c.unit.regionId, unitId: c.unit.id, profile: c.profile },
          c.unit.regionPath,
        ),
      )
      updated++
      versions.push({ record: after, changed: c.changed })
      updatedIds.push({ id: after.profile.id, changed: c.changed })
      outcomes.push({
        rowNo: r.rowNo,
        outcome: "changed",
        errors: null,
        changed: [...c.changed],
        personId: after.profile.id,
      })
    }
    const created = yield* peopleQueries.insertMany(
      tx,
      fresh.map((f) => ({
        regionId: f.unit.regionId,
        regionPath: f.unit.regionPath,
        unitId: f.unit.id,
        profile: f.profile,
      })),
    )
    for (const [i, rec] of created.entries()) {
      versions.push({ record: rec, changed: [] })
      const f = fresh[i]
      if (f !== undefined)
        outcomes.push({ rowNo: f.rowNo, outcome: "new", errors: null, changed: [], personId: rec.profile.id })
    }
    yield* peopleQueries.insertVersions(tx, versions, { source: "imported", actor })
    // One audit row per batch names every person it created or updated (each person's own history, with the
    // importer and the source, is in person_versions).
    if (created.length + updatedIds.length > 0)
      yield* writeAudit(tx, ctx, {
        action: "person.import_batch",
        entity: "import",
        entityId: job.id,
        regionPath: job.scopePath,
        before: null,
        after: {
          rows: [rows[0]?.rowNo, rows[rows.length - 1]?.rowNo],
          created: created.map((r) => r.profile.id),
          updated: updatedIds,
          source: "imported",
        },
      })
    return { outcomes, created: created.length, updated, unchanged, skipped }
  })

/** The template (zh-CN headers, the code lists, example rows naming one of the actor's units). */
const template: ImportKindHandler["template"] = (h, actor) =>
  Effect.flatMap(unitIndex(h, actor), (idx) => {
    const own = actor.scope._tag === "UnitScope" ? idx.byId.get(actor.scope.unitId) : undefined
    const unitName = own?.name ?? [...idx.byId.values()][0]?.name ?? "某某单位"
    return Effect.promise(() => rosterTemplateXlsx(rosterCodeLists(), exampleRows(unitName)))
  })

export const rosterKind: ImportKindHandler = {
  kind: "roster",
  permission: "person.write",
  layout: ROSTER_LAYOUT,
  batch: 500,
  preview,
  apply,
  template,
  mask: maskCells,
}
