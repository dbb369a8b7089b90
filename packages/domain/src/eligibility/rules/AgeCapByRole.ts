/**
 * The `AgeCapByRole` eligibility rule (an age cap that depends on the role applied for): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { fullYears } from "../../shared/FullYears.js"
import { Text } from "../../shared/Text.js"
import {
  type Check,
  capExceededMessages,
  clauseSuffix,
  findingsFor,
  passMessage,
  type RuleKind,
  ruleFields,
} from "../RuleKind.js"

/**
 * A maximum age (full years, inclusive: "不超过45周岁" is ≤ 45) that depends on the role applied for,
 * read from `ctx.targetRole`. 001: principal reserve ≤ 45, deputy reserve ≤ 40.
 * A missing or unknown role cannot be decided: the finding needs review.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AgeCapByRole = Schema.TaggedStruct("AgeCapByRole", {
  ...ruleFields,
  caps: Schema.NonEmptyArray(
    Schema.Struct({
      role: Schema.NonEmptyTrimmedString.annotations({ title: "岗位 / role" }),
      maxAge: Schema.NonNegativeInt.annotations({ title: "最大年龄（含） / max age, inclusive" }),
      label: Text,
    }),
  ),
}).annotations({ identifier: "AgeCapByRole", title: "按岗位限定年龄 / age cap by role" })
/**
 * The decoded value of the {@link AgeCapByRole} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type AgeCapByRole = typeof AgeCapByRole.Type

/**
 * Compiles a `AgeCapByRole` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: AgeCapByRole): Check => {
  const caps = new Map(rule.caps.map((c) => [c.role, c]))
  const expected: Text = {
    zh: rule.caps.map((c) => `${c.label.zh}不超过${c.maxAge}周岁`).join("；"),
    en: rule.caps.map((c) => `${c.label.en}: at most ${c.maxAge}`).join("; "),
  }
  const known = rule.caps.map((c) => c.role).join(", ")
  const make = findingsFor(rule, expected)
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const tooOld = capExceededMessages(sfx)
  return (profile, ctx) => {
    const age = fullYears(profile.birthDate, ctx.referenceDate)
    const role = ctx.targetRole
    const cap = role === undefined ? undefined : caps.get(role)
    if (cap === undefined) {
      return make(
        "needs_review",
        age,
        role === undefined
          ? {
              zh: `未指定报考岗位，无法确定年龄上限${sfx.zh}`,
              en: `No target role given, so the age cap cannot be determined${sfx.en}`,
            }
          : {
              zh: `岗位“${role}”不在本条规定的岗位中（${known}），需人工审核${sfx.zh}`,
              en: `Role "${role}" is not one this rule covers (${known}); needs review${sfx.en}`,
            },
        true,
      )
    }
    if (age > cap.maxAge) return make("fail", age, tooOld(cap, age, ctx.referenceDate))
    return make("pass", age, ok)
  }
}

/**
 * The `AgeCapByRole` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const AgeCapByRoleKind: RuleKind<AgeCapByRole, typeof AgeCapByRole.Encoded> = {
  tag: "AgeCapByRole",
  schema: AgeCapByRole,
  compile,
}
