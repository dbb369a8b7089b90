/**
 * Interview scores (面试, 000 二（二） "区委组织部组织选派干部面试，产生初步人选"): several raters score each candidate
 * (Model `InterviewRecord`); the campaign combines the scores into one, ranks the candidates, and the ranks feed the
 * shortlist (初步人选), whose size the scheme's ratio may cap (004 安丘 规范选派程序（3） "按照1:2的比例").
 *
 * No seed says how raters' scores are combined, so the method is a campaign setting, not a scheme rule:
 * - `Mean`: the plain mean;
 * - `TrimmedMean { minRaters }`: with at least `minRaters` raters, one highest and one lowest score are dropped
 *   (去掉一个最高分和一个最低分) and the rest averaged; with fewer, the plain mean. The campaign chooses minRaters.
 *
 * Rounding, exactly: each score is read as the decimal it is written as (85.5, 80.005), the mean is computed as a
 * fraction of integers (bigint) and rounded half up (四舍五入) to 2 decimals once, at the end. Floating-point
 * arithmetic would not do: 80.005 is 80.00499999… in binary, so `(80.005).toFixed(2)` gives 80.00, not 80.01.
 * Ranks compare the rounded score: two candidates shown with the same score are tied.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { Text } from "../shared/Text.js"

/**
 * How the raters' scores are combined: the plain mean, or the trimmed mean above a number of raters.
 *
 * @category schemas
 * @since 0.1.0
 */
export const InterviewScoring = Schema.Union(
  Schema.TaggedStruct("Mean", {}),
  Schema.TaggedStruct("TrimmedMean", { minRaters: Schema.Int.pipe(Schema.greaterThanOrEqualTo(3)) }),
).annotations({ identifier: "InterviewScoring", title: "面试计分方法 / interview scoring" })
/**
 * The decoded value of the {@link InterviewScoring} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type InterviewScoring = typeof InterviewScoring.Type

/**
 * One rater's score of one candidate, as written.
 *
 * @category models
 * @since 0.1.0
 */
export interface RaterScore {
  readonly rater: string
  readonly score: number
}

/**
 * What is scored: the Model's `InterviewRecord` fits (its scores are a non-empty array of these).
 *
 * @category models
 * @since 0.1.0
 */
export interface Scored {
  readonly scores: ReadonlyArray<RaterScore>
}

/**
 * A candidate's combined interview score, exact in hundredths, with the scores counted and dropped.
 *
 * @category models
 * @since 0.1.0
 */
export interface InterviewScore {
  readonly raters: number
  readonly counted: ReadonlyArray<RaterScore>
  /** Scores a trimmed mean left out, with which end each came from. */
  readonly dropped: ReadonlyArray<RaterScore & { readonly end: "highest" | "lowest" }>
  /** The score in hundredths of a point, exact: 8540 is 85.40. Ranks compare this. */
  readonly hundredths: number
  /** `hundredths / 100`, for display and export. */
  readonly score: number
  /** Two decimals, as printed: "85.40". */
  readonly display: string
  readonly explanation: Text
}

/**
 * Why interview scores are refused: none, a rater twice, or a score out of range.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ScoresProblem = Schema.Literal("no_scores", "duplicate_rater", "score_out_of_range")
/**
 * The decoded value of the {@link ScoresProblem} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ScoresProblem = typeof ScoresProblem.Type

/**
 * Interview scores refused, with the problem and a bilingual explanation.
 *
 * @category errors
 * @since 0.1.0
 */
