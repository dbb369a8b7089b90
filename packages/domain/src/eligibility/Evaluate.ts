/**
 * Screening: a scheme's eligibility part compiled once into a plain function that gives one candidate's
 * explained verdict, and the ranking of eligible candidates by preference.
 *
 * @since 0.1.0
 */

import type { Profile } from "../person/Profile.js"
import type { Finding, Waiver } from "./Finding.js"
import { compilePreference, type Preference } from "./preferences/index.js"
import type { Check, EvalContext } from "./RuleKind.js"
import { compileRule, type Rule } from "./rules/index.js"
import type { Outcome, PreferenceMatch, RefusedWaiver, Verdict } from "./Verdict.js"

/**
 * The part of a scheme that screening reads (a `Scheme` satisfies it).
 *
 * @category models
 * @since 0.1.0
 */
export interface Screenable {
  readonly id: string
  readonly version: number
  readonly eligibility: {
    readonly rules: ReadonlyArray<Rule>
    readonly exclusions: ReadonlyArray<Rule>
    readonly preferences: ReadonlyArray<Preference>
  }
}

/**
 * Input of one screening besides the profile: the reference date, the role applied for, approved waivers.
 *
 * @category models
 * @since 0.1.0
 */
export type ScreeningInput = EvalContext

/**
 * A compiled scheme: call it once per candidate. Synchronous, no Effect, no I/O.
 *
 * @category models
 * @since 0.1.0
 */
export type Screen = (profile: Profile, input: ScreeningInput) => Verdict

const NO_REFUSALS: ReadonlyArray<RefusedWaiver> = Object.freeze([])
const NO_MATCHES: ReadonlyArray<PreferenceMatch> = Object.freeze([])

