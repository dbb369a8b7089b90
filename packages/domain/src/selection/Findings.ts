/**
 * Findings awaiting review (issue 13, "facts carry their source"): a finding the screening marked `needs_review`
 * is confirmed or refused by a reviewer (`ResolveFinding`, with reason and date) before anyone decides. A decision
 * while one is still open is refused with {@link FindingsUnresolved}, naming each rule and its clause; a refused
 * finding fails its rule, so the application is ineligible (the verdict's outcome is recomputed by the kernel's
 * one rule: any fail → ineligible; else any needs_review → needs_review; else eligible).
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Finding, FindingReview } from "../eligibility/Finding.js"
import type { Outcome, Verdict } from "../eligibility/Verdict.js"
import { Text } from "../shared/Text.js"

/**
 * The findings of a verdict still awaiting review, in the verdict's order.
 *
 * @category getters
 * @since 0.1.0
 */
export const unresolvedFindings = (verdict: Verdict | undefined): ReadonlyArray<Finding> =>
  verdict === undefined ? [] : verdict.findings.filter((f) => f.status === "needs_review")

/**
 * The outcome of a set of findings: any fail → ineligible; else any needs_review → needs_review; else eligible.
 *
 * @category rules
 * @since 0.1.0
 */
export const outcomeOf = (findings: ReadonlyArray<Finding>): Outcome =>
  findings.some((f) => f.status === "fail")
    ? "ineligible"
    : findings.some((f) => f.status === "needs_review")
      ? "needs_review"
      : "eligible"

/**
 * The verdict with the finding of `ruleId` resolved by `review` (confirmed → pass, refused → fail) and the outcome
 * recomputed; undefined when no finding of that rule awaits review.
 *
 * @example
 * ```ts
 * import { Selection } from "@cadre/domain"
 * declare const verdict: import("@cadre/domain").Eligibility.Verdict // one finding "rank" needs_review
 * const v = Selection.resolveFinding(verdict, "rank", {
 *   outcome: "refused", reason: "非公务员，无职级", date: "2026-11-24", by: "acc-1", role: "reviewer",
 * } as never)
 * v?.outcome // "ineligible"
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const resolveFinding = (
  verdict: Verdict,
  ruleId: string,
  review: FindingReview,
): Verdict | undefined => {
  const i = verdict.findings.findIndex((f) => f.ruleId === ruleId && f.status === "needs_review")
  if (i < 0) return undefined
  const findings = verdict.findings.map(
    (f, j): Finding =>
      j === i ? { ...f, status: review.outcome === "confirmed" ? "pass" : "fail", review } : f,
  )
  return { ...verdict, findings, outcome: outcomeOf(findings) }
}

/**
 * A fresh screening of an application already under review (issue 13: a joint-review opinion carried a sanction,
 * staff recorded one): the fresh findings, except that a finding a reviewer resolved stays resolved where the
 * fresh screening again leaves it to review (the reviewer's word is not lost); the outcome is recomputed.
 *
 * @example
 * ```ts
 * import { Selection } from "@cadre/domain"
 * declare const before: import("@cadre/domain").Eligibility.Verdict
 * declare const fresh: import("@cadre/domain").Eligibility.Verdict
 * Selection.rescreened(before, fresh).outcome
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const rescreened = (before: Verdict | undefined, fresh: Verdict): Verdict => {
  const resolved = new Map<string, Finding>()
  for (const f of before?.findings ?? []) if (f.review !== undefined) resolved.set(f.ruleId, f)
  const findings = fresh.findings.map((f) =>
    f.status === "needs_review" ? (resolved.get(f.ruleId) ?? f) : f,
  )
  return { ...fresh, findings, outcome: outcomeOf(findings) }
}

/**
 * One finding still awaiting review, as a refusal names it: the rule, its label and its clause.
 *
 * @category schemas
 * @since 0.1.0
 */
export const OpenFinding = Schema.Struct({
  ruleId: Schema.String,
  label: Text,
  clause: Schema.String,
})

/**
 * A decision refused because findings the screening marked needs_review are not yet confirmed or refused by a
 * reviewer (issue 13). Names each rule and clause, in both languages.
 *
 * @category errors
 * @since 0.1.0
 */
export class FindingsUnresolved extends Schema.TaggedError<FindingsUnresolved>()("FindingsUnresolved", {
  open: Schema.Array(OpenFinding),
}) {
  /** The message in both languages, zh-CN first. */
  get text(): Text {
    const zh = this.open.map((f) => `“${f.label.zh}”（${f.clause}）`).join("、")
    const en = this.open.map((f) => `"${f.label.en}" (${f.clause})`).join(", ")
    return {
      zh: `资格审查中有${this.open.length}项需人工审核的结论尚未认定：${zh}；须由审核人员确认或否定（注明理由和日期）后方可研究决定`,
      en: `${this.open.length} finding(s) of the screening still need review: ${en}; a reviewer must confirm or refuse each (with reason and date) before the decision`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * The refusal for a verdict's open findings, or undefined when none is open.
 *
 * @category constructors
 * @since 0.1.0
 */
export const findingsUnresolved = (verdict: Verdict | undefined): FindingsUnresolved | undefined => {
  const open = unresolvedFindings(verdict)
  return open.length === 0
    ? undefined
    : new FindingsUnresolved({
        open: open.map((f) => ({
          ruleId: f.ruleId,
          label: f.label,
          clause: `${f.citation.document} ${f.citation.clause}`.trim(),
        })),
      })
}
