/**
 * Scores from points, each computed only from what the scheme states: the 100-point quantified scoring (004 淮上),
 * the report-back panel's scores (003 提级述职) and the star level a score earns (003 星级评定).
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { Grade, PanelScoring, Scoring, StarRating } from "../../scheme/Scheme.js"
import type { Citation } from "../../shared/Citation.js"
import type { Param } from "../../shared/Cited.js"
import type { Text } from "../../shared/Text.js"
import { GRADE_LABELS } from "../Labels.js"
import { type Rational, rational, roundHalfUp } from "../Rational.js"
import { hundredths, invalid, type ScoreInvalid, showPoints, type Undetermined } from "./Points.js"

const unspecifiedNote = (p: Param<unknown> | undefined, fallback: Text): Text =>
  p?._tag === "Unspecified" ? p.note : fallback

// ----------------------------------------------------------------------------------------- 100-point scoring

/**
 * The points a cadre scored in a cycle, item by item where the scheme lists items.
 *
 * @category models
 * @since 0.1.0
 */
export interface ScoreSheet {
  readonly cycleId: string
  /** Points per item when the scheme lists items; otherwise the total alone. */
  readonly items?: ReadonlyArray<{ readonly id: string; readonly points: number }>
  readonly total?: number
}

/**
 * A score sheet's exact total, its display form and its grade band.
 *
 * @category models
 * @since 0.1.0
 */
export interface ScoreResult {
  readonly cycleId: string
  /** Exact total, in points. */
  readonly total: Rational
  readonly display: string
  readonly maxPoints: number
  readonly grade:
    | {
        readonly _tag: "Banded"
        readonly grade: Grade
        readonly minPoints: number
        readonly citation: Citation
      }
    | Undetermined
  readonly text: Text
}

/**
 * Total a score sheet on the scheme's scale and read the grade from its bands when the scheme has any.
 *
 * @category rules
 * @since 0.1.0
 */
export const scoreSheet = (
  scoring: Param<Scoring> | undefined,
  sheet: ScoreSheet,
): Either.Either<ScoreResult, ScoreInvalid> => {
  if (scoring?._tag !== "Cited")
    return invalid("本方案未规定量化考核", "the scheme sets no quantified scoring")
  const s = scoring.value
  if (!s.cycleIds.includes(sheet.cycleId))
    return invalid(
      `“${sheet.cycleId}”不是量化考核的考核节点（${s.cycleIds.join("、")}）`,
      `${sheet.cycleId} is not a scored cycle (${s.cycleIds.join(", ")})`,
    )
  if (s.maxPoints._tag !== "Cited") return invalid("本方案未规定分制", "the scheme sets no point scale")
  const max = s.maxPoints.value
  let totalH: number
  if (s.items._tag === "Cited") {
    const items = s.items.value
    const given = sheet.items ?? []
    const unknown = given.filter((g) => !items.some((i) => i.id === g.id)).map((g) => g.id)
    if (unknown.length > 0)
      return invalid(`未知的考核项目：${unknown.join("、")}`, `unknown items: ${unknown.join(", ")}`)
    totalH = 0
    for (const item of items) {
      const g = given.filter((x) => x.id === item.id)
      if (g.length !== 1)
        return invalid(
          `项目“${item.label.zh}”应有且只有一个分数`,
          `item "${item.label.en}" needs exactly one score`,
        )
      const h = hundredths(g[0]?.points ?? Number.NaN)
      if (h === undefined || h > item.maxPoints * 100)
        return invalid(
          `项目“${item.label.zh}”的得分 ${g[0]?.points} 应在 0 到 ${item.maxPoints} 之间，最多两位小数`,
          `item "${item.label.en}": ${g[0]?.points} must be 0 to ${item.maxPoints}, at most two decimals`,
        )
      totalH += h
    }
  } else {
    const h = sheet.total === undefined ? undefined : hundredths(sheet.total)
    if (h === undefined)
      return invalid(
        "方案未列考核项目，须填写总分（最多两位小数）",
        "the scheme lists no items: give the total (two decimals at most)",
      )
    totalH = h
  }
  if (totalH > max * 100)
    return invalid(`总分 ${showPoints(totalH)} 超过满分 ${max}`, `total ${showPoints(totalH)} exceeds ${max}`)
  const display = showPoints(totalH)
  const bands = s.gradeBands
  let grade: ScoreResult["grade"]
  if (bands._tag === "Cited") {
    const sorted = [...bands.value].sort((a, b) => b.minPoints - a.minPoints)
    const band = sorted.find((b) => totalH >= b.minPoints * 100)
    grade =
      band === undefined
        ? {
            _tag: "Undetermined",
            note: { zh: `${display}分低于所有分数段`, en: `${display} is below every band` },
          }
        : { _tag: "Banded", grade: band.grade, minPoints: band.minPoints, citation: bands.citation }
  } else grade = { _tag: "Undetermined", note: bands.note }
  return Either.right({
    cycleId: sheet.cycleId,
    total: rational(totalH, 100),
    display,
    maxPoints: max,
    grade,
    text:
      grade._tag === "Banded"
        ? {
            zh: `${display}/${max}分，不低于${grade.minPoints}分：${GRADE_LABELS[grade.grade].zh}`,
            en: `${display}/${max} points, at least ${grade.minPoints}: ${GRADE_LABELS[grade.grade].en}`,
          }
        : {
            zh: `${display}/${max}分；等次：${grade.note.zh}`,
            en: `${display}/${max} points; grade: ${grade.note.en}`,
          },
  })
}

