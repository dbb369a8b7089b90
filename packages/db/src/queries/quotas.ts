import { and, asc, eq, isNotNull, ne, sql } from "drizzle-orm"
import { Effect } from "effect"
import type { Tx } from "../database.js"
import { assessments, placements, quotaGroups } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { inPostDuringSql } from "./placements.js"

/**
 * Grade quotas as stored: the lock row of a quota group in one period (`quota_groups`; QUOTA SAFETY in the
 * assessment service), the group's size (placements in post during the year) and the grades given in it.
 */

export interface QuotaGroupKey {
  readonly regionId: string
  readonly groupKey: string
  readonly period: string
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

/** The group's size: its placements in post at some time in `year`. */
export const groupSize = (h: Handle, quotaGroup: string, year: number): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: sql<number>`count(*)::int` })
        .from(placements)
        .where(and(eq(placements.quotaGroup, quotaGroup), inPostDuringSql(year))),
      "quota.size",
    ),
    ([size]) => Number(size?.n ?? 0),
  )

/** The grades already given in the group for the period, by grade, other than the placement's own. */
export const gradedInGroup = (tx: Handle, quotaGroup: string, period: string, exceptPlacementId: string) =>
  q(
    tx
      .select({ grade: assessments.grade, n: sql<number>`count(*)::int` })
      .from(assessments)
      .where(
        and(
          eq(assessments.quotaGroup, quotaGroup),
          eq(assessments.period, period),
          isNotNull(assessments.grade),
          ne(assessments.placementId, exceptPlacementId),
        ),
      )
      .groupBy(assessments.grade),
    "quota.graded",
  )

/** How many in the group were given `grade` for the period. */
export const gradeCount = (
  h: Handle,
  quotaGroup: string,
  period: string,
  grade: string,
): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: sql<number>`count(*)::int` })
        .from(assessments)
        .where(
          and(
            eq(assessments.quotaGroup, quotaGroup),
            eq(assessments.period, period),
            eq(assessments.grade, grade),
          ),
        ),
      "quota.used",
    ),
    ([used]) => Number(used?.n ?? 0),
  )

/** The quota groups of a scheme's placements in post during `year`, by group. */
export const groupsOfScheme = (h: Handle, schemeId: string, year: number) =>
  q(
    h
      .select({ group: placements.quotaGroup, n: sql<number>`count(*)::int` })
      .from(placements)
      .where(and(eq(placements.schemeId, schemeId), inPostDuringSql(year)))
      .groupBy(placements.quotaGroup)
      .orderBy(asc(placements.quotaGroup)),
    "quota.groups",
  )
