import { Schema } from "effect"
import type { RuleId } from "../eligibility/Finding.js"
import { Preference } from "../eligibility/preferences/index.js"
import { NoExclusion } from "../eligibility/rules/NoExclusion.js"
import { Rule } from "../eligibility/rules/index.js"
import { Citation } from "../shared/Citation.js"
import { Param } from "../shared/Cited.js"
import { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"

/**
 * A scheme (方案): one region's programme of one kind, as data. Every number in it is that region's setting,
 * with the clause it comes from, or an explicit "unspecified" where the document is silent (shared/Cited.ts).
 * Stored as JSON with `formatVersion`; decoded on read; a campaign keeps the version it started under.
 */

/** Bump when the encoded shape changes incompatibly; readers migrate older formats before decoding. */
export const FORMAT_VERSION = 1 as const

export const SchemeId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9-]*$/, {
    message: () =>
      "方案编号只能包含小写字母、数字和连字符 / scheme id: lowercase letters, digits and hyphens",
  }),
  Schema.maxLength(80),
  Schema.brand("SchemeId"),
).annotations({ identifier: "SchemeId", title: "方案编号 / scheme id" })
export type SchemeId = typeof SchemeId.Type

/**
 * The region that owns the scheme. Same brand name as region/RegionId so the two are interchangeable; kept
 * loose here (any non-empty string, e.g. an administrative division code "310110") to avoid a dependency on the
 * region module's validation.
 */
export const RegionId = Schema.String.pipe(Schema.minLength(1), Schema.brand("RegionId")).annotations({
  identifier: "SchemeRegionId",
  title: "地区 / region",
})
export type RegionId = typeof RegionId.Type

export const SecondmentDirection = Schema.Literal("up", "down", "lateral", "external").annotations({
  identifier: "SecondmentDirection",
  title: "挂职方向（上挂/下挂/平挂/外挂） / secondment direction",
})
export type SecondmentDirection = typeof SecondmentDirection.Type

/** Programme kinds (POLICIES "Programme kinds"). */
export const SchemeKind = Schema.Union(
  /** 选派干部担任居民区党组织书记 (000) */
  Schema.TaggedStruct("CommunitySecretaryDispatch", {}),
  /** 村/社区党组织第一书记 (002, 003) */
  Schema.TaggedStruct("FirstSecretary", {}),
  /** 社区后备干部 (001, 003) */
  Schema.TaggedStruct("ReservePool", {}),
  /** 挂职锻炼 (004) */
  Schema.TaggedStruct("Secondment", { direction: SecondmentDirection }),
  /** 社区党组织书记队伍"选育管评用" (003) */
  Schema.TaggedStruct("CommunitySecretaryTeam", {}),
).annotations({ identifier: "SchemeKind", title: "项目类型 / programme kind" })
export type SchemeKind = typeof SchemeKind.Type

/** A document the scheme's citations point to; `id` is what `Citation.document` holds (e.g. "000"). */
export const SourceDocument = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  title: Text,
  issuer: Schema.optional(Schema.String).annotations({ title: "发文机关 / issuer" }),
  /** 文号, as printed (may be incomplete in a draft, e.g. "杨委组〔2020〕  号"). */
  number: Schema.optional(Schema.String).annotations({ title: "文号 / document number" }),
  issuedOn: Schema.optional(LocalDate).annotations({ title: "成文日期 / issued on" }),
}).annotations({ identifier: "SourceDocument", title: "依据文件 / source document" })
export type SourceDocument = typeof SourceDocument.Type

export const DurationUnit = Schema.Literal("day", "month", "year")
/** A length of time as documents state it ("5年", "6个月", "3天"). */
export const Duration = Schema.Struct({
  amount: Schema.Int.pipe(Schema.positive()),
  unit: DurationUnit,
}).annotations({ identifier: "Duration", title: "期限 / duration" })
export type Duration = typeof Duration.Type

/** A share such as 20% (20/100) or 1:2; integers, so quota arithmetic is exact. */
export const Ratio = Schema.Struct({
  numerator: Schema.NonNegativeInt,
  denominator: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "Ratio", title: "比例 / ratio" })
export type Ratio = typeof Ratio.Type

