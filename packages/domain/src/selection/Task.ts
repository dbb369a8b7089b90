/**
 * Review tasks (办理任务): who is to act on an application at one step, by when, and what happened to the task —
 * 转办 (transfer to another reviewer), 催办 (a reminder once it is overdue), 工作交接 (a reviewer leaves the post and
 * all their open tasks move to a successor), 办结 (done). Pure values and functions; who may do what is the access
 * layer's business, and whether a reviewer is within a scope is the caller's predicate.
 *
 * The seeds set deadlines on stages (001 四（二） "7月12日前 / 7月17日前 / 7月18日前", 000 二（一） "12月18日前"); a
 * task's `dueOn` is usually its stage's date in the campaign schedule (Schedule.ts). "前" is read as "by the end
 * of that day", so a task is overdue from the next day. Transfer, reminder and handover are platform rules: the
 * seeds do not regulate them.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { compare, LocalDate } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"
import { PROCEDURE, STATE_LABELS } from "./State.js"

const NonEmpty = Schema.NonEmptyTrimmedString

/**
 * The procedure step a review task is for.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TaskStep = Schema.Literal(...PROCEDURE).annotations({
  identifier: "TaskStep",
  title: "办理环节 / step",
})
/**
 * The decoded value of the {@link TaskStep} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TaskStep = typeof TaskStep.Type

/**
 * One event in a task's history: assigned, transferred, reminded, handed over, completed.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TaskEvent = Schema.Union(
  Schema.TaggedStruct("Assigned", { to: NonEmpty, by: NonEmpty, on: LocalDate }),
  Schema.TaggedStruct("Transferred", {
    from: NonEmpty,
    to: NonEmpty,
    by: NonEmpty,
    on: LocalDate,
    reason: NonEmpty,
  }),
  Schema.TaggedStruct("Reminded", { by: NonEmpty, on: LocalDate }),
  Schema.TaggedStruct("HandedOver", { from: NonEmpty, to: NonEmpty, by: NonEmpty, on: LocalDate }),
  Schema.TaggedStruct("Completed", { by: NonEmpty, on: LocalDate }),
).annotations({ identifier: "TaskEvent", title: "任务记录 / task event" })
/**
 * The decoded value of the {@link TaskEvent} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TaskEvent = typeof TaskEvent.Type

/**
 * A review task assigned to a reviewer for one application's step, with its due date and history.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReviewTask = Schema.Struct({
  id: NonEmpty,
  applicationId: NonEmpty,
  step: TaskStep,
  /** The account that is to act. */
  assignee: NonEmpty,
  /** The last day (inclusive) to act; none when the campaign sets no date for the step. */
  dueOn: Schema.optional(LocalDate),
  remindedOn: Schema.Array(LocalDate),
  completedOn: Schema.optional(LocalDate),
  history: Schema.Array(TaskEvent),
}).annotations({ identifier: "ReviewTask", title: "办理任务 / review task" })
/**
 * The decoded value of the {@link ReviewTask} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ReviewTask = typeof ReviewTask.Type

/**
 * What may be done to a task: transfer, remind, hand over, complete.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TaskAction = Schema.Literal("transfer", "remind", "handover", "complete")
/**
 * The decoded value of the {@link TaskAction} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TaskAction = typeof TaskAction.Type

/**
 * Why a task action is refused (closed, same assignee, out of scope, no reason, not overdue, …).
 *
 * @category schemas
 * @since 0.1.0
 */
export const TaskRefusal = Schema.Literal(
  "closed", // the task is done
  "same_assignee", // transfer or handover to the account that already holds it
  "out_of_scope", // the new reviewer is not within the scope the caller allows
  "reason_missing", // a transfer needs a reason
  "not_overdue", // a reminder is only for an overdue task
  "already_reminded", // one reminder a day
  "date_before_history", // `on` precedes the task's last recorded event
)
/**
 * The decoded value of the {@link TaskRefusal} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TaskRefusal = typeof TaskRefusal.Type

const ACTION_LABELS: Readonly<Record<TaskAction, Text>> = {
  transfer: { zh: "转办", en: "transfer" },
  remind: { zh: "催办", en: "send a reminder for" },
  handover: { zh: "交接", en: "hand over" },
  complete: { zh: "办结", en: "complete" },
}

/**
 * A task operation the kernel refuses, with the reason in both languages.
 *
 * @category errors
 * @since 0.1.0
 */
