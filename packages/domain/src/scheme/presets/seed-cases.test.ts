import { Either, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { evaluate } from "../../eligibility/Evaluate.js"
import type { Finding } from "../../eligibility/Finding.js"
import { checkCharacter } from "../../person/IdNumber.js"
import { Profile, type ProfileEncoded, RANK_LEVELS, type RankLevel } from "../../person/Profile.js"
import { addDays, addYears, fullYearsBetween, type LocalDate, make } from "../../shared/LocalDate.js"
import { loadPreset } from "../Preset.js"
import { explainRoute, leaveFilingFor, requestLeave } from "../../inpost/Leave.js"
import { mentorTeam } from "../../inpost/Mentoring.js"
import { generateObligations } from "../../inpost/Obligations.js"
import { checkBatchSize } from "../../selection/Batch.js"
import { quotaCount, Scheme } from "../Scheme.js"
import {
  anqiuDownSecondment,
  daanFirstSecretary,
  guizhouStreetReservePool,
  huaishangVillagePosting,
  jiangdongPetitionSecondment,
  jinchengSecondmentDown,
  jinchengSecondmentUp,
} from "./index.js"

// ------------------------------------------------------------------------------------------------ fixtures

/** A valid profile born on `birthDate` (male, ID number with a correct check character), overridable. */
const person = (birthDate: string, over: Partial<ProfileEncoded> = {}): Profile => {
  const first17 = `520102${birthDate.replaceAll("-", "")}001`
  return Schema.decodeUnknownSync(Profile)({
    id: "p-1",
    name: "张三",
    sex: "male",
    birthDate,
    idNumber: `${first17}${checkCharacter(first17)}`,
    party: { _tag: "Full", joined: "2005-07-01", fullMemberSince: "2006-07-01" },
    education: [{ level: "bachelor", fullTime: true }],
    employment: "civil_servant",
    workHistory: [],
    conduct: [],
    attestations: [],
    ...over,
  } satisfies ProfileEncoded)
}

/** Reviewer attestations (all true) for every item the scheme's Attested rules ask about. */
const attestAll = (scheme: Scheme): ProfileEncoded["attestations"] =>
  scheme.eligibility.rules.flatMap((r) =>
    r._tag === "Attested"
      ? [{ item: r.item, result: true, by: "reviewer" as const, date: "2019-07-01" }]
      : [],
  )

const finding = (findings: ReadonlyArray<Finding>, ruleId: string): Finding => {
  const f = findings.find((x) => x.ruleId === ruleId)
  if (f === undefined) throw new Error(`no finding for ${ruleId}`)
  return f
}

/**
 * The value of a cited parameter, failing the test when it is unspecified. (Local, because `paramValue` in
 * shared/Cited.ts takes the `Param` interface, which a decoded scheme's `qualifier?: … | undefined` does not
 * satisfy under exactOptionalPropertyTypes.)
 */
const citedValue = <A>(
  p: { readonly _tag: "Cited"; readonly value: A } | { readonly _tag: "Unspecified" },
  what: string,
): A => {
  if (p._tag !== "Cited") throw new Error(`${what} should be cited`)
  return p.value
}

/** Born so as to be exactly `age` full years old on `on` (birthday that day). */
const bornAged = (age: number, on: LocalDate): LocalDate => addYears(on, -age)

// ------------------------------------------------------------------------------------------------ 001

describe("001 Guizhou street reserve pool", () => {
  const scheme = loadPreset(guizhouStreetReservePool)
  const ref = make("2019-07-12") // the recommendation deadline (四（二）1), chosen by the campaign
  const screen = (birth: string, role: string) =>
    evaluate(scheme, person(birth, { attestations: attestAll(scheme) }), {
      referenceDate: ref,
      targetRole: role,
    })

  it("001 三（4）: a principal-post nominee aged 46 is ineligible on the age clause, one aged 45 eligible", () => {
    const old = screen(bornAged(46, ref), "principal")
    expect(old.outcome).toBe("ineligible")
    const age = finding(old.findings, "age")
    expect(age).toMatchObject({
      status: "fail",
      actual: 46,
      citation: { document: "001", clause: "三（4）" },
    })
    expect(age.message.zh).toContain("001 三（4）")
    // 45 on the day before the 46th birthday.
    const ok = screen(addDays(bornAged(46, ref), 1), "principal")
    expect(finding(ok.findings, "age")).toMatchObject({ status: "pass", actual: 45 })
    expect(ok.outcome).toBe("eligible")
  })

  it("001 三（4）: a deputy-post nominee aged 41 is ineligible on the age clause, one aged 40 eligible", () => {
    const old = screen(bornAged(41, ref), "deputy")
    expect(old.outcome).toBe("ineligible")
    expect(finding(old.findings, "age")).toMatchObject({
      status: "fail",
      actual: 41,
      citation: { document: "001", clause: "三（4）" },
    })
    const ok = screen(bornAged(40, ref), "deputy")
    expect(finding(ok.findings, "age")).toMatchObject({ status: "pass", actual: 40 })
    expect(ok.outcome).toBe("eligible")
  })

  it("001 三（4）: the age cap depends on the role: 43 passes as principal, fails as deputy", () => {
    const birth = bornAged(43, ref)
    expect(finding(screen(birth, "principal").findings, "age").status).toBe("pass")
    expect(finding(screen(birth, "deputy").findings, "age").status).toBe("fail")
  })

  it("001 三（4）: for any birth date, the age finding passes iff age ≤ 45 (principal) / ≤ 40 (deputy)", () => {
    // Ages 30–55 with any day of the year before the birthday, so the boundaries are hit often.
    const birthDate = fc
      .tuple(fc.integer({ min: 30, max: 55 }), fc.integer({ min: 0, max: 365 }))
      .map(([age, back]) => addDays(addYears(ref, -age), -back))
    fc.assert(
      fc.property(birthDate, fc.constantFrom("principal", "deputy"), (birth, role) => {
        const age = fullYearsBetween(birth, ref)
        const f = finding(screen(birth, role).findings, "age")
        expect(f.status).toBe(age <= (role === "principal" ? 45 : 40) ? "pass" : "fail")
      }),
      { numRuns: 200 },
    )
  })

  it("001 三 不宜（3）: a violation within three years, or an open investigation, excludes; one four years ago does not", () => {
    const birth = bornAged(30, ref)
    const base = { attestations: attestAll(scheme) }
    const run = (conduct: ProfileEncoded["conduct"]) =>
      finding(
        evaluate(scheme, person(birth, { ...base, conduct }), { referenceDate: ref, targetRole: "deputy" })
          .findings,
        "recent_violation",
      )
    expect(run([{ kind: "violation", date: "2017-01-01", description: "违纪" }]).status).toBe("fail")
    expect(run([{ kind: "violation", date: "2015-01-01", description: "违纪" }]).status).toBe("pass")
    expect(run([{ kind: "investigation", date: "2010-01-01", description: "立案审查" }]).status).toBe("fail")
    expect(
      run([{ kind: "investigation", date: "2010-01-01", closed: "2011-01-01", description: "已结案" }])
        .status,
    ).toBe("pass")
  })

  it("001 三（4）: under-35 share of at least 40% among 5 reserves needs 2 (rounded up), among 6 needs 3", () => {
    const young = citedValue(citedValue(scheme.pool, "001 pool").youngShare, "001 young share")
    expect(young.maxAge).toBe(35)
    const floor = { share: young.atLeast, rounding: "ceil" as const }
    expect(quotaCount(floor, 5)).toBe(2)
    expect(quotaCount(floor, 6)).toBe(3)
    expect(quotaCount(floor, 10)).toBe(4)
  })

  it("001 二: at least 2 reserves per community, in principle, principal and deputy", () => {
    const pool = citedValue(scheme.pool, "001 pool")
    expect(pool.minPerCommunity).toMatchObject({ _tag: "Cited", value: 2, qualifier: "in_principle" })
    expect(citedValue(pool.roles, "001 roles").map((r) => r.key)).toEqual(["principal", "deputy"])
  })

  it("001 四（二）: recommendation by 12 July, inspection with the four departments by 17 July, decision by 18 July", () => {
    const due = (id: string) => scheme.stages.find((s) => s.id === id)?.deadline
    expect(due("recommend")).toMatchObject({ value: { _tag: "ByDate", month: 7, day: 12 } })
    expect(due("joint_review")).toMatchObject({ value: { _tag: "ByDate", month: 7, day: 17 } })
    expect(due("inspect")).toMatchObject({ value: { _tag: "ByDate", month: 7, day: 17 } })
    expect(due("decide")).toMatchObject({ value: { _tag: "ByDate", month: 7, day: 18 } })
    expect(scheme.stages.find((s) => s.id === "joint_review")?.label.zh).toMatch(/纪检、公安、综治、计生/)
  })
})

// ------------------------------------------------------------------------------------------------ 002

describe("002 Da'an first secretary", () => {
  const scheme = loadPreset(daanFirstSecretary)
  const excellent = citedValue(scheme.assessment.quotas, "002 quotas").find((q) => q.grade === "excellent")

  it("002 三（二）: the excellent quota is a cap of 20% of all first secretaries: 10 → 2, 9 → 1", () => {
    if (excellent === undefined) throw new Error("002 excellent quota missing")
    expect(excellent).toMatchObject({
      bound: "cap",
      rounding: "floor",
      share: { numerator: 20, denominator: 100 },
    })
    expect(quotaCount(excellent, 10)).toBe(2)
    expect(quotaCount(excellent, 9)).toBe(1)
    expect(quotaCount(excellent, 4)).toBe(0)
  })

  it("002 三（二）: for any number of first secretaries n, the cap k satisfies 5k ≤ n < 5(k+1)", () => {
    if (excellent === undefined) throw new Error("002 excellent quota missing")
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const k = quotaCount(excellent, n)
        expect(5 * k).toBeLessThanOrEqual(n)
        expect(n).toBeLessThan(5 * (k + 1))
      }),
    )
  })

  it("002 三（一）: the term is generally 2 years", () => {
    expect(scheme.term.length).toMatchObject({ value: { amount: 2, unit: "year" }, qualifier: "generally" })
  })

  it("002 三（二）: recall when incompetent, dissatisfaction above 30%, or a discipline breach", () => {
    expect(scheme.recall.triggers.map((t) => [t.id, t.condition._tag, t.action])).toEqual([
      ["incompetent", "Circumstance", "recall"],
      ["dissatisfaction", "SurveyRate", "recall"],
      ["discipline_breach", "DisciplineBreach", "recall"],
    ])
    expect(scheme.recall.triggers[1]?.condition).toEqual({
      _tag: "SurveyRate",
      measure: "dissatisfaction",
      comparator: "gt",
      share: { numerator: 30, denominator: 100 },
    })
  })

  it("002 三（二）: consequences: no awards that year, reserve status lost, no promotion for 2 years, unit penalties", () => {
    const cs = citedValue(scheme.recall.consequences, "002 consequences")
    expect(cs.map((c) => [c.appliesTo, c.effect, c.duration?.amount])).toEqual([
      ["cadre", "no_awards", undefined],
      ["cadre", "lose_reserve_status", undefined],
      ["cadre", "no_promotion", 2],
      ["dispatching_unit", "performance_deduction", undefined],
      ["dispatching_unit", "head_not_excellent", undefined],
    ])
  })

  it("002 一: a probationary Party member is not eligible (a first secretary holds a Party post)", () => {
    const p = person("1985-01-01", {
      party: { _tag: "Probationary", joined: "2016-10-01" },
      attestations: attestAll(scheme),
    })
    const v = evaluate(scheme, p, { referenceDate: make("2017-04-18") })
    expect(finding(v.findings, "party_member")).toMatchObject({
      status: "fail",
      citation: { document: "002", clause: "一" },
    })
  })
})

