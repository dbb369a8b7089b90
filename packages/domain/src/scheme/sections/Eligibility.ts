/**
 * The scheme's eligibility part: the rules and exclusions a candidate is screened against, the preferences that
 * rank eligible candidates, and the date screening measures on.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Preference } from "../../eligibility/preferences/index.js"
import { NoExclusion } from "../../eligibility/rules/NoExclusion.js"
import { Rule } from "../../eligibility/rules/index.js"
import { Param } from "../../shared/Cited.js"
import { LocalDate } from "../../shared/LocalDate.js"

/**
 * Which date screening measures ages and standing on. The seeds do not fix it; the campaign usually does.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReferenceDatePolicy = Schema.Union(
  /** The deadline of a stage of this scheme (e.g. the registration / recommendation deadline). */
  Schema.TaggedStruct("StageDeadline", { stageId: Schema.NonEmptyTrimmedString }),
  Schema.TaggedStruct("FixedDate", { date: LocalDate }),
  /** Each campaign states its own date. */
  Schema.TaggedStruct("SetByCampaign", {}),
).annotations({ identifier: "ReferenceDatePolicy", title: "计算基准日 / reference date" })
/**
 * The decoded value of the {@link ReferenceDatePolicy} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ReferenceDatePolicy = typeof ReferenceDatePolicy.Type

/**
 * The scheme's eligibility part: the rules, the exclusions, the preferences and the reference-date policy.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Eligibility = Schema.Struct({
  /** 人选条件: computed and attested rules, in the document's order. */
  rules: Schema.Array(Rule),
  /** 不宜/不得 情形: exclusions, evaluated after the rules. */
  exclusions: Schema.Array(NoExclusion),
  /** 优先: rank eligible candidates, never exclude. */
  preferences: Schema.Array(Preference),
  referenceDate: Param(ReferenceDatePolicy),
}).annotations({ identifier: "EligibilityParameters", title: "人选条件 / eligibility" })
/**
 * The decoded value of the {@link Eligibility} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Eligibility = typeof Eligibility.Type
