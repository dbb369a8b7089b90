import {
  type ApplicationRecord,
  applicationQueries,
  type CommandContext,
  type Conflict,
  campaignQueries,
  conflict,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
  type Tx,
  writeAudit,
} from "@cadre/db"
import { Access, Eligibility, type LocalDate, Pool, type Scheme, Selection } from "@cadre/domain"
import { Effect, Either } from "effect"
import type { WorkCalendar } from "../calendar/index.js"
import { recordConductInTx } from "../people/index.js"
import type { SchemeStore } from "../shared/SchemeStore.js"
import { type Locked, lockCampaign } from "./locked.js"

/**
 * The steps every move on an application takes inside its transaction: who may make it, the campaign locked, the
 * application re-read under the lock at the version the caller read, the kernel's transition, the screening
 * against the campaign's scheme version, the audit row, and the post an appointment fills or a return gives back.
 */

const MOVE_PERMISSION: Readonly<Record<Selection.MoveTag, Access.Permission>> = {
  Submit: "application.recommend",
  Screen: "application.review",
  Waive: "application.decide",
  Advance: "application.review",
  Record: "application.review",
  Return: "application.review",
  Withdraw: "application.apply",
  Reject: "application.review",
  Decide: "application.decide",
  StartNotice: "application.decide",
  FileObjection: "application.review",
  ResolveObjection: "application.decide",
  // Issue 13: a finding awaiting review is confirmed or refused by a reviewer (or the runner).
  ResolveFinding: "application.review",
  // Issue 13: the deciding body overrides a disagreeing joint-review opinion.
  OverrideOpinion: "application.decide",
  // Issue 13, "dates bite": the campaign's runner lets a late move through, with a reason.
  OverrideDeadline: "application.decide",
  Appoint: "application.decide",
  ReportIn: "application.decide",
}

/**
 * The permission a move needs (before the row's scope is looked at). A self-registration is submitted (again) by
 * the applicant, with the applicant's permission; every other submission is a recommendation.
 */
export const movePermission = (move: Selection.MoveShape): Access.Permission =>
  move._tag === "Submit" && move.channel === "self_registration"
    ? "application.apply"
    : MOVE_PERMISSION[move._tag]

const checkMovePermission = (
  actor: Access.Actor,
  move: Selection.MoveShape,
): Effect.Effect<void, Access.Forbidden> => {
  const p = movePermission(move)
  return Access.can(actor, p) ? Effect.void : Effect.fail(Access.forbidden(p, actor.role))
}

/**
 * Is the move the caller's to make? The kernel's predicate (Selection.authorise): the body the campaign's scheme
 * names for the step, within scope, and for a decision the scheme's deciding body — refused with the clause.
 */
export const authoriseMove = (
  actor: Access.Actor,
  move: Selection.MoveShape,
  locked: Locked,
  on?: {
    readonly application: Selection.Application
    readonly regionPath: string
    readonly unitIds: ReadonlyArray<string | null>
  },
): Effect.Effect<void, Selection.MoveNotYours> =>
  Either.match(
    Selection.authorise(actor, move, {
      path: locked.path,
      campaignPath: locked.campaign.regionPath,
      application:
        on === undefined
          ? undefined
          : {
              state: on.application.state,
              personId: on.application.personId,
              regionPath: on.regionPath,
              unitIds: on.unitIds,
            },
    }),
    { onLeft: (e) => Effect.fail(e), onRight: () => Effect.void },
  )

/** The kernel's transition on today's calendar; a refused move fails (and rolls back). */
export const applyMove = (
  tx: Tx,
  calendar: WorkCalendar,
  ctx: CommandContext,
  locked: Locked,
  app: Selection.Application,
  move: Selection.Move,
  on: LocalDate.LocalDate,
): Effect.Effect<Selection.Application, Selection.TransitionError> =>
  Effect.flatMap(calendar.current(tx, locked.campaign.regionPath), (built) =>
    Either.match(
      Selection.transition(app, move, {
        path: locked.path,
        campaign: locked.kernelCampaign,
        calendar: built.calendar,
        on,
        by: { accountId: ctx.actor.accountId, role: ctx.actor.role },
        deadlines: locked.deadlines,
      }),
      { onLeft: (e) => Effect.fail(e), onRight: (next) => Effect.succeed(next) },
    ),
  )

