import { randomUUID } from "node:crypto"
import { Access, Assessment, InPost, LocalDate, Pool, Scheme, type Text } from "@cadre/domain"
import { and, asc, eq, inArray, isNotNull, ne, type SQL, sql } from "drizzle-orm"
import { Context, Effect, Either, Layer, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  conflict,
  type DatabaseError,
  type InvalidInput,
  type NotFound,
  notFound,
  type StaleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeRow,
  read,
  requirePermission,
  transact,
  within,
  writeAudit,
} from "../internal.js"
import {
  applications,
  assessments,
  campaigns,
  people,
  personConsequences,
  placements,
  poolReviews,
  quotaGroups,
  regions,
  schemes,
  surveys,
} from "../schema/index.js"
import { closeReserves, reserveRows } from "./EvaluationRepo.js"
import {
  entry,
  fileInArchive,
  inPostDuring,
  inPostDuringSql,
  lockPlacement,
  makeSchemeLoader,
  type PlacementRecord,
  readPlacement,
  speaksFor,
} from "./inpostShared.js"

/**
 * Assessment (考核), issue 5: each step of a cycle in the order the scheme sets (Assessment.applyGrading: 000's
 * street first opinion → dispatching unit's grade → report to the org dept), grade quotas checked at decision time
 * with the arithmetic (Assessment.checkGrade), satisfaction surveys and the triggers they fire, and the yearly
 * review of a reserve pool (Pool.composition, Pool.checkNominees).
 *
 * QUOTA SAFETY. A year-end grade counted by a quota is decided in one transaction that first takes the lock row of
 * its quota group for that year (`quota_groups`, inserted with ON CONFLICT DO NOTHING, then `SELECT … FOR UPDATE`),
 * and only then counts the group and the grades already given. Parallel gradings of one group therefore run one
 * after the other: each sees every grade committed before it, so the quota can never be exceeded; the one that
 * would exceed it is refused with the kernel's arithmetic ("…10×20%=2（向下取整），已评优秀2人，第3人不能评为优秀").
 * Locks are always taken placement first, then quota group, so two gradings cannot deadlock.
 */

const t = (zh: string, en: string): Text => ({ zh, en })
const TextS = Schema.Struct({ zh: Schema.String, en: Schema.String })

/** Assessment.GradingRecord as stored (the kernel keeps it as a plain interface). */
const GradingRecordS = Schema.Struct({
  cycleId: Schema.String,
  period: Schema.String,
  firstOpinion: Schema.optionalWith(
    Schema.Struct({
      by: Scheme.Actor,
      on: LocalDate.LocalDate,
      opinion: Schema.String,
      proposed: Schema.optionalWith(Scheme.Grade, { exact: true }),
    }),
    { exact: true },
  ),
  decided: Schema.optionalWith(
    Schema.Struct({ by: Scheme.Actor, on: LocalDate.LocalDate, grade: Scheme.Grade }),
    {
      exact: true,
    },
  ),
  reported: Schema.optionalWith(
    Schema.Struct({ by: Scheme.Actor, to: Scheme.Actor, on: LocalDate.LocalDate }),
    {
      exact: true,
    },
  ),
})

const AssessmentBody = Schema.Struct({
  record: GradingRecordS,
  /** The quotas checked when the grade was decided, each with its arithmetic in words. */
  quota: Schema.Array(Schema.Struct({ quotaId: Schema.String, text: TextS })),
  incentives: Schema.Array(
    Schema.Struct({
      incentiveId: Schema.String,
      label: TextS,
      effect: Schema.String,
      applies: Schema.Boolean,
      text: TextS,
    }),
  ),
  fired: Schema.Array(
    Schema.Struct({ triggerId: Schema.String, label: TextS, action: Schema.String, text: TextS }),
  ),
})
type AssessmentBody = typeof AssessmentBody.Type

