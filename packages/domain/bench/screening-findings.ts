// The finding parts the hand-written screeners of the benchmark share (screening-baselines.ts): per-rule
// constants precomputed once, as the kernel does, and the profile readings both baselines use.
import type { Finding, FindingStatus, FindingValue } from "../src/eligibility/Finding.js"
import type { Rule } from "../src/eligibility/rules/index.js"
import { EDUCATION_LEVELS, type Profile } from "../src/person/Profile.js"
import { formatCitation } from "../src/shared/Citation.js"
import { fullYearsBetween, type LocalDate } from "../src/shared/LocalDate.js"
import type { Text } from "../src/shared/Text.js"
import {
  AGE_MAX,
  AGE_MIN,
  ageRule,
  attestedRules,
  educationRule,
  employmentRule,
  partyRule,
  rankRule,
} from "./screening-fixtures.js"

// ------------------------------------------------------------------------------------------------ shared finding parts

/** The per-rule constants every implementation precomputes once (as the kernel does). */
const parts = (rule: Rule, expected: Text) => {
  const c = formatCitation(rule.citation)
  return {
    ruleId: rule.id,
    kind: rule._tag,
    label: rule.label,
    expected,
    citation: rule.citation,
    waivable: rule.waivable,
    ok: { zh: `符合“${rule.label.zh}”（${c}）`, en: `Meets "${rule.label.en}" (${c})` } satisfies Text,
    sfx: c,
  }
}
export type Parts = ReturnType<typeof parts>
export const finding = (p: Parts, status: FindingStatus, actual: FindingValue, message: Text): Finding => ({
  ruleId: p.ruleId,
  kind: p.kind,
  status,
  label: p.label,
  actual,
  expected: p.expected,
  citation: p.citation,
  waivable: p.waivable,
  message,
})
export const failText = (p: Parts, zh: string, en: string): Text => ({
  zh: `${zh}（${p.sfx}）`,
  en: `${en} (${p.sfx})`,
})
export const reviewText = (p: Parts): Text => ({
  zh: `需人工审核“${p.label.zh}”（${p.sfx}）`,
  en: `Needs review: "${p.label.en}" (${p.sfx})`,
})

export const P = {
  party: parts(partyRule, {
    zh: `中共正式党员，党龄满${partyRule.minYears}年`,
    en: `full member ≥ ${partyRule.minYears} years`,
  }),
  employment: parts(employmentRule, {
    zh: employmentRule.categories.join("、"),
    en: employmentRule.categories.join(", "),
  }),
  rank: parts(rankRule, { zh: rankRule.levels.join("、"), en: rankRule.levels.join(", ") }),
  education: parts(educationRule, {
    zh: `${educationRule.level}及以上`,
    en: `${educationRule.level} or higher`,
  }),
  age: parts(ageRule, { zh: `${AGE_MIN}—${AGE_MAX}周岁`, en: `aged ${AGE_MIN} to ${AGE_MAX}` }),
}
export const attestedParts = new Map(
  attestedRules.map((r) => [r.id, parts(r, { zh: r.label.zh, en: r.label.en })]),
)
export const EMPLOYMENT_OK = new Set<string>(employmentRule.categories)
export const RANK_OK = new Set<string>(rankRule.levels)

export type Outcome = "eligible" | "ineligible" | "needs_review"
export const outcomeOf = (findings: ReadonlyArray<Finding>): Outcome => {
  let review = false
  for (const f of findings) {
    if (f.status === "fail") return "ineligible"
    if (f.status === "needs_review") review = true
  }
  return review ? "needs_review" : "eligible"
}

/** Reviewer's latest word on an item (same date: "false" wins); self-declared only → "self"; nothing → null. */
export const attestation = (p: Profile, item: string): boolean | "self" | null => {
  let latest: Profile["attestations"][number] | undefined
  let self = false
  for (const a of p.attestations) {
    if (a.item !== item) continue
    if (a.by !== "reviewer") self = true
    else if (latest === undefined || a.date > latest.date || (a.date === latest.date && !a.result)) latest = a
  }
  return latest !== undefined ? latest.result : self ? "self" : null
}
export const bestEducation = (p: Profile): number => {
  let best = -1
  for (const e of p.education) {
    if (educationRule.fullTimeOnly && !e.fullTime) continue
    const r = EDUCATION_LEVELS.indexOf(e.level)
    if (r > best) best = r
  }
  return best
}
export const partyYears = (p: Profile, on: LocalDate): number =>
  p.party._tag === "Full" ? fullYearsBetween(p.party.fullMemberSince, on) : -1
