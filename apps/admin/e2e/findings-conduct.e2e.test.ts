import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// Issue 13, as the Guizhou street's clerk does it on the demo data: 周海涛, screened with conditions awaiting review
// (需人工审核), has one confirmed with its reason (审核认定); then under 人员 a sanction is recorded against him with its
// source document (登记违纪违规记录) and listed on his record. At 1440 px and at 375 px (one finding each, one record
// each: the demo data is the file's own).
const email = "guizhou.street@demo.example.org"
const campaign = "/campaigns/demo-guizhou-2026"

useDemoSystem()

const signIn = async (page: Page, path: string) => {
  await page.goto(`${preview.url}${path}`)
  await page.waitForURL(/\/sign-in\?next=/, { timeout: 5_000 }).then(
    async () => {
      await page.getByLabel("邮箱或手机号").fill(email)
      await page.getByLabel("密码").fill(password)
      await page
        .getByRole("button", { name: "登 录" })
        .or(page.getByRole("button", { name: "登录" }))
        .click()
      await page.waitForURL(new RegExp(`${path}$`))
    },
    () => undefined,
  )
}

/** No raw message keys, codes or English words on a zh-CN screen (ids, clauses and numbers aside). */
const noRawText = async (page: Page) => {
  const text = (await page.locator("body").textContent()) ?? ""
  expect(text).not.toMatch(
    /campaign\.flow\.|conduct\.|people\.|\b(needs_review|confirmed|refused|party_sanction)\b/,
  )
  expect(text).not.toMatch(/\b(Confirm|Refuse|Record|Override)\b/)
}

const openFindingsCount = async (page: Page) =>
  Number(
    (
      await page.locator("tr.ant-table-row", { hasText: "周海涛" }).getByTestId("open-findings").textContent()
    )?.match(/\d+/)?.[0],
  )

describe("审核认定 and 违纪违规记录 (Guizhou street clerk)", () => {
  for (const width of [1440, 375]) {
    it(`at ${width} px: confirms a finding awaiting review with its reason, records a sanction and sees it`, async () => {
      const page = await browser.newPage({ width, height: 900 })
      await signIn(page, campaign)
      const row = page.locator("tr.ant-table-row", { hasText: "周海涛" })
      await row.waitFor()
      const before = await openFindingsCount(page)
      expect(before).toBeGreaterThan(0)
      await row.getByRole("button", { name: "展开行" }).click()
      const open = page.getByTestId("record-open-findings")
      await open.waitFor()
      const first = open.locator('[data-testid^="open-finding-"]').first()
      const rule = ((await first.getAttribute("data-testid")) ?? "").replace("open-finding-", "")
      const ruleName = ((await first.textContent()) ?? "").split(" ")[0] ?? ""
      expect(rule).not.toBe("")
      await first.getByRole("button", { name: /^确 ?认$/ }).waitFor()
      expect(await overflow(page)).toBe(0)
      await noRawText(page)
      await page.screenshot({ path: `/tmp/h-adminacts-findings-${width}.png`, fullPage: true })

      await first.getByRole("button", { name: /^确 ?认$/ }).click()
      const dialog = page.getByRole("dialog")
      await dialog.getByText(`周海涛：审核认定“${ruleName}”`).waitFor()
      // The reason is required: nothing is sent without it.
      await dialog.getByRole("button", { name: "确定" }).click()
      await dialog.getByText("请填写理由").waitFor()
      await page.screenshot({ path: `/tmp/h-adminacts-finding-dialog-${width}.png` })
      await dialog.getByLabel("认定理由").fill(`经社区走访和谈话核实（${width}）`)
      await dialog.getByRole("button", { name: "确定" }).click()
      await page.getByText("已记录对 周海涛 的审核认定").waitFor()
      await expect.poll(() => openFindingsCount(page)).toBe(before - 1)
      const reviewed = page.getByTestId(`reviewed-finding-${rule}`)
      await reviewed.waitFor()
      expect(await reviewed.textContent()).toContain(`经社区走访和谈话核实（${width}）`)
      expect(await reviewed.textContent()).toContain("确认")
      expect(await overflow(page)).toBe(0)
      await page.getByTestId("record-open-findings").scrollIntoViewIfNeeded()
      await page.screenshot({ path: `/tmp/h-adminacts-findings-row-${width}.png` })

      // 人员 → 周海涛 → 违纪违规记录 → 登记.
      await page.goto(`${preview.url}/people`)
      await page.getByTestId("people-search").locator("input").fill("周海涛")
      await page.getByTestId("people-search").locator("input").press("Enter")
      const person = page.locator("tr.ant-table-row", { hasText: "周海涛" })
      await person.getByRole("button", { name: /^查 ?看$/ }).click()
      const conduct = page.getByTestId("conduct")
      await conduct.waitFor()
      const items = conduct.getByTestId("conduct-item")
      await expect
        .poll(async () => (await conduct.textContent())?.includes("暂无") || (await items.count()) > 0)
        .toBe(true)
      const had = await items.count()
      await conduct.getByRole("button", { name: /^登 ?记$/ }).click()
      const form = page.locator(".ant-modal", { hasText: "周海涛：登记违纪违规记录" })
      await form.waitFor()
      await form.getByLabel("类别").click()
      await page.getByTitle("党纪处分").click()
      await form.getByLabel("依据文件").fill(`某纪发〔2025〕${width}号`)
      await form.getByLabel("日期").fill("2025-03-02")
      await form.getByLabel("情况说明").fill("违反工作纪律，给予党内警告处分")
      expect(await overflow(page)).toBe(0)
      await page.screenshot({ path: `/tmp/h-adminacts-conduct-form-${width}.png` })
      await form.getByRole("button", { name: /^登 ?记$/ }).click()
      await page.getByText("已登记 周海涛 的违纪违规记录").waitFor()
      await expect.poll(() => items.count()).toBe(had + 1)
      const mine = items.filter({ hasText: `某纪发〔2025〕${width}号` })
      expect(await mine.textContent()).toContain("党纪处分")
      expect(await mine.textContent()).toContain("2025年3月2日")
      expect(await mine.textContent()).toContain("组织部门（街道）登记")
      expect(await overflow(page)).toBe(0)
      await noRawText(page)
      await page.screenshot({ path: `/tmp/h-adminacts-conduct-${width}.png`, fullPage: true })
      expect(browser.errors).toEqual([])
      await page.close()
    }, 120_000)
  }
})
