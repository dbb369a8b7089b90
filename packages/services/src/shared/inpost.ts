import {
  archiveQueries,
  type CommandContext,
  conflict,
  notFound,
  placementQueries,
  writeAudit,
} from "@cadre/db"
import { Access, InPost, LocalDate, type Person, type Scheme, type Text } from "@cadre/domain"
import type { Tx } from "@cadre/db"
import { Effect, Either } from "effect"

/**
 * What the in-post services share: who may act on a placement, whether it is serving, and filing entries in the
 * person's archive (一人一档) inside the command's transaction — so that a sealed archive refuses the whole command.
 * Reading and locking placements is storage (`placementQueries` in @cadre/db).
 */

type PlacementRecord = placementQueries.PlacementRecord

/** The placement is serving (on probation or in term): leave, reports of the cadre, inspections make sense. */
export const requireServing = (r: PlacementRecord, what: Text) => {
  const state = r.placement.state
  return placementQueries.SERVING.includes(state)
    ? Effect.void
    : Effect.fail(
        conflict("placement", r.placement.id, "not_serving", {
          zh: `任职状态为“${InPost.PLACEMENT_STATE_LABELS[state].zh}”，不能${what.zh}`,
          en: `the placement is ${InPost.PLACEMENT_STATE_LABELS[state].en}; cannot ${what.en}`,
        }),
      )
}

/** Does the caller speak for `actor` (a body the scheme names)? */
export const speaksFor = (a: Access.Actor, actor: Scheme.Actor): boolean => InPost.actsAs(a.role, actor)

/** Staff command on a placement: the role must hold placement.manage (a cadre acts through its own routes). */
export const requireManage = (a: Access.Actor): Effect.Effect<void, Access.Forbidden> =>
  Access.can(a, "placement.manage") ? Effect.void : Effect.fail(Access.forbidden("placement.manage", a.role))

/** A cadre's own command (applicant with placement.own) or a staff command (placement.manage). */
export const requireOwnOrManage = (
  a: Access.Actor,
  r: PlacementRecord,
): Effect.Effect<void, Access.Forbidden> => {
  if (a.role !== "applicant") return requireManage(a)
  return Access.can(a, "placement.own") && Access.seesPlacement(a, { regionPath: "", personId: r.person.id })
    ? Effect.void
    : Effect.fail(Access.forbidden("placement.own", a.role))
}

/** An archive entry (ids are unique within an archive: the kernel refuses a duplicate). */
export const entry = (
  id: string,
  date: string,
  kind: InPost.ArchiveKind,
  title: Text,
  extra: { readonly ref?: string; readonly citation?: InPost.ObligationInstance["citation"] } = {},
): InPost.ArchiveEntry => ({
  id,
  date: date as LocalDate.LocalDate,
  kind,
  title,
  ...(extra.ref === undefined ? {} : { ref: extra.ref }),
  ...(extra.citation === undefined ? {} : { citation: extra.citation }),
})

const orFail = <A, E>(r: Either.Either<A, E>): Effect.Effect<A, E> =>
  Either.isLeft(r) ? Effect.fail(r.left) : Effect.succeed(r.right)

/**
 * File entries in a person's archive (and seal it when `seal` is given), in the caller's transaction. The kernel
 * refuses any change to a sealed archive (ArchiveRefused): the command then rolls back as a whole.
 */
export const fileInArchive = (
  tx: Tx,
  ctx: CommandContext,
  input: {
    readonly personId: string
    readonly regionPath: string
    readonly on: LocalDate.LocalDate
    readonly entries: ReadonlyArray<InPost.ArchiveEntry>
    readonly seal?: Text
    /**
     * A new placement of a person whose file is sealed (they left and are dispatched again): open a new volume
     * (InPost.reopen) from the earliest new entry's date — or the seal's, if later — instead of refusing.
     */
    readonly reopen?: boolean
  },
) =>
  Effect.gen(function* () {
    const personId = input.personId as Person.PersonId
    const locked = yield* archiveQueries.lockArchive(tx, personId, input.on)
    if (locked === undefined) return yield* Effect.fail(notFound("person", personId))
    const { header: before, tally } = locked
    let h = before
    if (input.reopen === true && before.sealed !== undefined) {
      const earliest = input.entries.reduce<LocalDate.LocalDate>(
        (min, e) => (LocalDate.compare(e.date, min) < 0 ? e.date : min),
        input.on,
      )
      const on = LocalDate.compare(earliest, before.sealed.on) < 0 ? before.sealed.on : earliest
      h = yield* orFail(InPost.reopenHeader(before, tally, on))
    }
    // The kernel admits each entry on the header; the store answers "already filed" (also within this batch).
    const filed = yield* archiveQueries.filedIds(
      tx,
      personId,
      input.entries.map((e) => e.id),
    )
    let last = tally.lastEntryDate
    for (const e of input.entries) {
      yield* orFail(InPost.admit(h, e, filed.has(e.id)))
      filed.add(e.id)
      if (last === undefined || LocalDate.compare(e.date, last) > 0) last = e.date
    }
    yield* archiveQueries.insertEntries(tx, personId, InPost.currentVolume(h), input.entries)
    if (input.seal !== undefined)
      h = yield* orFail(
        InPost.sealHeader(
          h,
          { entryCount: tally.entryCount + input.entries.length, lastEntryDate: last },
          input.on,
          input.seal,
        ),
      )
    yield* archiveQueries.saveHeader(tx, personId, h)
    yield* writeAudit(tx, ctx, {
      action:
        input.seal !== undefined
          ? "archive.seal"
          : h.closedVolumes?.length !== before.closedVolumes?.length
            ? "archive.reopen"
            : "archive.append",
      entity: "archive",
      entityId: personId,
      regionPath: input.regionPath,
      before: {
        entries: tally.entryCount,
        sealed: before.sealed !== undefined,
        volumes: InPost.currentVolume(before),
      },
      after: {
        filed: input.entries.map((e) => ({ id: e.id, kind: e.kind, date: e.date })),
        sealed: h.sealed ?? null,
      },
    })
    return h
  })
