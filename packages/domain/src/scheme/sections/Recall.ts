/**
 * The scheme's recall part: what sets off a recall, a return or an admonishment, who decides, and what a recall
 * entails for the cadre or the dispatching unit.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Citation } from "../../shared/Citation.js"
import { Param } from "../../shared/Cited.js"
import { Text } from "../../shared/Text.js"
import { Actor, Duration, Ratio } from "./Basics.js"
import { Grade } from "./Grades.js"

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
 * An admonishment measure a clause names for its `admonish` action: 批评教育 and 促其整改 (003 五 强化负面惩戒),
 * 诫勉谈话 (004 淮上 目标考核 三是).
 *
 * @category schemas
 * @since 0.1.0
 */
export const AdmonishMeasure = Schema.Literal(
  "criticism_education",
  "rectification",
  "admonishment_talk",
).annotations({ identifier: "AdmonishMeasure", title: "教育提醒措施 / admonishment measure" })
/**
 * The decoded value of the {@link AdmonishMeasure} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type AdmonishMeasure = typeof AdmonishMeasure.Type

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
  /**
   * For `admonish`: the measures the clause names (003 五: 批评教育、促其整改; 004 淮上: 诫勉谈话). The managing body
   * records one or more of them on the placement (the `Admonish` move); absent: any measure.
   */
  measures: Schema.optional(Schema.NonEmptyArray(AdmonishMeasure)),
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
  /**
   * For `graded`: the assessment cycle whose grade the recall sets (004 淮上 "当年考评为“不称职”": the annual
   * assessment). Absent: the scheme's only year-end cycle, if it has exactly one.
   */
  cycleId: Schema.optional(Schema.NonEmptyTrimmedString),
  /** "当年": the consequence lasts to the end of the calendar year of the recall. */
  period: Schema.optional(Schema.Literal("that_year")),
  /**
   * A unit's consequence applies once this many of its cadres are recalled within `within` (002: 2 in 1 year).
   * `window` (issue 13): `rolling` (absent) counts back `within` from each recall ("一年内": within a year of the
   * first); `calendar_year` counts the recalls of the same calendar year(s) ("年度": with `within` N years, the
   * recall's year and the N − 1 before it).
   */
  after: Schema.optional(
    Schema.Struct({
      recalls: Schema.Int.pipe(Schema.positive()),
      within: Duration,
      window: Schema.optional(
        Schema.Literal("rolling", "calendar_year").annotations({
          title: "计数区间（滚动 / 年度） / counting window",
        }),
      ),
    }),
  ),
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
 * A negative list (负面清单) of a stated size (003 五: "明确15项具体负面情形"): the triggers that are its items, and
 * what the document leaves to the district when it names fewer items than it counts.
 *
 * @category schemas
 * @since 0.1.0
 */
export const NegativeList = Schema.Struct({
  /** How many items the document says the list has. */
  size: Schema.Int.pipe(Schema.positive()),
  /** The ids of the recall triggers that are its items, in the document's order. */
  items: Schema.Array(Schema.NonEmptyTrimmedString),
  /** Why items are missing (the document counts them but does not name them): shown as district-set. */
  unnamed: Schema.optional(Text),
}).annotations({ identifier: "NegativeList", title: "负面清单 / negative list" })
/**
 * The decoded value of the {@link NegativeList} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type NegativeList = typeof NegativeList.Type

/**
 * The scheme's recall part: its triggers and their consequences.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Recall = Schema.Struct({
  triggers: Schema.Array(RecallTrigger),
  consequences: Param(Schema.Array(Consequence)),
  /** A negative list of triggers, when the document keeps one (003 五 强化负面惩戒). */
  negativeList: Schema.optional(Param(NegativeList)),
}).annotations({ identifier: "RecallParameters", title: "召回与调整 / recall and adjustment" })
/**
 * The decoded value of the {@link Recall} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Recall = typeof Recall.Type
