import { execFileSync, spawn } from "node:child_process"
import { once } from "node:events"
import { readFileSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { makeTestDatabase } from "@cadre/db"
import { appRouter, ErrorBody, REST_PREFIX } from "@cadre/router"
import { serve } from "@hono/node-server"
import { Validator } from "@seriousme/openapi-schema-validator"
import { Either, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "./app.js"
import { DOCS_CSP } from "./docs.js"
import { type LogFields, makeJsonLogger } from "./logger.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices, type Services } from "./services.js"

/**
 * /openapi.json, /docs and the REST form over real HTTP, on a fresh PGlite database holding the demo data, with
 * an API token issued to the demo integrator (Yangpu) — and the Python example run against it.
 */

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version

const lines: Array<LogFields> = []
const logger = makeJsonLogger({ write: (line) => lines.push(JSON.parse(line) as LogFields) })
let services: Services
let server: ReturnType<typeof serve>
let base = ""
let token = ""
let applicantCookie = ""

type Json = Record<string, unknown>

const login = async (identifier: string): Promise<string> => {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ identifier, password: DEFAULT_DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .join("; ")
}

/** A tRPC call's answer: status and body (`result.data` on success, `error` otherwise). */
const trpc = async (
  procedure: string,
  input: unknown,
  headers: Record<string, string>,
  method: "GET" | "POST" = "GET",
): Promise<{ status: number; body: Json }> => {
  const res =
    method === "GET"
      ? await fetch(
          `${base}/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers },
        )
      : await fetch(`${base}/trpc/${procedure}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify(input),
        })
  return { status: res.status, body: (await res.json()) as Json }
}

const rest = async (
  path: string,
  headers: Record<string, string>,
  init: { method?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; body: Json; headers: Headers }> => {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...headers,
      ...(init.body === undefined ? {} : { "content-type": init.contentType ?? "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  })
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers }
}

const bearer = () => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  services = await makeServices({
    handle: await makeTestDatabase(),
    config: { host: "127.0.0.1", port: 0, authSecret: "openapi-secret-openapi-secret-openapi-01" },
    logger,
  })
  await loadDemo(services, DEFAULT_DEMO_PASSWORD)
  const app = buildApp({ version: VERSION, logger, trpc: services.deps })
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" })
  await once(server, "listening")
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  // The org dept admin issues a token to the demo integrator, as an admin would (accounts.issueToken).
  const admin = { cookie: await login("yangpu.org@demo.example.org") }
  const accounts = await trpc("accounts.list", { name: "yangpu.api" }, admin)
  const integrator = (
    accounts.body.result as { data: { items: Array<{ accountId: string; email: string }> } }
  ).data.items.find((a) => a.email === "yangpu.api@demo.example.org")
  if (integrator === undefined) throw new Error("no demo integrator")
  const issued = await trpc(
    "accounts.issueToken",
    { accountId: integrator.accountId, name: "openapi" },
    admin,
    "POST",
  )
  token = (issued.body.result as { data: { token: string } }).data.token
  applicantCookie = await login("applicant@demo.example.org")
}, 180_000)

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await services?.close()
})

describe("/openapi.json", () => {
  it("is public, valid OpenAPI 3.1, and carries the API's version", async () => {
    const res = await fetch(`${base}/openapi.json`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("application/json")
    const doc = (await res.json()) as { openapi: string; info: { version: string } }
    expect(doc.openapi).toBe("3.1.0")
    expect(doc.info.version).toBe(VERSION)
    const result = await new Validator().validate(doc as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it("the validator refuses a broken document (so the test above can fail)", async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as Json
    const broken = { ...doc, paths: { "/api/v1/x": { get: { responses: { "200": { content: {} } } } } } }
    expect((await new Validator().validate(broken as never)).valid).toBe(false)
  })

  it("lists every procedure whose declared permission the integrator's token holds", async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { "x-permission"?: string }>>
    }
    const me = await rest(`${REST_PREFIX}auth.me`, bearer())
    expect(me.status).toBe(200)
    const held = new Set(me.body.permissions as Array<string>)
    expect(held.has("scheme.read")).toBe(true)
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string; meta?: { access?: { permission?: string } } } }
    >
    const expected = Object.entries(procedures).filter(([, p]) =>
      held.has(p._def.meta?.access?.permission ?? ""),
    )
    expect(expected.length).toBeGreaterThan(40)
    for (const [path, p] of expected) {
      const method = p._def.type === "query" ? "get" : "post"
      expect(doc.paths[`${REST_PREFIX}${path}`]?.[method]?.["x-permission"], path).toBe(
        p._def.meta?.access?.permission,
      )
    }
  })
})

