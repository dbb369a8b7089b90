import { randomUUID } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  Database,
  evaluationQueries,
  type NotFound,
  notFound,
  placementQueries,
  type StaleVersion,
  transaction,
  type Tx,
  writeAudit,
} from "@cadre/db"
import { Access, Assessment, type InPost, type LocalDate, type Scheme } from "@cadre/domain"
import { Effect, Either } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive, speaksFor } from "../shared/inpost.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import { fourEvaluations } from "./fourEvaluations.js"
import {
  checkPeriod,
  clauseOf,
  duplicate,
  EVALUATION_KIND_LABELS,
  notAuthorised,
  points,
  requireStarted,
  type Saving,
  t,
} from "./rules.js"

/**
 * Scores and evaluations of cadres in post (issue 5), each computed by the kernel from the scheme version the
 * placement keeps, filed in the person's archive and audited in the same transaction (a sealed archive refuses
 * the whole command):
 * - 004 淮上 目标考核 三是 百分制量化考核 at half-year, year-end and term-end (Assessment.scoreSheet): the total, and
 *   the grade only where the scheme gives score bands — otherwise the kernel's Undetermined with its note;
 * - 003 四 抓好提级述职 (scorePanel), 用好星级评定 (starsFor), 做实履职评估 四评 (recordEvaluation, residentRates),
 *   三 深化分类管理 (classifySecretary): where the scheme gives no weights, bands or answer options the answer is
 *   "undetermined, not set by the scheme" with the note — no number is made up.
 * The reserve pipeline (003 一 拓源储备一批) is ReserveService.
 */

type EvaluationKind = evaluationQueries.EvaluationKind
type EvaluationRecordRow = evaluationQueries.EvaluationRecordRow
type PlacementRecord = placementQueries.PlacementRecord

type CmdErr =
  | Scheme.NoVersionInForce
  | Access.Forbidden
  | NotFound
  | StaleVersion
  | Conflict
  | InPost.ArchiveRefused
  | Assessment.ScoreInvalid
  | Assessment.EvaluationRefused

interface Target {
  readonly placementId: string
  readonly period: string
  readonly on: LocalDate.LocalDate
}

/** Insert (or update, for the four evaluations) the row, file the archive entry and write the audit row. */
const save = (tx: Tx, ctx: CommandContext, rec: PlacementRecord, row: Saving) =>
  Effect.gen(function* () {
    const body = JSON.parse(JSON.stringify({ text: row.text, result: row.result }))
    const id = row.existing?.id ?? randomUUID()
    yield* evaluationQueries.saveEvaluation(tx, {
      id,
      existing: row.existing !== undefined,
      placementId: rec.placement.id,
      personId: rec.person.id,
      kind: row.kind,
      cycleId: row.cycleId,
      period: row.period,
      pointsHundredths: row.pointsHundredths,
      outcome: row.outcome,
      body,
      recordedBy: ctx.actor.accountId,
      recordedOn: row.on,
    })
    yield* fileInArchive(tx, ctx, {
      personId: rec.person.id,
      regionPath: rec.regionPath,
      on: row.on,
      entries: [row.archive],
    })
    yield* writeAudit(tx, ctx, {
      action: `evaluation.${row.kind}`,
      entity: "placement",
      entityId: rec.placement.id,
      regionPath: rec.regionPath,
      before: row.existing === undefined ? null : { version: row.existing.version },
      after: {
        kind: row.kind,
        cycleId: row.cycleId,
        period: row.period,
        outcome: row.outcome,
        text: row.text,
      },
    })
    return id
  })

const orFail = <A, E>(r: Either.Either<A, E>): Effect.Effect<A, E> =>
  Either.isLeft(r) ? Effect.fail(r.left) : Effect.succeed(r.right)

