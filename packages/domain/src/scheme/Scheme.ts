/**
 * A scheme (方案): one region's programme of one kind, as data. Every number in it is that region's setting,
 * with the clause it comes from, or an explicit "unspecified" where the document is silent (shared/Cited.ts).
 * Stored as JSON with `formatVersion`; decoded on read; a campaign keeps the version it started under.
 *
 * The parts of the Schema live in scheme/sections/, one module per section (identity, basics, eligibility,
 * stages, in post, grades, evaluations, assessment, recall, pool, provisions); this module assembles them into the
 * scheme and re-exports every part, so `Scheme.X` names them all.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { RuleId } from "../eligibility/Finding.js"
import { Param } from "../shared/Cited.js"
import { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { Assessment } from "./sections/Assessment.js"
import { Eligibility } from "./sections/Eligibility.js"
import { RegionId, SchemeId, SchemeKind, SourceDocument } from "./sections/Identity.js"
import {
  LeaveFiling,
  LeaveTier,
  MentorCapacity,
  MentorRole,
  Relations,
  ReportObligation,
  Term,
  TrainingMinimum,
} from "./sections/InPost.js"
import { LeaveDayCount } from "./sections/LeaveDays.js"
import { Pool } from "./sections/Pool.js"
import { Provision } from "./sections/Provision.js"
import { Recall } from "./sections/Recall.js"
import { BatchSize, Channel, Stage } from "./sections/Stages.js"

export * from "./sections/Assessment.js"
export * from "./sections/Basics.js"
export * from "./sections/Eligibility.js"
export * from "./sections/Evaluations.js"
export * from "./sections/Grades.js"
export * from "./sections/Identity.js"
export * from "./sections/InPost.js"
export * from "./sections/LeaveDays.js"
export * from "./sections/Pool.js"
export * from "./sections/Provision.js"
export * from "./sections/Recall.js"
export * from "./sections/Stages.js"

/**
 * Bump when the encoded shape changes incompatibly; readers migrate older formats before decoding.
 *
 * @category constants
 * @since 0.1.0
 */
export const FORMAT_VERSION = 1 as const

// ---------------------------------------------------------------------------------------------- the scheme

const SchemeStruct = Schema.Struct({
  formatVersion: Schema.Literal(FORMAT_VERSION),
  id: SchemeId,
  regionId: RegionId,
  kind: SchemeKind,
  name: Text,
  version: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  effectiveFrom: LocalDate,
  sources: Schema.NonEmptyArray(SourceDocument),
  eligibility: Eligibility,
  term: Term,
  channels: Param(Schema.NonEmptyArray(Channel)),
  stages: Schema.Array(Stage),
  /** Cadres per batch (issue 20: 004 江东 一 "一般每批3人"); absent: the scheme does not say. */
  batchSize: Schema.optional(Param(BatchSize)),
  reports: Schema.Array(ReportObligation),
  leave: Param(Schema.NonEmptyArray(LeaveTier)),
  /** How the days of leave count, for its length and for a late return (issue 13); absent: calendar days. */
  leaveDays: Schema.optional(Param(LeaveDayCount)),
  /** Leave filed (备案) with a body from some length on, whoever approves it (issue 20: 004 Anqiu); absent: none. */
  leaveFiling: Schema.optional(Param(LeaveFiling)),
  // In-post fields added after format 1 was fixed: optional, so schemes stored without them still decode (absent
  // reads as "not stated"), and presets fill them in where the seed states them.
  relations: Schema.optional(Param(Relations)),
  mentorCapacity: Schema.optional(Param(MentorCapacity)),
  /** The mentors (培养责任人) each cadre is given, by kind (issue 20: 004 江东 四); absent: not stated. */
  mentorsPerCadre: Schema.optional(Param(Schema.NonEmptyArray(MentorRole))),
  training: Schema.optional(Param(Schema.NonEmptyArray(TrainingMinimum))),
  /**
   * May a person hold more than one posting (appointment or placement) at a time under this scheme? Only a cited
   * `true` allows it; absent (every preset: no seed document allows it) or unspecified means one at a time.
   */
  concurrentPostings: Schema.optional(
    Param(Schema.Boolean.annotations({ title: "允许同时兼任多个岗位 / concurrent postings allowed" })),
  ),
  assessment: Assessment,
  recall: Recall,
  pool: Param(Pool),
  provisions: Schema.Array(Provision),
})

