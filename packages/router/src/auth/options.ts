import type { Db } from "@cadre/db"
import type { RouterLogger } from "../context.js"
import type { EmailSender } from "./mail.js"
import type { PhoneCodeSender } from "./phone.js"

/** How an auth service is configured (apps/api passes the deployment's; tests inject a clock and limits). */
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
  /** Sends registration codes and notices by e-mail (default: to the log). */
  readonly emailSender?: EmailSender
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
  /** Codes sent to one phone number (or e-mail address) per `phoneCodeWindowMinutes` (each is an SMS or a mail). */
  readonly phoneCodesPerPhone: number
  /** Codes requested from one client IP per `phoneCodeWindowMinutes`, across phone numbers (and, apart, addresses). */
  readonly phoneCodesPerIp: number
  readonly phoneCodeWindowMinutes: number
  /** Guesses one code allows; after them the code is deleted (a new one must be requested). */
  readonly codeAttempts: number
  /** Self-registrations (e-mail or phone) from one client IP per `registrationWindowMinutes`. */
  readonly registrationsPerIp: number
  readonly registrationWindowMinutes: number
  /** Public self-checks (`campaigns.publicCheck`, a screening each) from one client IP per `selfCheckWindowMinutes`. */
  readonly selfChecksPerIp: number
  readonly selfCheckWindowMinutes: number
}

export const DEFAULT_LIMITS: Limits = {
  phoneCodesPerPhone: 5,
  phoneCodesPerIp: 20,
  phoneCodeWindowMinutes: 60,
  codeAttempts: 5,
  registrationsPerIp: 10,
  registrationWindowMinutes: 60,
  selfChecksPerIp: 120,
  selfCheckWindowMinutes: 60,
}
