import { randomBytes } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  decodeInput,
  draftQueries,
  InvalidInput,
  type MaskedPerson,
  type NotFound,
  notFound,
  one,
  type PageKey,
  type PageRequest,
  type PersonLine,
  type PersonListFilter,
  type PersonRecord,
  type PersonVersionRow,
  peopleQueries,
  regionQueries,
  type StaleVersion,
  staleVersion,
  transaction,
  type Tx,
  unitQueries,
  WHOLE_PROFILE_ROLES,
  writeAudit,
} from "@cadre/db"
import { Access, Person } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

/** One page of people (issue 19): lean rows, the next page's key, the total (up to COUNT_CAP: `exact` says). */
export interface PersonPage {
  readonly items: ReadonlyArray<PersonLine>
  readonly next: PageKey | null
  readonly total: number
  readonly exact: boolean
}

export interface OwnProfileInput {
  /** Where the applicant lives or works: the region whose staff will read the profile. */
  readonly regionId: string
  /** The profile in its encoded (JSON) form, without `id` (assigned here). Decoded with Person.Profile. */
  readonly profile: unknown
}

/** A record as staff enter or edit it (issue 14): where it is filed, the unit it belongs to, the profile. */
export interface StaffProfileInput {
  /** The region whose scope reads the record. */
  readonly regionId: string
  /**
   * The unit the person belongs to (their employer). Absent on create: none, or the caller's own unit for a unit's
   * admin; absent on update: unchanged. Null: no unit (the org dept only).
   */
  readonly unitId?: string | null | undefined
  /** The profile in its encoded (JSON) form, without `id`. Decoded with Person.Profile. */
  readonly profile: unknown
}

/** What the audit log keeps of a person: never the whole ID number or phone. */
const auditView = (r: PersonRecord) => ({
  id: r.profile.id,
  name: r.profile.name,
  regionId: r.regionId,
  unitId: r.unitId,
  idNumber: Person.maskIdNumber(r.profile.idNumber),
  ...(r.profile.phone === undefined ? {} : { phone: Person.maskPhone(r.profile.phone) }),
  version: r.version,
})

const requireApplicant = (actor: Access.Actor): Effect.Effect<void, Access.Forbidden> =>
  Effect.zipRight(
    requirePermission(actor, "profile.write_own"),
    actor.role === "applicant" ? Effect.void : Effect.fail(Access.forbidden("profile.write_own", actor.role)),
  )

/**
 * Decode a profile as sent (with its id) through the kernel's Profile; the issues name their field under
 * `profile` (as the procedures take it), e.g. `profile.birthDate` for a birth date that contradicts the ID number.
 */
