import { Selection } from "@cadre/domain"
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm"
import { alias } from "drizzle-orm/pg-core"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { decodeRow, escapeLike, within } from "../internal.js"
import {
  accountRoles,
  applications,
  campaigns,
  people,
  regions,
  reviewTasks,
  units,
  user,
} from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import {
  type CappedCount,
  cappedCount,
  keysetAfter,
  keysetOrder,
  keyText,
  type Page,
  type PageRequest,
  toPage,
} from "./keyset.js"

/**
 * Review tasks (办理任务) as stored: the kernel's ReviewTask in `body`, with the columns lists sort and filter on
 * (assignee, status, step, due date). Reads join the application, its campaign's region, the application's own
 * region, the person's name and the assignee's name. No permission checks here.
 */

/** A stored task with what its lists and checks need. */
export interface StoredTask {
  /** The row's id (the task's). */
  readonly id: string
  readonly task: Selection.ReviewTask
  readonly version: number
  /** The assignee column (the account the task is with). */
  readonly assignee: string
  readonly campaignId: string
  readonly campaignName: string
  readonly campaignPath: string
  /** The application's own region path. */
  readonly appRegionPath: string
  readonly applicationState: string
  readonly personName: string
  readonly assigneeName: string | null
}

const encodeTask = Schema.encodeSync(Selection.ReviewTask)
const appRegion = alias(regions, "task_app_region")

const selectFields = {
  row: reviewTasks,
  campaignId: campaigns.id,
  campaignName: campaigns.name,
  campaignPath: regions.path,
  appRegionPath: appRegion.path,
  applicationState: applications.state,
  personName: people.name,
  assigneeName: user.name,
}

const select = (h: Handle) =>
  h
    .select(selectFields)
    .from(reviewTasks)
    .innerJoin(applications, eq(applications.id, reviewTasks.applicationId))
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
    .innerJoin(people, eq(people.id, applications.personId))
    .leftJoin(user, eq(user.id, reviewTasks.assignee))

type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number]

const toStored = (r: Row): StoredTask => ({
  id: r.row.id,
  task: decodeRow(Selection.ReviewTask, "review_tasks", r.row.id, r.row.body),
  version: r.row.version,
  assignee: r.row.assignee,
  campaignId: r.campaignId,
  campaignName: r.campaignName,
  campaignPath: r.campaignPath,
  appRegionPath: r.appRegionPath,
  applicationState: r.applicationState,
  personName: r.personName,
  assigneeName: r.assigneeName,
})

const decodeAll = (rows: ReadonlyArray<Row>) => Effect.sync(() => rows.map(toStored))

/** Tasks of campaigns whose region lies within `scopePath` (the scope filter of campaign lists and handovers). */
export const campaignWithin = (scopePath: string): SQL => within(regions.path, scopePath)

/** One task. */
export const findTask = (h: Handle, id: string): Effect.Effect<StoredTask | undefined> =>
  Effect.flatMap(q(select(h).where(eq(reviewTasks.id, id)), "task.get"), ([r]) =>
    Effect.sync(() => (r === undefined ? undefined : toStored(r))),
  )

/** One task locked `FOR UPDATE`. */
export const lockTask = (tx: Tx, id: string): Effect.Effect<StoredTask | undefined> =>
  Effect.flatMap(
    q(select(tx).where(eq(reviewTasks.id, id)).for("update", { of: reviewTasks }), "task.lock"),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toStored(r))),
  )

/**
 * The sort key of an assignee's open tasks: the due date, an undated task last ('infinity' sorts after every date).
 * An open task is overdue exactly when its due date has passed (Selection.isOverdue), so this order puts the
 * overdue first without naming today: the key does not change when the day turns, and a cursor stays valid.
 */
const dueKey = sql`coalesce(${reviewTasks.dueOn}, 'infinity'::date)`

/** What tasks.mine filters on besides the assignee: the campaign. */
export interface MyTaskFilter {
  readonly campaignId?: string | undefined
}

