import { LocalDate, Scheme, type Text } from "@cadre/domain"
import { and, asc, eq, isNotNull, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow } from "../internal.js"
import { assessments, people, personConsequences } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * Assessment cycles as stored (`assessments`): one row per placement, cycle and period, its body the kernel's
 * grading record with the quotas checked, the incentives and the triggers fired when the grade was decided.
 */

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

export const AssessmentBody = Schema.Struct({
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
export type AssessmentBody = typeof AssessmentBody.Type

const encodeBody = Schema.encodeSync(AssessmentBody)

/** A stored assessment row with its body decoded. */
export interface StoredAssessment {
  readonly id: string
  readonly placementId: string
  readonly personId: string
  readonly cycleId: string
  readonly period: string
  readonly grade: Scheme.Grade | null
  readonly quotaGroup: string | null
  readonly body: AssessmentBody
  readonly version: number
}

const toStored = (r: typeof assessments.$inferSelect): StoredAssessment => ({
  id: r.id,
  placementId: r.placementId,
  personId: r.personId,
  cycleId: r.cycleId,
  period: r.period,
  grade: (r.grade as Scheme.Grade | null) ?? null,
  quotaGroup: r.quotaGroup,
  body: decodeRow(AssessmentBody, "assessments", r.id, r.body),
  version: r.version,
})

/** A placement's assessments, by period and cycle. */
export const listAssessments = (
  h: Handle,
  placementId: string,
): Effect.Effect<ReadonlyArray<StoredAssessment>> =>
  Effect.flatMap(
    q(
      h
        .select()
        .from(assessments)
        .where(eq(assessments.placementId, placementId))
        .orderBy(asc(assessments.period), asc(assessments.cycleId)),
      "assessment.list",
    ),
    (rows) => Effect.sync(() => rows.map(toStored)),
  )

export const getAssessment = (h: Handle, id: string): Effect.Effect<StoredAssessment | undefined> =>
  Effect.flatMap(q(h.select().from(assessments).where(eq(assessments.id, id)), "assessment.get"), ([r]) =>
    Effect.sync(() => (r === undefined ? undefined : toStored(r))),
  )

/** The row of a placement's cycle and period, locked for the rest of the transaction; undefined if none. */
export const lockAssessment = (
  tx: Tx,
  placementId: string,
  cycleId: string,
  period: string,
): Effect.Effect<StoredAssessment | undefined> =>
  Effect.flatMap(
    q(
      tx
        .select()
        .from(assessments)
        .where(
          and(
            eq(assessments.placementId, placementId),
            eq(assessments.cycleId, cycleId),
            eq(assessments.period, period),
          ),
        )
        .for("update"),
      "assessment.lock",
    ),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toStored(r))),
  )

/** The grades already decided in a placement's cycle (every period). */
export const decidedGrades = (tx: Handle, placementId: string, cycleId: string) =>
  q(
    tx
      .select({ period: assessments.period, grade: assessments.grade })
      .from(assessments)
      .where(
        and(
          eq(assessments.placementId, placementId),
          eq(assessments.cycleId, cycleId),
          isNotNull(assessments.grade),
        ),
      ),
    "assessment.decidedGrades",
  )

/** Insert a new assessment row, or record the new state of the one locked. */
export const saveAssessment = (
  tx: Tx,
  row: {
    readonly id: string
    readonly existing: boolean
    readonly placementId: string
    readonly personId: string
    readonly cycleId: string
    readonly period: string
    readonly grade: Scheme.Grade | null
    readonly quotaGroup: string | null
    readonly body: AssessmentBody
  },
): Effect.Effect<void> =>
  (row.existing
    ? q(
        tx
          .update(assessments)
          .set({
            grade: row.grade,
            quotaGroup: row.quotaGroup,
            body: encodeBody(row.body),
            version: sql`${assessments.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(assessments.id, row.id)),
        "assessment.update",
      )
    : q(
        tx.insert(assessments).values({
          id: row.id,
          placementId: row.placementId,
          personId: row.personId,
          cycleId: row.cycleId,
          period: row.period,
          grade: row.grade,
          quotaGroup: row.quotaGroup,
          body: encodeBody(row.body),
        }),
        "assessment.insert",
      )
  ).pipe(Effect.asVoid)

/** The person's stored employment (incentives depend on it), if the profile gives one. */
export const employmentOf = (h: Handle, personId: string): Effect.Effect<string | undefined> =>
  Effect.map(
    q(h.select({ profile: people.profile }).from(people).where(eq(people.id, personId)), "person.employment"),
    ([p]) => (p?.profile as { employment?: string } | undefined)?.employment,
  )

/** 002 三（二）: the person's no-awards consequences of a recall, each with its year and text. */
export const noAwards = (h: Handle, personId: string) =>
  Effect.map(
    q(
      h
        .select({ year: personConsequences.year, body: personConsequences.body })
        .from(personConsequences)
        .where(
          and(
            eq(personConsequences.personId, personId),
            eq(personConsequences.effect, "no_awards"),
            eq(personConsequences.appliesTo, "cadre"),
          ),
        ),
      "assessment.noAwards",
    ),
    (rows) => rows.map((r) => ({ year: r.year, text: (r.body as { text?: Text }).text })),
  )
