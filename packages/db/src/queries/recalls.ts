import { type Access, Assessment, type LocalDate, type Text } from "@cadre/domain"
import { and, asc, eq, inArray, ne, type SQL, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, within } from "../internal.js"
import { personConsequences, placements, posts, regions, replacementRequests } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { seesPlacementSql } from "./placements.js"

/**
 * What a recall leaves behind, as stored: the consequences applied to the person (and to the dispatching unit,
 * 002 三（二）) and the replacement request (重新选派) opened for the freed post.
 */

// ---------------------------------------------------------------------------------------------- records

/** A consequence as stored in `person_consequences.body`. */
export const AppliedConsequenceStored = Schema.Struct({
  consequenceId: Schema.String,
  label: Schema.Struct({ zh: Schema.String, en: Schema.String }),
  appliesTo: Schema.Literal("cadre", "dispatching_unit"),
  effect: Schema.String,
  from: Schema.String,
  until: Schema.optional(Schema.String),
  year: Schema.optional(Schema.Number),
  grade: Schema.optional(Schema.String),
  citation: Schema.Struct({
    document: Schema.String,
    clause: Schema.String,
    quote: Schema.optional(Schema.String),
  }),
  text: Schema.Struct({ zh: Schema.String, en: Schema.String }),
})
const encodeConsequence = Schema.encodeSync(AppliedConsequenceStored)

export interface ConsequenceRecord {
  readonly id: string
  readonly personId: string
  readonly placementId: string
  readonly unitId: string | null
  readonly appliesTo: "cadre" | "dispatching_unit"
  readonly effect: string
  readonly from: string
  readonly until: string | null
  readonly year: number | null
  readonly label: Text
  readonly text: Text
  readonly clause: string
  /** In force on the date asked about. */
  readonly inForce: boolean
}

export interface ReplacementRecord {
  readonly id: string
  readonly placementId: string
  readonly postId: string
  readonly postTitle: string
  readonly regionId: string
  readonly regionPath: string
  readonly dispatchingUnitId: string | null
  readonly state: "open" | "filled"
  readonly requestedOn: string
  readonly filledBy: string | null
  readonly reason: Text
  readonly version: number
}

/** "document clause", as every citation is shown. */
export const clauseOf = (c: { readonly document: string; readonly clause: string }): string =>
  `${c.document} ${c.clause}`

const toConsequence = (
  r: typeof personConsequences.$inferSelect,
  on: LocalDate.LocalDate,
): ConsequenceRecord => {
  const b = decodeRow(AppliedConsequenceStored, "person_consequences", r.id, r.body)
  return {
    id: r.id,
    personId: r.personId,
    placementId: r.placementId,
    unitId: r.unitId,
    appliesTo: r.appliesTo as ConsequenceRecord["appliesTo"],
    effect: r.effect,
    from: r.fromDate,
    until: r.untilDate,
    year: r.year,
    label: b.label,
    text: b.text,
    clause: clauseOf(b.citation),
    inForce: Assessment.inForce(
      {
        from: r.fromDate as LocalDate.LocalDate,
        ...(r.untilDate === null ? {} : { until: r.untilDate as LocalDate.LocalDate }),
      },
      on,
    ),
  }
}

const ReplacementBody = Schema.Struct({ reason: Schema.Struct({ zh: Schema.String, en: Schema.String }) })

const selectReplacements = (h: Handle) =>
  h
    .select({ row: replacementRequests, path: regions.path, postTitle: posts.title })
    .from(replacementRequests)
    .innerJoin(regions, eq(regions.id, replacementRequests.regionId))
    .innerJoin(posts, eq(posts.id, replacementRequests.postId))
type RepRow = Awaited<ReturnType<ReturnType<typeof selectReplacements>["where"]>>[number]
const toReplacement = (r: RepRow): ReplacementRecord => ({
  id: r.row.id,
  placementId: r.row.placementId,
  postId: r.row.postId,
  postTitle: r.postTitle,
  regionId: r.row.regionId,
  regionPath: r.path,
  dispatchingUnitId: r.row.dispatchingUnitId,
  state: r.row.state as ReplacementRecord["state"],
  requestedOn: r.row.requestedOn,
  filledBy: r.row.filledBy,
  reason: decodeRow(ReplacementBody, "replacement_requests", r.row.id, r.row.body).reason,
  version: r.row.version,
})

// ---------------------------------------------------------------------------------------------- consequences

/** Consequences by id (those a command just applied), oldest first, in force or not on `on`. */
export const consequencesByIds = (
  h: Handle,
  ids: ReadonlyArray<string>,
  on: LocalDate.LocalDate,
): Effect.Effect<ReadonlyArray<ConsequenceRecord>> =>
  ids.length === 0
    ? Effect.succeed([])
    : Effect.flatMap(
        q(
          h
            .select()
            .from(personConsequences)
            .where(inArray(personConsequences.id, [...ids]))
            .orderBy(asc(personConsequences.createdAt)),
          "placement.consequences",
        ),
        (rows) => Effect.sync(() => rows.map((r) => toConsequence(r, on))),
      )