export class InterviewScoresInvalid extends Schema.TaggedError<InterviewScoresInvalid>()(
  "InterviewScoresInvalid",
  {
    reason: ScoresProblem,
    applicationId: Schema.optional(Schema.String),
    detail: Text,
  },
) {
  get text(): Text {
    const who =
      this.applicationId === undefined
        ? { zh: "", en: "" }
        : { zh: `（报名 ${this.applicationId}）`, en: ` (application ${this.applicationId})` }
    return {
      zh: `面试成绩无法计算${who.zh}：${this.detail.zh}`,
      en: `Cannot compute the interview score${who.en}: ${this.detail.en}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/** The decimal a score is written as, as an integer and a power of ten: 85.5 → 855 × 10⁻¹. */
const decimalOf = (x: number): { readonly units: bigint; readonly scale: number } => {
  // Scores are within 0–100; only values below 1e-6 print with an exponent.
  const s = String(x).includes("e") ? x.toFixed(20).replace(/0+$/, "") : String(x)
  const [whole = "0", frac = ""] = s.split(".")
  return { units: BigInt(whole + frac), scale: frac.length }
}

/**
 * Mean of non-empty, non-negative scores, rounded half up to hundredths, in exact integer arithmetic.
 *
 * @category utils
 * @since 0.1.0
 */
export const meanHundredths = (scores: ReadonlyArray<number>): number => {
  const ds = scores.map(decimalOf)
  const scale = Math.max(0, ...ds.map((d) => d.scale))
  const sum = ds.reduce((acc, d) => acc + d.units * 10n ** BigInt(scale - d.scale), 0n)
  const den = BigInt(ds.length) * 10n ** BigInt(scale)
  // round(sum × 100 / den) half up, all terms non-negative: floor((200·sum + den) / (2·den)).
  return Number((200n * sum + den) / (2n * den))
}

/**
 * Hundredths as a decimal with two places: 8551 → "85.51".
 *
 * @category utils
 * @since 0.1.0
 */
export const formatHundredths = (h: number): string =>
  `${Math.floor(h / 100)}.${String(h % 100).padStart(2, "0")}`

const invalid = (reason: ScoresProblem, detail: Text, applicationId?: string) =>
  Either.left(
    new InterviewScoresInvalid(
      applicationId === undefined ? { reason, detail } : { reason, detail, applicationId },
    ),
  )

/**
 * One candidate's interview score under the campaign's method.
 *
 * @category rules
 * @since 0.1.0
 */
export const aggregateScores = (
  record: Scored,
  method: InterviewScoring,
  applicationId?: string,
): Either.Either<InterviewScore, InterviewScoresInvalid> => {
  const scores: ReadonlyArray<RaterScore> = record.scores
  const n = scores.length
  if (n === 0) return invalid("no_scores", { zh: "没有评委评分", en: "there are no scores" }, applicationId)
  const seen = new Set<string>()
  for (const s of scores) {
    if (!Number.isFinite(s.score) || s.score < 0 || s.score > 100)
      return invalid(
        "score_out_of_range",
        {
          zh: `评委“${s.rater}”的评分 ${s.score} 不在0至100之间`,
          en: `rater "${s.rater}" gave ${s.score}, outside 0–100`,
        },
        applicationId,
      )
    if (seen.has(s.rater))
      return invalid(
        "duplicate_rater",
        { zh: `评委“${s.rater}”评分不止一次`, en: `rater "${s.rater}" scored more than once` },
        applicationId,
      )
    seen.add(s.rater)
  }

  const trim = method._tag === "TrimmedMean" && n >= method.minRaters
  let counted: ReadonlyArray<RaterScore> = scores
  let dropped: InterviewScore["dropped"] = []
  if (trim) {
    // Which of several equal scores is dropped does not change the mean; the first in the list is named.
    let hi = 0
    let lo = 0
    scores.forEach((s, i) => {
      if (s.score > (scores[hi]?.score ?? 0)) hi = i
      if (s.score < (scores[lo]?.score ?? 0)) lo = i
    })
    if (hi === lo) lo = hi === 0 ? 1 : 0 // every score equal
    const h = scores[hi] as RaterScore
    const l = scores[lo] as RaterScore
    counted = scores.filter((_, i) => i !== hi && i !== lo)
    dropped = [
      { ...h, end: "highest" },
      { ...l, end: "lowest" },
    ]
  }
  const hundredths = meanHundredths(counted.map((s) => s.score))
  const display = formatHundredths(hundredths)
  const rounding = { zh: "（四舍五入保留两位小数）", en: " (rounded half up to 2 decimals)" }
  const [h, l] = dropped
  const explanation: Text =
    h !== undefined && l !== undefined
      ? {
          zh: `${n}名评委，去掉一个最高分${h.score}（${h.rater}）和一个最低分${l.score}（${l.rater}），其余${counted.length}名评委平均${display}分${rounding.zh}`,
          en: `${n} raters; dropping the highest ${h.score} (${h.rater}) and the lowest ${l.score} (${l.rater}), the other ${counted.length} average ${display}${rounding.en}`,
        }
      : method._tag === "TrimmedMean"
        ? {
            zh: `${n}名评委，少于${method.minRaters}名，不去掉最高分和最低分，平均${display}分${rounding.zh}`,
            en: `${n} raters, fewer than ${method.minRaters}, so no score is dropped; the mean is ${display}${rounding.en}`,
          }
        : {
            zh: `${n}名评委平均${display}分${rounding.zh}`,
            en: `Mean of ${n} raters: ${display}${rounding.en}`,
          }
  return Either.right({
    raters: n,
    counted,
    dropped,
    hundredths,
    score: hundredths / 100,
    display,
    explanation,
  })
}

/**
 * A candidate with their combined score and rank (equal shown scores share a rank).
 *
 * @category models
 * @since 0.1.0
 */
export interface RankedCandidate {
  readonly applicationId: string
  readonly score: InterviewScore
  /** Competition ranking (1, 2, 2, 4): equal scores share the best rank of their group. */
  readonly rank: number
  readonly tied: boolean
}

/**
 * Rank candidates by interview score, highest first; equal (rounded) scores share a rank. Within a tie the order
 * is by application id, only so that the list is stable.
 *
 * @category rules
 * @since 0.1.0
 */
export const rankInterviews = (
  candidates: ReadonlyArray<{
    readonly applicationId: string
    readonly record: Scored
  }>,
  method: InterviewScoring,
): Either.Either<ReadonlyArray<RankedCandidate>, InterviewScoresInvalid> => {
  const scored: Array<{ applicationId: string; score: InterviewScore }> = []
  for (const c of candidates) {
    const s = aggregateScores(c.record, method, c.applicationId)
    if (Either.isLeft(s)) return Either.left(s.left)
    scored.push({ applicationId: c.applicationId, score: s.right })
  }
  scored.sort(
    (a, b) =>
      b.score.hundredths - a.score.hundredths ||
      (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
  )
  const count = new Map<number, number>()
  for (const s of scored) count.set(s.score.hundredths, (count.get(s.score.hundredths) ?? 0) + 1)
  let rank = 0
  return Either.right(
    scored.map((s, i) => {
      if (i === 0 || scored[i - 1]?.score.hundredths !== s.score.hundredths) rank = i + 1
      return { ...s, rank, tied: (count.get(s.score.hundredths) ?? 0) > 1 }
    }),
  )
}

/**
 * Where the shortlist is cut: its limit, who is in, and the ties at the cut.
 *
 * @category models
 * @since 0.1.0
 */
export interface ShortlistCut {
  /** The most the shortlist may hold (Transition `shortlistLimit`: places × the scheme's ratio). */
  readonly limit: number
  /** Candidates whose whole tie group fits within the limit. */
  readonly shortlisted: ReadonlyArray<string>
  /** A tie group that straddles the limit: the meeting chooses `seatsForTied` of them; the kernel does not. */
  readonly tiedAtCut: ReadonlyArray<string>
  readonly seatsForTied: number
  readonly notShortlisted: ReadonlyArray<string>
  readonly explanation: Text
}

/**
 * Cut a ranking at the shortlist limit (004 安丘 规范选派程序（3）: 1:2, so 2 places → 4). A tie across the cut is
 * left to the people deciding: the tied candidates are listed with the number of seats left for them.
 *
 * @category rules
 * @since 0.1.0
 */
export const shortlistByRank = (ranking: ReadonlyArray<RankedCandidate>, limit: number): ShortlistCut => {
  const shortlisted: Array<string> = []
  const tiedAtCut: Array<string> = []
  const notShortlisted: Array<string> = []
  let i = 0
  while (i < ranking.length) {
    const group = ranking.filter((r) => r.rank === ranking[i]?.rank).map((r) => r.applicationId)
    // Once a group does not fit, the cut is made: everyone after it is out, even if a later group would fit.
    const cutMade = tiedAtCut.length > 0 || notShortlisted.length > 0
    if (!cutMade && shortlisted.length + group.length <= limit) shortlisted.push(...group)
    else if (!cutMade && shortlisted.length < limit) tiedAtCut.push(...group)
    else notShortlisted.push(...group)
    i += group.length
  }
  const seatsForTied = tiedAtCut.length === 0 ? 0 : limit - shortlisted.length
  const lim = Number.isFinite(limit) ? String(limit) : "∞"
  const explanation: Text =
    tiedAtCut.length === 0
      ? {
          zh: `初步人选上限${lim}人，按面试成绩确定${shortlisted.length}人`,
          en: `Shortlist limit ${lim}: ${shortlisted.length} shortlisted by interview score`,
        }
      : {
          zh: `初步人选上限${lim}人，按面试成绩确定${shortlisted.length}人；${tiedAtCut.length}人成绩并列，争${seatsForTied}个名额，须会议研究确定`,
          en: `Shortlist limit ${lim}: ${shortlisted.length} shortlisted by interview score; ${tiedAtCut.length} tied for the last ${seatsForTied} place(s), for the meeting to decide`,
        }
  return { limit, shortlisted, tiedAtCut, seatsForTied, notShortlisted, explanation }
}
