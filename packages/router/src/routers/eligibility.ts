import { type MaskedPerson, PersonRepo, SchemeRepo } from "@cadre/db"
import { type Access, Eligibility, LocalDate, Person } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { Rejected } from "../errors.js"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { Id } from "./shared.js"

/**
 * A stored person as the kernel screens them. Rules read neither the ID number nor the phone (they read the
 * birth date, which is stored whole), so the masked record suffices and nothing unmasked is loaded for a
 * screening. The masked ID number stands in for the real one; the verdict never carries it.
 */
const screeningProfile = (m: MaskedPerson): Person.Profile => {
  const { idNumberMasked, phoneMasked: _phone, regionId: _r, regionPath: _p, version: _v, ...stored } = m
  return { ...stored, idNumber: idNumberMasked as Person.Profile["idNumber"] }
}

const loadPerson = (actor: Access.Actor, personId: string) =>
  Effect.flatMap(PersonRepo, (repo) =>
    actor.role === "applicant"
      ? // An applicant screens only themself: their own record, whatever id they sent.
        Effect.flatMap(repo.getOwn(actor), (own) =>
          own.profile.id === personId
            ? Effect.succeed(own.profile)
            : Effect.fail(
                new Rejected({
                  message: {
                    zh: "只能审查本人的资格",
                    en: "Applicants may check only their own eligibility",
                  },
                }),
              ),
        )
      : Effect.map(repo.get(actor, personId), screeningProfile),
  )

const CheckInput = Schema.Struct({
  schemeId: Id("方案编号 / scheme id"),
  /** Absent: the published version in force on the reference date. */
  version: Schema.optional(
    Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)).annotations({ title: "版本号 / version" }),
  ),
  /** A stored person in the caller's scope (applicants: themself)… */
  personId: Schema.optional(Id("人员编号 / person id")),
  /** …or a profile sent inline (nothing is stored). Exactly one of the two. */
  profile: Schema.optional(Person.Profile),
  referenceDate: LocalDate.LocalDate.annotations({ title: "计算基准日 / reference date" }),
  targetRole: Schema.optional(Schema.NonEmptyTrimmedString.annotations({ title: "报名岗位 / target role" })),
  waivers: Schema.optional(Schema.Array(Eligibility.Waiver).annotations({ title: "放宽限制 / waivers" })),
})

/** `eligibility.check`: the kernel's explained Verdict, unchanged. */
export const eligibilityRouter = router({
  check: procedure
    .permission("eligibility.check")
    .input(input(CheckInput))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          if ((i.personId === undefined) === (i.profile === undefined))
            return yield* Effect.fail(
              new Rejected({
                message: {
                  zh: "请提供人员编号（personId）或干部信息（profile）之一",
                  en: "Send exactly one of personId or profile",
                },
              }),
            )
          const repo = yield* SchemeRepo
          const record =
            i.version === undefined
              ? yield* repo.inForceOn(ctx.actor, i.schemeId, i.referenceDate)
              : yield* repo.get(ctx.actor, i.schemeId, i.version)
          const profile = i.profile ?? (yield* loadPerson(ctx.actor, i.personId ?? ""))
          return Eligibility.evaluate(record.scheme, profile, {
            referenceDate: i.referenceDate,
            targetRole: i.targetRole,
            waivers: i.waivers,
          })
        }),
      ),
    ),
})
