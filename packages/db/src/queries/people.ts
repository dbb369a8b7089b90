import { Access, Person } from "@cadre/domain"
import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, escapeLike, seesRegionSql } from "../internal.js"
import { applications, people, personVersions, placements, posts, regions } from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import * as conductQueries from "./conduct.js"
import {
  type CappedCount,
  cappedCount,
  keysetAfter,
  keysetOrder,
  keyText,
  type Page,
  type PageRequest,
  toPage,
} from "./keyset.js"

/**
 * People as stored. The ID number and phone live in their own columns and are masked IN SQL for every list and
 * ordinary read (`maskedColumns`); only the whole-profile reads of the roles in WHOLE_PROFILE_ROLES (audited) and
 * the applicant's own read return them whole.
 */

/** The profile as stored in `people.profile`: everything but the id, ID number and phone. */
export const StoredProfile = Person.Profile.from.omit("id", "idNumber", "phone")
export type StoredProfile = typeof StoredProfile.Type

/** A profile for lists and ordinary reads: ID number and phone masked ("310110********1234", "138****5678"). */
export interface MaskedPerson extends StoredProfile {
  readonly id: Person.PersonId
  readonly idNumberMasked: string
  readonly phoneMasked: string | null
  readonly regionId: string
  /** The unit the person belongs to (issue 14), or null. */
  readonly unitId: string | null
  readonly regionPath: string
  readonly version: number
}

/** A whole profile with its storage metadata. */
export interface PersonRecord {
  readonly profile: Person.Profile
  readonly accountId: string | null
  readonly regionId: string
  readonly unitId: string | null
  readonly regionPath: string
  readonly version: number
}

/** Roles that may read a whole profile (ID number and phone unmasked), e.g. to print a registration form. */
export const WHOLE_PROFILE_ROLES: ReadonlyArray<Access.Role> = ["org_dept_admin", "street_admin", "reviewer"]

/** SQL masks, the same as Person.maskIdNumber / Person.maskPhone (tested against them). */
const maskedIdNumber = sql<string>`case when length(${people.idNumber}) <= 10 then repeat('*', length(${people.idNumber})) else left(${people.idNumber}, 6) || repeat('*', length(${people.idNumber}) - 10) || right(${people.idNumber}, 4) end`
const maskedPhone = sql<
  string | null
>`case when ${people.phone} is null then null when length(${people.phone}) <= 7 then repeat('*', length(${people.phone})) else left(${people.phone}, 3) || repeat('*', length(${people.phone}) - 7) || right(${people.phone}, 4) end`

export const maskedColumns = {
  id: people.id,
  regionId: people.regionId,
  unitId: people.unitId,
  regionPath: regions.path,
  profile: people.profile,
  idNumberMasked: maskedIdNumber,
  phoneMasked: maskedPhone,
  version: people.version,
}

export type MaskedRow = {
  id: string
  regionId: string
  unitId: string | null
  regionPath: string
  profile: unknown
  idNumberMasked: string
  phoneMasked: string | null
  version: number
}

export const toMasked = (r: MaskedRow): MaskedPerson => ({
  ...decodeRow(StoredProfile, "people", r.id, r.profile),
  id: r.id as Person.PersonId,
  idNumberMasked: r.idNumberMasked,
  phoneMasked: r.phoneMasked,
  regionId: r.regionId,
  unitId: r.unitId,
  regionPath: r.regionPath,
  version: r.version,
})

export type PersonRow = typeof people.$inferSelect

export const toRecord = (row: PersonRow, regionPath: string): PersonRecord => ({
  profile: decodeRow(Person.Profile, "people", row.id, {
    ...(row.profile as object),
    id: row.id,
    idNumber: row.idNumber,
    ...(row.phone === null ? {} : { phone: row.phone }),
  }),
  accountId: row.accountId,
  regionId: row.regionId,
  unitId: row.unitId,
  regionPath,
  version: row.version,
})

/** A person row with its region's path, as read for whole-profile reads and the applicant's own commands. */
export interface PersonWithPath {
  readonly person: PersonRow
  readonly path: string
}

/**
 * Access.ownUnit for people, in SQL: the person is the unit's (people.unit_id), or the unit dispatched them or hosts
 * them (a placement), or recommended them (an application). Undefined (no narrowing) for accounts not a unit's.
 */
export const personOfUnitSql = (actor: Access.Actor): SQL | undefined => {
  const unit = Access.unitOf(actor)
  if (unit === null) return undefined
  return or(
    eq(people.unitId, unit),
    sql`${people.id} in (select ${placements.personId} from ${placements} where ${placements.dispatchingUnitId} = ${unit} or ${placements.postId} in (select ${posts.id} from ${posts} where ${posts.unitId} = ${unit}))`,
    sql`${people.id} in (select ${applications.personId} from ${applications} where ${applications.recommendingUnitId} = ${unit})`,
  )
}

