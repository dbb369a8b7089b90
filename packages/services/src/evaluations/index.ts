/**
 * Evaluations (issue 5): scores and evaluations of cadres in post (EvaluationService) and the reserve pipeline
 * (ReserveService). The public face of the folder.
 */
export { EvaluationService } from "./EvaluationService.js"
export { RESERVE_SOURCE_LABELS, ReserveService } from "./ReserveService.js"
export { EVALUATION_KIND_LABELS } from "./rules.js"