// ------------------------------------------------------------------------------------------------ 004

describe("004 Anqiu downward secondment", () => {
  const scheme = loadPreset(anqiuDownSecondment)
  const ref = make("2022-05-30")
  const candidate = (fullTime: boolean) =>
    person("1988-03-01", {
      education: [{ level: "bachelor", fullTime }],
      rank: { level: "deputy_section", track: "leading" },
      attestations: attestAll(scheme),
    })

  it("004 安丘 严格选人标准（2）: a part-time bachelor's is ineligible on the full-time clause; a full-time one passes it", () => {
    const part = evaluate(scheme, candidate(false), { referenceDate: ref })
    expect(part.outcome).toBe("ineligible")
    expect(finding(part.findings, "education")).toMatchObject({
      status: "fail",
      citation: { document: "004", clause: "安丘 严格选人标准（2）" },
    })
    expect(part.findings.filter((f) => f.status === "fail").map((f) => f.ruleId)).toEqual(["education"])
    const full = evaluate(scheme, candidate(true), { referenceDate: ref })
    expect(finding(full.findings, "education").status).toBe("pass")
    expect(full.outcome).toBe("eligible")
  })

  it("004 安丘 严格选人标准（1）: a deputy-section cadre on the non-leading track fails the rank clause", () => {
    const p = person("1988-03-01", {
      rank: { level: "deputy_section", track: "non_leading" },
      attestations: attestAll(scheme),
    })
    expect(finding(evaluate(scheme, p, { referenceDate: ref }).findings, "rank").status).toBe("fail")
  })

  it("004 安丘 严格选人标准（5）: “缺乏基层工作经历” states no length, so no computed threshold decides it: a reviewer does", () => {
    // Issue 20: the preset used to fail anyone with a month of grassroots work ("1 个月"), a number the seed
    // does not state. Two months at a township, or none at all: either way a reviewer's word decides.
    const served = (months: number, attested?: boolean) =>
      person("1988-03-01", {
        rank: { level: "deputy_section", track: "leading" },
        workHistory:
          months === 0
            ? []
            : [
                {
                  from: "2021-01-01",
                  to: `2021-0${months}-28`,
                  organisation: "某镇",
                  position: "科员",
                  grassroots: true,
                },
              ],
        attestations: (attestAll(scheme) ?? [])
          .filter((a) => attested !== undefined || a.item !== "lacks_grassroots_experience")
          .map((a) => (a.item === "lacks_grassroots_experience" ? { ...a, result: attested === true } : a)),
      })
    const f = (p: Profile) =>
      finding(evaluate(scheme, p, { referenceDate: ref }).findings, "lacks_grassroots")
    expect(f(served(2))).toMatchObject({
      status: "needs_review",
      kind: "Attested",
      citation: { document: "004", clause: "安丘 严格选人标准（5）" },
    })
    expect(f(served(0)).status).toBe("needs_review")
    expect(f(served(2, false)).status).toBe("fail")
    expect(f(served(2, true)).status).toBe("pass")
    // No rule of the preset carries a number of months the seed does not give.
    expect(scheme.eligibility.rules.filter((r) => r._tag === "LacksGrassrootsExperience")).toEqual([])
  })

  it("004 安丘 强化考核激励: leave of “[missing] days or more” is filed with the city org dept — the clause is data, its number 文件未规定 for the district to fill in", () => {
    const filing = scheme.leaveFiling
    expect(filing).toMatchObject({
      _tag: "Cited",
      value: { fileWith: "org_dept", fromDays: { _tag: "Unspecified" } },
      citation: {
        document: "004",
        clause: "安丘 强化考核激励",
        quote: "挂职干部请假天以上要报市委组织部备案",
      },
    })
    // Until the district fills it in, every request carries the clause and says the number is missing.
    expect(leaveFilingFor(filing, 2)).toMatchObject({ status: "undetermined", fileWith: "org_dept" })
    expect(leaveFilingFor(filing, 2)?.note?.zh).toContain("文件未规定")
    // The district's version: "3天以上" includes 3 days (6 half-days); 2.5 days is not filed.
    const filled = Schema.decodeUnknownSync(Scheme)({
      ...anqiuDownSecondment.encoded,
      version: 2,
      effectiveFrom: "2027-01-01",
      leave: {
        _tag: "Cited",
        value: [{ approver: "street" }],
        citation: { document: "004", clause: "安丘 本地补充" },
      },
      leaveFiling: {
        _tag: "Cited",
        value: {
          fileWith: "org_dept",
          fromDays: { _tag: "Cited", value: 3, citation: { document: "004", clause: "安丘 本地补充" } },
        },
        citation: { document: "004", clause: "安丘 强化考核激励" },
      },
    })
    expect(leaveFilingFor(filled.leaveFiling, 6)).toMatchObject({
      status: "due",
      fileWith: "org_dept",
      fromDays: 3,
    })
    expect(leaveFilingFor(filled.leaveFiling, 5)).toBeUndefined()
    const req = (to: string) =>
      requestLeave(
        {
          id: "l",
          placementId: "pl",
          personId: filled.id as never,
          from: make("2027-03-01"),
          to: make(to),
          reason: "事假",
        },
        filled,
        make("2027-02-20"),
      )
    const three = Either.getOrThrow(req("2027-03-03"))
    expect(three.route).toMatchObject({ approver: "street", filing: { status: "due", fileWith: "org_dept" } })
    expect(explainRoute(three.route, three.halfDays).zh).toContain(
      "3天以上，报组织部门备案（004 安丘 本地补充）",
    )
    expect(Either.getOrThrow(req("2027-03-02")).route.filing).toBeUndefined()
  })

  it("004 安丘 强化考核激励: the org dept's 跟踪考察 is owed every calendar quarter, “in principle”", () => {
    const tracking = scheme.reports.find((r) => r.id === "tracking")
    expect(tracking).toMatchObject({
      from: "org_dept",
      cadence: {
        _tag: "Cited",
        qualifier: "in_principle",
        value: { _tag: "Every", interval: { amount: 3, unit: "month" } },
      },
      citation: { document: "004", clause: "安丘 强化考核激励" },
    })
    const owed = generateObligations(
      { placementId: "pl-aq", terms: [{ number: 1, start: make("2026-01-05"), end: make("2027-01-04") }] },
      scheme.reports,
    ).filter((o) => o.reportId === "tracking")
    expect(owed.map((o) => o.due)).toEqual([
      "2026-03-31",
      "2026-06-30",
      "2026-09-30",
      "2026-12-31",
      "2027-01-04",
    ])
    expect(owed.every((o) => o.from === "org_dept")).toBe(true)
  })

  it("004 安丘 规范选派程序（3）: the heads' meeting shortlists at 1:2", () => {
    expect(scheme.stages.find((s) => s.id === "shortlist")?.shortlistRatio).toMatchObject({
      _tag: "Cited",
      value: { candidates: 2, places: 1 },
    })
    expect(scheme.term.length).toMatchObject({ value: { amount: 1, unit: "year" } })
  })
})

