export {
  IMPORT_BATCH,
  type ImportCounts,
  type ImportJobView,
  type ImportMode,
  type ImportResult,
  type ImportRowView,
  ImportService,
  type ImportStatus,
} from "./ImportService.js"
export { IMPORT_KINDS, type ImportKind, type RowOutcome } from "./kind.js"
export { planTree, TREE_MAX_ROWS } from "./regions-kind.js"
export { exampleRows, profileOfRow, type RowError, rosterCodeLists, rowOfProfile } from "./roster.js"
export { changedFieldTitle } from "./roster-kind.js"