const duplicates = (ids: ReadonlyArray<string>): ReadonlyArray<string> => {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const id of ids) (seen.has(id) ? dup : seen).add(id)
  return [...dup]
}

/** Cross-field checks: ids unique where they are keys, references point at something that exists. */
const schemeIssues = (s: typeof SchemeStruct.Type): ReadonlyArray<string> => {
  const issues: Array<string> = []
  const ruleDup = duplicates([...s.eligibility.rules, ...s.eligibility.exclusions].map((r) => r.id))
  if (ruleDup.length > 0) issues.push(`规则编号重复 / duplicate rule ids: ${ruleDup.join(", ")}`)
  const prefDup = duplicates(s.eligibility.preferences.map((p) => p.id))
  if (prefDup.length > 0) issues.push(`优先条件编号重复 / duplicate preference ids: ${prefDup.join(", ")}`)
  const stageIds = new Set(s.stages.map((x) => x.id))
  const stageDup = duplicates(s.stages.map((x) => x.id))
  if (stageDup.length > 0) issues.push(`环节编号重复 / duplicate stage ids: ${stageDup.join(", ")}`)
  const rd = s.eligibility.referenceDate
  if (rd._tag === "Cited" && rd.value._tag === "StageDeadline" && !stageIds.has(rd.value.stageId))
    issues.push(`基准日引用了不存在的环节 / reference date names an unknown stage: ${rd.value.stageId}`)
  for (const st of s.stages) {
    if (
      st.deadline._tag === "Cited" &&
      st.deadline.value._tag === "After" &&
      !stageIds.has(st.deadline.value.stageId)
    )
      issues.push(`环节“${st.id}”的时限引用了不存在的环节 / stage ${st.id} follows an unknown stage`)
  }
  const cycleIds = new Set(s.assessment.cycles.map((c) => c.id))
  if (s.recall.consequences._tag === "Cited")
    for (const c of s.recall.consequences.value)
      if (c.cycleId !== undefined && !cycleIds.has(c.cycleId))
        issues.push(
          `后果“${c.id}”引用了不存在的考核 / consequence ${c.id} names an unknown cycle: ${c.cycleId}`,
        )
  const nl = s.recall.negativeList
  if (nl?._tag === "Cited") {
    const triggerIds = new Set(s.recall.triggers.map((t) => t.id))
    for (const id of nl.value.items)
      if (!triggerIds.has(id))
        issues.push(`负面清单引用了不存在的情形 / the negative list names an unknown trigger: ${id}`)
    if (nl.value.items.length > nl.value.size)
      issues.push(
        `负面清单列出${nl.value.items.length}项，多于规定的${nl.value.size}项 / the negative list names ${nl.value.items.length} items, more than its ${nl.value.size}`,
      )
  }
  for (const t of s.recall.triggers)
    if (t.measures !== undefined && t.action !== "admonish")
      issues.push(
        `情形“${t.id}”不是教育提醒，不能列出措施 / trigger ${t.id} is not an admonishment; it has no measures`,
      )
  const docs = new Set(s.sources.map((d) => d.id))
  for (const r of [...s.eligibility.rules, ...s.eligibility.exclusions])
    if (!docs.has(r.citation.document))
      issues.push(`规则“${r.id}”引用的文件未列入依据 / rule ${r.id} cites an unlisted document`)
  return issues
}

/**
 * The scheme Schema: every programme kind, one shape. Decode on read, encode on write.
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { Scheme } from "@cadre/domain"
 *
 * declare const stored: unknown // a scheme's JSON, as storage keeps it
 *
 * const scheme = Schema.decodeUnknownSync(Scheme.Scheme)(stored) // throws a ParseError on invalid data
 * Schema.encodeSync(Scheme.Scheme)(scheme) // back to the stored form
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Scheme = SchemeStruct.pipe(
  Schema.filter((s) => {
    const issues = schemeIssues(s)
    return issues.length === 0 ? true : issues.join("; ")
  }),
).annotations({ identifier: "Scheme", title: "方案 / scheme" })
/**
 * The decoded value of the {@link Scheme} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Scheme = typeof Scheme.Type
/**
 * The encoded (JSON) form of the {@link Scheme} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SchemeEncoded = typeof Scheme.Encoded

/** Rule ids are the keys diffs and waivers use. */
export type { RuleId }
