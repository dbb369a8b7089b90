import { readFile, stat } from "node:fs/promises"
import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// A person's walk through the campaign screens, against the built app and the built API with its demo data
// (docs/selection.md §5: Yangpu 000 at interviews, 王晓明 screened ineligible).
const email = "yangpu.org@demo.example.org"
const campaignId = "demo-yangpu-2026"

useDemoSystem()

const signIn = async (page: Page) => {
  await page.getByLabel("邮箱或手机号").fill(email)
  await page.getByLabel("密码").fill(password)
  await page
    .getByRole("button", { name: "登 录" })
    .or(page.getByRole("button", { name: "登录" }))
    .click()
}

// Chromium logs every non-2xx answer to the console, so a refusal the test provokes on purpose (409 CONFLICT)
// shows up in browser.errors: take exactly that one line out, and let anything else fail the test.
const takeRefusal = () => {
  expect(browser.errors).toEqual([
    "console: Failed to load resource: the server responded with a status of 409 (Conflict)",
  ])
  browser.errors.length = 0
}

const row = (page: Page, name: string) => page.locator("tr.ant-table-row", { hasText: name })

describe("campaigns (选派批次)", () => {
  it("signs in, opens the Yangpu campaign, rejects an application, exports the roster, speaks English", async () => {
    const page = await browser.newPage()
    // Unauthenticated: sent to sign-in, and back to the campaigns afterwards.
    await page.goto(`${preview.url}/campaigns`)
    await page.waitForURL(/\/sign-in\?next=/)
    await signIn(page)
    await page.waitForURL(/\/campaigns$/)
    const who = page.getByTestId("who-am-i")
    await expect.poll(() => who.textContent()).toContain("组织部管理员")
    expect(await who.textContent()).toContain("杨浦区")

    // The list: name, scheme and version, status, places, counts by state.
    await page.locator("h1", { hasText: "选派批次" }).waitFor()
    const card = page.getByTestId(`campaign-${campaignId}`)
    await card.waitFor()
    const cardText = await card.textContent()
    // The scheme by its name, never its id (issue 16).
    expect(cardText).toContain("杨浦区选派机关、事业单位干部到居民区担任党组织书记 第1版")
    expect(cardText).not.toContain("yangpu-community-secretary")
    expect(cardText).toContain("进行中")
    expect(cardText).toContain("面试 1")
    expect(cardText).toContain("已资格比对 3")

    // The detail: the path as steps with counts, the timetable, the applications.
    await card.getByRole("link").click()
    await page.waitForURL(new RegExp(`/campaigns/${campaignId}$`))
    const path = page.getByTestId("campaign-path")
    await path.waitFor()
    const steps = await path.locator(".ant-steps-item-title").allTextContents()
    expect(steps).toEqual(["草稿", "已报名/已推荐", "已资格比对", "面试", "已研究决定", "已任职", "已报到"])
    expect(await page.getByTestId("schedule-recommend").textContent()).toContain("2026年12月18日")
    await row(page, "王晓明").waitFor()
    expect(await page.locator("tr.ant-table-row").count()).toBe(4)
    const wang = row(page, "王晓明")
    expect(await wang.textContent()).toContain("不符合条件")
    expect(await wang.textContent()).toMatch(/\d{6}\*{8}\d{3}[\dX]/)

    // A row expands to its reasons with their clauses.
    await wang.locator(".ant-table-row-expand-icon").click()
    await expect
      .poll(() => page.locator(".ant-table-expanded-row").first().textContent())
      .toContain("000 一（一）")

    // An illegal move: the ineligible cannot advance. Confirming is asked first, with the screening's warning;
    // then the kernel's explanation is shown and nothing changes.
    await wang.getByRole("button", { name: "进入下一环节" }).click()
    const confirmBox = page.locator(".ant-popconfirm")
    await confirmBox.getByText("该人选资格比对结论为“不符合条件”。").waitFor()
    await confirmBox.getByRole("button", { name: "确定转入" }).click()
    const refusal = page.getByTestId("action-error")
    await expect.poll(() => refusal.textContent()).toContain("资格审查结论为不符合条件")
    expect(await wang.getByTestId("application-state").textContent()).toBe("已资格比对")
    takeRefusal()

    // Reject with a reason (in the row's "更多操作" menu); the state changes to 未通过.
    await wang.getByRole("button", { name: "更多操作" }).click()
    await page.getByRole("menuitem", { name: "不予通过" }).click()
    const dialog = page.getByRole("dialog")
    await dialog.getByRole("button", { name: /确认不予通过/ }).click()
    await dialog.getByText("请填写不予通过的理由").waitFor()
    await dialog.getByLabel("理由（将告知报名人）").fill("年龄超过选派条件规定")
    await dialog.getByRole("button", { name: /确认不予通过/ }).click()
    await expect.poll(() => wang.getByTestId("application-state").textContent()).toBe("未通过")
    // A rejected application is closed: no moves are offered.
    expect(await wang.getByRole("button", { name: "更多操作" }).count()).toBe(0)
    expect(await wang.getByRole("button", { name: "进入下一环节" }).count()).toBe(0)

    // The roster as a real .xlsx download.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出花名册" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/花名册\.xlsx$/)
    const file = await download.path()
    expect((await stat(file)).size).toBeGreaterThan(0)

    // 安排表 the same way, and the screened applicant's 报名表 as a PDF from the expanded row (000 附件).
    const [arrangement] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-arrangement").click(),
    ])
    expect(arrangement.suggestedFilename()).toMatch(/安排表\.xlsx$/)
    const [form] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".ant-table-expanded-row").first().getByTestId("registration-form").click(),
    ])
    expect(form.suggestedFilename()).toBe("王晓明-报名表.pdf")
    expect((await readFile(await form.path())).subarray(0, 5).toString()).toBe("%PDF-")

    // English.
    await page.getByText("English", { exact: true }).click()
    await page.getByRole("button", { name: "Export roster" }).waitFor()
    expect(
      await page.getByTestId("campaign-path").locator(".ant-steps-item-title").first().textContent(),
    ).toBe("draft")
    expect(await page.locator("th", { hasText: "Current step" }).count()).toBe(1)
    expect(await wang.getByTestId("application-state").textContent()).toBe("rejected")
    expect(await page.getByTestId("who-am-i").textContent()).toContain("Org dept admin")

    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("fits a phone-width screen without sideways scrolling", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(`${preview.url}/campaigns`)
    await page.getByTestId(`campaign-${campaignId}`).waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.goto(`${preview.url}/campaigns/${campaignId}`)
    await row(page, "王晓明").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    // English is longer (the language is still English from the test before; switch to be sure).
    await page.getByText("English", { exact: true }).click()
    await page.locator("html[lang=en]").waitFor()
    await page.getByRole("button", { name: "Export roster" }).waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("moves an application on, tells a stale second tab to reload, and signs out", async () => {
    const page = await browser.newPage()
    const stale = await browser.newPage()
    await page.goto(`${preview.url}/campaigns/${campaignId}`)
    await stale.goto(`${preview.url}/campaigns/${campaignId}`)
    await page.getByText("中文", { exact: true }).click()
    await page.locator("html[lang=zh-CN]").waitFor()
    await stale.reload()
    // 张俊杰 is at the interview: the decision is its own move, so no Advance is offered.
    const zhao = row(page, "赵国庆")
    await zhao.waitFor()
    await row(stale, "赵国庆").waitFor()
    expect(await row(page, "张俊杰").getByRole("button", { name: "进入下一环节" }).count()).toBe(0)
    await zhao.getByRole("button", { name: "进入下一环节" }).click()
    await page.locator(".ant-popconfirm").getByRole("button", { name: "确定转入" }).click()
    await expect.poll(() => zhao.getByTestId("application-state").textContent()).toBe("面试")
    expect(await zhao.getByRole("button", { name: "进入下一环节" }).count()).toBe(0)

    // The other tab still holds the old version: its move is refused and the user is told to reload.
    await row(stale, "赵国庆").getByRole("button", { name: "进入下一环节" }).click()
    await stale.locator(".ant-popconfirm").getByRole("button", { name: "确定转入" }).click()
    const refusal = stale.getByTestId("action-error")
    await expect.poll(() => refusal.textContent()).toContain("请刷新页面后重试")
    await refusal
      .getByRole("button", { name: "刷 新" })
      .or(refusal.getByRole("button", { name: "刷新" }))
      .click()
    await expect.poll(() => row(stale, "赵国庆").getByTestId("application-state").textContent()).toBe("面试")
    takeRefusal()

    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(/\/sign-in/)
    await page.goto(`${preview.url}/campaigns`)
    await page.waitForURL(/\/sign-in\?next=/)
    await stale.close()
    await page.close()
  })
})
