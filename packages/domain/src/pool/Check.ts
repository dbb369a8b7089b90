/**
 * A whole reserve pool checked at once, and the gate a change of the pool must pass (issue 13 item 4):
 * - `checkPool` groups the nominees by community in one pass (linear: 100k nominees are one loop, not a copy per
 *   nominee) and checks every community the pool should cover, those with no nominee at all included (001 二 / 四
 *   （二）1 "原则上每个社区选拔不少于2名": a community with none has 0, it does not "pass" by being absent);
 * - `gate` lets a change through only when every failing finding is set aside: a 一般 / 原则上 rule by a recorded
 *   waiver (reason, approver, date), anything else never — the refusal carries each rule's arithmetic and clause.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type { Finding } from "../eligibility/Finding.js"
import { Waiver } from "../eligibility/Finding.js"
import { formatCitation } from "../shared/Citation.js"
import type { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { type CompositionReport, composition } from "./Composition.js"
import { checkNominees, type NomineeCheck, outcomeOf, type PoolOutcome } from "./Nominees.js"
import type { Community, NotChecked, PoolRules } from "./Rules.js"

/**
 * A nominee with the community they are nominated in.
 *
 * @category models
 * @since 0.1.0
 */
export interface PoolEntry {
  readonly personId: string
  readonly roleKey: string
  readonly birthDate: LocalDate
  readonly community: Community
}

/**
 * A pool checked as a whole: each community's nominees, and the age structure.
 *
 * @category models
 * @since 0.1.0
 */
export interface PoolReport {
  readonly on: LocalDate
  readonly communities: ReadonlyArray<NomineeCheck>
  readonly composition: CompositionReport | ({ readonly _tag: "NotChecked" } & NotChecked)
  readonly outcome: PoolOutcome
}

/**
 * Check a whole pool: every community in `communities` (with or without nominees) and every community a nominee
 * is in, then the age structure of the pool (001 二、三（4）). Linear in the number of nominees.
 *
 * @category rules
 * @since 0.1.0
 */
export const checkPool = (
  rules: PoolRules,
  entries: ReadonlyArray<PoolEntry>,
  on: LocalDate,
  communities: ReadonlyArray<Community> = [],
): PoolReport => {
  const byCommunity = new Map<string, { community: Community; list: Array<PoolEntry> }>()
  for (const c of communities) if (!byCommunity.has(c.id)) byCommunity.set(c.id, { community: c, list: [] })
  for (const e of entries) {
    const g = byCommunity.get(e.community.id)
    if (g === undefined) byCommunity.set(e.community.id, { community: e.community, list: [e] })
    else g.list.push(e)
  }
  const checks = [...byCommunity.values()].map((g) => checkNominees(rules, g.community, g.list, on))
  const comp = composition(rules.pool, entries, on)
  const street: ReadonlyArray<Finding> = comp._tag === "Composition" ? [youngFinding(comp)] : []
  const all = [...street, ...checks.flatMap((c) => [...c.findings, ...c.nominees.flatMap((n) => n.findings)])]
  return { on, communities: checks, composition: comp, outcome: outcomeOf(all) }
}

/** The street's young share as a finding (the seed does not say per community; the pool as a whole is gated). */
const youngFinding = (comp: CompositionReport): Finding => {
  const s = comp.street
  return {
    ruleId: "pool.young_share",
    kind: "PoolYoungShare",
    status: s.status,
    label: { zh: "后备干部年龄结构", en: "Age structure of the pool" },
    actual: s.young,
    expected: { zh: `至少${s.required}人`, en: `at least ${s.required}` },
    citation: s.citation,
    waivable: s.qualifier !== undefined,
    message: s.message,
  }
}

/**
 * A failing finding of a pool check, with whom it concerns (a person, a community, or the pool as a whole).
 *
 * @category models
 * @since 0.1.0
 */
export interface PoolFailure {
  readonly ruleId: string
  /** The person or community the finding is about; absent for the pool as a whole. */
  readonly subject?: string | undefined
  readonly finding: Finding
}

/**
 * A waiver of one pool finding: the eligibility waiver (rule, reason, approver, date) and whom it concerns.
 *
 * @category models
 * @since 0.1.0
 */
export type PoolWaiver = Waiver & { readonly subject?: string | undefined }

/**
 * The schema of a {@link PoolWaiver} as a command carries it (reserves.enter, a pool campaign's `Decide`): the
 * rule, the reason, the approver, the date, and the subject (a person id or a community id; absent: any subject
 * of that rule).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PoolWaiver = Schema.extend(
  Waiver,
  Schema.Struct({
    subject: Schema.optional(
      Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)).annotations({
        title: "放宽对象（人员或社区） / subject",
      }),
    ),
  }),
).annotations({ identifier: "PoolWaiver", title: "放宽限制 / waiver" })

/**
 * The failing findings of a report: the street's share, each community's list findings, each nominee's.
 *
 * @category getters
 * @since 0.1.0
 */
export const failuresOf = (report: PoolReport): ReadonlyArray<PoolFailure> => {
  const out: Array<PoolFailure> = []
  if (report.composition._tag === "Composition") {
    const f = youngFinding(report.composition)
    if (f.status === "fail") out.push({ ruleId: f.ruleId, finding: f })
  }
  for (const c of report.communities) {
    for (const f of c.findings)
      if (f.status === "fail") out.push({ ruleId: f.ruleId, subject: c.community.id, finding: f })
    for (const n of c.nominees)
      for (const f of n.findings)
        if (f.status === "fail") out.push({ ruleId: f.ruleId, subject: n.personId, finding: f })
  }
  return out
}

