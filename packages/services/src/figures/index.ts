/** Figures for the org dept: the service and its records. */
export { type CohortFilter, FiguresService, type TermEndingRecord } from "./FiguresService.js"
