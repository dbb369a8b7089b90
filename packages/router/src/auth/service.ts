import { makeAccountsAdmin } from "./accounts.js"
import { makeBetterAuth } from "./better-auth.js"
import { authDeps } from "./deps.js"
import type { AuthOptions } from "./options.js"
import { makeRegistration } from "./registration.js"
import { makeSignIn } from "./signin.js"
import { makeSignUp } from "./signup.js"
import type { AuthService } from "./types.js"

/**
 * Accounts and sign-in. better-auth (drizzle adapter, argon2id through its custom hash/verify) owns users,
 * credentials and sessions; the auth service adds what the platform needs around it, one module each:
 * - `better-auth.ts`: the better-auth instance and its log, scrubbed into ours;
 * - `signin.ts`: sign-in with lockout per identifier and throttling per client IP, sign-out, and the resolution of
 *   a request's credentials (API token or session cookie) into an `Access.Actor`;
 * - `registration.ts`: applicant self-registration by e-mail or by phone with a code (pluggable sender), limited
 *   per client IP, per phone and per code;
 * - `accounts.ts`: accounts an admin creates, integrators' API tokens, bootstrap provisioning;
 * - `signup.ts`: what every account creation shares: the password policy (@cadre/password), better-auth's
 *   sign-up, the role binding and its compensation.
 *
 * Who may create which account, the role and token rows and their audit rows are the `AccountService`'s
 * (@cadre/services). better-auth creates the `user` outside its transaction; if the role transaction fails, the
 * user is deleted again (compensation), so no account is ever left without a role.
 */

export { type BetterAuth, COOKIE_PREFIX, makeBetterAuth, scrubLogText } from "./better-auth.js"
export { type AuthOptions, DEFAULT_LIMITS, type Limits } from "./options.js"
export { loginEmail } from "./signin.js"
export type { AccountSummary, AuthService, NewAccount, NewScope, SignedIn } from "./types.js"

export const makeAuthService = (options: AuthOptions): AuthService => {
  const auth = makeBetterAuth(options)
  const deps = authDeps(options, auth)
  const signUp = makeSignUp(deps)
  return {
    betterAuth: auth,
    ...makeSignIn(deps),
    ...makeRegistration(deps, signUp),
    ...makeAccountsAdmin(deps, signUp),
  }
}
