import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { addDays, type LocalDate, make } from "../shared/LocalDate.js"
import {
  completeTask,
  describeTask,
  handover,
  isTaskOpen,
  isOverdue,
  openTask,
  type ReviewTask,
  remind,
  type TaskStep,
  transfer,
} from "./Task.js"

// 001 四（二）2 街道考察（7月17日前）: a street inspection task due on 17 Jul 2019.
const DUE = make("2019-07-17")
const D = (s: string) => make(s)
const base = (
  over: Partial<{ id: string; assignee: string; dueOn: LocalDate | undefined; step: TaskStep }> = {},
) =>
  openTask({
    id: over.id ?? "t-1",
    applicationId: "app-1",
    step: over.step ?? "inspection",
    assignee: over.assignee ?? "reviewer-a",
    dueOn: "dueOn" in over ? over.dueOn : DUE,
    by: "admin",
    on: D("2019-07-13"),
  })
const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(String(e.left))
  return e.right
}
const left = <A, E>(e: Either.Either<A, E>): E => {
  if (Either.isRight(e)) throw new Error("expected a refusal")
  return e.left
}
const IN_SCOPE = (id: string) => id.startsWith("reviewer-")

describe("isOverdue (001 四（二）2 7月17日前)", () => {
  it("001 四（二）2: due 17 Jul — not overdue on 17 Jul, overdue on 18 Jul", () => {
    expect(isOverdue(base(), D("2019-07-17"))).toBe(false)
    expect(isOverdue(base(), D("2019-07-18"))).toBe(true)
  })
  it("a task without a due date (000 二（二） 部务会 undated) or a completed task is never overdue", () => {
    expect(isOverdue(base({ dueOn: undefined }), D("2030-01-01"))).toBe(false)
    const done = right(completeTask(base(), "reviewer-a", D("2019-07-16")))
    expect(isTaskOpen(done)).toBe(false)
    expect(isOverdue(done, D("2019-07-20"))).toBe(false)
  })
})

describe("transfer 转办 (platform rule; no seed clause)", () => {
  it("moves the task to a reviewer in scope and records from, to, by, date and reason", () => {
    const t = right(
      transfer(base(), "reviewer-b", "chief", D("2019-07-14"), "  回避：与推荐人选系近亲属 ", IN_SCOPE),
    )
    expect(t.assignee).toBe("reviewer-b")
    expect(t.history.at(-1)).toEqual({
      _tag: "Transferred",
      from: "reviewer-a",
      to: "reviewer-b",
      by: "chief",
      on: "2019-07-14",
      reason: "回避：与推荐人选系近亲属",
    })
  })
  it("refuses a reviewer the caller's predicate puts out of scope, with a bilingual reason", () => {
    const e = left(transfer(base(), "clerk-x", "chief", D("2019-07-14"), "人手不足", IN_SCOPE))
    expect(e).toMatchObject({ _tag: "TaskRefused", action: "transfer", reason: "out_of_scope" })
    expect(e.text).toEqual({
      zh: "任务 t-1 不能转办：clerk-x 不在可转办的审核人员范围内",
      en: "Cannot transfer task t-1: clerk-x is not a reviewer the task may be transferred to",
    })
  })
  it("refuses the current assignee, a blank reason, a completed task and a date before the history", () => {
    expect(left(transfer(base(), "reviewer-a", "chief", D("2019-07-14"), "x", IN_SCOPE)).reason).toBe(
      "same_assignee",
    )
    expect(left(transfer(base(), "reviewer-b", "chief", D("2019-07-14"), "  ", IN_SCOPE)).reason).toBe(
      "reason_missing",
    )
    const done = right(completeTask(base(), "reviewer-a", D("2019-07-15")))
    expect(left(transfer(done, "reviewer-b", "chief", D("2019-07-16"), "x", IN_SCOPE)).reason).toBe("closed")
    expect(left(transfer(base(), "reviewer-b", "chief", D("2019-07-12"), "x", IN_SCOPE)).reason).toBe(
      "date_before_history",
    )
  })
})