const SurveyBody = Schema.Struct({
  counts: Schema.Struct({
    satisfied: Schema.Int,
    basicallySatisfied: Schema.optional(Schema.Int),
    dissatisfied: Schema.Int,
  }),
  decision: Schema.optional(
    Schema.Struct({
      basicallySatisfied: Schema.Literal("counts_as_satisfied", "not_satisfied"),
      by: Scheme.Actor,
      note: Schema.String,
    }),
  ),
  findings: Schema.Array(
    Schema.Struct({
      triggerId: Schema.String,
      label: TextS,
      action: Schema.String,
      fires: Schema.Boolean,
      measure: Schema.String,
      percent: Schema.String,
      text: TextS,
      clause: Schema.String,
    }),
  ),
  fired: Schema.Array(
    Schema.Struct({
      triggerId: Schema.String,
      label: TextS,
      action: Schema.String,
      decidedBy: Schema.optional(Scheme.Actor),
      text: TextS,
      clause: Schema.String,
    }),
  ),
})
export type SurveyResult = typeof SurveyBody.Type

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
  readonly quota: AssessmentBody["quota"]
  readonly incentives: AssessmentBody["incentives"]
  readonly fired: AssessmentBody["fired"]
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

export interface PoolReviewRecord {
  readonly id: string
  readonly regionId: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly year: number
  readonly reviewedOn: string
  readonly members: number
  readonly removed: ReadonlyArray<{ readonly personId: string; readonly reason: string }>
  readonly composition: unknown
  readonly communities: unknown
}

type Err<E> = E | Access.Forbidden | DatabaseError
type CmdErr = Err<
  | NotFound
  | StaleVersion
  | Conflict
  | InvalidInput
  | InPost.ArchiveRefused
  | Assessment.QuotaRefused
  | Assessment.GroupCountInvalid
  | Assessment.GradingRefused
  | Assessment.SurveyCountsInvalid
  | Assessment.SurveyCountingUnspecified
  | Assessment.UnknownTrigger
>

