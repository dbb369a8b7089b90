/**
 * A scheme (方案): one region's programme of one kind, as data. Every number in it is that region's setting,
 * with the clause it comes from, or an explicit "unspecified" where the document is silent (shared/Cited.ts).
 * Stored as JSON with `formatVersion`; decoded on read; a campaign keeps the version it started under.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { RuleId } from "../eligibility/Finding.js"
import { Preference } from "../eligibility/preferences/index.js"
import { NoExclusion } from "../eligibility/rules/NoExclusion.js"
import { Rule } from "../eligibility/rules/index.js"
import { EmploymentCategory } from "../person/Profile.js"
import { Citation } from "../shared/Citation.js"
import { Param } from "../shared/Cited.js"
import { LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"

/**
 * Bump when the encoded shape changes incompatibly; readers migrate older formats before decoding.
 *
 * @category constants
 * @since 0.1.0
 */
export const FORMAT_VERSION = 1 as const

/**
 * A scheme's id: lowercase letters, digits and hyphens.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SchemeId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9-]*$/, {
    message: () =>
      "方案编号只能包含小写字母、数字和连字符 / scheme id: lowercase letters, digits and hyphens",
  }),
  Schema.maxLength(80),
  Schema.brand("SchemeId"),
).annotations({ identifier: "SchemeId", title: "方案编号 / scheme id" })
/**
 * The decoded value of the {@link SchemeId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SchemeId = typeof SchemeId.Type

/**
 * The region that owns the scheme. Same brand name as region/RegionId so the two are interchangeable; kept
 * loose here (any non-empty string, e.g. an administrative division code "310110") to avoid a dependency on the
 * region module's validation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RegionId = Schema.String.pipe(Schema.minLength(1), Schema.brand("RegionId")).annotations({
  identifier: "SchemeRegionId",
  title: "地区 / region",
})
/**
 * The decoded value of the {@link RegionId} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RegionId = typeof RegionId.Type

/**
 * The direction of a secondment: up, down, lateral or external.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SecondmentDirection = Schema.Literal("up", "down", "lateral", "external").annotations({
  identifier: "SecondmentDirection",
  title: "挂职方向（上挂/下挂/平挂/外挂） / secondment direction",
})
/**
 * The decoded value of the {@link SecondmentDirection} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SecondmentDirection = typeof SecondmentDirection.Type

/**
 * Programme kinds (POLICIES "Programme kinds").
 *
 * @category schemas
 * @since 0.1.0
 */
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
/**
 * The decoded value of the {@link SchemeKind} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SchemeKind = typeof SchemeKind.Type

/**
 * A document the scheme's citations point to; `id` is what `Citation.document` holds (e.g. "000").
 *
 * @category schemas
 * @since 0.1.0
 */
export const SourceDocument = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  title: Text,
  issuer: Schema.optional(Schema.String).annotations({ title: "发文机关 / issuer" }),
  /** 文号, as printed (may be incomplete in a draft, e.g. "杨委组〔2020〕  号"). */
  number: Schema.optional(Schema.String).annotations({ title: "文号 / document number" }),
  issuedOn: Schema.optional(LocalDate).annotations({ title: "成文日期 / issued on" }),
}).annotations({ identifier: "SourceDocument", title: "依据文件 / source document" })
/**
 * The decoded value of the {@link SourceDocument} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SourceDocument = typeof SourceDocument.Type

/**
 * The unit of a {@link Duration}: days, months or years.
 *
 * @category schemas
 * @since 0.1.0
 */
export const DurationUnit = Schema.Literal("day", "month", "year")
/**
 * A length of time as documents state it ("5年", "6个月", "3天").
 *
 * @category schemas
 * @since 0.1.0
 */
