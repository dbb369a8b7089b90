import { Either, Option, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { compile } from "../../eligibility/Evaluate.js"
import { Waiver } from "../../eligibility/Finding.js"
import { makeProfile } from "../../eligibility/fixtures.js"
import { make as date } from "../../shared/LocalDate.js"
import { diff } from "../Diff.js"
import { decodePreset, loadPreset } from "../Preset.js"
import { Scheme } from "../Scheme.js"
import { PRESETS } from "./index.js"
import { yangpuCommunitySecretary } from "./yangpu-community-secretary.js"

const scheme = loadPreset(yangpuCommunitySecretary)
const screen = compile(scheme)
/** 000 二（一）: recommendations are due by 18 December; the tests measure on that date. */
const deadline = { referenceDate: date("2020-12-18") }
const reviewed = [
  "party_spirit_conduct_dedication",
  "mass_work_ability",
  "community_temperament",
  "organising_ability",
].map((item) => ({ item, result: true, by: "reviewer" as const, reviewer: "组织科", date: "2020-12-16" }))
/** Section-level civil servant, 38 on the deadline, full member for exactly 3 years, junior college. */
const candidate = (overrides: Parameters<typeof makeProfile>[0] = {}) =>
  makeProfile({
    birthDate: "1982-12-18",
    party: { _tag: "Full", joined: "2016-12-18", fullMemberSince: "2017-12-18" },
    education: [{ level: "junior_college", fullTime: false }],
    employment: "civil_servant",
    rank: { level: "section", track: "non_leading" },
    attestations: reviewed,
    ...overrides,
  })
const finding = (v: ReturnType<typeof screen>, id: string) => v.findings.find((f) => f.ruleId === id)

describe("Yangpu preset (seed 000)", () => {
  it("000 一（一）1/2/5: section-level civil servant, 38, three years' full membership, junior college → eligible at the 2020-12-18 deadline", () => {
    const v = screen(candidate(), deadline)
    expect(v.outcome).toBe("eligible")
    expect(finding(v, "age")).toMatchObject({ status: "pass", actual: 38 })
    expect(finding(v, "party_standing")).toMatchObject({ status: "pass", actual: 3 })
  })
  it("000 一（一）5: the same candidate at 39 is ineligible on the age clause only", () => {
    const v = screen(candidate({ birthDate: "1981-12-18" }), deadline)
    expect(v.outcome).toBe("ineligible")
    const failed = v.findings.filter((f) => f.status === "fail")
    expect(failed.map((f) => [f.ruleId, f.citation.clause])).toEqual([["age", "一（一）5"]])
    expect(failed[0]?.actual).toBe(39)
  })
  it("000 一（一）5 特别优秀的，可适当放宽限制: at 39 with an approved age waiver → not ineligible, age finding waived", () => {
    const w = Schema.decodeUnknownSync(Waiver)({
      ruleId: "age",
      reason: "疫情防控中表现特别优秀",
      approver: "区委组织部部务会",
      approvedOn: "2020-12-28",
    })
    const v = screen(candidate({ birthDate: "1981-12-18" }), { ...deadline, waivers: [w] })
    expect(v.outcome).not.toBe("ineligible")
    expect(finding(v, "age")).toMatchObject({ status: "waived", actual: 39, waiver: w })
  })
  it("000 一（一）2 科级及以下: a division-level cadre is ineligible on the rank clause", () => {
    const v = screen(candidate({ rank: { level: "division", track: "leading" } }), deadline)
    expect(v.outcome).toBe("ineligible")
    expect(finding(v, "rank")).toMatchObject({
      status: "fail",
      citation: { document: "000", clause: "一（一）2" },
    })
  })
  it("000 一（一）1 党龄满三年: a member who became full one day too late is ineligible", () => {
    const v = screen(
      candidate({ party: { _tag: "Full", joined: "2016-12-19", fullMemberSince: "2017-12-19" } }),
      deadline,
    )
    expect(finding(v, "party_standing")?.status).toBe("fail")
  })
  it("000 一（一）3/4: without a reviewer's attestations the candidate needs review, not a pass", () => {
    expect(screen(candidate({ attestations: [] }), deadline).outcome).toBe("needs_review")
  })
  it("000 一（一）2: the age clause is the only waivable rule; education and rank are hard limits", () => {
    expect(scheme.eligibility.rules.filter((r) => r.waivable).map((r) => r.id)).toEqual(["age"])
  })
  it("000 一: the term is five years in principle; 三（一）: probation as deputy secretary", () => {
    expect(scheme.term.length).toMatchObject({
      _tag: "Cited",
      value: { amount: 5, unit: "year" },
      qualifier: "in_principle",
      citation: { document: "000", clause: "一" },
    })
    expect(scheme.term.probation._tag === "Cited" && scheme.term.probation.value.asRole.zh).toBe(
      "居民区党组织副书记",
    )
  })
  it("000 二（一）: recommendations are due by 12月18日; 二（二）: interviews in late December, report mid-January next year", () => {
    const byId = new Map(scheme.stages.map((s) => [s.id, s.deadline]))
    expect(byId.get("recommend")).toMatchObject({
      _tag: "Cited",
      value: { _tag: "ByDate", month: 12, day: 18, yearOffset: 0 },
    })
    expect(byId.get("interview")).toMatchObject({ value: { _tag: "InPeriod", month: 12, part: "late" } })
    expect(byId.get("report_to_street")).toMatchObject({
      value: { _tag: "InPeriod", month: 1, part: "mid", yearOffset: 1 },
    })
  })
  it("000 三（二）: the street reports every half year; where 000 is silent the value is explicitly unspecified", () => {
    expect(scheme.reports.find((r) => r.id === "street_half_year")?.cadence).toMatchObject({
      value: { _tag: "Every", interval: { amount: 6, unit: "month" } },
    })
    expect(scheme.leave._tag).toBe("Unspecified")
    expect(scheme.assessment.quotas._tag).toBe("Unspecified")
    expect(scheme.eligibility.referenceDate._tag).toBe("Unspecified")
  })
})

describe("presets", () => {
  it("every preset decodes and round-trips through JSON unchanged", () => {
    for (const p of PRESETS) {
      const decoded = decodePreset(p)
      expect(Either.isRight(decoded)).toBe(true)
      const s = Either.getOrThrow(decoded)
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(Scheme)(s)))
      expect(Schema.decodeUnknownSync(Scheme)(json)).toEqual(s)
      expect(json).toEqual(p.encoded)
    }
  })
  it("every preset cites its own seed in every rule and preference", () => {
    for (const p of PRESETS) {
      const s = loadPreset(p)
      for (const r of [...s.eligibility.rules, ...s.eligibility.exclusions, ...s.eligibility.preferences])
        expect(r.citation.document).toBe(p.seed)
    }
  })
  it("preset keys are unique", () => {
    expect(new Set(PRESETS.map((p) => p.key)).size).toBe(PRESETS.length)
  })
  it("000: diff of the preset with itself is empty", () => {
    expect(diff(scheme, scheme)).toEqual([])
  })
  it("000: a valid second version can be decoded (same scheme, later date)", () => {
    const v2 = Schema.decodeUnknownOption(Scheme)({
      ...yangpuCommunitySecretary.encoded,
      version: 2,
      effectiveFrom: "2021-12-01",
    })
    expect(Option.isSome(v2)).toBe(true)
  })
})
