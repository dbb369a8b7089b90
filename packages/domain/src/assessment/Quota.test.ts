import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import {
  daanFirstSecretary,
  jinchengSecondmentUp,
  yangpuCommunitySecretary,
} from "../scheme/presets/index.js"
import { type Grade, type Quota, quotaCount } from "../scheme/Scheme.js"
import { cite } from "../shared/Citation.js"
import { checkGrade, type GroupCount, quotaUse } from "./Quota.js"

const daan = loadPreset(daanFirstSecretary)
const jincheng = loadPreset(jinchengSecondmentUp)
const quotas = (p: typeof daan) => {
  if (p.assessment.quotas._tag !== "Cited") throw new Error("quotas expected")
  return p.assessment.quotas.value
}
const group = (size: number, excellent: number, competent = 0): GroupCount => ({
  size,
  alreadyGraded: { excellent, competent },
})
const refused = (r: ReturnType<typeof checkGrade>) => {
  if (Either.isRight(r)) throw new Error("expected a refusal")
  return r.left
}

describe("Quota: 002 三（二） excellent ≤ 20% of all first secretaries (单列)", () => {
  const q = daan.assessment.quotas

  it("002 三（二）: 10 first secretaries allow 2 excellent; the 1st and 2nd are allowed", () => {
    expect(Either.isRight(checkGrade({ quotas: q, grade: "excellent", group: group(10, 0) }))).toBe(true)
    const second = checkGrade({ quotas: q, grade: "excellent", group: group(10, 1) })
    if (Either.isLeft(second)) throw second.left
    expect(second.right.checked[0]).toMatchObject({ limit: 2, size: 10, quotaId: "excellent_cap" })
    expect(second.right.checked[0]?.countedAmong.zh).toContain("第一书记")
  })

  it("002 三（二）: the 3rd excellent of 10 is refused with the arithmetic and the clause, in both languages", () => {
    const e = refused(checkGrade({ quotas: q, grade: "excellent", group: group(10, 2) }))
    expect(e._tag).toBe("QuotaRefused")
    expect(e._tag === "QuotaRefused" && [e.limit, e.used, e.size]).toEqual([2, 2, 10])
    expect(e.text.zh).toBe(
      "全区第一书记总数（名额单列，不占派出单位名额）共10人，优秀不超过20%：10×20%=2（向下取整），已评优秀2人，第3人不能评为优秀（002 三（二））",
    )
    expect(e.text.en).toBe(
      "All first secretaries of the district (a separate quota, not the dispatching units'): 10 in all; excellent at most 20%: 10 × 20% = 2 (rounded down); 2 already graded excellent, so a 3rd cannot be graded excellent (002 三（二）)",
    )
    expect(e.message).toBe(`${e.text.zh} / ${e.text.en}`)
  })

  it('002 三（二）: the caller\'s group label replaces countedAmong ("第一书记共10人")', () => {
    const e = refused(
      checkGrade({
        quotas: q,
        grade: "excellent",
        group: { ...group(10, 2), label: { zh: "第一书记", en: "First secretaries" } },
      }),
    )
    expect(e.text.zh).toBe(
      "第一书记共10人，优秀不超过20%：10×20%=2（向下取整），已评优秀2人，第3人不能评为优秀（002 三（二））",
    )
  })

  it("002 三（二）: 9 first secretaries allow 1 (9×20%=1.8 rounded down); the 2nd is refused and the fraction shown", () => {
    expect(Either.isRight(checkGrade({ quotas: q, grade: "excellent", group: group(9, 0) }))).toBe(true)
    const e = refused(checkGrade({ quotas: q, grade: "excellent", group: group(9, 1) }))
    expect(e.text.zh).toContain("9×20%=1.8，向下取整为1，已评优秀1人，第2人不能评为优秀")
    expect(e.text.en).toContain(
      "9 × 20% = 1.8, rounded down to 1; 1 already graded excellent, so a 2nd cannot",
    )
  })

  it("002 三（二）: 4 first secretaries allow no excellent at all (4×20%=0.8 → 0)", () => {
    const e = refused(checkGrade({ quotas: q, grade: "excellent", group: group(4, 0) }))
    expect(e.text.zh).toContain("4×20%=0.8，向下取整为0，已评优秀0人，第1人不能评为优秀")
  })

  it("002 三（二）: other grades are not limited by the excellent cap", () => {
    expect(Either.isRight(checkGrade({ quotas: q, grade: "competent", group: group(10, 2, 7) }))).toBe(true)
  })

  it("002 三（二）: re-deciding an excellent as excellent releases the person's own place", () => {
    expect(
      Either.isRight(
        checkGrade({ quotas: q, grade: "excellent", group: group(10, 2), replacing: "excellent" }),
      ),
    ).toBe(true)
    // Changing a competent person to excellent when the cap is full is still refused.
    expect(
      Either.isLeft(
        checkGrade({ quotas: q, grade: "excellent", group: group(10, 2, 1), replacing: "competent" }),
      ),
    ).toBe(true)
  })

  it("002 三（二）: inconsistent counts are refused, not silently accepted", () => {
    const full = refused(checkGrade({ quotas: q, grade: "competent", group: group(3, 1, 2) }))
    expect(full._tag).toBe("GroupCountInvalid")
    expect(full.text.zh).toContain("超过总人数")
    expect(refused(checkGrade({ quotas: q, grade: "excellent", group: group(3, -1) }))._tag).toBe(
      "GroupCountInvalid",
    )
    expect(
      refused(checkGrade({ quotas: q, grade: "excellent", group: group(3, 0), replacing: "competent" }))._tag,
    ).toBe("GroupCountInvalid")
  })
})

