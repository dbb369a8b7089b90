import { sql } from "drizzle-orm"
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core"
import { people } from "./people.js"
import { posts, regions, timestamps, units } from "./regions.js"
import { schemes } from "./schemes.js"

/**
 * Selection campaigns (选派批次), their applications, review tasks, and the working-day calendar years admins enter.
 * The kernel values (Selection.Application, Selection.Task, Calendar.CalendarYear) are kept whole as JSON in `body`;
 * the columns beside it are what SQL filters, locks and constrains on.
 */

export const campaigns = pgTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    name: text("name").notNull(),
    /** The published scheme version the campaign keeps for its whole life. */
    schemeId: text("scheme_id").notNull(),
    schemeVersion: integer("scheme_version").notNull(),
    status: text("status", { enum: ["draft", "open", "closed"] })
      .notNull()
      .default("draft"),
    /** Open channels (a subset of the scheme's), as a JSON array. */
    channels: jsonb("channels").notNull(),
    places: integer("places").notNull(),
    /** The year stage deadlines are resolved in (yearOffset 0). */
    startYear: integer("start_year").notNull(),
    /** Screening's reference date (计算基准日). */
    referenceDate: date("reference_date", { mode: "string" }).notNull(),
    /** stageId → date: the campaign's adjustments of the scheme's deadlines. */
    scheduleOverrides: jsonb("schedule_overrides").notNull().default({}),
    /** Working days of the public notice (公示期). */
    noticeDays: integer("notice_days").notNull().default(5),
    /** The committee that decides (部务会, 常委会, 街道党工委会议). */
    decidingBody: text("deciding_body").notNull(),
    /** Post ids the campaign fills (may be empty when places are counted without posts, e.g. a reserve pool). */
    postIds: jsonb("post_ids").notNull().default([]),
    createdBy: text("created_by").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("campaigns_region_idx").on(t.regionId),
    // campaigns.list's keyset (issue 19).
    index("campaigns_created_idx").on(t.createdAt, t.id),
    foreignKey({
      columns: [t.schemeId, t.schemeVersion],
      foreignColumns: [schemes.schemeId, schemes.version],
    }),
    check("campaigns_status_check", sql`${t.status} in ('draft', 'open', 'closed')`),
    check("campaigns_places_check", sql`${t.places} >= 0`),
    check("campaigns_notice_days_check", sql`${t.noticeDays} >= 1`),
  ],
)

export const applications = pgTable(
  "applications",
  {
    id: text("id").primaryKey(),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    /**
     * The region the application belongs to besides the campaign's: the recommending unit's or nominating
     * community's region (a street sees what its communities nominated to a district campaign).
     */
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    /**
     * The unit whose account recommended the person (issue 13, "units see their own": a unit account sees and acts
     * on the applications it recommended, besides those of its own people); null when no unit account did.
     */
    recommendingUnitId: text("recommending_unit_id").references(() => units.id),
    state: text("state").notNull(),
    channel: text("channel"),
    /** For reserve-pool nominations: the role (pool role key) the person is nominated for. */
    targetRole: text("target_role"),
    eligible: boolean("eligible"),
    postId: text("post_id").references(() => posts.id),
    /** Selection.Application, encoded. */
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("applications_campaign_idx").on(t.campaignId, t.state),
    // The keyset of a campaign's paged list (applications.list): first page and thousandth cost the same.
    index("applications_campaign_created_idx").on(t.campaignId, t.createdAt, t.id),
    index("applications_person_idx").on(t.personId),
    // A unit account's paged list of a campaign (its own recommendations), on the same keyset.
    index("applications_recommending_unit_idx").on(t.recommendingUnitId, t.campaignId, t.createdAt, t.id),
    // One application per person per campaign (withdrawn ones included: re-apply by a Return, not a copy).
    uniqueIndex("applications_campaign_person_unique").on(t.campaignId, t.personId),
    // A post holds one appointee: places can never be over-filled, even past the kernel's check.
    uniqueIndex("applications_post_unique")
      .on(t.postId)
      .where(sql`${t.state} in ('appointed', 'reported_in')`),
  ],
)

/**
 * How many applications of each campaign are in each state, kept by a trigger on `applications` (migration 0008):
 * a move counts the places and the shortlist from these few rows under the campaign's lock instead of reading every
 * application of the campaign, and campaign lists show their counts without a group-by over all applications.
 */
export const campaignStateCounts = pgTable(
  "campaign_state_counts",
  {
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    state: text("state").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.state] }),
    check("campaign_state_counts_n_check", sql`${t.n} >= 0`),
  ],
)

export const reviewTasks = pgTable(
  "review_tasks",
  {
    id: text("id").primaryKey(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    step: text("step").notNull(),
    assignee: text("assignee").notNull(),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    dueOn: date("due_on", { mode: "string" }),
    /** Selection.Task, encoded (history of transfers, reminders, handovers). */
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("review_tasks_assignee_idx").on(t.assignee, t.status),
    // tasks.mine's keyset (issue 19): an assignee's open tasks by due date, undated last, then id.
    index("review_tasks_open_due_idx")
      .on(t.assignee, sql`coalesce(${t.dueOn}, 'infinity'::date)`, t.id)
      .where(sql`${t.status} = 'open'`),
    index("review_tasks_application_idx").on(t.applicationId),
    check("review_tasks_status_check", sql`${t.status} in ('open', 'done')`),
  ],
)

/**
 * Years of the national working-day calendar entered by the national operator (`cadre calendar:enter-year`) before
 * the data package knows them; read-only to every account (ADR 0005).
 */
export const calendarYears = pgTable("calendar_years", {
  year: integer("year").primaryKey(),
  /** Calendar.CalendarYear, encoded. */
  body: jsonb("body").notNull(),
  enteredBy: text("entered_by").notNull(),
  enteredAt: timestamp("entered_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
})

/**
 * A region's local working-day adjustments for one year (本地放假、调休), entered by the org dept of that region:
 * they apply to campaigns, placements and leave in the region's subtree (Calendar.withLocalAdjustments). `path`
 * is the region's materialised path, so the adjustments applying at a path are those whose path is one of its
 * ancestors' (or its own).
 */
export const calendarLocalYears = pgTable(
  "calendar_local_years",
  {
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    year: integer("year").notNull(),
    path: text("path").notNull(),
    /** Calendar.LocalAdjustment, encoded. */
    body: jsonb("body").notNull(),
    enteredBy: text("entered_by").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year] }), index("calendar_local_years_path_idx").on(t.path)],
)
