import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { make } from "../shared/LocalDate.js"
import { OFFICIAL_2025_2026 } from "./fixtures.js"
import { type LocalAdjustment, localAdjustmentProblems, withLocalAdjustments } from "./LocalAdjustment.js"
import { addWorkingDays, isWorkingDay } from "./WorkCalendar.js"

const d = make
const national = OFFICIAL_2025_2026
const adj = (regionPath: string, a: Partial<LocalAdjustment>): LocalAdjustment => ({
  regionPath,
  year: 2026,
  holidays: [],
  makeUpWorkdays: [],
  reason: "本地通知",
  ...a,
})
const working = (cal: typeof national, date: string) => Either.getOrThrow(isWorkingDay(cal, d(date)))
const notice = (cal: typeof national, start: string, n: number) =>
  Either.getOrThrow(addWorkingDays(cal, d(start), n, { countFrom: "day_after" }))

describe("local working-day adjustments", () => {
  // Tuesday 1 December 2026 off in 江东区 (/33/3301/), worked Saturday 5 December instead.
  const jiangdong = adj("/33/3301/", { holidays: [d("2026-12-01")], makeUpWorkdays: [d("2026-12-05")] })

  it("apply in the region and beneath it, never in another region or nationally", () => {
    const own = withLocalAdjustments(national, [jiangdong], "/33/3301/330101/")
    expect(working(own, "2026-12-01")).toBe(false)
    expect(working(own, "2026-12-05")).toBe(true)
    const other = withLocalAdjustments(national, [jiangdong], "/33/3302/")
    expect(other).toBe(national)
    expect(working(other, "2026-12-01")).toBe(true)
    expect(working(other, "2026-12-05")).toBe(false)
    // The parent city's calendar is not the district's.
    expect(withLocalAdjustments(national, [jiangdong], "/33/")).toBe(national)
  })

  it("a 公示 of 5 working days from Monday 30 November ends later in the district with a day off", () => {
    expect(notice(national, "2026-11-30", 5)).toBe("2026-12-07")
    // 1 Dec off, 5 Dec worked: 2, 3, 4, 5, 7 → the same end; with only the day off it moves to the 8th.
    const offOnly = adj("/33/3301/", { holidays: [d("2026-12-01")] })
    expect(notice(withLocalAdjustments(national, [offOnly], "/33/3301/"), "2026-11-30", 5)).toBe("2026-12-08")
    expect(notice(withLocalAdjustments(national, [offOnly], "/33/3302/"), "2026-11-30", 5)).toBe("2026-12-07")
  })

  it("a city's adjustment applies to its districts too, with theirs", () => {
    const city = adj("/33/", { holidays: [d("2026-12-02")] })
    const cal = withLocalAdjustments(national, [city, jiangdong], "/33/3301/")
    expect(working(cal, "2026-12-01")).toBe(false)
    expect(working(cal, "2026-12-02")).toBe(false)
  })

  it("the national calendar wins over a conflicting local date", () => {
    // National Day (a national holiday) cannot be worked locally; a weekday cannot be a make-up day.
    const bad = adj("/33/3301/", { makeUpWorkdays: [d("2026-10-03"), d("2026-12-02")] })
    expect(localAdjustmentProblems(national, bad).map((p) => p.en)).toEqual([
      "a local make-up workday must fall on a weekend: 2026-12-02",
      "a local make-up workday may not be a national holiday: 2026-10-03",
    ])
    const cal = withLocalAdjustments(national, [bad], "/33/3301/")
    expect(working(cal, "2026-10-03")).toBe(false)
    expect(working(cal, "2026-12-02")).toBe(true)
    // A local day off on a national holiday or a plain weekend is not a local day off at all.
    expect(
      localAdjustmentProblems(national, adj("/33/", { holidays: [d("2026-10-01"), d("2026-12-06")] }))[0]?.zh,
    ).toContain("须为国家工作日历上的工作日")
    expect(localAdjustmentProblems(national, jiangdong)).toEqual([])
  })

  it("property: the composed calendar is a valid calendar and equals the national one outside the local dates", () => {
    const dec = fc.integer({ min: 1, max: 31 }).map((n) => d(`2026-12-${String(n).padStart(2, "0")}`))
    fc.assert(
      fc.property(
        fc.uniqueArray(dec, { maxLength: 10 }),
        fc.uniqueArray(dec, { maxLength: 10 }),
        (off, on) => {
          const cal = withLocalAdjustments(
            national,
            [adj("/1/", { holidays: off, makeUpWorkdays: on })],
            "/1/2/",
          )
          for (const y of cal.years) {
            const h = new Set(y.holidays)
            expect(y.makeUpWorkdays.filter((x) => h.has(x))).toEqual([])
          }
          for (let n = 1; n <= 30; n++) {
            const date = `2026-11-${String(n).padStart(2, "0")}`
            expect(working(cal, date)).toBe(working(national, date))
          }
        },
      ),
    )
  })
})
