import { sql } from "drizzle-orm"
import {
  bigserial,
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
import { applications } from "./campaigns.js"
import { people } from "./people.js"
import { posts, regions, timestamps, units } from "./regions.js"
import { schemes } from "./schemes.js"

/**
 * In post (issue 5): placements and what happens during them — report submissions, leave and absences,
 * inspections, mentoring, training, assessments with their quota locks, surveys, recall consequences and
 * replacement requests, reserve-pool reviews, and the one-person-one-file archive. As for campaigns, the kernel
 * values (InPost.Placement, InPost.LeaveRequest, InPost.Archive…) are kept whole as JSON in `body`; the columns
 * beside it are what SQL filters, locks and constrains on.
 */

/** Placement states after which nothing more happens (InPost.TERMINAL_PLACEMENT_STATES). */
const OPEN_PLACEMENT = sql`state not in ('returned_to_unit', 'adjusted', 'recalled', 'exited')`

export const placements = pgTable(
  "placements",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id),
    /** The post's region: scoped reads filter on its path. */
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    /** The scheme version the placement was made under, kept for life (no move changes it). */
    schemeId: text("scheme_id").notNull(),
    schemeVersion: integer("scheme_version").notNull(),
    /** The appointed application it was made from; null when the org dept entered it directly. */
    applicationId: text("application_id").references(() => applications.id),
    /** The unit that sent the cadre (002: a unit's penalty after two recalls of its cadres within a year). */
    dispatchingUnitId: text("dispatching_unit_id").references(() => units.id),
    /**
     * The group grade quotas count among (002 名额单列: all first secretaries of the district; 004: cadres of the
     * same kind): derived, never typed in — the scheme in its own region, "<scheme id>@<region path>"
     * (Assessment.quotaGroupKey; issue 13). Quotas count its members by scheme id and region path (queries/quotas.ts).
     */
    quotaGroup: text("quota_group").notNull(),
    state: text("state").notNull(),
    placedOn: date("placed_on", { mode: "string" }).notNull(),
    startedOn: date("started_on", { mode: "string" }),
    /** The current term's end (期满日); the last day in post is the day before. */
    termEnd: date("term_end", { mode: "string" }),
    /** The day it ended early or at exit (InPost Ending.date). */
    endedOn: date("ended_on", { mode: "string" }),
    /**
     * The placement `version` whose report obligations `report_obligations` holds (issue 19); null or behind
     * `version` until they are materialised (placementQueries.syncObligations; a start-up step catches up rows
     * written before migration 0020).
     */
    obligationsVersion: integer("obligations_version"),
    /** After the term (004 晋城 成果运用 二是): training direction, use recommendation, what became of the cadre. */
    outcome: jsonb("outcome"),
    /** InPost.Placement, encoded. */
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("placements_region_idx").on(t.regionId),
    // The keyset of the paged list (placements.list).
    index("placements_placed_on_idx").on(t.placedOn, t.id),
    index("placements_person_idx").on(t.personId),
    index("placements_state_idx").on(t.state),
    index("placements_quota_group_idx").on(t.quotaGroup),
    // A dispatching unit's account sees the placements it dispatched (issue 13, "units see their own").
    index("placements_dispatching_unit_idx").on(t.dispatchingUnitId),
    foreignKey({
      columns: [t.schemeId, t.schemeVersion],
      foreignColumns: [schemes.schemeId, schemes.version],
    }),
    // One placement per application; a post and a person hold one open placement at a time.
    uniqueIndex("placements_application_unique").on(t.applicationId).where(sql`application_id is not null`),
    uniqueIndex("placements_post_open_unique").on(t.postId).where(OPEN_PLACEMENT),
    uniqueIndex("placements_person_open_unique").on(t.personId).where(OPEN_PLACEMENT),
    check(
      "placements_state_check",
      sql`${t.state} in ('placed', 'on_probation', 'probation_extended', 'in_term', 'term_ended', 'returned_to_unit', 'adjusted', 'recalled', 'exited')`,
    ),
  ],
)

/** A report filed against one generated obligation (InPost.ObligationInstance key); never typed in by hand. */
export const reportSubmissions = pgTable(
  "report_submissions",
  {
    id: text("id").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    obligationKey: text("obligation_key").notNull(),
    reportId: text("report_id").notNull(),
    submittedOn: date("submitted_on", { mode: "string" }).notNull(),
    submittedBy: text("submitted_by").notNull(),
    /** InPost.Submission, encoded. */
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("report_submissions_key_unique").on(t.obligationKey),
    index("report_submissions_placement_idx").on(t.placementId),
    // The reports inbox (reports.received) pages by (submitted_on, id).
    index("report_submissions_submitted_idx").on(t.submittedOn, t.id),
  ],
)

