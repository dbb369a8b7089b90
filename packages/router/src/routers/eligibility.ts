import { Eligibility, LocalDate, Person } from "@cadre/domain"
import { EligibilityService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { Id, MAX_INT4 } from "./shared.js"

const CheckInput = Schema.Struct({
  schemeId: Id("方案编号 / scheme id"),
  /** Absent: the published version in force on the reference date. */
  version: Schema.optional(
    Schema.Int.pipe(Schema.between(1, MAX_INT4)).annotations({ title: "版本号 / version" }),
  ),
  /** A stored person in the caller's scope (applicants: themself)… */
  personId: Schema.optional(Id("人员编号 / person id")),
  /** …or a profile sent inline (nothing is stored). Exactly one of the two. */
  profile: Schema.optional(Person.Profile),
  referenceDate: LocalDate.LocalDate.annotations({ title: "计算基准日 / reference date" }),
  targetRole: Schema.optional(Schema.NonEmptyTrimmedString.annotations({ title: "报名岗位 / target role" })),
  waivers: Schema.optional(Schema.Array(Eligibility.Waiver).annotations({ title: "放宽限制 / waivers" })),
})

/** `eligibility.check`: the kernel's explained Verdict, unchanged (EligibilityService). */
export const eligibilityRouter = router({
  check: procedure
    .permission("eligibility.check")
    .input(input(CheckInput))
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(EligibilityService, (r) => r.check(ctx.actor, i)))),
})
