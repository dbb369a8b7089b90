import { randomBytes } from "node:crypto"
import { Access, Person } from "@cadre/domain"
import { and, asc, eq, ilike, sql } from "drizzle-orm"
import { Context, Effect, Layer, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  type DatabaseError,
  type InvalidInput,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeOrAbort,
  escapeLike,
  read,
  requirePermission,
  seesRegionSql,
  transact,
  writeAudit,
} from "../internal.js"
import {
  type MaskedPerson,
  maskedColumns,
  type PersonRecord,
  toMasked,
  toRecord,
  WHOLE_PROFILE_ROLES,
} from "../queries/people.js"
import { people, regions } from "../schema/index.js"

export {
  type MaskedPerson,
  type MaskedRow,
  maskedColumns,
  type PersonRecord,
  StoredProfile,
  toMasked,
  toRecord,
  WHOLE_PROFILE_ROLES,
} from "../queries/people.js"

/**
 * People. The ID number and phone are stored in their own columns and masked IN SQL for every list and ordinary
 * read; only `getWhole` (roles in WHOLE_PROFILE_ROLES, audited) and the applicant's own `getOwn` return them whole.
 */

export interface PersonFilter {
  readonly regionId?: string | undefined
  /** Part of the name. */
  readonly name?: string | undefined
  readonly limit?: number | undefined
  readonly offset?: number | undefined
}

export interface OwnProfileInput {
  /** Where the applicant lives or works: the region whose staff will read the profile. */
  readonly regionId: string
  /** The profile in its encoded (JSON) form, without `id` (assigned here). Decoded with Person.Profile. */
  readonly profile: unknown
}

export interface PersonRepoService {
  /** People within the actor's scope, masked. */
  readonly list: (
    actor: Access.Actor,
    filter?: PersonFilter,
  ) => Effect.Effect<ReadonlyArray<MaskedPerson>, Access.Forbidden | DatabaseError>
  /** One person within the actor's scope, masked. */
  readonly get: (
    actor: Access.Actor,
    id: string,
  ) => Effect.Effect<MaskedPerson, NotFound | Access.Forbidden | DatabaseError>
  /** One whole profile (ID number and phone unmasked), for roles allowed to; the read itself is audited. */
  readonly getWhole: (
    ctx: CommandContext,
    id: string,
    purpose: string,
  ) => Effect.Effect<PersonRecord, NotFound | Conflict | Access.Forbidden | DatabaseError>
  /**
   * The decoded kernel Profile of one person, for screening (`eligibility.check`) ON THE SERVER: whole, because
   * the Profile Schema needs a valid ID number. Scoped in SQL: staff see people within their scope, applicants
   * only their own record; anything else is NotFound. Never return it from a procedure — return the verdict.
   */
  readonly getForScreening: (
    actor: Access.Actor,
    id: string,
  ) => Effect.Effect<Person.Profile, NotFound | Access.Forbidden | DatabaseError>
  /** The applicant's own profile, whole; none yet → NotFound. */
  readonly getOwn: (
    actor: Access.Actor,
  ) => Effect.Effect<PersonRecord, NotFound | Access.Forbidden | DatabaseError>
  /** An applicant creates their profile (one per account; one per ID number). */
  readonly createOwn: (
    ctx: CommandContext,
    input: OwnProfileInput,
  ) => Effect.Effect<PersonRecord, NotFound | Conflict | InvalidInput | Access.Forbidden | DatabaseError>
  /** An applicant updates their profile. */
  readonly updateOwn: (
    ctx: CommandContext,
    input: OwnProfileInput & { readonly expectedVersion: number },
  ) => Effect.Effect<
    PersonRecord,
    NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden | DatabaseError
  >
}

/** Person storage. */
export class PersonRepo extends Context.Tag("@cadre/db/PersonRepo")<PersonRepo, PersonRepoService>() {
  static readonly Live: Layer.Layer<PersonRepo, never, Database> = Layer.effect(
    PersonRepo,
    Effect.map(Database, (d) => makePersonRepo(d.db)),
  )
}

/** What the audit log keeps of a person: never the whole ID number or phone. */
const auditView = (r: PersonRecord) => ({
  id: r.profile.id,
  name: r.profile.name,
  regionId: r.regionId,
  idNumber: Person.maskIdNumber(r.profile.idNumber),
  ...(r.profile.phone === undefined ? {} : { phone: Person.maskPhone(r.profile.phone) }),
  version: r.version,
})

/** Split a decoded profile into the columns it is stored in. */
const columnsOf = (p: Person.Profile) => {
  const { id: _id, idNumber, phone, ...rest } = Schema.encodeSync(Person.Profile)(p)
  return { idNumber, phone: phone ?? null, name: p.name, profile: rest }
}

const requireApplicant = (actor: Access.Actor): Effect.Effect<void, Access.Forbidden> =>
  Effect.zipRight(
    requirePermission(actor, "profile.write_own"),
    actor.role === "applicant" ? Effect.void : Effect.fail(Access.forbidden("profile.write_own", actor.role)),
  )

const activeRegionPath = async (tx: Tx, id: string): Promise<string> => {
  const [r] = await tx
    .select({ path: regions.path })
    .from(regions)
    .where(and(eq(regions.id, id), eq(regions.status, "active")))
  return r?.path ?? abort(notFound("region", id))
}

