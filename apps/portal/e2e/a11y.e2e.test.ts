import { fileURLToPath } from "node:url"
import { type Browser, type Service, seriousViolations, startSystem, textedCode } from "@cadre/e2e-harness"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// Issue 17 item 5: the portal's pages have no serious or critical accessibility violation (axe-core's rules, run
// in the page), work with the keyboard alone, and show no raw i18n key or English stage name in zh-CN.
const appDir = fileURLToPath(new URL("..", import.meta.url))

let api: Service
let preview: Service
let browser: Browser

beforeAll(async () => {
  ;({ api, preview, browser } = await startSystem({ appDir, apiEnv: { LOAD_DEMO_DATA: "true" } }))
})

afterAll(async () => {
  await browser?.close()
  await preview?.stop()
  await api?.stop()
})

/** English state names the kernel uses as codes; none may show on a zh-CN screen. */
const STAGE_CODES =
  /\b(draft|submitted|screened|qualification_review|joint_review|inspection|interview|shortlisted|decided|noticed|appointed|rejected|withdrawn)\b/
/** An i18next key left untranslated looks like `applications.title` or `profile.levels.bachelor`. */
const RAW_KEY = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+(\.[a-zA-Z]+)*\b/

const visibleText = (page: Page) => page.evaluate(() => document.body.innerText)

/** The zh-CN page shows words, never a raw key or an English stage code. */
const onlyWords = async (page: Page) => {
  const text = await visibleText(page)
  expect(text.match(RAW_KEY)?.[0]).toBeUndefined()
  expect(text.match(STAGE_CODES)?.[0]).toBeUndefined()
}

const check = async (page: Page, path: string, heading: string) => {
  await page.goto(`${preview.url}${path}`)
  await page.getByRole("heading", { name: heading }).first().waitFor()
  await page.waitForLoadState("networkidle")
  expect(await seriousViolations(page)).toEqual([])
  await onlyWords(page)
}

describe("the portal is usable by everyone (axe-core, keyboard, words not codes)", () => {
  it("signed out, on a 375 px phone: home, programmes, a programme, its self-check, registration, sign-in", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await check(page, "/", "选派干部报名")
    await check(page, "/programmes", "正在报名的选派项目")
    await page.getByTestId("programme-demo-huaishang-2026").getByRole("link").first().click()
    await page.getByRole("link", { name: "报名前先自查是否符合条件" }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await onlyWords(page)
    await page.getByRole("link", { name: "报名前先自查是否符合条件" }).click()
    await page.getByRole("button", { name: "查看自查结果" }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await onlyWords(page)
    await check(page, "/register", "注册账号")
    await check(page, "/sign-in", "登录")
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("registers by phone with the keyboard alone, then the profile and the campaigns pass the same checks", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(`${preview.url}/register`)
    await page.getByRole("heading", { name: "注册账号" }).waitFor()
    const phone = `198${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`
    // Tab from the page's start to the channel switch, choose 手机号 with the arrow key, then fill each field.
    await page.getByRole("radio", { name: "用邮箱注册" }).focus()
    await page.keyboard.press("ArrowRight")
    await page.getByRole("textbox", { name: "手机号" }).waitFor()
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.getAttribute("id"))).toBe("register_phone")
    await page.keyboard.type(phone)
    await page.keyboard.press("Tab") // 发送验证码
    await page.keyboard.press("Enter")
    await page.getByTestId("code-sent").waitFor()
    await page.getByLabel("短信验证码").focus()
    await page.keyboard.type(textedCode(api, phone))
    await page.keyboard.press("Tab")
    await page.keyboard.type("赵敏")
    await page.keyboard.press("Tab")
    await page.keyboard.type("Keyboard-only-2026")
    await page.keyboard.press("Enter") // submits the form
    await page.getByRole("heading", { name: "个人信息" }).waitFor()
    await page.waitForLoadState("networkidle")
    expect(await seriousViolations(page)).toEqual([])
    await onlyWords(page)
    await check(page, "/campaigns", "正在报名的选派批次")
    await check(page, "/applications", "我的报名")
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