const mineWhere = (accountId: string, filter: MyTaskFilter): SQL | undefined =>
  and(
    eq(reviewTasks.assignee, accountId),
    eq(reviewTasks.status, "open"),
    filter.campaignId === undefined ? undefined : eq(applications.campaignId, filter.campaignId),
  )

/**
 * One keyset page of the open tasks assigned to an account: overdue first, then by due date, undated last, then
 * by id — the composite key (coalesce(due_on, 'infinity'), id), the partial index `review_tasks_open_due_idx`
 * (migration 0018). A task assigned meanwhile with an earlier due date sorts before the cursor and is not
 * read by this walk; none after it moves, so no row repeats and none is skipped.
 */
export const pageOpenTasksAssignedTo = (
  h: Handle,
  accountId: string,
  filter: MyTaskFilter,
  page: PageRequest,
): Effect.Effect<Page<StoredTask>> =>
  Effect.flatMap(
    q(
      h
        .select({ ...selectFields, key: keyText(dueKey) })
        .from(reviewTasks)
        .innerJoin(applications, eq(applications.id, reviewTasks.applicationId))
        .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
        .innerJoin(regions, eq(regions.id, campaigns.regionId))
        .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
        .innerJoin(people, eq(people.id, applications.personId))
        .leftJoin(user, eq(user.id, reviewTasks.assignee))
        .where(and(mineWhere(accountId, filter), keysetAfter(dueKey, reviewTasks.id, "date", page)))
        .orderBy(...keysetOrder(dueKey, reviewTasks.id, page))
        .limit(page.limit + 1),
      "task.mine",
    ),
    (found) =>
      Effect.sync(() =>
        toPage(
          found,
          page,
          (r) => ({ at: r.key, id: r.row.id }),
          (r) => toStored(r),
        ),
      ),
  )

/** How many open tasks an account has passing the filter (exact: a reviewer's desk, not a province). */
export const countOpenTasksAssignedTo = (
  h: Handle,
  accountId: string,
  filter: MyTaskFilter,
): Effect.Effect<CappedCount> =>
  cappedCount(
    h,
    h
      .select({ one: sql`1`.as("one") })
      .from(reviewTasks)
      .innerJoin(applications, eq(applications.id, reviewTasks.applicationId))
      .where(mineWhere(accountId, filter)),
    "task.mineCount",
  )

/** A campaign's tasks passing `visible` (open first, then by due date). */
export const tasksOfCampaign = (
  h: Handle,
  campaignId: string,
  visible: SQL,
): Effect.Effect<ReadonlyArray<StoredTask>> =>
  Effect.flatMap(
    q(
      select(h)
        .where(and(eq(campaigns.id, campaignId), visible))
        .orderBy(asc(reviewTasks.status), asc(reviewTasks.dueOn)),
      "task.forCampaign",
    ),
    decodeAll,
  )

/** Open tasks of an account passing `visible`, locked `FOR UPDATE`. */
export const lockOpenTasksOf = (
  tx: Tx,
  accountId: string,
  visible: SQL,
): Effect.Effect<ReadonlyArray<StoredTask>> =>
  Effect.flatMap(
    q(
      select(tx)
        .where(and(eq(reviewTasks.assignee, accountId), eq(reviewTasks.status, "open"), visible))
        .for("update", { of: reviewTasks }),
      "task.lockOpen",
    ),
    decodeAll,
  )

/** The raw open task rows of an application (its current and any left-behind step). */
export const openTasksOfApplication = (
  tx: Tx,
  applicationId: string,
): Effect.Effect<
  ReadonlyArray<{
    readonly id: string
    readonly step: string
    readonly version: number
    readonly body: unknown
  }>
> =>
  q(
    tx
      .select({
        id: reviewTasks.id,
        step: reviewTasks.step,
        version: reviewTasks.version,
        body: reviewTasks.body,
      })
      .from(reviewTasks)
      .where(and(eq(reviewTasks.applicationId, applicationId), eq(reviewTasks.status, "open"))),
    "task.openOfApplication",
  )

