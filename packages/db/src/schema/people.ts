import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core"
import { regions, timestamps } from "./regions.js"

/**
 * People (cadres and applicants). The ID number and phone live in their own columns and NOT in `profile`, so that
 * list queries can mask them in SQL and the whole number never leaves the database unless a read asks for it.
 * `profile` is the kernel Profile, encoded, without `id`, `idNumber` and `phone`.
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
  ],
)
