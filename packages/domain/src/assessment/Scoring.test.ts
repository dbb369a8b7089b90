import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { huaishangVillagePosting, secretaryTeamManagement } from "../scheme/presets/index.js"
import type { FourEvaluations, PanelScoring, Scoring, StarRating } from "../scheme/Scheme.js"
import { cite } from "../shared/Citation.js"
import { cited, type Param, unspecified } from "../shared/Cited.js"
import { make } from "../shared/LocalDate.js"
import {
  classifySecretary,
  type EvaluationEntry,
  type EvaluationRecord,
  nextEvaluationPart,
  recordEvaluation,
  residentRates,
  scorePanel,
  scoreSheet,
  starsFor,
} from "./Scoring.js"

const huaishang = loadPreset(huaishangVillagePosting)
const team = loadPreset(secretaryTeamManagement)
const d = make
const ok = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw e.left
  return e.right
}
const err = <A, E>(e: Either.Either<A, E>): E => {
  if (Either.isRight(e)) throw new Error("expected a refusal")
  return e.left
}
const t = cite("test", "1")

/** A region's own scoring with items and bands (the seeds state neither). */
const regionScoring: Param<Scoring> = cited(
  {
    maxPoints: cited(100, t),
    cycleIds: ["half_year", "year_end"],
    items: cited(
      [
        { id: "targets", label: { zh: "目标任务", en: "Targets" }, maxPoints: 60 },
        { id: "conduct", label: { zh: "作风纪律", en: "Conduct" }, maxPoints: 40 },
      ],
      t,
    ),
    gradeBands: cited(
      [
        { minPoints: 90, grade: "excellent" },
        { minPoints: 70, grade: "competent" },
        { minPoints: 60, grade: "basically_competent" },
        { minPoints: 0, grade: "incompetent" },
      ],
      t,
    ),
  },
  t,
)

describe("Scoring: 004 淮上 目标考核 三是 100-point scoring at half-year, year-end and term-end", () => {
  it("004 淮上 目标考核 三是: the preset scores out of 100 at the three cycles; items and bands are unspecified", () => {
    const s = huaishang.assessment.scoring
    expect(s?._tag === "Cited" && [s.value.maxPoints, s.value.cycleIds]).toEqual([
      {
        _tag: "Cited",
        value: 100,
        citation: { document: "004", clause: "淮上 目标考核 三是", quote: "实行百分制量化考核" },
      },
      ["half_year", "year_end", "term_end"],
    ])
    expect(s?._tag === "Cited" && [s.value.items._tag, s.value.gradeBands._tag]).toEqual([
      "Unspecified",
      "Unspecified",
    ])
  })

  it("004 淮上 目标考核 三是: a total of 85.5/100 is recorded; the grade is left to the township committee", () => {
    const r = ok(scoreSheet(huaishang.assessment.scoring, { cycleId: "year_end", total: 85.5 }))
    expect(r.total).toEqual({ num: 171, den: 2 })
    expect(r.grade._tag).toBe("Undetermined")
    expect(r.text.zh).toBe("85.5/100分；等次：未规定分数与等次的对应关系；等次由乡镇党委会评定")
  })

  it("004 淮上 目标考核 三是: 100 is allowed, 100.01 is not; a cycle that is not scored is refused", () => {
    expect(ok(scoreSheet(huaishang.assessment.scoring, { cycleId: "term_end", total: 100 })).display).toBe(
      "100",
    )
    expect(
      err(scoreSheet(huaishang.assessment.scoring, { cycleId: "term_end", total: 100.01 })).text.zh,
    ).toContain("超过满分 100")
    expect(err(scoreSheet(huaishang.assessment.scoring, { cycleId: "annual", total: 80 })).text.en).toContain(
      "annual is not a scored cycle",
    )
    expect(err(scoreSheet(huaishang.assessment.scoring, { cycleId: "year_end", total: 80.123 }))._tag).toBe(
      "ScoreInvalid",
    )
  })

  it("a region's items and bands: 0.1 + 0.2 style sums are exact and bands bite at their edges (89.99 vs 90)", () => {
    const sheet = (a: number, b: number) => ({
      cycleId: "year_end",
      items: [
        { id: "targets", points: a },
        { id: "conduct", points: b },
      ],
    })
    const at90 = ok(scoreSheet(regionScoring, sheet(59.9, 30.1)))
    expect(at90.display).toBe("90")
    expect(at90.grade).toMatchObject({ _tag: "Banded", grade: "excellent", minPoints: 90 })
    expect(ok(scoreSheet(regionScoring, sheet(59.9, 30.09))).grade).toMatchObject({ grade: "competent" })
    expect(ok(scoreSheet(regionScoring, sheet(0.1, 0.2))).display).toBe("0.3")
    expect(err(scoreSheet(regionScoring, sheet(61, 10))).text.zh).toContain("应在 0 到 60 之间")
    expect(
      err(scoreSheet(regionScoring, { cycleId: "year_end", items: [{ id: "targets", points: 50 }] })).text.zh,
    ).toContain("作风纪律")
  })
})

