import { randomBytes } from "node:crypto"
import {
  type AuditContext,
  checkVersion,
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  decodeInput,
  type InvalidInput,
  type NotFound,
  notFound,
  one,
  type RegionRecord,
  regionQueries,
  type StaleVersion,
  transaction,
  type Tx,
  writeAudit,
} from "@cadre/db"
import { Access, Regions } from "@cadre/domain"
import { Effect, type Option, Schema } from "effect"
import { requirePermission } from "../shared/authority.js"

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

const MERGEABLE: ReadonlyArray<Regions.RegionLevel> = ["community", "village"]

const Name = Regions.Region.fields.name

/** Lock and load a region the actor may see, or NotFound. */
const lockVisible = (tx: Tx, actor: Access.Actor, id: string) =>
  Effect.flatMap(regionQueries.lockVisible(tx, actor, id), (row) =>
    row === undefined ? Effect.fail(notFound("region", id)) : Effect.succeed(row),
  )

/** Regions: the tree within the actor's scope; create, rename and merge communities (villages). */
export class RegionService extends Effect.Service<RegionService>()("@cadre/services/RegionService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /** Regions within the actor's scope (the scope region and everything beneath), ordered by path (pre-order). */
    const tree = (
      actor: Access.Actor,
      options?: { readonly includeMerged?: boolean },
    ): Effect.Effect<ReadonlyArray<RegionRecord>, Access.Forbidden> =>
      Effect.zipRight(
        requirePermission(actor, "region.read"),
        regionQueries.tree(db, actor, options?.includeMerged === true),
      )

    /** One region within the actor's scope. */
    const get = (actor: Access.Actor, id: string): Effect.Effect<RegionRecord, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "region.read")
        const row = yield* regionQueries.get(db, actor, id)
        return row === undefined ? yield* Effect.fail(notFound("region", id)) : row
      })

    /** The materialised path of a region, unscoped: for resolving an account's scope when it signs in. */
    const pathOf = (id: string): Effect.Effect<Option.Option<string>> => regionQueries.pathOf(db, id)

    /**
     * Bootstrap only — the operator's `cadre district:create`, never a procedure, so no actor is checked: a district
     * at the top of a new tree (no parent, path `/<id>/`), audited as the system principal in `ctx`. An id already
     * taken is a Conflict and nothing changes (running the command twice refuses).
     */
    const createTop = (
      ctx: AuditContext,
      input: { readonly id: string; readonly name: string },
    ): Effect.Effect<RegionRecord, Conflict | InvalidInput | NotFound> =>
      Effect.gen(function* () {
        const name = yield* decodeInput(Name, "region", input.name)
        const id = yield* decodeInput(Regions.RegionId, "region", input.id)
        return yield* transaction(db, "region.create_top", (tx) =>
          Effect.gen(function* () {
            const existing = yield* regionQueries.find(tx, id)
            if (existing !== undefined)
              return yield* Effect.fail(
                conflict("region", id, "exists", {
                  zh: `区域编号“${id}”已存在（${existing.name}），未作任何改动`,
                  en: `region id "${id}" already exists (${existing.name}); nothing was changed`,
                }),
              )
            const path = Access.pathOf([id])
            const created = yield* one(
              "region",
              id,
              yield* regionQueries.insert(tx, { id, name, level: "district", parentId: null, path }),
            )
            yield* writeAudit(tx, ctx, {
              action: "region.create_top",
              entity: "region",
              entityId: id,
              regionPath: path,
              before: null,
              after: created,
            })
            return created
          }),
        )
      })

    /**
     * Undo `createTop` when its first account could not be made: the region goes if nothing refers to it yet (else
     * a Conflict and it stays); audited.
     */
    const undoCreateTop = (ctx: AuditContext, id: string): Effect.Effect<void, Conflict> =>
      transaction(db, "region.create_top_undone", (tx) =>
        Effect.gen(function* () {
          const deleted = yield* regionQueries.deleteTop(tx, id)
          if (deleted.length === 0) return
          yield* writeAudit(tx, ctx, {
            action: "region.create_top_undone",
            entity: "region",
            entityId: id,
            regionPath: Access.pathOf([id]),
            before: { id },
            after: null,
          })
        }),
      )

    /** Create a region (street, township, community, village…) under a parent in the actor's scope. */
    const create = (
      ctx: CommandContext,
      input: CreateRegionInput,
    ): Effect.Effect<RegionRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "region.write")
        const name = yield* decodeInput(Name, "region", input.name)
        const level = yield* decodeInput(Regions.RegionLevel, "region", input.level)
        const id = input.id ?? `${input.parentId}-${randomBytes(3).toString("hex")}`
        yield* decodeInput(Regions.RegionId, "region", id)
        return yield* transaction(db, "region.create", (tx) =>
          Effect.gen(function* () {
            const parent = yield* lockVisible(tx, ctx.actor, input.parentId)
            if (parent.status !== "active")
              return yield* Effect.fail(
                conflict("region", parent.id, "parent_merged", {
                  zh: `上级区域“${parent.name}”已合并，不能在其下新建区域`,
                  en: `parent region "${parent.name}" has been merged; no new regions under it`,
                }),
              )
            if (!Regions.canBeParentOf(parent.level as Regions.RegionLevel, level))
              return yield* Effect.fail(
                conflict("region", id, "invalid_parent_level", {
                  zh: `${Regions.REGION_LEVEL_LABELS[level].zh}不能隶属于“${parent.name}”`,
                  en: `a ${Regions.REGION_LEVEL_LABELS[level].en} cannot be placed under "${parent.name}"`,
                }),
              )
            const path = `${parent.path}${Access.pathOf([id]).slice(1)}`
            const created = yield* one(
              "region",
              id,
              yield* regionQueries.insert(tx, { id, name, level, parentId: parent.id, path }),
            )
            yield* writeAudit(tx, ctx, {
              action: "region.create",
              entity: "region",
              entityId: id,
              regionPath: path,
              before: null,
              after: created,
            })
            return created
          }),
        )
      })

    const rename = (
      ctx: CommandContext,
      input: { readonly id: string; readonly name: string; readonly expectedVersion: number },
    ): Effect.Effect<RegionRecord, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "region.write")
        const name = yield* decodeInput(Name, "region", input.name)
        return yield* transaction(db, "region.rename", (tx) =>
          Effect.gen(function* () {
            const before = yield* lockVisible(tx, ctx.actor, input.id)
            yield* checkVersion("region", before.id, before, input.expectedVersion)
            const after = yield* one("region", input.id, yield* regionQueries.rename(tx, input.id, name))
            yield* writeAudit(tx, ctx, {
              action: "region.rename",
              entity: "region",
              entityId: input.id,
              regionPath: before.path,
              before: yield* regionQueries.decodeRegion(before),
              after,
            })
            return after
          }),
        )
      })

    /**
     * Merge a community (village) into another: it is marked merged, its units, posts and people move to the
     * other one, and the reason is recorded. 000 ends a posting whose residential area is merged with no post
     * left: moved posts keep `movedFromRegionId`, so the org dept can find the postings to decide on.
     */
    const merge = (
      ctx: CommandContext,
      input: MergeRegionInput,
    ): Effect.Effect<MergeResult, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "region.write")
        const reason = yield* decodeInput(
          Schema.NonEmptyTrimmedString.annotations({ title: "合并原因 / reason" }),
          "region",
          input.reason,
        )
        return yield* transaction(db, "region.merge", (tx) =>
          Effect.gen(function* () {
            const source = yield* lockVisible(tx, ctx.actor, input.id)
            const target = yield* lockVisible(tx, ctx.actor, input.intoId)
            yield* checkVersion("region", source.id, source, input.expectedVersion)
            const refuse = (why: string, zh: string, en: string) =>
              Effect.fail(conflict("region", source.id, why, { zh, en }))
            if (source.id === target.id)
              return yield* refuse("merge_into_self", "不能合并到自身", "cannot merge a region into itself")
            if (source.status !== "active" || target.status !== "active")
              return yield* refuse(
                "already_merged",
                "已合并的区域不能再合并",
                "a merged region cannot take part in another merge",
              )
            if (!MERGEABLE.includes(source.level as Regions.RegionLevel) || source.level !== target.level)
              return yield* refuse(
                "not_mergeable",
                "只能将社区（村）合并到同级的社区（村）",
                "only a community (village) can be merged, into another of the same level",
              )
            if (yield* regionQueries.hasActiveChild(tx, source.id))
              return yield* refuse(
                "has_children",
                "该区域下仍有下级区域",
                "the region still has regions beneath it",
              )

            const movedUnitIds = yield* regionQueries.moveUnits(tx, source.id, target.id)
            const movedPostIds = yield* regionQueries.movePosts(tx, source.id, target.id)
            // Posts of the moved units already moved with them above only if they sat in the source region.
            const movedPersonIds = yield* regionQueries.movePeople(tx, source.id, target.id)
            const merged = yield* one(
              "region",
              source.id,
              yield* regionQueries.markMerged(tx, source.id, target.id, reason),
            )
            const result: MergeResult = {
              merged,
              into: yield* regionQueries.decodeRegion(target),
              movedUnitIds,
              movedPostIds,
              movedPersonIds,
            }
            yield* writeAudit(tx, ctx, {
              action: "region.merge",
              entity: "region",
              entityId: source.id,
              regionPath: source.path,
              before: yield* regionQueries.decodeRegion(source),
              after: { ...result, reason },
            })
            return result
          }),
        )
      })

    return { tree, get, pathOf, create, createTop, undoCreateTop, rename, merge } as const
  }),
}) {}
