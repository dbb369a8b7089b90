import { hash, verify } from "@node-rs/argon2"

/**
 * The password policy is @cadre/password's (shared with the SPAs: NFKC-normalised, no control characters, no
 * repeated, sequential or keyboard patterns, a zxcvbn-ts strength floor, bilingual messages). This module adds
 * the hash, which needs Node. The hash is of the password as typed; the policy judges its normalised form.
 */
export { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_POLICY, passwordProblems } from "@cadre/password"

// argon2id (the library's default) with OWASP's second recommended setting: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Hash a password with argon2id (PHC string: algorithm, parameters and salt travel with the hash). */
export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2)

/** Check a password against a stored PHC hash; false (never a throw) for a malformed hash. */
export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
