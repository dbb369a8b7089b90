import { type Access, Figures, LocalDate, Person } from "@cadre/domain"
import { and, asc, eq, gte, inArray, isNotNull, lte, type SQL } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db } from "../database.js"
import type { DatabaseError, NotFound } from "../errors.js"
import { CorruptRow, notFound } from "../errors.js"
import { read, requirePermission, within } from "../internal.js"
import { people, placements, regions } from "../schema/index.js"
import { seesPlacementSql, selectPlacements, toPlacementRecord } from "./inpostShared.js"

/**
 * Figures for the org dept (issue 5): the kernel's aggregations (Figures) over the placements of the caller's
 * scope — coverage of villages and communities, a cohort's profile as 004 杭州 reports it, terms ending soon.
 * Quota use is AssessmentRepo's, overdue reports DutyRepo's. No personal data leaves here but names and ids.
 */

type Err<E> = E | Access.Forbidden | DatabaseError

export interface CohortFilter {
  readonly schemeId?: string | undefined
  /** Placements taken up on or after / on or before (a year's cohort: 004 杭州 "2006年选派的150名"). */
  readonly startedFrom?: LocalDate.LocalDate | undefined
  readonly startedTo?: LocalDate.LocalDate | undefined
}

export interface TermEndingRecord extends Figures.TermEnding {
  readonly personName: string
  readonly postTitle: string
  readonly regionName: string
  readonly state: string
}

