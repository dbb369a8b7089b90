/**
 * The scheme's assessment part, assembled: grades, cycles and quotas, the evaluations the scheme sets, and the
 * incentives it grants.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { EmploymentCategory } from "../../person/Profile.js"
import { Citation } from "../../shared/Citation.js"
import { Param } from "../../shared/Cited.js"
import { Text } from "../../shared/Text.js"
import { Duration } from "./Basics.js"
import {
  FourEvaluations,
  PanelScoring,
  Scoring,
  SecretaryTyping,
  StarRating,
  SurveyRules,
} from "./Evaluations.js"
import { AssessmentCycle, Grade, Quota } from "./Grades.js"

const Key = Schema.NonEmptyTrimmedString
const Points = Schema.Int.pipe(Schema.positive())

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
