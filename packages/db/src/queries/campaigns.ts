import { type Access, Scheme, Selection } from "@cadre/domain"
import { and, asc, count, eq, gt, ilike, inArray, or, type SQL, sql } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, escapeLike, within } from "../internal.js"
import { campaignStateCounts, campaigns, placements, posts, regions, schemes } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { keysetAfter, keysetOrder, keyText, type Page, type PageRequest, toPage } from "./keyset.js"

/**
 * Selection campaigns (选派批次) as stored, with the lookups their commands need (the campaign's region, the
 * scheme version it names, the posts it lists). Rows are decoded through the kernel's Schemas; a row that does not
 * decode is a defect. No permission checks here: the caller's scope arrives as a SQL filter
 * ({@link campaignVisibleTo}).
 */

export interface CampaignRecord {
  readonly id: string
  readonly regionId: string
  readonly regionPath: string
  readonly name: string
  readonly schemeId: string
  readonly schemeVersion: number
  /** The scheme's own name (the version's), for screens: people read names, not scheme ids. */
  readonly schemeName: { readonly zh: string; readonly en: string } | null
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

export type CampaignRow = typeof campaigns.$inferSelect
export type NewCampaignRow = typeof campaigns.$inferInsert
export type CampaignStatus = CampaignRecord["status"]

const ChannelList = Schema.Array(Scheme.Channel)
const Overrides = Schema.Record({ key: Schema.String, value: Schema.String })
const PostIds = Schema.Array(Schema.String)
const SchemeName = Schema.Struct({ zh: Schema.String, en: Schema.String })
/** The name in a scheme body, or null when absent or not the kernel's shape (a name is for show, never a defect). */
const schemeNameOf = (raw: unknown): CampaignRecord["schemeName"] =>
  Schema.is(SchemeName)(raw) ? { zh: raw.zh, en: raw.en } : null

/** A stored campaign row as the record callers use (throws CorruptRow on a row that does not decode). */
export const toCampaign = (
  row: CampaignRow,
  regionPath: string,
  counts: Readonly<Record<string, number>>,
  schemeName: unknown = null,
): CampaignRecord => ({
  id: row.id,
  regionId: row.regionId,
  regionPath,
  name: row.name,
  schemeId: row.schemeId,
  schemeVersion: row.schemeVersion,
  schemeName: schemeNameOf(schemeName),
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
export const campaignVisibleTo = (actor: Access.Actor): SQL => {
  if (actor.role === "applicant" || actor.scopePath.length === 0) return sql`false`
  const own = within(regions.path, actor.scopePath)
  const above = sql`left(${actor.scopePath}, length(${regions.path})) = ${regions.path}`
  return or(own, above) ?? own
}

const selectCampaigns = (h: Handle) =>
  h
    .select({
      row: campaigns,
      path: regions.path,
      schemeName: sql<unknown>`${schemes.body} -> 'name'`,
    })
    .from(campaigns)
    .innerJoin(regions, eq(campaigns.regionId, regions.id))
    .leftJoin(
      schemes,
      and(eq(schemes.schemeId, campaigns.schemeId), eq(schemes.version, campaigns.schemeVersion)),
    )

/** Applications by state for each campaign (kept by a trigger in `campaign_state_counts`, not counted here). */
export const countsByState = (
  h: Handle,
  ids: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, Readonly<Record<string, number>>>> =>
  Effect.gen(function* () {
    const out = new Map<string, Record<string, number>>()
    if (ids.length === 0) return out
    const rows = yield* q(
      h
        .select({
          campaignId: campaignStateCounts.campaignId,
          state: campaignStateCounts.state,
          n: campaignStateCounts.n,
        })
        .from(campaignStateCounts)
        .where(and(inArray(campaignStateCounts.campaignId, [...ids]), gt(campaignStateCounts.n, 0))),
      "campaign.counts",
    )
    for (const r of rows) {
      const m = out.get(r.campaignId) ?? {}
      m[r.state] = r.n
      out.set(r.campaignId, m)
    }
    return out
  })

const withCounts = (
  h: Handle,
  rows: ReadonlyArray<{ readonly row: CampaignRow; readonly path: string; readonly schemeName: unknown }>,
) =>
  Effect.flatMap(
    countsByState(
      h,
      rows.map((r) => r.row.id),
    ),
    (counts) =>
      Effect.sync(() => rows.map((r) => toCampaign(r.row, r.path, counts.get(r.row.id) ?? {}, r.schemeName))),
  )

/** One campaign with its counts, if it passes `visible`. */
export const findCampaign = (
  h: Handle,
  id: string,
  visible: SQL,
): Effect.Effect<CampaignRecord | undefined> =>
  Effect.gen(function* () {
    const rows = yield* q(selectCampaigns(h).where(and(eq(campaigns.id, id), visible)), "campaign.get")
    const [c] = yield* withCounts(h, rows.slice(0, 1))
    return c
  })

/** Campaigns passing `visible` (and of `status` if given), by region then creation, with their counts. */
export const listCampaigns = (
  h: Handle,
  visible: SQL,
  status?: CampaignStatus | undefined,
): Effect.Effect<ReadonlyArray<CampaignRecord>> =>
  Effect.flatMap(
    q(
      selectCampaigns(h)
        .where(and(visible, status === undefined ? undefined : eq(campaigns.status, status)))
        .orderBy(asc(regions.path), asc(campaigns.createdAt)),
      "campaign.list",
    ),
    (rows) => withCounts(h, rows),
  )

/** What campaigns.list filters on besides the caller's sight: status, scheme, a region and beneath, part of a name. */
export interface CampaignFilter {
  readonly status?: CampaignStatus | undefined
  readonly schemeId?: string | undefined
  /** A region's path: campaigns of that region and beneath it. */
  readonly withinPath?: string | undefined
  /** Part of the campaign's name (case-insensitive). */
  readonly name?: string | undefined
}

const campaignListWhere = (visible: SQL, filter: CampaignFilter): SQL | undefined =>
  and(
    visible,
    filter.status === undefined ? undefined : eq(campaigns.status, filter.status),
    filter.schemeId === undefined ? undefined : eq(campaigns.schemeId, filter.schemeId),
    filter.withinPath === undefined ? undefined : within(regions.path, filter.withinPath),
    filter.name === undefined ? undefined : ilike(campaigns.name, `%${escapeLike(filter.name)}%`),
  )

/**
 * One keyset page of the campaigns passing `visible` and the filter, by (created_at, id) — the index
 * `campaigns_created_idx` (migration 0018); newest first when the page asks `desc`. A campaign created while a
 * reader pages sorts before the newest-first reader's cursor (or after the oldest-first one's last row), so it
 * neither repeats a row nor shifts the rows not yet read.
 */
export const pageCampaigns = (
  h: Handle,
  visible: SQL,
  filter: CampaignFilter,
  page: PageRequest,
): Effect.Effect<Page<CampaignRecord>> =>
  Effect.flatMap(
    q(
      h
        .select({ row: campaigns, path: regions.path, createdAtKey: keyText(campaigns.createdAt) })
        .from(campaigns)
        .innerJoin(regions, eq(campaigns.regionId, regions.id))
        .where(
          and(
            campaignListWhere(visible, filter),
            keysetAfter(campaigns.createdAt, campaigns.id, "timestamptz", page),
          ),
        )
        .orderBy(...keysetOrder(campaigns.createdAt, campaigns.id, page))
        .limit(page.limit + 1),
      "campaign.page",
    ),
    (found) => {
      const paged = toPage(
        found,
        page,
        (r) => ({ at: r.createdAtKey, id: r.row.id }),
        (r) => r,
      )
      return Effect.flatMap(schemeNamesOf(h, paged.rows), (names) =>
        Effect.map(
          withCounts(
            h,
            paged.rows.map((r) => ({
              ...r,
              schemeName: names.get(`${r.row.schemeId}\u0000${r.row.schemeVersion}`) ?? null,
            })),
          ),
          (rows) => ({ rows, next: paged.next }),
        ),
      )
    },
  )

/**
 * The names of the scheme versions a page of campaigns keeps, read after the page is cut: joined before the LIMIT,
 * the scheme body (a large jsonb) would be read for every campaign the planner sorts (400 ms at 10,000 campaigns).
 */
const schemeNamesOf = (
  h: Handle,
  rows: ReadonlyArray<{ readonly row: CampaignRow }>,
): Effect.Effect<ReadonlyMap<string, unknown>> => {
  const pairs = [...new Set(rows.map((r) => `${r.row.schemeId}\u0000${r.row.schemeVersion}`))]
  if (pairs.length === 0) return Effect.succeed(new Map())
  return Effect.map(
    q(
      h
        .select({
          schemeId: schemes.schemeId,
          version: schemes.version,
          name: sql<unknown>`${schemes.body} -> 'name'`,
        })
        .from(schemes)
        .where(
          or(
            ...pairs.map((p) => {
              const [id = "", version = "0"] = p.split("\u0000")
              return and(eq(schemes.schemeId, id), eq(schemes.version, Number(version)))
            }),
          ),
        ),
      "campaign.schemeNames",
    ),
    (found) => new Map(found.map((r) => [`${r.schemeId}\u0000${r.version}`, r.name])),
  )
}

/** How many campaigns pass `visible` and the filter (the total beside a page). */
export const countCampaigns = (h: Handle, visible: SQL, filter: CampaignFilter): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: count() })
        .from(campaigns)
        .innerJoin(regions, eq(campaigns.regionId, regions.id))
        .where(campaignListWhere(visible, filter)),
      "campaign.count",
    ),
    ([r]) => r?.n ?? 0,
  )

