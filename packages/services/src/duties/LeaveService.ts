import { randomUUID } from "node:crypto"
import {
  type CappedCount,
  type CommandContext,
  type Conflict,
  Database,
  dutyQueries,
  type InvalidInput,
  type LeaveListRecord,
  type NotFound,
  notFound,
  type Page,
  type PageRequest,
  placementQueries,
  type StaleVersion,
  type Tx,
  transaction,
  writeAudit,
} from "@cadre/db"
import { type Access, InPost, type LocalDate, type Scheme, type Text } from "@cadre/domain"
import { Effect } from "effect"
import { WorkCalendar } from "../calendar/index.js"
import { requirePermission } from "../shared/authority.js"
import { requireOwnOrManage, requireServing } from "../shared/inpost.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import { type PlacementRecord, requireRead, requireWrite, t, visiblePlacement } from "./access.js"

/**
 * Leave (请销假) during the term, routed by the scheme's tiers (004 晋城 管理考核 一是), and unauthorised absences
 * (擅自离岗), recorded by a managing body or left by a late return. The kernel (InPost) routes and checks; here
 * they are stored, scoped and audited.
 */

export type LeaveRecord = dutyQueries.LeaveRecord

type Err<E> = E | Access.Forbidden
type CmdErr = Err<
  | NotFound
  | StaleVersion
  | Conflict
  | InvalidInput
  | InPost.IllegalLeaveMove
  | InPost.ArchiveRefused
  | Scheme.NoVersionInForce
>

interface LeaveDays {
  readonly placementId: string
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
  readonly startsAfternoon?: boolean | undefined
  readonly endsMorning?: boolean | undefined
  readonly on: LocalDate.LocalDate
}

