import { Schema } from "effect"
import { RankLevel } from "../../person/Profile.js"
import { fullYears } from "../../shared/FullYears.js"
import { Text } from "../../shared/Text.js"
import { RANK_LABELS } from "../Labels.js"
import {
  type Check,
  clauseSuffix,
  findingsFor,
  messagesByReference,
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
export type AgeCapByRank = typeof AgeCapByRank.Type

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
  // One message cache per cap, keyed by age.
  const caches = new Map<object, (age: number, ref: string) => Text>()
  const tooOld = (c: { readonly maxAge: number; readonly label: Text }, age: number, ref: string): Text => {
    let m = caches.get(c)
    if (m === undefined) {
      m = messagesByReference((a, r) => ({
        zh: `截至${r}年满${a}周岁，超过${c.label.zh}${c.maxAge}周岁的上限${sfx.zh}`,
        en: `Aged ${a} on ${r}, above the cap of ${c.maxAge} for ${c.label.en}${sfx.en}`,
      }))
      caches.set(c, m)
    }
    return m(age, ref)
  }
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

export const AgeCapByRankKind: RuleKind<AgeCapByRank, typeof AgeCapByRank.Encoded> = {
  tag: "AgeCapByRank",
  schema: AgeCapByRank,
  compile,
}
