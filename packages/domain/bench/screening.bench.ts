// Screening throughput: the kernel (Yangpu preset, compiled once) against the same rules written for
// json-rules-engine and as a hand-written if-chain. Every implementation produces one finding object per rule
// per candidate, with the rule's citation and a message, so the comparison is like for like.
// Run: pnpm bench (in packages/domain), or `pnpm bench` at the root through turbo.
// Fixtures and helpers are in the sibling screening-*.ts files (profiles, finding parts, baselines, timing).
import { compile } from "../src/eligibility/Evaluate.js"
import type { Profile } from "../src/person/Profile.js"
import { make } from "../src/shared/LocalDate.js"
import { buildEngine, ifChain, jreScreen } from "./screening-baselines.js"
import { generate, RULES, scheme } from "./screening-fixtures.js"
import { type Counts, fmt, rate, type Timing, timeInterleaved, zero } from "./screening-timing.js"

const POOL = Number(process.env.BENCH_POOL ?? 100_000)
const SEED = 0x5eed_2020
const REF = make("2020-12-18") // 000 二（一）: the recommendation deadline
/** json-rules-engine runs on this subset when the whole pool would take longer than JRE_BUDGET_MS. */
const JRE_SUBSET = 5_000
const JRE_BUDGET_MS = 60_000
const TARGET_RATE = 1_000_000
const TARGET_VS_JRE = 30
const TARGET_VS_IF = 3

// ------------------------------------------------------------------------------------------------ main