/**
 * Access.seesPerson in SQL for staff (needs `regions` joined on the person's region): within the region scope, and
 * for a unit account only its own unit's people (issue 13, "units see their own").
 */
export const seesPersonSql = (actor: Access.Actor): SQL => {
  const inRegion = seesRegionSql(actor, regions.path)
  return and(inRegion, personOfUnitSql(actor)) ?? inRegion
}

const selectMasked = (h: Handle) =>
  h.select(maskedColumns).from(people).innerJoin(regions, eq(people.regionId, regions.id))

const selectWithPath = (h: Handle) =>
  h
    .select({ person: people, path: regions.path })
    .from(people)
    .innerJoin(regions, eq(people.regionId, regions.id))

/**
 * A person as a list shows them (issue 19, "answers carry what the screen shows"): name, sex, birth date, ID number
 * and phone masked in SQL, the current unit and position, where the record is filed. The fields come out of the
 * profile jsonb one by one in SQL; the whole profile is neither read out nor decoded per row.
 */
export interface PersonLine {
  /** Branded as everywhere else, so a list row's id goes straight into a call that takes a person id. */
  readonly id: Person.PersonId
  readonly name: string
  readonly sex: string | null
  readonly birthDate: string | null
  readonly idNumberMasked: string
  readonly phoneMasked: string | null
  readonly currentUnit: string | null
  readonly currentPosition: string | null
  readonly regionId: string
  readonly regionPath: string
  readonly unitId: string | null
  readonly version: number
}

/** The people list's filters: the region the record is filed in, part of the name. */
export interface PersonListFilter {
  readonly regionId?: string | undefined
  readonly name?: string | undefined
}

const personListWhere = (actor: Access.Actor, filter: PersonListFilter): SQL | undefined =>
  and(
    seesPersonSql(actor),
    filter.regionId === undefined ? undefined : eq(people.regionId, filter.regionId),
    filter.name === undefined || filter.name === ""
      ? undefined
      : ilike(people.name, `%${escapeLike(filter.name)}%`),
  )

/**
 * One keyset page of the people the actor sees, by (created_at, id) — the index `people_created_idx` (migration
 * 0017): the order records were entered, newest first with `order: "desc"`.
 */
export const pagePeople = (
  h: Handle,
  actor: Access.Actor,
  filter: PersonListFilter,
  page: PageRequest,
): Effect.Effect<Page<PersonLine>> =>
  Effect.map(
    q(
      h
        .select({
          id: people.id,
          name: people.name,
          sex: sql<string | null>`${people.profile}->>'sex'`,
          birthDate: sql<string | null>`${people.profile}->>'birthDate'`,
          idNumberMasked: maskedIdNumber,
          phoneMasked: maskedPhone,
          currentUnit: sql<string | null>`${people.profile}->>'currentUnit'`,
          currentPosition: sql<string | null>`${people.profile}->>'currentPosition'`,
          regionId: people.regionId,
          regionPath: regions.path,
          unitId: people.unitId,
          version: people.version,
          key: keyText(people.createdAt),
        })
        .from(people)
        .innerJoin(regions, eq(people.regionId, regions.id))
        .where(
          and(personListWhere(actor, filter), keysetAfter(people.createdAt, people.id, "timestamptz", page)),
        )
        .orderBy(...keysetOrder(people.createdAt, people.id, page))
        .limit(page.limit + 1),
      "person.page",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.key, id: r.id }),
        ({ key: _key, id, ...line }) => ({ id: id as Person.PersonId, ...line }),
      ),
  )

/**
 * How many people the actor sees pass the filter, counted up to {@link COUNT_CAP} (a name search over a million
 * records would otherwise count them all): `exact: false` past it.
 */
export const countPeople = (
  h: Handle,
  actor: Access.Actor,
  filter: PersonListFilter,
): Effect.Effect<CappedCount> =>
  cappedCount(
    h,
    h
      .select({ one: sql`1`.as("one") })
      .from(people)
      .innerJoin(regions, eq(people.regionId, regions.id))
      .where(personListWhere(actor, filter)),
    "person.count",
  )

/** One person within the actor's scope, masked. */
export const getMasked = (
  h: Handle,
  actor: Access.Actor,
  id: string,
): Effect.Effect<MaskedPerson | undefined> =>
  Effect.flatMap(
    q(selectMasked(h).where(and(eq(people.id, id), seesPersonSql(actor))), "person.get"),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toMasked(r))),
  )