export class TaskRefused extends Schema.TaggedError<TaskRefused>()("TaskRefused", {
  taskId: Schema.String,
  action: TaskAction,
  reason: TaskRefusal,
  detail: Text,
}) {
  get text(): Text {
    const a = ACTION_LABELS[this.action]
    return {
      zh: `任务 ${this.taskId} 不能${a.zh}：${this.detail.zh}`,
      en: `Cannot ${a.en} task ${this.taskId}: ${this.detail.en}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

type Result = Either.Either<ReviewTask, TaskRefused>

const refuse = (task: ReviewTask, action: TaskAction, reason: TaskRefusal, detail: Text): Result =>
  Either.left(new TaskRefused({ taskId: task.id, action, reason, detail }))

/**
 * A new open task assigned to `assignee`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const openTask = (input: {
  readonly id: string
  readonly applicationId: string
  readonly step: TaskStep
  readonly assignee: string
  readonly dueOn?: LocalDate | undefined
  readonly by: string
  readonly on: LocalDate
}): ReviewTask => ({
  id: input.id,
  applicationId: input.applicationId,
  step: input.step,
  assignee: input.assignee,
  ...(input.dueOn === undefined ? {} : { dueOn: input.dueOn }),
  remindedOn: [],
  history: [{ _tag: "Assigned", to: input.assignee, by: input.by, on: input.on }],
})

/**
 * Whether the task is not yet completed.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTaskOpen = (task: ReviewTask): boolean => task.completedOn === undefined

/**
 * Open and past its last day: due 17 Jul, overdue from 18 Jul. A task with no due date is never overdue.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isOverdue = (task: ReviewTask, on: LocalDate): boolean =>
  isTaskOpen(task) && task.dueOn !== undefined && compare(on, task.dueOn) > 0

/** Checks every operation shares: the task is open and `on` does not precede its history. */
const common = (task: ReviewTask, action: TaskAction, on: LocalDate): Result | undefined => {
  if (!isTaskOpen(task))
    return refuse(task, action, "closed", {
      zh: `任务已于 ${task.completedOn} 办结`,
      en: `the task was completed on ${task.completedOn}`,
    })
  const last = task.history[task.history.length - 1]
  if (last !== undefined && compare(on, last.on) < 0)
    return refuse(task, action, "date_before_history", {
      zh: `日期 ${on} 早于任务最近一次记录的日期 ${last.on}`,
      en: `the date ${on} precedes the task's last recorded event on ${last.on}`,
    })
  return undefined
}

/**
 * 转办: move an open task to another reviewer, with a reason. `inScope` says whether the new reviewer is one the
 * caller may hand work to (e.g. a reviewer of the same organisation department); the kernel does not guess.
 *
 * @category rules
 * @since 0.1.0
 */
export const transfer = (
  task: ReviewTask,
  to: string,
  by: string,
  on: LocalDate,
  reason: string,
  inScope: (accountId: string) => boolean,
): Result => {
  const bad = common(task, "transfer", on)
  if (bad !== undefined) return bad
  if (to === task.assignee)
    return refuse(task, "transfer", "same_assignee", {
      zh: `任务已由 ${to} 办理`,
      en: `the task is already assigned to ${to}`,
    })
  if (!inScope(to))
    return refuse(task, "transfer", "out_of_scope", {
      zh: `${to} 不在可转办的审核人员范围内`,
      en: `${to} is not a reviewer the task may be transferred to`,
    })
  const why = reason.trim()
  if (why === "")
    return refuse(task, "transfer", "reason_missing", {
      zh: "转办须说明理由",
      en: "a transfer needs a reason",
    })
  return Either.right({
    ...task,
    assignee: to,
    history: [...task.history, { _tag: "Transferred", from: task.assignee, to, by, on, reason: why }],
  })
}