/** A submission through `channel`, with its recommendation when there is one. */
export const submitMove = (
  channel: Scheme.Channel,
  recommendation: Selection.Recommendation | undefined,
): Selection.Move => ({
  _tag: "Submit",
  channel,
  ...(recommendation === undefined ? {} : { recommendation }),
})

/** Applications are entered (and re-entered) only while the campaign is open. */
export const requireOpen = (locked: Locked): Effect.Effect<void, Conflict> =>
  locked.campaign.status === "open"
    ? Effect.void
    : Effect.fail(
        conflict("campaign", locked.campaign.id, "campaign_not_open", {
          zh: "该批次未开放报名（推荐）",
          en: "the campaign is not open for applications",
        }),
      )

/**
 * The two moves of an entry, first or again: the submission, then the screening it triggers against the
 * campaign's scheme version. Authority is the caller's to check first (a new entry has no row for begin()).
 */
export const submitAndScreen = (
  tx: Tx,
  calendar: WorkCalendar,
  ctx: CommandContext,
  locked: Locked,
  app: Selection.Application,
  submit: Selection.Move,
  targetRole: string | null,
  on: LocalDate.LocalDate,
): Effect.Effect<
  { readonly app: Selection.Application; readonly verdict: Eligibility.Verdict },
  Selection.TransitionError | NotFound
> =>
  Effect.gen(function* () {
    const submitted = yield* applyMove(tx, calendar, ctx, locked, app, submit, on)
    const verdict = yield* screen(tx, locked, app.personId, targetRole)
    const screened = yield* applyMove(tx, calendar, ctx, locked, submitted, { _tag: "Screen", verdict }, on)
    return { app: screened, verdict }
  })

/** Screen the person against the campaign's scheme version (with waivers, 放宽). */
export const screen = (
  tx: Tx,
  locked: Locked,
  personId: string,
  targetRole: string | null,
  waivers?: ReadonlyArray<Eligibility.Waiver>,
): Effect.Effect<Eligibility.Verdict, NotFound> =>
  Effect.flatMap(applicationQueries.profileOf(tx, personId), (profile) =>
    profile === undefined
      ? Effect.fail(notFound("person", personId))
      : Effect.succeed(
          Eligibility.evaluate(locked.scheme, profile, {
            // The scheme's rule when it fixes the date (issue 13), whatever the campaign stored.
            referenceDate: Selection.screeningDate(
              locked.scheme,
              locked.deadlines ?? [],
              locked.campaign.referenceDate as LocalDate.LocalDate,
            ),
            targetRole: targetRole ?? undefined,
            waivers,
          }),
        ),
  )

/** The audit row of a move: the move in full (no personal data in moves) and the resulting state. */
export const auditApp = (
  tx: Tx,
  ctx: CommandContext,
  action: string,
  locked: Locked,
  before: Selection.Application | null,
  after: Selection.Application,
  move: Selection.Move,
  extra?: Readonly<Record<string, unknown>>,
): Effect.Effect<void> =>
  writeAudit(tx, ctx, {
    action,
    entity: "application",
    entityId: after.id,
    regionPath: locked.campaign.regionPath,
    before: before === null ? null : { state: before.state },
    after: { state: after.state, campaignId: after.campaignId, move, ...extra },
  })

/**
 * Load an application visible to the caller, check the role's permission, lock its campaign, check that the move
 * is the caller's (the kernel's authority predicate), then its version.
 */
export const begin = (
  tx: Tx,
  schemes: SchemeStore,
  ctx: CommandContext,
  applicationId: string,
  expectedVersion: number,
  move: Selection.MoveShape,
): Effect.Effect<
  { readonly rec: ApplicationRecord; readonly locked: Locked; readonly app: Selection.Application },
  NotFound | StaleVersion | Access.Forbidden | Selection.MoveNotYours
