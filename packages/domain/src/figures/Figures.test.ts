import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { make } from "../shared/LocalDate.js"
import { type CohortRow, cohortProfile } from "./Cohort.js"
import { coverage, type PostingRow, type UnitRow } from "./Coverage.js"
import { termsEndingWithin } from "./Terms.js"

const d = make

describe("Figures: coverage (002 导语 全覆盖)", () => {
  const units: ReadonlyArray<UnitRow> = [
    { id: "v1", kind: "village" },
    { id: "v2", kind: "village" },
    { id: "v3", kind: "village" },
    { id: "c1", kind: "community" },
  ]
  const postings: ReadonlyArray<PostingRow> = [
    { unitId: "v1", personId: "p1", from: d("2024-01-15") },
    { unitId: "v2", personId: "p2", from: d("2022-01-15"), until: d("2024-01-14") },
    { unitId: "c1", personId: "p3", from: d("2024-01-15"), until: d("2026-01-14") },
    { unitId: "x9", personId: "p4", from: d("2024-01-15") },
  ]

  it("002 导语: counts villages and communities with and without a first secretary on a date", () => {
    const c = coverage(units, postings, d("2024-06-01"))
    expect(c.all).toMatchObject({ total: 4, uncovered: 2, covered: { count: 2, of: 4, percent: "50.0%" } })
    expect(c.byKind.village).toMatchObject({
      total: 3,
      uncovered: 2,
      covered: { count: 1, percent: "33.3%" },
    })
    expect(c.byKind.community).toMatchObject({ total: 1, uncovered: 0 })
    expect(c.uncovered.map((u) => u.id)).toEqual(["v2", "v3"])
    expect(c.covered.map((x) => [x.unit.id, x.personIds])).toEqual([
      ["c1", ["p3"]],
      ["v1", ["p1"]],
    ])
    expect(c.unknownUnitIds).toEqual(["x9"])
  })

  it("002 导语: a posting is in post on its first and last day, not the day before or after", () => {
    expect(coverage(units, postings, d("2024-01-14")).covered.map((x) => x.unit.id)).toEqual(["v2"])
    expect(coverage(units, postings, d("2024-01-15")).covered.map((x) => x.unit.id)).toEqual(["c1", "v1"])
    expect(coverage(units, postings, d("2026-01-14")).covered.map((x) => x.unit.id)).toEqual(["c1", "v1"])
    expect(coverage(units, postings, d("2026-01-15")).covered.map((x) => x.unit.id)).toEqual(["v1"])
  })

  it("an empty scope has no rate", () => {
    expect(coverage([], [], d("2024-01-01")).all.covered).toEqual({ count: 0, of: 0, percent: "—" })
  })
})

/** The 150 cadres 杭州 seconded in 2006, built to match every figure 004 gives. */
const hangzhou2006 = (): ReadonlyArray<CohortRow> =>
  Array.from({ length: 150 }, (_, i): CohortRow => {
    // Ages on 2006-12-31: one born 1983-06-01 (23); 45 born 1970-01-01 (36); 104 born in the 1960s, 88 aged 39 and
    // 16 aged 40, so that the 150 ages sum to 23 + 1620 + 4072 = 5715 = 38.1 × 150.
    const birthDate = i === 0 ? "1983-06-01" : i <= 45 ? "1970-01-01" : i <= 133 ? "1967-06-01" : "1966-06-01"
    return {
      personId: `hz${String(i).padStart(3, "0")}`,
      birthDate: d(birthDate),
      partyMember: i < 130,
      reserve: i < 14,
      ...(i < 96
        ? { rank: { level: i < 60 ? "deputy_division" : "division", track: "leading" } as const }
        : {}),
      education: i < 1 ? "doctorate" : i < 15 ? "master" : i < 118 ? "bachelor" : "senior_secondary",
    }
  })

