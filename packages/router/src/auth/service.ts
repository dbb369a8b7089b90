import { createHash, randomInt } from "node:crypto"
import { type AuditContext, type CommandContext, Database, type Db, type NewRole, schema } from "@cadre/db"
import { Access } from "@cadre/domain"
import { AccountService, type AccountSummary, type NewScope } from "@cadre/services"
import { APIError, betterAuth } from "better-auth"
import { drizzleAdapter } from "better-auth/adapters/drizzle"
import { and, eq, gt, isNull, or } from "drizzle-orm"
import { Cause, Effect, Layer, Option, Schema } from "effect"
import type { ActorResolver, RouterLogger } from "../context.js"
import {
  AlreadyExists,
  InvalidCode,
  InvalidCredentials,
  LockedOut,
  type Rejected,
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
 * Who may create which account, role and token rows and their audit rows are the `AccountService`'s
 * (@cadre/services). better-auth creates the `user` outside its transaction; if the role transaction fails, the
 * user is deleted again (compensation), so no account is ever left without a role.
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

export type { AccountSummary, NewScope }

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
  }) => Effect.Effect<SignedIn, WeakPassword | AlreadyExists | Throttled, AccountService>
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

const promise = <A>(f: () => Promise<A>): Effect.Effect<A> => Effect.promise(f)

/** A failure's or defect's message, for the log. */
const causeText = (cause: Cause.Cause<unknown>): string => {
  const e = Cause.squash(cause)
  return e instanceof Error ? e.message : String(e)
}

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
  // provisionAccount runs outside the router's runtime: it builds the AccountService over `db` itself.
  const ownAccounts = AccountService.Default.pipe(Layer.provide(Database.fromDb(db)))
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
   * delete the user again (compensation) and fail as the role transaction did (a defect: logged, answered 500).
   */
  const bindRole = (
    ctx: AuditContext,
    role: NewRole,
    action: string,
  ): Effect.Effect<void, never, AccountService> =>
    Effect.flatMap(AccountService, (accounts) =>
      accounts.bindRole(ctx, role, action).pipe(
        Effect.onError((cause) =>
          accounts.deleteUser(role.userId).pipe(
            Effect.tap(() =>
              Effect.sync(() =>
                logger.warn("account creation rolled back", {
                  accountId: role.userId,
                  action,
                  cause: causeText(cause),
                }),
              ),
            ),
            Effect.catchAllCause((compensation) =>
              Effect.sync(() =>
                logger.error("account compensation failed: user left without a role", {
                  accountId: role.userId,
                  cause: causeText(compensation),
                }),
              ),
            ),
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

  const createAccount: AuthService["createAccount"] = (cmd, input) =>
    Effect.gen(function* () {
      const creator = cmd.actor
      const email = input.email.trim().toLowerCase()
      yield* policy(input.password, [email])
      const accounts = yield* AccountService
      const scope = yield* accounts.authorizeNew(creator, input.role, input.scope)
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

  const issueToken: AuthService["issueToken"] = (cmd, input) =>
    Effect.gen(function* () {
      const accounts = yield* AccountService
      // Minted here (the secret is the auth side's); only its hash and prefix reach the service and storage.
      const { token, hash, prefix } = newToken()
      const { id } = yield* accounts.issueToken(cmd, {
        accountId: input.accountId,
        name: input.name,
        tokenHash: hash,
        prefix,
        expiresAt: input.expiresAt ?? null,
      })
      logger.info("api token issued", { by: cmd.actor.accountId, accountId: input.accountId, tokenId: id })
      return { id, token, prefix }
    })

  const revokeToken: AuthService["revokeToken"] = (cmd, tokenId) =>
    Effect.gen(function* () {
      const accounts = yield* AccountService
      yield* accounts.revokeToken(cmd, tokenId, now())
      logger.info("api token revoked", { by: cmd.actor.accountId, tokenId })
    })

  const provisionAccount: AuthService["provisionAccount"] = async (input) => {
    const email = input.email.trim().toLowerCase()
    const existing = await db.select({ id: t.user.id }).from(t.user).where(eq(t.user.email, email)).limit(1)
    if (existing[0] !== undefined) return { accountId: existing[0].id, created: false }
    const run = <A>(effect: Effect.Effect<A, never, AccountService>): Promise<A> =>
      Effect.runPromise(Effect.provide(effect, ownAccounts))
    const scope = await run(Effect.flatMap(AccountService, (accounts) => accounts.provisionScope(input)))
    if (scope === undefined) throw new Error(`provisionAccount: no region or unit for ${email}`)
    const { response } = await auth.api.signUpEmail({
      body: { email, password: input.password, name: input.name },
      returnHeaders: true,
    })
    const userId = response.user.id
    await db.delete(t.session).where(eq(t.session.userId, userId))
    await run(
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
