import { spawn } from "node:child_process"
import { once } from "node:events"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { loginAttempts, makeTestDatabase, people } from "@cadre/db"
import { serve } from "@hono/node-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "./app.js"
import { type LogFields, makeJsonLogger } from "./logger.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices, type Services } from "./services.js"

/** The API over real HTTP on a free port, with a fresh database holding the demo data. */

const lines: Array<Record<string, unknown>> = []
const logger = makeJsonLogger({ write: (line) => lines.push(JSON.parse(line) as LogFields) })
let services: Services
let server: ReturnType<typeof serve>
let base = ""

beforeAll(async () => {
  services = await makeServices({
    handle: await makeTestDatabase(),
    config: { host: "127.0.0.1", port: 0, authSecret: "integration-secret-integration-secret-01" },
    logger,
  })
  await loadDemo(services, DEFAULT_DEMO_PASSWORD)
  const app = buildApp({ version: "test", logger, trpc: services.deps, newRequestId: () => "req-test" })
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" })
  await once(server, "listening")
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 180_000)

/** Run one of the client's examples against the server; its stdout, stderr and exit code. */
const runExample = async (name: string): Promise<{ out: string; err: string; code: unknown }> => {
  const example = fileURLToPath(new URL(`../../../packages/client/examples/${name}`, import.meta.url))
  const child = spawn(process.execPath, ["--import", "tsx", example], {
    env: {
      ...process.env,
      CADRE_URL: `${base}/trpc`,
      DEMO_PASSWORD: DEFAULT_DEMO_PASSWORD,
      CADRE_LANG: "en",
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
  return { out, err, code }
}

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await services?.close()
})

describe("/trpc over HTTP", () => {
  it("records the socket's address with a sign-in attempt, ignoring X-Forwarded-For without TRUST_PROXY", async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.50" },
      body: JSON.stringify({ identifier: "nobody.ip@test.example.org", password: "wrong-password-1" }),
    })
    expect(res.status).toBe(401)
    const rows = (await services.handle.db.select().from(loginAttempts)).filter(
      (r) => r.identifier === "nobody.ip@test.example.org",
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
  })

  it("signs in with a cookie (HttpOnly, SameSite) and answers errors with both languages and the request id", async () => {
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ identifier: "yangpu.org@demo.example.org", password: DEFAULT_DEMO_PASSWORD }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("cadre.session_token="))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const me = await fetch(`${base}/trpc/auth.me`, {
      headers: { cookie: (cookie ?? "").split(";")[0] ?? "" },
    })
    expect(((await me.json()) as { result: { data: { role: string } } }).result.data.role).toBe(
      "org_dept_admin",
    )

    const bad = await fetch(`${base}/trpc/regions.tree?input=${encodeURIComponent("{}")}`, {
      headers: { "accept-language": "en" },
    })
    expect(bad.status).toBe(401)
    const body = (await bad.json()) as { error: { message: string; data: Record<string, unknown> } }
    expect(body.error.message).toBe("Please sign in (or send a valid API token)")
    expect(body.error.data).toMatchObject({
      tag: "Unauthenticated",
      message: { zh: "请先登录（或提供有效的接口令牌）", en: "Please sign in (or send a valid API token)" },
      requestId: "req-test",
    })
    expect(JSON.stringify(body)).not.toContain("stack")
  })

  it("links the demo cadre's account to their person once: they see their own placement, nobody else's", async () => {
    const signIn = async (identifier: string) => {
      const res = await fetch(`${base}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ identifier, password: DEFAULT_DEMO_PASSWORD }),
      })
      expect(res.status).toBe(200)
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cadre.session_token="))
      return (cookie ?? "").split(";")[0] ?? ""
    }
    const mine = async (cookie: string) => {
      const res = await fetch(`${base}/trpc/placements.mine`, { headers: { cookie } })
      expect(res.status).toBe(200)
      return ((await res.json()) as { result: { data: Array<{ id: string; person: { name: string } }> } })
        .result.data
    }
    const cadre = await mine(await signIn("cadre.jc@demo.example.org"))
    expect(cadre.map((p) => [p.id, p.person.name])).toEqual([["demo-pl-jc-in-term", "王凤霞"]])
    // An applicant with no placement sees none (not the cadre's).
    expect(await mine(await signIn("applicant@demo.example.org"))).toEqual([])
    // Loading the demo again creates no account and links nobody twice.
    expect(await loadDemo(services, DEFAULT_DEMO_PASSWORD)).toEqual([])
    const linked = (
      await services.handle.db.select({ id: people.id, accountId: people.accountId }).from(people)
    ).filter((r) => r.accountId !== null)
    expect(linked.map((r) => r.id)).toContain("demo-p-33")
    expect(linked.filter((r) => r.id === "demo-p-33")).toHaveLength(1)
  })

  it("the client example runs against it: token, schemes, a published version, an explained verdict", async () => {
    const { out, err, code } = await runExample("integrator.ts")
    expect(err).toBe("")
    expect(code).toBe(0)
    expect(out).toContain("demo: issued token cdr_")
    expect(out).toContain("(integrator, scope /310000/310110/)")
    expect(out).toMatch(/published yangpu-community-secretary v2, in force from \d{4}-\d{2}-\d{2}/)
    expect(out).toMatch(/: (eligible|ineligible|needs_review)\n/)
    expect(out).toMatch(/\[(pass|fail|needs_review|waived)\] .+ \(000 /)
  }, 90_000)

  it("the campaign example runs against it: a campaign, a recommendation, an interview, the roster", async () => {
    const { out, err, code } = await runExample("campaign.ts")
    expect(err).toBe("")
    expect(code).toBe(0)
    expect(out).toContain("yangpu-community-secretary v1")
    expect(out).toContain(
      "path: draft → submitted → screened → interview → decided → appointed → reported in",
    )
    expect(out).toMatch(/recommended .+ \(\d{6}\*{8}\d{3}[\dX]\): (eligible|ineligible|needs_review)/)
    expect(out).toMatch(/: interview\n/)
    expect(out).toMatch(/#1 .+ \d+\.\d{2}/)
    expect(out).toMatch(/roster: \d+ row\(s\), \d+ bytes → .+花名册\.xlsx/)
  }, 90_000)
})
