import { describe, expect, it } from "vitest"
import {
  coverageOption,
  coverageRows,
  decadeRows,
  decadesOption,
  educationOption,
  educationRows,
  latestPublished,
  quotaOption,
  quotaRows,
  rankOption,
  rankRows,
  recentYears,
  shareText,
} from "./figures-data"
import {
  daanCoverage,
  daanQuota2026,
  daanSchemes,
  tenSecretariesQuota,
  yangpuCohort,
  yangpuCoverage,
} from "./figures-fixtures"

const name = (k: string) => `<${k}>`

describe("shares", () => {
  it("never shows a percentage without its numerator and denominator", () => {
    expect(shareText(yangpuCoverage.all.covered, "zh")).toBe("30.0%（3/10）")
    expect(shareText(yangpuCoverage.all.covered, "en")).toBe("30.0% (3/10)")
    // An empty total has no rate: the kernel's dash, still with 0/0.
    expect(shareText(yangpuCoverage.byKind.village.covered, "zh")).toBe("—（0/0）")
  })
})

describe("coverage", () => {
  it("gives one row per kind the scope has, then the total (杨浦: residential areas only)", () => {
    const rows = coverageRows(yangpuCoverage)
    expect(rows.map((r) => [r.key, r.total, r.covered.count, r.uncovered, r.covered.percent])).toEqual([
      ["community", 10, 3, 7, "30.0%"],
      ["all", 10, 3, 7, "30.0%"],
    ])
  })

  it("gives villages and communities apart where the scope has both (大安: 1 of 5 villages, 0 of 1 community)", () => {
    const rows = coverageRows(daanCoverage)
    expect(
      rows.map((r) => [r.key, r.total, r.covered.count, r.uncovered, shareText(r.covered, "zh")]),
    ).toEqual([
      ["village", 5, 1, 4, "20.0%（1/5）"],
      ["community", 1, 0, 1, "0.0%（0/1）"],
      ["all", 6, 1, 5, "16.7%（1/6）"],
    ])
  })

  it("has no rows, so no chart, for a scope without villages or communities", () => {
    const none = {
      ...daanCoverage,
      all: { total: 0, covered: { count: 0, of: 0, percent: "—" }, uncovered: 0 },
      byKind: {
        village: { total: 0, covered: { count: 0, of: 0, percent: "—" }, uncovered: 0 },
        community: { total: 0, covered: { count: 0, of: 0, percent: "—" }, uncovered: 0 },
      },
      covered: [],
      uncovered: [],
    }
    expect(coverageRows(none)).toEqual([])
  })

  it("charts covered and uncovered per kind with the table's numbers, without the total bar", () => {
    const option = coverageOption(coverageRows(daanCoverage), {
      kind: name,
      covered: "已覆盖",
      uncovered: "未覆盖",
    })
    expect(option.yAxis).toMatchObject({ data: ["<village>", "<community>"] })
    expect(option.series).toMatchObject([
      { name: "已覆盖", type: "bar", stack: "units", data: [1, 0] },
      { name: "未覆盖", type: "bar", stack: "units", data: [4, 1] },
    ])
  })
})

