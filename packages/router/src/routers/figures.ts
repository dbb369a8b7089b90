import { AssessmentService, FiguresService, ReportService } from "@cadre/services"
import { LocalDate } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Id, MAX_INT4 } from "./shared.js"

/**
 * Figures for the org dept (issue 5), over the caller's scope: coverage of villages and communities (002 全覆盖),
 * the cohort's profile as 004 杭州 reports it, quota use per scheme and year, overdue reports by region, terms
 * ending in the next 90 days. Exact arithmetic in the kernel; rounding once, at display, half up.
 */

export const figuresRouter = router({
  coverage: procedure
    .permission("figures.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("区域 / region")),
          schemeId: Schema.optional(Id("方案编号 / scheme id")),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(FiguresService, (r) => r.coverage(ctx.actor, { ...i, on: todayOf(ctx) }))),
    ),

  cohort: procedure
    .permission("figures.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("区域 / region")),
          schemeId: Schema.optional(Id("方案编号 / scheme id")),
          startedFrom: Schema.optional(
            LocalDate.LocalDate.annotations({ title: "到岗日期起 / started from" }),
          ),
          startedTo: Schema.optional(LocalDate.LocalDate.annotations({ title: "到岗日期止 / started to" })),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(FiguresService, (r) => r.cohort(ctx.actor, { ...i, on: todayOf(ctx) }))),
    ),

  quotaUse: procedure
    .permission("figures.read")
    .input(
      input(
        Schema.Struct({
          schemeId: Id("方案编号 / scheme id"),
          schemeVersion: Schema.Int.pipe(Schema.between(1, MAX_INT4)),
          year: Schema.Int.pipe(Schema.between(2000, 2200)).annotations({ title: "年度 / year" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(AssessmentService, (r) => r.quotaUse(ctx.actor, i))),
    ),

  /** Overdue reports counted per region (the list itself: reports.overdue). */
  overdue: procedure
    .permission("figures.read")
    .input(input(Schema.Struct({ regionId: Schema.optional(Id("区域 / region")) })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(ReportService, (r) =>
            r.overdueFigures(
              ctx.actor,
              todayOf(ctx),
              i.regionId === undefined ? {} : { regionId: i.regionId },
            ),
          ),
        )
        .then((rows) => ({
          total: rows.reduce((n, r) => n + r.count, 0),
          byRegion: [...rows].sort((a, b) => b.count - a.count || a.regionId.localeCompare(b.regionId)),
        })),
    ),

  /** Terms whose last day falls within the next `days` (default 90), both ends included. */
  termsEnding: procedure
    .permission("figures.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("区域 / region")),
          days: Schema.optional(
            Schema.Int.pipe(Schema.between(0, 3660)).annotations({ title: "天数 / days" }),
          ),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.flatMap(FiguresService, (r) =>
          r.termsEnding(ctx.actor, { days: i.days ?? 90, regionId: i.regionId, on: todayOf(ctx) }),
        ),
      ),
    ),
})
