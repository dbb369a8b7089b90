import type { Access } from "@cadre/domain"
import { eq } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db } from "../database.js"
import { type Conflict, type DatabaseError, type NotFound, notFound } from "../errors.js"
import { type AuditContext, abort, query, transact, writeAudit } from "../internal.js"
import { accountRoles, apiTokens, user } from "../schema/index.js"

/**
 * Our side of account commands, each in ONE transaction with its audit row: binding a new user to its role and
 * scope, issuing and revoking API tokens. better-auth creates the `user` (and its credential) outside these
 * transactions; when `assignRole` fails the caller compensates with `deleteUser`, so that no account is left
 * without a role. Access checks (who may create what where) are the caller's (`Access.mayCreateAccount`);
 * audit rows never hold a secret: no password, no token, no token hash.
 */

/** The role and scope of a freshly created user. */
export interface NewRole {
  readonly userId: string
  /** Recorded in the audit row (the e-mail, or the phone's synthetic e-mail). */
  readonly email: string
  readonly role: Access.Role
  readonly scopeKind: "region" | "unit" | "self"
  readonly regionId: string | null
  readonly unitId: string | null
  /** The scope's materialised path ("" for applicants); also the audit row's region path. */
  readonly scopePath: string
}

/** A new API token as stored: only its SHA-256 and a display prefix, never the token itself. */
export interface NewToken {
  readonly id: string
  readonly userId: string
  readonly name: string
  readonly tokenHash: string
  readonly prefix: string
  readonly expiresAt: Date | null
  /** The integrator's scope path (the audit row's region path). */
  readonly scopePath: string
}

export interface AccountRepoService {
  /** Insert the account_roles row and its audit row (`account.create`) in one transaction. */
  readonly assignRole: (
    ctx: AuditContext,
    input: NewRole,
    action?: string,
  ) => Effect.Effect<void, Conflict | DatabaseError>
  /** Insert an api_tokens row (hash only) and its audit row (`api_token.issue`) in one transaction. */
  readonly issueToken: (ctx: AuditContext, input: NewToken) => Effect.Effect<void, Conflict | DatabaseError>
  /** Mark a token revoked and write its audit row (`api_token.revoke`) in one transaction; idempotent. */
  readonly revokeToken: (
    ctx: AuditContext,
    input: { readonly id: string; readonly at: Date; readonly scopePath: string },
  ) => Effect.Effect<void, NotFound | Conflict | DatabaseError>
  /**
   * Compensation: delete a user created outside a transaction that then failed (sessions, credentials, roles
   * and tokens go with it by cascade).
   */
  readonly deleteUser: (userId: string) => Effect.Effect<void, DatabaseError>
}

/** Account storage (roles, tokens) with audit. */
export class AccountRepo extends Context.Tag("@cadre/db/AccountRepo")<AccountRepo, AccountRepoService>() {
  static readonly Live: Layer.Layer<AccountRepo, never, Database> = Layer.effect(
    AccountRepo,
    Effect.map(Database, (d) => makeAccountRepo(d.db)),
  )
}

export const makeAccountRepo = (db: Db): AccountRepoService => ({
  assignRole: (ctx, input, action = "account.create") =>
    transact(db, action, async (tx) => {
      await tx.insert(accountRoles).values({
        id: crypto.randomUUID(),
        userId: input.userId,
        role: input.role,
        scopeKind: input.scopeKind,
        regionId: input.regionId,
        unitId: input.unitId,
        scopePath: input.scopePath,
        createdBy: ctx.actor.accountId,
      })
      await writeAudit(tx, ctx, {
        action,
        entity: "account",
        entityId: input.userId,
        regionPath: input.scopePath,
        before: null,
        after: {
          email: input.email,
          role: input.role,
          scopeKind: input.scopeKind,
          regionId: input.regionId,
          unitId: input.unitId,
        },
      })
    }),

  issueToken: (ctx, input) =>
    transact(db, "api_token.issue", async (tx) => {
      await tx.insert(apiTokens).values({
        id: input.id,
        userId: input.userId,
        name: input.name,
        tokenHash: input.tokenHash,
        prefix: input.prefix,
        expiresAt: input.expiresAt,
      })
      await writeAudit(tx, ctx, {
        action: "api_token.issue",
        entity: "api_token",
        entityId: input.id,
        regionPath: input.scopePath,
        before: null,
        // The prefix identifies the token to people; the hash would let nobody in, but it stays out all the same.
        after: {
          accountId: input.userId,
          name: input.name,
          prefix: input.prefix,
          expiresAt: input.expiresAt?.toISOString() ?? null,
        },
      })
    }),

  revokeToken: (ctx, input) =>
    transact<void, NotFound>(db, "api_token.revoke", async (tx) => {
      const [cur] = await tx
        .select({ revokedAt: apiTokens.revokedAt, userId: apiTokens.userId, prefix: apiTokens.prefix })
        .from(apiTokens)
        .where(eq(apiTokens.id, input.id))
        .for("update")
      if (cur === undefined) return abort(notFound("api_token", input.id))
      // Already revoked: nothing changes (the first revocation's time and audit row stand).
      if (cur.revokedAt !== null) return
      await tx.update(apiTokens).set({ revokedAt: input.at }).where(eq(apiTokens.id, input.id))
      await writeAudit(tx, ctx, {
        action: "api_token.revoke",
        entity: "api_token",
        entityId: input.id,
        regionPath: input.scopePath,
        before: { accountId: cur.userId, prefix: cur.prefix, revokedAt: null },
        after: { accountId: cur.userId, prefix: cur.prefix, revokedAt: input.at.toISOString() },
      })
    }),

  deleteUser: (userId) =>
    Effect.asVoid(query("account.compensate", () => db.delete(user).where(eq(user.id, userId)))),
})
