import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// 统计分析 against the built app and the built API with its demo data: the numbers on the screen must be the
// numbers the API gives the same account (asked through the page's own session), charts must draw, and the page
// must fit a phone. Yangpu (000) has ten residential areas and overdue reports; Da'an (002) has villages and an
// excellent-grade quota (优秀不超过20%).

useDemoSystem()

interface Share {
  count: number
  of: number
  percent: string
}
interface CoverageCount {
  total: number
  covered: Share
  uncovered: number
}

const signIn = async (page: Page, account: string) => {
  await page.goto(`${preview.url}/figures`)
  await page.waitForURL(/\/sign-in\?next=/)
  await page.getByLabel("邮箱或手机号").fill(`${account}@demo.example.org`)
  await page.getByLabel("密码").fill(password)
  await page
    .getByRole("button", { name: "登 录" })
    .or(page.getByRole("button", { name: "登录" }))
    .click()
  await page.waitForURL(/\/figures$/)
}

/** A query through the page's own session cookie, as the screen asks it. */
const query = <T>(page: Page, procedure: string, input: unknown = {}): Promise<T> =>
  page.evaluate(
    async ([p, i]) => {
      const res = await fetch(`/api/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`, {
        credentials: "same-origin",
      })
      return ((await res.json()) as { result: { data: unknown } }).result.data
    },
    [procedure, input] as const,
  ) as Promise<T>

/** The cells of a table's body rows, as text. */
const cells = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator("tbody tr.ant-table-row")
    .evaluateAll((rows) =>
      rows.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
    )

const zhShare = (s: Share) => `${s.percent}（${s.count}/${s.of}）`
const kindZh = { village: "村", community: "社区（居民区）", all: "合计" } as const

/** The coverage table as the screen must show the API's coverage. */
const coverageTable = (c: { all: CoverageCount; byKind: Record<"village" | "community", CoverageCount> }) =>
  [
    ...(["village", "community"] as const)
      .filter((k) => c.byKind[k].total > 0)
      .map((k) => [k, c.byKind[k]] as const),
    ["all", c.all] as const,
  ].map(([k, n]) => [
    kindZh[k],
    String(n.total),
    String(n.covered.count),
    String(n.uncovered),
    zhShare(n.covered),
  ])

/** A chart has drawn when its container holds an SVG with shapes in it. */
const drawn = (page: Page, testId: string) => page.getByTestId(testId).locator("svg path, svg rect").count()

const choose = async (page: Page, testId: string, option: string) => {
  await page.getByTestId(testId).click()
  await page.locator(".ant-select-item-option", { hasText: option }).click()
}