export const Duration = Schema.Struct({
  amount: Schema.Int.pipe(Schema.positive()),
  unit: DurationUnit,
}).annotations({ identifier: "Duration", title: "期限 / duration" })
/**
 * The decoded value of the {@link Duration} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Duration = typeof Duration.Type

/**
 * A share such as 20% (20/100) or 1:2; integers, so quota arithmetic is exact.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Ratio = Schema.Struct({
  numerator: Schema.NonNegativeInt,
  denominator: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "Ratio", title: "比例 / ratio" })
/**
 * The decoded value of the {@link Ratio} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Ratio = typeof Ratio.Type

/**
 * Who acts at a stage, receives a report or decides (POLICIES "Actors").
 *
 * @category schemas
 * @since 0.1.0
 */
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
/**
 * The decoded value of the {@link Actor} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Actor = typeof Actor.Type

// ---------------------------------------------------------------------------------------------- eligibility

/**
 * Which date screening measures ages and standing on. The seeds do not fix it; the campaign usually does.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReferenceDatePolicy = Schema.Union(
  /** The deadline of a stage of this scheme (e.g. the registration / recommendation deadline). */
  Schema.TaggedStruct("StageDeadline", { stageId: Schema.NonEmptyTrimmedString }),
  Schema.TaggedStruct("FixedDate", { date: LocalDate }),
  /** Each campaign states its own date. */
  Schema.TaggedStruct("SetByCampaign", {}),
).annotations({ identifier: "ReferenceDatePolicy", title: "计算基准日 / reference date" })
/**
 * The decoded value of the {@link ReferenceDatePolicy} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ReferenceDatePolicy = typeof ReferenceDatePolicy.Type

/**
 * The scheme's eligibility part: the rules, the exclusions, the preferences and the reference-date policy.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Eligibility = Schema.Struct({
  /** 人选条件: computed and attested rules, in the document's order. */
  rules: Schema.Array(Rule),
  /** 不宜/不得 情形: exclusions, evaluated after the rules. */
  exclusions: Schema.Array(NoExclusion),
  /** 优先: rank eligible candidates, never exclude. */
  preferences: Schema.Array(Preference),
  referenceDate: Param(ReferenceDatePolicy),
}).annotations({ identifier: "EligibilityParameters", title: "人选条件 / eligibility" })
/**
 * The decoded value of the {@link Eligibility} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Eligibility = typeof Eligibility.Type

// ---------------------------------------------------------------------------------------------- term

/**
 * Probation at the start of a placement: the post held, its length, how it ends in confirmation, and what
 * may happen otherwise.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Probation = Schema.Struct({
  /** The post held while on probation (000: 副书记见习). */
  asRole: Text,
  length: Param(Duration),
  /** How probation ends in confirmation (000: 经街道综合考评能胜任的，通过换届选举正式担任). */
  confirmation: Text,
  /** What may happen otherwise (000: 适当延长见习期或返回派出单位). */
  otherwise: Schema.Array(Schema.Literal("extend_probation", "return_to_unit")),
}).annotations({ identifier: "Probation", title: "见习 / probation" })
/**
 * The decoded value of the {@link Probation} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Probation = typeof Probation.Type

/**
 * The term of a placement: its length, what happens when it ends, and the probation at its start.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Term = Schema.Struct({
  length: Param(Duration),
  /** What happens when the term ends (stay on, return, term-end assessment…). */
  afterTerm: Param(Text),
  probation: Param(Probation),
}).annotations({ identifier: "Term", title: "任期与见习 / term and probation" })
/**
 * The decoded value of the {@link Term} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Term = typeof Term.Type

// ---------------------------------------------------------------------------------------------- selection

/**
 * How a candidate enters a selection: self-registration, unit recommendation or organisation recommendation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Channel = Schema.Literal(
  "self_registration",
  "unit_recommendation",
  "organisation_recommendation",
).annotations({ identifier: "Channel", title: "报名渠道 / channel of entry" })
/**
 * The decoded value of the {@link Channel} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Channel = typeof Channel.Type

const MonthDay = Schema.Struct({
  month: Schema.Int.pipe(Schema.between(1, 12)),
  day: Schema.Int.pipe(Schema.between(1, 31)),
})

/**
 * When a stage is due, relative to the campaign year (yearOffset 0 = the year the campaign starts, 1 = the
 * next: "明年1月中旬"). "12月18日前" is `ByDate` 12-18: the platform reads "前" as "by the end of that day".
 *
 * @category schemas
 * @since 0.1.0
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
/**
 * The decoded value of the {@link Deadline} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Deadline = typeof Deadline.Type

/**
 * One stage of the selection procedure, with its actor, deadline and citation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Stage = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  actor: Actor,
  deadline: Param(Deadline),
  /** Candidates per place at a shortlisting stage (004 Anqiu 1:2 → 2 candidates : 1 place). */
  shortlistRatio: Schema.optional(Param(Schema.Struct({ candidates: Schema.Int, places: Schema.Int }))),
  citation: Citation,
}).annotations({ identifier: "Stage", title: "程序环节 / stage" })
/**
 * The decoded value of the {@link Stage} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Stage = typeof Stage.Type

// ---------------------------------------------------------------------------------------------- in post

/**
 * How often a report falls due: every interval, at year end, at term end, on an event.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Cadence = Schema.Union(
  Schema.TaggedStruct("Every", { interval: Duration }),
  Schema.TaggedStruct("YearEnd", {}),
  Schema.TaggedStruct("TermEnd", {}),
  Schema.TaggedStruct("OnEvent", { event: Text }),
).annotations({ identifier: "Cadence", title: "频次 / cadence" })
/**
 * The decoded value of the {@link Cadence} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Cadence = typeof Cadence.Type

/**
 * A report the scheme requires from one actor to another, with its subject, cadence and clause.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReportObligation = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  from: Actor,
  to: Actor,
  subject: Text,
  cadence: Param(Cadence),
  citation: Citation,
}).annotations({ identifier: "ReportObligation", title: "报告义务 / report obligation" })
/**
 * The decoded value of the {@link ReportObligation} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ReportObligation = typeof ReportObligation.Type

/**
 * Leave up to `upToDays` (inclusive; absent = longer leave) is approved by `approver`, filed with `fileWith`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveTier = Schema.Struct({
  upToDays: Schema.optional(Schema.Int.pipe(Schema.positive())),
  approver: Actor,
  fileWith: Schema.optional(Actor),
}).annotations({ identifier: "LeaveTier", title: "请假审批 / leave tier" })
/**
 * The decoded value of the {@link LeaveTier} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveTier = typeof LeaveTier.Type

/**
 * What happens to each of the cadre's relations while in post (000 一（二）1: 转组织关系，不转行政和工资关系).
 * A relation the document does not mention is left out.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RelationRule = Schema.Literal("moves", "stays").annotations({
  identifier: "RelationRule",
  title: "关系（转/不转） / relation moves or stays",
})
/**
 * The decoded value of the {@link RelationRule} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RelationRule = typeof RelationRule.Type
/**
 * The scheme's rule for each of the Party, administrative and pay relations (absent: the scheme is silent).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Relations = Schema.Struct({
  /** 组织关系 (Party membership relation). */
  party: Schema.optional(RelationRule),
  /** 行政（人事）关系 / 身份. */
  administrative: Schema.optional(RelationRule),
  /** 工资关系 / 工资发放渠道. */
  pay: Schema.optional(RelationRule),
}).annotations({ identifier: "Relations", title: "组织、行政、工资关系 / relations" })
/**
 * The decoded value of the {@link Relations} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Relations = typeof Relations.Type

/**
 * Mentees one mentor takes in a calendar year (003: 每年帮带3—4名); `min` absent when only a cap is stated.
 *
 * @category schemas
 * @since 0.1.0
 */
