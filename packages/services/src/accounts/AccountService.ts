import {
  type AccountFilter,
  type AccountScope,
  type AccountSummary,
  type AuditContext,
  accountQueries,
  type CommandContext,
  Database,
  type NewRole,
  type PageKey,
  type PageRequest,
  type Tx,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Access, type Text } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { Rejected } from "../shared/errors.js"

/** A new admin or integrator account's scope: a region, or a unit (which sits in a region). */
/** A page of accounts: the rows, the key after the last (null on the last page), how many pass the filter. */
export interface AccountPage {
  readonly items: ReadonlyArray<AccountSummary>
  readonly next: PageKey | null
  /** Counted up to COUNT_CAP (10,000): `totalExact` false when more pass. */
  readonly total: number
  readonly totalExact: boolean
}

export type NewScope = { readonly regionId: string } | { readonly unitId: string }

/** A new API token as the auth side minted it: only its SHA-256 and display prefix reach storage. */
export interface TokenToIssue {
  readonly accountId: string
  readonly name: string
  readonly tokenHash: string
  readonly prefix: string
  readonly expiresAt: Date | null
}

const UNIT_ROLES: ReadonlySet<Access.Role> = new Set(["dispatching_unit_admin", "host_unit_admin"])

const UNIT_OR_REGION: Text = {
  zh: "单位管理员账号须绑定单位，其他账号须绑定区域",
  en: "Unit admin accounts are bound to a unit, every other account to a region",
}

const NOT_INTEGRATOR: Text = {
  zh: "只能为管辖范围内的系统对接账号签发或吊销令牌",
  en: "Tokens are issued to and revoked from integrator accounts within your scope only",
}

/**
 * Our side of accounts: who may create which account where (Access.mayCreateAccount), binding a user to its role
 * and scope, integrators' API tokens, and the accounts an admin manages. better-auth (in the router's auth
 * module) creates users, credentials and sessions outside these transactions; when `bindRole` fails, that
 * caller compensates with `deleteUser`, so that no account is left without a role. Every command writes its
 * audit row in its transaction; audit rows never hold a secret: no password, no token, no token hash.
 */
