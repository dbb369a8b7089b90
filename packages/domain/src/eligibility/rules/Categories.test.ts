import { describe, expect, it } from "vitest"
import { make as date } from "../../shared/LocalDate.js"
import { compileEncodedRule, makeProfile, ruleBase } from "../fixtures.js"

const ref = { referenceDate: date("2020-12-18") }

describe("EducationAtLeast", () => {
  const college = compileEncodedRule({
    _tag: "EducationAtLeast",
    ...ruleBase("education", "000", "一（一）5"),
    level: "junior_college",
    fullTimeOnly: false,
  })
  const ftBachelor = compileEncodedRule({
    _tag: "EducationAtLeast",
    ...ruleBase("education", "004", "安丘（2）"),
    level: "bachelor",
    fullTimeOnly: true,
  })
  it("000 一（一）5: junior college passes (及以上 includes it), technical secondary fails", () => {
    expect(college(makeProfile(), ref)).toMatchObject({ status: "pass", actual: "junior_college" })
    const f = college(makeProfile({ education: [{ level: "technical_secondary", fullTime: true }] }), ref)
    expect(f).toMatchObject({ status: "fail", actual: "technical_secondary" })
  })
  it("000 一（一）5: the highest of several qualifications counts; none recorded fails", () => {
    const p = makeProfile({
      education: [
        { level: "senior_secondary", fullTime: true },
        { level: "master", fullTime: false },
      ],
    })
    expect(college(p, ref)).toMatchObject({ status: "pass", actual: "master" })
    expect(college(makeProfile({ education: [] }), ref)).toMatchObject({ status: "fail", actual: null })
  })
  it("004 安丘（2）: a part-time bachelor does not count towards 全日制大学本科以上", () => {
    const partTime = makeProfile({
      education: [
        { level: "junior_college", fullTime: true },
        { level: "bachelor", fullTime: false },
      ],
    })
    expect(ftBachelor(partTime, ref)).toMatchObject({ status: "fail", actual: "junior_college" })
    expect(ftBachelor(makeProfile({ education: [{ level: "bachelor", fullTime: true }] }), ref).status).toBe(
      "pass",
    )
  })
})

describe("EmploymentIn", () => {
  const rule = compileEncodedRule({
    _tag: "EmploymentIn",
    ...ruleBase("employment", "000", "一（一）2"),
    categories: ["civil_servant", "civil_servant_managed", "public_institution_established"],
  })
  it("000 一（一）2: civil servants, 参公 and established public-institution staff pass", () => {
    for (const employment of [
      "civil_servant",
      "civil_servant_managed",
      "public_institution_established",
    ] as const)
      expect(rule(makeProfile({ employment }), ref).status).toBe("pass")
  })
  it("000 一（一）2: contract public-institution staff and SOE staff fail", () => {
    const f = rule(makeProfile({ employment: "public_institution_contract" }), ref)
    expect(f.status).toBe("fail")
    expect(f.message.zh).toContain("事业单位编外人员")
    expect(rule(makeProfile({ employment: "soe" }), ref).status).toBe("fail")
  })
})

describe("RankIn", () => {
  const sectionAndBelow = compileEncodedRule({
    _tag: "RankIn",
    ...ruleBase("rank", "000", "一（一）2"),
    levels: ["staff", "clerk", "deputy_section", "section"],
  })
  const deputySectionLeading = compileEncodedRule({
    _tag: "RankIn",
    ...ruleBase("rank", "004", "安丘（1）"),
    levels: ["deputy_section"],
    track: "leading",
  })
  it("000 一（一）2: section level passes (及以下 includes it); deputy division fails", () => {
    expect(sectionAndBelow(makeProfile({ rank: { level: "section", track: "leading" } }), ref).status).toBe(
      "pass",
    )
    expect(
      sectionAndBelow(makeProfile({ rank: { level: "deputy_division", track: "leading" } }), ref).status,
    ).toBe("fail")
  })
  it("000 一（一）2: no rank fails by default", () => {
    const { rank: _, ...p } = makeProfile()
    expect(sectionAndBelow(p, ref)).toMatchObject({ status: "fail", actual: null })
  })
  it("no rank needs review when the rule says unranked: needs_review", () => {
    const lenient = compileEncodedRule({
      _tag: "RankIn",
      ...ruleBase("rank", "000", "一（一）2"),
      levels: ["section"],
      unranked: "needs_review",
    })
    const { rank: _, ...p } = makeProfile()
    expect(lenient(p, ref).status).toBe("needs_review")
  })
  it("004 安丘（1）: 副科级领导职务 — the non-leading grade at the same level fails on the track", () => {
    expect(
      deputySectionLeading(makeProfile({ rank: { level: "deputy_section", track: "leading" } }), ref).status,
    ).toBe("pass")
    const f = deputySectionLeading(
      makeProfile({ rank: { level: "deputy_section", track: "non_leading" } }),
      ref,
    )
    expect(f.status).toBe("fail")
    expect(f.expected.zh).toContain("领导职务")
  })
})
