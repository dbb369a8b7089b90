import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { FiguresPage } from "./figures-page"
import {
  daanQuota2026,
  daanSchemes,
  termsEndingSoon,
  yangpuCohort,
  yangpuCoverage,
  yangpuOverdue,
  yangpuOverdueReports,
} from "./figures-fixtures"

// The first antd render under happy-dom on a busy 2-core machine can take seconds; the quotas wait for the schemes.
const slow = { timeout: 10_000 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

/** A fake API at /api/trpc answering each procedure from `data`; records what was asked. */
const stubApi = (data: Record<string, unknown>) => {
  const calls: Array<{ procedure: string; input: unknown }> = []
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    const raw = url.searchParams.get("input")
    calls.push({ procedure, input: raw === null ? null : JSON.parse(raw) })
    return Response.json({ result: { data: data[procedure] } })
  })
  return calls
}

const yangpu = {
  "schemes.list": [],
  "regions.tree": [],
  "figures.coverage": yangpuCoverage,
  "figures.cohort": yangpuCohort,
  "figures.overdue": yangpuOverdue,
  "reports.overdue": { items: yangpuOverdueReports, nextCursor: null, total: yangpuOverdueReports.length },
  "figures.termsEnding": [],
}

const renderPage = (language: "zh-CN" | "en" = "zh-CN") =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language })}>
      <SessionProvider>
        <FiguresPage />
      </SessionProvider>
    </UiProvider>,
  )

const cells = (table: HTMLElement) =>
  [...table.querySelectorAll("tbody tr.ant-table-row")].map((tr) =>
    [...tr.querySelectorAll("td")].map((td) => td.textContent),
  )

