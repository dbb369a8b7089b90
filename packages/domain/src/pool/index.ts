/**
 * Reserve pools (后备干部队伍): a community's nominees against the pool rules (count, roles, role-dependent age
 * caps) and the pool's age structure over the street and per community (001 二、三（4）、四（二）1). Used when the
 * pool is composed and at the yearly pool review (001 五1).
 *
 * @since 0.1.0
 */
export {
  checkPool,
  failuresOf,
  gate,
  gateDecision,
  type PoolEntry,
  type PoolFailure,
  PoolRefused,
  type PoolReport,
  PoolWaiver,
  type WaivedFailure,
} from "./Check.js"
export {
  type CompositionReport,
  composition,
  formatQuotient,
  formatShare,
  type Member,
  type Scope,
  type YoungShare,
} from "./Composition.js"
export {
  checkNominees,
  type Nominee,
  type NomineeCheck,
  type NomineeResult,
  outcomeOf,
  type PoolOutcome,
} from "./Nominees.js"
export { type Community, type NotChecked, type PoolRules, poolRulesOf } from "./Rules.js"
