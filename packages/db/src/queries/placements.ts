import { Access, InPost, LocalDate, type Scheme, type Text } from "@cadre/domain"
import { and, count, eq, or, type SQL, sql } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { type NotFound, notFound, type StaleVersion, staleVersion } from "../errors.js"
import { anyOf, decodeRow, within } from "../internal.js"
import {
  people,
  placements,
  posts,
  regions,
  reportObligations,
  reportSubmissions,
  schemes,
  units,
} from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { keysetAfter, keysetOrder, keyText, type Page, type PageRequest, toPage } from "./keyset.js"
import { maskedColumns, seesPersonSql } from "./people.js"

/**
 * Placements as stored: reading them with where they are and the person's particulars masked (in SQL), the
 * scope test in SQL (Access.seesPlacement), locking one for a command, and writing its new state under the
 * version the command locked. The in-post services (placements, duties, assessments, evaluations, figures) all
 * read placements through here.
 */

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

// ---------------------------------------------------------------------------------------------- reads

const hostUnits = alias(units, "host_units")
const dispatchingUnits = alias(units, "dispatching_units")

export const selectPlacements = (d: Handle) =>
  d
    .select({
      row: placements,
      placedOnKey: keyText(placements.placedOn),
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
        // Only the two profile fields a placement shows, not the whole jsonb.
        sex: sql<string | null>`${people.profile}->>'sex'`,
        birthDate: sql<string | null>`${people.profile}->>'birthDate'`,
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
      sex: r.person.sex ?? "",
      birthDate: r.person.birthDate ?? "",
      idNumberMasked: r.person.idNumberMasked,
      phoneMasked: r.person.phoneMasked,
    },
  }
}

/**
 * One keyset page of the placements passing `where`, by (placed_on, id) — the index `placements_placed_on_idx`.
 */
export const pagePlacements = (
  h: Handle,
  where: SQL | undefined,
  page: PageRequest,
): Effect.Effect<Page<PlacementRecord>> =>
  Effect.map(
    q(
      selectPlacements(h)
        .where(and(where, keysetAfter(placements.placedOn, placements.id, "date", page)))
        .orderBy(...keysetOrder(placements.placedOn, placements.id, page))
        .limit(page.limit + 1),
      "placement.page",
    ),
    (found) => toPage(found, page, (r) => ({ at: r.placedOnKey, id: r.row.id }), toPlacementRecord),
  )

/** How many placements pass `where`, by state (the state filter's choices and their counts). */
export const countPlacementsByState = (
  h: Handle,
  where: SQL | undefined,
): Effect.Effect<ReadonlyArray<{ readonly state: InPost.PlacementState; readonly count: number }>> =>
  Effect.map(
    q(
      h
        .select({ state: placements.state, n: count() })
        .from(placements)
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .where(where)
        .groupBy(placements.state),
      "placement.countByState",
    ),
    (rows) => rows.map((r) => ({ state: r.state as InPost.PlacementState, count: r.n })),
  )

/**
 * Access.ownUnit for placements, in SQL: the unit dispatched it or hosts its post. Undefined (no narrowing) for
 * accounts that are not a unit's. Needs no join (a subquery on posts), so every placement query can use it.
 */
export const placementOfUnitSql = (actor: Access.Actor): SQL | undefined => {
  const unit = Access.unitOf(actor)
  if (unit === null) return undefined
  return or(
    eq(placements.dispatchingUnitId, unit),
    sql`${placements.postId} in (select ${posts.id} from ${posts} where ${posts.unitId} = ${unit})`,
  )
}

/**
 * Access.seesPlacement in SQL: staff within their scope (the post's region), a unit account only the placements
 * it dispatched or hosts (issue 13), a cadre their own placements.
 */
export const seesPlacementSql = (actor: Access.Actor): SQL => {
  if (actor.role === "applicant") {
    const pid = actor.scope._tag === "SelfScope" ? actor.scope.personId : null
    return pid === null ? sql`false` : eq(placements.personId, pid)
  }
  const inRegion = within(regions.path, actor.scopePath)
  return and(inRegion, placementOfUnitSql(actor)) ?? inRegion
}

/** A placement the actor sees, or undefined. */
export const readPlacement = (
  h: Handle,
  actor: Access.Actor,
  id: string,
): Effect.Effect<PlacementRecord | undefined> =>
  Effect.flatMap(
    q(selectPlacements(h).where(and(eq(placements.id, id), seesPlacementSql(actor))), "placement.read"),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toPlacementRecord(r))),
  )

/**
 * Lock a placement the actor sees for the rest of the transaction (`FOR UPDATE`); with `expectedVersion`, check
 * it (StaleVersion). Out of sight reads as NotFound.
 */
