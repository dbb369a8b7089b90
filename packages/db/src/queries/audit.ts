import type { Access } from "@cadre/domain"
import { and, desc, eq, gte, lt } from "drizzle-orm"
import type { Effect } from "effect"
import { seesRegionSql } from "../internal.js"
import { auditLog } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/** The audit log as stored (rows are written by each command inside its transaction: `writeAudit`). */

export type AuditEntry = typeof auditLog.$inferSelect

export interface AuditQuery {
  readonly entity?: string | undefined
  readonly entityId?: string | undefined
  readonly actorAccountId?: string | undefined
  /** Inclusive lower bound. */
  readonly from?: Date | undefined
  /** Exclusive upper bound. */
  readonly to?: Date | undefined
  readonly limit?: number | undefined
}

/** Audit rows whose region lies within the actor's scope, newest first. */
export const query = (
  h: Handle,
  actor: Access.Actor,
  filter?: AuditQuery,
): Effect.Effect<ReadonlyArray<AuditEntry>> =>
  q(
    h
      .select()
      .from(auditLog)
      .where(
        and(
          seesRegionSql(actor, auditLog.regionPath),
          filter?.entity === undefined ? undefined : eq(auditLog.entity, filter.entity),
          filter?.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
          filter?.actorAccountId === undefined
            ? undefined
            : eq(auditLog.actorAccountId, filter.actorAccountId),
          filter?.from === undefined ? undefined : gte(auditLog.at, filter.from),
          filter?.to === undefined ? undefined : lt(auditLog.at, filter.to),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(Math.min(Math.max(filter?.limit ?? 200, 1), 1000)),
    "audit.query",
  )
