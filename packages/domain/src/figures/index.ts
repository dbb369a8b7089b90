/**
 * Figures for the org dept (issue 5 "Figures for the org dept"): pure aggregations over plain rows — coverage,
 * a cohort's profile as 004 杭州 reports it, terms ending soon, quota use. Exact arithmetic; every rounding is
 * half up, once, at display, and documented where it happens.
 *
 * @since 0.1.0
 */
export { type QuotaUse, quotaUse } from "../assessment/Quota.js"
export { type CohortProfile, type CohortRow, cohortProfile } from "./Cohort.js"
export {
  type Coverage,
  type CoverageCount,
  coverage,
  inPostOn,
  type PostingRow,
  type UnitKind,
  type UnitRow,
} from "./Coverage.js"
export { type Share, share } from "./Share.js"
export { type TermEnding, type TermRow, termsEndingWithin } from "./Terms.js"
