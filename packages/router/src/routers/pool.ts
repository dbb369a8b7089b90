import { PoolService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Id, MAX_INT4 } from "./shared.js"

/** The reserve pool's yearly review (issue 5; 001 五1). */

export const poolRouter = router({
  /** 001 五1: the yearly review — composition checked (≥ 2 per community, principal and deputy, ≤ 35 ≥ 40%),
   * the unqualified removed. */
  review: procedure
    .permission("pool.review")
    .input(
      input(
        Schema.Struct({
          regionId: Id("街道 / street"),
          schemeId: Id("方案编号 / scheme id"),
          schemeVersion: Schema.Int.pipe(Schema.between(1, MAX_INT4)),
          year: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / year" }),
          removals: Schema.Array(
            Schema.Struct({
              personId: Id("人员编号 / person id"),
              reason: Schema.NonEmptyTrimmedString.annotations({ title: "调整出库原因 / reason" }),
            }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(PoolService, (r) => r.reviewPool(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  reviews: procedure
    .permission("pool.review")
    .input(input(Schema.Struct({ schemeId: Schema.optional(Id("方案编号 / scheme id")) })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PoolService, (r) => r.poolReviews(ctx.actor, i)))),
})
