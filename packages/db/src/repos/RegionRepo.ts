import { randomBytes } from "node:crypto"
import { Access, Regions } from "@cadre/domain"
import { and, asc, eq, inArray, sql } from "drizzle-orm"
import { Context, Effect, Layer, Option, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  conflict,
  type DatabaseError,
  type InvalidInput,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeInput,
  decodeRow,
  query,
  read,
  requirePermission,
  seesRegionSql,
  transact,
  writeAudit,
} from "../internal.js"
import { people, posts, regions, units } from "../schema/index.js"

/** A stored region: the kernel Region plus its path, status and row version. */
export interface RegionRecord extends Regions.Region {
  readonly path: string
  readonly status: "active" | "merged"
  readonly mergedInto: Regions.RegionId | null
  readonly mergeReason: string | null
  readonly version: number
  readonly updatedAt: Date
}

export interface CreateRegionInput {
  /** Division code or other stable key; generated from the parent's id when absent. */
  readonly id?: string | undefined
  readonly name: string
  readonly level: Regions.RegionLevel
  readonly parentId: string
}

export interface MergeRegionInput {
  readonly id: string
  readonly intoId: string
  /** Why (recorded on the region and in the audit row): e.g. 居民区合并. */
  readonly reason: string
  readonly expectedVersion: number
}

export interface MergeResult {
  readonly merged: RegionRecord
  readonly into: RegionRecord
  readonly movedUnitIds: ReadonlyArray<string>
  readonly movedPostIds: ReadonlyArray<string>
  readonly movedPersonIds: ReadonlyArray<string>
}

export interface RegionRepoService {
  /** Regions within the actor's scope (the scope region and everything beneath), ordered by path (pre-order). */
  readonly tree: (
    actor: Access.Actor,
    options?: { readonly includeMerged?: boolean },
  ) => Effect.Effect<ReadonlyArray<RegionRecord>, Access.Forbidden | DatabaseError>
  /** One region within the actor's scope. */
  readonly get: (
    actor: Access.Actor,
    id: string,
  ) => Effect.Effect<RegionRecord, NotFound | Access.Forbidden | DatabaseError>
  /** The materialised path of a region, unscoped: for resolving an account's scope when it signs in. */
  readonly pathOf: (id: string) => Effect.Effect<Option.Option<string>, DatabaseError>
  /** Create a region (street, township, community, village…) under a parent in the actor's scope. */
  readonly create: (
    ctx: CommandContext,
    input: CreateRegionInput,
  ) => Effect.Effect<RegionRecord, NotFound | Conflict | InvalidInput | Access.Forbidden | DatabaseError>
  readonly rename: (
    ctx: CommandContext,
    input: { readonly id: string; readonly name: string; readonly expectedVersion: number },
  ) => Effect.Effect<
    RegionRecord,
    NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden | DatabaseError
  >
  /**
   * Merge a community (village) into another: it is marked merged, its units, posts and people move to the
   * other one, and the reason is recorded. 000 ends a posting whose residential area is merged with no post left:
   * moved posts keep `movedFromRegionId`, so the org dept can find the postings to decide on.
   */
  readonly merge: (
    ctx: CommandContext,
    input: MergeRegionInput,
  ) => Effect.Effect<
    MergeResult,
    NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden | DatabaseError
  >
}

/** Region storage. */
export class RegionRepo extends Context.Tag("@cadre/db/RegionRepo")<RegionRepo, RegionRepoService>() {
  static readonly Live: Layer.Layer<RegionRepo, never, Database> = Layer.effect(
    RegionRepo,
    Effect.map(Database, (d) => makeRegionRepo(d.db)),
  )
}

type RegionRow = typeof regions.$inferSelect

/** Decode a row through the kernel Region Schema (a row that does not decode is a defect). */
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

const MERGEABLE: ReadonlyArray<Regions.RegionLevel> = ["community", "village"]

const Name = Regions.Region.fields.name

/** Lock and load a region the actor may see, or abort with NotFound. */
const lockVisible = async (tx: Tx, actor: Access.Actor, id: string): Promise<RegionRow> => {
  const [row] = await tx
    .select()
    .from(regions)
    .where(and(eq(regions.id, id), seesRegionSql(actor, regions.path)))
    .for("update")
  return row ?? abort(notFound("region", id))
}

const checkVersion = (row: RegionRow, expected: number): void => {
  if (row.version !== expected) abort(staleVersion("region", row.id, expected, row.version))
}