export const MentorCapacity = Schema.Struct({
  min: Schema.optional(Schema.Int.pipe(Schema.positive())),
  max: Schema.Int.pipe(Schema.positive()),
})
  .pipe(
    Schema.filter(
      (m) =>
        m.min === undefined ||
        m.min <= m.max ||
        "帮带人数下限不能大于上限 / the mentor's minimum cannot exceed the maximum",
    ),
  )
  .annotations({ identifier: "MentorCapacity", title: "帮带人数 / mentor capacity" })
/**
 * The decoded value of the {@link MentorCapacity} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type MentorCapacity = typeof MentorCapacity.Type

/**
 * The kind of training a minimum counts: centralised, topical, pre-post, or any.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TrainingKind = Schema.Literal("centralised", "topical", "pre_post", "any").annotations({
  identifier: "TrainingKind",
  title: "培训类型（集中/专题/岗前/任意） / training kind",
})
/**
 * The decoded value of the {@link TrainingKind} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TrainingKind = typeof TrainingKind.Type

/**
 * At least `atLeast` trainings of `kind` in each calendar `per` (001 五1: 每年至少……进行一次集中培训).
 *
 * @category schemas
 * @since 0.1.0
 */
export const TrainingMinimum = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  kind: TrainingKind,
  atLeast: Schema.Int.pipe(Schema.positive()),
  per: Schema.Literal("year", "quarter"),
}).annotations({ identifier: "TrainingMinimum", title: "培训最低要求 / training minimum" })
/**
 * The decoded value of the {@link TrainingMinimum} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TrainingMinimum = typeof TrainingMinimum.Type

// ---------------------------------------------------------------------------------------------- assessment

/**
 * An assessment grade: excellent, competent, basically competent, incompetent.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Grade = Schema.Literal(
  "excellent",
  "competent",
  "basically_competent",
  "incompetent",
).annotations({
  identifier: "Grade",
  title: "考核等次（优秀/称职/基本称职/不称职） / grade",
})
/**
 * The decoded value of the {@link Grade} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Grade = typeof Grade.Type

/**
 * One assessment cycle of the scheme (year end, half year, term end): its steps and their actors.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AssessmentCycle = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  cadence: Cadence,
  firstOpinionBy: Schema.optional(Actor),
  decidedBy: Schema.optional(Actor),
  reportTo: Schema.optional(Actor),
  citation: Citation,
}).annotations({ identifier: "AssessmentCycle", title: "考核 / assessment cycle" })
/**
 * The decoded value of the {@link AssessmentCycle} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type AssessmentCycle = typeof AssessmentCycle.Type

/**
 * A quota on a grade. A cap ("优秀不超过20%") allows floor(N × share); a floor ("达到40%以上") needs
 * ceil(N × share): `rounding` must agree with `bound`. `countedAmong` says which group N counts
 * (002: 单列, among all first secretaries; 004: among seconded cadres of the same kind).
 *
 * @category schemas
 * @since 0.1.0
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
/**
 * The decoded value of the {@link Quota} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Quota = typeof Quota.Type

/**
 * People a quota allows (cap) or requires (floor) among `n`, in exact integer arithmetic.
 *
 * @category utils
 * @since 0.1.0
 */
