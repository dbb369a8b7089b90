import { randomBytes } from "node:crypto"
import { type DatabaseHandle, DEMO_ACCOUNTS, linkDemoAccount, makeDatabase } from "@cadre/db"
import { type DemoStep, loadDemoData } from "@cadre/services"
import { makeAuthService, type PhoneCodeSender, type RouterDeps } from "@cadre/router"
import { applicationLayer } from "@cadre/services"
import { ManagedRuntime } from "effect"
import type { Config } from "./config.js"
import type { Logger } from "./logger.js"

/**
 * The composition root's wiring: the database, the Effect runtime holding the live repository Layers, and the
 * auth service. `close()` disposes the runtime and closes the database (graceful shutdown calls it last).
 */
export interface Services {
  readonly handle: DatabaseHandle
  readonly deps: RouterDeps
  readonly close: () => Promise<void>
}

/** Password of the demo accounts (LOAD_DEMO_DATA); override with DEMO_PASSWORD. Never used outside demos. */
export const DEFAULT_DEMO_PASSWORD = "Demo-cadre-2026"

export const makeServices = async (options: {
  readonly handle: DatabaseHandle
  readonly config: Pick<Config, "authSecret" | "publicUrl" | "secureCookies" | "host" | "port" | "fixedToday">
  readonly logger: Logger
  readonly phoneSender?: PhoneCodeSender
}): Promise<Services> => {
  const { handle, config, logger } = options
  let secret = config.authSecret
  if (secret === undefined) {
    secret = randomBytes(32).toString("hex")
    logger.warn("AUTH_SECRET not set: using a random one, so sessions end when the server restarts")
  }
  const auth = makeAuthService({
    db: handle.db,
    secret,
    baseURL: config.publicUrl ?? `http://${config.host}:${config.port}`,
    secureCookies: config.secureCookies === true,
    logger,
    ...(options.phoneSender === undefined ? {} : { phoneSender: options.phoneSender }),
  })
  const fixedToday = config.fixedToday
  if (fixedToday !== undefined)
    logger.warn(`FIXED_TODAY=${fixedToday}: the API takes this date as today (demonstrations and tests only)`)
  const runtime = ManagedRuntime.make(applicationLayer(handle))
  return {
    handle,
    deps: {
      runtime,
      auth,
      logger,
      ...(fixedToday === undefined ? {} : { today: () => fixedToday }),
    },
    close: async () => {
      await runtime.dispose()
      await handle.close()
    },
  }
}

/** Open the configured database: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR (migrated either way). */
export const openDatabase = (config: Pick<Config, "databaseUrl" | "dataDir">): Promise<DatabaseHandle> =>
  makeDatabase({ url: config.databaseUrl, dataDir: config.dataDir })

/**
 * Load the demo regions, units, people and schemes (idempotent) and create the demo accounts with `password`.
 * Returns the accounts created.
 */
export const loadDemo = async (
  services: Services,
  password: string,
  onStep?: (step: DemoStep) => void,
): Promise<ReadonlyArray<string>> => {
  // One transaction (a kill -9 part-way leaves nothing, the next start loads it whole); the accounts come after
  // it, each idempotent, because better-auth writes through its own handle.
  await loadDemoData(services.handle.db, onStep)
  const created: Array<string> = []
  for (const a of DEMO_ACCOUNTS) {
    const r = await services.deps.auth.provisionAccount({
      email: a.email,
      name: a.displayName,
      password,
      role: a.role,
      regionId: a.regionId,
      unitId: a.unitId,
    })
    if (r.created) created.push(a.email)
    if (a.personId !== undefined) await linkDemoAccount(services.handle.db, a.personId, r.accountId)
  }
  return created
}
