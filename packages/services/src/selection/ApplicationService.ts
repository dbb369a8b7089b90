import {
  type ApplicationFilter,
  type ApplicationRecord,
  applicationQueries,
  type CommandContext,
  type Conflict,
  campaignQueries,
  conflict,
  Database,
  type InvalidInput,
  type NotFound,
  notFound,
  type PageKey,
  type PageRequest,
  type StaleVersion,
  transaction,
} from "@cadre/db"
import {
  Access,
  Eligibility,
  type InPost,
  type LocalDate,
  type Person,
  type Pool,
  type Scheme,
  Selection,
} from "@cadre/domain"
import { randomUUID } from "node:crypto"
import { Effect } from "effect"
import { WorkCalendar } from "../calendar/index.js"
import { requireOnePosting } from "../shared/onePosting.js"
import { requirePermission } from "../shared/authority.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import { lockCampaign, ownsCampaign, visibleCampaign } from "./locked.js"
import {
  applyMove,
  auditApp,
  authoriseMove,
  begin,
  checkAppointPost,
  fillPost,
  gatePoolDecision,
  movePermission,
  requireOpen,
  screen,
  submitAndScreen,
  submitMove,
  vacatePost,
  withReportedRecords,
  asOfDecision,
} from "./moves.js"
import { completeTasksLeftBehind } from "./taskCompletion.js"

/**
 * Applications (报名、推荐) to selection campaigns. Every move goes through the kernel's state machine
 * (Selection.transition) inside one transaction that:
 * - locks the campaign row (`FOR UPDATE`), so moves that count places or the shortlist are serialised per campaign
 *   and places can never be over-filled (a partial unique index on appointed posts backs this up);
 * - checks the application's row version (two reviewers deciding at once: one wins, the other gets StaleVersion);
 * - writes the new application and its audit row together.
 */

/** A move the API sends on an existing application (Submit and Withdraw have their own commands). */
export type ActMove = Exclude<Selection.Move, { readonly _tag: "Submit" | "Withdraw" | "Screen" | "Waive" }>

/** An application as a staff list shows it: with the moves the caller may make on it (Selection.yourMoves). */
export type ApplicationView = ApplicationRecord & { readonly yours: ReadonlyArray<Selection.MoveTag> }

/** A page of applications with the key that continues it (null on the last page) and the total. */
export interface ApplicationViewPage {
  readonly items: ReadonlyArray<ApplicationView>
  readonly next: PageKey | null
  readonly total: number
}

type MoveErr =
  | Access.Forbidden
  | NotFound
  | StaleVersion
  | Conflict
  | InvalidInput
  | Selection.TransitionError
  | Selection.MoveNotYours
  | InPost.PostingHeld
  | Pool.PoolRefused

