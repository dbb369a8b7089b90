import type { Db } from "@cadre/db"
import { Effect } from "effect"
import type { RouterLogger } from "../context.js"
import type { BetterAuth } from "./better-auth.js"
import { type Limiter, makeLimiter } from "./limits.js"
import { type AuthOptions, DEFAULT_LIMITS, type Limits } from "./options.js"
import { type EmailSender, logEmailSender } from "./mail.js"
import { logPhoneCodeSender, type PhoneCodeSender } from "./phone.js"

/** What the parts of one auth service share: its options resolved once, the better-auth instance, the limiter. */
export interface AuthDeps {
  readonly db: Db
  readonly logger: RouterLogger
  readonly auth: BetterAuth
  readonly now: () => Date
  /** Failed sign-ins that lock an identifier, and for how long (ms). */
  readonly maxFailures: number
  readonly lockMs: number
  /** Failed sign-ins from one client IP within `ipWindowMs` after which that IP is refused. */
  readonly maxFailuresPerIp: number
  readonly ipWindowMs: number
  readonly limits: Limits
  readonly limiter: Limiter
  readonly sender: PhoneCodeSender
  readonly mailer: EmailSender
}

export const authDeps = (options: AuthOptions, auth: BetterAuth): AuthDeps => ({
  db: options.db,
  logger: options.logger,
  auth,
  now: options.now ?? (() => new Date()),
  maxFailures: options.maxFailures ?? 5,
  lockMs: (options.lockoutMinutes ?? 15) * 60_000,
  maxFailuresPerIp: options.maxFailuresPerIp ?? 20,
  ipWindowMs: (options.ipWindowMinutes ?? 15) * 60_000,
  limits: { ...DEFAULT_LIMITS, ...options.limits },
  limiter: makeLimiter(options.db),
  sender: options.phoneSender ?? logPhoneCodeSender(options.logger),
  mailer: options.emailSender ?? logEmailSender(options.logger),
})

/** A query or better-auth call as an Effect; a rejection is a defect (logged, answered generically). */
export const promise = <A>(f: () => Promise<A>): Effect.Effect<A> => Effect.promise(f)
