/**
 * Selection campaigns (选拔程序): the application's path as a state machine driven by the scheme, with the
 * invariants the kernel guarantees (scheme version fixed, no re-decision without a return, places never
 * over-filled, shortlist ratio, appointment after the public notice and its objections).
 *
 * @since 0.1.0
 */
export {
  type AuthorityContext,
  AuthorityReason,
  authorise,
  MoveNotYours,
  type MoveShape,
  movesFor,
  type Owner,
  ownersOf,
  speaksFor,
  yourMoves,
} from "./Authority.js"
export { type BatchCheck, type BatchWaiver, checkBatchSize } from "./Batch.js"
export {
  FindingsUnresolved,
  findingsUnresolved,
  OpenFinding,
  outcomeOf,
  rescreened,
  resolveFinding,
  unresolvedFindings,
} from "./Findings.js"
export { IllegalMove, IllegalReason, MOVE_LABELS } from "./IllegalMove.js"
export * from "./Model.js"
export {
  derivePath,
  hasStep,
  nextStep,
  noticeBeforeDecision,
  type Path,
  type PathStep,
  type StageRef,
  stageStates,
  stepIndex,
} from "./Path.js"
export {
  ADVANCE_TARGETS,
  isReviewStep,
  isTerminal,
  OPTIONAL,
  PROCEDURE,
  type ProcedureState,
  REVIEW_STEPS,
  type ReviewStep,
  STATE_LABELS,
  State,
  TERMINAL,
} from "./State.js"
export {
  newApplication,
  shortlistLimit,
  type TransitionContext,
  type TransitionError,
  tally,
  transition,
} from "./Transition.js"
export {
  type ReferenceDateProblem,
  referenceDateFor,
  schemeReferenceDate,
  screeningDate,
} from "./ReferenceDate.js"
export { outsideDeadline, overrideDeadline, performs, type StageDeadline } from "./transition/Deadlines.js"
export {
  aggregateScores,
  formatHundredths,
  type InterviewScore,
  InterviewScoresInvalid,
  InterviewScoring,
  meanHundredths,
  type RankedCandidate,
  type RaterScore,
  rankInterviews,
  type Scored,
  ScoresProblem,
  type ShortlistCut,
  shortlistByRank,
} from "./Interview.js"
export {
  entryOf,
  overdue,
  type Schedule,
  type ScheduleEntry,
  ScheduleInvalid,
  type ScheduleOptions,
  ScheduleProblem,
  scheduleOf,
} from "./Schedule.js"
export {
  completeTask,
  describeTask,
  type Handover,
  handover,
  isOverdue,
  isTaskOpen,
  openTask,
  remind,
  ReviewTask,
  TaskAction,
  TaskEvent,
  TaskRefusal,
  TaskRefused,
  TaskStep,
  transfer,
} from "./Task.js"
export {
  compareFindings,
  compareVerdicts,
  type Direction,
  type FindingChange,
  type FindingChangeKind,
  type FindingSide,
  OUTCOME_LABELS,
  type VerdictChange,
  type WhatIf,
} from "./WhatIf.js"
