import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { daanFirstSecretary } from "../scheme/presets/index.js"
import { make } from "../shared/LocalDate.js"
import { applyRecall, recallsInWindow } from "./Recall.js"

/**
 * Issue 13, "dates bite": a consequence like "2 recalls in a year" could only count a rolling window. A scheme now
 * chooses: `rolling` ("一年内": within a year of the first — 002 三（二） "一年内连续两次召回第一书记的") or
 * `calendar_year` ("年度": the recalls of the same calendar year).
 */

const year = { amount: 1, unit: "year" } as const
const d = make

describe("counting windows: rolling or calendar year", () => {
  it("28 Dec 2027 and 1 Jun 2028: one rolling year apart counts both; calendar year 2028 counts one", () => {
    expect(recallsInWindow(d("2028-06-01"), year, [d("2027-12-28")], "rolling")).toEqual([
      "2027-12-28",
      "2028-06-01",
    ])
    expect(recallsInWindow(d("2028-06-01"), year, [d("2027-12-28")], "calendar_year")).toEqual(["2028-06-01"])
  })

  it("2 Jan and 30 Dec of one year count together in either window", () => {
    expect(recallsInWindow(d("2028-12-30"), year, [d("2028-01-02")], "calendar_year")).toHaveLength(2)
    expect(recallsInWindow(d("2028-12-30"), year, [d("2028-01-02")], "rolling")).toHaveLength(2)
  })

  it("a calendar window of 2 years counts this year and the last, not the one before", () => {
    const two = { amount: 2, unit: "year" } as const
    expect(
      recallsInWindow(d("2028-03-01"), two, [d("2026-12-31"), d("2027-01-01")], "calendar_year"),
    ).toEqual(["2027-01-01", "2028-03-01"])
  })

  it("002 三（二） says 一年内: the preset states a rolling window, and the threshold names it", () => {
    const daan = loadPreset(daanFirstSecretary)
    const cs = daan.recall.consequences
    if (cs._tag !== "Cited") throw new Error("002 cites its consequences")
    const windows = cs.value.flatMap((c) => (c.after === undefined ? [] : [c.after.window]))
    expect(windows).toEqual(["rolling", "rolling"])
    const calendar = {
      ...cs,
      value: cs.value.map((c) =>
        c.after === undefined ? c : { ...c, after: { ...c.after, window: "calendar_year" as const } },
      ),
    }
    const o = applyRecall({ consequences: calendar, on: d("2028-06-01"), unitRecalls: [d("2027-12-28")] })
    expect(o.unitThresholds.map((u) => u.reached)).toEqual([false, false])
    expect(o.unitThresholds[0]?.text.zh).toContain("2028年度内召回该单位选派干部1次")
  })
})
