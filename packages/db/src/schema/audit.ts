import { sql } from "drizzle-orm"
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core"

/**
 * Append-only audit trail: one row per command, written in the command's transaction. A trigger (migration
 * 0001_triggers) refuses UPDATE, DELETE and TRUNCATE.
 *
 * Tamper-evident (migration 0006_security): a BEFORE INSERT trigger locks the chain head (`audit_chain_head`),
 * numbers the row (`seq`, gapless, in commit order), copies the previous row's hash into `prev_hash` and sets
 * `hash` = SHA-256(prev_hash ‖ the row's canonical JSON). Whoever rewrites a row behind the triggers' back breaks
 * the chain there; `verifyAuditChain` finds the first broken link. The three columns are filled by the trigger,
 * never by the application.
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
    /** Position in the hash chain (1, 2, …), set by the trigger. */
    seq: bigint("seq", { mode: "number" }),
    /** The previous row's `hash` ('' for the first row), set by the trigger. */
    prevHash: text("prev_hash"),
    /** SHA-256 (hex) of `prev_hash` and this row's content, set by the trigger. */
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_actor_idx").on(t.actorAccountId),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_region_path_idx").using("btree", t.regionPath.op("text_pattern_ops")),
    uniqueIndex("audit_log_seq_unique").on(t.seq),
  ],
)

/**
 * The head of the audit hash chain: one row (id 1) holding the last row's `seq` and `hash`. The chain trigger
 * takes it FOR UPDATE, so parallel inserts chain one after another (held until their transaction ends).
 */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    id: integer("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [check("audit_chain_head_single_row", sql`${t.id} = 1`)],
)
