import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { ReportObligation } from "../scheme/Scheme.js"
import { cite } from "../shared/Citation.js"
import { cited, unspecified } from "../shared/Cited.js"
import { addDays, compare, make } from "../shared/LocalDate.js"
import { text } from "../shared/Text.js"
import { addDuration } from "./Dates.js"
import { d, decision, drive, placed, SCHEMES, yangpuInTerm } from "./fixtures.js"
import {
  generateObligations,
  type ObligationInstance,
  obligationsOf,
  overdue,
  statusOf,
  type Submission,
} from "./Obligations.js"

const window = (start: string, end: string, endedOn?: string) => ({
  placementId: "pl-1",
  terms: [{ number: 1, start: make(start), end: make(end) }],
  ...(endedOn === undefined ? {} : { endedOn: make(endedOn) }),
})
const dues = (xs: ReadonlyArray<ObligationInstance>, reportId: string) =>
  xs.filter((x) => x.reportId === reportId).map((x) => x.due)
const periods = (xs: ReadonlyArray<ObligationInstance>, reportId: string) =>
  xs.filter((x) => x.reportId === reportId).map((x) => `${x.period?.from}..${x.period?.to}`)

const report = (id: string, cadence: ReportObligation["cadence"]): ReportObligation => ({
  id,
  from: "applicant",
  to: "org_dept",
  subject: text("报告", "report"),
  cadence,
  citation: cite("test", "1"),
})

describe("000 三（二）: the street's half-year report and the year-end grade filing, 2021-01-15 → 2026-01-15", () => {
  const xs = obligationsOf(yangpuInTerm(), SCHEMES.yangpu)

  it("000 三（二） 每半年: due on 30 June and 31 December; the first counts from the start; the last stub is due at the term end", () => {
    expect(dues(xs, "street_half_year")).toEqual([
      "2021-06-30",
      "2021-12-31",
      "2022-06-30",
      "2022-12-31",
      "2023-06-30",
      "2023-12-31",
      "2024-06-30",
      "2024-12-31",
      "2025-06-30",
      "2025-12-31",
      "2026-01-15",
    ])
    expect(periods(xs, "street_half_year")[0]).toBe("2021-01-15..2021-06-30")
    expect(periods(xs, "street_half_year").at(-1)).toBe("2026-01-01..2026-01-14")
  })

  it("000 三（二） 年终: the grade filing is due each 31 December, and at the term end for the last stub year", () => {
    expect(dues(xs, "annual_grade_filing")).toEqual([
      "2021-12-31",
      "2022-12-31",
      "2023-12-31",
      "2024-12-31",
      "2025-12-31",
      "2026-01-15",
    ])
  })

  it("000 三（二）: the street reports to the org dept, with the clause; keys are stable", () => {
    const first = xs[0]
    expect(first).toEqual({
      key: "pl-1/street_half_year/2021-01-15",
      placementId: "pl-1",
      reportId: "street_half_year",
      from: "street",
      to: "org_dept",
      subject: text("选派干部履职情况", "How each dispatched cadre performs the duties"),
      kind: "periodic",
      period: { from: "2021-01-15", to: "2021-06-30" },
      due: "2021-06-30",
      citation: cite("000", "三（二）"),
    })
  })

  it("nothing is owed before the cadre takes up the post", () => {
    expect(obligationsOf(placed(SCHEMES.yangpu), SCHEMES.yangpu)).toEqual([])
  })
})

