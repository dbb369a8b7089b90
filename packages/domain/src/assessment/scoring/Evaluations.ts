/**
 * Judgements recorded in the scheme's order: the four evaluations (003 做实履职评估: 自评 → 居民点评 → 街道复评 →
 * 组织部门审评, residents voting on 德、能、勤、绩、廉) and the classification of secretaries into types (003 深化分类管理).
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type {
  Actor,
  EvaluationPart,
  FourEvaluations,
  SecretaryTypeKey,
  SecretaryTyping,
} from "../../scheme/Scheme.js"
import type { Param } from "../../shared/Cited.js"
import { compare as compareDates, type LocalDate } from "../../shared/LocalDate.js"
import { Text } from "../../shared/Text.js"
import { ACTOR_LABELS } from "../Labels.js"
import { percent, type Rational, rational } from "../Rational.js"
import type { Undetermined } from "./Points.js"

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