describe("Quota: 004 晋城 管理考核 五是 excellent 30% of cadres of the same kind", () => {
  it("004 晋城 管理考核 五是: 10 of the same kind allow 3; the 4th is refused, naming the group counted among", () => {
    const q = jincheng.assessment.quotas
    expect(Either.isRight(checkGrade({ quotas: q, grade: "excellent", group: group(10, 2) }))).toBe(true)
    const e = refused(checkGrade({ quotas: q, grade: "excellent", group: group(10, 3) }))
    expect(e.text.zh).toBe(
      "同类挂职干部（单列，不占派出单位和挂职单位名额）共10人，优秀不超过30%：10×30%=3（向下取整），已评优秀3人，第4人不能评为优秀（004 晋城 管理考核 五是）",
    )
  })

  it("004 晋城 管理考核 五是: each group is counted separately (a per-quota group function)", () => {
    const q = jincheng.assessment.quotas
    const counts: Record<string, GroupCount> = { excellent_cap: group(7, 2) }
    const r = checkGrade({ quotas: q, grade: "excellent", group: (x) => counts[x.id] ?? group(0, 0) })
    // 7 × 30% = 2.1 → 2: full.
    expect(refused(r).text.zh).toContain("7×30%=2.1，向下取整为2")
  })
})

describe("Quota: schemes without quotas and floors", () => {
  it("000: a scheme with no quota allows any grade and says why", () => {
    const y = loadPreset(yangpuCommunitySecretary)
    const r = checkGrade({ quotas: y.assessment.quotas, grade: "excellent", group: group(1, 0) })
    if (Either.isLeft(r)) throw r.left
    expect(r.right.checked).toEqual([])
    expect(r.right.note?.zh).toBe("通知未规定考核等次比例")
  })

  const floor: Quota = {
    id: "competent_floor",
    grade: "competent",
    bound: "floor",
    share: { numerator: 40, denominator: 100 },
    rounding: "ceil",
    countedAmong: { zh: "本组", en: "This group" },
    citation: cite("test", "1"),
  }

  it("a floor (不少于40%, ceil) refuses the decision that makes it unreachable, with the arithmetic", () => {
    // 5 × 40% = 2 needed; 1 competent, 2 ungraded: grading one of them excellent leaves at most 2 — still reachable.
    expect(Either.isRight(checkGrade({ quotas: [floor], grade: "excellent", group: group(5, 2, 1) }))).toBe(
      true,
    )
    // 1 competent, 1 ungraded: grading the last one excellent leaves 1 < 2.
    const e = refused(checkGrade({ quotas: [floor], grade: "excellent", group: group(5, 3, 1) }))
    expect(e.text.zh).toBe(
      "本组共5人，称职不少于40%：5×40%=2（向上取整），已评称职1人，尚未评定1人；此人若评为优秀，称职最多1人，达不到2人（test 1）",
    )
    // Grading them competent is what the floor wants.
    expect(Either.isRight(checkGrade({ quotas: [floor], grade: "competent", group: group(5, 3, 1) }))).toBe(
      true,
    )
  })

  it("quotaUse: places left under a cap, shortfall under a floor", () => {
    const cap = quotas(daan)[0] as Quota
    expect(quotaUse(cap, { size: 10, used: 1 })).toMatchObject({ remaining: 1, shortfall: 0, within: true })
    expect(quotaUse(cap, { size: 10, used: 1 }).text.zh).toContain("尚余1个名额")
    expect(quotaUse(cap, { size: 9, used: 2 })).toMatchObject({ remaining: -1, within: false })
    expect(quotaUse(floor, { size: 5, used: 1 })).toMatchObject({ shortfall: 1, within: false })
    expect(quotaUse(floor, { size: 5, used: 1 }).text.en).toContain("1 short")
  })
})