export const quotaCount = (q: Pick<Quota, "share" | "rounding">, n: number): number => {
  const x = n * q.share.numerator
  return q.rounding === "floor" ? Math.floor(x / q.share.denominator) : Math.ceil(x / q.share.denominator)
}

const Key = Schema.NonEmptyTrimmedString
const Points = Schema.Int.pipe(Schema.positive())

/**
 * A band of a point scale: a total at or above `minPoints` earns `grade`. Bands are listed highest first.
 *
 * @category schemas
 * @since 0.1.0
 */
export const GradeBand = Schema.Struct({ minPoints: Schema.NonNegativeInt, grade: Grade }).annotations({
  identifier: "GradeBand",
  title: "分数段 / grade band",
})
/**
 * The decoded value of the {@link GradeBand} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type GradeBand = typeof GradeBand.Type

/**
 * Quantified scoring (量化考核) on a point scale at the cycles named (004 淮上: 百分制, half-year, year-end and
 * term-end). Items and score → grade bands are the region's; where the document is silent they stay Unspecified
 * and the grade is decided by the body the cycle names.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Scoring = Schema.Struct({
  maxPoints: Param(Points),
  cycleIds: Schema.Array(Key),
  items: Param(Schema.NonEmptyArray(Schema.Struct({ id: Key, label: Text, maxPoints: Points }))),
  gradeBands: Param(Schema.NonEmptyArray(GradeBand)),
}).annotations({ identifier: "Scoring", title: "量化考核 / scoring" })
/**
 * The decoded value of the {@link Scoring} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Scoring = typeof Scoring.Type

/**
 * A satisfaction survey (满意度测评): who answers, and whether "基本满意" counts toward the satisfaction rate.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SurveyRules = Schema.Struct({
  respondents: Param(Text),
  basicallySatisfied: Param(Schema.Literal("counts_as_satisfied", "not_satisfied")),
}).annotations({ identifier: "SurveyRules", title: "满意度测评 / satisfaction survey" })
/**
 * The decoded value of the {@link SurveyRules} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SurveyRules = typeof SurveyRules.Type

/**
 * Scores given on the spot by several scorers and combined with weights (003 半年提级述职).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PanelScoring = Schema.Struct({
  scorers: Param(Schema.NonEmptyArray(Schema.Struct({ key: Key, label: Text }))),
  maxPoints: Param(Points),
  weights: Param(Schema.NonEmptyArray(Schema.Struct({ scorer: Key, weight: Ratio }))),
}).annotations({ identifier: "PanelScoring", title: "现场打分评议 / panel scoring" })
/**
 * The decoded value of the {@link PanelScoring} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PanelScoring = typeof PanelScoring.Type

/**
 * 星级评定 (003): departments score the areas; the total falls in one of `stars` levels.
 *
 * @category schemas
 * @since 0.1.0
 */
