import { describe, expect, it } from "vitest"
import { make as date } from "../../shared/LocalDate.js"
import { compileEncodedRule, makeProfile, ruleBase } from "../fixtures.js"

const ref = { referenceDate: date("2019-07-12") }

describe("AgeCapByRole", () => {
  const rule = compileEncodedRule({
    _tag: "AgeCapByRole",
    ...ruleBase("age_by_role", "001", "三", true),
    caps: [
      { role: "principal", maxAge: 45, label: { zh: "正职后备干部", en: "principal reserve" } },
      { role: "deputy", maxAge: 40, label: { zh: "副职后备干部", en: "deputy reserve" } },
    ],
  })
  const aged = (age: number) => makeProfile({ birthDate: `${2019 - age}-07-12` })

  it("001 三: a principal reserve aged 45 passes, 46 fails (不超过45周岁 is ≤ 45)", () => {
    expect(rule(aged(45), { ...ref, targetRole: "principal" })).toMatchObject({ status: "pass", actual: 45 })
    expect(rule(aged(46), { ...ref, targetRole: "principal" })).toMatchObject({ status: "fail", actual: 46 })
  })
  it("001 三: a deputy reserve aged 40 passes, 41 fails", () => {
    expect(rule(aged(40), { ...ref, targetRole: "deputy" }).status).toBe("pass")
    const f = rule(aged(41), { ...ref, targetRole: "deputy" })
    expect(f.status).toBe("fail")
    expect(f.message.zh).toContain("副职后备干部40周岁")
  })
  it("001 三: a missing role needs review with a message saying so", () => {
    const f = rule(aged(30), ref)
    expect(f.status).toBe("needs_review")
    expect(f.message.en).toContain("No target role")
  })
  it("001 三: an unknown role needs review and names the known roles", () => {
    const f = rule(aged(30), { ...ref, targetRole: "secretary" })
    expect(f.status).toBe("needs_review")
    expect(f.message.en).toContain("principal, deputy")
  })
})

describe("AgeCapByRank", () => {
  const rule = compileEncodedRule({
    _tag: "AgeCapByRank",
    ...ruleBase("age_by_rank", "004", "晋城", true),
    bands: [
      {
        levels: ["deputy_division", "division"],
        maxAge: 45,
        label: { zh: "县处级干部", en: "county/division level" },
      },
      {
        levels: ["deputy_section", "section"],
        maxAge: 40,
        label: { zh: "乡科级干部", en: "township/section level" },
      },
      { levels: ["staff", "clerk"], maxAge: 35, label: { zh: "一般干部", en: "general cadres" } },
    ],
  })
  const p = (age: number, level: "division" | "section" | "clerk") =>
    makeProfile({ birthDate: `${2019 - age}-07-12`, rank: { level, track: "leading" } })

  it("004 晋城: county/division level ≤ 45 — 45 passes, 46 fails", () => {
    expect(rule(p(45, "division"), ref).status).toBe("pass")
    expect(rule(p(46, "division"), ref).status).toBe("fail")
  })
  it("004 晋城: township/section level ≤ 40 — 40 passes, 41 fails", () => {
    expect(rule(p(40, "section"), ref).status).toBe("pass")
    expect(rule(p(41, "section"), ref)).toMatchObject({ status: "fail", actual: 41 })
  })
  it("004 晋城: general cadres ≤ 35 — 35 passes, 36 fails", () => {
    expect(rule(p(35, "clerk"), ref).status).toBe("pass")
    expect(rule(p(36, "clerk"), ref).status).toBe("fail")
  })
  it("004 晋城: no rank recorded and no unranked cap → needs review", () => {
    const unranked = makeProfile({ birthDate: "1990-01-01" })
    const { rank: _, ...rest } = unranked
    expect(rule(rest, ref).status).toBe("needs_review")
  })
  it("004 晋城: an `unranked` cap applies to a profile with no rank", () => {
    const withUnranked = compileEncodedRule({
      _tag: "AgeCapByRank",
      ...ruleBase("age_by_rank", "004", "晋城", true),
      bands: [{ levels: ["section"], maxAge: 40, label: { zh: "乡科级干部", en: "section level" } }],
      unranked: { maxAge: 35, label: { zh: "一般干部", en: "general cadres" } },
    })
    const { rank: _, ...young } = makeProfile({ birthDate: "1984-07-12" })
    const { rank: __, ...old } = makeProfile({ birthDate: "1983-07-12" })
    expect(withUnranked(young, ref).status).toBe("pass")
    expect(withUnranked(old, ref).status).toBe("fail")
  })
})
