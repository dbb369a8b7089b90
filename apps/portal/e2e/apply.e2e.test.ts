import { randomUUID } from "node:crypto"
import { fileURLToPath } from "node:url"
import {
  type Browser,
  launchBrowser,
  mailedCode,
  type Service,
  startApi,
  startPreview,
} from "@cadre/e2e-harness"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// An applicant's whole first visit, as a person does it on a 375 px phone, against the built app under
// `vite preview` and the built API with the demo data (the Huaishang campaign is open to self-registration).
const appDir = fileURLToPath(new URL("..", import.meta.url))

let api: Service
let preview: Service
let browser: Browser

beforeAll(async () => {
  api = await startApi({ env: { LOAD_DEMO_DATA: "true" } })
  preview = await startPreview({ appDir, apiUrl: api.url })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await preview?.stop()
  await api?.stop()
})

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) for 17 digits, computed here independently of the app. */
const checkCharacter = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0)
  return "10X98765432".charAt(sum % 11)
}

// Address code 340311 (淮上区), born 1992-03-14, sequence 123 (odd: male).
const first17 = "34031119920314123"
const idNumber = first17 + checkCharacter(first17)
// The same number with a wrong check character. (antd spaces out two-character Chinese button labels, "登 录",
// hence the /\s?/ in some names below.)
const wrongIdNumber = first17 + (checkCharacter(first17) === "0" ? "1" : "0")

const noSidewaysScroll = async (page: Page) =>
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0)

/** The one line Chromium logs for every 4xx answer; the test expects exactly one, from the refused ID number. */
const refused400 = "console: Failed to load resource: the server responded with a status of 400 (Bad Request)"