describe("Quota: properties", () => {
  const GRADES: ReadonlyArray<Grade> = ["excellent", "competent", "basically_competent", "incompetent"]

  it("002 三（二）: for any group size and any order of grading requests, excellent never exceeds quotaCount", () => {
    const cap = quotas(daan)[0] as Quota
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.constantFrom(...GRADES), { minLength: 0, maxLength: 60 }),
        (size, requests) => {
          const counts: Record<Grade, number> = {
            excellent: 0,
            competent: 0,
            basically_competent: 0,
            incompetent: 0,
          }
          let graded = 0
          for (const g of requests.slice(0, size)) {
            const r = checkGrade({ quotas: [cap], grade: g, group: { size, alreadyGraded: { ...counts } } })
            if (Either.isRight(r)) {
              counts[g] += 1
              graded += 1
            } else {
              // Refused only for excellent, and only when the cap is full.
              expect(g).toBe("excellent")
              expect(counts.excellent).toBe(quotaCount(cap, size))
            }
          }
          expect(counts.excellent).toBeLessThanOrEqual(quotaCount(cap, size))
          expect(graded).toBeLessThanOrEqual(size)
        },
      ),
    )
  })

  it("any cap share: the k-th request is allowed iff k ≤ floor(n × share), exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, den, numRaw) => {
          const num = numRaw % (den + 1)
          const cap: Quota = {
            id: "cap",
            grade: "excellent",
            bound: "cap",
            share: { numerator: num, denominator: den },
            rounding: "floor",
            countedAmong: { zh: "组", en: "group" },
            citation: cite("t", "1"),
          }
          const limit = quotaCount(cap, n)
          // Integer check of the limit: limit × den ≤ n × num < (limit + 1) × den.
          expect(limit * den).toBeLessThanOrEqual(n * num)
          expect(n * num).toBeLessThan((limit + 1) * den)
          for (const used of [limit - 1, limit, limit + 1].filter((u) => u >= 0 && u < n)) {
            const r = checkGrade({
              quotas: [cap],
              grade: "excellent",
              group: { size: n, alreadyGraded: { excellent: used } },
            })
            expect(Either.isRight(r)).toBe(used + 1 <= limit)
          }
        },
      ),
    )
  })
})
