/**
 * Eligibility (人选条件): rules as data, compiled once per scheme into a plain function that screens one
 * candidate into an explained verdict.
 *
 * @since 0.1.0
 */
export {
  compile,
  evaluate,
  rankCandidates,
  type Screen,
  type Screenable,
  type ScreeningInput,
} from "./Evaluate.js"
export { Finding, FindingStatus, FindingValue, RuleId, Waiver } from "./Finding.js"
export { EDUCATION_LABELS, EMPLOYMENT_LABELS, RANK_LABELS } from "./Labels.js"
export {
  type Match,
  type PreferenceBase,
  PreferenceId,
  type PreferenceKind,
  preferenceFields,
} from "./PreferenceKind.js"
export * from "./preferences/index.js"
export { type Check, type EvalContext, type RuleBase, type RuleKind, ruleFields } from "./RuleKind.js"
export * from "./rules/index.js"
export { Outcome, PreferenceMatch, RefusedWaiver, Verdict, WaiverRefusal } from "./Verdict.js"
