import { createHash, randomInt } from "node:crypto"
import {
  type AuditContext,
  type CommandContext,
  DatabaseError,
  type Db,
  makeAccountRepo,
  type NewRole,
  schema,
  within,
} from "@cadre/db"
import { Access, type Text } from "@cadre/domain"
import { APIError, betterAuth } from "better-auth"
import { drizzleAdapter } from "better-auth/adapters/drizzle"
import { and, eq, gt, isNull, or } from "drizzle-orm"
import { Effect, Option, Schema } from "effect"
import type { ActorResolver, RouterLogger } from "../context.js"
import {
  AlreadyExists,
  InvalidCode,
  InvalidCredentials,
  LockedOut,
  Rejected,
  Throttled,
  WeakPassword,
} from "../errors.js"
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblems, verifyPassword } from "./password.js"
import { keyPart, makeLimiter } from "./limits.js"
import { logPhoneCodeSender, type PhoneCodeSender } from "./phone.js"
import { bearerToken, hashToken, newToken } from "./tokens.js"

/**
 * Accounts and sign-in. better-auth (drizzle adapter, argon2id through its custom hash/verify) owns users,
 * credentials and sessions; this module adds what the platform needs around it: roles and scopes
 * (account_roles), API tokens for integrators (stored as SHA-256), lockout after repeated failures per identifier
 * and throttling per client IP (atomic counters in rate_limits, taken before the password is checked; every
 * checked attempt is recorded in login_attempts), limits on registrations and phone codes, the password policy
 * (@cadre/password), phone registration with a pluggable code sender, and the resolution of a request's credentials into an `Access.Actor`.
 *
 * Role and token rows are written by `AccountRepo` (@cadre/db) in one transaction with their audit row. better-auth
 * creates the `user` outside that transaction; if the role transaction fails, the user is deleted again
 * (compensation), so no account is ever left without a role.
 */

export interface AuthOptions {
  readonly db: Db
  /** At least 32 characters; signs session cookies. */
  readonly secret: string
  /** Public URL of the API (cookie and origin checks), e.g. http://localhost:3000. */
  readonly baseURL: string
  /** Mark cookies Secure (behind HTTPS). */
  readonly secureCookies?: boolean
  /** Session lifetime in seconds (default 8 hours; refreshed at most once an hour while in use). */
  readonly sessionSeconds?: number
  readonly phoneSender?: PhoneCodeSender
  readonly logger: RouterLogger
  /** Failed sign-ins, within `lockoutMinutes`, that lock an identifier for `lockoutMinutes` (default 5 / 15). */
  readonly maxFailures?: number
  readonly lockoutMinutes?: number
  /**
   * Failed sign-ins from one client IP, across any identifiers, within `ipWindowMinutes`, after which further
   * attempts from that IP are refused until the oldest counted failure leaves the window (default 20 / 15).
   */
  readonly maxFailuresPerIp?: number
  readonly ipWindowMinutes?: number
  /** Limits on phone codes and registrations (defaults: `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>
  /** The clock for lockout, throttling, codes and token expiry (tests inject one). */
  readonly now?: () => Date
}

/** Limits on phone codes and registrations, per window. */
export interface Limits {
  /** Codes sent to one phone number per `phoneCodeWindowMinutes` (each is an SMS). */
  readonly phoneCodesPerPhone: number
  /** Codes requested from one client IP per `phoneCodeWindowMinutes`, across phone numbers. */
  readonly phoneCodesPerIp: number
  readonly phoneCodeWindowMinutes: number
  /** Guesses one code allows; after them the code is deleted (a new one must be requested). */
  readonly codeAttempts: number
  /** Self-registrations (e-mail or phone) from one client IP per `registrationWindowMinutes`. */
  readonly registrationsPerIp: number
  readonly registrationWindowMinutes: number
}

export const DEFAULT_LIMITS: Limits = {
  phoneCodesPerPhone: 5,
  phoneCodesPerIp: 20,
  phoneCodeWindowMinutes: 60,
  codeAttempts: 5,
  registrationsPerIp: 10,
  registrationWindowMinutes: 60,
}

