/**
 * Incentives (激励) a cadre's record earns under the scheme (`assessment.incentives`):
 * - 002 三（三）: graded excellent → the top bonus tier; a civil servant's seniority for grade promotion shortened by
 *   half a year; public-institution staff advance first; graded competent or better → open selection; outstanding
 *   at the end of the term → preferred in promotion (a judgement).
 * - 004 淮上 量才使用 二是/三是: investment of 300,000 CNY or more → excellent at year-end; three years in the village
 *   with excellent every year → priority promotion; five years and found excellent → priority promotion.
 *
 * Each condition is checked on the facts; a judgement ("表现突出") holds only when a person has recorded it. The
 * result is a flag with its evidence: the org dept acts on it (the kernel promotes no one).
 *
 * @since 0.1.0
 */

import type { Grade, Incentive, IncentiveCondition } from "../scheme/Scheme.js"
import { EMPLOYMENT_LABELS } from "../eligibility/Labels.js"
import type { EmploymentCategory } from "../person/Profile.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import { compare, type LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import { GRADE_LABELS } from "./Labels.js"
import { periodEnd } from "./Recall.js"

/**
 * The facts about one cadre that incentive conditions are checked against (employment, service, grades,
 * investment, recorded judgements), as of `on`.
 *
 * @category models
 * @since 0.1.0
 */
export interface IncentiveFacts {
  /** Today: the date service is measured to. */
  readonly on: LocalDate
  readonly employment?: EmploymentCategory
  /** In post since (for ServedAtLeast). */
  readonly servedFrom?: LocalDate
  /** The grade just decided, in its cycle (for GradeIs). */
  readonly decided?: { readonly cycleId: string; readonly grade: Grade }
  /** Annual grades by year, for ConsecutiveGrades. */
  readonly annualGrades?: ReadonlyArray<{ readonly year: number; readonly grade: Grade }>
  readonly investmentYuan?: number
  /** Judgements on record, naming the incentive. */
  readonly judged?: ReadonlyArray<{
    readonly incentiveId: string
    readonly by: string
    readonly note: string
  }>
}

/**
 * One condition of an incentive checked on the facts: whether it holds, and why in words.
 *
 * @category models
 * @since 0.1.0
 */
export interface ConditionCheck {
  readonly condition: IncentiveCondition | { readonly _tag: "Employment" }
  readonly holds: boolean
  readonly text: Text
}

/**
 * Whether one incentive of the scheme applies to the cadre, with every condition checked as evidence.
 *
 * @category models
 * @since 0.1.0
 */
export interface IncentiveFinding {
  readonly incentiveId: string
  readonly label: Text
  readonly effect: Incentive["effect"]
  readonly applies: boolean
  readonly checks: ReadonlyArray<ConditionCheck>
  /** e.g. seniority shortened by 6 months. */
  readonly duration?: Incentive["duration"]
  readonly grade?: Grade
  readonly citation: Citation
  readonly text: Text
}

const grades = (gs: ReadonlyArray<Grade>): Text => ({
  zh: gs.map((g) => GRADE_LABELS[g].zh).join("或"),
  en: gs.map((g) => GRADE_LABELS[g].en).join(" or "),
})

