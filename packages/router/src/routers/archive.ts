import { type ArchiveRecord, ArchiveService } from "@cadre/services"
import { InPost, LocalDate, Text } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Id } from "./shared.js"

/**
 * The one-person-one-file archive (一人一档), issue 5: every in-post command files its change here; the org dept
 * or the street adds materials by hand until the archive is sealed.
 */

const encodeArchive = Schema.encodeSync(InPost.Archive)

/** Which volume (1-based) the entry at `index` belongs to: sealed volumes first, the open one last. */
const volumeOf = (closed: ReadonlyArray<InPost.ArchiveVolume>, index: number): number => {
  const v = closed.findIndex((c) => index < c.entryCount)
  return v < 0 ? closed.length + 1 : v + 1
}

export const archiveOut = (r: ArchiveRecord) => {
  const closed = r.archive?.closedVolumes ?? []
  return {
    personId: r.personId,
    personName: r.personName,
    sealed: r.sealed,
    sealedOn: r.archive?.sealed?.on ?? null,
    sealedReason: r.archive?.sealed?.reason ?? null,
    version: r.version,
    /** Every volume in order: the sealed earlier ones, then the current one (sealed too once they leave again). */
    volumes: [
      ...closed.map((c, i) => ({
        number: i + 1,
        openedOn: c.openedOn,
        sealedOn: c.sealed.on,
        sealedReason: c.sealed.reason,
      })),
      ...(r.archive === null
        ? []
        : [
            {
              number: closed.length + 1,
              openedOn: r.archive.openedOn,
              sealedOn: r.archive.sealed?.on ?? null,
              sealedReason: r.archive.sealed?.reason ?? null,
            },
          ]),
    ],
    entries: (r.archive?.entries ?? []).map((e, i) => ({
      ...e,
      volume: volumeOf(closed, i),
      kindLabel: InPost.ARCHIVE_KIND_LABELS[e.kind],
      clause: e.citation === undefined ? null : `${e.citation.document} ${e.citation.clause}`,
    })),
    archive: r.archive === null ? null : encodeArchive(r.archive),
  }
}

const PersonId = Id("人员编号 / person id")

export const archiveRouter = router({
  /** A person's archive in order; `sealed` once the placement ended (read-only). */
  get: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ personId: PersonId })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ArchiveService, (r) => r.get(ctx.actor, i.personId))).then(archiveOut),
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
          title: Text,
          ref: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ArchiveService, (r) => r.append(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(archiveOut),
    ),
})
