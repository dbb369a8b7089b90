import type { Access } from "@cadre/domain"
import { and, desc, eq, gte, lt } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db } from "../database.js"
import type { DatabaseError } from "../errors.js"
import { read, requirePermission, seesRegionSql } from "../internal.js"
import { auditLog } from "../schema/index.js"

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

export interface AuditRepoService {
  /** Audit rows whose region lies within the actor's scope, newest first. */
  readonly query: (
    actor: Access.Actor,
    q?: AuditQuery,
  ) => Effect.Effect<ReadonlyArray<AuditEntry>, Access.Forbidden | DatabaseError>
}

/** Audit log reads (writes happen inside each command's transaction). */
export class AuditRepo extends Context.Tag("@cadre/db/AuditRepo")<AuditRepo, AuditRepoService>() {
  static readonly Live: Layer.Layer<AuditRepo, never, Database> = Layer.effect(
    AuditRepo,
    Effect.map(Database, (d) => makeAuditRepo(d.db)),
  )
}

export const makeAuditRepo = (db: Db): AuditRepoService => ({
  query: (actor, q) =>
    Effect.zipRight(
      requirePermission(actor, "audit.read"),
      read("audit.query", () =>
        db
          .select()
          .from(auditLog)
          .where(
            and(
              seesRegionSql(actor, auditLog.regionPath),
              q?.entity === undefined ? undefined : eq(auditLog.entity, q.entity),
              q?.entityId === undefined ? undefined : eq(auditLog.entityId, q.entityId),
              q?.actorAccountId === undefined ? undefined : eq(auditLog.actorAccountId, q.actorAccountId),
              q?.from === undefined ? undefined : gte(auditLog.at, q.from),
              q?.to === undefined ? undefined : lt(auditLog.at, q.to),
            ),
          )
          .orderBy(desc(auditLog.id))
          .limit(Math.min(Math.max(q?.limit ?? 200, 1), 1000)),
      ),
    ),
})
