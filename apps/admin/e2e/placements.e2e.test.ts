import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// An official's walk through the in-post screens (在岗干部), against the built app and the built API with its demo
// placements (packages/db/src/demoPlacements.ts): Da'an 002 (in term, recalled, exited), Yangpu 000 (one in every
// probation state), Jincheng 004 (term ended, reports and leave on record).

useDemoSystem()

/** Signs in as `email` from wherever the app sent us (signing out first if someone else is signed in). */
const signInAs = async (page: Page, email: string) => {
  await page.goto(`${preview.url}/placements`)
  const signOut = page.getByRole("button", { name: "退出登录" })
  const signInForm = page.getByLabel("邮箱或手机号")
  await signOut.or(signInForm).first().waitFor()
  if (await signOut.isVisible()) {
    await signOut.click()
    await page.waitForURL(/\/sign-in/)
    await page.goto(`${preview.url}/placements`)
  }
  await page.waitForURL(/\/sign-in\?next=/)
  await page.getByLabel("邮箱或手机号").fill(email)
  await page.getByLabel("密码").fill(password)
  await page
    .getByRole("button", { name: "登 录" })
    .or(page.getByRole("button", { name: "登录" }))
    .click()
  await page.waitForURL(/\/placements$/)
  await page.locator("h1", { hasText: "在岗干部" }).waitFor()
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
/** Picks the option titled exactly `option` in the open antd dropdown (称职 is also in 基本称职 and 不称职). */
const openSelect = async (page: Page, option: string) =>
  page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click()

describe("在岗干部 (cadres in post)", () => {
  it("Da'an: lists placements, filters by state, shows a sealed file, refuses 优秀 over the quota, records a grade", async () => {
    const page = await browser.newPage()
    await signInAs(page, "daan.org@demo.example.org")

    // The three Da'an placements with masked IDs, posts and the API's state labels.
    await row(page, "徐婷婷").waitFor()
    expect(await page.locator("tr.ant-table-row").count()).toBe(3)
    const xu = row(page, "徐婷婷")
    expect(await xu.getByTestId("placement-state").textContent()).toBe("任职中")
    expect(await xu.textContent()).toContain("510304********1213")
    expect(await xu.textContent()).toContain("盐井村党组织第一书记")
    // The scheme by its name, never its id.
    expect(await xu.textContent()).toMatch(/第一书记.*第1版/)
    expect(await xu.textContent()).not.toContain("daan-first-secretary")
    expect(await xu.textContent()).toContain("2028年4月1日")
    expect(await row(page, "胡婷婷").getByTestId("placement-state").textContent()).toBe("已召回")
    expect(await row(page, "朱丽华").getByTestId("placement-state").textContent()).toBe("已期满离任")
    expect(await page.locator("tbody").textContent()).toMatch(/\d{6}\*{8}\d{3}[\dX]/)

    // Filter by state.
    await page.getByTestId("state-filter").click()
    await openSelect(page, "已召回（1）")
    await expect.poll(() => page.locator("tr.ant-table-row").count()).toBe(1)
    expect(await page.locator("tr.ant-table-row").textContent()).toContain("胡婷婷")

    // The recalled placement: its ending, the consequences on the person, and the file sealed on the recall day.
    await row(page, "胡婷婷").getByRole("link", { name: "胡婷婷" }).click()
    await page.waitForURL(/\/placements\/demo-pl-da-recalled$/)
    await page.locator("h1", { hasText: "胡婷婷" }).waitFor()
    expect(await page.getByTestId("placement-ending").textContent()).toContain(
      "2025年度考核不满意率 35/100 = 35.0%，高于30%",
    )
    expect(await page.getByTestId("placement-ending").textContent()).toContain("部务会〔2026〕1次")
    expect(await page.getByTestId("archive-sealed").textContent()).toBe("已封存")
    expect(await page.getByTestId("archive").textContent()).toContain("2026年1月8日封存（已召回）")
    const entries = await page.getByTestId("archive-entry").allTextContents()
    expect(entries[0]).toContain("安排任职：白岩村党组织第一书记")
    expect(entries.some((e) => e.includes("召回（已召回）"))).toBe(true)
    expect(entries.some((e) => e.includes("2025年度满意度测评：不满意率 35/100 = 35.0%"))).toBe(true)
    expect(await page.getByTestId("consequences").textContent()).toContain(
      "两年内不得提拔：自2026-01-08起2年，至2028-01-08（含）（002 三（二））",
    )
    expect(
      await page
        .getByRole("button", { name: "召 回" })
        .or(page.getByRole("button", { name: "召回" }))
        .count(),
    ).toBe(0)

    // The one in term: relations, an open file, and the annual grade against 002 三（二）'s 20% cap.
    await page.getByRole("link", { name: /返回在岗干部/ }).click()
    await row(page, "徐婷婷").getByRole("link", { name: "徐婷婷" }).click()
    await page.waitForURL(/\/placements\/demo-pl-da-in-term$/)
    await page.locator("h1", { hasText: "徐婷婷" }).waitFor()
    expect(await page.getByTestId("relation-party").textContent()).toContain("已于2026年4月10日转接")
    expect(await page.getByTestId("relation-pay").textContent()).toContain("保留在原单位（不转）")
    expect(await page.getByTestId("archive-sealed").count()).toBe(0)
    expect(await page.getByTestId("leave-tiers").textContent()).toContain("方案未规定请假审批层级")

    const form = page.getByTestId("grade-form")
    await form.getByLabel("考核期间").fill("2026")
    await form.getByLabel("等次").click()
    await openSelect(page, "优秀")
    await form.getByRole("button", { name: "确定等次" }).click()
    const refusal = page.getByTestId("grade-error")
    await expect
      .poll(() => refusal.textContent())
      .toContain(
        // Only serving cadres count (issue 13): of Da'an's three, one was recalled and one has exited.
        "全区第一书记总数（名额单列，不占派出单位名额）共1人，优秀不超过20%：1×20%=0.2，向下取整为0，已评优秀0人，第1人不能评为优秀（002 三（二））",
      )
    takeRefusal()
    expect(await page.getByTestId("assessments-table").count()).toBe(0)

    await form.getByLabel("等次").click()
    await openSelect(page, "称职")
    await form.getByRole("button", { name: "确定等次" }).click()
    const graded = page.getByTestId("assessments-table").locator("tr.ant-table-row")
    await expect.poll(() => graded.count()).toBe(1)
    expect(await graded.textContent()).toContain("2026")
    expect(await graded.textContent()).toContain("称职")
    expect(await page.getByTestId("grade-error").count()).toBe(0)
    // The grade is filed in the person's archive.
    await expect
      .poll(async () => (await page.getByTestId("archive-entry").allTextContents()).join("|"))
      .toContain("考核")

    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("Jincheng: reports with overdue marks and the leave route the scheme's 3-day tier gave", async () => {
    const page = await browser.newPage()
    await signInAs(page, "jincheng.org@demo.example.org")
    const gao = row(page, "高凤霞")
    await gao.waitFor()
    expect(await gao.getByTestId("placement-state").textContent()).toBe("任期届满")
    // Every report of this term fell due by 2026-09-01, the term end; the quarterly ones of 2025 were filed.
    expect(await gao.getByTestId("overdue-reports").textContent()).toMatch(/^逾期报告 \d+ 项$/)
    await gao.getByRole("link", { name: "高凤霞" }).click()
    await page.waitForURL(/\/placements\/demo-pl-jc-term-ended$/)
    await page.getByTestId("obligations-table").waitFor()
    const statuses = await page.getByTestId("obligation-status").allTextContents()
    expect(statuses.filter((s) => s === "已按期提交")).toHaveLength(2)
    expect(statuses).toContain("已逾期")
    const termEnd = page
      .getByTestId("obligations-table")
      .locator("tr.ant-table-row", { hasText: "有价值的工作报告或调研报告" })
    expect(await termEnd.textContent()).toContain("2026年9月1日")

    expect(await page.getByTestId("leave-tiers").textContent()).toContain(
      "3天以内：接收单位；更长：区委组织部",
    )
    expect(await page.getByTestId("leave-state").textContent()).toBe("已销假")
    expect(await page.getByTestId("leave-route").textContent()).toBe(
      "请假 3 天，不超过 3 天，由接收（挂职）单位审批（004 晋城 管理考核 一是）",
    )
    expect(await page.getByTestId("archive-sealed").count()).toBe(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("Yangpu: probation refused to the org dept, a recall, and a stale second tab told to reload", async () => {
    const page = await browser.newPage()
    await signInAs(page, "yangpu.org@demo.example.org")
    await row(page, "刘子豪").waitFor()
    expect(await page.locator("tr.ant-table-row").count()).toBe(6)
    expect(await row(page, "刘子豪").getByTestId("placement-state").textContent()).toBe("见习")
    expect(await row(page, "陈建国").getByTestId("placement-state").textContent()).toBe("延长见习")
    expect(await row(page, "李雪梅").getByTestId("placement-state").textContent()).toBe("已安排，待到岗")
    expect(await row(page, "杨佳怡").textContent()).toContain("已正式任职")

    // 000 三（一）: probation ends on the street's assessment, which the org dept's account cannot record.
    await row(page, "刘子豪").getByRole("link", { name: "刘子豪" }).click()
    await page.waitForURL(/\/placements\/demo-pl-yp-probation$/)
    expect(await page.getByTestId("placement-probation").textContent()).toContain(
      "见习期间担任居民区党组织副书记",
    )
    await page.getByRole("button", { name: "见习期考评" }).click()
    const dialog = page.getByRole("dialog")
    // The scheme's probation assessor (the probation_review cycle: the street) is offered first.
    expect(await dialog.textContent()).toContain("街道（乡镇）党（工）委")
    // Nothing is pre-chosen but the scheme's assessor (issue 16): the clerk gives the conclusion and the dates.
    await dialog.getByLabel("能胜任：正式任职").check()
    await dialog.getByLabel("考评日期").fill("2026-11-25")
    await dialog.getByLabel("选举日期").fill("2026-11-25")
    await dialog.getByLabel("考评意见").fill("经街道综合考评，能胜任")
    await dialog
      .getByRole("button", { name: "提 交" })
      .or(dialog.getByRole("button", { name: "提交" }))
      .click()
    const refusal = page.getByTestId("action-error")
    await expect.poll(() => refusal.textContent()).toContain("须由街道（乡镇）党（工）委的账号办理")
    expect(await page.getByTestId("placement-state").textContent()).toBe("见习")
    takeRefusal()

    // Two tabs on 陈建国 (probation extended to 2026-06-30); the first recalls, the second is stale.
    const stale = await browser.newPage()
    await page.goto(`${preview.url}/placements/demo-pl-yp-extended`)
    await stale.goto(`${preview.url}/placements/demo-pl-yp-extended`)
    await page.locator("h1", { hasText: "陈建国" }).waitFor()
    await stale.locator("h1", { hasText: "陈建国" }).waitFor()
    expect(await page.getByTestId("placement-probation").textContent()).toContain("见习期延长至2026年6月30日")

    const recall = async (p: Page) => {
      await p
        .getByRole("button", { name: "召 回" })
        .or(p.getByRole("button", { name: "召回" }))
        .click()
      const d = p.getByRole("dialog")
      await d.getByLabel("事实与依据").fill("见习期延长后仍不能胜任，经部务会研究召回")
      await d.getByLabel("决定主体").click()
      await openSelect(p, "部务会")
      // Nothing is pre-filled (issue 16): the clerk gives the decision's date.
      await d.getByLabel("决定日期").fill("2026-11-26")
      await d.getByLabel("文号或会议").fill("部务会〔2026〕11次")
      await d
        .getByRole("button", { name: "提 交" })
        .or(d.getByRole("button", { name: "提交" }))
        .click()
    }
    await recall(page)
    await expect.poll(() => page.getByTestId("placement-state").textContent()).toBe("已召回")
    // Ending the placement seals the file (003 三 离任统一封存).
    await page.getByTestId("archive-sealed").waitFor()
    expect(await page.getByTestId("placement-ending").textContent()).toContain("部务会〔2026〕11次")

    await recall(stale)
    const staleRefusal = stale.getByTestId("action-error")
    await expect.poll(() => staleRefusal.textContent()).toContain("请刷新页面后重试")
    takeRefusal()
    await staleRefusal
      .getByRole("button", { name: "刷 新" })
      .or(staleRefusal.getByRole("button", { name: "刷新" }))
      .click()
    await expect.poll(() => stale.getByTestId("placement-state").textContent()).toBe("已召回")
    expect(await stale.getByTestId("action-error").count()).toBe(0)
    await stale.close()

    // English once: the API's labels and the page's own.
    await page.getByText("English", { exact: true }).click()
    await page.locator("html[lang=en]").waitFor()
    await expect.poll(() => page.getByTestId("placement-state").textContent()).toBe("recalled")
    expect(await page.getByTestId("archive-sealed").textContent()).toBe("Sealed")
    await page.getByRole("link", { name: /Back to cadres in post/ }).click()
    await page.locator("h1", { hasText: "Cadres in post" }).waitFor()
    expect(await row(page, "刘子豪").getByTestId("placement-state").textContent()).toBe("on probation")
    expect(await page.locator("th", { hasText: "Term end" }).count()).toBe(1)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("fits a phone-width screen without sideways scrolling", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(`${preview.url}/placements`)
    await row(page, "刘子豪").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.goto(`${preview.url}/placements/demo-pl-yp-in-term`)
    await page.getByTestId("archive-timeline").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.getByText("中文", { exact: true }).click()
    await page.locator("html[lang=zh-CN]").waitFor()
    await page.getByTestId("archive-timeline").waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