export const makeRegionRepo = (db: Db): RegionRepoService => ({
  tree: (actor, options) =>
    Effect.zipRight(
      requirePermission(actor, "region.read"),
      read("region.tree", async () => {
        const rows = await db
          .select()
          .from(regions)
          .where(
            and(
              seesRegionSql(actor, regions.path),
              options?.includeMerged === true ? undefined : eq(regions.status, "active"),
            ),
          )
          .orderBy(asc(regions.path))
        return rows.map(toRegionRecord)
      }),
    ),

  get: (actor, id) =>
    Effect.gen(function* () {
      yield* requirePermission(actor, "region.read")
      const row = yield* read("region.get", async () => {
        const [r] = await db
          .select()
          .from(regions)
          .where(and(eq(regions.id, id), seesRegionSql(actor, regions.path)))
        return r === undefined ? undefined : toRegionRecord(r)
      })
      return row === undefined ? yield* Effect.fail(notFound("region", id)) : row
    }),

  pathOf: (id) =>
    query("region.pathOf", async () => {
      const [r] = await db.select({ path: regions.path }).from(regions).where(eq(regions.id, id))
      return Option.fromNullable(r?.path)
    }),

  create: (ctx, input) =>
    Effect.gen(function* () {
      yield* requirePermission(ctx.actor, "region.write")
      const name = yield* decodeInput(Name, "region", input.name)
      const level = yield* decodeInput(Regions.RegionLevel, "region", input.level)
      const id = input.id ?? `${input.parentId}-${randomBytes(3).toString("hex")}`
      yield* decodeInput(Regions.RegionId, "region", id)
      return yield* transact(db, "region.create", async (tx) => {
        const parent = await lockVisible(tx, ctx.actor, input.parentId)
        if (parent.status !== "active")
          abort(
            conflict("region", parent.id, "parent_merged", {
              zh: `上级区域“${parent.name}”已合并，不能在其下新建区域`,
              en: `parent region "${parent.name}" has been merged; no new regions under it`,
            }),
          )
        if (!Regions.canBeParentOf(parent.level as Regions.RegionLevel, level))
          abort(
            conflict("region", id, "invalid_parent_level", {
              zh: `${Regions.REGION_LEVEL_LABELS[level].zh}不能隶属于“${parent.name}”`,
              en: `a ${Regions.REGION_LEVEL_LABELS[level].en} cannot be placed under "${parent.name}"`,
            }),
          )
        const path = `${parent.path}${Access.pathOf([id]).slice(1)}`
        const [row] = await tx
          .insert(regions)
          .values({ id, name, level, parentId: parent.id, path })
          .returning()
        const created = toRegionRecord(row ?? abort(notFound("region", id)))
        await writeAudit(tx, ctx, {
          action: "region.create",
          entity: "region",
          entityId: id,
          regionPath: path,
          before: null,
          after: created,
        })
        return created
      })
    }),

  rename: (ctx, input) =>
    Effect.gen(function* () {
      yield* requirePermission(ctx.actor, "region.write")
      const name = yield* decodeInput(Name, "region", input.name)
      return yield* transact(db, "region.rename", async (tx) => {
        const before = await lockVisible(tx, ctx.actor, input.id)
        checkVersion(before, input.expectedVersion)
        const [row] = await tx
          .update(regions)
          .set({ name, version: sql`${regions.version} + 1`, updatedAt: sql`now()` })
          .where(eq(regions.id, input.id))
          .returning()
        const after = toRegionRecord(row ?? abort(notFound("region", input.id)))
        await writeAudit(tx, ctx, {
          action: "region.rename",
          entity: "region",
          entityId: input.id,
          regionPath: before.path,
          before: toRegionRecord(before),
          after,
        })
        return after
      })
    }),

  merge: (ctx, input) =>
    Effect.gen(function* () {
      yield* requirePermission(ctx.actor, "region.write")
      const reason = yield* decodeInput(
        Schema.NonEmptyTrimmedString.annotations({ title: "合并原因 / reason" }),
        "region",
        input.reason,
      )
      return yield* transact(db, "region.merge", async (tx) => {
        const source = await lockVisible(tx, ctx.actor, input.id)
        const target = await lockVisible(tx, ctx.actor, input.intoId)
        checkVersion(source, input.expectedVersion)
        const refuse = (why: string, zh: string, en: string) =>
          abort(conflict("region", source.id, why, { zh, en }))
        if (source.id === target.id)
          refuse("merge_into_self", "不能合并到自身", "cannot merge a region into itself")
        if (source.status !== "active" || target.status !== "active")
          refuse(
            "already_merged",
            "已合并的区域不能再合并",
            "a merged region cannot take part in another merge",
          )
        if (!MERGEABLE.includes(source.level as Regions.RegionLevel) || source.level !== target.level)
          refuse(
            "not_mergeable",
            "只能将社区（村）合并到同级的社区（村）",
            "only a community (village) can be merged, into another of the same level",
          )
        const [child] = await tx
          .select({ id: regions.id })
          .from(regions)
          .where(and(eq(regions.parentId, source.id), eq(regions.status, "active")))
          .limit(1)
        if (child !== undefined)
          refuse("has_children", "该区域下仍有下级区域", "the region still has regions beneath it")

        const movedUnits = await tx
          .update(units)
          .set({ regionId: target.id, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
          .where(eq(units.regionId, source.id))
          .returning({ id: units.id })
        const movedPosts = await tx
          .update(posts)
          .set({
            regionId: target.id,
            movedFromRegionId: source.id,
            version: sql`${posts.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(posts.regionId, source.id))
          .returning({ id: posts.id })
        // Posts of the moved units already moved with them above only if they sat in the source region.
        const movedPeople = await tx
          .update(people)
          .set({ regionId: target.id, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
          .where(eq(people.regionId, source.id))
          .returning({ id: people.id })
        const [mergedRow] = await tx
          .update(regions)
          .set({
            status: "merged",
            mergedInto: target.id,
            mergeReason: reason,
            version: sql`${regions.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(regions.id, source.id))
          .returning()
        const merged = toRegionRecord(mergedRow ?? abort(notFound("region", source.id)))
        const result: MergeResult = {
          merged,
          into: toRegionRecord(target),
          movedUnitIds: movedUnits.map((u) => u.id),
          movedPostIds: movedPosts.map((p) => p.id),
          movedPersonIds: movedPeople.map((p) => p.id),
        }
        await writeAudit(tx, ctx, {
          action: "region.merge",
          entity: "region",
          entityId: source.id,
          regionPath: source.path,
          before: toRegionRecord(source),
          after: { ...result, reason },
        })
        return result
      })
    }),
})

/** Paths of several regions (unscoped; internal use by other repositories). */
export const pathsOf = async (tx: Tx | Db, ids: ReadonlyArray<string>): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map()
  const rows = await tx
    .select({ id: regions.id, path: regions.path })
    .from(regions)
    .where(inArray(regions.id, [...ids]))
  return new Map(rows.map((r) => [r.id, r.path]))
}