export class AccountService extends Effect.Service<AccountService>()("@cadre/services/AccountService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /**
     * One page of the accounts whose scope lies within the actor's (admins managing their staff and integrators),
     * by e-mail (issue 19), and how many pass the filter.
     */
    const list = (
      actor: Access.Actor,
      filter: AccountFilter,
      page: PageRequest,
    ): Effect.Effect<AccountPage, Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "account.create")
        const [found, total] = yield* Effect.all([
          accountQueries.pageAccounts(db, actor.scopePath, filter, page),
          accountQueries.countAccounts(db, actor.scopePath, filter),
        ])
        return { items: found.rows, next: found.next, total: total.total, totalExact: total.exact }
      })

    const scopeOf = (scope: NewScope): Effect.Effect<AccountScope | undefined> =>
      "regionId" in scope
        ? accountQueries.regionScope(db, scope.regionId)
        : accountQueries.unitScope(db, scope.unitId)

    /**
     * Whether `actor` may create an account with `role` in `scope` (a scope beneath theirs:
     * Access.mayCreateAccount), decided before anyone creates the user: the new account's scope, or a refusal. A
     * unit admin is bound to a unit, every other account to a region.
     */
    const authorizeNew = (
      actor: Access.Actor,
      role: Exclude<Access.Role, "applicant">,
      scope: NewScope,
    ): Effect.Effect<AccountScope, Access.Forbidden | Rejected> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "account.create")
        if (UNIT_ROLES.has(role) !== "unitId" in scope)
          return yield* Effect.fail(new Rejected({ message: UNIT_OR_REGION }))
        const found = yield* scopeOf(scope)
        if (found === undefined || !Access.mayCreateAccount(actor, role, found.path))
          return yield* Effect.fail(Access.forbidden("account.create", actor.role))
        return found
      })

    /**
     * The scope of a bootstrap account (the first org dept admin, demo accounts), WITHOUT an actor check: never
     * reachable from a procedure. A unit's, else a region's, else the applicants' empty scope; undefined when the
     * unit or region does not exist.
     */
    const provisionScope = (input: {
      readonly regionId: string | null
      readonly unitId: string | null
    }): Effect.Effect<AccountScope | undefined> =>
      input.unitId !== null
        ? scopeOf({ unitId: input.unitId })
        : input.regionId !== null
          ? scopeOf({ regionId: input.regionId })
          : Effect.succeed({ path: "", regionId: null, unitId: null })

    /**
     * Bind a user better-auth just created to its role and scope: the account_roles row and its audit row
     * (`action`, e.g. `account.create`, `account.register`, `account.provision`) in one transaction. Its caller
     * decided the authority (`authorizeNew`, self-registration, bootstrap). Any failure is a defect: the caller
     * compensates with `deleteUser`.
     */
    const bindRole = (ctx: AuditContext, role: NewRole, action = "account.create"): Effect.Effect<void> =>
      transaction(db, action, (tx) =>
        Effect.zipRight(
          accountQueries.insertRole(tx, role, ctx.actor.accountId),
          writeAudit(tx, ctx, {
            action,
            entity: "account",
            entityId: role.userId,
            regionPath: role.scopePath,
            before: null,
            after: {
              email: role.email,
              role: role.role,
              scopeKind: role.scopeKind,
              regionId: role.regionId,
              unitId: role.unitId,
            },
          }),
        ),
      ).pipe(
        // A Conflict here (a unique violation) is not the caller's doing: a fault like any other.
        Effect.orDie,
      )

    /**
     * Compensation: delete a user created outside a transaction that then failed (sessions, credentials, roles
     * and tokens go with it by cascade).
     */
    const deleteUser = (userId: string): Effect.Effect<void> => accountQueries.deleteUser(db, userId)

    /** The scope path of the integrator account `accountId`, if it lies within the actor's scope. */
    const integratorInScope = (tx: Tx, actor: Access.Actor, accountId: string) =>
      Effect.map(accountQueries.activeRole(tx, accountId), (row) =>
        row !== undefined && row.role === "integrator" && Access.seesRegion(actor, row.scopePath)
          ? row.scopePath
          : undefined,
      )

    /** Issue an API token (stored as its hash) to an integrator account in the actor's scope. Audited. */
    const issueToken = (
      cmd: CommandContext,
      token: TokenToIssue,
    ): Effect.Effect<{ readonly id: string }, Access.Forbidden | Rejected> =>
      Effect.gen(function* () {
        yield* requirePermission(cmd.actor, "account.create")
        const id = crypto.randomUUID()
        yield* transaction(db, "api_token.issue", (tx) =>
          Effect.gen(function* () {
            const scopePath = yield* integratorInScope(tx, cmd.actor, token.accountId)
            if (scopePath === undefined) return yield* Effect.fail(new Rejected({ message: NOT_INTEGRATOR }))
            yield* accountQueries.insertToken(tx, {
              id,
              userId: token.accountId,
              name: token.name,
              tokenHash: token.tokenHash,
              prefix: token.prefix,
              expiresAt: token.expiresAt,
              scopePath,
            })
            yield* writeAudit(tx, cmd, {
              action: "api_token.issue",
              entity: "api_token",
              entityId: id,
              regionPath: scopePath,
              before: null,
              // The prefix identifies the token to people; the hash would let nobody in, but it stays out all the same.
              after: {
                accountId: token.accountId,
                name: token.name,
                prefix: token.prefix,
                expiresAt: token.expiresAt?.toISOString() ?? null,
              },
            })
          }),
        ).pipe(Effect.catchTag("Conflict", (c) => Effect.die(c)))
        return { id }
      })

    /**
     * Revoke a token of an integrator in the actor's scope at `at`; idempotent (the first revocation's time and
     * audit row stand). A token that does not exist is refused like one out of scope. Audited.
     */
    const revokeToken = (
      cmd: CommandContext,
      tokenId: string,
      at: Date,
    ): Effect.Effect<void, Access.Forbidden | Rejected> =>
      Effect.gen(function* () {
        yield* requirePermission(cmd.actor, "account.create")
        yield* transaction(db, "api_token.revoke", (tx) =>
          Effect.gen(function* () {
            const cur = yield* accountQueries.lockToken(tx, tokenId)
            const scopePath =
              cur === undefined ? undefined : yield* integratorInScope(tx, cmd.actor, cur.userId)
            if (cur === undefined || scopePath === undefined)
              return yield* Effect.fail(new Rejected({ message: NOT_INTEGRATOR }))
            if (cur.revokedAt !== null) return
            yield* accountQueries.revokeToken(tx, tokenId, at)
            yield* writeAudit(tx, cmd, {
              action: "api_token.revoke",
              entity: "api_token",
              entityId: tokenId,
              regionPath: scopePath,
              before: { accountId: cur.userId, prefix: cur.prefix, revokedAt: null },
              after: { accountId: cur.userId, prefix: cur.prefix, revokedAt: at.toISOString() },
            })
          }),
        ).pipe(Effect.catchTag("Conflict", (c) => Effect.die(c)))
      })

    return {
      list,
      authorizeNew,
      provisionScope,
      bindRole,
      deleteUser,
      issueToken,
      revokeToken,
    } as const
  }),
}) {}
