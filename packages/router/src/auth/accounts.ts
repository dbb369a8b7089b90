import { Database, schema } from "@cadre/db"
import { AccountService } from "@cadre/services"
import { eq } from "drizzle-orm"
import { Effect, Layer } from "effect"
import { type AuthDeps, promise } from "./deps.js"
import type { SignUp } from "./signup.js"
import { newToken } from "./tokens.js"
import type { AuthService } from "./types.js"

/**
 * Accounts administration around better-auth: an admin creates staff and integrator accounts, issues and revokes
 * integrators' API tokens (minted here, stored as SHA-256), and bootstrap provisions accounts. Who may do what,
 * the role and token rows and their audit rows are the AccountService's (@cadre/services); this module adds the
 * sign-up, the token secret and the log lines.
 */

export const makeAccountsAdmin = (
  deps: AuthDeps,
  { policy, signUp, bindRole }: SignUp,
): Pick<AuthService, "createAccount" | "issueToken" | "revokeToken" | "provisionAccount"> => {
  const { db, logger, auth, now } = deps
  const t = schema
  // provisionAccount runs outside the router's runtime: it builds the AccountService over `db` itself.
  const ownAccounts = AccountService.Default.pipe(Layer.provide(Database.fromDb(db)))

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

  return { createAccount, issueToken, revokeToken, provisionAccount }
}
