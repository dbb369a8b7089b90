import type { Problem } from "@cadre/ui"
import { describe, expect, it } from "vitest"
import {
  assignInput,
  dueBeforeToday,
  placeRefusal,
  reasonLength,
  reasonProblem,
  takesTask,
  transferInput,
} from "./task-forms"

const api = (over: Partial<Extract<Problem, { kind: "api" }>>): Problem => ({
  kind: "api",
  code: "CONFLICT",
  tag: "TaskRefused",
  message: { zh: "任务 t-1 不能转办：acc-9 不在可转办的审核人员范围内", en: "Cannot transfer task t-1" },
  issues: [],
  requestId: null,
  ...over,
})

describe("转办理由: required, at most 500, counted as the server counts, never cut", () => {
  it("refuses a blank reason and one over 500 characters; counts the trimmed text", () => {
    expect(reasonProblem(undefined)).toBe("required")
    expect(reasonProblem("   ")).toBe("required")
    expect(reasonProblem("本人需回避")).toBeNull()
    expect(reasonProblem("回".repeat(500))).toBeNull()
    expect(reasonProblem("回".repeat(501))).toBe("tooLong")
    // Spaces around the text are not counted (the server takes the trimmed text).
    expect(reasonProblem(`  ${"回".repeat(500)}  `)).toBeNull()
    expect(reasonLength("  回避 ")).toBe(2)
  })

  it("sends the whole reason trimmed, with the task's version", () => {
    expect(transferInput({ id: "t-1", version: 3 }, { to: "acc-2", reason: "  本人需回避 " })).toEqual({
      taskId: "t-1",
      expectedVersion: 3,
      to: "acc-2",
      reason: "本人需回避",
    })
  })
})

describe("分派: a due date is optional and not before today", () => {
  it("refuses a date before today, takes today and later, and leaves an empty one out", () => {
    expect(dueBeforeToday("2026-11-25", "2026-11-26")).toBe(true)
    expect(dueBeforeToday("2026-11-26", "2026-11-26")).toBe(false)
    expect(dueBeforeToday("2027-01-01", "2026-11-26")).toBe(false)
    expect(dueBeforeToday(undefined, "2026-11-26")).toBe(false)
    expect(dueBeforeToday("", "2026-11-26")).toBe(false)
    expect(assignInput("app-1", { assignee: "acc-2", dueOn: "" })).toEqual({
      applicationId: "app-1",
      assignee: "acc-2",
    })
    expect(assignInput("app-1", { assignee: "acc-2", dueOn: "2026-12-01" })).toEqual({
      applicationId: "app-1",
      assignee: "acc-2",
      dueOn: "2026-12-01",
    })
  })

  it("offers 分派 only on a step that takes a task", () => {
    expect(takesTask("screened")).toBe(true)
    expect(takesTask("interview")).toBe(true)
    expect(["draft", "withdrawn", "rejected", "reported_in"].some(takesTask)).toBe(false)
  })
})

describe("the server's refusal goes to its field, in plain words", () => {
  const fields = { to: "to", reason: "reason" }
  it("places a reviewer out of scope (kernel or service) at the picker, never the server's ids", () => {
    expect(placeRefusal(api({ reason: "out_of_scope" }), fields)).toEqual([
      { field: "to", key: "outOfScope" },
    ])
    expect(
      placeRefusal(api({ tag: "Conflict", reason: "assignee_out_of_scope" }), { assignee: "assignee" }),
    ).toEqual([{ field: "assignee", key: "outOfScope" }])
    expect(placeRefusal(api({ reason: "same_assignee" }), fields)).toEqual([
      { field: "to", key: "sameAssignee" },
    ])
  })

  it("says a stale version and a closed task in the form's own words", () => {
    expect(placeRefusal(api({ tag: "StaleVersion" }), fields)).toEqual([{ field: null, key: "stale" }])
    expect(placeRefusal(api({ reason: "closed" }), fields)).toEqual([{ field: null, key: "closed" }])
  })

  it("places an input issue at its field without the field's name; the rest stays the server's", () => {
    const invalid = api({
      tag: "InvalidInput",
      code: "BAD_REQUEST",
      issues: [
        { path: ["dueOn"], message: { zh: "办理时限（dueOn）：不能早于今天", en: "due on (dueOn): x" } },
      ],
    })
    expect(placeRefusal(invalid, { dueOn: "dueOn" })).toEqual([
      { field: "dueOn", text: { zh: "不能早于今天", en: "x" } },
    ])
    const other = api({
      tag: "NotFound",
      code: "NOT_FOUND",
      message: { zh: "未找到", en: "not found" },
    })
    expect(placeRefusal(other, fields)).toEqual([{ field: null, text: { zh: "未找到", en: "not found" } }])
    expect(placeRefusal({ kind: "network" }, fields)).toEqual([{ field: null }])
  })
})