/**
 * The dated report obligations a placement still owes (issue 19): one row per InPost.ObligationInstance with a due
 * date and nothing filed against it, for placements that have not ended, so that reports.overdue reads a page of
 * them in (due, key) order instead of generating every placement's obligations. Written with the placement
 * (placementQueries.syncObligations, in the transaction that saves it); a report filed against one deletes its
 * row (trigger `report_obligations_filed`, migration 0020), whoever inserts the submission.
 */
export const reportObligations = pgTable(
  "report_obligations",
  {
    /** InPost.ObligationInstance key: `<placement>/<report id>/<period start>` or `…/term-<n>`. */
    key: text("key").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    reportId: text("report_id").notNull(),
    due: date("due", { mode: "string" }).notNull(),
  },
  (t) => [
    // reports.overdue's keyset: most overdue first is earliest due first, then the key.
    index("report_obligations_due_idx").on(t.due, t.key),
    index("report_obligations_placement_idx").on(t.placementId),
  ],
)

/** 请销假: InPost.LeaveRequest, routed by the scheme's tiers. */
export const leaveRequests = pgTable(
  "leave_requests",
  {
    id: text("id").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    state: text("state").notNull(),
    /** The body the scheme's tier names (host_unit, org_dept…). */
    approver: text("approver").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("leave_requests_placement_idx").on(t.placementId),
    // The leave lists and the approver's inbox (leave.list) page by (from_date, id).
    index("leave_requests_from_idx").on(t.fromDate, t.id),
    check("leave_requests_state_check", sql`${t.state} in ('requested', 'approved', 'refused', 'returned')`),
  ],
)

/** 擅自离岗 and overstays: InPost.Absence. */
export const absences = pgTable(
  "absences",
  {
    id: text("id").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("absences_placement_idx").on(t.placementId)],
)

/**
 * Inspections (巡查 / 查岗 / 谈话 / 走访) AS RECORDS ONLY: who looked, when, what they found. They count in
 * assessment as records. Deliberately absent: compulsory geo check-in, online-time tracking and point rankings —
 * national rules against formalism (2024) forbid making them compulsory, and location trails are sensitive
 * personal data under PIPL (art. 28). No location column exists; one may be added only with the cadre's separate
 * consent recorded beside it.
 */
export const inspections = pgTable(
  "inspections",
  {
    id: text("id").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    date: date("date", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    /** satisfactory (在岗履职正常) / concern (发现问题). */
    outcome: text("outcome").notNull(),
    finding: text("finding").notNull(),
    recordedBy: text("recorded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("inspections_placement_idx").on(t.placementId, t.date),
    check("inspections_kind_check", sql`${t.kind} in ('patrol', 'spot_check', 'talk', 'visit', 'other')`),
    check("inspections_outcome_check", sql`${t.outcome} in ('satisfactory', 'concern')`),
  ],
)

/** 结对帮带: InPost.Pairing; capacity from the mentee's placement's scheme (003 三). */
export const mentoringPairs = pgTable(
  "mentoring_pairs",
  {
    id: text("id").primaryKey(),
    mentorId: text("mentor_id")
      .notNull()
      .references(() => people.id),
    menteeId: text("mentee_id")
      .notNull()
      .references(() => people.id),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("mentoring_pairs_mentor_idx").on(t.mentorId),
    index("mentoring_pairs_placement_idx").on(t.placementId),
  ],
)

/** Training attended: InPost.TrainingRecord. `region_id` is the person's region when recorded (scope). */
export const trainingRecords = pgTable(
  "training_records",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    date: date("date", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    body: jsonb("body").notNull(),
    recordedBy: text("recorded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("training_records_person_idx").on(t.personId, t.date)],
)

/**
 * 一人一档: one archive per person, read-only once `sealed` (003 三). `body` is the kernel's ArchiveHeader (opening,
 * seal, sealed volumes); the entries are rows of `archive_entries`, so filing one never rewrites the file.
 */
export const archives = pgTable("archives", {
  personId: text("person_id")
    .primaryKey()
    .references(() => people.id),
  openedOn: date("opened_on", { mode: "string" }).notNull(),
  sealed: boolean("sealed").notNull().default(false),
  sealedOn: date("sealed_on", { mode: "string" }),
  body: jsonb("body").notNull(),
  version: integer("version").notNull().default(1),
  ...timestamps,
})

/**
 * One entry of a person's archive (InPost.ArchiveEntry) in the volume it was filed in. The file's order is
 * (volume, date, kind_rank, seq): date, then the kind's place in ARCHIVE_KINDS, then arrival.
 */
export const archiveEntries = pgTable(
  "archive_entries",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => archives.personId),
    entryId: text("entry_id").notNull(),
    volume: integer("volume").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    kindRank: integer("kind_rank").notNull(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull(),
    ref: text("ref"),
    citation: jsonb("citation"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("archive_entries_person_entry_idx").on(t.personId, t.entryId),
    index("archive_entries_order_idx").on(t.personId, t.volume, t.date, t.kindRank, t.seq),
  ],
)

/**
 * One person's assessment in one cycle and period (Assessment.GradingRecord). `quota_group` is set when the
 * grade was checked against the scheme's quotas: those rows are what the quota counts.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: text("id").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    cycleId: text("cycle_id").notNull(),
    /** "2026" for a year-end cycle; "2026-H1", "term-1"… for others. */
    period: text("period").notNull(),
    grade: text("grade"),
    quotaGroup: text("quota_group"),
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("assessments_placement_cycle_period_unique").on(t.placementId, t.cycleId, t.period),
    index("assessments_quota_idx").on(t.quotaGroup, t.period),
    check(
      "assessments_grade_check",
      sql`${t.grade} is null or ${t.grade} in ('excellent', 'competent', 'basically_competent', 'incompetent')`,
    ),
  ],
)

/**
 * The lock row of a quota group in one period (QUOTA SAFETY). Grading inserts it if missing (ON CONFLICT DO
 * NOTHING), then takes it `FOR UPDATE` before counting the group's grades, so parallel gradings of one group
 * are serialised and can never pass the quota, on PGlite and on PostgreSQL alike.
 */
export const quotaGroups = pgTable(
  "quota_groups",
  {
    /** The scheme's region (the district whose cadres the quota counts). */
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    groupKey: text("group_key").notNull(),
    period: text("period").notNull(),
    gradings: integer("gradings").notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.regionId, t.groupKey, t.period] })],
)