/** Consequences on a person, visible through a placement of theirs the actor sees (Access.seesPlacement). */
export const consequencesOfPerson = (
  h: Handle,
  actor: Access.Actor,
  personId: string,
  on: LocalDate.LocalDate,
): Effect.Effect<ReadonlyArray<ConsequenceRecord>> =>
  Effect.flatMap(
    q(
      h
        .select({ c: personConsequences })
        .from(personConsequences)
        .innerJoin(placements, eq(placements.id, personConsequences.placementId))
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .where(and(eq(personConsequences.personId, personId), seesPlacementSql(actor)))
        .orderBy(asc(personConsequences.fromDate), asc(personConsequences.consequenceId)),
      "person.consequences",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toConsequence(r.c, on))),
  )

/** The end dates of the unit's other recalled placements (two recalls within a year reach the unit). */
export const earlierUnitRecalls = (
  tx: Tx,
  unitId: string,
  exceptPlacementId: string,
): Effect.Effect<ReadonlyArray<LocalDate.LocalDate>> =>
  Effect.map(
    q(
      tx
        .select({ endedOn: placements.endedOn })
        .from(placements)
        .where(
          and(
            eq(placements.dispatchingUnitId, unitId),
            eq(placements.state, "recalled"),
            ne(placements.id, exceptPlacementId),
          ),
        ),
      "placement.unitRecalls",
    ),
    (rows) => rows.flatMap((r) => (r.endedOn === null ? [] : [r.endedOn as LocalDate.LocalDate])),
  )

/** Record one applied consequence on the person (and the unit, when it applies to the dispatching unit). */
export const insertConsequence = (
  tx: Tx,
  row: {
    readonly id: string
    readonly personId: string
    readonly placementId: string
    readonly unitId: string | null
    readonly applied: Assessment.AppliedConsequence
  },
): Effect.Effect<void> => {
  const c = row.applied
  return q(
    tx.insert(personConsequences).values({
      id: row.id,
      personId: row.personId,
      placementId: row.placementId,
      appliesTo: c.appliesTo,
      unitId: c.appliesTo === "dispatching_unit" ? row.unitId : null,
      consequenceId: c.consequenceId,
      effect: c.effect,
      fromDate: c.from,
      untilDate: c.until ?? null,
      year: c.year ?? null,
      body: encodeConsequence({
        consequenceId: c.consequenceId,
        label: c.label,
        appliesTo: c.appliesTo,
        effect: c.effect,
        from: c.from,
        ...(c.until === undefined ? {} : { until: c.until }),
        ...(c.year === undefined ? {} : { year: c.year }),
        ...(c.grade === undefined ? {} : { grade: c.grade }),
        citation: c.citation,
        text: c.text,
      }),
    }),
    "placement.consequence",
  ).pipe(Effect.asVoid)
}

// ---------------------------------------------------------------------------------------------- replacements

/** The replacement request a recall of `placementId` opened, if any. */
export const replacementOf = (h: Handle, placementId: string): Effect.Effect<ReplacementRecord | null> =>
  Effect.flatMap(
    q(selectReplacements(h).where(eq(replacementRequests.placementId, placementId)), "placement.replacement"),
    ([r]) => Effect.sync(() => (r === undefined ? null : toReplacement(r))),
  )

/** Replacement requests within `scopePath`, oldest first. */
export const listReplacements = (
  h: Handle,
  scopePath: string,
  filter: { readonly state?: "open" | "filled" | undefined },
): Effect.Effect<ReadonlyArray<ReplacementRecord>> => {
  const conds: Array<SQL> = [within(regions.path, scopePath)]
  if (filter.state !== undefined) conds.push(eq(replacementRequests.state, filter.state))
  return Effect.flatMap(
    q(
      selectReplacements(h)
        .where(and(...conds))
        .orderBy(asc(replacementRequests.requestedOn)),
      "replacement.list",
    ),
    (rows) => Effect.sync(() => rows.map(toReplacement)),
  )
}

/** Open a replacement request for the post a recall freed. */
export const openReplacement = (
  tx: Tx,
  row: {
    readonly id: string
    readonly placementId: string
    readonly postId: string
    readonly regionId: string
    readonly dispatchingUnitId: string | null
    readonly requestedOn: string
    readonly reason: Text
  },
): Effect.Effect<void> =>
  q(
    tx.insert(replacementRequests).values({
      id: row.id,
      placementId: row.placementId,
      postId: row.postId,
      regionId: row.regionId,
      dispatchingUnitId: row.dispatchingUnitId,
      requestedOn: row.requestedOn,
      body: { reason: row.reason },
    }),
    "replacement.open",
  ).pipe(Effect.asVoid)

/** A new placement on `postId` fills the replacement the post was waiting for. */
export const fillReplacements = (tx: Tx, postId: string, placementId: string): Effect.Effect<void> =>
  q(
    tx
      .update(replacementRequests)
      .set({
        state: "filled",
        filledBy: placementId,
        version: sql`${replacementRequests.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(replacementRequests.postId, postId), eq(replacementRequests.state, "open"))),
    "replacement.fill",
  ).pipe(Effect.asVoid)
