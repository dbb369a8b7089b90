import type { Access } from "@cadre/domain"
import { and, desc, eq, getTableColumns, gte, lt, sql } from "drizzle-orm"
import { Effect } from "effect"
import { seesRegionSql } from "../internal.js"
import { auditLog, regions, user } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/** The audit log as stored (rows are written by each command inside its transaction: `writeAudit`). */

export type AuditEntry = typeof auditLog.$inferSelect & {
  /** The acting account's display name (null for a system actor or an account since removed). */
  readonly actorName: string | null
  /** The name of the region the row belongs to (null when no region has that path any more). */
  readonly regionName: string | null
}

export interface AuditQuery {
  readonly entity?: string | undefined
  readonly entityId?: string | undefined
  readonly actorAccountId?: string | undefined
  /** Inclusive lower bound. */
  readonly from?: Date | undefined
  /** Exclusive upper bound. */
  readonly to?: Date | undefined
  /** Rows per page (1–1000, default 50). */
  readonly limit?: number | undefined
  /** The page after the row with this id (the previous page's last): older rows only. */
  readonly beforeId?: number | undefined
}

/** A page of the audit log, newest first; `next` is the last row's id when older rows follow. */
export interface AuditPage {
  readonly rows: ReadonlyArray<AuditEntry>
  readonly next: AuditEntry | null
}

/**
 * Audit rows whose region lies within the actor's scope, newest first, a page at a time: a keyset on the id (the
 * order rows were written in), so the millionth row costs what the first does.
 */
export const query = (h: Handle, actor: Access.Actor, filter?: AuditQuery): Effect.Effect<AuditPage> => {
  const limit = Math.min(Math.max(filter?.limit ?? 50, 1), 1000)
  return Effect.map(
    q(
      h
        .select({
          ...getTableColumns(auditLog),
          actorName: sql<
            string | null
          >`(select ${user.name} from ${user} where ${user.id} = ${auditLog.actorAccountId})`,
          regionName: sql<
            string | null
          >`(select ${regions.name} from ${regions} where ${regions.path} = ${auditLog.regionPath} limit 1)`,
        })
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
            filter?.beforeId === undefined ? undefined : lt(auditLog.id, filter.beforeId),
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(limit + 1),
      "audit.query",
    ),
    (found) => {
      const rows = found.slice(0, limit)
      return { rows, next: found.length > limit ? (rows.at(-1) ?? null) : null }
    },
  )
}