describe("004 Jincheng secondment", () => {
  const scheme = loadPreset(jinchengSecondmentDown)
  const ref = make("2022-05-30")
  const cadre = (age: number, level: RankLevel) =>
    person(bornAged(age, ref), {
      education: [{ level: "junior_college", fullTime: false }],
      rank: { level, track: "leading" },
    })

  it("004 晋城 条件要求: a township(section)-level cadre of 41 is ineligible; a county(division)-level cadre of 44 eligible", () => {
    const township = evaluate(scheme, cadre(41, "section"), { referenceDate: ref })
    expect(township.outcome).toBe("ineligible")
    expect(finding(township.findings, "age")).toMatchObject({
      status: "fail",
      actual: 41,
      citation: { document: "004", clause: "晋城 条件要求" },
    })
    const county = evaluate(scheme, cadre(44, "division"), { referenceDate: ref })
    expect(finding(county.findings, "age").status).toBe("pass")
    expect(county.outcome).toBe("eligible")
  })

  it("004 晋城 条件要求: for every rank and age, the age finding fails iff age exceeds the band's cap (45/40/35)", () => {
    const cap = (l: RankLevel) =>
      l === "division" || l === "deputy_division" ? 45 : l === "section" || l === "deputy_section" ? 40 : 35
    const up = loadPreset(jinchengSecondmentUp)
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 60 }), fc.constantFrom(...RANK_LEVELS), (age, level) => {
        for (const s of [scheme, up]) {
          const f = finding(evaluate(s, cadre(age, level), { referenceDate: ref }).findings, "age")
          expect(f.status).toBe(age > cap(level) ? "fail" : "pass")
        }
      }),
      { numRuns: 150 },
    )
  })

  it("004 晋城 条件要求: with no rank recorded the age cap cannot be chosen, so the finding needs review", () => {
    const p = person(bornAged(30, ref), { education: [{ level: "junior_college", fullTime: true }] })
    expect(finding(evaluate(scheme, p, { referenceDate: ref }).findings, "age").status).toBe("needs_review")
  })

  it("004 晋城 管理考核 一是: leave up to 3 days by the host unit, longer by the org dept", () => {
    expect(scheme.leave).toMatchObject({
      _tag: "Cited",
      value: [{ upToDays: 3, approver: "host_unit" }, { approver: "org_dept" }],
    })
  })

  it("004 晋城 管理考核 五是: excellent capped at 30% of seconded cadres of the same kind (10 → 3, 9 → 2)", () => {
    const q = citedValue(scheme.assessment.quotas, "004 Jincheng quotas")[0]
    if (q === undefined) throw new Error("004 Jincheng quota missing")
    expect(q.countedAmong.zh).toContain("同类")
    expect(quotaCount(q, 10)).toBe(3)
    expect(quotaCount(q, 9)).toBe(2)
  })

  it("004 晋城 管理考核 三是: half-yearly written reports, a yearly summary and an end-of-term report", () => {
    const cadence = (id: string) => scheme.reports.find((r) => r.id === id)?.cadence
    expect(cadence("half_year")).toMatchObject({
      value: { _tag: "Every", interval: { amount: 6, unit: "month" } },
    })
    expect(cadence("yearly_summary")).toMatchObject({ value: { _tag: "YearEnd" } })
    expect(cadence("term_end_report")).toMatchObject({ value: { _tag: "TermEnd" } })
  })
})

