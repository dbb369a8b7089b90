import {
  type CampaignRecord,
  type CommandContext,
  type Conflict,
  campaignQueries,
  conflict,
  Database,
  type InvalidInput,
  type NotFound,
  notFound,
  type PageKey,
  type PageRequest,
  type PostInfo,
  regionQueries,
  type StaleVersion,
  staleVersion,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Access, type Scheme, type Selection } from "@cadre/domain"
import { randomUUID } from "node:crypto"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import {
  checkChannels,
  checkDecidingBody,
  checkOverrides,
  checkPosts,
  resolveReferenceDate,
  STATUS_ZH,
} from "./checks.js"
import { lockCampaign, ownCounts, ownsCampaign, visibleCampaign } from "./locked.js"

/**
 * Selection campaigns (选派批次): created under a published scheme version in the caller's region, opened, closed.
 * The campaign keeps the scheme version it was created with; a newer published version changes nothing here.
 * Commands lock the campaign row, check its version, and write it with its audit row in one transaction.
 */

export interface CampaignInput {
  readonly id?: string | undefined
  readonly regionId: string
  readonly name: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly channels: ReadonlyArray<Scheme.Channel>
  readonly places: number
  readonly startYear: number
  /** Only where the scheme leaves it open; a scheme that fixes it gives it (a different one is refused). */
  readonly referenceDate?: string | undefined
  readonly noticeDays?: number | undefined
  readonly decidingBody: typeof Selection.DecidingBody.Type
  readonly postIds?: ReadonlyArray<string> | undefined
  readonly scheduleOverrides?: Readonly<Record<string, string>> | undefined
}

export interface CampaignPatch {
  readonly name?: string | undefined
  readonly channels?: ReadonlyArray<Scheme.Channel> | undefined
  readonly places?: number | undefined
  readonly referenceDate?: string | undefined
  readonly noticeDays?: number | undefined
  readonly postIds?: ReadonlyArray<string> | undefined
  readonly scheduleOverrides?: Readonly<Record<string, string>> | undefined
}

/**
 * What anyone may read of a campaign without an account (the portal's public pages): only a campaign that is open
 * and takes self-registration, with the names of its region and the region's ancestors (province first), and the
 * scheme version it keeps (whose rules, stages and documents are public texts). No applications, no people, no
 * account ids: the router shapes the answer from these and nothing else.
 */
export interface PublicCampaign {
  readonly campaign: CampaignRecord
  /** The region's name and its ancestors', outermost first ("安徽省", "淮北市", "淮上区"). */
  readonly regionNames: ReadonlyArray<string>
  readonly scheme: Scheme.Scheme
}

/** campaigns.list's filters (besides the caller's sight). */
export interface CampaignListFilter {
  readonly status?: "draft" | "open" | "closed" | undefined
  readonly schemeId?: string | undefined
  readonly withinRegionId?: string | undefined
  readonly name?: string | undefined
}

