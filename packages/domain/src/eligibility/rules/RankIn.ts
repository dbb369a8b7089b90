/**
 * The `RankIn` eligibility rule (the rank level is one of a list): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { RANK_LEVELS, Rank, RankLevel } from "../../person/Profile.js"
import type { Text } from "../../shared/Text.js"
import { joinLabels, RANK_LABELS } from "../Labels.js"
import { type Check, clauseSuffix, findingsFor, passMessage, type RuleKind, ruleFields } from "../RuleKind.js"

/**
 * Rank level in an allowed set, optionally on one track (领导职务 leading / 职级 non-leading).
 * "科级及以下" (000 一（一）2) lists every level up to section; "副科级领导职务" (004 Anqiu) is
 * [deputy_section] on the leading track. A profile with no rank fails by default; a scheme whose wording also
 * covers people without a civil-service rank (e.g. public-institution staff) may set `unranked: "needs_review"`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RankIn = Schema.TaggedStruct("RankIn", {
  ...ruleFields,
  levels: Schema.NonEmptyArray(RankLevel).annotations({ title: "允许的职级 / allowed levels" }),
  track: Schema.optional(Rank.fields.track),
  unranked: Schema.optionalWith(Schema.Literal("fail", "needs_review"), {
    default: () => "fail" as const,
  }).annotations({
    title: "无职级时 / when no rank is recorded",
  }),
}).annotations({ identifier: "RankIn", title: "职务职级 / rank" })
/**
 * The decoded value of the {@link RankIn} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RankIn = typeof RankIn.Type

const TRACK_LABELS = {
  leading: { zh: "领导职务", en: "leading post" },
  non_leading: { zh: "职级", en: "non-leading grade" },
} as const

/**
 * Compiles a `RankIn` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: RankIn): Check => {
  const allowed = new Set<string>(rule.levels)
  const levels = joinLabels(rule.levels.map((l) => RANK_LABELS[l]))
  const track = rule.track === undefined ? undefined : TRACK_LABELS[rule.track]
  const expected =
    track === undefined ? levels : { zh: `${levels.zh}（${track.zh}）`, en: `${levels.en} (${track.en})` }
  const make = findingsFor(rule, expected)
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const none = {
    zh: `无职务职级信息，须为${expected.zh}${sfx.zh}`,
    en: `No rank recorded; required: ${expected.en}${sfx.en}`,
  }
  // Every (level, track) pair's actual value and text, built once: screening builds no strings.
  type Outcome = { readonly actual: string; readonly pass: boolean; readonly message: Text }
  const byTrack = { leading: new Map<string, Outcome>(), non_leading: new Map<string, Outcome>() }
  for (const level of RANK_LEVELS)
    for (const tr of ["leading", "non_leading"] as const) {
      const l = RANK_LABELS[level]
      const t = TRACK_LABELS[tr]
      const pass = allowed.has(level) && (rule.track === undefined || rule.track === tr)
      byTrack[tr].set(level, {
        actual: `${level}/${tr}`,
        pass,
        message: pass
          ? ok
          : {
              zh: `现任${l.zh}（${t.zh}），须为${expected.zh}${sfx.zh}`,
              en: `Holds ${l.en} (${t.en}); required: ${expected.en}${sfx.en}`,
            },
      })
    }
  return (profile) => {
    const r = profile.rank
    if (r === undefined) return make(rule.unranked, null, none)
    const o = byTrack[r.track].get(r.level)
    // The Profile Schema admits only the ladder's levels and two tracks; anything else is a defect.
    if (o === undefined) throw new Error(`unknown rank ${r.level}/${r.track}`)
    return make(o.pass ? "pass" : "fail", o.actual, o.message)
  }
}

/**
 * The `RankIn` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const RankInKind: RuleKind<RankIn, typeof RankIn.Encoded> = { tag: "RankIn", schema: RankIn, compile }
