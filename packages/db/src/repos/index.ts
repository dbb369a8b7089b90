import { Layer } from "effect"
import { ArchiveRepo } from "./ArchiveRepo.js"
import { AssessmentRepo } from "./AssessmentRepo.js"
import { AuditRepo } from "./AuditRepo.js"
import { DutyRepo } from "./DutyRepo.js"
import { EvaluationRepo } from "./EvaluationRepo.js"
import { FiguresRepo } from "./FiguresRepo.js"
import { PersonRepo } from "./PersonRepo.js"
import { PlacementRepo } from "./PlacementRepo.js"
import { PostRepo } from "./PostRepo.js"
import { RegionRepo } from "./RegionRepo.js"
import { SchemeRepo } from "./SchemeRepo.js"
import { UnitRepo } from "./UnitRepo.js"

export * from "./AccountRepo.js"
export * from "./ArchiveRepo.js"
export * from "./AssessmentRepo.js"
export * from "./AuditRepo.js"
export * from "./DutyRepo.js"
export * from "./EvaluationRepo.js"
export * from "./FiguresRepo.js"
export type { PlacementOutcome, PlacementRecord } from "./inpostShared.js"
export * from "./PersonRepo.js"
export * from "./PlacementRepo.js"
export * from "./PostRepo.js"
export * from "./RegionRepo.js"
export * from "./SchemeRepo.js"
export * from "./UnitRepo.js"

/**
 * The repositories procedures use, built from the Database service. (AccountRepo is used by the auth service,
 * which holds the Db itself: `makeAccountRepo(db)`, or `AccountRepo.Live`.)
 */
export const RepositoriesLive = Layer.mergeAll(
  RegionRepo.Live,
  UnitRepo.Live,
  PostRepo.Live,
  PersonRepo.Live,
  SchemeRepo.Live,
  AuditRepo.Live,
  PlacementRepo.Live,
  DutyRepo.Live,
  AssessmentRepo.Live,
  ArchiveRepo.Live,
  FiguresRepo.Live,
  EvaluationRepo.Live,
)
