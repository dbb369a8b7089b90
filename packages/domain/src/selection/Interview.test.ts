import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { anqiuDownSecondment } from "../scheme/presets/index.js"
import {
  aggregateScores,
  type InterviewScore,
  type InterviewScoring,
  meanHundredths,
  type RankedCandidate,
  rankInterviews,
  type Scored,
  shortlistByRank,
} from "./Interview.js"
import { derivePath } from "./Path.js"
import { shortlistLimit } from "./Transition.js"

const MEAN: InterviewScoring = { _tag: "Mean" }
const TRIM5: InterviewScoring = { _tag: "TrimmedMean", minRaters: 5 }

const rec = (...scores: ReadonlyArray<number>): Scored => ({
  scores: scores.map((score, i) => ({ rater: `评委${i + 1}`, score })),
})
const agg = (r: Scored, m: InterviewScoring = MEAN): InterviewScore => {
  const e = aggregateScores(r, m)
  if (Either.isLeft(e)) throw new Error(e.left.message)
  return e.right
}
const rank = (rows: ReadonlyArray<readonly [string, Scored]>, m: InterviewScoring = MEAN) => {
  const e = rankInterviews(
    rows.map(([applicationId, record]) => ({ applicationId, record })),
    m,
  )
  if (Either.isLeft(e)) throw new Error(e.left.message)
  return e.right
}

describe("aggregateScores (000 二（二） 面试; the method is a campaign setting)", () => {
  it("000 二（二）: the mean of 85, 90 and 80 is 85.00, with the words", () => {
    const s = agg(rec(85, 90, 80))
    expect(s).toMatchObject({ raters: 3, hundredths: 8500, score: 85, display: "85.00", dropped: [] })
    expect(s.explanation).toEqual({
      zh: "3名评委平均85.00分（四舍五入保留两位小数）",
      en: "Mean of 3 raters: 85.00 (rounded half up to 2 decimals)",
    })
  })

  it("rounding is half up on the exact mean: 85.125 → 85.13, 90.333… → 90.33, 90.666… → 90.67", () => {
    expect(agg(rec(85.12, 85.13)).display).toBe("85.13")
    expect(agg(rec(90, 90, 91)).display).toBe("90.33")
    expect(agg(rec(90, 91, 91)).display).toBe("90.67")
  })

  it("rounding is exact where floating point is not: a mean of 80.005 is 80.01 (toFixed gives 80.00)", () => {
    expect((80.005).toFixed(2)).toBe("80.00") // the float trap the kernel avoids
    expect(agg(rec(80.005)).display).toBe("80.01")
    expect(agg(rec(80, 80.01)).display).toBe("80.01")
    expect(agg(rec(85.5, 86, 84.5)).display).toBe("85.33")
  })

  it("trimmed mean with ≥ 5 raters (campaign setting): drops one highest and one lowest and says which", () => {
    const s = agg(rec(95, 70, 85, 86, 84), TRIM5)
    expect(s).toMatchObject({ raters: 5, hundredths: 8500 })
    expect(s.dropped).toEqual([
      { rater: "评委1", score: 95, end: "highest" },
      { rater: "评委2", score: 70, end: "lowest" },
    ])
    expect(s.explanation.zh).toBe(
      "5名评委，去掉一个最高分95（评委1）和一个最低分70（评委2），其余3名评委平均85.00分（四舍五入保留两位小数）",
    )
  })

  it("trimmed mean with 4 raters (below the campaign's 5): nothing is dropped, and the words say why", () => {
    const s = agg(rec(95, 70, 85, 86), TRIM5)
    expect(s).toMatchObject({ hundredths: 8400, dropped: [] })
    expect(s.explanation.en).toBe(
      "4 raters, fewer than 5, so no score is dropped; the mean is 84.00 (rounded half up to 2 decimals)",
    )
  })

  it("trimmed mean of equal scores drops two different raters", () => {
    const s = agg(rec(80, 80, 80, 80, 80), TRIM5)
    expect(s.dropped.map((d) => d.rater)).toEqual(["评委1", "评委2"])
    expect(s.counted).toHaveLength(3)
  })

  it("a rater scoring twice, a score outside 0–100 or no scores is refused with a bilingual reason", () => {
    const dup = aggregateScores(
      {
        scores: [
          { rater: "甲", score: 80 },
          { rater: "甲", score: 90 },
        ],
      },
      MEAN,
      "a-1",
    )
    expect(Either.isLeft(dup) && dup.left).toMatchObject({ reason: "duplicate_rater", applicationId: "a-1" })
    expect(Either.isLeft(dup) && dup.left.text.zh).toBe("面试成绩无法计算（报名 a-1）：评委“甲”评分不止一次")
    const out = aggregateScores(rec(101), MEAN)
    expect(Either.isLeft(out) && out.left.reason).toBe("score_out_of_range")
    const none = aggregateScores({ scores: [] }, MEAN)
    expect(Either.isLeft(none) && none.left.reason).toBe("no_scores")
  })

  it("property: for scores in hundredths, the result is round-half-up(Σ / n) in integers", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }), (ks) => {
        const sum = ks.reduce((a, b) => a + b, 0)
        const expected = Math.floor((2 * sum + ks.length) / (2 * ks.length))
        return meanHundredths(ks.map((k) => k / 100)) === expected
      }),
    )
  })

  it("property: raising the highest score never changes a trimmed mean", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: 5, maxLength: 15 }),
        fc.integer({ min: 0, max: 1000 }),
        (ks, bump) => {
          const scores = ks.map((k) => k / 100)
          const i = scores.indexOf(Math.max(...scores))
          const raised = scores.map((s, j) => (j === i ? s + bump / 100 : s))
          return agg(rec(...scores), TRIM5).hundredths === agg(rec(...raised), TRIM5).hundredths
        },
      ),
    )
  })
})

