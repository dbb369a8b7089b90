import { Database, type DatabaseHandle, type Db } from "@cadre/db"
import { Layer } from "effect"
import { AccountService } from "./accounts/index.js"
import { AuditService } from "./audit/index.js"
import { WorkCalendar } from "./calendar/WorkCalendar.js"
import { EligibilityService } from "./eligibility/index.js"
import { ImportService } from "./imports/index.js"
import { ExportService } from "./exports/index.js"
import { ConductService, PersonService, ProfileDraftService } from "./people/index.js"
import { PostService, RegionService, UnitService } from "./regions/index.js"
import { SchemeService } from "./schemes/index.js"
import { AssessmentService, PoolService } from "./assessments/index.js"
import { EvaluationService, ReserveService } from "./evaluations/index.js"
import { ApplicationService, CampaignService, TaskService } from "./selection/index.js"
import { ArchiveService } from "./archive/index.js"
import {
  InspectionService,
  LeaveService,
  MentoringService,
  ReportService,
  TrainingService,
} from "./duties/index.js"
import { FiguresService } from "./figures/index.js"
import { PlacementService } from "./placements/index.js"
import { SchemeStore } from "./shared/SchemeStore.js"

/** Every service, built over the Database service (provide `Database.fromHandle(handle)` or `Database.layer`). */
export const ServicesLive = Layer.mergeAll(
  SchemeStore.Default,
  WorkCalendar.Default,
  RegionService.Default,
  UnitService.Default,
  PostService.Default,
  PersonService.Default,
  ConductService.Default,
  ProfileDraftService.Default,
  ImportService.Default,
  ExportService.Default,
  SchemeService.Default,
  EligibilityService.Default,
  AuditService.Default,
  AccountService.Default,
  AssessmentService.Default,
  PoolService.Default,
  EvaluationService.Default,
  ReserveService.Default,
  CampaignService.Default,
  ApplicationService.Default,
  TaskService.Default,
  PlacementService.Default,
  ReportService.Default,
  LeaveService.Default,
  InspectionService.Default,
  MentoringService.Default,
  TrainingService.Default,
  ArchiveService.Default,
  FiguresService.Default,
)

/** What the router's runtime holds for an open database: every service. */
export const applicationLayer = (handle: DatabaseHandle) =>
  ServicesLive.pipe(Layer.provide(Database.fromHandle(handle)))

/** Every service over a bare drizzle handle whose owner manages the connection (the demo loader). */
export const servicesOverDb = (db: Db) => ServicesLive.pipe(Layer.provide(Database.fromDb(db)))
