import type { RouterOutputs } from "@cadre/client"
import type { EChartsCoreOption } from "echarts/core"

/**
 * Pure shaping of the API's figures into table rows and chart options. Every number comes from the API as it is:
 * nothing is recounted or re-rounded here (the kernel rounds once, half up, at display), so a chart and the table
 * under it always show the same numbers.
 */

export type Coverage = RouterOutputs["figures"]["coverage"]
export type Cohort = RouterOutputs["figures"]["cohort"]
export type QuotaUse = RouterOutputs["figures"]["quotaUse"][number]
export type OverdueFigures = RouterOutputs["figures"]["overdue"]
export type TermEnding = RouterOutputs["figures"]["termsEnding"][number]
export type OverdueReport = RouterOutputs["reports"]["overdue"]["items"][number]
export type SchemeSummary = RouterOutputs["schemes"]["list"][number]
export type Share = Coverage["all"]["covered"]

/** "30.0%（3/10）": a percentage never stands without its numerator and denominator. */
export const shareText = (s: Share, language: "zh" | "en"): string =>
  language === "en" ? `${s.percent} (${s.count}/${s.of})` : `${s.percent}（${s.count}/${s.of}）`

// —— Coverage

export type CoverageKey = "village" | "community" | "all"

export interface CoverageRow {
  readonly key: CoverageKey
  readonly total: number
  readonly covered: Share
  readonly uncovered: number
}

/** One row per kind that the scope has, then the total; no rows when the scope has no village or community. */
export const coverageRows = (c: Coverage): ReadonlyArray<CoverageRow> => {
  if (c.all.total === 0) return []
  const kinds = (["village", "community"] as const)
    .filter((k) => c.byKind[k].total > 0)
    .map((k) => ({
      key: k,
      total: c.byKind[k].total,
      covered: c.byKind[k].covered,
      uncovered: c.byKind[k].uncovered,
    }))
  return [...kinds, { key: "all", total: c.all.total, covered: c.all.covered, uncovered: c.all.uncovered }]
}

const grid = { left: 8, right: 24, top: 36, bottom: 8 }

/** Covered and not covered, stacked, one bar per kind (the total is in the table, not a third bar). */
export const coverageOption = (
  rows: ReadonlyArray<CoverageRow>,
  labels: { readonly kind: (k: CoverageKey) => string; readonly covered: string; readonly uncovered: string },
): EChartsCoreOption => {
  const kinds = rows.filter((r) => r.key !== "all")
  return {
    animation: false,
    color: ["#389e0d", "#cf1322"],
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid,
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: kinds.map((r) => labels.kind(r.key)) },
    series: [
      {
        name: labels.covered,
        type: "bar",
        stack: "units",
        label: { show: true },
        data: kinds.map((r) => r.covered.count),
      },
      {
        name: labels.uncovered,
        type: "bar",
        stack: "units",
        label: { show: true },
        data: kinds.map((r) => r.uncovered),
      },
    ],
  }
}

// —— Cohort

export interface DecadeRow {
  readonly decade: number
  readonly count: number
  readonly fromThisDecadeOn: Share
}

/** Oldest decade first, as the API orders them. */
export const decadeRows = (c: Cohort): ReadonlyArray<DecadeRow> =>
  c.birthDecades.map((d) => ({ decade: d.decade, count: d.count, fromThisDecadeOn: d.fromThisDecadeOn }))

/** Highest first; the kernel's EDUCATION_LEVELS ascend (the admin does not bundle the kernel). */
export const EDUCATION_LEVELS_DESC = [
  "doctorate",
  "master",
  "bachelor",
  "junior_college",
  "technical_secondary",
  "senior_secondary",
  "junior_secondary",
  "primary",
] as const
export type EducationLevel = (typeof EDUCATION_LEVELS_DESC)[number]

export interface CountRow<K extends string> {
  readonly key: K
  readonly count: number
}

/** Levels someone holds, highest first, then those with no education on record; empty levels are left out. */
export const educationRows = (c: Cohort): ReadonlyArray<CountRow<EducationLevel | "unknown">> => [
  ...EDUCATION_LEVELS_DESC.map((key) => ({ key, count: c.education.byLevel[key] })).filter(
    (r) => r.count > 0,
  ),
  ...(c.education.unknown > 0 ? [{ key: "unknown" as const, count: c.education.unknown }] : []),
]

/** Highest first; the kernel's RANK_LEVELS ascend. */
export const RANK_LEVELS_DESC = [
  "division",
  "deputy_division",
  "section",
  "deputy_section",
  "clerk",
  "staff",
] as const
export type RankLevel = (typeof RANK_LEVELS_DESC)[number]

export interface RankRow {
  readonly key: RankLevel | "unranked"
  readonly leading: number
  readonly nonLeading: number
  readonly total: number
}

/** Ranks someone holds, highest first, then those with no rank on record; empty ranks are left out. */
export const rankRows = (c: Cohort): ReadonlyArray<RankRow> => [
  ...RANK_LEVELS_DESC.map((key) => {
    const r = c.byRank[key]
    return { key, leading: r.leading, nonLeading: r.nonLeading, total: r.leading + r.nonLeading }
  }).filter((r) => r.total > 0),
  ...(c.unranked > 0 ? [{ key: "unranked" as const, leading: 0, nonLeading: 0, total: c.unranked }] : []),
]

