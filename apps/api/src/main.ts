import { readFileSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { makeIdempotencyStore } from "@cadre/db"
import { ExportService, ImportService, ReportService } from "@cadre/services"
import { Effect, Either } from "effect"
import { buildApp } from "./app.js"
import { loadConfig } from "./config.js"
import { errorFields, makeJsonLogger } from "./logger.js"
import { serveApp } from "./server.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices, openDatabase } from "./services.js"

/** How long open connections get to finish after SIGINT/SIGTERM before the process exits anyway. */
const shutdownGraceMs = 10_000

// Same relative path from src/ (tsx) and dist/ (node).
const readVersion = (): string => {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
    return typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string"
      ? pkg.version
      : "0.0.0"
  } catch {
    return "0.0.0"
  }
}

const logger = makeJsonLogger()
const configured = loadConfig(process.env)
if (Either.isLeft(configured)) {
  process.stderr.write(`${configured.left.message}\n`)
  process.exit(1)
}
const config = configured.right
const version = readVersion()

let handle: Awaited<ReturnType<typeof openDatabase>>
try {
  handle = await openDatabase(config)
} catch (error) {
  logger.error("database unavailable", { ...errorFields(error), postgres: config.databaseUrl !== undefined })
  process.exit(1)
}
logger.info("database open", {
  kind: handle.kind,
  ...(handle.kind === "pglite" ? { dataDir: config.dataDir ?? "(default .data/pglite)" } : {}),
})
const services = await makeServices({ handle, config, logger })
if (config.loadDemoData === true) {
  logger.info("loading demo data")
  const created = await loadDemo(services, process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD, (step) =>
    logger.info("demo data step done", { step }),
  )
  logger.info("demo data loaded", { accountsCreated: created.length })
}

// Report obligations not yet materialised (placements written before migration 0020, or by hand) are caught up
// before the API answers, one transaction a batch: reports.overdue pages over them (issue 19).
{
  const caughtUp = await services.deps.runtime.runPromise(
    Effect.flatMap(ReportService, (s) => s.materialiseObligations()),
  )
  if (caughtUp > 0) logger.info("report obligations materialised", { placements: caughtUp })
}

// Import jobs a previous process left queued or running (a restart, a kill -9) go on from their last committed
// batch (docs/adr/0009-jobs.md).
{
  const pending = await services.deps.runtime.runPromise(
    Effect.flatMap(ImportService, (s) =>
      Effect.flatMap(s.pendingJobs(), (ids) =>
        Effect.as(
          Effect.forEach(
            ids,
            (id) =>
              Effect.forkDaemon(
                s
                  .runJob(id, () => Effect.sync(() => logger.info("import batch committed", { job: id })))
                  .pipe(Effect.tap(() => Effect.sync(() => logger.info("import job ended", { job: id })))),
              ),
            { discard: true },
          ),
          ids,
        ),
      ),
    ),
  )
  if (pending.length > 0) logger.info("import jobs resumed", { jobs: pending })
}

// Export jobs a previous process left queued or running run again from their first row; expired files are
// deleted first (docs/adr/0010-export-jobs.md).
{
  const pending = await services.deps.runtime.runPromise(
    Effect.flatMap(ExportService, (s) =>
      Effect.tap(s.pendingJobs(), (ids) =>
        Effect.forEach(ids, (id) => Effect.forkDaemon(s.runJob(id)), { discard: true }),
      ),
    ),
  )
  if (pending.length > 0) logger.info("export jobs restarted", { jobs: pending })
}

let draining = false
const app = buildApp({
  version,
  logger,
  corsOrigins: config.corsOrigins,
  trustProxy: config.trustProxy === true,
  isDraining: () => draining,
  readiness: {
    database: async () => {
      await handle.ping()
      return { status: "ok" }
    },
  },
  trpc: services.deps,
  idempotency: makeIdempotencyStore(handle.db),
})

const server = serveApp(app, { port: config.port, hostname: config.host })
server.once("listening", () => {
  const info = server.address() as AddressInfo
  logger.info("listening", {
    host: config.host,
    port: info.port,
    version,
    url: `http://${config.host}:${info.port}`,
  })
})

server.on("error", (error) => {
  logger.error("server error", errorFields(error))
  process.exit(1)
})

const shutdown = (signal: NodeJS.Signals): void => {
  if (draining) return
  draining = true
  logger.info("shutting down", { signal })
  const force = setTimeout(() => {
    logger.warn("forced exit after grace period", { graceMs: shutdownGraceMs })
    process.exit(1)
  }, shutdownGraceMs)
  force.unref()
  server.close((error) => {
    if (error) logger.error("close failed", errorFields(error))
    // Close the database after the last request finished (PGlite flushes its directory here).
    services
      .close()
      .catch((e: unknown) => logger.error("database close failed", errorFields(e)))
      .finally(() => {
        logger.info("stopped")
        process.exit(error ? 1 : 0)
      })
  })
}

process.on("SIGINT", shutdown)
process.on("SIGTERM", shutdown)
