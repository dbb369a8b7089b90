/**
 * The contract of a rule kind: what a compiled `Check` reads, the fields every rule carries, and the helpers
 * rule kinds share to build their findings and messages.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Profile } from "../person/Profile.js"
import { Citation, formatCitation } from "../shared/Citation.js"
import type { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { type Finding, type FindingStatus, type FindingValue, RuleId, type Waiver } from "./Finding.js"

/**
 * What a rule may read besides the profile. Never a clock: the reference date is always given.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvalContext {
  /** The date on which ages, standing and look-back windows are measured (POLICIES: the scheme states it). */
  readonly referenceDate: LocalDate
  /** The role applied for (001: "principal" / "deputy" reserve), read by role-dependent rules. */
  readonly targetRole?: string | undefined
  readonly waivers?: ReadonlyArray<Waiver> | undefined
}

/**
 * A compiled rule: plain, synchronous, no Effect — it runs once per candidate per rule.
 *
 * @category models
 * @since 0.1.0
 */
export type Check = (profile: Profile, ctx: EvalContext) => Finding

/**
 * Fields every rule kind carries, whatever its parameters.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ruleFields = {
  id: RuleId,
  citation: Citation,
  label: Text,
  /** True for "一般" / "原则上" / "特别优秀的，可适当放宽" rules: an approved waiver may set a failure aside. */
  waivable: Schema.Boolean.annotations({ title: "可放宽 / waivable" }),
}

/**
 * The common part of every rule value.
 *
 * @category models
 * @since 0.1.0
 */
export interface RuleBase {
  readonly _tag: string
  readonly id: string
  readonly citation: Citation
  readonly label: Text
  readonly waivable: boolean
}

/**
 * A rule kind: its Schema and its compiler. One file in rules/ exports one of these; rules/index.ts lists them.
 * `tag` must equal the Schema's `_tag` (checked by the type).
 *
 * @category models
 * @since 0.1.0
 */
export interface RuleKind<R extends RuleBase, I> {
  readonly tag: R["_tag"]
  readonly schema: Schema.Schema<R, I>
  readonly compile: (rule: R) => Check
}

/**
 * Builds findings for one rule with the constant parts (id, citation, label, expected) computed once.
 *
 * Findings are immutable values, so when the message object is shared (a constant, or a text cached by
 * `messagesByReference` / `messagesByKey`) the finding for a given (message, actual value) is built once, frozen
 * and shared between verdicts: screening a pool then allocates almost nothing per rule. Pass `fresh: true` for a
 * message built for this candidate alone (it would only fill the cache).
 *
 * @category utils
 * @since 0.1.0
 */
export const findingsFor = (rule: RuleBase, expected: Text) => {
  const { id: ruleId, _tag: kind, citation, label, waivable } = rule
  const build = (status: FindingStatus, actual: FindingValue, message: Text): Finding =>
    Object.freeze({ ruleId, kind, status, label, actual, expected, citation, waivable, message })
  // Keyed by message identity, then by actual value; cleared when it grows (a new reference date makes new texts).
  const shared = new Map<Text, Map<FindingValue, Finding>>()
  return (status: FindingStatus, actual: FindingValue, message: Text, fresh = false): Finding => {
    if (fresh) return build(status, actual, message)
    let byActual = shared.get(message)
    if (byActual === undefined) {
      if (shared.size >= 1024) shared.clear()
      byActual = new Map()
      shared.set(message, byActual)
    }
    const hit = byActual.get(actual)
    if (hit !== undefined && hit.status === status) return hit
    const f = build(status, actual, message)
    if (byActual.size < 256) byActual.set(actual, f)
    return f
  }
}

/**
 * Texts keyed by a string (a category, a level), built on first use and reused: they depend on nothing else.
 *
 * @category utils
 * @since 0.1.0
 */
export const messagesByKey = (build: (key: string) => Text) => {
  const cache = new Map<string, Text>()
  return (key: string): Text => {
    let t = cache.get(key)
    if (t === undefined) {
      t = build(key)
      cache.set(key, t)
    }
    return t
  }
}

/**
 * The standard "passes" message, computed once per rule: "符合：<label>（000 一（一）5）".
 *
 * @category utils
 * @since 0.1.0
 */
export const passMessage = (rule: RuleBase): Text => {
  const c = formatCitation(rule.citation)
  return { zh: `符合“${rule.label.zh}”（${c}）`, en: `Meets "${rule.label.en}" (${c})` }
}

/**
 * Suffix naming the clause, for fail / review messages.
 *
 * @category utils
 * @since 0.1.0
 */
export const clauseSuffix = (rule: RuleBase): Text => {
  const c = formatCitation(rule.citation)
  return { zh: `（${c}）`, en: ` (${c})` }
}

/**
 * Messages that depend only on a small integer (an age, a number of years) and the reference date are built
 * once and reused: a pool is screened on one reference date, so after the first few candidates no message is
 * built at all. The cache is dropped whenever the reference date changes, so it stays small.
 *
 * @category utils
 * @since 0.1.0
 */
export const messagesByReference = (build: (key: number, referenceDate: string) => Text) => {
  let ref = ""
  let cache = new Map<number, Text>()
  return (key: number, referenceDate: string): Text => {
    if (referenceDate !== ref) {
      ref = referenceDate
      cache = new Map()
    }
    let t = cache.get(key)
    if (t === undefined) {
      t = build(key, referenceDate)
      cache.set(key, t)
    }
    return t
  }
}

/**
 * An age cap with its label (a role's or a rank band's).
 *
 * @category models
 * @since 0.1.0
 */
export interface AgeCap {
  readonly maxAge: number
  readonly label: Text
}

/**
 * "Aged 41 on <date>, above the cap of 40 for <label>" for the role- and rank-dependent age caps: one message cache
 * per cap, keyed by age and dropped when the reference date changes.
 *
 * @category utils
 * @since 0.1.0
 */
export const capExceededMessages = (sfx: Text) => {
  const caches = new Map<AgeCap, (age: number, ref: string) => Text>()
  return (cap: AgeCap, age: number, ref: string): Text => {
    let m = caches.get(cap)
    if (m === undefined) {
      m = messagesByReference((a, r) => ({
        zh: `截至${r}年满${a}周岁，超过${cap.label.zh}${cap.maxAge}周岁的上限${sfx.zh}`,
        en: `Aged ${a} on ${r}, above the cap of ${cap.maxAge} for ${cap.label.en}${sfx.en}`,
      }))
      caches.set(cap, m)
    }
    return m(age, ref)
  }
}
