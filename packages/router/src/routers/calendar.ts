import { Calendar, LocalDate } from "@cadre/domain"
import { WorkCalendar } from "@cadre/services"
import { Effect, Either, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { Id } from "./shared.js"

/**
 * The working-day calendar (法定节假日, 调休) that deadlines and 公示 periods are counted on: the State Council's
 * national calendar, read-only to every account, and each region's local adjustments, entered by its org dept and
 * applying in its subtree (ADR 0005).
 */

const YearIn = Schema.Int.pipe(Schema.between(1900, 2200)).annotations({ title: "年份 / year" })
const Dates = (title: string) =>
  Schema.Array(LocalDate.LocalDate).pipe(Schema.maxItems(366)).annotations({ title })
const RegionIn = Id("区域 / region")

/** The region path whose calendar applies: the region named, else the caller's scope (none for applicants). */
const pathFor = (regionId: string | undefined, scopePath: string) =>
  regionId === undefined
    ? Effect.succeed(scopePath)
    : Effect.map(
        Effect.flatMap(WorkCalendar, (c) => c.localOf(regionId)),
        (l) => l.regionPath,
      )

export const calendarRouter = router({
  /** The years the national working-day calendar covers, and where each came from (data package or operator). */
  years: procedure.authenticated().query(({ ctx }) =>
    ctx.run(
      Effect.gen(function* () {
        const { calendar, overrides } = yield* Effect.flatMap(WorkCalendar, (c) => c.national())
        return calendar.years.map((y) => ({
          year: y.year,
          holidays: y.holidays.length,
          makeUpWorkdays: y.makeUpWorkdays.length,
          source: y.source,
          overridesPackage: overrides.includes(y.year),
        }))
      }),
    ),
  ),

  /** One year's national arrangement in full. */
  year: procedure
    .authenticated()
    .input(input(Schema.Struct({ year: YearIn })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const { calendar } = yield* Effect.flatMap(WorkCalendar, (c) => c.national())
          const y = calendar.years.find((x) => x.year === i.year)
          return y === undefined ? null : Schema.encodeSync(Calendar.CalendarYear)(y)
        }),
      ),
    ),

  /**
   * The national calendar is read-only to accounts: always FORBIDDEN, saying so (the national operator enters a
   * year with `cadre calendar:enter-year`; a district enters local adjustments with `calendar.setLocal`).
   */
  enterYear: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          year: YearIn,
          holidays: Dates("放假日期 / holidays"),
          makeUpWorkdays: Dates("调休上班日期 / make-up workdays"),
          notice: Schema.optional(
            Schema.String.pipe(Schema.maxLength(200)).annotations({ title: "文号 / notice" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx }) => ctx.run(Effect.flatMap(WorkCalendar, (c) => c.enterYear(ctx.cmd)))),

  /** The local adjustments that apply in a region: its own and those of the regions above it. */
  local: procedure
    .authenticated()
    .input(input(Schema.Struct({ regionId: RegionIn })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.map(
          Effect.flatMap(WorkCalendar, (c) => c.localOf(i.regionId)),
          (l) => ({
            regionPath: l.regionPath,
            adjustments: l.adjustments.map((a) => Schema.encodeSync(Calendar.LocalAdjustment)(a)),
          }),
        ),
      ),
    ),

  /**
   * An org dept enters (replaces; with both lists empty, clears) a region's local days off and make-up working
   * days for a year, within its scope: they apply to campaigns, placements and leave in that region's subtree.
   */
  setLocal: procedure
    .permission("calendar.local")
    .input(
      input(
        Schema.Struct({
          regionId: RegionIn,
          year: YearIn,
          holidays: Dates("本地放假日期 / local days off"),
          makeUpWorkdays: Dates("本地调休上班日期 / local make-up workdays"),
          reason: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)).annotations({
            title: "依据 / reason",
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(WorkCalendar, (c) => c.setLocal(ctx.cmd, i)))
        .then((a) => (a === null ? null : Schema.encodeSync(Calendar.LocalAdjustment)(a))),
    ),

  /**
   * The last day of a period of N working days from a start date (e.g. a 公示), or why it cannot be counted, on
   * the calendar of `regionId` (its local adjustments included) or, without it, of the caller's own region.
   */
  addWorkingDays: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          start: LocalDate.LocalDate.annotations({ title: "起始日期 / start" }),
          days: Schema.Int.pipe(Schema.between(1, 366)).annotations({ title: "工作日数 / working days" }),
          countFrom: Schema.optional(Calendar.CountFrom),
          regionId: Schema.optional(RegionIn),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const path = yield* pathFor(i.regionId, ctx.actor.scopePath)
          const { calendar } = yield* Effect.flatMap(WorkCalendar, (c) => c.current(undefined, path))
          const r = Calendar.addWorkingDays(calendar, i.start, i.days, {
            countFrom: i.countFrom ?? "day_after",
          })
          return Either.isLeft(r) ? yield* Effect.fail(r.left) : { lastDay: r.right }
        }),
      ),
    ),
})
