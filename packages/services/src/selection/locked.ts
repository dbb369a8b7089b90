import {
  applicationQueries,
  type CampaignRecord,
  campaignQueries,
  type Handle,
  type NotFound,
  notFound,
  type Tx,
} from "@cadre/db"
import { Access, type LocalDate, type Scheme, Selection } from "@cadre/domain"
import { Effect, Either } from "effect"
import type { SchemeStore } from "../shared/SchemeStore.js"

/**
 * What the campaign and application commands share: the campaign as the caller sees it, and the campaign locked
 * for a command with what its moves need (the scheme version it keeps, the path derived from it, the places and
 * shortlist counted under the lock).
 */

/**
 * The campaign is the caller's own (its region lies within the scope): it may run it. A unit account runs no
 * campaign (it sees its own unit's applications only — issue 13).
 */
export const ownsCampaign = (actor: Access.Actor, campaignPath: string): boolean =>
  Access.seesRegion(actor, campaignPath) && Access.unitOf(actor) === null

/** A campaign the actor sees, with its counts; NotFound otherwise. */
export const visibleCampaign = (
  h: Handle,
  actor: Access.Actor,
  id: string,
): Effect.Effect<CampaignRecord, NotFound> =>
  Effect.flatMap(campaignQueries.findCampaign(h, id, campaignQueries.campaignVisibleTo(actor)), (c) =>
    c === undefined
      ? Effect.fail(notFound("campaign", id))
      : Effect.map(ownCounts(h, actor, [c]), (rows) => rows[0] ?? c),
  )

/**
 * A unit account's counts are of its own unit's applications only (issue 13, "units see their own": a campaign's
 * counts must not reveal other units' applications); every other caller keeps the campaign's counts.
 */
export const ownCounts = (
  h: Handle,
  actor: Access.Actor,
  rows: ReadonlyArray<CampaignRecord>,
): Effect.Effect<ReadonlyArray<CampaignRecord>> =>
  Access.unitOf(actor) === null
    ? Effect.succeed(rows)
    : Effect.map(
        applicationQueries.countsByStateVisible(
          h,
          rows.map((r) => r.id),
          applicationQueries.applicationVisibleTo(actor),
        ),
        (counts) => rows.map((r) => ({ ...r, counts: counts.get(r.id) ?? {} })),
      )

export interface Locked {
  readonly campaign: CampaignRecord
  readonly scheme: Scheme.Scheme
  readonly path: Selection.Path
  readonly kernelCampaign: Selection.Campaign
  /** The campaign's timetable (the scheme's deadlines with the campaign's own dates): moves after one are refused. */
  readonly deadlines: ReadonlyArray<Selection.StageDeadline> | undefined
}

/** Lock the campaign row for the rest of the transaction and return it with what moves need. */
export const lockCampaign = (
  tx: Tx,
  schemes: SchemeStore,
  campaignId: string,
): Effect.Effect<Locked, NotFound> =>
  Effect.gen(function* () {
    const campaign = yield* campaignQueries.lockCampaign(tx, campaignId)
    if (campaign === undefined) return yield* Effect.fail(notFound("campaign", campaignId))
    const scheme = yield* schemes.load(campaign.schemeId, campaign.schemeVersion, tx)
    const path = Selection.derivePath(scheme)
    const counts = Selection.tally(path, yield* campaignQueries.applicationStateCounts(tx, campaignId))
    const kernelCampaign: Selection.Campaign = {
      id: campaign.id,
      schemeId: campaign.schemeId,
      schemeVersion: campaign.schemeVersion,
      places: campaign.places,
      channels: campaign.channels as unknown as Selection.Campaign["channels"],
      appointed: counts.appointed,
      shortlisted: counts.shortlisted,
    }
    // A timetable that cannot be built (checked when the campaign's dates are set) leaves no deadline to check.
    const schedule = Selection.scheduleOf(scheme, {
      startYear: campaign.startYear,
      overrides: campaign.scheduleOverrides as Readonly<Record<string, LocalDate.LocalDate>>,
    })
    const deadlines = Either.isRight(schedule) ? schedule.right.entries : undefined
    return { campaign, scheme, path, kernelCampaign, deadlines }
  })
