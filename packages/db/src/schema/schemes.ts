import { sql } from "drizzle-orm"
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core"
import { regions } from "./regions.js"

/**
 * One row per scheme version. Published rows are immutable: the repository refuses to change them and a trigger
 * (migration 0001_triggers) refuses any UPDATE or DELETE of a row whose status is 'published'.
 */
export const schemes = pgTable(
  "schemes",
  {
    schemeId: text("scheme_id").notNull(),
    version: integer("version").notNull(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("draft"),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    formatVersion: integer("format_version").notNull(),
    /** The kernel Scheme, encoded. */
    body: jsonb("body").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    publishedBy: text("published_by"),
    /** Optimistic-concurrency counter of the row (drafts change; `version` is the scheme's own number). */
    rowVersion: integer("row_version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.schemeId, t.version] }),
    index("schemes_region_idx").on(t.regionId),
    check("schemes_status_check", sql`${t.status} in ('draft', 'published')`),
    check("schemes_version_check", sql`${t.version} >= 1`),
  ],
)
