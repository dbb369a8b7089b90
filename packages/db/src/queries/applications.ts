import type { Access, Person, Scheme } from "@cadre/domain"
import { Selection } from "@cadre/domain"
import { and, asc, count, eq, inArray, notInArray, or, type SQL, sql } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { anyOf, decodeRow, within } from "../internal.js"
import { applications, campaigns, people, posts, regions } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { keysetAfter, keysetOrder, keyText, type Page, type PageRequest, toPage } from "./keyset.js"
import * as conductQueries from "./conduct.js"
import { toRecord as toPersonRecord } from "./people.js"

/**
 * Applications (报名、推荐) as stored: the kernel's Application in `body`, with the columns lists filter on
 * (state, eligibility, channel, the appointed post). Reads join the campaign's region, the application's own
 * region and the person's masked particulars. The caller's scope arrives as a SQL filter
 * ({@link applicationVisibleTo}); no permission checks here.
 */

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
  /**
   * The units the application belongs to (Access.ownUnit): the recommending unit, the person's unit, the host unit
   * of its post; nulls where there is none.
   */
  readonly unitIds: ReadonlyArray<string | null>
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

export interface ApplicationFilter {
  readonly state?: Selection.State | undefined
  readonly eligible?: boolean | undefined
  readonly channel?: Scheme.Channel | undefined
}

const encodeApplication = Schema.encodeSync(Selection.Application)

/** The application's own region (recommending unit's / nominating community's), beside the campaign's. */
const appRegion = alias(regions, "app_region")

const selectApplications = (h: Handle) =>
  h
    .select({
      row: applications,
      createdAtKey: keyText(applications.createdAt),
      appRegionPath: appRegion.path,
      campaignPath: regions.path,
      campaignName: campaigns.name,
      personUnitId: people.unitId,
      hostUnitId: sql<
        string | null
      >`(select ${posts.unitId} from ${posts} where ${posts.id} = ${applications.postId})`,
      person: {
        id: people.id,
        name: people.name,
        // Only the two profile fields a list shows, not the whole jsonb (a profile can run to kilobytes).
        sex: sql<string | null>`${people.profile}->>'sex'`,
        birthDate: sql<string | null>`${people.profile}->>'birthDate'`,
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

/**
 * Access.ownUnit for applications, in SQL: the unit recommended it, or the person is the unit's, or its post is the
 * unit's. True for accounts that are not a unit's.
 */
export const applicationOfUnitSql = (actor: Access.Actor): SQL | undefined => {
  const unit = actor.scope._tag === "UnitScope" ? actor.scope.unitId : null
  if (unit === null) return undefined
  return or(
    eq(applications.recommendingUnitId, unit),
    sql`${applications.personId} in (select ${people.id} from ${people} where ${people.unitId} = ${unit})`,
    sql`${applications.postId} in (select ${posts.id} from ${posts} where ${posts.unitId} = ${unit})`,
  )
}

/**
 * An applicant: their own applications. Staff: the campaign is theirs, or the application's region lies within
 * their scope; a unit account moreover only its own unit's (Access.seesApplication).
 */
export const applicationVisibleTo = (actor: Access.Actor): SQL => {
  if (actor.role === "applicant") {
    const pid = actor.scope._tag === "SelfScope" ? actor.scope.personId : null
    return pid === null ? sql`false` : eq(applications.personId, pid)
  }
  const own = within(regions.path, actor.scopePath)
  const part = within(appRegion.path, actor.scopePath)
  const inRegion = or(own, part) ?? own
  return and(inRegion, applicationOfUnitSql(actor)) ?? inRegion
}

type AppRow = Awaited<ReturnType<ReturnType<typeof selectApplications>["where"]>>[number]

const toApplication = (r: AppRow): ApplicationRecord => {
  const application = decodeRow(Selection.Application, "applications", r.row.id, r.row.body)
  return {
    application,
    campaignId: r.row.campaignId,
    regionId: r.row.regionId,
    regionPath: r.appRegionPath,
    campaignPath: r.campaignPath,
    campaignName: r.campaignName,
    targetRole: r.row.targetRole,
    unitIds: [r.row.recommendingUnitId, r.personUnitId, r.hostUnitId],
    version: r.row.version,
    person: {
      id: r.person.id,
      name: r.person.name,
      sex: r.person.sex ?? "",
      birthDate: r.person.birthDate ?? "",
      idNumberMasked: r.person.idNumberMasked,
      phoneMasked: r.person.phoneMasked,
    },
  }
}

const decodeAll = (rows: ReadonlyArray<AppRow>) => Effect.sync(() => rows.map(toApplication))

/** One application, if it passes `visible`. */
export const findApplication = (
  h: Handle,
  id: string,
  visible: SQL,
): Effect.Effect<ApplicationRecord | undefined> =>
  Effect.flatMap(
    q(selectApplications(h).where(and(eq(applications.id, id), visible)), "application.get"),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toApplication(r))),
  )

const filtered = (campaignId: string, visible: SQL, filter: ApplicationFilter): SQL | undefined =>
  and(
    eq(applications.campaignId, campaignId),
    visible,
    filter.state === undefined ? undefined : eq(applications.state, filter.state),
    filter.eligible === undefined ? undefined : eq(applications.eligible, filter.eligible),
    filter.channel === undefined ? undefined : eq(applications.channel, filter.channel),
  )

/**
 * Every application of a campaign passing `visible` and the filter, oldest first. Unbounded: only for the whole-
 * campaign computations that still need every row (ranking, the roster export); lists use {@link pageApplications}.
 */
export const listApplications = (
  h: Handle,
  campaignId: string,
  visible: SQL,
  filter: ApplicationFilter = {},
): Effect.Effect<ReadonlyArray<ApplicationRecord>> =>
  Effect.flatMap(
    q(
      selectApplications(h)
        .where(filtered(campaignId, visible, filter))
        .orderBy(asc(applications.createdAt), asc(applications.id)),
      "application.list",
    ),
    decodeAll,
  )

/**
 * One page of a campaign's applications by keyset on (created_at, id) — the index
 * `applications_campaign_created_idx` — so a page costs the same on the first and the thousandth page, and rows
 * inserted meanwhile neither repeat nor shift what the caller has not yet seen (new rows sort last).
 */
export const pageApplications = (
  h: Handle,
  campaignId: string,
  visible: SQL,
  filter: ApplicationFilter,
  page: PageRequest,
): Effect.Effect<Page<ApplicationRecord>> =>
  Effect.map(
    q(
      selectApplications(h)
        .where(
          and(
            filtered(campaignId, visible, filter),
            keysetAfter(applications.createdAt, applications.id, "timestamptz", page),
          ),
        )
        .orderBy(...keysetOrder(applications.createdAt, applications.id, page))
        .limit(page.limit + 1),
      "application.page",
    ),
    (found) => toPage(found, page, (r) => ({ at: r.createdAtKey, id: r.row.id }), toApplication),
  )

/** How many applications of a campaign pass `visible` and the filter (the total a paged list shows). */
export const countApplications = (
  h: Handle,
  campaignId: string,
  visible: SQL,
  filter: ApplicationFilter = {},
): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: count() })
        .from(applications)
        .innerJoin(campaigns, eq(applications.campaignId, campaigns.id))
        .innerJoin(regions, eq(campaigns.regionId, regions.id))
        .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
        .where(filtered(campaignId, visible, filter)),
      "application.count",
    ),
    ([r]) => r?.n ?? 0,
  )