/**
 * A change of a pool its rules do not allow: each failing rule with its arithmetic and clause, and whether a
 * recorded waiver could set it aside (一般 / 原则上) or nothing can.
 *
 * @category errors
 * @since 0.1.0
 */
export class PoolRefused extends Schema.TaggedError<PoolRefused>()("PoolRefused", {
  failures: Schema.Array(
    Schema.Struct({
      ruleId: Schema.String,
      subject: Schema.optional(Schema.String),
      waivable: Schema.Boolean,
      message: Text,
    }),
  ),
}) {
  get text(): Text {
    const one = (f: (typeof this.failures)[number]): Text =>
      f.waivable
        ? {
            zh: `${f.message.zh}；此条为“一般/原则上”规定，须经批准放宽（记录理由、批准人和日期）`,
            en: `${f.message.en}; a "generally / in principle" rule: it may be set aside only by a recorded waiver (reason, approver, date)`,
          }
        : { zh: `${f.message.zh}；此条不得放宽`, en: `${f.message.en}; this rule cannot be waived` }
    const all = this.failures.map(one)
    return {
      zh: `后备干部队伍不符合规定：${all.map((t) => t.zh).join("；")}`,
      en: `The reserve pool does not meet its rules: ${all.map((t) => t.en).join("; ")}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * A failing finding set aside by a waiver, for the record (and the audit row).
 *
 * @category models
 * @since 0.1.0
 */
export interface WaivedFailure {
  readonly ruleId: string
  readonly subject?: string | undefined
  readonly message: Text
  readonly clause: string
  readonly waiver: PoolWaiver
}

const matches = (w: PoolWaiver, f: PoolFailure): boolean =>
  w.ruleId === f.ruleId && (f.subject === undefined || w.subject === undefined || w.subject === f.subject)

/**
 * Let a change of the pool through only when every failing finding is set aside: a waivable one (一般 / 原则上) by
 * a waiver of its rule (and subject), none other at all. Right: the findings waived; Left: what is still failing.
 *
 * @category rules
 * @since 0.1.0
 */
export const gate = (
  failures: ReadonlyArray<PoolFailure>,
  waivers: ReadonlyArray<PoolWaiver>,
): Either.Either<ReadonlyArray<WaivedFailure>, PoolRefused> => {
  const waived: Array<WaivedFailure> = []
  const left: Array<PoolRefused["failures"][number]> = []
  for (const f of failures) {
    const w = f.finding.waivable ? waivers.find((x) => matches(x, f)) : undefined
    if (w !== undefined)
      waived.push({
        ruleId: f.ruleId,
        subject: f.subject,
        message: f.finding.message,
        clause: formatCitation(f.finding.citation),
        waiver: w,
      })
    else
      left.push({
        ruleId: f.ruleId,
        ...(f.subject === undefined ? {} : { subject: f.subject }),
        waivable: f.finding.waivable,
        message: f.finding.message,
      })
  }
  return left.length === 0 ? Either.right(waived) : Either.left(new PoolRefused({ failures: left }))
}

/**
 * The gate on a pool campaign's decision to approve one nominee (issue 13 item 4). The decision changes the pool of
 * the nominee's community, so it is gated on:
 * - that community's list after the decision (the count and the roles: 001 二), counted over `pool` — the
 *   campaign's nominees still in the running (decided, or not yet decided), this one included: a decision is
 *   refused only when no later decision in the campaign could make the community meet the rule (the first of two
 *   nominees in a community needing two is not refused for being alone so far);
 * - the nominee's own findings (the age cap of the role: 001 三（4）);
 * - the street-wide age structure of `pool` (001 三（4）).
 * Other communities' findings do not block it (the pool check and the yearly review report them). Each failing
 * rule passes only through `gate`: a 一般 / 原则上 one by a waiver of its rule and subject, anything else never.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { LocalDate, Pool, Scheme } from "@cadre/domain"
 *
 * const preset = Scheme.presetByKey("guizhou-street-reserve-pool")
 * const rules = preset && Pool.poolRulesOf(Scheme.loadPreset(preset))
 * if (rules !== undefined) {
 *   const c = { id: "c-a", name: "甲社区" }
 *   const a = { personId: "p1", roleKey: "principal", birthDate: LocalDate.make("1990-01-01"), community: c }
 *   const b = { personId: "p2", roleKey: "deputy", birthDate: LocalDate.make("1991-01-01"), community: c }
 *   // Deciding p1 while p2 is still pending: the community's list (p1, p2) meets 不少于2名（含正职、副职）.
 *   Either.isRight(Pool.gateDecision(rules, [a, b], a, LocalDate.make("2026-07-12"), []).gate) // true
 * }
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const gateDecision = (
  rules: PoolRules,
  pool: ReadonlyArray<PoolEntry>,
  nominee: PoolEntry,
  on: LocalDate,
  waivers: ReadonlyArray<PoolWaiver>,
): {
  readonly report: PoolReport
  readonly failures: ReadonlyArray<PoolFailure>
  readonly gate: Either.Either<ReadonlyArray<WaivedFailure>, PoolRefused>
} => {
  const entries = pool.some((e) => e.personId === nominee.personId) ? pool : [...pool, nominee]
  const report = checkPool(rules, entries, on, [nominee.community])
  const failures = failuresOf(report).filter(
    (f) => f.subject === undefined || f.subject === nominee.community.id || f.subject === nominee.personId,
  )
  return { report, failures, gate: gate(failures, waivers) }
}
