import { schema } from "@cadre/db"
import { Access } from "@cadre/domain"
import { APIError } from "better-auth"
import { and, eq, gt, isNull, or } from "drizzle-orm"
import { Effect, Option, Schema } from "effect"
import { InvalidCredentials, LockedOut, Throttled } from "../errors.js"
import { type AuthDeps, promise } from "./deps.js"
import { keyPart } from "./limits.js"
import { bearerToken, hashToken } from "./tokens.js"
import type { AuthService } from "./types.js"

/**
 * Sign-in and the resolution of a request's credentials (an API token or better-auth's session cookie) into an
 * `Access.Actor`: lockout after repeated failures per identifier and throttling per client IP (atomic counters in
 * rate_limits, taken before the password is checked; every checked attempt is recorded in login_attempts).
 */

const PHONE = /^1\d{10}$/
/** Phone-registered accounts get this synthetic e-mail (better-auth keys users by e-mail). */
const PHONE_EMAIL_DOMAIN = "phone.cadre.invalid"
export const phoneEmail = (phone: string): string => `${phone}@${PHONE_EMAIL_DOMAIN}`

/** "a@b.cn" → itself lower-cased; "13800000000" → its synthetic e-mail. */
export const loginEmail = (identifier: string): string => {
  const id = identifier.trim().toLowerCase()
  return PHONE.test(id) ? phoneEmail(id) : id
}

const decodeActor = Schema.decodeUnknownOption(Access.Actor)

export const makeSignIn = (deps: AuthDeps): Pick<AuthService, "resolveActor" | "login" | "logout"> => {
  const { db, logger, auth, now, limiter, maxFailures, lockMs, maxFailuresPerIp, ipWindowMs } = deps
  const t = schema

  // One query resolves a credential to its actor: the account's active role, its name and (for an applicant) the
  // person record linked to it. A read pays for this on every call, so it is one round trip, not three.
  const actorColumns = { role: t.accountRoles, name: t.user.name, personId: t.people.id }
  type ActorRow = { role: typeof t.accountRoles.$inferSelect; name: string; personId: string | null }

  const actorFrom = (userId: string, row: ActorRow): Access.Actor | null => {
    const r = row.role
    const scope =
      r.scopeKind === "self"
        ? { _tag: "SelfScope", personId: row.personId }
        : r.scopeKind === "unit"
          ? { _tag: "UnitScope", unitId: r.unitId, regionId: r.regionId }
          : { _tag: "RegionScope", regionId: r.regionId }
    // Decoded, not cast: a malformed row (unknown role, missing region) resolves to no actor at all.
    const actor = decodeActor({
      accountId: userId,
      role: r.role,
      scope,
      scopePath: r.scopePath,
      displayName: row.name,
    })
    if (Option.isNone(actor)) {
      logger.error("account_roles row does not decode to an actor", { accountId: userId })
      return null
    }
    return actor.value
  }

  const actorOf = async (userId: string): Promise<Access.Actor | null> => {
    const [row] = await db
      .select(actorColumns)
      .from(t.accountRoles)
      .innerJoin(t.user, eq(t.user.id, t.accountRoles.userId))
      .leftJoin(t.people, eq(t.people.accountId, t.accountRoles.userId))
      .where(and(eq(t.accountRoles.userId, userId), eq(t.accountRoles.active, true)))
      .limit(1)
    return row === undefined ? null : actorFrom(userId, row)
  }

  /** How stale `api_tokens.last_used_at` may get: a token read again within this is not written to again. */
  const LAST_USED_GRAIN_MS = 60_000

  const resolveActor = async (headers: Headers): Promise<Access.Actor | null> => {
    const token = bearerToken(headers)
    if (token !== undefined) {
      const at = now()
      const [row] = await db
        .select({
          ...actorColumns,
          tokenId: t.apiTokens.id,
          userId: t.apiTokens.userId,
          lastUsedAt: t.apiTokens.lastUsedAt,
        })
        .from(t.apiTokens)
        .innerJoin(
          t.accountRoles,
          and(eq(t.accountRoles.userId, t.apiTokens.userId), eq(t.accountRoles.active, true)),
        )
        .innerJoin(t.user, eq(t.user.id, t.apiTokens.userId))
        .leftJoin(t.people, eq(t.people.accountId, t.apiTokens.userId))
        .where(
          and(
            eq(t.apiTokens.tokenHash, hashToken(token)),
            isNull(t.apiTokens.revokedAt),
            or(isNull(t.apiTokens.expiresAt), gt(t.apiTokens.expiresAt, at)),
          ),
        )
        .limit(1)
      if (row === undefined) return null
      // "Last used" to the minute: a busy integrator's reads do not each write a row.
      if (row.lastUsedAt === null || at.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRAIN_MS)
        await db.update(t.apiTokens).set({ lastUsedAt: at }).where(eq(t.apiTokens.id, row.tokenId))
      return actorFrom(row.userId, row)
    }
    const session = await auth.api.getSession({ headers })
    return session === null ? null : actorOf(session.user.id)
  }

  /**
   * Sign-in: the client IP's and the identifier's counters are taken (atomically, in the database) BEFORE the
   * password is checked, so a burst checks at most `maxFailuresPerIp` / `maxFailures` passwords. A success clears
   * the identifier's count and gives the IP its hit back; every checked attempt is recorded in login_attempts.
   */
  const login: AuthService["login"] = (input) =>
    Effect.gen(function* () {
      const email = loginEmail(input.identifier)
      const ip = input.ip
      const ipKey = ip === undefined ? undefined : `signin:ip:${ip}`
      if (ipKey !== undefined) {
        const byIp = yield* promise(() => limiter.hit(ipKey, ipWindowMs, now()))
        if (byIp.count > maxFailuresPerIp) {
          logger.warn("sign-in throttled for a client IP", { ip, until: byIp.until.toISOString() })
          return yield* Effect.fail(new Throttled({ until: byIp.until.toISOString() }))
        }
      }
      const idKey = `signin:id:${keyPart(email)}`
      const byId = yield* promise(() => limiter.hit(idKey, lockMs, now()))
      if (byId.count > maxFailures)
        return yield* Effect.fail(new LockedOut({ until: byId.until.toISOString() }))
      const record = (success: boolean) =>
        promise(() =>
          db.insert(t.loginAttempts).values({ identifier: email, at: now(), success, ip: input.ip ?? null }),
        )
      const signedIn = yield* promise(async () => {
        try {
          const { headers, response } = await auth.api.signInEmail({
            body: { email, password: input.password },
            returnHeaders: true,
          })
          return { userId: response.user.id, headers }
        } catch (e) {
          if (e instanceof APIError) return undefined
          throw e
        }
      })
      if (signedIn === undefined) {
        yield* record(false)
        if (byId.count >= maxFailures) {
          logger.warn("account locked after failed sign-ins", {
            identifier: keyPart(email),
            failures: byId.count,
          })
          return yield* Effect.fail(new LockedOut({ until: byId.until.toISOString() }))
        }
        return yield* Effect.fail(new InvalidCredentials({ remaining: maxFailures - byId.count }))
      }
      yield* record(true)
      yield* promise(() => limiter.reset(idKey))
      if (ipKey !== undefined) yield* promise(() => limiter.refund(ipKey))
      return { accountId: signedIn.userId, headers: signedIn.headers }
    })

  const logout: AuthService["logout"] = (headers) =>
    promise(async () => {
      try {
        const { headers: out } = await auth.api.signOut({ headers, returnHeaders: true })
        return out
      } catch {
        return new Headers()
      }
    })

  return { resolveActor, login, logout }
}
