import { randomBytes } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  Database,
  decodeInput,
  type InvalidInput,
  type MaskedPerson,
  type NotFound,
  notFound,
  one,
  type PersonFilter,
  type PersonRecord,
  peopleQueries,
  regionQueries,
  type StaleVersion,
  staleVersion,
  transaction,
  type Tx,
  WHOLE_PROFILE_ROLES,
  writeAudit,
} from "@cadre/db"
import { Access, Person } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

export interface OwnProfileInput {
  /** Where the applicant lives or works: the region whose staff will read the profile. */
  readonly regionId: string
  /** The profile in its encoded (JSON) form, without `id` (assigned here). Decoded with Person.Profile. */
  readonly profile: unknown
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

const requireApplicant = (actor: Access.Actor): Effect.Effect<void, Access.Forbidden> =>
  Effect.zipRight(
    requirePermission(actor, "profile.write_own"),
    actor.role === "applicant" ? Effect.void : Effect.fail(Access.forbidden("profile.write_own", actor.role)),
  )

/** The encoded profile as sent, with the id it is stored under. */
const withId = (profile: unknown, id: string) => ({
  ...(typeof profile === "object" && profile !== null ? profile : {}),
  id,
})

/**
 * People. The ID number and phone are stored in their own columns and masked IN SQL for every list and ordinary
 * read; only `getWhole` (roles in WHOLE_PROFILE_ROLES, audited) and the applicant's own `getOwn` return them whole.
 */
export class PersonService extends Effect.Service<PersonService>()("@cadre/services/PersonService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /** The path of the active region a profile is filed under, or NotFound. */
    const activeRegionPath = (tx: Tx, id: string) =>
      Effect.flatMap(regionQueries.activePath(tx, id), (path) =>
        path === undefined ? Effect.fail(notFound("region", id)) : Effect.succeed(path),
      )

    /** People within the actor's scope, masked. */
    const list = (
      actor: Access.Actor,
      filter?: PersonFilter,
    ): Effect.Effect<ReadonlyArray<MaskedPerson>, Access.Forbidden> =>
      Effect.zipRight(requirePermission(actor, "profile.read"), peopleQueries.listMasked(db, actor, filter))

    /** One person within the actor's scope, masked. */
    const get = (actor: Access.Actor, id: string): Effect.Effect<MaskedPerson, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "profile.read")
        const found = yield* peopleQueries.getMasked(db, actor, id)
        return found ?? (yield* Effect.fail(notFound("person", id)))
      })

    /** One whole profile (ID number and phone unmasked), for roles allowed to; the read itself is audited. */
    const getWhole = (
      ctx: CommandContext,
      id: string,
      purpose: string,
    ): Effect.Effect<PersonRecord, NotFound | Conflict | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "profile.read")
        if (!WHOLE_PROFILE_ROLES.includes(ctx.actor.role))
          return yield* Effect.fail(Access.forbidden("profile.read_whole", ctx.actor.role))
        return yield* transaction(db, "person.getWhole", (tx) =>
          Effect.gen(function* () {
            const record = yield* peopleQueries.findVisible(tx, ctx.actor, id)
            if (record === undefined) return yield* Effect.fail(notFound("person", id))
            yield* writeAudit(tx, ctx, {
              action: "person.read_whole",
              entity: "person",
              entityId: id,
              regionPath: record.regionPath,
              before: null,
              after: { purpose },
            })
            return record
          }),
        )
      })

    /**
     * The decoded kernel Profile of one person, for screening (`eligibility.check`) ON THE SERVER: whole, because
     * the Profile Schema needs a valid ID number. Scoped in SQL: staff see people within their scope, applicants
     * only their own record; anything else is NotFound. Never return it from a procedure — return the verdict.
     */
    const getForScreening = (
      actor: Access.Actor,
      id: string,
    ): Effect.Effect<Person.Profile, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "eligibility.check")
        const found = yield* peopleQueries.findForScreening(db, actor, id)
        return found?.profile ?? (yield* Effect.fail(notFound("person", id)))
      })

    /** The applicant's own profile, whole; none yet → NotFound. */
    const getOwn = (actor: Access.Actor): Effect.Effect<PersonRecord, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requireApplicant(actor)
        const r = yield* peopleQueries.findOwn(db, actor.accountId, false)
        if (r === undefined) return yield* Effect.fail(notFound("person", actor.accountId))
        return yield* Effect.sync(() => peopleQueries.toRecord(r.person, r.path))
      })

    /** An applicant creates their profile (one per account; one per ID number). */
    const createOwn = (
      ctx: CommandContext,
      input: OwnProfileInput,
    ): Effect.Effect<PersonRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requireApplicant(ctx.actor)
        const id = `p-${randomBytes(6).toString("hex")}`
        return yield* transaction(db, "person.createOwn", (tx) =>
          Effect.gen(function* () {
            const profile = yield* decodeInput(Person.Profile, "person", withId(input.profile, id))
            const path = yield* activeRegionPath(tx, input.regionId)
            const created = yield* one(
              "person",
              id,
              yield* peopleQueries.insert(
                tx,
                { accountId: ctx.actor.accountId, regionId: input.regionId, profile },
                path,
              ),
            )
            yield* writeAudit(tx, ctx, {
              action: "person.create_own",
              entity: "person",
              entityId: id,
              regionPath: path,
              before: null,
              after: auditView(created),
            })
            return created
          }),
        )
      })

    /** An applicant updates their profile. */
    const updateOwn = (
      ctx: CommandContext,
      input: OwnProfileInput & { readonly expectedVersion: number },
    ): Effect.Effect<PersonRecord, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requireApplicant(ctx.actor)
        return yield* transaction(db, "person.updateOwn", (tx) =>
          Effect.gen(function* () {
            const cur = yield* peopleQueries.findOwn(tx, ctx.actor.accountId, true)
            if (cur === undefined) return yield* Effect.fail(notFound("person", ctx.actor.accountId))
            if (cur.person.version !== input.expectedVersion)
              return yield* Effect.fail(
                staleVersion("person", cur.person.id, input.expectedVersion, cur.person.version),
              )
            const profile = yield* decodeInput(Person.Profile, "person", withId(input.profile, cur.person.id))
            const path = yield* activeRegionPath(tx, input.regionId)
            const updated = yield* peopleQueries.update(
              tx,
              cur.person.id,
              { regionId: input.regionId, profile },
              path,
            )
            const before = yield* Effect.sync(() => peopleQueries.toRecord(cur.person, cur.path))
            const after = yield* one("person", cur.person.id, updated)
            yield* writeAudit(tx, ctx, {
              action: "person.update_own",
              entity: "person",
              entityId: cur.person.id,
              regionPath: path,
              before: auditView(before),
              after: auditView(after),
            })
            return after
          }),
        )
      })

    return { list, get, getWhole, getForScreening, getOwn, createOwn, updateOwn } as const
  }),
}) {}
