import { randomBytes } from "node:crypto"
import type { Access } from "@cadre/domain"
import { Regions } from "@cadre/domain"
import { and, asc, eq, sql } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
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
  decodeOrAbort,
  decodeRow,
  read,
  requirePermission,
  seesRegionSql,
  transact,
  writeAudit,
} from "../internal.js"
import { regions, units } from "../schema/index.js"

/** A stored unit: the kernel Unit plus its region's path and row version. */
export interface UnitRecord extends Regions.Unit {
  readonly regionPath: string
  readonly version: number
}

export interface UnitFilter {
  readonly regionId?: string | undefined
  readonly role?: Regions.UnitRole | undefined
}

export interface CreateUnitInput {
  readonly id?: string | undefined
  readonly name: string
  readonly regionId: string
  readonly roles: ReadonlyArray<Regions.UnitRole>
  readonly category: Regions.UnitCategory
}

export interface UpdateUnitInput {
  readonly id: string
  readonly expectedVersion: number
  readonly name?: string | undefined
  readonly roles?: ReadonlyArray<Regions.UnitRole> | undefined
  readonly category?: Regions.UnitCategory | undefined
}

export interface UnitRepoService {
  /** Units whose region lies within the actor's scope. */
  readonly list: (
    actor: Access.Actor,
    filter?: UnitFilter,
  ) => Effect.Effect<ReadonlyArray<UnitRecord>, Access.Forbidden | DatabaseError>
  readonly get: (
    actor: Access.Actor,
    id: string,
  ) => Effect.Effect<UnitRecord, NotFound | Access.Forbidden | DatabaseError>
  readonly create: (
    ctx: CommandContext,
    input: CreateUnitInput,
  ) => Effect.Effect<UnitRecord, NotFound | Conflict | InvalidInput | Access.Forbidden | DatabaseError>
  readonly update: (
    ctx: CommandContext,
    input: UpdateUnitInput,
  ) => Effect.Effect<
    UnitRecord,
    NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden | DatabaseError
  >
}

/** Unit storage. */
export class UnitRepo extends Context.Tag("@cadre/db/UnitRepo")<UnitRepo, UnitRepoService>() {
  static readonly Live: Layer.Layer<UnitRepo, never, Database> = Layer.effect(
    UnitRepo,
    Effect.map(Database, (d) => makeUnitRepo(d.db)),
  )
}

type UnitRow = typeof units.$inferSelect

const toUnitRecord = (row: UnitRow, regionPath: string): UnitRecord => ({
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

const selectUnits = (db: Db | Tx) =>
  db
    .select({ unit: units, path: regions.path })
    .from(units)
    .innerJoin(regions, eq(units.regionId, regions.id))

/** Lock a visible region row (active), or abort with NotFound. */
export const lockVisibleRegion = async (tx: Tx, actor: Access.Actor, id: string) => {
  const [r] = await tx
    .select()
    .from(regions)
    .where(and(eq(regions.id, id), eq(regions.status, "active"), seesRegionSql(actor, regions.path)))
    .for("share")
  return r ?? abort(notFound("region", id))
}

export const makeUnitRepo = (db: Db): UnitRepoService => ({
  list: (actor, filter) =>
    Effect.zipRight(
      requirePermission(actor, "unit.read"),
      read("unit.list", async () => {
        const rows = await selectUnits(db)
          .where(
            and(
              seesRegionSql(actor, regions.path),
              filter?.regionId === undefined ? undefined : eq(units.regionId, filter.regionId),
              filter?.role === undefined ? undefined : sql`${filter.role} = any(${units.roles})`,
            ),
          )
          .orderBy(asc(regions.path), asc(units.name))
        return rows.map((r) => toUnitRecord(r.unit, r.path))
      }),
    ),

  get: (actor, id) =>
    Effect.gen(function* () {
      yield* requirePermission(actor, "unit.read")
      const found = yield* read("unit.get", async () => {
        const [r] = await selectUnits(db).where(and(eq(units.id, id), seesRegionSql(actor, regions.path)))
        return r === undefined ? undefined : toUnitRecord(r.unit, r.path)
      })
      return found ?? (yield* Effect.fail(notFound("unit", id)))
    }),

  create: (ctx, input) =>
    Effect.gen(function* () {
      yield* requirePermission(ctx.actor, "unit.write")
      const id = input.id ?? `unit-${randomBytes(4).toString("hex")}`
      const unit = yield* decodeInput(Regions.Unit, "unit", { ...input, id })
      return yield* transact(db, "unit.create", async (tx) => {
        const region = await lockVisibleRegion(tx, ctx.actor, unit.regionId)
        const [row] = await tx
          .insert(units)
          .values({
            id,
            name: unit.name,
            regionId: unit.regionId,
            roles: [...unit.roles],
            category: unit.category,
          })
          .returning()
        const created = toUnitRecord(row ?? abort(notFound("unit", id)), region.path)
        await writeAudit(tx, ctx, {
          action: "unit.create",
          entity: "unit",
          entityId: id,
          regionPath: region.path,
          before: null,
          after: created,
        })
        return created
      })
    }),

  update: (ctx, input) =>
    Effect.gen(function* () {
      yield* requirePermission(ctx.actor, "unit.write")
      return yield* transact(db, "unit.update", async (tx) => {
        const [cur] = await selectUnits(tx)
          .where(and(eq(units.id, input.id), seesRegionSql(ctx.actor, regions.path)))
          .for("update", { of: units })
        if (cur === undefined) return abort(notFound("unit", input.id))
        if (cur.unit.version !== input.expectedVersion)
          abort(staleVersion("unit", input.id, input.expectedVersion, cur.unit.version))
        const before = toUnitRecord(cur.unit, cur.path)
        const next = decodeOrAbort(Regions.Unit, "unit", {
          id: before.id,
          regionId: before.regionId,
          name: input.name ?? before.name,
          roles: input.roles ?? before.roles,
          category: input.category ?? before.category,
        })
        const [row] = await tx
          .update(units)
          .set({
            name: next.name,
            roles: [...next.roles],
            category: next.category,
            version: sql`${units.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(units.id, input.id))
          .returning()
        const after = toUnitRecord(row ?? abort(notFound("unit", input.id)), cur.path)
        await writeAudit(tx, ctx, {
          action: "unit.update",
          entity: "unit",
          entityId: input.id,
          regionPath: cur.path,
          before,
          after,
        })
        return after
      })
    }),
})
