import type { Access } from "@cadre/domain"
import { and, count, eq, type SQL, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, seesRegionSql, within } from "../internal.js"
import { posts, regions, units } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { keysetAfter, keysetOrder, keyText, type Page, type PageRequest, toPage } from "./keyset.js"

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
  /** The region the post is in, exactly. */
  readonly regionId?: string | undefined
  /** A region's path: the posts of that region and every region beneath it. */
  readonly withinPath?: string | undefined
  readonly unitId?: string | undefined
  readonly status?: PostStatus | undefined
}

/** A post as the list shows it: the post, its region's path and name, its unit's name (null for none). */
export interface PostLine extends PostRecord {
  readonly regionName: string
  readonly unitName: string | null
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

const postListWhere = (actor: Access.Actor, filter: PostFilter): SQL | undefined =>
  and(
    seesRegionSql(actor, regions.path),
    filter.regionId === undefined ? undefined : eq(posts.regionId, filter.regionId),
    filter.withinPath === undefined ? undefined : within(regions.path, filter.withinPath),
    filter.unitId === undefined ? undefined : eq(posts.unitId, filter.unitId),
  )

/**
 * One keyset page of the posts the actor sees passing the filter, by (created_at, id) — the index
 * `posts_created_idx` (migration 0017) — each with its region's name and its unit's name.
 */
export const pagePosts = (
  h: Handle,
  actor: Access.Actor,
  filter: PostFilter,
  page: PageRequest,
): Effect.Effect<Page<PostLine>> =>
  Effect.map(
    q(
      h
        .select({
          post: posts,
          path: regions.path,
          regionName: regions.name,
          unitName: units.name,
          key: keyText(posts.createdAt),
        })
        .from(posts)
        .innerJoin(regions, eq(posts.regionId, regions.id))
        .leftJoin(units, eq(units.id, posts.unitId))
        .where(
          and(
            postListWhere(actor, filter),
            filter.status === undefined ? undefined : eq(posts.status, filter.status),
            keysetAfter(posts.createdAt, posts.id, "timestamptz", page),
          ),
        )
        .orderBy(...keysetOrder(posts.createdAt, posts.id, page))
        .limit(page.limit + 1),
      "post.page",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.key, id: r.post.id }),
        (r) => ({ ...toPostRecord(r.post, r.path), regionName: r.regionName, unitName: r.unitName }),
      ),
  )

/**
 * How many posts the actor sees pass the filter but the status, by status (the status filter's choices; the total
 * is the chosen status's count, or their sum). Exact: posts are seats, one per community or unit place — tens of
 * thousands at a province, counted in the region-path index.
 */
export const countPostsByStatus = (
  h: Handle,
  actor: Access.Actor,
  filter: PostFilter,
): Effect.Effect<ReadonlyArray<{ readonly status: PostStatus; readonly count: number }>> =>
  Effect.map(
    q(
      h
        .select({ status: posts.status, n: count() })
        .from(posts)
        .innerJoin(regions, eq(posts.regionId, regions.id))
        .where(postListWhere(actor, filter))
        .groupBy(posts.status),
      "post.countByStatus",
    ),
    (rows) => rows.map((r) => ({ status: r.status, count: r.n })),
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