/** Cookie name prefix; the session cookie is `cadre.session_token` (`__Secure-` prefixed behind HTTPS). */
export const COOKIE_PREFIX = "cadre"

const PHONE = /^1\d{10}$/
/** Phone-registered accounts get this synthetic e-mail (better-auth keys users by e-mail). */
const PHONE_EMAIL_DOMAIN = "phone.cadre.invalid"
const phoneEmail = (phone: string): string => `${phone}@${PHONE_EMAIL_DOMAIN}`
const CODE_MINUTES = 10

/** "a@b.cn" → itself lower-cased; "13800000000" → its synthetic e-mail. */
export const loginEmail = (identifier: string): string => {
  const id = identifier.trim().toLowerCase()
  return PHONE.test(id) ? phoneEmail(id) : id
}

const decodeActor = Schema.decodeUnknownOption(Access.Actor)

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex")

/** A PostgreSQL unique violation (23505) anywhere in an error's cause chain (drizzle and better-auth wrap it). */
const isUniqueViolation = (e: unknown): boolean => {
  for (let cur: unknown = e, depth = 0; typeof cur === "object" && cur !== null && depth < 8; depth++) {
    if ((cur as { code?: unknown }).code === "23505") return true
    cur = (cur as { cause?: unknown }).cause
  }
  return false
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, "g")
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g

/**
 * A log message fit for our JSON log: no ANSI colours, one line, no e-mail address, and nothing of a failed
 * query (its SQL and parameters) but the fact; at most 300 characters.
 */
export const scrubLogText = (text: string): string => {
  const plain = text.replace(ANSI, "")
  const query = plain.search(/failed query|\binsert into\b|\bselect\b.*\bfrom\b|\bupdate\b.*\bset\b|params:/i)
  const cut = query < 0 ? plain : `${plain.slice(0, query)}(query withheld)`
  return cut.replace(EMAIL, "(e-mail)").replace(/\s+/g, " ").trim().slice(0, 300)
}

/** From better-auth's log arguments, only what tells errors apart: names and SQLSTATE codes along the cause chain. */
const betterAuthFields = (args: ReadonlyArray<unknown>): Readonly<Record<string, unknown>> => {
  const errors: Array<{ name: string; code?: string }> = []
  for (const arg of args) {
    for (let cur: unknown = arg, depth = 0; typeof cur === "object" && cur !== null && depth < 5; depth++) {
      const e = cur as { name?: unknown; code?: unknown; cause?: unknown }
      if (cur instanceof Error || typeof e.code === "string")
        errors.push({
          name: typeof e.name === "string" ? e.name : "Error",
          ...(typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? { code: e.code } : {}),
        })
      cur = e.cause
    }
  }
  return errors.length === 0 ? {} : { errors }
}

/** The better-auth instance, configured for this platform. */
export const makeBetterAuth = (options: AuthOptions) =>
  betterAuth({
    database: drizzleAdapter(options.db, { provider: "pg", schema: schema.authSchema }),
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
    telemetry: { enabled: false },
    // better-auth's own logger writes coloured, multi-line text with SQL and its parameters; ours writes one JSON
    // line per event with the message scrubbed and only error names and SQLSTATE codes from its arguments.
    logger: {
      level: "warn",
      disableColors: true,
      log: (level, message, ...args) => {
        const fields = { source: "better-auth", ...betterAuthFields(args) }
        const msg = scrubLogText(message)
        if (level === "error") options.logger.error(msg, fields)
        else if (level === "warn") options.logger.warn(msg, fields)
        else options.logger.info(msg, fields)
      },
    },
    // Sign-in throttling is ours (login_attempts, per identifier, persistent); better-auth's limiter is per IP.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    session: { expiresIn: options.sessionSeconds ?? 8 * 60 * 60, updateAge: 60 * 60 },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: options.secureCookies === true,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: options.secureCookies === true },
    },
  })

export type BetterAuth = ReturnType<typeof makeBetterAuth>

