/**
 * Satisfaction surveys (满意度测评 / 民主测评): counts → rates as exact rationals → the scheme's SurveyRate triggers.
 * 004 淮上 目标考核 三是: "对群众满意率达不到60%的，诫勉谈话；满意率达不到50%的，实行“召回”" — satisfaction < 60%,
 * < 50%. 002 三（二）: "年度考核不满意率高于30%" — dissatisfaction > 30%: exactly 30.0% does not recall.
 *
 * The rate is over the valid answers counted (satisfied + basically satisfied + dissatisfied). Whether
 * "基本满意" counts toward satisfaction is the scheme's `assessment.survey.basicallySatisfied`; when the scheme is
 * silent and the form had that option, the kernel does not guess: the caller must record the org dept's decision.
 * Dissatisfaction is never ambiguous: only "不满意" counts.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type { Actor, RecallTrigger, SurveyRules } from "../scheme/Scheme.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import { Text } from "../shared/Text.js"
import { COMPARATOR_LABELS, NOT_COMPARATOR_LABELS } from "./Labels.js"
import { type Comparator, fromRatio, holds, percent, type Rational, rational, showShare } from "./Rational.js"

/**
 * The answers of one satisfaction survey, counted by option.
 *
 * @category models
 * @since 0.1.0
 */
export interface SurveyCounts {
  readonly satisfied: number
  /** 基本满意; absent or 0 when the form has no such option. */
  readonly basicallySatisfied?: number
  readonly dissatisfied: number
}

/**
 * How "基本满意" (basically satisfied) counts: toward satisfaction or not.
 *
 * @category models
 * @since 0.1.0
 */
export type BasicallySatisfied = "counts_as_satisfied" | "not_satisfied"

/**
 * How "基本满意" was counted when the scheme is silent: decided by someone, on record.
 *
 * @category models
 * @since 0.1.0
 */
export interface CountingDecision {
  readonly basicallySatisfied: BasicallySatisfied
  readonly by: Actor
  readonly note: string
}

/**
 * What a rate measures: satisfaction or dissatisfaction.
 *
 * @category models
 * @since 0.1.0
 */
export type SurveyMeasure = "satisfaction" | "dissatisfaction"

/**
 * Display labels of each survey measure, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const MEASURE_LABELS: Readonly<Record<SurveyMeasure, Text>> = {
  satisfaction: { zh: "满意率", en: "satisfaction rate" },
  dissatisfaction: { zh: "不满意率", en: "dissatisfaction rate" },
}

/**
 * A rate of a survey: the answers counting for the measure over all valid answers, exactly.
 *
 * @category models
 * @since 0.1.0
 */
export interface SurveyRate {
  readonly measure: SurveyMeasure
  /** Answers that count for the measure. */
  readonly count: number
  /** All valid answers. */
  readonly total: number
  readonly rate: Rational
  /** Rounded half up to one decimal, for display only: "59.0%". */
  readonly percent: string
  /** How "基本满意" was counted, when it mattered. */
  readonly basicallySatisfied?: BasicallySatisfied
  /** Where that rule came from: the scheme's citation, or the decision on record. */
  readonly countingFrom?: { readonly _tag: "Scheme"; readonly citation: Citation } | CountingDecision
  readonly text: Text
}

/**
 * Survey counts that cannot be right: a count that is not a non-negative integer, or no valid answers.
 *
 * @category errors
 * @since 0.1.0
 */
