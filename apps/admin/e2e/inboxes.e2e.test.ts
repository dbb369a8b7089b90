import { describe, expect, it } from "vitest"
import { browser, overflow, signInAt, useDemoSystem } from "./demo-system.js"

// The inboxes (issue 16): 请假审批 — the host unit approves the cadre's leave from its inbox on a phone and the
// request leaves it; 报告管理 — the org dept finds the overdue report and the reports received; 操作日志 — the
// approval is on record by name, filtered by kind, with no code on screen. Demo data of 004 晋城: 王凤霞's two-day
// leave (2026-12-03–04) waits for 晋城市信访局; her third quarterly report is overdue on the harness's today.
useDemoSystem()

const HOST = "jincheng.xfj@demo.example.org"
const ORG = "jincheng.org@demo.example.org"
const CADRE = "王凤霞"

/** Codes that must never reach a zh-CN screen: action and entity codes, system account ids, English states. */
const CODES = /system:|leave\.|placement\.|[a-z]+_[a-z]+|\brequested\b|\bapproved\b|\boverdue\b/

describe("请假审批", () => {
  it("the host unit approves from its inbox at 375 px, with a confirmation; decided, the request leaves", async () => {
    const page = await browser.newPage({ width: 375, height: 812 })
    await signInAt(page, "/leave", HOST)
    await page.getByRole("heading", { name: "请假审批" }).waitFor()
    const card = page.getByTestId("leave-card").filter({ hasText: CADRE })
    await card.waitFor()
    const text = (await card.textContent()) ?? ""
    expect(text).toContain("2026年12月3日")
    expect(text).toContain("2天")
    expect(text).toContain("待审批")
    // Why it is ours: the route with its clause.
    expect(text).toContain("004 晋城")
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    // One click does not approve: the confirmation names whose leave and which days.
    await card.getByTestId("leave-approve").click()
    const confirm = page.locator(".ant-popconfirm")
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain(`批准${CADRE}请假`)
    await confirm.getByRole("button", { name: /批\s?准/ }).click()
    await page.getByText(`已批准${CADRE}的请假`).waitFor()
    // Decided: no longer awaiting us.
    await expect.poll(() => page.getByTestId("leave-card").filter({ hasText: CADRE }).count()).toBe(0)
    await page.getByTestId("leave-empty").waitFor()
    await page.close()
  })

  it("all leave in scope, by state, on a desktop table; the request now approved", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 })
    await signInAt(page, "/leave", HOST)
    await page.getByTestId("leave-view").getByText("全部请假").click()
    await page.getByTestId("leave-state-filter").click()
    await page.locator(".ant-select-item-option").filter({ hasText: "已批准" }).click()
    const row = page.getByTestId("leave-inbox").locator("tbody tr").filter({ hasText: CADRE })
    await row.first().waitFor()
    expect(await row.first().textContent()).toContain("已批准")
    // Read-only here: the moves are only in 待我审批.
    expect(await page.getByTestId("leave-approve").count()).toBe(0)
    await expect.poll(() => page.getByTestId("pager").textContent()).toMatch(/共 \d+ 条/)
    expect(await page.locator("main").textContent()).not.toMatch(CODES)
    await page.close()
  })
})

describe("报告管理", () => {
  it("the org dept sees the overdue report, then the reports received — cards at 375 px, no sideways scroll", async () => {
    const page = await browser.newPage({ width: 375, height: 812 })
    await signInAt(page, "/reports", ORG)
    await page.getByRole("heading", { name: "报告管理" }).waitFor()
    const late = page.getByTestId("report-card").filter({ hasText: CADRE })
    await late.first().waitFor()
    const text = (await late.first().textContent()) ?? ""
    expect(text).toMatch(/逾期 \d+ 天/)
    expect(text).toContain("004 晋城")
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    // The card opens the placement.
    expect(await late.first().getByTestId("report-person").getAttribute("href")).toBe(
      "/placements/demo-pl-jc-in-term",
    )
    await page.getByTestId("reports-view").getByText("已收到").click()
    const filed = page.getByTestId("report-card").filter({ hasText: "信访接待岗位" })
    await filed.first().waitFor()
    expect(await filed.first().textContent()).toContain(CADRE)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(await page.locator("main").textContent()).not.toMatch(CODES)
    await page.close()
  })
})

describe("操作日志", () => {
  it("names who did what where, filters by kind, and shows no code", async () => {
    const page = await browser.newPage({ width: 1440, height: 900 })
    await signInAt(page, "/audit", ORG)
    await page.getByRole("heading", { name: "操作日志" }).waitFor()
    const rows = page.getByTestId("audit-log").locator("tbody tr.ant-table-row")
    await rows.first().waitFor()
    // The host unit's approval above is on record, by the account's name.
    await page.getByTestId("audit-kind").click()
    await page.keyboard.type("请假")
    await page
      .locator(".ant-select-item-option")
      .filter({ hasText: /^请假$/ })
      .click()
    const approval = rows.filter({ hasText: "请假：批准" })
    await approval.first().waitFor()
    expect(await approval.first().textContent()).toContain("晋城市信访局（演示）")
    await expect
      .poll(async () => (await rows.allTextContents()).every((r) => r.includes("请假：")))
      .toBe(true)
    // A range that ends before it starts is refused at the field, before asking the server.
    await page.getByRole("button", { name: "清除筛选" }).click()
    await page.getByTestId("audit-to").fill("2026-11-25")
    await page.getByTestId("audit-from").fill("2026-11-26")
    await page.getByTestId("audit-bad-range").waitFor()
    // The rows were written today (the system's clock), so an open end shows them again.
    await page.getByTestId("audit-to").fill("")
    await rows.first().waitFor()
    expect(await page.locator("main").textContent()).not.toMatch(CODES)
    // The demo loader reads as 系统, never as its account id.
    expect(await page.locator("main").textContent()).toContain("系统")
    await page.close()
  })
})
