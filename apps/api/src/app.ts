import { randomUUID } from "node:crypto"
import { appRouter, clientIpOf, createContext, type RouterDeps } from "@cadre/router"
import { fetchRequestHandler } from "@trpc/server/adapters/fetch"
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { cors } from "hono/cors"
import { secureHeaders } from "hono/secure-headers"
import { errorFields, type Logger, silentLogger } from "./logger.js"

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
}

/**
 * The largest request body the API reads (a scheme version with all its rules is ~50 KB, a report 20,000
 * characters): anything bigger is refused before it is parsed.
 */
export const MAX_BODY_BYTES = 1024 * 1024

/** Hono context variables set by the API's middleware. */
export type AppEnv = { Variables: { requestId: string } }

/** Header carrying the request id, in and out. */
export const requestIdHeader = "X-Request-Id"

// Accept a caller's id only if it is short and plain, so it cannot forge log lines or bloat them.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/

/** The peer address of the socket under @hono/node-server (absent for `app.request()` in tests). */
const socketAddress = (env: unknown): string | undefined =>
  (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress

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
    c.header(requestIdHeader, requestId)
    logger.info("request", {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    })
  })

  // The API answers JSON only: no framing, no sniffing, no referrer leaks; HSTS is the TLS proxy's to send.
  app.use(
    "*",
    secureHeaders({
      strictTransportSecurity: false,
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: "same-origin",
      referrerPolicy: "no-referrer",
    }),
  )
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          {
            error: {
              code: "payload-too-large",
              message: {
                zh: `请求内容过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）`,
                en: `The request is too large (at most ${MAX_BODY_BYTES / 1024 / 1024} MB)`,
              },
            },
            requestId: c.get("requestId"),
          },
          413,
        ),
    }),
  )

  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    const origins = [...options.corsOrigins]
    app.use(
      "*",
      cors({
        origin: origins.includes("*") ? "*" : origins,
        allowHeaders: ["Content-Type", "Authorization", "x-lang", requestIdHeader],
        // SPAs on another origin send their session cookie; credentials never go with a wildcard origin.
        credentials: !origins.includes("*"),
        exposeHeaders: [requestIdHeader],
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

  const deps = options.trpc
  if (deps !== undefined)
    app.all("/trpc/*", (c) =>
      fetchRequestHandler({
        endpoint: "/trpc",
        req: c.req.raw,
        router: appRouter,
        createContext: ({ req, resHeaders }) =>
          createContext({
            deps,
            headers: req.headers,
            resHeaders,
            requestId: c.get("requestId"),
            clientIp: clientIpOf({
              headers: req.headers,
              socketAddress: socketAddress(c.env),
              trustProxy: options.trustProxy === true,
            }),
          }),
      }),
    )

  app.notFound((c) =>
    c.json(
      {
        error: { code: "not-found", message: { zh: "接口不存在", en: "No such endpoint" } },
        requestId: c.get("requestId"),
      },
      404,
    ),
  )

  app.onError((error, c) => {
    // Unexpected failures are defects: log them in full with the request id, show a generic message.
    logger.error("unhandled error", {
      requestId: c.get("requestId"),
      path: c.req.path,
      ...errorFields(error),
    })
    return c.json(
      {
        error: { code: "internal", message: { zh: "服务器内部错误", en: "Internal server error" } },
        requestId: c.get("requestId"),
      },
      500,
    )
  })

  return app
}