const openToSelfRegistration = sql`${campaigns.channels} @> '["self_registration"]'::jsonb`

/** Open campaigns that take self-registration, oldest first (counts left empty). */
export const listOpenForSelfRegistration = (h: Handle): Effect.Effect<ReadonlyArray<CampaignRecord>> =>
  Effect.flatMap(
    q(
      selectCampaigns(h)
        .where(and(eq(campaigns.status, "open"), openToSelfRegistration))
        .orderBy(asc(campaigns.createdAt)),
      "campaign.openForApplicants",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toCampaign(r.row, r.path, {}, r.schemeName))),
  )

/** Whether the campaign is open and takes self-registration. */
export const isOpenForSelfRegistration = (h: Handle, id: string): Effect.Effect<boolean> =>
  Effect.map(
    q(
      h
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.id, id), eq(campaigns.status, "open"), openToSelfRegistration)),
      "campaign.open",
    ),
    (rows) => rows.length > 0,
  )

/** The campaign row locked `FOR UPDATE` for the rest of the transaction (counts left empty). */
export const lockCampaign = (tx: Tx, id: string): Effect.Effect<CampaignRecord | undefined> =>
  Effect.flatMap(
    q(selectCampaigns(tx).where(eq(campaigns.id, id)).for("update", { of: campaigns }), "campaign.lock"),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toCampaign(r.row, r.path, {}, r.schemeName))),
  )

