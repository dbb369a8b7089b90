import fc from "fast-check"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { EDUCATION_LEVELS, EMPLOYMENT_CATEGORIES, RANK_LEVELS } from "../person/Profile.js"
import { loadPreset } from "../scheme/Preset.js"
import { yangpuCommunitySecretary } from "../scheme/presets/yangpu-community-secretary.js"
import { addDays, make as date } from "../shared/LocalDate.js"
import { compile, rankCandidates } from "./Evaluate.js"
import { Waiver } from "./Finding.js"
import { makeProfile } from "./fixtures.js"
import { Verdict } from "./Verdict.js"

const scheme = loadPreset(yangpuCommunitySecretary)
const screen = compile(scheme)
const referenceDate = date("2020-12-18")
const ALL_ATTESTED = [
  "party_spirit_conduct_dedication",
  "mass_work_ability",
  "community_temperament",
  "organising_ability",
]
const attested = (result = true) =>
  ALL_ATTESTED.map((item) => ({
    item,
    result,
    by: "reviewer" as const,
    reviewer: "审核人",
    date: "2020-12-15",
  }))
const waiver = (ruleId: string): Waiver =>
  Schema.decodeUnknownSync(Waiver)({
    ruleId,
    reason: "特别优秀",
    approver: "区委组织部部务会",
    approvedOn: "2020-12-20",
  })

/** Arbitrary profiles around the Yangpu boundaries. */
const profileArb = fc
  .record({
    age: fc.integer({ min: 20, max: 50 }),
    dayOffset: fc.integer({ min: 0, max: 364 }),
    party: fc.oneof(
      fc.constant({ _tag: "NotMember" as const }),
      fc.constant({ _tag: "Probationary" as const, joined: "2020-01-01" }),
      fc.integer({ min: 0, max: 3000 }).map((d) => ({
        _tag: "Full" as const,
        joined: "2000-01-01",
        fullMemberSince: addDays(date("2012-01-01"), d),
      })),
    ),
    education: fc.constantFrom(...EDUCATION_LEVELS),
    employment: fc.constantFrom(...EMPLOYMENT_CATEGORIES),
    rank: fc.option(fc.constantFrom(...RANK_LEVELS), { nil: undefined }),
    epidemic: fc.boolean(),
    attest: fc.constantFrom("yes", "no", "none"),
    id: fc.integer({ min: 1, max: 9999 }),
  })
  .map((r) =>
    makeProfile({
      id: `p-${r.id}`,
      birthDate: addDays(date(`${2020 - r.age}-01-01`), r.dayOffset),
      party: r.party,
      education: [{ level: r.education, fullTime: true }],
      employment: r.employment,
      ...(r.rank === undefined ? {} : { rank: { level: r.rank, track: "leading" as const } }),
      workHistory: r.epidemic
        ? [
            {
              from: "2020-02-01",
              organisation: "某居民区",
              position: "书记助理",
              grassroots: true,
              tags: ["epidemic_assistant"],
            },
          ]
        : [],
      attestations: r.attest === "none" ? [] : attested(r.attest === "yes"),
    }),
  )
const ruleIds = [...scheme.eligibility.rules.map((r) => r.id), "no_such_rule"]

describe("compile / evaluate", () => {
  it("000 一（一）: a verdict has one finding per rule, in the scheme's order, each citing its clause", () => {
    const v = screen(makeProfile({ attestations: attested() }), { referenceDate })
    expect(v.findings.map((f) => f.ruleId)).toEqual(scheme.eligibility.rules.map((r) => r.id))
    for (const f of v.findings) expect(f.citation.document).toBe("000")
    expect(v.outcome).toBe("eligible")
  })
  it("outcome: any fail → ineligible; else any needs_review → needs_review; else eligible", () => {
    expect(screen(makeProfile(), { referenceDate }).outcome).toBe("needs_review") // attestations missing
    expect(screen(makeProfile({ attestations: attested(false) }), { referenceDate }).outcome).toBe(
      "ineligible",
    )
    expect(screen(makeProfile({ attestations: attested() }), { referenceDate }).outcome).toBe("eligible")
  })
  it("a verdict is a valid Verdict and survives JSON unchanged", () => {
    const v = screen(makeProfile({ birthDate: "1981-12-18", attestations: attested() }), {
      referenceDate,
      waivers: [waiver("age"), waiver("education")],
    })
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Verdict)(v)))
    expect(Schema.decodeUnknownSync(Verdict)(json)).toEqual(v)
  })
})

