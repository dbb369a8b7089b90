import { type Access, Regions } from "@cadre/domain"
import { and, eq, ilike, type SQL, sql } from "drizzle-orm"
import { Effect } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, escapeLike, seesRegionSql, within } from "../internal.js"
import { regions, units } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import {
  type CappedCount,
  cappedCount,
  keysetAfter,
  keysetOrder,
  type Page,
  type PageRequest,
  toPage,
} from "./keyset.js"

/** Units (单位) as stored: the kernel Unit plus its region's path and row version, scoped by that path. */

/** A stored unit: the kernel Unit plus its region's path and row version. */
export interface UnitRecord extends Regions.Unit {
  readonly regionPath: string
  readonly version: number
}

export interface UnitFilter {
  readonly regionId?: string | undefined
  readonly role?: Regions.UnitRole | undefined
  /** A region's path: units of that region and beneath it. */
  readonly withinPath?: string | undefined
  /** Part of the unit's name (case-insensitive). */
  readonly name?: string | undefined
}

export type UnitRow = typeof units.$inferSelect

/** A unit row with its region's path. */
export interface UnitWithPath {
  readonly unit: UnitRow
  readonly path: string
}

/** Decode a row through the kernel Unit Schema (a row that does not decode throws CorruptRow). */
export const toUnitRecord = (row: UnitRow, regionPath: string): UnitRecord => ({
  ...decodeRow(Regions.Unit, "units", row.id, {
    id: row.id,
    name: row.name,
    regionId: row.regionId,
    roles: row.roles,
    category: row.category,
  }),
  regionPath,
  version: row.version,
})

/** The row decoded, a corrupt row being a defect. */
export const decodeUnit = (row: UnitRow, regionPath: string): Effect.Effect<UnitRecord> =>
  Effect.sync(() => toUnitRecord(row, regionPath))

const selectUnits = (h: Handle) =>
  h.select({ unit: units, path: regions.path }).from(units).innerJoin(regions, eq(units.regionId, regions.id))

const unitListWhere = (actor: Access.Actor, filter: UnitFilter): SQL | undefined =>
  and(
    seesRegionSql(actor, regions.path),
    filter.regionId === undefined ? undefined : eq(units.regionId, filter.regionId),
    filter.role === undefined ? undefined : sql`${filter.role} = any(${units.roles})`,
    filter.withinPath === undefined ? undefined : within(regions.path, filter.withinPath),
    filter.name === undefined ? undefined : ilike(units.name, `%${escapeLike(filter.name)}%`),
  )

/**
 * One keyset page of the units the actor sees passing the filter, by (name, id) — the index `units_name_idx`
 * (migration 0018): a picker reads units by name, and a unit added meanwhile lands in its place by name without
 * repeating or shifting the rows after the cursor.
 */
export const pageUnits = (
  h: Handle,
  actor: Access.Actor,
  filter: UnitFilter,
  page: PageRequest,
): Effect.Effect<Page<UnitRecord>> =>
  Effect.flatMap(
    q(
      selectUnits(h)
        .where(and(unitListWhere(actor, filter), keysetAfter(units.name, units.id, "text", page)))
        .orderBy(...keysetOrder(units.name, units.id, page))
        .limit(page.limit + 1),
      "unit.page",
    ),
    (found) =>
      Effect.sync(() =>
        toPage(
          found,
          page,
          (r) => ({ at: r.unit.name, id: r.unit.id }),
          (r) => toUnitRecord(r.unit, r.path),
        ),
      ),
  )

/** How many units the actor sees pass the filter, counted up to {@link COUNT_CAP} (`exact` says). */
export const countUnits = (h: Handle, actor: Access.Actor, filter: UnitFilter): Effect.Effect<CappedCount> =>
  cappedCount(
    h,
    h
      .select({ one: sql`1`.as("one") })
      .from(units)
      .innerJoin(regions, eq(units.regionId, regions.id))
      .where(unitListWhere(actor, filter)),
    "unit.count",
  )

/** One unit within the actor's scope. */
export const get = (h: Handle, actor: Access.Actor, id: string): Effect.Effect<UnitRecord | undefined> =>
  Effect.flatMap(
    q(selectUnits(h).where(and(eq(units.id, id), seesRegionSql(actor, regions.path))), "unit.get"),
    ([r]) => (r === undefined ? Effect.succeed(undefined) : decodeUnit(r.unit, r.path)),
  )

/** One unit row, unscoped (the unit a new post is placed in). */
export const find = (h: Handle, id: string): Effect.Effect<UnitRow | undefined> =>
  Effect.map(q(h.select().from(units).where(eq(units.id, id)), "unit.find"), ([r]) => r)

/** Lock (FOR UPDATE) a unit within the actor's scope, with its region's path. */
export const lockVisible = (
  tx: Tx,
  actor: Access.Actor,
  id: string,
): Effect.Effect<UnitWithPath | undefined> =>
  Effect.map(
    q(
      selectUnits(tx)
        .where(and(eq(units.id, id), seesRegionSql(actor, regions.path)))
        .for("update", { of: units }),
      "unit.lock",
    ),
    ([r]) => r,
  )

/** Insert a unit; the inserted record, decoded. */
export const insert = (
  tx: Tx,
  unit: Regions.Unit,
  regionPath: string,
): Effect.Effect<ReadonlyArray<UnitRecord>> =>
  Effect.flatMap(
    q(
      tx
        .insert(units)
        .values({
          id: unit.id,
          name: unit.name,
          regionId: unit.regionId,
          roles: [...unit.roles],
          category: unit.category,
        })
        .returning(),
      "unit.insert",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toUnitRecord(r, regionPath))),
  )

/** Replace a unit's name, roles and category, bumping its version; the updated record, decoded. */
export const update = (
  tx: Tx,
  unit: Regions.Unit,
  regionPath: string,
): Effect.Effect<ReadonlyArray<UnitRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(units)
        .set({
          name: unit.name,
          roles: [...unit.roles],
          category: unit.category,
          version: sql`${units.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(units.id, unit.id))
        .returning(),
      "unit.update",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toUnitRecord(r, regionPath))),
  )
