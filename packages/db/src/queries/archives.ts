import { InPost, type LocalDate, type Person } from "@cadre/domain"
import { and, asc, count, eq, inArray, max, type SQL, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow } from "../internal.js"
import { archiveEntries, archives } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * A person's archive (一人一档) as stored: one header row per person (the kernel's ArchiveHeader as its body) and
 * one row per entry, so filing an entry inserts a row and never rewrites the file (issue 15).
 */

const encodeHeader = Schema.encodeSync(InPost.ArchiveHeader)

/** Where an entry sits in the file: the order key (volume, date, kind rank, arrival). */
export interface EntryKey {
  readonly volume: number
  readonly date: string
  readonly kindRank: number
  readonly seq: number
}

/** An entry as read, with the volume it was filed in and its place in the file. */
export interface StoredEntry {
  readonly entry: InPost.ArchiveEntry
  readonly volume: number
  readonly key: EntryKey
}

/** The kind's rank in the file's order (ARCHIVE_KINDS' order, 1-based as the migration wrote it). */
export const kindRank = (kind: InPost.ArchiveKind): number => InPost.ARCHIVE_KINDS.indexOf(kind) + 1

const tallyOf = (h: Handle, personId: string) =>
  Effect.map(
    q(
      h
        .select({ n: count(), last: max(archiveEntries.date) })
        .from(archiveEntries)
        .where(eq(archiveEntries.personId, personId)),
      "archive.tally",
    ),
    ([row]): InPost.ArchiveTally => ({
      entryCount: row?.n ?? 0,
      lastEntryDate: (row?.last ?? undefined) as LocalDate.LocalDate | undefined,
    }),
  )

/**
 * The person's archive header, created empty if missing and then locked (`FOR UPDATE`) for the rest of the
 * transaction, so two commands on one person's archive take turns; with the tally of its entries.
 */
export const lockArchive = (tx: Tx, personId: Person.PersonId, openedOn: LocalDate.LocalDate) =>
  Effect.gen(function* () {
    yield* q(
      tx
        .insert(archives)
        .values({
          personId,
          openedOn,
          body: encodeHeader(InPost.headerOf(InPost.openArchive(personId, openedOn))),
        })
        .onConflictDoNothing(),
      "archive.ensure",
    )
    const [row] = yield* q(
      tx.select().from(archives).where(eq(archives.personId, personId)).for("update"),
      "archive.lock",
    )
    if (row === undefined) return undefined
    const header = yield* Effect.sync(() => decodeRow(InPost.ArchiveHeader, "archives", personId, row.body))
    return { header, tally: yield* tallyOf(tx, personId) }
  })

/** Which of `ids` are already filed in the person's archive. */
export const filedIds = (tx: Tx, personId: string, ids: ReadonlyArray<string>) =>
  ids.length === 0
    ? Effect.succeed(new Set<string>())
    : Effect.map(
        q(
          tx
            .select({ id: archiveEntries.entryId })
            .from(archiveEntries)
            .where(and(eq(archiveEntries.personId, personId), inArray(archiveEntries.entryId, [...ids]))),
          "archive.filed",
        ),
        (rows) => new Set(rows.map((r) => r.id)),
      )

/** File entries in `volume` (under the lock taken by lockArchive; the kernel admitted each). */
export const insertEntries = (
  tx: Tx,
  personId: string,
  volume: number,
  entries: ReadonlyArray<InPost.ArchiveEntry>,
): Effect.Effect<void> =>
  entries.length === 0
    ? Effect.void
    : q(
        tx.insert(archiveEntries).values(
          entries.map((e) => ({
            personId,
            entryId: e.id,
            volume,
            date: e.date,
            kind: e.kind,
            kindRank: kindRank(e.kind),
            titleZh: e.title.zh,
            titleEn: e.title.en,
            ref: e.ref ?? null,
            citation: e.citation ?? null,
          })),
        ),
        "archive.file",
      ).pipe(Effect.asVoid)

/** Write the archive's new header (under the lock taken by lockArchive). */
export const saveHeader = (tx: Tx, personId: Person.PersonId, h: InPost.ArchiveHeader): Effect.Effect<void> =>
  q(
    tx
      .update(archives)
      .set({
        body: encodeHeader(h),
        sealed: h.sealed !== undefined,
        sealedOn: h.sealed?.on ?? null,
        version: sql`${archives.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(archives.personId, personId)),
    "archive.save",
  ).pipe(Effect.asVoid)

const decodeEntry = Schema.decodeUnknownSync(InPost.ArchiveEntry)

/**
 * The person's archive as it stands (no lock): its header (null until something is filed) and one page of its
 * entries in the file's order, after `after` (the previous page's last key), `limit` of them.
 */
export const readArchive = (
  h: Handle,
  personId: string,
  page: { readonly after: EntryKey | null; readonly limit: number },
): Effect.Effect<{
  readonly header: InPost.ArchiveHeader | null
  readonly sealed: boolean
  readonly version: number
  readonly entries: ReadonlyArray<StoredEntry>
  readonly next: EntryKey | null
  readonly total: number
}> =>
  Effect.gen(function* () {
    const [row] = yield* q(h.select().from(archives).where(eq(archives.personId, personId)), "archive.get")
    if (row === undefined)
      return { header: null, sealed: false, version: 0, entries: [], next: null, total: 0 }
    const a = archiveEntries
    const after: SQL | undefined =
      page.after === null
        ? undefined
        : sql`(${a.volume}, ${a.date}, ${a.kindRank}, ${a.seq}) > (${page.after.volume}, ${page.after.date}::date, ${page.after.kindRank}, ${page.after.seq})`
    const found = yield* q(
      h
        .select()
        .from(a)
        .where(and(eq(a.personId, personId), after))
        .orderBy(asc(a.volume), asc(a.date), asc(a.kindRank), asc(a.seq))
        .limit(page.limit + 1),
      "archive.entries",
    )
    const { entryCount } = yield* tallyOf(h, personId)
    const rows = found.slice(0, page.limit)
    const keyOf = (r: (typeof found)[number]): EntryKey => ({
      volume: r.volume,
      date: r.date,
      kindRank: r.kindRank,
      seq: r.seq,
    })
    const last = rows.at(-1)
    return yield* Effect.sync(() => ({
      header: decodeRow(InPost.ArchiveHeader, "archives", personId, row.body),
      sealed: row.sealed,
      version: row.version,
      entries: rows.map((r) => ({
        entry: decodeEntry({
          id: r.entryId,
          date: r.date,
          kind: r.kind,
          title: { zh: r.titleZh, en: r.titleEn },
          ...(r.ref === null ? {} : { ref: r.ref }),
          ...(r.citation === null ? {} : { citation: r.citation }),
        }),
        volume: r.volume,
        key: keyOf(r),
      })),
      next: found.length > page.limit && last !== undefined ? keyOf(last) : null,
      total: entryCount,
    }))
  })
