import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// Issue 14, "Done when": the Yangpu org dept downloads the roster template, uploads a file with errors, sees them by
// row, fixes the file and commits, watches the progress bar reach 100 %, and finds the people (profiles.list).
const email = "yangpu.org@demo.example.org"

useDemoSystem()

const COLUMNS =
  "姓名,性别,民族,出生日期,身份证号,入党时间,转正时间,学历,是否全日制,参加工作时间,工作单位,职务,职级,人员类别,联系电话"
/** A checksummed ID number (GB 11643) born on 1981-02-03, sequence `seq` (odd: male). */
const idFor = (seq: string) => {
  const first17 = `31011019810203${seq}`
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0)
  return `${first17}${"10X98765432"[sum % 11]}`
}
const line = (name: string, id: string, birth: string, education = "大学本科") =>
  [
    name,
    "男",
    "汉族",
    birth,
    id,
    "2005-06-01",
    "2006-06-01",
    education,
    "是",
    "2004-07-01",
    "杨浦区民政局",
    "科员",
    "科员（职级）",
    "公务员",
    "",
  ].join(",")
const csv = (lines: ReadonlyArray<string>) => Buffer.from(`\uFEFF${[COLUMNS, ...lines].join("\r\n")}\r\n`)

const signIn = async (page: Page) => {
  await page.goto(`${preview.url}/imports`)
  const button = page.getByRole("button", { name: "下载模板" })
  // The browser keeps the session between the two widths: sign in only when sent to the sign-in page.
  await page.waitForURL(/\/sign-in\?next=/, { timeout: 5_000 }).then(
    async () => {
      await page.getByLabel("邮箱或手机号").fill(email)
      await page.getByLabel("密码").fill(password)
      await page
        .getByRole("button", { name: "登 录" })
        .or(page.getByRole("button", { name: "登录" }))
        .click()
      await page.waitForURL(/\/imports$/)
    },
    () => undefined,
  )
  await button.waitFor()
}

const upload = (page: Page, name: string, body: Buffer) =>
  page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: body })

describe("roster import (花名册导入)", () => {
  for (const width of [1280, 375]) {
    it(`at ${width} px: template, a file with errors by row, the fixed file committed to 100 %, the people found`, async () => {
      const page = await browser.newPage({ width, height: 900 })
      await signIn(page)
      // zh-CN: no raw i18n keys.
      expect(await page.locator("body").textContent()).not.toMatch(/imports\.\w+/)

      const [template] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载模板" }).click(),
      ])
      expect(template.suggestedFilename()).toBe("花名册导入模板.xlsx")

      const seq = width === 375 ? ["611", "613"] : ["711", "713"]
      const [a, b] = seq.map((s) => idFor(s ?? "")) as [string, string]
      const nameA = `导入甲${width}`
      const nameB = `导入乙${width}`
      await upload(page, "roster.csv", csv([line(nameA, a, "1981-02-03"), line(nameB, b, "1981-02-04")]))
      const table = page.locator("tr.ant-table-row")
      await expect.poll(() => table.count()).toBe(1)
      const errors = await table.first().textContent()
      expect(errors).toContain("3")
      expect(errors).toContain("出生日期")
      expect(await page.getByTestId("counts").textContent()).toMatch(/有错误\s*1/)
      expect(await overflow(page)).toBe(0)

      await upload(page, "roster.csv", csv([line(nameA, a, "1981-02-03"), line(nameB, b, "1981-02-03")]))
      await expect
        .poll(async () => (await page.getByTestId("counts").textContent()) ?? "")
        .toMatch(/新增\s*2/)
      await expect.poll(() => table.count()).toBe(0)
      await page.getByTestId("commit").click()
      // The bar is read as assistive technology reads it (antd 6 has no .ant-progress-text any more).
      await expect
        .poll(() => page.getByRole("progressbar").getAttribute("aria-valuenow"), { timeout: 30_000 })
        .toBe("100")
      await page.getByText("导入完成，共处理 2 行").waitFor()
      expect(await page.locator("body").textContent()).not.toMatch(/imports\.\w+/)

      const listed = await page.request.get(
        `${preview.url}/api/trpc/profiles.list?input=${encodeURIComponent(JSON.stringify({ name: nameA, limit: 10 }))}`,
      )
      expect(listed.status()).toBe(200)
      expect(await listed.text()).toContain(nameA)
      expect(browser.errors.filter((e) => !e.includes("status of 4"))).toEqual([])
      browser.errors.length = 0
      await page.close()
    })
  }
})
