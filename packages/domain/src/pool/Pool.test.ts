import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { guizhouStreetReservePool, yangpuCommunitySecretary } from "../scheme/presets/index.js"
import type { Pool } from "../scheme/Scheme.js"
import { quotaCount } from "../scheme/Scheme.js"
import { unspecified } from "../shared/Cited.js"
import { addDays, type LocalDate, make } from "../shared/LocalDate.js"
import { text } from "../shared/Text.js"
import { composition, formatQuotient, type Member, type YoungShare } from "./Composition.js"
import { checkNominees, type Nominee } from "./Nominees.js"
import { type PoolRules, poolRulesOf } from "./Rules.js"

const ON = make("2019-07-12") // 001 四（二）1: the recommendation deadline, a natural reference date
const rulesOrThrow = (): PoolRules => {
  const r = poolRulesOf(loadPreset(guizhouStreetReservePool))
  if (r === undefined) throw new Error("001 has a pool")
  return r
}
const RULES = rulesOrThrow()
const cite001 = (() => {
  const ys = RULES.pool.youngShare
  if (ys._tag !== "Cited") throw new Error("001 sets the share")
  return { _tag: "Cited" as const, citation: ys.citation }
})()
const A = { id: "c-a", name: "甲社区" }
const B = { id: "c-b", name: "乙社区" }

/** Born `age` years before ON, on the same day: exactly `age` on ON. */
const bornAged = (age: number): LocalDate => make(`${2019 - age}-07-12`)
const nominee = (personId: string, roleKey: string, age: number): Nominee => ({
  personId,
  roleKey,
  birthDate: bornAged(age),
})

describe("poolRulesOf", () => {
  it("001 二、三（4）: the pool is ≥ 2 per community, principal and deputy, 35 以下 ≥ 40%; caps from the age rule", () => {
    expect(RULES.pool.minPerCommunity).toMatchObject({
      _tag: "Cited",
      value: 2,
      qualifier: "in_principle",
      citation: { document: "001", clause: "二" },
    })
    expect(RULES.pool.roles._tag === "Cited" && RULES.pool.roles.value.map((r) => r.key)).toEqual([
      "principal",
      "deputy",
    ])
    expect(RULES.ageCaps.map((r) => [r.id, r.caps.map((c) => [c.role, c.maxAge])])).toEqual([
      [
        "age",
        [
          ["principal", 45],
          ["deputy", 40],
        ],
      ],
    ])
  })
  it("000 is not a reserve-pool scheme: no pool rules", () => {
    expect(poolRulesOf(loadPreset(yangpuCommunitySecretary))).toBeUndefined()
  })
})

