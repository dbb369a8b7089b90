import { Database, type DatabaseHandle, type Db, RepositoriesLive } from "@cadre/db"
import { Layer } from "effect"
import { ArchiveService } from "./archive/index.js"
import { WorkCalendar } from "./calendar/WorkCalendar.js"
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
  PlacementService.Default,
  ReportService.Default,
  LeaveService.Default,
  InspectionService.Default,
  MentoringService.Default,
  TrainingService.Default,
  ArchiveService.Default,
  FiguresService.Default,
)

/**
 * What the router's runtime holds for an open database: every service (and, while the move out of `@cadre/db`
 * is under way, the repositories not yet moved).
 */
export const applicationLayer = (handle: DatabaseHandle) =>
  Layer.mergeAll(RepositoriesLive, ServicesLive).pipe(Layer.provide(Database.fromHandle(handle)))

/** Every service over a bare drizzle handle whose owner manages the connection (the demo loader). */
export const servicesOverDb = (db: Db) => ServicesLive.pipe(Layer.provide(Database.fromDb(db)))
