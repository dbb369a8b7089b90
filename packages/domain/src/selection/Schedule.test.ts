import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import {
  anqiuDownSecondment,
  guizhouStreetReservePool,
  yangpuCommunitySecretary,
} from "../scheme/presets/index.js"
import type { Deadline, Scheme, Stage } from "../scheme/Scheme.js"
import { cite } from "../shared/Citation.js"
import { cited, unspecified } from "../shared/Cited.js"
import { compare, type LocalDate, make, toEpochDay } from "../shared/LocalDate.js"
import { text } from "../shared/Text.js"
import { entryOf, overdue, type Schedule, type ScheduleOptions, scheduleOf } from "./Schedule.js"

const YANGPU = loadPreset(yangpuCommunitySecretary)
const GUIZHOU = loadPreset(guizhouStreetReservePool)
const ANQIU = loadPreset(anqiuDownSecondment)

const build = (scheme: Pick<Scheme, "id" | "version" | "stages">, options: ScheduleOptions): Schedule => {
  const r = scheduleOf(scheme, options)
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const dates = (s: Schedule) => Object.fromEntries(s.entries.map((e) => [e.stageId, e.date]))

/** A test-only stage (not policy): id and deadline. */
const stage = (id: string, deadline: Stage["deadline"]): Stage => ({
  id,
  label: text(id, id),
  actor: "org_dept",
  deadline,
  citation: cite("test", id),
})
const at = (d: Deadline) => cited(d, cite("test", "deadline"))
const synthetic = (stages: ReadonlyArray<Stage>) => ({ id: YANGPU.id, version: 1, stages })

describe("scheduleOf — 000 Yangpu (二（一）、二（二）)", () => {
  const s = build(YANGPU, { startYear: 2020 })

  it("000 二（一）: unit recommendations by 18 Dec; 二（二）: interviews by the end of late Dec, report-in by 20 Jan next year", () => {
    expect(dates(s)).toEqual({
      mobilise: undefined,
      recommend: "2020-12-18",
      interview: "2020-12-31",
      decide: undefined,
      report_to_street: "2021-01-20",
      placement: undefined,
    })
  })

  it("000 二（二）: 下旬 opens on the 21st, 中旬 on the 11th; the citation is the deadline's clause", () => {
    expect(entryOf(s, "interview")).toMatchObject({
      opens: "2020-12-21",
      overridden: false,
      citation: { document: "000", clause: "二（二）", quote: "12月下旬" },
    })
    expect(entryOf(s, "report_to_street")).toMatchObject({ opens: "2021-01-11", date: "2021-01-20" })
  })

  it("000 二（二） 部务会 is undated: no date, the scheme's note says why, until the campaign sets one", () => {
    expect(entryOf(s, "decide")?.note?.zh).toBe("通知未规定部务会的时间")
    const withMeeting = build(YANGPU, { startYear: 2020, overrides: { decide: make("2020-12-30") } })
    expect(entryOf(withMeeting, "decide")).toMatchObject({
      date: "2020-12-30",
      overridden: true,
      citation: { document: "000", clause: "二（二）" },
    })
  })

  it("000 二（二） 明年1月中旬: yearOffset 1 in a leap-year campaign still lands on the 20th", () => {
    expect(entryOf(build(YANGPU, { startYear: 2023 }), "report_to_street")?.date).toBe("2024-01-20")
  })

  it("000 二（一）: a campaign date overrides the scheme's", () => {
    const s2 = build(YANGPU, { startYear: 2020, overrides: { recommend: make("2020-12-21") } })
    expect(entryOf(s2, "recommend")).toMatchObject({ date: "2020-12-21", overridden: true })
  })
})

describe("scheduleOf — 001 Guizhou (四)", () => {
  const s = build(GUIZHOU, { startYear: 2019 })

  it("001 四（二）1–3: recommend by 12 Jul, inspect (and joint review) by 17 Jul, decide by 18 Jul", () => {
    expect(dates(s)).toEqual({
      deploy: "2019-07-04",
      recommend: "2019-07-12",
      joint_review: "2019-07-17",
      inspect: "2019-07-17",
      decide: "2019-07-18",
      submit_forms: "2019-07-19",
      report: "2019-07-20",
    })
  })

  it("001 四（一）、四（三）: a period (7月1日—7月4日, 7月19日-7月20日) ends on its last day and opens on its first", () => {
    expect(entryOf(s, "deploy")).toMatchObject({ opens: "2019-07-01", date: "2019-07-04" })
    expect(entryOf(s, "report")).toMatchObject({ opens: "2019-07-19", date: "2019-07-20" })
  })

  it("001 四: the preset's stages, in order, have non-decreasing dates", () => {
    const ds = s.entries.map((e) => e.date ?? "")
    expect(ds).toEqual([...ds].sort())
  })

  it("001 四（二）1 7月12日前: overdue from 13 Jul, not on 12 Jul; an undated or unknown stage is never overdue", () => {
    expect(overdue(s, "recommend", make("2019-07-12"))).toBe(false)
    expect(overdue(s, "recommend", make("2019-07-13"))).toBe(true)
    expect(overdue(build(YANGPU, { startYear: 2020 }), "decide", make("2030-01-01"))).toBe(false)
    expect(overdue(s, "no_such_stage", make("2030-01-01"))).toBe(false)
  })
})

describe("scheduleOf — 004 Anqiu (规范选派程序) and After", () => {
  it("004 安丘 规范选派程序: no stage is dated, so every date comes from the campaign", () => {
    const s = build(ANQIU, { startYear: 2024 })
    expect(s.entries.every((e) => e.date === undefined && e.note !== undefined)).toBe(true)
    const set = build(ANQIU, {
      startYear: 2024,
      overrides: { apply: make("2024-03-15"), shortlist: make("2024-03-29") },
    })
    expect(dates(set)).toMatchObject({ apply: "2024-03-15", shortlist: "2024-03-29", decide: undefined })
  })

  it("After: a stage within 1 month of a decision on 31 Jan ends on 29 Feb in a leap year, 28 Feb otherwise", () => {
    const stages = [
      stage("decide", unspecified(text("未规定", "not set"))),
      stage("publish", at({ _tag: "After", stageId: "decide", within: { amount: 1, unit: "month" } })),
    ]
    const leap = build(synthetic(stages), { startYear: 2024, overrides: { decide: make("2024-01-31") } })
    expect(entryOf(leap, "publish")?.date).toBe("2024-02-29")
    const common = build(synthetic(stages), { startYear: 2023, overrides: { decide: make("2023-01-31") } })
    expect(entryOf(common, "publish")?.date).toBe("2023-02-28")
    const undated = build(synthetic(stages), { startYear: 2023 })
    expect(entryOf(undated, "publish")?.note?.en).toBe('counted from stage "decide", which has no date yet')
  })

  it("After: days and years; a year after 29 Feb is 28 Feb", () => {
    const stages = [
      stage("a", at({ _tag: "ByDate", month: 2, day: 29, yearOffset: 0 })),
      stage("b", at({ _tag: "After", stageId: "a", within: { amount: 3, unit: "day" } })),
      stage("c", at({ _tag: "After", stageId: "a", within: { amount: 1, unit: "year" } })),
    ]
    expect(dates(build(synthetic(stages), { startYear: 2024 }))).toEqual({
      a: "2024-02-29",
      b: "2024-03-03",
      c: "2025-02-28",
    })
  })

  it("ByDate: 29 Feb in a common year falls to 28 Feb, and the note says so", () => {
    const s = build(synthetic([stage("a", at({ _tag: "ByDate", month: 2, day: 29, yearOffset: 0 }))]), {
      startYear: 2023,
    })
    expect(entryOf(s, "a")).toMatchObject({ date: "2023-02-28" })
    expect(entryOf(s, "a")?.note?.zh).toBe("2023年2月没有29日，按该月最后一天计")
  })

  it("After: a cycle of references leaves the stages undated with a note, not a crash", () => {
    const stages = [
      stage("a", at({ _tag: "After", stageId: "b", within: { amount: 1, unit: "day" } })),
      stage("b", at({ _tag: "After", stageId: "a", within: { amount: 1, unit: "day" } })),
    ]
    const s = build(synthetic(stages), { startYear: 2024 })
    expect(s.entries.map((e) => e.date)).toEqual([undefined, undefined])
    expect(entryOf(s, "a")?.note?.en).toContain("cycle")
    // Setting one date breaks the cycle.
    expect(
      dates(build(synthetic(stages), { startYear: 2024, overrides: { a: make("2024-05-01") } })),
    ).toEqual({
      a: "2024-05-01",
      b: "2024-05-02",
    })
  })

  it("an override for a stage the scheme does not have, or a start year outside 1900–2200, is refused", () => {
    const r = scheduleOf(GUIZHOU, { startYear: 2019, overrides: { interview: make("2019-07-15") } })
    expect(Either.isLeft(r) && r.left).toMatchObject({ _tag: "ScheduleInvalid", reason: "unknown_stage" })
    expect(Either.isLeft(r) && r.left.text.zh).toBe(
      "无法生成时间安排：方案中没有环节“interview”，不能为其设定日期",
    )
    const y = scheduleOf(GUIZHOU, { startYear: 2201 })
    expect(Either.isLeft(y) && y.left.reason).toBe("year_out_of_range")
    const offset = scheduleOf(
      synthetic([stage("a", at({ _tag: "ByDate", month: 1, day: 1, yearOffset: 1 }))]),
      {
        startYear: 2200,
      },
    )
    expect(Either.isLeft(offset) && offset.left).toMatchObject({ reason: "year_out_of_range", stageId: "a" })
  })
})

describe("scheduleOf — properties", () => {
  /** A deadline with the day it nominally names, for ordering: 上旬 10, 中旬 20, 下旬 31, a period its end. */
  const arbDeadline: fc.Arbitrary<{ readonly d: Deadline; readonly key: number }> = fc.oneof(
    fc
      .record({
        y: fc.integer({ min: 0, max: 2 }),
        m: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .map(({ y, m, day }) => ({
        d: { _tag: "ByDate", month: m, day, yearOffset: y } as const,
        key: (y * 12 + m) * 100 + day,
      })),
    fc
      .record({
        y: fc.integer({ min: 0, max: 2 }),
        m: fc.integer({ min: 1, max: 12 }),
        part: fc.constantFrom("early", "mid", "late" as const),
      })
      .map(({ y, m, part }) => ({
        d: { _tag: "InPeriod", month: m, part, yearOffset: y } as const,
        key: (y * 12 + m) * 100 + (part === "early" ? 10 : part === "mid" ? 20 : 31),
      })),
    fc
      .record({
        y: fc.integer({ min: 0, max: 2 }),
        m: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .map(({ y, m, day }) => ({
        d: { _tag: "Between", from: { month: m, day: 1 }, to: { month: m, day }, yearOffset: y } as const,
        key: (y * 12 + m) * 100 + day,
      })),
  )

  it("property (000 二, 001 四): deadlines the scheme lists in calendar order resolve to non-decreasing dates", () => {
    fc.assert(
      fc.property(
        fc.array(arbDeadline, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1900, max: 2190 }),
        (ds, year) => {
          const sorted = [...ds].sort((a, b) => a.key - b.key)
          const s = build(synthetic(sorted.map((x, i) => stage(`s${i}`, at(x.d)))), { startYear: year })
          return s.entries.every((e, i) => {
            const prev = s.entries[i - 1]?.date
            return e.date !== undefined && (prev === undefined || compare(prev, e.date) <= 0)
          })
        },
      ),
    )
  })

  it("property: a chain of After deadlines is strictly increasing, and a day count is exact", () => {
    // Years at most 20 each: six of them from 2050 stay inside the 1900–2200 a timetable may span (a chain past
    // 2200 is refused with year_out_of_range, tested above; a run once drew 6 × 40 years).
    const arbWithin = fc.oneof(
      fc.record({ amount: fc.integer({ min: 1, max: 40 }), unit: fc.constantFrom("day", "month" as const) }),
      fc.record({ amount: fc.integer({ min: 1, max: 20 }), unit: fc.constant("year" as const) }),
    )
    fc.assert(
      fc.property(
        fc.array(arbWithin, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1950, max: 2050 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (withins, year, month, day) => {
          const stages = [
            stage("s0", at({ _tag: "ByDate", month, day, yearOffset: 0 })),
            ...withins.map((within, i) =>
              stage(`s${i + 1}`, at({ _tag: "After", stageId: `s${i}`, within })),
            ),
          ]
          const s = build(synthetic(stages), { startYear: year })
          return withins.every((w, i) => {
            const a = s.entries[i]?.date as LocalDate
            const b = s.entries[i + 1]?.date as LocalDate
            return compare(a, b) < 0 && (w.unit !== "day" || toEpochDay(b) - toEpochDay(a) === w.amount)
          })
        },
      ),
    )
  })
})