describe("checkNominees (001 二, 三（4）, 四（二）1)", () => {
  it("001 二: a principal aged 45 and a deputy aged 40 pass every check", () => {
    const r = checkNominees(RULES, A, [nominee("p1", "principal", 45), nominee("p2", "deputy", 40)], ON)
    expect(r.outcome).toBe("pass")
    expect(r.findings.map((f) => [f.ruleId, f.status, f.actual])).toEqual([
      ["pool.min_per_community", "pass", 2],
      ["pool.roles", "pass", ["principal", "deputy"]],
    ])
    expect(r.nominees.map((n) => [n.personId, n.age, n.findings.map((f) => [f.ruleId, f.status])])).toEqual([
      ["p1", 45, [["age", "pass"]]],
      ["p2", 40, [["age", "pass"]]],
    ])
    expect(r.notChecked).toEqual([])
  })

  it("001 二 原则上不少于2名: one nominee fails the count, waivable, with the shortfall and the clause", () => {
    const r = checkNominees(RULES, A, [nominee("p1", "principal", 40)], ON)
    const count = r.findings.find((f) => f.ruleId === "pool.min_per_community")
    expect(count).toMatchObject({ status: "fail", actual: 1, waivable: true })
    expect(count?.citation).toMatchObject({ document: "001", clause: "二" })
    expect(count?.message.zh).toBe("甲社区推荐1名，少于“原则上每个社区不少于2名”的要求，还差1名（001 二）")
    expect(count?.message.en).toBe(
      '甲社区 nominates 1, fewer than "in principle at least 2 per community": 1 short (001 二)',
    )
    expect(r.outcome).toBe("fail")
  })

  it("001 二: the same person listed twice counts once", () => {
    const r = checkNominees(RULES, A, [nominee("p1", "principal", 40), nominee("p1", "deputy", 40)], ON)
    expect(r.findings[0]).toMatchObject({ ruleId: "pool.min_per_community", status: "fail", actual: 1 })
  })

  it("001 二 含正职、副职: two principals and no deputy fail the roles check, naming the missing role", () => {
    const r = checkNominees(RULES, A, [nominee("p1", "principal", 40), nominee("p2", "principal", 30)], ON)
    const roles = r.findings.find((f) => f.ruleId === "pool.roles")
    expect(roles).toMatchObject({ status: "fail", actual: ["principal"], waivable: false })
    expect(roles?.message.zh).toBe("甲社区的推荐人选中没有社区副职后备干部（001 二）")
    expect(roles?.message.en).toBe("甲社区 nominates no deputy reserve (001 二)")
    expect(r.findings.find((f) => f.ruleId === "pool.min_per_community")?.status).toBe("pass")
  })

  it("001 三（4）: a principal aged 45 passes and 46 fails (不超过45周岁 is ≤ 45)", () => {
    const ok = checkNominees(RULES, A, [nominee("p1", "principal", 45), nominee("p2", "deputy", 30)], ON)
    expect(ok.outcome).toBe("pass")
    const old = checkNominees(RULES, A, [nominee("p1", "principal", 46), nominee("p2", "deputy", 30)], ON)
    expect(old.outcome).toBe("fail")
    const f = old.nominees[0]?.findings[0]
    expect(f).toMatchObject({ ruleId: "age", status: "fail", actual: 46, waivable: true })
    expect(f?.citation).toMatchObject({ document: "001", clause: "三（4）" })
    expect(f?.message.zh).toBe("截至2019-07-12年满46周岁，超过社区正职后备干部45周岁的上限（001 三（4））")
  })

  it("001 三（4）: the cap follows the role — 41 passes as a principal, fails as a deputy (≤ 40)", () => {
    const asPrincipal = checkNominees(
      RULES,
      A,
      [nominee("p1", "principal", 41), nominee("p2", "deputy", 40)],
      ON,
    )
    expect(asPrincipal.outcome).toBe("pass")
    const asDeputy = checkNominees(
      RULES,
      A,
      [nominee("p1", "principal", 30), nominee("p2", "deputy", 41)],
      ON,
    )
    expect(asDeputy.nominees[1]?.findings[0]).toMatchObject({ status: "fail", actual: 41 })
    expect(asDeputy.nominees[1]?.findings[0]?.message.en).toBe(
      "Aged 41 on 2019-07-12, above the cap of 40 for deputy reserve (001 三（4）)",
    )
  })

  it("001 三（4）周岁: a deputy who turns 41 the day after the date is still 40 and passes", () => {
    const n = { personId: "p2", roleKey: "deputy", birthDate: addDays(bornAged(41), 1) }
    const r = checkNominees(RULES, A, [nominee("p1", "principal", 30), n], ON)
    expect(r.nominees[1]).toMatchObject({ age: 40 })
    expect(r.outcome).toBe("pass")
  })

  it("001 二: a role the pool does not have needs review (count and roles otherwise met)", () => {
    const r = checkNominees(
      RULES,
      A,
      [nominee("p1", "principal", 30), nominee("p2", "deputy", 30), nominee("p3", "secretary", 30)],
      ON,
    )
    expect(r.outcome).toBe("needs_review")
    expect(r.nominees[2]?.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ["pool.roles", "needs_review"],
      ["age", "needs_review"],
    ])
    expect(r.nominees[2]?.findings[0]?.message.en).toBe(
      'Role "secretary" is not a reserve role of this scheme (principal, deputy); needs review (001 二)',
    )
  })

  it("a pool whose parameters are unspecified lists them as not checked rather than passing them", () => {
    const silent: Pool = {
      minPerCommunity: unspecified(text("未规定", "not set")),
      roles: unspecified(text("未规定", "not set")),
      youngShare: unspecified(text("未规定", "not set")),
    }
    const r = checkNominees({ pool: silent, ageCaps: [] }, A, [nominee("p1", "principal", 30)], ON)
    expect(r.findings).toEqual([])
    expect(r.notChecked.map((n) => n.param)).toEqual(["minPerCommunity", "roles", "ageCaps"])
    expect(composition(silent, [], ON)).toMatchObject({ _tag: "NotChecked", param: "youngShare" })
  })
})

