/**
 * What the reserve-pool checks read from a scheme.
 *
 * @since 0.1.0
 */

import type { AgeCapByRole } from "../eligibility/rules/AgeCapByRole.js"
import type { Pool, Scheme } from "../scheme/Scheme.js"
import type { Text } from "../shared/Text.js"

/**
 * What the pool checks read from a scheme: the pool composition (Scheme `pool`: 001 二、三（4）) and the
 * role-dependent age caps, which the presets keep among the eligibility rules (001 三（4）: an `AgeCapByRole` rule
 * whose role keys are the pool's role keys, "principal" / "deputy").
 *
 * @category models
 * @since 0.1.0
 */
export interface PoolRules {
  readonly pool: Pool
  readonly ageCaps: ReadonlyArray<AgeCapByRole>
}

/**
 * A community (社区) as the pool checks name it. Names are Chinese proper nouns: one string serves both languages.
 *
 * @category models
 * @since 0.1.0
 */
export interface Community {
  readonly id: string
  readonly name: string
}

/**
 * A pool parameter the scheme leaves unspecified: the check it would drive is not run, and this says why.
 *
 * @category models
 * @since 0.1.0
 */
export interface NotChecked {
  readonly param: "minPerCommunity" | "roles" | "youngShare" | "ageCaps"
  readonly note: Text
}

/**
 * The pool rules of a scheme, or undefined when the scheme sets no pool composition (not a reserve-pool scheme).
 *
 * @category getters
 * @since 0.1.0
 */
export const poolRulesOf = (scheme: Pick<Scheme, "pool" | "eligibility">): PoolRules | undefined =>
  scheme.pool._tag === "Unspecified"
    ? undefined
    : {
        pool: scheme.pool.value,
        ageCaps: scheme.eligibility.rules.filter((r): r is AgeCapByRole => r._tag === "AgeCapByRole"),
      }
