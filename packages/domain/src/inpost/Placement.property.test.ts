import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ROLES, type Role } from "../access/Access.js"
import type { Actor, Scheme } from "../scheme/Scheme.js"
import { addDays, compare, type LocalDate, make } from "../shared/LocalDate.js"
import { assessment, ctxFor, decision, placed, roleFor, SCHEMES } from "./fixtures.js"
import { isClosed, type Placement, type PlacementMove, type PlacementState, transition } from "./Placement.js"

/**
 * Invariants of the placement machine under any sequence of moves (legal or not), for 000 (probation, 5 years),
 * 002 (no probation, 2 years, recall triggers) and 004 安丘 (1 year fixed).
 */

const SCHEME_LIST: ReadonlyArray<Scheme> = [SCHEMES.yangpu, SCHEMES.daan, SCHEMES.anqiu]
const BODIES: ReadonlyArray<Actor> = [
  "org_dept",
  "org_dept_meeting",
  "street",
  "dispatching_unit",
  "host_unit",
]
const TRIGGERS = ["illness_or_hardship", "other", "dissatisfaction", "incompetent", "nope"]

/** A move from a few numbers: mostly plausible, sometimes hostile. `date` is a day near "today". */
const buildMove = (tag: number, date: LocalDate, b: number): PlacementMove => {
  const by = BODIES[b % BODIES.length] ?? "org_dept"
  const trig = TRIGGERS[b % TRIGGERS.length] ?? "other"
  const conclusion = b % 2 === 0 ? "competent" : "not_competent"
  const a = { ...assessment("2021-01-01", conclusion, by), date }
  const dec = { ...decision("2021-01-01", by), date }
  switch (tag % 10) {
    case 0:
      return b % 3 === 0
        ? { _tag: "TakeUp", date, termEnd: addDays(date, 200 + b) }
        : { _tag: "TakeUp", date }
    case 1:
      return { _tag: "Confirm", electedOn: date, assessment: a }
    case 2:
      return { _tag: "ExtendProbation", until: addDays(date, 10 * b), assessment: a }
    case 3:
      return { _tag: "ReturnToUnit", date, assessment: a }
    case 4:
      return {
        _tag: "RecordRelation",
        relation: (["party", "administrative", "pay"] as const)[b % 3] ?? "party",
        date,
      }
    case 5:
      return { _tag: "EndTerm" }
    case 6:
      return { _tag: "StayOn", cadreWishes: true, decision: dec }
    case 7:
      return b % 4 === 0
        ? { _tag: "Recall", evidence: "证据", decision: dec }
        : { _tag: "Recall", triggerId: trig, evidence: "证据", decision: dec }
    case 8:
      return {
        _tag: "Adjust",
        triggerId: trig,
        outcome: b % 2 === 0 ? "adjust" : "return_to_unit",
        reason: "原因",
        decision: dec,
      }
    default:
      return { _tag: "Exit", date, reason: "期满" }
  }
}

/** Move kinds (buildMove's tags) that can be legal in each state, to steer most steps somewhere useful. */
const LIKELY: Readonly<Record<PlacementState, ReadonlyArray<number>>> = {
  placed: [0, 0, 4],
  on_probation: [1, 2, 3, 4, 7, 8],
  probation_extended: [1, 2, 3, 7, 8],
  in_term: [5, 5, 7, 8, 4],
  term_ended: [6, 9],
  returned_to_unit: [],
  adjusted: [],
  recalled: [],
  exited: [],
}

const step = fc.record({
  tag: fc.nat(9),
  /** Days the clock moves on before the move. */
  advance: fc.nat(400),
  /** How many days before "today" the move's own date is (sometimes after it: a future date). */
  back: fc.integer({ min: -2, max: 30 }),
  b: fc.nat(50),
  /** Mostly the role that speaks for the move's body; sometimes any role. */
  fitting: fc.nat(9),
  role: fc.constantFrom<Role>(...ROLES),
})

describe("placement: invariants under any sequence of moves (000, 002, 004 安丘)", () => {
  it("version fixed; closed never changes; history grows by one per legal move; terms consecutive", () => {
    fc.assert(
      fc.property(fc.nat(SCHEME_LIST.length - 1), fc.array(step, { maxLength: 40 }), (si, steps) => {
        const scheme = SCHEME_LIST[si] ?? SCHEMES.yangpu
        let p: Placement = placed(scheme, "2021-01-01")
        let today = make("2021-01-01")
        for (const s of steps) {
          today = addDays(today, s.advance)
          const likely = LIKELY[p.state]
          const tag = s.fitting < 6 && likely.length > 0 ? (likely[s.tag % likely.length] ?? s.tag) : s.tag
          const move = buildMove(tag, addDays(today, -s.back), s.b)
          const role = s.fitting < 7 ? roleFor(move) : s.role
          const r = transition(p, move, ctxFor(scheme, today, role))
          if (Either.isLeft(r)) {
            expect(r.left.state).toBe(p.state)
            expect(r.left.text.zh.length).toBeGreaterThan(0)
            expect(r.left.text.en.length).toBeGreaterThan(0)
            if (isClosed(p.state)) expect(r.left.reason).toBe("closed")
            continue
          }
          const next = r.right
          expect(isClosed(p.state)).toBe(false)
          expect(next.schemeId).toBe(scheme.id)
          expect(next.schemeVersion).toBe(scheme.version)
          expect(next.history.length).toBe(p.history.length + 1)
          expect(next.history.at(-1)?.from).toBe(p.state)
          expect(next.history.at(-1)?.to).toBe(next.state)
          // Ending is set exactly when the placement is closed.
          expect(next.ending !== undefined).toBe(isClosed(next.state))
          // Terms are numbered 1, 2…, each ends after it starts, and each starts where the previous ended.
          next.terms.forEach((t, i) => {
            expect(t.number).toBe(i + 1)
            expect(compare(t.end, t.start)).toBe(1)
            if (i > 0) expect(t.start).toBe(next.terms[i - 1]?.end)
          })
          // A scheme without probation never puts anyone on probation.
          if (scheme.term.probation._tag === "Unspecified")
            expect(["on_probation", "probation_extended"]).not.toContain(next.state)
          p = next
        }
      }),
      { numRuns: 400 },
    )
  })
})
