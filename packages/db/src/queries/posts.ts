import type { Access } from "@cadre/domain"
import { and, asc, eq, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, seesRegionSql } from "../internal.js"
import { posts, regions } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/** Posts (seats) as stored, scoped by their region's path. */

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

export type PostRow = typeof posts.$inferSelect

/** A post row with its region's path. */
export interface PostWithPath {
  readonly post: PostRow
  readonly path: string
}

/** Decode a row through the Post Schema (a row that does not decode throws CorruptRow). */
export const toPostRecord = (row: PostRow, regionPath: string): PostRecord => ({
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

/** The row decoded, a corrupt row being a defect. */
export const decodePost = (row: PostRow, regionPath: string): Effect.Effect<PostRecord> =>
  Effect.sync(() => toPostRecord(row, regionPath))

const decodeAll = (rows: ReadonlyArray<PostRow>, regionPath: string) =>
  Effect.sync(() => rows.map((r) => toPostRecord(r, regionPath)))

const selectPosts = (h: Handle) =>
  h.select({ post: posts, path: regions.path }).from(posts).innerJoin(regions, eq(posts.regionId, regions.id))

/** Posts whose region lies within the actor's scope, by region path and id. */
export const list = (
  h: Handle,
  actor: Access.Actor,
  filter?: PostFilter,
): Effect.Effect<ReadonlyArray<PostRecord>> =>
  Effect.flatMap(
    q(
      selectPosts(h)
        .where(
          and(
            seesRegionSql(actor, regions.path),
            filter?.regionId === undefined ? undefined : eq(posts.regionId, filter.regionId),
            filter?.unitId === undefined ? undefined : eq(posts.unitId, filter.unitId),
            filter?.status === undefined ? undefined : eq(posts.status, filter.status),
          ),
        )
        .orderBy(asc(regions.path), asc(posts.id)),
      "post.list",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toPostRecord(r.post, r.path))),
  )

/** One post within the actor's scope. */
export const get = (h: Handle, actor: Access.Actor, id: string): Effect.Effect<PostRecord | undefined> =>
  Effect.flatMap(
    q(selectPosts(h).where(and(eq(posts.id, id), seesRegionSql(actor, regions.path))), "post.get"),
    ([r]) => (r === undefined ? Effect.succeed(undefined) : decodePost(r.post, r.path)),
  )

/** Lock (FOR UPDATE) a post within the actor's scope, with its region's path. */
export const lockVisible = (
  tx: Tx,
  actor: Access.Actor,
  id: string,
): Effect.Effect<PostWithPath | undefined> =>
  Effect.map(
    q(
      selectPosts(tx)
        .where(and(eq(posts.id, id), seesRegionSql(actor, regions.path)))
        .for("update", { of: posts }),
      "post.lock",
    ),
    ([r]) => r,
  )

/** Insert a post; the inserted record, decoded. */
export const insert = (
  tx: Tx,
  row: {
    readonly id: string
    readonly regionId: string
    readonly unitId: string | null
    readonly title: string
  },
  regionPath: string,
): Effect.Effect<ReadonlyArray<PostRecord>> =>
  Effect.flatMap(q(tx.insert(posts).values(row).returning(), "post.insert"), (rows) =>
    decodeAll(rows, regionPath),
  )

/** Change a post's title and/or status, bumping its version; the updated record, decoded. */
export const update = (
  tx: Tx,
  id: string,
  change: { readonly title?: string | undefined; readonly status?: PostStatus | undefined },
  regionPath: string,
): Effect.Effect<ReadonlyArray<PostRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(posts)
        .set({
          ...(change.title === undefined ? {} : { title: change.title }),
          ...(change.status === undefined ? {} : { status: change.status }),
          version: sql`${posts.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(posts.id, id))
        .returning(),
      "post.update",
    ),
    (rows) => decodeAll(rows, regionPath),
  )
