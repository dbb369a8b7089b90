import { Person } from "@cadre/domain"
import {
  type ConductRow,
  ConductService,
  type PersonRecord,
  PersonService,
  type ProfileDraft,
  ProfileDraftService,
} from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { DraftStep, DraftValues } from "./profile-draft.js"
import { ExpectedVersion, Id, iso, PageFields, pageOut, pageRequest } from "./shared.js"

/** The profile as an applicant submits it: the kernel Profile without `id` (the server assigns it). */
export const ProfileInput = Person.Profile.from.omit("id").annotations({ title: "干部信息 / cadre profile" })

const encodeProfile = Schema.encodeSync(Person.Profile)

/** A recorded sanction, investigation or violation as answered: its source, document and recorder (issue 13). */
const conductOut = (r: ConductRow) => ({ ...r, recordedAt: iso(r.recordedAt) })

/** A saved draft as its owner reads it: the page to return to, the answers, saved when and kept until when. */
const draftOut = (d: ProfileDraft) => ({
  step: d.step,
  values: d.values as typeof DraftValues.Encoded,
  savedAt: iso(d.savedAt),
  keptUntil: iso(d.keptUntil),
})

/** A whole record for its owner: the profile in its JSON form plus storage metadata. */
const own = (r: PersonRecord) => ({
  profile: encodeProfile(r.profile),
  regionId: r.regionId,
  version: r.version,
})

const OwnInput = {
  regionId: Id("所在区域 / region"),
  profile: ProfileInput,
}

/**
 * A record as staff keep it (issue 14): where it is filed, the unit the person belongs to (their employer; null for
 * none), the kernel profile. The ID number's check character and date are checked at the field here, the birth
 * date and sex against the ID number by the service's decode (both answer BAD_REQUEST naming the field).
 */
const StaffInput = {
  regionId: Id("所在区域 / region"),
  unitId: Schema.optional(Schema.NullOr(Id("所在单位 / unit")).annotations({ title: "所在单位 / unit" })),
  profile: ProfileInput,
}

/**
 * Profiles (干部信息). Applicants create and update their own (whole); an applicant whose ID number is already on
 * record takes that record when its name, birth date and phone match (issue 14). Staff with `person.write` (the
 * org dept, a dispatching unit's admin for its own people) create and edit records; everyone with `profile.read`
 * reads those in their scope with the ID number and phone masked in SQL. The cross-checks between fields (ID
 * number ↔ birth date and sex) run in the service's decode with the full kernel Schema and come back as
 * InvalidInput naming the field (`profile.birthDate`). Every create, edit and link is a version with its source.
 */
