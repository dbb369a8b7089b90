import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { evaluate, type Screenable } from "../eligibility/Evaluate.js"
import { makeProfile } from "../eligibility/fixtures.js"
import type { Finding } from "../eligibility/Finding.js"
import type { Rule } from "../eligibility/rules/index.js"
import type { Verdict } from "../eligibility/Verdict.js"
import type { PersonId } from "../person/Profile.js"
import { loadPreset } from "../scheme/Preset.js"
import { yangpuCommunitySecretary } from "../scheme/presets/index.js"
import { cite } from "../shared/Citation.js"
import { make } from "../shared/LocalDate.js"
import { compareVerdicts } from "./WhatIf.js"

const V1 = loadPreset(yangpuCommunitySecretary)
const REF = { referenceDate: make("2020-12-18") } // 000 二（一）: the recommendation deadline

/** A hypothetical draft (not policy): 000 一（一）5's age range narrowed to 25—35, optionally other rule edits. */
const draft = (edit: (rules: ReadonlyArray<Rule>) => ReadonlyArray<Rule> = (r) => r): Screenable => ({
  ...V1,
  version: 2,
  eligibility: {
    ...V1.eligibility,
    rules: edit(V1.eligibility.rules.map((r) => (r._tag === "AgeRange" ? { ...r, max: 35 } : r))),
  },
})

const person = (id: string, birthDate: string) => makeProfile({ id, birthDate })
const P38 = person("p-38", "1982-06-01") // 38 on 2020-12-18
const P30 = person("p-30", "1990-06-01") // 30
const verdicts = (scheme: Screenable, ps: ReadonlyArray<readonly [string, ReturnType<typeof person>]>) =>
  new Map(ps.map(([appId, p]) => [appId, evaluate(scheme, p, REF)]))

describe("compareVerdicts (000 一（一）5 under a draft age range)", () => {
  const before = verdicts(V1, [
    ["a-38", P38],
    ["a-30", P30],
  ])
  const after = verdicts(draft(), [
    ["a-38", P38],
    ["a-30", P30],
  ])
  const r = compareVerdicts(before, after)

  it("000 一（一）5: aged 38 passes 25—38 and fails 25—35 — the outcome moves to ineligible, with the rule and clause", () => {
    const c = r.changes.find((x) => x.applicationId === "a-38")
    expect(c).toMatchObject({ personId: "p-38", after: "ineligible", direction: "worse" })
    expect(c?.before).not.toBe("ineligible")
    expect(c?.findings).toHaveLength(1)
    const f = c?.findings[0]
    expect(f).toMatchObject({
      ruleId: "age",
      kind: "status",
      before: { status: "pass", actual: 38, citation: { document: "000", clause: "一（一）5" } },
      after: { status: "fail", actual: 38 },
    })
    expect(f?.text.zh.startsWith("“年龄一般为25—38周岁”（000 一（一）5）：符合 → 不符合。")).toBe(true)
    expect(f?.text.en.startsWith('"Generally aged 25 to 38" (000 一（一）5): pass → fail. Before: ')).toBe(
      true,
    )
    expect(c?.summary.en).toMatch(/→ ineligible \(1 rule\(s\) differ\)$/)
  })

  it("000 一（一）5: aged 30 passes both — same outcome, but the changed requirement is shown", () => {
    const c = r.changes.find((x) => x.applicationId === "a-30")
    expect(c).toMatchObject({ direction: "same", score: undefined })
    expect(c?.before).toBe(c?.after)
    expect(c?.findings.map((f) => [f.ruleId, f.kind])).toEqual([["age", "criterion"]])
    expect(c?.findings[0]?.text.zh).toBe(
      "“年龄一般为25—38周岁”（000 一（一）5）结论仍为符合，但要求由“25—38周岁”改为“25—35周岁”",
    )
  })

  it("counts outcome moves and leaves identical verdicts out", () => {
    expect(r.moves).toEqual([{ from: before.get("a-38")?.outcome, to: "ineligible", count: 1 }])
    expect(r.unchanged).toEqual([])
    const same = compareVerdicts(before, before)
    expect(same).toEqual({ changes: [], unchanged: ["a-38", "a-30"], moves: [] })
  })

  it("000 一（一）5: a rule removed or added in the draft is named with its clause", () => {
    const noEducation = draft((rules) => rules.filter((x) => x.id !== "education"))
    const c = compareVerdicts(verdicts(V1, [["a-30", P30]]), verdicts(noEducation, [["a-30", P30]]))
      .changes[0]
    const removed = c?.findings.find((f) => f.kind === "removed")
    expect(removed?.text.zh).toBe("删除条件“大学专科及以上学历”（000 一（一）5），原结论：符合")
    const back = compareVerdicts(verdicts(noEducation, [["a-30", P30]]), verdicts(V1, [["a-30", P30]]))
      .changes[0]
    expect(back?.findings.find((f) => f.kind === "added")?.text.en).toMatch(
      /^New rule "Junior college or higher" \(000 一（一）5\): pass\. /,
    )
  })

  it("an application screened on one side only is reported with no verdict on the other", () => {
    const w = compareVerdicts(new Map(), verdicts(V1, [["a-new", P30]]))
    expect(w.changes[0]).toMatchObject({ applicationId: "a-new", before: undefined, direction: "same" })
    expect(w.changes[0]?.summary.zh.startsWith("无结论 → ")).toBe(true)
  })
})

