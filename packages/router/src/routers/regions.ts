import { Regions } from "@cadre/domain"
import { type RegionRecord, RegionService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { ExpectedVersion, Id, iso } from "./shared.js"

const out = ({ updatedAt, ...r }: RegionRecord) => ({ ...r, updatedAt: iso(updatedAt) })

const RegionName = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
  title: "区域名称 / region name",
})

/** Regions: the tree within the caller's scope; create, rename and merge communities (villages). */
export const regionsRouter = router({
  /** Regions within the caller's scope, in tree (pre-)order; merged ones only when asked. */
  tree: procedure
    .permission("region.read")
    .input(input(Schema.Struct({ includeMerged: Schema.optional(Schema.Boolean) })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(RegionService, (r) =>
            r.tree(ctx.actor, { includeMerged: i.includeMerged === true }),
          ),
        )
        .then((rows) => rows.map(out)),
    ),
  get: procedure
    .permission("region.read")
    .input(input(Schema.Struct({ id: Id("区域编号 / region id") })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(RegionService, (r) => r.get(ctx.actor, i.id))).then(out),
    ),
  create: procedure
    .permission("region.write")
    .input(
      input(
        Schema.Struct({
          id: Schema.optional(Regions.RegionId),
          name: RegionName,
          level: Regions.RegionLevel,
          parentId: Id("上级区域 / parent region"),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(RegionService, (r) => r.create(ctx.cmd, i))).then(out),
    ),
  rename: procedure
    .permission("region.write")
    .input(
      input(
        Schema.Struct({ id: Id("区域编号 / region id"), name: RegionName, expectedVersion: ExpectedVersion }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(RegionService, (r) => r.rename(ctx.cmd, i))).then(out),
    ),
  /** Merge a community (village) into another; its units, posts and people move with it. */
  merge: procedure
    .permission("region.write")
    .input(
      input(
        Schema.Struct({
          id: Id("被合并的区域 / merged region"),
          intoId: Id("并入的区域 / region merged into"),
          reason: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)).annotations({
            title: "合并原因 / reason",
          }),
          expectedVersion: ExpectedVersion,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(RegionService, (r) => r.merge(ctx.cmd, i)))
        .then((m) => ({ ...m, merged: out(m.merged), into: out(m.into) })),
    ),
})
