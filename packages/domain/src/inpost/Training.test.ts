import { describe, expect, it } from "vitest"
import { make } from "../shared/LocalDate.js"
import { person, SCHEMES } from "./fixtures.js"
import { checkTraining, type TrainingRecord, trainingShortfalls } from "./Training.js"

const rec = (id: string, date: string, kind: TrainingRecord["kind"]): TrainingRecord => ({
  id,
  personId: person(),
  date: make(date),
  kind,
  title: "培训",
})
const covered = (from: string, to: string) => ({ from: make(from), to: make(to) })

describe("001 五1: at least one centralised training a year", () => {
  const MIN = SCHEMES.guizhou.training

  it("001 五1: the preset's minimum is cited with the seed's words", () => {
    expect(MIN?._tag === "Cited" && MIN.citation.quote).toBe("每年至少組織社區后備干部進行一次集中培訓")
    expect(MIN?._tag === "Cited" && MIN.value).toEqual([
      {
        id: "yearly_centralised",
        label: { zh: "每年至少一次集中培训", en: "At least one centralised training a year" },
        kind: "centralised",
        atLeast: 1,
        per: "year",
      },
    ])
  })

  it("001 五1: one centralised training in 2020 meets it; only a topical one in 2021 falls short", () => {
    const checks = checkTraining(
      [rec("t1", "2020-06-01", "centralised"), rec("t2", "2021-06-01", "topical")],
      MIN,
      covered("2019-07-20", "2022-12-31"),
      make("2022-03-01"),
    )
    expect(checks.map((c) => [c.period.from, c.count, c.met, c.partial, c.closed])).toEqual([
      ["2019-01-01", 0, false, true, true],
      ["2020-01-01", 1, true, false, true],
      ["2021-01-01", 0, false, false, true],
      ["2022-01-01", 0, false, false, false],
    ])
    // The current year is not yet a shortfall; the partial first year is, flagged as partial.
    expect(trainingShortfalls(checks).map((c) => [c.period.from, c.partial])).toEqual([
      ["2019-01-01", true],
      ["2021-01-01", false],
    ])
  })

  it("001 五1: a training on 31 December counts for that year; the year closes on 1 January", () => {
    const checks = checkTraining(
      [rec("t", "2021-12-31", "centralised")],
      MIN,
      covered("2021-01-01", "2022-12-31"),
      make("2022-01-01"),
    )
    expect(checks.map((c) => [c.period.from, c.met, c.closed])).toEqual([
      ["2021-01-01", true, true],
      ["2022-01-01", false, false],
    ])
    expect(checkTraining([], MIN, covered("2021-01-01", "2021-12-31"), make("2021-12-31"))[0]?.closed).toBe(
      false,
    )
  })
})

describe("003 二 多元培训提素质: one centralised a year and one topical a quarter", () => {
  it("003 二: quarters are checked separately; a missing Q2 topical training is a shortfall", () => {
    const checks = checkTraining(
      [
        rec("a", "2024-02-01", "topical"),
        rec("b", "2024-08-01", "topical"),
        rec("c", "2024-11-01", "centralised"),
      ],
      SCHEMES.team.training,
      covered("2024-01-01", "2024-12-31"),
      make("2025-01-05"),
    )
    expect(trainingShortfalls(checks).map((c) => [c.minimumId, c.period.from, c.period.to])).toEqual([
      ["quarterly_topical", "2024-04-01", "2024-06-30"],
      ["quarterly_topical", "2024-10-01", "2024-12-31"],
    ])
    expect(checks.filter((c) => c.minimumId === "yearly_centralised").map((c) => c.met)).toEqual([true])
  })

  it("000: a scheme with no stated minimum checks nothing", () => {
    expect(
      checkTraining([], SCHEMES.yangpu.training, covered("2021-01-01", "2025-12-31"), make("2026-01-01")),
    ).toEqual([])
  })
})
