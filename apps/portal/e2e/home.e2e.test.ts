import { fileURLToPath } from "node:url"
import { type Browser, type Service, startSystem } from "@cadre/e2e-harness"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"

// Against the built app under `vite preview` and the built API, in Debian's Chromium.
const appDir = fileURLToPath(new URL("..", import.meta.url))

let api: Service
let preview: Service
let browser: Browser

beforeAll(async () => {
  ;({ api, preview, browser } = await startSystem({ appDir }))
})

// The browser profile is shared by the tests: forget the language choice after each one.
afterEach(async () => {
  await browser.clearStorage(preview.url)
})

afterAll(async () => {
  await browser?.close()
  await preview?.stop()
  await api?.stop()
})

describe("portal home page (报名门户首页)", () => {
  it("says what it is in Chinese and shows 服务正常 when the API answers", async () => {
    const page = await browser.newPage()
    await page.goto(preview.url)
    await expect.poll(() => page.locator("h1").textContent()).toBe("选派干部报名")
    await expect.poll(() => page.title()).toBe("选派干部报名")
    const status = page.getByTestId("service-status")
    await status.and(page.locator('[data-state="up"]')).waitFor()
    expect(await status.textContent()).toContain("服务正常")
    expect(await page.getByText("注册账号").count()).toBeGreaterThan(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("switches to English and keeps the choice after a reload", async () => {
    const page = await browser.newPage()
    await page.goto(preview.url)
    await page.getByText("English", { exact: true }).click()
    await expect.poll(() => page.locator("h1").textContent()).toBe("Apply for Cadre Dispatch")
    await page.getByTestId("service-status").and(page.locator('[data-state="up"]')).waitFor()
    expect(await page.getByTestId("service-status").textContent()).toContain("Service is up")
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    await page.reload()
    await expect.poll(() => page.locator("h1").textContent()).toBe("Apply for Cadre Dispatch")
    await page.getByText("中文", { exact: true }).click()
    await expect.poll(() => page.locator("h1").textContent()).toBe("选派干部报名")
    await page.close()
  })

  it("fits a phone-width screen without sideways scrolling", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(preview.url)
    await page.locator("h1").waitFor()
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(await overflow()).toBeLessThanOrEqual(0)
    // English is longer than Chinese: check it too.
    await page.getByText("English", { exact: true }).click()
    await page.locator("html[lang=en]").waitFor()
    expect(await overflow()).toBeLessThanOrEqual(0)
    await page.close()
  })

  it("shows 无法连接服务 when the API is down", async () => {
    await api.stop()
    const page = await browser.newPage()
    await page.goto(preview.url)
    await expect.poll(() => page.locator("h1").textContent()).toBe("选派干部报名")
    const status = page.getByTestId("service-status")
    await status.and(page.locator('[data-state="down"]')).waitFor()
    expect(await status.textContent()).toContain("无法连接服务")
    await page.close()
  })
})