describe("004 晋城 管理考核 三是/六是: half-year, quarterly, yearly and end-of-term reports", () => {
  const J = SCHEMES.jincheng
  const p = drive(
    placed(J, "2022-02-01"),
    [[{ _tag: "TakeUp", date: d("2022-03-01"), termEnd: d("2023-03-01") }, "2022-03-01"]],
    J,
  )
  const xs = obligationsOf(p, J)

  it("004 晋城 管理考核 三是 每半年书面汇报: 30 Jun, 31 Dec, then the stub to the term end (1 Mar)", () => {
    expect(dues(xs, "half_year")).toEqual(["2022-06-30", "2022-12-31", "2023-03-01"])
    expect(periods(xs, "half_year")).toEqual([
      "2022-03-01..2022-06-30",
      "2022-07-01..2022-12-31",
      "2023-01-01..2023-02-28",
    ])
  })
  it("004 晋城 管理考核 六是 季度工作报告: calendar quarters", () => {
    expect(dues(xs, "quarterly")).toEqual([
      "2022-03-31",
      "2022-06-30",
      "2022-09-30",
      "2022-12-31",
      "2023-03-01",
    ])
  })
  it("004 晋城 管理考核 三是 每年进行一次书面总结 / 挂职期满…报告: yearly summary and the end-of-term report", () => {
    expect(dues(xs, "yearly_summary")).toEqual(["2022-12-31", "2023-03-01"])
    expect(dues(xs, "term_end_report")).toEqual(["2023-03-01"])
    expect(xs.find((x) => x.reportId === "term_end_report")?.key).toBe("pl-1/term_end_report/term-1")
  })
  it("004 晋城: sorted by due date, ties in the scheme's order of reports", () => {
    const onTermEnd = xs.filter((x) => x.due === "2023-03-01").map((x) => x.reportId)
    expect(onTermEnd).toEqual(["half_year", "quarterly", "yearly_summary", "term_end_report"])
    const all = xs.map((x) => x.due ?? "")
    expect([...all].sort()).toEqual(all)
  })
})

describe("due dates across month ends and 29 February", () => {
  it("004 江东 四 每月: a 6-month secondment from 31 Aug 2023 ends 29 Feb 2024; the last monthly report is due then", () => {
    const xs = generateObligations(window("2023-08-31", "2024-02-29"), SCHEMES.jiangdong.reports)
    expect(dues(xs, "monthly_exchange")).toEqual([
      "2023-08-31",
      "2023-09-30",
      "2023-10-31",
      "2023-11-30",
      "2023-12-31",
      "2024-01-31",
      "2024-02-29",
    ])
    expect(periods(xs, "monthly_exchange").at(-1)).toBe("2024-02-01..2024-02-28")
  })

  it("000 三（二） 每半年: a term ending 1 Jul has no stub; one ending 30 Jun has a stub ending 29 Jun", () => {
    expect(
      dues(
        generateObligations(window("2024-01-01", "2024-07-01"), SCHEMES.yangpu.reports),
        "street_half_year",
      ),
    ).toEqual(["2024-06-30"])
    const xs = generateObligations(window("2024-01-01", "2024-06-30"), SCHEMES.yangpu.reports)
    expect(dues(xs, "street_half_year")).toEqual(["2024-06-30"])
    expect(periods(xs, "street_half_year")).toEqual(["2024-01-01..2024-06-29"])
  })

  it("an interval that does not divide the year counts from the start: every 5 months from 30 Sep 2023", () => {
    const xs = generateObligations(window("2023-09-30", "2024-12-31"), [
      report("five", cited({ _tag: "Every", interval: { amount: 5, unit: "month" } }, cite("test", "1"))),
    ])
    // 30 Sep + 5 months = 29 Feb 2024 (clamped); + 10 months = 30 Jul 2024 (from the start, no drift).
    expect(periods(xs, "five")).toEqual([
      "2023-09-30..2024-02-28",
      "2024-02-29..2024-07-29",
      "2024-07-30..2024-12-29",
      "2024-12-30..2024-12-30",
    ])
    // The last period is cut at the term end and due on it.
    expect(dues(xs, "five")).toEqual(["2024-02-28", "2024-07-29", "2024-12-29", "2024-12-31"])
  })

  it("every 2 years from 29 Feb 2024: 28 Feb 2026 starts the second period", () => {
    const xs = generateObligations(window("2024-02-29", "2027-01-01"), [
      report("biennial", cited({ _tag: "Every", interval: { amount: 2, unit: "year" } }, cite("test", "1"))),
    ])
    expect(periods(xs, "biennial")).toEqual(["2024-02-29..2026-02-27", "2026-02-28..2026-12-31"])
    expect(dues(xs, "biennial")).toEqual(["2026-02-27", "2027-01-01"])
  })
})