describe("/docs", () => {
  it("serves the reference page and its renderer from this server, under a CSP that lets them run", async () => {
    const res = await fetch(`${base}/docs`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("text/html")
    expect(res.headers.get("content-security-policy")).toBe(DOCS_CSP)
    expect(DOCS_CSP).toContain("script-src 'self'")
    expect(res.headers.get("x-content-type-options")).toBe("nosniff")
    const html = await res.text()
    // Nothing from another origin (no CDN), and no inline script the CSP would block.
    expect(html).not.toMatch(/(src|href)="https?:/)
    expect(html).not.toMatch(/<script>(?!<\/script>)/)
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? "")
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? "")
    expect(scripts).toEqual(["/docs/swagger-ui-bundle.js", "/docs/init.js"])
    for (const src of [...scripts, ...styles]) {
      const asset = await fetch(`${base}${src}`)
      expect(asset.status, src).toBe(200)
      expect(asset.headers.get("content-type"), src).toMatch(
        src.endsWith(".css") ? /text\/css/ : /javascript/,
      )
      expect((await asset.text()).length, src).toBeGreaterThan(src.endsWith("init.js") ? 20 : 10_000)
    }
    expect(await (await fetch(`${base}/docs/init.js`)).text()).toContain('"/openapi.json"')
    // Every other answer keeps the strict policy.
    expect((await fetch(`${base}/openapi.json`)).headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    )
  })
})