/**
 * Applications by state for each campaign, counting only those passing `visible`: a partial view's counts (a unit
 * account's — issue 13, a campaign's counts must not reveal other units' applications). Whole views read the kept
 * counts (campaignQueries.countsByState) instead.
 */
export const countsByStateVisible = (
  h: Handle,
  ids: ReadonlyArray<string>,
  visible: SQL,
): Effect.Effect<ReadonlyMap<string, Readonly<Record<string, number>>>> =>
  Effect.gen(function* () {
    const out = new Map<string, Record<string, number>>()
    if (ids.length === 0) return out
    const rows = yield* q(
      h
        .select({ campaignId: applications.campaignId, state: applications.state, n: count() })
        .from(applications)
        .innerJoin(campaigns, eq(applications.campaignId, campaigns.id))
        .innerJoin(regions, eq(campaigns.regionId, regions.id))
        .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
        .where(and(inArray(applications.campaignId, [...ids]), visible))
        .groupBy(applications.campaignId, applications.state),
      "application.countsVisible",
    )
    for (const r of rows) {
      const m = out.get(r.campaignId) ?? {}
      m[r.state] = r.n
      out.set(r.campaignId, m)
    }
    return out
  })

/** Every application passing `visible` (an applicant's own), oldest first. */
export const listVisibleApplications = (
  h: Handle,
  visible: SQL,
): Effect.Effect<ReadonlyArray<ApplicationRecord>> =>
  Effect.flatMap(
    q(selectApplications(h).where(visible).orderBy(asc(applications.createdAt)), "application.mine"),
    decodeAll,
  )

/** A campaign's applications passing `visible`, in storage order (what-if screening). */
export const campaignApplications = (
  h: Handle,
  campaignId: string,
  visible: SQL,
): Effect.Effect<ReadonlyArray<ApplicationRecord>> =>
  Effect.flatMap(
    q(selectApplications(h).where(and(eq(applications.campaignId, campaignId), visible)), "campaign.whatIf"),
    decodeAll,
  )

/** The application's version and body, locked `FOR UPDATE` (re-read under the campaign's lock). */
export const lockApplication = (
  tx: Tx,
  id: string,
): Effect.Effect<{ readonly version: number; readonly application: Selection.Application } | undefined> =>
  Effect.flatMap(
    q(
      tx
        .select({ version: applications.version, body: applications.body })
        .from(applications)
        .where(eq(applications.id, id))
        .for("update"),
      "application.lock",
    ),
    ([row]) =>
      Effect.sync(() =>
        row === undefined
          ? undefined
          : {
              version: row.version,
              application: decodeRow(Selection.Application, "applications", id, row.body),
            },
      ),
  )