/** Decode a raw task body (a defect if it does not decode). */
export const decodeTask = (id: string, body: unknown): Effect.Effect<Selection.ReviewTask> =>
  Effect.sync(() => decodeRow(Selection.ReviewTask, "review_tasks", id, body))

/** Ids of the open tasks of an application's step. */
export const openTaskIdsForStep = (
  tx: Tx,
  applicationId: string,
  step: string,
): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(
    q(
      tx
        .select({ id: reviewTasks.id })
        .from(reviewTasks)
        .where(
          and(
            eq(reviewTasks.applicationId, applicationId),
            eq(reviewTasks.step, step),
            eq(reviewTasks.status, "open"),
          ),
        ),
      "task.openForStep",
    ),
    (rows) => rows.map((r) => r.id),
  )

/** The application a task is assigned on, locked `FOR UPDATE`, with its campaign's and its own region paths. */
export const lockApplicationForTask = (
  tx: Tx,
  applicationId: string,
): Effect.Effect<
  { readonly state: string; readonly campaignPath: string; readonly regionPath: string } | undefined
> =>
  Effect.map(
    q(
      tx
        .select({ state: applications.state, campaignPath: regions.path, regionPath: appRegion.path })
        .from(applications)
        .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
        .innerJoin(regions, eq(regions.id, campaigns.regionId))
        .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
        .where(eq(applications.id, applicationId))
        .for("update", { of: applications }),
      "task.application",
    ),
    ([a]) => a,
  )

/** An account's role, scope path and whether it is active. */
export const accountRole = (
  h: Handle,
  accountId: string,
): Effect.Effect<
  { readonly role: string; readonly scopePath: string; readonly active: boolean } | undefined
> =>
  Effect.map(
    q(
      h
        .select({ role: accountRoles.role, scopePath: accountRoles.scopePath, active: accountRoles.active })
        .from(accountRoles)
        .where(eq(accountRoles.userId, accountId)),
      "task.accountRole",
    ),
    ([a]) => a,
  )

export const insertTask = (tx: Tx, task: Selection.ReviewTask): Effect.Effect<void> =>
  Effect.asVoid(
    q(
      tx.insert(reviewTasks).values({
        id: task.id,
        applicationId: task.applicationId,
        step: task.step,
        assignee: task.assignee,
        dueOn: task.dueOn ?? null,
        body: encodeTask(task),
      }),
      "task.insert",
    ),
  )

/** Write a task's new state (assignee, open or done, due date) over `version`. */
export const updateTask = (tx: Tx, next: Selection.ReviewTask, version: number): Effect.Effect<void> =>
  Effect.asVoid(
    q(
      tx
        .update(reviewTasks)
        .set({
          assignee: next.assignee,
          status: Selection.isTaskOpen(next) ? "open" : "done",
          dueOn: next.dueOn ?? null,
          body: encodeTask(next),
          version: version + 1,
          updatedAt: new Date(),
        })
        .where(eq(reviewTasks.id, next.id)),
      "task.update",
    ),
  )

/** Close a task (its application left the step). */
export const completeTask = (tx: Tx, done: Selection.ReviewTask, version: number): Effect.Effect<void> =>
  Effect.asVoid(
    q(
      tx
        .update(reviewTasks)
        .set({ status: "done", body: encodeTask(done), version: version + 1, updatedAt: new Date() })
        .where(eq(reviewTasks.id, done.id)),
      "task.complete",
    ),
  )

// ------------------------------------------------------------------------------------- who may take a task

/** What the list of possible assignees filters on besides the caller's scope. */
export interface AssigneeFilter {
  /** The roles that may review (the service passes those Access.can grants application.review). */
  readonly roles: ReadonlyArray<string>
  /** Part of the name (case-insensitive). */
  readonly name?: string | undefined
  /** Leave this account out (the task's holder, the reviewer handing over). */
  readonly exclude?: string | undefined
  /**
   * Only accounts whose scope covers one of these paths (an application's campaign region and its own region:
   * Access.seesApplication from the reviewer's side).
   */
  readonly covers?: ReadonlyArray<string> | undefined
}

