import { once } from "node:events"
import { request as httpRequest } from "node:http"
import type { AddressInfo } from "node:net"
import { makeTestDatabase } from "@cadre/db"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp, type AppOptions } from "./app.js"
import { silentLogger } from "./logger.js"
import { serveApp } from "./server.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices, type Services } from "./services.js"

/**
 * Issue 15 at the HTTP edge, over real HTTP on a free port: every answer — 404, 405, 413, 415, 431, a JSON parse
 * error, a refused cross-site request — is the one bilingual error envelope tRPC errors have (code, message in the
 * caller's language, data.tag, data.message {zh, en}, data.requestId), with the security headers; answers with
 * personal data are not cached; a cookie-authenticated mutation from another site, or sent as a form, never runs;
 * exports run only by POST.
 */

let services: Services
let server: ReturnType<typeof serveApp>
let base = ""
let ids = 0

const CJK = /[\u3400-\u9fff]/

beforeAll(async () => {
  services = await makeServices({
    handle: await makeTestDatabase(),
    config: { host: "127.0.0.1", port: 0, authSecret: "integration-secret-integration-secret-01" },
    logger: silentLogger,
  })
  await loadDemo(services, DEFAULT_DEMO_PASSWORD)
  const options: AppOptions = {
    version: "test",
    trpc: services.deps,
    corsOrigins: ["http://admin.example.org"],
    newRequestId: () => `req-${++ids}`,
  }
  server = serveApp(buildApp(options), { port: 0, hostname: "127.0.0.1" })
  await once(server, "listening")
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 180_000)

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await services?.close()
})

interface Envelope {
  readonly error: {
    readonly code: number
    readonly message: string
    readonly data: {
      readonly code: string
      readonly httpStatus: number
      readonly tag: string
      readonly message: { readonly zh: string; readonly en: string }
      readonly requestId: string | null
    }
  }
}

/** The answer is the bilingual envelope with this status, its message in `lang`, and the security headers. */
const expectEnvelope = async (res: Response, status: number, lang: "zh" | "en" = "zh"): Promise<Envelope> => {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  expect(res.headers.get("content-type")).toMatch(/^application\/json/)
  const body = JSON.parse(text) as Envelope
  expect(typeof body.error.code).toBe("number")
  expect(body.error.data.httpStatus).toBe(status)
  expect(body.error.data.tag).toMatch(/^[A-Z][A-Za-z]+$/)
  expect(body.error.data.message.zh).toMatch(CJK)
  expect(body.error.data.message.en).not.toMatch(CJK)
  expect(body.error.message).toBe(body.error.data.message[lang])
  expect(body.error.data.requestId).toMatch(/^req-\d+$/)
  expect(res.headers.get("x-request-id")).toBe(body.error.data.requestId)
  expectSecurityHeaders(res)
  return body
}

const expectSecurityHeaders = (res: Response) => {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  expect(res.headers.get("x-frame-options")).toBeTruthy()
  expect(res.headers.get("content-security-policy")).toContain("default-src 'none'")
  expect(res.headers.get("referrer-policy")).toBe("no-referrer")
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin")
}

const signIn = async (): Promise<string> => {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier: "yangpu.org@demo.example.org", password: DEFAULT_DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")
  expect(cookie).toContain("session_token")
  return cookie
}

const me = async (cookie: string) => (await fetch(`${base}/trpc/auth.me`, { headers: { cookie } })).status

