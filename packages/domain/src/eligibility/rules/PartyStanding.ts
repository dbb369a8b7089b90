/**
 * The `PartyStanding` eligibility rule (Party membership for at least a number of years): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { fullYears } from "../../shared/FullYears.js"
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
 * A full CPC member (中共正式党员) whose Party standing (党龄), counted in full years from full membership
 * (转正, never from joining as a probationary member), is at least `minYears` on the reference date.
 * "党龄满三年" (000 一（一）1) is minYears 3: 满 includes the number.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PartyStanding = Schema.TaggedStruct("PartyStanding", {
  ...ruleFields,
  minYears: Schema.NonNegativeInt.annotations({ title: "最低党龄（年，含） / min standing in years" }),
}).annotations({ identifier: "PartyStanding", title: "党员身份与党龄 / Party standing" })
/**
 * The decoded value of the {@link PartyStanding} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PartyStanding = typeof PartyStanding.Type

/**
 * Compiles a `PartyStanding` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: PartyStanding): Check => {
  const n = rule.minYears
  const make = findingsFor(
    rule,
    n === 0
      ? { zh: "中共正式党员", en: "full CPC member" }
      : { zh: `中共正式党员，党龄满${n}年`, en: `full CPC member for at least ${n} full years` },
  )
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const notMember = {
    zh: `不是中共党员，须为中共正式党员${sfx.zh}`,
    en: `Not a CPC member; a full member is required${sfx.en}`,
  }
  const probationary = {
    zh: `预备党员，尚未转正；党龄自转正之日起计算${sfx.zh}`,
    en: `Probationary member, not yet full; standing counts from full membership${sfx.en}`,
  }
  const short = messagesByReference((years, ref) => ({
    zh: `截至${ref}党龄${Math.max(years, 0)}年（自转正之日起计算），不满${n}年${sfx.zh}`,
    en: `${Math.max(years, 0)} full years of full membership on ${ref} (counted from 转正), fewer than ${n}${sfx.en}`,
  }))
  return (profile, ctx) => {
    const party = profile.party
    switch (party._tag) {
      case "NotMember":
        return make("fail", "not_member", notMember)
      case "Probationary":
        return make("fail", "probationary", probationary)
      case "Full": {
        const years = fullYears(party.fullMemberSince, ctx.referenceDate)
        if (years < n) return make("fail", years, short(years, ctx.referenceDate))
        return make("pass", years, ok)
      }
    }
  }
}

/**
 * The `PartyStanding` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const PartyStandingKind: RuleKind<PartyStanding, typeof PartyStanding.Encoded> = {
  tag: "PartyStanding",
  schema: PartyStanding,
  compile,
}