const check = (i: Incentive, c: IncentiveCondition, f: IncentiveFacts): ConditionCheck => {
  switch (c._tag) {
    case "GradeIs": {
      const d = f.decided
      const holds =
        d !== undefined && c.grades.includes(d.grade) && (c.cycleId === undefined || c.cycleId === d.cycleId)
      const g = grades(c.grades)
      return {
        condition: c,
        holds,
        text: {
          zh: `考核等次为${g.zh}${c.cycleId !== undefined ? `（${c.cycleId}）` : ""}：${d === undefined ? "尚无等次" : `${d.cycleId} ${GRADE_LABELS[d.grade].zh}`}`,
          en: `graded ${g.en}${c.cycleId !== undefined ? ` (${c.cycleId})` : ""}: ${d === undefined ? "no grade yet" : `${d.cycleId} ${GRADE_LABELS[d.grade].en}`}`,
        },
      }
    }
    case "ConsecutiveGrades": {
      const byYear = new Map((f.annualGrades ?? []).map((x) => [x.year, x.grade]))
      const last = Math.max(...byYear.keys())
      const years = Number.isFinite(last) ? Array.from({ length: c.years }, (_, k) => last - k) : []
      const holds =
        years.length === c.years &&
        years.every((y) => {
          const g = byYear.get(y)
          return g !== undefined && c.grades.includes(g)
        })
      const g = grades(c.grades)
      const seen = years.map((y) => `${y}:${byYear.get(y) ?? "—"}`).join(", ")
      return {
        condition: c,
        holds,
        text: {
          zh: `连续${c.years}年考核为${g.zh}：${seen === "" ? "无年度考核记录" : seen}`,
          en: `${g.en} in each of the last ${c.years} years: ${seen === "" ? "no annual grades" : seen}`,
        },
      }
    }
    case "ServedAtLeast": {
      const from = f.servedFrom
      const due = from === undefined ? undefined : periodEnd(from, c.length)
      const holds = due !== undefined && compare(f.on, due) >= 0
      const unit =
        c.length.unit === "year"
          ? ["年", "year(s)"]
          : c.length.unit === "month"
            ? ["个月", "month(s)"]
            : ["天", "day(s)"]
      return {
        condition: c,
        holds,
        text: {
          zh: `任职满${c.length.amount}${unit[0]}：${from === undefined ? "无任职起始日期" : `自${from}起，满${due}`}`,
          en: `${c.length.amount} ${unit[1]} in post: ${from === undefined ? "no start date" : `from ${from}, complete on ${due}`}`,
        },
      }
    }
    case "InvestmentAtLeast": {
      const y = f.investmentYuan
      const holds = y !== undefined && y >= c.yuan
      return {
        condition: c,
        holds,
        text: {
          zh: `引进项目、创办产业投资达${c.yuan}元以上：${y === undefined ? "无记录" : `${y}元`}`,
          en: `investment of at least ${c.yuan} CNY: ${y === undefined ? "none recorded" : `${y} CNY`}`,
        },
      }
    }
    case "Judged": {
      const j = (f.judged ?? []).find((x) => x.incentiveId === i.id)
      return {
        condition: c,
        holds: j !== undefined,
        text: {
          zh: `${c.description.zh}：${j === undefined ? "尚未认定" : `${j.by}认定（${j.note}）`}`,
          en: `${c.description.en}: ${j === undefined ? "not found yet" : `found by ${j.by} (${j.note})`}`,
        },
      }
    }
  }
}

/**
 * Every incentive of the scheme, checked on the facts: which apply, and why or why not.
 *
 * @category rules
 * @since 0.1.0
 */
export const evaluateIncentives = (
  incentives: Param<ReadonlyArray<Incentive>> | undefined,
  facts: IncentiveFacts,
): ReadonlyArray<IncentiveFinding> => {
  if (incentives?._tag !== "Cited") return []
  return incentives.value.map((i) => {
    const checks: Array<ConditionCheck> = []
    if (i.employment !== undefined) {
      const holds = facts.employment !== undefined && i.employment.includes(facts.employment)
      checks.push({
        condition: { _tag: "Employment" },
        holds,
        text: {
          zh: `人员类别为${i.employment.map((e) => EMPLOYMENT_LABELS[e].zh).join("或")}：${facts.employment === undefined ? "未知" : EMPLOYMENT_LABELS[facts.employment].zh}`,
          en: `employment ${i.employment.map((e) => EMPLOYMENT_LABELS[e].en).join(" or ")}: ${facts.employment === undefined ? "unknown" : EMPLOYMENT_LABELS[facts.employment].en}`,
        },
      })
    }
    for (const c of i.when) checks.push(check(i, c, facts))
    const applies = checks.every((c) => c.holds)
    const cite = formatCitation(i.citation)
    return {
      incentiveId: i.id,
      label: i.label,
      effect: i.effect,
      applies,
      checks,
      ...(i.duration !== undefined ? { duration: i.duration } : {}),
      ...(i.grade !== undefined ? { grade: i.grade } : {}),
      citation: i.citation,
      text: {
        zh: `${applies ? "适用" : "不适用"}：${i.label.zh}（${checks.map((c) => c.text.zh).join("；")}）（${cite}）`,
        en: `${applies ? "applies" : "does not apply"}: ${i.label.en} (${checks.map((c) => c.text.en).join("; ")}) (${cite})`,
      },
    }
  })
}