export const makePersonRepo = (db: Db): PersonRepoService => {
  const selectMasked = (d: Db | Tx) =>
    d.select(maskedColumns).from(people).innerJoin(regions, eq(people.regionId, regions.id))

  const findOwn = async (d: Db | Tx, accountId: string, lock: boolean) => {
    const q = d
      .select({ person: people, path: regions.path })
      .from(people)
      .innerJoin(regions, eq(people.regionId, regions.id))
      .where(eq(people.accountId, accountId))
    const [r] = lock ? await q.for("update", { of: people }) : await q
    return r
  }

  return {
    list: (actor, filter) =>
      Effect.zipRight(
        requirePermission(actor, "profile.read"),
        read("person.list", async () => {
          const rows = await selectMasked(db)
            .where(
              and(
                seesRegionSql(actor, regions.path),
                filter?.regionId === undefined ? undefined : eq(people.regionId, filter.regionId),
                filter?.name === undefined ? undefined : ilike(people.name, `%${escapeLike(filter.name)}%`),
              ),
            )
            .orderBy(asc(regions.path), asc(people.name), asc(people.id))
            .limit(Math.min(Math.max(filter?.limit ?? 200, 1), 1000))
            .offset(Math.max(filter?.offset ?? 0, 0))
          return rows.map(toMasked)
        }),
      ),

    get: (actor, id) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "profile.read")
        const found = yield* read("person.get", async () => {
          const [r] = await selectMasked(db).where(and(eq(people.id, id), seesRegionSql(actor, regions.path)))
          return r === undefined ? undefined : toMasked(r)
        })
        return found ?? (yield* Effect.fail(notFound("person", id)))
      }),

    getWhole: (ctx, id, purpose) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "profile.read")
        if (!WHOLE_PROFILE_ROLES.includes(ctx.actor.role))
          return yield* Effect.fail(Access.forbidden("profile.read_whole", ctx.actor.role))
        return yield* transact(db, "person.getWhole", async (tx) => {
          const [r] = await tx
            .select({ person: people, path: regions.path })
            .from(people)
            .innerJoin(regions, eq(people.regionId, regions.id))
            .where(and(eq(people.id, id), seesRegionSql(ctx.actor, regions.path)))
          if (r === undefined) return abort(notFound("person", id))
          const record = toRecord(r.person, r.path)
          await writeAudit(tx, ctx, {
            action: "person.read_whole",
            entity: "person",
            entityId: id,
            regionPath: r.path,
            before: null,
            after: { purpose },
          })
          return record
        })
      }),

    getForScreening: (actor, id) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "eligibility.check")
        const found = yield* read("person.getForScreening", async () => {
          const [r] = await db
            .select({ person: people, path: regions.path })
            .from(people)
            .innerJoin(regions, eq(people.regionId, regions.id))
            .where(
              and(
                eq(people.id, id),
                actor.role === "applicant"
                  ? eq(people.accountId, actor.accountId)
                  : seesRegionSql(actor, regions.path),
              ),
            )
          return r === undefined ? undefined : toRecord(r.person, r.path).profile
        })
        return found ?? (yield* Effect.fail(notFound("person", id)))
      }),

    getOwn: (actor) =>
      Effect.gen(function* () {
        yield* requireApplicant(actor)
        const found = yield* read("person.getOwn", async () => {
          const r = await findOwn(db, actor.accountId, false)
          return r === undefined ? undefined : toRecord(r.person, r.path)
        })
        return found ?? (yield* Effect.fail(notFound("person", actor.accountId)))
      }),

    createOwn: (ctx, input) =>
      Effect.gen(function* () {
        yield* requireApplicant(ctx.actor)
        const id = `p-${randomBytes(6).toString("hex")}`
        return yield* transact(db, "person.createOwn", async (tx) => {
          const raw = typeof input.profile === "object" && input.profile !== null ? input.profile : {}
          const profile = decodeOrAbort(Person.Profile, "person", { ...raw, id })
          const path = await activeRegionPath(tx, input.regionId)
          const [row] = await tx
            .insert(people)
            .values({ id, accountId: ctx.actor.accountId, regionId: input.regionId, ...columnsOf(profile) })
            .returning()
          const created = toRecord(row ?? abort(notFound("person", id)), path)
          await writeAudit(tx, ctx, {
            action: "person.create_own",
            entity: "person",
            entityId: id,
            regionPath: path,
            before: null,
            after: auditView(created),
          })
          return created
        })
      }),

    updateOwn: (ctx, input) =>
      Effect.gen(function* () {
        yield* requireApplicant(ctx.actor)
        return yield* transact(db, "person.updateOwn", async (tx) => {
          const cur = await findOwn(tx, ctx.actor.accountId, true)
          if (cur === undefined) return abort(notFound("person", ctx.actor.accountId))
          if (cur.person.version !== input.expectedVersion)
            abort(staleVersion("person", cur.person.id, input.expectedVersion, cur.person.version))
          const raw = typeof input.profile === "object" && input.profile !== null ? input.profile : {}
          const profile = decodeOrAbort(Person.Profile, "person", { ...raw, id: cur.person.id })
          const path = await activeRegionPath(tx, input.regionId)
          const [row] = await tx
            .update(people)
            .set({
              regionId: input.regionId,
              ...columnsOf(profile),
              version: sql`${people.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(eq(people.id, cur.person.id))
            .returning()
          const before = toRecord(cur.person, cur.path)
          const after = toRecord(row ?? abort(notFound("person", cur.person.id)), path)
          await writeAudit(tx, ctx, {
            action: "person.update_own",
            entity: "person",
            entityId: cur.person.id,
            regionPath: path,
            before: auditView(before),
            after: auditView(after),
          })
          return after
        })
      }),
  }
}