describe("Scoring: 003 四 抓好提级述职 half-year report-back", () => {
  const scores = [
    { scorer: "org_dept", points: 90 },
    { scorer: "civil_affairs", points: 85 },
    { scorer: "street", points: 80 },
  ]

  it("003 四 抓好提级述职: 组织部、民政局、所属街道 each score; with no weights in the seed, no combined score is made up", () => {
    const r = ok(scorePanel(team.assessment.reportBack, scores))
    expect(r.scores.map((s) => s.scorer)).toEqual(["org_dept", "civil_affairs", "street"])
    expect(r.combined._tag).toBe("Undetermined")
    expect(r.text.zh).toBe("组织部 90，民政局 85，所属街道 80；未合成总分：发言未规定各评议部门的权重")
  })

  it("003 四 抓好提级述职: a missing or unknown scorer is refused", () => {
    expect(err(scorePanel(team.assessment.reportBack, scores.slice(0, 2))).text.zh).toContain(
      "所属街道应有且只有一个分数",
    )
    expect(
      err(scorePanel(team.assessment.reportBack, [...scores, { scorer: "audit", points: 1 }])).text.en,
    ).toContain("not among the scorers: audit")
  })

  it("a region's weights (1/2, 1/4, 1/4) combine exactly; weights not adding to 1 are refused", () => {
    const base = team.assessment.reportBack
    if (base?._tag !== "Cited") throw new Error("003 reportBack expected")
    const withWeights = (w: ReadonlyArray<[string, number, number]>): Param<PanelScoring> =>
      cited(
        {
          ...base.value,
          maxPoints: cited(100, t),
          weights: cited(
            w.map(([scorer, numerator, denominator]) => ({
              scorer,
              weight: { numerator, denominator },
            })) as never,
            t,
          ),
        },
        t,
      )
    const r = ok(
      scorePanel(
        withWeights([
          ["org_dept", 1, 2],
          ["civil_affairs", 1, 4],
          ["street", 1, 4],
        ]),
        scores,
      ),
    )
    // 90/2 + 85/4 + 80/4 = 86.25
    expect(r.combined).toMatchObject({ _tag: "Weighted", points: { num: 345, den: 4 }, display: "86.25" })
    expect(
      err(
        scorePanel(
          withWeights([
            ["org_dept", 1, 3],
            ["civil_affairs", 1, 3],
            ["street", 1, 4],
          ]),
          scores,
        ),
      ).text.zh,
    ).toContain("权重之和不等于1")
  })
})

describe("Scoring: 003 四 用好星级评定 five star levels", () => {
  it("003 四 用好星级评定: five levels, 11 departments, four named areas; bands unspecified → no star level is guessed", () => {
    const r = team.assessment.starRating
    expect(r?._tag === "Cited" && r.value.stars).toMatchObject({ value: 5 })
    expect(r?._tag === "Cited" && r.value.raters._tag === "Cited" && r.value.raters.value.zh).toContain(
      "11个区直部门",
    )
    expect(
      r?._tag === "Cited" && r.value.areas._tag === "Cited" && r.value.areas.value.map((a) => a.zh),
    ).toEqual(["组织建设", "民生福祉", "平安建设", "防范风险"])
    const s = ok(starsFor(team.assessment.starRating, 88))
    expect(s._tag).toBe("Undetermined")
    expect(s.text.zh).toContain("发言未规定各星级的分数线")
  })

  it("a region's bands: 80 → 4 stars, 79.99 → 3 stars; a band above the scale is refused", () => {
    const base = team.assessment.starRating
    if (base?._tag !== "Cited") throw new Error("003 starRating expected")
    const bands = (b: ReadonlyArray<[number, number]>): Param<StarRating> =>
      cited(
        {
          ...base.value,
          maxPoints: cited(100, t),
          bands: cited(b.map(([minPoints, stars]) => ({ minPoints, stars })) as never, t),
        },
        t,
      )
    const five = bands([
      [90, 5],
      [80, 4],
      [70, 3],
      [60, 2],
      [0, 1],
    ])
    expect(ok(starsFor(five, 80))).toMatchObject({ _tag: "Stars", stars: 4, of: 5 })
    expect(ok(starsFor(five, 79.99))).toMatchObject({ _tag: "Stars", stars: 3 })
    expect(ok(starsFor(five, 80)).text.zh).toBe("80分，不低于80分：4星（共5个星级）")
    expect(err(starsFor(bands([[90, 6]]), 95)).text.zh).toContain("超过5个星级")
  })
})

