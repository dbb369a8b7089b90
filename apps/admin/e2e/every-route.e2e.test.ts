import { seriousViolations } from "@cadre/e2e-harness"
import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, preview, signInAt, useDemoSystem } from "./demo-system.js"

// Issue 16 item 4: every route the menu offers, and a detail page of each kind, in zh-CN and in English — no raw
// i18n key, no English stage code on a zh-CN screen, and no serious or critical axe-core violation (WCAG 2.1 A/AA).
useDemoSystem()

/** The kernel's state and role codes; none may show on a zh-CN screen. */
const CODES =
  /\b(draft|submitted|screened|qualification_review|joint_review|interview|shortlisted|decided|noticed|appointed|rejected|withdrawn|in_term|on_probation|term_ended|org_dept_admin|street_admin|system:demo)\b/
/** An i18next key left untranslated looks like `nav.schemes` or `inbox.leave.title`. */
const RAW_KEY = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+(\.[a-zA-Z]+)*\b/

/** The page's text without what legitimately has dots: e-mail addresses and web addresses. */
const visibleText = async (page: Page) =>
  (await page.evaluate(() => document.body.innerText))
    .replace(/\S+@\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")

const settle = async (page: Page) => {
  await page.waitForLoadState("networkidle")
  await page
    .locator(".ant-spin-spinning")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => {})
}

/** The menu's entries (the routes this account may use), as hrefs. */
const menuRoutes = async (page: Page) => {
  const links = page.getByTestId("side-menu").locator("a")
  await links.first().waitFor()
  return links.evaluateAll((as) =>
    [...new Set(as.map((a) => a.getAttribute("href") ?? ""))].filter((h) => h !== "" && h !== "/"),
  )
}

/** The first link of a list page to a detail page of the same area (`/campaigns/<id>`). */
const firstDetail = async (page: Page, area: string): Promise<string | null> => {
  await page.goto(`${preview.url}${area}`)
  await settle(page)
  const hrefs = await page
    .locator(`main a[href^="${area}/"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))
  return hrefs[0] ?? null
}

const checkRoute = async (page: Page, path: string, language: "zh" | "en") => {
  await page.goto(`${preview.url}${path}`)
  await page.locator("main").first().waitFor()
  await settle(page)
  const text = await visibleText(page)
  expect(text.match(RAW_KEY)?.[0], `${path} (${language}): raw key`).toBeUndefined()
  if (language === "zh") {
    expect(text.match(CODES)?.[0], `${path}: a code on screen`).toBeUndefined()
    expect(await seriousViolations(page), `${path}: axe`).toEqual([])
  }
}

describe("every route in both languages", () => {
  it("the org dept's menu, and a campaign, a placement and a scheme, in zh-CN then English", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 })
    await signInAt(page, "/campaigns", "yangpu.org@demo.example.org")
    const routes = await menuRoutes(page)
    // The org dept's menu covers the work, the records and the system areas.
    for (const r of [
      "/schemes",
      "/campaigns",
      "/placements",
      "/figures",
      "/leave",
      "/reports",
      "/audit",
      "/people",
    ])
      expect(routes).toContain(r)
    const details = [
      await firstDetail(page, "/campaigns"),
      await firstDetail(page, "/placements"),
      await firstDetail(page, "/schemes"),
    ].filter((d): d is string => d !== null)
    expect(details).toHaveLength(3)
    for (const path of [...routes, ...details]) await checkRoute(page, path, "zh")
    await page.getByRole("button", { name: "English" }).first().click()
    for (const path of [...routes, ...details]) await checkRoute(page, path, "en")
    await page.close()
    // Eighteen routes twice, axe on each in zh-CN: over a minute on a busy machine.
  }, 150_000)

  it("a host unit's menu at 375 px (the inboxes it works in), in zh-CN", async () => {
    const page = await browser.newPage({ width: 375, height: 812 })
    await browser.clearStorage(preview.url)
    await signInAt(page, "/leave", "jincheng.xfj@demo.example.org")
    await page.getByRole("button", { name: "打开菜单" }).click()
    const routes = await menuRoutes(page)
    expect(routes).toContain("/leave")
    await page.keyboard.press("Escape")
    for (const path of routes) await checkRoute(page, path, "zh")
    await page.close()
  })
})