describe("Figures: cohort profile (004 杭州)", () => {
  it("004 杭州: 150 cadres: 130 Party members, 14 reserves, 96 at deputy division or above, 118 university, 14 masters, 1 doctor", () => {
    const p = cohortProfile(hangzhou2006(), d("2006-12-31"))
    expect(p.count).toBe(150)
    expect(p.partyMembers).toMatchObject({ count: 130, percent: "86.7%" })
    expect(p.reserves.count).toBe(14)
    expect(p.deputyDivisionOrAbove.leading).toMatchObject({ count: 96, percent: "64.0%" })
    expect(p.byRank.deputy_division).toEqual({ leading: 60, nonLeading: 0 })
    expect(p.unranked).toBe(54)
    expect(p.education.bachelorOrAbove.count).toBe(118)
    expect(p.education.juniorCollegeOrAbove.count).toBe(118)
    expect([p.education.master, p.education.doctorate, p.education.postgraduate.count]).toEqual([14, 1, 15])
  })

  it("004 杭州: 46 born in the 1970s or later, the youngest born in 1983, average age 38.1", () => {
    const p = cohortProfile(hangzhou2006(), d("2006-12-31"))
    expect(p.birthDecades.map((x) => [x.decade, x.count, x.fromThisDecadeOn.count])).toEqual([
      [1960, 104, 150],
      [1970, 45, 46],
      [1980, 1, 1],
    ])
    expect(p.youngest).toEqual({ birthDate: "1983-06-01", birthYear: 1983, personIds: ["hz000"] })
    expect(p.averageAge).toEqual({ exact: { num: 381, den: 10 }, display: "38.1" })
  })

  it("004 杭州: of 123 seconded in 2004, 34 promoted and 22 moved to key posts: together 45.5% (56/123 rounded half up)", () => {
    const rows: ReadonlyArray<CohortRow> = Array.from({ length: 123 }, (_, i) => ({
      personId: `p${i}`,
      birthDate: d("1970-01-01"),
      partyMember: true,
      reserve: false,
      ...(i < 34
        ? { outcome: "promoted" as const }
        : i < 56
          ? { outcome: "moved_to_key_post" as const }
          : {}),
    }))
    const p = cohortProfile(rows, d("2007-01-01"))
    expect(p.outcomes.promoted).toMatchObject({ count: 34, percent: "27.6%" })
    expect(p.outcomes.movedToKeyPost).toMatchObject({ count: 22, percent: "17.9%" })
    expect(p.outcomes.either).toMatchObject({
      count: 56,
      of: 123,
      rate: { num: 56, den: 123 },
      percent: "45.5%",
    })
  })

  it("average age uses 周岁 on the date: the day before a birthday counts the lower age", () => {
    const row = (b: string): CohortRow => ({
      personId: b,
      birthDate: d(b),
      partyMember: false,
      reserve: false,
    })
    expect(cohortProfile([row("1990-07-01")], d("2020-06-30")).averageAge?.display).toBe("29.0")
    expect(cohortProfile([row("1990-07-01")], d("2020-07-01")).averageAge?.display).toBe("30.0")
    expect(cohortProfile([row("1990-07-01"), row("1990-07-02")], d("2020-07-01")).averageAge?.display).toBe(
      "29.5",
    )
    expect(cohortProfile([], d("2020-07-01")).averageAge).toBeUndefined()
  })

  it("property: every share's count never exceeds the cohort, and the decades add up to it", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            y: fc.integer({ min: 1950, max: 2000 }),
            party: fc.boolean(),
            outcome: fc.constantFrom(undefined, "promoted" as const, "moved_to_key_post" as const),
          }),
          { maxLength: 80 },
        ),
        (xs) => {
          const rows: ReadonlyArray<CohortRow> = xs.map((x, i) => ({
            personId: String(i),
            birthDate: d(`${x.y}-05-05`),
            partyMember: x.party,
            reserve: false,
            ...(x.outcome !== undefined ? { outcome: x.outcome } : {}),
          }))
          const p = cohortProfile(rows, d("2024-01-01"))
          expect(p.birthDecades.reduce((s, x) => s + x.count, 0)).toBe(rows.length)
          expect(p.outcomes.either.count).toBe(p.outcomes.promoted.count + p.outcomes.movedToKeyPost.count)
          expect(p.outcomes.either.count).toBeLessThanOrEqual(rows.length)
        },
      ),
    )
  })
})

describe("Figures: terms ending within N days", () => {
  const rows = [
    { placementId: "a", personId: "p1", endsOn: d("2024-03-31") },
    { placementId: "b", personId: "p2", endsOn: d("2024-04-01") },
    { placementId: "c", personId: "p3", endsOn: d("2024-06-29") },
    { placementId: "d", personId: "p4", endsOn: d("2024-06-30") },
    { placementId: "e", personId: "p5", endsOn: d("2024-04-01") },
  ]

  it("issue 5: terms ending in the next 90 days: today (0 days left) and day 90 are in, yesterday and day 91 are out", () => {
    // 2024-04-01 + 90 days = 2024-06-30.
    expect(termsEndingWithin(rows, d("2024-04-01"), 90).map((r) => [r.placementId, r.daysLeft])).toEqual([
      ["b", 0],
      ["e", 0],
      ["c", 89],
      ["d", 90],
    ])
    expect(termsEndingWithin(rows, d("2024-04-02"), 89).map((r) => r.placementId)).toEqual(["c", "d"])
    expect(termsEndingWithin(rows, d("2024-04-01"), 88).map((r) => r.placementId)).toEqual(["b", "e"])
    expect(() => termsEndingWithin(rows, d("2024-04-01"), -1)).toThrow(RangeError)
  })
})
