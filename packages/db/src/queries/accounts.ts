import type { Access } from "@cadre/domain"
import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm"
import { Effect } from "effect"
import type { Tx } from "../database.js"
import { escapeLike, within } from "../internal.js"
import { accountRoles, apiTokens, regions, units, user } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import {
  type CappedCount,
  cappedCount,
  keysetAfter,
  keysetOrder,
  type Page,
  type PageRequest,
  toPage,
} from "./keyset.js"

/**
 * Our side of accounts, beside better-auth's own tables: the role and scope of each user (account_roles) and the
 * integrators' API tokens (api_tokens, only a SHA-256 and a display prefix, never the token). better-auth creates
 * the `user` row; the audit rows and every check are the AccountService's (@cadre/services).
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

/** Where a new account's scope lies: its materialised path, its region and (for a unit account) its unit. */
export interface AccountScope {
  readonly path: string
  readonly regionId: string | null
  readonly unitId: string | null
}

/** An account as an admin lists it. */
export interface AccountSummary {
  readonly accountId: string
  readonly email: string
  readonly name: string
  readonly role: string
  readonly scopePath: string
  readonly regionId: string | null
  readonly unitId: string | null
  readonly active: boolean
  /** When the account was created (ISO timestamp). */
  readonly createdAt: string
}

/** The scope of an active region, if it exists. */
export const regionScope = (h: Handle, regionId: string): Effect.Effect<AccountScope | undefined> =>
  Effect.map(
    q(
      h
        .select({ path: regions.path })
        .from(regions)
        .where(and(eq(regions.id, regionId), eq(regions.status, "active")))
        .limit(1),
      "account.scope",
    ),
    ([r]) => (r === undefined ? undefined : { path: r.path, regionId, unitId: null }),
  )

/** The scope of a unit (its region's path), if it exists. */
export const unitScope = (h: Handle, unitId: string): Effect.Effect<AccountScope | undefined> =>
  Effect.map(
    q(
      h
        .select({ path: regions.path, regionId: units.regionId })
        .from(units)
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(eq(units.id, unitId))
        .limit(1),
      "account.scope",
    ),
    ([u]) => (u === undefined ? undefined : { path: u.path, regionId: u.regionId, unitId }),
  )

/** Insert the account_roles row binding a user to its role and scope. */
export const insertRole = (tx: Tx, role: NewRole, createdBy: string): Effect.Effect<void> =>
  q(
    tx.insert(accountRoles).values({
      id: crypto.randomUUID(),
      userId: role.userId,
      role: role.role,
      scopeKind: role.scopeKind,
      regionId: role.regionId,
      unitId: role.unitId,
      scopePath: role.scopePath,
      createdBy,
    }),
    "account.role",
  ).pipe(Effect.asVoid)

/** Delete a user; its sessions, credentials, role and tokens go with it by cascade. */
export const deleteUser = (h: Handle, userId: string): Effect.Effect<void> =>
  q(h.delete(user).where(eq(user.id, userId)), "account.compensate").pipe(Effect.asVoid)

/** The active role and scope path of an account, if it has one. */
export const activeRole = (
  h: Handle,
  userId: string,
): Effect.Effect<{ readonly role: string; readonly scopePath: string } | undefined> =>
  Effect.map(
    q(
      h
        .select({ role: accountRoles.role, scopePath: accountRoles.scopePath })
        .from(accountRoles)
        .where(and(eq(accountRoles.userId, userId), eq(accountRoles.active, true)))
        .limit(1),
      "account.role.get",
    ),
    ([r]) => r,
  )

/** What the accounts list filters on besides the caller's scope: the role, part of the name or e-mail. */
export interface AccountFilter {
  readonly role?: string | undefined
  /** Part of the name or the e-mail (case-insensitive). */
  readonly name?: string | undefined
}

const accountListWhere = (scopePath: string, filter: AccountFilter): SQL | undefined =>
  and(
    within(accountRoles.scopePath, scopePath),
    filter.role === undefined ? undefined : eq(accountRoles.role, filter.role),
    filter.name === undefined
      ? undefined
      : or(
          ilike(user.name, `%${escapeLike(filter.name)}%`),
          ilike(user.email, `%${escapeLike(filter.name)}%`),
        ),
  )

/**
 * One keyset page of the accounts whose scope lies within `scopePath`, by (e-mail, role row id) — the e-mail is
 * unique per user (better-auth's index), the role row's id tells a user's rows apart.
 */
export const pageAccounts = (
  h: Handle,
  scopePath: string,
  filter: AccountFilter,
  page: PageRequest,
): Effect.Effect<Page<AccountSummary>> =>
  Effect.map(
    q(
      h
        .select({
          rowId: accountRoles.id,
          accountId: user.id,
          email: user.email,
          name: user.name,
          role: accountRoles.role,
          scopePath: accountRoles.scopePath,
          regionId: accountRoles.regionId,
          unitId: accountRoles.unitId,
          active: accountRoles.active,
          createdAt: user.createdAt,
        })
        .from(accountRoles)
        .innerJoin(user, eq(user.id, accountRoles.userId))
        .where(
          and(accountListWhere(scopePath, filter), keysetAfter(user.email, accountRoles.id, "text", page)),
        )
        .orderBy(...keysetOrder(user.email, accountRoles.id, page))
        .limit(page.limit + 1),
      "account.page",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.email, id: r.rowId }),
        ({ rowId: _, ...r }) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }),
      ),
  )

/** How many accounts within `scopePath` pass the filter, counted up to {@link COUNT_CAP} (`exact` says). */
export const countAccounts = (
  h: Handle,
  scopePath: string,
  filter: AccountFilter,
): Effect.Effect<CappedCount> =>
  cappedCount(
    h,
    h
      .select({ one: sql`1`.as("one") })
      .from(accountRoles)
      .innerJoin(user, eq(user.id, accountRoles.userId))
      .where(accountListWhere(scopePath, filter)),
    "account.count",
  )

/** Insert an api_tokens row (the hash, never the token). */
export const insertToken = (tx: Tx, token: NewToken): Effect.Effect<void> =>
  q(
    tx.insert(apiTokens).values({
      id: token.id,
      userId: token.userId,
      name: token.name,
      tokenHash: token.tokenHash,
      prefix: token.prefix,
      expiresAt: token.expiresAt,
    }),
    "api_token.insert",
  ).pipe(Effect.asVoid)

/** Lock (FOR UPDATE) a token row: its owner, prefix and revocation time. */
export const lockToken = (
  tx: Tx,
  id: string,
): Effect.Effect<
  { readonly userId: string; readonly prefix: string; readonly revokedAt: Date | null } | undefined
> =>
  Effect.map(
    q(
      tx
        .select({ revokedAt: apiTokens.revokedAt, userId: apiTokens.userId, prefix: apiTokens.prefix })
        .from(apiTokens)
        .where(eq(apiTokens.id, id))
        .for("update"),
      "api_token.lock",
    ),
    ([r]) => r,
  )

/** Mark a token revoked at `at`. */
export const revokeToken = (tx: Tx, id: string, at: Date): Effect.Effect<void> =>
  q(tx.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id)), "api_token.revoke").pipe(
    Effect.asVoid,
  )