/**
 * How many of a campaign's applications are in each state (to tally places and the shortlist): a few rows kept by
 * the trigger, so a move costs the same in a campaign of 10 or 100,000 applications. Read under the campaign's lock.
 */
export const applicationStateCounts = (
  h: Handle,
  campaignId: string,
): Effect.Effect<ReadonlyArray<{ readonly state: Selection.State; readonly count: number }>> =>
  Effect.map(
    q(
      h
        .select({ state: campaignStateCounts.state, count: campaignStateCounts.n })
        .from(campaignStateCounts)
        .where(and(eq(campaignStateCounts.campaignId, campaignId), gt(campaignStateCounts.n, 0))),
      "campaign.stateCounts",
    ),
    (rows) => rows.map((r) => ({ state: r.state as Selection.State, count: r.count })),
  )

export const insertCampaign = (tx: Tx, values: NewCampaignRow): Effect.Effect<void> =>
  Effect.asVoid(q(tx.insert(campaigns).values(values), "campaign.insert"))

/** Change a campaign's columns, bumping its version. */
export const updateCampaign = (
  tx: Tx,
  id: string,
  set: Partial<
    Pick<
      NewCampaignRow,
      | "name"
      | "channels"
      | "places"
      | "referenceDate"
      | "noticeDays"
      | "postIds"
      | "scheduleOverrides"
      | "status"
    >
  >,
): Effect.Effect<void> =>
  Effect.asVoid(
    q(
      tx
        .update(campaigns)
        .set({ ...set, version: sql`${campaigns.version} + 1`, updatedAt: new Date() })
        .where(eq(campaigns.id, id)),
      "campaign.update",
    ),
  )

// ---------------------------------------------------------------------------------------------- lookups

/** A region's row (its path decides what may be run in it). */
export const regionRow = (h: Handle, id: string) =>
  Effect.map(q(h.select().from(regions).where(eq(regions.id, id)), "region.get"), ([r]) => r)