export interface AssessmentRepoService {
  readonly list: (
    actor: Access.Actor,
    placementId: string,
  ) => Effect.Effect<ReadonlyArray<AssessmentRecord>, Err<NotFound>>
  /** One step of a cycle; a year-end grade is checked against the scheme's quotas under the group's lock. */
  readonly step: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly cycleId: string
      readonly period: string
      readonly move: GradingStepInput
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<AssessmentRecord, CmdErr>
  /** Record a year's satisfaction survey; the scheme's SurveyRate triggers are evaluated on it. */
  readonly survey: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly year: number
      readonly counts: Assessment.SurveyCounts
      readonly decision?: Assessment.CountingDecision | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<SurveyResult, CmdErr>
  readonly surveys: (
    actor: Access.Actor,
    placementId: string,
  ) => Effect.Effect<ReadonlyArray<SurveyResult & { readonly year: number }>, Err<NotFound>>
  /** Each quota of a scheme, per quota group, for one year: size, used, places left, with the arithmetic. */
  readonly quotaUse: (
    actor: Access.Actor,
    input: { readonly schemeId: string; readonly schemeVersion: number; readonly year: number },
  ) => Effect.Effect<ReadonlyArray<QuotaUseRecord>, Err<NotFound>>
  /** The yearly review of a reserve pool (001 五1): composition checked, the unqualified removed. */
  readonly reviewPool: (
    ctx: CommandContext,
    input: {
      readonly regionId: string
      readonly schemeId: string
      readonly schemeVersion: number
      readonly year: number
      readonly removals: ReadonlyArray<{ readonly personId: string; readonly reason: string }>
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<PoolReviewRecord, CmdErr>
  readonly poolReviews: (
    actor: Access.Actor,
    filter: { readonly schemeId?: string | undefined },
  ) => Effect.Effect<ReadonlyArray<PoolReviewRecord>, Err<never>>
}

export class AssessmentRepo extends Context.Tag("@cadre/db/AssessmentRepo")<
  AssessmentRepo,
  AssessmentRepoService
>() {
  static readonly Live: Layer.Layer<AssessmentRepo, never, Database> = Layer.effect(
    AssessmentRepo,
    Effect.map(Database, (d) => makeAssessmentRepo(d.db)),
  )
}

const encodeBody = Schema.encodeSync(AssessmentBody)
const clauseOf = (c: { readonly document: string; readonly clause: string }): string =>
  `${c.document} ${c.clause}`

const toAssessment = (r: typeof assessments.$inferSelect): AssessmentRecord => {
  const body = decodeRow(AssessmentBody, "assessments", r.id, r.body)
  return {
    id: r.id,
    placementId: r.placementId,
    personId: r.personId,
    cycleId: r.cycleId,
    period: r.period,
    grade: (r.grade as Scheme.Grade | null) ?? null,
    record: body.record,
    summary: Assessment.gradingSummary(body.record),
    quota: body.quota,
    incentives: body.incentives,
    fired: body.fired,
    version: r.version,
  }
}

const YEAR = /^\d{4}$/

export const makeAssessmentRepo = (db: Db): AssessmentRepoService => {
  const loadScheme = makeSchemeLoader()

  const visiblePlacement = (actor: Access.Actor, id: string) =>
    read("placement.get", () => readPlacement(db, actor, id)).pipe(
      Effect.flatMap((r) => (r === undefined ? Effect.fail(notFound("placement", id)) : Effect.succeed(r))),
    )

  /** The cycle's period must name a year the cadre was in post (year-end) or a period after taking up. */
  const checkPeriod = (
    rec: PlacementRecord,
    cycle: Scheme.AssessmentCycle,
    period: string,
  ): number | undefined => {
    if (cycle.cadence._tag === "YearEnd") {
      if (!YEAR.test(period))
        return abort(
          conflict("assessment", period, "bad_period", {
            zh: `年度考核的期间应为年份（如 2026），不是“${period}”`,
            en: `a year-end assessment's period is a year (e.g. 2026), not "${period}"`,
          }),
        )
      const year = Number(period)
      if (!inPostDuring(rec, year))
        return abort(
          conflict("assessment", period, "not_in_post", {
            zh: `${year}年该干部不在任职期内，不能参加当年考核`,
            en: `the cadre was not in post in ${year}; no assessment for that year`,
          }),
        )
      return year
    }
    if (rec.placement.startedOn === undefined)
      return abort(
        conflict("assessment", period, "not_started", {
          zh: "尚未到岗，不能考核",
          en: "the cadre has not taken up the post yet",
        }),
      )
    return undefined
  }

  /** Lock the group's row for the period, count the group and its grades, and let the kernel decide. */
  const checkQuota = async (
    tx: Tx,
    rec: PlacementRecord,
    scheme: Scheme.Scheme,
    period: string,
    year: number,
    grade: Scheme.Grade,
  ): Promise<ReadonlyArray<{ quotaId: string; text: Text }>> => {
    const quotas = scheme.assessment.quotas
    if (quotas._tag !== "Cited" || quotas.value.length === 0) return []
    const key = { regionId: scheme.regionId, groupKey: rec.quotaGroup, period }
    await tx.insert(quotaGroups).values(key).onConflictDoNothing()
    await tx
      .select({ period: quotaGroups.period })
      .from(quotaGroups)
      .where(
        and(
          eq(quotaGroups.regionId, key.regionId),
          eq(quotaGroups.groupKey, key.groupKey),
          eq(quotaGroups.period, key.period),
        ),
      )
      .for("update")
    // Counted after the lock: every grade committed before it is seen.
    const [size] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(placements)
      .where(and(eq(placements.quotaGroup, rec.quotaGroup), inPostDuringSql(year)))
    const graded = await tx
      .select({ grade: assessments.grade, n: sql<number>`count(*)::int` })
      .from(assessments)
      .where(
        and(
          eq(assessments.quotaGroup, rec.quotaGroup),
          eq(assessments.period, period),
          isNotNull(assessments.grade),
          ne(assessments.placementId, rec.placement.id),
        ),
      )
      .groupBy(assessments.grade)
    const alreadyGraded: Partial<Record<Scheme.Grade, number>> = {}
    for (const g of graded) if (g.grade !== null) alreadyGraded[g.grade as Scheme.Grade] = Number(g.n)
    const r = Assessment.checkGrade({
      quotas,
      grade,
      group: { size: Number(size?.n ?? 0), alreadyGraded },
      labels: (g) => Assessment.gradeLabel(g, scheme.assessment),
    })
    if (Either.isLeft(r)) return abort(r.left)
    await tx
      .update(quotaGroups)
      .set({ gradings: sql`${quotaGroups.gradings} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(quotaGroups.regionId, key.regionId),
          eq(quotaGroups.groupKey, key.groupKey),
          eq(quotaGroups.period, key.period),
        ),
      )
    return r.right.checked.map((a) => ({ quotaId: a.quotaId, text: a.text }))
  }

  /** 002 三（二）: 被召回人员当年不得评先评优 — an excellent grade is refused while that consequence holds. */
  const checkNoAwards = async (tx: Tx, rec: PlacementRecord, year: number) => {
    const rows = await tx
      .select({ year: personConsequences.year, body: personConsequences.body })
      .from(personConsequences)
      .where(
        and(
          eq(personConsequences.personId, rec.person.id),
          eq(personConsequences.effect, "no_awards"),
          eq(personConsequences.appliesTo, "cadre"),
        ),
      )
    const hit = rows.find((r) => r.year === year)
    if (hit !== undefined) {
      const b = hit.body as { text?: Text }
      abort(
        conflict("assessment", rec.placement.id, "no_awards", {
          zh: `不能评为优秀：${b.text?.zh ?? "当年不得评先评优"}`,
          en: `cannot be graded excellent: ${b.text?.en ?? "no awards in the year of recall"}`,
        }),
      )
    }
  }

  const poolRows = async (d: Db | Tx, regionPath: string, schemeId: string) =>
    d
      .select({
        personId: applications.personId,
        targetRole: applications.targetRole,
        regionId: applications.regionId,
        regionName: regions.name,
        profile: people.profile,
      })
      .from(applications)
      .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
      .innerJoin(regions, eq(regions.id, applications.regionId))
      .innerJoin(people, eq(people.id, applications.personId))
      .where(
        and(
          eq(campaigns.schemeId, schemeId),
          inArray(applications.state, ["appointed", "reported_in"]),
          within(regions.path, regionPath),
        ),
      )
      .orderBy(asc(applications.regionId), asc(applications.personId))

  const toReview = (r: typeof poolReviews.$inferSelect): PoolReviewRecord => {
    const b = r.body as { members?: number; composition?: unknown; communities?: unknown }
    return {
      id: r.id,
      regionId: r.regionId,
      schemeId: r.schemeId,
      schemeVersion: r.schemeVersion,
      year: r.year,
      reviewedOn: r.reviewedOn,
      members: Number(b.members ?? 0),
      removed: decodeRow(
        Schema.Array(Schema.Struct({ personId: Schema.String, reason: Schema.String })),
        "pool_reviews",
        r.id,
        r.removed,
      ),
      composition: b.composition ?? null,
      communities: b.communities ?? [],
    }
  }

  return {
    list: (actor, placementId) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, actor.role === "applicant" ? "placement.own" : "placement.read")
        yield* visiblePlacement(actor, placementId)
        return yield* read("assessment.list", async () => {
          const rows = await db
            .select()
            .from(assessments)
            .where(eq(assessments.placementId, placementId))
            .orderBy(asc(assessments.period), asc(assessments.cycleId))
          return rows.map(toAssessment)
        })
      }),

    step: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "assessment.grade")
        const id = yield* transact<string, CmdErr>(db, `assessment.${input.move._tag}`, async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId)
          const scheme = await loadScheme(tx, rec.placement.schemeId, rec.placement.schemeVersion)
          const cycle = scheme.assessment.cycles.find((c) => c.id === input.cycleId)
          if (cycle === undefined)
            return abort(
              conflict("assessment", input.cycleId, "unknown_cycle", {
                zh: `方案中没有考核“${input.cycleId}”；可用：${scheme.assessment.cycles.map((c) => c.id).join("、")}`,
                en: `the scheme has no cycle "${input.cycleId}"; available: ${scheme.assessment.cycles.map((c) => c.id).join(", ")}`,
              }),
            )
          const m = input.move
          if (!speaksFor(ctx.actor, m.by))
            return abort(
              conflict("assessment", input.cycleId, "not_authorised", {
                zh: `须由${InPost.ACTOR_LABELS[m.by].zh}的账号办理`,
                en: `only an account of ${InPost.ACTOR_LABELS[m.by].en} may record this`,
              }),
            )
          const year = checkPeriod(rec, cycle, input.period)
          const [row] = await tx
            .select()
            .from(assessments)
            .where(
              and(
                eq(assessments.placementId, rec.placement.id),
                eq(assessments.cycleId, cycle.id),
                eq(assessments.period, input.period),
              ),
            )
            .for("update")
          const before: AssessmentBody =
            row === undefined
              ? { record: Assessment.newGrading(cycle, input.period), quota: [], incentives: [], fired: [] }
              : decodeRow(AssessmentBody, "assessments", row.id, row.body)
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
          if (Either.isLeft(next)) return abort(next.left)
          let body: AssessmentBody = { ...before, record: next.right }
          const entries: Array<InPost.ArchiveEntry> = []
          let quotaGroup: string | null = row?.quotaGroup ?? null
          if (m._tag === "DecideGrade") {
            if (m.grade === "excellent" && year !== undefined) await checkNoAwards(tx, rec, year)
            const quota =
              year === undefined ? [] : await checkQuota(tx, rec, scheme, input.period, year, m.grade)
            if (quota.length > 0) quotaGroup = rec.quotaGroup
            const prior = await tx
              .select({ period: assessments.period, grade: assessments.grade })
              .from(assessments)
              .where(
                and(
                  eq(assessments.placementId, rec.placement.id),
                  eq(assessments.cycleId, cycle.id),
                  isNotNull(assessments.grade),
                ),
              )
            const [emp] = await tx
              .select({ profile: people.profile })
              .from(people)
              .where(eq(people.id, rec.person.id))
            const employment = (emp?.profile as { employment?: string } | undefined)?.employment
            const incentives = Assessment.evaluateIncentives(scheme.assessment.incentives, {
              on: input.on,
              ...(employment === undefined ? {} : { employment: employment as never }),
              ...(rec.placement.startedOn === undefined ? {} : { servedFrom: rec.placement.startedOn }),
              decided: { cycleId: cycle.id, grade: m.grade },
              annualGrades:
                cycle.cadence._tag === "YearEnd"
                  ? [
                      ...prior
                        .filter((p) => YEAR.test(p.period) && p.grade !== null)
                        .map((p) => ({ year: Number(p.period), grade: p.grade as Scheme.Grade })),
                      ...(year === undefined ? [] : [{ year, grade: m.grade }]),
                    ]
                  : [],
            })
            const triggers = Assessment.evaluateTriggers(scheme, {
              grade: { grade: m.grade, cycleId: cycle.id, period: input.period },
            })
            const fired = Either.isRight(triggers) ? triggers.right.fired : []
            body = {
              record: next.right,
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
            const g = Assessment.gradeLabel(m.grade, scheme.assessment)
            entries.push(
              entry(
                `assessment/${rec.placement.id}/${cycle.id}/${input.period}`,
                input.on,
                "assessment",
                t(
                  `${cycle.label.zh}（${input.period}）：${g.zh}`,
                  `${cycle.label.en} (${input.period}): ${g.en}`,
                ),
                { ref: rec.placement.id, citation: cycle.citation },
              ),
            )
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
          }
          const grade = next.right.decided?.grade ?? null
          const rowId = row?.id ?? randomUUID()
          if (row === undefined)
            await tx.insert(assessments).values({
              id: rowId,
              placementId: rec.placement.id,
              personId: rec.person.id,
              cycleId: cycle.id,
              period: input.period,
              grade,
              quotaGroup,
              body: encodeBody(body),
            })
          else
            await tx
              .update(assessments)
              .set({
                grade,
                quotaGroup,
                body: encodeBody(body),
                version: sql`${assessments.version} + 1`,
                updatedAt: new Date(),
              })
              .where(eq(assessments.id, rowId))
          if (entries.length > 0)
            await fileInArchive(tx, ctx, {
              personId: rec.person.id,
              regionPath: rec.regionPath,
              on: input.on,
              entries,
            })
          await writeAudit(tx, ctx, {
            action: `assessment.${m._tag}`,
            entity: "placement",
            entityId: rec.placement.id,
            regionPath: rec.regionPath,
            before: { step: Assessment.nextGradingStep(cycle, before.record) ?? null },
            after: { cycleId: cycle.id, period: input.period, move: m, quota: body.quota.map((q) => q.text) },
          })
          return rowId
        })
        const [row] = yield* read("assessment.get", () =>
          db.select().from(assessments).where(eq(assessments.id, id)),
        )
        if (row === undefined) return yield* Effect.fail(notFound("assessment", id))
        return toAssessment(row)
      }),

    survey: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "assessment.grade")
        return yield* transact<SurveyResult, CmdErr>(db, "assessment.survey", async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId)
          if (!inPostDuring(rec, input.year))
            return abort(
              conflict("survey", String(input.year), "not_in_post", {
                zh: `${input.year}年该干部不在任职期内`,
                en: `the cadre was not in post in ${input.year}`,
              }),
            )
          const [dup] = await tx
            .select({ id: surveys.id })
            .from(surveys)
            .where(and(eq(surveys.placementId, rec.placement.id), eq(surveys.year, input.year)))
          if (dup !== undefined)
            return abort(
              conflict("survey", String(input.year), "duplicate", {
                zh: `${input.year}年度的满意度测评已登记`,
                en: `the ${input.year} survey is already on record`,
              }),
            )
          const scheme = await loadScheme(tx, rec.placement.schemeId, rec.placement.schemeVersion)
          const ev = Assessment.evaluateTriggers(scheme, {
            survey: {
              counts: input.counts,
              ...(input.decision === undefined ? {} : { decision: input.decision }),
            },
          })
          if (Either.isLeft(ev)) return abort(ev.left)
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
          await tx.insert(surveys).values({
            id,
            placementId: rec.placement.id,
            year: input.year,
            fired: result.fired.map((f) => f.triggerId),
            body: Schema.encodeSync(SurveyBody)(result),
            recordedBy: ctx.actor.accountId,
            recordedOn: input.on,
          })
          const first = result.findings[0]
          await fileInArchive(tx, ctx, {
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
          await writeAudit(tx, ctx, {
            action: "assessment.survey",
            entity: "placement",
            entityId: rec.placement.id,
            regionPath: rec.regionPath,
            before: null,
            after: { year: input.year, counts: input.counts, fired: result.fired.map((f) => f.triggerId) },
          })
          return result
        })
      }),

    surveys: (actor, placementId) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, actor.role === "applicant" ? "placement.own" : "placement.read")
        yield* visiblePlacement(actor, placementId)
        return yield* read("survey.list", async () => {
          const rows = await db
            .select()
            .from(surveys)
            .where(eq(surveys.placementId, placementId))
            .orderBy(asc(surveys.year))
          return rows.map((r) => ({ ...decodeRow(SurveyBody, "surveys", r.id, r.body), year: r.year }))
        })
      }),

    quotaUse: (actor, input) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "figures.read")
        const [s] = yield* read("scheme.get", () =>
          db
            .select({ status: schemes.status, path: regions.path })
            .from(schemes)
            .innerJoin(regions, eq(regions.id, schemes.regionId))
            .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.version, input.schemeVersion))),
        )
        if (s === undefined || !Access.seesScheme(actor, s.path, s.status))
          return yield* Effect.fail(notFound("scheme", `${input.schemeId}@${input.schemeVersion}`))
        return yield* read("quota.use", async () => {
          const scheme = await loadScheme(db, input.schemeId, input.schemeVersion)
          const quotas = scheme.assessment.quotas
          if (quotas._tag !== "Cited") return []
          const period = String(input.year)
          const groups = await db
            .select({ group: placements.quotaGroup, n: sql<number>`count(*)::int` })
            .from(placements)
            .where(and(eq(placements.schemeId, input.schemeId), inPostDuringSql(input.year)))
            .groupBy(placements.quotaGroup)
            .orderBy(asc(placements.quotaGroup))
          const out: Array<QuotaUseRecord> = []
          for (const g of groups) {
            const [size] = await db
              .select({ n: sql<number>`count(*)::int` })
              .from(placements)
              .where(and(eq(placements.quotaGroup, g.group), inPostDuringSql(input.year)))
            for (const q of quotas.value) {
              const [used] = await db
                .select({ n: sql<number>`count(*)::int` })
                .from(assessments)
                .where(
                  and(
                    eq(assessments.quotaGroup, g.group),
                    eq(assessments.period, period),
                    eq(assessments.grade, q.grade),
                  ),
                )
              const u = Assessment.quotaUse(q, { size: Number(size?.n ?? 0), used: Number(used?.n ?? 0) })
              out.push({
                groupKey: g.group,
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
          }
          return out
        })
      }),

    reviewPool: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "pool.review")
        const id = randomUUID()
        yield* transact<void, CmdErr>(db, "pool.review", async (tx) => {
          const [region] = await tx
            .select({ path: regions.path, name: regions.name })
            .from(regions)
            .where(eq(regions.id, input.regionId))
          if (region === undefined || !Access.seesRegion(ctx.actor, region.path))
            return abort(notFound("region", input.regionId))
          const [s] = await tx
            .select({ status: schemes.status, path: regions.path })
            .from(schemes)
            .innerJoin(regions, eq(regions.id, schemes.regionId))
            .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.version, input.schemeVersion)))
          if (s === undefined || !Access.seesScheme(ctx.actor, s.path, s.status))
            return abort(notFound("scheme", `${input.schemeId}@${input.schemeVersion}`))
          const scheme = await loadScheme(tx, input.schemeId, input.schemeVersion)
          const rules = Pool.poolRulesOf(scheme)
          if (rules === undefined)
            return abort(
              conflict("scheme", input.schemeId, "no_pool", {
                zh: "该方案未规定后备干部队伍结构，不能进行队伍年度审核",
                en: "the scheme sets no reserve-pool composition; there is no pool to review",
              }),
            )
          const [done] = await tx
            .select({ id: poolReviews.id })
            .from(poolReviews)
            .where(
              and(
                eq(poolReviews.regionId, input.regionId),
                eq(poolReviews.schemeId, input.schemeId),
                eq(poolReviews.year, input.year),
              ),
            )
          if (done !== undefined)
            return abort(
              conflict("pool_review", String(input.year), "duplicate", {
                zh: `${region.name}${input.year}年度的后备干部队伍审核已完成`,
                en: `${region.name}'s ${input.year} pool review is on record`,
              }),
            )
          // Out already: removed by an earlier review, or reserve status lost by a recall (002 三（二））.
          const earlier = await tx
            .select({ removed: poolReviews.removed })
            .from(poolReviews)
            .where(and(eq(poolReviews.regionId, input.regionId), eq(poolReviews.schemeId, input.schemeId)))
          const out = new Set<string>()
          for (const e of earlier)
            for (const r of (e.removed as ReadonlyArray<{ personId?: string }>) ?? [])
              if (typeof r.personId === "string") out.add(r.personId)
          const lost = await tx
            .select({ personId: personConsequences.personId })
            .from(personConsequences)
            .where(eq(personConsequences.effect, "lose_reserve_status"))
          for (const l of lost) out.add(l.personId)
          // Nominees appointed through campaigns, and the members the reserve pipeline entered (EvaluationRepo).
          const appointed = await poolRows(tx, region.path, input.schemeId)
          const entered = (await reserveRows(tx, region.path, input.schemeId)).filter(
            (r) => !appointed.some((a) => a.personId === r.personId),
          )
          const rows = [...appointed, ...entered].filter((r) => !out.has(r.personId))
          const removing = new Set(input.removals.map((r) => r.personId))
          for (const r of input.removals)
            if (!rows.some((m) => m.personId === r.personId))
              return abort(
                conflict("pool_review", r.personId, "not_a_member", {
                  zh: `${r.personId} 不在本街道后备干部队伍中`,
                  en: `${r.personId} is not in this pool`,
                }),
              )
          const staying = rows.filter((r) => !removing.has(r.personId))
          const members: Array<Pool.Member> = staying.map((r) => ({
            personId: r.personId,
            birthDate: String((r.profile as { birthDate?: string }).birthDate ?? "") as LocalDate.LocalDate,
            community: { id: r.regionId, name: r.regionName },
          }))
          const composition = Pool.composition(rules.pool, members, input.on)
          const byCommunity = new Map<string, { community: Pool.Community; nominees: Array<Pool.Nominee> }>()
          for (const r of staying) {
            const c = byCommunity.get(r.regionId) ?? {
              community: { id: r.regionId, name: r.regionName },
              nominees: [],
            }
            c.nominees.push({
              personId: r.personId,
              roleKey: r.targetRole ?? "",
              birthDate: String((r.profile as { birthDate?: string }).birthDate ?? "") as LocalDate.LocalDate,
            })
            byCommunity.set(r.regionId, c)
          }
          const communities = [...byCommunity.values()].map((c) =>
            Pool.checkNominees(rules, c.community, c.nominees, input.on),
          )
          await tx.insert(poolReviews).values({
            id,
            regionId: input.regionId,
            schemeId: input.schemeId,
            schemeVersion: input.schemeVersion,
            year: input.year,
            removed: input.removals.map((r) => ({ personId: r.personId, reason: r.reason })),
            body: JSON.parse(JSON.stringify({ members: staying.length, composition, communities })),
            reviewedBy: ctx.actor.accountId,
            reviewedOn: input.on,
          })
          await closeReserves(tx, ctx, {
            reviewId: id,
            schemeId: input.schemeId,
            year: input.year,
            regionPath: region.path,
            removals: input.removals,
            on: input.on,
          })
          await writeAudit(tx, ctx, {
            action: "pool.review",
            entity: "pool_review",
            entityId: id,
            regionPath: region.path,
            before: { members: rows.length },
            after: { year: input.year, members: staying.length, removed: input.removals },
          })
        })
        const [row] = yield* read("pool.review.get", () =>
          db.select().from(poolReviews).where(eq(poolReviews.id, id)),
        )
        if (row === undefined) return yield* Effect.fail(notFound("pool_review", id))
        return toReview(row)
      }),

    poolReviews: (actor, filter) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "pool.review")
        return yield* read("pool.review.list", async () => {
          const conds: Array<SQL> = [within(regions.path, actor.scopePath)]
          if (filter.schemeId !== undefined) conds.push(eq(poolReviews.schemeId, filter.schemeId))
          const rows = await db
            .select({ row: poolReviews })
            .from(poolReviews)
            .innerJoin(regions, eq(regions.id, poolReviews.regionId))
            .where(and(...conds))
            .orderBy(asc(poolReviews.year))
          return rows.map((r) => toReview(r.row))
        })
      }),
  }
}
