/**
 * The scheme's grades and the rules around them: the grade scale, the assessment cycles that award grades, and
 * the quotas on grades with their exact arithmetic.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Citation } from "../../shared/Citation.js"
import { Text } from "../../shared/Text.js"
import { Actor, Cadence, Ratio } from "./Basics.js"

/**
 * An assessment grade: excellent, competent, basically competent, incompetent.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Grade = Schema.Literal(
  "excellent",
  "competent",
  "basically_competent",
  "incompetent",
).annotations({
  identifier: "Grade",
  title: "考核等次（优秀/称职/基本称职/不称职） / grade",
})
/**
 * The decoded value of the {@link Grade} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Grade = typeof Grade.Type

/**
 * One assessment cycle of the scheme (year end, half year, term end): its steps and their actors.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AssessmentCycle = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  cadence: Cadence,
  firstOpinionBy: Schema.optional(Actor),
  decidedBy: Schema.optional(Actor),
  /**
   * The bodies the deciding body assesses together with (会同): 004 杭州 "由派出单位会同接收单位对挂职干部进行考核" —
   * decided by the dispatching unit jointly with the host unit. Shown on the cycle; the grade is `decidedBy`'s.
   */
  jointlyWith: Schema.optional(Schema.NonEmptyArray(Actor)),
  reportTo: Schema.optional(Actor),
  citation: Citation,
}).annotations({ identifier: "AssessmentCycle", title: "考核 / assessment cycle" })
/**
 * The decoded value of the {@link AssessmentCycle} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type AssessmentCycle = typeof AssessmentCycle.Type

/**
 * Whom a quota's group counts, among the scheme's placements in the scheme's region: `serving` — those in post in
 * the period and not ended early (recalled, exited, returned to their unit, adjusted: 002 "全区第一书记总数" counts
 * the serving first secretaries); `in_post` — everyone in post in the period, however the placement ended.
 *
 * @category schemas
 * @since 0.1.0
 */
export const QuotaMembers = Schema.Literal("serving", "in_post").annotations({
  identifier: "QuotaMembers",
  title: "名额计入对象（在岗/任期内全部） / whom a quota counts",
})
/**
 * The decoded value of the {@link QuotaMembers} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type QuotaMembers = typeof QuotaMembers.Type

/**
 * A quota on a grade. A cap ("优秀不超过20%") allows floor(N × share); a floor ("达到40%以上") needs
 * ceil(N × share): `rounding` must agree with `bound`. `countedAmong` says which group N counts
 * (002: 单列, among all first secretaries; 004: among seconded cadres of the same kind).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Quota = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  grade: Grade,
  bound: Schema.Literal("cap", "floor"),
  share: Ratio,
  rounding: Schema.Literal("floor", "ceil"),
  countedAmong: Text,
  /**
   * The cycles (ids) the quota applies to; absent: every year-end and term-end cycle of the scheme (issue 13: a
   * term-end grade is checked like an annual one).
   */
  cycles: Schema.optional(Schema.Array(Schema.NonEmptyTrimmedString)),
  /** Whom the group counts (default "serving"): see {@link QuotaMembers}. */
  members: Schema.optional(QuotaMembers),
  citation: Citation,
})
  .pipe(
    Schema.filter(
      (q) =>
        (q.bound === "cap" ? q.rounding === "floor" : q.rounding === "ceil") ||
        "上限向下取整、下限向上取整 / a cap rounds down (floor), a floor rounds up (ceil)",
    ),
  )
  .annotations({ identifier: "Quota", title: "等次名额 / grade quota" })
/**
 * The decoded value of the {@link Quota} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Quota = typeof Quota.Type

/**
 * People a quota allows (cap) or requires (floor) among `n`, in exact integer arithmetic.
 *
 * @category utils
 * @since 0.1.0
 */
export const quotaCount = (q: Pick<Quota, "share" | "rounding">, n: number): number => {
  const x = n * q.share.numerator
  return q.rounding === "floor" ? Math.floor(x / q.share.denominator) : Math.ceil(x / q.share.denominator)
}

/**
 * Does the quota apply to a cycle? The cycles it names, or (none named) every year-end and term-end cycle.
 *
 * @category utils
 * @since 0.1.0
 */
export const quotaAppliesTo = (
  q: Pick<Quota, "cycles">,
  cycle: Pick<AssessmentCycle, "id" | "cadence">,
): boolean =>
  q.cycles === undefined
    ? cycle.cadence._tag === "YearEnd" || cycle.cadence._tag === "TermEnd"
    : q.cycles.includes(cycle.id)

/**
 * Whom a quota counts (default `serving`).
 *
 * @category utils
 * @since 0.1.0
 */
export const quotaMembers = (q: Pick<Quota, "members">): QuotaMembers => q.members ?? "serving"
