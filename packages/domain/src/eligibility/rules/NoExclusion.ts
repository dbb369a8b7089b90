/**
 * The `NoExclusion` eligibility rule (no conduct record that excludes the candidate): its Schema and its compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { ConductRecord } from "../../person/Profile.js"
import { FACT_SOURCE_LABELS, type FactSource } from "../../shared/FactSource.js"
import { addYears } from "../../shared/LocalDate.js"
import { Text } from "../../shared/Text.js"
import { type Check, clauseSuffix, findingsFor, passMessage, type RuleKind, ruleFields } from "../RuleKind.js"

/**
 * Well-known keys of `ConductRecord.kind`. The list of exclusions is each region's to edit (003 speaks of 20
 * situations), so the kind is an open string; these are the ones the seeds name (001 人选条件 不宜/不得).
 *
 * @category constants
 * @since 0.1.0
 */
export const CONDUCT_KINDS = {
  /** 受过刑事处罚 */
  criminalPunishment: "criminal_punishment",
  /** 党纪处分 */
  partySanction: "party_sanction",
  /** 政纪处分 */
  governmentSanction: "government_sanction",
  /** 违法违纪 */
  violation: "violation",
  /** 立案审查（正在接受） */
  investigation: "investigation",
  /** 参与非法宗教、封建迷信活动 */
  illegalReligiousActivity: "illegal_religious_activity",
} as const
/**
 * A kind of conduct record that can exclude a candidate (one value of {@link CONDUCT_KINDS}).
 *
 * @category models
 * @since 0.1.0
 */
export type ConductKind = (typeof CONDUCT_KINDS)[keyof typeof CONDUCT_KINDS]

/**
 * Fails if the profile has a conduct record of one of `kinds` dated within the last `withinYears` years before
 * the reference date ("近三年内", inclusive of the day three years back), or at any time on or before it when
 * there is no window; or a record of one of `openKinds` (e.g. investigation) that was still open on the
 * reference date (no `closed` date, or closed after it: "正在接受立案审查"). Records after the reference date
 * are not counted.
 *
 * @category schemas
 * @since 0.1.0
 */
export const NoExclusion = Schema.TaggedStruct("NoExclusion", {
  ...ruleFields,
  kinds: Schema.Array(Schema.NonEmptyTrimmedString).annotations({ title: "排除情形 / excluding kinds" }),
  withinYears: Schema.optional(Schema.Int.pipe(Schema.positive())).annotations({
    title: "追溯年限 / look-back window in years",
  }),
  openKinds: Schema.optionalWith(Schema.Array(Schema.NonEmptyTrimmedString), {
    default: () => [],
  }).annotations({
    title: "尚未了结即排除的情形 / kinds that exclude while open",
  }),
  /** How the listed situations read in the document, for the explanation. */
  description: Text,
}).annotations({ identifier: "NoExclusion", title: "排除情形 / exclusion" })
/**
 * The decoded value of the {@link NoExclusion} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type NoExclusion = typeof NoExclusion.Type

/**
 * Compiles a `NoExclusion` rule, once per scheme, into the plain `Check` that screens one candidate.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (rule: NoExclusion): Check => {
  const kinds = new Set(rule.kinds)
  const open = new Set(rule.openKinds)
  const w = rule.withinYears
  const make = findingsFor(rule, {
    zh: `无以下情形：${rule.description.zh}`,
    en: `none of: ${rule.description.en}`,
  })
  const ok = passMessage(rule)
  const sfx = clauseSuffix(rule)
  const none: ReadonlyArray<string> = []
  return (profile, ctx) => {
    const ref = ctx.referenceDate
    if (profile.conduct.length === 0) return make("pass", none, ok)
    const since = w === undefined ? undefined : addYears(ref, -w)
    let hits: Array<string> | undefined
    let whence: Array<ConductRecord> | undefined
    for (const r of profile.conduct) {
      if (r.date > ref) continue
      const inWindow = kinds.has(r.kind) && (since === undefined || r.date >= since)
      const stillOpen = open.has(r.kind) && (r.closed === undefined || r.closed > ref)
      if (inWindow || stillOpen) {
        if (hits === undefined || whence === undefined) {
          hits = []
          whence = []
        }
        hits.push(stillOpen && !inWindow ? `${r.kind} ${r.date} (open)` : `${r.kind} ${r.date}`)
        whence.push(r)
      }
    }
    if (hits === undefined || whence === undefined) return make("pass", none, ok)
    const said = whence.map(provenance)
    const zh = hits.map((h, i) => `${h}${said[i]?.zh ?? ""}`).join("；")
    const en = hits.map((h, i) => `${h}${said[i]?.en ?? ""}`).join("; ")
    const failed = make(
      "fail",
      hits,
      {
        zh: `存在排除情形（${zh}）：${rule.description.zh}${sfx.zh}`,
        en: `Excluded by ${en}: ${rule.description.en}${sfx.en}`,
      },
      true,
    )
    const source = sourceOf(whence)
    return source === undefined ? failed : { ...failed, source }
  }
}

/** Who recorded a record and on what document, as it reads after the record in an explanation. */
const provenance = (r: ConductRecord): Text => {
  if (r.source === undefined && r.document === undefined) return { zh: "", en: "" }
  const who = r.source === undefined ? undefined : FACT_SOURCE_LABELS[r.source]
  const zh = [r.department, who?.zh, r.document].filter((x) => x !== undefined && x !== "").join("，")
  const en = [who?.en, r.department, r.document].filter((x) => x !== undefined && x !== "").join(", ")
  return { zh: `（${zh}）`, en: ` (${en})` }
}

/** The source a failed exclusion rests on: a staff's or department's record first, else the applicant's word. */
const sourceOf = (records: ReadonlyArray<ConductRecord>): FactSource | undefined =>
  records.find((r) => r.source !== undefined && r.source !== "applicant")?.source ??
  records.find((r) => r.source !== undefined)?.source

/**
 * The `NoExclusion` rule kind: its Schema and its compiler, listed in rules/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const NoExclusionKind: RuleKind<NoExclusion, typeof NoExclusion.Encoded> = {
  tag: "NoExclusion",
  schema: NoExclusion,
  compile,
}
