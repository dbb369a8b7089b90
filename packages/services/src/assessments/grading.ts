import {
  assessmentQueries,
  conflict,
  notFound,
  placementQueries,
  poolQueries,
  quotaQueries,
  type Tx,
} from "@cadre/db"
import { Assessment, LocalDate, Scheme, type Text } from "@cadre/domain"
import { Effect, Either } from "effect"

/**
 * The checks of a grading step: the period (a year the cadre was in post, for a year-end cycle), the consequence
 * of a recall (no awards that year), and the grade quotas under the quota group's lock.
 *
 * QUOTA SAFETY. A grade counted by a quota (annual or term-end, as the scheme says) is decided in one transaction
 * that first takes the lock row of its quota group (the scheme in its region) for that cycle and year (`quota_groups`, inserted with ON CONFLICT DO NOTHING, then `SELECT … FOR UPDATE`),
 * and only then counts the group and the grades already given. Parallel gradings of one group therefore run one
 * after the other: each sees every grade committed before it, so the quota can never be exceeded; the one that
 * would exceed it is refused with the kernel's arithmetic ("…10×20%=2（向下取整），已评优秀2人，第3人不能评为优秀").
 * Locks are always taken placement first, then quota group, so two gradings cannot deadlock.
 */

type PlacementRecord = placementQueries.PlacementRecord

export const t = (zh: string, en: string): Text => ({ zh, en })

export const clauseOf = (c: { readonly document: string; readonly clause: string }): string =>
  `${c.document} ${c.clause}`

export const YEAR = /^\d{4}$/

export interface AssessmentRecord {
  readonly id: string
  readonly placementId: string
  readonly personId: string
  readonly cycleId: string
  readonly period: string
  readonly grade: Scheme.Grade | null
  readonly record: Assessment.GradingRecord
  /** "街道党工委初评：称职；派出单位确定：优秀；已报备区委组织部". */
  readonly summary: Text
  readonly quota: assessmentQueries.AssessmentBody["quota"]
  readonly incentives: assessmentQueries.AssessmentBody["incentives"]
  readonly fired: assessmentQueries.AssessmentBody["fired"]
  readonly version: number
}

/** A step of a cycle, as the API sends it (`on` is today, supplied by the router). */
export type GradingStepInput =
  | {
      readonly _tag: "GiveFirstOpinion"
      readonly by: Scheme.Actor
      readonly opinion: string
      readonly proposed?: Scheme.Grade | undefined
    }
  | { readonly _tag: "DecideGrade"; readonly by: Scheme.Actor; readonly grade: Scheme.Grade }
  | { readonly _tag: "Report"; readonly by: Scheme.Actor }

export interface QuotaUseRecord {
  readonly groupKey: string
  readonly quotaId: string
  readonly size: number
  readonly used: number
  readonly limit: number
  readonly remaining: number
  readonly within: boolean
  readonly text: Text
  readonly clause: string
}

export const toAssessment = (r: assessmentQueries.StoredAssessment): AssessmentRecord => ({
  id: r.id,
  placementId: r.placementId,
  personId: r.personId,
  cycleId: r.cycleId,
  period: r.period,
  grade: r.grade,
  record: r.body.record,
  summary: Assessment.gradingSummary(r.body.record),
  quota: r.body.quota,
  incentives: r.body.incentives,
  fired: r.body.fired,
  version: r.version,
})

/** The cycle's period must name a year the cadre was in post (year-end) or a period after taking up. */
export const checkPeriod = (rec: PlacementRecord, cycle: Scheme.AssessmentCycle, period: string) => {
  if (cycle.cadence._tag === "YearEnd") {
    if (!YEAR.test(period))
      return Effect.fail(
        conflict("assessment", period, "bad_period", {
          zh: `年度考核的期间应为年份（如 2026），不是“${period}”`,
          en: `a year-end assessment's period is a year (e.g. 2026), not "${period}"`,
        }),
      )
    const year = Number(period)
    if (!placementQueries.inPostDuring(rec, year))
      return Effect.fail(
        conflict("assessment", period, "not_in_post", {
          zh: `${year}年该干部不在任职期内，不能参加当年考核`,
          en: `the cadre was not in post in ${year}; no assessment for that year`,
        }),
      )
    return Effect.succeed<number | undefined>(year)
  }
  if (rec.placement.startedOn === undefined)
    return Effect.fail(
      conflict("assessment", period, "not_started", {
        zh: "尚未到岗，不能考核",
        en: "the cadre has not taken up the post yet",
      }),
    )
  return Effect.succeed<number | undefined>(undefined)
}

/** The last day of a year: the date a year's assessment or survey is of (issue 13). */
export const yearEnd = (year: number): LocalDate.LocalDate => LocalDate.fromParts(year, 12, 31)

/**
 * The date a grading step is of, which chooses the scheme version that governs it (issue 13, "dates bite"): a
 * year-end cycle's year is assessed under the version in force on its last day (an assessment of 2027 follows
 * a version taking effect on 2027-01-01; one of 2026, recorded in January 2027, the version of 2026, so that a
 * year's quota group is counted under one version); a term-end cycle under the version in force on the last day
 * in post; any other cycle on the day it is recorded. `field`: the input holding that date (the period), if any.
 * The cadence is read from the placement's own version (`own`); a cycle it lacks is dated on the day recorded.
 */
