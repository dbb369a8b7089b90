// The roster export at scale (issue 19 §4): one campaign grown to 100,000 applications (rows copied in SQL from one
// real recommendation), then the 花名册 streamed (ExportService.stream → keyset batches of 1,000 → exceljs's
// streaming writer → a sink that counts bytes) and run as a job (ExportService.runJob → 1 MB pieces in
// export_chunks). Prints `export: N rows in S s (R rows/s), peak RSS M MB` for each, with the RSS before it.
// PGlite by default; PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. BENCH_EXPORT_ROWS to resize.
// Run: pnpm exec tsx bench/exports.bench.ts (here).
import { Writable } from "node:stream"
import { performance } from "node:perf_hooks"
import type { ExportService as ExportServiceT } from "@cadre/services"
import type { Effect as EffectT } from "effect"

if (process.env.BENCH_DATABASE_URL !== undefined)
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL
const { sql } = await import("drizzle-orm")
const { Effect } = await import("effect")
const { ExportService } = await import("@cadre/services")
const { insertPerson, makeHarness } = await import("../src/test-support.js")

const N = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000)
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

const h = await makeHarness()
const backend = process.env.TEST_DATABASE_URL === undefined ? "PGlite (in-process)" : "PostgreSQL"
console.log(`exports bench on ${backend}: the 花名册 of a campaign of ${N} applications`)
h.setToday("2026-03-21")
const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
const campaign = await h.caller(org).campaigns.create({
  regionId: "510304",
  name: "导出基准批次",
  schemeId: "daan-first-secretary",
  schemeVersion: 1,
  channels: ["organisation_recommendation"],
  places: 3,
  startYear: 2026,
  referenceDate: "2026-03-01",
  decidingBody: "org_dept_meeting",
})
await h.caller(org).campaigns.openForApplications({ id: campaign.id, expectedVersion: campaign.version })
const template = await h.caller(org).applications.recommend({
  campaignId: campaign.id,
  personId: await insertPerson(h.handle, {
    id: "bench-exp-0",
    regionId: "510304",
    address: "510304",
    name: "基准候选",
    birthDate: "1990-05-01",
    sequence: 11,
    phone: "19900040000",
    joined: "2012-07-01",
  }),
  channel: "organisation_recommendation",
  recommendation: { body: "大安区委组织部", meeting: "部务会", meetingDate: "2026-03-20" },
})
const t0 = performance.now()
await h.handle.db.execute(sql`
  insert into people (id, region_id, id_number, phone, name, profile, created_at, updated_at)
  select 'bench-exp-' || i, p.region_id, 'BENCH' || lpad(i::text, 13, '0'), '199' || lpad(i::text, 8, '0'),
         '基准候选' || i, p.profile, now(), now()
  from people p, generate_series(1, ${N - 1}::int) as i where p.id = 'bench-exp-0'`)
await h.handle.db.execute(sql`
  insert into applications (id, campaign_id, person_id, region_id, state, channel, target_role, eligible, body,
                            version, created_at, updated_at)
  select 'bench-expapp-' || i, a.campaign_id, 'bench-exp-' || i, a.region_id, a.state, a.channel, a.target_role,
         a.eligible,
         jsonb_set(jsonb_set(a.body, '{id}', to_jsonb('bench-expapp-' || i)), '{personId}', to_jsonb('bench-exp-' || i)),
         1, a.created_at + i * interval '1 millisecond', now()
  from applications a, generate_series(1, ${N - 1}::int) as i where a.id = ${template.id}`)
await h.handle.db.execute(sql`analyze applications`)
await h.handle.db.execute(sql`analyze people`)
console.log(`  (data generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)

const actor = await h.deps.auth.resolveActor(new Headers(org))
if (actor === null) throw new Error("no actor")
const ctx = { actor, requestId: "bench" }
const run = <A, E>(f: (s: ExportServiceT) => EffectT.Effect<A, E>) =>
  h.deps.runtime.runPromise(Effect.flatMap(ExportService, f))

/** Time `f`, sampling the RSS every 50 ms; prints the figure line. */
const measure = async (label: string, f: () => Promise<{ rows: number; bytes: number }>) => {
  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  const start = performance.now()
  const { rows, bytes } = await f()
  const secs = (performance.now() - start) / 1000
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  console.log(
    `export: ${rows} rows in ${secs.toFixed(1)} s (${Math.round(rows / secs)} rows/s), peak RSS ${mb(peak)} MB` +
      `   [${label}; RSS before ${mb(before)} MB; file ${(bytes / 1024 / 1024).toFixed(1)} MB]`,
  )
}

await measure("streamed, as the HTTP route sends it", async () => {
  const p = await run((s) =>
    s.stream(ctx, { campaignId: campaign.id, kind: "roster", today: "2026-03-21" }, Infinity),
  )
  let bytes = 0
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      bytes += chunk.byteLength
      cb()
    },
  })
  const finished = new Promise((resolve) => sink.on("finish", resolve))
  const rows = await p.write(sink)
  await finished
  return { rows, bytes }
})

await measure("as a job, file into export_chunks", async () => {
  const { job } = await run((s) =>
    s.start(ctx, { campaignId: campaign.id, kind: "roster", today: "2026-03-21" }, 0),
  )
  if (job === null) throw new Error("no job")
  await run((s) => s.runJob(job.id))
  const done = await run((s) => s.job(actor, job.id))
  if (done.status !== "done") throw new Error(`job ${done.status}: ${done.error}`)
  return { rows: done.done, bytes: done.size ?? 0 }
})

await h.close()
