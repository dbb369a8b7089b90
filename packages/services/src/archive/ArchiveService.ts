import { randomUUID } from "node:crypto"
import {
  archiveQueries,
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  type NotFound,
  notFound,
  placementQueries,
  transaction,
} from "@cadre/db"
import { type Access, type InPost, LocalDate } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive } from "../shared/inpost.js"

/**
 * One person, one file (一人一档, 003 三 规范备案管理): the archive every in-post command files into
 * (`fileInArchive` in shared/inpost), read here, with entries an org dept or street adds by hand (rewards,
 * penalties, other materials). Sealed on exit (离任统一封存): then every write is refused by the kernel, with the
 * reason in both languages, and nothing changes.
 */

export interface ArchiveRecord {
  readonly personId: string
  readonly personName: string
  /** Opening, seal and sealed volumes; null until something is filed. */
  readonly header: InPost.ArchiveHeader | null
  readonly sealed: boolean
  readonly version: number
  /** One page of the entries, in the file's order (volume, date, kind, arrival). */
  readonly entries: ReadonlyArray<archiveQueries.StoredEntry>
  /** Where the next page starts; null on the last. */
  readonly next: archiveQueries.EntryKey | null
  /** Entries in the whole file. */
  readonly total: number
}

/** Which page of the entries to read: after the previous page's last key, `limit` of them. */
export interface ArchivePage {
  readonly after: archiveQueries.EntryKey | null
  readonly limit: number
}

const FIRST_PAGE: ArchivePage = { after: null, limit: 50 }

type Err<E> = E | Access.Forbidden

export class ArchiveService extends Effect.Service<ArchiveService>()("@cadre/services/ArchiveService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    const load = (
      actor: Access.Actor,
      personId: string,
      page: ArchivePage,
    ): Effect.Effect<ArchiveRecord, NotFound> =>
      Effect.gen(function* () {
        const p = yield* placementQueries.personInScope(db, actor, personId)
        if (p === undefined) return yield* Effect.fail(notFound("person", personId))
        const stored = yield* archiveQueries.readArchive(db, personId, page)
        return { personId, personName: p.name, ...stored }
      })

    /** The person's archive, a page of entries at a time (empty when nothing has been filed yet). */
    const get = (
      actor: Access.Actor,
      personId: string,
      page: ArchivePage = FIRST_PAGE,
    ): Effect.Effect<ArchiveRecord, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* load(actor, personId, page)
      })

    /** File an entry by hand; refused once the archive is sealed. */
    const append = (
      ctx: CommandContext,
      input: {
        readonly personId: string
        readonly date: LocalDate.LocalDate
        readonly kind: InPost.ArchiveKind
        readonly title: { readonly zh: string; readonly en: string }
        readonly ref?: string | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<ArchiveRecord, Err<NotFound | Conflict | InPost.ArchiveRefused>> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        yield* transaction(db, "archive.append", (tx) =>
          Effect.gen(function* () {
            const p = yield* placementQueries.personInScope(tx, ctx.actor, input.personId)
            if (p === undefined) return yield* Effect.fail(notFound("person", input.personId))
            if (LocalDate.compare(input.date, input.on) > 0)
              return yield* Effect.fail(
                conflict("archive", input.personId, "future_date", {
                  zh: `材料日期 ${input.date} 晚于今天`,
                  en: `the entry's date ${input.date} is in the future`,
                }),
              )
            yield* fileInArchive(tx, ctx, {
              personId: input.personId,
              regionPath: p.regionPath,
              on: input.on,
              entries: [
                entry(`manual/${randomUUID()}`, input.date, input.kind, input.title, {
                  ...(input.ref === undefined ? {} : { ref: input.ref }),
                }),
              ],
            })
          }),
        )
        return yield* load(ctx.actor, input.personId, FIRST_PAGE)
      })

    return { get, append } as const
  }),
}) {}
