import { Layer } from "effect"
import { ArchiveRepo } from "./ArchiveRepo.js"
import { DutyRepo } from "./DutyRepo.js"
import { FiguresRepo } from "./FiguresRepo.js"
import { PlacementRepo } from "./PlacementRepo.js"

export * from "./AccountRepo.js"
export * from "./ArchiveRepo.js"
export * from "./DutyRepo.js"
export * from "./FiguresRepo.js"
export type { PlacementOutcome, PlacementRecord } from "./inpostShared.js"
export * from "./PlacementRepo.js"

/**
 * The repositories procedures use, built from the Database service. (AccountRepo is used by the auth service,
 * which holds the Db itself: `makeAccountRepo(db)`, or `AccountRepo.Live`.)
 */
export const RepositoriesLive = Layer.mergeAll(
  PlacementRepo.Live,
  DutyRepo.Live,
  ArchiveRepo.Live,
  FiguresRepo.Live,
)