describe("one bilingual error envelope for every answer", () => {
  it("an unknown path: 404, in Chinese by default and in English on request", async () => {
    const zh = await expectEnvelope(await fetch(`${base}/nope`), 404)
    expect(zh.error.data.tag).toBe("NotFound")
    await expectEnvelope(await fetch(`${base}/nope`, { headers: { "accept-language": "en-US" } }), 404, "en")
  })

  it("an unknown procedure: 404", async () => {
    await expectEnvelope(await fetch(`${base}/trpc/no.such`), 404)
  })

  it("a mutation by GET: 405", async () => {
    await expectEnvelope(await fetch(`${base}/trpc/auth.login?input=%7B%7D`), 405)
  })

  it("a body that is not JSON: 400 ParseError", async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-lang": "en" },
      body: "{not json",
    })
    const body = await expectEnvelope(res, 400, "en")
    expect(body.error.data.tag).toBe("ParseError")
  })

  it("a body that is not JSON by its type: 415", async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    })
    await expectEnvelope(res, 415)
  })

  it("a body over the limit: 413", async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ identifier: "x".repeat(2 * 1024 * 1024), password: "x" }),
    })
    await expectEnvelope(res, 413)
  })

  it("a URL over 16 kB: 431 with the envelope, not an empty answer", async () => {
    const port = (server.address() as AddressInfo).port
    const { status, headers, body } = await new Promise<{
      status: number
      headers: Record<string, string | Array<string> | undefined>
      body: string
    }>((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port, path: `/trpc/regions.tree?input=${"a".repeat(20_000)}` },
        (res) => {
          let text = ""
          res.on("data", (c: Buffer) => {
            text += c.toString()
          })
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
        },
      )
      req.on("error", reject)
      req.end()
    })
    expect(status).toBe(431)
    const parsed = JSON.parse(body) as Envelope
    expect(parsed.error.data.httpStatus).toBe(431)
    expect(parsed.error.data.message.zh).toMatch(CJK)
    expect(parsed.error.data.requestId).toBeTruthy()
    expect(headers["x-content-type-options"]).toBe("nosniff")
    expect(headers["cache-control"]).toBe("no-store")
  })

  it("an input error keeps the same envelope (the shape every error shares)", async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ identifier: "a\u0000b", password: "x" }),
    })
    const body = await expectEnvelope(res, 400)
    expect(body.error.data.tag).toBe("InvalidInput")
  })
})

describe("headers on every answer", () => {
  it("/healthz carries the security headers", async () => {
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expectSecurityHeaders(res)
  })

  it("answers of the API (personal data) are never cached", async () => {
    const cookie = await signIn()
    const res = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get("cache-control")).toBe("no-store")
    expectSecurityHeaders(res)
    expect((await fetch(`${base}/nope`)).headers.get("cache-control")).toBe("no-store")
  })
})

describe("cross-site requests never reach a mutation with the visitor's cookie", () => {
  it("a cross-site form POST (multipart) to auth.logout is refused and the session survives", async () => {
    const cookie = await signIn()
    const form = new FormData()
    form.set("x", "1")
    const res = await fetch(`${base}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: form,
    })
    expect([403, 415]).toContain(res.status)
    await expectEnvelope(res, res.status)
    expect(await me(cookie)).toBe(200)
  })

  it("a cross-site urlencoded form POST is refused", async () => {
    const cookie = await signIn()
    const res = await fetch(`${base}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    })
    await expectEnvelope(res, 415)
    expect(await me(cookie)).toBe(200)
  })

  it("a JSON POST from a foreign Origin with the cookie is refused (403), from the configured origin it runs", async () => {
    const cookie = await signIn()
    const foreign = await fetch(`${base}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: "https://evil.example" },
    })
    const body = await expectEnvelope(foreign, 403)
    expect(body.error.data.tag).toBe("CrossSiteRequest")
    const sameSite = await fetch(`${base}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "sec-fetch-site": "same-site" },
    })
    await expectEnvelope(sameSite, 403)
    expect(await me(cookie)).toBe(200)
    const allowed = await fetch(`${base}/trpc/auth.logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: "http://admin.example.org" },
    })
    expect(allowed.status).toBe(200)
    expect(await me(cookie)).toBe(401)
  })

  it("a same-origin browser POST (Sec-Fetch-Site: same-origin, through the SPA's proxy) runs", async () => {
    const cookie = await signIn()
    const res = await fetch(`${base}/trpc/auth.logout`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/json",
        origin: "http://127.0.0.1:5173",
        "sec-fetch-site": "same-origin",
      },
    })
    expect(res.status).toBe(200)
  })

  it("exports.roster by a plain link (GET) does not run; by POST it does", async () => {
    const cookie = await signIn()
    const input = encodeURIComponent(JSON.stringify({ campaignId: "demo-yangpu-2026" }))
    const link = await fetch(`${base}/trpc/exports.roster?input=${input}`, { headers: { cookie } })
    await expectEnvelope(link, 405)
    const post = await fetch(`${base}/trpc/exports.roster`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ campaignId: "demo-yangpu-2026" }),
    })
    expect(post.status).toBe(200)
    expect(post.headers.get("cache-control")).toBe("no-store")
  })
})
