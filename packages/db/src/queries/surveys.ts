import { Scheme } from "@cadre/domain"
import { and, asc, eq } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow } from "../internal.js"
import { surveys } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/** Satisfaction surveys as stored (`surveys`): a year's counts and the scheme's triggers found on them. */

const TextS = Schema.Struct({ zh: Schema.String, en: Schema.String })

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

const encodeSurvey = Schema.encodeSync(SurveyBody)

/** Is the placement's survey of `year` on record? (its id, if so) */
export const surveyOf = (h: Handle, placementId: string, year: number): Effect.Effect<string | undefined> =>
  Effect.map(
    q(
      h
        .select({ id: surveys.id })
        .from(surveys)
        .where(and(eq(surveys.placementId, placementId), eq(surveys.year, year))),
      "survey.find",
    ),
    ([r]) => r?.id,
  )

export const insertSurvey = (
  tx: Tx,
  row: {
    readonly id: string
    readonly placementId: string
    readonly year: number
    readonly result: SurveyResult
    readonly recordedBy: string
    readonly recordedOn: string
  },
): Effect.Effect<void> =>
  q(
    tx.insert(surveys).values({
      id: row.id,
      placementId: row.placementId,
      year: row.year,
      fired: row.result.fired.map((f) => f.triggerId),
      body: encodeSurvey(row.result),
      recordedBy: row.recordedBy,
      recordedOn: row.recordedOn,
    }),
    "survey.insert",
  ).pipe(Effect.asVoid)

/** A placement's surveys, by year. */
export const listSurveys = (
  h: Handle,
  placementId: string,
): Effect.Effect<ReadonlyArray<SurveyResult & { readonly year: number }>> =>
  Effect.flatMap(
    q(
      h.select().from(surveys).where(eq(surveys.placementId, placementId)).orderBy(asc(surveys.year)),
      "survey.list",
    ),
    (rows) =>
      Effect.sync(() =>
        rows.map((r) => ({ ...decodeRow(SurveyBody, "surveys", r.id, r.body), year: r.year })),
      ),
  )
