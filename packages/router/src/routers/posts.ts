import { PostService, PostStatus } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { ExpectedVersion, Id } from "./shared.js"

const PostTitle = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
  title: "岗位名称 / title",
})

/**
 * Posts (seats: a community secretary post, a secondment place). They belong to regions, so reading them needs
 * `region.read` and changing them `region.write` (the matrix has no separate post permissions).
 */
export const postsRouter = router({
  list: procedure
    .permission("region.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("所在区域 / region")),
          unitId: Schema.optional(Id("单位编号 / unit id")),
          status: Schema.optional(PostStatus),
        }),
      ),
    )
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostService, (r) => r.list(ctx.actor, i)))),
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