describe("compareVerdicts — properties", () => {
  const RULES = ["age", "education", "party", "rank"] as const
  const arbFinding = fc
    .record({
      ruleId: fc.constantFrom(...RULES),
      status: fc.constantFrom("pass", "fail", "waived", "needs_review" as const),
      actual: fc.integer({ min: 20, max: 50 }),
    })
    .map(
      ({ ruleId, status, actual }): Finding => ({
        ruleId,
        kind: "AgeRange",
        status,
        label: { zh: ruleId, en: ruleId },
        actual,
        expected: { zh: "x", en: "x" },
        citation: cite("000", "一（一）5"),
        waivable: false,
        message: { zh: `${status}`, en: `${status}` },
      }),
    )
  const arbVerdict = fc
    .record({
      outcome: fc.constantFrom("eligible", "ineligible", "needs_review" as const),
      findings: fc.uniqueArray(arbFinding, { selector: (f) => f.ruleId, maxLength: 4 }),
      score: fc.integer({ min: 0, max: 3 }),
    })
    .map(
      (v): Verdict => ({
        personId: "p" as PersonId,
        schemeId: "s",
        schemeVersion: 1,
        referenceDate: make("2020-12-18"),
        targetRole: null,
        preferences: [],
        refusedWaivers: [],
        ...v,
      }),
    )
  const arbMap = fc
    .dictionary(fc.constantFrom("a", "b", "c", "d"), arbVerdict)
    .map((o) => new Map(Object.entries(o)))

  it("property: comparing with itself changes nothing; swapping sides mirrors every change", () => {
    fc.assert(
      fc.property(arbMap, arbMap, (b, a) => {
        const self = compareVerdicts(b, b)
        if (self.changes.length !== 0 || self.unchanged.length !== b.size) return false
        const fwd = compareVerdicts(b, a)
        const rev = compareVerdicts(a, b)
        const flip = { worse: "better", better: "worse", same: "same" } as const
        const byId = new Map(rev.changes.map((c) => [c.applicationId, c]))
        return (
          fwd.changes.length === rev.changes.length &&
          fwd.changes.every((c) => {
            const m = byId.get(c.applicationId)
            return (
              m !== undefined &&
              m.direction === flip[c.direction] &&
              m.findings.length === c.findings.length &&
              c.findings.every((f) => m.findings.some((g) => g.ruleId === f.ruleId))
            )
          })
        )
      }),
    )
  })
})