describe("waivers", () => {
  const at39 = makeProfile({ birthDate: "1981-12-18", attestations: attested() })
  it("000 一（一）5: an age waiver turns the failed age finding into waived, keeping the age and the waiver", () => {
    const v = screen(at39, { referenceDate, waivers: [waiver("age")] })
    const age = v.findings.find((f) => f.ruleId === "age")
    expect(age).toMatchObject({ status: "waived", actual: 39, waiver: waiver("age") })
    expect(v.outcome).toBe("eligible")
    expect(v.refusedWaivers).toEqual([])
  })
  it("000 一（一）5: a waiver of the non-waivable education clause is refused and changes nothing", () => {
    const p = makeProfile({
      education: [{ level: "senior_secondary", fullTime: true }],
      attestations: attested(),
    })
    const v = screen(p, { referenceDate, waivers: [waiver("education")] })
    expect(v.findings.find((f) => f.ruleId === "education")?.status).toBe("fail")
    expect(v.outcome).toBe("ineligible")
    expect(v.refusedWaivers.map((r) => r.reason)).toEqual(["not_waivable"])
  })
  it("a waiver for an unknown rule or a rule that did not fail is reported unused", () => {
    const v = screen(makeProfile({ attestations: attested() }), {
      referenceDate,
      waivers: [waiver("no_such_rule"), waiver("age")],
    })
    expect(v.refusedWaivers.map((r) => r.reason)).toEqual(["unknown_rule", "not_failed"])
    expect(v.findings.find((f) => f.ruleId === "age")?.status).toBe("pass")
  })
  it("property: a waiver never turns any failure into a pass, and only touches the failed waivable rule it names", () => {
    fc.assert(
      fc.property(profileArb, fc.subarray(ruleIds), (p, ids) => {
        const base = screen(p, { referenceDate })
        const waived = screen(p, { referenceDate, waivers: ids.map(waiver) })
        base.findings.forEach((b, i) => {
          const w = waived.findings[i]
          expect(w?.actual).toEqual(b.actual)
          if (w?.status === "waived") {
            expect(b.status).toBe("fail")
            expect(b.waivable).toBe(true)
            expect(ids).toContain(b.ruleId)
            expect(w.waiver?.ruleId).toBe(b.ruleId)
          } else {
            expect(w?.status).toBe(b.status)
          }
          if (b.status === "fail") expect(w?.status).not.toBe("pass")
        })
        expect(waived.findings.some((f) => f.status === "waived" && f.waiver === undefined)).toBe(false)
        expect(
          waived.refusedWaivers.length + waived.findings.filter((f) => f.status === "waived").length,
        ).toBe(ids.length)
      }),
    )
  })
})

describe("preferences and ranking", () => {
  it("000 一（一）末段: an epidemic-prevention assistant matches the preference and scores higher", () => {
    const helper = makeProfile({
      id: "p-2",
      attestations: attested(),
      workHistory: [
        {
          from: "2020-02-01",
          organisation: "某居民区",
          position: "书记助理",
          grassroots: true,
          tags: ["epidemic_assistant"],
        },
      ],
    })
    const v = screen(helper, { referenceDate })
    expect(v.preferences.map((m) => m.preferenceId)).toEqual(["epidemic_assistant"])
    expect(v.score).toBe(1)
    const plain = screen(makeProfile({ id: "p-1", attestations: attested() }), { referenceDate })
    const ineligible = screen(makeProfile({ id: "p-0", employment: "soe", attestations: attested() }), {
      referenceDate,
    })
    expect(rankCandidates([plain, ineligible, v]).map((x) => x.personId)).toEqual(["p-2", "p-1"])
  })
  it("property: preferences never change the outcome or any finding", () => {
    const noPrefs = compile({ ...scheme, eligibility: { ...scheme.eligibility, preferences: [] } })
    fc.assert(
      fc.property(profileArb, (p) => {
        const a = screen(p, { referenceDate })
        const b = noPrefs(p, { referenceDate })
        expect(a.outcome).toBe(b.outcome)
        expect(a.findings).toEqual(b.findings)
      }),
    )
  })
  it("property: evaluation is deterministic (same input, same verdict; compiling again changes nothing)", () => {
    const again = compile(scheme)
    fc.assert(
      fc.property(profileArb, fc.subarray(ruleIds), (p, ids) => {
        const input = { referenceDate, targetRole: "secretary", waivers: ids.map(waiver) }
        expect(screen(p, input)).toEqual(screen(p, input))
        expect(again(p, input)).toEqual(screen(p, input))
      }),
    )
  })
  it("rankCandidates: ties are broken by person id; needs-review candidates follow only when asked", () => {
    const a = screen(makeProfile({ id: "p-b", attestations: attested() }), { referenceDate })
    const b = screen(makeProfile({ id: "p-a", attestations: attested() }), { referenceDate })
    const r = screen(makeProfile({ id: "p-0" }), { referenceDate })
    expect(rankCandidates([a, r, b]).map((x) => x.personId)).toEqual(["p-a", "p-b"])
    expect(rankCandidates([a, r, b], { includeNeedsReview: true }).map((x) => x.personId)).toEqual([
      "p-a",
      "p-b",
      "p-0",
    ])
  })
})
