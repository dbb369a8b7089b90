import { Eligibility, Scheme, Selection } from "@cadre/domain"
import { ApplicationService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { Rejected } from "../errors.js"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import {
  ApplicationId,
  applicationOut,
  applicationRowOut,
  CampaignId,
  myApplicationOut,
} from "./selection-shared.js"
import { ExpectedVersion, Id, PageFields, pageOut, pageRequest } from "./shared.js"

/**
 * Applications (报名、推荐) to selection campaigns. Every move is the kernel's (Selection.transition), run by the
 * service in one locked transaction; the router decodes inputs, supplies today's date, and shapes outputs
 * (personal data masked; the applicant's own view carries the reasons with clauses).
 */

const MoveInput = Schema.Struct({
  applicationId: ApplicationId,
  expectedVersion: ExpectedVersion,
  move: Selection.Move,
})

const RecommendInput = Schema.Struct({
  campaignId: CampaignId,
  personId: Id("人员编号 / person id"),
  channel: Schema.Literal("unit_recommendation", "organisation_recommendation").annotations({
    title: "推荐渠道 / channel",
  }),
  recommendation: Selection.Recommendation,
  targetRole: Schema.optional(Schema.NonEmptyTrimmedString.annotations({ title: "拟任角色 / target role" })),
})

export const applicationsRouter = router({
  /**
   * One page of a campaign's applications (oldest first unless `order: "desc"`), at most `limit` (≤ 200, default
   * 50), with `nextCursor` to continue (null on the last page) and the `total` passing the filter. Each row carries
   * the moves the caller may make on it (`yours`).
   */
  list: procedure
    .permission("campaign.read")
    .input(
      input(
        Schema.Struct({
          campaignId: CampaignId,
          state: Schema.optional(Selection.State),
          eligible: Schema.optional(Schema.Boolean),
          channel: Schema.optional(Scheme.Channel),
          ...PageFields,
        }),
      ),
    )
    .query(({ ctx, input: { campaignId, cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(ApplicationService, (r) =>
            r.listApplications(ctx.actor, campaignId, filter, pageRequest({ cursor, limit, order })),
          ),
        )
        .then((page) => pageOut(page, applicationRowOut)),
    ),

  get: procedure
    .authenticated()
    .input(input(Schema.Struct({ id: ApplicationId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.getApplication(ctx.actor, i.id)))
        .then(applicationOut),
    ),

  /** The applicant's own applications: stage, and when refused the reasons with clauses. */
  mine: procedure
    .permission("application.apply")
    .query(({ ctx }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.mine(ctx.actor)))
        .then((rows) => rows.map(myApplicationOut)),
    ),

  /** Self-registration (个人报名) into an open campaign; screened at once against the campaign's version. */
  register: procedure
    .permission("application.apply")
    .input(
      input(
        Schema.Struct({
          campaignId: CampaignId,
          targetRole: Schema.optional(
            Schema.NonEmptyTrimmedString.annotations({ title: "报名岗位 / target role" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.apply(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(myApplicationOut),
    ),

  /** Unit or organisation recommendation (推荐), with the meeting that approved it and its date. */
  recommend: procedure
    .permission("application.recommend")
    .input(input(RecommendInput))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.recommend(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /**
   * Act on an application: Advance, Record, Return (退回), Reject, Decide, StartNotice, FileObjection,
   * ResolveObjection, Appoint, ReportIn. The kernel checks the move; an illegal one changes nothing.
   */
  act: procedure
    .permission("campaign.read")
    .input(input(MoveInput))
    .mutation(({ ctx, input: i }) => {
      const m = i.move
      if (m._tag === "Submit" || m._tag === "Withdraw" || m._tag === "Screen" || m._tag === "Waive")
        return ctx
          .run(
            Effect.fail(
              new Rejected({
                message: {
                  zh: "提交、撤回、资格比对和放宽限制请使用各自的操作",
                  en: "Submit, Withdraw, Screen and Waive have their own procedures",
                },
              }),
            ),
          )
          .then(() => undefined as never)
      return ctx
        .run(
          Effect.flatMap(ApplicationService, (r) =>
            r.act(ctx.cmd, {
              applicationId: i.applicationId,
              expectedVersion: i.expectedVersion,
              move: m,
              on: todayOf(ctx),
            }),
          ),
        )
        .then(applicationOut)
    }),

  /**
   * 逾期补办 (issue 13, "dates bite"): the body running the campaign lets this application make a stage's move after
   * the stage's deadline, with its reason (recorded on the application and in the audit log with who and when).
   * Without it a late move is refused (IllegalMove past_deadline). Selection.authorise: the runner only.
   */
  overrideDeadline: procedure
    .permission("application.decide")
    .input(
      input(
        Schema.Struct({
          applicationId: ApplicationId,
          expectedVersion: ExpectedVersion,
          stageId: Schema.NonEmptyTrimmedString.annotations({ title: "环节 / stage" }),
          reason: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(500)).annotations({
            title: "逾期补办理由 / reason",
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(ApplicationService, (r) =>
            r.act(ctx.cmd, {
              applicationId: i.applicationId,
              expectedVersion: i.expectedVersion,
              move: { _tag: "OverrideDeadline", stageId: i.stageId, reason: i.reason },
              on: todayOf(ctx),
            }),
          ),
        )
        .then(applicationOut),
    ),

  /** Screen again against the campaign's version (after the profile was corrected). */
  rescreen: procedure
    .permission("application.review")
    .input(input(Schema.Struct({ applicationId: ApplicationId, expectedVersion: ExpectedVersion })))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.rescreen(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /** 放宽限制: re-screen with waivers the scheme allows; refused waivers are reported in the verdict. */
  waive: procedure
    .permission("application.decide")
    .input(
      input(
        Schema.Struct({
          applicationId: ApplicationId,
          expectedVersion: ExpectedVersion,
          waivers: Schema.NonEmptyArray(Eligibility.Waiver).annotations({ title: "放宽限制 / waivers" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.rescreen(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /**
   * 重新提交 an application returned to draft, screened again. Signed in: the service requires the applicant's
   * application.apply for a self-registration (their own), application.recommend for a recommendation, and the
   * body the scheme names for the submission (Selection.authorise).
   */
  resubmit: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          applicationId: ApplicationId,
          expectedVersion: ExpectedVersion,
          recommendation: Schema.optional(Selection.Recommendation),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.resubmit(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),

  /** 撤回 by the applicant, before the decision. */
  withdraw: procedure
    .permission("application.apply")
    .input(
      input(
        Schema.Struct({
          applicationId: ApplicationId,
          expectedVersion: ExpectedVersion,
          reason: Schema.optional(
            Schema.String.pipe(Schema.maxLength(500)).annotations({ title: "理由 / reason" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ApplicationService, (r) => r.withdraw(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(applicationOut),
    ),
})
