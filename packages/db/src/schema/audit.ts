import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core"

/**
 * Append-only audit trail: one row per command, written in the command's transaction. A trigger (migration
 * 0001_triggers) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actorAccountId: text("actor_account_id").notNull(),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** Path of the region the entity belongs to; scoped audit reads filter on it. */
    regionPath: text("region_path").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_actor_idx").on(t.actorAccountId),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_region_path_idx").using("btree", t.regionPath.op("text_pattern_ops")),
  ],
)
