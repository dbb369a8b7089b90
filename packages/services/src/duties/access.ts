import { type Db, type NotFound, notFound, placementQueries } from "@cadre/db"
import type { Access, Text } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

/** What the duty services share: who may read and write, and reading a placement the caller sees. */

export type PlacementRecord = placementQueries.PlacementRecord

export const t = (zh: string, en: string): Text => ({ zh, en })

/** A placement the actor sees, or NotFound. */
export const visiblePlacement = (
  db: Db,
  actor: Access.Actor,
  id: string,
): Effect.Effect<PlacementRecord, NotFound> =>
  Effect.flatMap(placementQueries.readPlacement(db, actor, id), (r) =>
    r === undefined ? Effect.fail(notFound("placement", id)) : Effect.succeed(r),
  )

/** Staff read with placement.read; a cadre reads their own with placement.own. */
export const requireRead = (actor: Access.Actor) =>
  requirePermission(actor, actor.role === "applicant" ? "placement.own" : "placement.read")

/** A cadre's own command (placement.own; the scope test keeps them to their own) or a staff command. */
export const requireWrite = (actor: Access.Actor) =>
  requirePermission(actor, actor.role === "applicant" ? "placement.own" : "placement.manage")
