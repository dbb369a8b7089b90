import { randomUUID } from "node:crypto"
import {
  assessmentQueries,
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  type NotFound,
  notFound,
  placementQueries,
  poolQueries,
  quotaQueries,
  type StaleVersion,
  surveyQueries,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Access, Assessment, InPost, type LocalDate, Scheme } from "@cadre/domain"
import { Effect, Either } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive, speaksFor } from "../shared/inpost.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import { decideGrade } from "./decide.js"
import {
  type AssessmentRecord,
  checkPeriod,
  clauseOf,
  type GradingStepInput,
  gradingDate,
  type QuotaUseRecord,
  t,
  toAssessment,
  yearEnd,
} from "./grading.js"

/**
 * Assessment (考核), issue 5: each step of a cycle in the order the scheme sets (Assessment.applyGrading: 000's
 * street first opinion → dispatching unit's grade → report to the org dept), grade quotas checked at decision time
 * with the arithmetic (Assessment.checkGrade, under the quota group's lock: QUOTA SAFETY in grading.ts), and
 * satisfaction surveys and the triggers they fire. The yearly review of a reserve pool is PoolService.
 */

type SurveyResult = surveyQueries.SurveyResult

type CmdErr =
  | Access.Forbidden
  | NotFound
  | StaleVersion
  | Conflict
  | InPost.ArchiveRefused
  | Assessment.QuotaRefused
  | Assessment.GroupCountInvalid
  | Assessment.GradingRefused
  | Assessment.SurveyCountsInvalid
  | Assessment.SurveyCountingUnspecified
  | Assessment.UnknownTrigger
  | Scheme.NoVersionInForce

