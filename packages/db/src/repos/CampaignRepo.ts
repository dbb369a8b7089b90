import { randomUUID } from "node:crypto"
import { buildCalendar } from "@cadre/calendar"
import { Access, Calendar, Eligibility, type LocalDate, type Person, Scheme, Selection } from "@cadre/domain"
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Context, Effect, Either, Layer, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  conflict,
  CorruptRow,
  type DatabaseError,
  type InvalidInput,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeRow,
  read,
  requirePermission,
  transact,
  within,
  writeAudit,
} from "../internal.js"
import {
  applications,
  calendarYears,
  campaigns,
  people,
  placements,
  posts,
  regions,
  schemes,
} from "../schema/index.js"
import { toRecord as toPersonRecord } from "../queries/people.js"
import { completeTasksLeftBehind } from "./TaskRepo.js"

/**
 * Selection campaigns (选派批次) and their applications. Every move on an application goes through the kernel's
 * state machine (Selection.transition) inside one transaction that:
 * - locks the campaign row (`FOR UPDATE`), so moves that count places or the shortlist are serialised per campaign
 *   and places can never be over-filled (a partial unique index on appointed posts backs this up);
 * - checks the application's row version (two reviewers deciding at once: one wins, the other gets StaleVersion);
 * - writes the new application and its audit row together.
 * The campaign keeps the scheme version it was created with; a newer published version changes nothing here.
 */

// ---------------------------------------------------------------------------------------------- records

export interface CampaignRecord {
  readonly id: string
  readonly regionId: string
  readonly regionPath: string
  readonly name: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly status: "draft" | "open" | "closed"
  readonly channels: ReadonlyArray<Scheme.Channel>
  readonly places: number
  readonly startYear: number
  readonly referenceDate: string
  readonly scheduleOverrides: Readonly<Record<string, string>>
  readonly noticeDays: number
  readonly decidingBody: typeof Selection.DecidingBody.Type
  readonly postIds: ReadonlyArray<string>
  readonly createdBy: string
  readonly version: number
  /** Applications by state. */
  readonly counts: Readonly<Record<string, number>>
}

/** An application with the person's masked particulars, for lists and the applicant's own view. */
export interface ApplicationRecord {
  readonly application: Selection.Application
  readonly campaignId: string
  readonly regionId: string
  readonly regionPath: string
  /** The campaign's region path (the campaign's owner runs its decisions). */
  readonly campaignPath: string
  readonly campaignName: string
  readonly targetRole: string | null
  readonly version: number
  readonly person: {
    readonly id: string
    readonly name: string
    readonly sex: string
    readonly birthDate: string
    readonly idNumberMasked: string
    readonly phoneMasked: string | null
  }
}

export interface CampaignInput {
  readonly id?: string | undefined
  readonly regionId: string
  readonly name: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly channels: ReadonlyArray<Scheme.Channel>
  readonly places: number
  readonly startYear: number
  readonly referenceDate: string
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

export interface ApplicationFilter {
  readonly state?: Selection.State | undefined
  readonly eligible?: boolean | undefined
  readonly channel?: Scheme.Channel | undefined
}

/** A move the API sends on an existing application (Submit and Withdraw have their own commands). */
export type ActMove = Exclude<Selection.Move, { readonly _tag: "Submit" | "Withdraw" | "Screen" | "Waive" }>

type Err<E> = E | Access.Forbidden | DatabaseError
type MoveErr = Err<NotFound | StaleVersion | Conflict | InvalidInput | Selection.TransitionError>

export interface CampaignRepoService {
  readonly list: (
    actor: Access.Actor,
    filter?: { readonly status?: "draft" | "open" | "closed" | undefined },
  ) => Effect.Effect<ReadonlyArray<CampaignRecord>, Err<never>>
  readonly get: (actor: Access.Actor, id: string) => Effect.Effect<CampaignRecord, Err<NotFound>>
  /** Campaigns open for self-registration (the portal's list; any signed-in applicant). */
  readonly openForApplicants: () => Effect.Effect<ReadonlyArray<CampaignRecord>, DatabaseError>
  /** The scheme version a campaign keeps, decoded. */
  readonly schemeOf: (
    actor: Access.Actor,
    campaignId: string,
  ) => Effect.Effect<{ readonly campaign: CampaignRecord; readonly scheme: Scheme.Scheme }, Err<NotFound>>
  readonly create: (
    ctx: CommandContext,
    input: CampaignInput,
  ) => Effect.Effect<CampaignRecord, Err<NotFound | Conflict | InvalidInput>>
  readonly update: (
    ctx: CommandContext,
    input: { readonly id: string; readonly expectedVersion: number; readonly patch: CampaignPatch },
  ) => Effect.Effect<CampaignRecord, Err<NotFound | StaleVersion | Conflict | InvalidInput>>
  /** draft → open → closed. */
  readonly setStatus: (
    ctx: CommandContext,
    input: { readonly id: string; readonly expectedVersion: number; readonly status: "open" | "closed" },
  ) => Effect.Effect<CampaignRecord, Err<NotFound | StaleVersion | Conflict>>