/** Who acts at a stage, receives a report or decides (POLICIES "Actors"). */
export const Actor = Schema.Literal(
  "org_dept", // 区委组织部
  "org_dept_meeting", // 部务会 / 部长办公会
  "standing_committee", // 常委会
  "street", // 街道党工委 / 乡镇党委
  "dispatching_unit", // 派出单位（党委/党组）
  "host_unit", // 接收单位 / 居民区 / 村 / 社区
  "community_party_org", // 社区党组织
  "joint_review", // 联审部门
  "applicant", // 本人
  "residents", // 居民代表、党员
).annotations({ identifier: "Actor", title: "主体 / actor" })
export type Actor = typeof Actor.Type

// ---------------------------------------------------------------------------------------------- eligibility

/** Which date screening measures ages and standing on. The seeds do not fix it; the campaign usually does. */
export const ReferenceDatePolicy = Schema.Union(
  /** The deadline of a stage of this scheme (e.g. the registration / recommendation deadline). */
  Schema.TaggedStruct("StageDeadline", { stageId: Schema.NonEmptyTrimmedString }),
  Schema.TaggedStruct("FixedDate", { date: LocalDate }),
  /** Each campaign states its own date. */
  Schema.TaggedStruct("SetByCampaign", {}),
).annotations({ identifier: "ReferenceDatePolicy", title: "计算基准日 / reference date" })
export type ReferenceDatePolicy = typeof ReferenceDatePolicy.Type

export const Eligibility = Schema.Struct({
  /** 人选条件: computed and attested rules, in the document's order. */
  rules: Schema.Array(Rule),
  /** 不宜/不得 情形: exclusions, evaluated after the rules. */
  exclusions: Schema.Array(NoExclusion),
  /** 优先: rank eligible candidates, never exclude. */
  preferences: Schema.Array(Preference),
  referenceDate: Param(ReferenceDatePolicy),
}).annotations({ identifier: "EligibilityParameters", title: "人选条件 / eligibility" })
export type Eligibility = typeof Eligibility.Type

// ---------------------------------------------------------------------------------------------- term

export const Probation = Schema.Struct({
  /** The post held while on probation (000: 副书记见习). */
  asRole: Text,
  length: Param(Duration),
  /** How probation ends in confirmation (000: 经街道综合考评能胜任的，通过换届选举正式担任). */
  confirmation: Text,
  /** What may happen otherwise (000: 适当延长见习期或返回派出单位). */
  otherwise: Schema.Array(Schema.Literal("extend_probation", "return_to_unit")),
}).annotations({ identifier: "Probation", title: "见习 / probation" })
export type Probation = typeof Probation.Type

export const Term = Schema.Struct({
  length: Param(Duration),
  /** What happens when the term ends (stay on, return, term-end assessment…). */
  afterTerm: Param(Text),
  probation: Param(Probation),
}).annotations({ identifier: "Term", title: "任期与见习 / term and probation" })
export type Term = typeof Term.Type

// ---------------------------------------------------------------------------------------------- selection

export const Channel = Schema.Literal(
  "self_registration",
  "unit_recommendation",
  "organisation_recommendation",
).annotations({ identifier: "Channel", title: "报名渠道 / channel of entry" })
export type Channel = typeof Channel.Type

const MonthDay = Schema.Struct({
  month: Schema.Int.pipe(Schema.between(1, 12)),
  day: Schema.Int.pipe(Schema.between(1, 31)),
})

/**
 * When a stage is due, relative to the campaign year (yearOffset 0 = the year the campaign starts, 1 = the
 * next: "明年1月中旬"). "12月18日前" is `ByDate` 12-18: the platform reads "前" as "by the end of that day".
 */
export const Deadline = Schema.Union(
  Schema.TaggedStruct("ByDate", { ...MonthDay.fields, yearOffset: Schema.Int }),
  /** 上旬 (1–10) / 中旬 (11–20) / 下旬 (21–end) of a month. */
  Schema.TaggedStruct("InPeriod", {
    month: Schema.Int.pipe(Schema.between(1, 12)),
    part: Schema.Literal("early", "mid", "late"),
    yearOffset: Schema.Int,
  }),
  Schema.TaggedStruct("Between", { from: MonthDay, to: MonthDay, yearOffset: Schema.Int }),
  /** Within a duration after another stage ends. */
  Schema.TaggedStruct("After", { stageId: Schema.NonEmptyTrimmedString, within: Duration }),
).annotations({ identifier: "Deadline", title: "时限 / deadline" })
export type Deadline = typeof Deadline.Type

