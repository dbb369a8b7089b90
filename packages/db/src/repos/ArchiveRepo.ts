import { randomUUID } from "node:crypto"
import { type Access, InPost, LocalDate } from "@cadre/domain"
import { eq } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db } from "../database.js"
import { type Conflict, conflict, type DatabaseError, type NotFound, notFound } from "../errors.js"
import { abort, type CommandContext, decodeRow, read, requirePermission, transact } from "../internal.js"
import { archives } from "../schema/index.js"
import { entry, fileInArchive, personInScope } from "./inpostShared.js"

/**
 * One person, one file (一人一档, 003 三 规范备案管理): the archive every in-post command files into (inpostShared
 * `fileInArchive`), read here, with entries an org dept or street adds by hand (rewards, penalties, other
 * materials). Sealed on exit (离任统一封存): then every write is refused by the kernel, with the reason in both
 * languages, and nothing changes.
 */

export interface ArchiveRecord {
  readonly personId: string
  readonly personName: string
  /** Null until something is filed. */
  readonly archive: InPost.Archive | null
  readonly sealed: boolean
  readonly version: number
}

type Err<E> = E | Access.Forbidden | DatabaseError

export interface ArchiveRepoService {
  /** The person's archive (empty when nothing has been filed yet). */
  readonly get: (actor: Access.Actor, personId: string) => Effect.Effect<ArchiveRecord, Err<NotFound>>
  /** File an entry by hand; refused once the archive is sealed. */
  readonly append: (
    ctx: CommandContext,
    input: {
      readonly personId: string
      readonly date: LocalDate.LocalDate
      readonly kind: InPost.ArchiveKind
      readonly title: { readonly zh: string; readonly en: string }
      readonly ref?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ArchiveRecord, Err<NotFound | Conflict | InPost.ArchiveRefused>>
}

export class ArchiveRepo extends Context.Tag("@cadre/db/ArchiveRepo")<ArchiveRepo, ArchiveRepoService>() {
  static readonly Live: Layer.Layer<ArchiveRepo, never, Database> = Layer.effect(
    ArchiveRepo,
    Effect.map(Database, (d) => makeArchiveRepo(d.db)),
  )
}

export const makeArchiveRepo = (db: Db): ArchiveRepoService => {
  const load = (actor: Access.Actor, personId: string) =>
    Effect.gen(function* () {
      const p = yield* read("person.inScope", () => personInScope(db, actor, personId))
      if (p === undefined) return yield* Effect.fail(notFound("person", personId))
      const [row] = yield* read("archive.get", () =>
        db.select().from(archives).where(eq(archives.personId, personId)),
      )
      return {
        personId,
        personName: p.name,
        archive: row === undefined ? null : decodeRow(InPost.Archive, "archives", personId, row.body),
        sealed: row?.sealed ?? false,
        version: row?.version ?? 0,
      }
    })

  return {
    get: (actor, personId) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, actor.role === "applicant" ? "placement.own" : "placement.read")
        return yield* load(actor, personId)
      }),

    append: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        yield* transact<void, Err<NotFound | Conflict | InPost.ArchiveRefused>>(
          db,
          "archive.append",
          async (tx) => {
            const p = await personInScope(tx, ctx.actor, input.personId)
            if (p === undefined) return abort(notFound("person", input.personId))
            if (LocalDate.compare(input.date, input.on) > 0)
              return abort(
                conflict("archive", input.personId, "future_date", {
                  zh: `材料日期 ${input.date} 晚于今天`,
                  en: `the entry's date ${input.date} is in the future`,
                }),
              )
            await fileInArchive(tx, ctx, {
              personId: input.personId,
              regionPath: p.regionPath,
              on: input.on,
              entries: [
                entry(`manual/${randomUUID()}`, input.date, input.kind, input.title, {
                  ...(input.ref === undefined ? {} : { ref: input.ref }),
                }),
              ],
            })
          },
        )
        return yield* load(ctx.actor, input.personId)
      }),
  }
}