export const gradingDate = (
  rec: PlacementRecord,
  own: Scheme.Scheme,
  input: { readonly cycleId: string; readonly period: string; readonly on: LocalDate.LocalDate },
): { readonly date: LocalDate.LocalDate; readonly field?: string } => {
  const cadence = own.assessment.cycles.find((c) => c.id === input.cycleId)?.cadence._tag
  if (cadence === "YearEnd" && YEAR.test(input.period))
    return { date: yearEnd(Number(input.period)), field: "period" }
  if (cadence === "TermEnd") {
    const last =
      rec.endedOn !== null
        ? (rec.endedOn as LocalDate.LocalDate)
        : rec.termEnd === null
          ? undefined
          : LocalDate.addDays(rec.termEnd as LocalDate.LocalDate, -1)
    if (last !== undefined) return { date: last }
  }
  return { date: input.on }
}

/**
 * The year whose group a grade in `cycle` is counted in: a year-end cycle's period; a term-end cycle's year of the
 * last day in post; any other cycle a quota names, the year of the decision.
 */
const groupYear = (
  rec: PlacementRecord,
  cycle: Scheme.AssessmentCycle,
  period: string,
  on: LocalDate.LocalDate,
) => {
  if (cycle.cadence._tag === "YearEnd") return Effect.succeed(Number(period))
  if (cycle.cadence._tag !== "TermEnd") return Effect.succeed(Number(on.slice(0, 4)))
  const last =
    rec.endedOn ??
    (rec.termEnd === null ? undefined : LocalDate.addDays(rec.termEnd as LocalDate.LocalDate, -1).toString())
  if (last === undefined)
    return Effect.fail(
      conflict("assessment", period, "no_term_end", {
        zh: "该任职没有任期届满日，不能进行期满考核",
        en: "the placement has no term end; no end-of-term assessment",
      }),
    )
  return Effect.succeed(Number(last.slice(0, 4)))
}

/**
 * The scheme's quotas that apply to the cycle (Scheme.quotaAppliesTo: annual and term-end alike), checked under
 * the group's lock: the group is the scheme in its own region (Assessment.quotaGroupKey), its members whom each
 * quota counts (Scheme.quotaMembers), counted after the lock; the kernel decides.
 */
export const checkQuota = (
  tx: Tx,
  rec: PlacementRecord,
  scheme: Scheme.Scheme,
  cycle: Scheme.AssessmentCycle,
  input: { readonly period: string; readonly on: LocalDate.LocalDate },
  grade: Scheme.Grade,
) =>
  Effect.gen(function* () {
    const none = [] as ReadonlyArray<{ quotaId: string; text: Text }>
    const quotas = scheme.assessment.quotas
    if (quotas._tag !== "Cited") return none
    const applying = quotas.value.filter((q) => Scheme.quotaAppliesTo(q, cycle))
    if (applying.length === 0) return none
    const region = yield* poolQueries.regionById(tx, scheme.regionId)
    if (region === undefined) return yield* Effect.fail(notFound("region", scheme.regionId))
    const year = yield* groupYear(rec, cycle, input.period, input.on)
    const key = {
      regionId: scheme.regionId,
      groupKey: Assessment.quotaGroupKey(rec.placement.schemeId, region.path),
      period: `${cycle.id}:${year}`,
    }
    yield* quotaQueries.lockQuotaGroup(tx, key)
    // Counted after the lock: every grade committed before it is seen.
    const counts = new Map<Scheme.QuotaMembers, Assessment.GroupCount>()
    for (const members of new Set(applying.map(Scheme.quotaMembers))) {
      const g: quotaQueries.QuotaGroup = {
        schemeId: rec.placement.schemeId,
        regionPath: region.path,
        members,
        cycleId: cycle.id,
        cadence: cycle.cadence._tag === "TermEnd" ? "term_end" : "year_end",
        year,
      }
      const size = yield* quotaQueries.groupSize(tx, g, rec.placement.id)
      const period = cycle.cadence._tag === "TermEnd" ? undefined : input.period
      const graded = yield* quotaQueries.gradedInGroup(tx, g, period, rec.placement.id)
      const alreadyGraded: Partial<Record<Scheme.Grade, number>> = {}
      for (const r of graded) if (r.grade !== null) alreadyGraded[r.grade as Scheme.Grade] = Number(r.n)
      counts.set(members, { size, alreadyGraded })
    }
    const r = Assessment.checkGrade({
      quotas: applying,
      grade,
      group: (q) => counts.get(Scheme.quotaMembers(q)) ?? { size: 0, alreadyGraded: {} },
      labels: (g) => Assessment.gradeLabel(g, scheme.assessment),
    })
    if (Either.isLeft(r)) return yield* Effect.fail(r.left)
    yield* quotaQueries.countGrading(tx, key)
    return r.right.checked.map((a) => ({ quotaId: a.quotaId, text: a.text }))
  })

/** 002 三（二）: 被召回人员当年不得评先评优 — an excellent grade is refused while that consequence holds. */
export const checkNoAwards = (tx: Tx, rec: PlacementRecord, year: number) =>
  Effect.gen(function* () {
    const rows = yield* assessmentQueries.noAwards(tx, rec.person.id)
    const hit = rows.find((r) => r.year === year)
    if (hit !== undefined)
      return yield* Effect.fail(
        conflict("assessment", rec.placement.id, "no_awards", {
          zh: `不能评为优秀：${hit.text?.zh ?? "当年不得评先评优"}`,
          en: `cannot be graded excellent: ${hit.text?.en ?? "no awards in the year of recall"}`,
        }),
      )
  })