describe("the REST form", () => {
  it("answers three queries as tRPC does: a list, one version by number, an explained verdict", async () => {
    const people = await trpc("profiles.list", { limit: 1 }, bearer())
    const person =
      (people.body.result as { data: { items: Array<{ id: string }> } }).data.items[0]?.id ?? "none"
    const cases: ReadonlyArray<readonly [string, Json | undefined, string]> = [
      ["schemes.list", {}, ""],
      [
        "schemes.get",
        { schemeId: "yangpu-community-secretary", version: 1 },
        "schemeId=yangpu-community-secretary&version=1",
      ],
      [
        "eligibility.check",
        { schemeId: "yangpu-community-secretary", personId: person, referenceDate: "2026-06-30" },
        `schemeId=yangpu-community-secretary&personId=${person}&referenceDate=2026-06-30`,
      ],
    ]
    for (const [procedure, input, query] of cases) {
      const viaTrpc = await trpc(procedure, input, bearer())
      const viaRest = await rest(`${REST_PREFIX}${procedure}${query === "" ? "" : `?${query}`}`, bearer())
      expect(viaTrpc.status, procedure).toBe(200)
      expect(viaRest.status, procedure).toBe(200)
      expect(viaRest.body, procedure).toEqual((viaTrpc.body.result as Json).data)
    }
    const verdict = await rest(
      `${REST_PREFIX}eligibility.check?schemeId=yangpu-community-secretary&personId=${person}&referenceDate=2026-06-30`,
      bearer(),
    )
    expect(verdict.body.outcome).toMatch(/^(eligible|ineligible|needs_review)$/)
    expect((verdict.body.findings as Array<unknown>).length).toBeGreaterThan(0)
  })

  it("runs a command by POST with a JSON body, and tRPC reads back what it wrote", async () => {
    const list = await rest(`${REST_PREFIX}schemes.list?schemeId=yangpu-community-secretary`, bearer())
    const versions = list.body as unknown as Array<{ version: number; effectiveFrom: string }>
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a))
    const draft = await rest(`${REST_PREFIX}schemes.createVersion`, bearer(), {
      method: "POST",
      body: JSON.stringify({
        schemeId: "yangpu-community-secretary",
        fromVersion: latest.version,
        effectiveFrom: "2099-01-01",
      }),
    })
    expect(draft.status).toBe(200)
    expect(draft.body.status).toBe("draft")
    const read = await trpc(
      "schemes.get",
      { schemeId: "yangpu-community-secretary", version: latest.version + 1 },
      bearer(),
    )
    expect((read.body.result as Json).data).toEqual(draft.body)
  })

  it("answers errors with tRPC's body and status: 401, 403, 400, 404 — never 500", async () => {
    const cases: ReadonlyArray<{
      procedure: string
      input: Json
      query: string
      headers: Record<string, string>
      status: number
      tag: string
    }> = [
      { procedure: "schemes.list", input: {}, query: "", headers: {}, status: 401, tag: "Unauthenticated" },
      {
        procedure: "schemes.list",
        input: {},
        query: "",
        headers: { authorization: "Bearer cdr_not-a-token" },
        status: 401,
        tag: "Unauthenticated",
      },
      {
        procedure: "profiles.list",
        input: {},
        query: "",
        headers: { cookie: applicantCookie },
        status: 403,
        tag: "Forbidden",
      },
      {
        procedure: "schemes.get",
        input: { schemeId: "yangpu-community-secretary", version: "two" },
        query: "schemeId=yangpu-community-secretary&version=two",
        headers: bearer(),
        status: 400,
        tag: "InvalidInput",
      },
      {
        procedure: "schemes.get",
        input: { schemeId: "yangpu-community-secretary", version: 1, extra: true },
        query: "schemeId=yangpu-community-secretary&version=1&extra=true",
        headers: bearer(),
        status: 400,
        tag: "InvalidInput",
      },
      {
        procedure: "schemes.get",
        input: { schemeId: "no-such-scheme", version: 1 },
        query: "schemeId=no-such-scheme&version=1",
        headers: bearer(),
        status: 404,
        tag: "NotFound",
      },
    ]
    for (const [i, c] of cases.entries()) {
      const headers = { ...c.headers, "x-request-id": `err-${i}`, "x-lang": i % 2 === 0 ? "en" : "zh" }
      const viaTrpc = await trpc(c.procedure, c.input, headers)
      const viaRest = await rest(
        `${REST_PREFIX}${c.procedure}${c.query === "" ? "" : `?${c.query}`}`,
        headers,
      )
      const label = `${c.procedure} ${c.tag} (${i})`
      expect(viaRest.status, label).toBe(c.status)
      expect(viaTrpc.status, label).toBe(c.status)
      expect(viaRest.body, label).toEqual(viaTrpc.body)
      const data = (viaRest.body.error as { data: Json }).data
      expect(data.tag, label).toBe(c.tag)
      expect(data.requestId, label).toBe(`err-${i}`)
      const message = data.message as { zh: string; en: string }
      expect(message.zh, label).toMatch(/[\u4e00-\u9fff]/)
      expect(message.en, label).toMatch(/^[\x20-\x7e]+$/)
      expect((viaRest.body.error as Json).message, label).toBe(i % 2 === 0 ? message.en : message.zh)
      expect(
        Either.isRight(Schema.decodeUnknownEither(ErrorBody, { onExcessProperty: "error" })(viaRest.body)),
        label,
      ).toBe(true)
    }
    const { body } = await rest(
      `${REST_PREFIX}schemes.get?schemeId=yangpu-community-secretary&version=two`,
      bearer(),
    )
    expect((body.error as { data: { issues: Array<{ path: Array<string> }> } }).data.issues[0]?.path).toEqual(
      ["version"],
    )
  })

  it("refuses what is not in the document: unknown path 404, other method 405, not JSON 400/415", async () => {
    const unknown = await rest(`${REST_PREFIX}accounts.issueToken`, bearer(), { method: "POST", body: "{}" })
    expect([unknown.status, (unknown.body.error as { data: Json }).data.tag]).toEqual([404, "NotFound"])
    const wrongMethod = await rest(`${REST_PREFIX}schemes.list`, bearer(), { method: "POST", body: "{}" })
    expect([wrongMethod.status, (wrongMethod.body.error as { data: Json }).data.tag]).toEqual([
      405,
      "MethodNotSupported",
    ])
    expect(wrongMethod.headers.get("allow")).toBe("GET")
    const badJson = await rest(`${REST_PREFIX}schemes.createVersion`, bearer(), { method: "POST", body: "{" })
    expect([badJson.status, (badJson.body.error as { data: Json }).data.tag]).toEqual([400, "ParseError"])
    const form = await rest(`${REST_PREFIX}schemes.createVersion`, bearer(), {
      method: "POST",
      body: "a=1",
      contentType: "application/x-www-form-urlencoded",
    })
    expect([form.status, (form.body.error as { data: Json }).data.tag]).toEqual([415, "UnsupportedMediaType"])
    const missing = await rest(`${REST_PREFIX}schemes.createVersion`, bearer(), { method: "POST", body: "" })
    expect([missing.status, (missing.body.error as { data: Json }).data.tag]).toEqual([400, "InvalidInput"])
  })
})

