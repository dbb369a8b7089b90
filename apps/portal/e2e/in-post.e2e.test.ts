import { fileURLToPath } from "node:url"
import { type Browser, type Service, startSystem } from "@cadre/e2e-harness"
import type { Page } from "playwright-core"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"

// 我的任职 on a 375 px phone, against the built portal under `vite preview` and the built API with the demo data:
// 王凤霞 (demo-p-33) is in post at the 晋城 petition bureau under 004 晋城 (jincheng-secondment-down) from
// 2026-03-09 to 2027-03-09; the quarterly reports due up to July 2026 are filed, a two-day leave from 3 December
// waits for the host unit (packages/db/src/demoPlacements.ts). Statuses are the API's against its today, which the
// harness fixes at E2E_TODAY (2026-11-26), so they do not drift with the calendar.
const appDir = fileURLToPath(new URL("..", import.meta.url))
const password = "Demo-cadre-2026"

let api: Service
let preview: Service
let browser: Browser

beforeAll(async () => {
  ;({ api, preview, browser } = await startSystem({
    appDir,
    apiEnv: { LOAD_DEMO_DATA: "true", DEMO_PASSWORD: password },
  }))
})

// The browser profile is shared by the tests: forget the signed-in flag and the language after each one.
afterEach(async () => {
  await browser.clearStorage(preview.url)
})

afterAll(async () => {
  await browser?.close()
  await preview?.stop()
  await api?.stop()
})

const noSidewaysScroll = async (page: Page) =>
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0)

const signIn = async (page: Page, email: string) => {
  await page.goto(`${preview.url}/sign-in`)
  await page.getByRole("heading", { name: "登录" }).waitFor()
  await page.getByLabel("邮箱或手机号").fill(email)
  await page.getByLabel("密码", { exact: true }).fill(password)
  await page.getByRole("button", { name: /^登\s?录$/ }).click()
  await page.getByRole("button", { name: "退出登录" }).waitFor()
}

const report = (page: Page, key: string) => page.getByTestId(`report-demo-pl-jc-in-term/${key}`)

