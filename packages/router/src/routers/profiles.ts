import { Person } from "@cadre/domain"
import { type PersonRecord, PersonService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { ExpectedVersion, Id } from "./shared.js"

/** The profile as an applicant submits it: the kernel Profile without `id` (the server assigns it). */
export const ProfileInput = Person.Profile.from.omit("id").annotations({ title: "干部信息 / cadre profile" })

const encodeProfile = Schema.encodeSync(Person.Profile)

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
 * Profiles (干部信息). Applicants create and update their own (whole); staff read those in their scope with the
 * ID number and phone masked in SQL. The cross-checks between fields (ID number ↔ birth date and sex) run in
 * the repository's decode with the full kernel Schema and come back as InvalidInput naming the field.
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
  /** People in the caller's scope, masked. */
  list: procedure
    .permission("profile.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("所在区域 / region")),
          name: Schema.optional(
            Schema.String.pipe(Schema.maxLength(50)).annotations({ title: "姓名 / name" }),
          ),
          limit: Schema.optional(
            Schema.Int.pipe(Schema.between(1, 500)).annotations({ title: "条数 / limit" }),
          ),
          offset: Schema.optional(Schema.NonNegativeInt.annotations({ title: "起始位置 / offset" })),
        }),
      ),
    )
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PersonService, (r) => r.list(ctx.actor, i)))),
  /** One person in the caller's scope, masked. */
  get: procedure
    .permission("profile.read")
    .input(input(Schema.Struct({ id: Id("人员编号 / person id") })))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(PersonService, (r) => r.get(ctx.actor, i.id)))),
})
