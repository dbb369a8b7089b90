import { Scheme } from "@cadre/domain"
import { EvaluationService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Id } from "./shared.js"

/**
 * Scores and evaluations of cadres in post, and the reserve pipeline (issue 5). Each answer is the kernel's, from
 * the scheme version the placement keeps: 004 淮上 三是's 100-point score sheet at half-year, year-end and
 * term-end (a grade only where the scheme gives bands); 003 四's report-back scoring, star rating and four
 * evaluations, and 三's four types — where the scheme sets no weights, bands or answer options the answer is
 * `Undetermined` with the scheme's note, never a made-up number. The reserve pipeline is routers/reserves.ts.
 */

const PlacementId = Id("任职安排编号 / placement id")
const Period = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(40)).annotations({
  title: "考核期间 / period (2026-H1, 2026, term-1)",
})
const Points = Schema.Number.pipe(Schema.finite(), Schema.nonNegative()).annotations({
  title: "分数 / points",
})
const Key = (title: string) => Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(80)).annotations({ title })
const Summary = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(4000)).annotations({
  title: "评价意见 / summary",
})
const Kind = Schema.Literal(
  "score",
  "report_back",
  "stars",
  "four_evaluations",
  "secretary_type",
).annotations({
  title: "类别 / kind",
})
const Target = { placementId: PlacementId, period: Period }

export const evaluationsRouter = router({
  /** A placement's scores and evaluations, each with the kernel's answer as recorded. */
  list: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ placementId: PlacementId, kind: Schema.optional(Kind) })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(EvaluationService, (r) => r.list(ctx.actor, i)))),

  /**
   * 004 淮上 目标考核 三是 百分制量化考核: a score sheet (items, or the total when the scheme lists none) for a cycle
   * the scheme scores; the grade from the scheme's bands, or `Undetermined` with the note.
   */
  score: procedure
    .permission("assessment.grade")
    .input(
      input(
        Schema.Struct({
          ...Target,
          cycleId: Key("考核编号 / cycle id"),
          items: Schema.optional(Schema.Array(Schema.Struct({ id: Key("考核项目 / item"), points: Points }))),
          total: Schema.optional(Points),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(EvaluationService, (r) => r.score(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /** 003 四 抓好提级述职: one score per scorer the scheme names; combined only with the scheme's weights. */
  reportBack: procedure
    .permission("assessment.grade")
    .input(
      input(
        Schema.Struct({
          ...Target,
          scores: Schema.Array(Schema.Struct({ scorer: Key("评议部门 / scorer"), points: Points })),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(EvaluationService, (r) => r.reportBack(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /** 003 四 用好星级评定: the star level of a score, from the scheme's bands, or `Undetermined` with the note. */
  stars: procedure
    .permission("assessment.grade")
    .input(input(Schema.Struct({ ...Target, points: Points })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(EvaluationService, (r) => r.stars(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /**
   * 003 四 做实履职评估 四评: the next part in the scheme's order (self → residents on 德能勤绩廉 → street → org
   * dept), by the body it names. The cadre files their own self-evaluation (placement.own); staff holding
   * assessment.grade record the others (residents' vote counts included). Checked by the repository.
   */
  evaluate: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          ...Target,
          part: Scheme.EvaluationPart,
          by: Scheme.Actor,
          summary: Summary,
          votes: Schema.optional(
            Schema.Record({
              key: Key("测评方面 / dimension"),
              value: Schema.Record({ key: Key("选项 / option"), value: Schema.NonNegativeInt }),
            }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(EvaluationService, (r) => r.evaluate(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),

  /** 003 三 深化分类管理: 示范/骨干/潜力/守摊, with a finding on every standard the scheme names. */
  classify: procedure
    .permission("assessment.grade")
    .input(
      input(
        Schema.Struct({
          ...Target,
          type: Scheme.SecretaryTypeKey,
          by: Scheme.Actor,
          basis: Schema.Array(
            Schema.Struct({
              standard: Key("标准 / standard"),
              finding: Schema.String.pipe(Schema.maxLength(2000)),
            }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(EvaluationService, (r) => r.classify(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),
})