describe("remind 催办 (001 四（二）2 7月17日前)", () => {
  it("001 四（二）2: on 17 Jul the task is not overdue and a reminder is refused; on 18 Jul it is recorded", () => {
    const e = left(remind(base(), "chief", D("2019-07-17")))
    expect(e.reason).toBe("not_overdue")
    expect(e.text.zh).toBe("任务 t-1 不能催办：任务办理期限为 2019-07-17，尚未逾期")
    const t = right(remind(base(), "chief", D("2019-07-18")))
    expect(t.remindedOn).toEqual(["2019-07-18"])
    expect(t.history.at(-1)).toEqual({ _tag: "Reminded", by: "chief", on: "2019-07-18" })
  })
  it("one reminder a day; the next day another is recorded", () => {
    const once = right(remind(base(), "chief", D("2019-07-18")))
    expect(left(remind(once, "chief", D("2019-07-18"))).reason).toBe("already_reminded")
    expect(right(remind(once, "chief", D("2019-07-19"))).remindedOn).toEqual(["2019-07-18", "2019-07-19"])
  })
  it("a task with no due date cannot be reminded, and says why", () => {
    expect(left(remind(base({ dueOn: undefined }), "chief", D("2019-08-01"))).detail.en).toBe(
      "the task has no due date, so it cannot be overdue",
    )
  })
})

describe("handover 工作交接", () => {
  it("moves every open task of the leaving reviewer, records each, and leaves completed and others' tasks alone", () => {
    const t1 = base({ id: "t-1" })
    const t2 = base({ id: "t-2", step: "qualification_review" })
    const t3 = right(completeTask(base({ id: "t-3" }), "reviewer-a", D("2019-07-15")))
    const t4 = base({ id: "t-4", assignee: "reviewer-c" })
    const r = right(handover([t1, t2, t3, t4], "reviewer-a", "reviewer-b", "chief", D("2019-07-16")))
    expect(r.moved).toEqual(["t-1", "t-2"])
    expect(r.tasks.map((t) => t.assignee)).toEqual(["reviewer-b", "reviewer-b", "reviewer-a", "reviewer-c"])
    expect(r.tasks[0]?.history.at(-1)).toEqual({
      _tag: "HandedOver",
      from: "reviewer-a",
      to: "reviewer-b",
      by: "chief",
      on: "2019-07-16",
    })
    expect(r.tasks[2]).toBe(t3)
    expect(r.tasks[3]).toBe(t4)
    expect(describeTask(r.tasks[1] as ReviewTask)).toEqual({
      zh: "资格审查（reviewer-b）",
      en: "qualification review (reviewer-b)",
    })
  })
  it("refuses a handover to the same account", () => {
    expect(left(handover([base()], "reviewer-a", "reviewer-a", "chief", D("2019-07-16"))).reason).toBe(
      "same_assignee",
    )
  })

  const arbTasks = fc.array(
    fc.record({
      assignee: fc.constantFrom("reviewer-a", "reviewer-b", "reviewer-c"),
      done: fc.boolean(),
      due: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    }),
    { maxLength: 20 },
  )
  const build = (rows: ReadonlyArray<{ assignee: string; done: boolean; due: number | undefined }>) =>
    rows.map((r, i) => {
      const t = base({
        id: `t-${i}`,
        assignee: r.assignee,
        dueOn: r.due === undefined ? undefined : addDays(DUE, r.due),
      })
      return r.done ? right(completeTask(t, r.assignee, D("2019-07-14"))) : t
    })

  it("property: after a handover no open task is left with the old assignee; nothing else changes", () => {
    fc.assert(
      fc.property(arbTasks, fc.constantFrom("reviewer-a", "reviewer-b"), (rows, from) => {
        const tasks = build(rows)
        const to = "reviewer-new"
        const r = right(handover(tasks, from, to, "chief", D("2019-07-20")))
        return (
          r.tasks.length === tasks.length &&
          !r.tasks.some((t) => isTaskOpen(t) && t.assignee === from) &&
          r.tasks.every((t, i) => {
            const before = tasks[i] as ReviewTask
            const movedHere = isTaskOpen(before) && before.assignee === from
            return movedHere
              ? t.assignee === to &&
                  r.moved.includes(t.id) &&
                  t.history.length === before.history.length + 1 &&
                  t.history.at(-1)?._tag === "HandedOver"
              : t === before && !r.moved.includes(t.id)
          })
        )
      }),
    )
  })

  it("property: a reminder is accepted exactly when the task is open and overdue (first reminder of the day)", () => {
    fc.assert(
      fc.property(arbTasks, fc.integer({ min: 0, max: 15 }), (rows, d) => {
        const on = addDays(DUE, d)
        return build(rows).every((t) => Either.isRight(remind(t, "chief", on)) === isOverdue(t, on))
      }),
    )
  })
})
