export {
  changedFieldTitle,
  IMPORT_BATCH,
  type ImportCounts,
  type ImportJobView,
  type ImportMode,
  type ImportResult,
  type ImportRowView,
  ImportService,
  type ImportStatus,
  type RowOutcome,
} from "./ImportService.js"
export { exampleRows, profileOfRow, type RowError, rosterCodeLists, rowOfProfile } from "./roster.js"
