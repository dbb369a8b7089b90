import { Layer } from "effect"
import { AssessmentRepo } from "./AssessmentRepo.js"
import { AuditRepo } from "./AuditRepo.js"
import { CampaignRepo } from "./CampaignRepo.js"
import { EvaluationRepo } from "./EvaluationRepo.js"
import { PersonRepo } from "./PersonRepo.js"
import { PostRepo } from "./PostRepo.js"
import { RegionRepo } from "./RegionRepo.js"
import { SchemeRepo } from "./SchemeRepo.js"
import { TaskRepo } from "./TaskRepo.js"
import { UnitRepo } from "./UnitRepo.js"

export * from "./AccountRepo.js"
export * from "./AssessmentRepo.js"
export * from "./AuditRepo.js"
export * from "./CampaignRepo.js"
export * from "./EvaluationRepo.js"
export type { PlacementOutcome, PlacementRecord } from "./inpostShared.js"
export * from "./PersonRepo.js"
export * from "./PostRepo.js"
export * from "./RegionRepo.js"
export * from "./SchemeRepo.js"
export * from "./TaskRepo.js"
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
  CampaignRepo.Live,
  TaskRepo.Live,
  AssessmentRepo.Live,
  EvaluationRepo.Live,
)
