import { PostRepo, PostStatus, UnitRepo } from "@cadre/db"
import { Regions } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { ExpectedVersion, Id } from "./shared.js"

const UnitName = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
  title: "单位名称 / unit name",
})
const Roles = Schema.NonEmptyArray(Regions.UnitRole).annotations({ title: "单位角色 / roles" })

/** Units (单位) that dispatch or host cadres, within the caller's scope. */
export const unitsRouter = router({
  list: procedure
    .permission("unit.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("所在区域 / region")),
          role: Schema.optional(Regions.UnitRole),
        }),
      ),
    )
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(UnitRepo, (r) => r.list(ctx.actor, i)))),
  get: procedure
    .permission("unit.read")
    .input(input(Schema.Struct({ id: Id("单位编号 / unit id") })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(UnitRepo, (r) => r.get(ctx.actor, i.id)))),
  create: procedure
    .permission("unit.write")
    .input(
      input(
        Schema.Struct({
          id: Schema.optional(Id("单位编号 / unit id")),
          name: UnitName,
          regionId: Id("所在区域 / region"),
          roles: Roles,
          category: Regions.UnitCategory,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(UnitRepo, (r) => r.create(ctx.cmd, i)))),
  update: procedure
    .permission("unit.write")
    .input(
      input(
        Schema.Struct({
          id: Id("单位编号 / unit id"),
          expectedVersion: ExpectedVersion,
          name: Schema.optional(UnitName),
          roles: Schema.optional(Roles),
          category: Schema.optional(Regions.UnitCategory),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(UnitRepo, (r) => r.update(ctx.cmd, i)))),
})

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
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostRepo, (r) => r.list(ctx.actor, i)))),
  get: procedure
    .permission("region.read")
    .input(input(Schema.Struct({ id: Id("岗位编号 / post id") })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostRepo, (r) => r.get(ctx.actor, i.id)))),
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
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostRepo, (r) => r.create(ctx.cmd, i)))),
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
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(PostRepo, (r) => r.update(ctx.cmd, i)))),
})
