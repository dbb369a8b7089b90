import { Schema } from "effect"
import { PersonId } from "../person/Profile.js"
import { Citation } from "../shared/Citation.js"
import { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { Finding, Waiver } from "./Finding.js"
import { PreferenceId } from "./PreferenceKind.js"

/** Any fail → ineligible; else any needs_review → needs_review; else eligible. A waived finding is neither. */
export const Outcome = Schema.Literal("eligible", "ineligible", "needs_review").annotations({
  identifier: "Outcome",
  title: "审查结果 / outcome",
})
export type Outcome = typeof Outcome.Type

/** A preference the candidate matched. */
export const PreferenceMatch = Schema.Struct({
  preferenceId: PreferenceId,
  kind: Schema.String,
  label: Text,
  weight: Schema.Number,
  citation: Citation,
}).annotations({ identifier: "PreferenceMatch", title: "符合的优先条件 / matched preference" })
export type PreferenceMatch = typeof PreferenceMatch.Type

/** Why a waiver did nothing: the rule is not in the scheme, is not waivable, or did not fail. */
export const WaiverRefusal = Schema.Literal("unknown_rule", "not_waivable", "not_failed")
export type WaiverRefusal = typeof WaiverRefusal.Type

export const RefusedWaiver = Schema.Struct({
  waiver: Waiver,
  reason: WaiverRefusal,
  message: Text,
}).annotations({ identifier: "RefusedWaiver", title: "未适用的放宽 / unused waiver" })
export type RefusedWaiver = typeof RefusedWaiver.Type

/** The explained result of screening one candidate against one scheme version on one reference date. */
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
export type Verdict = typeof Verdict.Type
