import { randomUUID } from "node:crypto"
import { assessmentQueries, type CommandContext, type placementQueries, type Tx, writeAudit } from "@cadre/db"
import { Assessment, type InPost, type LocalDate, type Scheme } from "@cadre/domain"
import { Effect, Either } from "effect"
import { entry } from "../shared/inpost.js"
import { checkNoAwards, checkQuota, t, YEAR } from "./grading.js"

/**
 * A grade decided (DecideGrade): the recall's no-awards consequence and the quotas checked, then the scheme's
 * incentives and triggers evaluated on it; the body to store and the archive entries to file.
 */
export const decideGrade = (
  tx: Tx,
  rec: placementQueries.PlacementRecord,
  scheme: Scheme.Scheme,
  cycle: Scheme.AssessmentCycle,
  input: { readonly period: string; readonly on: LocalDate.LocalDate },
  year: number | undefined,
  grade: Scheme.Grade,
  record: Assessment.GradingRecord,
) =>
  Effect.gen(function* () {
    if (grade === "excellent" && year !== undefined) yield* checkNoAwards(tx, rec, year)
    const quota = yield* checkQuota(tx, rec, scheme, cycle, input, grade)
    const prior = yield* assessmentQueries.decidedGrades(tx, rec.placement.id, cycle.id)
    const employment = yield* assessmentQueries.employmentOf(tx, rec.person.id)
    const incentives = Assessment.evaluateIncentives(scheme.assessment.incentives, {
      on: input.on,
      ...(employment === undefined ? {} : { employment: employment as never }),
      ...(rec.placement.startedOn === undefined ? {} : { servedFrom: rec.placement.startedOn }),
      decided: { cycleId: cycle.id, grade },
      annualGrades:
        cycle.cadence._tag === "YearEnd"
          ? [
              ...prior
                .filter((p) => YEAR.test(p.period) && p.grade !== null)
                .map((p) => ({ year: Number(p.period), grade: p.grade as Scheme.Grade })),
              ...(year === undefined ? [] : [{ year, grade }]),
            ]
          : [],
    })
    const triggers = Assessment.evaluateTriggers(scheme, {
      grade: { grade, cycleId: cycle.id, period: input.period },
    })
    const fired = Either.isRight(triggers) ? triggers.right.fired : []
    const body: assessmentQueries.AssessmentBody = {
      record,
      quota,
      incentives: incentives.map((i) => ({
        incentiveId: i.incentiveId,
        label: i.label,
        effect: i.effect,
        applies: i.applies,
        text: i.text,
      })),
      fired: fired.map((f) => ({
        triggerId: f.triggerId,
        label: f.label,
        action: f.action,
        text: f.text,
      })),
    }
    const g = Assessment.gradeLabel(grade, scheme.assessment)
    const entries: Array<InPost.ArchiveEntry> = [
      entry(
        `assessment/${rec.placement.id}/${cycle.id}/${input.period}`,
        input.on,
        "assessment",
        t(`${cycle.label.zh}（${input.period}）：${g.zh}`, `${cycle.label.en} (${input.period}): ${g.en}`),
        { ref: rec.placement.id, citation: cycle.citation },
      ),
    ]
    for (const i of incentives.filter((x) => x.applies))
      entries.push(
        entry(
          `reward/${rec.placement.id}/${cycle.id}/${input.period}/${i.incentiveId}`,
          input.on,
          "reward",
          i.label,
          { ref: rec.placement.id, citation: i.citation },
        ),
      )
    return { body, entries, counted: quota.length > 0 }
  })

/**
 * A grade a recall sets (004 淮上 目标考核 三是: "当年考评为“不称职”") is written as that year's assessment through the
 * path every grade takes (decideGrade: quotas, incentives, triggers; saved on the assessment row, replacing a grade
 * already given, which the audit row keeps), decided by the body that decided the recall. Answers the archive entry.
 */
export const imposeRecallGrade = (
  tx: Tx,
  ctx: CommandContext,
  rec: placementQueries.PlacementRecord,
  scheme: Scheme.Scheme,
  g: Assessment.RecallGrade,
  by: Scheme.Actor,
  on: LocalDate.LocalDate,
) =>
  Effect.gen(function* () {
    const row = yield* assessmentQueries.lockAssessment(tx, rec.placement.id, g.cycle.id, g.period)
    const record = Assessment.imposeGrade(row?.body.record ?? Assessment.newGrading(g.cycle, g.period), {
      by,
      on,
      grade: g.grade,
    })
    const input = { period: g.period, on }
    const decided = yield* decideGrade(tx, rec, scheme, g.cycle, input, Number(g.period), g.grade, record)
    yield* assessmentQueries.saveAssessment(tx, {
      id: row?.id ?? randomUUID(),
      existing: row !== undefined,
      placementId: rec.placement.id,
      personId: rec.person.id,
      cycleId: g.cycle.id,
      period: g.period,
      grade: g.grade,
      quotaGroup: decided.counted ? rec.quotaGroup : (row?.quotaGroup ?? null),
      body: decided.body,
    })
    yield* writeAudit(tx, ctx, {
      action: "assessment.RecallGrade",
      entity: "placement",
      entityId: rec.placement.id,
      regionPath: rec.regionPath,
      before: { grade: row?.grade ?? null },
      after: {
        cycleId: g.cycle.id,
        period: g.period,
        grade: g.grade,
        by,
        consequenceId: g.consequenceId,
        clause: `${g.citation.document} ${g.citation.clause}`,
      },
    })
    return entry(
      `assessment/${rec.placement.id}/${g.cycle.id}/${g.period}/recall`,
      on,
      "assessment",
      g.text,
      { ref: rec.placement.id, citation: g.citation },
    )
  })