// ----------------------------------------------------------------------------------------- panel scoring (003)

/**
 * The scores of a report-back panel (述职评议), each scorer's and, when weighted, combined.
 *
 * @category models
 * @since 0.1.0
 */
export interface PanelResult {
  readonly scores: ReadonlyArray<{ readonly scorer: string; readonly label: Text; readonly points: Rational }>
  /** The weighted score, when the scheme gives the weights. */
  readonly combined:
    | { readonly _tag: "Weighted"; readonly points: Rational; readonly display: string }
    | Undetermined
  readonly text: Text
}

/**
 * Combine the on-the-spot scores of a report-back (003 四 抓好提级述职).
 *
 * @category rules
 * @since 0.1.0
 */
export const scorePanel = (
  panel: Param<PanelScoring> | undefined,
  scores: ReadonlyArray<{ readonly scorer: string; readonly points: number }>,
): Either.Either<PanelResult, ScoreInvalid> => {
  if (panel?._tag !== "Cited")
    return invalid("本方案未规定述职评议", "the scheme sets no report-back scoring")
  const p = panel.value
  if (p.scorers._tag !== "Cited") return invalid("本方案未列出评议部门", "the scheme names no scorers")
  const scorers = p.scorers.value
  const max = p.maxPoints._tag === "Cited" ? p.maxPoints.value : undefined
  const out: Array<{ scorer: string; label: Text; points: Rational; h: number }> = []
  for (const s of scorers) {
    const given = scores.filter((x) => x.scorer === s.key)
    if (given.length !== 1)
      return invalid(`${s.label.zh}应有且只有一个分数`, `${s.label.en} must give exactly one score`)
    const h = hundredths(given[0]?.points ?? Number.NaN)
    if (h === undefined || (max !== undefined && h > max * 100))
      return invalid(
        `${s.label.zh}的评分 ${given[0]?.points} 无效${max !== undefined ? `（0 到 ${max}）` : ""}`,
        `${s.label.en}: score ${given[0]?.points} is invalid${max !== undefined ? ` (0 to ${max})` : ""}`,
      )
    out.push({ scorer: s.key, label: s.label, points: rational(h, 100), h })
  }
  const extra = scores.filter((x) => !scorers.some((s) => s.key === x.scorer)).map((x) => x.scorer)
  if (extra.length > 0)
    return invalid(`不在评议部门之列：${extra.join("、")}`, `not among the scorers: ${extra.join(", ")}`)
  let combined: PanelResult["combined"]
  if (p.weights._tag === "Cited") {
    const ws = p.weights.value
    // Σ wᵢ must be exactly 1: sum the fractions over the product of denominators, in BigInt.
    let num = 0n
    let den = 1n
    let wNum = 0n
    let wDen = 1n
    for (const s of out) {
      const w = ws.find((x) => x.scorer === s.scorer)
      if (w === undefined)
        return invalid(`方案未规定${s.label.zh}的权重`, `the scheme gives no weight for ${s.label.en}`)
      const wn = BigInt(w.weight.numerator)
      const wd = BigInt(w.weight.denominator)
      wNum = wNum * wd + wn * wDen
      wDen = wDen * wd
      num = num * wd * 100n + wn * BigInt(s.h) * den
      den = den * wd * 100n
    }
    if (wNum !== wDen) return invalid("方案规定的权重之和不等于1", "the scheme's weights do not add up to 1")
    const g = gcdBig(num, den)
    const points = rational(Number(num / g), Number(den / g))
    combined = { _tag: "Weighted", points, display: roundHalfUp(points, 2) }
  } else combined = { _tag: "Undetermined", note: p.weights.note }
  const list = (lang: "zh" | "en") =>
    out.map((s) => `${s.label[lang]} ${showPoints(s.h)}`).join(lang === "zh" ? "，" : ", ")
  return Either.right({
    scores: out.map(({ scorer, label, points }) => ({ scorer, label, points })),
    combined,
    text:
      combined._tag === "Weighted"
        ? {
            zh: `${list("zh")}；加权得分 ${combined.display}`,
            en: `${list("en")}; weighted ${combined.display}`,
          }
        : {
            zh: `${list("zh")}；未合成总分：${combined.note.zh}`,
            en: `${list("en")}; no combined score: ${combined.note.en}`,
          },
  })
}

