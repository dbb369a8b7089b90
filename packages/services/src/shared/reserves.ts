import { type CommandContext, reserveQueries, type Tx } from "@cadre/db"
import type { LocalDate } from "@cadre/domain"
import { Effect } from "effect"
import { entry, fileInArchive } from "./inpost.js"

/**
 * What the pool review (assessments) and the reserve pipeline (evaluations) share: the yearly review removes
 * people (001 五1 对不合格的及时调整出库), their reserve rows close, and each removal is filed in the person's
 * archive — a sealed archive refuses the review as a whole.
 */
export const closeReserves = (
  tx: Tx,
  ctx: CommandContext,
  input: {
    readonly reviewId: string
    readonly schemeId: string
    readonly year: number
    readonly regionPath: string
    readonly removals: ReadonlyArray<{ readonly personId: string; readonly reason: string }>
    readonly on: LocalDate.LocalDate
  },
) =>
  Effect.gen(function* () {
    for (const r of input.removals) {
      const m = yield* reserveQueries.lockActiveReserve(tx, r.personId, input.schemeId)
      if (m !== undefined) {
        const before = yield* reserveQueries.stepsOf(m)
        const steps = [
          ...before,
          { on: input.on, role: m.role, basis: r.reason, by: ctx.actor.accountId, step: "removed" as const },
        ]
        yield* reserveQueries.updateReserve(tx, m.id, {
          state: "removed",
          leftOn: input.on,
          body: JSON.parse(JSON.stringify({ ...(m.body as object), steps })),
        })
      }
      yield* fileInArchive(tx, ctx, {
        personId: r.personId,
        regionPath: input.regionPath,
        on: input.on,
        entries: [
          entry(
            `pool_review/${input.reviewId}/${r.personId}`,
            input.on,
            "assessment",
            {
              zh: `${input.year}年度后备干部队伍审核：调整出库（${r.reason}）`,
              en: `${input.year} reserve-pool review: removed (${r.reason})`,
            },
            { ref: input.reviewId },
          ),
        ],
      })
    }
  })
