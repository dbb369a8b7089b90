/**
 * @cadre/services — the application layer. One `Effect.Service` per aggregate takes decoded kernel values, asks
 * the kernel for the decision and the authority, and writes through storage (`@cadre/db`) with its audit row in
 * one transaction. Domain refusals stay typed; infrastructure faults are defects. See README.md.
 */
export * from "./accounts/index.js"
export * from "./audit/index.js"
export {
  type AssessmentRecord,
  AssessmentService,
  type GradingStepInput,
  PoolService,
  type QuotaUseRecord,
} from "./assessments/index.js"
export { type ArchivePage, type ArchiveRecord, ArchiveService } from "./archive/index.js"
export { WorkCalendar } from "./calendar/WorkCalendar.js"
export {
  INSPECTION_KIND_LABELS,
  InspectionKind,
  type InspectionRecord,
  InspectionService,
  type LeaveRecord,
  LeaveService,
  MentoringService,
  type ObligationRecord,
  type OverdueByRegion,
  type OverduePage,
  type OverdueRecord,
  type PairRecord,
  ReportService,
  TrainingService,
} from "./duties/index.js"
export { DEMO_CADRE_PERSON_ID, DEMO_PLACEMENT_IDS, type DemoStep, loadDemoData } from "./demo/index.js"
export {
  EVALUATION_KIND_LABELS,
  EvaluationService,
  RESERVE_SOURCE_LABELS,
  ReserveService,
} from "./evaluations/index.js"
export { applicationLayer, ServicesLive, servicesOverDb } from "./layers.js"
export * from "./imports/index.js"
export * from "./exports/index.js"
export * from "./people/index.js"
export * from "./regions/index.js"
export * from "./schemes/index.js"
export * from "./eligibility/index.js"
export {
  type ActMove,
  type ApplicationFilter,
  type ApplicationRecord,
  ApplicationService,
  type ApplicationView,
  type ApplicationViewPage,
  type CampaignInput,
  type CampaignPatch,
  type CampaignRecord,
  CampaignService,
  type PostInfo,
  type PublicCampaign,
  type AssigneeRecord,
  type TaskRecord,
  TaskService,
} from "./selection/index.js"
export { type CohortFilter, FiguresService, type TermEndingRecord } from "./figures/index.js"
export {
  type ActResult,
  type ConsequenceRecord,
  type CreatePlacementInput,
  type PlacementOutcome,
  type PlacementRecord,
  PlacementService,
  type ReplacementRecord,
} from "./placements/index.js"
export { requirePermission } from "./shared/authority.js"
export { Rejected } from "./shared/errors.js"
export { SchemeStore } from "./shared/SchemeStore.js"
