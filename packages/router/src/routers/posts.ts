import { PostService, PostStatus } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { ExpectedVersion, Id, PageFields, pageOut, pageRequest } from "./shared.js"

const PostTitle = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
  title: "岗位名称 / title",
})

const POST_STATUSES = PostStatus.literals

/**
 * Posts (seats: a community secretary post, a secondment place). They belong to regions, so reading them needs
 * `region.read` and changing them `region.write` (the matrix has no separate post permissions).
 */
export const postsRouter = router({
  /**
   * One page of the posts in the caller's scope (issue 19), by the date the post was created (oldest first unless
   * `order: "desc"`), at most `limit` (≤ 200, default 50), with `nextCursor` (null on the last page), the `total`
   * passing the filter and `statuses` (the status filter's choices with their counts under the other filters).
   * `regionId` is the post's own region; `withinRegionId` a region with everything beneath it. Each row carries
   * its region's and unit's names.
   */
  list: procedure
    .permission("region.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("所在区域 / region")),
          withinRegionId: Schema.optional(Id("区域（含下级） / region and beneath")),
          unitId: Schema.optional(Id("单位编号 / unit id")),
          status: Schema.optional(PostStatus),
          ...PageFields,
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(PostService, (r) =>
            r.list(ctx.actor, filter, pageRequest({ cursor, limit, order })),
          ),
        )
        .then((page) => ({
          ...pageOut(page, (p) => p),
          statuses: POST_STATUSES.map((status) => ({
            status,
            count: page.byStatus.find((s) => s.status === status)?.count ?? 0,
          })),
        })),
    ),
  get: procedure
    .permission("region.read")
    .input(input(Schema.Struct({ id: Id("岗位编号 / post id") })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostService, (r) => r.get(ctx.actor, i.id)))),
  create: procedure
    .permission("region.write")
    .input(
      input(
        Schema.Struct({
          id: Schema.optional(Id("岗位编号 / post id")),
          regionId: Schema.optional(Id("所在区域 / region")),
          unitId: Schema.optional(Id("单位编号 / unit id")),
          title: PostTitle,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostService, (r) => r.create(ctx.cmd, i)))),
  update: procedure
    .permission("region.write")
    .input(
      input(
        Schema.Struct({
          id: Id("岗位编号 / post id"),
          expectedVersion: ExpectedVersion,
          title: Schema.optional(PostTitle),
          status: Schema.optional(PostStatus),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostService, (r) => r.update(ctx.cmd, i)))),
})
