/**
 * The scheme's in-post rules: the term and its probation, the reports owed, leave tiers, what happens to the
 * cadre's relations, mentor capacity and training minimums.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Citation } from "../../shared/Citation.js"
import { Param } from "../../shared/Cited.js"
import { Text } from "../../shared/Text.js"
import { Actor, Cadence, Duration } from "./Basics.js"

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
 * Leave of `fromDays` days or more (以上: the number included) is filed (备案) with `fileWith`, whoever approves it.
 * `fromDays` is itself a parameter: 004 安丘 强化考核激励 reads "挂职干部请假天以上要报市委组织部备案" with the number
 * missing, so the preset records the clause and leaves the number `Unspecified` for the district to fill in.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LeaveFiling = Schema.Struct({
  fromDays: Param(Schema.Int.pipe(Schema.positive())).annotations({
    title: "备案起始天数（含） / filed from this many days",
  }),
  fileWith: Actor,
}).annotations({ identifier: "LeaveFiling", title: "请假备案 / leave filing" })
/**
 * The decoded value of the {@link LeaveFiling} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type LeaveFiling = typeof LeaveFiling.Type

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
 * One kind of mentor (培养责任人) each cadre is given, and how many (004 江东 四: 1 名信访局副局长 and 1 名精通业务工作的
 * 信访干部 for each cadre). `key` is what a pairing records as the mentor's role.
 *
 * @category schemas
 * @since 0.1.0
 */
export const MentorRole = Schema.Struct({
  key: Schema.NonEmptyTrimmedString,
  label: Text,
  count: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "MentorRole", title: "培养责任人 / mentor per cadre" })
/**
 * The decoded value of the {@link MentorRole} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type MentorRole = typeof MentorRole.Type

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
