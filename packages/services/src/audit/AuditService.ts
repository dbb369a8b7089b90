import { type AuditPage, type AuditQuery, auditQueries, Database } from "@cadre/db"
import type { Access } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

/** Audit log reads (writes happen inside each command's transaction). */
export class AuditService extends Effect.Service<AuditService>()("@cadre/services/AuditService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /** Audit rows whose region lies within the actor's scope, newest first, a page at a time. */
    const query = (actor: Access.Actor, q?: AuditQuery): Effect.Effect<AuditPage, Access.Forbidden> =>
      Effect.zipRight(requirePermission(actor, "audit.read"), auditQueries.query(db, actor, q))

    /** Whether the actor may read the log at all (for reads about the log that touch no row). */
    const mayRead = (actor: Access.Actor): Effect.Effect<void, Access.Forbidden> =>
      requirePermission(actor, "audit.read")

    return { query, mayRead } as const
  }),
}) {}