export const StarRating = Schema.Struct({
  stars: Param(Points),
  raters: Param(Text),
  areas: Param(Schema.NonEmptyArray(Text)),
  maxPoints: Param(Points),
  bands: Param(Schema.NonEmptyArray(Schema.Struct({ minPoints: Schema.NonNegativeInt, stars: Points }))),
}).annotations({ identifier: "StarRating", title: "星级评定 / star rating" })
/**
 * The decoded value of the {@link StarRating} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type StarRating = typeof StarRating.Type

/**
 * One part of the four evaluations (四评): self, residents, street, org dept.
 *
 * @category schemas
 * @since 0.1.0
 */
export const EvaluationPart = Schema.Literal("self", "residents", "street", "org_dept").annotations({
  identifier: "EvaluationPart",
  title: "评价环节（自评/点评/复评/审评） / evaluation part",
})
/**
 * The decoded value of the {@link EvaluationPart} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type EvaluationPart = typeof EvaluationPart.Type

/**
 * 履职评估“四评” (003): the parts in their order, the residents' dimensions (德能勤绩廉) and answer options.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FourEvaluations = Schema.Struct({
  parts: Param(Schema.NonEmptyArray(Schema.Struct({ part: EvaluationPart, by: Actor, label: Text }))),
  residentDimensions: Param(Schema.NonEmptyArray(Schema.Struct({ key: Key, label: Text }))),
  residentOptions: Param(
    Schema.NonEmptyArray(Schema.Struct({ key: Key, label: Text, favourable: Schema.Boolean })),
  ),
}).annotations({ identifier: "FourEvaluations", title: "履职评估 / four evaluations" })
/**
 * The decoded value of the {@link FourEvaluations} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type FourEvaluations = typeof FourEvaluations.Type

/**
 * A type a secretary may be classified as: model, backbone, potential, maintenance.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SecretaryTypeKey = Schema.Literal("model", "backbone", "potential", "maintenance").annotations({
  identifier: "SecretaryTypeKey",
  title: "书记类型（示范/骨干/潜力/守摊） / secretary type",
})
/**
 * The decoded value of the {@link SecretaryTypeKey} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SecretaryTypeKey = typeof SecretaryTypeKey.Type

/**
 * Classification of secretaries into types by standards (003 深化分类管理), with each type's support.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SecretaryTyping = Schema.Struct({
  types: Param(Schema.NonEmptyArray(Schema.Struct({ key: SecretaryTypeKey, label: Text, support: Text }))),
  standards: Param(Schema.NonEmptyArray(Schema.Struct({ key: Key, label: Text }))),
  /** How the standards decide the type; Unspecified: the classifying body judges. */
  assignment: Param(Text),
}).annotations({ identifier: "SecretaryTyping", title: "分类管理 / secretary types" })
/**
 * The decoded value of the {@link SecretaryTyping} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SecretaryTyping = typeof SecretaryTyping.Type

/**
 * When an incentive applies; all conditions of an incentive must hold.
 *
 * @category schemas
 * @since 0.1.0
 */
