import { and, count, eq, inArray, type SQL, sql } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Effect } from "effect"
import { applications, campaigns, people, posts, regions } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { keysetAfter, keysetOrder, keyText, type Page, type PageRequest, toPage } from "./keyset.js"

/**
 * The rows of the campaign exports (花名册, 安排表; issue 19 §4): one query per batch, by keyset on the campaign's
 * (created_at, id) index, reading only the profile and application fields the sheets print through jsonb paths —
 * no profile or application document is decoded, no query per row. The caller's scope arrives as the SQL filter of
 * `applicationQueries.applicationVisibleTo` (it names the tables `regions` and `app_region`, joined here the same
 * way). Phones come masked from SQL.
 */

/** One application as the exports read it: plain fields, as stored (codes, ISO dates). */
export interface ExportRow {
  readonly id: string
  readonly state: string
  readonly channel: string | null
  readonly postId: string | null
  readonly name: string
  readonly sex: string | null
  readonly birthDate: string | null
  readonly ethnicity: string | null
  /** `party._tag` and `party.joined` of the profile. */
  readonly partyTag: string | null
  readonly partyJoined: string | null
  /** The profile's `education` array ({ level, fullTime }…), small. */
  readonly education: ReadonlyArray<{ readonly level: string; readonly fullTime: boolean }>
  readonly rankLevel: string | null
  readonly currentUnit: string | null
  readonly currentPosition: string | null
  readonly phoneMasked: string | null
  readonly recommendingBody: string | null
  readonly verdictOutcome: string | null
  readonly appointedOn: string | null
  readonly reportedInOn: string | null
  readonly postTitle: string | null
  /** The post's community (its region) and street (the region's parent). */
  readonly postRegionName: string | null
  readonly postParentName: string | null
}

/** The application's own region (the same alias name as applicationQueries', which the scope filter names). */
const appRegion = alias(regions, "app_region")
const postRegion = alias(regions, "post_region")
const postParent = alias(regions, "post_parent")

const where = (campaignId: string, visible: SQL, states: ReadonlyArray<string> | undefined) =>
  and(
    eq(applications.campaignId, campaignId),
    visible,
    states === undefined ? undefined : inArray(applications.state, [...states]),
  )

/** How many rows the export of a campaign holds for this caller (the job's total). */
export const countRows = (
  h: Handle,
  campaignId: string,
  visible: SQL,
  states?: ReadonlyArray<string>,
): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: count() })
        .from(applications)
        .innerJoin(campaigns, eq(applications.campaignId, campaigns.id))
        .innerJoin(regions, eq(campaigns.regionId, regions.id))
        .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
        .where(where(campaignId, visible, states)),
      "export.count",
    ),
    ([r]) => Number(r?.n ?? 0),
  )

/** One batch of export rows after `page.after`, oldest first (the roster's order). */
export const batch = (
  h: Handle,
  campaignId: string,
  visible: SQL,
  page: PageRequest,
  states?: ReadonlyArray<string>,
): Effect.Effect<Page<ExportRow>> => {
  const p = people.profile
  const b = applications.body
  return Effect.map(
    q(
      h
        .select({
          id: applications.id,
          key: keyText(applications.createdAt),
          state: applications.state,
          channel: applications.channel,
          postId: applications.postId,
          name: people.name,
          sex: sql<string | null>`${p}->>'sex'`,
          birthDate: sql<string | null>`${p}->>'birthDate'`,
          ethnicity: sql<string | null>`${p}->>'ethnicity'`,
          partyTag: sql<string | null>`${p}#>>'{party,_tag}'`,
          partyJoined: sql<string | null>`${p}#>>'{party,joined}'`,
          education: sql<unknown>`coalesce(${p}->'education', '[]'::jsonb)`,
          rankLevel: sql<string | null>`${p}#>>'{rank,level}'`,
          currentUnit: sql<string | null>`${p}->>'currentUnit'`,
          currentPosition: sql<string | null>`${p}->>'currentPosition'`,
          phoneMasked: sql<
            string | null
          >`case when ${people.phone} is null then null else left(${people.phone}, 3) || repeat('*', greatest(length(${people.phone}) - 7, 0)) || right(${people.phone}, 4) end`,
          recommendingBody: sql<string | null>`${b}#>>'{recommendation,body}'`,
          verdictOutcome: sql<string | null>`${b}#>>'{verdict,outcome}'`,
          appointedOn: sql<string | null>`${b}->>'appointedOn'`,
          reportedInOn: sql<string | null>`${b}->>'reportedInOn'`,
          postTitle: posts.title,
          postRegionName: postRegion.name,
          postParentName: postParent.name,
        })
        .from(applications)
        .innerJoin(campaigns, eq(applications.campaignId, campaigns.id))
        .innerJoin(regions, eq(campaigns.regionId, regions.id))
        .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
        .innerJoin(people, eq(applications.personId, people.id))
        .leftJoin(posts, eq(posts.id, applications.postId))
        .leftJoin(postRegion, eq(postRegion.id, posts.regionId))
        .leftJoin(postParent, eq(postParent.id, postRegion.parentId))
        .where(
          and(
            where(campaignId, visible, states),
            keysetAfter(applications.createdAt, applications.id, "timestamptz", page),
          ),
        )
        .orderBy(...keysetOrder(applications.createdAt, applications.id, page))
        .limit(page.limit + 1),
      "export.batch",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.key, id: r.id }),
        ({ key: _, education, ...r }): ExportRow => ({
          ...r,
          education: Array.isArray(education) ? (education as ExportRow["education"]) : [],
        }),
      ),
  )
}
