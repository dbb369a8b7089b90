/**
 * The ways a scheme evaluates a cadre besides the grade itself: quantified scoring, satisfaction surveys, panel
 * scoring of a report-back, star rating, the four evaluations and the classification of secretaries.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { Param } from "../../shared/Cited.js"
import { Text } from "../../shared/Text.js"
import { Actor, Ratio } from "./Basics.js"
import { Grade } from "./Grades.js"

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
