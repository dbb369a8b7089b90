import { Access, InPost, LocalDate, type Person, Scheme, type Text } from "@cadre/domain"
import { and, eq, sql } from "drizzle-orm"
import { Either, Schema } from "effect"
import type { Db, Tx } from "../database.js"
import { conflict, CorruptRow, notFound, staleVersion } from "../errors.js"
import { abort, type CommandContext, decodeRow, within, writeAudit } from "../internal.js"
import { archives, people, placements, regions, schemes } from "../schema/index.js"

/**
 * What the in-post repositories share: loading the scheme version a placement keeps, reading placements with the
 * person's particulars masked, locking a placement for a command, and filing entries in the person's archive
 * (一人一档) inside the command's transaction — so that a sealed archive refuses the whole command.
 */

// ---------------------------------------------------------------------------------------------- schemes

/** Published scheme versions are immutable: decode each once per repository. */
export const makeSchemeLoader = () => {
  const cache = new Map<string, Scheme.Scheme>()
  return async (d: Db | Tx, schemeId: string, version: number): Promise<Scheme.Scheme> => {
    const key = `${schemeId}@${version}`
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const [r] = await d
      .select({ body: schemes.body, status: schemes.status })
      .from(schemes)
      .where(and(eq(schemes.schemeId, schemeId), eq(schemes.version, version)))
    if (r === undefined) throw new CorruptRow({ table: "schemes", id: key, detail: "missing scheme version" })
    const s = decodeRow(Scheme.Scheme, "schemes", key, r.body)
    if (r.status === "published") cache.set(key, s)
    return s
  }
}
export type SchemeLoader = ReturnType<typeof makeSchemeLoader>

import {
  PlacementOutcome,
  type PlacementRecord,
  SERVING,
  seesPlacementSql,
  selectPlacements,
  toPlacementRecord,
} from "../queries/placements.js"

export {
  PlacementOutcome,
  type PlacementRecord,
  SERVING,
  seesPlacementSql,
  selectPlacements,
  toPlacementRecord,
} from "../queries/placements.js"

export const readPlacement = async (
  d: Db | Tx,
  actor: Access.Actor,
  id: string,
): Promise<PlacementRecord | undefined> => {
  const [r] = await selectPlacements(d).where(and(eq(placements.id, id), seesPlacementSql(actor)))
  return r === undefined ? undefined : toPlacementRecord(r)
}

/**
 * Lock a placement the actor sees for the rest of the transaction (`FOR UPDATE`); with `expectedVersion`, check
 * it (StaleVersion). Out of sight reads as NotFound.
 */
export const lockPlacement = async (
  tx: Tx,
  actor: Access.Actor,
  id: string,
  expectedVersion?: number,
): Promise<PlacementRecord> => {
  const [r] = await selectPlacements(tx)
    .where(and(eq(placements.id, id), seesPlacementSql(actor)))
    .for("update", { of: placements })
  if (r === undefined) return abort(notFound("placement", id))
  if (expectedVersion !== undefined && r.row.version !== expectedVersion)
    return abort(staleVersion("placement", id, expectedVersion, r.row.version))
  return toPlacementRecord(r)
}

const encodePlacement = Schema.encodeSync(InPost.Placement)

