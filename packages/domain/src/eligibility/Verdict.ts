/**
 * Verdicts: one candidate's outcome under a scheme, with every finding, the preferences matched and the waivers.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { PersonId } from "../person/Profile.js"
import { Citation } from "../shared/Citation.js"
import { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { Finding, Waiver } from "./Finding.js"
import { PreferenceId } from "./PreferenceKind.js"

/**
 * Any fail → ineligible; else any needs_review → needs_review; else eligible. A waived finding is neither.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Outcome = Schema.Literal("eligible", "ineligible", "needs_review").annotations({
  identifier: "Outcome",
  title: "审查结果 / outcome",
})
/**
 * The decoded value of the {@link Outcome} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Outcome = typeof Outcome.Type

/**
 * A preference the candidate matched.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PreferenceMatch = Schema.Struct({
  preferenceId: PreferenceId,
  kind: Schema.String,
  label: Text,
  weight: Schema.Number,
  citation: Citation,
}).annotations({ identifier: "PreferenceMatch", title: "符合的优先条件 / matched preference" })
/**
 * The decoded value of the {@link PreferenceMatch} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PreferenceMatch = typeof PreferenceMatch.Type

/**
 * Why a waiver did nothing: the rule is not in the scheme, is not waivable, or did not fail.
 *
 * @category schemas
 * @since 0.1.0
 */
export const WaiverRefusal = Schema.Literal("unknown_rule", "not_waivable", "not_failed")
/**
 * The decoded value of the {@link WaiverRefusal} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type WaiverRefusal = typeof WaiverRefusal.Type

/**
 * A waiver that was not applied, with the reason.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RefusedWaiver = Schema.Struct({
  waiver: Waiver,
  reason: WaiverRefusal,
  message: Text,
}).annotations({ identifier: "RefusedWaiver", title: "未适用的放宽 / unused waiver" })
/**
 * The decoded value of the {@link RefusedWaiver} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RefusedWaiver = typeof RefusedWaiver.Type

/**
 * The explained result of screening one candidate against one scheme version on one reference date.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Verdict = Schema.Struct({
  personId: PersonId,
  schemeId: Schema.String,
  schemeVersion: Schema.Int,
  referenceDate: LocalDate,
  targetRole: Schema.NullOr(Schema.String),
  outcome: Outcome,
  /** One per rule, in the scheme's order (rules, then exclusions). */
  findings: Schema.Array(Finding),
  /** Preferences matched; they order eligible candidates and never change the outcome. */
  preferences: Schema.Array(PreferenceMatch),
  /** Sum of matched preference weights. */
  score: Schema.Number,
  refusedWaivers: Schema.Array(RefusedWaiver),
}).annotations({ identifier: "Verdict", title: "资格审查结论 / eligibility verdict" })
/**
 * The decoded value of the {@link Verdict} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Verdict = typeof Verdict.Type
