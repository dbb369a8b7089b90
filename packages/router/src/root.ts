import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server"
import { auditRouter } from "./routers/audit.js"
import { applicationsRouter, calendarRouter, campaignsRouter } from "./routers/campaigns.js"
import { accountsRouter, authRouter } from "./routers/auth.js"
import { eligibilityRouter } from "./routers/eligibility.js"
import { exportsRouter } from "./routers/exports.js"
import { profilesRouter } from "./routers/profiles.js"
import { regionsRouter } from "./routers/regions.js"
import { schemesRouter } from "./routers/schemes.js"
import { tasksRouter } from "./routers/tasks.js"
import { postsRouter, unitsRouter } from "./routers/units.js"
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
  eligibility: eligibilityRouter,
  audit: auditRouter,
  campaigns: campaignsRouter,
  applications: applicationsRouter,
  calendar: calendarRouter,
  exports: exportsRouter,
  tasks: tasksRouter,
})

export type AppRouter = typeof appRouter
/** Inputs of every procedure, as the client sends them: `RouterInputs["schemes"]["publish"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>
/** Outputs of every procedure: `RouterOutputs["eligibility"]["check"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>
