import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, signInAt, useDemoSystem } from "./demo-system.js"

// 后备干部 (issues 16, 19): the org dept of 003's district enters a young community worker into the reserve for the
// two committees (003 一 拓源储备一批) and sees the row; moves the demo's committee reserve 陈思雨 on to the secretary
// reserve after a confirmation naming her and the new role; on a phone the rows are cards and 晋升 stays in reach.
useDemoSystem()

const ORG = "d003.org@demo.example.org"
const visibleDropdown = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")
const choose = async (page: Page, testId: string, option: string) => {
  await page.getByTestId(testId).click()
  await visibleDropdown(page).locator(".ant-select-item-option", { hasText: option }).first().click()
}
/** Codes that must never reach a zh-CN screen: role and source keys, states in English. */
const CODES = /[a-z]+_[a-z]+|\bactive\b|\bremoved\b|\bnominated\b/

describe("后备干部", () => {
  it("the org dept enters a person (nothing chosen beforehand) and sees the row", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 })
    await signInAt(page, "/reserves", ORG)
    await page.getByRole("heading", { name: "后备干部" }).waitFor()
    const rows = page.getByTestId("reserves").locator("tbody tr.ant-table-row")
    await rows.filter({ hasText: "陈思雨" }).waitFor()
    expect(await rows.filter({ hasText: "林浩然" }).textContent()).toContain("社区党组织书记后备力量")
    await page.getByTestId("reserve-enter").click()
    const form = page.getByTestId("enter-form")
    await form.waitFor()
    // Nothing pre-selected: submitting empty names every required field.
    await page
      .locator(".ant-modal")
      .getByRole("button", { name: /^入\s?库$/ })
      .click()
    await form.getByText("请选择人员").waitFor()
    await expect.poll(() => form.getByText("请填写入库依据").count()).toBe(1)
    await page.getByTestId("enter-person").click()
    await page.keyboard.type("吴佳琪")
    await visibleDropdown(page).locator(".ant-select-item-option", { hasText: "吴佳琪" }).first().click()
    await choose(page, "enter-community", "示例社区")
    await choose(page, "enter-scheme", "第1版")
    await choose(page, "enter-role", "“两委”成员后备力量")
    // The wrong source for the stage is refused at the source field, in plain words with the clause.
    await choose(page, "enter-source", "招录")
    await page.getByTestId("enter-basis").fill("“95后”优秀社区工作者，社区推荐")
    await page
      .locator(".ant-modal")
      .getByRole("button", { name: /^入\s?库$/ })
      .click()
    await form.getByText(/从优秀社区工作者中纳入.*003 一 拓源储备一批/).waitFor()
    await choose(page, "enter-source", "社区工作者")
    await page
      .locator(".ant-modal")
      .getByRole("button", { name: /^入\s?库$/ })
      .click()
    await page.getByText("已将 吴佳琪 纳入后备干部队伍").waitFor()
    const row = rows.filter({ hasText: "吴佳琪" })
    await row.waitFor()
    const text = (await row.textContent()) ?? ""
    expect(text).toContain("示例社区")
    expect(text).toContain("“两委”成员后备力量")
    expect(text).toContain("社区工作者")
    expect(text).toContain("在库")
    expect(await page.locator("main").textContent()).not.toMatch(CODES)
    await page.close()
  })

  it("advances 陈思雨 after a confirmation naming her and the new role, basis required", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 })
    await signInAt(page, "/reserves", ORG)
    const row = page.getByTestId("reserves").locator("tbody tr.ant-table-row").filter({ hasText: "陈思雨" })
    await row.waitFor()
    await row.getByTestId("reserve-advance").click()
    const confirm = page.getByTestId("advance-confirm")
    await confirm.waitFor()
    expect(await confirm.textContent()).toBe(
      "确定将 陈思雨 由“两委”成员后备力量递进为社区党组织书记后备力量？",
    )
    await page.getByRole("button", { name: "确认晋升" }).click()
    await page.getByText("请填写晋升依据").waitFor()
    await page.getByTestId("advance-basis").fill("换届当选居委会委员，表现优秀")
    await page.getByRole("button", { name: "确认晋升" }).click()
    await page.getByText("已将 陈思雨 递进为社区党组织书记后备力量").waitFor()
    await expect.poll(async () => (await row.textContent()) ?? "").toContain("社区党组织书记后备力量")
    expect(await row.getByTestId("reserve-advance").count()).toBe(0)
    await page.close()
  })

  it("at 375 px the rows are cards, nothing scrolls sideways, and 晋升 is in reach", async () => {
    const page = await browser.newPage({ width: 375, height: 812 })
    await signInAt(page, "/reserves", ORG)
    const card = page.getByTestId("reserve-card").filter({ hasText: "吴佳琪" })
    await card.waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    const button = card.getByTestId("reserve-advance")
    const box = await button.boundingBox()
    expect(box).not.toBeNull()
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.close()
  })
})
