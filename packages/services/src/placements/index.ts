/** Placements (任职安排): the service and its records. */
export type {
  ConsequenceRecord,
  PlacementOutcome,
  PlacementRecord,
  ReplacementRecord,
} from "./records.js"
export { type ActResult, type CreatePlacementInput, PlacementService } from "./PlacementService.js"
