import { InPost } from "@cadre/domain"
import { and, eq, isNotNull, ne, notInArray, or, type SQL, sql } from "drizzle-orm"
import { Effect } from "effect"
import type { Tx } from "../database.js"
import { within } from "../internal.js"
import { assessments, placements, quotaGroups, regions } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { inPostDuringSql } from "./placements.js"

/**
 * Grade quotas as stored (issue 13): a quota group is one scheme in one region — the scheme's id and its region's
 * path (Assessment.quotaGroupKey), never a free string — so its members are found in SQL by scheme id and region
 * path, never by a name another district might share. The lock row of a group in one cycle and year
 * (`quota_groups`; QUOTA SAFETY in the assessment service), the group's size (whom the scheme's quota counts) and
 * the grades already given in it.
 */

export interface QuotaGroupKey {
  readonly regionId: string
  readonly groupKey: string
  readonly period: string
}

/**
 * Whom a quota counts in one cycle and year: the scheme's placements in the region, in post in the year (a
 * year-end cycle) or whose term ends in it (a term-end cycle); `serving` leaves out those ended early.
 */
export interface QuotaGroup {
  readonly schemeId: string
  /** The scheme's region path: nothing outside it is ever counted. */
  readonly regionPath: string
  readonly members: "serving" | "in_post"
  readonly cycleId: string
  readonly cadence: "year_end" | "term_end"
  readonly year: number
}

const keyIs = (key: QuotaGroupKey) =>
  and(
    eq(quotaGroups.regionId, key.regionId),
    eq(quotaGroups.groupKey, key.groupKey),
    eq(quotaGroups.period, key.period),
  )

/** Take the group's lock row for the period (inserted if missing) for the rest of the transaction. */
export const lockQuotaGroup = (tx: Tx, key: QuotaGroupKey): Effect.Effect<void> =>
  Effect.gen(function* () {
    yield* q(tx.insert(quotaGroups).values(key).onConflictDoNothing(), "quota.ensure")
    yield* q(
      tx.select({ period: quotaGroups.period }).from(quotaGroups).where(keyIs(key)).for("update"),
      "quota.lock",
    )
  })

/** Count one more grading decided under the group's lock. */
export const countGrading = (tx: Tx, key: QuotaGroupKey): Effect.Effect<void> =>
  q(
    tx
      .update(quotaGroups)
      .set({ gradings: sql`${quotaGroups.gradings} + 1`, updatedAt: new Date() })
      .where(keyIs(key)),
    "quota.count",
  ).pipe(Effect.asVoid)

/** The placement's last day in post: the day it ended, else the day before its term ends. */
const lastDaySql = sql`coalesce(${placements.endedOn}, ${placements.termEnd} - 1)`

/** The SQL form of membership of the group (placements joined with their region). */
export const memberSql = (g: QuotaGroup): SQL => {
  const when =
    g.cadence === "year_end"
      ? inPostDuringSql(g.year)
      : sql`${placements.startedOn} is not null and extract(year from ${lastDaySql}) = ${g.year}`
  const parts = [eq(placements.schemeId, g.schemeId), within(regions.path, g.regionPath), when]
  if (g.members === "serving") parts.push(notInArray(placements.state, [...InPost.TERMINAL_PLACEMENT_STATES]))
  return and(...parts) as SQL
}

/** The group's size: its members, the placement being graded always among them. */
export const groupSize = (h: Handle, g: QuotaGroup, placementId: string): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: sql<number>`count(*)::int` })
        .from(placements)
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .where(or(memberSql(g), eq(placements.id, placementId))),
      "quota.size",
    ),
    ([size]) => Number(size?.n ?? 0),
  )

const gradedSql = (g: QuotaGroup, period: string | undefined): SQL =>
  and(
    memberSql(g),
    eq(assessments.cycleId, g.cycleId),
    isNotNull(assessments.grade),
    ...(period === undefined ? [] : [eq(assessments.period, period)]),
  ) as SQL

/** The grades already given to the group's members in the cycle (and period), by grade, other than the placement's. */
export const gradedInGroup = (
  h: Handle,
  g: QuotaGroup,
  period: string | undefined,
  exceptPlacementId: string,
) =>
  q(
    h
      .select({ grade: assessments.grade, n: sql<number>`count(*)::int` })
      .from(assessments)
      .innerJoin(placements, eq(placements.id, assessments.placementId))
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .where(and(gradedSql(g, period), ne(assessments.placementId, exceptPlacementId)))
      .groupBy(assessments.grade),
    "quota.graded",
  )

/** The group's size and its members' grades in the cycle (and period), for the quota figures. */
export const groupUse = (h: Handle, g: QuotaGroup, period: string | undefined) =>
  Effect.gen(function* () {
    const [size] = yield* q(
      h
        .select({ n: sql<number>`count(*)::int` })
        .from(placements)
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .where(memberSql(g)),
      "quota.size",
    )
    const graded = yield* q(
      h
        .select({ grade: assessments.grade, n: sql<number>`count(*)::int` })
        .from(assessments)
        .innerJoin(placements, eq(placements.id, assessments.placementId))
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .where(gradedSql(g, period))
        .groupBy(assessments.grade),
      "quota.graded",
    )
    const byGrade = new Map(graded.map((r) => [r.grade, Number(r.n)]))
    return { size: Number(size?.n ?? 0), byGrade }
  })