export interface FiguresRepoService {
  readonly coverage: (
    actor: Access.Actor,
    input: {
      readonly regionId?: string | undefined
      readonly schemeId?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<Figures.Coverage, Err<NotFound>>
  /** The cohort in scope, or within `regionId` (a region the caller sees). */
  readonly cohort: (
    actor: Access.Actor,
    input: CohortFilter & { readonly regionId?: string | undefined; readonly on: LocalDate.LocalDate },
  ) => Effect.Effect<Figures.CohortProfile, Err<NotFound>>
  readonly termsEnding: (
    actor: Access.Actor,
    input: {
      readonly days: number
      readonly regionId?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ReadonlyArray<TermEndingRecord>, Err<NotFound>>
}

export class FiguresRepo extends Context.Tag("@cadre/db/FiguresRepo")<FiguresRepo, FiguresRepoService>() {
  static readonly Live: Layer.Layer<FiguresRepo, never, Database> = Layer.effect(
    FiguresRepo,
    Effect.map(Database, (d) => makeFiguresRepo(d.db)),
  )
}

/** Profile fields the cohort reads (the stored profile, decoded loosely: figures never fail on one odd row). */
interface ProfileFields {
  readonly birthDate?: string
  readonly party?: { readonly _tag?: string }
  readonly rank?: { readonly level?: string; readonly track?: string }
  readonly education?: ReadonlyArray<{ readonly level?: string }>
  readonly tags?: ReadonlyArray<string>
}

const isRank = (l: string | undefined): l is Person.RankLevel =>
  l !== undefined && (Person.RANK_LEVELS as ReadonlyArray<string>).includes(l)
const isEducation = (l: string | undefined): l is Person.EducationLevel =>
  l !== undefined && (Person.EDUCATION_LEVELS as ReadonlyArray<string>).includes(l)

/**
 * The region path the figures are counted within: the caller's scope, or `regionId` inside it (anything else
 * reads as NotFound, as out-of-scope reads do everywhere).
 */
const scopeOf = (db: Db, actor: Access.Actor, regionId: string | undefined) =>
  Effect.gen(function* () {
    if (regionId === undefined) return actor.scopePath
    const [r] = yield* read("region.get", () =>
      db.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId)),
    )
    if (r === undefined || !r.path.startsWith(actor.scopePath) || actor.scopePath.length === 0)
      return yield* Effect.fail(notFound("region", regionId))
    return r.path
  })

export const makeFiguresRepo = (db: Db): FiguresRepoService => ({
  coverage: (actor, input) =>
    Effect.gen(function* () {
      yield* requirePermission(actor, "figures.read")
      const scopePath = yield* scopeOf(db, actor, input.regionId)
      return yield* read("figures.coverage", async () => {
        const units = await db
          .select({ id: regions.id, level: regions.level, name: regions.name })
          .from(regions)
          .where(
            and(
              within(regions.path, scopePath),
              inArray(regions.level, ["village", "community"]),
              eq(regions.status, "active"),
            ),
          )
          .orderBy(asc(regions.id))
        const conds: Array<SQL> = [
          seesPlacementSql(actor),
          within(regions.path, scopePath),
          isNotNull(placements.startedOn),
        ]
        if (input.schemeId !== undefined) conds.push(eq(placements.schemeId, input.schemeId))
        const rows = await db
          .select({
            regionId: placements.regionId,
            personId: placements.personId,
            from: placements.startedOn,
            until: placements.endedOn,
          })
          .from(placements)
          .innerJoin(regions, eq(regions.id, placements.regionId))
          .where(and(...conds))
        return Figures.coverage(
          units.map((u) => ({ id: u.id, kind: u.level as Figures.UnitKind, name: u.name })),
          rows.map((r) => ({
            unitId: r.regionId,
            personId: r.personId,
            from: (r.from ?? "") as LocalDate.LocalDate,
            ...(r.until === null ? {} : { until: r.until as LocalDate.LocalDate }),
          })),
          input.on,
        )
      })
    }),

  cohort: (actor, input) =>
    Effect.gen(function* () {
      yield* requirePermission(actor, "figures.read")
      const scopePath = yield* scopeOf(db, actor, input.regionId)
      return yield* read("figures.cohort", async () => {
        const conds: Array<SQL> = [
          seesPlacementSql(actor),
          within(regions.path, scopePath),
          isNotNull(placements.startedOn),
        ]
        if (input.schemeId !== undefined) conds.push(eq(placements.schemeId, input.schemeId))
        if (input.startedFrom !== undefined) conds.push(gte(placements.startedOn, input.startedFrom))
        if (input.startedTo !== undefined) conds.push(lte(placements.startedOn, input.startedTo))
        const rows = await db
          .select({ personId: placements.personId, outcome: placements.outcome, profile: people.profile })
          .from(placements)
          .innerJoin(regions, eq(regions.id, placements.regionId))
          .innerJoin(people, eq(people.id, placements.personId))
          .where(and(...conds))
          .orderBy(asc(placements.personId), asc(placements.startedOn))
        // One row per person: a cadre placed twice is one person of the cohort (the later outcome wins).
        const byPerson = new Map<string, Figures.CohortRow>()
        for (const r of rows) {
          const p = r.profile as ProfileFields
          const levels = (p.education ?? []).map((e) => e.level).filter(isEducation)
          const highest = levels.sort((a, b) => Person.educationRank(b) - Person.educationRank(a))[0]
          const result = (r.outcome as { result?: string } | null)?.result
          // Profiles are decoded before they are stored, so a missing birth date is damage: say so rather
          // than count the person at some made-up age.
          if (typeof p.birthDate !== "string")
            throw new CorruptRow({
              table: "people",
              id: r.personId,
              detail: "出生日期缺失 / birth date missing",
            })
          byPerson.set(r.personId, {
            personId: r.personId,
            birthDate: p.birthDate as LocalDate.LocalDate,
            partyMember: p.party?._tag === "Full" || p.party?._tag === "Probationary",
            // A reserve cadre is tagged so on the profile (后备干部 of any level).
            reserve: (p.tags ?? []).includes("reserve_cadre"),
            ...(isRank(p.rank?.level)
              ? {
                  rank: {
                    level: p.rank.level,
                    track: p.rank.track === "leading" ? "leading" : "non_leading",
                  },
                }
              : {}),
            ...(highest === undefined ? {} : { education: highest }),
            ...(result === "promoted" || result === "moved_to_key_post" ? { outcome: result } : {}),
          })
        }
        return Figures.cohortProfile([...byPerson.values()], input.on)
      })
    }),

  termsEnding: (actor, input) =>
    Effect.gen(function* () {
      yield* requirePermission(actor, "figures.read")
      const scopePath = yield* scopeOf(db, actor, input.regionId)
      return yield* read("figures.termsEnding", async () => {
        const recs = (
          await selectPlacements(db).where(
            and(
              seesPlacementSql(actor),
              within(regions.path, scopePath),
              isNotNull(placements.termEnd),
              inArray(placements.state, ["on_probation", "probation_extended", "in_term"]),
            ),
          )
        ).map(toPlacementRecord)
        const byId = new Map(recs.map((r) => [r.placement.id, r]))
        // The term's last day in post is the day before its end (期满日): InPost Placement.
        const ending = Figures.termsEndingWithin(
          recs.map((r) => ({
            placementId: r.placement.id,
            personId: r.person.id,
            endsOn: LocalDate.addDays(r.termEnd as LocalDate.LocalDate, -1),
          })),
          input.on,
          input.days,
        )
        return ending.map((e) => {
          const r = byId.get(e.placementId)
          return {
            ...e,
            personName: r?.person.name ?? "",
            postTitle: r?.postTitle ?? "",
            regionName: r?.regionName ?? "",
            state: r?.placement.state ?? "",
          }
        })
      })
    }),
})