describe("figures (统计分析)", () => {
  it("shows Yangpu's figures exactly as the API counts them, with charts, and narrows coverage to a street", async () => {
    const page = await browser.newPage()
    await signIn(page, "yangpu.org")
    await page.locator("h1", { hasText: "统计分析" }).waitFor()
    await page.getByTestId("coverage-table").waitFor()

    const coverage = await query<{
      all: CoverageCount
      byKind: Record<"village" | "community", CoverageCount>
    }>(page, "figures.coverage")
    // The seed regions give Yangpu ten residential areas and no villages.
    expect(coverage.all.total).toBe(10)
    expect(coverage.byKind.village.total).toBe(0)
    expect(await cells(page, "coverage-table")).toEqual(coverageTable(coverage))
    expect(await page.getByTestId("figure-coverage").textContent()).toContain(coverage.all.covered.percent)
    expect(await page.getByTestId("figure-coverage-ratio").textContent()).toBe(
      `${coverage.all.covered.count}/${coverage.all.covered.of}`,
    )

    const cohort = await query<{
      count: number
      partyMembers: Share
      birthDecades: Array<{ decade: number; count: number; fromThisDecadeOn: Share }>
      averageAge?: { display: string }
      youngest?: { birthYear: number }
    }>(page, "figures.cohort")
    expect(cohort.count).toBeGreaterThan(0)
    expect(await page.getByTestId("figure-cohort").textContent()).toContain(String(cohort.count))
    expect(await page.getByTestId("figure-party").textContent()).toContain(cohort.partyMembers.percent)
    expect(await page.getByTestId("figure-party-ratio").textContent()).toBe(
      `${cohort.partyMembers.count}/${cohort.partyMembers.of}`,
    )
    expect(await page.getByTestId("figure-average-age").textContent()).toContain(cohort.averageAge?.display)
    expect(await page.getByTestId("figure-youngest").textContent()).toContain(
      `${cohort.youngest?.birthYear}年出生`,
    )
    expect(await cells(page, "decades-table")).toEqual(
      cohort.birthDecades.map((d) => [`${d.decade}年代`, String(d.count), zhShare(d.fromThisDecadeOn)]),
    )

    const overdue = await query<{
      total: number
      byRegion: Array<{ regionName: string; count: number; maxDays: number }>
    }>(page, "figures.overdue")
    expect(overdue.total).toBeGreaterThan(0)
    expect(await page.getByTestId("figure-overdue").textContent()).toContain(String(overdue.total))
    expect(await cells(page, "overdue-region-table")).toEqual(
      overdue.byRegion.map((r) => [r.regionName, String(r.count), `${r.maxDays} 天`]),
    )
    // The list, most overdue first, each row linking to its placement.
    const reports = (
      await query<{ items: Array<{ placementId: string; personName: string }>; total: number }>(
        page,
        "reports.overdue",
        { limit: 200 },
      )
    ).items
    expect(reports).toHaveLength(overdue.total)
    const links = page.getByTestId("overdue-table").locator("tbody a")
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
      reports.slice(0, 10).map((r) => `/placements/${r.placementId}`),
    )
    expect(await page.getByTestId("overdue").textContent()).toContain(`共 ${overdue.total} 份`)

    // Terms ending in 90 days: the table when there are some, the empty state when there are none.
    const terms = await query<Array<{ placementId: string; personName: string; daysLeft: number }>>(
      page,
      "figures.termsEnding",
    )
    expect(await page.getByTestId("figure-terms").textContent()).toContain(String(terms.length))
    if (terms.length === 0)
      expect(await page.getByTestId("terms").textContent()).toContain("今后90天内没有任期届满的选派干部")
    else
      expect(
        await page
          .getByTestId("terms-table")
          .locator("tbody a")
          .evaluateAll((as) => as.length),
      ).toBe(terms.length)

    // Yangpu's notice sets no grade quota: said so, no chart.
    await expect
      .poll(() => page.getByTestId("quota").textContent())
      .toContain("没有名额数据：方案未规定考核等次比例")
    expect(await page.getByTestId("quota-chart").count()).toBe(0)

    // The charts drew (SVG renderer).
    for (const chart of ["coverage-chart", "decades-chart", "education-chart", "ranks-chart"])
      await expect.poll(() => drawn(page, chart)).toBeGreaterThan(0)

    // Coverage of one street: 五角场街道's residential areas only, as the API counts them.
    const street = await query<{
      all: CoverageCount
      byKind: Record<"village" | "community", CoverageCount>
    }>(page, "figures.coverage", { regionId: "310110003" })
    expect(street.all.total).toBe(3)
    await choose(page, "region-filter", "五角场街道")
    await expect.poll(() => cells(page, "coverage-table")).toEqual(coverageTable(street))
    // The area narrows the other figures too: overdue reports and the cohort, as the API counts them there.
    const streetOverdue = await query<{ total: number }>(page, "figures.overdue", { regionId: "310110003" })
    const streetCohort = await query<{ count: number }>(page, "figures.cohort", { regionId: "310110003" })
    expect(streetCohort.count).toBeLessThan(cohort.count)
    await expect
      .poll(async () => (await page.getByTestId("figure-overdue").textContent()) ?? "")
      .toContain(String(streetOverdue.total))
    await expect
      .poll(async () => (await page.getByTestId("figure-cohort").textContent()) ?? "")
      .toContain(String(streetCohort.count))

    // Sign out, so the next test signs in as another account.
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(/\/sign-in/)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("shows Da'an's villages and its excellent-grade quota, fits a phone, and speaks English", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await signIn(page, "daan.org")
    await page.getByTestId("coverage-table").waitFor()
    const coverage = await query<{
      all: CoverageCount
      byKind: Record<"village" | "community", CoverageCount>
    }>(page, "figures.coverage")
    expect(coverage.byKind.village.total).toBe(5)
    expect(await cells(page, "coverage-table")).toEqual(coverageTable(coverage))

    const year = await page.evaluate(() => new Date().getFullYear())
    const quota = await query<
      Array<{ quotaId: string; size: number; used: number; limit: number; remaining: number; clause: string }>
    >(page, "figures.quotaUse", { schemeId: "daan-first-secretary", schemeVersion: 1, year })
    expect(quota.map((q) => [q.quotaId, q.clause])).toEqual([["excellent_cap", "002 三（二）"]])
    await page.getByTestId("quota-table").waitFor()
    expect((await cells(page, "quota-table")).map((r) => r.slice(1, 6))).toEqual(
      quota.map((q) => [q.quotaId, String(q.size), String(q.used), String(q.limit), String(q.remaining)]),
    )
    await expect.poll(() => drawn(page, "quota-chart")).toBeGreaterThan(0)
    await expect.poll(() => drawn(page, "coverage-chart")).toBeGreaterThan(0)
    expect(await overflow(page)).toBeLessThanOrEqual(0)

    // English, still at phone width.
    await page.getByText("English", { exact: true }).click()
    await page.locator("html[lang=en]").waitFor()
    await page.locator("h1", { hasText: "Figures" }).waitFor()
    await expect
      .poll(() => cells(page, "coverage-table"))
      .toContainEqual([
        "Villages",
        String(coverage.byKind.village.total),
        String(coverage.byKind.village.covered.count),
        String(coverage.byKind.village.uncovered),
        `${coverage.byKind.village.covered.percent} (${coverage.byKind.village.covered.count}/${coverage.byKind.village.covered.of})`,
      ])
    expect(await page.getByTestId("quota").locator("th", { hasText: "Left" }).count()).toBe(1)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    // Back to Chinese for whoever comes next in this browser.
    await page.getByText("中文", { exact: true }).click()
    await page.locator("html[lang=zh-CN]").waitFor()

    expect(browser.errors).toEqual([])
    await page.close()
  })
})