export class CampaignService extends Effect.Service<CampaignService>()("@cadre/services/CampaignService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const schemes = yield* SchemeStore

    /**
     * One keyset page of the campaigns the caller reads (by creation), and how many pass the filter in all.
     * `withinRegionId` names a region in the caller's scope: its campaigns and those beneath it (none when the
     * region is out of sight, so a cursor or a filter never reaches past the scope); `name` is part of the name.
     */
    const list = (
      actor: Access.Actor,
      filter: CampaignListFilter,
      page: PageRequest,
    ): Effect.Effect<
      {
        readonly items: ReadonlyArray<CampaignRecord>
        readonly next: PageKey | null
        readonly total: number
      },
      Access.Forbidden
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        const { withinRegionId, ...rest } = filter
        let withinPath: string | undefined
        if (withinRegionId !== undefined) {
          const region = yield* regionQueries.get(db, actor, withinRegionId)
          if (region === undefined) return { items: [], next: null, total: 0 }
          withinPath = region.path
        }
        const where = { ...rest, ...(withinPath === undefined ? {} : { withinPath }) }
        const visible = campaignQueries.campaignVisibleTo(actor)
        const [found, total] = yield* Effect.all([
          campaignQueries.pageCampaigns(db, visible, where, page),
          campaignQueries.countCampaigns(db, visible, where),
        ])
        const items = yield* ownCounts(db, actor, found.rows)
        return { items, next: found.next, total }
      })

    const get = (
      actor: Access.Actor,
      id: string,
    ): Effect.Effect<CampaignRecord, Access.Forbidden | NotFound> =>
      Effect.zipRight(requirePermission(actor, "campaign.read"), visibleCampaign(db, actor, id))

    /** Campaigns open for self-registration (the portal's list; any signed-in applicant). */
    const openForApplicants = (
      actor: Access.Actor,
    ): Effect.Effect<ReadonlyArray<CampaignRecord>, Access.Forbidden> =>
      Effect.zipRight(
        requirePermission(actor, "application.apply"),
        campaignQueries.listOpenForSelfRegistration(db),
      )

    /** Region names along each campaign's materialised path (`/340000/340300/340311/`), outermost first. */
    const withPublicParts = (
      rows: ReadonlyArray<CampaignRecord>,
    ): Effect.Effect<ReadonlyArray<PublicCampaign>> =>
      Effect.gen(function* () {
        const idsOf = (path: string) => path.split("/").filter((x) => x !== "")
        const names = yield* campaignQueries.regionNames(
          db,
          rows.flatMap((c) => idsOf(c.regionPath)),
        )
        return yield* Effect.forEach(rows, (campaign) =>
          Effect.map(schemes.load(campaign.schemeId, campaign.schemeVersion), (scheme) => ({
            campaign,
            // A region without a name (never in practice) is left out rather than shown as its code.
            regionNames: idsOf(campaign.regionPath).flatMap((id) => {
              const n = names.get(id)
              return n === undefined ? [] : [n]
            }),
            scheme,
          })),
        )
      })

    /**
     * The campaigns anyone may see without signing in: open and taking self-registration — the same rows
     * `openForApplicants` lists to signed-in applicants. No permission: the portal's visitors have no account.
     */
    const publicList = (): Effect.Effect<ReadonlyArray<PublicCampaign>> =>
      Effect.flatMap(campaignQueries.listOpenForSelfRegistration(db), withPublicParts)

    /** One public campaign; any other (draft, closed, recommendation only, unknown) is NotFound alike. */
    const publicGet = (id: string): Effect.Effect<PublicCampaign, NotFound> =>
      Effect.gen(function* () {
        const open = yield* campaignQueries.listOpenForSelfRegistration(db)
        const campaign = open.find((c) => c.id === id)
        if (campaign === undefined) return yield* Effect.fail(notFound("campaign", id))
        const [one] = yield* withPublicParts([campaign])
        return one ?? (yield* Effect.fail(notFound("campaign", id)))
      })

    /**
     * A visitor's self-check against a public campaign (issue 17 item 2): the kernel's verdict for the answers
     * given, on the campaign's reference date under the version it keeps. Nothing is read about anyone and nothing
     * is stored or audited: the profile exists for this call only.
     */
    /** The scheme version a campaign keeps, decoded. */
    const schemeOf = (
      actor: Access.Actor,
      campaignId: string,
    ): Effect.Effect<
      { readonly campaign: CampaignRecord; readonly scheme: Scheme.Scheme },
      Access.Forbidden | NotFound
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        const campaign = yield* visibleCampaign(db, actor, campaignId)
        const scheme = yield* schemes.load(campaign.schemeId, campaign.schemeVersion)
        return { campaign, scheme }
      })

    const create = (
      ctx: CommandContext,
      input: CampaignInput,
    ): Effect.Effect<CampaignRecord, Access.Forbidden | NotFound | Conflict | InvalidInput> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        const id = yield* transaction(db, "campaign.create", (tx) =>
          Effect.gen(function* () {
            const region = yield* campaignQueries.regionRow(tx, input.regionId)
            if (region === undefined || !Access.seesRegion(ctx.actor, region.path))
              return yield* Effect.fail(notFound("region", input.regionId))
            const s = yield* campaignQueries.schemeVersionHeader(tx, input.schemeId, input.schemeVersion)
            // The scheme must be published and apply to the campaign's region (its own or an ancestor's).
            if (s === undefined || !region.path.startsWith(s.path))
              return yield* Effect.fail(notFound("scheme", `${input.schemeId} v${input.schemeVersion}`))
            if (s.status !== "published")
              return yield* Effect.fail(
                conflict("campaign", input.schemeId, "scheme_not_published", {
                  zh: "只能按已发布的方案版本开展选派；草稿可用于试算（what-if）",
                  en: "a campaign runs under a published scheme version; use a draft for what-if screening only",
                }),
              )
            const scheme = yield* schemes.load(input.schemeId, input.schemeVersion, tx)
            yield* checkChannels(scheme, input.channels, input.schemeId)
            yield* checkDecidingBody(scheme, input.decidingBody)
            yield* checkPosts(tx, ctx.actor, input.postIds ?? [], region.path)
            yield* checkOverrides(scheme, input.scheduleOverrides ?? {})
            const referenceDate = yield* resolveReferenceDate(
              scheme,
              { startYear: input.startYear, overrides: input.scheduleOverrides ?? {} },
              input.referenceDate,
            )
            const id = input.id ?? randomUUID()
            const values = {
              id,
              regionId: input.regionId,
              name: input.name,
              schemeId: input.schemeId,
              schemeVersion: input.schemeVersion,
              channels: [...input.channels],
              places: input.places,
              startYear: input.startYear,
              referenceDate,
              scheduleOverrides: { ...(input.scheduleOverrides ?? {}) },
              noticeDays: input.noticeDays ?? 5,
              decidingBody: input.decidingBody,
              postIds: [...(input.postIds ?? [])],
              createdBy: ctx.actor.accountId,
            }
            yield* campaignQueries.insertCampaign(tx, values)
            yield* writeAudit(tx, ctx, {
              action: "campaign.create",
              entity: "campaign",
              entityId: id,
              regionPath: region.path,
              before: null,
              after: values,
            })
            return id
          }),
        )
        return yield* visibleCampaign(db, ctx.actor, id)
      })

    const update = (
      ctx: CommandContext,
      input: { readonly id: string; readonly expectedVersion: number; readonly patch: CampaignPatch },
    ): Effect.Effect<CampaignRecord, Access.Forbidden | NotFound | StaleVersion | Conflict | InvalidInput> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        yield* transaction(db, "campaign.update", (tx) =>
          Effect.gen(function* () {
            const locked = yield* lockCampaign(tx, schemes, input.id)
            const c = locked.campaign
            if (!ownsCampaign(ctx.actor, c.regionPath))
              return yield* Effect.fail(notFound("campaign", input.id))
            if (c.version !== input.expectedVersion)
              return yield* Effect.fail(staleVersion("campaign", input.id, input.expectedVersion, c.version))
            if (c.status === "closed")
              return yield* Effect.fail(
                conflict("campaign", input.id, "campaign_closed", {
                  zh: "批次已结束，不能修改",
                  en: "the campaign is closed",
                }),
              )
            const p = input.patch
            if (p.channels !== undefined) yield* checkChannels(locked.scheme, p.channels, c.schemeId)
            if (p.postIds !== undefined) yield* checkPosts(tx, ctx.actor, p.postIds, c.regionPath)
            if (p.scheduleOverrides !== undefined) yield* checkOverrides(locked.scheme, p.scheduleOverrides)
            // The reference date follows the scheme's rule (and a stage date the campaign moves); never contradicts it.
            const referenceDate =
              p.referenceDate === undefined && p.scheduleOverrides === undefined
                ? undefined
                : yield* resolveReferenceDate(
                    locked.scheme,
                    { startYear: c.startYear, overrides: p.scheduleOverrides ?? c.scheduleOverrides },
                    p.referenceDate,
                    c.referenceDate,
                  )
            if (p.places !== undefined && p.places < locked.kernelCampaign.appointed)
              return yield* Effect.fail(
                conflict("campaign", input.id, "places_below_appointed", {
                  zh: `名额不能少于已任职人数（${locked.kernelCampaign.appointed}人）`,
                  en: `places cannot be fewer than those already appointed (${locked.kernelCampaign.appointed})`,
                }),
              )
            const set = {
              ...(p.name === undefined ? {} : { name: p.name }),
              ...(p.channels === undefined ? {} : { channels: [...p.channels] }),
              ...(p.places === undefined ? {} : { places: p.places }),
              ...(referenceDate === undefined || referenceDate === c.referenceDate ? {} : { referenceDate }),
              ...(p.noticeDays === undefined ? {} : { noticeDays: p.noticeDays }),
              ...(p.postIds === undefined ? {} : { postIds: [...p.postIds] }),
              ...(p.scheduleOverrides === undefined ? {} : { scheduleOverrides: { ...p.scheduleOverrides } }),
            }
            yield* campaignQueries.updateCampaign(tx, input.id, set)
            yield* writeAudit(tx, ctx, {
              action: "campaign.update",
              entity: "campaign",
              entityId: input.id,
              regionPath: c.regionPath,
              before: { version: c.version },
              after: set,
            })
          }),
        )
        return yield* visibleCampaign(db, ctx.actor, input.id)
      })

    /** draft → open → closed. */
    const setStatus = (
      ctx: CommandContext,
      input: { readonly id: string; readonly expectedVersion: number; readonly status: "open" | "closed" },
    ): Effect.Effect<CampaignRecord, Access.Forbidden | NotFound | StaleVersion | Conflict> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        yield* transaction(db, "campaign.setStatus", (tx) =>
          Effect.gen(function* () {
            const locked = yield* lockCampaign(tx, schemes, input.id)
            const c = locked.campaign
            if (!ownsCampaign(ctx.actor, c.regionPath))
              return yield* Effect.fail(notFound("campaign", input.id))
            if (c.version !== input.expectedVersion)
              return yield* Effect.fail(staleVersion("campaign", input.id, input.expectedVersion, c.version))
            const legal =
              (c.status === "draft" && input.status === "open") ||
              (c.status === "open" && input.status === "closed")
            if (!legal)
              return yield* Effect.fail(
                conflict("campaign", input.id, "illegal_status", {
                  zh: `批次状态不能从“${STATUS_ZH[c.status]}”改为“${STATUS_ZH[input.status]}”`,
                  en: `a campaign cannot go from ${c.status} to ${input.status}`,
                }),
              )
            yield* campaignQueries.updateCampaign(tx, input.id, { status: input.status })
            yield* writeAudit(tx, ctx, {
              action: `campaign.${input.status === "open" ? "open" : "close"}`,
              entity: "campaign",
              entityId: input.id,
              regionPath: c.regionPath,
              before: { status: c.status },
              after: { status: input.status },
            })
          }),
        )
        return yield* visibleCampaign(db, ctx.actor, input.id)
      })

    /** Posts with their region and the region's parent (street) names, for the arrangement table. */
    const postsInfo = (ids: ReadonlyArray<string>): Effect.Effect<ReadonlyMap<string, PostInfo>> =>
      campaignQueries.postsInfo(db, ids)

    /** Record that a document with personal data was exported (who, what, which campaign or application). */
    const auditExport = (
      ctx: CommandContext,
      input: {
        readonly entity: string
        readonly entityId: string
        readonly regionPath: string
        readonly what: string
      },
    ): Effect.Effect<void, Conflict> =>
      transaction(db, "export.audit", (tx) =>
        writeAudit(tx, ctx, {
          action: "export",
          entity: input.entity,
          entityId: input.entityId,
          regionPath: input.regionPath,
          before: null,
          after: { what: input.what },
        }),
      )

    /** Names of regions by id (to label communities in pool checks and exports). */
    const regionNames = (ids: ReadonlyArray<string>): Effect.Effect<ReadonlyMap<string, string>> =>
      campaignQueries.regionNames(db, ids)

    /** The communities a campaign's reserve pool should cover: every active one under the campaign's region. */
    const poolCommunities = (campaign: {
      readonly regionPath: string
    }): Effect.Effect<ReadonlyArray<{ readonly id: string; readonly name: string }>> =>
      campaignQueries.communitiesUnder(db, campaign.regionPath)

    return {
      list,
      get,
      openForApplicants,
      publicList,
      publicGet,
      schemeOf,
      create,
      update,
      setStatus,
      postsInfo,
      auditExport,
      regionNames,
      poolCommunities,
    } as const
  }),
  dependencies: [SchemeStore.Default],
}) {}