/** One whole person within the actor's scope (SQL), decoded. */
export const findVisible = (
  h: Handle,
  actor: Access.Actor,
  id: string,
): Effect.Effect<PersonRecord | undefined> =>
  Effect.flatMap(
    q(selectWithPath(h).where(and(eq(people.id, id), seesPersonSql(actor))), "person.getWhole"),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toRecord(r.person, r.path))),
  )

/**
 * One whole person for screening: within the actor's scope for staff, the applicant's own record for an
 * applicant; decoded.
 */
export const findForScreening = (
  h: Handle,
  actor: Access.Actor,
  id: string,
): Effect.Effect<PersonRecord | undefined> =>
  Effect.flatMap(
    q(
      selectWithPath(h).where(
        and(
          eq(people.id, id),
          actor.role === "applicant" ? eq(people.accountId, actor.accountId) : seesPersonSql(actor),
        ),
      ),
      "person.getForScreening",
    ),
    ([r]) =>
      r === undefined
        ? Effect.succeed(undefined)
        : Effect.flatMap(
            Effect.sync(() => toRecord(r.person, r.path)),
            (rec) =>
              // What staff and joint-review departments recorded is screened with the profile (issue 13).
              Effect.map(conductQueries.screened(h, [rec.profile]), ([profile]) => ({
                ...rec,
                profile: profile ?? rec.profile,
              })),
          ),
  )

/** The person row of an account (with its region's path); `lock` takes it FOR UPDATE (inside a command). */
export const findOwn = (
  h: Handle,
  accountId: string,
  lock: boolean,
): Effect.Effect<PersonWithPath | undefined> => {
  const query = selectWithPath(h).where(eq(people.accountId, accountId))
  return Effect.map(q(lock ? query.for("update", { of: people }) : query, "person.findOwn"), ([r]) => r)
}

/** Split a decoded profile into the columns it is stored in. */
const columnsOf = (p: Person.Profile) => {
  const { id: _id, idNumber, phone, ...rest } = Schema.encodeSync(Person.Profile)(p)
  return { idNumber, phone: phone ?? null, name: p.name, profile: rest }
}

/** Insert a person (the profile split into its columns); the inserted record, decoded. */
export const insert = (
  tx: Tx,
  row: {
    readonly accountId: string | null
    readonly regionId: string
    readonly unitId?: string | null
    readonly profile: Person.Profile
  },
  regionPath: string,
): Effect.Effect<ReadonlyArray<PersonRecord>> =>
  Effect.flatMap(
    q(
      tx
        .insert(people)
        .values({
          id: row.profile.id,
          accountId: row.accountId,
          regionId: row.regionId,
          unitId: row.unitId ?? null,
          ...columnsOf(row.profile),
        })
        .returning(),
      "person.insert",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toRecord(r, regionPath))),
  )

