import { randomBytes } from "node:crypto"
import type { Access } from "@cadre/domain"
import { and, asc, eq, sql } from "drizzle-orm"
import { Context, Effect, Layer, Schema } from "effect"
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
  decodeRow,
  read,
  requirePermission,
  seesRegionSql,
  transact,
  writeAudit,
} from "../internal.js"
import { posts, regions, units } from "../schema/index.js"
import { lockVisibleRegion } from "./UnitRepo.js"

export const PostStatus = Schema.Literal("vacant", "filled", "closed").annotations({
  identifier: "PostStatus",
  title: "岗位状态 / post status",
})
export type PostStatus = typeof PostStatus.Type

/** A seat in a community, village or host unit (e.g. 居民区党组织书记, a secondment place). */
export const Post = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  regionId: Schema.NonEmptyTrimmedString,
  unitId: Schema.NullOr(Schema.NonEmptyTrimmedString),
  title: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({ title: "岗位名称 / title" }),
  status: PostStatus,
  movedFromRegionId: Schema.NullOr(Schema.String),
}).annotations({ identifier: "Post", title: "岗位 / post" })
export type Post = typeof Post.Type

export interface PostRecord extends Post {
  readonly regionPath: string
  readonly version: number
}

export interface PostFilter {
  readonly regionId?: string | undefined
  readonly unitId?: string | undefined
  readonly status?: PostStatus | undefined
}

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

export interface PostRepoService {
  readonly list: (
    actor: Access.Actor,
    filter?: PostFilter,
  ) => Effect.Effect<ReadonlyArray<PostRecord>, Access.Forbidden | DatabaseError>
  readonly get: (
    actor: Access.Actor,
    id: string,
  ) => Effect.Effect<PostRecord, NotFound | Access.Forbidden | DatabaseError>
  readonly create: (
    ctx: CommandContext,
    input: CreatePostInput,
  ) => Effect.Effect<PostRecord, NotFound | Conflict | InvalidInput | Access.Forbidden | DatabaseError>
  readonly update: (
    ctx: CommandContext,
    input: UpdatePostInput,
  ) => Effect.Effect<
    PostRecord,
    NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden | DatabaseError
  >
}

/** Post storage. */
export class PostRepo extends Context.Tag("@cadre/db/PostRepo")<PostRepo, PostRepoService>() {
  static readonly Live: Layer.Layer<PostRepo, never, Database> = Layer.effect(
    PostRepo,
    Effect.map(Database, (d) => makePostRepo(d.db)),
  )
}

type PostRow = typeof posts.$inferSelect

const toPostRecord = (row: PostRow, regionPath: string): PostRecord => ({
  ...decodeRow(Post, "posts", row.id, {
    id: row.id,
    regionId: row.regionId,
    unitId: row.unitId,
    title: row.title,
    status: row.status,
    movedFromRegionId: row.movedFromRegionId,
  }),
  regionPath,
  version: row.version,
})

const selectPosts = (db: Db | Tx) =>
  db
    .select({ post: posts, path: regions.path })
    .from(posts)
    .innerJoin(regions, eq(posts.regionId, regions.id))

const Title = Post.fields.title

export const makePostRepo = (db: Db): PostRepoService => ({
  list: (actor, filter) =>
    Effect.zipRight(
      requirePermission(actor, "unit.read"),
      read("post.list", async () => {
        const rows = await selectPosts(db)
          .where(
            and(
              seesRegionSql(actor, regions.path),
              filter?.regionId === undefined ? undefined : eq(posts.regionId, filter.regionId),
              filter?.unitId === undefined ? undefined : eq(posts.unitId, filter.unitId),
              filter?.status === undefined ? undefined : eq(posts.status, filter.status),
            ),
          )
          .orderBy(asc(regions.path), asc(posts.id))
        return rows.map((r) => toPostRecord(r.post, r.path))
      }),
    ),

  get: (actor, id) =>
    Effect.gen(function* () {
      yield* requirePermission(actor, "unit.read")
      const found = yield* read("post.get", async () => {
        const [r] = await selectPosts(db).where(and(eq(posts.id, id), seesRegionSql(actor, regions.path)))
        return r === undefined ? undefined : toPostRecord(r.post, r.path)
      })
      return found ?? (yield* Effect.fail(notFound("post", id)))
    }),

  create: (ctx, input) =>
    Effect.gen(function* () {
      yield* requirePermission(ctx.actor, "unit.write")
      const title = yield* decodeInput(Title, "post", input.title)
      const id = input.id ?? `post-${randomBytes(4).toString("hex")}`
      return yield* transact(db, "post.create", async (tx) => {
        let regionId = input.regionId
        if (input.unitId !== undefined) {
          const [u] = await tx.select().from(units).where(eq(units.id, input.unitId))
          if (u === undefined) return abort(notFound("unit", input.unitId))
          regionId = u.regionId
        }
        if (regionId === undefined) return abort(notFound("region", ""))
        const region = await lockVisibleRegion(tx, ctx.actor, regionId)
        const [row] = await tx
          .insert(posts)
          .values({ id, regionId, unitId: input.unitId ?? null, title })
          .returning()
        const created = toPostRecord(row ?? abort(notFound("post", id)), region.path)
        await writeAudit(tx, ctx, {
          action: "post.create",
          entity: "post",
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
      const title = input.title === undefined ? undefined : yield* decodeInput(Title, "post", input.title)
      const status =
        input.status === undefined ? undefined : yield* decodeInput(PostStatus, "post", input.status)
      return yield* transact(db, "post.update", async (tx) => {
        const [cur] = await selectPosts(tx)
          .where(and(eq(posts.id, input.id), seesRegionSql(ctx.actor, regions.path)))
          .for("update", { of: posts })
        if (cur === undefined) return abort(notFound("post", input.id))
        if (cur.post.version !== input.expectedVersion)
          abort(staleVersion("post", input.id, input.expectedVersion, cur.post.version))
        const [row] = await tx
          .update(posts)
          .set({
            ...(title === undefined ? {} : { title }),
            ...(status === undefined ? {} : { status }),
            version: sql`${posts.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(posts.id, input.id))
          .returning()
        const after = toPostRecord(row ?? abort(notFound("post", input.id)), cur.path)
        await writeAudit(tx, ctx, {
          action: "post.update",
          entity: "post",
          entityId: input.id,
          regionPath: cur.path,
          before: toPostRecord(cur.post, cur.path),
          after,
        })
        return after
      })
    }),
})
