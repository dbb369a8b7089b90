/**
 * Assessment (考核): grade quotas checked at decision time, the annual assessment's steps in the scheme's order,
 * satisfaction surveys, scoring, recall triggers and consequences, and incentives. Every rule reads the scheme's
 * parameters; every answer carries its arithmetic or evidence and the clause, in Chinese and English.
 *
 * @since 0.1.0
 */
export {
  applyGrading,
  GradingRefusal,
  imposeGrade,
  GradingRefused,
  type GradingMove,
  type GradingRecord,
  type GradingStep,
  gradingSteps,
  gradingSummary,
  newGrading,
  nextGradingStep,
  STEP_LABELS,
} from "./Grading.js"
export {
  type ConditionCheck,
  evaluateIncentives,
  type IncentiveFacts,
  type IncentiveFinding,
} from "./Incentives.js"
export { ACTOR_LABELS, COMPARATOR_LABELS, GRADE_LABELS, gradeLabel } from "./Labels.js"
export {
  type CheckGradeInput,
  checkGrade,
  type GradeAllowed,
  type GroupCount,
  GroupCountInvalid,
  type QuotaArithmetic,
  QuotaRefused,
  type QuotaUse,
  quotaArithmetic,
  quotaGroupKey,
  quotaUse,
} from "./Quota.js"
export * as Rational from "./Rational.js"
export {
  ACTION_LABELS,
  ADMONISH_MEASURE_LABELS,
  type AppliedConsequence,
  applyRecall,
  type Evidence,
  evaluateTriggers,
  type FiredTrigger,
  inForce,
  type NegativeListStatus,
  negativeListOf,
  periodEnd,
  type RecallFacts,
  type RecallGrade,
  type RecallOutcome,
  recallGrades,
  recallsInWindow,
  type TriggerEvaluation,
  type UnitThreshold,
  UnknownTrigger,
} from "./Recall.js"
export {
  type Classification,
  classifySecretary,
  type EvaluationEntry,
  type EvaluationRecord,
  EvaluationRefused,
  nextEvaluationPart,
  type PanelResult,
  recordEvaluation,
  type ResidentVotes,
  residentRates,
  ScoreInvalid,
  type ScoreResult,
  type ScoreSheet,
  scorePanel,
  scoreSheet,
  type StarResult,
  starsFor,
  type Undetermined,
} from "./Scoring.js"
export {
  type BasicallySatisfied,
  type CountingDecision,
  evaluateSurvey,
  MEASURE_LABELS,
  type SurveyCounts,
  SurveyCountingUnspecified,
  SurveyCountsInvalid,
  type SurveyError,
  type SurveyFinding,
  type SurveyMeasure,
  type SurveyRate,
  surveyRate,
} from "./Surveys.js"
