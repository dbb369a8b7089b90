import type { CommandContext } from "@cadre/db"
import type { Access } from "@cadre/domain"
import type { AccountService, NewScope } from "@cadre/services"
import type { Effect } from "effect"
import type { ActorResolver } from "../context.js"
import type {
  AlreadyExists,
  InvalidCode,
  InvalidCredentials,
  LockedOut,
  Rejected,
  Throttled,
  WeakPassword,
} from "../errors.js"
import type { BetterAuth } from "./better-auth.js"

/** The auth service's face: what the router's procedures, the actor resolution and the composition root use. */

export type { AccountSummary, NewScope } from "@cadre/services"

export interface NewAccount {
  readonly email: string
  readonly name: string
  readonly password: string
  readonly role: Exclude<Access.Role, "applicant">
  readonly scope: NewScope
}

/** The auth service the router's procedures and the actor resolution use. */
export interface AuthService extends ActorResolver {
  readonly betterAuth: BetterAuth
  /**
   * Send a registration code to an e-mail address — or, when the address already has an account, a notice saying
   * so — and answer the same either way (nobody learns on screen which addresses exist). Limited per address and
   * per client IP, as phone codes are.
   */
  readonly requestEmailCode: (input: {
    readonly email: string
    readonly ip?: string | undefined
  }) => Effect.Effect<{ readonly expiresInSeconds: number }, Throttled>
  /**
   * Applicant self-registration by e-mail + the code mailed to it; signs in (cookie headers returned). Each code
   * allows `codeAttempts` guesses; registrations are limited per client IP.
   */
  readonly registerEmail: (input: {
    readonly email: string
    readonly code: string
    readonly password: string
    readonly name: string
    readonly ip?: string | undefined
  }) => Effect.Effect<SignedIn, WeakPassword | AlreadyExists | InvalidCode | Throttled, AccountService>
  /** Send a registration code to a phone through the configured sender; limited per phone and per client IP. */
  readonly requestPhoneCode: (input: {
    readonly phone: string
    readonly ip?: string | undefined
  }) => Effect.Effect<{ readonly expiresInSeconds: number }, Throttled>
  /**
   * Count one public self-check (`campaigns.publicCheck`) from a client IP (absent: not counted); Throttled above
   * `limits.selfChecksPerIp` per window. Nothing else is recorded.
   */
  readonly selfCheckFrom: (input: { readonly ip?: string | undefined }) => Effect.Effect<void, Throttled>
  /** Applicant self-registration by phone + code; signs in. Each code allows `codeAttempts` guesses. */
  readonly registerPhone: (input: {
    readonly phone: string
    readonly code: string
    readonly password: string
    readonly name: string
    readonly ip?: string | undefined
  }) => Effect.Effect<SignedIn, WeakPassword | AlreadyExists | InvalidCode | Throttled, AccountService>
  /**
   * Sign in with e-mail or phone and password, subject to lockout per identifier and throttling per client IP
   * (`ip`: what the API determined from the socket or a trusted proxy; absent → no per-IP throttling).
   */
  readonly login: (input: {
    readonly identifier: string
    readonly password: string
    readonly ip?: string | undefined
  }) => Effect.Effect<SignedIn, InvalidCredentials | LockedOut | Throttled>
  readonly logout: (headers: Headers) => Effect.Effect<Headers>
  /**
   * An admin creates an account in a scope beneath theirs (Access.mayCreateAccount). The role row and its audit
   * row are one transaction; if it fails, the user better-auth created is deleted again.
   */
  readonly createAccount: (
    cmd: CommandContext,
    input: NewAccount,
  ) => Effect.Effect<
    { readonly accountId: string },
    WeakPassword | AlreadyExists | Access.Forbidden | Rejected,
    AccountService
  >
  /** Issue an API token to an integrator account in the creator's scope; the secret is returned once. Audited. */
  readonly issueToken: (
    cmd: CommandContext,
    input: { readonly accountId: string; readonly name: string; readonly expiresAt?: Date | undefined },
  ) => Effect.Effect<
    { readonly id: string; readonly token: string; readonly prefix: string },
    Access.Forbidden | Rejected,
    AccountService
  >
  /** Revoke a token of an integrator in the creator's scope (idempotent). Audited. */
  readonly revokeToken: (
    cmd: CommandContext,
    tokenId: string,
  ) => Effect.Effect<void, Access.Forbidden | Rejected, AccountService>
  /**
   * Create an account with a role and scope WITHOUT an actor check: bootstrap only (the first org dept admin,
   * demo accounts). Never reachable from a procedure. Returns the existing account's id if the e-mail is taken.
   */
  readonly provisionAccount: (input: {
    readonly email: string
    readonly name: string
    readonly password: string
    readonly role: Access.Role
    readonly regionId: string | null
    readonly unitId: string | null
  }) => Promise<{ readonly accountId: string; readonly created: boolean }>
}

/** The result of a sign-in: the actor and the Set-Cookie headers to send back. */
export interface SignedIn {
  readonly accountId: string
  readonly headers: Headers
}
