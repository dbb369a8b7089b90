/**
 * Findings: what one rule concluded about one candidate, with the value it saw, what it expected and the clause.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Citation } from "../shared/Citation.js"
import { FactSource } from "../shared/FactSource.js"
import { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"

/**
 * A rule's key, stable within a scheme (versions and diffs match rules by it), e.g. "age".
 *
 * @category schemas
 * @since 0.1.0
 */
export const RuleId = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9_.-]*$/, {
    message: () => "规则编号只能包含小写字母、数字、_ . - / rule id: lowercase letters, digits, _ . -",
  }),
  Schema.maxLength(64),
).annotations({ identifier: "RuleId", title: "规则编号 / rule id" })
/**
 * The decoded value of the {@link RuleId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RuleId = typeof RuleId.Type

/**
 * An individual exception to a waivable rule ("一般" / "原则上" / "特别优秀的，可适当放宽限制"), with the written
 * reason and who approved it. A waiver never makes a rule pass: the finding becomes "waived" and keeps the
 * value that failed.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Waiver = Schema.Struct({
  ruleId: RuleId,
  reason: Schema.NonEmptyTrimmedString.annotations({ title: "放宽理由 / reason" }),
  approver: Schema.NonEmptyTrimmedString.annotations({ title: "批准人 / approver" }),
  approvedOn: LocalDate.annotations({ title: "批准日期 / approved on" }),
}).annotations({ identifier: "Waiver", title: "放宽限制 / waiver" })
/**
 * The decoded value of the {@link Waiver} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Waiver = typeof Waiver.Type

/**
 * What one rule concluded about one candidate: pass, fail, waived (failed, set aside) or needs review.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FindingStatus = Schema.Literal("pass", "fail", "waived", "needs_review").annotations({
  identifier: "FindingStatus",
  title: "结论 / status",
})
/**
 * The decoded value of the {@link FindingStatus} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type FindingStatus = typeof FindingStatus.Type

/**
 * The value a rule saw (an age, a category, a list of matching records…), JSON-safe.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FindingValue = Schema.Union(
  Schema.Null,
  Schema.Boolean,
  Schema.Number,
  Schema.String,
  Schema.Array(Schema.String),
).annotations({ identifier: "FindingValue", title: "实际情况 / actual value" })
/**
 * The decoded value of the {@link FindingValue} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type FindingValue = typeof FindingValue.Type

/**
 * A reviewer's resolution of a finding the screening left as needs_review (issue 13, "facts carry their source"):
 * confirmed (the rule is met: pass) or refused (not met: fail), with the reason, the date, and who recorded it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FindingReview = Schema.Struct({
  outcome: Schema.Literal("confirmed", "refused"),
  reason: Schema.NonEmptyTrimmedString,
  date: LocalDate,
  by: Schema.String,
  role: Schema.String,
}).annotations({ identifier: "FindingReview", title: "审核认定 / finding review" })
/**
 * The decoded value of the {@link FindingReview} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type FindingReview = typeof FindingReview.Type

/**
 * Who a fact on a case comes from (see shared/FactSource.ts).
 *
 * @category schemas
 * @since 0.1.0
 */
export { FactSource } from "../shared/FactSource.js"

/**
 * One rule's result for one candidate, with the clause it applies and an explanation in zh-CN and en.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Finding = Schema.Struct({
  ruleId: RuleId,
  kind: Schema.String.annotations({ title: "规则类型 / rule kind" }),
  status: FindingStatus,
  label: Text,
  actual: FindingValue,
  expected: Text,
  citation: Citation,
  waivable: Schema.Boolean,
  message: Text,
  waiver: Schema.optional(Waiver),
  /** Set when a reviewer resolved a needs_review finding: `status` is then pass (confirmed) or fail (refused). */
  review: Schema.optional(FindingReview),
  /** Whose word the finding rests on, when it rests on a fact someone recorded (an attestation, a conduct record). */
  source: Schema.optional(FactSource),
}).annotations({ identifier: "Finding", title: "审查结论 / finding" })
/**
 * The decoded value of the {@link Finding} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Finding = typeof Finding.Type
