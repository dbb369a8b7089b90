import { Person } from "@cadre/domain"
import { asc } from "drizzle-orm"
import { Effect } from "effect"
import type { Tx } from "../database.js"
import { anyOf } from "../internal.js"
import { conductRecords } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * Sanctions, investigations and violations recorded against people by staff or a joint-review department (issue
 * 13, "facts carry their source"), each with its source document, date, recorder and (for an opinion) the
 * department and application. Screening reads them with the profile (`Person.withRecorded`).
 */

/** One recorded row as the API answers it. */
export interface ConductRow {
  readonly id: string
  readonly personId: string
  readonly kind: string
  readonly date: string
  readonly closed: string | null
  readonly description: string
  readonly document: string
  readonly source: "staff" | "joint_review"
  readonly department: string | null
  readonly applicationId: string | null
  readonly recordedBy: string
  readonly recorderRole: string
  readonly recordedAt: Date
}

/** What is written: the entry, its source and who recorded it. */
export type NewConductRow = Omit<ConductRow, "recordedAt">

/** Record rows (in the caller's transaction, beside their audit rows). */
export const insert = (
  tx: Tx,
  rows: ReadonlyArray<NewConductRow & { readonly regionPath: string }>,
): Effect.Effect<ReadonlyArray<ConductRow>> =>
  rows.length === 0
    ? Effect.succeed([])
    : q(
        tx
          .insert(conductRecords)
          .values([...rows])
          .returning(),
        "conduct.insert",
      ).pipe(Effect.map((rs) => rs.map(toRow)))

/** The rows recorded against people, oldest first, by person id. */
export const ofPeople = (
  h: Handle,
  personIds: ReadonlyArray<string>,
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<ConductRow>>> =>
  personIds.length === 0
    ? Effect.succeed(new Map())
    : q(
        h
          .select()
          .from(conductRecords)
          .where(anyOf(conductRecords.personId, personIds))
          .orderBy(asc(conductRecords.date), asc(conductRecords.recordedAt), asc(conductRecords.id)),
        "conduct.ofPeople",
      ).pipe(
        Effect.map((rs) => {
          const out = new Map<string, Array<ConductRow>>()
          for (const r of rs) {
            const list = out.get(r.personId) ?? []
            list.push(toRow(r))
            out.set(r.personId, list)
          }
          return out
        }),
      )

/** The rows recorded against one person, oldest first. */
export const ofPerson = (h: Handle, personId: string): Effect.Effect<ReadonlyArray<ConductRow>> =>
  Effect.map(ofPeople(h, [personId]), (m) => m.get(personId) ?? [])

/** A row as the kernel's conduct record, with its source, document and department. */
export const toConduct = (r: ConductRow): Person.ConductRecord =>
  ({
    kind: r.kind,
    date: r.date,
    ...(r.closed === null ? {} : { closed: r.closed }),
    description: r.description,
    source: r.source,
    document: r.document,
    ...(r.department === null ? {} : { department: r.department }),
  }) as unknown as Person.ConductRecord

/** Profiles with what was recorded against each person (`Person.withRecorded`). */
export const screened = <P extends Person.Profile>(
  h: Handle,
  profiles: ReadonlyArray<P>,
): Effect.Effect<ReadonlyArray<P>> =>
  Effect.map(
    ofPeople(
      h,
      profiles.map((p) => p.id),
    ),
    (m) =>
      profiles.map((p) => {
        const rows = m.get(p.id)
        return rows === undefined ? p : (Person.withRecorded(p, rows.map(toConduct)) as P)
      }),
  )

const toRow = (r: typeof conductRecords.$inferSelect): ConductRow => ({
  id: r.id,
  personId: r.personId,
  kind: r.kind,
  date: r.date,
  closed: r.closed,
  description: r.description,
  document: r.document,
  source: r.source,
  department: r.department,
  applicationId: r.applicationId,
  recordedBy: r.recordedBy,
  recorderRole: r.recorderRole,
  recordedAt: r.recordedAt,
})
