import { type LeaveRecord, LeaveService } from "@cadre/services"
import { InPost } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Day, PlacementId } from "./inpost-shared.js"
import { ExpectedVersion, Id, PageFields, pageOut, pageRequest } from "./shared.js"

/**
 * Leave during the term (issue 5), routed by the scheme's tiers (004 晋城 管理考核 一是), and absences. A cadre
 * with an account asks for leave and records their return (`authenticated` procedures: the service keeps them to
 * their own).
 */

const encodeLeave = Schema.encodeSync(InPost.LeaveRequest)

export const leaveOut = (r: LeaveRecord) => ({
  id: r.leave.id,
  placementId: r.leave.placementId,
  state: r.leave.state,
  stateLabel: InPost.LEAVE_STATE_LABELS[r.leave.state],
  from: r.leave.from,
  to: r.leave.to,
  days: InPost.formatHalfDays(r.leave.halfDays),
  halfDays: r.leave.halfDays,
  approver: r.leave.route.approver,
  approverLabel: InPost.ACTOR_LABELS[r.leave.route.approver],
  route: r.route,
  overstayDays: r.leave.overstayDays ?? null,
  version: r.version,
  leave: encodeLeave(r.leave),
})

const HalfDays = {
  startsAfternoon: Schema.optional(
    Schema.Boolean.annotations({ title: "下午开始 / starts in the afternoon" }),
  ),
  endsMorning: Schema.optional(Schema.Boolean.annotations({ title: "上午结束 / ends at noon" })),
}

export const leaveRouter = router({
  /** 请假: routed to the body the scheme's tier names (≤ 3 days the host unit, more the org dept under 004 晋城). */
  request: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          from: Day("开始日期 / from"),
          to: Day("结束日期 / to"),
          ...HalfDays,
          reason: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(500)).annotations({
            title: "请假事由 / reason",
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(LeaveService, (r) => r.requestLeave(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(leaveOut),
    ),

  /**
   * Where a request for these days would go, before it is made: the days counted (half days too), the approver the
   * scheme's tiers name and why, with the clause. Nothing is written.
   */
  preview: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          from: Day("开始日期 / from"),
          to: Day("结束日期 / to"),
          ...HalfDays,
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(LeaveService, (r) => r.previewLeave(ctx.actor, { ...i, on: todayOf(ctx) })))
        .then((p) => ({
          days: InPost.formatHalfDays(p.halfDays),
          halfDays: p.halfDays,
          approver: p.approver,
          approverLabel: InPost.ACTOR_LABELS[p.approver],
          route: p.route,
        })),
    ),

  /** Approve or refuse (the kernel checks the caller speaks for the routed approver). */
  decide: procedure
    .permission("leave.approve")
    .input(
      input(
        Schema.Struct({
          id: Id("请假编号 / leave id"),
          expectedVersion: ExpectedVersion,
          move: Schema.Union(
            Schema.TaggedStruct("Approve", { note: Schema.optional(Schema.String) }),
            Schema.TaggedStruct("Refuse", { reason: Schema.NonEmptyTrimmedString }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(LeaveService, (r) =>
            r.leaveMove(ctx.cmd, {
              leaveId: i.id,
              expectedVersion: i.expectedVersion,
              move: i.move,
              on: todayOf(ctx),
            }),
          ),
        )
        .then(leaveOut),
    ),

  /** 销假: the cadre, the approver or the host records the day the cadre is back. */
  returnFrom: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          id: Id("请假编号 / leave id"),
          expectedVersion: ExpectedVersion,
          date: Day("销假日期 / date"),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(LeaveService, (r) =>
            r.leaveMove(ctx.cmd, {
              leaveId: i.id,
              expectedVersion: i.expectedVersion,
              move: { _tag: "Return", date: i.date },
              on: todayOf(ctx),
            }),
          ),
        )
        .then(leaveOut),
    ),

  /**
   * A page of the leave requests on placements the caller sees (issue 19), by first day (oldest first unless
   * `order: "desc"`), at most `limit` (≤ 200), with `nextCursor`. Each row names the cadre and the placement's
   * region. `awaitingMe: true` is the approver's inbox (请假审批): requests still to decide that the scheme routes
   * to a body the caller speaks for; `total` counts up to 10,000 (`totalExact`).
   */
  list: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: Schema.optional(PlacementId),
          state: Schema.optional(InPost.LeaveState.annotations({ title: "请假状态 / state" })),
          awaitingMe: Schema.optional(Schema.Boolean.annotations({ title: "待我审批 / awaiting me" })),
          ...PageFields,
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(LeaveService, (r) =>
            r.leaves(ctx.actor, filter, pageRequest({ cursor, limit, order })),
          ),
        )
        .then((page) => ({
          ...pageOut({ items: page.rows, next: page.next, total: page.total.total }, (x) => ({
            ...leaveOut(x),
            personName: x.personName,
            regionName: x.regionName,
          })),
          totalExact: page.total.exact,
        })),
    ),

  /** 擅自离岗, recorded by a managing body. */
  recordAbsence: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          from: Day("开始日期 / from"),
          to: Day("结束日期 / to"),
          ...HalfDays,
          note: Schema.String.pipe(Schema.maxLength(500)).annotations({ title: "情况说明 / note" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(LeaveService, (r) => r.recordAbsence(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then((a) => ({ ...a, days: InPost.formatHalfDays(a.halfDays) })),
    ),

  absences: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(LeaveService, (r) => r.absences(ctx.actor, i.placementId)))
        .then((rows) => rows.map((a) => ({ ...a, days: InPost.formatHalfDays(a.halfDays) }))),
    ),
})
