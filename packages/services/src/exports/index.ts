export {
  EXPORT_BATCH,
  EXPORT_JOB_THRESHOLD,
  EXPORT_KINDS,
  EXPORT_TTL_HOURS,
  type ExportJobView,
  type ExportKind,
  ExportService,
  type ExportStatus,
  type PreparedExport,
} from "./ExportService.js"
export { ARRANGEMENT_STATES, arrangementRowOf, rosterRowOf } from "./rows.js"