describe("004 Huaishang village posting", () => {
  const scheme = loadPreset(huaishangVillagePosting)

  it("004 淮上 目标考核 三是: satisfaction below 60% → admonishment; below 50% → recall, graded incompetent", () => {
    expect(scheme.recall.triggers.map((t) => [t.action, t.condition])).toEqual([
      [
        "admonish",
        {
          _tag: "SurveyRate",
          measure: "satisfaction",
          comparator: "lt",
          share: { numerator: 60, denominator: 100 },
        },
      ],
      [
        "recall",
        {
          _tag: "SurveyRate",
          measure: "satisfaction",
          comparator: "lt",
          share: { numerator: 50, denominator: 100 },
        },
      ],
    ])
    expect(scheme.recall.consequences).toMatchObject({ value: [{ effect: "graded", grade: "incompetent" }] })
  })
})

describe("004 Jiangdong petition secondment", () => {
  const scheme = loadPreset(jiangdongPetitionSecondment)

  it("004 江东 一: “一般每批3人” — 3 passes; 4 fails until a reason and approver are recorded, then shows as waived", () => {
    expect(checkBatchSize(scheme, 3)).toMatchObject({ _tag: "Checked", status: "pass", expected: 3 })
    const four = checkBatchSize(scheme, 4)
    expect(four).toMatchObject({ _tag: "Checked", status: "fail", waivable: true, actual: 4 })
    if (four._tag !== "Checked") throw new Error("checked")
    expect(four.message.zh).toBe("本批4人，不同于“一般每批3人”：须记录理由和批准人（004 江东 一）")
    const waiver = { reason: "信访高峰期增派1人", approver: "区委组织部", approvedOn: make("2026-03-01") }
    const waived = checkBatchSize(scheme, 4, waiver)
    expect(waived).toMatchObject({ status: "waived", waiver })
    // A waiver without a reason is no waiver.
    expect(checkBatchSize(scheme, 4, { ...waiver, reason: " " })).toMatchObject({ status: "fail" })
    // Without 一般 the same number admits no exception; a scheme that states none checks nothing.
    const strict = {
      batchSize: { _tag: "Cited" as const, value: 3, citation: { document: "004", clause: "江东 一" } },
    }
    expect(checkBatchSize(strict, 4, waiver)).toMatchObject({
      status: "fail",
      waivable: false,
    })
    expect(checkBatchSize(loadPreset(anqiuDownSecondment), 4)).toEqual({ _tag: "NotStated" })
  })

  it("004 江东 四: each cadre has 1 deputy head of the petition bureau and 1 experienced petition officer as 培养责任人", () => {
    const on = make("2026-04-01")
    const pairing = (id: string, mentorId: string, role: string) => ({
      id,
      mentorId: mentorId as never,
      menteeId: "p-1" as never,
      from: make("2026-03-01"),
      role,
    })
    const one = mentorTeam(scheme.mentorsPerCadre, [pairing("a", "m-1", "deputy_director")], "p-1", on)
    expect(one).toMatchObject({
      complete: false,
      citation: { document: "004", clause: "江东 四" },
      roles: [
        { key: "deputy_director", needed: 1, have: 1 },
        { key: "petition_officer", needed: 1, have: 0 },
      ],
    })
    expect(one?.message.zh).toBe("培养责任人未配齐：精通业务工作的信访干部需1名、现有0名（004 江东 四）")
    const both = mentorTeam(
      scheme.mentorsPerCadre,
      [pairing("a", "m-1", "deputy_director"), pairing("b", "m-2", "petition_officer")],
      "p-1",
      on,
    )
    expect(both?.complete).toBe(true)
    // A scheme without the rule: nothing to check.
    expect(mentorTeam(loadPreset(anqiuDownSecondment).mentorsPerCadre, [], "p-1", on)).toBeUndefined()
  })
})