export class EvaluationService extends Effect.Service<EvaluationService>()(
  "@cadre/services/EvaluationService",
  {
    effect: Effect.gen(function* () {
      const { db } = yield* Database
      const schemes = yield* SchemeStore

      const reload = (id: string) =>
        Effect.flatMap(evaluationQueries.getEvaluation(db, id), (row) =>
          row === undefined ? Effect.fail(notFound("evaluation", id)) : Effect.succeed(row),
        )

      /** Staff command under assessment.grade, on a placement the caller sees (else NotFound), locked. */
      const command = <E>(
        ctx: CommandContext,
        input: Target,
        operation: string,
        body: (tx: Tx, rec: PlacementRecord, scheme: Scheme.Scheme) => Effect.Effect<string, E>,
        permission: Access.Permission | null = "assessment.grade",
      ): Effect.Effect<EvaluationRecordRow, CmdErr | E> =>
        Effect.gen(function* () {
          if (permission !== null) yield* requirePermission(ctx.actor, permission)
          const id = yield* transaction(db, operation, (tx) =>
            Effect.gen(function* () {
              const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
              // Issue 13: the version in force on the day the evaluation is recorded governs it (as for a grade
              // that is not a year's or a term's), never older than the placement's own.
              const { scheme } = yield* schemes.inForce(
                {
                  schemeId: rec.placement.schemeId,
                  placedUnder: rec.placement.schemeVersion,
                  date: input.on,
                },
                tx,
              )
              return yield* body(tx, rec, scheme)
            }),
          )
          return yield* reload(id)
        })

      /** The kind's row for the period must not be on record yet (it is locked if it is). */
      const requireNone = (
        tx: Tx,
        rec: PlacementRecord,
        kind: EvaluationKind,
        cycleId: string,
        period: string,
      ) =>
        Effect.flatMap(
          evaluationQueries.lockEvaluation(tx, rec.placement.id, kind, cycleId, period),
          (row) => (row === undefined ? Effect.void : duplicate(kind, period)),
        )

      const list = (
        actor: Access.Actor,
        input: { readonly placementId: string; readonly kind?: EvaluationKind | undefined },
      ): Effect.Effect<ReadonlyArray<EvaluationRecordRow>, Access.Forbidden | NotFound> =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "placement.read")
          const rec = yield* placementQueries.readPlacement(db, actor, input.placementId)
          if (rec === undefined) return yield* Effect.fail(notFound("placement", input.placementId))
          return yield* evaluationQueries.listEvaluations(db, input.placementId, input.kind)
        })

      /** 004 淮上 三是: a score sheet for a scored cycle; the grade from the scheme's bands, or undetermined. */
      const score = (
        ctx: CommandContext,
        input: Target & {
          readonly cycleId: string
          readonly items?: ReadonlyArray<{ readonly id: string; readonly points: number }> | undefined
          readonly total?: number | undefined
        },
      ): Effect.Effect<EvaluationRecordRow, CmdErr> =>
        command(ctx, input, "evaluation.score", (tx, rec, scheme) =>
          Effect.gen(function* () {
            // The kernel first: a cycle the scheme does not score, or points off the scale, change nothing.
            const s = yield* orFail(
              Assessment.scoreSheet(scheme.assessment.scoring, {
                cycleId: input.cycleId,
                ...(input.items === undefined ? {} : { items: input.items }),
                ...(input.total === undefined ? {} : { total: input.total }),
              }),
            )
            const cycle = yield* checkPeriod(scheme, input.cycleId, input.period)
            if (cycle?.decidedBy !== undefined && !speaksFor(ctx.actor, cycle.decidedBy))
              return yield* notAuthorised(input.cycleId, cycle.decidedBy)
            yield* requireStarted(rec, input.period)
            yield* requireNone(tx, rec, "score", input.cycleId, input.period)
            const g = s.grade
            const label = cycle?.label ?? EVALUATION_KIND_LABELS.score
            const scoring = scheme.assessment.scoring
            return yield* save(tx, ctx, rec, {
              kind: "score",
              cycleId: input.cycleId,
              period: input.period,
              pointsHundredths: Math.round((s.total.num * 100) / s.total.den),
              outcome: g._tag === "Banded" ? g.grade : null,
              text: s.text,
              result: {
                total: s.display,
                maxPoints: s.maxPoints,
                items: input.items ?? null,
                grade:
                  g._tag === "Banded"
                    ? {
                        _tag: "Banded",
                        grade: g.grade,
                        label: Assessment.gradeLabel(g.grade, scheme.assessment),
                        minPoints: g.minPoints,
                        clause: clauseOf(g.citation),
                      }
                    : { _tag: "Undetermined", note: g.note },
                clause: scoring?._tag === "Cited" ? clauseOf(scoring.citation) : null,
              },
              archive: entry(
                `score/${rec.placement.id}/${input.cycleId}/${input.period}`,
                input.on,
                "assessment",
                t(
                  `${label.zh}（${input.period}）：${s.text.zh}`,
                  `${label.en} (${input.period}): ${s.text.en}`,
                ),
                { ref: rec.placement.id, ...(cycle === undefined ? {} : { citation: cycle.citation }) },
              ),
              on: input.on,
            })
          }),
        )

      /** 003 四 抓好提级述职: the panel's on-the-spot scores; combined only with the scheme's weights. */
      const reportBack = (
        ctx: CommandContext,
        input: Target & {
          readonly scores: ReadonlyArray<{ readonly scorer: string; readonly points: number }>
        },
      ): Effect.Effect<EvaluationRecordRow, CmdErr> =>
        command(ctx, input, "evaluation.report_back", (tx, rec, scheme) =>
          Effect.gen(function* () {
            const p = yield* orFail(Assessment.scorePanel(scheme.assessment.reportBack, input.scores))
            yield* checkPeriod(scheme, "report_back", input.period)
            yield* requireStarted(rec, input.period)
            yield* requireNone(tx, rec, "report_back", "", input.period)
            const rb = scheme.assessment.reportBack
            return yield* save(tx, ctx, rec, {
              kind: "report_back",
              cycleId: "",
              period: input.period,
              pointsHundredths: null,
              outcome: null,
              text: p.text,
              result: {
                scores: p.scores.map((s) => ({ scorer: s.scorer, label: s.label, points: points(s.points) })),
                combined:
                  p.combined._tag === "Weighted"
                    ? { _tag: "Weighted", points: p.combined.display, exact: points(p.combined.points) }
                    : { _tag: "Undetermined", note: p.combined.note },
                clause: rb?._tag === "Cited" ? clauseOf(rb.citation) : null,
              },
              archive: entry(
                `report_back/${rec.placement.id}/${input.period}`,
                input.on,
                "assessment",
                t(`述职评议（${input.period}）：${p.text.zh}`, `Report-back (${input.period}): ${p.text.en}`),
                { ref: rec.placement.id, ...(rb?._tag === "Cited" ? { citation: rb.citation } : {}) },
              ),
              on: input.on,
            })
          }),
        )

      /** 003 四 用好星级评定: the star level of a score, from the scheme's bands, or undetermined. */
      const stars = (
        ctx: CommandContext,
        input: Target & { readonly points: number },
      ): Effect.Effect<EvaluationRecordRow, CmdErr> =>
        command(ctx, input, "evaluation.stars", (tx, rec, scheme) =>
          Effect.gen(function* () {
            const s = yield* orFail(Assessment.starsFor(scheme.assessment.starRating, input.points))
            yield* checkPeriod(scheme, "star_rating", input.period)
            yield* requireStarted(rec, input.period)
            yield* requireNone(tx, rec, "stars", "", input.period)
            const sr = scheme.assessment.starRating
            return yield* save(tx, ctx, rec, {
              kind: "stars",
              cycleId: "",
              period: input.period,
              pointsHundredths: Math.round(input.points * 100),
              outcome: s._tag === "Stars" ? String(s.stars) : null,
              text: s.text,
              result: {
                points: points(Assessment.Rational.rational(Math.round(input.points * 100), 100)),
                rating:
                  s._tag === "Stars"
                    ? { _tag: "Stars", stars: s.stars, of: s.of }
                    : { _tag: "Undetermined", note: s.note },
                clause: sr?._tag === "Cited" ? clauseOf(sr.citation) : null,
              },
              archive: entry(
                `stars/${rec.placement.id}/${input.period}`,
                input.on,
                "assessment",
                t(`星级评定（${input.period}）：${s.text.zh}`, `Star rating (${input.period}): ${s.text.en}`),
                { ref: rec.placement.id, ...(sr?._tag === "Cited" ? { citation: sr.citation } : {}) },
              ),
              on: input.on,
            })
          }),
        )

      /** 003 四 做实履职评估: the next of the four evaluations, in the scheme's order, by the body it names. */
      const evaluate = (
        ctx: CommandContext,
        input: Target & {
          readonly part: Scheme.EvaluationPart
          readonly by: Scheme.Actor
          readonly summary: string
          readonly votes?: Assessment.ResidentVotes | undefined
        },
      ): Effect.Effect<EvaluationRecordRow, CmdErr> =>
        Effect.gen(function* () {
          // The cadre writes their own self-evaluation (placement.own); every other part is staff's.
          if (ctx.actor.role === "applicant") {
            yield* requirePermission(ctx.actor, "placement.own")
            if (input.part !== "self" || input.by !== "applicant")
              return yield* Effect.fail(Access.forbidden("assessment.grade", ctx.actor.role))
          } else yield* requirePermission(ctx.actor, "assessment.grade")
          return yield* command(
            ctx,
            input,
            "evaluation.four_evaluations",
            (tx, rec, scheme) =>
              Effect.gen(function* () {
                // Residents have no accounts: their vote counts are recorded by the staff who ran the vote.
                if (input.by !== "residents" && !speaksFor(ctx.actor, input.by))
                  return yield* notAuthorised(input.part, input.by)
                const existing = yield* evaluationQueries.lockEvaluation(
                  tx,
                  rec.placement.id,
                  "four_evaluations",
                  "",
                  input.period,
                )
                const saving = yield* fourEvaluations(scheme, rec, input, existing)
                return yield* save(tx, ctx, rec, saving)
              }),
            null,
          )
        })

      /** 003 三 深化分类管理: a secretary's type, with a finding on every standard the scheme names. */
      const classify = (
        ctx: CommandContext,
        input: Target & {
          readonly type: Scheme.SecretaryTypeKey
          readonly by: Scheme.Actor
          readonly basis: ReadonlyArray<{ readonly standard: string; readonly finding: string }>
        },
      ): Effect.Effect<EvaluationRecordRow, CmdErr> =>
        command(ctx, input, "evaluation.secretary_type", (tx, rec, scheme) =>
          Effect.gen(function* () {
            if (!speaksFor(ctx.actor, input.by)) return yield* notAuthorised(input.type, input.by)
            const typing = scheme.assessment.secretaryTypes
            const c = yield* orFail(
              Assessment.classifySecretary(typing, {
                type: input.type,
                by: input.by,
                on: input.on,
                basis: input.basis,
              }),
            )
            yield* requireStarted(rec, input.period)
            yield* requireNone(tx, rec, "secretary_type", "", input.period)
            const text = t(
              `${c.label.zh}书记：${c.support.zh}（划分依据：${c.assignment.zh}）`,
              `${c.label.en}: ${c.support.en} (how the types are told apart: ${c.assignment.en})`,
            )
            return yield* save(tx, ctx, rec, {
              kind: "secretary_type",
              cycleId: "",
              period: input.period,
              pointsHundredths: null,
              outcome: c.type,
              text,
              result: {
                type: c.type,
                label: c.label,
                support: c.support,
                by: c.by,
                on: c.on,
                basis: c.basis,
                assignment: c.assignment,
                clause: typing?._tag === "Cited" ? clauseOf(typing.citation) : null,
              },
              archive: entry(
                `secretary_type/${rec.placement.id}/${input.period}`,
                input.on,
                "assessment",
                t(
                  `分类管理（${input.period}）：${c.label.zh}`,
                  `Secretary type (${input.period}): ${c.label.en}`,
                ),
                { ref: rec.placement.id, ...(typing?._tag === "Cited" ? { citation: typing.citation } : {}) },
              ),
              on: input.on,
            })
          }),
        )

      return { list, score, reportBack, stars, evaluate, classify } as const
    }),
    dependencies: [SchemeStore.Default],
  },
) {}