> =>
  Effect.gen(function* () {
    const rec = yield* applicationQueries.findApplication(
      tx,
      applicationId,
      applicationQueries.applicationVisibleTo(ctx.actor),
    )
    if (rec === undefined) return yield* Effect.fail(notFound("application", applicationId))
    // Who may make the move is decided before anything else is looked at (a stale version included).
    yield* checkMovePermission(ctx.actor, move)
    const locked = yield* lockCampaign(tx, schemes, rec.campaignId)
    // Re-read under the lock: the version check must see the latest committed row.
    const row = yield* applicationQueries.lockApplication(tx, applicationId)
    if (row === undefined) return yield* Effect.fail(notFound("application", applicationId))
    // Whose move it is, before its version is looked at: another body learns nothing from a stale number.
    yield* authoriseMove(ctx.actor, move, locked, {
      application: row.application,
      regionPath: rec.regionPath,
      unitIds: rec.unitIds,
    })
    if (row.version !== expectedVersion)
      return yield* Effect.fail(staleVersion("application", applicationId, expectedVersion, row.version))
    return { rec, locked, app: row.application }
  })

/** An appointment takes one of the campaign's posts (when it lists any), and only a vacant one. */
export const checkAppointPost = (
  tx: Tx,
  locked: Locked,
  postId: string,
): Effect.Effect<void, Conflict | NotFound> =>
  Effect.gen(function* () {
    const listed = locked.campaign.postIds
    if (listed.length > 0 && !listed.includes(postId))
      return yield* Effect.fail(
        conflict("application", postId, "post_not_in_campaign", {
          zh: "该岗位不在本批次的选派岗位中",
          en: "the post is not one of this campaign's posts",
        }),
      )
    const p = yield* campaignQueries.lockPost(tx, postId)
    if (p === undefined) return yield* Effect.fail(notFound("post", postId))
    if (p.status !== "vacant")
      return yield* Effect.fail(
        conflict("post", postId, "post_not_vacant", {
          zh: `岗位“${p.title}”不空缺，不能任职`,
          en: `the post "${p.title}" is not vacant`,
        }),
      )
  })

/** A return to before the appointment gives the post back, unless a placement was already made on it. */
export const vacatePost = (
  tx: Tx,
  ctx: CommandContext,
  locked: Locked,
  applicationId: string,
  postId: string,
): Effect.Effect<void, Conflict> =>
  Effect.gen(function* () {
    if (yield* campaignQueries.hasPlacement(tx, applicationId))
      return yield* Effect.fail(
        conflict("application", applicationId, "already_placed", {
          zh: "已据此任职作出任职安排，不能退回；如需变更，请在在岗管理中办理调整或召回",
          en: "a placement has been made from this appointment, so it cannot be returned; adjust or recall the placement instead",
        }),
      )
    yield* campaignQueries.vacatePost(tx, postId)
    yield* writeAudit(tx, ctx, {
      action: "post.vacate",
      entity: "post",
      entityId: postId,
      regionPath: locked.campaign.regionPath,
      before: { status: "filled", applicationId },
      after: { status: "vacant", campaignId: locked.campaign.id },
    })
  })

/** An appointment fills its post. */
export const fillPost = (tx: Tx, ctx: CommandContext, locked: Locked, postId: string): Effect.Effect<void> =>
  Effect.zipRight(
    campaignQueries.fillPost(tx, postId),
    writeAudit(tx, ctx, {
      action: "post.fill",
      entity: "post",
      entityId: postId,
      regionPath: locked.campaign.regionPath,
      before: { status: "vacant" },
      after: { status: "filled", campaignId: locked.campaign.id },
    }),
  )

/**
 * The application as it stands on the day of its decision (issue 13, "facts carry their source"): the person is
 * screened again against what is on record now — a sanction or an investigation staff entered after the
 * screening, a profile corrected since — keeping the waivers granted (放宽) and the reviewers' resolutions
 * (`Selection.rescreened`), so that the kernel's Decide judges today's facts, never a stale verdict. Other moves:
 * the application unchanged.
 */
export const asOfDecision = (
  tx: Tx,
  locked: Locked,
  rec: ApplicationRecord,
  app: Selection.Application,
  move: Selection.Move,
): Effect.Effect<Selection.Application, NotFound> =>
  move._tag !== "Decide" || app.verdict === undefined
    ? Effect.succeed(app)
    : Effect.map(
        screen(
          tx,
          locked,
          app.personId,
          rec.targetRole,
          app.verdict.findings.flatMap((f) => (f.waiver === undefined ? [] : [f.waiver])),
        ),
        (fresh) => ({ ...app, verdict: Selection.rescreened(app.verdict, fresh) }),
      )

