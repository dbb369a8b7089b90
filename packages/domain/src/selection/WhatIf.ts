/**
 * What-if (方案修订影响评估): the verdicts of a campaign's applications under the scheme version the campaign runs on
 * and under a draft version, compared application by application and rule by rule. The campaign keeps its version
 * (Model `Application.schemeVersion` never changes); this only shows what the draft would change, e.g. before a
 * district adopts a new age range or drops a rule.
 *
 * Findings are matched by rule id (stable across versions: Scheme `RuleId`). A finding differs when its status,
 * the value it saw, what it expected, or its clause differs; the message alone is not compared, since it is
 * derived from those.
 *
 * @since 0.1.0
 */

import type { Finding, FindingStatus } from "../eligibility/Finding.js"
import type { Outcome, Verdict } from "../eligibility/Verdict.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { Text } from "../shared/Text.js"

/**
 * How a finding differs: added, removed, its status, or what it measured and expected.
 *
 * @category models
 * @since 0.1.0
 */
export type FindingChangeKind = "added" | "removed" | "status" | "criterion"

/**
 * A finding as it stands under one version, for comparison.
 *
 * @category models
 * @since 0.1.0
 */
export interface FindingSide {
  readonly status: FindingStatus
  readonly actual: Finding["actual"]
  readonly expected: Text
  readonly citation: Citation
  readonly message: Text
}

/**
 * One rule's finding compared between the two versions.
 *
 * @category models
 * @since 0.1.0
 */
export interface FindingChange {
  readonly ruleId: string
  /** added / removed: the rule is only in one version; status: pass → fail etc.; criterion: same status, other terms. */
  readonly kind: FindingChangeKind
  readonly label: Text
  readonly before: FindingSide | undefined
  readonly after: FindingSide | undefined
  readonly text: Text
}

/**
 * How the outcome moved: worse is towards ineligible (eligible → needs_review → ineligible).
 *
 * @category models
 * @since 0.1.0
 */
export type Direction = "worse" | "better" | "same"

/**
 * One application's verdict compared between the two versions, rule by rule.
 *
 * @category models
 * @since 0.1.0
 */
export interface VerdictChange {
  readonly applicationId: string
  readonly personId: string
  /** Undefined when the application has no verdict on that side. */
  readonly before: Outcome | undefined
  readonly after: Outcome | undefined
  readonly direction: Direction
  readonly findings: ReadonlyArray<FindingChange>
  /** The preference score, when it changes. */
  readonly score: { readonly before: number; readonly after: number } | undefined
  readonly summary: Text
}

/**
 * The effect of a draft version on a campaign's applications.
 *
 * @category models
 * @since 0.1.0
 */
export interface WhatIf {
  /** Applications whose verdict differs in any way, in the order of `before` then those only in `after`. */
  readonly changes: ReadonlyArray<VerdictChange>
  readonly unchanged: ReadonlyArray<string>
  /** Counts per outcome move, e.g. { from: "eligible", to: "ineligible", count: 3 }; moves with no change excluded. */
  readonly moves: ReadonlyArray<{
    readonly from: Outcome | undefined
    readonly to: Outcome | undefined
    readonly count: number
  }>
}

/**
 * Display labels of each verdict outcome, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const OUTCOME_LABELS: Readonly<Record<Outcome, Text>> = {
  eligible: { zh: "符合条件", en: "eligible" },
  ineligible: { zh: "不符合条件", en: "ineligible" },
  needs_review: { zh: "需人工审核", en: "needs review" },
}

const STATUS_LABELS: Readonly<Record<FindingStatus, Text>> = {
  pass: { zh: "符合", en: "pass" },
  fail: { zh: "不符合", en: "fail" },
  waived: { zh: "已放宽", en: "waived" },
  needs_review: { zh: "需审核", en: "needs review" },
}

const SEVERITY: Readonly<Record<Outcome, number>> = { eligible: 0, needs_review: 1, ineligible: 2 }

const NONE: Text = { zh: "无结论", en: "no verdict" }
const outcomeText = (o: Outcome | undefined): Text => (o === undefined ? NONE : OUTCOME_LABELS[o])

const side = (f: Finding): FindingSide => ({
  status: f.status,
  actual: f.actual,
  expected: f.expected,
  citation: f.citation,
  message: f.message,
})

const sameCitation = (a: Citation, b: Citation) => a.document === b.document && a.clause === b.clause
const sameText = (a: Text, b: Text) => a.zh === b.zh && a.en === b.en
const sameActual = (a: Finding["actual"], b: Finding["actual"]) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The differences between two verdicts' findings, matched by rule id, in the draft's order then removed rules.
 *
 * @category utils
 * @since 0.1.0
 */
