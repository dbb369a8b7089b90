import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// A district administrator reads the Yangpu scheme (seed 000, packages/domain/src/scheme/presets/
// yangpu-community-secretary.ts), revises an age bound in a new draft, compares and publishes it; a street admin
// reads it only. The harness fixes today at E2E_TODAY (2026-11-26): the new version takes effect that day.
const schemeId = "yangpu-community-secretary"

useDemoSystem()

const signIn = async (page: Page, email: string) => {
  await page.getByLabel("邮箱或手机号").fill(email)
  await page.getByLabel("密码").fill(password)
  await page
    .getByRole("button", { name: "登 录" })
    .or(page.getByRole("button", { name: "登录" }))
    .click()
}

// Chromium logs every non-2xx answer; the refusal this test provokes (400, a bad scheme) is taken out exactly.
const takeRefusal = () => {
  expect(browser.errors).toEqual([
    "console: Failed to load resource: the server responded with a status of 400 (Bad Request)",
  ])
  browser.errors.length = 0
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ""

describe("schemes (选派方案)", () => {
  it("shows the Yangpu scheme in words, revises an age bound in a new draft, compares and publishes it", async () => {
    const page = await browser.newPage()
    await page.goto(`${preview.url}/schemes`)
    await page.waitForURL(/\/sign-in\?next=/)
    await signIn(page, "yangpu.org@demo.example.org")
    await page.waitForURL(/\/schemes$/)

    // The list: name, programme, region, versions with status and date, the version in force today.
    await page.locator("h1", { hasText: "选派方案" }).waitFor()
    const row = page.locator(`tr[data-row-key="${schemeId}"]`)
    await row.waitFor()
    const rowText = await row.textContent()
    expect(rowText).toContain("杨浦区选派机关、事业单位干部到居民区担任党组织书记")
    expect(rowText).toContain("选派干部担任居民区党组织书记")
    expect(rowText).toContain("杨浦区（310110）")
    expect(await row.getByTestId("version-1").textContent()).toBe("第1版已发布2020年12月9日起生效")
    expect(await row.getByTestId("in-force").textContent()).toBe("第1版")
    await page.getByRole("button", { name: "从模板新建方案" }).waitFor()

    // The scheme in words: each rule's meaning, waivable or not, and its clause with the quoted text.
    await row.getByRole("link", { name: /杨浦区选派机关/ }).click()
    await page.waitForURL(new RegExp(`/schemes/${schemeId}$`))
    await page.getByTestId("rule-age").waitFor()
    const ageRule = page.getByTestId("rule-age")
    expect(await ageRule.getByTestId("meaning").textContent()).toBe("25—38周岁")
    expect(await ageRule.textContent()).toContain("年龄一般为25—38周岁")
    expect(await ageRule.getByTestId("waivable").textContent()).toBe("可放宽（一般/原则上）")
    expect(await ageRule.getByTestId("citation").textContent()).toBe(
      "依据：000 一（一）5 “年龄一般为25—38周岁，特别优秀的，可适当放宽限制”",
    )
    const partyRule = page.getByTestId("rule-party_standing")
    expect(await partyRule.getByTestId("meaning").textContent()).toBe("中共正式党员满3年")
    expect(await partyRule.textContent()).toContain("不可放宽")
    expect(await partyRule.getByTestId("citation").textContent()).toBe(
      "依据：000 一（一）1 “中共正式党员，党龄满三年”",
    )
    expect(await page.getByTestId("rule-education").getByTestId("meaning").textContent()).toBe(
      "大学专科及以上学历",
    )
    expect(await page.getByTestId("rule-rank").getByTestId("meaning").textContent()).toBe(
      "职务职级：办事员、科员、副科级、正科级；无职级者由审核人员判断",
    )
    expect(await text(page, "exclusions")).toContain("无")
    expect(await text(page, "preference-epidemic_assistant")).toContain("权重 1")
    expect(await text(page, "stage-recommend")).toContain("当年12月18日前")
    expect(await text(page, "stage-report_to_street")).toContain("次年1月中旬")
    expect(await text(page, "channels")).toContain("单位推荐")
    expect(await text(page, "report-street_half_year")).toContain("每6个月")
    expect(await page.getByTestId("leave").getByTestId("unspecified").textContent()).toBe(
      "文件未规定通知未规定请销假",
    )
    expect(await text(page, "term")).toContain("原则上5年")
    expect(await text(page, "version-status")).toBe("已发布")
    await page.getByTestId("read-only").waitFor()

    // A new draft version from the one shown, taking effect today.
    await page.getByRole("button", { name: "以此版本新建草稿" }).click()
    const dialog = page.getByRole("dialog")
    expect(await dialog.getByLabel("新版本号").inputValue()).toBe("2")
    expect(await dialog.getByLabel("生效日期").inputValue()).toBe("2026-11-26")
    await dialog.getByRole("button", { name: "新建草稿" }).click()
    await expect.poll(() => text(page, "version-status")).toBe("草稿")
    await page.getByTestId("draft-editor").waitFor()
    expect(await page.getByTestId("read-only").count()).toBe(0)

    // A maximum age below the minimum: refused by the server, which names the rule and its path.
    const maxAge = page.getByLabel("最大年龄（周岁，含）")
    expect(await maxAge.inputValue()).toBe("38")
    await maxAge.fill("20")
    await page.getByTestId("common-form").getByRole("button", { name: "保存" }).click()
    const refusal = page.getByTestId("save-error")
    await expect.poll(() => refusal.textContent()).toContain("最小年龄不得大于最大年龄")
    expect(await refusal.getByTestId("issue").textContent()).toContain(
      "位置：人选条件“年龄一般为25—38周岁”（eligibility.rules[8]）",
    )
    expect(await page.getByTestId("rule-age").getByTestId("meaning").textContent()).toBe("25—38周岁")
    takeRefusal()

    // A valid bound is saved and shown.
    await maxAge.fill("40")
    await page.getByTestId("common-form").getByRole("button", { name: "保存" }).click()
    await expect
      .poll(() => page.getByTestId("rule-age").getByTestId("meaning").textContent())
      .toBe("25—40周岁")
    expect(await page.getByTestId("save-error").count()).toBe(0)

    // Compared with version 1: the changed parameters in words, with the clause.
    const diff = page.getByTestId("diff-table")
    await expect.poll(() => diff.textContent()).toContain("最大年龄")
    const ageRow = diff.locator("tr", { hasText: "最大年龄" })
    expect(await ageRow.locator("td").allTextContents()).toEqual([
      "人选条件“年龄一般为25—38周岁” › 最大年龄",
      "38",
      "40",
      "000 一（一）5",
    ])
    expect(await diff.locator("tr", { hasText: "生效日期" }).locator("td").allTextContents()).toEqual([
      "生效日期",
      "2020-12-09",
      "2026-11-26",
      "",
    ])

    // Published: read-only, in force today; no editor, no publish button.
    await page.getByRole("button", { name: "发布" }).click()
    const confirm = page.locator(".ant-modal-confirm")
    await confirm.getByText("发布后此版本不能再修改").waitFor()
    await confirm.getByRole("button", { name: /^发\s?布$/ }).click()
    await expect.poll(() => text(page, "version-status")).toBe("已发布")
    await page.getByTestId("read-only").waitFor()
    expect(await page.getByTestId("draft-editor").count()).toBe(0)
    expect(await page.getByRole("button", { name: "发布" }).count()).toBe(0)
    expect(await text(page, "version-card")).toContain("今日适用")

    // English once.
    await page.getByText("English", { exact: true }).click()
    await page.locator("html[lang=en]").waitFor()
    await expect
      .poll(() => page.getByTestId("rule-age").getByTestId("meaning").textContent())
      .toBe("aged 25 to 40 (full years)")
    expect(await page.getByTestId("rule-age").getByTestId("waivable").textContent()).toBe(
      "Waivable (generally / in principle)",
    )
    expect(await page.getByTestId("leave").getByTestId("unspecified").textContent()).toBe(
      "Not set by the documentThe notice does not regulate leave",
    )
    expect(await page.getByTestId("diff-table").locator("tr", { hasText: "max age" }).count()).toBe(1)

    // Back to Chinese and out, for the street's turn.
    await page.getByText("中文", { exact: true }).click()
    await page.locator("html[lang=zh-CN]").waitFor()
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.waitForURL(/\/sign-in/)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("shows a street admin the district's scheme with no write buttons", async () => {
    const page = await browser.newPage()
    await page.goto(`${preview.url}/schemes`)
    await page.waitForURL(/\/sign-in\?next=/)
    await signIn(page, "yangpu.dinghai@demo.example.org")
    await page.waitForURL(/\/schemes$/)
    const row = page.locator(`tr[data-row-key="${schemeId}"]`)
    await row.waitFor()
    // Both versions, the new one in force today.
    expect(await row.getByTestId("version-2").textContent()).toBe("第2版已发布2026年11月26日起生效")
    expect(await row.getByTestId("in-force").textContent()).toBe("第2版")
    expect(await page.getByRole("button", { name: "从模板新建方案" }).count()).toBe(0)
    await row.getByRole("link", { name: /杨浦区选派机关/ }).click()
    await page.getByTestId("rule-age").waitFor()
    expect(await page.getByTestId("rule-age").getByTestId("meaning").textContent()).toBe("25—40周岁")
    expect(await page.getByRole("button", { name: "以此版本新建草稿" }).count()).toBe(0)
    expect(await page.getByRole("button", { name: "发布" }).count()).toBe(0)
    expect(await page.getByTestId("draft-editor").count()).toBe(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("fits a phone-width screen without sideways scrolling", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(`${preview.url}/schemes`)
    await page.locator(`tr[data-row-key="${schemeId}"]`).waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page.goto(`${preview.url}/schemes/${schemeId}?v=1`)
    await page.getByTestId("diff-table").waitFor()
    expect(await text(page, "rule-age")).toContain("25—38周岁")
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