/** People per decade of birth, oldest first. */
export const decadesOption = (
  rows: ReadonlyArray<DecadeRow>,
  labels: { readonly decade: (d: number) => string; readonly count: string },
): EChartsCoreOption => ({
  animation: false,
  color: ["#b71c1c"],
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
  grid,
  xAxis: { type: "category", data: rows.map((r) => labels.decade(r.decade)) },
  yAxis: { type: "value", minInterval: 1 },
  series: [
    {
      name: labels.count,
      type: "bar",
      label: { show: true, position: "top" },
      data: rows.map((r) => r.count),
    },
  ],
})

/** People per education level, highest first (top of the chart). */
export const educationOption = (
  rows: ReadonlyArray<CountRow<string>>,
  labels: { readonly level: (k: string) => string; readonly count: string },
): EChartsCoreOption => ({
  animation: false,
  color: ["#1d39c4"],
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
  grid,
  xAxis: { type: "value", minInterval: 1 },
  // A category axis draws its first entry at the bottom: reverse it so the table and the chart read alike.
  yAxis: { type: "category", inverse: true, data: rows.map((r) => labels.level(r.key)) },
  series: [{ name: labels.count, type: "bar", label: { show: true }, data: rows.map((r) => r.count) }],
})

/** Leading posts and non-leading grades per rank, stacked, highest rank first; no rank on record as its own bar. */
export const rankOption = (
  rows: ReadonlyArray<RankRow>,
  labels: {
    readonly rank: (k: RankRow["key"]) => string
    readonly leading: string
    readonly nonLeading: string
    readonly unranked: string
  },
): EChartsCoreOption => ({
  animation: false,
  color: ["#b71c1c", "#fa8c16", "#8c8c8c"],
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
  legend: { top: 0 },
  grid,
  xAxis: { type: "value", minInterval: 1 },
  yAxis: { type: "category", inverse: true, data: rows.map((r) => labels.rank(r.key)) },
  series: [
    {
      name: labels.leading,
      type: "bar",
      stack: "rank",
      data: rows.map((r) => (r.key === "unranked" ? 0 : r.leading)),
    },
    {
      name: labels.nonLeading,
      type: "bar",
      stack: "rank",
      data: rows.map((r) => (r.key === "unranked" ? 0 : r.nonLeading)),
    },
    {
      name: labels.unranked,
      type: "bar",
      stack: "rank",
      data: rows.map((r) => (r.key === "unranked" ? r.total : 0)),
    },
  ],
})

// —— Quota use

/** The published schemes of a scope, one per scheme id at its highest published version, in id order. */
export const latestPublished = (schemes: ReadonlyArray<SchemeSummary>): ReadonlyArray<SchemeSummary> => {
  const byId = new Map<string, SchemeSummary>()
  for (const s of schemes) {
    if (s.status !== "published") continue
    const seen = byId.get(s.schemeId)
    if (seen === undefined || seen.version < s.version) byId.set(s.schemeId, s)
  }
  return [...byId.values()].sort((a, b) => a.schemeId.localeCompare(b.schemeId))
}

export interface QuotaRow extends QuotaUse {
  readonly key: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly schemeName: { readonly zh: string; readonly en: string }
}

/** Each scheme's quotas as the API counted them, scheme by scheme. */
export const quotaRows = (
  uses: ReadonlyArray<{ readonly scheme: SchemeSummary; readonly records: ReadonlyArray<QuotaUse> }>,
): ReadonlyArray<QuotaRow> =>
  uses.flatMap(({ scheme, records }) =>
    records.map((r) => ({
      ...r,
      key: `${scheme.schemeId}@${scheme.version}/${r.groupKey}/${r.quotaId}`,
      schemeId: scheme.schemeId,
      schemeVersion: scheme.version,
      schemeName: scheme.name,
    })),
  )

/** Places used next to places allowed (or required, for a floor), one pair of bars per quota. */
export const quotaOption = (
  rows: ReadonlyArray<QuotaRow>,
  labels: { readonly quota: (r: QuotaRow) => string; readonly used: string; readonly limit: string },
): EChartsCoreOption => ({
  animation: false,
  color: ["#b71c1c", "#8c8c8c"],
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
  legend: { top: 0 },
  grid,
  xAxis: { type: "value", minInterval: 1 },
  yAxis: {
    type: "category",
    inverse: true,
    data: rows.map((r) => labels.quota(r)),
    axisLabel: { width: 140, overflow: "truncate" },
  },
  series: [
    { name: labels.used, type: "bar", label: { show: true }, data: rows.map((r) => r.used) },
    { name: labels.limit, type: "bar", label: { show: true }, data: rows.map((r) => r.limit) },
  ],
})

/** The years offered in the year pickers: this year and the nine before, newest first. */
export const recentYears = (thisYear: number, count = 10): ReadonlyArray<number> =>
  Array.from({ length: count }, (_, i) => thisYear - i)