const main = async (): Promise<void> => {
  console.log(
    `Screening benchmark — preset ${scheme.id} v${scheme.version} (seed 000), ${RULES.length} rules, reference date ${REF}`,
  )
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`)

  const g0 = performance.now()
  const pool = generate(POOL, SEED)
  console.log(
    `profiles: ${fmt(pool.length)} generated (PRNG seed 0x${SEED.toString(16)}) and decoded through the Profile Schema in ${fmt(performance.now() - g0)} ms`,
  )

  const screen = compile(scheme) // compiled once
  const kernel = (p: Profile) => screen(p, { referenceDate: REF })
  const chain = (p: Profile) => ifChain(p, REF)
  const engine = buildEngine()

  // Timing first, on a quiet heap; the checks and json-rules-engine follow.
  const [k, c] = timeInterleaved(
    pool,
    [
      ["kernel (compile once)", kernel],
      ["if-chain (hand-written)", chain],
    ],
    3,
    5,
  )
  if (k === undefined || c === undefined) throw new Error("no timings")

  // Agreement: the same status for every rule of every candidate, kernel vs if-chain on the whole pool.
  const mismatches: Array<string> = []
  const kernelStatus: Array<string> = []
  for (let i = 0; i < pool.length; i++) {
    const p = pool[i] as Profile
    const a = kernel(p)
    const b = chain(p)
    const sa = a.findings.map((f) => `${f.ruleId}=${f.status}`).join(" ")
    const sb = b.findings.map((f) => `${f.ruleId}=${f.status}`).join(" ")
    kernelStatus.push(sa)
    if (sa !== sb || a.outcome !== b.outcome)
      mismatches.push(`${p.id}: kernel ${a.outcome} [${sa}] vs if-chain ${b.outcome} [${sb}]`)
  }

  // json-rules-engine: estimate on a probe, then run the whole pool or the subset.
  for (let i = 0; i < 200; i++) await jreScreen(engine, pool[i] as Profile, REF)
  const probe = Math.min(1_000, pool.length)
  const p0 = performance.now()
  for (let i = 0; i < probe; i++) await jreScreen(engine, pool[i] as Profile, REF)
  const projected = ((performance.now() - p0) / probe) * pool.length
  const jrePool = projected > JRE_BUDGET_MS ? pool.slice(0, JRE_SUBSET) : pool
  const jreCounts = zero()
  const j0 = performance.now()
  const jreStatus: Array<string> = []
  for (const p of jrePool) {
    const v = await jreScreen(engine, p, REF)
    jreCounts[v.outcome]++
    jreStatus.push(v.findings.map((f) => `${f.ruleId}=${f.status}`).join(" "))
  }
  const jreMs = performance.now() - j0
  jreStatus.forEach((s, i) => {
    if (s !== kernelStatus[i])
      mismatches.push(
        `${(jrePool[i] as Profile).id}: kernel [${kernelStatus[i]}] vs json-rules-engine [${s}]`,
      )
  })
  const jre: Timing = {
    name: "json-rules-engine 7.3.1",
    candidates: jrePool.length,
    rounds: 1,
    ms: jreMs,
    counts: jreCounts,
    note:
      jrePool === pool
        ? ""
        : `timed on a ${fmt(JRE_SUBSET)}-profile subset: the full ${fmt(pool.length)} was projected at ${fmt(projected / 1000)} s`,
  }

  // Verdict counts must agree: kernel and if-chain on the whole pool, json-rules-engine on what it ran.
  const kernelOnJre = zero()
  for (const p of jrePool) kernelOnJre[kernel(p).outcome]++
  const sameCounts = (a: Counts, b: Counts) =>
    a.eligible === b.eligible && a.ineligible === b.ineligible && a.needs_review === b.needs_review

  const rows = [k, c, jre]
  const pad = (s: string, n: number) => s.padEnd(n)
  const lpad = (s: string, n: number) => s.padStart(n)
  console.log("")
  console.log(
    `${pad("implementation", 26)}${lpad("candidates", 14)}${lpad("time ms", 10)}${lpad("candidates/s", 14)}${lpad("eligible", 10)}${lpad("ineligible", 12)}${lpad("needs_review", 14)}`,
  )
  for (const t of rows) {
    console.log(
      `${pad(t.name, 26)}${lpad(`${fmt(t.candidates)}×${t.rounds}`, 14)}${lpad(fmt(t.ms), 10)}${lpad(fmt(rate(t)), 14)}${lpad(fmt(t.counts.eligible), 10)}${lpad(fmt(t.counts.ineligible), 12)}${lpad(fmt(t.counts.needs_review), 14)}`,
    )
  }
  if (jre.note !== "") console.log(`  note: json-rules-engine ${jre.note}; its counts are for that subset`)
  if (jrePool !== pool)
    console.log(
      `  kernel on the same subset: eligible ${fmt(kernelOnJre.eligible)}, ineligible ${fmt(kernelOnJre.ineligible)}, needs_review ${fmt(kernelOnJre.needs_review)}`,
    )

  const kr = rate(k)
  const vsJre = kr / rate(jre)
  const vsIf = rate(c) / kr
  const mark = (ok: boolean) => (ok ? "met" : "MISSED")
  console.log("")
  console.log("targets")
  console.log(
    `  kernel throughput            ≥ ${fmt(TARGET_RATE)}/s   ${lpad(`${fmt(kr)}/s`, 14)}   ${mark(kr >= TARGET_RATE)}`,
  )
  console.log(
    `  kernel ÷ json-rules-engine   ≥ ${TARGET_VS_JRE}×           ${lpad(`${vsJre.toFixed(1)}×`, 14)}   ${mark(vsJre >= TARGET_VS_JRE)}`,
  )
  console.log(
    `  if-chain ÷ kernel            ≤ ${TARGET_VS_IF}× (within 3×) ${lpad(`${vsIf.toFixed(2)}×`, 14)}   ${mark(vsIf <= TARGET_VS_IF)}`,
  )

  const countsAgree = sameCounts(k.counts, c.counts) && sameCounts(kernelOnJre, jreCounts)
  if (mismatches.length > 0 || !countsAgree) {
    console.error("")
    console.error(
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    )
    console.error("!!! MISMATCH: the three implementations do not agree on the verdicts.")
    if (!countsAgree) console.error("!!! verdict counts differ (see the table)")
    for (const m of mismatches.slice(0, 10)) console.error(`!!! ${m}`)
    if (mismatches.length > 10) console.error(`!!! … and ${fmt(mismatches.length - 10)} more`)
    console.error(
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    )
    process.exit(1)
  }
  console.log("")
  console.log(
    `agreement: every finding status of every candidate is the same in all three (kernel = if-chain on ${fmt(pool.length)}, kernel = json-rules-engine on ${fmt(jrePool.length)})`,
  )
}

await main()
