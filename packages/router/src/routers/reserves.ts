import { ReserveSource } from "@cadre/db"
import { Eligibility } from "@cadre/domain"
import { ReserveService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { ExpectedVersion, Id, MAX_INT4 } from "./shared.js"

/**
 * The reserve pipeline (issue 5; 003 一 拓源储备一批): community workers → reserves for the two committees →
 * secretary reserves; the yearly review removing the unqualified is `pool.review`.
 */

const Key = (title: string) => Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(80)).annotations({ title })
/** A waiver of a 一般 / 原则上 pool rule for one subject (a person or a community), with reason and approver. */
export const PoolWaiver = Schema.extend(
  Eligibility.Waiver,
  Schema.Struct({ subject: Schema.optional(Id("放宽对象（人员或社区） / subject")) }),
).annotations({ title: "放宽限制 / waiver" })
const Basis = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(2000)).annotations({ title: "依据 / basis" })

export const reservesRouter = router({
  /**
   * Enter a person into a scheme's reserve pool under one of its roles: 003 一 拓源储备一批 takes reserves for the
   * two committees from community workers and secretary reserves from committee members.
   */
  enter: procedure
    .permission("pool.review")
    .input(
      input(
        Schema.Struct({
          personId: Id("人员编号 / person id"),
          regionId: Id("社区 / community"),
          schemeId: Id("方案编号 / scheme id"),
          schemeVersion: Schema.Int.pipe(Schema.between(1, MAX_INT4)),
          role: Key("后备类别 / pool role"),
          source: ReserveSource,
          basis: Basis,
          waivers: Schema.optional(Schema.Array(PoolWaiver).annotations({ title: "放宽限制 / waivers" })),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ReserveService, (r) => r.enterReserve(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /** 003 一: an outstanding reserve for the two committees moves on to the secretary reserve. */
  advance: procedure
    .permission("pool.review")
    .input(
      input(
        Schema.Struct({
          id: Id("后备人员编号 / reserve id"),
          expectedVersion: ExpectedVersion,
          basis: Basis,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ReserveService, (r) => r.advanceReserve(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  list: procedure
    .permission("pool.review")
    .input(
      input(
        Schema.Struct({
          schemeId: Schema.optional(Id("方案编号 / scheme id")),
          regionId: Schema.optional(Id("社区 / community")),
          state: Schema.optional(Schema.Literal("active", "removed")),
        }),
      ),
    )
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(ReserveService, (r) => r.reserves(ctx.actor, i)))),
})
