/**
 * Assessments (issue 5): grading cycles with their quotas and surveys (AssessmentService), and the yearly review
 * of a reserve pool (PoolService). The public face of the folder.
 */
export { AssessmentService } from "./AssessmentService.js"
export { imposeRecallGrade } from "./decide.js"
export type { AssessmentRecord, GradingStepInput, QuotaUseRecord } from "./grading.js"
export { PoolService } from "./PoolService.js"
