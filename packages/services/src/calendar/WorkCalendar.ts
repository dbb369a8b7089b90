import { type BuiltCalendar, buildCalendar } from "@cadre/calendar"
import {
  type AuditContext,
  type CommandContext,
  type Conflict,
  Database,
  decodeInput,
  decodeRow,
  type Handle,
  InvalidInput,
  type NotFound,
  notFound,
  q,
  regionQueries,
  schema,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Access, Calendar, LocalDate } from "@cadre/domain"
import { and, asc, eq, inArray } from "drizzle-orm"
import { Effect, Either, Schema } from "effect"
import { requirePermission } from "../shared/authority.js"

const { calendarYears, calendarLocalYears } = schema
const encodeCalendarYear = Schema.encodeSync(Calendar.CalendarYear)
const encodeLocal = Schema.encodeSync(Calendar.LocalAdjustment)

/** The region at `path` and every region above it: "/a/b/" → ["/a/", "/a/b/"]. */
const ancestorPaths = (path: string): ReadonlyArray<string> => {
  const ids = path.split("/").filter((s) => s.length > 0)
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join("/")}/`)
}

/** Composed calendars kept, at most (one per region with adjustments that counts something). */
const COMPOSED_MAX = 256

/**
 * The national working-day calendar refuses every account: it is the State Council's, entered only by the
 * national operator (`cadre calendar:enter-year`) when the data package lags a notice.
 */
export const nationalCalendarReadOnly = (): Access.Forbidden =>
  new Access.Forbidden({
    permission: "calendar.national",
    message: {
      zh: "国家工作日历（国务院办公厅节假日安排）为只读数据，区县账号不能录入或修改；如需本地放假或调休，请录入本地工作日调整（calendar.setLocal）",
      en: "The national working-day calendar (the State Council's holiday arrangement) is read-only to district accounts; enter a local working-day adjustment (calendar.setLocal) for a local day off or make-up day",
    },
  })

/** What an org dept enters for its region and year; empty lists clear the year's adjustment. */
export interface LocalAdjustmentInput {
  readonly regionId: string
  readonly year: number
  readonly holidays: ReadonlyArray<string>
  readonly makeUpWorkdays: ReadonlyArray<string>
  readonly reason: string
}

/**
 * The working-day calendar (法定节假日 and 调休). National: the data package's years plus those the national
 * operator entered, read-only to every account. Local: each region's own adjustments, applying in its subtree.
 * Deadlines, 公示 periods and leave days are counted on `current(via, regionPath)`: the national calendar with the
 * adjustments of the region the counted thing belongs to and of the regions above it (ADR 0005). The kernel indexes
 * a calendar once, so the built calendars are kept until their rows change (their versions are the key).
 */
export class WorkCalendar extends Effect.Service<WorkCalendar>()("@cadre/services/WorkCalendar", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    let cached: { readonly key: string; readonly built: BuiltCalendar } | undefined
    const composed = new Map<string, BuiltCalendar>()

    const enteredYears = (via: Handle) =>
      Effect.flatMap(
        q(via.select().from(calendarYears).orderBy(asc(calendarYears.year)), "calendar.years"),
        (rows) =>
          Effect.sync(() =>
            rows.map((r) => decodeRow(Calendar.CalendarYear, "calendar_years", String(r.year), r.body)),
          ),
      )

    /** The national calendar as it stands; inside a command pass its transaction as `via`. */
    const national = (via: Handle = db): Effect.Effect<BuiltCalendar & { readonly key: string }> =>
      Effect.gen(function* () {
        const rows = yield* q(
          via
            .select({ year: calendarYears.year, version: calendarYears.version })
            .from(calendarYears)
            .orderBy(asc(calendarYears.year)),
          "calendar.get",
        )
        const key = rows.map((r) => `${r.year}:${r.version}`).join(",")
        if (cached?.key !== key) cached = { key, built: buildCalendar(yield* enteredYears(via)) }
        return { ...cached.built, key }
      })

    /** The local adjustments applying at `regionPath` (its own and its ancestors'), by path then year. */
    const applying = (via: Handle, regionPath: string) =>
      regionPath.length === 0
        ? Effect.succeed([])
        : Effect.map(
            q(
              via
                .select()
                .from(calendarLocalYears)
                .where(inArray(calendarLocalYears.path, [...ancestorPaths(regionPath)]))
                .orderBy(asc(calendarLocalYears.path), asc(calendarLocalYears.year)),
              "calendar.local",
            ),
            (rows) =>
              rows.map((r) => ({
                row: r,
                adjustment: decodeRow(
                  Calendar.LocalAdjustment,
                  "calendar_local_years",
                  `${r.regionId}/${r.year}`,
                  r.body,
                ),
              })),
          )

    /**
     * The calendar that applies to something in the region at `regionPath` (a campaign's, a placement's, a
     * leave's region): the national calendar with the local adjustments of that region and those above it. An
     * empty path (an applicant, or nothing regional) is the national calendar. Inside a command pass its
     * transaction as `via` (undefined: outside one).
     */
    const current = (via: Handle | undefined, regionPath: string): Effect.Effect<BuiltCalendar> =>
      Effect.gen(function* () {
        const base = yield* national(via ?? db)
        const local = yield* applying(via ?? db, regionPath)
        if (local.length === 0) return base
        const key = `${base.key}|${local.map((l) => `${l.row.regionId}:${l.row.year}:${l.row.version}`).join(",")}`
        const hit = composed.get(key)
        if (hit !== undefined) return hit
        const built: BuiltCalendar = {
          calendar: Calendar.withLocalAdjustments(
            base.calendar,
            local.map((l) => l.adjustment),
            regionPath,
          ),
          overrides: base.overrides,
        }
        if (composed.size >= COMPOSED_MAX) composed.delete(composed.keys().next().value as string)
        composed.set(key, built)
        return built
      })

    /** The years the national operator entered (each overrides or extends the data package). */
    const years = (): Effect.Effect<ReadonlyArray<Calendar.CalendarYear>> => enteredYears(db)

    /** The local adjustments that apply in a region (its own and those of the regions above it). */
    const localOf = (
      regionId: string,
    ): Effect.Effect<
      { readonly regionPath: string; readonly adjustments: ReadonlyArray<Calendar.LocalAdjustment> },
      NotFound
    > =>
      Effect.gen(function* () {
        const region = yield* regionQueries.find(db, regionId)
        if (region === undefined) return yield* Effect.fail(notFound("region", regionId))
        const local = yield* applying(db, region.path)
        return { regionPath: region.path, adjustments: local.map((l) => l.adjustment) }
      })

    /** Accounts never write the national calendar: always refused (the procedure says why). */
    const enterYear = (_ctx: CommandContext): Effect.Effect<never, Access.Forbidden> =>
      Effect.fail(nationalCalendarReadOnly())

    /**
     * The national operator enters (or corrects) a year from the State Council's notice — `cadre
     * calendar:enter-year`, never a procedure, so no account is checked; audited as the system principal in `ctx`.
     */
    const enterNationalYear = (ctx: AuditContext, input: { readonly year: unknown }) =>
      Effect.gen(function* () {
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
              regionPath: "/",
              before: old?.body ?? null,
              after: body,
            })
            return year
          }),
        )
      })

    /**
     * An org dept enters (or replaces, or with two empty lists clears) its region's local adjustments for a year:
     * the region must be in its scope, the year on the national calendar, and every date a real local change
     * (Calendar.localAdjustmentProblems). Audited with the region's path.
     */
    const setLocal = (
      ctx: CommandContext,
      input: LocalAdjustmentInput,
    ): Effect.Effect<
      Calendar.LocalAdjustment | null,
      Access.Forbidden | NotFound | InvalidInput | Conflict | Calendar.CalendarYearUnknown
    > =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "calendar.local")
        return yield* transaction(db, "calendar.setLocal", (tx) =>
          Effect.gen(function* () {
            const region = yield* regionQueries.lockVisible(tx, ctx.actor, input.regionId)
            if (region === undefined) return yield* Effect.fail(notFound("region", input.regionId))
            const adj = yield* decodeInput(Calendar.LocalAdjustment, "calendar_local_year", {
              ...input,
              regionPath: region.path,
            })
            const nat = (yield* national(tx)).calendar
            const known = Calendar.isWorkingDay(nat, LocalDate.make(`${adj.year}-01-01`))
            if (Either.isLeft(known)) return yield* Effect.fail(known.left)
            const problems = Calendar.localAdjustmentProblems(nat, adj)
            if (problems.length > 0)
              return yield* Effect.fail(
                new InvalidInput({
                  entity: "calendar_local_year",
                  issues: problems.map((p) => ({ path: "holidays", message: p })),
                  message: {
                    zh: `本地工作日调整有误：${problems.map((p) => p.zh).join("；")}`,
                    en: `Invalid local working-day adjustment: ${problems.map((p) => p.en).join("; ")}`,
                  },
                }),
              )
            const where = and(
              eq(calendarLocalYears.regionId, region.id),
              eq(calendarLocalYears.year, adj.year),
            )
            const [old] = yield* q(tx.select().from(calendarLocalYears).where(where).for("update"))
            const clear = adj.holidays.length === 0 && adj.makeUpWorkdays.length === 0
            const body = encodeLocal(adj)
            if (clear) {
              if (old === undefined) return null
              yield* q(tx.delete(calendarLocalYears).where(where))
            } else if (old === undefined)
              yield* q(
                tx.insert(calendarLocalYears).values({
                  regionId: region.id,
                  year: adj.year,
                  path: region.path,
                  body,
                  enteredBy: ctx.actor.accountId,
                }),
              )
            else
              yield* q(
                tx
                  .update(calendarLocalYears)
                  .set({
                    body,
                    enteredBy: ctx.actor.accountId,
                    enteredAt: new Date(),
                    version: old.version + 1,
                  })
                  .where(where),
              )
            yield* writeAudit(tx, ctx, {
              action: clear
                ? "calendar.clearLocal"
                : old === undefined
                  ? "calendar.setLocal"
                  : "calendar.correctLocal",
              entity: "calendar_local_year",
              entityId: `${region.id}/${adj.year}`,
              regionPath: region.path,
              before: old?.body ?? null,
              after: clear ? null : body,
            })
            return clear ? null : adj
          }),
        )
      })

    return { current, national, years, localOf, enterYear, enterNationalYear, setLocal } as const
  }),
}) {}
