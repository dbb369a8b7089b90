import {
  apiTokens,
  auditLog,
  exportChunks,
  exportJobs,
  makeIdempotencyStore,
  makeTestDatabase,
  user,
} from "@cadre/db"
import { newToken } from "@cadre/router"
import { ExportService } from "@cadre/services"
import { and, eq, sql } from "drizzle-orm"
import { Effect } from "effect"
import ExcelJS from "exceljs"
import type { Hono } from "hono"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AppEnv, buildApp } from "./app.js"
import { silentLogger } from "./logger.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices, type Services } from "./services.js"

/**
 * Issue 19 §4 / 14 §3: the roster and arrangement streamed from a plain HTTP route, and as jobs over the threshold
 * (set to 1 row here through RouterDeps.exportJobThreshold, so the demo's few rows make a job).
 */

const CAMPAIGN = "demo-daan-2026"
let services: Services
let app: Hono<AppEnv>
let jobApp: Hono<AppEnv>
const tokens: Record<string, string> = {}

const tokenFor = async (email: string) => {
  const [u] = await services.handle.db.select({ id: user.id }).from(user).where(eq(user.email, email))
  const t = newToken()
  await services.handle.db.insert(apiTokens).values({
    id: crypto.randomUUID(),
    userId: u?.id ?? "",
    name: "export test",
    tokenHash: t.hash,
    prefix: t.prefix,
  })
  return t.token
}

beforeAll(async () => {
  services = await makeServices({
    handle: await makeTestDatabase(),
    config: { host: "127.0.0.1", port: 0, authSecret: "integration-secret-integration-secret-01" },
    logger: silentLogger,
  })
  await loadDemo(services, DEFAULT_DEMO_PASSWORD)
  const idempotency = makeIdempotencyStore(services.handle.db)
  app = buildApp({ version: "test", trpc: services.deps, idempotency })
  jobApp = buildApp({ version: "test", trpc: { ...services.deps, exportJobThreshold: 1 }, idempotency })
  tokens.daan = await tokenFor("daan.org@demo.example.org")
  tokens.yangpu = await tokenFor("yangpu.org@demo.example.org")
  tokens.niufo = await tokenFor("daan.niufo@demo.example.org")
}, 180_000)
afterAll(async () => services?.close())

