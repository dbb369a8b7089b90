// The request path against its framework (issue 19, "the API near bare Hono"): requests answered in-process through
// `app.fetch` (no sockets, so the figures are the server's own cost), CONCURRENCY at a time, for a bare Hono JSON
// route and for the API's /healthz, a tRPC no-input read signed in with an integrator's API token, and the same read
// with a session cookie — all measured in the same run, printed as requests/s and as a share of bare Hono.
// PGlite by default; PostgreSQL when TEST_DATABASE_URL is set. Run: pnpm bench (here, or at the root via turbo).
import { makeTestDatabase, schema } from "@cadre/db"
import { eq } from "drizzle-orm"
import { Hono } from "hono"
import { performance } from "node:perf_hooks"
import { buildApp } from "../src/app.js"
import { silentLogger } from "../src/logger.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices } from "../src/services.js"

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32)

const services = await makeServices({
  handle: await makeTestDatabase(),
  config: { host: "127.0.0.1", port: 0, authSecret: "bench-secret-bench-secret-bench-secret-01" },
  logger: silentLogger,
})
await loadDemo(services, DEFAULT_DEMO_PASSWORD)
const api = buildApp({ version: "bench", logger: silentLogger, trpc: services.deps })
const bare = new Hono().get("/x", (c) => c.json({ ok: true }))
const backend = process.env.TEST_DATABASE_URL === undefined ? "PGlite (in-process)" : "PostgreSQL"

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api.fetch(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  )

// A session cookie (the org dept signing in) and an API token for the district's integrator.
const signedIn = await post("/trpc/auth.login", {
  identifier: "yangpu.org@demo.example.org",
  password: DEFAULT_DEMO_PASSWORD,
})
const cookie = (signedIn.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ")
const [integrator] = await services.handle.db
  .select({ id: schema.user.id })
  .from(schema.user)
  .where(eq(schema.user.email, "yangpu.api@demo.example.org"))
const issued = await post(
  "/trpc/accounts.issueToken",
  { accountId: integrator?.id, name: "bench" },
  { cookie },
)
const token = ((await issued.json()) as { result: { data: { token: string } } }).result.data.token

/** Requests per second answering `make()` REQUESTS times, CONCURRENCY at a time; every answer must be 200. */
const rate = async (make: () => Promise<Response>): Promise<number> => {
  let left = REQUESTS
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left > 0) {
        left -= 1
        const res = await make()
        if (res.status !== 200) throw new Error(`answered ${res.status}: ${await res.text()}`)
        await res.arrayBuffer()
      }
    }),
  )
  return REQUESTS / ((performance.now() - started) / 1000)
}

const get =
  (app: { fetch: (r: Request) => Response | Promise<Response> }, path: string, headers = {}) =>
  () =>
    Promise.resolve(app.fetch(new Request(`http://localhost${path}`, { headers })))

const cases: ReadonlyArray<readonly [string, () => Promise<Response>]> = [
  ["bare Hono JSON route", get(bare, "/x")],
  ["API /healthz", get(api, "/healthz")],
  ["API auth.me (API token)", get(api, "/trpc/auth.me", { authorization: `Bearer ${token}` })],
  ["API auth.me (session cookie)", get(api, "/trpc/auth.me", { cookie })],
  [
    "API schemes.list (API token)",
    get(api, "/trpc/schemes.list?input=%7B%7D", { authorization: `Bearer ${token}` }),
  ],
]

console.log(`request-path bench on ${backend}: ${REQUESTS} requests, ${CONCURRENCY} at a time, in-process`)
// Warm every path once (JIT, caches), then measure each in turn.
for (const [, make] of cases) await rate(make)
const results: Array<readonly [string, number]> = []
for (const [name, make] of cases) results.push([name, await rate(make)])
const peer = results[0]?.[1] ?? Number.NaN
console.log("")
console.log("| path | req/s | share of bare Hono |")
console.log("|---|---:|---:|")
for (const [name, r] of results)
  console.log(`| ${name} | ${r.toFixed(0)} | ${((100 * r) / peer).toFixed(1)} % |`)
await services.close()
