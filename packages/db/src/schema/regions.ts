import { sql } from "drizzle-orm"
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core"

/** Timestamps every mutable table carries. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}

/**
 * Administrative regions. `path` is the materialised path of `Access.pathOf` ("/310000/310110/…/"); every scoped
 * read filters with `path LIKE scopePath || '%'`, so it is indexed with text_pattern_ops for prefix search.
 * A merged region stays (its history and audit rows point at it) with `status = 'merged'` and `merged_into`.
 */
export const regions = pgTable(
  "regions",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    level: text("level").notNull(),
    parentId: text("parent_id"),
    path: text("path").notNull(),
    status: text("status", { enum: ["active", "merged"] })
      .notNull()
      .default("active"),
    mergedInto: text("merged_into"),
    mergeReason: text("merge_reason"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("regions_path_idx").using("btree", t.path.op("text_pattern_ops")),
    index("regions_parent_idx").on(t.parentId),
    check("regions_status_check", sql`${t.status} in ('active', 'merged')`),
    check(
      "regions_level_check",
      sql`${t.level} in ('province', 'city', 'district', 'street', 'township', 'community', 'village')`,
    ),
  ],
)

/** Units (单位) that dispatch and/or host cadres; `roles` ⊆ {dispatching, host}. */
export const units = pgTable(
  "units",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    roles: text("roles").array().notNull(),
    category: text("category").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  // units.list's keyset by name (issue 19).
  (t) => [index("units_region_idx").on(t.regionId), index("units_name_idx").on(t.name, t.id)],
)

/**
 * A seat to be filled: a community or village secretary post, a host unit's secondment place. `region_id` is always
 * set (the unit's region when the post belongs to a unit) so that scoped reads need one join.
 */
export const posts = pgTable(
  "posts",
  {
    id: text("id").primaryKey(),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
    unitId: text("unit_id").references(() => units.id),
    title: text("title").notNull(),
    status: text("status", { enum: ["vacant", "filled", "closed"] })
      .notNull()
      .default("vacant"),
    /** Where the post was before its region was merged into another (000: a merged residential area). */
    movedFromRegionId: text("moved_from_region_id"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("posts_region_idx").on(t.regionId),
    index("posts_unit_idx").on(t.unitId),
    // The posts list's keyset order (issue 19, migration 0017).
    index("posts_created_idx").on(t.createdAt, t.id),
    check("posts_status_check", sql`${t.status} in ('vacant', 'filled', 'closed')`),
  ],
)
