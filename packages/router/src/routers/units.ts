import { Regions } from "@cadre/domain"
import { UnitService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import {
  ExpectedVersion,
  Id,
  keyedPageFields,
  keyedPageRequest,
  NameKey,
  NameSearch,
  pageOut,
  writeKeyed,
} from "./shared.js"

const UnitName = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)).annotations({
  title: "单位名称 / unit name",
})
const Roles = Schema.NonEmptyArray(Regions.UnitRole).annotations({ title: "单位角色 / roles" })

/** Units (单位) that dispatch or host cadres, within the caller's scope. */
export const unitsRouter = router({
  /**
   * One page of the units in the caller's scope (issue 19), by name (then id), A→Z unless `order: "desc"`, at most
   * `limit` (≤ 200, default 50), with `nextCursor` (null on the last page) and the `total` passing the filters:
   * `regionId` (the unit's own region), `withinRegionId` (a region and beneath it), `role`, `name` (part of it).
   */
  list: procedure
    .permission("unit.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("所在区域 / region")),
          withinRegionId: Schema.optional(Id("区域（含下级） / region and beneath")),
          role: Schema.optional(Regions.UnitRole),
          name: Schema.optional(NameSearch("单位名称包含 / name contains")),
          ...keyedPageFields(NameKey),
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(UnitService, (r) =>
            r.list(ctx.actor, filter, keyedPageRequest(NameKey, { cursor, limit, order })),
          ),
        )
        .then((page) => pageOut(page, (u) => u, writeKeyed(NameKey))),
    ),
  get: procedure
    .permission("unit.read")
    .input(input(Schema.Struct({ id: Id("单位编号 / unit id") })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(UnitService, (r) => r.get(ctx.actor, i.id)))),
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
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(UnitService, (r) => r.create(ctx.cmd, i)))),
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
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(UnitService, (r) => r.update(ctx.cmd, i)))),
})
