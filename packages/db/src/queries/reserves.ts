import { LocalDate, type Text } from "@cadre/domain"
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, within } from "../internal.js"
import { people, personConsequences, regions, reserveMembers } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import { keysetAfter, keysetOrder, keyText, type Page, type PageRequest, toPage } from "./keyset.js"

/**
 * The reserve pipeline as stored (`reserve_members`, 003 一 拓源储备一批): one row per person and scheme while
 * active, its body the steps (entered, advanced, removed) with their dates, bases and who recorded them.
 */

/** Where a reserve comes from (003 一 拓源储备一批; 001 四（二）1: the community nominates). */
export const ReserveSource = Schema.Literal(
  "community_worker", // 社区工作者
  "committee_member", // “两委”成员
  "recruited", // 招录（书记助理）
  "nominated", // 社区推荐
  "other",
).annotations({ title: "来源 / source" })
export type ReserveSource = typeof ReserveSource.Type

const ReserveStepS = Schema.Struct({
  on: LocalDate.LocalDate,
  role: Schema.String,
  source: Schema.optional(ReserveSource),
  basis: Schema.String,
  by: Schema.String,
  step: Schema.Literal("entered", "advanced", "removed"),
})
const ReserveBodyS = Schema.Struct({ steps: Schema.Array(ReserveStepS) })
export type ReserveBody = typeof ReserveBodyS.Type
export type ReserveStep = ReserveBody["steps"][number]

export interface ReserveMemberRecord {
  readonly id: string
  readonly personId: string
  readonly personName: string
  readonly regionId: string
  readonly regionName: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly role: string
  /** Where the person came from, as the entry step records it. */
  readonly source: ReserveSource | null
  readonly state: "active" | "removed"
  readonly enteredOn: string
  readonly leftOn: string | null
  readonly steps: ReserveBody["steps"]
  /** The nominee's findings on entry (age cap of the role, 001 三（4）), as the pool check gives them. */
  readonly findings: ReadonlyArray<{
    readonly ruleId: string
    readonly status: string
    readonly message: Text
  }>
  readonly version: number
}

export type ReserveRow = typeof reserveMembers.$inferSelect

const toReserve = (r: { row: ReserveRow; personName: string; regionName: string }): ReserveMemberRecord => {
  const b = decodeRow(ReserveBodyS, "reserve_members", r.row.id, r.row.body)
  const findings = (r.row.body as { findings?: ReserveMemberRecord["findings"] }).findings ?? []
  return {
    id: r.row.id,
    personId: r.row.personId,
    personName: r.personName,
    regionId: r.row.regionId,
    regionName: r.regionName,
    schemeId: r.row.schemeId,
    schemeVersion: r.row.schemeVersion,
    role: r.row.role,
    source: b.steps.find((st) => st.step === "entered")?.source ?? null,
    state: r.row.state as "active" | "removed",
    enteredOn: r.row.enteredOn,
    leftOn: r.row.leftOn,
    steps: b.steps,
    findings,
    version: r.row.version,
  }
}

const withNames = (h: Handle) =>
  h
    .select({ row: reserveMembers, personName: people.name, regionName: regions.name })
    .from(reserveMembers)
    .innerJoin(people, eq(people.id, reserveMembers.personId))
    .innerJoin(regions, eq(regions.id, reserveMembers.regionId))

/** One reserve member by id, with the person's and the community's names. */
export const getReserve = (h: Handle, id: string): Effect.Effect<ReserveMemberRecord | undefined> =>
  Effect.flatMap(q(withNames(h).where(eq(reserveMembers.id, id)), "reserve.get"), ([r]) =>
    Effect.sync(() => (r === undefined ? undefined : toReserve(r))),
  )

export interface ReserveFilter {
  readonly schemeId?: string | undefined
  readonly regionId?: string | undefined
  readonly state?: "active" | "removed" | undefined
}

const reserveWhere = (scopePath: string, filter: ReserveFilter): SQL | undefined => {
  const conds: Array<SQL> = [within(regions.path, scopePath)]
  if (filter.schemeId !== undefined) conds.push(eq(reserveMembers.schemeId, filter.schemeId))
  if (filter.regionId !== undefined) conds.push(eq(reserveMembers.regionId, filter.regionId))
  if (filter.state !== undefined) conds.push(eq(reserveMembers.state, filter.state))
  return and(...conds)
}

/**
 * One keyset page of the reserve members within `scopePath` (issue 19), by community and id — the order
 * `reserve_members_region_idx` (region_id) serves, the id breaking ties. There is no index on the entry date
 * (`entered_on`), so the list is not paged by it. The total counts the rows passing the filter.
 */
export const pageReserves = (
  h: Handle,
  scopePath: string,
  filter: ReserveFilter,
  page: PageRequest,
): Effect.Effect<Page<ReserveMemberRecord> & { readonly total: number }> => {
  const where = reserveWhere(scopePath, filter)
  return Effect.zipWith(
    q(
      h
        .select({
          row: reserveMembers,
          personName: people.name,
          regionName: regions.name,
          key: keyText(reserveMembers.regionId),
        })
        .from(reserveMembers)
        .innerJoin(people, eq(people.id, reserveMembers.personId))
        .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
        .where(and(where, keysetAfter(reserveMembers.regionId, reserveMembers.id, "text", page)))
        .orderBy(...keysetOrder(reserveMembers.regionId, reserveMembers.id, page))
        .limit(page.limit + 1),
      "reserve.page",
    ),
    q(
      h
        .select({ n: count() })
        .from(reserveMembers)
        .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
        .where(where),
      "reserve.count",
    ),
    (found, [c]) => ({
      ...toPage(found, page, (r) => ({ at: r.key, id: r.row.id }), toReserve),
      total: c?.n ?? 0,
    }),
  )
}