export class ApplicationService extends Effect.Service<ApplicationService>()(
  "@cadre/services/ApplicationService",
  {
    effect: Effect.gen(function* () {
      const { db } = yield* Database
      const schemes = yield* SchemeStore
      const calendar = yield* WorkCalendar

      /** Read back an application visible to `actor` (after its own command: an applicant, a recommending unit). */
      const readBack = (id: string, actor: Access.Actor): Effect.Effect<ApplicationRecord, NotFound> =>
        Effect.flatMap(
          applicationQueries.findApplication(db, id, applicationQueries.applicationVisibleTo(actor)),
          (r) => (r === undefined ? Effect.fail(notFound("application", id)) : Effect.succeed(r)),
        )

      /** Create, submit and screen: the three moves of an entry, in one transaction. */
      const enter = (
        ctx: CommandContext,
        input: {
          readonly campaignId: string
          readonly personId: string
          readonly regionId: string
          readonly channel: Scheme.Channel
          readonly recommendation?: Selection.Recommendation | undefined
          readonly targetRole?: string | undefined
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<string, MoveErr> =>
        transaction(db, "application.submit", (tx) =>
          Effect.gen(function* () {
            const locked = yield* lockCampaign(tx, schemes, input.campaignId)
            yield* requireOpen(locked)
            const id = randomUUID()
            const fresh = Selection.newApplication({
              id,
              personId: input.personId as Person.PersonId,
              campaign: locked.kernelCampaign,
            })
            const submit = submitMove(input.channel, input.recommendation)
            // Who submits: the applicant themself, the unit the scheme names, or the runner (organisation channel).
            yield* authoriseMove(ctx.actor, submit, locked)
            const { app, verdict } = yield* submitAndScreen(
              tx,
              calendar,
              ctx,
              locked,
              fresh,
              submit,
              input.targetRole ?? null,
              input.on,
            )
            yield* applicationQueries.insertApplication(tx, {
              application: app,
              regionId: input.regionId,
              channel: input.channel,
              targetRole: input.targetRole ?? null,
              eligible: verdict.outcome !== "ineligible",
              recommendingUnitId: Access.unitOf(ctx.actor),
            })
            yield* auditApp(tx, ctx, "application.submit", locked, null, app, submit)
            return id
          }),
        )

      /** Where the caller may see the campaign, the yours-predicate of each row (the screen offers only those). */
      const viewsOf = (actor: Access.Actor, campaignId: string) =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "campaign.read")
          const campaign = yield* visibleCampaign(db, actor, campaignId)
          const path = Selection.derivePath(yield* schemes.load(campaign.schemeId, campaign.schemeVersion))
          const view = (r: ApplicationRecord): ApplicationView => ({
            ...r,
            yours: Selection.yourMoves(
              actor,
              {
                path,
                campaignPath: campaign.regionPath,
                application: {
                  state: r.application.state,
                  personId: r.application.personId,
                  regionPath: r.regionPath,
                },
              },
              campaign.decidingBody,
            ),
          })
          return { view, campaign }
        })

      /**
       * One page of a campaign's applications the caller may see, with the moves the caller may make on each and
       * the total passing the filter. Keyset-paged (see applicationQueries.pageApplications): bounded by `limit`.
       */
      const listApplications = (
        actor: Access.Actor,
        campaignId: string,
        filter: ApplicationFilter,
        page: PageRequest,
      ): Effect.Effect<ApplicationViewPage, Access.Forbidden | NotFound> =>
        Effect.gen(function* () {
          const { view, campaign } = yield* viewsOf(actor, campaignId)
          const visible = applicationQueries.applicationVisibleTo(actor)
          // Who sees the whole campaign reads the total from the kept per-state counts (a few rows); a partial view
          // (a unit's, a street's) or a filter the counts do not keep is counted.
          const kept =
            ownsCampaign(actor, campaign.regionPath) &&
            filter.eligible === undefined &&
            filter.channel === undefined
          const [found, total] = yield* Effect.all([
            applicationQueries.pageApplications(db, campaignId, visible, filter, page),
            kept
              ? Effect.map(campaignQueries.applicationStateCounts(db, campaignId), (counts) =>
                  counts
                    .filter((c) => filter.state === undefined || c.state === filter.state)
                    .reduce((n, c) => n + c.count, 0),
                )
              : applicationQueries.countApplications(db, campaignId, visible, filter),
          ])
          return { items: found.rows.map(view), next: found.next, total }
        })

      /**
       * Every application of a campaign the caller may see. Unbounded: only for the whole-campaign computations that
       * still read every row (pool check, ranking, the roster and arrangement exports — issue 19 streams them next).
       */
      const allApplications = (
        actor: Access.Actor,
        campaignId: string,
        filter: ApplicationFilter = {},
      ): Effect.Effect<ReadonlyArray<ApplicationRecord>, Access.Forbidden | NotFound> =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "campaign.read")
          yield* visibleCampaign(db, actor, campaignId)
          return yield* applicationQueries.listApplications(
            db,
            campaignId,
            applicationQueries.applicationVisibleTo(actor),
            filter,
          )
        })

      const getApplication = (
        actor: Access.Actor,
        id: string,
      ): Effect.Effect<ApplicationRecord, Access.Forbidden | NotFound> =>
        Effect.gen(function* () {
          if (actor.role !== "applicant") yield* requirePermission(actor, "campaign.read")
          return yield* readBack(id, actor)
        })

      /** The applicant's own applications. */
      const mine = (actor: Access.Actor): Effect.Effect<ReadonlyArray<ApplicationRecord>, Access.Forbidden> =>
        Effect.zipRight(
          requirePermission(actor, "application.apply"),
          applicationQueries.listVisibleApplications(db, applicationQueries.applicationVisibleTo(actor)),
        )

      /** Self-registration (applicant): created, submitted and screened in one transaction. */
      const apply = (
        ctx: CommandContext,
        input: {
          readonly campaignId: string
          readonly targetRole?: string | undefined
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<ApplicationRecord, MoveErr> =>
        Effect.gen(function* () {
          yield* requirePermission(ctx.actor, "application.apply")
          const personId = ctx.actor.scope._tag === "SelfScope" ? ctx.actor.scope.personId : null
          if (personId === null)
            return yield* Effect.fail(
              conflict("application", input.campaignId, "profile_missing", {
                zh: "请先填写个人信息，再报名",
                en: "fill in your profile before applying",
              }),
            )
          const p = yield* applicationQueries.personRegion(db, personId)
          if (p === undefined) return yield* Effect.fail(notFound("person", personId))
          // An applicant sees only campaigns open to self-registration.
          if (!(yield* campaignQueries.isOpenForSelfRegistration(db, input.campaignId)))
            return yield* Effect.fail(notFound("campaign", input.campaignId))
          const id = yield* enter(ctx, {
            campaignId: input.campaignId,
            personId,
            regionId: p.regionId,
            channel: "self_registration",
            targetRole: input.targetRole,
            on: input.on,
          })
          return yield* readBack(id, ctx.actor)
        })

      /** A unit or organisation recommends a person in the caller's scope (推荐): created, submitted and screened. */
      const recommend = (
        ctx: CommandContext,
        input: {
          readonly campaignId: string
          readonly personId: string
          readonly channel: "unit_recommendation" | "organisation_recommendation"
          readonly recommendation: Selection.Recommendation
          readonly targetRole?: string | undefined
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<ApplicationRecord, MoveErr> =>
        Effect.gen(function* () {
          yield* requirePermission(ctx.actor, "application.recommend")
          // The person must be within the recommender's scope (a unit recommends its own people).
          const p = yield* applicationQueries.personRegion(db, input.personId)
          // A unit account recommends its own people, or one with no unit on file (issue 13: another unit's
          // person is not in its sight).
          if (
            p === undefined ||
            !Access.seesRegion(ctx.actor, p.path) ||
            (p.unitId !== null && !Access.ownUnit(ctx.actor, [p.unitId]))
          )
            return yield* Effect.fail(notFound("person", input.personId))
          const c = yield* visibleCampaign(db, ctx.actor, input.campaignId)
          // The application belongs to the person's own region (a nominee's community), so the street and the
          // community see what concerns them in a campaign run above them.
          const id = yield* enter(ctx, {
            campaignId: c.id,
            personId: input.personId,
            regionId: p.regionId,
            channel: input.channel,
            recommendation: input.recommendation,
            targetRole: input.targetRole,
            on: input.on,
          })
          return yield* readBack(id, ctx.actor)
        })

      /** Any review or decision move, checked by the kernel. */
      const act = (
        ctx: CommandContext,
        input: {
          readonly applicationId: string
          readonly expectedVersion: number
          readonly move: ActMove
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<ApplicationRecord, MoveErr> =>
        Effect.gen(function* () {
          yield* requirePermission(ctx.actor, "campaign.read")
          yield* transaction(db, `application.${input.move._tag}`, (tx) =>
            Effect.gen(function* () {
              const { rec, locked, app } = yield* begin(
                tx,
                schemes,
                ctx,
                input.applicationId,
                input.expectedVersion,
                input.move,
              )
              if (input.move._tag === "Appoint") {
                yield* checkAppointPost(tx, locked, input.move.postId)
                yield* requireOnePosting(tx, app.personId, locked.scheme)
              }
              const next = yield* withReportedRecords(
                tx,
                ctx,
                locked,
                rec,
                input.move,
                yield* applyMove(
                  tx,
                  calendar,
                  ctx,
                  locked,
                  yield* asOfDecision(tx, locked, rec, app, input.move),
                  input.move,
                  input.on,
                ),
              )
              // Issue 13 item 4: an approval in a reserve-pool campaign is gated on the pool it changes.
              const poolWaived = yield* gatePoolDecision(tx, locked, rec, app, input.move)
              yield* applicationQueries.saveApplication(tx, next, input.expectedVersion)
              yield* completeTasksLeftBehind(tx, next.id, next.state, ctx.actor.accountId, input.on)
              if (input.move._tag === "Appoint") yield* fillPost(tx, ctx, locked, input.move.postId)
              // A return to before the appointment gives the post back (unless a placement was already made on it).
              if (app.postId !== undefined && next.postId === undefined)
                yield* vacatePost(tx, ctx, locked, app.id, app.postId)
              yield* auditApp(
                tx,
                ctx,
                `application.${input.move._tag}`,
                locked,
                app,
                next,
                input.move,
                poolWaived.length === 0 ? undefined : { poolWaived },
              )
            }),
          )
          return yield* readBack(input.applicationId, ctx.actor)
        })

      /**
       * 重新提交: an application returned to draft (退回) is completed and submitted again through its channel — by the
       * applicant for a self-registration, by the recommending body otherwise (a new recommendation may replace
       * the old) — and screened again against the campaign's version, in one transaction.
       */
      const resubmit = (
        ctx: CommandContext,
        input: {
          readonly applicationId: string
          readonly expectedVersion: number
          readonly recommendation?: Selection.Recommendation | undefined
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<ApplicationRecord, MoveErr> =>
        Effect.gen(function* () {
          const seen = yield* readBack(input.applicationId, ctx.actor)
          const { channel, state } = seen.application
          const recommendation = input.recommendation ?? seen.application.recommendation
          const submit = submitMove(channel ?? "organisation_recommendation", recommendation)
          // Who may submit through this channel, before anything is said about the application's state.
          yield* requirePermission(ctx.actor, movePermission(submit))
          if (state !== "draft" || channel === undefined)
            return yield* Effect.fail(
              conflict("application", input.applicationId, "not_returned", {
                zh: "只有退回至草稿的报名（推荐）才能重新提交",
                en: "only an application returned to draft can be submitted again",
              }),
            )
          yield* transaction(db, "application.resubmit", (tx) =>
            Effect.gen(function* () {
              const { rec, locked, app } = yield* begin(
                tx,
                schemes,
                ctx,
                input.applicationId,
                input.expectedVersion,
                submit,
              )
              yield* requireOpen(locked)
              const { app: next } = yield* submitAndScreen(
                tx,
                calendar,
                ctx,
                locked,
                app,
                submit,
                rec.targetRole,
                input.on,
              )
              yield* applicationQueries.saveApplication(tx, next, input.expectedVersion)
              yield* auditApp(tx, ctx, "application.resubmit", locked, app, next, submit)
            }),
          )
          return yield* readBack(input.applicationId, ctx.actor)
        })

      /** Screen again against the campaign's version (after a profile correction), optionally with waivers (放宽). */
      const rescreen = (
        ctx: CommandContext,
        input: {
          readonly applicationId: string
          readonly expectedVersion: number
          readonly waivers?: ReadonlyArray<Eligibility.Waiver> | undefined
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<ApplicationRecord, MoveErr> =>
        Effect.gen(function* () {
          const waiving = input.waivers !== undefined && input.waivers.length > 0
          yield* requirePermission(ctx.actor, movePermission({ _tag: waiving ? "Waive" : "Screen" }))
          yield* transaction(db, "application.rescreen", (tx) =>
            Effect.gen(function* () {
              const { rec, locked, app } = yield* begin(
                tx,
                schemes,
                ctx,
                input.applicationId,
                input.expectedVersion,
                { _tag: waiving ? "Waive" : "Screen" },
              )
              const verdict = yield* screen(tx, locked, app.personId, rec.targetRole, input.waivers)
              const move: Selection.Move = waiving ? { _tag: "Waive", verdict } : { _tag: "Screen", verdict }
              const next = yield* applyMove(tx, calendar, ctx, locked, app, move, input.on)
              yield* applicationQueries.saveApplication(tx, next, input.expectedVersion)
              yield* auditApp(
                tx,
                ctx,
                waiving ? "application.Waive" : "application.Screen",
                locked,
                app,
                next,
                move,
              )
            }),
          )
          return yield* readBack(input.applicationId, ctx.actor)
        })

      /** 撤回 by the applicant before the decision. */
      const withdraw = (
        ctx: CommandContext,
        input: {
          readonly applicationId: string
          readonly expectedVersion: number
          readonly reason?: string | undefined
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<ApplicationRecord, MoveErr> =>
        Effect.gen(function* () {
          yield* requirePermission(ctx.actor, "application.apply")
          yield* transaction(db, "application.withdraw", (tx) =>
            Effect.gen(function* () {
              const move: Selection.Move = {
                _tag: "Withdraw",
                ...(input.reason === undefined ? {} : { reason: input.reason }),
              }
              const { locked, app } = yield* begin(
                tx,
                schemes,
                ctx,
                input.applicationId,
                input.expectedVersion,
                move,
              )
              const next = yield* applyMove(tx, calendar, ctx, locked, app, move, input.on)
              yield* applicationQueries.saveApplication(tx, next, input.expectedVersion)
              yield* auditApp(tx, ctx, "application.Withdraw", locked, app, next, move)
            }),
          )
          return yield* readBack(input.applicationId, ctx.actor)
        })

      /**
       * The whole kernel Profile behind a visible application, for server-side rendering (registration form).
       * Never return it from a procedure as is: mask what the caller need not see.
       */
      const profileOf = (
        actor: Access.Actor,
        applicationId: string,
      ): Effect.Effect<
        { readonly record: ApplicationRecord; readonly profile: Person.Profile },
        Access.Forbidden | NotFound
      > =>
        Effect.gen(function* () {
          if (actor.role !== "applicant") yield* requirePermission(actor, "campaign.read")
          const record = yield* readBack(applicationId, actor)
          const profile = yield* applicationQueries.profileOf(db, record.application.personId)
          if (profile === undefined)
            return yield* Effect.fail(notFound("person", record.application.personId))
          return { record, profile }
        })

      /** Verdicts of a campaign's applications under another (e.g. draft) scheme version: nothing is written. */
      const screenAgainst = (
        actor: Access.Actor,
        input: { readonly campaignId: string; readonly scheme: Scheme.Scheme },
      ): Effect.Effect<
        ReadonlyArray<{ readonly record: ApplicationRecord; readonly verdict: Eligibility.Verdict }>,
        Access.Forbidden | NotFound
      > =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "campaign.read")
          yield* requirePermission(actor, "eligibility.check")
          const campaign = yield* visibleCampaign(db, actor, input.campaignId)
          const records = yield* applicationQueries.campaignApplications(
            db,
            campaign.id,
            applicationQueries.applicationVisibleTo(actor),
          )
          const profiles = yield* applicationQueries.profilesOf(
            db,
            records.map((r) => r.application.personId),
          )
          const run = Eligibility.compile(input.scheme)
          const out: Array<{ record: ApplicationRecord; verdict: Eligibility.Verdict }> = []
          for (const record of records) {
            const profile = profiles.get(record.application.personId)
            if (profile === undefined) continue
            out.push({
              record,
              verdict: run(profile, {
                referenceDate: campaign.referenceDate as LocalDate.LocalDate,
                targetRole: record.targetRole ?? undefined,
              }),
            })
          }
          return out
        })

      return {
        listApplications,
        allApplications,
        getApplication,
        mine,
        apply,
        recommend,
        act,
        rescreen,
        resubmit,
        withdraw,
        profileOf,
        screenAgainst,
      } as const
    }),
    dependencies: [SchemeStore.Default, WorkCalendar.Default],
  },
) {}
