import { InPost, type LocalDate, type Person } from "@cadre/domain"
import { eq, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow } from "../internal.js"
import { archives } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/** A person's archive (一人一档) as stored: one row per person, the kernel's Archive as its body. */

const encodeArchive = Schema.encodeSync(InPost.Archive)

/**
 * The person's archive, created empty if missing and then locked (`FOR UPDATE`) for the rest of the transaction,
 * so two commands on one person's archive take turns.
 */
export const lockArchive = (tx: Tx, personId: Person.PersonId, openedOn: LocalDate.LocalDate) =>
  Effect.gen(function* () {
    yield* q(
      tx
        .insert(archives)
        .values({ personId, openedOn, body: encodeArchive(InPost.openArchive(personId, openedOn)) })
        .onConflictDoNothing(),
      "archive.ensure",
    )
    const [row] = yield* q(
      tx.select().from(archives).where(eq(archives.personId, personId)).for("update"),
      "archive.lock",
    )
    return row === undefined
      ? undefined
      : yield* Effect.sync(() => decodeRow(InPost.Archive, "archives", personId, row.body))
  })

/** Write the archive's new body (under the lock taken by lockArchive). */
export const saveArchive = (tx: Tx, personId: Person.PersonId, a: InPost.Archive): Effect.Effect<void> =>
  q(
    tx
      .update(archives)
      .set({
        body: encodeArchive(a),
        sealed: a.sealed !== undefined,
        sealedOn: a.sealed?.on ?? null,
        version: sql`${archives.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(archives.personId, personId)),
    "archive.save",
  ).pipe(Effect.asVoid)

/** The person's archive as it stands (no lock): null until something is filed. */
export const readArchive = (
  h: Handle,
  personId: string,
): Effect.Effect<{
  readonly archive: InPost.Archive | null
  readonly sealed: boolean
  readonly version: number
}> =>
  Effect.flatMap(
    q(h.select().from(archives).where(eq(archives.personId, personId)), "archive.get"),
    ([row]) =>
      Effect.sync(() => ({
        archive: row === undefined ? null : decodeRow(InPost.Archive, "archives", personId, row.body),
        sealed: row?.sealed ?? false,
        version: row?.version ?? 0,
      })),
  )
