import { randomUUID } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  conflict,
  campaignQueries,
  Database,
  type NotFound,
  notFound,
  poolQueries,
  reserveQueries,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Access, type InPost, type LocalDate, Pool } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { closeReserves } from "../shared/reserves.js"
import { SchemeStore } from "../shared/SchemeStore.js"

/**
 * The yearly review of a reserve pool (001 五1; Pool.checkPool): the members are the
 * nominees appointed through the scheme's campaigns and the reserve pipeline's active members; the composition is
 * checked on those staying, over every community under the reviewed region (those with no member included: issue 13
 * item 4), and the unqualified are removed (their reserve rows close, each removal filed in the
 * person's archive) in one transaction.
 */

type PoolReviewRecord = poolQueries.PoolReviewRecord

type CmdErr = Access.Forbidden | NotFound | Conflict | InPost.ArchiveRefused

export class PoolService extends Effect.Service<PoolService>()("@cadre/services/PoolService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const schemes = yield* SchemeStore

    /** The yearly review of a reserve pool (001 五1): composition checked, the unqualified removed. */
    const reviewPool = (
      ctx: CommandContext,
      input: {
        readonly regionId: string
        readonly schemeId: string
        readonly schemeVersion: number
        readonly year: number
        readonly removals: ReadonlyArray<{ readonly personId: string; readonly reason: string }>
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<PoolReviewRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "pool.review")
        const id = randomUUID()
        yield* transaction(db, "pool.review", (tx) =>
          Effect.gen(function* () {
            const region = yield* poolQueries.regionById(tx, input.regionId)
            if (region === undefined || !Access.seesRegion(ctx.actor, region.path))
              return yield* Effect.fail(notFound("region", input.regionId))
            const s = yield* poolQueries.schemeVersionPlace(tx, input.schemeId, input.schemeVersion)
            if (s === undefined || !Access.seesScheme(ctx.actor, s.path, s.status))
              return yield* Effect.fail(notFound("scheme", `${input.schemeId}@${input.schemeVersion}`))
            const scheme = yield* schemes.load(input.schemeId, input.schemeVersion, tx)
            const rules = Pool.poolRulesOf(scheme)
            if (rules === undefined)
              return yield* Effect.fail(
                conflict("scheme", input.schemeId, "no_pool", {
                  zh: "该方案未规定后备干部队伍结构，不能进行队伍年度审核",
                  en: "the scheme sets no reserve-pool composition; there is no pool to review",
                }),
              )
            const done = yield* poolQueries.reviewOf(tx, input.regionId, input.schemeId, input.year)
            if (done !== undefined)
              return yield* Effect.fail(
                conflict("pool_review", String(input.year), "duplicate", {
                  zh: `${region.name}${input.year}年度的后备干部队伍审核已完成`,
                  en: `${region.name}'s ${input.year} pool review is on record`,
                }),
              )
            // Out already: removed by an earlier review, or reserve status lost by a recall (002 三（二））.
            const out = yield* poolQueries.outOfPool(tx, input.regionId, input.schemeId)
            // Nominees appointed through campaigns, and the members the reserve pipeline entered.
            const appointed = yield* poolQueries.appointedRows(tx, region.path, input.schemeId)
            const entered = (yield* reserveQueries.reserveRows(tx, region.path, input.schemeId)).filter(
              (r) => !appointed.some((a) => a.personId === r.personId),
            )
            const rows = [...appointed, ...entered].filter((r) => !out.has(r.personId))
            const removing = new Set(input.removals.map((r) => r.personId))
            for (const r of input.removals)
              if (!rows.some((m) => m.personId === r.personId))
                return yield* Effect.fail(
                  conflict("pool_review", r.personId, "not_a_member", {
                    zh: `${r.personId} 不在本街道后备干部队伍中`,
                    en: `${r.personId} is not in this pool`,
                  }),
                )
            const staying = rows.filter((r) => !removing.has(r.personId))
            // Issue 13 item 4: every community under the reviewed region is checked, those left with no member at
            // all included (a community with none fails 原则上不少于2名 with 0; it does not pass by being absent) —
            // the same communities and the same check as campaigns.poolCheck.
            const expected = yield* campaignQueries.communitiesUnder(tx, region.path)
            const report = Pool.checkPool(
              rules,
              staying.map((r) => ({
                personId: r.personId,
                roleKey: r.targetRole ?? "",
                birthDate: String(
                  (r.profile as { birthDate?: string }).birthDate ?? "",
                ) as LocalDate.LocalDate,
                community: { id: r.regionId, name: r.regionName },
              })),
              input.on,
              expected,
            )
            const { composition, communities } = report
            yield* poolQueries.insertPoolReview(tx, {
              id,
              regionId: input.regionId,
              schemeId: input.schemeId,
              schemeVersion: input.schemeVersion,
              year: input.year,
              removed: input.removals.map((r) => ({ personId: r.personId, reason: r.reason })),
              body: JSON.parse(JSON.stringify({ members: staying.length, composition, communities })),
              reviewedBy: ctx.actor.accountId,
              reviewedOn: input.on,
            })
            yield* closeReserves(tx, ctx, {
              reviewId: id,
              schemeId: input.schemeId,
              year: input.year,
              regionPath: region.path,
              removals: input.removals,
              on: input.on,
            })
            yield* writeAudit(tx, ctx, {
              action: "pool.review",
              entity: "pool_review",
              entityId: id,
              regionPath: region.path,
              before: { members: rows.length },
              after: { year: input.year, members: staying.length, removed: input.removals },
            })
          }),
        )
        const row = yield* poolQueries.getPoolReview(db, id)
        if (row === undefined) return yield* Effect.fail(notFound("pool_review", id))
        return row
      })

    const poolReviews = (
      actor: Access.Actor,
      filter: { readonly schemeId?: string | undefined },
    ): Effect.Effect<ReadonlyArray<PoolReviewRecord>, Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "pool.review")
        return yield* poolQueries.listPoolReviews(db, actor.scopePath, filter.schemeId)
      })

    return { reviewPool, poolReviews } as const
  }),
  dependencies: [SchemeStore.Default],
}) {}