export const lockPlacement = (
  tx: Tx,
  actor: Access.Actor,
  id: string,
  expectedVersion?: number,
): Effect.Effect<PlacementRecord, NotFound | StaleVersion> =>
  Effect.gen(function* () {
    const [r] = yield* q(
      selectPlacements(tx)
        .where(and(eq(placements.id, id), seesPlacementSql(actor)))
        .for("update", { of: placements }),
      "placement.lock",
    )
    if (r === undefined) return yield* Effect.fail(notFound("placement", id))
    if (expectedVersion !== undefined && r.row.version !== expectedVersion)
      return yield* Effect.fail(staleVersion("placement", id, expectedVersion, r.row.version))
    return yield* Effect.sync(() => toPlacementRecord(r))
  })

const encodePlacement = Schema.encodeSync(InPost.Placement)

/**
 * Write a placement's new state under the version the command locked (its row lock makes a miss impossible), and,
 * in the same transaction, the report obligations it now owes (`reports`: its own scheme version's, the version
 * the placement was made under — what InPost.obligationsOf generates from).
 */
export const savePlacement = (
  tx: Tx,
  p: InPost.Placement,
  version: number,
  reports: Scheme.Scheme["reports"],
  extra: { readonly outcome?: PlacementOutcome } = {},
): Effect.Effect<void> =>
  Effect.flatMap(
    q(
      tx
        .update(placements)
        .set({
          state: p.state,
          body: encodePlacement(p),
          startedOn: p.startedOn ?? null,
          termEnd: InPost.currentTerm(p)?.end ?? null,
          endedOn: p.ending?.date ?? null,
          ...(extra.outcome === undefined
            ? {}
            : { outcome: Schema.encodeSync(PlacementOutcome)(extra.outcome) }),
          version: sql`${placements.version} + 1`,
          obligationsVersion: sql`${placements.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(placements.id, p.id), eq(placements.version, version)))
        .returning({ id: placements.id }),
      "placement.save",
    ),
    (updated) =>
      updated.length === 0
        ? Effect.die(new Error("placement row changed inside its own lock"))
        : syncObligations(tx, [{ placement: p, reports }]),
  )

// ---------------------------------------------------------------------------------------------- report obligations

/** Rows of report_obligations inserted per statement (4 parameters each, far below the 65,535 limit). */
const OBLIGATION_BATCH = 2_000

/**
 * Materialise what these placements owe (issue 19): their rows of `report_obligations` replaced by the dated
 * obligations InPost.obligationsOf generates, less those a report was filed against; none for a placement that has
 * ended (it is no longer chased). Call inside the transaction that writes the placements (the caller holds their
 * row locks), so the obligations never disagree with a committed placement.
 */
export const syncObligations = (
  tx: Tx,
  items: ReadonlyArray<{ readonly placement: InPost.Placement; readonly reports: Scheme.Scheme["reports"] }>,
): Effect.Effect<void> =>
  Effect.gen(function* () {
    if (items.length === 0) return
    const ids = items.map((x) => x.placement.id)
    yield* q(
      tx.delete(reportObligations).where(anyOf(reportObligations.placementId, ids)),
      "obligations.clear",
    )
    const filed = yield* q(
      tx
        .select({ key: reportSubmissions.obligationKey })
        .from(reportSubmissions)
        .where(anyOf(reportSubmissions.placementId, ids)),
      "obligations.filed",
    )
    const done = new Set(filed.map((f) => f.key))
    const rows = items.flatMap(({ placement, reports }) =>
      InPost.isClosed(placement.state)
        ? []
        : InPost.obligationsOf(placement, { reports }).flatMap((o) =>
            o.due === undefined || done.has(o.key)
              ? []
              : [{ key: o.key, placementId: placement.id, reportId: o.reportId, due: o.due }],
          ),
    )
    for (let i = 0; i < rows.length; i += OBLIGATION_BATCH)
      yield* q(tx.insert(reportObligations).values(rows.slice(i, i + OBLIGATION_BATCH)), "obligations.insert")
  })

/**
 * Placements whose obligations are not materialised at their current version (rows written before migration 0020,
 * or by hand), locked (`FOR UPDATE SKIP LOCKED`: a command holding one finishes it itself), at most `limit`.
 */
export const lockStaleObligations = (
  tx: Tx,
  limit: number,
): Effect.Effect<
  ReadonlyArray<{
    readonly placement: InPost.Placement
    readonly schemeId: string
    readonly schemeVersion: number
  }>
> =>
  Effect.map(
    q(
      tx
        .select({
          id: placements.id,
          body: placements.body,
          schemeId: placements.schemeId,
          schemeVersion: placements.schemeVersion,
        })
        .from(placements)
        .where(sql`${placements.obligationsVersion} is distinct from ${placements.version}`)
        .orderBy(placements.id)
        .limit(limit)
        .for("update", { skipLocked: true }),
      "obligations.stale",
    ),
    (rows) =>
      rows.map((r) => ({
        placement: decodeRow(InPost.Placement, "placements", r.id, r.body),
        schemeId: r.schemeId,
        schemeVersion: r.schemeVersion,
      })),
  )

/** Record that these (locked) placements' obligations are materialised at their current version. */
export const markObligationsSynced = (tx: Tx, ids: ReadonlyArray<string>): Effect.Effect<void> =>
  ids.length === 0
    ? Effect.void
    : q(
        tx
          .update(placements)
          .set({ obligationsVersion: sql`${placements.version}` })
          .where(anyOf(placements.id, ids)),
        "obligations.synced",
      ).pipe(Effect.asVoid)

/** A region's path by id (audit rows of commands on things that carry a region id). */
export const regionPathOf = (h: Handle, regionId: string): Effect.Effect<string | undefined> =>
  Effect.map(
    q(h.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId)), "region.path"),
    ([r]) => r?.path,
  )

/** A person the actor sees: by their own region, or through a placement of theirs in the actor's scope. */
export const personInScope = (
  h: Handle,
  actor: Access.Actor,
  personId: string,
): Effect.Effect<
  { readonly regionId: string; readonly regionPath: string; readonly name: string } | undefined
> =>
  Effect.gen(function* () {
    const [p] = yield* q(
      h
        .select({ regionId: people.regionId, path: regions.path, name: people.name })
        .from(people)
        .innerJoin(regions, eq(regions.id, people.regionId))
        .where(eq(people.id, personId)),
      "person.inScope",
    )
    if (p === undefined) return undefined
    const found = { regionId: p.regionId, regionPath: p.path, name: p.name }
    if (actor.role === "applicant")
      return actor.scope._tag === "SelfScope" && actor.scope.personId === personId ? found : undefined
    // A unit account: only its own unit's people (issue 13, Access.seesPerson), in SQL as the people lists are.
    if (Access.unitOf(actor) !== null) {
      const [own] = yield* q(
        h
          .select({ id: people.id })
          .from(people)
          .innerJoin(regions, eq(regions.id, people.regionId))
          .where(and(eq(people.id, personId), seesPersonSql(actor))),
        "person.inUnitScope",
      )
      return own === undefined ? undefined : found
    }
    if (Access.seesRegion(actor, p.path)) return found
    const [viaPlacement] = yield* q(
      h
        .select({ path: regions.path })
        .from(placements)
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .where(and(eq(placements.personId, personId), seesPlacementSql(actor)))
        .limit(1),
      "person.inScopeViaPlacement",
    )
    return viaPlacement === undefined ? undefined : found
  })

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

/** The placement is serving (on probation or in term): leave, reports of the cadre, inspections make sense. */
export const SERVING: ReadonlyArray<InPost.PlacementState> = ["on_probation", "probation_extended", "in_term"]

// ---------------------------------------------------------------------------------------------- one posting

/**
 * Lock the person's row (FOR UPDATE) for the rest of the transaction: appointments and placements of one person
 * check what the person holds under this lock, so two made at once are checked one after the other.
 */
export const lockPerson = (tx: Tx, personId: string): Effect.Effect<boolean> =>
  Effect.map(
    q(tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for("update"), "person.lock"),
    (rows) => rows.length > 0,
  )

/**
 * The postings a person holds (InPost.HeldPosting), at most `limit`: appointed applications (appointed, reported
 * in) with no placement made from them, and placements not yet ended. `exceptApplicationId`: the application a
 * placement is being made from (it is the same posting). Read under `lockPerson`.
 */
export const heldPostings = (
  tx: Tx,
  personId: string,
  options: { readonly exceptApplicationId?: string | undefined; readonly limit?: number } = {},
): Effect.Effect<ReadonlyArray<InPost.HeldPosting>> => {
  const limit = options.limit ?? 5
  const except = options.exceptApplicationId ?? ""
  const ended = sql.join(
    InPost.TERMINAL_PLACEMENT_STATES.map((s) => sql`${s}`),
    sql`, `,
  )
  return Effect.map(
    q(
      tx.execute(sql`
        (select 'appointment' as kind, a.id as id, c.name as name
           from applications a join campaigns c on c.id = a.campaign_id
          where a.person_id = ${personId} and a.state in ('appointed', 'reported_in') and a.id <> ${except}
            and not exists (select 1 from placements p where p.application_id = a.id)
          limit ${limit})
        union all
        (select 'placement' as kind, p.id as id, po.title as name
           from placements p join posts po on po.id = p.post_id
          where p.person_id = ${personId} and p.state not in (${ended})
            and (p.application_id is null or p.application_id <> ${except})
          limit ${limit})
      `),
      "person.heldPostings",
    ),
    (res: unknown) => {
      type Row = { kind: "appointment" | "placement"; id: string; name: string }
      // node-postgres answers { rows }, PGlite's drizzle driver { rows } too; arrays are taken as they are.
      const rows = Array.isArray(res) ? (res as Array<Row>) : ((res as { rows?: Array<Row> }).rows ?? [])
      return rows.slice(0, limit).map((r) => ({ kind: r.kind, id: r.id, name: r.name }))
    },
  )
}
