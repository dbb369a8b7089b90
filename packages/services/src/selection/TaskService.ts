import {
  type AssigneeFilter,
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  type NotFound,
  notFound,
  type PageKey,
  type PageRequest,
  type StaleVersion,
  type StoredTask,
  staleVersion,
  type Tx,
  taskQueries,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Access, type LocalDate, Selection } from "@cadre/domain"
import { randomUUID } from "node:crypto"
import { Effect, Either } from "effect"
import { requirePermission } from "../shared/authority.js"

/**
 * Review tasks (办理任务) on applications: assigned to a reviewer for the application's current step, transferred
 * (转办) to another reviewer in scope with a reason, reminded (催办) when overdue, handed over when a reviewer
 * leaves the post, completed when the application leaves the step. The rules are the kernel's (Selection Task);
 * this checks who may do what and writes each change with its audit row.
 */

export interface TaskRecord {
  readonly task: Selection.ReviewTask
  readonly version: number
  readonly campaignId: string
  readonly campaignName: string
  readonly campaignPath: string
  readonly applicationState: string
  readonly personName: string
  readonly assigneeName: string | null
  readonly overdue: boolean
}

/** An account that may be handed a review task, as the pickers show it. */
export interface AssigneeRecord {
  readonly accountId: string
  readonly name: string
  readonly role: Access.Role
  readonly regionName: string | null
  readonly unitName: string | null
}

/** The roles that may review applications (and so hold a review task). */
const REVIEWING_ROLES: ReadonlyArray<Access.Role> = Access.ROLES.filter((role) =>
  Access.can({ role }, "application.review"),
)

type TaskErr = Access.Forbidden | NotFound | StaleVersion | Conflict | Selection.TaskRefused

const toRecord = (r: StoredTask, on: LocalDate.LocalDate): TaskRecord => ({
  task: r.task,
  version: r.version,
  campaignId: r.campaignId,
  campaignName: r.campaignName,
  campaignPath: r.campaignPath,
  applicationState: r.applicationState,
  personName: r.personName,
  assigneeName: r.assigneeName,
  overdue: Selection.isOverdue(r.task, on),
})

/** Accounts that may review applications of a campaign: active, with application.review, in the scope. */
const reviewerInScope = (
  tx: Tx,
  accountId: string,
  target: { readonly campaignPath: string; readonly regionPath: string },
  within: string,
): Effect.Effect<boolean> =>
  Effect.map(taskQueries.accountRole(tx, accountId), (a) => {
    if (a === undefined || !a.active) return false
    const role = a.role as Access.Role
    const probe = { role, scopePath: a.scopePath, scope: { _tag: "RegionScope" } as Access.Scope }
    return (
      Access.can({ role }, "application.review") &&
      Access.seesApplication(probe as never, { ...target, personId: "" }) &&
      // Transfers stay within the caller's organisation: the new reviewer's scope lies within the caller's.
      Access.pathWithin(within, a.scopePath)
    )
  })

const orFail = (
  r: Either.Either<Selection.ReviewTask, Selection.TaskRefused>,
): Effect.Effect<Selection.ReviewTask, Selection.TaskRefused> =>
  Either.isLeft(r) ? Effect.fail(r.left) : Effect.succeed(r.right)