/**
 * 催办: record a reminder on an overdue task, at most one a day.
 *
 * @category rules
 * @since 0.1.0
 */
export const remind = (task: ReviewTask, by: string, on: LocalDate): Result => {
  const bad = common(task, "remind", on)
  if (bad !== undefined) return bad
  if (!isOverdue(task, on))
    return refuse(
      task,
      "remind",
      "not_overdue",
      task.dueOn === undefined
        ? { zh: "任务未设办理期限，不能催办", en: "the task has no due date, so it cannot be overdue" }
        : {
            zh: `任务办理期限为 ${task.dueOn}，尚未逾期`,
            en: `the task is due by ${task.dueOn} and is not overdue yet`,
          },
    )
  if (task.remindedOn.includes(on))
    return refuse(task, "remind", "already_reminded", {
      zh: `${on} 已催办过`,
      en: `a reminder was already sent on ${on}`,
    })
  return Either.right({
    ...task,
    remindedOn: [...task.remindedOn, on],
    history: [...task.history, { _tag: "Reminded", by, on }],
  })
}

/**
 * 办结: the step's work is done.
 *
 * @category rules
 * @since 0.1.0
 */
export const completeTask = (task: ReviewTask, by: string, on: LocalDate): Result => {
  const bad = common(task, "complete", on)
  if (bad !== undefined) return bad
  return Either.right({ ...task, completedOn: on, history: [...task.history, { _tag: "Completed", by, on }] })
}

/**
 * A reviewer's tasks handed over to another: every task, the moved ones reassigned.
 *
 * @category models
 * @since 0.1.0
 */
export interface Handover {
  /** Every task given, in the same order; the moved ones reassigned. */
  readonly tasks: ReadonlyArray<ReviewTask>
  /** Ids of the tasks that moved. */
  readonly moved: ReadonlyArray<string>
}

/**
 * 工作交接: a reviewer leaves the post; every open task of `fromAccount` moves to `toAccount`, each with a
 * HandedOver record. Completed tasks keep their assignee (the history says who did the work).
 *
 * @category rules
 * @since 0.1.0
 */
export const handover = (
  tasks: ReadonlyArray<ReviewTask>,
  fromAccount: string,
  toAccount: string,
  by: string,
  on: LocalDate,
): Either.Either<Handover, TaskRefused> => {
  const mine = tasks.filter((t) => isTaskOpen(t) && t.assignee === fromAccount)
  if (fromAccount === toAccount)
    return Either.left(
      new TaskRefused({
        taskId: mine.map((t) => t.id).join(",") || "-",
        action: "handover",
        reason: "same_assignee",
        detail: { zh: "交接双方是同一账号", en: "the leaving and the receiving account are the same" },
      }),
    )
  for (const t of mine) {
    const bad = common(t, "handover", on)
    if (bad !== undefined && Either.isLeft(bad)) return Either.left(bad.left)
  }
  return Either.right({
    tasks: tasks.map((t) =>
      isTaskOpen(t) && t.assignee === fromAccount
        ? {
            ...t,
            assignee: toAccount,
            history: [...t.history, { _tag: "HandedOver", from: fromAccount, to: toAccount, by, on }],
          }
        : t,
    ),
    moved: mine.map((t) => t.id),
  })
}

/**
 * "资格审查（审核员甲）" — the step and the assignee, for lists.
 *
 * @category utils
 * @since 0.1.0
 */
export const describeTask = (task: ReviewTask): Text => ({
  zh: `${STATE_LABELS[task.step].zh}（${task.assignee}）`,
  en: `${STATE_LABELS[task.step].en} (${task.assignee})`,
})
