import { sql } from "drizzle-orm"
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core"
import { user } from "./auth.js"
import { regions, units } from "./regions.js"

const tz = { withTimezone: true, mode: "date" } as const

/**
 * Our side of an account: its role and scope (Access.Role, Access.Scope). `scope_path` is the scope region's
 * materialised path, copied here so that resolving an actor needs no join; empty for applicants.
 */
export const accountRoles = pgTable(
  "account_roles",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    scopeKind: text("scope_kind", { enum: ["region", "unit", "self"] }).notNull(),
    regionId: text("region_id").references(() => regions.id),
    unitId: text("unit_id").references(() => units.id),
    scopePath: text("scope_path").notNull().default(""),
    active: boolean("active").notNull().default(true),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    index("account_roles_user_idx").on(t.userId),
    index("account_roles_scope_path_idx").using("btree", t.scopePath.op("text_pattern_ops")),
    check(
      "account_roles_role_check",
      sql`${t.role} in ('org_dept_admin', 'street_admin', 'dispatching_unit_admin', 'host_unit_admin', 'reviewer', 'applicant', 'integrator')`,
    ),
    check("account_roles_scope_kind_check", sql`${t.scopeKind} in ('region', 'unit', 'self')`),
  ],
)

/** API tokens of integrator accounts. Only the SHA-256 of the token is stored; `prefix` is shown to tell them apart. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", tz),
    revokedAt: timestamp("revoked_at", tz),
    expiresAt: timestamp("expires_at", tz),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
)

/**
 * Sign-in attempts, for throttling and lockout: per identifier (the e-mail or account name tried) and per client
 * IP (`ip`: the socket address, or the first x-forwarded-for hop behind a trusted proxy).
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    identifier: text("identifier").notNull(),
    at: timestamp("at", tz).notNull().defaultNow(),
    success: boolean("success").notNull(),
    ip: text("ip"),
  },
  (t) => [
    index("login_attempts_identifier_at_idx").on(t.identifier, t.at),
    index("login_attempts_ip_at_idx").on(t.ip, t.at),
  ],
)

/**
 * Atomic counters for the sign-in, registration and phone-code limits (issue 15). One row per key (e.g.
 * `signin:ip:203.0.113.7`); a hit is ONE statement, `INSERT … ON CONFLICT (key) DO UPDATE SET count = count + 1
 * RETURNING count` (restarting the window once `window_start` is older than the window), taken BEFORE the password
 * or code is checked, so parallel requests cannot all read the same old count. Identifiers (e-mails, phones) appear
 * only as SHA-256 in keys.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", tz).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [index("rate_limits_window_start_idx").on(t.windowStart)],
)

/**
 * Idempotency keys (issue 15): the first answer to a command sent with an `Idempotency-Key` header, kept per
 * account and key with a hash of the request, so a retry gets that answer instead of running the command again.
 * `state` running (the first request is being answered) or done (`status` and `body` hold the answer). Rows live
 * until `expires_at` (24 h) and are purged as new keys arrive.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    accountId: text("account_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 (hex) of method, path and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["running", "done"] }).notNull(),
    /** Who holds the running claim (a random id): only that request stores its answer or gives the key back. */
    claimId: text("claim_id").notNull(),
    status: integer("status"),
    body: text("body"),
    startedAt: timestamp("started_at", tz).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", tz).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.key] }),
    index("idempotency_keys_expires_idx").on(t.expiresAt),
    check("idempotency_keys_state_check", sql`${t.state} in ('running', 'done')`),
  ],
)