/**
 * A joint-review opinion that reports sanctions, investigations or violations (issue 13, 001 四（二）2: the
 * 纪检/公安/综治/计生 opinions reach the exclusions): each is recorded against the person with the department as
 * its source, and the application is screened again in the same transaction, keeping a reviewer's resolutions
 * (`Selection.rescreened`). Any other move: the application as the kernel left it.
 */
export const withReportedRecords = (
  tx: Tx,
  ctx: CommandContext,
  locked: Locked,
  rec: ApplicationRecord,
  move: Selection.Move,
  next: Selection.Application,
): Effect.Effect<Selection.Application, NotFound> =>
  Effect.gen(function* () {
    if (move._tag !== "Record" || move.record._tag !== "JointReview") return next
    const reporting = move.record.opinions.filter((o) => (o.records ?? []).length > 0)
    if (reporting.length === 0) return next
    const person = { id: next.personId, regionPath: locked.campaign.regionPath }
    for (const o of reporting)
      yield* recordConductInTx(tx, ctx, person, o.records ?? [], {
        source: "joint_review",
        department: o.department,
        applicationId: next.id,
      })
    const fresh = yield* screen(tx, locked, next.personId, rec.targetRole)
    return { ...next, verdict: Selection.rescreened(next.verdict, fresh) }
  })

/** A pool rule set aside at a decision, as the audit row and the answer keep it (like reserves.enter's). */
export interface PoolWaived {
  readonly ruleId: string
  readonly subject?: string | undefined
  readonly clause: string
  readonly message: { readonly zh: string; readonly en: string }
  readonly reason: string
  readonly approver: string
  readonly approvedOn: string
}

/**
 * Issue 13 item 4: an approval in a reserve-pool campaign (a scheme with a pool composition) changes the pool of
 * the nominee's community, so it passes only through Pool.gateDecision — the community's count and roles over the
 * nominees still in the running (this one included), the nominee's own age cap, the street's age structure, on the
 * campaign's reference date (the date campaigns.poolCheck uses). A failing 一般 / 原则上 rule needs a waiver on the
 * Decide move (`poolWaivers`); a waiver the screening already recorded for the nominee (放宽, the same rule and
 * clause: 001 三（4）'s age cap) counts for the nominee's own finding. Anything else is refused with PoolRefused.
 * Not a pool campaign, or not an approval: nothing to gate.
 */
export const gatePoolDecision = (
  tx: Tx,
  locked: Locked,
  rec: ApplicationRecord,
  app: Selection.Application,
  move: Selection.Move,
): Effect.Effect<ReadonlyArray<PoolWaived>, Pool.PoolRefused> =>
  Effect.gen(function* () {
    if (move._tag !== "Decide" || move.outcome !== "approved") return []
    const rules = Pool.poolRulesOf(locked.scheme)
    if (rules === undefined) return []
    const rows = yield* applicationQueries.poolNominees(tx, locked.campaign.id)
    const entryOf = (r: applicationQueries.PoolNomineeRow): Pool.PoolEntry => ({
      personId: r.personId,
      roleKey: r.targetRole ?? "",
      birthDate: r.birthDate as LocalDate.LocalDate,
      community: { id: r.regionId, name: r.regionName },
    })
    const own = rows.find((r) => r.applicationId === app.id)
    const nominee: Pool.PoolEntry =
      own === undefined
        ? {
            personId: app.personId,
            roleKey: rec.targetRole ?? "",
            birthDate: rec.person.birthDate as LocalDate.LocalDate,
            community: { id: rec.regionId, name: rec.regionId },
          }
        : entryOf(own)
    const screened: ReadonlyArray<Pool.PoolWaiver> = (app.verdict?.findings ?? []).flatMap((f) =>
      f.status === "waived" && f.waiver !== undefined ? [{ ...f.waiver, subject: app.personId }] : [],
    )
    const { gate } = Pool.gateDecision(
      rules,
      rows.map(entryOf),
      nominee,
      locked.campaign.referenceDate as LocalDate.LocalDate,
      [...(move.poolWaivers ?? []), ...screened],
    )
    if (Either.isLeft(gate)) return yield* Effect.fail(gate.left)
    return gate.right.map((w) => ({
      ruleId: w.ruleId,
      ...(w.subject === undefined ? {} : { subject: w.subject }),
      clause: w.clause,
      message: w.message,
      reason: w.waiver.reason,
      approver: w.waiver.approver,
      approvedOn: w.waiver.approvedOn,
    }))
  })