/** A new admin or integrator account's scope: a region, or a unit (which sits in a region). */
export type NewScope = { readonly regionId: string } | { readonly unitId: string }

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
   * Applicant self-registration by e-mail; signs in (cookie headers returned). Limited per client IP (`ip`, as
   * for `login`). A taken e-mail gets one answer whoever holds it (staff, applicant or a phone account).
   */
  readonly registerEmail: (input: {
    readonly email: string
    readonly password: string
    readonly name: string
    readonly ip?: string | undefined
  }) => Effect.Effect<SignedIn, WeakPassword | AlreadyExists | Throttled | DatabaseError>
  /** Send a registration code to a phone through the configured sender; limited per phone and per client IP. */
  readonly requestPhoneCode: (input: {
    readonly phone: string
    readonly ip?: string | undefined
  }) => Effect.Effect<{ readonly expiresInSeconds: number }, Throttled>
  /** Applicant self-registration by phone + code; signs in. Each code allows `codeAttempts` guesses. */
  readonly registerPhone: (input: {
    readonly phone: string
    readonly code: string
    readonly password: string
    readonly name: string
    readonly ip?: string | undefined
  }) => Effect.Effect<SignedIn, WeakPassword | AlreadyExists | InvalidCode | Throttled | DatabaseError>
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
    WeakPassword | AlreadyExists | Access.Forbidden | Rejected | DatabaseError
  >
  /** Issue an API token to an integrator account in the creator's scope; the secret is returned once. Audited. */
  readonly issueToken: (
    cmd: CommandContext,
    input: { readonly accountId: string; readonly name: string; readonly expiresAt?: Date | undefined },
  ) => Effect.Effect<
    { readonly id: string; readonly token: string; readonly prefix: string },
    Access.Forbidden | Rejected | DatabaseError
  >
  /** Revoke a token of an integrator in the creator's scope (idempotent). Audited. */
  readonly revokeToken: (
    cmd: CommandContext,
    tokenId: string,
  ) => Effect.Effect<void, Access.Forbidden | Rejected | DatabaseError>
  /** Accounts whose scope lies within the creator's (admins managing their staff and integrators). */
  readonly listAccounts: (
    creator: Access.Actor,
  ) => Effect.Effect<ReadonlyArray<AccountSummary>, Access.Forbidden>
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

/** The result of a sign-in: the actor and the Set-Cookie headers to send back. */
export interface SignedIn {
  readonly accountId: string
  readonly headers: Headers
}

const promise = <A>(f: () => Promise<A>): Effect.Effect<A> => Effect.promise(f)

