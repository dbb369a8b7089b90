import { describe, expect, it } from "vitest"
import { recordInitial } from "./record-fields"
import type { ApplicationRow } from "./types"

// Issue 16: a review step's record opens with no conclusion chosen — 资格审查 without 通过, 联审 without 同意 — so
// one click never records a result nobody gave; a stored record opens as it was, to add to or correct.
const row = (state: string, records: Record<string, unknown> = {}) =>
  ({ state, application: { records } }) as unknown as ApplicationRow

describe("recordInitial", () => {
  it("资格审查 starts with no conclusion", () => {
    expect(recordInitial(row("qualification_review"))).toEqual({})
  })
  it("联审 starts with one department line and no opinion chosen", () => {
    expect(recordInitial(row("joint_review"))).toEqual({ opinions: [{ department: "", note: "" }] })
  })
  it("a stored record opens as it was", () => {
    const opinions = [{ department: "纪检", agree: false, note: "有一起未结案件" }]
    expect(recordInitial(row("joint_review", { joint_review: { opinions } }))).toEqual({ opinions })
    expect(
      recordInitial(
        row("qualification_review", {
          qualification_review: { reviewer: "张审核", passed: false, note: "学历不符" },
        }),
      ),
    ).toEqual({ reviewer: "张审核", passed: false, note: "学历不符" })
  })
})
