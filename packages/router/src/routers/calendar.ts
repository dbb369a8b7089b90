import { Calendar, LocalDate } from "@cadre/domain"
import { WorkCalendar } from "@cadre/services"
import { Effect, Either, Schema } from "effect"
import { input } from "../input.js"
import { todayOf } from "../today.js"
import { procedure, router } from "../trpc.js"

/** The working-day calendar (法定节假日, 调休) that deadlines and 公示 periods are counted on. */

const YearIn = Schema.Int.pipe(Schema.between(1900, 2200))

export const calendarRouter = router({
  /** The years the working-day calendar covers, and where each came from (data package or an admin). */
  years: procedure.authenticated().query(({ ctx }) =>
    ctx.run(
      Effect.gen(function* () {
        const { calendar, overrides } = yield* Effect.flatMap(WorkCalendar, (c) => c.current())
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

  /** One year's arrangement in full. */
  year: procedure
    .authenticated()
    .input(input(Schema.Struct({ year: YearIn })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const { calendar } = yield* Effect.flatMap(WorkCalendar, (c) => c.current())
          const y = calendar.years.find((x) => x.year === i.year)
          return y === undefined ? null : Schema.encodeSync(Calendar.CalendarYear)(y)
        }),
      ),
    ),

  /** An org dept admin enters (or corrects) a year from the State Council's notice. */
  enterYear: procedure
    .permission("calendar.write")
    .input(
      input(
        Schema.Struct({
          year: YearIn,
          holidays: Schema.Array(LocalDate.LocalDate).annotations({ title: "放假日期 / holidays" }),
          makeUpWorkdays: Schema.Array(LocalDate.LocalDate).annotations({
            title: "调休上班日期 / make-up workdays",
          }),
          notice: Schema.optional(
            Schema.String.pipe(Schema.maxLength(200)).annotations({ title: "文号 / notice" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(WorkCalendar, (c) =>
            c.enterYear(ctx.cmd, {
              year: {
                year: i.year,
                holidays: i.holidays,
                makeUpWorkdays: i.makeUpWorkdays,
                source: {
                  _tag: "EnteredByAdmin",
                  accountId: ctx.actor.accountId,
                  enteredOn: todayOf(ctx),
                  ...(i.notice === undefined ? {} : { notice: i.notice }),
                },
              },
            }),
          ),
        )
        .then((y) => Schema.encodeSync(Calendar.CalendarYear)(y)),
    ),

  /** The last day of a period of N working days from a start date (e.g. a 公示), or why it cannot be counted. */
  addWorkingDays: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          start: LocalDate.LocalDate.annotations({ title: "起始日期 / start" }),
          days: Schema.Int.pipe(Schema.between(1, 366)).annotations({ title: "工作日数 / working days" }),
          countFrom: Schema.optional(Calendar.CountFrom),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const { calendar } = yield* Effect.flatMap(WorkCalendar, (c) => c.current())
          const r = Calendar.addWorkingDays(calendar, i.start, i.days, {
            countFrom: i.countFrom ?? "day_after",
          })
          return Either.isLeft(r) ? yield* Effect.fail(r.left) : { lastDay: r.right }
        }),
      ),
    ),
})
