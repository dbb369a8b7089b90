import type { Access, LocalDate } from "@cadre/domain"
import { and, asc, eq, gte, inArray, isNotNull, lte, type SQL } from "drizzle-orm"
import { Effect } from "effect"
import { within } from "../internal.js"
import { people, placements, regions } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { type PlacementRecord, seesPlacementSql, selectPlacements, toPlacementRecord } from "./placements.js"

/**
 * What the org dept's figures count, as stored: villages and communities, placements in post, the cohort's
 * profiles, terms running. Each read is within a region path (the caller's scope, or a region inside it) and
 * through the placement scope test (Access.seesPlacement in SQL).
 */

/** Active villages and communities within `scopePath` (the units coverage is counted over). */
export const coverageUnits = (h: Handle, scopePath: string) =>
  q(
    h
      .select({ id: regions.id, level: regions.level, name: regions.name })
      .from(regions)
      .where(
        and(
          within(regions.path, scopePath),
          inArray(regions.level, ["village", "community"]),
          eq(regions.status, "active"),
        ),
      )
      .orderBy(asc(regions.id)),
    "figures.coverage.units",
  )

/** Placements taken up within `scopePath` (optionally under one scheme): where, who, from and until. */
export const coveragePlacements = (
  h: Handle,
  actor: Access.Actor,
  scopePath: string,
  schemeId: string | undefined,
) => {
  const conds: Array<SQL> = [
    seesPlacementSql(actor),
    within(regions.path, scopePath),
    isNotNull(placements.startedOn),
  ]
  if (schemeId !== undefined) conds.push(eq(placements.schemeId, schemeId))
  return q(
    h
      .select({
        regionId: placements.regionId,
        personId: placements.personId,
        from: placements.startedOn,
        until: placements.endedOn,
      })
      .from(placements)
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .where(and(...conds)),
    "figures.coverage.placements",
  )
}

/** The cohort's rows: each placement taken up within `scopePath` with its outcome and the stored profile. */
export const cohortRows = (
  h: Handle,
  actor: Access.Actor,
  scopePath: string,
  filter: {
    readonly schemeId?: string | undefined
    readonly startedFrom?: LocalDate.LocalDate | undefined
    readonly startedTo?: LocalDate.LocalDate | undefined
  },
) => {
  const conds: Array<SQL> = [
    seesPlacementSql(actor),
    within(regions.path, scopePath),
    isNotNull(placements.startedOn),
  ]
  if (filter.schemeId !== undefined) conds.push(eq(placements.schemeId, filter.schemeId))
  if (filter.startedFrom !== undefined) conds.push(gte(placements.startedOn, filter.startedFrom))
  if (filter.startedTo !== undefined) conds.push(lte(placements.startedOn, filter.startedTo))
  return q(
    h
      .select({ personId: placements.personId, outcome: placements.outcome, profile: people.profile })
      .from(placements)
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .innerJoin(people, eq(people.id, placements.personId))
      .where(and(...conds))
      .orderBy(asc(placements.personId), asc(placements.startedOn)),
    "figures.cohort",
  )
}

/** Serving placements within `scopePath` whose term has an end. */
export const runningTerms = (
  h: Handle,
  actor: Access.Actor,
  scopePath: string,
): Effect.Effect<ReadonlyArray<PlacementRecord>> =>
  Effect.flatMap(
    q(
      selectPlacements(h).where(
        and(
          seesPlacementSql(actor),
          within(regions.path, scopePath),
          isNotNull(placements.termEnd),
          inArray(placements.state, ["on_probation", "probation_extended", "in_term"]),
        ),
      ),
      "figures.termsEnding",
    ),
    (rows) => Effect.sync(() => rows.map(toPlacementRecord)),
  )
