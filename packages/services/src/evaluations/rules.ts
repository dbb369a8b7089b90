import { conflict, type evaluationQueries, type placementQueries } from "@cadre/db"
import { Assessment, InPost, type LocalDate, type Scheme, type Text } from "@cadre/domain"
import { Effect } from "effect"

/** The checks every score and evaluation shares, and how its answer is put in words. */

export const t = (zh: string, en: string): Text => ({ zh, en })

export const clauseOf = (c: { readonly document: string; readonly clause: string }): string =>
  `${c.document} ${c.clause}`

export const points = (r: Assessment.Rational.Rational): string => Assessment.Rational.show(r)

export const EVALUATION_KIND_LABELS: Readonly<Record<evaluationQueries.EvaluationKind, Text>> = {
  score: t("百分制量化考核", "100-point scoring"),
  report_back: t("述职评议", "report-back scoring"),
  stars: t("星级评定", "star rating"),
  four_evaluations: t("履职评估（四评）", "four evaluations"),
  secretary_type: t("分类管理（书记类型）", "secretary type"),
}

/** Periods by the cycle's cadence: "2026-H1" every half year, "2026-Q1" every quarter, "2026" a year, "term-1". */
const periodProblem = (cadence: Scheme.Cadence | undefined, period: string): Text | undefined => {
  const months =
    cadence?._tag === "Every"
      ? cadence.interval.unit === "year"
        ? cadence.interval.amount * 12
        : cadence.interval.unit === "month"
          ? cadence.interval.amount
          : undefined
      : undefined
  const [re, zh, en] =
    cadence?._tag === "YearEnd" || months === 12
      ? [/^\d{4}$/, "年份（如 2026）", "a year (e.g. 2026)"]
      : months === 6
        ? [/^\d{4}-H[12]$/, "半年（如 2026-H1）", "a half year (e.g. 2026-H1)"]
        : months === 3
          ? [/^\d{4}-Q[1-4]$/, "季度（如 2026-Q1）", "a quarter (e.g. 2026-Q1)"]
          : cadence?._tag === "TermEnd"
            ? [/^term-[1-9]\d*$/, "任期（如 term-1）", "a term (e.g. term-1)"]
            : [/^.+$/, "", ""]
  return re.test(period)
    ? undefined
    : { zh: `考核期间应为${zh}，不是“${period}”`, en: `the period must be ${en}, not "${period}"` }
}

/** The period must have the form the cycle's cadence gives; the cycle (if the scheme has it) comes back. */
export const checkPeriod = (scheme: Scheme.Scheme, cycleId: string, period: string) => {
  const cycle = scheme.assessment.cycles.find((c) => c.id === cycleId)
  const p = periodProblem(cycle?.cadence, period)
  return p !== undefined
    ? Effect.fail(conflict("evaluation", period, "bad_period", p))
    : Effect.succeed(cycle)
}

/** The period's first year must not come before the year the cadre took up the post. */
export const requireStarted = (rec: placementQueries.PlacementRecord, period: string) => {
  const started = rec.placement.startedOn
  if (started === undefined)
    return Effect.fail(
      conflict("evaluation", rec.placement.id, "not_started", {
        zh: "尚未到岗，不能考核评价",
        en: "the cadre has not taken up the post yet",
      }),
    )
  const year = /^(\d{4})/.exec(period)?.[1]
  if (year !== undefined && Number(year) < Number(started.slice(0, 4)))
    return Effect.fail(
      conflict("evaluation", period, "not_in_post", {
        zh: `${period}早于到岗日期 ${started}`,
        en: `${period} is before the cadre took up the post on ${started}`,
      }),
    )
  return Effect.void
}

/** The kind's result for the period is on record already. */
export const duplicate = (kind: evaluationQueries.EvaluationKind, period: string) =>
  Effect.fail(
    conflict("evaluation", period, "duplicate", {
      zh: `${EVALUATION_KIND_LABELS[kind].zh}（${period}）已登记`,
      en: `the ${EVALUATION_KIND_LABELS[kind].en} for ${period} is on record`,
    }),
  )

/** Only an account of the body the scheme names may record this. */
export const notAuthorised = (id: string, by: Scheme.Actor) =>
  Effect.fail(
    conflict("evaluation", id, "not_authorised", {
      zh: `须由${InPost.ACTOR_LABELS[by].zh}的账号办理`,
      en: `only an account of ${InPost.ACTOR_LABELS[by].en} may record this`,
    }),
  )

/** What a command saves: the row's kind, cycle, period and result, and the archive entry it files. */
export interface Saving {
  readonly existing?: evaluationQueries.EvaluationRow | undefined
  readonly kind: evaluationQueries.EvaluationKind
  readonly cycleId: string
  readonly period: string
  readonly pointsHundredths: number | null
  readonly outcome: string | null
  readonly text: Text
  readonly result: Readonly<Record<string, unknown>>
  readonly archive: InPost.ArchiveEntry
  readonly on: LocalDate.LocalDate
}
