/**
 * The `EducationAtLeast` eligibility rule (a minimum education level): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { EDUCATION_LEVELS, EducationLevel } from "../../person/Profile.js"
import { EDUCATION_LABELS } from "../Labels.js"
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
 * Highest education at least `level` ("大学专科及以上": junior_college, 及以上 includes it). With
 * `fullTimeOnly`, only full-time (全日制) education counts (004 Anqiu "全日制大学本科以上").
 *
 * @category schemas
 * @since 0.1.0
 */
export const EducationAtLeast = Schema.TaggedStruct("EducationAtLeast", {
  ...ruleFields,
  level: EducationLevel,
  fullTimeOnly: Schema.Boolean.annotations({ title: "仅计全日制 / full-time only" }),
}).annotations({ identifier: "EducationAtLeast", title: "学历要求 / minimum education" })
/**
 * The decoded value of the {@link EducationAtLeast} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type EducationAtLeast = typeof EducationAtLeast.Type

/**
 * Compiles a `EducationAtLeast` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: EducationAtLeast): Check => {
  const need = EDUCATION_LEVELS.indexOf(rule.level)
  const lvl = EDUCATION_LABELS[rule.level]
  const ft = rule.fullTimeOnly
  const make = findingsFor(
    rule,
    ft
      ? { zh: `全日制${lvl.zh}及以上`, en: `full-time ${lvl.en} or higher` }
      : { zh: `${lvl.zh}及以上`, en: `${lvl.en} or higher` },
  )
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const rankOf = new Map<string, number>(EDUCATION_LEVELS.map((l, i) => [l, i]))
  const tooLow = messagesByKey((key) => {
    const had = key === "" ? null : EDUCATION_LABELS[key as keyof typeof EDUCATION_LABELS]
    return {
      zh: `${ft ? "全日制" : ""}最高学历为${had === null ? "无" : had.zh}，须${ft ? "全日制" : ""}${lvl.zh}及以上${sfx.zh}`,
      en: `Highest ${ft ? "full-time " : ""}education is ${had === null ? "none recorded" : had.en}; ${ft ? "full-time " : ""}${lvl.en} or higher is required${sfx.en}`,
    }
  })
  return (profile) => {
    let best = -1
    for (const e of profile.education) {
      if (ft && !e.fullTime) continue
      const r = rankOf.get(e.level) ?? -1
      if (r > best) best = r
    }
    const seen = best < 0 ? null : (EDUCATION_LEVELS[best] ?? null)
    if (best >= need) return make("pass", seen, ok)
    return make("fail", seen, tooLow(seen ?? ""))
  }
}

/**
 * The `EducationAtLeast` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const EducationAtLeastKind: RuleKind<EducationAtLeast, typeof EducationAtLeast.Encoded> = {
  tag: "EducationAtLeast",
  schema: EducationAtLeast,
  compile,
}
