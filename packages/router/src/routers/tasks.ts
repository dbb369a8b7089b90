import { LocalDate, Selection } from "@cadre/domain"
import { type TaskRecord, TaskService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import {
  DueKey,
  ExpectedVersion,
  Id,
  keyedPageFields,
  keyedPageRequest,
  pageOut,
  writeKeyed,
} from "./shared.js"

/**
 * Review tasks (办理任务): assign a reviewer to an application's current step, transfer (转办) with a reason to
 * another reviewer in scope, remind (催办) when overdue, hand over a leaving reviewer's open tasks. The kernel
 * (Selection Task) decides what is allowed; the service checks who may, and audits each change.
 */

const encodeTask = Schema.encodeSync(Selection.ReviewTask)

export const taskOut = (r: TaskRecord) => ({
  id: r.task.id,
  applicationId: r.task.applicationId,
  step: r.task.step,
  stepLabel: Selection.STATE_LABELS[r.task.step],
  assignee: r.task.assignee,
  assigneeName: r.assigneeName,
  dueOn: r.task.dueOn ?? null,
  overdue: r.overdue,
  open: Selection.isTaskOpen(r.task),
  version: r.version,
  campaignId: r.campaignId,
  campaignName: r.campaignName,
  applicationState: r.applicationState,
  personName: r.personName,
  summary: Selection.describeTask(r.task),
  task: encodeTask(r.task),
})

const TaskId = Id("任务编号 / task id")
const AccountId = Id("账号 / account")

export const tasksRouter = router({
  /**
   * One page of my open tasks (issue 19): overdue first, then by due date, undated last, then by id (`order:
   * "desc"` reverses it), at most `limit` (≤ 200, default 50), with `nextCursor` (null on the last page) and the
   * `total`; `campaignId` keeps one campaign's. The cursor carries the last row's due date and id, not today: it
   * stays valid over midnight, and tasks assigned meanwhile before it do not shift the rows after it.
   */
  mine: procedure
    .permission("application.review")
    .input(
      input(
        Schema.Struct({
          campaignId: Schema.optional(Id("批次编号 / campaign id")),
          ...keyedPageFields(DueKey),
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(TaskService, (r) =>
            r.mine(ctx.actor, filter, keyedPageRequest(DueKey, { cursor, limit, order }), todayOf(ctx)),
          ),
        )
        .then((page) => pageOut(page, taskOut, writeKeyed(DueKey))),
    ),

  /** A campaign's tasks (the campaign's own scope). */
  forCampaign: procedure
    .permission("campaign.read")
    .input(input(Schema.Struct({ campaignId: Id("批次编号 / campaign id") })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(TaskService, (r) => r.forCampaign(ctx.actor, i.campaignId, todayOf(ctx))))
        .then((rows) => rows.map(taskOut)),
    ),

  assign: procedure
    .permission("campaign.write")
    .input(
      input(
        Schema.Struct({
          applicationId: Id("报名记录编号 / application id"),
          assignee: AccountId,
          dueOn: Schema.optional(LocalDate.LocalDate.annotations({ title: "办理时限 / due on" })),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(TaskService, (r) => r.assign(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(taskOut),
    ),

  /** 转办 */
  transfer: procedure
    .permission("application.review")
    .input(
      input(
        Schema.Struct({
          taskId: TaskId,
          expectedVersion: ExpectedVersion,
          to: AccountId,
          reason: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(500)).annotations({
            title: "转办理由 / reason",
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(TaskService, (r) => r.transfer(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(taskOut),
    ),

  /** 催办: only an overdue task, once a day. */
  remind: procedure
    .permission("campaign.write")
    .input(input(Schema.Struct({ taskId: TaskId, expectedVersion: ExpectedVersion })))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(TaskService, (r) => r.remind(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(taskOut),
    ),

  /** A reviewer leaves the post: their open tasks in the caller's scope go to another reviewer. */
  handover: procedure
    .permission("campaign.write")
    .input(input(Schema.Struct({ from: AccountId, to: AccountId })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(TaskService, (r) => r.handover(ctx.cmd, { ...i, on: todayOf(ctx) }))),
    ),
})
