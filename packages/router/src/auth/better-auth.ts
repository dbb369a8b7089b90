import { schema } from "@cadre/db"
import { betterAuth } from "better-auth"
import { drizzleAdapter } from "better-auth/adapters/drizzle"
import type { AuthOptions } from "./options.js"
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from "./password.js"

/**
 * better-auth, configured for this platform: the drizzle adapter over our tables, argon2id through its custom
 * hash/verify, HTTP-only session cookies, its own rate limiter off (sign-in throttling is ours) and its log
 * scrubbed into our JSON log.
 */

/** Cookie name prefix; the session cookie is `cadre.session_token` (`__Secure-` prefixed behind HTTPS). */
export const COOKIE_PREFIX = "cadre"

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