export class LeaveService extends Effect.Service<LeaveService>()("@cadre/services/LeaveService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const schemes = yield* SchemeStore
    const calendar = yield* WorkCalendar

    /** Store an absence (擅自离岗, or the days over a leave) with its audit row, in the caller's transaction. */
    const insertAbsence = (
      tx: Tx,
      ctx: CommandContext,
      a: InPost.Absence,
      regionPath: string,
      extra: Readonly<Record<string, string>> = {},
    ) =>
      Effect.gen(function* () {
        yield* dutyQueries.insertAbsence(tx, a)
        yield* writeAudit(tx, ctx, {
          action: "leave.absence",
          entity: "placement",
          entityId: a.placementId,
          regionPath,
          before: null,
          after: { absence: a.id, kind: a.kind, halfDays: a.halfDays, from: a.from, to: a.to, ...extra },
        })
      })

    /**
     * A leave request for `rec` as the kernel routes it under the scheme version in force on its first day, after the checks
     * every request passes (own placement or managing body, serving); refusals fail the transaction.
     */
    const leaveFor = (
      tx: Tx,
      actor: Access.Actor,
      rec: PlacementRecord,
      input: Omit<LeaveDays, "placementId"> & { readonly reason: string },
      id: string,
    ) =>
      Effect.gen(function* () {
        yield* requireOwnOrManage(actor, rec)
        yield* requireServing(rec, t("请假", "request leave"))
        // Issue 13: the version in force on the leave's first day routes it and counts its days.
        const { scheme, governing } = yield* schemes.inForce(
          {
            schemeId: rec.placement.schemeId,
            placedUnder: rec.placement.schemeVersion,
            date: input.from,
            field: "from",
          },
          tx,
        )
        // Working days count on the region's calendar (issue 13: one stated rule per scheme, calendar or working).
        const built =
          InPost.leaveDayCountOf(scheme) === "working"
            ? yield* calendar.current(tx, rec.regionPath)
            : undefined
        const leave = yield* InPost.requestLeave(
          {
            id,
            placementId: rec.placement.id,
            personId: rec.placement.personId,
            from: input.from,
            to: input.to,
            ...(input.startsAfternoon === undefined ? {} : { startsAfternoon: input.startsAfternoon }),
            ...(input.endsMorning === undefined ? {} : { endsMorning: input.endsMorning }),
            reason: input.reason,
          },
          scheme,
          input.on,
          built?.calendar,
        )
        return { leave, governing }
      })

    const leaveAfterCommit = (actor: Access.Actor, id: string): Effect.Effect<LeaveRecord, NotFound> =>
      Effect.flatMap(dutyQueries.readLeave(db, actor, id), (r) =>
        r === undefined ? Effect.fail(notFound("leave", id)) : Effect.succeed(r),
      )

    /**
     * Where a leave request would go, without making it: the days counted and the approver the scheme's tiers
     * name, with the clause; refused as the request itself would be (not serving, dates the wrong way round…).
     */
    const previewLeave = (
      actor: Access.Actor,
      input: LeaveDays,
    ): Effect.Effect<
      {
        readonly halfDays: number
        readonly approver: InPost.LeaveRequest["route"]["approver"]
        readonly route: Text
      },
      CmdErr
    > =>
      Effect.gen(function* () {
        // Whoever may ask for this leave may preview it; nobody else.
        yield* requireWrite(actor)
        return yield* transaction(db, "leave.preview", (tx) =>
          Effect.gen(function* () {
            // Read, not locked: nothing is written.
            const rec = yield* placementQueries.readPlacement(tx, actor, input.placementId)
            if (rec === undefined) return yield* Effect.fail(notFound("placement", input.placementId))
            // The same checks and kernel call as the request itself; only nothing is stored.
            const { leave } = yield* leaveFor(
              tx,
              actor,
              rec,
              { ...input, reason: "预览 / preview" },
              "preview",
            )
            return {
              halfDays: leave.halfDays,
              approver: leave.route.approver,
              route: InPost.explainRoute(leave.route, leave.halfDays),
            }
          }),
        )
      })

    const requestLeave = (
      ctx: CommandContext,
      input: LeaveDays & { readonly reason: string },
    ): Effect.Effect<LeaveRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requireWrite(ctx.actor)
        const id = randomUUID()
        yield* transaction(db, "leave.request", (tx) =>
          Effect.gen(function* () {
            const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
            const { leave, governing } = yield* leaveFor(tx, ctx.actor, rec, input, id)
            yield* dutyQueries.insertLeave(tx, leave)
            yield* writeAudit(tx, ctx, {
              action: "leave.request",
              entity: "leave",
              entityId: id,
              regionPath: rec.regionPath,
              before: null,
              after: {
                placementId: rec.placement.id,
                halfDays: leave.halfDays,
                approver: leave.route.approver,
                governedBy: governing,
              },
            })
          }),
        )
        return yield* leaveAfterCommit(ctx.actor, id)
      })

    /** Approve, refuse, or return (销假): the kernel checks the caller speaks for the routed approver. */
    const leaveMove = (
      ctx: CommandContext,
      input: {
        readonly leaveId: string
        readonly expectedVersion: number
        readonly move: InPost.LeaveMove
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<LeaveRecord, CmdErr> =>
      Effect.gen(function* () {
        if (input.move._tag !== "Return") yield* requirePermission(ctx.actor, "leave.approve")
        else yield* requireWrite(ctx.actor)
        yield* transaction(db, `leave.${input.move._tag}`, (tx) =>
          Effect.gen(function* () {
            const r = yield* dutyQueries.lockLeave(tx, ctx.actor, input.leaveId, input.expectedVersion)
            const before = r.leave
            // A return counts by the scheme's rule from the first working day after the leave (a weekend after the
            // leave is never an overstay).
            const built = input.move._tag === "Return" ? yield* calendar.current(tx, r.regionPath) : undefined
            // Issue 13: the version in force on the leave's first day, as when it was requested.
            const { scheme, governing } = yield* schemes.inForce(
              { schemeId: r.scheme.id, placedUnder: r.scheme.version, date: before.from },
              tx,
            )
            const next = yield* InPost.leaveTransition(before, input.move, {
              on: input.on,
              by: { accountId: ctx.actor.accountId, role: ctx.actor.role },
              calendar: built?.calendar,
              dayCount: InPost.leaveDayCountOf(scheme),
            })
            yield* dutyQueries.saveLeave(tx, next)
            yield* writeAudit(tx, ctx, {
              action: `leave.${input.move._tag}`,
              entity: "leave",
              entityId: input.leaveId,
              regionPath: r.regionPath,
              before: { state: before.state },
              after: {
                state: next.state,
                move: input.move,
                overstayDays: next.overstayDays ?? null,
                governedBy: governing,
              },
            })
            // Back late: the days over the leave go on record as an absence (擅自离岗), with the return.
            const over = InPost.overstayAbsence(next, randomUUID(), { accountId: ctx.actor.accountId })
            if (over !== undefined)
              yield* insertAbsence(tx, ctx, over, r.regionPath, { leave: input.leaveId })
          }),
        )
        return yield* leaveAfterCommit(ctx.actor, input.leaveId)
      })

    /**
     * A page of the leave requests on placements the caller sees. `awaitingMe`: only requests still to decide
     * that are routed to a body the caller's role speaks for (the approver's inbox, 请假审批).
     */
    const leaves = (
      actor: Access.Actor,
      filter: {
        readonly placementId?: string | undefined
        readonly state?: InPost.LeaveState | undefined
        readonly awaitingMe?: boolean | undefined
      },
      page: PageRequest,
    ): Effect.Effect<Page<LeaveListRecord> & { readonly total: CappedCount }, Err<never>> =>
      Effect.gen(function* () {
        yield* requireRead(actor)
        const f =
          filter.awaitingMe === true
            ? {
                placementId: filter.placementId,
                state: "requested" as const,
                approvers: InPost.ACTS_AS[actor.role],
              }
            : { placementId: filter.placementId, state: filter.state }
        const [p, total] = yield* Effect.all([
          dutyQueries.pageLeaves(db, actor, f, page),
          dutyQueries.countLeaves(db, actor, f),
        ])
        return { ...p, total }
      })

    const recordAbsence = (
      ctx: CommandContext,
      input: LeaveDays & { readonly note: string },
    ): Effect.Effect<InPost.Absence, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        return yield* transaction(db, "leave.absence", (tx) =>
          Effect.gen(function* () {
            const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
            yield* requireServing(rec, t("登记擅自离岗", "record an absence"))
            const a = yield* InPost.recordAbsence(
              {
                id: randomUUID(),
                placementId: rec.placement.id,
                personId: rec.placement.personId,
                from: input.from,
                to: input.to,
                kind: "unauthorised",
                note: input.note,
                ...(input.startsAfternoon === undefined ? {} : { startsAfternoon: input.startsAfternoon }),
                ...(input.endsMorning === undefined ? {} : { endsMorning: input.endsMorning }),
              },
              { on: input.on, by: { accountId: ctx.actor.accountId, role: ctx.actor.role } },
            )
            yield* insertAbsence(tx, ctx, a, rec.regionPath)
            return a
          }),
        )
      })

    const absences = (
      actor: Access.Actor,
      placementId: string,
    ): Effect.Effect<ReadonlyArray<InPost.Absence>, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        yield* visiblePlacement(db, actor, placementId)
        return yield* dutyQueries.absencesOf(db, placementId)
      })

    return { previewLeave, requestLeave, leaveMove, leaves, recordAbsence, absences } as const
  }),
  dependencies: [SchemeStore.Default, WorkCalendar.Default],
}) {}
