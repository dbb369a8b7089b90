import { sql } from "drizzle-orm"
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core"
import { placements } from "./inpost.js"
import { people } from "./people.js"
import { regions, timestamps } from "./regions.js"
import { schemes } from "./schemes.js"

/**
 * Scores and evaluations of cadres in post (issue 5), besides the graded assessments of `inpost.ts`:
 * - 004 淮上 目标考核 三是: the 100-point score sheet at half-year, year-end and term-end (`score`);
 * - 003 四: the half-year report-back scored by the panel (`report_back`), the star rating (`stars`), the four
 *   evaluations in the scheme's order (`four_evaluations`, one row filled part by part);
 * - 003 三 深化分类管理: the secretary's type 示范/骨干/潜力/守摊 (`secretary_type`).
 * The kernel's result is kept whole in `body` (Assessment.ScoreResult, PanelResult, StarResult, EvaluationRecord,
 * Classification, encoded); the columns beside it are what SQL filters and constrains on.
 *
 * And the reserve pipeline of 003 一 拓源储备一批 (`reserve_members`): community workers entered as reserves for the
 * community committees, the best of them moved on to secretary reserves; removed at the yearly review (001 五1).
 */

export const evaluations = pgTable(
  "evaluations",
  {
    id: text("id").primaryKey(),
    placementId: text("placement_id")
      .notNull()
      .references(() => placements.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind").notNull(),
    /** The scheme's cycle for a score sheet ("half_year", "year_end", "term_end"); '' for the other kinds. */
    cycleId: text("cycle_id").notNull().default(""),
    /** "2026-H1" for a half-year, "2026" for a year, "term-1" for a term's end. */
    period: text("period").notNull(),
    /** A score sheet's total or a star rating's score, in hundredths of a point (exact); null otherwise. */
    pointsHundredths: integer("points_hundredths"),
    /** The result's class: a grade (score), a star count (stars), a type (secretary_type); null when undetermined. */
    outcome: text("outcome"),
    body: jsonb("body").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("evaluations_placement_kind_period_unique").on(t.placementId, t.kind, t.cycleId, t.period),
    index("evaluations_person_idx").on(t.personId),
    check(
      "evaluations_kind_check",
      sql`${t.kind} in ('score', 'report_back', 'stars', 'four_evaluations', 'secretary_type')`,
    ),
  ],
)

export const reserveMembers = pgTable(
  "reserve_members",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    /** The community whose reserve the person is (scoped reads filter on its path). */
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    schemeId: text("scheme_id").notNull(),
    schemeVersion: integer("scheme_version").notNull(),
    /** The pool role the person holds now (003: committee_reserve, secretary_reserve, secretary_assistant). */
    role: text("role").notNull(),
    state: text("state").notNull().default("active"),
    enteredOn: date("entered_on", { mode: "string" }).notNull(),
    leftOn: date("left_on", { mode: "string" }),
    /** Each step with its date, basis and who recorded it. */
    body: jsonb("body").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // (community, id): the keyset order of reserves.list (issue 19), and the community filter.
    index("reserve_members_region_id_idx").on(t.regionId, t.id),
    // A person is in one scheme's pool once at a time.
    uniqueIndex("reserve_members_active_unique").on(t.personId, t.schemeId).where(sql`state = 'active'`),
    foreignKey({
      columns: [t.schemeId, t.schemeVersion],
      foreignColumns: [schemes.schemeId, schemes.version],
    }),
    check("reserve_members_state_check", sql`${t.state} in ('active', 'removed')`),
  ],
)
