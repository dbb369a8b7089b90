/**
 * The `EmploymentIn` eligibility rule (the employment category is one of a list): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { EmploymentCategory } from "../../person/Profile.js"
import { EMPLOYMENT_LABELS, joinLabels } from "../Labels.js"
import {
  type Check,
  clauseSuffix,
  findingsFor,
  messagesByKey,
  passMessage,
  type RuleKind,
  ruleFields,
} from "../RuleKind.js"

/**
 * Employment category in an allowed set (000 一（一）2: 公务员、参公、事业单位在编人员).
 *
 * @category schemas
 * @since 0.1.0
 */
export const EmploymentIn = Schema.TaggedStruct("EmploymentIn", {
  ...ruleFields,
  categories: Schema.NonEmptyArray(EmploymentCategory).annotations({
    title: "允许的人员类别 / allowed categories",
  }),
}).annotations({ identifier: "EmploymentIn", title: "人员类别 / employment category" })
/**
 * The decoded value of the {@link EmploymentIn} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type EmploymentIn = typeof EmploymentIn.Type

/**
 * Compiles a `EmploymentIn` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: EmploymentIn): Check => {
  const allowed = new Set<string>(rule.categories)
  const list = joinLabels(rule.categories.map((c) => EMPLOYMENT_LABELS[c]))
  const make = findingsFor(rule, list)
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const wrong = messagesByKey((key) => {
    const c = key as keyof typeof EMPLOYMENT_LABELS
    return {
      zh: `人员类别为${EMPLOYMENT_LABELS[c].zh}，须为${list.zh}${sfx.zh}`,
      en: `Employment category is ${EMPLOYMENT_LABELS[c].en}; required: ${list.en}${sfx.en}`,
    }
  })
  return (profile) => {
    const c = profile.employment
    if (allowed.has(c)) return make("pass", c, ok)
    return make("fail", c, wrong(c))
  }
}

/**
 * The `EmploymentIn` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const EmploymentInKind: RuleKind<EmploymentIn, typeof EmploymentIn.Encoded> = {
  tag: "EmploymentIn",
  schema: EmploymentIn,
  compile,
}