describe("applying on the portal (报名)", () => {
  it("registers, fills in the profile, applies to 淮上区, withdraws, and reads it all in English", async () => {
    expect(idNumber).toMatch(/^\d{17}[\dX]$/)
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(preview.url)
    await page.locator("h1").waitFor()

    // 注册: the password policy comes from the server; a new e-mail per run.
    await page.getByRole("link", { name: "注册", exact: true }).first().click()
    await page.getByRole("heading", { name: "注册账号" }).waitFor()
    await page.getByTestId("password-policy").waitFor()
    expect(await page.getByTestId("password-policy").textContent()).toContain("密码须为 10–128 个字符")
    const email = `applicant-${randomUUID().slice(0, 8)}@example.cn`
    const password = "Huaishang-2026-apply"
    await page.getByLabel("邮箱", { exact: true }).fill(email)
    // The code comes by e-mail (the API's log sender, read here as the applicant reads their mailbox).
    await page.getByRole("button", { name: "发送验证码" }).click()
    await page.getByTestId("code-sent").waitFor()
    await page.getByLabel("邮箱验证码").fill(mailedCode(api, email))
    await page.getByLabel("姓名").fill("王晓明")
    await page.getByLabel("密码", { exact: true }).fill(password)
    await noSidewaysScroll(page)
    await page.getByRole("button", { name: "注册并登录" }).click()
    await page.getByRole("heading", { name: "个人信息" }).waitFor()

    // Sign out and sign in again with the new account.
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.getByRole("link", { name: "登录", exact: true }).first().click()
    await page.getByRole("heading", { name: "登录" }).waitFor()
    await page.getByLabel("邮箱或手机号").fill(email)
    await page.getByLabel("密码", { exact: true }).fill(password)
    await page.getByRole("button", { name: /^登\s?录$/ }).click()
    // No profile yet: signing in leads to it.
    await page.getByRole("heading", { name: "个人信息" }).waitFor()

    // 个人信息, first with a wrong ID number: the server refuses it, in Chinese, under the field.
    await page.getByLabel("姓名").fill("王晓明")
    await page.getByLabel("男", { exact: true }).check()
    await page.getByLabel("出生日期").fill("1992-03-14")
    await page.getByLabel("身份证号").fill(wrongIdNumber)
    await page.getByLabel("手机号").fill("13912345678")
    await page.getByLabel("中共正式党员").check()
    await page.getByLabel("入党日期").fill("2014-06-01")
    await page.getByLabel("转正日期").fill("2015-06-01")
    await page.getByLabel("学历层次").click()
    await page.locator(".ant-select-item-option", { hasText: "大学本科" }).click()
    await page.getByLabel("人员类别").click()
    await page.locator(".ant-select-item-option", { hasText: "事业单位在编" }).click()
    await page.getByLabel("工作单位").fill("淮上区民政局")
    await page.getByLabel("现任职务").fill("科员")
    await page.getByLabel("所属区域代码").fill("340311")
    await page.keyboard.press("Escape")
    expect(browser.errors).toEqual([])
    await page.getByRole("button", { name: "保存个人信息" }).click()
    const idItem = page.locator(".ant-form-item").filter({ has: page.getByLabel("身份证号") })
    await idItem.getByText("身份证号校验位不正确，请检查是否输错").waitFor()
    expect(await page.getByTestId("problem").textContent()).toContain("输入有误")
    await noSidewaysScroll(page)
    // Chromium logs the refusal's 400 itself; nothing else may have gone wrong.
    await expect.poll(() => browser.errors).toEqual([refused400])
    browser.errors.length = 0

    // Corrected, it is saved.
    await page.getByLabel("身份证号").fill(idNumber)
    await page.getByRole("button", { name: "保存个人信息" }).click()
    await page.getByTestId("profile-saved").waitFor()
    expect(await idItem.getByText("身份证号校验位不正确").count()).toBe(0)

    // 报名: the open campaigns, then apply to Huaishang's.
    await page.getByRole("navigation").getByRole("link", { name: "报名", exact: true }).click()
    await page.getByRole("heading", { name: "正在报名的选派批次" }).waitFor()
    const campaign = page.getByTestId("campaign-demo-huaishang-2026")
    expect(await campaign.textContent()).toContain("淮上区")
    await noSidewaysScroll(page)
    await campaign.getByRole("button", { name: /^报\s?名$/ }).click()

    // 我的报名: the stage and the reasons with their clauses.
    await page.getByRole("heading", { name: "我的报名" }).waitFor()
    const application = page.getByTestId("application-demo-huaishang-2026")
    await application.waitFor()
    expect(await application.textContent()).toContain("淮上区")
    expect(await application.getByTestId("stage").textContent()).toBe("已资格比对")
    const reasons = application.getByTestId("reasons")
    expect(await reasons.textContent()).toContain("需人工审核")
    expect(await reasons.textContent()).toContain("依据：004 淮上")
    await noSidewaysScroll(page)

    // Withdraw, after confirming.
    await application.getByRole("button", { name: "撤回报名" }).click()
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /^撤\s?回$/ })
      .click()
    await expect.poll(() => application.getByTestId("stage").textContent()).toBe("已撤回")
    expect(await application.getByRole("button", { name: "撤回报名" }).count()).toBe(0)

    // English: the labels, the stage and the reasons follow the switch.
    await page.getByText("English", { exact: true }).click()
    await page.getByRole("heading", { name: "My applications" }).waitFor()
    await expect.poll(() => application.getByTestId("stage").textContent()).toBe("withdrawn")
    expect(await application.textContent()).toContain("Stage")
    expect(await page.getByRole("navigation").textContent()).toContain("My profile")
    await noSidewaysScroll(page)
    await page.getByRole("navigation").getByRole("link", { name: "My profile" }).click()
    await page.getByRole("heading", { name: "My profile" }).waitFor()
    await page.getByLabel("ID number").waitFor()
    expect(await page.getByLabel("ID number").inputValue()).toBe(idNumber)
    await noSidewaysScroll(page)

    expect(browser.errors).toEqual([])
    await page.close()
  })
})
