import { MentoringService } from "@cadre/services"
import { InPost } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Day, PlacementId } from "./inpost-shared.js"
import { ExpectedVersion, Id } from "./shared.js"

/** Mentoring pairs within the scheme's capacity (003), issue 5. */

const encodePairing = Schema.encodeSync(InPost.Pairing)

const pairOut = (p: {
  readonly pairing: InPost.Pairing
  readonly placementId: string
  readonly version: number
  readonly mentorName: string
  readonly menteeName: string
}) => ({
  id: p.pairing.id,
  placementId: p.placementId,
  mentorId: p.pairing.mentorId,
  mentorName: p.mentorName,
  menteeId: p.pairing.menteeId,
  menteeName: p.menteeName,
  from: p.pairing.from,
  to: p.pairing.to ?? null,
  version: p.version,
  pairing: encodePairing(p.pairing),
})

export const mentoringRouter = router({
  /** 结对帮带: refused with the arithmetic when the mentor is at the scheme's capacity (003: 3–4 a year). */
  pair: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          mentorId: Id("导师 / mentor"),
          from: Day("开始日期 / from"),
          to: Schema.optional(Day("结束日期 / to")),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(MentoringService, (r) => r.pair(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(pairOut),
    ),

  end: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          id: Id("结对编号 / pair id"),
          expectedVersion: ExpectedVersion,
          to: Day("结束日期 / to"),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(MentoringService, (r) =>
            r.endPairing(ctx.cmd, {
              pairId: i.id,
              expectedVersion: i.expectedVersion,
              to: i.to,
              on: todayOf(ctx),
            }),
          ),
        )
        .then(pairOut),
    ),

  list: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          mentorId: Schema.optional(Id("导师 / mentor")),
          placementId: Schema.optional(PlacementId),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(MentoringService, (r) => r.pairs(ctx.actor, i)))
        .then((rows) => rows.map(pairOut)),
    ),

  /** A mentor's mentees in a year against the capacity of the placement's scheme. */
  load: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          mentorId: Id("导师 / mentor"),
          year: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / year" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(MentoringService, (r) => r.mentorLoad(ctx.actor, i))),
    ),
})
