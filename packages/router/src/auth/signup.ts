import { type AuditContext, type NewRole, schema } from "@cadre/db"
import { AccountService } from "@cadre/services"
import { APIError } from "better-auth"
import { eq } from "drizzle-orm"
import { Cause, Effect } from "effect"
import { AlreadyExists, WeakPassword } from "../errors.js"
import { type AuthDeps, promise } from "./deps.js"
import { passwordProblems } from "./password.js"

/**
 * The steps every account creation shares (self-registration, an admin's, bootstrap): the password policy
 * (@cadre/password), better-auth's sign-up (a taken e-mail is AlreadyExists, never a 500), and binding the new
 * user to its role through the AccountService. better-auth creates the `user` outside the role's transaction; if
 * that transaction fails, the user is deleted again (compensation), so no account is ever left without a role.
 */

/** A PostgreSQL unique violation (23505) anywhere in an error's cause chain (drizzle and better-auth wrap it). */
const isUniqueViolation = (e: unknown): boolean => {
  for (let cur: unknown = e, depth = 0; typeof cur === "object" && cur !== null && depth < 8; depth++) {
    if ((cur as { code?: unknown }).code === "23505") return true
    cur = (cur as { cause?: unknown }).cause
  }
  return false
}

/** A failure's or defect's message, for the log. */
const causeText = (cause: Cause.Cause<unknown>): string => {
  const e = Cause.squash(cause)
  return e instanceof Error ? e.message : String(e)
}

export const makeSignUp = (deps: AuthDeps) => {
  const { db, logger, auth } = deps
  const t = schema

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

  return { policy, signUp, bindRole, userExists } as const
}

/** The shared steps, as `makeSignUp` builds them for one auth service. */
export type SignUp = ReturnType<typeof makeSignUp>
