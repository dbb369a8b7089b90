import { sql } from "drizzle-orm"
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core"
import { regions, timestamps, units } from "./regions.js"

/**
 * People (cadres and applicants). The ID number and phone live in their own columns and NOT in `profile`, so that
 * list queries can mask them in SQL and the whole number never leaves the database unless a read asks for it.
 * `profile` is the kernel Profile, encoded, without `id`, `idNumber` and `phone`. One person per ID number
 * (`people_id_number_unique`); every version of the record is kept in `person_versions`.
 */
export const people = pgTable(
  "people",
  {
    id: text("id").primaryKey(),
    /** The applicant's login account (better-auth user id); null for people entered by staff or demo data. */
    accountId: text("account_id"),
    /** The region whose scope may read this person. */
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    /**
     * The unit the person belongs to (their employer, 工作单位), whose dispatching-unit admin keeps the record
     * (issue 14); null for people of no unit on file (self-registered applicants, the org dept's own entries).
     */
    unitId: text("unit_id").references(() => units.id),
    idNumber: text("id_number").notNull(),
    phone: text("phone"),
    name: text("name").notNull(),
    profile: jsonb("profile").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("people_account_id_unique").on(t.accountId),
    uniqueIndex("people_id_number_unique").on(t.idNumber),
    index("people_region_idx").on(t.regionId),
    index("people_unit_idx").on(t.unitId),
    // The people list's keyset order (issue 19, migration 0017).
    index("people_created_idx").on(t.createdAt, t.id),
  ],
)

/**
 * Every version of a person's record (issue 14): the whole record as it stood after each create, edit or link,
 * with who made it, when, and where it came from (`source`: entered by staff, imported, self-declared). The
 * current record stays in `people`; `changed` lists the profile fields an edit changed. Holds whole ID numbers
 * and phones like `people` does: read only through the services, never listed unmasked.
 */
export const personVersions = pgTable(
  "person_versions",
  {
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    version: integer("version").notNull(),
    source: text("source", { enum: ["entered", "imported", "self_declared"] }).notNull(),
    /** The account that made this version (`system:…` for migrations and the demo). */
    actorAccountId: text("actor_account_id").notNull(),
    actorRole: text("actor_role").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    regionId: text("region_id").notNull(),
    unitId: text("unit_id"),
    idNumber: text("id_number").notNull(),
    phone: text("phone"),
    name: text("name").notNull(),
    profile: jsonb("profile").notNull(),
    /** The fields this version changed (profile fields, `regionId`, `unitId`); empty for the first version. */
    changed: text("changed").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ name: "person_versions_pk", columns: [t.personId, t.version] }),
    check("person_versions_source_check", sql`${t.source} in ('entered', 'imported', 'self_declared')`),
  ],
)

/**
 * Sanctions, investigations and violations recorded against a person by staff (the org dept, the street) or
 * reported in a department's joint-review opinion (issue 13, "facts carry their source"): each row with its source
 * document (文号 or title), date, who recorded it and, for an opinion, the department and the application. Kept
 * apart from the profile, which is the person's to edit; the exclusion rules screen the profile with these rows.
 */
export const conductRecords = pgTable(
  "conduct_records",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    closed: date("closed", { mode: "string" }),
    description: text("description").notNull(),
    document: text("document").notNull(),
    source: text("source", { enum: ["staff", "joint_review"] }).notNull(),
    department: text("department"),
    applicationId: text("application_id"),
    recordedBy: text("recorded_by").notNull(),
    recorderRole: text("recorder_role").notNull(),
    regionPath: text("region_path").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("conduct_records_person_idx").on(t.personId, t.date),
    check("conduct_records_source_check", sql`${t.source} in ('staff', 'joint_review')`),
  ],
)

/**
 * An applicant's unfinished profile (issue 17, "save and return"): the portal form's answers as typed, page by
 * page, before they make a whole kernel Profile. One per account, replaced on each save, removed when the profile is
 * saved whole; older than `DRAFT_KEPT_DAYS` it is no longer offered (and is removed when next read). Nothing reads
 * it but its owner: it is not a record of the person, only their scratch copy.
 */
export const profileDrafts = pgTable("profile_drafts", {
  /** The better-auth user id of the applicant. */
  accountId: text("account_id").primaryKey(),
  /** The form page to return to (`basic`, `party`, … as the portal names its groups). */
  step: text("step").notNull(),
  values: jsonb("values").notNull(),
  savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
})
