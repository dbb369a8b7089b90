import { CorruptRow, Database, figuresQueries, type NotFound, notFound, placementQueries } from "@cadre/db"
import { type Access, Figures, LocalDate, Person } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

/**
 * Figures for the org dept (issue 5): the kernel's aggregations (Figures) over the placements of the caller's
 * scope — coverage of villages and communities, a cohort's profile as 004 杭州 reports it, terms ending soon.
 * Quota use is the assessments', overdue reports the reports' service. No personal data leaves here but names
 * and ids.
 */

type Err<E> = E | Access.Forbidden

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

export class FiguresService extends Effect.Service<FiguresService>()("@cadre/services/FiguresService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /**
     * The region path the figures are counted within: the caller's scope, or `regionId` inside it (anything
     * else reads as NotFound, as out-of-scope reads do everywhere).
     */
    const scopeOf = (actor: Access.Actor, regionId: string | undefined): Effect.Effect<string, NotFound> =>
      Effect.gen(function* () {
        if (regionId === undefined) return actor.scopePath
        const path = yield* placementQueries.regionPathOf(db, regionId)
        if (path === undefined || !path.startsWith(actor.scopePath) || actor.scopePath.length === 0)
          return yield* Effect.fail(notFound("region", regionId))
        return path
      })

    const coverage = (
      actor: Access.Actor,
      input: {
        readonly regionId?: string | undefined
        readonly schemeId?: string | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<Figures.Coverage, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "figures.read")
        const scopePath = yield* scopeOf(actor, input.regionId)
        const units = yield* figuresQueries.coverageUnits(db, scopePath)
        const rows = yield* figuresQueries.coveragePlacements(db, actor, scopePath, input.schemeId)
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

    /** The cohort in scope, or within `regionId` (a region the caller sees). */
    const cohort = (
      actor: Access.Actor,
      input: CohortFilter & { readonly regionId?: string | undefined; readonly on: LocalDate.LocalDate },
    ): Effect.Effect<Figures.CohortProfile, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "figures.read")
        const scopePath = yield* scopeOf(actor, input.regionId)
        const rows = yield* figuresQueries.cohortRows(db, actor, scopePath, input)
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
            return yield* Effect.die(
              new CorruptRow({
                table: "people",
                id: r.personId,
                detail: "出生日期缺失 / birth date missing",
              }),
            )
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

    const termsEnding = (
      actor: Access.Actor,
      input: {
        readonly days: number
        readonly regionId?: string | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<ReadonlyArray<TermEndingRecord>, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "figures.read")
        const scopePath = yield* scopeOf(actor, input.regionId)
        const recs = yield* figuresQueries.runningTerms(db, actor, scopePath)
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

    return { coverage, cohort, termsEnding } as const
  }),
}) {}
