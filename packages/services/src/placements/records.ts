import type { placementQueries, recallQueries } from "@cadre/db"

/** The records placements are read as (stored shapes from `@cadre/db`'s query modules). */
export type PlacementRecord = placementQueries.PlacementRecord
export type PlacementOutcome = placementQueries.PlacementOutcome
export type ConsequenceRecord = recallQueries.ConsequenceRecord
export type ReplacementRecord = recallQueries.ReplacementRecord
