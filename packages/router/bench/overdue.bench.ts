// reports.overdue against the number of serving placements (issue 19, "pages not dumps"): one real serving
// placement of the demo (Jincheng, reports overdue on the bench's day) cloned in SQL to 10k and 100k placements
// (people, posts and placements copied), then reports.overdue through the real router as Jincheng's org dept: the
// first page (50) and a late page (its cursor at the latest due date, past most rows). Before issue 19's fix the
// router computed every overdue obligation of the scope and sliced; now ReportService reads one keyset page of the
// materialised obligations (report_obligations). The cloned rows carry no materialised obligations: the start-up
// catch-up (ReportService.materialiseObligations) writes them, timed here too (where it exists).
// Prints milliseconds (median of RUNS). PGlite by default; PostgreSQL when TEST_DATABASE_URL is set.
// Run: pnpm exec tsx bench/overdue.bench.ts. BENCH_OVERDUE_SIZES=10000,100000 to choose the sizes.
import { ReportService } from "@cadre/services"
import { sql } from "drizzle-orm"
import { Effect } from "effect"
import { performance } from "node:perf_hooks"
import { makeHarness } from "../src/test-support.js"

const SIZES = (process.env.BENCH_OVERDUE_SIZES ?? "10000,100000").split(",").map(Number)
const RUNS = Number(process.env.BENCH_OVERDUE_RUNS ?? 5)
const TODAY = "2028-09-30"

const median = (xs: ReadonlyArray<number>) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const timed = async <T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now()
  const value = await f()
  return { ms: performance.now() - t0, value }
}
const medianOf = async <T>(f: () => Promise<T>) => {
  const runs: Array<number> = []
  let last: T | undefined
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(f)
    runs.push(r.ms)
    last = r.value
  }
  return { ms: median(runs), value: last as T }
}
const cursorOf = (at: string, id: string) =>
  Buffer.from(JSON.stringify([at, id]), "utf8").toString("base64url")

const h = await makeHarness()
const backend = process.env.TEST_DATABASE_URL === undefined ? "PGlite (in-process)" : "PostgreSQL"
console.log(
  `overdue bench on ${backend}: reports.overdue (50 a page) at ${SIZES.join(", ")} serving placements`,
)
h.setToday(TODAY)
const jc = await h.actorHeaders({ role: "org_dept_admin", regionId: "140500" })
const c = () => h.caller(jc)

const first = await c().reports.overdue({ limit: 1 })
const templateId = first.items[0]?.placementId
if (templateId === undefined) throw new Error("no overdue report in Jincheng on the bench's day")
const dues = (await c().reports.obligations({ placementId: templateId }))
  .filter((o) => o.status === "overdue")
  .map((o) => o.due ?? "")
  .sort()
const lastDue = dues.at(-1) ?? TODAY
console.log(`template placement ${templateId}: ${dues.length} overdue obligations, the latest due ${lastDue}`)

const catchUp = (): Promise<number> | undefined => {
  const s = h.deps.runtime.runSync(ReportService) as unknown as Record<string, unknown>
  if (typeof s.materialiseObligations !== "function") return undefined // before issue 19's fix
  return h.deps.runtime.runPromise(Effect.flatMap(ReportService, (r) => r.materialiseObligations()))
}

let have = 0
/** Clone the template to `n` placements: people, posts and placements copied in three statements. */
const growTo = async (n: number) => {
  const from = have
  const range = sql`generate_series(${from}::int, ${n - 1}::int) as i`
  await h.handle.db.execute(sql`
    insert into people (id, region_id, id_number, phone, name, profile, created_at, updated_at)
    select 'bench-ov-p' || i, p.region_id, 'BENCHOV' || lpad(i::text, 11, '0'), null, '逾期基准' || i, p.profile, now(), now()
    from placements pl join people p on p.id = pl.person_id, ${range} where pl.id = ${templateId}`)
  await h.handle.db.execute(sql`
    insert into posts (id, region_id, unit_id, title, status, version, created_at, updated_at)
    select 'bench-ov-s' || i, s.region_id, s.unit_id, s.title || i, 'filled', 1, now(), now()
    from placements pl join posts s on s.id = pl.post_id, ${range} where pl.id = ${templateId}`)
  await h.handle.db.execute(sql`
    insert into placements (id, person_id, post_id, region_id, scheme_id, scheme_version, application_id,
      dispatching_unit_id, quota_group, state, placed_on, started_on, term_end, ended_on, outcome, body, version,
      created_at, updated_at)
    select 'bench-ov-' || i, 'bench-ov-p' || i, 'bench-ov-s' || i, pl.region_id, pl.scheme_id, pl.scheme_version, null,
      pl.dispatching_unit_id, pl.quota_group, pl.state, pl.placed_on, pl.started_on, pl.term_end, pl.ended_on,
      pl.outcome,
      jsonb_set(jsonb_set(jsonb_set(pl.body, '{id}', to_jsonb('bench-ov-' || i)), '{personId}',
        to_jsonb('bench-ov-p' || i)), '{postId}', to_jsonb('bench-ov-s' || i)),
      1, now(), now()
    from placements pl, ${range} where pl.id = ${templateId}`)
  have = n
  await h.handle.db.execute(sql`analyze`)
}

const rows: Array<string> = []
for (const size of SIZES) {
  const t0 = performance.now()
  await growTo(size)
  const grown = performance.now() - t0
  const c0 = performance.now()
  const caught = await catchUp()
  const caughtMs = performance.now() - c0
  await h.handle.db.execute(sql`analyze`) // the catch-up's rows: PGlite has no autovacuum to take their statistics
  const firstPage = await medianOf(() => c().reports.overdue({ limit: 50 }))
  const late = await medianOf(() =>
    c().reports.overdue({ limit: 50, cursor: cursorOf(lastDue, "bench-ov-9") }),
  )
  const total = `${firstPage.value.total}${"totalExact" in firstPage.value && firstPage.value.totalExact === false ? "+" : ""}`
  const line = `${size.toLocaleString("en")} placements: first page ${firstPage.ms.toFixed(1)} ms (${firstPage.value.items.length} rows, total ${total}), late page ${late.ms.toFixed(1)} ms (${late.value.items.length} rows); cloned in ${(grown / 1000).toFixed(1)} s${caught === undefined ? "" : `, catch-up of ${caught.toLocaleString("en")} placements ${(caughtMs / 1000).toFixed(1)} s`}`
  console.log(line)
  rows.push(line)
}
console.log(`\n${backend}, median of ${RUNS}:\n${rows.join("\n")}`)
await h.close()
