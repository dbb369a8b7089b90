import { InvalidInput } from "@cadre/db"
import { Access, LocalDate, Selection } from "@cadre/domain"
import { type TaskRecord, TaskService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { failureToTRPC, procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import {
  DueKey,
  ExpectedVersion,
  Id,
  keyedPageFields,
  keyedPageRequest,
  NameKey,
  NameSearch,
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

const DUE_PAST = { zh: "不能早于今天", en: "cannot be before today" }

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
    .mutation(({ ctx, input: i }) => {
      const on = todayOf(ctx)
      // A due date already past would make the task overdue the day it is given: refused at its field.
      if (i.dueOn !== undefined && i.dueOn < on)
        throw failureToTRPC(
          new InvalidInput({
            entity: "task",
            issues: [{ path: "dueOn", message: DUE_PAST }],
            message: {
              zh: `输入有误：办理时限（dueOn）：${DUE_PAST.zh}`,
              en: `Invalid input: due on (dueOn): ${DUE_PAST.en}`,
            },
          }),
          ctx.lang,
        )
      return ctx.run(Effect.flatMap(TaskService, (r) => r.assign(ctx.cmd, { ...i, on }))).then(taskOut)
    }),

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

  /**
   * Who may be handed a review task (issue 16: the admin picks a reviewer by name): one page of the active accounts
   * within the caller's scope whose role may review, by name (A→Z unless `order: "desc"`), at most `limit` (≤ 200,
   * default 50), with `nextCursor` and `total`; `name` searches part of the name, `exclude` leaves one account
   * out (the task's holder, the reviewer handing over), `applicationId` keeps those whose scope covers that
   * application. Each row: the account id, the display name, the role with its label, the unit or region by name.
   */
  assignees: procedure
    .permission("application.review")
    .input(
      input(
        Schema.Struct({
          name: Schema.optional(NameSearch("姓名包含 / name contains")),
          exclude: Schema.optional(AccountId),
          applicationId: Schema.optional(Id("报名记录编号 / application id")),
          ...keyedPageFields(NameKey),
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(TaskService, (r) =>
            r.assignees(ctx.actor, filter, keyedPageRequest(NameKey, { cursor, limit, order })),
          ),
        )
        .then((page) =>
          pageOut(
            page,
            (a) => ({
              accountId: a.accountId,
              name: a.name,
              role: a.role,
              roleLabel: Access.ROLE_LABELS[a.role],
              scopeName: a.unitName ?? a.regionName,
            }),
            writeKeyed(NameKey),
          ),
        ),
    ),

  /** How many open tasks an account holds in the campaigns the caller runs (what `handover` would move). */
  openCount: procedure
    .permission("campaign.write")
    .input(input(Schema.Struct({ accountId: AccountId })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(TaskService, (r) => r.openCount(ctx.actor, i.accountId))),
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
