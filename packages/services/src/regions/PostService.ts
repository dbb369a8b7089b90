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
  Post,
  type PostFilter,
  type PostLine,
  type PostRecord,
  PostStatus,
  postQueries,
  regionQueries,
  type StaleVersion,
  staleVersion,
  transaction,
  unitQueries,
  writeAudit,
} from "@cadre/db"
import type { Access } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { lockVisibleRegion } from "./UnitService.js"

export interface CreatePostInput {
  readonly id?: string | undefined
  /** The community or village of the post; taken from the unit when `unitId` is given. */
  readonly regionId?: string | undefined
  readonly unitId?: string | undefined
  readonly title: string
}

export interface UpdatePostInput {
  readonly id: string
  readonly expectedVersion: number
  readonly title?: string | undefined
  readonly status?: PostStatus | undefined
}

const Title = Post.fields.title

/** One page of posts (issue 19): the rows, the next page's key, the total passing the filter, counts by status. */
export interface PostPage {
  readonly items: ReadonlyArray<PostLine>
  readonly next: PageKey | null
  readonly total: number
  readonly byStatus: ReadonlyArray<{ readonly status: PostStatus; readonly count: number }>
}

/**
 * Posts (seats: a community secretary post, a secondment place). They belong to regions and are read and
 * changed with the unit permissions.
 */
export class PostService extends Effect.Service<PostService>()("@cadre/services/PostService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /**
     * One page of the posts in the actor's scope passing the filter (issue 19), the total passing it and the counts
     * by status. `withinRegionId` names a region: its posts and those beneath it (none when it is out of sight).
     */
    const list = (
      actor: Access.Actor,
      filter: Omit<PostFilter, "withinPath"> & { readonly withinRegionId?: string | undefined },
      page: PageRequest,
    ): Effect.Effect<PostPage, Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "unit.read")
        const { withinRegionId, ...rest } = filter
        let withinPath: string | undefined
        if (withinRegionId !== undefined) {
          const region = yield* regionQueries.get(db, actor, withinRegionId)
          if (region === undefined) return { items: [], next: null, total: 0, byStatus: [] }
          withinPath = region.path
        }
        const where = { ...rest, ...(withinPath === undefined ? {} : { withinPath }) }
        const [found, byStatus] = yield* Effect.all([
          postQueries.pagePosts(db, actor, where, page),
          postQueries.countPostsByStatus(db, actor, where),
        ])
        const total = byStatus
          .filter((s) => filter.status === undefined || s.status === filter.status)
          .reduce((n, s) => n + s.count, 0)
        return { items: found.rows, next: found.next, total, byStatus }
      })

    const get = (actor: Access.Actor, id: string): Effect.Effect<PostRecord, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "unit.read")
        const found = yield* postQueries.get(db, actor, id)
        return found ?? (yield* Effect.fail(notFound("post", id)))
      })

    const create = (
      ctx: CommandContext,
      input: CreatePostInput,
    ): Effect.Effect<PostRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "unit.write")
        const title = yield* decodeInput(Title, "post", input.title)
        const id = input.id ?? `post-${randomBytes(4).toString("hex")}`
        return yield* transaction(db, "post.create", (tx) =>
          Effect.gen(function* () {
            let regionId = input.regionId
            if (input.unitId !== undefined) {
              const u = yield* unitQueries.find(tx, input.unitId)
              if (u === undefined) return yield* Effect.fail(notFound("unit", input.unitId))
              regionId = u.regionId
            }
            if (regionId === undefined) return yield* Effect.fail(notFound("region", ""))
            const region = yield* lockVisibleRegion(tx, ctx.actor, regionId)
            const created = yield* one(
              "post",
              id,
              yield* postQueries.insert(
                tx,
                { id, regionId, unitId: input.unitId ?? null, title },
                region.path,
              ),
            )
            yield* writeAudit(tx, ctx, {
              action: "post.create",
              entity: "post",
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
      input: UpdatePostInput,
    ): Effect.Effect<PostRecord, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "unit.write")
        const title = input.title === undefined ? undefined : yield* decodeInput(Title, "post", input.title)
        const status =
          input.status === undefined ? undefined : yield* decodeInput(PostStatus, "post", input.status)
        return yield* transaction(db, "post.update", (tx) =>
          Effect.gen(function* () {
            const cur = yield* postQueries.lockVisible(tx, ctx.actor, input.id)
            if (cur === undefined) return yield* Effect.fail(notFound("post", input.id))
            if (cur.post.version !== input.expectedVersion)
              return yield* Effect.fail(
                staleVersion("post", input.id, input.expectedVersion, cur.post.version),
              )
            const after = yield* one(
              "post",
              input.id,
              yield* postQueries.update(tx, input.id, { title, status }, cur.path),
            )
            yield* writeAudit(tx, ctx, {
              action: "post.update",
              entity: "post",
              entityId: input.id,
              regionPath: cur.path,
              before: yield* postQueries.decodePost(cur.post, cur.path),
              after,
            })
            return after
          }),
        )
      })

    return { list, get, create, update } as const
  }),
}) {}