/** A possible assignee: an active account that may review, with its scope's name. */
export interface StoredAssignee {
  readonly accountId: string
  readonly name: string
  readonly role: string
  readonly regionName: string | null
  readonly unitName: string | null
}

const scopeRegion = alias(regions, "assignee_region")

const assigneeWhere = (scopePath: string, filter: AssigneeFilter): SQL | undefined =>
  and(
    within(accountRoles.scopePath, scopePath),
    eq(accountRoles.active, true),
    filter.roles.length === 0 ? sql`false` : inArray(accountRoles.role, [...filter.roles]),
    filter.name === undefined ? undefined : ilike(user.name, `%${escapeLike(filter.name)}%`),
    filter.exclude === undefined ? undefined : ne(accountRoles.userId, filter.exclude),
    filter.covers === undefined
      ? undefined
      : or(
          ...filter.covers.map(
            (path) =>
              sql`${accountRoles.scopePath} <> '' and starts_with(${path}::text, ${accountRoles.scopePath})`,
          ),
        ),
  )

/**
 * One keyset page of the accounts within `scopePath` that may take a review task, by (name, role row id): active,
 * with a reviewing role, narrowed by the filter. No permission check here (TaskService.assignees).
 */
export const pageAssignees = (
  h: Handle,
  scopePath: string,
  filter: AssigneeFilter,
  page: PageRequest,
): Effect.Effect<Page<StoredAssignee>> =>
  Effect.map(
    q(
      h
        .select({
          rowId: accountRoles.id,
          accountId: accountRoles.userId,
          name: user.name,
          role: accountRoles.role,
          regionName: scopeRegion.name,
          unitName: units.name,
        })
        .from(accountRoles)
        .innerJoin(user, eq(user.id, accountRoles.userId))
        .leftJoin(scopeRegion, eq(scopeRegion.id, accountRoles.regionId))
        .leftJoin(units, eq(units.id, accountRoles.unitId))
        .where(and(assigneeWhere(scopePath, filter), keysetAfter(user.name, accountRoles.id, "text", page)))
        .orderBy(...keysetOrder(user.name, accountRoles.id, page))
        .limit(page.limit + 1),
      "task.assignees",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.name, id: r.rowId }),
        ({ rowId: _, ...r }) => r,
      ),
  )

/** How many accounts pass the same filter (exact: a scope's reviewers, a few dozen). */
export const countAssignees = (h: Handle, scopePath: string, filter: AssigneeFilter): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: count() })
        .from(accountRoles)
        .innerJoin(user, eq(user.id, accountRoles.userId))
        .where(assigneeWhere(scopePath, filter)),
      "task.assigneesCount",
    ),
    ([r]) => r?.n ?? 0,
  )

/** How many open tasks an account holds in campaigns passing `visible` (what a handover would move). */
export const countOpenTasksOf = (h: Handle, accountId: string, visible: SQL): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ n: count() })
        .from(reviewTasks)
        .innerJoin(applications, eq(applications.id, reviewTasks.applicationId))
        .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
        .innerJoin(regions, eq(regions.id, campaigns.regionId))
        .where(and(eq(reviewTasks.assignee, accountId), eq(reviewTasks.status, "open"), visible)),
      "task.openCount",
    ),
    ([r]) => r?.n ?? 0,
  )

/** An application's campaign region path and its own region path (to narrow the assignees to it). */
export const applicationPaths = (
  h: Handle,
  applicationId: string,
): Effect.Effect<{ readonly campaignPath: string; readonly regionPath: string } | undefined> =>
  Effect.map(
    q(
      h
        .select({ campaignPath: regions.path, regionPath: appRegion.path })
        .from(applications)
        .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
        .innerJoin(regions, eq(regions.id, campaigns.regionId))
        .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
        .where(eq(applications.id, applicationId)),
      "task.applicationPaths",
    ),
    ([a]) => a,
  )