/**
 * Compile a scheme's eligibility once into a plain function. Everything that does not depend on the candidate
 * (compiled checks, citations, labels, expected texts, preference matches) is built here, so that screening a
 * pool of 100k profiles allocates little more than the findings themselves.
 *
 * @example
 * ```ts
 * import { Eligibility, LocalDate, type Person, Scheme } from "@cadre/domain"
 *
 * declare const profile: Person.Profile
 *
 * const scheme = Scheme.loadPreset(Scheme.yangpuCommunitySecretary)
 * const screen = Eligibility.compile(scheme) // once per scheme version
 * const verdict = screen(profile, { referenceDate: LocalDate.make("2020-12-18") })
 * verdict.outcome // "eligible" | "ineligible" | "needs_review"
 * verdict.findings // one finding per rule, each with its clause
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (scheme: Screenable): Screen => {
  const rules: ReadonlyArray<Rule> = [...scheme.eligibility.rules, ...scheme.eligibility.exclusions]
  const checks: ReadonlyArray<Check> = rules.map(compileRule)
  const byId = new Map<string, { readonly index: number; readonly rule: Rule }>(
    rules.map((rule, index) => [rule.id, { index, rule }]),
  )
  const prefs = scheme.eligibility.preferences
  const matchers = prefs.map(compilePreference)
  const matchRecords: ReadonlyArray<PreferenceMatch> = prefs.map((p) => ({
    preferenceId: p.id,
    kind: p._tag,
    label: p.label,
    weight: p.weight,
    citation: p.citation,
  }))
  const schemeId = scheme.id
  const schemeVersion = scheme.version
  const m = matchers.length

  const applyWaivers = (
    findings: Array<Finding>,
    waivers: ReadonlyArray<Waiver>,
  ): ReadonlyArray<RefusedWaiver> => {
    let refused: Array<RefusedWaiver> | undefined
    for (const w of waivers) {
      const hit = byId.get(w.ruleId)
      const found = hit === undefined ? undefined : findings[hit.index]
      let reason: RefusedWaiver["reason"] | undefined
      if (hit === undefined || found === undefined) reason = "unknown_rule"
      else if (!hit.rule.waivable) reason = "not_waivable"
      else if (found.status !== "fail") reason = "not_failed"
      if (reason === undefined && hit !== undefined && found !== undefined) {
        // Waived, never passed: the value that failed stays, and the waiver is recorded on the finding.
        findings[hit.index] = {
          ...found,
          status: "waived",
          waiver: w,
          message: {
            zh: `${found.message.zh}；经${w.approver}于${w.approvedOn}批准放宽（${w.reason}）`,
            en: `${found.message.en}; waived by ${w.approver} on ${w.approvedOn} (${w.reason})`,
          },
        }
        continue
      }
      if (refused === undefined) refused = []
      refused.push({
        waiver: w,
        reason: reason ?? "unknown_rule",
        message: refusalMessage(w, reason ?? "unknown_rule"),
      })
    }
    return refused ?? NO_REFUSALS
  }

  return (profile, input) => {
    const findings: Array<Finding> = []
    let failed = false
    let review = false
    for (const check of checks) {
      const f = check(profile, input)
      findings.push(f)
      if (f.status === "fail") failed = true
      else if (f.status === "needs_review") review = true
    }
    const waivers = input.waivers
    let refusedWaivers = NO_REFUSALS
    if (waivers !== undefined && waivers.length > 0) {
      refusedWaivers = applyWaivers(findings, waivers)
      failed = false
      review = false
      for (const f of findings) {
        if (f.status === "fail") failed = true
        else if (f.status === "needs_review") review = true
      }
    }
    const outcome: Outcome = failed ? "ineligible" : review ? "needs_review" : "eligible"
    let preferences = NO_MATCHES
    let score = 0
    for (let j = 0; j < m; j++) {
      if ((matchers[j] as (p: Profile, c: EvalContext) => boolean)(profile, input)) {
        const rec = matchRecords[j] as PreferenceMatch
        preferences = preferences === NO_MATCHES ? [rec] : [...preferences, rec]
        score += rec.weight
      }
    }
    return {
      personId: profile.id,
      schemeId,
      schemeVersion,
      referenceDate: input.referenceDate,
      targetRole: input.targetRole ?? null,
      outcome,
      findings,
      preferences,
      score,
      refusedWaivers,
    }
  }
}

const refusalMessage = (w: Waiver, reason: RefusedWaiver["reason"]) => {
  switch (reason) {
    case "unknown_rule":
      return {
        zh: `本方案没有编号为“${w.ruleId}”的条件，放宽未适用`,
        en: `This scheme has no rule "${w.ruleId}"; the waiver was not applied`,
      }
    case "not_waivable":
      return {
        zh: `条件“${w.ruleId}”不可放宽（文件未设“一般”“原则上”或“可适当放宽”），放宽未适用`,
        en: `Rule "${w.ruleId}" cannot be waived (the document does not qualify it); the waiver was not applied`,
      }
    case "not_failed":
      return {
        zh: `条件“${w.ruleId}”未判定为不符合，无需放宽`,
        en: `Rule "${w.ruleId}" did not fail; the waiver was not needed`,
      }
  }
}

/**
 * Screen one profile: `compile(scheme)(profile, input)`. Prefer compiling once for a pool.
 *
 * @category rules
 * @since 0.1.0
 */
export const evaluate = (scheme: Screenable, profile: Profile, input: ScreeningInput): Verdict =>
  compile(scheme)(profile, input)

/**
 * Order candidates for selection: eligible verdicts by preference score (highest first), ties by person id so
 * the order is deterministic. Ineligible verdicts are left out; needs-review ones too unless
 * `includeNeedsReview`, in which case they follow every eligible candidate. Preferences only order: they
 * never move a candidate across outcomes.
 *
 * @category rules
 * @since 0.1.0
 */
export const rankCandidates = (
  verdicts: ReadonlyArray<Verdict>,
  options?: { readonly includeNeedsReview?: boolean },
): Array<Verdict> => {
  const include = options?.includeNeedsReview === true
  const pool = verdicts.filter((v) => v.outcome === "eligible" || (include && v.outcome === "needs_review"))
  return pool.sort((a, b) => {
    if (a.outcome !== b.outcome) return a.outcome === "eligible" ? -1 : 1
    if (a.score !== b.score) return b.score - a.score
    return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0
  })
}