describe("cohort", () => {
  it("lists birth decades oldest first with who was born then or later (杨浦: 1 + 1 + 3)", () => {
    const rows = decadeRows(yangpuCohort)
    expect(rows.map((r) => [r.decade, r.count, shareText(r.fromThisDecadeOn, "zh")])).toEqual([
      [1970, 1, "100.0%（5/5）"],
      [1980, 1, "80.0%（4/5）"],
      [1990, 3, "60.0%（3/5）"],
    ])
    const option = decadesOption(rows, { decade: (d) => `${d}年代`, count: "人数" })
    expect(option.xAxis).toMatchObject({ data: ["1970年代", "1980年代", "1990年代"] })
    expect(option.series).toMatchObject([{ name: "人数", data: [1, 1, 3] }])
  })

  it("lists education levels highest first, only those someone holds (杨浦: 1 master, 2 bachelor, 2 junior college)", () => {
    const rows = educationRows(yangpuCohort)
    expect(rows).toEqual([
      { key: "master", count: 1 },
      { key: "bachelor", count: 2 },
      { key: "junior_college", count: 2 },
    ])
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(yangpuCohort.count)
    const option = educationOption(rows, { level: name, count: "人数" })
    expect(option.yAxis).toMatchObject({
      inverse: true,
      data: ["<master>", "<bachelor>", "<junior_college>"],
    })
    expect(option.series).toMatchObject([{ data: [1, 2, 1 + 1] }])
  })

  it("counts those with no education on record in a row of their own", () => {
    const rows = educationRows({
      ...yangpuCohort,
      education: {
        ...yangpuCohort.education,
        byLevel: { ...yangpuCohort.education.byLevel, master: 0 },
        unknown: 1,
      },
    })
    expect(rows.at(-1)).toEqual({ key: "unknown", count: 1 })
    expect(rows.map((r) => r.key)).not.toContain("master")
  })

  it("lists ranks highest first with leading and non-leading, then the unranked (杨浦: 1 section, 1 deputy section, 3 unranked)", () => {
    const rows = rankRows(yangpuCohort)
    expect(rows).toEqual([
      { key: "section", leading: 1, nonLeading: 0, total: 1 },
      { key: "deputy_section", leading: 1, nonLeading: 0, total: 1 },
      { key: "unranked", leading: 0, nonLeading: 0, total: 3 },
    ])
    const option = rankOption(rows, {
      rank: name,
      leading: "领导职务",
      nonLeading: "非领导职级",
      unranked: "未登记",
    })
    expect(option.yAxis).toMatchObject({ data: ["<section>", "<deputy_section>", "<unranked>"] })
    expect(option.series).toMatchObject([
      { name: "领导职务", data: [1, 1, 0] },
      { name: "非领导职级", data: [0, 0, 0] },
      { name: "未登记", data: [0, 0, 3] },
    ])
  })
})

describe("quota use", () => {
  it("asks for each scheme once, at its highest published version, never a draft", () => {
    expect(latestPublished(daanSchemes).map((s) => [s.schemeId, s.version])).toEqual([
      ["daan-first-secretary", 2],
    ])
    expect(latestPublished([])).toEqual([])
  })

  it("keeps the API's numbers per quota and charts used beside places", () => {
    const [scheme] = latestPublished(daanSchemes)
    if (scheme === undefined) throw new Error("no scheme")
    const rows = quotaRows([
      { scheme, records: daanQuota2026 },
      { scheme: { ...scheme, schemeId: "ten" }, records: tenSecretariesQuota },
    ])
    expect(rows.map((r) => [r.key, r.size, r.used, r.limit, r.remaining, r.within])).toEqual([
      ["daan-first-secretary@2/daan-first-secretary/excellent_cap", 3, 0, 0, 0, true],
      ["ten@2/daan-first-secretary/excellent_cap", 10, 1, 2, 1, true],
    ])
    expect(rows[1]?.text.zh).toContain("10×20%=2")
    const option = quotaOption(rows, {
      quota: (r) => `${r.schemeId} · ${r.quotaId}`,
      used: "已用",
      limit: "名额",
    })
    expect(option.yAxis).toMatchObject({
      data: ["daan-first-secretary · excellent_cap", "ten · excellent_cap"],
    })
    expect(option.series).toMatchObject([
      { name: "已用", data: [0, 1] },
      { name: "名额", data: [0, 2] },
    ])
  })

  it("has no rows when the scheme sets no quotas (杨浦: the notice sets none)", () => {
    const [scheme] = latestPublished(daanSchemes)
    if (scheme === undefined) throw new Error("no scheme")
    expect(quotaRows([{ scheme, records: [] }])).toEqual([])
  })

  it("offers this year and the nine before, newest first", () => {
    expect(recentYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017])
  })
})
