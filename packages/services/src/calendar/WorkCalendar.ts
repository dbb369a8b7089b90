import { type BuiltCalendar, buildCalendar } from "@cadre/calendar"
import {
  type CommandContext,
  Database,
  decodeInput,
  decodeRow,
  type Handle,
  q,
  schema,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Calendar } from "@cadre/domain"
import { asc, eq } from "drizzle-orm"
import { Effect, Schema } from "effect"
import { requirePermission } from "../shared/authority.js"

const { calendarYears } = schema
const encodeCalendarYear = Schema.encodeSync(Calendar.CalendarYear)

/**
 * The working-day calendar (法定节假日 and 调休): the data package's years plus those an org dept admin entered.
 * Deadlines, 公示 periods and leave days are counted on it. The kernel indexes a calendar once, so the built
 * calendar is kept until the entered years change (their versions are the key).
 */
export class WorkCalendar extends Effect.Service<WorkCalendar>()("@cadre/services/WorkCalendar", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    let cached: { readonly key: string; readonly built: BuiltCalendar } | undefined

    const enteredYears = (via: Handle) =>
      Effect.flatMap(
        q(via.select().from(calendarYears).orderBy(asc(calendarYears.year)), "calendar.years"),
        (rows) =>
          Effect.sync(() =>
            rows.map((r) => decodeRow(Calendar.CalendarYear, "calendar_years", String(r.year), r.body)),
          ),
      )

    /** The calendar as it stands; inside a command pass its transaction as `via`. */
    const current = (via: Handle = db): Effect.Effect<BuiltCalendar> =>
      Effect.gen(function* () {
        const rows = yield* q(
          via
            .select({ year: calendarYears.year, version: calendarYears.version })
            .from(calendarYears)
            .orderBy(asc(calendarYears.year)),
          "calendar.get",
        )
        const key = rows.map((r) => `${r.year}:${r.version}`).join(",")
        if (cached?.key === key) return cached.built
        const built = buildCalendar(yield* enteredYears(via))
        cached = { key, built }
        return built
      })

    /** The years an admin entered (each overrides or extends the data package). */
    const years = (): Effect.Effect<ReadonlyArray<Calendar.CalendarYear>> => enteredYears(db)

    /** An org dept admin enters (or corrects) a year's official holidays and make-up days. */
    const enterYear = (ctx: CommandContext, input: { readonly year: unknown }) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "calendar.write")
        const year = yield* decodeInput(Calendar.CalendarYear, "calendar_year", input.year)
        const body = encodeCalendarYear(year)
        return yield* transaction(db, "calendar.enterYear", (tx) =>
          Effect.gen(function* () {
            const [old] = yield* q(
              tx.select().from(calendarYears).where(eq(calendarYears.year, year.year)).for("update"),
            )
            if (old === undefined)
              yield* q(
                tx.insert(calendarYears).values({ year: year.year, body, enteredBy: ctx.actor.accountId }),
              )
            else
              yield* q(
                tx
                  .update(calendarYears)
                  .set({
                    body,
                    enteredBy: ctx.actor.accountId,
                    enteredAt: new Date(),
                    version: old.version + 1,
                  })
                  .where(eq(calendarYears.year, year.year)),
              )
            yield* writeAudit(tx, ctx, {
              action: old === undefined ? "calendar.enterYear" : "calendar.correctYear",
              entity: "calendar_year",
              entityId: String(year.year),
              regionPath: ctx.actor.scopePath,
              before: old?.body ?? null,
              after: body,
            })
            return year
          }),
        )
      })

    return { current, years, enterYear } as const
  }),
}) {}
