import { randomUUID } from "node:crypto"
import { Access, type LocalDate, Selection } from "@cadre/domain"
import { and, asc, eq, type SQL } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Context, Effect, Either, Layer, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  conflict,
  type DatabaseError,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeRow,
  read,
  requirePermission,
  transact,
  within,
  writeAudit,
} from "../internal.js"
import { accountRoles, applications, campaigns, people, regions, reviewTasks, user } from "../schema/index.js"

/**
 * Review tasks (办理任务) on applications: assigned to a reviewer for the application's current step, transferred
 * (转办) to another reviewer in scope with a reason, reminded (催办) when overdue, handed over when a reviewer
 * leaves the post, completed when the application leaves the step. The rules are the kernel's (Selection Task);
 * this stores them, checks who may do what, and writes each change with its audit row.
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

type Err<E> = E | Access.Forbidden | DatabaseError
type TaskErr = Err<NotFound | StaleVersion | Conflict | Selection.TaskRefused>

export interface TaskRepoService {
  /** Open tasks assigned to the caller. */
  readonly mine: (
    actor: Access.Actor,
    on: LocalDate.LocalDate,
  ) => Effect.Effect<ReadonlyArray<TaskRecord>, Err<never>>
  /** Tasks of a campaign the caller runs (open and done). */
  readonly forCampaign: (
    actor: Access.Actor,
    campaignId: string,
    on: LocalDate.LocalDate,
  ) => Effect.Effect<ReadonlyArray<TaskRecord>, Err<NotFound>>
  readonly assign: (
    ctx: CommandContext,
    input: {
      readonly applicationId: string
      readonly assignee: string
      readonly dueOn?: LocalDate.LocalDate | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<TaskRecord, TaskErr>
  readonly transfer: (
    ctx: CommandContext,
    input: {
      readonly taskId: string
      readonly expectedVersion: number
      readonly to: string
      readonly reason: string
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<TaskRecord, TaskErr>
  readonly remind: (
    ctx: CommandContext,
    input: { readonly taskId: string; readonly expectedVersion: number; readonly on: LocalDate.LocalDate },
  ) => Effect.Effect<TaskRecord, TaskErr>
  /** A reviewer leaves the post: every open task of `from` within the caller's scope moves to `to`. */
  readonly handover: (
    ctx: CommandContext,
    input: { readonly from: string; readonly to: string; readonly on: LocalDate.LocalDate },
  ) => Effect.Effect<{ readonly moved: number }, TaskErr>
}

export class TaskRepo extends Context.Tag("@cadre/db/TaskRepo")<TaskRepo, TaskRepoService>() {
  static readonly Live: Layer.Layer<TaskRepo, never, Database> = Layer.effect(
    TaskRepo,
    Effect.map(Database, (d) => makeTaskRepo(d.db)),
  )
}

const encodeTask = Schema.encodeSync(Selection.ReviewTask)
const appRegion = alias(regions, "task_app_region")

/** Close the open tasks of an application whose step it has left (called inside the move's transaction). */
export const completeTasksLeftBehind = async (
  tx: Tx,
  applicationId: string,
  state: string,
  by: string,
  on: LocalDate.LocalDate,
): Promise<void> => {
  const open = await tx
    .select()
    .from(reviewTasks)
    .where(and(eq(reviewTasks.applicationId, applicationId), eq(reviewTasks.status, "open")))
  for (const row of open) {
    if (row.step === state) continue
    const task = decodeRow(Selection.ReviewTask, "review_tasks", row.id, row.body)
    const done = Selection.completeTask(task, by, on)
    // A date before the task's history (a back-dated move) leaves the task to be closed by hand.
    if (Either.isLeft(done)) continue
    await tx
      .update(reviewTasks)
      .set({ status: "done", body: encodeTask(done.right), version: row.version + 1, updatedAt: new Date() })
      .where(eq(reviewTasks.id, row.id))
  }
}

export const makeTaskRepo = (db: Db): TaskRepoService => {
  const select = (d: Db | Tx) =>
    d
      .select({
        row: reviewTasks,
        campaignId: campaigns.id,
        campaignName: campaigns.name,
        campaignPath: regions.path,
        appRegionPath: appRegion.path,
        applicationState: applications.state,
        personName: people.name,
        assigneeName: user.name,
      })
      .from(reviewTasks)
      .innerJoin(applications, eq(applications.id, reviewTasks.applicationId))
      .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
      .innerJoin(regions, eq(regions.id, campaigns.regionId))
      .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
      .innerJoin(people, eq(people.id, applications.personId))
      .leftJoin(user, eq(user.id, reviewTasks.assignee))

  type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number]
  const toRecord = (r: Row, on: LocalDate.LocalDate): TaskRecord => {
    const task = decodeRow(Selection.ReviewTask, "review_tasks", r.row.id, r.row.body)
    return {
      task,
      version: r.row.version,
      campaignId: r.campaignId,
      campaignName: r.campaignName,
      campaignPath: r.campaignPath,
      applicationState: r.applicationState,
      personName: r.personName,
      assigneeName: r.assigneeName,
      overdue: Selection.isOverdue(task, on),
    }
  }

  /** Accounts that may review applications of a campaign: active, with application.review, in the scope. */
  const reviewerInScope = async (
    tx: Tx,
    accountId: string,
    target: { readonly campaignPath: string; readonly regionPath: string },
    within: string,
  ): Promise<boolean> => {
    const [a] = await tx
      .select({ role: accountRoles.role, scopePath: accountRoles.scopePath, active: accountRoles.active })
      .from(accountRoles)
      .where(eq(accountRoles.userId, accountId))
    if (a === undefined || !a.active) return false
    const role = a.role as Access.Role
    const probe = { role, scopePath: a.scopePath, scope: { _tag: "RegionScope" } as Access.Scope }
    return (
      Access.can({ role }, "application.review") &&
      Access.seesApplication(probe as never, { ...target, personId: "" }) &&
      // Transfers stay within the caller's organisation: the new reviewer's scope lies within the caller's.
      Access.pathWithin(within, a.scopePath)
    )
  }

  const lockTask = async (tx: Tx, ctx: CommandContext, taskId: string, expectedVersion: number) => {
    const [r] = await select(tx).where(eq(reviewTasks.id, taskId)).for("update", { of: reviewTasks })
    if (r === undefined) return abort(notFound("task", taskId))
    const mine = r.row.assignee === ctx.actor.accountId
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
        return abort(notFound("task", taskId))
      return abort(Access.forbidden("application.review", ctx.actor.role))
    }
    if (r.row.version !== expectedVersion)
      return abort(staleVersion("task", taskId, expectedVersion, r.row.version))
    return r
  }

  const save = async (tx: Tx, ctx: CommandContext, r: Row, next: Selection.ReviewTask, action: string) => {
    await tx
      .update(reviewTasks)
      .set({
        assignee: next.assignee,
        status: Selection.isTaskOpen(next) ? "open" : "done",
        dueOn: next.dueOn ?? null,
        body: encodeTask(next),
        version: r.row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(reviewTasks.id, next.id))
    await writeAudit(tx, ctx, {
      action,
      entity: "task",
      entityId: next.id,
      regionPath: r.campaignPath,
      before: { assignee: r.row.assignee },
      after: { assignee: next.assignee, event: next.history[next.history.length - 1] ?? null },
    })
  }

  const readBack = (id: string, on: LocalDate.LocalDate) =>
    read("task.get", async () => {
      const [r] = await select(db).where(eq(reviewTasks.id, id))
      return r === undefined ? undefined : toRecord(r, on)
    }).pipe(Effect.flatMap((r) => (r === undefined ? Effect.fail(notFound("task", id)) : Effect.succeed(r))))

  const orAbort = (r: Either.Either<Selection.ReviewTask, Selection.TaskRefused>): Selection.ReviewTask =>
    Either.isLeft(r) ? abort(r.left) : r.right

  return {
    mine: (actor, on) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "application.review")
        return yield* read("task.mine", async () => {
          const rows = await select(db)
            .where(and(eq(reviewTasks.assignee, actor.accountId), eq(reviewTasks.status, "open")))
            .orderBy(asc(reviewTasks.dueOn), asc(reviewTasks.createdAt))
          return rows.map((r) => toRecord(r, on))
        })
      }),

    forCampaign: (actor, campaignId, on) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        const visible: SQL = within(regions.path, actor.scopePath)
        return yield* read("task.forCampaign", async () => {
          const rows = await select(db)
            .where(and(eq(campaigns.id, campaignId), visible))
            .orderBy(asc(reviewTasks.status), asc(reviewTasks.dueOn))
          return rows.map((r) => toRecord(r, on))
        })
      }),

    assign: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        const id = yield* transact<string, TaskErr>(db, "task.assign", async (tx) => {
          const [a] = await tx
            .select({ state: applications.state, campaignPath: regions.path, regionPath: appRegion.path })
            .from(applications)
            .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
            .innerJoin(regions, eq(regions.id, campaigns.regionId))
            .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
            .where(eq(applications.id, input.applicationId))
            .for("update", { of: applications })
          if (a === undefined || !Access.runsCampaign(ctx.actor, a.campaignPath))
            return abort(notFound("application", input.applicationId))
          const step = a.state as Selection.State
          if (Selection.isTerminal(step) || step === "reported_in")
            return abort(
              conflict("task", input.applicationId, "application_closed", {
                zh: "该报名已办结，无需分派任务",
                en: "the application is closed; there is nothing to assign",
              }),
            )
          if (!(await reviewerInScope(tx, input.assignee, a, ctx.actor.scopePath)))
            return abort(
              conflict("task", input.assignee, "assignee_out_of_scope", {
                zh: "被分派人不是本批次范围内的审核人员",
                en: "the assignee is not a reviewer within this campaign's scope",
              }),
            )
          const open = await tx
            .select({ id: reviewTasks.id })
            .from(reviewTasks)
            .where(
              and(
                eq(reviewTasks.applicationId, input.applicationId),
                eq(reviewTasks.step, step),
                eq(reviewTasks.status, "open"),
              ),
            )
          if (open.length > 0)
            return abort(
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
          await tx.insert(reviewTasks).values({
            id: task.id,
            applicationId: task.applicationId,
            step: task.step,
            assignee: task.assignee,
            dueOn: task.dueOn ?? null,
            body: encodeTask(task),
          })
          await writeAudit(tx, ctx, {
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
        })
        return yield* readBack(id, input.on)
      }),

    transfer: (ctx, input) =>
      Effect.gen(function* () {
        yield* transact<void, TaskErr>(db, "task.transfer", async (tx) => {
          const r = await lockTask(tx, ctx, input.taskId, input.expectedVersion)
          const task = decodeRow(Selection.ReviewTask, "review_tasks", r.row.id, r.row.body)
          const target = { campaignPath: r.campaignPath, regionPath: r.appRegionPath }
          const ok = await reviewerInScope(tx, input.to, target, ctx.actor.scopePath)
          const next = orAbort(
            Selection.transfer(task, input.to, ctx.actor.accountId, input.on, input.reason, () => ok),
          )
          await save(tx, ctx, r, next, "task.transfer")
        })
        return yield* readBack(input.taskId, input.on)
      }),

    remind: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        yield* transact<void, TaskErr>(db, "task.remind", async (tx) => {
          const r = await lockTask(tx, ctx, input.taskId, input.expectedVersion)
          const task = decodeRow(Selection.ReviewTask, "review_tasks", r.row.id, r.row.body)
          const next = orAbort(Selection.remind(task, ctx.actor.accountId, input.on))
          await save(tx, ctx, r, next, "task.remind")
        })
        return yield* readBack(input.taskId, input.on)
      }),

    handover: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.write")
        return yield* transact<{ moved: number }, TaskErr>(db, "task.handover", async (tx) => {
          const rows = await select(tx)
            .where(
              and(
                eq(reviewTasks.assignee, input.from),
                eq(reviewTasks.status, "open"),
                within(regions.path, ctx.actor.scopePath),
              ),
            )
            .for("update", { of: reviewTasks })
          if (rows.length === 0) return { moved: 0 }
          for (const r of rows) {
            const target = { campaignPath: r.campaignPath, regionPath: r.appRegionPath }
            if (!(await reviewerInScope(tx, input.to, target, ctx.actor.scopePath)))
              return abort(
                conflict("task", input.to, "assignee_out_of_scope", {
                  zh: "接手人不是这些任务所在批次范围内的审核人员",
                  en: "the new reviewer is not within the scope of these tasks' campaigns",
                }),
              )
          }
          const tasks = rows.map((r) => decodeRow(Selection.ReviewTask, "review_tasks", r.row.id, r.row.body))
          const result = Selection.handover(tasks, input.from, input.to, ctx.actor.accountId, input.on)
          const moved = Either.isLeft(result) ? abort(result.left) : result.right
          const byId = new Map(rows.map((r) => [r.row.id, r]))
          for (const t of moved.tasks) {
            const r = byId.get(t.id)
            if (r !== undefined && t.assignee !== r.row.assignee) await save(tx, ctx, r, t, "task.handover")
          }
          return { moved: moved.tasks.filter((t) => t.assignee === input.to).length }
        })
      }),
  }
}
