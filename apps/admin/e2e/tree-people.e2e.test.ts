import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, password, preview, useDemoSystem } from "./demo-system.js"

// Issue 14: the Yangpu org dept chooses 区划 on the 导入 page, downloads its template, uploads a region file with
// an error, sees it by row, uploads the fixed file and commits to 100 %; imports one person with the roster, then
// finds them under 人员 (masked ID number) and opens the record: one version, source 导入.
const email = "yangpu.org@demo.example.org"

useDemoSystem()

const csv = (lines: ReadonlyArray<string>) => Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`)
const REGION_HEADER = "区划代码,名称,层级,上级区划代码"
const ROSTER_HEADER =
  "姓名,性别,民族,出生日期,身份证号,入党时间,转正时间,学历,是否全日制,参加工作时间,工作单位,职务,职级,人员类别,联系电话"
const idFor = (seq: string) => {
  const first17 = `31011019820305${seq}`
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0)
  return `${first17}${"10X98765432"[sum % 11]}`
}

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

const upload = (page: Page, name: string, body: Buffer) =>
  page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: body })

const commitToFull = async (page: Page) => {
  await page.getByTestId("commit").click()
  await expect
    .poll(() => page.getByRole("progressbar").getAttribute("aria-valuenow"), { timeout: 30_000 })
    .toBe("100")
}

describe("区划 import and the people list (人员)", () => {
  for (const width of [1280, 375]) {
    it(`at ${width} px: 区划 template, errors by row, fixed file to 100 %; a person imported is found under 人员 with its history`, async () => {
      const page = await browser.newPage({ width, height: 900 })
      await signIn(page, "/imports")
      await page.getByTestId("kind").getByText("区划").click()
      await page.getByRole("button", { name: "上传区划表" }).waitFor()
      const [template] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "下载模板" }).click(),
      ])
      expect(template.suggestedFilename()).toBe("区划导入模板.xlsx")

      const street = width === 375 ? "310110031000" : "310110032000"
      const community = `${street.slice(0, 9)}001`
      // The community comes first; row 3 names a parent that does not exist.
      const bad = [REGION_HEADER, `${community},测试居民区${width},社区,`, `${street},测试街道${width},街道,`]
      await upload(page, "regions.csv", csv([...bad, `yp-e2e-${width},孤村,村,yp-none`]))
      const table = page.locator("tr.ant-table-row")
      await expect.poll(() => table.count()).toBe(1)
      expect(await table.first().textContent()).toContain("上级区划代码")
      expect(await page.getByTestId("counts").textContent()).toMatch(/有错误\s*1/)
      expect(await overflow(page)).toBe(0)
      await upload(page, "regions.csv", csv(bad))
      // The first file also had 2 new rows: wait for the fixed file's preview (no errors) before committing.
      await expect
        .poll(async () => (await page.getByTestId("counts").textContent()) ?? "")
        .toMatch(/新增\s*2.*有错误\s*0/)
      await commitToFull(page)
      await page.getByText("导入完成，共处理 2 行").waitFor()
      expect(await page.locator("body").textContent()).not.toMatch(/imports\.\w+/)
      await page.screenshot({ path: `/tmp/h-tree-screens/tree-import-${width}.png`, fullPage: true })

      // One person by the roster, then the people list.
      await page.getByTestId("kind").getByText("花名册").click()
      const name = `人员页${width}`
      const row = [name, "女", "汉族", "1982-03-05", idFor(width === 375 ? "622" : "624"), "", "", "大学本科"]
      await upload(
        page,
        "roster.csv",
        csv([ROSTER_HEADER, [...row, "是", "", "杨浦区民政局", "", "", "公务员", "13800001234"].join(",")]),
      )
      await expect
        .poll(async () => (await page.getByTestId("counts").textContent()) ?? "")
        .toMatch(/新增\s*1/)
      await commitToFull(page)
      // The side menu; on a phone it is behind the menu button.
      if (width === 375) await page.getByTestId("menu-button").click()
      await page.getByTestId("side-menu").getByRole("link", { name: "人员" }).click()
      await page.waitForURL(/\/people$/)
      await page.getByTestId("people-search").locator("input").fill(name)
      await page.getByTestId("people-search").locator("input").press("Enter")
      const people = page.getByTestId("people").locator("tr.ant-table-row")
      await expect.poll(() => people.count()).toBe(1)
      const text = (await people.first().textContent()) ?? ""
      expect(text).toContain(name)
      expect(text).toMatch(/310110\*+\d{3}[\dX]/)
      await people
        .first()
        .getByRole("button", { name: /^查\s?看$/ })
        .click()
      const record = page.getByTestId("person-record")
      await record.getByText("导入").waitFor()
      expect(await record.textContent()).toContain("新建")
      expect(await overflow(page)).toBe(0)
      expect(await page.locator("body").textContent()).not.toMatch(/(people|imports)\.\w+/)
      await page.screenshot({ path: `/tmp/h-tree-screens/people-${width}.png`, fullPage: true })
      expect(browser.errors.filter((e) => !e.includes("status of 4"))).toEqual([])
      browser.errors.length = 0
      await page.close()
    }, 180_000)
  }
})