const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` })
const trpc = async (on: Hono<AppEnv>, who: string, path: string, input: unknown, method: "GET" | "POST") => {
  const res =
    method === "POST"
      ? await on.request(`/trpc/${path}`, {
          method: "POST",
          headers: { ...auth(who), "content-type": "application/json" },
          body: JSON.stringify(input),
        })
      : await on.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: auth(who),
        })
  const body = (await res.json()) as { result?: { data: Record<string, unknown> }; error?: unknown }
  return { status: res.status, data: (body.result?.data ?? {}) as Record<string, unknown>, body }
}
const audits = async () =>
  (
    await services.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "export"), eq(auditLog.entityId, CAMPAIGN)))
  )[0]?.n ?? 0

/** The names in column 2 from row 4 down, and the phone column's values. */
const readBack = async (bytes: ArrayBuffer) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes)
  const ws = wb.worksheets[0]
  if (ws === undefined) throw new Error("no sheet")
  const rows: Array<Array<unknown>> = []
  for (let r = 4; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1))
  return {
    name: ws.name,
    title: ws.getCell("A1").value,
    header: (ws.getRow(3).values as unknown[]).slice(1),
    rows,
  }
}

describe("exports over HTTP (issue 19 §4)", () => {
  it("streams the 花名册 of the rows the caller sees, with the Chinese file name RFC 5987-encoded, audited once", async () => {
    const before = await audits()
    const res = await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`, {
      headers: auth("daan"),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("spreadsheetml")
    const disposition = res.headers.get("content-disposition") ?? ""
    expect(disposition).toContain(`filename*=UTF-8''`)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toMatch(/-花名册\.xlsx$/)
    const sheet = await readBack(await res.arrayBuffer())
    expect(sheet.name).toBe("花名册")
    expect(sheet.header.slice(0, 3)).toEqual(["序号", "姓名", "性别"])
    const list = await trpc(app, "daan", "applications.list", { campaignId: CAMPAIGN }, "GET")
    const names = (list.data.items as Array<{ person: { name: string } }>).map((a) => a.person.name)
    expect(sheet.rows.map((r) => r[1]).sort()).toEqual([...names].sort())
    expect(sheet.rows.map((r) => r[0])).toEqual(names.map((_, i) => i + 1))
    // Phones masked.
    const phone = sheet.header.indexOf("联系电话")
    for (const r of sheet.rows)
      if (r[phone] !== undefined) expect(String(r[phone])).toMatch(/^\d{3}\*+\d{4}$/)
    expect(await audits()).toBe(before + 1)
  })

  it("the same rows as the base64 procedure, cell for cell; the 安排表 too", async () => {
    for (const kind of ["roster", "arrangement"] as const) {
      const res = await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/${kind}.xlsx`, {
        headers: auth("daan"),
      })
      const streamed = await readBack(await res.arrayBuffer())
      const b64 = await trpc(app, "daan", `exports.${kind}`, { campaignId: CAMPAIGN }, "POST")
      const inMemory = await readBack(Buffer.from(b64.data.base64 as string, "base64").buffer as ArrayBuffer)
      expect(streamed).toEqual(inMemory)
      if (kind === "roster") expect(streamed.rows.length).toBeGreaterThan(0)
    }
  })

  it("a township sees its own applications only; another district 404; no caller 401; a cross-site page 403", async () => {
    const all = await readBack(
      await (
        await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`, { headers: auth("daan") })
      ).arrayBuffer(),
    )
    const town = await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`, {
      headers: auth("niufo"),
    })
    if (town.status === 200)
      expect((await readBack(await town.arrayBuffer())).rows.length).toBeLessThan(all.rows.length)
    else expect(town.status).toBe(404)

    const before = await audits()
    const other = await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`, {
      headers: auth("yangpu"),
    })
    expect(other.status).toBe(404)
    const anonymous = await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`)
    expect(anonymous.status).toBe(401)
    const forged = await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/arrangement.xlsx`, {
      headers: { "sec-fetch-site": "cross-site", cookie: "x=y" },
    })
    expect(forged.status).toBe(403)
    expect(await audits()).toBe(before)
  })

  it("over the threshold: the route answers 409 and exports.start makes a job that progresses and downloads", async () => {
    const refused = await jobApp.request(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`, {
      headers: auth("daan"),
    })
    expect(refused.status).toBe(409)

    const small = await trpc(app, "daan", "exports.start", { campaignId: CAMPAIGN, kind: "roster" }, "POST")
    expect(small.data.job).toBeNull()
    expect(small.data.url).toBe(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`)

    const before = await audits()
    const started = await trpc(
      jobApp,
      "daan",
      "exports.start",
      { campaignId: CAMPAIGN, kind: "roster" },
      "POST",
    )
    expect(started.status).toBe(200)
    const job = started.data.job as { id: string; total: number; status: string }
    expect(job.total).toBeGreaterThan(1)
    expect(await audits()).toBe(before + 1)
    let view: Record<string, unknown> = {}
    for (let i = 0; i < 200; i++) {
      view = (await trpc(jobApp, "daan", "exports.job", { jobId: job.id }, "GET")).data
      if (view.status === "done" || view.status === "failed") break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(view.status).toBe("done")
    expect(view.done).toBe(job.total)
    expect(typeof view.rowsPerSecond).toBe("number")
    expect(view.expiresAt).not.toBeNull()
    expect(view.url).toBe(`/api/v1/exports/jobs/${job.id}/file`)

    // Another district cannot read or download the job.
    expect((await trpc(jobApp, "yangpu", "exports.job", { jobId: job.id }, "GET")).status).toBe(404)
    expect((await jobApp.request(view.url as string, { headers: auth("yangpu") })).status).toBe(404)

    const file = await jobApp.request(view.url as string, { headers: auth("daan") })
    expect(file.status).toBe(200)
    expect(decodeURIComponent(file.headers.get("content-disposition") ?? "")).toMatch(/-花名册\.xlsx$/)
    const fromJob = await readBack(await file.arrayBuffer())
    const direct = await readBack(
      await (
        await app.request(`/api/v1/exports/campaigns/${CAMPAIGN}/roster.xlsx`, { headers: auth("daan") })
      ).arrayBuffer(),
    )
    expect(fromJob).toEqual(direct)
    // A finished job cannot be cancelled.
    expect((await trpc(jobApp, "daan", "exports.cancel", { jobId: job.id }, "POST")).status).toBe(409)
  })

  it("a cancelled job stops, keeps no file and is audited; a restart skips it; an expired file is gone", async () => {
    const actor = await services.deps.auth.resolveActor(new Headers(auth("daan")))
    if (actor === null) throw new Error("no actor")
    const run = <A, E>(f: (s: ExportService) => Effect.Effect<A, E>) =>
      services.deps.runtime.runPromise(Effect.flatMap(ExportService, f))
    // Started without its runner, as a job a crashed process left queued.
    const { job } = await run((s) =>
      s.start(
        { actor, requestId: "t" },
        { campaignId: CAMPAIGN, kind: "arrangement", today: "2026-12-07" },
        0,
      ),
    )
    if (job === null) throw new Error("no job")
    expect(await run((s) => s.pendingJobs())).toContain(job.id)
    const cancelled = await trpc(jobApp, "daan", "exports.cancel", { jobId: job.id }, "POST")
    expect(cancelled.data.status).toBe("cancelled")
    const cancelAudit = await services.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "export.cancel"))
    expect(cancelAudit.length).toBe(1)
    expect(await run((s) => s.pendingJobs())).not.toContain(job.id)
    await run((s) => s.runJob(job.id))
    const [row] = await services.handle.db.select().from(exportJobs).where(eq(exportJobs.id, job.id))
    expect(row?.status).toBe("cancelled")
    expect(
      await services.handle.db.select().from(exportChunks).where(eq(exportChunks.jobId, job.id)),
    ).toEqual([])
    expect(
      (await jobApp.request(`/api/v1/exports/jobs/${job.id}/file`, { headers: auth("daan") })).status,
    ).toBe(409)

    // A queued job run to its end by the restart path, then expired: the file is no longer served.
    const again = await run((s) =>
      s.start(
        { actor, requestId: "t" },
        { campaignId: CAMPAIGN, kind: "arrangement", today: "2026-12-07" },
        0,
      ),
    )
    const id = again.job?.id ?? ""
    await run((s) => s.runJob(id))
    expect((await jobApp.request(`/api/v1/exports/jobs/${id}/file`, { headers: auth("daan") })).status).toBe(
      200,
    )
    await services.handle.db
      .update(exportJobs)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(exportJobs.id, id))
    expect((await jobApp.request(`/api/v1/exports/jobs/${id}/file`, { headers: auth("daan") })).status).toBe(
      404,
    )
    await run((s) => s.pendingJobs())
    expect(await services.handle.db.select().from(exportJobs).where(eq(exportJobs.id, id))).toEqual([])
  })
})
