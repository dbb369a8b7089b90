import { type Access, Regions } from "@cadre/domain"
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm"
import { Effect, Option } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, seesRegionSql } from "../internal.js"
import { people, posts, regions, units } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * Regions as stored: the kernel Region plus its materialised path, status and row version. Every scoped read
 * filters with the actor's scope in SQL (`seesRegionSql`).
 */

/** A stored region: the kernel Region plus its path, status and row version. */
export interface RegionRecord extends Regions.Region {
  readonly path: string
  readonly status: "active" | "merged"
  readonly mergedInto: Regions.RegionId | null
  readonly mergeReason: string | null
  readonly version: number
  readonly updatedAt: Date
}

export type RegionRow = typeof regions.$inferSelect

/** Decode a row through the kernel Region Schema (a row that does not decode throws CorruptRow). */
export const toRegionRecord = (row: RegionRow): RegionRecord => {
  const region = decodeRow(Regions.Region, "regions", row.id, {
    id: row.id,
    name: row.name,
    level: row.level,
    ...(row.parentId === null ? {} : { parentId: row.parentId }),
  })
  return {
    ...region,
    path: row.path,
    status: row.status,
    mergedInto: row.mergedInto === null ? null : (row.mergedInto as Regions.RegionId),
    mergeReason: row.mergeReason,
    version: row.version,
    updatedAt: row.updatedAt,
  }
}

/** The row decoded, a corrupt row being a defect. */
export const decodeRegion = (row: RegionRow): Effect.Effect<RegionRecord> =>
  Effect.sync(() => toRegionRecord(row))

const decodeAll = (rows: ReadonlyArray<RegionRow>): Effect.Effect<ReadonlyArray<RegionRecord>> =>
  Effect.sync(() => rows.map(toRegionRecord))

/** Regions within the actor's scope, ordered by path (pre-order); merged ones only with `includeMerged`. */
export const tree = (
  h: Handle,
  actor: Access.Actor,
  includeMerged: boolean,
): Effect.Effect<ReadonlyArray<RegionRecord>> =>
  Effect.flatMap(
    q(
      h
        .select()
        .from(regions)
        .where(
          and(seesRegionSql(actor, regions.path), includeMerged ? undefined : eq(regions.status, "active")),
        )
        .orderBy(asc(regions.path)),
      "region.tree",
    ),
    decodeAll,
  )

/** One region within the actor's scope. */
export const get = (h: Handle, actor: Access.Actor, id: string): Effect.Effect<RegionRecord | undefined> =>
  Effect.flatMap(
    q(
      h
        .select()
        .from(regions)
        .where(and(eq(regions.id, id), seesRegionSql(actor, regions.path))),
      "region.get",
    ),
    ([r]) => (r === undefined ? Effect.succeed(undefined) : decodeRegion(r)),
  )

/** One region row, unscoped, whatever its status. */
export const find = (h: Handle, id: string): Effect.Effect<RegionRow | undefined> =>
  Effect.map(q(h.select().from(regions).where(eq(regions.id, id)), "region.find"), ([r]) => r)

/** The materialised path of a region, unscoped. */
export const pathOf = (h: Handle, id: string): Effect.Effect<Option.Option<string>> =>
  Effect.map(
    q(h.select({ path: regions.path }).from(regions).where(eq(regions.id, id)), "region.pathOf"),
    ([r]) => Option.fromNullable(r?.path),
  )

/** Paths of several regions (unscoped). */
export const pathsOf = (h: Handle, ids: ReadonlyArray<string>): Effect.Effect<Map<string, string>> =>
  ids.length === 0
    ? Effect.succeed(new Map())
    : Effect.map(
        q(
          h
            .select({ id: regions.id, path: regions.path })
            .from(regions)
            .where(inArray(regions.id, [...ids])),
          "region.pathsOf",
        ),
        (rows) => new Map(rows.map((r) => [r.id, r.path])),
      )

/** The path of an active region (unscoped), if there is one. */
export const activePath = (h: Handle, id: string): Effect.Effect<string | undefined> =>
  Effect.map(
    q(
      h
        .select({ path: regions.path })
        .from(regions)
        .where(and(eq(regions.id, id), eq(regions.status, "active"))),
      "region.activePath",
    ),
    ([r]) => r?.path,
  )