describe("on-event and unspecified cadences, early endings, stay-on", () => {
  it("004 淮上 目标考核 三是: on-event reports are listed undated, after the dated ones", () => {
    const xs = generateObligations(window("2021-02-01", "2024-02-01"), [
      report("yearly", cited({ _tag: "YearEnd" }, cite("test", "1"))),
      ...SCHEMES.huaishang.reports,
    ])
    expect(xs.slice(-2).map((x) => [x.reportId, x.kind, x.due, x.event?.zh])).toEqual([
      ["decision_feedback", "on_event", undefined, "重大村务决策"],
      ["early_warning", "on_event", undefined, "发现苗头性事件时（随时）"],
    ])
    expect(xs.slice(0, -2).every((x) => x.due !== undefined)).toBe(true)
  })

  it("a cadence the scheme leaves unspecified is listed with its note", () => {
    const xs = generateObligations(window("2021-02-01", "2022-02-01"), [
      report("vague", unspecified(text("未规定频次", "no cadence given"))),
    ])
    expect(xs).toHaveLength(1)
    expect(xs[0]?.kind).toBe("unspecified")
    expect(xs[0]?.event).toEqual(text("未规定频次", "no cadence given"))
  })

  it("002 三（二）: a cadre recalled on 15 Aug 2022 owes nothing due after that day", () => {
    const xs = generateObligations(window("2021-01-15", "2026-01-15", "2022-08-15"), SCHEMES.yangpu.reports)
    expect(xs.map((x) => x.due)).toEqual(["2021-06-30", "2021-12-31", "2021-12-31", "2022-06-30"])
    const recalled = drive(
      yangpuInTerm(),
      [[{ _tag: "Recall", evidence: "x", decision: decision("2022-08-15") }, "2022-08-15"]],
      SCHEMES.yangpu,
    )
    expect(obligationsOf(recalled, SCHEMES.yangpu).map((x) => x.due)).toEqual(xs.map((x) => x.due))
  })

  it("000 一 留任: across a stay-on the half-year reports run on without duplicates; each term has its end", () => {
    const w = {
      placementId: "pl-1",
      terms: [
        { number: 1, start: make("2021-01-15"), end: make("2026-01-15") },
        { number: 2, start: make("2026-01-15"), end: make("2031-01-15") },
      ],
    }
    const xs = generateObligations(w, [
      ...SCHEMES.yangpu.reports,
      report("term_end", cited({ _tag: "TermEnd" }, cite("test", "1"))),
    ])
    const half = dues(xs, "street_half_year")
    expect(half).toContain("2025-12-31")
    expect(half).toContain("2026-06-30")
    expect(half).not.toContain("2026-01-15")
    expect(half).toHaveLength(21)
    expect(dues(xs, "term_end")).toEqual(["2026-01-15", "2031-01-15"])
    expect(new Set(xs.map((x) => x.key)).size).toBe(xs.length)
  })
})

describe("submissions and the overdue list", () => {
  const xs = obligationsOf(yangpuInTerm(), SCHEMES.yangpu)
  const first = xs[0] as ObligationInstance
  const sub = (key: string, on: string): Submission => ({
    key,
    submittedOn: make(on),
    by: "acct-street",
    text: "履职情况",
    attachments: [],
  })

  it("000 三（二）: due 30 June means by the end of that day: open on 30 June, overdue on 1 July", () => {
    expect(statusOf(first, [], make("2021-06-30"))).toBe("open")
    expect(statusOf(first, [], make("2021-07-01"))).toBe("overdue")
    expect(overdue(xs, [], make("2021-07-01"))).toEqual([{ obligation: first, daysOverdue: 1 }])
    expect(overdue(xs, [], make("2021-06-30"))).toEqual([])
  })

  it("000 三（二）: submitted on the due day is on time, a day later is late; neither is overdue", () => {
    expect(statusOf(first, [sub(first.key, "2021-06-30")], make("2021-08-01"))).toBe("submitted")
    expect(statusOf(first, [sub(first.key, "2021-07-01")], make("2021-08-01"))).toBe("late")
    expect(overdue(xs, [sub(first.key, "2021-07-01")], make("2021-08-01"))).toEqual([])
    // A submission for another obligation does not count.
    expect(statusOf(first, [sub("pl-1/other/2021-01-15", "2021-06-01")], make("2021-08-01"))).toBe("overdue")
  })

  it("000 三（二）: the overdue list puts the most overdue first", () => {
    const list = overdue(xs, [], make("2022-01-05"))
    expect(list.map((x) => [x.obligation.key, x.daysOverdue])).toEqual([
      ["pl-1/street_half_year/2021-01-15", 189],
      ["pl-1/street_half_year/2021-07-01", 5],
      ["pl-1/annual_grade_filing/2021-01-15", 5],
    ])
  })

  it("004 淮上: on-event obligations are never overdue", () => {
    const ev = generateObligations(window("2021-02-01", "2024-02-01"), SCHEMES.huaishang.reports)
    expect(ev.map((x) => statusOf(x, [], make("2030-01-01")))).toEqual(["on_event", "on_event"])
    expect(overdue(ev, [], make("2030-01-01"))).toEqual([])
  })
})

