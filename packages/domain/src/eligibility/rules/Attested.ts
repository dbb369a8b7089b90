/**
 * The `Attested` eligibility rule (a condition the kernel cannot compute, attested by a person): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Attestation } from "../../person/Profile.js"
import type { Finding } from "../Finding.js"
import { type Check, clauseSuffix, findingsFor, passMessage, type RuleKind, ruleFields } from "../RuleKind.js"

/**
 * Something only a person can judge (党性强、作风正, health, willingness, computer skills…): a reviewer's
 * attestation for `item` decides it — true passes, false fails. The applicant's own declaration is kept but
 * cannot pass the rule alone: without a reviewer's word the finding needs review. When a reviewer attested the
 * item more than once, the latest date wins; on the same date a "false" wins (the cautious reading).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Attested = Schema.TaggedStruct("Attested", {
  ...ruleFields,
  item: Schema.NonEmptyTrimmedString.annotations({ title: "审核事项 / item" }),
}).annotations({ identifier: "Attested", title: "审核确认 / attested" })
/**
 * The decoded value of the {@link Attested} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Attested = typeof Attested.Type

/**
 * Compiles a `Attested` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: Attested): Check => {
  const item = rule.item
  const make = findingsFor(rule, {
    zh: `经审核确认：${rule.label.zh}`,
    en: `confirmed by a reviewer: ${rule.label.en}`,
  })
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const absent = {
    zh: `尚无审核人员对“${rule.label.zh}”的确认，需人工审核${sfx.zh}`,
    en: `No reviewer has confirmed "${rule.label.en}" yet; needs review${sfx.en}`,
  }
  const selfOnly = {
    zh: `本人申报，待审核：需审核人员确认“${rule.label.zh}”${sfx.zh}`,
    en: `Claimed by the applicant, awaiting review: a reviewer must confirm "${rule.label.en}"${sfx.en}`,
  }
  // An applicant's own word is a claim (issue 13): it shows as such and never passes the rule.
  const claimed: Finding = Object.freeze({
    ...make("needs_review", "self", selfOnly, true),
    source: "applicant",
  })
  const confirmed: Finding = Object.freeze({ ...make("pass", true, ok, true), source: "reviewer" })
  return (profile) => {
    let latest: Attestation | undefined
    let selfSeen = false
    for (const a of profile.attestations) {
      if (a.item !== item) continue
      if (a.by !== "reviewer") {
        selfSeen = true
        continue
      }
      if (latest === undefined || a.date > latest.date || (a.date === latest.date && !a.result)) latest = a
    }
    if (latest === undefined) return selfSeen ? claimed : make("needs_review", null, absent)
    if (latest.result) return confirmed
    const who = latest.reviewer === undefined ? "" : latest.reviewer
    const note = latest.note === undefined ? "" : `：${latest.note}`
    const refused = make(
      "fail",
      false,
      {
        zh: `审核人员${who}于${latest.date}确认不符合“${rule.label.zh}”${note}${sfx.zh}`,
        en: `Reviewer ${who} found "${rule.label.en}" not met on ${latest.date}${latest.note === undefined ? "" : `: ${latest.note}`}${sfx.en}`,
      },
      true,
    )
    return { ...refused, source: "reviewer" }
  }
}

/**
 * The `Attested` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const AttestedKind: RuleKind<Attested, typeof Attested.Encoded> = {
  tag: "Attested",
  schema: Attested,
  compile,
}