export class TaskService extends Effect.Service<TaskService>()("@cadre/services/TaskService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /** The task locked, if the caller holds it or runs its campaign, at the version the caller read. */
    const lockTask = (
      tx: Tx,
      ctx: CommandContext,
      taskId: string,
      expectedVersion: number,
    ): Effect.Effect<StoredTask, NotFound | StaleVersion | Access.Forbidden> =>
      Effect.gen(function* () {
        const r = yield* taskQueries.lockTask(tx, taskId)
        if (r === undefined) return yield* Effect.fail(notFound("task", taskId))
        const mine = r.assignee === ctx.actor.accountId
        const runs = Access.can(ctx.actor, "campaign.write") && Access.runsCampaign(ctx.actor, r.campaignPath)
        if (!mine && !runs) {
          // Out of sight reads as not found; in sight but not the caller's to touch is forbidden.
          if (
            !Access.seesApplication(ctx.actor, {
              campaignPath: r.campaignPath,
              regionPath: r.appRegionPath,
              personId: "",
            })
          )
            return yield* Effect.fail(notFound("task", taskId))
          return yield* Effect.fail(Access.forbidden("application.review", ctx.actor.role))
        }
        if (r.version !== expectedVersion)
          return yield* Effect.fail(staleVersion("task", taskId, expectedVersion, r.version))
        return r
      })

    const save = (tx: Tx, ctx: CommandContext, r: StoredTask, next: Selection.ReviewTask, action: string) =>
      Effect.zipRight(
        taskQueries.updateTask(tx, next, r.version),
        writeAudit(tx, ctx, {
          action,
          entity: "task",
          entityId: next.id,
          regionPath: r.campaignPath,
          before: { assignee: r.assignee },
          after: { assignee: next.assignee, event: next.history[next.history.length - 1] ?? null },
        }),
      )

    const readBack = (id: string, on: LocalDate.LocalDate): Effect.Effect<TaskRecord, NotFound> =>
      Effect.flatMap(taskQueries.findTask(db, id), (r) =>
        r === undefined ? Effect.fail(notFound("task", id)) : Effect.succeed(toRecord(r, on)),
      )

    /**
     * One page of the open tasks assigned to the caller (issue 19): overdue first, then by due date, undated last,
     * then by id; and how many there are in all.
     */
    const mine = (
      actor: Access.Actor,
      filter: taskQueries.MyTaskFilter,
      page: PageRequest,
      on: LocalDate.LocalDate,
    ): Effect.Effect<
      {
        readonly items: ReadonlyArray<TaskRecord>
        readonly next: PageKey | null
        /** Counted up to COUNT_CAP (10,000): `totalExact` false when more are open. */
        readonly total: number
        readonly totalExact: boolean
      },
      Access.Forbidden
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "application.review")
        const [found, total] = yield* Effect.all([
          taskQueries.pageOpenTasksAssignedTo(db, actor.accountId, filter, page),
          taskQueries.countOpenTasksAssignedTo(db, actor.accountId, filter),
        ])
        return {
          items: found.rows.map((r) => toRecord(r, on)),
          next: found.next,
          total: total.total,
          totalExact: total.exact,
        }
      })

    /** Tasks of a campaign the caller runs (open and done). */
    const forCampaign = (
      actor: Access.Actor,
      campaignId: string,
      on: LocalDate.LocalDate,
    ): Effect.Effect<ReadonlyArray<TaskRecord>, Access.Forbidden | NotFound> =>
      Effect.zipRight(
        requirePermission(actor, "campaign.read"),
        Effect.map(
          taskQueries.tasksOfCampaign(db, campaignId, taskQueries.campaignWithin(actor.scopePath)),
          (rows) => rows.map((r) => toRecord(r, on)),
        ),
      )

    const assign = (
      ctx: CommandContext,
      input: {
        readonly applicationId: string
        readonly assignee: string
        readonly dueOn?: LocalDate.LocalDate | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<TaskRecord, TaskErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        const id = yield* transaction(db, "task.assign", (tx) =>
          Effect.gen(function* () {
            const a = yield* taskQueries.lockApplicationForTask(tx, input.applicationId)
            if (a === undefined || !Access.runsCampaign(ctx.actor, a.campaignPath))
              return yield* Effect.fail(notFound("application", input.applicationId))
            const step = a.state as Selection.State
            if (Selection.isTerminal(step) || step === "reported_in")
              return yield* Effect.fail(
                conflict("task", input.applicationId, "application_closed", {
                  zh: "该报名已办结，无需分派任务",
                  en: "the application is closed; there is nothing to assign",
                }),
              )
            if (!(yield* reviewerInScope(tx, input.assignee, a, ctx.actor.scopePath)))
              return yield* Effect.fail(
                conflict("task", input.assignee, "assignee_out_of_scope", {
                  zh: "被分派人不是本批次范围内的审核人员",
                  en: "the assignee is not a reviewer within this campaign's scope",
                }),
              )
            const open = yield* taskQueries.openTaskIdsForStep(tx, input.applicationId, step)
            if (open.length > 0)
              return yield* Effect.fail(
                conflict("task", input.applicationId, "already_assigned", {
                  zh: "该环节已有未办结的任务，请转办而不是重复分派",
                  en: "this step already has an open task; transfer it instead",
                }),
              )
            const task = Selection.openTask({
              id: randomUUID(),
              applicationId: input.applicationId,
              step: step as Selection.TaskStep,
              assignee: input.assignee,
              dueOn: input.dueOn,
              by: ctx.actor.accountId,
              on: input.on,
            })
            yield* taskQueries.insertTask(tx, task)
            yield* writeAudit(tx, ctx, {
              action: "task.assign",
              entity: "task",
              entityId: task.id,
              regionPath: a.campaignPath,
              before: null,
              after: {
                applicationId: task.applicationId,
                step: task.step,
                assignee: task.assignee,
                dueOn: task.dueOn ?? null,
              },
            })
            return task.id
          }),
        )
        return yield* readBack(id, input.on)
      })

    /** 转办 */
    const transfer = (
      ctx: CommandContext,
      input: {
        readonly taskId: string
        readonly expectedVersion: number
        readonly to: string
        readonly reason: string
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<TaskRecord, TaskErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "application.review")
        yield* transaction(db, "task.transfer", (tx) =>
          Effect.gen(function* () {
            const r = yield* lockTask(tx, ctx, input.taskId, input.expectedVersion)
            const target = { campaignPath: r.campaignPath, regionPath: r.appRegionPath }
            const ok = yield* reviewerInScope(tx, input.to, target, ctx.actor.scopePath)
            const next = yield* orFail(
              Selection.transfer(r.task, input.to, ctx.actor.accountId, input.on, input.reason, () => ok),
            )
            yield* save(tx, ctx, r, next, "task.transfer")
          }),
        )
        return yield* readBack(input.taskId, input.on)
      })

    /** 催办: only an overdue task, once a day. */
    const remind = (
      ctx: CommandContext,
      input: { readonly taskId: string; readonly expectedVersion: number; readonly on: LocalDate.LocalDate },
    ): Effect.Effect<TaskRecord, TaskErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        yield* transaction(db, "task.remind", (tx) =>
          Effect.gen(function* () {
            const r = yield* lockTask(tx, ctx, input.taskId, input.expectedVersion)
            const next = yield* orFail(Selection.remind(r.task, ctx.actor.accountId, input.on))
            yield* save(tx, ctx, r, next, "task.remind")
          }),
        )
        return yield* readBack(input.taskId, input.on)
      })

    /** A reviewer leaves the post: every open task of `from` within the caller's scope moves to `to`. */
    const handover = (
      ctx: CommandContext,
      input: { readonly from: string; readonly to: string; readonly on: LocalDate.LocalDate },
    ): Effect.Effect<{ readonly moved: number }, TaskErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        return yield* transaction(db, "task.handover", (tx) =>
          Effect.gen(function* () {
            const rows = yield* taskQueries.lockOpenTasksOf(
              tx,
              input.from,
              taskQueries.campaignWithin(ctx.actor.scopePath),
            )
            if (rows.length === 0) return { moved: 0 }
            for (const r of rows) {
              const target = { campaignPath: r.campaignPath, regionPath: r.appRegionPath }
              if (!(yield* reviewerInScope(tx, input.to, target, ctx.actor.scopePath)))
                return yield* Effect.fail(
                  conflict("task", input.to, "assignee_out_of_scope", {
                    zh: "接手人不是这些任务所在批次范围内的审核人员",
                    en: "the new reviewer is not within the scope of these tasks' campaigns",
                  }),
                )
            }
            const moved = yield* Either.match(
              Selection.handover(
                rows.map((r) => r.task),
                input.from,
                input.to,
                ctx.actor.accountId,
                input.on,
              ),
              { onLeft: (e) => Effect.fail(e), onRight: (m) => Effect.succeed(m) },
            )
            const byId = new Map(rows.map((r) => [r.id, r]))
            for (const t of moved.tasks) {
              const r = byId.get(t.id)
              if (r !== undefined && t.assignee !== r.assignee) yield* save(tx, ctx, r, t, "task.handover")
            }
            return { moved: moved.tasks.filter((t) => t.assignee === input.to).length }
          }),
        )
      })

    /**
     * Who may be handed a review task, for the admin's pickers (issue 16): active accounts within the caller's
     * scope whose role may review (the accounts `reviewerInScope` accepts), by name; with `applicationId`, only
     * those whose scope covers that application (which the caller must see). One page and the total.
     */
    const assignees = (
      actor: Access.Actor,
      filter: {
        readonly name?: string | undefined
        readonly exclude?: string | undefined
        readonly applicationId?: string | undefined
      },
      page: PageRequest,
    ): Effect.Effect<
      {
        readonly items: ReadonlyArray<AssigneeRecord>
        readonly next: PageKey | null
        readonly total: number
      },
      Access.Forbidden | NotFound
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "application.review")
        let covers: ReadonlyArray<string> | undefined
        if (filter.applicationId !== undefined) {
          const a = yield* taskQueries.applicationPaths(db, filter.applicationId)
          if (a === undefined || !Access.seesApplication(actor, { ...a, personId: "" }))
            return yield* Effect.fail(notFound("application", filter.applicationId))
          covers = [a.campaignPath, a.regionPath]
        }
        const where: AssigneeFilter = {
          roles: REVIEWING_ROLES,
          name: filter.name,
          exclude: filter.exclude,
          covers,
        }
        const [found, total] = yield* Effect.all([
          taskQueries.pageAssignees(db, actor.scopePath, where, page),
          taskQueries.countAssignees(db, actor.scopePath, where),
        ])
        return {
          items: found.rows.map((r) => ({ ...r, role: r.role as Access.Role })),
          next: found.next,
          total,
        }
      })

    /** How many open tasks an account holds in the campaigns the caller runs: what a handover would move. */
    const openCount = (
      actor: Access.Actor,
      accountId: string,
    ): Effect.Effect<{ readonly open: number }, Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.write")
        const open = yield* taskQueries.countOpenTasksOf(
          db,
          accountId,
          taskQueries.campaignWithin(actor.scopePath),
        )
        return { open }
      })

    return { mine, forCampaign, assign, transfer, remind, handover, assignees, openCount } as const
  }),
}) {}