export const Stage = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  actor: Actor,
  deadline: Param(Deadline),
  /** Candidates per place at a shortlisting stage (004 Anqiu 1:2 → 2 candidates : 1 place). */
  shortlistRatio: Schema.optional(Param(Schema.Struct({ candidates: Schema.Int, places: Schema.Int }))),
  citation: Citation,
}).annotations({ identifier: "Stage", title: "程序环节 / stage" })
export type Stage = typeof Stage.Type

// ---------------------------------------------------------------------------------------------- in post

export const Cadence = Schema.Union(
  Schema.TaggedStruct("Every", { interval: Duration }),
  Schema.TaggedStruct("YearEnd", {}),
  Schema.TaggedStruct("TermEnd", {}),
  Schema.TaggedStruct("OnEvent", { event: Text }),
).annotations({ identifier: "Cadence", title: "频次 / cadence" })
export type Cadence = typeof Cadence.Type

export const ReportObligation = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  from: Actor,
  to: Actor,
  subject: Text,
  cadence: Param(Cadence),
  citation: Citation,
}).annotations({ identifier: "ReportObligation", title: "报告义务 / report obligation" })
export type ReportObligation = typeof ReportObligation.Type

/** Leave up to `upToDays` (inclusive; absent = longer leave) is approved by `approver`, filed with `fileWith`. */
export const LeaveTier = Schema.Struct({
  upToDays: Schema.optional(Schema.Int.pipe(Schema.positive())),
  approver: Actor,
  fileWith: Schema.optional(Actor),
}).annotations({ identifier: "LeaveTier", title: "请假审批 / leave tier" })
export type LeaveTier = typeof LeaveTier.Type

// ---------------------------------------------------------------------------------------------- assessment

export const Grade = Schema.Literal(
  "excellent",
  "competent",
  "basically_competent",
  "incompetent",
).annotations({
  identifier: "Grade",
  title: "考核等次（优秀/称职/基本称职/不称职） / grade",
})
export type Grade = typeof Grade.Type

export const AssessmentCycle = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  cadence: Cadence,
  firstOpinionBy: Schema.optional(Actor),
  decidedBy: Schema.optional(Actor),
  reportTo: Schema.optional(Actor),
  citation: Citation,
}).annotations({ identifier: "AssessmentCycle", title: "考核 / assessment cycle" })
export type AssessmentCycle = typeof AssessmentCycle.Type

/**
 * A quota on a grade. A cap ("优秀不超过20%") allows floor(N × share); a floor ("达到40%以上") needs
 * ceil(N × share): `rounding` must agree with `bound`. `countedAmong` says which group N counts
 * (002: 单列, among all first secretaries; 004: among seconded cadres of the same kind).
 */
export const Quota = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  grade: Grade,
  bound: Schema.Literal("cap", "floor"),
  share: Ratio,
  rounding: Schema.Literal("floor", "ceil"),
  countedAmong: Text,
  citation: Citation,
})
  .pipe(
    Schema.filter(
      (q) =>
        (q.bound === "cap" ? q.rounding === "floor" : q.rounding === "ceil") ||
        "上限向下取整、下限向上取整 / a cap rounds down (floor), a floor rounds up (ceil)",
    ),
  )
  .annotations({ identifier: "Quota", title: "等次名额 / grade quota" })
export type Quota = typeof Quota.Type

/** People a quota allows (cap) or requires (floor) among `n`, in exact integer arithmetic. */
export const quotaCount = (q: Pick<Quota, "share" | "rounding">, n: number): number => {
  const x = n * q.share.numerator
  return q.rounding === "floor" ? Math.floor(x / q.share.denominator) : Math.ceil(x / q.share.denominator)
}

export const Assessment = Schema.Struct({
  grades: Param(Schema.NonEmptyArray(Schema.Struct({ key: Grade, label: Text }))),
  cycles: Schema.Array(AssessmentCycle),
  quotas: Param(Schema.Array(Quota)),
}).annotations({ identifier: "AssessmentParameters", title: "考核 / assessment" })
export type Assessment = typeof Assessment.Type

// ---------------------------------------------------------------------------------------------- recall