export class AssessmentService extends Effect.Service<AssessmentService>()(
  "@cadre/services/AssessmentService",
  {
    effect: Effect.gen(function* () {
      const { db } = yield* Database
      const schemes = yield* SchemeStore

      const visiblePlacement = (actor: Access.Actor, id: string) =>
        Effect.flatMap(placementQueries.readPlacement(db, actor, id), (r) =>
          r === undefined ? Effect.fail(notFound("placement", id)) : Effect.succeed(r),
        )

      const list = (
        actor: Access.Actor,
        placementId: string,
      ): Effect.Effect<ReadonlyArray<AssessmentRecord>, Access.Forbidden | NotFound> =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "placement.read")
          yield* visiblePlacement(actor, placementId)
          const rows = yield* assessmentQueries.listAssessments(db, placementId)
          return rows.map(toAssessment)
        })

      /** One step of a cycle; a year-end grade is checked against the scheme's quotas under the group's lock. */
      const step = (
        ctx: CommandContext,
        input: {
          readonly placementId: string
          readonly cycleId: string
          readonly period: string
          readonly move: GradingStepInput
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<AssessmentRecord, CmdErr> =>
        Effect.gen(function* () {
          yield* requirePermission(ctx.actor, "assessment.grade")
          const id = yield* transaction(db, `assessment.${input.move._tag}`, (tx) =>
            Effect.gen(function* () {
              const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
              // Issue 13: the version in force on the assessment's date governs it (gradingDate), not the one
              // the placement was made under.
              const own = yield* schemes.load(rec.placement.schemeId, rec.placement.schemeVersion, tx)
              const act = gradingDate(rec, own, input)
              const { scheme, governing } = yield* schemes.inForce(
                {
                  schemeId: rec.placement.schemeId,
                  placedUnder: rec.placement.schemeVersion,
                  date: act.date,
                  field: act.field,
                },
                tx,
              )
              const cycle = scheme.assessment.cycles.find((c) => c.id === input.cycleId)
              if (cycle === undefined)
                return yield* Effect.fail(
                  conflict("assessment", input.cycleId, "unknown_cycle", {
                    zh: `方案中没有考核“${input.cycleId}”；可用：${scheme.assessment.cycles.map((c) => c.id).join("、")}`,
                    en: `the scheme has no cycle "${input.cycleId}"; available: ${scheme.assessment.cycles.map((c) => c.id).join(", ")}`,
                  }),
                )
              const m = input.move
              if (!speaksFor(ctx.actor, m.by))
                return yield* Effect.fail(
                  conflict("assessment", input.cycleId, "not_authorised", {
                    zh: `须由${InPost.ACTOR_LABELS[m.by].zh}的账号办理`,
                    en: `only an account of ${InPost.ACTOR_LABELS[m.by].en} may record this`,
                  }),
                )
              const year = yield* checkPeriod(rec, cycle, input.period)
              const row = yield* assessmentQueries.lockAssessment(
                tx,
                rec.placement.id,
                cycle.id,
                input.period,
              )
              const before: assessmentQueries.AssessmentBody =
                row === undefined
                  ? {
                      record: Assessment.newGrading(cycle, input.period),
                      quota: [],
                      incentives: [],
                      fired: [],
                    }
                  : row.body
              const move: Assessment.GradingMove =
                m._tag === "GiveFirstOpinion"
                  ? {
                      _tag: m._tag,
                      by: m.by,
                      on: input.on,
                      opinion: m.opinion,
                      ...(m.proposed === undefined ? {} : { proposed: m.proposed }),
                    }
                  : m._tag === "DecideGrade"
                    ? { _tag: m._tag, by: m.by, on: input.on, grade: m.grade }
                    : { _tag: m._tag, by: m.by, on: input.on }
              // The kernel first: a step out of order or by the wrong body is refused before any quota is counted.
              const next = Assessment.applyGrading(cycle, before.record, move)
              if (Either.isLeft(next)) return yield* Effect.fail(next.left)
              let body: assessmentQueries.AssessmentBody = { ...before, record: next.right }
              let entries: ReadonlyArray<InPost.ArchiveEntry> = []
              let quotaGroup: string | null = row?.quotaGroup ?? null
              if (m._tag === "DecideGrade") {
                const decided = yield* decideGrade(tx, rec, scheme, cycle, input, year, m.grade, next.right)
                if (decided.counted) quotaGroup = rec.quotaGroup
                body = decided.body
                entries = decided.entries
              }
              const grade = next.right.decided?.grade ?? null
              const rowId = row?.id ?? randomUUID()
              yield* assessmentQueries.saveAssessment(tx, {
                id: rowId,
                existing: row !== undefined,
                placementId: rec.placement.id,
                personId: rec.person.id,
                cycleId: cycle.id,
                period: input.period,
                grade,
                quotaGroup,
                body,
              })
              if (entries.length > 0)
                yield* fileInArchive(tx, ctx, {
                  personId: rec.person.id,
                  regionPath: rec.regionPath,
                  on: input.on,
                  entries,
                })
              yield* writeAudit(tx, ctx, {
                action: `assessment.${m._tag}`,
                entity: "placement",
                entityId: rec.placement.id,
                regionPath: rec.regionPath,
                before: { step: Assessment.nextGradingStep(cycle, before.record) ?? null },
                after: {
                  cycleId: cycle.id,
                  period: input.period,
                  move: m,
                  quota: body.quota.map((q) => q.text),
                  governedBy: governing,
                },
              })
              return rowId
            }),
          )
          const row = yield* assessmentQueries.getAssessment(db, id)
          if (row === undefined) return yield* Effect.fail(notFound("assessment", id))
          return toAssessment(row)
        })

      /** Record a year's satisfaction survey; the scheme's SurveyRate triggers are evaluated on it. */
      const survey = (
        ctx: CommandContext,
        input: {
          readonly placementId: string
          readonly year: number
          readonly counts: Assessment.SurveyCounts
          readonly decision?: Assessment.CountingDecision | undefined
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<SurveyResult, CmdErr> =>
        Effect.gen(function* () {
          yield* requirePermission(ctx.actor, "assessment.grade")
          return yield* transaction(db, "assessment.survey", (tx) =>
            Effect.gen(function* () {
              const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
              if (!placementQueries.inPostDuring(rec, input.year))
                return yield* Effect.fail(
                  conflict("survey", String(input.year), "not_in_post", {
                    zh: `${input.year}年该干部不在任职期内`,
                    en: `the cadre was not in post in ${input.year}`,
                  }),
                )
              const dup = yield* surveyQueries.surveyOf(tx, rec.placement.id, input.year)
              if (dup !== undefined)
                return yield* Effect.fail(
                  conflict("survey", String(input.year), "duplicate", {
                    zh: `${input.year}年度的满意度测评已登记`,
                    en: `the ${input.year} survey is already on record`,
                  }),
                )
              // Issue 13: the year's survey follows the version in force at the year's end.
              const { scheme, governing } = yield* schemes.inForce(
                {
                  schemeId: rec.placement.schemeId,
                  placedUnder: rec.placement.schemeVersion,
                  date: yearEnd(input.year),
                  field: "year",
                },
                tx,
              )
              const ev = Assessment.evaluateTriggers(scheme, {
                survey: {
                  counts: input.counts,
                  ...(input.decision === undefined ? {} : { decision: input.decision }),
                },
              })
              if (Either.isLeft(ev)) return yield* Effect.fail(ev.left)
              const result: SurveyResult = {
                counts: input.counts,
                ...(input.decision === undefined ? {} : { decision: input.decision }),
                findings: ev.right.survey.map((f) => ({
                  triggerId: f.triggerId,
                  label: f.label,
                  action: f.action,
                  fires: f.fires,
                  measure: f.measure,
                  percent: f.rate.percent,
                  text: f.text,
                  clause: clauseOf(f.citation),
                })),
                fired: ev.right.fired.map((f) => ({
                  triggerId: f.triggerId,
                  label: f.label,
                  action: f.action,
                  ...(f.decidedBy === undefined ? {} : { decidedBy: f.decidedBy }),
                  text: f.text,
                  clause: clauseOf(f.citation),
                })),
              }
              const id = randomUUID()
              yield* surveyQueries.insertSurvey(tx, {
                id,
                placementId: rec.placement.id,
                year: input.year,
                result,
                recordedBy: ctx.actor.accountId,
                recordedOn: input.on,
              })
              const first = result.findings[0]
              yield* fileInArchive(tx, ctx, {
                personId: rec.person.id,
                regionPath: rec.regionPath,
                on: input.on,
                entries: [
                  entry(
                    `survey/${rec.placement.id}/${input.year}`,
                    input.on,
                    "assessment",
                    first === undefined
                      ? t(`${input.year}年度满意度测评`, `${input.year} satisfaction survey`)
                      : t(
                          `${input.year}年度满意度测评：${first.text.zh}`,
                          `${input.year} survey: ${first.text.en}`,
                        ),
                    { ref: id },
                  ),
                ],
              })
              yield* writeAudit(tx, ctx, {
                action: "assessment.survey",
                entity: "placement",
                entityId: rec.placement.id,
                regionPath: rec.regionPath,
                before: null,
                after: {
                  year: input.year,
                  counts: input.counts,
                  fired: result.fired.map((f) => f.triggerId),
                  governedBy: governing,
                },
              })
              return result
            }),
          )
        })

      const surveys = (
        actor: Access.Actor,
        placementId: string,
      ): Effect.Effect<
        ReadonlyArray<SurveyResult & { readonly year: number }>,
        Access.Forbidden | NotFound
      > =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "placement.read")
          yield* visiblePlacement(actor, placementId)
          return yield* surveyQueries.listSurveys(db, placementId)
        })

      /** Each quota of a scheme, per quota group, for one year: size, used, places left, with the arithmetic. */
      const quotaUse = (
        actor: Access.Actor,
        input: { readonly schemeId: string; readonly schemeVersion: number; readonly year: number },
      ): Effect.Effect<ReadonlyArray<QuotaUseRecord>, Access.Forbidden | NotFound> =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "figures.read")
          const s = yield* poolQueries.schemeVersionPlace(db, input.schemeId, input.schemeVersion)
          if (s === undefined || !Access.seesScheme(actor, s.path, s.status))
            return yield* Effect.fail(notFound("scheme", `${input.schemeId}@${input.schemeVersion}`))
          const scheme = yield* schemes.load(input.schemeId, input.schemeVersion)
          const quotas = scheme.assessment.quotas
          if (quotas._tag !== "Cited") return []
          const period = String(input.year)
          const groupKey = Assessment.quotaGroupKey(input.schemeId, s.path)
          const out: Array<QuotaUseRecord> = []
          // The year's figures: the year-end cycles each quota applies to, over the scheme's one group.
          const yearEnd = scheme.assessment.cycles.filter((c) => c.cadence._tag === "YearEnd")
          for (const q of quotas.value)
            for (const cycle of yearEnd.filter((c) => Scheme.quotaAppliesTo(q, c))) {
              const use = yield* quotaQueries.groupUse(
                db,
                {
                  schemeId: input.schemeId,
                  regionPath: s.path,
                  members: Scheme.quotaMembers(q),
                  cycleId: cycle.id,
                  cadence: "year_end",
                  year: input.year,
                },
                period,
              )
              const u = Assessment.quotaUse(q, { size: use.size, used: use.byGrade.get(q.grade) ?? 0 })
              out.push({
                groupKey,
                quotaId: q.id,
                size: u.arithmetic.size,
                used: u.used,
                limit: u.arithmetic.limit,
                remaining: u.remaining,
                within: u.within,
                text: u.text,
                clause: clauseOf(q.citation),
              })
            }
          return out
        })

      return { list, step, survey, surveys, quotaUse } as const
    }),
    dependencies: [SchemeStore.Default],
  },
) {}