/** A satisfaction survey's counts (满意度测评) and the triggers it fired, with evidence and clause. */
export const surveys = pgTable(
  "surveys",
  {
    id: text("id").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    year: integer("year").notNull(),
    /** Trigger ids the survey fired (recall / admonish…), for checking a recall's evidence. */
    fired: jsonb("fired").notNull().default([]),
    body: jsonb("body").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("surveys_placement_year_unique").on(t.placementId, t.year)],
)

/**
 * Consequences of a recall (002 三（二）), visible on the person: no awards that year, reserve status removed, no
 * promotion for two years; and the dispatching unit's after two recalls within a year (`unit_id`).
 */
export const personConsequences = pgTable(
  "person_consequences",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    appliesTo: text("applies_to").notNull(),
    unitId: text("unit_id").references(() => units.id),
    consequenceId: text("consequence_id").notNull(),
    effect: text("effect").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    untilDate: date("until_date", { mode: "string" }),
    year: integer("year"),
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("person_consequences_person_idx").on(t.personId),
    index("person_consequences_unit_idx").on(t.unitId),
    check("person_consequences_applies_check", sql`${t.appliesTo} in ('cadre', 'dispatching_unit')`),
  ],
)

/** 重新选派: after a recall the dispatching unit sends a replacement (002 三（二）). */
export const replacementRequests = pgTable(
  "replacement_requests",
  {
    id: text("id").primaryKey(),
    /** The recalled placement. */
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    postId: text("post_id")
      .notNull()
      .references(() => posts.id),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    dispatchingUnitId: text("dispatching_unit_id").references(() => units.id),
    state: text("state").notNull().default("open"),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    filledBy: text("filled_by").references(() => placements.id),
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("replacement_requests_placement_unique").on(t.placementId),
    index("replacement_requests_post_idx").on(t.postId, t.state),
    check("replacement_requests_state_check", sql`${t.state} in ('open', 'filled')`),
  ],
)

/** The yearly review of a reserve pool (001 五1, 003 三): composition checked, the unqualified removed. */
export const poolReviews = pgTable(
  "pool_reviews",
  {
    id: text("id").primaryKey(),
    /** The street (or district) whose pool is reviewed. */
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    schemeId: text("scheme_id").notNull(),
    schemeVersion: integer("scheme_version").notNull(),
    year: integer("year").notNull(),
    /** Person ids removed from the pool by this review. */
    removed: jsonb("removed").notNull().default([]),
    body: jsonb("body").notNull(),
    reviewedBy: text("reviewed_by").notNull(),
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pool_reviews_region_scheme_year_unique").on(t.regionId, t.schemeId, t.year),
    foreignKey({
      columns: [t.schemeId, t.schemeVersion],
      foreignColumns: [schemes.schemeId, schemes.version],
    }),
  ],
)
