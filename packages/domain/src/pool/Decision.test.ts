import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { guizhouStreetReservePool } from "../scheme/presets/index.js"
import { type LocalDate, make } from "../shared/LocalDate.js"
import { gateDecision, type PoolEntry, PoolWaiver } from "./Check.js"
import { poolRulesOf } from "./Rules.js"

/**
 * Issue 13 item 4: a pool campaign's decision is gated on the pool it changes — the nominee's community (count,
 * roles) counted over the nominees still in the running, the nominee's own age cap, the street's age structure —
 * and never on other communities.
 */

const ON = make("2026-07-12")
const RULES = (() => {
  const r = poolRulesOf(loadPreset(guizhouStreetReservePool))
  if (r === undefined) throw new Error("001 has a pool")
  return r
})()
const A = { id: "c-a", name: "甲社区" }
const B = { id: "c-b", name: "乙社区" }
const born = (age: number): LocalDate => make(`${2026 - age}-07-12`)
const entry = (personId: string, roleKey: string, age: number, community = A): PoolEntry => ({
  personId,
  roleKey,
  birthDate: born(age),
  community,
})
const waiver = (ruleId: string, subject?: string) => ({
  ruleId,
  reason: "经街道党工委研究同意",
  approver: "某街道党工委",
  approvedOn: ON,
  ...(subject === undefined ? {} : { subject }),
})

describe("Pool.gateDecision", () => {
  it("the first of two nominees of a community is not refused for being alone so far: the pending one counts", () => {
    const p1 = entry("p1", "principal", 34)
    const p2 = entry("p2", "deputy", 33)
    expect(Either.isRight(gateDecision(RULES, [p1, p2], p1, ON, []).gate)).toBe(true)
    // Without the second nominee the community lacks a deputy: 含正职、副职 has no 一般, so no waiver helps.
    const alone = gateDecision(RULES, [p1], p1, ON, [
      waiver("pool.roles", "c-a"),
      waiver("pool.min_per_community"),
    ])
    if (Either.isRight(alone.gate)) throw new Error("expected a refusal")
    const roles = alone.gate.left.failures.find((f) => f.ruleId === "pool.roles")
    expect(roles?.waivable).toBe(false)
    expect(roles?.message.zh).toBe("甲社区的推荐人选中没有社区副职后备干部（001 二）")
    expect(alone.gate.left.text.zh).toContain("此条不得放宽")
    // The count (原则上) was waived; the roles rule is what is left.
    expect(alone.gate.left.failures.map((f) => f.ruleId)).toEqual(["pool.roles"])
  })

  it("another community's shortfall does not block this decision", () => {
    const p1 = entry("p1", "principal", 34)
    const p2 = entry("p2", "deputy", 33)
    const lone = entry("p3", "principal", 30, B)
    const r = gateDecision(RULES, [p1, p2, lone], p1, ON, [])
    expect(Either.isRight(r.gate)).toBe(true)
    // The report still shows it (the pool check and the review do).
    expect(r.report.communities.find((c) => c.community.id === "c-b")?.outcome).toBe("fail")
  })

  it("the street's age structure is gated with its arithmetic, and cannot be waived (no 一般)", () => {
    const pool = [
      entry("p1", "principal", 44),
      entry("p2", "deputy", 39),
      entry("p3", "principal", 44, B),
      entry("p4", "deputy", 36, B),
      entry("p5", "principal", 30, { id: "c-c", name: "丙社区" }),
      entry("p6", "deputy", 30, { id: "c-c", name: "丙社区" }),
    ]
    const r = gateDecision(RULES, pool, pool[0] as PoolEntry, ON, [waiver("pool.young_share")])
    if (Either.isRight(r.gate)) throw new Error("expected a refusal")
    expect(r.gate.left.failures).toHaveLength(1)
    expect(r.gate.left.failures[0]?.message.zh).toBe(
      "全街道：6人中35岁以下2人，需至少3人（6×40%=2.4，向上取整），还差1人，不符合“35周岁以下的要达到40%以上”（001 三（4））",
    )
    expect(r.gate.left.failures[0]?.waivable).toBe(false)
  })

  it("the nominee's own age cap (一般) passes only with a waiver of that person; others' caps are theirs", () => {
    const old = entry("p1", "deputy", 42)
    const p2 = entry("p2", "principal", 30)
    const refused = gateDecision(RULES, [old, p2], old, ON, [])
    if (Either.isRight(refused.gate)) throw new Error("expected a refusal")
    expect(refused.gate.left.failures.map((f) => [f.ruleId, f.subject, f.waivable])).toEqual([
      ["age", "p1", true],
    ])
    // A waiver for someone else does not count; one for this person does, and is returned for the record.
    expect(Either.isLeft(gateDecision(RULES, [old, p2], old, ON, [waiver("age", "p2")]).gate)).toBe(true)
    const passed = gateDecision(RULES, [old, p2], old, ON, [waiver("age", "p1")]).gate
    if (Either.isLeft(passed)) throw new Error("expected a pass")
    expect(passed.right.map((w) => [w.ruleId, w.subject, w.clause, w.waiver.approver])).toEqual([
      ["age", "p1", "001 三（4）", "某街道党工委"],
    ])
    // Deciding p2 is not blocked by p1's cap: p1's own decision is gated on it.
    expect(Either.isRight(gateDecision(RULES, [old, p2], p2, ON, []).gate)).toBe(true)
  })

  it("a nominee missing from the pool read is counted in (the decision adds them)", () => {
    const p1 = entry("p1", "principal", 34)
    const p2 = entry("p2", "deputy", 33)
    expect(Either.isRight(gateDecision(RULES, [p2], p1, ON, []).gate)).toBe(true)
  })

  it("the PoolWaiver schema requires reason, approver and date", () => {
    const decode = Schema.decodeUnknownEither(PoolWaiver)
    expect(Either.isRight(decode(waiver("age", "p1")))).toBe(true)
    expect(Either.isLeft(decode({ ruleId: "age", reason: " ", approver: "x", approvedOn: ON }))).toBe(true)
    expect(Either.isLeft(decode({ ruleId: "age", reason: "r", approvedOn: ON }))).toBe(true)
  })
})
