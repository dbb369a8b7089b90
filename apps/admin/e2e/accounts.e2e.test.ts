import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"
import { type Browser, launchBrowser } from "@cadre/e2e-harness"

// 账号 as the Yangpu org dept, against the built app and API with the demo accounts (packages/db demo.ts
// DEMO_ACCOUNTS): a street admin for 定海路街道 is created, refused first for a scope at the district's own level
// and a weak password, and then signs in in a browser of its own and sees only its street.
const newEmail = "dinghai.second@demo.example.org"
const newPassword = "Haibin-road-2026"

useDemoSystem()

// Chromium logs every non-2xx answer to the console; take out exactly the refusals the test provoked.
const takeRefusals = (b: Browser, ...statuses: ReadonlyArray<string>) => {
  expect(b.errors).toEqual(
    statuses.map((s) => `console: Failed to load resource: the server responded with a status of ${s}`),
  )
  b.errors.length = 0
}

const signIn = async (page: Page, path: string, email: string, secret: string) => {
  await page.goto(`${preview.url}${path}`)
  await page.waitForURL(/\/sign-in\?next=/)
  await page.getByLabel("邮箱或手机号").fill(email)
  await page.getByLabel("密码").fill(secret)
  await page
    .getByRole("button", { name: "登 录" })
    .or(page.getByRole("button", { name: "登录" }))
    .click()
  await page.waitForURL(new RegExp(`${path}$`))
}

const row = (page: Page, text: string) => page.locator("tr.ant-table-row", { hasText: text })
const visibleDropdown = (page: Page) => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")

const pickRegion = async (page: Page, testId: string, name: string) => {
  await page.getByTestId(testId).click()
  await visibleDropdown(page).locator(`.ant-select-tree-node-content-wrapper[title="${name}"]`).click()
}
const pickOption = async (page: Page, testId: string, label: string) => {
  await page.getByTestId(testId).click()
  await visibleDropdown(page).locator(".ant-select-item-option", { hasText: label }).first().click()
}
const save = (page: Page) =>
  page
    .getByRole("dialog")
    .getByRole("button", { name: /保\s?存/ })
    .click()

