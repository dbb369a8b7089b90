/**
 * @cadre/exports — the documents of a selection campaign:
 * - `rosterXlsx`: 花名册, one row per application (seed 001 五 1, 六 1);
 * - `arrangementXlsx`: 安排表 of the placed cadres (seed 002 附件; 000 二（二）, 三（一）);
 * - `registrationFormPdf`: 报名表 of one application, A4 for double-sided printing (seed 000 附件 "请正反打印").
 * Inputs are plain data (src/types.ts): the caller formats labels and masks personal data.
 */
export { ARRANGEMENT_HEADERS, arrangementXlsx, arrangementXlsxStream } from "./arrangement.js"
export { ExportInputError } from "./format.js"
export { A4, MARGINS, registrationFormPdf } from "./registrationForm.js"
export { ROSTER_HEADERS, rosterXlsx, rosterXlsxStream } from "./roster.js"
export { WIDTH_SAMPLE } from "./sheet.js"
export type * from "./types.js"
export {
  type CodeList,
  type ImportCells,
  type ImportColumn,
  type ImportFileRow,
  type ImportLayout,
  importTemplateXlsx,
  readImportFile,
  ROSTER_LAYOUT,
  type ImportFileProblem,
  ImportFileError,
  importErrorsXlsx,
  importFileKind,
  MAX_IMPORT_ROWS,
  ROSTER_IMPORT_COLUMNS,
  type RosterCells,
  type RosterColumnKey,
  type RosterFileRow,
  type RowWithErrors,
  readRosterFile,
  rosterTemplateXlsx,
} from "./rosterImport.js"
export {
  REGION_IMPORT_COLUMNS,
  REGION_LAYOUT,
  type RegionCells,
  type RegionColumnKey,
  UNIT_IMPORT_COLUMNS,
  UNIT_LAYOUT,
  type UnitCells,
  type UnitColumnKey,
} from "./treeImport.js"