const gcdBig = (a: bigint, b: bigint): bigint => {
  let x = a
  let y = b
  while (y !== 0n) [x, y] = [y, x % y]
  return x === 0n ? 1n : x
}

// ----------------------------------------------------------------------------------------- star rating (003)

/**
 * The star level a score earns, or why it cannot be determined.
 *
 * @category models
 * @since 0.1.0
 */
export type StarResult =
  | { readonly _tag: "Stars"; readonly stars: number; readonly of: number; readonly text: Text }
  | (Undetermined & { readonly text: Text })

/**
 * The star level of a score (003 四 用好星级评定: five levels by score).
 *
 * @category rules
 * @since 0.1.0
 */
export const starsFor = (
  rating: Param<StarRating> | undefined,
  points: number,
): Either.Either<StarResult, ScoreInvalid> => {
  if (rating?._tag !== "Cited") return invalid("本方案未规定星级评定", "the scheme sets no star rating")
  const r = rating.value
  const h = hundredths(points)
  if (h === undefined) return invalid(`分数 ${points} 无效`, `score ${points} is invalid`)
  if (r.maxPoints._tag === "Cited" && h > r.maxPoints.value * 100)
    return invalid(
      `分数 ${points} 超过满分 ${r.maxPoints.value}`,
      `score ${points} exceeds ${r.maxPoints.value}`,
    )
  if (r.stars._tag !== "Cited" || r.bands._tag !== "Cited") {
    const note = unspecifiedNote(r.bands._tag === "Unspecified" ? r.bands : r.stars, {
      zh: "方案未规定星级",
      en: "the scheme sets no star levels",
    })
    return Either.right({
      _tag: "Undetermined",
      note,
      text: {
        zh: `${showPoints(h)}分；星级未定：${note.zh}`,
        en: `${showPoints(h)} points; no star level: ${note.en}`,
      },
    })
  }
  const of = r.stars.value
  const bad = r.bands.value.find((b) => b.stars > of)
  if (bad !== undefined)
    return invalid(
      `分数段给出${bad.stars}星，超过${of}个星级`,
      `a band gives ${bad.stars} stars, more than ${of}`,
    )
  const band = [...r.bands.value]
    .sort((a, b) => b.minPoints - a.minPoints)
    .find((b) => h >= b.minPoints * 100)
  if (band === undefined) {
    const note = { zh: `${showPoints(h)}分低于所有分数段`, en: `${showPoints(h)} is below every band` }
    return Either.right({ _tag: "Undetermined", note, text: note })
  }
  return Either.right({
    _tag: "Stars",
    stars: band.stars,
    of,
    text: {
      zh: `${showPoints(h)}分，不低于${band.minPoints}分：${band.stars}星（共${of}个星级）`,
      en: `${showPoints(h)} points, at least ${band.minPoints}: ${band.stars} of ${of} stars`,
    },
  })
}
