// Grading under a quota (002 三（二）: excellent ≤ 20% of all first secretaries), through the real router on a real
// database: a cohort of COHORT Da'an first secretaries graded all at once, every call in parallel, each year a
// different mix (the group is the scheme in its district: Assessment.quotaGroupKey). Prints throughput and latency, and how many excellent grades the quota let through (it must never
// pass the limit; the integration tests assert that, this prints it). PGlite by default; PostgreSQL when
// TEST_DATABASE_URL is set. Run: pnpm bench (here, or at the root through turbo).
import { performance } from "node:perf_hooks"
import { insertPerson, makeHarness } from "../src/test-support.js"

const COHORT = Number(process.env.BENCH_COHORT ?? 200)
const YEARS = Number(process.env.BENCH_YEARS ?? 3)
const VILLAGES = ["510304101201", "510304101202", "510304102201", "510304102202", "510304103201"]

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

const h = await makeHarness()
const backend = process.env.TEST_DATABASE_URL === undefined ? "PGlite (in-process)" : "PostgreSQL"
console.log(`grading bench on ${backend}: ${COHORT} first secretaries in one quota group, ${YEARS} years`)

const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
const street = await h.actorHeaders({ role: "street_admin", regionId: "510304" })
const start = "2040-01-10"
h.setToday(start)
const setupStarted = performance.now()
const placements: Array<string> = []
for (let i = 0; i < COHORT; i++) {
  const id = await insertPerson(h.handle, {
    id: `bench-p-${i}`,
    regionId: "510304",
    address: "510304",
    name: `测试${i}`,
    birthDate: "1988-04-12",
    sequence: (i * 2 + 1) % 1000,
    phone: `1990003${String(i).padStart(4, "0")}`,
    joined: "2010-07-01",
  })
  const post = await h.caller(org).posts.create({
    id: `bench-post-${i}`,
    regionId: VILLAGES[i % VILLAGES.length] ?? "510304101201",
    title: `第一书记岗位${i}`,
  })
  const placed = await h.caller(org).placements.create({
    personId: id,
    postId: post.id,
    schemeId: "daan-first-secretary",
    schemeVersion: 1,
    placedOn: start,
  })
  await h.caller(street).placements.act({
    id: placed.id,
    expectedVersion: placed.version,
    move: { _tag: "TakeUp", date: start, termEnd: "2070-01-10" },
  })
  placements.push(placed.id)
}
console.log(`setup: ${COHORT} placements in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`)

const limit = Math.floor(COHORT * 0.2)
for (let y = 0; y < YEARS; y++) {
  const year = 2040 + y
  h.setToday(`${year}-12-20`)
  // Year 0 asks excellent for everyone (the worst race), later years for one in two and one in three.
  const askExcellent = (i: number) => i % (y + 1) === 0
  const latencies: Array<number> = []
  const started = performance.now()
  const outcomes = await Promise.all(
    placements.map(async (placementId, i) => {
      const t0 = performance.now()
      try {
        await h.caller(org).assessments.grade({
          placementId,
          cycleId: "annual",
          period: String(year),
          by: "org_dept",
          grade: askExcellent(i) ? "excellent" : "competent",
        })
        return askExcellent(i) ? "excellent" : "competent"
      } catch {
        return "refused"
      } finally {
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const ms = performance.now() - started
  latencies.sort((a, b) => a - b)
  const excellent = outcomes.filter((o) => o === "excellent").length
  const refused = outcomes.filter((o) => o === "refused").length
  console.log(
    `${year}: ${COHORT} grades in ${ms.toFixed(0)} ms = ${(COHORT / (ms / 1000)).toFixed(0)} grades/s; ` +
      `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms; ` +
      `excellent ${excellent} (limit ${limit}: ${excellent <= limit ? "held" : "BROKEN"}), refused ${refused}`,
  )
}

const figuresStarted = performance.now()
await h.caller(org).figures.coverage({})
await h.caller(org).figures.cohort({ schemeId: "daan-first-secretary" })
console.log(
  `figures (coverage + cohort) over ${COHORT + 3} placements: ${(performance.now() - figuresStarted).toFixed(0)} ms`,
)
await h.close()
