import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// An official's walk through 岗位 as the Da'an org dept, against the built app and API with the demo data: the six
// Da'an first-secretary posts (packages/db demo.ts DEMO_POSTS and demoPlacements.ts) as placements and the
// campaign's appointment leave them — 烟坡、民主、盐井 filled; 正街社区、双河、白岩 vacant.
const email = "daan.org@demo.example.org"

useDemoSystem()

// Chromium logs every non-2xx answer to the console; take out exactly the refusal the test provoked.
const takeRefusal = (status: string) => {
  expect(browser.errors).toEqual([
    `console: Failed to load resource: the server responded with a status of ${status}`,
  ])
  browser.errors.length = 0
}

const rows = (page: Page) => page.locator("tr.ant-table-row")
const row = (page: Page, title: string) => page.locator("tr.ant-table-row", { hasText: title })
const titles = (page: Page) => rows(page).getByTestId("post-title").allTextContents()

/** Opens a region TreeSelect (by its test id) and picks a region by its exact name. */
const pickRegion = async (page: Page, testId: string, name: string) => {
  await page.getByTestId(testId).click()
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
    .locator(`.ant-select-tree-node-content-wrapper[title="${name}"]`)
    .click()
}

/** Opens a Select (by its test id) and picks the option whose label starts with `label`. */
const pickOption = async (page: Page, testId: string, label: string) => {
  await page.getByTestId(testId).click()
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
      hasText: label,
    })
    .first()
    .click()
}