/** A reserve member within `scopePath`, locked, with its community's path and name; undefined if out of sight. */
export const lockReserveWithin = (tx: Tx, id: string, scopePath: string) =>
  Effect.map(
    q(
      tx
        .select({ row: reserveMembers, path: regions.path, regionName: regions.name })
        .from(reserveMembers)
        .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
        .where(and(eq(reserveMembers.id, id), within(regions.path, scopePath)))
        .for("update", { of: reserveMembers }),
      "reserve.lock",
    ),
    ([r]) => r,
  )

/** The active reserve row of a person in a scheme's pool, locked; undefined if none. */
export const lockActiveReserve = (
  tx: Tx,
  personId: string,
  schemeId: string,
): Effect.Effect<ReserveRow | undefined> =>
  Effect.map(
    q(
      tx
        .select()
        .from(reserveMembers)
        .where(
          and(
            eq(reserveMembers.personId, personId),
            eq(reserveMembers.schemeId, schemeId),
            eq(reserveMembers.state, "active"),
          ),
        )
        .for("update"),
      "reserve.lockActive",
    ),
    ([r]) => r,
  )

/** Is the person an active reserve of the scheme's pool already? */
export const activeReserveId = (h: Handle, personId: string, schemeId: string) =>
  Effect.map(
    q(
      h
        .select({ id: reserveMembers.id })
        .from(reserveMembers)
        .where(
          and(
            eq(reserveMembers.personId, personId),
            eq(reserveMembers.schemeId, schemeId),
            eq(reserveMembers.state, "active"),
          ),
        ),
      "reserve.active",
    ),
    ([r]) => r?.id,
  )

/** The steps a reserve row records. */
export const stepsOf = (row: ReserveRow): Effect.Effect<ReserveBody["steps"]> =>
  Effect.sync(() => decodeRow(ReserveBodyS, "reserve_members", row.id, row.body).steps)

export const insertReserve = (
  tx: Tx,
  row: {
    readonly id: string
    readonly personId: string
    readonly regionId: string
    readonly schemeId: string
    readonly schemeVersion: number
    readonly role: string
    readonly enteredOn: string
    readonly body: unknown
  },
): Effect.Effect<void> => q(tx.insert(reserveMembers).values(row), "reserve.insert").pipe(Effect.asVoid)

/** Record a reserve row's new role or state and its body (the steps appended), under the command's lock. */
export const updateReserve = (
  tx: Tx,
  id: string,
  set: {
    readonly role?: string
    readonly state?: "active" | "removed"
    readonly leftOn?: string
    readonly body: unknown
  },
): Effect.Effect<void> =>
  q(
    tx
      .update(reserveMembers)
      .set({ ...set, version: sql`${reserveMembers.version} + 1`, updatedAt: new Date() })
      .where(eq(reserveMembers.id, id)),
    "reserve.update",
  ).pipe(Effect.asVoid)

/** 002 三（二）: the person's lost reserve status (a recall's consequence), if any. */
export const lostReserveStatus = (h: Handle, personId: string) =>
  Effect.map(
    q(
      h
        .select({ body: personConsequences.body, from: personConsequences.fromDate })
        .from(personConsequences)
        .where(
          and(
            eq(personConsequences.personId, personId),
            eq(personConsequences.effect, "lose_reserve_status"),
            eq(personConsequences.appliesTo, "cadre"),
          ),
        ),
      "reserve.lostStatus",
    ),
    ([r]) => r,
  )

/** A person's stored birth date ("" if the profile has none). */
export const birthDateOf = (h: Handle, personId: string): Effect.Effect<string> =>
  Effect.map(
    q(h.select({ profile: people.profile }).from(people).where(eq(people.id, personId)), "person.birthDate"),
    ([p]) => String((p?.profile as { birthDate?: string } | undefined)?.birthDate ?? ""),
  )

/**
 * Active reserves of a scheme within a region, in the shape the pool review counts members in: the pipeline's
 * members are reviewed (001 五1) together with the nominees appointed through campaigns.
 */
export const reserveRows = (h: Handle, regionPath: string, schemeId: string) =>
  q(
    h
      .select({
        personId: reserveMembers.personId,
        targetRole: reserveMembers.role,
        regionId: reserveMembers.regionId,
        regionName: regions.name,
        profile: people.profile,
      })
      .from(reserveMembers)
      .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
      .innerJoin(people, eq(people.id, reserveMembers.personId))
      .where(
        and(
          eq(reserveMembers.schemeId, schemeId),
          eq(reserveMembers.state, "active"),
          within(regions.path, regionPath),
        ),
      )
      .orderBy(asc(reserveMembers.regionId), asc(reserveMembers.personId)),
    "reserve.poolRows",
  )
