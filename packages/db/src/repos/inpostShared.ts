import { Access, InPost, LocalDate, type Person, Scheme, type Text } from "@cadre/domain"
import { and, eq, type SQL, sql } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Either, Schema } from "effect"
import type { Db, Tx } from "../database.js"
import { conflict, CorruptRow, notFound, staleVersion } from "../errors.js"
import { abort, type CommandContext, decodeRow, within, writeAudit } from "../internal.js"
import { archives, people, placements, posts, regions, schemes, units } from "../schema/index.js"
import { maskedColumns } from "../queries/people.js"

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

// ---------------------------------------------------------------------------------------------- records

/** After the term (004 晋城 成果运用 二是): the next training direction and a use recommendation, both units heard. */
export const PlacementOutcome = Schema.Struct({
  trainingDirection: Schema.NonEmptyTrimmedString,
  usageRecommendation: Schema.NonEmptyTrimmedString,
  consulted: Schema.Struct({ dispatchingUnit: Schema.Literal(true), hostUnit: Schema.Literal(true) }),
  /** What became of the cadre (004 杭州's outcome figures). */
  result: Schema.optional(Schema.Literal("promoted", "moved_to_key_post")),
  recordedOn: LocalDate.LocalDate,
  recordedBy: Schema.String,
})
export type PlacementOutcome = typeof PlacementOutcome.Type

/** A placement with where it is and the person's particulars, masked. */
export interface PlacementRecord {
  readonly placement: InPost.Placement
  readonly version: number
  readonly regionId: string
  readonly regionPath: string
  readonly regionName: string
  readonly postTitle: string
  /** The unit the post belongs to (挂职 host unit), when the post has one. */
  readonly hostUnit: { readonly id: string; readonly name: string } | null
  readonly dispatchingUnitId: string | null
  readonly dispatchingUnitName: string | null
  /** The name of the scheme version the placement keeps (null only if the version row is missing). */
  readonly schemeName: Text | null
  readonly quotaGroup: string
  readonly termEnd: string | null
  readonly endedOn: string | null
  readonly outcome: PlacementOutcome | null
  readonly person: {
    readonly id: string
    readonly name: string
    readonly sex: string
    readonly birthDate: string
    readonly idNumberMasked: string
    readonly phoneMasked: string | null
  }
}

const hostUnits = alias(units, "host_units")
const dispatchingUnits = alias(units, "dispatching_units")

export const selectPlacements = (d: Db | Tx) =>
  d
    .select({
      row: placements,
      regionPath: regions.path,
      regionName: regions.name,
      postTitle: posts.title,
      hostUnitId: hostUnits.id,
      hostUnitName: hostUnits.name,
      dispatchingUnitName: dispatchingUnits.name,
      schemeName: sql<Text | null>`${schemes.body}->'name'`,
      person: {
        id: people.id,
        name: people.name,
        profile: people.profile,
        idNumberMasked: maskedColumns.idNumberMasked,
        phoneMasked: maskedColumns.phoneMasked,
      },
    })
    .from(placements)
    .innerJoin(regions, eq(regions.id, placements.regionId))
    .innerJoin(posts, eq(posts.id, placements.postId))
    .innerJoin(people, eq(people.id, placements.personId))
    .leftJoin(hostUnits, eq(hostUnits.id, posts.unitId))
    .leftJoin(dispatchingUnits, eq(dispatchingUnits.id, placements.dispatchingUnitId))
    .leftJoin(
      schemes,
      and(eq(schemes.schemeId, placements.schemeId), eq(schemes.version, placements.schemeVersion)),
    )

type PlacementRow = Awaited<ReturnType<ReturnType<typeof selectPlacements>["where"]>>[number]

export const toPlacementRecord = (r: PlacementRow): PlacementRecord => {
  const profile = r.person.profile as { sex?: string; birthDate?: string }
  return {
    placement: decodeRow(InPost.Placement, "placements", r.row.id, r.row.body),
    version: r.row.version,
    regionId: r.row.regionId,
    regionPath: r.regionPath,
    regionName: r.regionName,
    postTitle: r.postTitle,
    hostUnit:
      r.hostUnitId === null || r.hostUnitName === null ? null : { id: r.hostUnitId, name: r.hostUnitName },
    dispatchingUnitId: r.row.dispatchingUnitId,
    dispatchingUnitName: r.dispatchingUnitName,
    schemeName: r.schemeName,
    quotaGroup: r.row.quotaGroup,
    termEnd: r.row.termEnd,
    endedOn: r.row.endedOn,
    outcome:
      r.row.outcome === null ? null : decodeRow(PlacementOutcome, "placements", r.row.id, r.row.outcome),
    person: {
      id: r.person.id,
      name: r.person.name,
      sex: String(profile.sex ?? ""),
      birthDate: String(profile.birthDate ?? ""),
      idNumberMasked: r.person.idNumberMasked,
      phoneMasked: r.person.phoneMasked,
    },
  }
}

/** Access.seesPlacement in SQL: staff within their scope (the post's region), a cadre their own placements. */
export const seesPlacementSql = (actor: Access.Actor): SQL => {
  if (actor.role === "applicant") {
    const pid = actor.scope._tag === "SelfScope" ? actor.scope.personId : null
    return pid === null ? sql`false` : eq(placements.personId, pid)
  }
  return within(regions.path, actor.scopePath)
}

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

/** The placement is serving (on probation or in term): leave, reports of the cadre, inspections make sense. */
export const SERVING: ReadonlyArray<InPost.PlacementState> = ["on_probation", "probation_extended", "in_term"]

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

/** Is the placement in post at some time in calendar `year`? (Started by 31 Dec and not ended before 1 Jan.) */
export const inPostDuringSql = (year: number): SQL => {
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  return sql`${placements.startedOn} is not null and ${placements.startedOn} <= ${last} and coalesce(${placements.endedOn}, ${placements.termEnd} - 1, ${placements.startedOn}) >= ${first}`
}

export const inPostDuring = (r: PlacementRecord, year: number): boolean => {
  const started = r.placement.startedOn
  if (started === undefined || LocalDate.compare(started, `${year}-12-31` as LocalDate.LocalDate) > 0)
    return false
  const until =
    r.endedOn ??
    (r.termEnd === null ? started : LocalDate.addDays(r.termEnd as LocalDate.LocalDate, -1).toString())
  return until >= `${year}-01-01`
}
