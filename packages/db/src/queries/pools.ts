import { and, asc, eq, inArray, type SQL } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, within } from "../internal.js"
import {
  applications,
  campaigns,
  people,
  personConsequences,
  poolReviews,
  regions,
  schemes,
} from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * Reserve pools as stored for their yearly review (001 五1): the reviews (`pool_reviews`), the members a review
 * counts (nominees appointed through campaigns; the pipeline's members are `reserveRows` in reserves.ts), and
 * the people already out of it.
 */

export interface PoolReviewRecord {
  readonly id: string
  readonly regionId: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly year: number
  readonly reviewedOn: string
  readonly members: number
  readonly removed: ReadonlyArray<{ readonly personId: string; readonly reason: string }>
  readonly composition: unknown
  readonly communities: unknown
}

const Removed = Schema.Array(Schema.Struct({ personId: Schema.String, reason: Schema.String }))

const toReview = (r: typeof poolReviews.$inferSelect): PoolReviewRecord => {
  const b = r.body as { members?: number; composition?: unknown; communities?: unknown }
  return {
    id: r.id,
    regionId: r.regionId,
    schemeId: r.schemeId,
    schemeVersion: r.schemeVersion,
    year: r.year,
    reviewedOn: r.reviewedOn,
    members: Number(b.members ?? 0),
    removed: decodeRow(Removed, "pool_reviews", r.id, r.removed),
    composition: b.composition ?? null,
    communities: b.communities ?? [],
  }
}

/** A region's path and name by id. */
export const regionById = (
  h: Handle,
  regionId: string,
): Effect.Effect<{ readonly path: string; readonly name: string } | undefined> =>
  Effect.map(
    q(
      h.select({ path: regions.path, name: regions.name }).from(regions).where(eq(regions.id, regionId)),
      "region.get",
    ),
    ([r]) => r,
  )

/** A scheme version's status and its region's path (for Access.seesScheme); undefined if there is none. */
export const schemeVersionPlace = (h: Handle, schemeId: string, version: number) =>
  Effect.map(
    q(
      h
        .select({ status: schemes.status, path: regions.path })
        .from(schemes)
        .innerJoin(regions, eq(regions.id, schemes.regionId))
        .where(and(eq(schemes.schemeId, schemeId), eq(schemes.version, version))),
      "scheme.get",
    ),
    ([s]) => s,
  )

/** The review of a region's pool under a scheme for `year`, if on record (its id). */
export const reviewOf = (
  h: Handle,
  regionId: string,
  schemeId: string,
  year: number,
): Effect.Effect<string | undefined> =>
  Effect.map(
    q(
      h
        .select({ id: poolReviews.id })
        .from(poolReviews)
        .where(
          and(
            eq(poolReviews.regionId, regionId),
            eq(poolReviews.schemeId, schemeId),
            eq(poolReviews.year, year),
          ),
        ),
      "pool.review.find",
    ),
    ([r]) => r?.id,
  )

/** Everyone out already: removed by an earlier review of the pool, or reserve status lost by a recall. */
export const outOfPool = (h: Handle, regionId: string, schemeId: string): Effect.Effect<Set<string>> =>
  Effect.gen(function* () {
    const earlier = yield* q(
      h
        .select({ removed: poolReviews.removed })
        .from(poolReviews)
        .where(and(eq(poolReviews.regionId, regionId), eq(poolReviews.schemeId, schemeId))),
      "pool.review.earlier",
    )
    const out = new Set<string>()
    for (const e of earlier)
      for (const r of (e.removed as ReadonlyArray<{ personId?: string }>) ?? [])
        if (typeof r.personId === "string") out.add(r.personId)
    const lost = yield* q(
      h
        .select({ personId: personConsequences.personId })
        .from(personConsequences)
        .where(eq(personConsequences.effect, "lose_reserve_status")),
      "pool.lostStatus",
    )
    for (const l of lost) out.add(l.personId)
    return out
  })

/** Nominees appointed (or reported in) through the scheme's campaigns within a region, by community and person. */
export const appointedRows = (h: Handle, regionPath: string, schemeId: string) =>
  q(
    h
      .select({
        personId: applications.personId,
        targetRole: applications.targetRole,
        regionId: applications.regionId,
        regionName: regions.name,
        profile: people.profile,
      })
      .from(applications)
      .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
      .innerJoin(regions, eq(regions.id, applications.regionId))
      .innerJoin(people, eq(people.id, applications.personId))
      .where(
        and(
          eq(campaigns.schemeId, schemeId),
          inArray(applications.state, ["appointed", "reported_in"]),
          within(regions.path, regionPath),
        ),
      )
      .orderBy(asc(applications.regionId), asc(applications.personId)),
    "pool.appointed",
  )

export const insertPoolReview = (
  tx: Tx,
  row: {
    readonly id: string
    readonly regionId: string
    readonly schemeId: string
    readonly schemeVersion: number
    readonly year: number
    readonly removed: ReadonlyArray<{ readonly personId: string; readonly reason: string }>
    readonly body: unknown
    readonly reviewedBy: string
    readonly reviewedOn: string
  },
): Effect.Effect<void> => q(tx.insert(poolReviews).values(row), "pool.review.insert").pipe(Effect.asVoid)

export const getPoolReview = (h: Handle, id: string): Effect.Effect<PoolReviewRecord | undefined> =>
  Effect.flatMap(q(h.select().from(poolReviews).where(eq(poolReviews.id, id)), "pool.review.get"), ([r]) =>
    Effect.sync(() => (r === undefined ? undefined : toReview(r))),
  )

/** Reviews of pools within `scopePath` (of one scheme, if given), by year. */
export const listPoolReviews = (
  h: Handle,
  scopePath: string,
  schemeId?: string | undefined,
): Effect.Effect<ReadonlyArray<PoolReviewRecord>> => {
  const conds: Array<SQL> = [within(regions.path, scopePath)]
  if (schemeId !== undefined) conds.push(eq(poolReviews.schemeId, schemeId))
  return Effect.flatMap(
    q(
      h
        .select({ row: poolReviews })
        .from(poolReviews)
        .innerJoin(regions, eq(regions.id, poolReviews.regionId))
        .where(and(...conds))
        .orderBy(asc(poolReviews.year)),
      "pool.review.list",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toReview(r.row))),
  )
}