describe("composition (001 三（4） 35周岁以下的要达到40%以上)", () => {
  const members = (community: { id: string; name: string }, ages: ReadonlyArray<number>): Array<Member> =>
    ages.map((age, i) => ({ personId: `${community.id}-${i}`, birthDate: bornAged(age), community }))
  const street = (ms: ReadonlyArray<Member>): YoungShare => {
    const r = composition(RULES.pool, ms, ON)
    if (r._tag !== "Composition") throw new Error("001 sets the share")
    return r.street
  }

  it("001 三（4）: 12 members with 5 aged ≤ 35 meet ceil(12 × 40%) = ceil(4.8) = 5", () => {
    const s = street(members(A, [30, 31, 32, 33, 35, 36, 40, 41, 42, 43, 44, 45]))
    expect(s).toMatchObject({ total: 12, young: 5, required: 5, status: "pass" })
    expect(s.arithmetic.zh).toBe("12人中35岁以下5人，需至少5人（12×40%=4.8，向上取整）")
    expect(s.arithmetic.en).toBe("5 of 12 aged 35 or under; at least 5 needed (12 × 40% = 4.8, rounded up)")
    expect(s.message.zh).toBe(
      "全街道：12人中35岁以下5人，需至少5人（12×40%=4.8，向上取整），符合“35周岁以下的要达到40%以上”（001 三（4））",
    )
    expect(s.citation).toMatchObject({ document: "001", clause: "三（4）" })
  })

  it("001 三（4）: 12 members with 4 aged ≤ 35 fail (4 ≥ 4.8 is false), one short", () => {
    const s = street(members(A, [30, 31, 32, 33, 36, 36, 40, 41, 42, 43, 44, 45]))
    expect(s).toMatchObject({ young: 4, required: 5, status: "fail" })
    expect(s.message.zh).toContain("还差1人，不符合")
    expect(s.message.en).toBe(
      'The street: 4 of 12 aged 35 or under; at least 5 needed (12 × 40% = 4.8, rounded up); 1 short of "at least 40% aged 35 or under" (001 三（4）)',
    )
  })

  it("001 三（4） 40%以上 includes 40%: 10 members need exactly 4, no rounding", () => {
    const s = street(members(A, [30, 31, 32, 33, 40, 40, 40, 40, 40, 40]))
    expect(s).toMatchObject({ young: 4, required: 4, status: "pass" })
    expect(s.arithmetic.zh).toBe("10人中35岁以下4人，需至少4人（10×40%=4）")
  })

  it("001 三（4） 35周岁以下 includes 35: aged 35 counts, 36 does not; a 36th birthday tomorrow still counts", () => {
    const turning36Tomorrow: Member = { personId: "x", birthDate: addDays(bornAged(36), 1), community: A }
    const s = street([...members(A, [35, 36]), turning36Tomorrow])
    expect(s.youngMembers).toEqual(["c-a-0", "x"])
  })

  it("001 三（4）: reported per community and for the street, communities in first-seen order", () => {
    const r = composition(RULES.pool, [...members(B, [30, 30]), ...members(A, [30, 40, 40])], ON)
    if (r._tag !== "Composition") throw new Error("001 sets the share")
    expect(r.street).toMatchObject({ total: 5, young: 3, required: 2, status: "pass" })
    expect(
      r.communities.map((c) => [
        c.scope._tag === "Community" && c.scope.community.id,
        c.young,
        c.required,
        c.status,
      ]),
    ).toEqual([
      ["c-b", 2, 1, "pass"],
      ["c-a", 1, 2, "fail"],
    ])
    expect(r.communities[1]?.arithmetic.zh).toBe("3人中35岁以下1人，需至少2人（3×40%=1.2，向上取整）")
    expect(r.communities[1]?.message.zh.startsWith("甲社区：")).toBe(true)
  })

  it("POLICIES: an empty pool needs 0 and passes", () => {
    expect(street([])).toMatchObject({ total: 0, young: 0, required: 0, status: "pass" })
  })

  it("property (001 三（4）): pass ⇔ young × den ≥ total × num (exact rational comparison), required is the least such count", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        (total, numerator, denominator, y) => {
          const young = Math.min(y, total)
          const share = { numerator: Math.min(numerator, denominator), denominator }
          const ages = Array.from({ length: total }, (_, i) => (i < young ? 35 : 36))
          const pool: Pool = {
            ...RULES.pool,
            youngShare: { ...cite001, value: { maxAge: 35, atLeast: share } },
          }
          const r = composition(pool, members(A, ages), ON)
          if (r._tag !== "Composition") return false
          const exact = young * share.denominator >= total * share.numerator
          const req = r.street.required
          return (
            r.street.young === young &&
            (r.street.status === "pass") === exact &&
            req * share.denominator >= total * share.numerator &&
            (req === 0 || (req - 1) * share.denominator < total * share.numerator) &&
            req === quotaCount({ share, rounding: "ceil" }, total)
          )
        },
      ),
    )
  })

  it("property: the product in the words is exact whenever the decimal ends, and within 0.005 otherwise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), (p, q) => {
        const s = formatQuotient(p, q)
        return s.startsWith("≈") ? Math.abs(Number(s.slice(1)) - p / q) <= 0.005 + 1e-9 : Number(s) === p / q
      }),
    )
    expect(formatQuotient(48, 10)).toBe("4.8")
    expect(formatQuotient(7, 3)).toBe("≈2.33")
  })
})
