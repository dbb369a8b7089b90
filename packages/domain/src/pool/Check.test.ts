import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { guizhouStreetReservePool } from "../scheme/presets/index.js"
import { type LocalDate, make } from "../shared/LocalDate.js"
import { checkPool, failuresOf, gate, type PoolEntry } from "./Check.js"
import { poolRulesOf } from "./Rules.js"

/** Issue 13 item 4.2: a pool change passes only with its composition met, or set aside by a recorded waiver. */

const ON = make("2019-07-12")
const RULES = (() => {
  const r = poolRulesOf(loadPreset(guizhouStreetReservePool))
  if (r === undefined) throw new Error("001 has a pool")
  return r
})()
const A = { id: "c-a", name: "甲社区" }
const B = { id: "c-b", name: "乙社区" }
const born = (age: number): LocalDate => make(`${2019 - age}-07-12`)
const entry = (personId: string, roleKey: string, age: number, community = A): PoolEntry => ({
  personId,
  roleKey,
  birthDate: born(age),
  community,
})
const waiver = (ruleId: string, subject?: string) => ({
  ruleId,
  reason: "该同志群众基础好，经研究破格纳入",
  approver: "区委组织部部务会",
  approvedOn: ON,
  ...(subject === undefined ? {} : { subject }),
})
const ok = [entry("p1", "principal", 34), entry("p2", "deputy", 33)]

describe("001 二 / 四（二）1: every community is checked, those with no reserve at all included", () => {
  it("a community with none fails 原则上不少于2名 with 0, it is not left out", () => {
    const r = checkPool(RULES, ok, ON, [A, B])
    const b = r.communities.find((c) => c.community.id === "c-b")
    expect(b?.outcome).toBe("fail")
    expect(b?.findings[0]?.message.zh).toContain("乙社区推荐0名")
    expect(r.outcome).toBe("fail")
    // An empty pool does not pass.
    expect(checkPool(RULES, [], ON, [A]).outcome).toBe("fail")
  })
  it("property: grouping is one pass and loses no one — every nominee is checked once, in their community", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(A, B),
            fc.constantFrom("principal", "deputy"),
            fc.integer({ min: 22, max: 50 }),
          ),
          {
            maxLength: 40,
          },
        ),
        (rows) => {
          const entries = rows.map(([c, role, age], i) => entry(`p${i}`, role, age, c))
          const r = checkPool(RULES, entries, ON, [A, B])
          expect(r.communities.map((c) => c.community.id).sort()).toEqual(["c-a", "c-b"])
          for (const c of r.communities)
            expect(c.nominees.map((n) => n.personId)).toEqual(
              entries.filter((e) => e.community.id === c.community.id).map((e) => e.personId),
            )
        },
      ),
    )
  })
})

describe("001 三（4）: a pool change is gated on its composition", () => {
  it("6 with 2 aged 35 or under is refused with the arithmetic and the clause, and no waiver sets it aside", () => {
    const six = [
      entry("p1", "principal", 30),
      entry("p2", "deputy", 35),
      entry("p3", "principal", 38),
      entry("p4", "deputy", 39),
      entry("p5", "principal", 44, B),
      entry("p6", "deputy", 37, B),
    ]
    const r = gate(failuresOf(checkPool(RULES, six, ON, [A, B])), [waiver("pool.young_share")])
    if (Either.isRight(r)) throw new Error("expected a refusal")
    expect(r.left.text.zh).toContain("6人中35岁以下2人，需至少3人（6×40%=2.4，向上取整）")
    expect(r.left.text.zh).toContain("（001 三（4））")
    expect(r.left.text.zh).toContain("此条不得放宽")
    expect(r.left.text.en).toContain("cannot be waived")
  })
  it("三（4） 副职一般不超过40周岁: a deputy aged 42 is refused without a waiver, passes with one, recorded", () => {
    const pool = [entry("p1", "principal", 34), entry("p42", "deputy", 42)]
    const failures = failuresOf(checkPool(RULES, pool, ON, [A]))
    const refused = gate(failures, [])
    if (Either.isRight(refused)) throw new Error("expected a refusal")
    expect(refused.left.failures.map((f) => [f.subject, f.waivable])).toEqual([["p42", true]])
    expect(refused.left.text.zh).toContain("须经批准放宽")
    const passed = gate(failures, [waiver(failures[0]?.ruleId ?? "", "p42")])
    if (Either.isLeft(passed)) throw new Error("expected the waiver to pass it")
    expect(passed.right.map((w) => [w.subject, w.waiver.approver, w.clause])).toEqual([
      ["p42", "区委组织部部务会", "001 三（4）"],
    ])
    // A waiver for someone else sets nothing aside.
    expect(Either.isLeft(gate(failures, [waiver(failures[0]?.ruleId ?? "", "p1")]))).toBe(true)
  })
  it("原则上不少于2名 may be waived for a community, with the record", () => {
    const failures = failuresOf(checkPool(RULES, [...ok, entry("p3", "principal", 30, B)], ON, [A, B]))
    expect(failures.map((f) => [f.ruleId, f.subject])).toEqual([
      ["pool.min_per_community", "c-b"],
      ["pool.roles", "c-b"],
    ])
    const r = gate(failures, [waiver("pool.min_per_community", "c-b"), waiver("pool.roles", "c-b")])
    expect(Either.isLeft(r) && r.left.failures.map((f) => f.ruleId)).toEqual(["pool.roles"])
  })
})
