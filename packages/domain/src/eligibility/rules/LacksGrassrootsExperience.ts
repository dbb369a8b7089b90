/**
 * The `LacksGrassrootsExperience` eligibility rule (passes when grassroots experience is below a threshold): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { addMonths, fromEpochDay, type LocalDate, parts, toEpochDay } from "../../shared/LocalDate.js"
import type { WorkPeriod } from "../../person/Profile.js"
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
 * Passes when the candidate LACKS grassroots experience (缺乏基层工作经历, 004 Anqiu: secondment down is for
 * those who have not served at the grassroots): cumulative grassroots work is below `thresholdMonths`.
 * Periods marked `grassroots` are clipped to the reference date (an open period runs to it), overlaps count
 * once. Each continuous stretch counts its whole calendar months (1 Jan – 30 Nov is 11 months); the days left
 * over from all stretches are added up and every 30 of them count as one more month.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LacksGrassrootsExperience = Schema.TaggedStruct("LacksGrassrootsExperience", {
  ...ruleFields,
  thresholdMonths: Schema.Int.pipe(Schema.positive()).annotations({
    title: "基层经历不足的月数（不含） / passes below this many months",
  }),
}).annotations({
  identifier: "LacksGrassrootsExperience",
  title: "缺乏基层工作经历 / lacks grassroots experience",
})
/**
 * The decoded value of the {@link LacksGrassrootsExperience} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LacksGrassrootsExperience = typeof LacksGrassrootsExperience.Type

/** Whole calendar months from `a` to the day after `b` (epoch days, inclusive), and the days left over. */
const stretch = (a: number, b: number): readonly [number, number] => {
  const from = fromEpochDay(a)
  const until = fromEpochDay(b + 1)
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(until)
  let months = (y2 - y1) * 12 + (m2 - m1)
  if (d2 < d1) months -= 1
  return [months, b + 1 - toEpochDay(addMonths(from, months))]
}

/**
 * Whole months of grassroots work up to `on` (inclusive of both end days), overlaps merged.
 *
 * @category getters
 * @since 0.1.0
 */
export const grassrootsMonths = (history: ReadonlyArray<WorkPeriod>, on: LocalDate): number => {
  const end = toEpochDay(on)
  const spans: Array<readonly [number, number]> = []
  for (const p of history) {
    if (!p.grassroots) continue
    const a = toEpochDay(p.from)
    if (a > end) continue
    const b = p.to === undefined ? end : Math.min(toEpochDay(p.to), end)
    if (b >= a) spans.push([a, b])
  }
  if (spans.length === 0) return 0
  spans.sort((x, y) => x[0] - y[0])
  let months = 0
  let rest = 0
  const add = (a: number, b: number) => {
    const [m, d] = stretch(a, b)
    months += m
    rest += d
  }
  let [curA, curB] = spans[0] ?? [0, -1]
  for (let i = 1; i < spans.length; i++) {
    const s = spans[i]
    if (s === undefined) continue
    if (s[0] <= curB + 1) {
      if (s[1] > curB) curB = s[1]
    } else {
      add(curA, curB)
      curA = s[0]
      curB = s[1]
    }
  }
  add(curA, curB)
  return months + Math.floor(rest / 30)
}

/**
 * Compiles a `LacksGrassrootsExperience` rule, once per scheme, into the plain `Check` that screens one
 * candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: LacksGrassrootsExperience): Check => {
  const n = rule.thresholdMonths
  const make = findingsFor(rule, {
    zh: `基层工作经历累计不足${n}个月`,
    en: `less than ${n} months of grassroots work in all`,
  })
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const hasExperience = messagesByReference((months, ref) => ({
    zh: `截至${ref}已有基层工作经历${months}个月，不属于缺乏基层工作经历（不足${n}个月）${sfx.zh}`,
    en: `Has ${months} months of grassroots work by ${ref}; the rule is for those with less than ${n}${sfx.en}`,
  }))
  return (profile, ctx) => {
    const months = grassrootsMonths(profile.workHistory, ctx.referenceDate)
    if (months < n) return make("pass", months, ok)
    return make("fail", months, hasExperience(months, ctx.referenceDate))
  }
}

/**
 * The `LacksGrassrootsExperience` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const LacksGrassrootsExperienceKind: RuleKind<
  LacksGrassrootsExperience,
  typeof LacksGrassrootsExperience.Encoded
> = { tag: "LacksGrassrootsExperience", schema: LacksGrassrootsExperience, compile }
