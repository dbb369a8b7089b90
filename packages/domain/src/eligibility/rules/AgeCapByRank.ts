/**
 * The `AgeCapByRank` eligibility rule (an age cap that depends on the candidate's rank): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { RankLevel } from "../../person/Profile.js"
import { fullYears } from "../../shared/FullYears.js"
import { Text } from "../../shared/Text.js"
import { RANK_LABELS } from "../Labels.js"
import {
  type Check,
  capExceededMessages,
  clauseSuffix,
  findingsFor,
  passMessage,
  type RuleKind,
  ruleFields,
} from "../RuleKind.js"

const Band = Schema.Struct({
  levels: Schema.NonEmptyArray(RankLevel).annotations({ title: "适用职级 / rank levels" }),
  maxAge: Schema.NonNegativeInt.annotations({ title: "最大年龄（含） / max age, inclusive" }),
  label: Text,
})

/**
 * A maximum age (full years, inclusive) by the cadre's rank band. 004 Jincheng: county/division level ≤ 45,
 * township/section level ≤ 40, general cadres ≤ 35. `unranked` gives the cap for a profile with no rank; when
 * absent, such a profile (or a rank in no band) needs review rather than being guessed.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AgeCapByRank = Schema.TaggedStruct("AgeCapByRank", {
  ...ruleFields,
  bands: Schema.NonEmptyArray(Band),
  unranked: Schema.optional(
    Schema.Struct({ maxAge: Schema.NonNegativeInt, label: Text }).annotations({
      title: "无职级者上限 / cap without a rank",
    }),
  ),
}).annotations({ identifier: "AgeCapByRank", title: "按职级限定年龄 / age cap by rank" })
/**
 * The decoded value of the {@link AgeCapByRank} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type AgeCapByRank = typeof AgeCapByRank.Type

/**
 * Compiles a `AgeCapByRank` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: AgeCapByRank): Check => {
  const byLevel = new Map<string, { readonly maxAge: number; readonly label: Text }>()
  for (const b of rule.bands) for (const l of b.levels) if (!byLevel.has(l)) byLevel.set(l, b)
  const all = rule.unranked === undefined ? rule.bands : [...rule.bands, rule.unranked]
  const expected: Text = {
    zh: all.map((b) => `${b.label.zh}不超过${b.maxAge}周岁`).join("；"),
    en: all.map((b) => `${b.label.en}: at most ${b.maxAge}`).join("; "),
  }
  const make = findingsFor(rule, expected)
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const tooOld = capExceededMessages(sfx)
  return (profile, ctx) => {
    const age = fullYears(profile.birthDate, ctx.referenceDate)
    const band = profile.rank === undefined ? rule.unranked : byLevel.get(profile.rank.level)
    if (band === undefined) {
      return make(
        "needs_review",
        age,
        profile.rank === undefined
          ? {
              zh: `无职级信息，无法确定年龄上限${sfx.zh}`,
              en: `No rank recorded, so the age cap is unknown${sfx.en}`,
            }
          : {
              zh: `职级“${RANK_LABELS[profile.rank.level].zh}”不在本条列举的范围内，需人工审核${sfx.zh}`,
              en: `Rank "${RANK_LABELS[profile.rank.level].en}" is not covered by this rule; needs review${sfx.en}`,
            },
        true,
      )
    }
    if (age > band.maxAge) return make("fail", age, tooOld(band, age, ctx.referenceDate))
    return make("pass", age, ok)
  }
}

/**
 * The `AgeCapByRank` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const AgeCapByRankKind: RuleKind<AgeCapByRank, typeof AgeCapByRank.Encoded> = {
  tag: "AgeCapByRank",
  schema: AgeCapByRank,
  compile,
}