describe("accounts (账号)", () => {
  it("lists Yangpu's accounts, refuses what the server refuses, creates a street admin who signs in", async () => {
    const page = await browser.newPage()
    await signIn(page, "/accounts", "yangpu.org@demo.example.org", password)
    await page.locator("h1", { hasText: "账号" }).waitFor()

    // The six Yangpu accounts with role and scope (a unit account's scope is its unit).
    await expect.poll(() => page.locator("tr.ant-table-row").count()).toBe(6)
    const dinghai = row(page, "yangpu.dinghai@demo.example.org")
    expect(await dinghai.getByTestId("account-role").textContent()).toBe("街道（乡镇）管理员")
    expect(await dinghai.getByTestId("account-scope").textContent()).toBe("定海路街道")
    expect(
      await row(page, "yangpu.minzheng@demo.example.org").getByTestId("account-scope").textContent(),
    ).toBe("杨浦区民政局")
    expect(
      await row(page, "yangpu.reviewer@demo.example.org").getByTestId("account-role").textContent(),
    ).toBe("审核人员")

    // The form: the API's password policy is shown; empty fields are refused before anything is sent.
    await page.getByRole("button", { name: "新增账号" }).click()
    const dialog = page.getByRole("dialog")
    expect(await dialog.getByTestId("password-policy").textContent()).toContain(
      "密码须为 10–128 个字符，同时包含字母和数字",
    )
    await save(page)
    await dialog.getByText("请填写姓名").waitFor()
    await dialog.getByText("请选择角色").waitFor()
    await dialog.getByText("请设置初始密码").waitFor()

    await dialog.getByLabel("姓名").fill("定海路街道第二管理员")
    await dialog.getByLabel("邮箱（登录名）").fill(newEmail)
    await pickOption(page, "account-role-select", "街道（乡镇）管理员")
    // A street admin at the district's own level lies above a street: the server refuses (403).
    await pickRegion(page, "account-region-select", "杨浦区")
    await dialog.getByLabel("初始密码").fill(newPassword)
    await save(page)
    await expect.poll(() => dialog.getByTestId("refusal").textContent()).toContain("无权执行此操作")
    takeRefusals(browser, "403 (Forbidden)")

    // The right street, but a weak password: the server's policy, run in the browser, lists every rule broken
    // under the field as the admin types, and saving sends nothing.
    await pickRegion(page, "account-region-select", "定海路街道")
    await dialog.getByLabel("初始密码").fill("dinghai")
    await dialog.getByText("密码不符合要求：至少 10 个字符；须包含数字").waitFor()
    await save(page)
    await dialog.getByText("密码不符合要求：至少 10 个字符；须包含数字").waitFor()
    takeRefusals(browser)

    await dialog.getByLabel("初始密码").fill(newPassword)
    await save(page)
    await page.getByText(`已新增账号 ${newEmail}`).waitFor()
    const created = row(page, newEmail)
    await created.waitFor()
    expect(await created.getByTestId("account-role").textContent()).toBe("街道（乡镇）管理员")
    expect(await created.getByTestId("account-scope").textContent()).toBe("定海路街道")
    // The password is not shown anywhere once saved.
    expect(await page.locator("body").textContent()).not.toContain(newPassword)
    expect(await page.locator("input[type=password]").count()).toBe(0)

    // An integrator's API token: shown once, with a copy button and the warning; gone when closed.
    await row(page, "yangpu.api@demo.example.org").getByRole("button", { name: "签发令牌" }).click()
    await dialog.getByRole("button", { name: /签\s?发/ }).click()
    await dialog.getByText("请填写令牌名称（用途）").waitFor()
    await dialog.getByLabel("令牌名称").fill("人事系统对接")
    await dialog.getByRole("button", { name: /签\s?发/ }).click()
    const secret = dialog.getByTestId("token-secret")
    await secret.waitFor()
    const token = (await secret.textContent()) ?? ""
    expect(token).toMatch(/^cdr_/)
    expect(await dialog.textContent()).toContain("令牌只显示这一次")
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: preview.url })
    await dialog.getByRole("button", { name: /复\s?制/ }).click()
    await page.getByText("已复制").waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token)
    await dialog.getByRole("button", { name: "我已保存，关闭" }).click()
    await dialog.waitFor({ state: "detached" })
    expect(await page.locator("body").textContent()).not.toContain(token)

    // English, once.
    await page.getByText("English", { exact: true }).click()
    await page.locator("html[lang=en]").waitFor()
    await page.locator("th", { hasText: "Role" }).waitFor()
    expect(await created.getByTestId("account-role").textContent()).toBe("Street (township) admin")
    await page.getByText("中文", { exact: true }).click()
    await page.locator("html[lang=zh-CN]").waitFor()

    expect(browser.errors).toEqual([])
    await page.close()

    // The new account, in a browser of its own: its street only.
    const own = await launchBrowser()
    try {
      const street = await own.newPage()
      await signIn(street, "/posts", newEmail, newPassword)
      const who = street.getByTestId("who-am-i")
      await expect.poll(() => who.textContent()).toContain("街道（乡镇）管理员")
      expect(await who.textContent()).toContain("定海路街道")
      await expect
        .poll(() => street.locator("tr.ant-table-row [data-testid=post-title]").allTextContents())
        .toEqual(["定海一村居民区党组织书记", "隆昌路居民区党组织书记", "杨树浦港居民区党组织书记"])
      // A street admin may create accounts (account.create): the link is there; the list is its street's (by e-mail).
      await street.locator('a[href="/accounts"]').click()
      await street.waitForURL(/\/accounts$/)
      await expect
        .poll(() => street.locator("tr.ant-table-row").allTextContents())
        .toEqual([
          expect.stringContaining(newEmail),
          expect.stringContaining("yangpu.dinghai@demo.example.org"),
        ])
      // Only the roles a street may create, and only its street's regions, are offered.
      await street.getByRole("button", { name: "新增账号" }).click()
      await street.getByTestId("account-role-select").click()
      expect(await visibleDropdown(street).locator(".ant-select-item-option").allTextContents()).toEqual([
        "接收单位管理员",
        "审核人员",
      ])
      await visibleDropdown(street).locator(".ant-select-item-option", { hasText: "审核人员" }).click()
      await street.getByTestId("account-region-select").click()
      expect(
        await visibleDropdown(street).locator(".ant-select-tree-node-content-wrapper").allTextContents(),
      ).toEqual(["定海路街道", "定海一村居民区", "隆昌路居民区", "杨树浦港居民区"])
      // Its own level is not beneath it: the server refuses a reviewer for the whole street.
      await visibleDropdown(street)
        .locator('.ant-select-tree-node-content-wrapper[title="定海路街道"]')
        .click()
      const d = street.getByRole("dialog")
      await d.getByLabel("姓名").fill("定海路街道审核人员")
      await d.getByLabel("邮箱（登录名）").fill("dinghai.reviewer@demo.example.org")
      await d.getByLabel("初始密码").fill("Review-street-2026")
      await save(street)
      await expect.poll(() => d.getByTestId("refusal").textContent()).toContain("无权执行此操作")
      takeRefusals(own, "403 (Forbidden)")
      expect(own.errors).toEqual([])
    } finally {
      await own.close()
    }
  })

  it("fits a phone-width screen without sideways scrolling", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(`${preview.url}/accounts`)
    await row(page, "yangpu.dinghai@demo.example.org").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.getByRole("button", { name: "新增账号" }).click()
    await page.getByRole("dialog").getByTestId("password-policy").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