describe("rankInterviews and shortlistByRank (004 安丘 规范选派程序（3） 1:2)", () => {
  const ANQIU_LIMIT = (places: number) => shortlistLimit(derivePath(loadPreset(anqiuDownSecondment)), places)

  it("ranks by score with competition ranking for ties (1, 2, 2, 4)", () => {
    const r = rank([
      ["a", rec(80)],
      ["b", rec(90)],
      ["c", rec(85)],
      ["d", rec(85)],
    ])
    expect(r.map((x) => [x.applicationId, x.rank, x.tied])).toEqual([
      ["b", 1, false],
      ["c", 2, true],
      ["d", 2, true],
      ["a", 4, false],
    ])
  })

  it("ties are on the rounded score: 85.124 and 85.123 both show 85.12 and share a rank", () => {
    const r = rank([
      ["x", rec(85.124)],
      ["y", rec(85.123)],
    ])
    expect(r.map((x) => x.rank)).toEqual([1, 1])
  })

  it("004 安丘（3） 1:2: 2 places → a shortlist of 4; the 5th ranked is not shortlisted", () => {
    expect(ANQIU_LIMIT(2)).toBe(4)
    const r = rank([
      ["a", rec(91)],
      ["b", rec(90)],
      ["c", rec(89)],
      ["d", rec(88)],
      ["e", rec(87)],
    ])
    const cut = shortlistByRank(r, ANQIU_LIMIT(2))
    expect(cut).toMatchObject({
      shortlisted: ["a", "b", "c", "d"],
      tiedAtCut: [],
      seatsForTied: 0,
      notShortlisted: ["e"],
    })
    expect(cut.explanation.zh).toBe("初步人选上限4人，按面试成绩确定4人")
  })

  it("004 安丘（3） 1:2: a tie across the 4th place is left to the meeting, with the seats it has to fill", () => {
    const r = rank([
      ["a", rec(91)],
      ["b", rec(90)],
      ["c", rec(89)],
      ["d", rec(88)],
      ["e", rec(88)],
      ["f", rec(70)],
    ])
    const cut = shortlistByRank(r, ANQIU_LIMIT(2))
    expect(cut).toMatchObject({
      shortlisted: ["a", "b", "c"],
      tiedAtCut: ["d", "e"],
      seatsForTied: 1,
      notShortlisted: ["f"],
    })
    expect(cut.explanation.zh).toBe(
      "初步人选上限4人，按面试成绩确定3人；2人成绩并列，争1个名额，须会议研究确定",
    )
  })

  it("without a ratio (no limit) everyone ranked is shortlisted", () => {
    const r = rank([
      ["a", rec(91)],
      ["b", rec(60)],
    ])
    expect(shortlistByRank(r, Number.POSITIVE_INFINITY)).toMatchObject({
      shortlisted: ["a", "b"],
      tiedAtCut: [],
    })
  })

  it("property: the cut partitions the ranking, fills exactly min(limit, n) seats, and never splits a rank except at the cut", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 60, max: 70 }), { minLength: 0, maxLength: 20 }),
        fc.integer({ min: 0, max: 25 }),
        (scores, limit) => {
          const r: ReadonlyArray<RankedCandidate> = rank(
            scores.map((s, i) => [`a${String(i).padStart(2, "0")}`, rec(s)]),
          )
          const cut = shortlistByRank(r, limit)
          const all = [...cut.shortlisted, ...cut.tiedAtCut, ...cut.notShortlisted].sort()
          const rankOf = new Map(r.map((x) => [x.applicationId, x.rank]))
          const worst = (ids: ReadonlyArray<string>) => Math.max(0, ...ids.map((id) => rankOf.get(id) ?? 0))
          const best = (ids: ReadonlyArray<string>) =>
            Math.min(Infinity, ...ids.map((id) => rankOf.get(id) ?? 0))
          return (
            JSON.stringify(all) === JSON.stringify(r.map((x) => x.applicationId).sort()) &&
            cut.shortlisted.length + cut.seatsForTied === Math.min(limit, r.length) &&
            worst(cut.shortlisted) < best([...cut.tiedAtCut, ...cut.notShortlisted]) &&
            worst(cut.tiedAtCut) < best(cut.notShortlisted) &&
            new Set(cut.tiedAtCut.map((id) => rankOf.get(id))).size <= 1 &&
            cut.seatsForTied < Math.max(1, cut.tiedAtCut.length)
          )
        },
      ),
    )
  })
})
