import type { CommandContext } from "@cadre/db"
import { Assessment, Scheme } from "@cadre/domain"
import { type AssessmentRecord, AssessmentService, type GradingStepInput } from "@cadre/services"
import { Effect, Schema } from "effect"
import type { Context, Services } from "../context.js"
import type { Failure } from "../errors.js"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Id } from "./shared.js"

/**
 * Assessment (考核), issue 5 (the reserve pool's yearly review is routers/pool.ts). A cycle's steps run in the scheme's order
 * (000: the street's first opinion, the dispatching unit's grade, the report to the org dept); a year-end grade is
 * checked against the scheme's quotas at decision time, under the quota group's lock, and refused with the
 * arithmetic (002: 10 first secretaries allow 2 excellent; the 3rd is refused). A survey's counts become rates and
 * the scheme's triggers fire on them with evidence and clause (002: dissatisfaction above 30% → recall).
 */

const PlacementId = Id("任职安排编号 / placement id")
const CycleId = Id("考核编号 / cycle id")
const Period = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(40)).annotations({
  title: "考核期间 / period (a year: 2026)",
})
const Opinion = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(2000)).annotations({
  title: "初评意见 / opinion",
})

export const assessmentOut = (r: AssessmentRecord) => ({
  id: r.id,
  placementId: r.placementId,
  personId: r.personId,
  cycleId: r.cycleId,
  period: r.period,
  grade: r.grade,
  gradeLabel: r.grade === null ? null : Assessment.GRADE_LABELS[r.grade],
  summary: r.summary,
  firstOpinion: r.record.firstOpinion ?? null,
  decided: r.record.decided ?? null,
  reported: r.record.reported ?? null,
  quota: r.quota,
  incentives: r.incentives,
  fired: r.fired,
  version: r.version,
})

/** What a mutation's context carries that `step` uses. */
type Ctx = Context & {
  readonly run: <A>(effect: Effect.Effect<A, Failure, Services>) => Promise<A>
  readonly cmd: CommandContext
}

const step = (
  ctx: Ctx,
  i: { readonly placementId: string; readonly cycleId: string; readonly period: string },
  move: GradingStepInput,
) =>
  ctx
    .run(
      Effect.flatMap(AssessmentService, (r) =>
        r.step(ctx.cmd, {
          placementId: i.placementId,
          cycleId: i.cycleId,
          period: i.period,
          move,
          on: todayOf(ctx),
        }),
      ),
    )
    .then(assessmentOut)

const Target = { placementId: PlacementId, cycleId: CycleId, period: Period }

export const assessmentsRouter = router({
  list: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(AssessmentService, (r) => r.list(ctx.actor, i.placementId)))
        .then((rows) => rows.map(assessmentOut)),
    ),

  /** 初评意见 (000 三（二）: the street's first opinion), where the cycle has one. */
  firstOpinion: procedure
    .permission("assessment.grade")
    .input(
      input(
        Schema.Struct({
          ...Target,
          by: Scheme.Actor,
          opinion: Opinion,
          proposed: Schema.optional(Scheme.Grade),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      step(ctx, i, {
        _tag: "GiveFirstOpinion",
        by: i.by,
        opinion: i.opinion,
        ...(i.proposed === undefined ? {} : { proposed: i.proposed }),
      }),
    ),

  /** 确定等次: a year-end grade is checked against the quotas; the answer shows the arithmetic checked. */
  grade: procedure
    .permission("assessment.grade")
    .input(input(Schema.Struct({ ...Target, by: Scheme.Actor, grade: Scheme.Grade })))
    .mutation(({ ctx, input: i }) => step(ctx, i, { _tag: "DecideGrade", by: i.by, grade: i.grade })),

  /** 报备: the deciding body reports the grade to the body the cycle names. */
  report: procedure
    .permission("assessment.grade")
    .input(input(Schema.Struct({ ...Target, by: Scheme.Actor })))
    .mutation(({ ctx, input: i }) => step(ctx, i, { _tag: "Report", by: i.by })),

  /** A year's satisfaction survey: counts → exact rates → the scheme's triggers, each fired or not with why. */
  survey: procedure
    .permission("assessment.grade")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          year: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / year" }),
          counts: Schema.Struct({
            satisfied: Schema.NonNegativeInt.annotations({ title: "满意 / satisfied" }),
            basicallySatisfied: Schema.optional(
              Schema.NonNegativeInt.annotations({ title: "基本满意 / basically satisfied" }),
            ),
            dissatisfied: Schema.NonNegativeInt.annotations({ title: "不满意 / dissatisfied" }),
          }),
          decision: Schema.optional(
            Schema.Struct({
              basicallySatisfied: Schema.Literal("counts_as_satisfied", "not_satisfied"),
              by: Scheme.Actor,
              note: Schema.String,
            }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.flatMap(AssessmentService, (r) =>
          r.survey(ctx.cmd, {
            placementId: i.placementId,
            year: i.year,
            counts: {
              satisfied: i.counts.satisfied,
              dissatisfied: i.counts.dissatisfied,
              ...(i.counts.basicallySatisfied === undefined
                ? {}
                : { basicallySatisfied: i.counts.basicallySatisfied }),
            },
            decision: i.decision,
            on: todayOf(ctx),
          }),
        ),
      ),
    ),

  surveys: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(AssessmentService, (r) => r.surveys(ctx.actor, i.placementId))),
    ),
})