const python = (() => {
  try {
    execFileSync("python3", ["--version"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
})()

describe("the Python example (examples/integrator)", () => {
  it.skipIf(!python)(
    "signs in with a token and, by paths taken from the document only, lists schemes, checks eligibility and imports a roster row (skipped without python3 on PATH)",
    async () => {
      const script = fileURLToPath(
        new URL("../../../examples/integrator/cadre_integrator.py", import.meta.url),
      )
      const child = spawn("python3", [script], {
        env: {
          ...process.env,
          CADRE_BASE_URL: base,
          CADRE_TOKEN: token,
          CADRE_LANG: "en",
          CADRE_DATE: "2026-06-30",
          CADRE_REQUEST_ID_PREFIX: "python",
        },
        stdio: ["ignore", "pipe", "pipe"],
      })
      let out = ""
      let err = ""
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString()
      })
      child.stderr.on("data", (c: Buffer) => {
        err += c.toString()
      })
      const [code] = await once(child, "exit")
      expect(err).toBe("")
      expect(code).toBe(0)
      expect(out).toContain(`API version ${VERSION}`)
      expect(out).toContain("(integrator, scope /310000/310110/)")
      expect(out).toMatch(/\d+ scheme version\(s\) visible:\n {2}yangpu-community-secretary v\d+ /)
      expect(out).toMatch(
        /eligibility of \S+ under yangpu-community-secretary v\d+ on 2026-06-30: (eligible|ineligible|needs_review)\n/,
      )
      expect(out).toMatch(/\n {2}\[(pass|fail|needs_review|waived)\] \S+: .+ \(000 /)
      // The roster step (issue 14 item 5): one new person imported by the integrator, the job polled to done.
      expect(out).toMatch(/roster import \S+: 1 new, 0 changed, 0 unchanged, 0 with errors\n/)
      expect(out).toContain("roster import done: 1/1 row(s)")
      // Every request the script made went to /openapi.json or a path of the document.
      const paths = lines
        .filter((l) => l.msg === "request" && String(l.requestId).startsWith("python-"))
        .map((l) => String(l.path))
      expect(paths[0]).toBe("/openapi.json")
      expect(paths.length).toBeGreaterThanOrEqual(5)
      for (const p of paths.slice(1)) expect(p).toMatch(/^\/api\/v1\/[a-z]+\.[A-Za-z]+$/)
    },
    90_000,
  )
})
