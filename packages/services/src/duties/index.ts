/**
 * Duties during the term (issue 5), one service per router: reports, leave (with absences), inspections,
 * mentoring, training. The rules are the kernel's (InPost); the services store, scope, audit and, where the
 * one-person-one-file lists them (reports, inspections, training), file in the person's archive.
 */
export {
  InspectionService,
  INSPECTION_KIND_LABELS,
  InspectionKind,
  type InspectionRecord,
} from "./InspectionService.js"
export { type LeaveRecord, LeaveService } from "./LeaveService.js"
export { MentoringService, type PairRecord } from "./MentoringService.js"
export {
  type ObligationRecord,
  type OverdueByRegion,
  type OverduePage,
  type OverdueRecord,
  ReportService,
} from "./ReportService.js"
export { TrainingService } from "./TrainingService.js"
