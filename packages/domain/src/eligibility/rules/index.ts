/**
 * The rule registry: every rule kind, the union Schema of rules, and their compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Check, RuleBase, RuleKind } from "../RuleKind.js"
import { AgeCapByRankKind } from "./AgeCapByRank.js"
import { AgeCapByRoleKind } from "./AgeCapByRole.js"
import { AgeRangeKind } from "./AgeRange.js"
import { AttestedKind } from "./Attested.js"
import { EducationAtLeastKind } from "./EducationAtLeast.js"
import { EmploymentInKind } from "./EmploymentIn.js"
import { LacksGrassrootsExperienceKind } from "./LacksGrassrootsExperience.js"
import { NoExclusionKind } from "./NoExclusion.js"
import { PartyStandingKind } from "./PartyStanding.js"
import { RankInKind } from "./RankIn.js"

/**
 * The rule registry. Adding a rule kind = one new file in this folder exporting a `RuleKind`, and one entry here.
 * The union Schema and the compile dispatch are both built from this list.
 */
const KINDS = [
  AgeRangeKind,
  AgeCapByRoleKind,
  AgeCapByRankKind,
  PartyStandingKind,
  EducationAtLeastKind,
  EmploymentInKind,
  RankInKind,
  LacksGrassrootsExperienceKind,
  NoExclusionKind,
  AttestedKind,
] as const

type Kinds = typeof KINDS
type KindSchema = Kinds[number]["schema"]

/**
 * Any eligibility rule (a tagged union on `_tag`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rule: Schema.Schema<
  Schema.Schema.Type<KindSchema>,
  Schema.Schema.Encoded<KindSchema>
> = Schema.Union(...KINDS.map((k): KindSchema => k.schema)).annotations({
  identifier: "Rule",
  title: "人选条件 / eligibility rule",
})
/**
 * Any registered rule value (the union of every rule kind's Schema).
 *
 * @category models
 * @since 0.1.0
 */
export type Rule = Schema.Schema.Type<KindSchema>
/**
 * A rule as stored in a scheme's JSON.
 *
 * @category models
 * @since 0.1.0
 */
export type RuleEncoded = Schema.Schema.Encoded<KindSchema>
/**
 * The tag of a registered rule kind.
 *
 * @category models
 * @since 0.1.0
 */
export type RuleTag = Rule["_tag"]

/**
 * The tags of every registered rule kind, in registry order.
 *
 * @category constants
 * @since 0.1.0
 */
export const RULE_TAGS: ReadonlyArray<RuleTag> = KINDS.map((k) => k.tag)

const COMPILERS = new Map<string, (rule: Rule) => Check>(
  KINDS.map((k) => [k.tag, k.compile as (rule: RuleBase) => Check] as const),
)

/**
 * Compile one rule into its check (done once per scheme, not per candidate).
 *
 * @category rules
 * @since 0.1.0
 */
export const compileRule = (rule: Rule): Check => {
  const c = COMPILERS.get(rule._tag)
  // The Schema admits only registered tags, so this is a defect (a rule built without decoding).
  if (c === undefined) throw new Error(`unknown rule kind: ${rule._tag}`)
  return c(rule)
}

export type { RuleKind }
export { AgeCapByRank } from "./AgeCapByRank.js"
export { AgeCapByRole } from "./AgeCapByRole.js"
export { AgeRange, describeAgeRange } from "./AgeRange.js"
export { Attested } from "./Attested.js"
export { EducationAtLeast } from "./EducationAtLeast.js"
export { EmploymentIn } from "./EmploymentIn.js"
export { grassrootsMonths, LacksGrassrootsExperience } from "./LacksGrassrootsExperience.js"
export { CONDUCT_KINDS, type ConductKind, NoExclusion } from "./NoExclusion.js"
export { PartyStanding } from "./PartyStanding.js"
export { RankIn } from "./RankIn.js"
