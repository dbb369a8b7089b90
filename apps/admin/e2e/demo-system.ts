import { fileURLToPath } from "node:url"
import { type Browser, type Service, startSystem } from "@cadre/e2e-harness"
import type { Page } from "playwright-core"
import { afterAll, beforeAll } from "vitest"

/**
 * The system a browser test of the admin walks through: the built API with the demo data (today fixed at the
 * harness's E2E_TODAY), a `vite preview` of the built admin, and Debian's Chromium. Each test file gets its own
 * (vitest isolates files); the bindings below are live, set before the first test and closed after the last.
 */
export const appDir = fileURLToPath(new URL("..", import.meta.url))
export const password = process.env.DEMO_PASSWORD ?? "Demo-cadre-2026"

export let api: Service
export let preview: Service
export let browser: Browser

/** Start the system before this file's tests and stop it after them. */
export const useDemoSystem = (): void => {
  beforeAll(async () => {
    ;({ api, preview, browser } = await startSystem({
      appDir,
      apiEnv: { LOAD_DEMO_DATA: "true", DEMO_PASSWORD: password },
    }))
  })
  afterAll(async () => {
    await browser?.close()
    await preview?.stop()
    await api?.stop()
  })
}

/** How far the page scrolls sideways (0 when it fits the screen, as at 375 px it must). */
export const overflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/** Signs in as `email` on `path`, signing out first if someone else is signed in in this browser. */
export const signInAt = async (page: Page, path: string, email: string): Promise<void> => {
  await page.goto(`${preview.url}${path}`)
  const signOut = page.getByRole("button", { name: "退出登录" })
  await signOut.or(page.getByLabel("邮箱或手机号")).first().waitFor()
  if (await signOut.isVisible()) {
    await signOut.click()
    await page.waitForURL(/\/sign-in/)
    await page.goto(`${preview.url}${path}`)
  }
  await page.waitForURL(/\/sign-in\?next=/)
  await page.getByLabel("邮箱或手机号").fill(email)
  await page.getByLabel("密码").fill(password)
  await page.getByRole("button", { name: /^登\s?录$/ }).click()
  await page.waitForURL(new RegExp(`${path}$`))
}
