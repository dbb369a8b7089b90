import { type Assessment, LocalDate, Scheme, type Text } from "@cadre/domain"
import { and, asc, eq, type SQL, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow } from "../internal.js"
import { evaluations } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * Scores and evaluations of cadres in post as stored (`evaluations`): one row per placement, kind, cycle and
 * period, its body the kernel's answer in words and as data, decoded on the way out.
 */

export type EvaluationKind = "score" | "report_back" | "stars" | "four_evaluations" | "secretary_type"

/** One stored score or evaluation, with the kernel's result as computed when it was recorded. */
export interface EvaluationRecordRow {
  readonly id: string
  readonly placementId: string
  readonly personId: string
  readonly kind: EvaluationKind
  readonly cycleId: string
  readonly period: string
  /** The kernel's answer in words (total and grade, stars, combined score or why there is none…). */
  readonly text: Text
  readonly result: Readonly<Record<string, unknown>>
  readonly recordedOn: string
  readonly version: number
}

export type EvaluationRow = typeof evaluations.$inferSelect

const VotesS = Schema.Record({
  key: Schema.String,
  value: Schema.Record({ key: Schema.String, value: Schema.Number }),
})
const EvaluationRecordS = Schema.Struct({
  period: Schema.String,
  entries: Schema.Array(
    Schema.Struct({
      part: Scheme.EvaluationPart,
      by: Scheme.Actor,
      on: LocalDate.LocalDate,
      summary: Schema.String,
      votes: Schema.optionalWith(VotesS, { exact: true }),
    }),
  ),
})
const BodyS = Schema.Struct({
  text: Schema.Struct({ zh: Schema.String, en: Schema.String }),
  result: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
})

const toRecord = (r: EvaluationRow): EvaluationRecordRow => {
  const b = decodeRow(BodyS, "evaluations", r.id, r.body)
  return {
    id: r.id,
    placementId: r.placementId,
    personId: r.personId,
    kind: r.kind as EvaluationKind,
    cycleId: r.cycleId,
    period: r.period,
    text: b.text,
    result: b.result,
    recordedOn: r.recordedOn,
    version: r.version,
  }
}

/** One evaluation by id, decoded. */
export const getEvaluation = (h: Handle, id: string): Effect.Effect<EvaluationRecordRow | undefined> =>
  Effect.flatMap(q(h.select().from(evaluations).where(eq(evaluations.id, id)), "evaluation.get"), ([row]) =>
    Effect.sync(() => (row === undefined ? undefined : toRecord(row))),
  )

/** A placement's evaluations (of one kind, if given), by period, kind and cycle. */
export const listEvaluations = (
  h: Handle,
  placementId: string,
  kind?: EvaluationKind | undefined,
): Effect.Effect<ReadonlyArray<EvaluationRecordRow>> => {
  const conds: Array<SQL> = [eq(evaluations.placementId, placementId)]
  if (kind !== undefined) conds.push(eq(evaluations.kind, kind))
  return Effect.flatMap(
    q(
      h
        .select()
        .from(evaluations)
        .where(and(...conds))
        .orderBy(asc(evaluations.period), asc(evaluations.kind), asc(evaluations.cycleId)),
      "evaluation.list",
    ),
    (rows) => Effect.sync(() => rows.map(toRecord)),
  )
}

/** The row of a placement's kind, cycle and period, locked for the rest of the transaction; undefined if none. */
export const lockEvaluation = (
  tx: Tx,
  placementId: string,
  kind: EvaluationKind,
  cycleId: string,
  period: string,
): Effect.Effect<EvaluationRow | undefined> =>
  Effect.map(
    q(
      tx
        .select()
        .from(evaluations)
        .where(
          and(
            eq(evaluations.placementId, placementId),
            eq(evaluations.kind, kind),
            eq(evaluations.cycleId, cycleId),
            eq(evaluations.period, period),
          ),
        )
        .for("update"),
      "evaluation.lock",
    ),
    ([row]) => row,
  )

/** The four evaluations' record kept in a row's result (Assessment.EvaluationRecord). */
export const fourEvaluationsRecordOf = (row: EvaluationRow): Effect.Effect<Assessment.EvaluationRecord> =>
  Effect.sync(() =>
    decodeRow(
      EvaluationRecordS,
      "evaluations",
      row.id,
      (row.body as { result?: { record?: unknown } }).result?.record,
    ),
  )

/** Insert a new evaluation, or record its new state on the existing row (the four evaluations). */
export const saveEvaluation = (
  tx: Tx,
  row: {
    readonly id: string
    readonly existing: boolean
    readonly placementId: string
    readonly personId: string
    readonly kind: EvaluationKind
    readonly cycleId: string
    readonly period: string
    readonly pointsHundredths: number | null
    readonly outcome: string | null
    readonly body: unknown
    readonly recordedBy: string
    readonly recordedOn: string
  },
): Effect.Effect<void> =>
  (row.existing
    ? q(
        tx
          .update(evaluations)
          .set({
            outcome: row.outcome,
            body: row.body,
            recordedBy: row.recordedBy,
            recordedOn: row.recordedOn,
            version: sql`${evaluations.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(evaluations.id, row.id)),
        "evaluation.update",
      )
    : q(
        tx.insert(evaluations).values({
          id: row.id,
          placementId: row.placementId,
          personId: row.personId,
          kind: row.kind,
          cycleId: row.cycleId,
          period: row.period,
          pointsHundredths: row.pointsHundredths,
          outcome: row.outcome,
          body: row.body,
          recordedBy: row.recordedBy,
          recordedOn: row.recordedOn,
        }),
        "evaluation.insert",
      )
  ).pipe(Effect.asVoid)
