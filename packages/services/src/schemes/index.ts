/** Schemes as data: presets, drafts, publication, the version in force on a date, diffs. */
export type { SchemeFilter, SchemeRecord, SchemeSummary } from "@cadre/db"
export { type CreateFromPresetInput, type SchemeDiff, SchemeService } from "./SchemeService.js"