export class SurveyCountsInvalid extends Schema.TaggedError<SurveyCountsInvalid>()("SurveyCountsInvalid", {
  detail: Text,
}) {
  get text(): Text {
    return { zh: `测评票数有误：${this.detail.zh}`, en: `invalid survey counts: ${this.detail.en}` }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * "基本满意" answers were given and neither the scheme nor a recorded decision says how they count.
 *
 * @category errors
 * @since 0.1.0
 */
export class SurveyCountingUnspecified extends Schema.TaggedError<SurveyCountingUnspecified>()(
  "SurveyCountingUnspecified",
  { basicallySatisfied: Schema.Int, note: Text },
) {
  get text(): Text {
    return {
      zh: `有${this.basicallySatisfied}票“基本满意”，方案未规定是否计入满意率，须先由组织部门确定（${this.note.zh}）`,
      en: `${this.basicallySatisfied} answer(s) were "basically satisfied" and the scheme does not say whether they count as satisfied; the org dept must decide first (${this.note.en})`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * Every way a survey can be refused.
 *
 * @category errors
 * @since 0.1.0
 */
export type SurveyError = SurveyCountsInvalid | SurveyCountingUnspecified

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0

/**
 * The rate of a measure over the answers, exactly.
 *
 * @category rules
 * @since 0.1.0
 */
export const surveyRate = (
  counts: SurveyCounts,
  measure: SurveyMeasure,
  options?: {
    readonly rules?: Param<SurveyRules> | undefined
    readonly decision?: CountingDecision | undefined
  },
): Either.Either<SurveyRate, SurveyError> => {
  const basically = counts.basicallySatisfied ?? 0
  for (const [k, v] of [
    ["satisfied", counts.satisfied],
    ["basicallySatisfied", basically],
    ["dissatisfied", counts.dissatisfied],
  ] as const)
    if (!isCount(v))
      return Either.left(
        new SurveyCountsInvalid({
          detail: { zh: `${k} = ${v} 不是非负整数`, en: `${k} = ${v} is not a count` },
        }),
      )
  const total = counts.satisfied + basically + counts.dissatisfied
  if (total === 0)
    return Either.left(new SurveyCountsInvalid({ detail: { zh: "没有有效票", en: "no valid answers" } }))
  const label = MEASURE_LABELS[measure]
  const done = (
    count: number,
    extra: Partial<Pick<SurveyRate, "basicallySatisfied" | "countingFrom">> = {},
  ) => {
    const rate = rational(count, total)
    const p = percent(rate, 1)
    return Either.right<SurveyRate>({
      measure,
      count,
      total,
      rate,
      percent: p,
      ...extra,
      text: {
        zh: `${label.zh} ${count}/${total} = ${p}`,
        en: `${label.en} ${count}/${total} = ${p}`,
      },
    })
  }
  if (measure === "dissatisfaction") return done(counts.dissatisfied)
  if (basically === 0) return done(counts.satisfied)
  const survey = options?.rules
  const rule = survey?._tag === "Cited" ? survey.value.basicallySatisfied : undefined
  if (rule?._tag === "Cited") {
    const b = rule.value
    return done(counts.satisfied + (b === "counts_as_satisfied" ? basically : 0), {
      basicallySatisfied: b,
      countingFrom: { _tag: "Scheme", citation: rule.citation },
    })
  }
  const decision = options?.decision
  if (decision === undefined) {
    const note =
      rule?._tag === "Unspecified"
        ? rule.note
        : survey?._tag === "Unspecified"
          ? survey.note
          : { zh: "方案未设满意度测评规则", en: "the scheme sets no survey rules" }
    return Either.left(new SurveyCountingUnspecified({ basicallySatisfied: basically, note }))
  }
  return done(counts.satisfied + (decision.basicallySatisfied === "counts_as_satisfied" ? basically : 0), {
    basicallySatisfied: decision.basicallySatisfied,
    countingFrom: decision,
  })
}

/**
 * One SurveyRate trigger checked against the survey: fires or not, with the evidence and the clause.
 *
 * @category models
 * @since 0.1.0
 */
export interface SurveyFinding {
  readonly triggerId: string
  readonly label: Text
  readonly action: RecallTrigger["action"]
  readonly fires: boolean
  readonly measure: SurveyMeasure
  readonly counts: SurveyCounts
  readonly rate: SurveyRate
  readonly comparator: Comparator
  readonly threshold: Rational
  readonly citation: Citation
  /** "满意率 59/100 = 59.0%，低于 60% → 群众满意率达不到60%，诫勉谈话（004 淮上 目标考核 三是）". */
  readonly text: Text
}

/**
 * Check every SurveyRate trigger of the scheme against the counts. Triggers of other kinds are skipped.
 *
 * @category rules
 * @since 0.1.0
 */
export const evaluateSurvey = (input: {
  readonly triggers: ReadonlyArray<RecallTrigger>
  readonly counts: SurveyCounts
  readonly rules?: Param<SurveyRules> | undefined
  readonly decision?: CountingDecision | undefined
}): Either.Either<ReadonlyArray<SurveyFinding>, SurveyError> => {
  const out: Array<SurveyFinding> = []
  for (const t of input.triggers) {
    const c = t.condition
    if (c._tag !== "SurveyRate") continue
    const r = surveyRate(input.counts, c.measure, { rules: input.rules, decision: input.decision })
    if (Either.isLeft(r)) return Either.left(r.left)
    const threshold = fromRatio(c.share)
    const fires = holds(r.right.rate, c.comparator, threshold)
    const share = showShare(threshold)
    const cite = formatCitation(t.citation)
    const cmp = fires ? COMPARATOR_LABELS[c.comparator] : NOT_COMPARATOR_LABELS[c.comparator]
    out.push({
      triggerId: t.id,
      label: t.label,
      action: t.action,
      fires,
      measure: c.measure,
      counts: input.counts,
      rate: r.right,
      comparator: c.comparator,
      threshold,
      citation: t.citation,
      text: fires
        ? {
            zh: `${r.right.text.zh}，${cmp.zh} ${share} → ${t.label.zh}（${cite}）`,
            en: `${r.right.text.en}, ${cmp.en} ${share} → ${t.label.en} (${cite})`,
          }
        : {
            zh: `${r.right.text.zh}，${cmp.zh} ${share}，不适用“${t.label.zh}”（${cite}）`,
            en: `${r.right.text.en}, ${cmp.en} ${share}: "${t.label.en}" does not apply (${cite})`,
          },
    })
  }
  return Either.right(out)
}