describe("figures (统计分析)", () => {
  it("shows the API's figures as cards and tables, every percentage with its numerator/denominator", async () => {
    stubApi(yangpu)
    renderPage()
    const coverage = await screen.findByTestId("figure-coverage", {}, slow)
    expect(coverage.textContent).toContain("30.0%")
    expect(screen.getByTestId("figure-coverage-ratio").textContent).toBe("3/10")
    expect(screen.getByTestId("figure-uncovered").textContent).toContain("7")
    expect(screen.getByTestId("figure-cohort").textContent).toContain("5")
    expect(screen.getByTestId("figure-party").textContent).toContain("60.0%")
    expect(screen.getByTestId("figure-party-ratio").textContent).toBe("3/5")
    expect(screen.getByTestId("figure-youngest").textContent).toContain("1999年出生")
    expect(screen.getByTestId("figure-average-age").textContent).toContain("36.4")
    expect(screen.getByTestId("figure-either-ratio").textContent).toBe("0/5")
    expect(screen.getByTestId("figure-overdue").textContent).toContain("28")
    expect(screen.getByTestId("figures-on").textContent).toBe("统计日：2026年11月26日")

    expect(cells(await screen.findByTestId("coverage-table", {}, slow))).toEqual([
      ["社区（居民区）", "10", "3", "7", "30.0%（3/10）"],
      ["合计", "10", "3", "7", "30.0%（3/10）"],
    ])
    expect(within(screen.getByTestId("uncovered-units")).getAllByText(/居民区$/)).toHaveLength(7)
    expect(cells(screen.getByTestId("decades-table"))).toEqual([
      ["1970年代", "1", "100.0%（5/5）"],
      ["1980年代", "1", "80.0%（4/5）"],
      ["1990年代", "3", "60.0%（3/5）"],
    ])
    expect(cells(screen.getByTestId("education-table"))).toEqual([
      ["硕士研究生", "1"],
      ["大学本科", "2"],
      ["大学专科", "2"],
    ])
    expect(cells(screen.getByTestId("ranks-table"))).toEqual([
      ["正科级", "1", "0", "1"],
      ["副科级", "1", "0", "1"],
      ["未登记职级", "—", "—", "3"],
    ])
    expect(cells(screen.getByTestId("overdue-region-table"))).toEqual([
      ["国权路居民区", "13", "1975 天"],
      ["凤城一村居民区", "10", "1245 天"],
      ["武川路居民区", "4", "514 天"],
      ["杨树浦港居民区", "1", "879 天"],
    ])
    // Each overdue report links to its placement.
    const links = within(screen.getByTestId("overdue-table")).getAllByRole("link")
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "/placements/demo-pl-yp-adjusted",
      "/placements/demo-pl-yp-adjusted",
      "/placements/demo-pl-yp-adjusted",
    ])
    // A chart for each of coverage, decades, education and ranks, named for screen readers.
    expect(screen.getByRole("img", { name: "村（社区）覆盖情况图：已覆盖与未覆盖数量" })).toBeTruthy()
    expect(screen.getByTestId("decades-chart")).toBeTruthy()
  })

  it("says so when a figure has no data, never showing made-up numbers", async () => {
    stubApi(yangpu)
    renderPage()
    const terms = await screen.findByTestId("terms", {}, slow)
    await within(terms).findByText("今后90天内没有任期届满的选派干部", {}, slow)
    expect(terms.querySelector("table")).toBeNull()
    await within(screen.getByTestId("quota")).findByText("管辖范围内没有已发布的方案", {}, slow)
    expect(screen.queryByTestId("quota-chart")).toBeNull()
  })

  it("asks for quotas per published scheme and year, narrows to the chosen scheme, and lists terms ending", async () => {
    const calls = stubApi({
      ...yangpu,
      "schemes.list": daanSchemes,
      "figures.quotaUse": daanQuota2026,
      "figures.termsEnding": termsEndingSoon,
    })
    renderPage()
    const quota = await screen.findByTestId("quota-table", {}, slow)
    expect(cells(quota)[0]?.slice(1, 7)).toEqual(["excellent_cap", "3", "0", "0", "0", "符合"])
    const year = String(new Date().getFullYear())
    expect(calls.filter((c) => c.procedure === "figures.quotaUse").map((c) => c.input)).toEqual([
      { schemeId: "daan-first-secretary", schemeVersion: 2, year: Number(year) },
    ])
    const terms = screen.getByTestId("terms-table")
    expect(cells(terms)).toEqual([
      ["杨佳怡", "凤城一村居民区党组织书记", "凤城一村居民区", "2027年1月15日", "50", "任期内"],
    ])
    expect(within(terms).getByRole("link").getAttribute("href")).toBe("/placements/demo-pl-yp-in-term")
    expect(screen.getByTestId("figure-terms").textContent).toContain("1")

    // Choosing the scheme narrows coverage and the cohort to it.
    const select = within(screen.getByTestId("scheme-filter")).getByRole("combobox")
    await act(async () => {
      fireEvent.mouseDown(select)
    })
    await act(async () => {
      fireEvent.click(await screen.findByTitle(/（第2版）$/, {}, slow))
    })
    await vi.waitFor(
      () =>
        expect(calls.filter((c) => c.procedure === "figures.cohort").at(-1)?.input).toEqual({
          schemeId: "daan-first-secretary",
        }),
      slow,
    )
    expect(calls.filter((c) => c.procedure === "figures.coverage").at(-1)?.input).toEqual({
      schemeId: "daan-first-secretary",
    })
  })

  it("speaks English", async () => {
    stubApi(yangpu)
    renderPage("en")
    expect(cells(await screen.findByTestId("coverage-table", {}, slow))).toEqual([
      ["Communities", "10", "3", "7", "30.0% (3/10)"],
      ["All", "10", "3", "7", "30.0% (3/10)"],
    ])
    expect(screen.getByTestId("figure-youngest").textContent).toContain("born 1999")
    expect(cells(screen.getByTestId("decades-table"))[0]).toEqual(["1970s", "1", "100.0% (5/5)"])
  })
})
