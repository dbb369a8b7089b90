/**
 * @cadre/services — the application layer. One `Effect.Service` per aggregate takes decoded kernel values, asks
 * the kernel for the decision and the authority, and writes through storage (`@cadre/db`) with its audit row in
 * one transaction. Domain refusals stay typed; infrastructure faults are defects. See README.md.
 */
import { Database, type DatabaseHandle, type Db, RepositoriesLive } from "@cadre/db"
import { Layer } from "effect"
import { WorkCalendar } from "./calendar/WorkCalendar.js"
import { SchemeStore } from "./shared/SchemeStore.js"

export { WorkCalendar } from "./calendar/WorkCalendar.js"
export { DEMO_CADRE_PERSON_ID, DEMO_PLACEMENT_IDS, loadDemoData } from "./demo/index.js"
export { requirePermission } from "./shared/authority.js"
export { SchemeStore } from "./shared/SchemeStore.js"

/** Every service, built over the Database service (provide `Database.fromHandle(handle)` or `Database.layer`). */
export const ServicesLive = Layer.mergeAll(SchemeStore.Default, WorkCalendar.Default)

/**
 * What the router's runtime holds for an open database: every service (and, while the move out of `@cadre/db`
 * is under way, the repositories not yet moved).
 */
export const applicationLayer = (handle: DatabaseHandle) =>
  Layer.mergeAll(RepositoriesLive, ServicesLive).pipe(Layer.provide(Database.fromHandle(handle)))

/** Every service over a bare drizzle handle whose owner manages the connection (the demo loader). */
export const servicesOverDb = (db: Db) => ServicesLive.pipe(Layer.provide(Database.fromDb(db)))
