import { SchemeService } from "@cadre/services"
import { TrainingService } from "@cadre/services"
import { InPost } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Day } from "./inpost-shared.js"
import { Id, MAX_INT4 } from "./shared.js"

/** Training against the yearly minimum (001 五1), issue 5. */

export const trainingRouter = router({
  record: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          personId: Id("人员编号 / person id"),
          date: Day("培训日期 / date"),
          kind: InPost.TrainingRecordKind,
          title: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)).annotations({
            title: "培训名称 / title",
          }),
          organiser: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(TrainingService, (r) => r.recordTraining(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /** A person's training in a year against a scheme's minimums (001 五1: at least one centralised a year). */
  check: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          personId: Id("人员编号 / person id"),
          schemeId: Id("方案编号 / scheme id"),
          schemeVersion: Schema.Int.pipe(Schema.between(1, MAX_INT4)),
          year: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / year" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const s = yield* Effect.flatMap(SchemeService, (r) => r.get(ctx.actor, i.schemeId, i.schemeVersion))
          const out = yield* Effect.flatMap(TrainingService, (r) =>
            r.checkTraining(ctx.actor, {
              personId: i.personId,
              scheme: s.scheme,
              year: i.year,
              on: todayOf(ctx),
            }),
          )
          return {
            records: out.records,
            checks: out.checks,
            shortfalls: InPost.trainingShortfalls(out.checks).length,
            unspecified:
              s.scheme.training === undefined || s.scheme.training._tag === "Unspecified"
                ? s.scheme.training?._tag === "Unspecified"
                  ? s.scheme.training.note
                  : null
                : null,
          }
        }),
      ),
    ),
})
