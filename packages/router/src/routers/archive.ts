import type { archiveQueries } from "@cadre/db"
import { InPost, LocalDate } from "@cadre/domain"
import { type ArchiveRecord, ArchiveService } from "@cadre/services"
import { Effect, Either, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { DEFAULT_PAGE_SIZE, Id, PageSize } from "./shared.js"

/**
 * The one-person-one-file archive (一人一档), issue 5: every in-post command files its change here; the org dept
 * or the street adds materials by hand until the archive is sealed.
 */

/** Where the next page of an archive starts: the last entry's place in the file, opaque to the caller. */
const writeEntryCursor = (k: archiveQueries.EntryKey | null): string | null =>
  k === null
    ? null
    : Buffer.from(JSON.stringify([k.volume, k.date, k.kindRank, k.seq]), "utf8").toString("base64url")

const readEntryCursor = (s: string): archiveQueries.EntryKey | undefined => {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"))
    if (!Array.isArray(v) || v.length !== 4) return undefined
    const [volume, date, kindRank, seq] = v as [unknown, unknown, unknown, unknown]
    const int = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0
    if (!int(volume) || !int(kindRank) || !int(seq) || typeof date !== "string" || !isIsoDate(date))
      return undefined
    return { volume, date, kindRank, seq }
  } catch {
    return undefined
  }
}

const isIsoDate = (s: string): boolean => Either.isRight(Schema.decodeUnknownEither(LocalDate.LocalDate)(s))

/** A cursor as `archive.get` gave it out (`nextCursor`), else refused at the field. */
const EntryCursor = Schema.String.pipe(
  Schema.maxLength(200),
  Schema.filter((s) => readEntryCursor(s) !== undefined, {
    message: () =>
      "不是本接口给出的翻页游标，请从第一页重新查询 / not a cursor this API gave out: start again from the first page",
  }),
).annotations({ title: "翻页游标 / cursor" })

const volumesOf = (h: InPost.ArchiveHeader | null) => {
  if (h === null) return []
  const closed = h.closedVolumes ?? []
  return [
    ...closed.map((c, i) => ({
      number: i + 1,
      openedOn: c.openedOn,
      sealedOn: c.sealed.on,
      sealedReason: c.sealed.reason,
    })),
    {
      number: closed.length + 1,
      openedOn: h.openedOn,
      sealedOn: h.sealed?.on ?? null,
      sealedReason: h.sealed?.reason ?? null,
    },
  ]
}

export const archiveOut = (r: ArchiveRecord) => ({
  personId: r.personId,
  personName: r.personName,
  sealed: r.sealed,
  sealedOn: r.header?.sealed?.on ?? null,
  sealedReason: r.header?.sealed?.reason ?? null,
  version: r.version,
  /** Every volume in order: the sealed earlier ones, then the current one (sealed too once they leave again). */
  volumes: volumesOf(r.header),
  /** One page of the entries, in the file's order: volume, date, kind, arrival. */
  entries: r.entries.map(({ entry: e, volume }) => ({
    ...e,
    volume,
    kindLabel: InPost.ARCHIVE_KIND_LABELS[e.kind],
    clause: e.citation === undefined ? null : `${e.citation.document} ${e.citation.clause}`,
  })),
  /** Pass back as `cursor` for the next page; null on the last. */
  nextCursor: writeEntryCursor(r.next),
  /** Entries in the whole file. */
  total: r.total,
})

const PersonId = Id("人员编号 / person id")

export const archiveRouter = router({
  /** A person's archive in order; `sealed` once the placement ended (read-only). */
  get: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          personId: PersonId,
          cursor: Schema.optional(EntryCursor),
          limit: Schema.optional(PageSize),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(ArchiveService, (r) =>
            r.get(ctx.actor, i.personId, {
              after: i.cursor === undefined ? null : (readEntryCursor(i.cursor) ?? null),
              limit: i.limit ?? DEFAULT_PAGE_SIZE,
            }),
          ),
        )
        .then(archiveOut),
    ),

  /** File a material by hand (a reward, a penalty, other material); refused once the archive is sealed. */
  append: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          personId: PersonId,
          date: LocalDate.LocalDate.annotations({ title: "材料日期 / date" }),
          kind: InPost.ArchiveKind,
          title: InPost.ArchiveTitle,
          ref: Schema.optional(
            Schema.String.pipe(Schema.maxLength(200)).annotations({ title: "文号或备注 / reference" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ArchiveService, (r) => r.append(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(archiveOut),
    ),
})
