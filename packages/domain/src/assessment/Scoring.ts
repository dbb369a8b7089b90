/**
 * Scores, stars, evaluations and types, each computed only from what the scheme states:
 * - 004 淮上 目标考核 三是: "实行百分制量化考核，对工作业绩逢半年、年终、任期期满分别进行考核" (`Scoring`): a total
 *   out of 100 at half-year, year-end and term-end; items and score → grade bands are not in the seed
 *   (Unspecified), so the grade stays with the body that decides it (乡镇党委会评定).
 * - 003 四 抓好提级述职: half-year report-back scored on the spot by 组织部、民政局、所属街道 (`PanelScoring`); weights
 *   not in the seed, so no combined score is made up.
 * - 003 四 用好星级评定: five star levels by score (`StarRating`); the score bands are the streets' to write.
 * - 003 四 做实履职评估: the four evaluations in order (自评 → 居民点评 → 街道复评 → 组织部门审评), residents on
 *   德、能、勤、绩、廉 (`FourEvaluations`).
 * - 003 三 深化分类管理: 示范、骨干、潜力、守摊 by five standards (`SecretaryTyping`); the dividing lines are not in
 *   the seed, so a classification is a judgement that must address every standard.
 *
 * Points may have up to two decimals (85.5, 92.25); they are summed in hundredths, exactly.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type {
  Actor,
  EvaluationPart,
  FourEvaluations,
  Grade,
  PanelScoring,
  Scoring,
  SecretaryTypeKey,
  SecretaryTyping,
  StarRating,
} from "../scheme/Scheme.js"
import type { Citation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import { compare as compareDates, type LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { ACTOR_LABELS, GRADE_LABELS } from "./Labels.js"
import { percent, type Rational, rational, roundHalfUp, show } from "./Rational.js"

/**
 * Something the scheme leaves open, so the kernel cannot compute it.
 *
 * @category models
 * @since 0.1.0
 */
export interface Undetermined {
  readonly _tag: "Undetermined"
  readonly note: Text
}

/**
 * A score sheet that does not fit the scheme's scoring.
 *
 * @category errors
 * @since 0.1.0
 */