/** What sets off a recall, a return or an admonishment. */
export const RecallCondition = Schema.Union(
  Schema.TaggedStruct("GradeIs", { grades: Schema.NonEmptyArray(Grade) }),
  /** e.g. 002 "不满意率高于30%": dissatisfaction gt 30/100; 004 Huaishang "满意率低于60%": satisfaction lt 60/100. */
  Schema.TaggedStruct("SurveyRate", {
    measure: Schema.Literal("satisfaction", "dissatisfaction"),
    comparator: Schema.Literal("lt", "le", "gt", "ge"),
    share: Ratio,
  }),
  Schema.TaggedStruct("DisciplineBreach", {}),
  /** A circumstance a person judges (illness, family hardship, merger of the residential area…). */
  Schema.TaggedStruct("Circumstance", { description: Text }),
).annotations({ identifier: "RecallCondition", title: "召回/调整情形 / recall condition" })
export type RecallCondition = typeof RecallCondition.Type

export const RecallTrigger = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  condition: RecallCondition,
  action: Schema.Literal("recall", "adjust_or_return", "admonish", "remove_from_pool"),
  decidedBy: Schema.optional(Actor),
  citation: Citation,
}).annotations({ identifier: "RecallTrigger", title: "召回/调整 / recall trigger" })
export type RecallTrigger = typeof RecallTrigger.Type

export const Consequence = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  appliesTo: Schema.Literal("cadre", "dispatching_unit"),
  effect: Schema.Literal(
    "no_awards",
    "lose_reserve_status",
    "no_promotion",
    "graded",
    "performance_deduction",
    "head_not_excellent",
    "other",
  ),
  duration: Schema.optional(Duration),
  grade: Schema.optional(Grade),
  citation: Citation,
}).annotations({ identifier: "Consequence", title: "后果 / consequence" })
export type Consequence = typeof Consequence.Type

export const Recall = Schema.Struct({
  triggers: Schema.Array(RecallTrigger),
  consequences: Param(Schema.Array(Consequence)),
}).annotations({ identifier: "RecallParameters", title: "召回与调整 / recall and adjustment" })
export type Recall = typeof Recall.Type

// ---------------------------------------------------------------------------------------------- pool

export const PoolRole = Schema.Struct({ key: Schema.NonEmptyTrimmedString, label: Text })
export type PoolRole = typeof PoolRole.Type

/** Reserve-pool composition (001: ≥ 2 per community, principal and deputy; aged ≤ 35 at least 40%). */
export const Pool = Schema.Struct({
  minPerCommunity: Param(Schema.Int.pipe(Schema.positive())),
  roles: Param(Schema.NonEmptyArray(PoolRole)),
  /** "35岁以下达到40%以上": maxAge 35 (以下 includes), share 40/100 at least (a floor: ceil). */
  youngShare: Param(Schema.Struct({ maxAge: Schema.NonNegativeInt, atLeast: Ratio })),
}).annotations({ identifier: "Pool", title: "队伍结构 / pool composition" })
export type Pool = typeof Pool.Type

// ---------------------------------------------------------------------------------------------- other

/** A clause the software records but does not compute (full-time duty, relations, support, incentives…). */
export const Provision = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  topic: Schema.Literal(
    "full_time",
    "relations",
    "pay",
    "mentoring",
    "training",
    "support",
    "incentive",
    "archive",
    "inspection",
    "handover",
    "other",
  ),
  text: Text,
  citation: Citation,
}).annotations({ identifier: "Provision", title: "其他规定 / provision" })
export type Provision = typeof Provision.Type

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
  reports: Schema.Array(ReportObligation),
  leave: Param(Schema.NonEmptyArray(LeaveTier)),
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
  const docs = new Set(s.sources.map((d) => d.id))
  for (const r of [...s.eligibility.rules, ...s.eligibility.exclusions])
    if (!docs.has(r.citation.document))
      issues.push(`规则“${r.id}”引用的文件未列入依据 / rule ${r.id} cites an unlisted document`)
  return issues
}

/** The scheme Schema: every programme kind, one shape. Decode on read, encode on write. */
export const Scheme = SchemeStruct.pipe(
  Schema.filter((s) => {
    const issues = schemeIssues(s)
    return issues.length === 0 ? true : issues.join("; ")
  }),
).annotations({ identifier: "Scheme", title: "方案 / scheme" })
export type Scheme = typeof Scheme.Type
export type SchemeEncoded = typeof Scheme.Encoded

/** Rule ids are the keys diffs and waivers use. */
export type { RuleId }