const decodeProfile = (encoded: unknown): Effect.Effect<Person.Profile, InvalidInput> =>
  Effect.mapError(
    decodeInput(Person.Profile, "person", encoded),
    (e) =>
      new InvalidInput({
        entity: e.entity,
        message: e.message,
        issues: e.issues.map((i) => ({ ...i, path: i.path === "" ? "profile" : `profile.${i.path}` })),
      }),
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

    /** A staff-entered record whose ID number is already on file: says so, naming the record only in scope. */
    const duplicateIdNumber = (actor: Access.Actor, existing: { id: string; path: string }): Conflict =>
      Access.seesRegion(actor, existing.path)
        ? conflict("person", existing.id, "id_number_on_record", {
            zh: `该身份证号已有人员记录（人员编号 ${existing.id}），请修改该记录，不要重复录入`,
            en: `a person record with this ID number already exists (person ${existing.id}); edit that record instead of entering it again`,
          })
        : conflict("person", "", "id_number_on_record", {
            zh: "该身份证号已有人员记录（不在您的管辖范围内），请联系上级组织部门",
            en: "a person record with this ID number already exists outside your scope; contact the org dept above you",
          })

    /**
     * Where a staff-kept record may be filed: an active region the actor sees (else NotFound) and a unit the actor
     * sees (else NotFound); then the kernel's `writesPerson` (else Forbidden: a unit's admin, another unit).
     */
    const placeFor = (
      tx: Tx,
      actor: Access.Actor,
      regionId: string,
      unitId: string | null,
    ): Effect.Effect<string, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        const path = yield* regionQueries.activePath(tx, regionId)
        if (path === undefined || !Access.seesRegion(actor, path))
          return yield* Effect.fail(notFound("region", regionId))
        if (unitId !== null && (yield* unitQueries.get(tx, actor, unitId)) === undefined)
          return yield* Effect.fail(notFound("unit", unitId))
        if (!Access.writesPerson(actor, { regionPath: path, unitId }))
          return yield* Effect.fail(Access.forbidden("person.write", actor.role))
        return path
      })

    /** The path of the active region a profile is filed under, or NotFound. */
    const activeRegionPath = (tx: Tx, id: string) =>
      Effect.flatMap(regionQueries.activePath(tx, id), (path) =>
        path === undefined ? Effect.fail(notFound("region", id)) : Effect.succeed(path),
      )

    /** People within the actor's scope, masked. */
    /** One page of the people in the actor's scope passing the filter (issue 19), with the total (capped). */
    const list = (
      actor: Access.Actor,
      filter: PersonListFilter,
      page: PageRequest,
    ): Effect.Effect<PersonPage, Access.Forbidden> =>
      Effect.zipRight(
        requirePermission(actor, "profile.read"),
        Effect.map(
          Effect.all([
            peopleQueries.pagePeople(db, actor, filter, page),
            peopleQueries.countPeople(db, actor, filter),
          ]),
          ([found, counted]) => ({ items: found.rows, next: found.next, ...counted }),
        ),
      )

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

    /**
     * An applicant creates their profile (one per account; one per ID number). When a record with their ID number
     * is already on file (entered by staff, or imported) and no account holds it, it becomes theirs — provided the
     * name, birth date and phone on file match what they give (`Person.linkMismatches`); otherwise they are told
     * to contact their org dept, and nothing of the record is shown. The record on file is kept as it is.
     */
    const createOwn = (
      ctx: CommandContext,
      input: OwnProfileInput,
    ): Effect.Effect<PersonRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requireApplicant(ctx.actor)
        const id = `p-${randomBytes(6).toString("hex")}`
        return yield* transaction(db, "person.createOwn", (tx) =>
          Effect.gen(function* () {
            // The applicant's word is a claim (issue 13): attestations are stored as their own, never a reviewer's.
            const profile = Person.asClaims(yield* decodeProfile(withId(input.profile, id)))
            const path = yield* activeRegionPath(tx, input.regionId)
            const onFile = yield* peopleQueries.findByIdNumber(tx, profile.idNumber, true)
            // Saved whole (created or linked): the unfinished copy (save and return, issue 17) has done its work.
            yield* draftQueries.remove(tx, ctx.actor.accountId)
            if (onFile !== undefined) return yield* linkOwn(tx, ctx, onFile, profile)
            const created = yield* one(
              "person",
              id,
              yield* peopleQueries.insert(
                tx,
                { accountId: ctx.actor.accountId, regionId: input.regionId, profile },
                path,
              ),
            )
            yield* peopleQueries.insertVersion(tx, created, {
              source: "self_declared",
              actor: ctx.actor,
              changed: [],
            })
            yield* writeAudit(tx, ctx, {
              action: "person.create_own",
              entity: "person",
              entityId: id,
              regionPath: path,
              before: null,
              after: { ...auditView(created), source: "self_declared" },
            })
            return created
          }),
        )
      })

    /** The record on file under the applicant's ID number becomes theirs, if it is free and the details match. */
    const linkOwn = (
      tx: Tx,
      ctx: CommandContext,
      onFile: { readonly person: peopleQueries.PersonRow; readonly path: string },
      claim: Person.Profile,
    ): Effect.Effect<PersonRecord, NotFound | Conflict> =>
      Effect.gen(function* () {
        const record = yield* Effect.sync(() => peopleQueries.toRecord(onFile.person, onFile.path))
        const refused = conflict("person", "", "link_refused", Person.LINK_REFUSED)
        if (record.accountId === ctx.actor.accountId)
          return yield* Effect.fail(
            conflict("person", record.profile.id, "duplicate", {
              zh: "该账号已填写过人员信息",
              en: "this account already has a profile",
            }),
          )
        if (record.accountId !== null) return yield* Effect.fail(refused)
        const mismatches = Person.linkMismatches(record.profile, claim)
        if (mismatches.length > 0) {
          return yield* Effect.fail(refused)
        }
        const linked = yield* one(
          "person",
          record.profile.id,
          yield* peopleQueries.linkAccount(tx, record.profile.id, ctx.actor.accountId, onFile.path),
        )
        yield* peopleQueries.insertVersion(tx, linked, {
          source: "self_declared",
          actor: ctx.actor,
          changed: ["accountId"],
        })
        yield* writeAudit(tx, ctx, {
          action: "person.link_own",
          entity: "person",
          entityId: record.profile.id,
          regionPath: onFile.path,
          before: auditView(record),
          after: {
            ...auditView(linked),
            source: "self_declared",
            verifiedBy:
              record.profile.phone === undefined ? ["name", "birthDate"] : ["name", "birthDate", "phone"],
          },
        })
        return linked
      })

    /** Staff enter a cadre record (issue 14): the org dept within its scope, a unit's admin for its own unit. */
    const create = (
      ctx: CommandContext,
      input: StaffProfileInput,
    ): Effect.Effect<MaskedPerson, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        const { actor } = ctx
        yield* requirePermission(actor, "person.write")
        const id = `p-${randomBytes(6).toString("hex")}`
        return yield* transaction(db, "person.create", (tx) =>
          Effect.gen(function* () {
            const unitId =
              input.unitId !== undefined
                ? input.unitId
                : actor.scope._tag === "UnitScope"
                  ? actor.scope.unitId
                  : null
            const path = yield* placeFor(tx, actor, input.regionId, unitId)
            const profile = yield* decodeProfile(withId(input.profile, id))
            const onFile = yield* peopleQueries.findByIdNumber(tx, profile.idNumber, false)
            if (onFile !== undefined)
              return yield* Effect.fail(duplicateIdNumber(actor, { id: onFile.person.id, path: onFile.path }))
            const created = yield* one(
              "person",
              id,
              yield* peopleQueries.insert(
                tx,
                { accountId: null, regionId: input.regionId, unitId, profile },
                path,
              ),
            )
            yield* peopleQueries.insertVersion(tx, created, { source: "entered", actor, changed: [] })
            yield* writeAudit(tx, ctx, {
              action: "person.create",
              entity: "person",
              entityId: id,
              regionPath: path,
              before: null,
              after: { ...auditView(created), source: "entered" },
            })
            return yield* maskedInTx(tx, actor, id)
          }),
        )
      })

    /**
     * Staff edit a cadre record (issue 14), at the version they read: out of scope is NotFound, in sight but not
     * theirs (another unit's) Forbidden, a stale version StaleVersion (nothing written). The version is kept with
     * its source and the audit row lists the fields the edit changed.
     */
    const update = (
      ctx: CommandContext,
      input: StaffProfileInput & { readonly id: string; readonly expectedVersion: number },
    ): Effect.Effect<MaskedPerson, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        const { actor } = ctx
        yield* requirePermission(actor, "person.write")
        return yield* transaction(db, "person.update", (tx) =>
          Effect.gen(function* () {
            const cur = yield* peopleQueries.lockVisible(tx, actor, input.id)
            if (cur === undefined) return yield* Effect.fail(notFound("person", input.id))
            if (!Access.writesPerson(actor, { regionPath: cur.path, unitId: cur.person.unitId }))
              return yield* Effect.fail(Access.forbidden("person.write", actor.role))
            if (cur.person.version !== input.expectedVersion)
              return yield* Effect.fail(
                staleVersion("person", cur.person.id, input.expectedVersion, cur.person.version),
              )
            const unitId = input.unitId === undefined ? cur.person.unitId : input.unitId
            const path = yield* placeFor(tx, actor, input.regionId, unitId)
            const profile = yield* decodeProfile(withId(input.profile, cur.person.id))
            const before = yield* Effect.sync(() => peopleQueries.toRecord(cur.person, cur.path))
            const after = yield* one(
              "person",
              cur.person.id,
              yield* peopleQueries.update(
                tx,
                cur.person.id,
                { regionId: input.regionId, unitId, profile },
                path,
              ),
            )
            const changed = [
              ...Person.changedFields(before.profile, after.profile),
              ...(before.regionId === after.regionId ? [] : ["regionId"]),
              ...(before.unitId === after.unitId ? [] : ["unitId"]),
            ]
            yield* peopleQueries.insertVersion(tx, after, { source: "entered", actor, changed })
            yield* writeAudit(tx, ctx, {
              action: "person.update",
              entity: "person",
              entityId: cur.person.id,
              regionPath: path,
              before: auditView(before),
              after: { ...auditView(after), source: "entered", changed },
            })
            return yield* maskedInTx(tx, actor, cur.person.id)
          }),
        )
      })

    /** The versions of a record in the actor's scope (who, when, source, what changed), newest first. */
    const history = (
      actor: Access.Actor,
      id: string,
    ): Effect.Effect<ReadonlyArray<PersonVersionRow>, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "profile.read")
        if ((yield* peopleQueries.getMasked(db, actor, id)) === undefined)
          return yield* Effect.fail(notFound("person", id))
        return yield* peopleQueries.versions(db, id)
      })

    /** The masked record just written, read in the command's transaction. */
    const maskedInTx = (tx: Tx, actor: Access.Actor, id: string): Effect.Effect<MaskedPerson, NotFound> =>
      Effect.flatMap(peopleQueries.getMasked(tx, actor, id), (m) =>
        m === undefined ? Effect.fail(notFound("person", id)) : Effect.succeed(m),
      )

    /**
     * An applicant updates their profile. On a record staff keep (entered or imported, then linked), the conduct
     * records and reviewers' attestations on file stay whatever is sent; the attestations sent are the applicant's
     * claims (issue 13), never a reviewer's.
     */
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
            const declared = yield* decodeProfile(withId(input.profile, cur.person.id))
            const path = yield* activeRegionPath(tx, input.regionId)
            const before = yield* Effect.sync(() => peopleQueries.toRecord(cur.person, cur.path))
            // A record staff keep (entered, imported, then linked): its conduct records and reviewers'
            // attestations are not the person's to remove (Person.keepStaffHeld).
            const profile = (yield* peopleQueries.staffKept(tx, cur.person.id))
              ? Person.keepStaffHeld(before.profile, declared)
              : Person.asClaims(declared)
            const updated = yield* peopleQueries.update(
              tx,
              cur.person.id,
              { regionId: input.regionId, profile },
              path,
            )
            const after = yield* one("person", cur.person.id, updated)
            const changed = [
              ...Person.changedFields(before.profile, after.profile),
              ...(before.regionId === after.regionId ? [] : ["regionId"]),
            ]
            yield* peopleQueries.insertVersion(tx, after, {
              source: "self_declared",
              actor: ctx.actor,
              changed,
            })
            yield* draftQueries.remove(tx, ctx.actor.accountId)
            yield* writeAudit(tx, ctx, {
              action: "person.update_own",
              entity: "person",
              entityId: cur.person.id,
              regionPath: path,
              before: auditView(before),
              after: { ...auditView(after), source: "self_declared", changed },
            })
            return after
          }),
        )
      })

    return {
      list,
      get,
      getWhole,
      getForScreening,
      getOwn,
      createOwn,
      updateOwn,
      create,
      update,
      history,
    } as const
  }),
}) {}
