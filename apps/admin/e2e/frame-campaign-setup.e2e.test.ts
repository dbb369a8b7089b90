import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// The admin's frame (side menu by role, breadcrumb, deep links, the unreachable banner) and the first move of
// 000's year: the org dept creates a campaign from the Yangpu scheme and opens it (issue 16).
useDemoSystem()

const signIn = async (page: Page, path: string) => {
  await page.goto(`${preview.url}${path}`)
  await page.waitForURL(/\/sign-in\?next=/)
  await page.getByLabel("邮箱或手机号").fill("yangpu.org@demo.example.org")
  await page.getByLabel("密码").fill(password)
  await page.getByRole("button", { name: /^登\s?录$/ }).click()
}

const visibleDropdown = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
const choose = async (page: Page, field: string, option: string) => {
  await page.getByLabel(field, { exact: true }).click()
  await visibleDropdown(page).locator(".ant-select-item-option", { hasText: option }).first().click()
}

describe("the frame and 新建选派批次", () => {
  it("at 1280 px: the menu by role, a new campaign from the Yangpu scheme, checked at its fields, then opened", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 })
    await signIn(page, "/campaigns")
    await page.waitForURL(/\/campaigns$/)
    const menu = page.getByTestId("side-menu")
    // The org dept's areas, by name; a clerk never sees a key like nav.schemes.
    await expect
      .poll(() => menu.getByRole("link").allTextContents())
      .toEqual([
        "首页",
        "选派方案",
        "选派批次",
        "在岗干部",
        "请假审批",
        "后备干部",
        "报告管理",
        "统计分析",
        "待办任务",
        "人员",
        "岗位",
        "导入",
        "工作日历",
        "账号管理",
        "操作日志",
      ])
    expect(await page.getByTestId("breadcrumb").textContent()).toBe("首页/选派批次")

    await page.getByTestId("new-campaign").click()
    const dialog = page.getByRole("dialog")
    // Nothing is chosen for the clerk: an empty form is refused at each field, in Chinese.
    await dialog.getByRole("button", { name: /^新\s?建$/ }).click()
    for (const text of [
      "请选择选派方案",
      "请填写批次名称",
      "请填写名额",
      "请至少选择一个开放渠道",
      "请选择决定机构",
    ])
      await dialog.getByText(text).waitFor()
    await choose(page, "方案", "杨浦区选派机关")
    await dialog.getByLabel("批次名称").fill("2027年度杨浦区选派机关干部到居民区任职")
    await dialog.getByLabel("名额").fill("100000")
    await dialog.getByText("名额应为0至10000的整数").waitFor()
    await dialog.getByLabel("名额").fill("3")
    await dialog.getByLabel("年度").fill("2027")
    await dialog.getByLabel("单位推荐").check()
    await choose(page, "决定机构", "部务会")
    await dialog.getByRole("button", { name: /^新\s?建$/ }).click()
    // 000 leaves the reference date to the campaign: the server's refusal is shown at that field, in Chinese.
    await dialog
      .locator(".ant-form-item-has-error", { hasText: "计算基准日" })
      .getByText("方案未规定计算基准日，须由本批次设定")
      .waitFor()
    expect(browser.errors).toEqual([
      "console: Failed to load resource: the server responded with a status of 409 (Conflict)",
    ])
    browser.errors.length = 0
    await dialog.getByLabel("计算基准日").fill("2027-11-30")
    await dialog.getByRole("button", { name: /^新\s?建$/ }).click()

    // The new campaign's own page, by its URL; a draft until the org dept opens it.
    await page.waitForURL(/\/campaigns\/[^/]+$/)
    await page.locator("h1", { hasText: "2027年度杨浦区选派机关干部到居民区任职" }).waitFor()
    expect(await page.getByTestId("campaign-status").textContent()).toBe("草稿")
    expect(await page.getByTestId("breadcrumb").textContent()).toBe(
      "首页/选派批次/2027年度杨浦区选派机关干部到居民区任职",
    )
    const deepLink = page.url()
    await page.getByTestId("campaign-status-move").click()
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^确\s?定$/ })
      .click()
    await expect.poll(() => page.getByTestId("campaign-status").textContent()).toBe("进行中")
    expect(await page.getByTestId("campaign-status-move").textContent()).toMatch(/结束报名/)

    // A deep link opens the same screen in a fresh tab; the list shows the new campaign by its scheme's name.
    const second = await browser.newPage({ width: 1280, height: 900 })
    await second.goto(deepLink)
    await second.locator("h1", { hasText: "2027年度杨浦区选派机关干部到居民区任职" }).waitFor()
    await second.getByTestId("side-menu").getByRole("link", { name: "选派批次" }).click()
    await second.waitForURL(/\/campaigns$/)
    await second.getByText("2027年度杨浦区选派机关干部到居民区任职").first().waitFor()
    expect(browser.errors).toEqual([])
    await second.close()

    // 杨浦区民政局 recommends one of its own people into the open campaign (000 二（一）: units recommend).
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(/\/sign-in/)
    await page.goto(deepLink)
    await page.waitForURL(/\/sign-in\?next=/)
    await page.getByLabel("邮箱或手机号").fill("yangpu.minzheng@demo.example.org")
    await page.getByLabel("密码").fill(password)
    await page.getByRole("button", { name: /^登\s?录$/ }).click()
    await page.waitForURL(deepLink)
    await page.getByTestId("recommend").click()
    const form = page.getByRole("dialog")
    // The meeting cannot be after today, and every field is asked for, in Chinese.
    await form.getByRole("button", { name: /^推\s?荐$/ }).click()
    for (const text of ["请选择人选", "请填写推荐单位", "请填写研究会议", "请填写会议日期"])
      await form.getByText(text).waitFor()
    await form.getByTestId("recommend-person").click()
    const option = visibleDropdown(page).locator(".ant-select-item-option").first()
    const chosen = ((await option.textContent()) ?? "").replace(/（.*$/, "")
    // Namesakes are told apart by the masked ID number, never the whole one.
    expect(await option.textContent()).toMatch(/\d{6}\*+\d{3}[\dX]/)
    await option.click()
    await form.getByLabel("推荐单位").fill("杨浦区民政局党组")
    await form.getByLabel("研究会议").fill("党组会议（2026年第12次）")
    await form.getByLabel("会议日期").fill("2026-11-20")
    await form.getByRole("button", { name: /^推\s?荐$/ }).click()
    await form.waitFor({ state: "detached" })
    await page.locator("tr.ant-table-row", { hasText: chosen }).waitFor()
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("at 375 px: the menu behind its button, no sideways scrolling, and a banner while the API does not answer", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(`${preview.url}/placements`)
    // Signed in by the first test in this browser profile, or now.
    if (new URL(page.url()).pathname.startsWith("/sign-in")) await signIn(page, "/placements")
    await page.waitForURL(/\/placements$/)
    await page.getByTestId("who-am-i").waitFor()
    expect(await page.getByTestId("side-menu").count()).toBe(0)
    expect(await overflow(page)).toBeLessThanOrEqual(0)

    // The API stops answering: the next read fails, and the page says so above itself instead of signing out.
    await page.route("**/api/trpc/**", (route) => route.abort("connectionrefused"))
    await page.getByTestId("menu-button").click()
    await page.getByTestId("side-menu").getByRole("link", { name: "选派批次" }).click()
    const banner = page.getByTestId("api-unreachable-banner")
    await banner.waitFor({ timeout: 15_000 })
    expect(await banner.textContent()).toContain("无法连接服务器")
    // The page moves on (the route's code is loaded once its click lands), not to sign-in.
    await page.waitForURL(/\/campaigns$/)
    expect(await overflow(page)).toBeLessThanOrEqual(0)

    // Back again: 重试 reads again and the banner goes.
    await page.unroute("**/api/trpc/**")
    // A read already under way may come back first and take the banner with it; else 重试 asks again.
    await banner
      .getByRole("button", { name: /重\s?试/ })
      .click({ timeout: 5_000 })
      .catch(() => undefined)
    await banner.waitFor({ state: "detached" })
    await page.getByText("2026年度").first().waitFor()
    // Chromium logs each refused request; nothing else went wrong.
    expect(browser.errors.filter((e) => !e.includes("net::ERR_CONNECTION_REFUSED"))).toEqual([])
    browser.errors.length = 0
    await page.close()
  })
})