export const makeAuthService = (options: AuthOptions): AuthService => {
  const { db, logger } = options
  const auth = makeBetterAuth(options)
  const now = options.now ?? (() => new Date())
  const maxFailures = options.maxFailures ?? 5
  const lockMs = (options.lockoutMinutes ?? 15) * 60_000
  const maxFailuresPerIp = options.maxFailuresPerIp ?? 20
  const ipWindowMs = (options.ipWindowMinutes ?? 15) * 60_000
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits }
  const limiter = makeLimiter(db)
  const accounts = makeAccountRepo(db)
  const sender = options.phoneSender ?? logPhoneCodeSender(logger)
  const t = schema

  const actorOf = async (userId: string): Promise<Access.Actor | null> => {
    const rows = await db
      .select({ role: t.accountRoles, name: t.user.name })
      .from(t.accountRoles)
      .innerJoin(t.user, eq(t.user.id, t.accountRoles.userId))
      .where(and(eq(t.accountRoles.userId, userId), eq(t.accountRoles.active, true)))
      .limit(1)
    const row = rows[0]
    if (row === undefined) return null
    const r = row.role
    let scope: unknown
    if (r.scopeKind === "self") {
      const person = await db
        .select({ id: t.people.id })
        .from(t.people)
        .where(eq(t.people.accountId, userId))
        .limit(1)
      scope = { _tag: "SelfScope", personId: person[0]?.id ?? null }
    } else if (r.scopeKind === "unit") scope = { _tag: "UnitScope", unitId: r.unitId, regionId: r.regionId }
    else scope = { _tag: "RegionScope", regionId: r.regionId }
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

  const resolveActor = async (headers: Headers): Promise<Access.Actor | null> => {
    const token = bearerToken(headers)
    if (token !== undefined) {
      const at = now()
      const rows = await db
        .select({ id: t.apiTokens.id, userId: t.apiTokens.userId })
        .from(t.apiTokens)
        .where(
          and(
            eq(t.apiTokens.tokenHash, hashToken(token)),
            isNull(t.apiTokens.revokedAt),
            or(isNull(t.apiTokens.expiresAt), gt(t.apiTokens.expiresAt, at)),
          ),
        )
        .limit(1)
      const row = rows[0]
      if (row === undefined) return null
      await db.update(t.apiTokens).set({ lastUsedAt: at }).where(eq(t.apiTokens.id, row.id))
      return actorOf(row.userId)
    }
    const session = await auth.api.getSession({ headers })
    return session === null ? null : actorOf(session.user.id)
  }

  const policy = (
    password: string,
    identifiers: ReadonlyArray<string>,
  ): Effect.Effect<void, WeakPassword> => {
    const problems = passwordProblems(password, identifiers)
    return problems.length === 0 ? Effect.void : Effect.fail(new WeakPassword({ problems }))
  }

  const userExists = async (email: string): Promise<boolean> =>
    (await db.select({ id: t.user.id }).from(t.user).where(eq(t.user.email, email)).limit(1)).length > 0

  const signUp = (email: string, password: string, name: string) =>
    Effect.gen(function* () {
      if (yield* promise(() => userExists(email)))
        return yield* Effect.fail(new AlreadyExists({ entity: "account", key: email }))
      // Two sign-ups of one e-mail may both pass the check above: the unique index decides, and the loser is
      // told the account exists (never a 500).
      const created = yield* promise(async () => {
        try {
          const { headers, response } = await auth.api.signUpEmail({
            body: { email, password, name },
            returnHeaders: true,
          })
          return { userId: response.user.id, headers }
        } catch (e) {
          if (isUniqueViolation(e) || (e instanceof APIError && (await userExists(email)))) return undefined
          throw e
        }
      })
      if (created === undefined)
        return yield* Effect.fail(new AlreadyExists({ entity: "account", key: email }))
      return created
    })

  /**
   * Bind a user better-auth just created to its role, in one transaction with the audit row; if that fails,
   * delete the user again (compensation) and fail with the original error.
   */
  const bindRole = (ctx: AuditContext, role: NewRole, action: string): Effect.Effect<void, DatabaseError> =>
    accounts.assignRole(ctx, role, action).pipe(
      Effect.catchAll((error) =>
        Effect.zipRight(
          accounts.deleteUser(role.userId).pipe(
            Effect.tap(() =>
              Effect.sync(() =>
                logger.warn("account creation rolled back", {
                  accountId: role.userId,
                  action,
                  cause: error.message,
                }),
              ),
            ),
            Effect.catchAll((compensation) =>
              Effect.sync(() =>
                logger.error("account compensation failed: user left without a role", {
                  accountId: role.userId,
                  cause: compensation.message,
                }),
              ),
            ),
          ),
          // A Conflict here (e.g. a unique violation) is not the caller's doing: report it as a database failure.
          Effect.fail(
            error._tag === "DatabaseError" ? error : new DatabaseError({ operation: action, cause: error }),
          ),
        ),
      ),
    )

  /** One registration from `ip` (none: not counted); Throttled above the limit. */
  const registrationFrom = (ip: string | undefined) =>
    Effect.gen(function* () {
      if (ip === undefined) return
      const hit = yield* promise(() =>
        limiter.hit(`register:ip:${ip}`, limits.registrationWindowMinutes * 60_000, now()),
      )
      if (hit.count > limits.registrationsPerIp) {
        logger.warn("registration throttled for a client IP", { ip, until: hit.until.toISOString() })
        return yield* Effect.fail(new Throttled({ until: hit.until.toISOString(), action: "register" }))
      }
    })

  /** Create the applicant and its role; the caller has checked the password policy. */
  const registerApplicant = (email: string, password: string, name: string) =>
    Effect.gen(function* () {
      const { userId, headers } = yield* signUp(email, password, name)
      yield* bindRole(
        { actor: { accountId: userId, role: "applicant" } },
        { userId, email, role: "applicant", scopeKind: "self", regionId: null, unitId: null, scopePath: "" },
        "account.register",
      )
      return { accountId: userId, headers }
    })

  // The policy is checked before anything else, so a refused password says the same for a known and an unknown
  // e-mail; a taken e-mail answers AlreadyExists alike for staff, applicants and phone accounts.
  const registerEmail: AuthService["registerEmail"] = (input) => {
    const email = input.email.trim().toLowerCase()
    return policy(input.password, [email]).pipe(
      Effect.zipRight(registrationFrom(input.ip)),
      Effect.zipRight(registerApplicant(email, input.password, input.name)),
    )
  }

  const requestPhoneCode: AuthService["requestPhoneCode"] = ({ phone, ip }) =>
    Effect.gen(function* () {
      const windowMs = limits.phoneCodeWindowMinutes * 60_000
      const throttled = (until: Date, by: string) => {
        logger.warn("phone code requests throttled", { by, until: until.toISOString() })
        return Effect.fail(new Throttled({ until: until.toISOString(), action: "phone_code" }))
      }
      if (ip !== undefined) {
        const byIp = yield* promise(() => limiter.hit(`phone-code:ip:${ip}`, windowMs, now()))
        if (byIp.count > limits.phoneCodesPerIp) return yield* throttled(byIp.until, "ip")
      }
      const byPhone = yield* promise(() => limiter.hit(`phone-code:phone:${keyPart(phone)}`, windowMs, now()))
      if (byPhone.count > limits.phoneCodesPerPhone) return yield* throttled(byPhone.until, "phone")
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
      const identifier = `phone-register:${phone}`
      yield* promise(() => db.delete(t.verification).where(eq(t.verification.identifier, identifier)))
      yield* promise(() =>
        db.insert(t.verification).values({
          id: crypto.randomUUID(),
          identifier,
          value: sha256(code),
          expiresAt: new Date(now().getTime() + CODE_MINUTES * 60_000),
        }),
      )
      yield* promise(() => sender.send(phone, code))
      return { expiresInSeconds: CODE_MINUTES * 60 }
    })

  const registerPhone: AuthService["registerPhone"] = (input) =>
    Effect.gen(function* () {
      yield* policy(input.password, [input.phone])
      yield* registrationFrom(input.ip)
      const identifier = `phone-register:${input.phone}`
      const rows = yield* promise(() =>
        db
          .select()
          .from(t.verification)
          .where(and(eq(t.verification.identifier, identifier), gt(t.verification.expiresAt, now())))
          .limit(1),
      )
      const row = rows[0]
      if (row === undefined) return yield* Effect.fail(new InvalidCode())
      // Count the guess before comparing: parallel guesses get distinct numbers, and only the first
      // `codeAttempts` are compared. The guess that uses up the code deletes it.
      const guess = yield* promise(() =>
        limiter.hit(`phone-code:attempts:${row.id}`, CODE_MINUTES * 60_000, now()),
      )
      const burn = promise(() => db.delete(t.verification).where(eq(t.verification.id, row.id)))
      if (guess.count > limits.codeAttempts) {
        yield* burn
        return yield* Effect.fail(new InvalidCode())
      }
      if (row.value !== sha256(input.code.trim())) {
        if (guess.count === limits.codeAttempts) {
          yield* burn
          logger.warn("phone code used up by wrong guesses", { attempts: guess.count })
        }
        return yield* Effect.fail(new InvalidCode())
      }
      // Consume the code: of two right guesses in parallel, one registers.
      const consumed = yield* promise(() =>
        db.delete(t.verification).where(eq(t.verification.id, row.id)).returning({ id: t.verification.id }),
      )
      if (consumed.length === 0) return yield* Effect.fail(new InvalidCode())
      return yield* registerApplicant(phoneEmail(input.phone), input.password, input.name)
    })

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

  /** The materialised path of a region or of a unit's region, if it exists. */
  const scopePathOf = async (scope: NewScope) => {
    if ("regionId" in scope) {
      const r = await db
        .select({ path: t.regions.path })
        .from(t.regions)
        .where(and(eq(t.regions.id, scope.regionId), eq(t.regions.status, "active")))
        .limit(1)
      return r[0] === undefined ? undefined : { path: r[0].path, regionId: scope.regionId, unitId: null }
    }
    const u = await db
      .select({ path: t.regions.path, regionId: t.units.regionId })
      .from(t.units)
      .innerJoin(t.regions, eq(t.regions.id, t.units.regionId))
      .where(eq(t.units.id, scope.unitId))
      .limit(1)
    return u[0] === undefined ? undefined : { path: u[0].path, regionId: u[0].regionId, unitId: scope.unitId }
  }

  const UNIT_ROLES: ReadonlySet<Access.Role> = new Set(["dispatching_unit_admin", "host_unit_admin"])

  const createAccount: AuthService["createAccount"] = (cmd, input) =>
    Effect.gen(function* () {
      const creator = cmd.actor
      const email = input.email.trim().toLowerCase()
      yield* policy(input.password, [email])
      if (UNIT_ROLES.has(input.role) !== "unitId" in input.scope)
        return yield* Effect.fail(
          new Rejected({
            message: {
              zh: "单位管理员账号须绑定单位，其他账号须绑定区域",
              en: "Unit admin accounts are bound to a unit, every other account to a region",
            },
          }),
        )
      const scope = yield* promise(() => scopePathOf(input.scope))
      if (scope === undefined || !Access.mayCreateAccount(creator, input.role, scope.path))
        return yield* Effect.fail(Access.forbidden("account.create", creator.role))
      const { userId } = yield* signUp(email, input.password, input.name)
      // The sign-up opened a session for the new account; nobody holds its cookie, so drop it.
      yield* promise(() => db.delete(t.session).where(eq(t.session.userId, userId)))
      yield* bindRole(
        cmd,
        {
          userId,
          email,
          role: input.role,
          scopeKind: scope.unitId === null ? "region" : "unit",
          regionId: scope.regionId,
          unitId: scope.unitId,
          scopePath: scope.path,
        },
        "account.create",
      )
      logger.info("account created", { by: creator.accountId, accountId: userId, role: input.role })
      return { accountId: userId }
    })

  /** The scope path of the integrator account `accountId`, if it lies within the creator's scope. */
  const integratorInScope = async (creator: Access.Actor, accountId: string): Promise<string | undefined> => {
    const rows = await db
      .select({ role: t.accountRoles.role, scopePath: t.accountRoles.scopePath })
      .from(t.accountRoles)
      .where(and(eq(t.accountRoles.userId, accountId), eq(t.accountRoles.active, true)))
      .limit(1)
    const row = rows[0]
    return row !== undefined && row.role === "integrator" && Access.seesRegion(creator, row.scopePath)
      ? row.scopePath
      : undefined
  }

  const notIntegrator: Text = {
    zh: "只能为管辖范围内的系统对接账号签发或吊销令牌",
    en: "Tokens are issued to and revoked from integrator accounts within your scope only",
  }

  const issueToken: AuthService["issueToken"] = (cmd, input) =>
    Effect.gen(function* () {
      const creator = cmd.actor
      if (!Access.can(creator, "account.create"))
        return yield* Effect.fail(Access.forbidden("account.create", creator.role))
      const scopePath = yield* promise(() => integratorInScope(creator, input.accountId))
      if (scopePath === undefined) return yield* Effect.fail(new Rejected({ message: notIntegrator }))
      const { token, hash, prefix } = newToken()
      const id = crypto.randomUUID()
      yield* accounts
        .issueToken(cmd, {
          id,
          userId: input.accountId,
          name: input.name,
          tokenHash: hash,
          prefix,
          expiresAt: input.expiresAt ?? null,
          scopePath,
        })
        .pipe(
          Effect.catchTag("Conflict", (cause) =>
            Effect.fail(new DatabaseError({ operation: "api_token.issue", cause })),
          ),
        )
      logger.info("api token issued", { by: creator.accountId, accountId: input.accountId, tokenId: id })
      return { id, token, prefix }
    })

  const revokeToken: AuthService["revokeToken"] = (cmd, tokenId) =>
    Effect.gen(function* () {
      const creator = cmd.actor
      if (!Access.can(creator, "account.create"))
        return yield* Effect.fail(Access.forbidden("account.create", creator.role))
      const rows = yield* promise(() =>
        db
          .select({ userId: t.apiTokens.userId })
          .from(t.apiTokens)
          .where(eq(t.apiTokens.id, tokenId))
          .limit(1),
      )
      const row = rows[0]
      const scopePath =
        row === undefined ? undefined : yield* promise(() => integratorInScope(creator, row.userId))
      if (scopePath === undefined) return yield* Effect.fail(new Rejected({ message: notIntegrator }))
      yield* accounts.revokeToken(cmd, { id: tokenId, at: now(), scopePath }).pipe(
        Effect.catchTags({
          // Gone between the check and the transaction: as if it never was in scope.
          NotFound: () => Effect.fail(new Rejected({ message: notIntegrator })),
          Conflict: (cause) => Effect.fail(new DatabaseError({ operation: "api_token.revoke", cause })),
        }),
      )
      logger.info("api token revoked", { by: creator.accountId, tokenId })
    })

  const listAccounts: AuthService["listAccounts"] = (creator) =>
    Effect.gen(function* () {
      if (!Access.can(creator, "account.create"))
        return yield* Effect.fail(Access.forbidden("account.create", creator.role))
      const rows = yield* promise(() =>
        db
          .select({
            accountId: t.user.id,
            email: t.user.email,
            name: t.user.name,
            role: t.accountRoles.role,
            scopePath: t.accountRoles.scopePath,
            regionId: t.accountRoles.regionId,
            unitId: t.accountRoles.unitId,
            active: t.accountRoles.active,
            createdAt: t.user.createdAt,
          })
          .from(t.accountRoles)
          .innerJoin(t.user, eq(t.user.id, t.accountRoles.userId))
          .where(within(t.accountRoles.scopePath, creator.scopePath))
          .orderBy(t.accountRoles.scopePath, t.user.email),
      )
      return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }))
    })

  const provisionAccount: AuthService["provisionAccount"] = async (input) => {
    const email = input.email.trim().toLowerCase()
    const existing = await db.select({ id: t.user.id }).from(t.user).where(eq(t.user.email, email)).limit(1)
    if (existing[0] !== undefined) return { accountId: existing[0].id, created: false }
    const scope =
      input.unitId !== null
        ? await scopePathOf({ unitId: input.unitId })
        : input.regionId !== null
          ? await scopePathOf({ regionId: input.regionId })
          : { path: "", regionId: null, unitId: null }
    if (scope === undefined) throw new Error(`provisionAccount: no region or unit for ${email}`)
    const { response } = await auth.api.signUpEmail({
      body: { email, password: input.password, name: input.name },
      returnHeaders: true,
    })
    const userId = response.user.id
    await db.delete(t.session).where(eq(t.session.userId, userId))
    await Effect.runPromise(
      bindRole(
        { actor: { accountId: "system:provision", role: "system" } },
        {
          userId,
          email,
          role: input.role,
          scopeKind: input.role === "applicant" ? "self" : scope.unitId === null ? "region" : "unit",
          regionId: scope.regionId,
          unitId: scope.unitId,
          scopePath: scope.path,
        },
        "account.provision",
      ),
    )
    return { accountId: userId, created: true }
  }

  return {
    listAccounts,
    provisionAccount,
    betterAuth: auth,
    resolveActor,
    registerEmail,
    requestPhoneCode,
    registerPhone,
    login,
    logout,
    createAccount,
    issueToken,
    revokeToken,
  }
}