/** Write a placement's new state under the version the command locked. */
export const savePlacement = async (
  tx: Tx,
  p: InPost.Placement,
  version: number,
  extra: { readonly outcome?: PlacementOutcome } = {},
): Promise<void> => {
  const updated = await tx
    .update(placements)
    .set({
      state: p.state,
      body: encodePlacement(p),
      startedOn: p.startedOn ?? null,
      termEnd: InPost.currentTerm(p)?.end ?? null,
      endedOn: p.ending?.date ?? null,
      ...(extra.outcome === undefined ? {} : { outcome: Schema.encodeSync(PlacementOutcome)(extra.outcome) }),
      version: sql`${placements.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(placements.id, p.id), eq(placements.version, version)))
    .returning({ id: placements.id })
  if (updated.length === 0) throw new Error("placement row changed inside its own lock")
}

export const requireServing = (r: PlacementRecord, what: Text): void => {
  if (!SERVING.includes(r.placement.state))
    abort(
      conflict("placement", r.placement.id, "not_serving", {
        zh: `任职状态为“${InPost.PLACEMENT_STATE_LABELS[r.placement.state].zh}”，不能${what.zh}`,
        en: `the placement is ${InPost.PLACEMENT_STATE_LABELS[r.placement.state].en}; cannot ${what.en}`,
      }),
    )
}

/** Does the caller speak for `actor` (a body the scheme names)? */
export const speaksFor = (a: Access.Actor, actor: Scheme.Actor): boolean => InPost.actsAs(a.role, actor)

/** Staff command on a placement: the role must hold placement.manage (a cadre acts through its own routes). */
export const requireManage = (a: Access.Actor): void => {
  if (!Access.can(a, "placement.manage")) abort(Access.forbidden("placement.manage", a.role))
}

/** A cadre's own command (applicant with placement.own) or a staff command (placement.manage). */
export const requireOwnOrManage = (a: Access.Actor, r: PlacementRecord): void => {
  if (a.role === "applicant") {
    if (
      !Access.can(a, "placement.own") ||
      !Access.seesPlacement(a, { regionPath: "", personId: r.person.id })
    )
      abort(Access.forbidden("placement.own", a.role))
    return
  }
  requireManage(a)
}

// ---------------------------------------------------------------------------------------------- archive

const encodeArchive = Schema.encodeSync(InPost.Archive)

/**
 * File entries in a person's archive (and seal it when `seal` is given), in the caller's transaction. The kernel
 * refuses any change to a sealed archive (ArchiveRefused): the command then rolls back as a whole.
 */
export const fileInArchive = async (
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
): Promise<InPost.Archive> => {
  const personId = input.personId as Person.PersonId
  // Created empty if missing; then locked, so two commands on one person's archive take turns.
  await tx
    .insert(archives)
    .values({
      personId,
      openedOn: input.on,
      body: encodeArchive(InPost.openArchive(personId, input.on)),
    })
    .onConflictDoNothing()
  const [row] = await tx.select().from(archives).where(eq(archives.personId, personId)).for("update")
  if (row === undefined) return abort(notFound("person", personId))
  const before = decodeRow(InPost.Archive, "archives", personId, row.body)
  let a = before
  if (input.reopen === true && before.sealed !== undefined) {
    const earliest = input.entries.reduce<LocalDate.LocalDate>(
      (min, e) => (LocalDate.compare(e.date, min) < 0 ? e.date : min),
      input.on,
    )
    const on = LocalDate.compare(earliest, before.sealed.on) < 0 ? before.sealed.on : earliest
    const r = InPost.reopen(before, on)
    if (Either.isLeft(r)) return abort(r.left)
    a = r.right
  }
  for (const e of input.entries) {
    const r = InPost.append(a, e)
    if (Either.isLeft(r)) return abort(r.left)
    a = r.right
  }
  if (input.seal !== undefined) {
    const r = InPost.seal(a, input.on, input.seal)
    if (Either.isLeft(r)) return abort(r.left)
    a = r.right
  }
  await tx
    .update(archives)
    .set({
      body: encodeArchive(a),
      sealed: a.sealed !== undefined,
      sealedOn: a.sealed?.on ?? null,
      version: sql`${archives.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(archives.personId, personId))
  await writeAudit(tx, ctx, {
    action:
      input.seal !== undefined
        ? "archive.seal"
        : a.closedVolumes?.length !== before.closedVolumes?.length
          ? "archive.reopen"
          : "archive.append",
    entity: "archive",
    entityId: personId,
    regionPath: input.regionPath,
    before: {
      entries: before.entries.length,
      sealed: before.sealed !== undefined,
      volumes: (before.closedVolumes?.length ?? 0) + 1,
    },
    after: {
      filed: input.entries.map((e) => ({ id: e.id, kind: e.kind, date: e.date })),
      sealed: a.sealed ?? null,
    },
  })
  return a
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

/** Regions' paths by id (audit rows of commands on things that carry a region id). */
export const regionPathOf = async (d: Db | Tx, regionId: string): Promise<string | undefined> => {
  const [r] = await d.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId))
  return r?.path
}

/** A person the actor sees: by their own region, or through a placement of theirs in the actor's scope. */
export const personInScope = async (
  d: Db | Tx,
  actor: Access.Actor,
  personId: string,
): Promise<{ readonly regionId: string; readonly regionPath: string; readonly name: string } | undefined> => {
  const [p] = await d
    .select({ regionId: people.regionId, path: regions.path, name: people.name })
    .from(people)
    .innerJoin(regions, eq(regions.id, people.regionId))
    .where(eq(people.id, personId))
  if (p === undefined) return undefined
  if (actor.role === "applicant")
    return actor.scope._tag === "SelfScope" && actor.scope.personId === personId
      ? { regionId: p.regionId, regionPath: p.path, name: p.name }
      : undefined
  if (Access.seesRegion(actor, p.path)) return { regionId: p.regionId, regionPath: p.path, name: p.name }
  const [viaPlacement] = await d
    .select({ path: regions.path })
    .from(placements)
    .innerJoin(regions, eq(regions.id, placements.regionId))
    .where(and(eq(placements.personId, personId), within(regions.path, actor.scopePath)))
    .limit(1)
  return viaPlacement === undefined ? undefined : { regionId: p.regionId, regionPath: p.path, name: p.name }
}

export { inPostDuring, inPostDuringSql } from "../queries/placements.js"