describe("Scoring: 003 四 做实履职评估 the four evaluations", () => {
  const fe = team.assessment.fourEvaluations
  const votes = {
    virtue: { good: 30, fair: 5 },
    ability: { good: 28 },
    diligence: { good: 30 },
    results: { good: 25 },
    integrity: { good: 31 },
  }
  const entries: ReadonlyArray<EvaluationEntry> = [
    { part: "self", by: "applicant", on: d("2024-06-20"), summary: "基础工作、重点任务已完成" },
    { part: "residents", by: "residents", on: d("2024-06-22"), summary: "民主测评", votes },
    { part: "street", by: "street", on: d("2024-06-25"), summary: "实地查资料、验成效" },
    { part: "org_dept", by: "org_dept", on: d("2024-06-30"), summary: "综合研判：较好" },
  ]
  const run = (es: ReadonlyArray<EvaluationEntry>) => {
    let r: EvaluationRecord = { period: "2024-H1", entries: [] }
    for (const e of es) {
      const n = recordEvaluation(fe, r, e)
      if (Either.isLeft(n)) return n
      r = n.right
    }
    return Either.right(r)
  }

  it("003 四 做实履职评估: self → residents (德能勤绩廉) → street → org dept, in that order", () => {
    const r = ok(run(entries))
    expect(r.entries.map((e) => e.part)).toEqual(["self", "residents", "street", "org_dept"])
    expect(nextEvaluationPart(fe, r)).toBeUndefined()
    expect(nextEvaluationPart(fe, { period: "2024-H1", entries: [] })).toBe("self")
  })

  it("003 四 做实履职评估: the street's review before the residents' is refused; so is the wrong body", () => {
    expect(err(run([entries[0], entries[2]] as never)).text.zh).toBe("履职评估：须先完成“社区居民点评”")
    expect(err(run([{ ...entries[0], by: "street" } as EvaluationEntry])).text.zh).toContain("应由本人进行")
    expect(err(run([...entries, entries[3]] as never)).text.en).toContain("all parts are done")
  })

  it("003 四 做实履职评估: the residents' vote must cover 德、能、勤、绩、廉", () => {
    const { integrity: _, ...four } = votes
    const e = err(run([entries[0], { ...entries[1], votes: four } as EvaluationEntry] as never))
    expect(e.text.zh).toBe("履职评估：缺少以下方面的测评：廉")
  })

  it("003 四 做实履职评估: answer options are not in the seed, so no favourable rate is computed; a region's options are", () => {
    expect(residentRates(fe, votes)).toMatchObject({ _tag: "Undetermined" })
    if (fe?._tag !== "Cited") throw new Error("003 fourEvaluations expected")
    const own: Param<FourEvaluations> = cited(
      {
        ...fe.value,
        residentOptions: cited(
          [
            { key: "good", label: { zh: "好", en: "good" }, favourable: true },
            { key: "fair", label: { zh: "一般", en: "fair" }, favourable: false },
          ],
          t,
        ),
      },
      t,
    )
    const rates = residentRates(own, votes)
    expect(Array.isArray(rates) && rates[0]).toMatchObject({
      dimension: "virtue",
      favourable: { num: 6, den: 7 },
      percent: "85.7%",
    })
  })
})

describe("Scoring: 003 三 深化分类管理 示范、骨干、潜力、守摊", () => {
  const typing = team.assessment.secretaryTypes
  const basis = [
    { standard: "star_rating", finding: "五星" },
    { standard: "branding", finding: "书记工作室" },
    { standard: "facilities", finding: "阵地达标" },
  ]

  it("003 三 深化分类管理: a classification addresses every named standard and returns the type's support", () => {
    const c = ok(classifySecretary(typing, { type: "model", by: "org_dept", on: d("2024-07-01"), basis }))
    expect(c.label.zh).toBe("示范")
    expect(c.support.zh).toContain("组织部门跟踪培养、直接联系")
    expect(c.assignment.zh).toContain("由组织部门对照标准研判确定")
    const p = ok(classifySecretary(typing, { type: "potential", by: "org_dept", on: d("2024-07-01"), basis }))
    expect(p.support.zh).toContain("一对一")
  })

  it("003 三 深化分类管理: a classification missing a standard is refused", () => {
    const e = err(
      classifySecretary(typing, {
        type: "backbone",
        by: "org_dept",
        on: d("2024-07-01"),
        basis: basis.slice(0, 2),
      }),
    )
    expect(e.text.zh).toBe("履职评估：须对照以下标准说明依据：阵地打造")
  })

  it("a scheme without types refuses to classify", () => {
    expect(
      err(
        classifySecretary(unspecified({ zh: "无", en: "none" }), {
          type: "model",
          by: "org_dept",
          on: d("2024-07-01"),
          basis,
        }),
      )._tag,
    ).toBe("EvaluationRefused")
  })
})
