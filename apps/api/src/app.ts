import { randomUUID } from "node:crypto"
import type { IdempotencyStore } from "@cadre/db"
import { appRouter, clientIpOf, createContext, langFromHeaders, type RouterDeps } from "@cadre/router"
import { fetchRequestHandler } from "@trpc/server/adapters/fetch"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { cors } from "hono/cors"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import { DOCS_CSP, isDocsPath, mountDocs } from "./docs.js"
import { mountExports } from "./exports.js"
import { isImportUpload, mountImports } from "./imports.js"
import { EDGE, type EdgeError, envelope, MAX_BODY_MB, SECURITY_HEADERS } from "./envelope.js"
import { errorFields, type Logger, silentLogger } from "./logger.js"
import { idempotency, IDEMPOTENCY_HEADER } from "./idempotency.js"
import { restHandler } from "./rest.js"

/** Result of one readiness check (database, migrations … as they arrive). */
export interface CheckResult {
  readonly status: "ok" | "fail"
  readonly detail?: string
}

/** A named readiness check; it may be async and may throw (a throw counts as `fail`). */
export type ReadinessCheck = () => Promise<CheckResult> | CheckResult

/** What {@link buildApp} needs. Everything has a test-friendly default. */
export interface AppOptions {
  readonly version: string
  readonly logger?: Logger
  readonly corsOrigins?: ReadonlyArray<string>
  /** Checked by /readyz; empty until the database arrives. */
  readonly readiness?: Readonly<Record<string, ReadinessCheck>>
  /** True while shutting down: /readyz then answers 503 so a load balancer stops sending traffic. */
  readonly isDraining?: () => boolean
  readonly now?: () => Date
  readonly newRequestId?: () => string
  /** Take the client IP from X-Forwarded-For (TRUST_PROXY); otherwise from the socket. */
  readonly trustProxy?: boolean
  /** The router's dependencies; without them `/trpc/*` is not mounted (health-only tests). */
  readonly trpc?: RouterDeps
  /** Where `Idempotency-Key` answers are kept; without it the header is ignored. */
  readonly idempotency?: IdempotencyStore
}

/**
 * The largest request body the API reads (a scheme version with all its rules is ~50 KB, a report 20,000
 * characters): anything bigger is refused before it is parsed.
 */
export const MAX_BODY_BYTES = MAX_BODY_MB * 1024 * 1024

/** Hono context variables set by the API's middleware. */
export type AppEnv = { Variables: { requestId: string } }

/** Header carrying the request id, in and out. */
export const requestIdHeader = "X-Request-Id"

// Accept a caller's id only if it is short and plain, so it cannot forge log lines or bloat them.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/