export const insertApplication = (
  tx: Tx,
  values: {
    readonly application: Selection.Application
    readonly regionId: string
    readonly channel: Scheme.Channel
    readonly targetRole: string | null
    readonly eligible: boolean
    /** The unit whose account recommended the person (null: no unit account). */
    readonly recommendingUnitId?: string | null | undefined
  },
): Effect.Effect<void> => {
  const app = values.application
  return Effect.asVoid(
    q(
      tx.insert(applications).values({
        id: app.id,
        campaignId: app.campaignId,
        personId: app.personId,
        regionId: values.regionId,
        recommendingUnitId: values.recommendingUnitId ?? null,
        state: app.state,
        channel: values.channel,
        targetRole: values.targetRole,
        eligible: values.eligible,
        body: encodeApplication(app),
      }),
      "application.insert",
    ),
  )
}

/** Write the application's new state over the version read under the lock (it cannot have changed). */
export const saveApplication = (
  tx: Tx,
  app: Selection.Application,
  expectedVersion: number,
): Effect.Effect<void> =>
  Effect.flatMap(
    q(
      tx
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
        .returning({ id: applications.id }),
      "application.save",
    ),
    (updated) =>
      updated.length === 0
        ? Effect.die(new Error("application row changed inside its own lock"))
        : Effect.void,
  )

// ---------------------------------------------------------------------------------------------- people

/** A person's region id and path. */
export const personRegion = (
  h: Handle,
  personId: string,
): Effect.Effect<
  { readonly regionId: string; readonly path: string; readonly unitId: string | null } | undefined
> =>
  Effect.map(
    q(
      h
        .select({ regionId: people.regionId, path: regions.path, unitId: people.unitId })
        .from(people)
        .innerJoin(regions, eq(people.regionId, regions.id))
        .where(eq(people.id, personId)),
      "person.region",
    ),
    ([p]) => p,
  )

const selectPeople = (h: Handle) =>
  h
    .select({ person: people, path: regions.path })
    .from(people)
    .innerJoin(regions, eq(people.regionId, regions.id))

/** A person's whole kernel profile (ID number and phone unmasked): for screening and server-side rendering. */
export const profileOf = (h: Handle, personId: string): Effect.Effect<Person.Profile | undefined> =>
  Effect.flatMap(q(selectPeople(h).where(eq(people.id, personId)), "person.profile"), ([p]) =>
    p === undefined
      ? Effect.succeed(undefined)
      : Effect.map(
          Effect.flatMap(
            Effect.sync(() => toPersonRecord(p.person, p.path).profile),
            (profile) => conductQueries.screened(h, [profile]),
          ),
          ([profile]) => profile,
        ),
  )

/** Whole kernel profiles of people by id (those that exist). */
export const profilesOf = (
  h: Handle,
  ids: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, Person.Profile>> =>
  ids.length === 0
    ? Effect.succeed(new Map())
    : Effect.flatMap(q(selectPeople(h).where(anyOf(people.id, ids)), "person.profiles"), (rows) =>
        Effect.map(
          Effect.flatMap(
            Effect.sync(() => rows.map((p) => toPersonRecord(p.person, p.path).profile)),
            (profiles) => conductQueries.screened(h, profiles),
          ),
          (profiles) => new Map(profiles.map((p) => [p.id, p])),
        ),
      )

/** A nominee of a reserve-pool campaign as the pool gate reads them (Pool.PoolEntry's facts, nothing else). */
export interface PoolNomineeRow {
  readonly applicationId: string
  readonly personId: string
  readonly targetRole: string | null
  readonly regionId: string
  readonly regionName: string
  readonly birthDate: string
}

/**
 * The nominees of a campaign still in the running (every state but withdrawn and rejected — a "not approved"
 * decision rejects), each with the community applied in and the birth date: what a pool campaign's decision is
 * gated on (Pool.gateDecision). One row per application, five columns, no profile decoded; a reserve-pool campaign
 * is one street's nominees.
 */
export const poolNominees = (h: Handle, campaignId: string): Effect.Effect<ReadonlyArray<PoolNomineeRow>> =>
  Effect.map(
    q(
      h
        .select({
          applicationId: applications.id,
          personId: applications.personId,
          targetRole: applications.targetRole,
          regionId: applications.regionId,
          regionName: regions.name,
          birthDate: sql<string | null>`${people.profile}->>'birthDate'`,
        })
        .from(applications)
        .innerJoin(regions, eq(regions.id, applications.regionId))
        .innerJoin(people, eq(people.id, applications.personId))
        .where(
          and(
            eq(applications.campaignId, campaignId),
            notInArray(applications.state, [...Selection.TERMINAL]),
          ),
        )
        .orderBy(asc(applications.createdAt), asc(applications.id)),
      "application.pool_nominees",
    ),
    (rows) => rows.map((r) => ({ ...r, birthDate: r.birthDate ?? "" })),
  )