export const IncentiveCondition = Schema.Union(
  /** A grade in a cycle (any cycle when `cycleId` is absent). */
  Schema.TaggedStruct("GradeIs", { grades: Schema.NonEmptyArray(Grade), cycleId: Schema.optional(Key) }),
  /** The same grade range in each of the last `years` annual assessments (004 淮上: 连续考核为优秀). */
  Schema.TaggedStruct("ConsecutiveGrades", { grades: Schema.NonEmptyArray(Grade), years: Points }),
  /** Served at least this long in post (004 淮上: 在村任职三年以上). */
  Schema.TaggedStruct("ServedAtLeast", { length: Duration }),
  /** Investment brought in, in yuan, at least this much (004 淮上: 投资达30万元以上). */
  Schema.TaggedStruct("InvestmentAtLeast", { yuan: Points }),
  /** A judgement a person records (表现突出, 表现特别优秀…). */
  Schema.TaggedStruct("Judged", { description: Text }),
).annotations({ identifier: "IncentiveCondition", title: "激励条件 / incentive condition" })
/**
 * The decoded value of the {@link IncentiveCondition} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type IncentiveCondition = typeof IncentiveCondition.Type

/**
 * An incentive the scheme grants, with its conditions and its effect.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Incentive = Schema.Struct({
  id: Key,
  label: Text,
  when: Schema.NonEmptyArray(IncentiveCondition),
  effect: Schema.Literal(
    "priority_promotion",
    "seniority_shortened",
    "top_bonus_tier",
    "priority_grade_advance",
    "graded",
    "open_selection",
    "other",
  ),
  /** Only for these employment categories (002: 区级以下机关公务员). */
  employment: Schema.optional(Schema.NonEmptyArray(EmploymentCategory)),
  /** By how much (002: 晋升职级年限缩短半年 → 6 months). */
  duration: Schema.optional(Duration),
  grade: Schema.optional(Grade),
  citation: Citation,
}).annotations({ identifier: "Incentive", title: "激励 / incentive" })
/**
 * The decoded value of the {@link Incentive} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Incentive = typeof Incentive.Type

/**
 * The scheme's assessment part: grades, cycles and quotas, and where set, scoring, surveys, report-back
 * scoring, star rating, four evaluations, secretary types and incentives.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Assessment = Schema.Struct({
  grades: Param(Schema.NonEmptyArray(Schema.Struct({ key: Grade, label: Text }))),
  cycles: Schema.Array(AssessmentCycle),
  quotas: Param(Schema.Array(Quota)),
  scoring: Schema.optional(Param(Scoring)),
  survey: Schema.optional(Param(SurveyRules)),
  reportBack: Schema.optional(Param(PanelScoring)),
  starRating: Schema.optional(Param(StarRating)),
  fourEvaluations: Schema.optional(Param(FourEvaluations)),
  secretaryTypes: Schema.optional(Param(SecretaryTyping)),
  incentives: Schema.optional(Param(Schema.Array(Incentive))),
}).annotations({ identifier: "AssessmentParameters", title: "考核 / assessment" })
/**
 * The decoded value of the {@link Assessment} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Assessment = typeof Assessment.Type

// ---------------------------------------------------------------------------------------------- recall

/**
 * What sets off a recall, a return or an admonishment.
 *
 * @category schemas
 * @since 0.1.0
 */
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
/**
 * The decoded value of the {@link RecallCondition} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RecallCondition = typeof RecallCondition.Type

/**
 * A condition under which a cadre is recalled or otherwise acted on, with the action and who decides.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RecallTrigger = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  label: Text,
  condition: RecallCondition,
  action: Schema.Literal("recall", "adjust_or_return", "admonish", "remove_from_pool"),
  decidedBy: Schema.optional(Actor),
  citation: Citation,
}).annotations({ identifier: "RecallTrigger", title: "召回/调整 / recall trigger" })
/**
 * The decoded value of the {@link RecallTrigger} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type RecallTrigger = typeof RecallTrigger.Type

/**
 * What a recall entails for the cadre or the dispatching unit.
 *
 * @category schemas
 * @since 0.1.0
 */
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
  /** "当年": the consequence lasts to the end of the calendar year of the recall. */
  period: Schema.optional(Schema.Literal("that_year")),
  /** A unit's consequence applies once this many of its cadres are recalled within `within` (002: 2 in 1 year). */
  after: Schema.optional(Schema.Struct({ recalls: Schema.Int.pipe(Schema.positive()), within: Duration })),
  citation: Citation,
}).annotations({ identifier: "Consequence", title: "后果 / consequence" })
/**
 * The decoded value of the {@link Consequence} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Consequence = typeof Consequence.Type

/**
 * The scheme's recall part: its triggers and their consequences.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Recall = Schema.Struct({
  triggers: Schema.Array(RecallTrigger),
  consequences: Param(Schema.Array(Consequence)),
}).annotations({ identifier: "RecallParameters", title: "召回与调整 / recall and adjustment" })
/**
 * The decoded value of the {@link Recall} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Recall = typeof Recall.Type

// ---------------------------------------------------------------------------------------------- pool

/**
 * A role of a reserve pool (正职, 副职), with its label.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PoolRole = Schema.Struct({ key: Schema.NonEmptyTrimmedString, label: Text })
/**
 * The decoded value of the {@link PoolRole} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PoolRole = typeof PoolRole.Type

/**
 * Reserve-pool composition (001: ≥ 2 per community, principal and deputy; aged ≤ 35 at least 40%).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Pool = Schema.Struct({
  minPerCommunity: Param(Schema.Int.pipe(Schema.positive())),
  roles: Param(Schema.NonEmptyArray(PoolRole)),
  /** "35岁以下达到40%以上": maxAge 35 (以下 includes), share 40/100 at least (a floor: ceil). */
  youngShare: Param(Schema.Struct({ maxAge: Schema.NonNegativeInt, atLeast: Ratio })),
}).annotations({ identifier: "Pool", title: "队伍结构 / pool composition" })
/**
 * The decoded value of the {@link Pool} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Pool = typeof Pool.Type

// ---------------------------------------------------------------------------------------------- other

/**
 * A clause the software records but does not compute (full-time duty, relations, support, incentives…).
 *
 * @category schemas
 * @since 0.1.0
 */
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
/**
 * The decoded value of the {@link Provision} schema.
 *
 * @category models
 * @since 0.1.0
 */
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
  // In-post fields added after format 1 was fixed: optional, so schemes stored without them still decode (absent
  // reads as "not stated"), and presets fill them in where the seed states them.
  relations: Schema.optional(Param(Relations)),
  mentorCapacity: Schema.optional(Param(MentorCapacity)),
  training: Schema.optional(Param(Schema.NonEmptyArray(TrainingMinimum))),
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
