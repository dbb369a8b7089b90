import { randomBytes } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  Database,
  decodeInput,
  type InvalidInput,
  type NotFound,
  notFound,
  one,
  type PageKey,
  type PageRequest,
  regionQueries,
  type StaleVersion,
  staleVersion,
  transaction,
  type Tx,
  type UnitFilter,
  type UnitRecord,
  unitQueries,
  writeAudit,
} from "@cadre/db"
import { type Access, Regions } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

/** A page of units: the rows, the key after the last (null on the last page), how many pass the filter. */
export interface UnitPage {
  readonly items: ReadonlyArray<UnitRecord>
  readonly next: PageKey | null
  /** Counted up to COUNT_CAP (10,000): `totalExact` false when more pass. */
  readonly total: number
  readonly totalExact: boolean
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

/** Lock (FOR SHARE) an active region the actor may see, where a unit or post is placed; else NotFound. */
export const lockVisibleRegion = (tx: Tx, actor: Access.Actor, id: string) =>
  Effect.flatMap(regionQueries.lockVisibleRegion(tx, actor, id), (r) =>
    r === undefined ? Effect.fail(notFound("region", id)) : Effect.succeed(r),
  )

/** Units (单位) that dispatch or host cadres, within the actor's scope. */
export class UnitService extends Effect.Service<UnitService>()("@cadre/services/UnitService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /**
     * One page of the units whose region lies within the actor's scope (issue 19), by name, and how many pass the
     * filter. `withinRegionId` names a region in sight: its units and those beneath it (none when it is out of sight).
     */
    const list = (
      actor: Access.Actor,
      filter: Omit<UnitFilter, "withinPath"> & { readonly withinRegionId?: string | undefined },
      page: PageRequest,
    ): Effect.Effect<UnitPage, Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "unit.read")
        const { withinRegionId, ...rest } = filter
        let withinPath: string | undefined
        if (withinRegionId !== undefined) {
          const region = yield* regionQueries.get(db, actor, withinRegionId)
          if (region === undefined) return { items: [], next: null, total: 0, totalExact: true }
          withinPath = region.path
        }
        const where = { ...rest, ...(withinPath === undefined ? {} : { withinPath }) }
        const [found, total] = yield* Effect.all([
          unitQueries.pageUnits(db, actor, where, page),
          unitQueries.countUnits(db, actor, where),
        ])
        return { items: found.rows, next: found.next, total: total.total, totalExact: total.exact }
      })

    const get = (actor: Access.Actor, id: string): Effect.Effect<UnitRecord, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "unit.read")
        const found = yield* unitQueries.get(db, actor, id)
        return found ?? (yield* Effect.fail(notFound("unit", id)))
      })

    const create = (
      ctx: CommandContext,
      input: CreateUnitInput,
    ): Effect.Effect<UnitRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "unit.write")
        const id = input.id ?? `unit-${randomBytes(4).toString("hex")}`
        const unit = yield* decodeInput(Regions.Unit, "unit", { ...input, id })
        return yield* transaction(db, "unit.create", (tx) =>
          Effect.gen(function* () {
            const region = yield* lockVisibleRegion(tx, ctx.actor, unit.regionId)
            const created = yield* one("unit", id, yield* unitQueries.insert(tx, unit, region.path))
            yield* writeAudit(tx, ctx, {
              action: "unit.create",
              entity: "unit",
              entityId: id,
              regionPath: region.path,
              before: null,
              after: created,
            })
            return created
          }),
        )
      })

    const update = (
      ctx: CommandContext,
      input: UpdateUnitInput,
    ): Effect.Effect<UnitRecord, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "unit.write")
        return yield* transaction(db, "unit.update", (tx) =>
          Effect.gen(function* () {
            const cur = yield* unitQueries.lockVisible(tx, ctx.actor, input.id)
            if (cur === undefined) return yield* Effect.fail(notFound("unit", input.id))
            if (cur.unit.version !== input.expectedVersion)
              return yield* Effect.fail(
                staleVersion("unit", input.id, input.expectedVersion, cur.unit.version),
              )
            const before = yield* unitQueries.decodeUnit(cur.unit, cur.path)
            const next = yield* decodeInput(Regions.Unit, "unit", {
              id: before.id,
              regionId: before.regionId,
              name: input.name ?? before.name,
              roles: input.roles ?? before.roles,
              category: input.category ?? before.category,
            })
            const after = yield* one("unit", input.id, yield* unitQueries.update(tx, next, cur.path))
            yield* writeAudit(tx, ctx, {
              action: "unit.update",
              entity: "unit",
              entityId: input.id,
              regionPath: cur.path,
              before,
              after,
            })
            return after
          }),
        )
      })

    return { list, get, create, update } as const
  }),
}) {}
