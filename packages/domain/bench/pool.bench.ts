// The reserve-pool check (issue 13 item 4.3): Pool.checkPool over N nominees spread over the communities of a
// street, timed at 10k, 30k and 100k. The grouping is one pass, so the time grows linearly (campaigns.poolCheck
// copied an array per nominee before: 30k took 6 s, 100k 75 s). Run: pnpm exec tsx bench/pool.bench.ts.
import { performance } from "node:perf_hooks"
import { checkPool, type PoolEntry } from "../src/pool/Check.js"
import { poolRulesOf } from "../src/pool/Rules.js"
import { loadPreset } from "../src/scheme/Preset.js"
import { guizhouStreetReservePool } from "../src/scheme/presets/index.js"
import { make } from "../src/shared/LocalDate.js"

const rules = poolRulesOf(loadPreset(guizhouStreetReservePool))
if (rules === undefined) throw new Error("001 has a pool")
const ON = make("2019-07-12")
const COMMUNITIES = Array.from({ length: 200 }, (_, i) => ({ id: `c-${i}`, name: `社区${i}` }))

const entries = (n: number): ReadonlyArray<PoolEntry> =>
  Array.from({ length: n }, (_, i) => ({
    personId: `p-${i}`,
    roleKey: i % 2 === 0 ? "principal" : "deputy",
    birthDate: make(`${1975 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`),
    community: COMMUNITIES[i % COMMUNITIES.length] ?? { id: "c-0", name: "社区0" },
  }))

const times: Array<[number, number]> = []
for (const n of [10_000, 30_000, 100_000]) {
  const input = entries(n)
  const t0 = performance.now()
  const report = checkPool(rules, input, ON, COMMUNITIES)
  const ms = performance.now() - t0
  times.push([n, ms])
  console.log(`checkPool: ${n} nominees, ${report.communities.length} communities in ${ms.toFixed(0)} ms`)
}
const [first, last] = [times[0], times[times.length - 1]]
if (first !== undefined && last !== undefined)
  console.log(
    `growth ${(last[1] / first[1]).toFixed(1)}× for ${last[0] / first[0]}× the nominees (linear: ≈10×)`,
  )
