// Timing helpers of the screening benchmark (screening.bench.ts): verdict counts, rates and interleaved timing.
import type { Finding } from "../src/eligibility/Finding.js"
import type { Profile } from "../src/person/Profile.js"
import type { Outcome } from "./screening-findings.js"

// ------------------------------------------------------------------------------------------------ timing helpers

export type Counts = Record<Outcome, number>
export const zero = (): Counts => ({ eligible: 0, ineligible: 0, needs_review: 0 })
export const fmt = (n: number) => Math.round(n).toLocaleString("en")

export interface Timing {
  readonly name: string
  readonly candidates: number
  readonly rounds: number
  readonly ms: number
  readonly counts: Counts
  readonly note: string
}
export const rate = (t: Timing) => (t.candidates * t.rounds) / (t.ms / 1000)

export type Screener = (p: Profile) => {
  readonly outcome: Outcome
  readonly findings: ReadonlyArray<Finding>
}

/**
 * Time synchronous screeners over `pool`: `warm` untimed passes each, then `rounds` timed passes interleaved
 * (A, B, A, B…) so that neither gets a cleaner heap or a warmer cache than the other. Counts: the last pass.
 */
export const timeInterleaved = (
  pool: ReadonlyArray<Profile>,
  screeners: ReadonlyArray<readonly [string, Screener]>,
  warm: number,
  rounds: number,
): Array<Timing> => {
  let sink = 0
  const pass = (screen: Screener): Counts => {
    const c = zero()
    for (const p of pool) {
      const v = screen(p)
      c[v.outcome]++
      sink += v.findings.length
    }
    return c
  }
  for (let i = 0; i < warm; i++) for (const [, s] of screeners) pass(s)
  const ms = screeners.map(() => 0)
  const counts = screeners.map(zero)
  for (let r = 0; r < rounds; r++)
    screeners.forEach(([, s], i) => {
      const t0 = performance.now()
      counts[i] = pass(s)
      ms[i] = (ms[i] ?? 0) + performance.now() - t0
    })
  if (sink === 0) console.log("(no findings produced)")
  return screeners.map(([name], i) => ({
    name,
    candidates: pool.length,
    rounds,
    ms: ms[i] ?? 0,
    counts: counts[i] ?? zero(),
    note: "",
  }))
}