// ------------------------------------------------------------------------------------------ properties

const cadence = fc.oneof(
  fc.record({
    _tag: fc.constant("Every" as const),
    interval: fc.record({
      amount: fc.integer({ min: 1, max: 14 }),
      unit: fc.constantFrom("day" as const, "month" as const, "year" as const),
    }),
  }),
  fc.constant({ _tag: "YearEnd" as const }),
  fc.constant({ _tag: "TermEnd" as const }),
)

describe("generated obligations: properties (000 三（二）, 004 晋城 管理考核)", () => {
  it("every due date lies in [start, term end]; sorted; keys unique; each report's periods tile the term exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.oneof(
          fc.record({ amount: fc.integer({ min: 1, max: 400 }), unit: fc.constant("day" as const) }),
          fc.record({ amount: fc.integer({ min: 1, max: 36 }), unit: fc.constant("month" as const) }),
          fc.record({ amount: fc.integer({ min: 1, max: 6 }), unit: fc.constant("year" as const) }),
        ),
        fc.array(cadence, { minLength: 1, maxLength: 4 }),
        (offset, length, cadences) => {
          const start = addDays(make("1990-01-01"), offset)
          const end = addDuration(start, length)
          const reports = cadences.map((c, i) => report(`r${i}`, cited(c, cite("test", String(i)))))
          const xs = generateObligations(window(start, end), reports)
          for (const x of xs) {
            expect(x.due).toBeDefined()
            expect(compare(x.due ?? start, start)).toBeGreaterThanOrEqual(0)
            expect(compare(x.due ?? start, end)).toBeLessThanOrEqual(0)
          }
          const due = xs.map((x) => x.due ?? "")
          expect([...due].sort()).toEqual(due)
          expect(new Set(xs.map((x) => x.key)).size).toBe(xs.length)
          reports.forEach((r) => {
            const mine = xs.filter((x) => x.reportId === r.id)
            if (r.cadence._tag === "Cited" && r.cadence.value._tag === "TermEnd") {
              expect(mine.map((x) => x.due)).toEqual([end])
              return
            }
            // Contiguous periods from the start to the day before the end; each due on or after its last day.
            expect(mine[0]?.period?.from).toBe(start)
            expect(mine.at(-1)?.period?.to).toBe(addDays(end, -1))
            mine.forEach((x, i) => {
              if (i > 0) expect(x.period?.from).toBe(addDays(mine[i - 1]?.period?.to ?? start, 1))
              expect(compare(x.due ?? start, x.period?.to ?? start)).toBeGreaterThanOrEqual(0)
            })
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  it("an early ending drops exactly the obligations due after it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1826 }), (k) => {
        const endedOn = addDays(make("2021-01-15"), k)
        const all = generateObligations(window("2021-01-15", "2026-01-15"), SCHEMES.jincheng.reports)
        const cut = generateObligations(window("2021-01-15", "2026-01-15", endedOn), SCHEMES.jincheng.reports)
        expect(cut).toEqual(all.filter((x) => x.due === undefined || compare(x.due, endedOn) <= 0))
      }),
    )
  })
})