export class ScoreInvalid extends Schema.TaggedError<ScoreInvalid>()("ScoreInvalid", { detail: Text }) {
  get text(): Text {
    return { zh: `评分有误：${this.detail.zh}`, en: `invalid score: ${this.detail.en}` }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

const invalid = (zh: string, en: string) => Either.left(new ScoreInvalid({ detail: { zh, en } }))

/** Points → hundredths, or undefined when negative, not finite or with more than two decimals. */
const hundredths = (points: number): number | undefined => {
  if (!Number.isFinite(points) || points < 0) return undefined
  const h = Math.round(points * 100)
  return Math.abs(h - points * 100) < 1e-6 ? h : undefined
}

const showPoints = (h: number): string => show(rational(h, 100))

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

// ----------------------------------------------------------------------------------------- four evaluations (003)

/**
 * Residents' votes: per dimension (德、能、勤、绩、廉), the count for each answer option.
 *
 * @category models
 * @since 0.1.0
 */
export type ResidentVotes = Readonly<Record<string, Readonly<Record<string, number>>>>

/**
 * One part of the four evaluations (四评), recorded by its body on a date.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluationEntry {
  readonly part: EvaluationPart
  readonly by: Actor
  readonly on: LocalDate
  readonly summary: string
  /** The residents' part only. */
  readonly votes?: ResidentVotes
}

/**
 * The four evaluations of one period, as recorded so far.
 *
 * @category models
 * @since 0.1.0
 */
export interface EvaluationRecord {
  /** "2024-H1": the four evaluations run every half year. */
  readonly period: string
  readonly entries: ReadonlyArray<EvaluationEntry>
}

/**
 * A four-evaluations entry or a secretary classification refused: the scheme sets none, or the entry does
 * not fit it.
 *
 * @category errors
 * @since 0.1.0
 */
export class EvaluationRefused extends Schema.TaggedError<EvaluationRefused>()("EvaluationRefused", {
  part: Schema.String,
  detail: Text,
}) {
  get text(): Text {
    return { zh: `履职评估：${this.detail.zh}`, en: `four evaluations: ${this.detail.en}` }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * The part that comes next, or undefined when all are done (or the scheme lists no parts).
 *
 * @category getters
 * @since 0.1.0
 */
export const nextEvaluationPart = (
  fe: Param<FourEvaluations> | undefined,
  record: EvaluationRecord,
): EvaluationPart | undefined => {
  if (fe?._tag !== "Cited" || fe.value.parts._tag !== "Cited") return undefined
  return fe.value.parts.value[record.entries.length]?.part
}

/**
 * Add the next part of the four evaluations, in the scheme's order, by the body the scheme names.
 *
 * @category rules
 * @since 0.1.0
 */
export const recordEvaluation = (
  fe: Param<FourEvaluations> | undefined,
  record: EvaluationRecord,
  entry: EvaluationEntry,
): Either.Either<EvaluationRecord, EvaluationRefused> => {
  const fail = (zh: string, en: string) =>
    Either.left(new EvaluationRefused({ part: entry.part, detail: { zh, en } }))
  if (fe?._tag !== "Cited" || fe.value.parts._tag !== "Cited")
    return fail("本方案未规定履职评估", "the scheme sets no four evaluations")
  const parts = fe.value.parts.value
  const i = record.entries.length
  const expected = parts[i]
  if (expected === undefined) return fail("四个环节均已完成", "all parts are done")
  if (expected.part !== entry.part) {
    const pos = parts.findIndex((p) => p.part === entry.part)
    return pos < 0
      ? fail(`没有“${entry.part}”这一环节`, `there is no part ${entry.part}`)
      : pos < i
        ? fail(`“${parts[pos]?.label.zh}”已完成`, `"${parts[pos]?.label.en}" is done`)
        : fail(`须先完成“${expected.label.zh}”`, `"${expected.label.en}" comes first`)
  }
  if (entry.by !== expected.by)
    return fail(
      `“${expected.label.zh}”应由${ACTOR_LABELS[expected.by].zh}进行`,
      `"${expected.label.en}" is for ${ACTOR_LABELS[expected.by].en}`,
    )
  const last = record.entries[i - 1]
  if (last !== undefined && compareDates(entry.on, last.on) < 0)
    return fail(
      `日期 ${entry.on} 早于上一环节 ${last.on}`,
      `dated ${entry.on}, before the previous part on ${last.on}`,
    )
  if (entry.part === "residents") {
    const bad = checkVotes(fe.value, entry.votes)
    if (bad !== undefined) return fail(bad.zh, bad.en)
  } else if (entry.votes !== undefined)
    return fail("只有居民点评有测评票", "only the residents' part has votes")
  return Either.right({ ...record, entries: [...record.entries, entry] })
}

const checkVotes = (fe: FourEvaluations, votes: ResidentVotes | undefined): Text | undefined => {
  if (votes === undefined)
    return { zh: "居民点评须有测评票数", en: "the residents' part needs the vote counts" }
  const dims = fe.residentDimensions._tag === "Cited" ? fe.residentDimensions.value : undefined
  const options = fe.residentOptions._tag === "Cited" ? fe.residentOptions.value : undefined
  if (dims !== undefined) {
    const missing = dims.filter((d) => votes[d.key] === undefined)
    if (missing.length > 0)
      return {
        zh: `缺少以下方面的测评：${missing.map((d) => d.label.zh).join("、")}`,
        en: `no votes on: ${missing.map((d) => d.label.en).join(", ")}`,
      }
    const extra = Object.keys(votes).filter((k) => !dims.some((d) => d.key === k))
    if (extra.length > 0)
      return { zh: `未知的测评方面：${extra.join("、")}`, en: `unknown dimensions: ${extra.join(", ")}` }
  }
  for (const [dim, counts] of Object.entries(votes))
    for (const [opt, n] of Object.entries(counts)) {
      if (!Number.isSafeInteger(n) || n < 0)
        return { zh: `“${dim}”的“${opt}”票数 ${n} 无效`, en: `${dim}/${opt}: ${n} is not a count` }
      if (options !== undefined && !options.some((o) => o.key === opt))
        return { zh: `未知的测评选项：${opt}`, en: `unknown option: ${opt}` }
    }
  return undefined
}

/**
 * Per dimension, the share of favourable answers, when the scheme lists the options and which are favourable.
 *
 * @category rules
 * @since 0.1.0
 */
export const residentRates = (
  fe: Param<FourEvaluations> | undefined,
  votes: ResidentVotes,
):
  | ReadonlyArray<{ readonly dimension: string; readonly favourable: Rational; readonly percent: string }>
  | Undetermined => {
  if (fe?._tag !== "Cited")
    return {
      _tag: "Undetermined",
      note: { zh: "本方案未规定履职评估", en: "the scheme sets no four evaluations" },
    }
  const options = fe.value.residentOptions
  if (options._tag !== "Cited") return { _tag: "Undetermined", note: options.note }
  const fav = new Set(options.value.filter((o) => o.favourable).map((o) => o.key))
  return Object.entries(votes).flatMap(([dimension, counts]) => {
    const total = Object.values(counts).reduce((s, n) => s + n, 0)
    if (total === 0) return []
    const yes = Object.entries(counts).reduce((s, [k, n]) => s + (fav.has(k) ? n : 0), 0)
    const r = rational(yes, total)
    return [{ dimension, favourable: r, percent: percent(r, 1) }]
  })
}

// ----------------------------------------------------------------------------------------- secretary types (003)

/**
 * The type a secretary is classified as (示范、骨干、潜力、守摊), with the support that type gets.
 *
 * @category models
 * @since 0.1.0
 */
export interface Classification {
  readonly type: SecretaryTypeKey
  readonly label: Text
  /** The support that type gets (示范、骨干: 组织部门跟踪培养; 潜力、守摊: 街道“一对一”帮扶). */
  readonly support: Text
  readonly by: Actor
  readonly on: LocalDate
  readonly basis: ReadonlyArray<{ readonly standard: string; readonly finding: string }>
  /** How the standards decide the type (or the note that the scheme leaves it to judgement). */
  readonly assignment: Text
}

/**
 * Record a secretary's type; every standard the scheme names must be addressed.
 *
 * @category rules
 * @since 0.1.0
 */
export const classifySecretary = (
  typing: Param<SecretaryTyping> | undefined,
  input: {
    readonly type: SecretaryTypeKey
    readonly by: Actor
    readonly on: LocalDate
    readonly basis: ReadonlyArray<{ readonly standard: string; readonly finding: string }>
  },
): Either.Either<Classification, EvaluationRefused> => {
  const fail = (zh: string, en: string) =>
    Either.left(new EvaluationRefused({ part: "type", detail: { zh, en } }))
  if (typing?._tag !== "Cited" || typing.value.types._tag !== "Cited")
    return fail("本方案未规定书记分类", "the scheme sets no secretary types")
  const t = typing.value.types.value.find((x) => x.key === input.type)
  if (t === undefined) return fail(`本方案没有“${input.type}”类型`, `the scheme has no type ${input.type}`)
  const standards = typing.value.standards
  if (standards._tag === "Cited") {
    const missing = standards.value.filter(
      (s) => !input.basis.some((b) => b.standard === s.key && b.finding.trim() !== ""),
    )
    if (missing.length > 0)
      return fail(
        `须对照以下标准说明依据：${missing.map((s) => s.label.zh).join("、")}`,
        `give the finding on: ${missing.map((s) => s.label.en).join(", ")}`,
      )
  } else if (input.basis.length === 0) return fail("须说明分类依据", "give the basis of the classification")
  const a = typing.value.assignment
  return Either.right({
    type: t.key,
    label: t.label,
    support: t.support,
    by: input.by,
    on: input.on,
    basis: input.basis,
    assignment: a._tag === "Cited" ? a.value : a.note,
  })
}
