/**
 * The `AgeRange` eligibility rule (age in full years within bounds): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { fullYears } from "../../shared/FullYears.js"
import type { Text } from "../../shared/Text.js"
import {
  type Check,
  clauseSuffix,
  findingsFor,
  messagesByReference,
  passMessage,
  type RuleKind,
  ruleFields,
} from "../RuleKind.js"

/**
 * Age in full years (周岁) on the reference date, within [min, max], BOTH INCLUSIVE.
 *
 * Mapping Chinese wording to these integer bounds (Civil Code art. 1259: 以上/以下/以内/届满 include the
 * number; 不满/超过/以外 exclude it):
 * - "25—38周岁", "25周岁以上", "38周岁以下", "不超过45周岁"  → min 25 / max 38 / max 45 as written;
 * - "不满40周岁" (under 40)                                   → max 39;
 * - "超过25周岁" (over 25)                                    → min 26.
 * Ages are whole numbers, so an exclusive bound n is the inclusive bound n−1 (max) or n+1 (min).
 *
 * @category schemas
 * @since 0.1.0
 */
export const AgeRange = Schema.TaggedStruct("AgeRange", {
  ...ruleFields,
  min: Schema.optional(Schema.NonNegativeInt.annotations({ title: "最小年龄（含） / min age, inclusive" })),
  max: Schema.optional(Schema.NonNegativeInt.annotations({ title: "最大年龄（含） / max age, inclusive" })),
})
  .pipe(
    Schema.filter(
      (r) =>
        r.min === undefined ||
        r.max === undefined ||
        r.min <= r.max ||
        "最小年龄不得大于最大年龄 / min age must not exceed max age",
    ),
  )
  .annotations({ identifier: "AgeRange", title: "年龄范围 / age range" })
/**
 * The decoded value of the {@link AgeRange} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type AgeRange = typeof AgeRange.Type

/**
 * "25—38周岁" / "aged 25 to 38 (full years)".
 *
 * @category utils
 * @since 0.1.0
 */
export const describeAgeRange = (min: number | undefined, max: number | undefined): Text =>
  min !== undefined && max !== undefined
    ? { zh: `${min}—${max}周岁`, en: `aged ${min} to ${max} (full years)` }
    : min !== undefined
      ? { zh: `${min}周岁以上`, en: `aged ${min} or over (full years)` }
      : max !== undefined
        ? { zh: `${max}周岁以下`, en: `aged ${max} or under (full years)` }
        : { zh: "不限年龄", en: "any age" }

/**
 * Compiles a `AgeRange` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: AgeRange): Check => {
  const { min, max } = rule
  const make = findingsFor(rule, describeAgeRange(min, max))
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const tooYoung = messagesByReference((age, ref) => ({
    zh: `截至${ref}年满${age}周岁，低于${min}周岁${sfx.zh}`,
    en: `Aged ${age} on ${ref}, below the minimum of ${min}${sfx.en}`,
  }))
  const tooOld = messagesByReference((age, ref) => ({
    zh: `截至${ref}年满${age}周岁，超过${max}周岁${sfx.zh}`,
    en: `Aged ${age} on ${ref}, above the maximum of ${max}${sfx.en}`,
  }))
  return (profile, ctx) => {
    const age = fullYears(profile.birthDate, ctx.referenceDate)
    if (min !== undefined && age < min) return make("fail", age, tooYoung(age, ctx.referenceDate))
    if (max !== undefined && age > max) return make("fail", age, tooOld(age, ctx.referenceDate))
    return make("pass", age, ok)
  }
}

/**
 * The `AgeRange` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const AgeRangeKind: RuleKind<AgeRange, typeof AgeRange.Encoded> = {
  tag: "AgeRange",
  schema: AgeRange,
  compile,
}
