import { Access } from "@cadre/domain"
import { Effect } from "effect"

/**
 * Authority is decided here, once, by the kernel's predicate: every service method that reads or changes
 * something calls `requirePermission` first. The router resolves who is calling and only translates the
 * refusal (docs/architecture.md, "The path of a request").
 */
export const requirePermission = (
  actor: Access.Actor,
  permission: Access.Permission,
): Effect.Effect<void, Access.Forbidden> =>
  Access.can(actor, permission) ? Effect.void : Effect.fail(Access.forbidden(permission, actor.role))
