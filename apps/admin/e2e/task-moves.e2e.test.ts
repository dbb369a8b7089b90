import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, signInAt, useDemoSystem } from "./demo-system.js"

// The moves on review tasks, each on the screen of the actor who owns it (issue 16): the org dept 分派 a step on
// the campaign page; the reviewer 转办 it from 待办任务 on a phone; the org dept 交接待办 from the accounts page.
// Each picks the reviewer by name and checks what the screen shows after. Today is the harness's 2026-11-26.
useDemoSystem()

const CAMPAIGN = "/campaigns/demo-yangpu-2026"
const ORG = "yangpu.org@demo.example.org"
const ORG_NAME = "杨浦区委组织部（演示）"
const REVIEWER = "yangpu.reviewer@demo.example.org"
const REVIEWER_NAME = "杨浦区审核人员（演示）"

/** Open a reviewer picker, type part of the name, choose the one named. */
const pick = async (page: Page, testId: string, typed: string, name: string) => {
  const box = page.getByTestId(testId)
  await box.click()
  await box.locator("input").fill(typed)
  await page.locator(".ant-select-item-option").filter({ hasText: name }).first().click()
}

let person = ""

describe("review-task moves", () => {
  it("分派 on the campaign page (1440 px): a past due date refused at its field, then the holder named on the row", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 })
    await signInAt(page, CAMPAIGN, ORG)
    const row = page
      .locator("tbody tr.ant-table-row")
      .filter({ hasText: "面试" })
      .filter({ has: page.getByTestId("assign-task") })
      .first()
    await row.waitFor()
    person = ((await row.locator("td").nth(1).textContent()) ?? "").trim()
    expect(person).not.toBe("")
    await row.getByTestId("assign-task").click()
    const dialog = page.getByTestId("assign-dialog")
    await dialog.getByText(`分派任务：${person} · 面试`).waitFor()
    await pick(page, "assign-to", "审核", REVIEWER_NAME)
    await dialog.getByTestId("assign-due").fill("2026-11-20")
    await dialog.getByRole("button", { name: /确认分派/ }).click()
    await dialog.getByText("办理时限不能早于今天").waitFor()
    await dialog.getByTestId("assign-due").fill("2026-12-20")
    await dialog.getByRole("button", { name: /确认分派/ }).click()
    await page.getByText(`已将${person}的“面试”分派给${REVIEWER_NAME}`).waitFor()
    // The row names who holds the step and offers 分派 no more; 办理任务 lists it with its due date.
    const assigned = page.locator("tbody tr.ant-table-row").filter({ hasText: person }).first()
    await expect
      .poll(() => assigned.getByTestId("task-holder").textContent())
      .toBe(`承办人：${REVIEWER_NAME}`)
    expect(await assigned.getByTestId("assign-task").count()).toBe(0)
    const task = page.getByTestId("campaign-task").filter({ hasText: person })
    expect(await task.textContent()).toContain("2026年12月20日")
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("转办 from 待办任务 at 375 px: the reviewer hands it to the org dept with a reason; it leaves the list", async () => {
    const phone = await browser.newPage({ width: 375, height: 812 })
    await signInAt(phone, "/tasks", REVIEWER)
    const card = phone.getByTestId("task").filter({ hasText: person })
    await card.waitFor()
    await card.getByTestId("task-transfer").click()
    const dialog = phone.getByTestId("transfer-dialog")
    await dialog.getByText(`转办：${person} · 面试`).waitFor()
    // Nothing chosen, no reason: refused at the fields, nothing sent.
    await dialog.getByRole("button", { name: /确认转办/ }).click()
    await dialog.getByText("请选择接手的审核人员").waitFor()
    await pick(phone, "transfer-to", "组织部", ORG_NAME)
    await dialog.getByTestId("transfer-reason").fill("本人与报名人员系近亲属，需回避")
    await dialog.getByText("15 / 500").waitFor()
    expect(await overflow(phone)).toBeLessThanOrEqual(0)
    await dialog.getByRole("button", { name: /确认转办/ }).click()
    await phone.getByText(`已转办给${ORG_NAME}`).waitFor()
    await expect.poll(() => phone.getByTestId("task").filter({ hasText: person }).count()).toBe(0)
    await phone.getByText("暂无待办任务").waitFor()
    await phone.close()
  })

  it("交接待办 on the accounts page: names how many move, reports it, and the campaign shows the successor", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 })
    // Signed in where the reviewer signed in before may look too (账号管理 is not the reviewer's to read).
    await signInAt(page, "/tasks", ORG)
    await page.goto(new URL("/accounts", page.url()).toString())
    const row = page.locator("tbody tr.ant-table-row").filter({ hasText: ORG })
    await row.waitFor()
    await row.getByTestId("account-handover").click()
    const dialog = page.getByTestId("handover-dialog")
    await dialog.getByTestId("handover-count").waitFor()
    expect(await dialog.getByTestId("handover-count").textContent()).toContain(`${ORG_NAME}名下有 1 项未办结`)
    await pick(page, "handover-to", "审核", REVIEWER_NAME)
    await dialog.getByRole("button", { name: /确认移交 1 项任务/ }).click()
    expect(await dialog.getByTestId("handover-result").textContent()).toContain(
      `已将 1 项任务从${ORG_NAME}移交给${REVIEWER_NAME}`,
    )
    await dialog.getByRole("button", { name: "关 闭" }).click()
    await page.goto(new URL(CAMPAIGN, page.url()).toString())
    const task = page.getByTestId("campaign-task").filter({ hasText: person })
    await task.waitFor()
    expect(await task.textContent()).toContain(REVIEWER_NAME)
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
