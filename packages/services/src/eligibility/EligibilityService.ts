import { type InvalidInput, InvalidInput as InvalidInputError, type NotFound } from "@cadre/db"
import { type Access, Eligibility, type LocalDate, type Person } from "@cadre/domain"
import { Effect } from "effect"
import { PersonService } from "../people/index.js"
import { SchemeService } from "../schemes/index.js"
import { requirePermission } from "../shared/authority.js"

/** What `eligibility.check` asks: a scheme (a version, or the one in force), and a stored person or a profile. */
export interface EligibilityQuestion {
  readonly schemeId: string
  /** Absent: the published version in force on the reference date. */
  readonly version?: number | undefined
  /** A stored person in the caller's scope (applicants: themself)… */
  readonly personId?: string | undefined
  /** …or a profile sent inline (nothing is stored). Exactly one of the two. */
  readonly profile?: Person.Profile | undefined
  readonly referenceDate: LocalDate.LocalDate
  readonly targetRole?: string | undefined
  readonly waivers?: ReadonlyArray<Eligibility.Waiver> | undefined
}

const eitherPersonOrProfile = new InvalidInputError({
  entity: "eligibility",
  issues: [
    {
      path: "personId",
      message: { zh: "请提供人员编号或干部信息之一", en: "Send exactly one of personId or profile" },
    },
  ],
  message: {
    zh: "请提供人员编号（personId）或干部信息（profile）之一",
    en: "Send exactly one of personId or profile",
  },
})

/**
 * 资格比对 outside a campaign: the kernel's explained Verdict of one person (or an inline profile) against a scheme
 * version the caller sees. A stored person's whole Profile is read within the caller's scope and stays on the
 * server; only the verdict goes back.
 */
export class EligibilityService extends Effect.Service<EligibilityService>()("cadre/EligibilityService", {
  effect: Effect.gen(function* () {
    const schemes = yield* SchemeService
    const people = yield* PersonService

    const check = (
      actor: Access.Actor,
      q: EligibilityQuestion,
    ): Effect.Effect<Eligibility.Verdict, Access.Forbidden | NotFound | InvalidInput> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "eligibility.check")
        if ((q.personId === undefined) === (q.profile === undefined))
          return yield* Effect.fail(eitherPersonOrProfile)
        const record =
          q.version === undefined
            ? yield* schemes.inForceOn(actor, q.schemeId, q.referenceDate)
            : yield* schemes.get(actor, q.schemeId, q.version)
        const profile = q.profile ?? (yield* people.getForScreening(actor, q.personId ?? ""))
        return Eligibility.evaluate(record.scheme, profile, {
          referenceDate: q.referenceDate,
          targetRole: q.targetRole,
          waivers: q.waivers,
        })
      })

    return { check } as const
  }),
  dependencies: [SchemeService.Default, PersonService.Default],
}) {}