/** The peer address of the socket under @hono/node-server (absent for `app.request()` in tests). */
const socketAddress = (env: unknown): string | undefined =>
  (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress

/** Answer with the one error envelope, in the caller's language. */
const fail = (c: Context<AppEnv>, e: EdgeError) =>
  c.json(
    envelope(e, langFromHeaders(c.req.raw.headers), c.get("requestId")),
    e.status as ContentfulStatusCode,
  )

/** The media type of a request body, without parameters ("application/json"). */
const mediaType = (header: string | undefined): string =>
  (header ?? "").split(";")[0]?.trim().toLowerCase() ?? ""

/**
 * Whether a browser sent this request from a page of another site (a forged form or script): the browser's
 * `Sec-Fetch-Site`, else its `Origin` compared with the API's own origin and the configured CORS origins. A request
 * with neither header (curl, the typed client, an integrator) is not a browser's cross-site request.
 */
export const isCrossSite = (headers: Headers, ownOrigin: string, allowed: ReadonlyArray<string>): boolean => {
  const site = headers.get("sec-fetch-site")?.toLowerCase()
  if (site === "same-origin" || site === "none") return false
  const origin = headers.get("origin")
  if (origin !== null && origin !== "null") return origin !== ownOrigin && !allowed.includes(origin)
  return site === "same-site" || site === "cross-site" || origin === "null"
}

const runCheck = async (check: ReadinessCheck): Promise<CheckResult> => {
  try {
    return await check()
  } catch (error) {
    return { status: "fail", detail: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Builds the HTTP application: request ids and access logs, CORS for the configured origins, `/healthz`
 * (the process answers) and `/readyz` (its dependencies answer). No port is opened here: `main.ts` serves it,
 * tests call `app.request()`.
 */
const SECURITY_HEADER_ENTRIES = Object.entries(SECURITY_HEADERS)

export const buildApp = (options: AppOptions): Hono<AppEnv> => {
  const logger = options.logger ?? silentLogger
  const now = options.now ?? (() => new Date())
  const newRequestId = options.newRequestId ?? randomUUID
  const readiness = options.readiness ?? {}
  const isDraining = options.isDraining ?? (() => false)
  const app = new Hono<AppEnv>()

  app.use("*", async (c, next) => {
    const incoming = c.req.header(requestIdHeader)
    const requestId = incoming !== undefined && acceptableRequestId.test(incoming) ? incoming : newRequestId()
    c.set("requestId", requestId)
    const started = performance.now()
    await next()
    // Every answer, whatever produced it (a route, the 404, the 413, a defect): the request id, the security
    // headers and no-store.
    const stamp = (headers: Headers) => {
      headers.set(requestIdHeader, requestId)
      for (const [name, value] of SECURITY_HEADER_ENTRIES) headers.set(name, value)
      // The API reference page loads its own script and stylesheet (same origin); every other answer loads nothing.
      if (isDocsPath(c.req.path)) headers.set("Content-Security-Policy", DOCS_CSP)
    }
    // Answers built here have mutable headers: stamp them in place (copying every Response cost a third of a
    // cheap request's time); one whose headers are immutable (a fetched Response) is copied first.
    try {
      stamp(c.res.headers)
    } catch {
      c.res = new Response(c.res.body, c.res)
      stamp(c.res.headers)
    }
    logger.info("request", {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    })
  })

  const defaultLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The unread rest of the body is still on the connection: close it, so the client does not reuse it.
    onError: (c) => {
      c.header("Connection", "close")
      return fail(c, EDGE.payloadTooLarge)
    },
  })
  // The roster upload has its own, larger limit (imports.ts).
  app.use("*", (c, next) => (isImportUpload(c.req.path) ? next() : defaultLimit(c, next)))

  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    const origins = [...options.corsOrigins]
    app.use(
      "*",
      cors({
        origin: origins.includes("*") ? "*" : origins,
        allowHeaders: ["Content-Type", "Authorization", "x-lang", requestIdHeader, IDEMPOTENCY_HEADER],
        // SPAs on another origin send their session cookie; credentials never go with a wildcard origin.
        credentials: !origins.includes("*"),
        exposeHeaders: [requestIdHeader, "Idempotency-Replayed"],
        maxAge: 600,
      }),
    )
  }

  app.get("/healthz", (c) =>
    c.json({ status: "ok", service: "cadre-api", version: options.version, time: now().toISOString() }),
  )

  app.get("/readyz", async (c) => {
    const names = Object.keys(readiness)
    const results = await Promise.all(
      names.map((name) => runCheck(readiness[name] ?? (() => ({ status: "ok" })))),
    )
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]))
    const ready = !isDraining() && results.every((result) => result.status === "ok")
    return c.json(
      { status: ready ? "ready" : "not-ready", ...(isDraining() ? { draining: true } : {}), checks },
      ready ? 200 : 503,
    )
  })

  // Commands (POST) take JSON only: a form or a multipart body — what a page of another site can send without
  // asking — is refused before tRPC reads it; and a browser's POST from another site never runs with the
  // visitor's cookie (bearer tokens cannot be sent cross-site without CORS, so they are not checked).
  const allowedOrigins = (options.corsOrigins ?? []).filter((o) => o !== "*")
  const crossSite = (c: Context<AppEnv>) =>
    c.req.header("authorization") === undefined &&
    isCrossSite(c.req.raw.headers, new URL(c.req.url).origin, allowedOrigins)
  const commandsOnly = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (c.req.method !== "POST" || isImportUpload(c.req.path)) return next()
    if (mediaType(c.req.header("content-type")) !== "application/json")
      return fail(c, EDGE.unsupportedMediaType)
    if (
      c.req.header("authorization") === undefined &&
      isCrossSite(c.req.raw.headers, new URL(c.req.url).origin, allowedOrigins)
    )
      return fail(c, EDGE.crossSite)
    return next()
  }
  app.use("/trpc/*", commandsOnly)
  app.use("/api/v1/*", commandsOnly)

  // The OpenAPI document and its reference page: public, nothing in them depends on the caller.
  mountDocs(app, options.version)

  const deps = options.trpc
  if (deps !== undefined && options.idempotency !== undefined) {
    // A retried command with the same Idempotency-Key answers the first answer again (docs/api.md).
    const keyed = idempotency({
      store: options.idempotency,
      resolveActor: (headers) => deps.auth.resolveActor(headers),
      fail,
    })
    app.use("/trpc/*", keyed)
    app.use("/api/v1/*", keyed)
  }
  if (deps !== undefined) {
    const context = (c: Context<AppEnv>, headers: Headers, resHeaders: Headers) =>
      createContext({
        deps,
        headers,
        resHeaders,
        requestId: c.get("requestId"),
        clientIp: clientIpOf({
          headers,
          socketAddress: socketAddress(c.env),
          trustProxy: options.trustProxy === true,
        }),
      })
    app.all("/trpc/*", (c) =>
      fetchRequestHandler({
        endpoint: "/trpc",
        req: c.req.raw,
        router: appRouter,
        createContext: ({ req, resHeaders }) => context(c, req.headers, resHeaders),
      }),
    )
    // The roster import's file routes (template, upload, errors.xlsx), before the REST form's catch-all.
    mountImports(app, deps, fail, crossSite)
    // The roster and arrangement streamed, and export jobs' files (docs/adr/0010-export-jobs.md).
    mountExports(app, deps, fail, crossSite, logger)
    // The REST form of the procedures in /openapi.json (docs/api.md § REST).
    app.all("/api/v1/*", restHandler({ context: (c) => context(c, c.req.raw.headers, new Headers()), fail }))
  }

  app.notFound((c) => fail(c, EDGE.notFound))

  app.onError((error, c) => {
    // Unexpected failures are defects: log them in full with the request id, show a generic message.
    logger.error("unhandled error", {
      requestId: c.get("requestId"),
      path: c.req.path,
      ...errorFields(error),
    })
    return fail(c, EDGE.internal)
  })

  return app
}