  readonly listApplications: (
    actor: Access.Actor,
    campaignId: string,
    filter?: ApplicationFilter,
  ) => Effect.Effect<ReadonlyArray<ApplicationRecord>, Err<NotFound>>
  readonly getApplication: (
    actor: Access.Actor,
    id: string,
  ) => Effect.Effect<ApplicationRecord, Err<NotFound>>
  /** The applicant's own applications. */
  readonly mine: (actor: Access.Actor) => Effect.Effect<ReadonlyArray<ApplicationRecord>, Err<never>>
  /** Self-registration (applicant): created, submitted and screened in one transaction. */
  readonly apply: (
    ctx: CommandContext,
    input: {
      readonly campaignId: string
      readonly targetRole?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ApplicationRecord, MoveErr>
  /** A unit or organisation recommends a person in the caller's scope (推荐): created, submitted and screened. */
  readonly recommend: (
    ctx: CommandContext,
    input: {
      readonly campaignId: string
      readonly personId: string
      readonly channel: "unit_recommendation" | "organisation_recommendation"
      readonly recommendation: Selection.Recommendation
      readonly targetRole?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ApplicationRecord, MoveErr>
  /** Any review or decision move, checked by the kernel. */
  readonly act: (
    ctx: CommandContext,
    input: {
      readonly applicationId: string
      readonly expectedVersion: number
      readonly move: ActMove
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ApplicationRecord, MoveErr>
  /** Screen again against the campaign's version (after a profile correction), optionally with waivers (放宽). */
  readonly rescreen: (
    ctx: CommandContext,
    input: {
      readonly applicationId: string
      readonly expectedVersion: number
      readonly waivers?: ReadonlyArray<Eligibility.Waiver> | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ApplicationRecord, MoveErr>
  /** 撤回 by the applicant before the decision. */
  readonly withdraw: (
    ctx: CommandContext,
    input: {
      readonly applicationId: string
      readonly expectedVersion: number
      readonly reason?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ApplicationRecord, MoveErr>

  /**
   * The whole kernel Profile behind a visible application, for server-side rendering (registration form). Never
   * return it from a procedure as is: mask what the caller need not see.
   */
  readonly profileOf: (
    actor: Access.Actor,
    applicationId: string,
  ) => Effect.Effect<{ readonly record: ApplicationRecord; readonly profile: Person.Profile }, Err<NotFound>>
  /** Posts with their region and the region's parent (street) names, for the arrangement table. */
  readonly postsInfo: (
    ids: ReadonlyArray<string>,
  ) => Effect.Effect<
    ReadonlyMap<
      string,
      { readonly title: string; readonly regionName: string; readonly parentName: string | null }
    >,
    DatabaseError
  >
  /** Record that a document with personal data was exported (who, what, which campaign or application). */
  readonly auditExport: (
    ctx: CommandContext,
    input: {
      readonly entity: string
      readonly entityId: string
      readonly regionPath: string
      readonly what: string
    },
  ) => Effect.Effect<void, Conflict | DatabaseError>
  /** Names of regions by id (to label communities in pool checks and exports). */
  readonly regionNames: (
    ids: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyMap<string, string>, DatabaseError>
  /** Verdicts of a campaign's applications under another (e.g. draft) scheme version: nothing is written. */
  readonly screenAgainst: (
    actor: Access.Actor,
    input: { readonly campaignId: string; readonly scheme: Scheme.Scheme },
  ) => Effect.Effect<
    ReadonlyArray<{ readonly record: ApplicationRecord; readonly verdict: Eligibility.Verdict }>,
    Err<NotFound>
  >
}

export class CampaignRepo extends Context.Tag("@cadre/db/CampaignRepo")<CampaignRepo, CampaignRepoService>() {
  static readonly Live: Layer.Layer<CampaignRepo, never, Database> = Layer.effect(
    CampaignRepo,
    Effect.map(Database, (d) => makeCampaignRepo(d.db)),
  )
}

// ---------------------------------------------------------------------------------------------- helpers

const encodeApplication = Schema.encodeSync(Selection.Application)

type CampaignRow = typeof campaigns.$inferSelect

const ChannelList = Schema.Array(Scheme.Channel)
const Overrides = Schema.Record({ key: Schema.String, value: Schema.String })
const PostIds = Schema.Array(Schema.String)

const toCampaign = (
  row: CampaignRow,
  regionPath: string,
  counts: Readonly<Record<string, number>>,
): CampaignRecord => ({
  id: row.id,
  regionId: row.regionId,
  regionPath,
  name: row.name,
  schemeId: row.schemeId,
  schemeVersion: row.schemeVersion,
  status: row.status,
  channels: decodeRow(ChannelList, "campaigns", row.id, row.channels),
  places: row.places,
  startYear: row.startYear,
  referenceDate: row.referenceDate,
  scheduleOverrides: decodeRow(Overrides, "campaigns", row.id, row.scheduleOverrides),
  noticeDays: row.noticeDays,
  decidingBody: decodeRow(Selection.DecidingBody, "campaigns", row.id, row.decidingBody),
  postIds: decodeRow(PostIds, "campaigns", row.id, row.postIds),
  createdBy: row.createdBy,
  version: row.version,
  counts,
})

/**
 * Campaigns the actor reads: those of its scope and beneath it, and those of the regions above it (a street sees
 * the district's campaign to recommend into it), as schemes are read.
 */
const seesCampaignSql = (actor: Access.Actor): SQL => {
  if (actor.role === "applicant" || actor.scopePath.length === 0) return sql`false`
  const own = within(regions.path, actor.scopePath)
  const above = sql`left(${actor.scopePath}, length(${regions.path})) = ${regions.path}`
  return or(own, above) ?? own
}

/** The campaign is the caller's own (its region lies within the scope): it may run it. */
const ownsCampaign = (actor: Access.Actor, campaignPath: string): boolean =>
  Access.seesRegion(actor, campaignPath)

/** The application's own region (recommending unit's / nominating community's), beside the campaign's. */
const appRegion = alias(regions, "app_region")

const MOVE_PERMISSION: Readonly<Record<Selection.MoveTag, Access.Permission>> = {
  Submit: "application.recommend",
  Screen: "application.review",
  Waive: "application.decide",
  Advance: "application.review",
  Record: "application.review",
  Return: "application.review",
  Withdraw: "application.apply",
  Reject: "application.review",
  Decide: "application.decide",
  StartNotice: "application.decide",
  FileObjection: "application.review",
  ResolveObjection: "application.decide",
  Appoint: "application.decide",
  ReportIn: "application.decide",
}

/** Moves only the campaign's own scope may make (not a street reviewing its part of a district campaign). */
const OWNER_MOVES: ReadonlySet<Selection.MoveTag> = new Set([
  "Waive",
  "Decide",
  "StartNotice",
  "ResolveObjection",
  "Appoint",
])

export const makeCampaignRepo = (db: Db): CampaignRepoService => {
  // Published scheme versions are immutable: decode each once per database.
  const schemeCache = new Map<string, Scheme.Scheme>()
  const countsOf = async (d: Db | Tx, ids: ReadonlyArray<string>) => {
    const out = new Map<string, Record<string, number>>()
    if (ids.length === 0) return out
    const rows = await d
      .select({
        campaignId: applications.campaignId,
        state: applications.state,
        n: sql<number>`count(*)::int`,
      })
      .from(applications)
      .where(inArray(applications.campaignId, [...ids]))
      .groupBy(applications.campaignId, applications.state)
    for (const r of rows) {
      const m = out.get(r.campaignId) ?? {}
      m[r.state] = Number(r.n)
      out.set(r.campaignId, m)
    }
    return out
  }

  const selectCampaigns = (d: Db | Tx) =>
    d
      .select({ row: campaigns, path: regions.path })
      .from(campaigns)
      .innerJoin(regions, eq(campaigns.regionId, regions.id))

  const loadScheme = async (d: Db | Tx, schemeId: string, version: number): Promise<Scheme.Scheme> => {
    const key = `${schemeId}@${version}`
    const hit = schemeCache.get(key)
    if (hit !== undefined) return hit
    const [r] = await d
      .select({ body: schemes.body, status: schemes.status })
      .from(schemes)
      .where(and(eq(schemes.schemeId, schemeId), eq(schemes.version, version)))
    if (r === undefined) throw new CorruptRow({ table: "schemes", id: key, detail: "missing scheme version" })
    const s = decodeRow(Scheme.Scheme, "schemes", key, r.body)
    if (r.status === "published") schemeCache.set(key, s)
    return s
  }

  const readCalendarYears = async (d: Db | Tx): Promise<ReadonlyArray<Calendar.CalendarYear>> => {
    const rows = await d.select().from(calendarYears).orderBy(asc(calendarYears.year))
    return rows.map((r) => decodeRow(Calendar.CalendarYear, "calendar_years", String(r.year), r.body))
  }

  // The kernel indexes a calendar object once; rebuild only when the admin-entered years change.
  let calendarCache: { readonly key: string; readonly built: ReturnType<typeof buildCalendar> } | undefined
  const calendarOf = async (d: Db | Tx) => {
    const rows = await d
      .select({ year: calendarYears.year, version: calendarYears.version })
      .from(calendarYears)
      .orderBy(asc(calendarYears.year))
    const key = rows.map((r) => `${r.year}:${r.version}`).join(",")
    if (calendarCache?.key === key) return calendarCache.built
    const built = buildCalendar(await readCalendarYears(d))
    calendarCache = { key, built }
    return built
  }

  const getCampaign = (actor: Access.Actor, id: string) =>
    read("campaign.get", async () => {
      const [r] = await selectCampaigns(db).where(and(eq(campaigns.id, id), seesCampaignSql(actor)))
      if (r === undefined) return undefined
      const counts = await countsOf(db, [r.row.id])
      return toCampaign(r.row, r.path, counts.get(r.row.id) ?? {})
    }).pipe(
      Effect.flatMap((c) => (c === undefined ? Effect.fail(notFound("campaign", id)) : Effect.succeed(c))),
    )

  // ------------------------------------------------------------------------------------------ applications

  const selectApplications = (d: Db | Tx) =>
    d
      .select({
        row: applications,
        appRegionPath: appRegion.path,
        campaignPath: regions.path,
        campaignName: campaigns.name,
        person: {
          id: people.id,
          name: people.name,
          profile: people.profile,
          idNumberMasked: sql<string>`left(${people.idNumber}, 6) || repeat('*', greatest(length(${people.idNumber}) - 10, 0)) || right(${people.idNumber}, 4)`,
          phoneMasked: sql<
            string | null
          >`case when ${people.phone} is null then null else left(${people.phone}, 3) || repeat('*', greatest(length(${people.phone}) - 7, 0)) || right(${people.phone}, 4) end`,
        },
      })
      .from(applications)
      .innerJoin(campaigns, eq(applications.campaignId, campaigns.id))
      .innerJoin(regions, eq(campaigns.regionId, regions.id))
      .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
      .innerJoin(people, eq(applications.personId, people.id))

  /** Staff: the campaign is theirs, or the application's region lies within their scope. */
  const seesApplicationSql = (actor: Access.Actor): SQL => {
    if (actor.role === "applicant") {
      const pid = actor.scope._tag === "SelfScope" ? actor.scope.personId : null
      return pid === null ? sql`false` : eq(applications.personId, pid)
    }
    const own = within(regions.path, actor.scopePath)
    const part = within(appRegion.path, actor.scopePath)
    return or(own, part) ?? own
  }

  type AppSel = Awaited<ReturnType<ReturnType<typeof selectApplications>["where"]>>[number]
  const toApplication = (r: AppSel): ApplicationRecord => {
    const application = decodeRow(Selection.Application, "applications", r.row.id, r.row.body)
    const profile = r.person.profile as { sex?: string; birthDate?: string }
    return {
      application,
      campaignId: r.row.campaignId,
      regionId: r.row.regionId,
      regionPath: r.appRegionPath,
      campaignPath: r.campaignPath,
      campaignName: r.campaignName,
      targetRole: r.row.targetRole,
      version: r.row.version,
      person: {
        id: r.person.id,
        name: r.person.name,
        sex: String(profile.sex ?? ""),
        birthDate: String(profile.birthDate ?? ""),
        idNumberMasked: r.person.idNumberMasked,
        phoneMasked: r.person.phoneMasked,
      },
    }
  }

  const readApplication = async (d: Db | Tx, actor: Access.Actor, id: string) => {
    const [r] = await selectApplications(d).where(and(eq(applications.id, id), seesApplicationSql(actor)))
    return r === undefined ? undefined : toApplication(r)
  }

  /** Lock the campaign row for the rest of the transaction and return it with what moves need. */
  const lockCampaign = async (tx: Tx, campaignId: string) => {
    const [r] = await selectCampaigns(tx).where(eq(campaigns.id, campaignId)).for("update", { of: campaigns })
    if (r === undefined) return abort(notFound("campaign", campaignId))
    const campaign = toCampaign(r.row, r.path, {})
    const scheme = await loadScheme(tx, campaign.schemeId, campaign.schemeVersion)
    const path = Selection.derivePath(scheme)
    const states = await tx
      .select({ state: applications.state })
      .from(applications)
      .where(eq(applications.campaignId, campaignId))
    const counts = Selection.tally(path, states as ReadonlyArray<{ state: Selection.State }>)
    const kernelCampaign: Selection.Campaign = {
      id: campaign.id,
      schemeId: campaign.schemeId,
      schemeVersion: campaign.schemeVersion,
      places: campaign.places,
      channels: campaign.channels as unknown as Selection.Campaign["channels"],
      appointed: counts.appointed,
      shortlisted: counts.shortlisted,
    }
    return { campaign, scheme, path, kernelCampaign }
  }

  type Locked = Awaited<ReturnType<typeof lockCampaign>>

  const applyMove = async (
    tx: Tx,
    ctx: CommandContext,
    locked: Locked,
    app: Selection.Application,
    move: Selection.Move,
    on: LocalDate.LocalDate,
  ): Promise<Selection.Application> => {
    const { calendar } = await calendarOf(tx)
    const r = Selection.transition(app, move, {
      path: locked.path,
      campaign: locked.kernelCampaign,
      calendar,
      on,
      by: { accountId: ctx.actor.accountId, role: ctx.actor.role },
    })
    if (Either.isLeft(r)) return abort(r.left)
    // Keep the counts current for a second move in the same transaction.
    return r.right
  }

  const screen = async (
    tx: Tx,
    locked: Locked,
    personId: string,
    targetRole: string | null,
    waivers?: ReadonlyArray<Eligibility.Waiver>,
  ) => {
    const [p] = await tx
      .select({ person: people, path: regions.path })
      .from(people)
      .innerJoin(regions, eq(people.regionId, regions.id))
      .where(eq(people.id, personId))
    if (p === undefined) return abort(notFound("person", personId))
    const profile = toPersonRecord(p.person, p.path).profile
    return Eligibility.evaluate(locked.scheme, profile, {
      referenceDate: locked.campaign.referenceDate as LocalDate.LocalDate,
      targetRole: targetRole ?? undefined,
      waivers,
    })
  }

  const auditApp = (
    tx: Tx,
    ctx: CommandContext,
    action: string,
    locked: Locked,
    before: Selection.Application | null,
    after: Selection.Application,
    move: Selection.Move,
  ) =>
    writeAudit(tx, ctx, {
      action,
      entity: "application",
      entityId: after.id,
      regionPath: locked.campaign.regionPath,
      before: before === null ? null : { state: before.state },
      // The move in full (no personal data in moves), the resulting state.
      after: { state: after.state, campaignId: after.campaignId, move },
    })

  const saveApplication = async (
    tx: Tx,
    app: Selection.Application,
    expectedVersion: number,
  ): Promise<void> => {
    const updated = await tx
      .update(applications)
      .set({
        state: app.state,
        body: encodeApplication(app),
        eligible: app.verdict === undefined ? null : app.verdict.outcome !== "ineligible",
        postId: app.postId ?? null,
        version: sql`${applications.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(applications.id, app.id), eq(applications.version, expectedVersion)))
      .returning({ id: applications.id })
    if (updated.length === 0) throw new Error("application row changed inside its own lock")
  }

  /** Create, submit and screen: the three moves of an entry, in one transaction. */
  const enter = (
    ctx: CommandContext,
    input: {
      readonly campaignId: string
      readonly personId: string
      readonly regionId: string
      readonly channel: Scheme.Channel
      readonly recommendation?: Selection.Recommendation | undefined
      readonly targetRole?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) =>
    transact<string, MoveErr>(db, "application.submit", async (tx) => {
      const locked = await lockCampaign(tx, input.campaignId)
      if (locked.campaign.status !== "open")
        return abort(
          conflict("campaign", input.campaignId, "campaign_not_open", {
            zh: "该批次未开放报名（推荐）",
            en: "the campaign is not open for applications",
          }),
        )
      const id = randomUUID()
      let app = Selection.newApplication({
        id,
        personId: input.personId as Person.PersonId,
        campaign: locked.kernelCampaign,
      })
      const submit: Selection.Move = {
        _tag: "Submit",
        channel: input.channel,
        ...(input.recommendation === undefined ? {} : { recommendation: input.recommendation }),
      }
      app = await applyMove(tx, ctx, locked, app, submit, input.on)
      const verdict = await screen(tx, locked, input.personId, input.targetRole ?? null)
      const screenMove: Selection.Move = { _tag: "Screen", verdict }
      app = await applyMove(tx, ctx, locked, app, screenMove, input.on)
      await tx.insert(applications).values({
        id,
        campaignId: input.campaignId,
        personId: input.personId,
        regionId: input.regionId,
        state: app.state,
        channel: input.channel,
        targetRole: input.targetRole ?? null,
        eligible: verdict.outcome !== "ineligible",
        body: encodeApplication(app),
      })
      await auditApp(tx, ctx, "application.submit", locked, null, app, submit)
      return id
    })

  /** Load an application visible to the caller, check its version, lock its campaign. */
  const begin = async (
    tx: Tx,
    ctx: CommandContext,
    applicationId: string,
    expectedVersion: number,
    moveTag: Selection.MoveTag,
  ) => {
    const rec = await readApplication(tx, ctx.actor, applicationId)
    if (rec === undefined) return abort(notFound("application", applicationId))
    // Who may make the move is decided before anything else is looked at (a stale version included).
    checkMovePermission(ctx.actor, moveTag, rec.campaignPath)
    const locked = await lockCampaign(tx, rec.campaignId)
    // Re-read under the lock: the version check must see the latest committed row.
    const [row] = await tx
      .select({ version: applications.version, body: applications.body })
      .from(applications)
      .where(eq(applications.id, applicationId))
      .for("update")
    if (row === undefined) return abort(notFound("application", applicationId))
    if (row.version !== expectedVersion)
      return abort(staleVersion("application", applicationId, expectedVersion, row.version))
    const app = decodeRow(Selection.Application, "applications", applicationId, row.body)
    return { rec, locked, app }
  }

  const checkMovePermission = (actor: Access.Actor, tag: Selection.MoveTag, campaignPath: string): void => {
    const p = MOVE_PERMISSION[tag]
    if (!Access.can(actor, p)) abort(Access.forbidden(p, actor.role))
    if (OWNER_MOVES.has(tag) && !ownsCampaign(actor, campaignPath)) abort(Access.forbidden(p, actor.role))
  }

  const afterCommit = (id: string, actor: Access.Actor) =>
    read("application.get", () => readApplication(db, actor, id)).pipe(
      Effect.flatMap((r) => (r === undefined ? Effect.fail(notFound("application", id)) : Effect.succeed(r))),
    )

  /** Visible to `actor` for reading back after its own command (an applicant, a recommending unit). */
  const readBack = (id: string, actor: Access.Actor) => afterCommit(id, actor)

  return {
    list: (actor, filter = {}) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        return yield* read("campaign.list", async () => {
          const rows = await selectCampaigns(db)
            .where(
              and(
                seesCampaignSql(actor),
                filter.status === undefined ? undefined : eq(campaigns.status, filter.status),
              ),
            )
            .orderBy(asc(regions.path), asc(campaigns.createdAt))
          const counts = await countsOf(
            db,
            rows.map((r) => r.row.id),
          )
          return rows.map((r) => toCampaign(r.row, r.path, counts.get(r.row.id) ?? {}))
        })
      }),

    get: (actor, id) => Effect.zipRight(requirePermission(actor, "campaign.read"), getCampaign(actor, id)),

    openForApplicants: () =>
      read("campaign.openForApplicants", async () => {
        const rows = await selectCampaigns(db)
          .where(
            and(eq(campaigns.status, "open"), sql`${campaigns.channels} @> '["self_registration"]'::jsonb`),
          )
          .orderBy(asc(campaigns.createdAt))
        return rows.map((r) => toCampaign(r.row, r.path, {}))
      }),

    schemeOf: (actor, campaignId) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        const campaign = yield* getCampaign(actor, campaignId)
        const scheme = yield* read("campaign.scheme", () =>
          loadScheme(db, campaign.schemeId, campaign.schemeVersion),
        )
        return { campaign, scheme }
      }),

    create: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        const id = yield* transact<string, Err<NotFound | Conflict | InvalidInput>>(
          db,
          "campaign.create",
          async (tx) => {
            const [region] = await tx.select().from(regions).where(eq(regions.id, input.regionId))
            if (region === undefined || !Access.seesRegion(ctx.actor, region.path))
              return abort(notFound("region", input.regionId))
            const [s] = await tx
              .select({ status: schemes.status, path: regions.path })
              .from(schemes)
              .innerJoin(regions, eq(schemes.regionId, regions.id))
              .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.version, input.schemeVersion)))
            // The scheme must be published and apply to the campaign's region (its own or an ancestor's).
            if (s === undefined || !region.path.startsWith(s.path))
              return abort(notFound("scheme", `${input.schemeId} v${input.schemeVersion}`))
            if (s.status !== "published")
              return abort(
                conflict("campaign", input.schemeId, "scheme_not_published", {
                  zh: "只能按已发布的方案版本开展选派；草稿可用于试算（what-if）",
                  en: "a campaign runs under a published scheme version; use a draft for what-if screening only",
                }),
              )
            const scheme = await loadScheme(tx, input.schemeId, input.schemeVersion)
            checkChannels(scheme, input.channels, input.schemeId)
            await checkPosts(tx, ctx.actor, input.postIds ?? [], region.path)
            checkOverrides(scheme, input.scheduleOverrides ?? {})
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
              referenceDate: input.referenceDate,
              scheduleOverrides: { ...(input.scheduleOverrides ?? {}) },
              noticeDays: input.noticeDays ?? 5,
              decidingBody: input.decidingBody,
              postIds: [...(input.postIds ?? [])],
              createdBy: ctx.actor.accountId,
            }
            await tx.insert(campaigns).values(values)
            await writeAudit(tx, ctx, {
              action: "campaign.create",
              entity: "campaign",
              entityId: id,
              regionPath: region.path,
              before: null,
              after: values,
            })
            return id
          },
        )
        return yield* getCampaign(ctx.actor, id)
      }),

    update: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        yield* transact<void, Err<NotFound | StaleVersion | Conflict | InvalidInput>>(
          db,
          "campaign.update",
          async (tx) => {
            const locked = await lockCampaign(tx, input.id)
            const c = locked.campaign
            if (!ownsCampaign(ctx.actor, c.regionPath)) return abort(notFound("campaign", input.id))
            if (c.version !== input.expectedVersion)
              return abort(staleVersion("campaign", input.id, input.expectedVersion, c.version))
            if (c.status === "closed")
              return abort(
                conflict("campaign", input.id, "campaign_closed", {
                  zh: "批次已结束，不能修改",
                  en: "the campaign is closed",
                }),
              )
            const p = input.patch
            if (p.channels !== undefined) checkChannels(locked.scheme, p.channels, c.schemeId)
            if (p.postIds !== undefined) await checkPosts(tx, ctx.actor, p.postIds, c.regionPath)
            if (p.scheduleOverrides !== undefined) checkOverrides(locked.scheme, p.scheduleOverrides)
            if (p.places !== undefined && p.places < locked.kernelCampaign.appointed)
              abort(
                conflict("campaign", input.id, "places_below_appointed", {
                  zh: `名额不能少于已任职人数（${locked.kernelCampaign.appointed}人）`,
                  en: `places cannot be fewer than those already appointed (${locked.kernelCampaign.appointed})`,
                }),
              )
            const set = {
              ...(p.name === undefined ? {} : { name: p.name }),
              ...(p.channels === undefined ? {} : { channels: [...p.channels] }),
              ...(p.places === undefined ? {} : { places: p.places }),
              ...(p.referenceDate === undefined ? {} : { referenceDate: p.referenceDate }),
              ...(p.noticeDays === undefined ? {} : { noticeDays: p.noticeDays }),
              ...(p.postIds === undefined ? {} : { postIds: [...p.postIds] }),
              ...(p.scheduleOverrides === undefined ? {} : { scheduleOverrides: { ...p.scheduleOverrides } }),
            }
            await tx
              .update(campaigns)
              .set({ ...set, version: sql`${campaigns.version} + 1`, updatedAt: new Date() })
              .where(eq(campaigns.id, input.id))
            await writeAudit(tx, ctx, {
              action: "campaign.update",
              entity: "campaign",
              entityId: input.id,
              regionPath: c.regionPath,
              before: { version: c.version },
              after: set,
            })
          },
        )
        return yield* getCampaign(ctx.actor, input.id)
      }),

    setStatus: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        yield* transact<void, Err<NotFound | StaleVersion | Conflict>>(
          db,
          "campaign.setStatus",
          async (tx) => {
            const locked = await lockCampaign(tx, input.id)
            const c = locked.campaign
            if (!ownsCampaign(ctx.actor, c.regionPath)) return abort(notFound("campaign", input.id))
            if (c.version !== input.expectedVersion)
              return abort(staleVersion("campaign", input.id, input.expectedVersion, c.version))
            const legal =
              (c.status === "draft" && input.status === "open") ||
              (c.status === "open" && input.status === "closed")
            if (!legal)
              return abort(
                conflict("campaign", input.id, "illegal_status", {
                  zh: `批次状态不能从“${STATUS_ZH[c.status]}”改为“${STATUS_ZH[input.status]}”`,
                  en: `a campaign cannot go from ${c.status} to ${input.status}`,
                }),
              )
            await tx
              .update(campaigns)
              .set({ status: input.status, version: sql`${campaigns.version} + 1`, updatedAt: new Date() })
              .where(eq(campaigns.id, input.id))
            await writeAudit(tx, ctx, {
              action: `campaign.${input.status === "open" ? "open" : "close"}`,
              entity: "campaign",
              entityId: input.id,
              regionPath: c.regionPath,
              before: { status: c.status },
              after: { status: input.status },
            })
          },
        )
        return yield* getCampaign(ctx.actor, input.id)
      }),

    listApplications: (actor, campaignId, filter = {}) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        yield* getCampaign(actor, campaignId)
        return yield* read("application.list", async () => {
          const rows = await selectApplications(db)
            .where(
              and(
                eq(applications.campaignId, campaignId),
                seesApplicationSql(actor),
                filter.state === undefined ? undefined : eq(applications.state, filter.state),
                filter.eligible === undefined ? undefined : eq(applications.eligible, filter.eligible),
                filter.channel === undefined ? undefined : eq(applications.channel, filter.channel),
              ),
            )
            .orderBy(asc(applications.createdAt), asc(applications.id))
          return rows.map(toApplication)
        })
      }),

    getApplication: (actor, id) =>
      Effect.gen(function* () {
        if (actor.role !== "applicant") yield* requirePermission(actor, "campaign.read")
        return yield* afterCommit(id, actor)
      }),

    mine: (actor) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "application.apply")
        return yield* read("application.mine", async () => {
          const rows = await selectApplications(db)
            .where(seesApplicationSql(actor))
            .orderBy(asc(applications.createdAt))
          return rows.map(toApplication)
        })
      }),

    apply: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "application.apply")
        const personId = ctx.actor.scope._tag === "SelfScope" ? ctx.actor.scope.personId : null
        if (personId === null)
          return yield* Effect.fail(
            conflict("application", input.campaignId, "profile_missing", {
              zh: "请先填写个人信息，再报名",
              en: "fill in your profile before applying",
            }),
          )
        const [p] = yield* read("person.region", () =>
          db.select({ regionId: people.regionId }).from(people).where(eq(people.id, personId)),
        )
        if (p === undefined) return yield* Effect.fail(notFound("person", personId))
        // An applicant sees only campaigns open to self-registration.
        const open = yield* read("campaign.open", () =>
          db
            .select({ id: campaigns.id })
            .from(campaigns)
            .where(
              and(
                eq(campaigns.id, input.campaignId),
                eq(campaigns.status, "open"),
                sql`${campaigns.channels} @> '["self_registration"]'::jsonb`,
              ),
            ),
        )
        if (open.length === 0) return yield* Effect.fail(notFound("campaign", input.campaignId))
        const id = yield* enter(ctx, {
          campaignId: input.campaignId,
          personId,
          regionId: p.regionId,
          channel: "self_registration",
          targetRole: input.targetRole,
          on: input.on,
        })
        return yield* readBack(id, ctx.actor)
      }),

    recommend: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "application.recommend")
        // The person must be within the recommender's scope (a unit recommends its own people).
        const [p] = yield* read("person.inScope", () =>
          db
            .select({ regionId: people.regionId, path: regions.path })
            .from(people)
            .innerJoin(regions, eq(people.regionId, regions.id))
            .where(eq(people.id, input.personId)),
        )
        if (p === undefined || !Access.seesRegion(ctx.actor, p.path))
          return yield* Effect.fail(notFound("person", input.personId))
        const c = yield* getCampaign(ctx.actor, input.campaignId)
        // The application belongs to the person's own region (a nominee's community), so the street and the
        // community see what concerns them in a campaign run above them.
        const regionId = p.regionId
        const id = yield* enter(ctx, {
          campaignId: c.id,
          personId: input.personId,
          regionId,
          channel: input.channel,
          recommendation: input.recommendation,
          targetRole: input.targetRole,
          on: input.on,
        })
        return yield* readBack(id, ctx.actor)
      }),

    act: (ctx, input) =>
      Effect.gen(function* () {
        yield* transact<void, MoveErr>(db, `application.${input.move._tag}`, async (tx) => {
          const { locked, app } = await begin(
            tx,
            ctx,
            input.applicationId,
            input.expectedVersion,
            input.move._tag,
          )
          if (input.move._tag === "Appoint") await checkAppointPost(tx, locked, input.move.postId)
          const next = await applyMove(tx, ctx, locked, app, input.move, input.on)
          await saveApplication(tx, next, input.expectedVersion)
          await completeTasksLeftBehind(tx, next.id, next.state, ctx.actor.accountId, input.on)
          if (input.move._tag === "Appoint") await fillPost(tx, ctx, locked, input.move.postId)
          // A return to before the appointment gives the post back (unless a placement was already made on it).
          if (app.postId !== undefined && next.postId === undefined)
            await vacatePost(tx, ctx, locked, app.id, app.postId)
          await auditApp(tx, ctx, `application.${input.move._tag}`, locked, app, next, input.move)
        })
        return yield* afterCommit(input.applicationId, ctx.actor)
      }),

    rescreen: (ctx, input) =>
      Effect.gen(function* () {
        yield* transact<void, MoveErr>(db, "application.rescreen", async (tx) => {
          const waiving = input.waivers !== undefined && input.waivers.length > 0
          const { rec, locked, app } = await begin(
            tx,
            ctx,
            input.applicationId,
            input.expectedVersion,
            waiving ? "Waive" : "Screen",
          )
          const verdict = await screen(tx, locked, app.personId, rec.targetRole, input.waivers)
          const move: Selection.Move = waiving ? { _tag: "Waive", verdict } : { _tag: "Screen", verdict }
          const next = await applyMove(tx, ctx, locked, app, move, input.on)
          await saveApplication(tx, next, input.expectedVersion)
          await auditApp(
            tx,
            ctx,
            waiving ? "application.Waive" : "application.Screen",
            locked,
            app,
            next,
            move,
          )
        })
        return yield* afterCommit(input.applicationId, ctx.actor)
      }),

    withdraw: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "application.apply")
        yield* transact<void, MoveErr>(db, "application.withdraw", async (tx) => {
          const { locked, app } = await begin(tx, ctx, input.applicationId, input.expectedVersion, "Withdraw")
          const move: Selection.Move = {
            _tag: "Withdraw",
            ...(input.reason === undefined ? {} : { reason: input.reason }),
          }
          const next = await applyMove(tx, ctx, locked, app, move, input.on)
          await saveApplication(tx, next, input.expectedVersion)
          await auditApp(tx, ctx, "application.Withdraw", locked, app, next, move)
        })
        return yield* afterCommit(input.applicationId, ctx.actor)
      }),

    profileOf: (actor, applicationId) =>
      Effect.gen(function* () {
        if (actor.role !== "applicant") yield* requirePermission(actor, "campaign.read")
        const record = yield* afterCommit(applicationId, actor)
        const profile = yield* read("application.profile", async () => {
          const [p] = await db
            .select({ person: people, path: regions.path })
            .from(people)
            .innerJoin(regions, eq(people.regionId, regions.id))
            .where(eq(people.id, record.application.personId))
          return p === undefined ? undefined : toPersonRecord(p.person, p.path).profile
        })
        if (profile === undefined) return yield* Effect.fail(notFound("person", record.application.personId))
        return { record, profile }
      }),

    postsInfo: (ids) =>
      read("post.info", async () => {
        if (ids.length === 0) return new Map()
        const parent = alias(regions, "parent_region")
        const rows = await db
          .select({ id: posts.id, title: posts.title, regionName: regions.name, parentName: parent.name })
          .from(posts)
          .innerJoin(regions, eq(posts.regionId, regions.id))
          .leftJoin(parent, eq(parent.id, regions.parentId))
          .where(inArray(posts.id, [...new Set(ids)]))
        return new Map(
          rows.map((r) => [r.id, { title: r.title, regionName: r.regionName, parentName: r.parentName }]),
        )
      }),

    auditExport: (ctx, input) =>
      transact(db, "export.audit", (tx) =>
        writeAudit(tx, ctx, {
          action: "export",
          entity: input.entity,
          entityId: input.entityId,
          regionPath: input.regionPath,
          before: null,
          after: { what: input.what },
        }),
      ),

    regionNames: (ids) =>
      read("region.names", async () => {
        if (ids.length === 0) return new Map<string, string>()
        const rows = await db
          .select({ id: regions.id, name: regions.name })
          .from(regions)
          .where(inArray(regions.id, [...new Set(ids)]))
        return new Map(rows.map((r) => [r.id, r.name]))
      }),

    screenAgainst: (actor, input) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        yield* requirePermission(actor, "eligibility.check")
        const campaign = yield* getCampaign(actor, input.campaignId)
        return yield* read("campaign.whatIf", async () => {
          const rows = await selectApplications(db).where(
            and(eq(applications.campaignId, campaign.id), seesApplicationSql(actor)),
          )
          const out: Array<{ record: ApplicationRecord; verdict: Eligibility.Verdict }> = []
          const ids = rows.map((r) => r.row.personId)
          const persons =
            ids.length === 0
              ? []
              : await db
                  .select({ person: people, path: regions.path })
                  .from(people)
                  .innerJoin(regions, eq(people.regionId, regions.id))
                  .where(inArray(people.id, ids))
          const byId = new Map(persons.map((p) => [p.person.id, toPersonRecord(p.person, p.path).profile]))
          const run = Eligibility.compile(input.scheme)
          for (const r of rows) {
            const profile = byId.get(r.row.personId)
            if (profile === undefined) continue
            out.push({
              record: toApplication(r),
              verdict: run(profile, {
                referenceDate: campaign.referenceDate as LocalDate.LocalDate,
                targetRole: r.row.targetRole ?? undefined,
              }),
            })
          }
          return out
        })
      }),
  }

  // ------------------------------------------------------------------------------------------ checks

  function checkChannels(
    scheme: Scheme.Scheme,
    channels: ReadonlyArray<Scheme.Channel>,
    schemeId: string,
  ): void {
    if (channels.length === 0)
      abort(
        conflict("campaign", schemeId, "no_channel", {
          zh: "至少开放一个报名（推荐）渠道",
          en: "open at least one channel",
        }),
      )
    if (scheme.channels._tag !== "Cited") return
    const allowed = new Set<string>(scheme.channels.value)
    const bad = channels.filter((c) => !allowed.has(c))
    if (bad.length > 0)
      abort(
        conflict("campaign", schemeId, "channel_not_in_scheme", {
          zh: `方案未规定以下渠道：${bad.map((c) => CHANNEL_ZH[c]).join("、")}`,
          en: `the scheme does not provide these channels: ${bad.join(", ")}`,
        }),
      )
  }

  function checkOverrides(scheme: Scheme.Scheme, overrides: Readonly<Record<string, string>>): void {
    const ids = new Set(scheme.stages.map((s) => s.id))
    const unknownIds = Object.keys(overrides).filter((k) => !ids.has(k))
    if (unknownIds.length > 0)
      abort(
        conflict("campaign", scheme.id, "unknown_stage", {
          zh: `方案中没有这些环节：${unknownIds.join("、")}`,
          en: `the scheme has no such stages: ${unknownIds.join(", ")}`,
        }),
      )
  }

  async function checkPosts(
    tx: Tx,
    actor: Access.Actor,
    postIds: ReadonlyArray<string>,
    campaignPath: string,
  ): Promise<void> {
    if (postIds.length === 0) return
    const rows = await tx
      .select({ id: posts.id, path: regions.path })
      .from(posts)
      .innerJoin(regions, eq(posts.regionId, regions.id))
      .where(inArray(posts.id, [...postIds]))
    const found = new Map(rows.map((r) => [r.id, r.path]))
    for (const id of postIds) {
      const path = found.get(id)
      // A post must lie within the campaign's region and the caller's scope.
      if (path === undefined || !path.startsWith(campaignPath) || !Access.seesRegion(actor, path))
        abort(notFound("post", id))
    }
  }

  async function checkAppointPost(tx: Tx, locked: Locked, postId: string): Promise<void> {
    const listed = locked.campaign.postIds
    if (listed.length > 0 && !listed.includes(postId))
      abort(
        conflict("application", postId, "post_not_in_campaign", {
          zh: "该岗位不在本批次的选派岗位中",
          en: "the post is not one of this campaign's posts",
        }),
      )
    const [p] = await tx.select().from(posts).where(eq(posts.id, postId)).for("update")
    if (p === undefined) abort(notFound("post", postId))
    else if (p.status !== "vacant")
      abort(
        conflict("post", postId, "post_not_vacant", {
          zh: `岗位“${p.title}”不空缺，不能任职`,
          en: `the post "${p.title}" is not vacant`,
        }),
      )
  }

  async function vacatePost(
    tx: Tx,
    ctx: CommandContext,
    locked: Locked,
    applicationId: string,
    postId: string,
  ): Promise<void> {
    const [placed] = await tx
      .select({ id: placements.id })
      .from(placements)
      .where(eq(placements.applicationId, applicationId))
    if (placed !== undefined)
      abort(
        conflict("application", applicationId, "already_placed", {
          zh: "已据此任职作出任职安排，不能退回；如需变更，请在在岗管理中办理调整或召回",
          en: "a placement has been made from this appointment, so it cannot be returned; adjust or recall the placement instead",
        }),
      )
    await tx
      .update(posts)
      .set({ status: "vacant", version: sql`${posts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(posts.id, postId), eq(posts.status, "filled")))
    await writeAudit(tx, ctx, {
      action: "post.vacate",
      entity: "post",
      entityId: postId,
      regionPath: locked.campaign.regionPath,
      before: { status: "filled", applicationId },
      after: { status: "vacant", campaignId: locked.campaign.id },
    })
  }

  async function fillPost(tx: Tx, ctx: CommandContext, locked: Locked, postId: string): Promise<void> {
    await tx
      .update(posts)
      .set({ status: "filled", version: sql`${posts.version} + 1`, updatedAt: new Date() })
      .where(eq(posts.id, postId))
    await writeAudit(tx, ctx, {
      action: "post.fill",
      entity: "post",
      entityId: postId,
      regionPath: locked.campaign.regionPath,
      before: { status: "vacant" },
      after: { status: "filled", campaignId: locked.campaign.id },
    })
  }
}

const STATUS_ZH: Readonly<Record<string, string>> = { draft: "草稿", open: "开放", closed: "已结束" }

const CHANNEL_ZH: Readonly<Record<Scheme.Channel, string>> = {
  self_registration: "个人报名",
  unit_recommendation: "单位推荐",
  organisation_recommendation: "组织推荐",
}