/** Lock (FOR UPDATE) and load a region the actor may see, whatever its status. */
export const lockVisible = (tx: Tx, actor: Access.Actor, id: string): Effect.Effect<RegionRow | undefined> =>
  Effect.map(
    q(
      tx
        .select()
        .from(regions)
        .where(and(eq(regions.id, id), seesRegionSql(actor, regions.path)))
        .for("update"),
      "region.lock",
    ),
    ([r]) => r,
  )

/**
 * Lock (FOR SHARE) an active region the actor may see: the region a new unit or post is placed in cannot be
 * merged away under the command.
 */
export const lockVisibleRegion = (
  tx: Tx,
  actor: Access.Actor,
  id: string,
): Effect.Effect<RegionRow | undefined> =>
  Effect.map(
    q(
      tx
        .select()
        .from(regions)
        .where(and(eq(regions.id, id), eq(regions.status, "active"), seesRegionSql(actor, regions.path)))
        .for("share"),
      "region.lockActive",
    ),
    ([r]) => r,
  )

/** Insert a region; the inserted record, decoded. */
export const insert = (
  tx: Tx,
  row: {
    readonly id: string
    readonly name: string
    readonly level: string
    /** Null only for the top of a tree (a district brought in by `cadre district:create`). */
    readonly parentId: string | null
    readonly path: string
  },
): Effect.Effect<ReadonlyArray<RegionRecord>> =>
  Effect.flatMap(q(tx.insert(regions).values(row).returning(), "region.insert"), decodeAll)

/**
 * Delete a region at the top of a tree that nothing refers to yet (undoing a bootstrap whose account could not be
 * made); a region something refers to is kept (the foreign key refuses, a Conflict).
 */
export const deleteTop = (tx: Tx, id: string): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(
    q(
      tx
        .delete(regions)
        .where(and(eq(regions.id, id), isNull(regions.parentId)))
        .returning({ id: regions.id }),
      "region.deleteTop",
    ),
    (rows) => rows.map((r) => r.id),
  )

/** Rename a region, bumping its version; the updated record, decoded. */
export const rename = (tx: Tx, id: string, name: string): Effect.Effect<ReadonlyArray<RegionRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(regions)
        .set({ name, version: sql`${regions.version} + 1`, updatedAt: sql`now()` })
        .where(eq(regions.id, id))
        .returning(),
      "region.rename",
    ),
    decodeAll,
  )

/** Whether an active region lies directly beneath `id`. */
export const hasActiveChild = (h: Handle, id: string): Effect.Effect<boolean> =>
  Effect.map(
    q(
      h
        .select({ id: regions.id })
        .from(regions)
        .where(and(eq(regions.parentId, id), eq(regions.status, "active")))
        .limit(1),
      "region.children",
    ),
    (rows) => rows.length > 0,
  )

/** Move every unit of region `from` to region `to` (bumping their versions); the moved ids. */
export const moveUnits = (tx: Tx, from: string, to: string): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(
    q(
      tx
        .update(units)
        .set({ regionId: to, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
        .where(eq(units.regionId, from))
        .returning({ id: units.id }),
      "region.merge.units",
    ),
    (rows) => rows.map((r) => r.id),
  )

/** Move every post of region `from` to region `to`, remembering where it came from; the moved ids. */
export const movePosts = (tx: Tx, from: string, to: string): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(
    q(
      tx
        .update(posts)
        .set({
          regionId: to,
          movedFromRegionId: from,
          version: sql`${posts.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(posts.regionId, from))
        .returning({ id: posts.id }),
      "region.merge.posts",
    ),
    (rows) => rows.map((r) => r.id),
  )

/** Move every person of region `from` to region `to` (bumping their versions); the moved ids. */
export const movePeople = (tx: Tx, from: string, to: string): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(
    q(
      tx
        .update(people)
        .set({ regionId: to, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
        .where(eq(people.regionId, from))
        .returning({ id: people.id }),
      "region.merge.people",
    ),
    (rows) => rows.map((r) => r.id),
  )

/** Mark a region merged into another, with the reason; the updated record, decoded. */
export const markMerged = (
  tx: Tx,
  id: string,
  into: string,
  reason: string,
): Effect.Effect<ReadonlyArray<RegionRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(regions)
        .set({
          status: "merged",
          mergedInto: into,
          mergeReason: reason,
          version: sql`${regions.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(regions.id, id))
        .returning(),
      "region.merge",
    ),
    decodeAll,
  )
