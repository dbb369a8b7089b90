import { describe, expect, it } from "vitest"
import { buildApp, MAX_BODY_BYTES } from "./app.js"
import { type LogFields, makeJsonLogger } from "./logger.js"

const fixedNow = () => new Date("2026-11-25T08:00:00.000Z")

const capture = () => {
  const lines: Array<Record<string, unknown>> = []
  const logger = makeJsonLogger({ write: (line) => lines.push(JSON.parse(line) as LogFields), now: fixedNow })
  return { lines, logger }
}

describe("GET /healthz", () => {
  it("answers ok with the service name, version and time", async () => {
    const app = buildApp({ version: "1.2.3", now: fixedNow })
    const res = await app.request("/healthz")
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: "ok",
      service: "cadre-api",
      version: "1.2.3",
      time: "2026-11-25T08:00:00.000Z",
    })
  })
})

describe("GET /readyz", () => {
  it("is ready with no checks before the database exists", async () => {
    const res = await buildApp({ version: "0" }).request("/readyz")
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: "ready", checks: {} })
  })

  it("answers 503 when a check fails or throws", async () => {
    const app = buildApp({
      version: "0",
      readiness: {
        database: () => {
          throw new Error("connection refused")
        },
        cache: async () => ({ status: "ok" }),
      },
    })
    const res = await app.request("/readyz")
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      status: "not-ready",
      checks: { database: { status: "fail", detail: "connection refused" }, cache: { status: "ok" } },
    })
  })

  it("answers 503 while draining", async () => {
    const res = await buildApp({ version: "0", isDraining: () => true }).request("/readyz")
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ status: "not-ready", draining: true })
  })
})

describe("request ids and logs", () => {
  it("generates a request id, returns it and logs the request with it as one JSON line", async () => {
    const { lines, logger } = capture()
    const app = buildApp({ version: "0", logger, newRequestId: () => "req-1" })
    const res = await app.request("/healthz")
    expect(res.headers.get("X-Request-Id")).toBe("req-1")
    expect(lines).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "request",
        service: "cadre-api",
        requestId: "req-1",
        method: "GET",
        path: "/healthz",
        status: 200,
        time: "2026-11-25T08:00:00.000Z",
      }),
    ])
  })

  it("keeps a caller's plain request id", async () => {
    const app = buildApp({ version: "0", newRequestId: () => "generated" })
    const res = await app.request("/healthz", { headers: { "X-Request-Id": "abc-123" } })
    expect(res.headers.get("X-Request-Id")).toBe("abc-123")
  })

  it("replaces a request id that could forge log content", async () => {
    const app = buildApp({ version: "0", newRequestId: () => "generated" })
    const res = await app.request("/healthz", { headers: { "X-Request-Id": 'x" level=error' } })
    expect(res.headers.get("X-Request-Id")).toBe("generated")
  })

  it("answers an unknown path with a bilingual 404 carrying the request id", async () => {
    const app = buildApp({ version: "0", newRequestId: () => "req-404" })
    const res = await app.request("/nope")
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: {
        code: -32004,
        message: "接口不存在",
        data: {
          code: "NOT_FOUND",
          httpStatus: 404,
          tag: "NotFound",
          message: { zh: "接口不存在", en: "No such endpoint" },
          requestId: "req-404",
          issues: [],
        },
      },
    })
  })

  it("turns a thrown error into a generic 500 and logs it with the request id", async () => {
    const { lines, logger } = capture()
    const app = buildApp({ version: "0", logger, newRequestId: () => "req-500" })
    app.get("/boom", () => {
      throw new Error("secret detail")
    })
    const res = await app.request("/boom")
    expect(res.status).toBe(500)
    const body = JSON.stringify(await res.json())
    expect(body).not.toContain("secret detail")
    expect(body).toContain("服务器内部错误")
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "error",
        requestId: "req-500",
        error: expect.objectContaining({ message: "secret detail" }),
      }),
    )
  })
})

describe("CORS", () => {
  it("allows a configured origin and exposes the request id", async () => {
    const app = buildApp({ version: "0", corsOrigins: ["http://localhost:5173"] })
    const res = await app.request("/healthz", { headers: { Origin: "http://localhost:5173" } })
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:5173")
    expect(res.headers.get("Access-Control-Expose-Headers")).toContain("X-Request-Id")
  })

  it("does not allow an origin that is not configured", async () => {
    const app = buildApp({ version: "0", corsOrigins: ["http://localhost:5173"] })
    const res = await app.request("/healthz", { headers: { Origin: "http://evil.example" } })
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull()
  })

  it("sends no CORS headers when no origin is configured", async () => {
    const res = await buildApp({ version: "0" }).request("/healthz", {
      headers: { Origin: "http://localhost:5173" },
    })
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull()
  })
})

describe("hardening", () => {
  it("sends headers that keep the API's answers out of frames, sniffing and referrers", async () => {
    const res = await buildApp({ version: "0" }).request("/healthz")
    expect(res.headers.get("x-content-type-options")).toBe("nosniff")
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN")
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(res.headers.get("referrer-policy")).toBe("no-referrer")
    // HSTS belongs to the TLS proxy in front (the API itself may be reached over plain HTTP on localhost).
    expect(res.headers.get("strict-transport-security")).toBeNull()
  })

  it("refuses a body over the limit before reading it, in both languages, with the request id", async () => {
    const app = buildApp({ version: "0", newRequestId: () => "req-big" })
    const big = "x".repeat(MAX_BODY_BYTES + 1)
    const res = await app.request("/trpc/schemes.create", {
      method: "POST",
      body: big,
      headers: { "content-type": "application/json", "content-length": String(big.length) },
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({
      error: {
        message: "请求内容过大（上限 1 MB）",
        data: {
          httpStatus: 413,
          tag: "PayloadTooLarge",
          message: { zh: "请求内容过大（上限 1 MB）", en: "The request is too large (at most 1 MB)" },
          requestId: "req-big",
        },
      },
    })
    // At the limit it goes through to routing (here: no router mounted, so not found).
    const ok = "x".repeat(MAX_BODY_BYTES)
    const res2 = await app.request("/trpc/schemes.create", {
      method: "POST",
      body: ok,
      headers: { "content-type": "application/json", "content-length": String(ok.length) },
    })
    expect(res2.status).toBe(404)
  })
})