describe("posts (岗位)", () => {
  it("lists the Da'an posts, filters them, adds one, edits it, and speaks English", async () => {
    const page = await browser.newPage()
    await page.goto(`${preview.url}/posts`)
    await page.waitForURL(/\/sign-in\?next=/)
    await page.getByLabel("邮箱或手机号").fill(email)
    await page.getByLabel("密码").fill(password)
    await page
      .getByRole("button", { name: "登 录" })
      .or(page.getByRole("button", { name: "登录" }))
      .click()
    await page.waitForURL(/\/posts$/)
    await page.locator("h1", { hasText: "岗位" }).waitFor()
    await expect.poll(() => rows(page).count()).toBe(6)

    // Each post with its region (and the township above), no unit, and its status as the API says; in the order
    // they were created (the list pages by creation, issue 19).
    expect(await titles(page)).toEqual([
      "白岩村党组织第一书记",
      "民主村党组织第一书记",
      "双河村党组织第一书记",
      "盐井村党组织第一书记",
      "烟坡村党组织第一书记",
      "正街社区党组织第一书记",
    ])
    const status = (title: string) => row(page, title).getByTestId("post-status").textContent()
    expect(await status("正街社区党组织第一书记")).toBe("空缺")
    expect(await status("烟坡村党组织第一书记")).toBe("已在岗")
    expect(await status("民主村党组织第一书记")).toBe("已在岗")
    expect(await status("白岩村党组织第一书记")).toBe("空缺")
    const baiyan = await row(page, "白岩村党组织第一书记").textContent()
    expect(baiyan).toContain("何市镇白岩村")
    expect(baiyan).toContain("何市镇")

    // A township shows its villages' and communities' posts; with the status, only the vacant one.
    await pickRegion(page, "region-filter", "牛佛镇")
    await expect
      .poll(() => titles(page))
      .toEqual(["民主村党组织第一书记", "烟坡村党组织第一书记", "正街社区党组织第一书记"])
    await pickOption(page, "status-filter", "空缺")
    await expect.poll(() => titles(page)).toEqual(["正街社区党组织第一书记"])
    expect(await page.getByTestId("posts-shown").textContent()).toBe("共 1 个岗位")
    // Back to every status and every region: all six again.
    await pickOption(page, "status-filter", "全部")
    await page.getByTestId("region-filter").hover()
    await page.locator("[data-testid=region-filter] .ant-select-clear").click()
    await expect.poll(() => rows(page).count()).toBe(6)

    // A new post: the form refuses an empty title and no region, in Chinese, before anything is sent.
    await page.getByRole("button", { name: "新增岗位" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByRole("button", { name: /保\s?存/ }).click()
    await dialog.getByText("请填写岗位名称").waitFor()
    await dialog.getByText("请选择岗位所在区域").waitFor()
    await dialog.getByLabel("岗位名称").fill("   ")
    await dialog.getByRole("button", { name: /保\s?存/ }).click()
    await dialog.getByText("请填写岗位名称").waitFor()
    await dialog.getByLabel("岗位名称").fill("x".repeat(101))
    await dialog.getByText("岗位名称不超过 100 个字").waitFor()
    await dialog.getByLabel("岗位名称").fill("白岩村党组织副书记（选派）")
    await pickRegion(page, "post-region", "何市镇白岩村")
    await dialog.getByRole("button", { name: /保\s?存/ }).click()
    await page.getByText("已新增岗位“白岩村党组织副书记（选派）”（空缺）").waitFor()
    await expect.poll(() => rows(page).count()).toBe(7)
    const added = row(page, "白岩村党组织副书记（选派）")
    expect(await added.getByTestId("post-status").textContent()).toBe("空缺")
    expect(await added.textContent()).toContain("何市镇白岩村")
    // It is vacant: the status filter finds it among the vacant posts of 何市镇.
    await pickRegion(page, "region-filter", "何市镇")
    await pickOption(page, "status-filter", "空缺")
    // (Posts of one region are listed by id, and a new post's id is random: compare as a set.)
    await expect
      .poll(async () => (await titles(page)).sort())
      .toEqual(["双河村党组织第一书记", "白岩村党组织副书记（选派）", "白岩村党组织第一书记"].sort())

    // Another tab reads the post before this one renames and closes it; its own edit is then stale.
    const stale = await browser.newPage()
    await stale.goto(`${preview.url}/posts`)
    await row(stale, "白岩村党组织副书记（选派）").waitFor()

    await added.getByRole("button", { name: /编\s?辑/ }).click()
    await dialog.getByLabel("岗位名称").fill("白岩村党组织副书记（挂职）")
    await pickOption(page, "post-status-select", "已撤销")
    await dialog.getByRole("button", { name: /保\s?存/ }).click()
    await page.getByText("已保存岗位“白岩村党组织副书记（挂职）”").waitFor()
    // Closed now: no longer among the vacant posts; under every status it shows as closed.
    await expect.poll(() => titles(page)).toEqual(["白岩村党组织第一书记", "双河村党组织第一书记"])
    await pickOption(page, "status-filter", "已撤销")
    await expect.poll(() => titles(page)).toEqual(["白岩村党组织副书记（挂职）"])

    // A filled post's status follows its placement: the edit offers no status change.
    await pickOption(page, "status-filter", "全部")
    await row(page, "白岩村党组织第一书记").waitFor()
    await pickRegion(page, "region-filter", "牛佛镇")
    await row(page, "烟坡村党组织第一书记")
      .getByRole("button", { name: /编\s?辑/ })
      .click()
    await dialog.getByText("岗位已有人在岗，状态随任职安排变化，不能手工修改").waitFor()
    expect(await dialog.locator("[data-testid=post-status-select].ant-select-disabled").count()).toBe(1)
    await dialog.getByRole("button", { name: /取\s?消/ }).click()

    // The stale tab: the server refuses (409) and the dialog says to reload.
    const staleRow = row(stale, "白岩村党组织副书记（选派）")
    await staleRow.getByRole("button", { name: /编\s?辑/ }).click()
    const staleDialog = stale.getByRole("dialog")
    await staleDialog.getByLabel("岗位名称").fill("白岩村党组织副书记（旧）")
    await staleDialog.getByRole("button", { name: /保\s?存/ }).click()
    await expect.poll(() => staleDialog.getByTestId("refusal").textContent()).toContain("请刷新页面后重试")
    takeRefusal("409 (Conflict)")
    await staleDialog.getByRole("button", { name: /刷\s?新/ }).click()
    await row(stale, "白岩村党组织副书记（挂职）").waitFor()
    expect(await row(stale, "白岩村党组织副书记（旧）").count()).toBe(0)
    await stale.close()

    // English.
    await page.getByText("English", { exact: true }).click()
    await page.locator("html[lang=en]").waitFor()
    await page.locator("th", { hasText: "Post" }).first().waitFor()
    expect(await row(page, "烟坡村党组织第一书记").getByTestId("post-status").textContent()).toBe("Filled")
    expect(await row(page, "正街社区党组织第一书记").getByTestId("post-status").textContent()).toBe("Vacant")
    expect(await page.getByRole("button", { name: "New post" }).count()).toBe(1)
    await page.getByText("中文", { exact: true }).click()
    await page.locator("html[lang=zh-CN]").waitFor()

    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("fits a phone-width screen without sideways scrolling", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(`${preview.url}/posts`)
    await row(page, "烟坡村党组织第一书记").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.getByRole("button", { name: "新增岗位" }).click()
    await page.getByRole("dialog").getByLabel("岗位名称").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