describe("我的任职 (a cadre in post)", () => {
  it("shows 王凤霞's placement and reports, files an overdue report, asks for a day's leave, in English too", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await signIn(page, "cadre.jc@demo.example.org")
    await page.getByRole("navigation").getByRole("link", { name: "我的任职" }).click()
    await page.getByRole("heading", { name: "我的任职", level: 1 }).waitFor()

    // The placement as the API states it.
    const facts = page.getByTestId("placement-facts")
    await facts.waitFor()
    const factsText = await facts.textContent()
    expect(factsText).toContain("来访接待岗位（挂职）")
    expect(factsText).toContain("晋城市")
    expect(factsText).toContain("接收单位晋城市信访局")
    expect(factsText).toContain("派出单位晋城市发展和改革委员会")
    expect(factsText).toContain("晋城市选派干部下挂挂职锻炼（第 1 版）")
    expect(factsText).toContain("到岗日期2026年3月9日")
    expect(factsText).toContain("任期届满日2027年3月9日")
    expect(await facts.getByTestId("placement-state").textContent()).toBe("任职中")

    // The reports: the first two quarterlies filed on their due days; the third and the first half-year overdue.
    const q1 = report(page, "quarterly/2026-03-09")
    await q1.waitFor()
    expect(await q1.getByTestId("report-status").textContent()).toBe("已报送")
    expect(await q1.getByTestId("report-filed-on").textContent()).toBe("报送日期：2026年3月31日")
    expect(await q1.getByRole("button").count()).toBe(0)
    expect(await report(page, "quarterly/2026-04-01").getByTestId("report-status").textContent()).toBe(
      "已报送",
    )
    const q3 = report(page, "quarterly/2026-07-01")
    expect(await q3.getByTestId("report-status").textContent()).toBe("已逾期")
    expect(await q3.getByTestId("report-due").textContent()).toBe("截止日：2026年9月30日")
    expect(await q3.textContent()).toContain("报送：组织部门")
    expect(await q3.textContent()).toContain("依据：004 晋城 管理考核 六是")
    expect(await report(page, "half_year/2026-03-09").getByTestId("report-status").textContent()).toBe(
      "已逾期",
    )
    // The term-end report falls due on the 期满日 and is not yet due.
    expect(await report(page, "term_end_report/term-1").getByTestId("report-status").textContent()).toBe(
      "待报送",
    )
    await noSidewaysScroll(page)

    // File the overdue third quarterly: marked filed, late.
    await q3.getByRole("button", { name: "填写报告" }).click()
    await q3.getByLabel("报告内容").fill("第三季度在来访接待岗位接待群众来访，协调化解信访事项 12 件。")
    await noSidewaysScroll(page)
    await q3.getByRole("button", { name: "提交报告" }).click()
    await expect.poll(() => q3.getByTestId("report-status").textContent()).toBe("已报送（逾期）")
    expect(await q3.getByRole("button", { name: "填写报告" }).count()).toBe(0)
    expect(await q3.getByTestId("report-filed-on").textContent()).toMatch(
      /^报送日期：\d{4}年\d{1,2}月\d{1,2}日$/,
    )

    // The pending demo request, with its approver.
    const pending = page.getByTestId("leave-2026-12-03")
    expect(await pending.getByTestId("leave-state").textContent()).toBe("待审批")
    expect(await pending.getByTestId("leave-approver").textContent()).toBe("接收（挂职）单位")
    expect(await pending.textContent()).toContain("2 天")
    expect(await pending.textContent()).toContain("参加派出单位年度工作会议")

    // Ask for one day: the API routes it to the host unit (≤ 3 days, 004 晋城 管理考核 一是).
    const form = page.getByTestId("leave-form")
    await form.getByLabel("开始日期").fill("2026-12-21")
    await form.getByLabel("结束日期").fill("2026-12-21")
    await form.getByLabel("请假事由").fill("回派出单位参加年终述职")
    expect(await form.getByTestId("leave-length").textContent()).toBe("共 1 天（按日历天数计算）")
    // Before sending, the API says where the request will go (004 晋城: ≤ 3 days the host unit).
    await expect
      .poll(() => form.getByTestId("leave-preview").textContent())
      .toBe("按选派方案规定，将由接收（挂职）单位审批")
    expect(await form.getByTestId("leave-preview-route").textContent()).toContain("不超过 3 天")
    // Four days would go to the org dept instead.
    await form.getByLabel("结束日期").fill("2026-12-24")
    await expect
      .poll(() => form.getByTestId("leave-preview").textContent())
      .toBe("按选派方案规定，将由组织部门审批")
    await form.getByLabel("结束日期").fill("2026-12-21")
    await expect
      .poll(() => form.getByTestId("leave-preview").textContent())
      .toBe("按选派方案规定，将由接收（挂职）单位审批")
    await form.getByRole("button", { name: "提交请假申请" }).click()
    const routed = page.getByTestId("leave-routed")
    await routed.waitFor()
    expect(await routed.textContent()).toContain("请假申请已提交，由接收（挂职）单位审批")
    expect(await routed.textContent()).toContain(
      "请假 1 天，不超过 3 天，由接收（挂职）单位审批（004 晋城 管理考核 一是）",
    )
    const asked = page.getByTestId("leave-2026-12-21")
    expect(await asked.getByTestId("leave-state").textContent()).toBe("待审批")
    expect(await asked.getByTestId("leave-approver").textContent()).toBe("接收（挂职）单位")
    await noSidewaysScroll(page)

    // English: the labels, the API's states and approvers follow the switch.
    await page.getByText("English", { exact: true }).click()
    await page.getByRole("heading", { name: "My posting", level: 1 }).waitFor()
    await expect.poll(() => q3.getByTestId("report-status").textContent()).toBe("Filed late")
    expect(await q1.getByTestId("report-filed-on").textContent()).toBe("Filed on 31 March 2026")
    expect(await pending.getByTestId("leave-state").textContent()).toBe("requested")
    expect(await pending.getByTestId("leave-approver").textContent()).toBe("the host unit")
    expect(await facts.getByTestId("placement-state").textContent()).toBe("in term")
    expect(await page.getByTestId("report-tally").textContent()).toBe("1 overdue · 7 to file · 3 filed")
    await noSidewaysScroll(page)

    expect(browser.errors).toEqual([])
    await page.getByRole("button", { name: "Sign out" }).click()
    await page.close()
  })

  it("tells an applicant with no placement where a posting will appear", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await signIn(page, "applicant@demo.example.org")
    await page.getByRole("navigation").getByRole("link", { name: "我的任职" }).click()
    const empty = page.getByTestId("in-post-empty")
    await empty.waitFor()
    expect(await empty.textContent()).toContain("您目前没有任职安排。")
    expect(await page.getByTestId("reports").count()).toBe(0)
    expect(await page.getByTestId("leave").count()).toBe(0)
    await noSidewaysScroll(page)
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