/** A scheme version's status and the path of the region that governs it. */
export const schemeVersionHeader = (
  h: Handle,
  schemeId: string,
  version: number,
): Effect.Effect<{ readonly status: string; readonly path: string } | undefined> =>
  Effect.map(
    q(
      h
        .select({ status: schemes.status, path: regions.path })
        .from(schemes)
        .innerJoin(regions, eq(schemes.regionId, regions.id))
        .where(and(eq(schemes.schemeId, schemeId), eq(schemes.version, version))),
      "scheme.header",
    ),
    ([s]) => s,
  )

/** Names of regions by id. */
export const regionNames = (
  h: Handle,
  ids: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, string>> =>
  ids.length === 0
    ? Effect.succeed(new Map<string, string>())
    : Effect.map(
        q(
          h
            .select({ id: regions.id, name: regions.name })
            .from(regions)
            .where(inArray(regions.id, [...new Set(ids)])),
          "region.names",
        ),
        (rows) => new Map(rows.map((r) => [r.id, r.name])),
      )

/** The region paths of posts (those that exist). */
export const postPaths = (
  h: Handle,
  ids: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, string>> =>
  Effect.map(
    q(
      h
        .select({ id: posts.id, path: regions.path })
        .from(posts)
        .innerJoin(regions, eq(posts.regionId, regions.id))
        .where(inArray(posts.id, [...ids])),
      "post.paths",
    ),
    (rows) => new Map(rows.map((r) => [r.id, r.path])),
  )

export interface PostInfo {
  readonly title: string
  readonly regionName: string
  readonly parentName: string | null
}

/** Posts with their region and the region's parent (street) names, for the arrangement table. */
export const postsInfo = (
  h: Handle,
  ids: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, PostInfo>> => {
  if (ids.length === 0) return Effect.succeed(new Map())
  const parent = alias(regions, "parent_region")
  return Effect.map(
    q(
      h
        .select({ id: posts.id, title: posts.title, regionName: regions.name, parentName: parent.name })
        .from(posts)
        .innerJoin(regions, eq(posts.regionId, regions.id))
        .leftJoin(parent, eq(parent.id, regions.parentId))
        .where(inArray(posts.id, [...new Set(ids)])),
      "post.info",
    ),
    (rows) =>
      new Map(
        rows.map((r) => [r.id, { title: r.title, regionName: r.regionName, parentName: r.parentName }]),
      ),
  )
}

/** A post's row locked `FOR UPDATE` (an appointment fills it). */
export const lockPost = (tx: Tx, id: string) =>
  Effect.map(q(tx.select().from(posts).where(eq(posts.id, id)).for("update"), "post.lock"), ([p]) => p)

/** Mark a post filled. */
export const fillPost = (tx: Tx, id: string): Effect.Effect<void> =>
  Effect.asVoid(
    q(
      tx
        .update(posts)
        .set({ status: "filled", version: sql`${posts.version} + 1`, updatedAt: new Date() })
        .where(eq(posts.id, id)),
      "post.fill",
    ),
  )

/** Give a filled post back (vacant again); a post in another status is left as it is. */
export const vacatePost = (tx: Tx, id: string): Effect.Effect<void> =>
  Effect.asVoid(
    q(
      tx
        .update(posts)
        .set({ status: "vacant", version: sql`${posts.version} + 1`, updatedAt: new Date() })
        .where(and(eq(posts.id, id), eq(posts.status, "filled"))),
      "post.vacate",
    ),
  )

/** Whether a placement was made from the application. */
export const hasPlacement = (h: Handle, applicationId: string): Effect.Effect<boolean> =>
  Effect.map(
    q(
      h.select({ id: placements.id }).from(placements).where(eq(placements.applicationId, applicationId)),
      "placement.ofApplication",
    ),
    (rows) => rows.length > 0,
  )

/**
 * The active communities under a region (its own path included), by id: the communities a reserve pool should
 * cover, those with no nominee included (issue 13; 001 二 原则上每个社区选拔不少于2名).
 */
export const communitiesUnder = (
  h: Handle,
  regionPath: string,
): Effect.Effect<ReadonlyArray<{ readonly id: string; readonly name: string }>> =>
  q(
    h
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .where(
        and(eq(regions.level, "community"), eq(regions.status, "active"), within(regions.path, regionPath)),
      )
      .orderBy(asc(regions.id)),
    "region.communities",
  )
