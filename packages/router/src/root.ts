import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server"
import { assessmentsRouter } from "./routers/assessments.js"
import { auditRouter } from "./routers/audit.js"
import { calendarRouter } from "./routers/calendar.js"
import { applicationsRouter } from "./routers/applications.js"
import { campaignsRouter } from "./routers/campaigns.js"
import { archiveRouter } from "./routers/archive.js"
import { accountsRouter, authRouter } from "./routers/auth.js"
import { eligibilityRouter } from "./routers/eligibility.js"
import { evaluationsRouter } from "./routers/evaluations.js"
import { exportsRouter } from "./routers/exports.js"
import { figuresRouter } from "./routers/figures.js"
import { postsRouter } from "./routers/posts.js"
import { poolRouter } from "./routers/pool.js"
import { importsRouter } from "./routers/imports.js"
import { profilesRouter } from "./routers/profiles.js"
import { regionsRouter } from "./routers/regions.js"
import { reservesRouter } from "./routers/reserves.js"
import { schemesRouter } from "./routers/schemes.js"
import { tasksRouter } from "./routers/tasks.js"
import { unitsRouter } from "./routers/units.js"
import { inspectionsRouter } from "./routers/inspections.js"
import { leaveRouter } from "./routers/leave.js"
import { mentoringRouter } from "./routers/mentoring.js"
import { placementsRouter } from "./routers/placements.js"
import { reportsRouter } from "./routers/reports.js"
import { trainingRouter } from "./routers/training.js"
import { router } from "./trpc.js"

/** The whole API. Every procedure declares its access (checked when this router is built). */
export const appRouter = router({
  auth: authRouter,
  accounts: accountsRouter,
  regions: regionsRouter,
  units: unitsRouter,
  posts: postsRouter,
  schemes: schemesRouter,
  profiles: profilesRouter,
  imports: importsRouter,
  eligibility: eligibilityRouter,
  audit: auditRouter,
  campaigns: campaignsRouter,
  applications: applicationsRouter,
  calendar: calendarRouter,
  exports: exportsRouter,
  tasks: tasksRouter,
  // In post (issue 5)
  placements: placementsRouter,
  archive: archiveRouter,
  reports: reportsRouter,
  leave: leaveRouter,
  inspections: inspectionsRouter,
  mentoring: mentoringRouter,
  training: trainingRouter,
  assessments: assessmentsRouter,
  pool: poolRouter,
  evaluations: evaluationsRouter,
  reserves: reservesRouter,
  figures: figuresRouter,
})

export type AppRouter = typeof appRouter
/** Inputs of every procedure, as the client sends them: `RouterInputs["schemes"]["publish"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>
/** Outputs of every procedure: `RouterOutputs["eligibility"]["check"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>