export const profilesRouter = router({
  mine: procedure
    .permission("profile.write_own")
    .query(({ ctx }) => ctx.run(Effect.flatMap(PersonService, (r) => r.getOwn(ctx.actor))).then(own)),
  createMine: procedure
    .permission("profile.write_own")
    .input(input(Schema.Struct(OwnInput)))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(PersonService, (r) =>
            r.createOwn(ctx.cmd, { regionId: i.regionId, profile: i.profile }),
          ),
        )
        .then(own),
    ),
  updateMine: procedure
    .permission("profile.write_own")
    .input(input(Schema.Struct({ ...OwnInput, expectedVersion: ExpectedVersion })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(PersonService, (r) => r.updateOwn(ctx.cmd, i))).then(own),
    ),
  /**
   * Save and return (issue 17): the applicant's unfinished profile, or null. Kept 30 days from its last save and
   * removed when the profile is saved whole; only its owner reads it.
   */
  draftMine: procedure
    .permission("profile.write_own")
    .query(({ ctx }) =>
      ctx
        .run(Effect.flatMap(ProfileDraftService, (r) => r.mine(ctx.actor)))
        .then((d) => (d === null ? null : draftOut(d))),
    ),
  /** Save the unfinished profile as typed so far (replacing the last save), with the page to return to. */
  saveDraftMine: procedure
    .permission("profile.write_own")
    .input(input(Schema.Struct({ step: DraftStep, values: DraftValues })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ProfileDraftService, (r) => r.save(ctx.cmd, i))).then(draftOut),
    ),
  /** Discard the unfinished profile (start again from the saved record, or from nothing). */
  discardDraftMine: procedure
    .permission("profile.write_own")
    .mutation(({ ctx }) => ctx.run(Effect.flatMap(ProfileDraftService, (r) => r.discard(ctx.cmd)))),
  /**
   * Staff enter a cadre record (issue 14): the org dept within its scope, a dispatching unit's admin for its own
   * unit (the default unit). An ID number already on record is refused (CONFLICT), naming the record only in scope.
   * Answers the record masked.
   */
  create: procedure
    .permission("person.write")
    .input(input(Schema.Struct(StaffInput)))
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(PersonService, (r) => r.create(ctx.cmd, i)))),
  /**
   * Staff edit a cadre record at the version they read (a stale one: CONFLICT, nothing written); `unitId` absent
   * keeps the unit. Each edit is kept as a version (source: entered) and its audit row lists the changed fields.
   */
  update: procedure
    .permission("person.write")
    .input(
      input(
        Schema.Struct({
          id: Id("人员编号 / person id"),
          ...StaffInput,
          expectedVersion: ExpectedVersion,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) => ctx.run(Effect.flatMap(PersonService, (r) => r.update(ctx.cmd, i)))),
  /** The versions of a record in the caller's scope: who, when, from which source, what changed; newest first. */
  history: procedure
    .permission("profile.read")
    .input(input(Schema.Struct({ id: Id("人员编号 / person id") })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(PersonService, (r) => r.history(ctx.actor, i.id)))
        .then((rows) => rows.map((v) => ({ ...v, at: iso(v.at) }))),
    ),
  /**
   * One page of the people in the caller's scope (issue 19), by the date the record was entered (oldest first unless
   * `order: "desc"`), at most `limit` (≤ 200, default 50), with `nextCursor` (null on the last page). Each row
   * carries what the list shows — name, sex, birth date, ID number and phone masked, current unit and position —
   * not the whole profile. `total` counts the people passing the filter up to 10,000; past that `totalExact` is
   * false and `total` reads "more than 10,000" (a name search over a million records is not counted to the end).
   */
  list: procedure
    .permission("profile.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("所在区域 / region")),
          name: Schema.optional(
            Schema.String.pipe(Schema.maxLength(50)).annotations({ title: "姓名 / name" }),
          ),
          ...PageFields,
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(PersonService, (r) =>
            r.list(ctx.actor, filter, pageRequest({ cursor, limit, order })),
          ),
        )
        .then((page) => ({ ...pageOut(page, (p) => p), totalExact: page.exact })),
    ),
  /**
   * Staff record a sanction, an investigation or a violation against a person in their scope (issue 13: the org dept,
   * the street): kind, date, closing date for an investigation, description and the source document (文号 or title);
   * kept apart from the profile with its source (staff) and recorder, audited; the exclusion rules see it.
   */
  recordConduct: procedure
    .permission("conduct.record")
    .input(
      input(
        Schema.Struct({
          personId: Id("人员编号 / person id"),
          record: Person.ConductEntry,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ConductService, (r) => r.record(ctx.cmd, i))).then(conductOut),
    ),
  /** What staff and joint-review departments recorded against a person in the caller's scope, oldest first. */
  conduct: procedure
    .permission("profile.read")
    .input(input(Schema.Struct({ personId: Id("人员编号 / person id") })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ConductService, (r) => r.list(ctx.actor, i.personId)))
        .then((rs) => rs.map(conductOut)),
    ),
  /** One person in the caller's scope, masked. */
  get: procedure
    .permission("profile.read")
    .input(input(Schema.Struct({ id: Id("人员编号 / person id") })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PersonService, (r) => r.get(ctx.actor, i.id)))),
})
