import { createHash, randomInt } from "node:crypto"
import { schema } from "@cadre/db"
import { and, eq, gt } from "drizzle-orm"
import { Effect } from "effect"
import { InvalidCode, Throttled } from "../errors.js"
import { type AuthDeps, promise } from "./deps.js"
import { keyPart } from "./limits.js"
import { phoneEmail } from "./signin.js"
import type { SignUp } from "./signup.js"
import type { AuthService } from "./types.js"

/**
 * Applicant self-registration, by e-mail or by phone with a code from the pluggable sender; limits on
 * registrations per client IP, on codes per phone and per IP, and on guesses per code. Signs the new applicant in.
 */

const CODE_MINUTES = 10

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex")

export const makeRegistration = (
  deps: AuthDeps,
  { policy, signUp, bindRole, userExists }: SignUp,
): Pick<
  AuthService,
  "requestEmailCode" | "registerEmail" | "requestPhoneCode" | "registerPhone" | "selfCheckFrom"
> => {
  const { db, logger, now, limiter, limits, sender, mailer } = deps
  const t = schema

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

  /** One public self-check from `ip` (none: not counted); Throttled above the limit. */
  const selfCheckFrom: AuthService["selfCheckFrom"] = ({ ip }) =>
    Effect.gen(function* () {
      if (ip === undefined) return
      const hit = yield* promise(() =>
        limiter.hit(`self-check:ip:${ip}`, limits.selfCheckWindowMinutes * 60_000, now()),
      )
      if (hit.count > limits.selfChecksPerIp) {
        logger.warn("self-check throttled for a client IP", { ip, until: hit.until.toISOString() })
        return yield* Effect.fail(new Throttled({ until: hit.until.toISOString(), action: "self_check" }))
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

  /**
   * One more code for `target` (a phone or an address, `kind` says which), counted per client IP and per target;
   * Throttled above either limit. Limits are counted before anything is sent.
   */
  const countCodeRequest = (kind: "phone" | "email", target: string, ip: string | undefined) =>
    Effect.gen(function* () {
      const windowMs = limits.phoneCodeWindowMinutes * 60_000
      const throttled = (until: Date, by: string) => {
        logger.warn(`${kind} code requests throttled`, { by, until: until.toISOString() })
        return Effect.fail(new Throttled({ until: until.toISOString(), action: "phone_code" }))
      }
      if (ip !== undefined) {
        const byIp = yield* promise(() => limiter.hit(`${kind}-code:ip:${ip}`, windowMs, now()))
        if (byIp.count > limits.phoneCodesPerIp) return yield* throttled(byIp.until, "ip")
      }
      const byTarget = yield* promise(() =>
        limiter.hit(`${kind}-code:${kind}:${keyPart(target)}`, windowMs, now()),
      )
      if (byTarget.count > limits.phoneCodesPerPhone) return yield* throttled(byTarget.until, kind)
    })

  /** A new code for `identifier` (the previous one dies), stored hashed; the code itself is returned to send. */
  const issueCode = (identifier: string) =>
    Effect.gen(function* () {
      const code = String(randomInt(0, 1_000_000)).padStart(6, "0")
      yield* promise(() => db.delete(t.verification).where(eq(t.verification.identifier, identifier)))
      yield* promise(() =>
        db.insert(t.verification).values({
          id: crypto.randomUUID(),
          identifier,
          value: sha256(code),
          expiresAt: new Date(now().getTime() + CODE_MINUTES * 60_000),
        }),
      )
      return code
    })

  /**
   * Use up the code for `identifier`: InvalidCode when there is none, it expired, it is wrong, or its
   * `codeAttempts` guesses are spent (then it dies). Of two right guesses in parallel, one succeeds.
   */
  const consumeCode = (identifier: string, given: string) =>
    Effect.gen(function* () {
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
      const guess = yield* promise(() => limiter.hit(`code:attempts:${row.id}`, CODE_MINUTES * 60_000, now()))
      const burn = promise(() => db.delete(t.verification).where(eq(t.verification.id, row.id)))
      if (guess.count > limits.codeAttempts) {
        yield* burn
        return yield* Effect.fail(new InvalidCode())
      }
      if (row.value !== sha256(given.trim())) {
        if (guess.count === limits.codeAttempts) {
          yield* burn
          logger.warn("verification code used up by wrong guesses", { attempts: guess.count })
        }
        return yield* Effect.fail(new InvalidCode())
      }
      const consumed = yield* promise(() =>
        db.delete(t.verification).where(eq(t.verification.id, row.id)).returning({ id: t.verification.id }),
      )
      if (consumed.length === 0) return yield* Effect.fail(new InvalidCode())
    })

  const normalEmail = (email: string) => email.trim().toLowerCase()

  // Whether the address is taken decides only what the mail says; the answer on screen is the same.
  const requestEmailCode: AuthService["requestEmailCode"] = ({ email: given, ip }) =>
    Effect.gen(function* () {
      const email = normalEmail(given)
      yield* countCodeRequest("email", email, ip)
      if (yield* promise(() => userExists(email))) {
        yield* promise(() => mailer.send(email, { kind: "already_registered" }))
      } else {
        const code = yield* issueCode(`email-register:${email}`)
        yield* promise(() => mailer.send(email, { kind: "code", code }))
      }
      return { expiresInSeconds: CODE_MINUTES * 60 }
    })

  // The policy is checked before anything else, so a refused password says the same for any address; a code is
  // only ever mailed to a free address, so a taken one can only be refused as a wrong code.
  const registerEmail: AuthService["registerEmail"] = (input) =>
    Effect.gen(function* () {
      const email = normalEmail(input.email)
      yield* policy(input.password, [email])
      yield* registrationFrom(input.ip)
      yield* consumeCode(`email-register:${email}`, input.code)
      return yield* registerApplicant(email, input.password, input.name)
    })

  const requestPhoneCode: AuthService["requestPhoneCode"] = ({ phone, ip }) =>
    Effect.gen(function* () {
      yield* countCodeRequest("phone", phone, ip)
      const code = yield* issueCode(`phone-register:${phone}`)
      yield* promise(() => sender.send(phone, code))
      return { expiresInSeconds: CODE_MINUTES * 60 }
    })

  const registerPhone: AuthService["registerPhone"] = (input) =>
    Effect.gen(function* () {
      yield* policy(input.password, [input.phone])
      yield* registrationFrom(input.ip)
      yield* consumeCode(`phone-register:${input.phone}`, input.code)
      return yield* registerApplicant(phoneEmail(input.phone), input.password, input.name)
    })

  return { requestEmailCode, registerEmail, requestPhoneCode, registerPhone, selfCheckFrom }
}