/** Replace a person's profile and region (and unit, when given), bumping its version; the updated record, decoded. */
export const update = (
  tx: Tx,
  id: string,
  row: { readonly regionId: string; readonly unitId?: string | null; readonly profile: Person.Profile },
  regionPath: string,
): Effect.Effect<ReadonlyArray<PersonRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(people)
        .set({
          regionId: row.regionId,
          ...(row.unitId === undefined ? {} : { unitId: row.unitId }),
          ...columnsOf(row.profile),
          version: sql`${people.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(people.id, id))
        .returning(),
      "person.update",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toRecord(r, regionPath))),
  )

/** Lock (FOR UPDATE) one person within the actor's region scope, with its region's path; undefined otherwise. */
export const lockVisible = (
  tx: Tx,
  actor: Access.Actor,
  id: string,
): Effect.Effect<PersonWithPath | undefined> =>
  Effect.map(
    q(
      selectWithPath(tx)
        .where(and(eq(people.id, id), seesPersonSql(actor)))
        .for("update", { of: people }),
      "person.lock",
    ),
    ([r]) => r,
  )

/**
 * The person on record under an ID number (whoever's scope it lies in: the caller decides what to reveal), with
 * its region's path; `lock` takes it FOR UPDATE.
 */
export const findByIdNumber = (
  h: Handle,
  idNumber: string,
  lock: boolean,
): Effect.Effect<PersonWithPath | undefined> => {
  const query = selectWithPath(h).where(eq(people.idNumber, idNumber))
  return Effect.map(
    q(lock ? query.for("update", { of: people }) : query, "person.findByIdNumber"),
    ([r]) => r,
  )
}

/** Give a record on file to an applicant's account, bumping its version; the updated record, decoded. */
export const linkAccount = (
  tx: Tx,
  id: string,
  accountId: string,
  regionPath: string,
): Effect.Effect<ReadonlyArray<PersonRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(people)
        .set({ accountId, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(people.id, id), sql`${people.accountId} is null`))
        .returning(),
      "person.linkAccount",
    ),
    (rows) => Effect.sync(() => rows.map((r) => toRecord(r, regionPath))),
  )

/** One version of a person's record as kept in `person_versions` (issue 14). */
export interface PersonVersionRow {
  readonly version: number
  readonly source: Person.PersonSource
  readonly actorAccountId: string
  readonly actorRole: string
  readonly at: Date
  readonly changed: ReadonlyArray<string>
}

/**
 * Keep `record` (as it now stands) as a version of its history: who made it, from which source, what changed.
 * Called in the transaction of every create, edit and link.
 */
export const insertVersion = (
  tx: Tx,
  record: PersonRecord,
  by: {
    readonly source: Person.PersonSource
    readonly actor: { readonly accountId: string; readonly role: string }
    readonly changed: ReadonlyArray<string>
  },
): Effect.Effect<void> =>
  q(
    tx.insert(personVersions).values({
      personId: record.profile.id,
      version: record.version,
      source: by.source,
      actorAccountId: by.actor.accountId,
      actorRole: by.actor.role,
      regionId: record.regionId,
      unitId: record.unitId,
      ...columnsOf(record.profile),
      changed: [...by.changed],
    }),
    "person.version",
  ).pipe(Effect.asVoid)

/** A person's versions, newest first (who, when, source, what changed; not the profiles). */
export const versions = (h: Handle, personId: string): Effect.Effect<ReadonlyArray<PersonVersionRow>> =>
  Effect.map(
    q(
      h
        .select({
          version: personVersions.version,
          source: personVersions.source,
          actorAccountId: personVersions.actorAccountId,
          actorRole: personVersions.actorRole,
          at: personVersions.at,
          changed: personVersions.changed,
        })
        .from(personVersions)
        .where(eq(personVersions.personId, personId))
        .orderBy(sql`${personVersions.version} desc`),
      "person.versions",
    ),
    (rows) => rows,
  )

/** Whether staff kept any version of the record (entered or imported), i.e. it is not only self-declared. */
export const staffKept = (h: Handle, personId: string): Effect.Effect<boolean> =>
  Effect.map(
    q(
      h
        .select({ version: personVersions.version })
        .from(personVersions)
        .where(and(eq(personVersions.personId, personId), sql`${personVersions.source} <> 'self_declared'`))
        .limit(1),
      "person.staffKept",
    ),
    (rows) => rows.length > 0,
  )

/** Insert many people at once (an import batch): one statement; the inserted records, decoded. */
export const insertMany = (
  tx: Tx,
  rows: ReadonlyArray<{
    readonly regionId: string
    readonly regionPath: string
    readonly unitId: string | null
    readonly profile: Person.Profile
  }>,
): Effect.Effect<ReadonlyArray<PersonRecord>> => {
  if (rows.length === 0) return Effect.succeed([])
  const paths = new Map(rows.map((r) => [r.profile.id as string, r.regionPath]))
  return Effect.flatMap(
    q(
      tx
        .insert(people)
        .values(
          rows.map((r) => ({
            id: r.profile.id,
            accountId: null,
            regionId: r.regionId,
            unitId: r.unitId,
            ...columnsOf(r.profile),
          })),
        )
        .returning(),
      "person.insertMany",
    ),
    (out) => Effect.sync(() => out.map((r) => toRecord(r, paths.get(r.id) ?? ""))),
  )
}

/** Keep many versions at once (an import batch), each with its own `changed`. */
export const insertVersions = (
  tx: Tx,
  rows: ReadonlyArray<{ readonly record: PersonRecord; readonly changed: ReadonlyArray<string> }>,
  by: {
    readonly source: Person.PersonSource
    readonly actor: { readonly accountId: string; readonly role: string }
  },
): Effect.Effect<void> =>
  rows.length === 0
    ? Effect.void
    : q(
        tx.insert(personVersions).values(
          rows.map(({ record, changed }) => ({
            personId: record.profile.id,
            version: record.version,
            source: by.source,
            actorAccountId: by.actor.accountId,
            actorRole: by.actor.role,
            regionId: record.regionId,
            unitId: record.unitId,
            ...columnsOf(record.profile),
            changed: [...changed],
          })),
        ),
        "person.versions",
      ).pipe(Effect.asVoid)