export const compareFindings = (
  before: ReadonlyArray<Finding>,
  after: ReadonlyArray<Finding>,
): ReadonlyArray<FindingChange> => {
  const old = new Map(before.map((f) => [f.ruleId, f]))
  const out: Array<FindingChange> = []
  for (const a of after) {
    const b = old.get(a.ruleId)
    const c = formatCitation(a.citation)
    if (b === undefined) {
      out.push({
        ruleId: a.ruleId,
        kind: "added",
        label: a.label,
        before: undefined,
        after: side(a),
        text: {
          zh: `新增条件“${a.label.zh}”（${c}）：${STATUS_LABELS[a.status].zh}。${a.message.zh}`,
          en: `New rule "${a.label.en}" (${c}): ${STATUS_LABELS[a.status].en}. ${a.message.en}`,
        },
      })
      continue
    }
    const statusChanged = a.status !== b.status
    if (
      !statusChanged &&
      sameActual(a.actual, b.actual) &&
      sameText(a.expected, b.expected) &&
      sameCitation(a.citation, b.citation)
    )
      continue
    const cb = formatCitation(b.citation)
    const clause = sameCitation(a.citation, b.citation) ? c : `${cb} → ${c}`
    out.push({
      ruleId: a.ruleId,
      kind: statusChanged ? "status" : "criterion",
      label: a.label,
      before: side(b),
      after: side(a),
      text: statusChanged
        ? {
            zh: `“${a.label.zh}”（${clause}）：${STATUS_LABELS[b.status].zh} → ${STATUS_LABELS[a.status].zh}。原：${b.message.zh}；新：${a.message.zh}`,
            en: `"${a.label.en}" (${clause}): ${STATUS_LABELS[b.status].en} → ${STATUS_LABELS[a.status].en}. Before: ${b.message.en}; after: ${a.message.en}`,
          }
        : {
            zh: `“${a.label.zh}”（${clause}）结论仍为${STATUS_LABELS[a.status].zh}，但要求由“${b.expected.zh}”改为“${a.expected.zh}”`,
            en: `"${a.label.en}" (${clause}) still ${STATUS_LABELS[a.status].en}, but the requirement changes from "${b.expected.en}" to "${a.expected.en}"`,
          },
    })
  }
  const kept = new Set(after.map((f) => f.ruleId))
  for (const b of before)
    if (!kept.has(b.ruleId))
      out.push({
        ruleId: b.ruleId,
        kind: "removed",
        label: b.label,
        before: side(b),
        after: undefined,
        text: {
          zh: `删除条件“${b.label.zh}”（${formatCitation(b.citation)}），原结论：${STATUS_LABELS[b.status].zh}`,
          en: `Rule "${b.label.en}" (${formatCitation(b.citation)}) removed; it was ${STATUS_LABELS[b.status].en}`,
        },
      })
  return out
}

const direction = (b: Outcome | undefined, a: Outcome | undefined): Direction =>
  b === undefined || a === undefined || b === a ? "same" : SEVERITY[a] > SEVERITY[b] ? "worse" : "better"

/**
 * Compare the verdicts of the same applications (keyed by application id) under the campaign's scheme version
 * (`before`) and a draft (`after`). Applications with no difference at all are listed in `unchanged`.
 *
 * @category utils
 * @since 0.1.0
 */
export const compareVerdicts = (
  before: ReadonlyMap<string, Verdict>,
  after: ReadonlyMap<string, Verdict>,
): WhatIf => {
  const changes: Array<VerdictChange> = []
  const unchanged: Array<string> = []
  const ids = [...before.keys(), ...[...after.keys()].filter((k) => !before.has(k))]
  for (const id of ids) {
    const b = before.get(id)
    const a = after.get(id)
    const findings = compareFindings(b?.findings ?? [], a?.findings ?? [])
    const score =
      b !== undefined && a !== undefined && b.score !== a.score
        ? { before: b.score, after: a.score }
        : undefined
    const outcomeChanged = b?.outcome !== a?.outcome
    if (
      !outcomeChanged &&
      findings.length === 0 &&
      score === undefined &&
      b !== undefined &&
      a !== undefined
    ) {
      unchanged.push(id)
      continue
    }
    const ob = outcomeText(b?.outcome)
    const oa = outcomeText(a?.outcome)
    const n = findings.length
    const summary: Text = outcomeChanged
      ? { zh: `${ob.zh} → ${oa.zh}（${n}项条件有变化）`, en: `${ob.en} → ${oa.en} (${n} rule(s) differ)` }
      : { zh: `仍为${oa.zh}（${n}项条件有变化）`, en: `still ${oa.en} (${n} rule(s) differ)` }
    changes.push({
      applicationId: id,
      personId: (a ?? b)?.personId ?? "",
      before: b?.outcome,
      after: a?.outcome,
      direction: direction(b?.outcome, a?.outcome),
      findings,
      score,
      summary,
    })
  }
  const counts = new Map<string, { from: Outcome | undefined; to: Outcome | undefined; count: number }>()
  for (const c of changes)
    if (c.before !== c.after) {
      const k = `${c.before}>${c.after}`
      const e = counts.get(k)
      if (e === undefined) counts.set(k, { from: c.before, to: c.after, count: 1 })
      else e.count += 1
    }
  return { changes, unchanged, moves: [...counts.values()] }
}
