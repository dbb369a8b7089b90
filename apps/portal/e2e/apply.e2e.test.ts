import { randomUUID } from "node:crypto"
import { fileURLToPath } from "node:url"
import { readFile } from "node:fs/promises"
import { type Browser, mailedCode, type Service, startSystem, textedCode } from "@cadre/e2e-harness"
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// An applicant's whole first visit, as a person does it on a 375 px phone, against the built app under
// `vite preview` and the built API with the demo data (the Huaishang campaign is open to self-registration).
const appDir = fileURLToPath(new URL("..", import.meta.url))

let api: Service
let preview: Service
let browser: Browser

beforeAll(async () => {
  ;({ api, preview, browser } = await startSystem({ appDir, apiEnv: { LOAD_DEMO_DATA: "true" } }))
})

afterAll(async () => {
  await browser?.close()
  await preview?.stop()
  await api?.stop()
})

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) for 17 digits, computed here independently of the app. */
const checkCharacter = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0)
  return "10X98765432".charAt(sum % 11)
}

// Address code 340311 (淮上区), born 1992-03-14, sequence 123 (odd: male).
const first17 = "34031119920314123"
const idNumber = first17 + checkCharacter(first17)
// The same number with a wrong check character. (antd spaces out two-character Chinese button labels, "登 录",
// hence the /\s?/ in some names below.)
const wrongIdNumber = first17 + (checkCharacter(first17) === "0" ? "1" : "0")

const noSidewaysScroll = async (page: Page) =>
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0)

/** Each page's text of a PDF, as pdfjs extracts it. */
const pdfPages = async (bytes: Uint8Array): Promise<string[]> => {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise
  const pages: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""))
  }
  await pdf.destroy()
  return pages
}

describe("registering on the portal (注册)", () => {
  it("registers by e-mail with the mailed code and signs in", async () => {
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(preview.url)
    await page.locator("h1").waitFor()
    await page.getByRole("link", { name: "注册", exact: true }).first().click()
    await page.getByRole("heading", { name: "注册账号" }).waitFor()
    await page.getByTestId("password-policy").waitFor()
    expect(await page.getByTestId("password-policy").textContent()).toContain("密码须为 10–128 个字符")
    const email = `applicant-${randomUUID().slice(0, 8)}@example.cn`
    await page.getByLabel("邮箱", { exact: true }).fill(email)
    // The code comes by e-mail (the API's log sender, read here as the applicant reads their mailbox).
    await page.getByRole("button", { name: "发送验证码" }).click()
    await page.getByTestId("code-sent").waitFor()
    await page.getByLabel("邮箱验证码").fill(mailedCode(api, email))
    await page.getByLabel("姓名").fill("王晓明")
    // A common password is refused as it is typed, before the server is asked.
    await page.getByLabel("密码", { exact: true }).fill("password12")
    await page.getByText("密码不符合要求").waitFor()
    await page.getByLabel("密码", { exact: true }).fill("Huaishang-2026-apply")
    await noSidewaysScroll(page)
    await page.getByRole("button", { name: "注册并登录" }).click()
    await page.getByRole("heading", { name: "个人信息" }).waitFor()
    // Signed out again: the browser's cookies are shared with the next test.
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.getByRole("link", { name: "登录", exact: true }).first().waitFor()
    expect(browser.errors).toEqual([])
    await page.close()
  })
})

describe("applying on the portal (报名)", () => {
  it("registers by phone, fills in the profile, checks the answers, applies, prints the form, withdraws, reads it in English", async () => {
    expect(idNumber).toMatch(/^\d{17}[\dX]$/)
    const page = await browser.newPage({ width: 375, height: 740 })
    await page.goto(preview.url)
    await page.locator("h1").waitFor()

    // 注册 by mobile phone: the code comes by text message (the API's log sender, read as the phone is read).
    await page.getByRole("link", { name: "注册", exact: true }).first().click()
    await page.getByRole("heading", { name: "注册账号" }).waitFor()
    await page.getByText("用手机号注册").click()
    const phone = `199${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`
    const password = "Huaishang-2026-apply"
    await page.getByRole("textbox", { name: "手机号" }).fill(phone)
    await page.getByRole("button", { name: "发送验证码" }).click()
    await page.getByTestId("code-sent").waitFor()
    expect(await page.getByTestId("code-sent").textContent()).toContain(phone)
    await page.getByLabel("短信验证码").fill(textedCode(api, phone))
    await page.getByLabel("姓名").fill("王晓明")
    await page.getByLabel("密码", { exact: true }).fill(password)
    await noSidewaysScroll(page)
    await page.getByRole("button", { name: "注册并登录" }).click()
    await page.getByRole("heading", { name: "个人信息" }).waitFor()

    // Sign out and sign in again with the phone number.
    await page.getByRole("button", { name: "退出登录" }).click()
    await page.getByRole("link", { name: "登录", exact: true }).first().click()
    await page.getByRole("heading", { name: "登录" }).waitFor()
    await page.getByLabel("邮箱或手机号").fill(phone)
    await page.getByLabel("密码", { exact: true }).fill(password)
    await page.getByRole("button", { name: /^登\s?录$/ }).click()
    // No profile yet: signing in leads to it.
    await page.getByRole("heading", { name: "个人信息" }).waitFor()

    // 个人信息, one group per page. First a wrong ID number: refused as typed, at the field and in the summary.
    expect(await page.getByTestId("profile-progress").textContent()).toContain("第 1 步，共 6 步")
    await page.getByLabel("姓名").fill("王晓明")
    await page.getByLabel("身份证号").fill(wrongIdNumber)
    await page.getByRole("textbox", { name: "手机号" }).fill(phone)
    await page.getByLabel("民族").click()
    await page.locator(".ant-select-item-option", { hasText: "汉族" }).first().click()
    await page.getByRole("button", { name: /^继\s?续$/ }).click()
    const idItem = page.locator(".ant-form-item").filter({ has: page.getByLabel("身份证号") })
    await idItem.getByText("身份证号校验位不正确，请检查是否输错").waitFor()
    expect(await page.getByTestId("error-summary").textContent()).toContain("身份证号校验位不正确")
    await noSidewaysScroll(page)
    // Corrected, the birth date and sex are read from it and shown; the page goes on.
    await page.getByLabel("身份证号").fill(idNumber)
    await page.getByTestId("id-derived").waitFor()
    expect(await page.getByTestId("id-derived").textContent()).toContain("1992年3月14日")
    expect(await page.getByLabel("男", { exact: true }).isChecked()).toBe(true)
    expect(await page.getByLabel("出生日期").inputValue()).toBe("1992-03-14")
    await page.getByLabel("籍贯").fill("安徽省淮北市")
    await page.getByLabel("健康状况").fill("健康")
    await page.getByRole("button", { name: /^继\s?续$/ }).click()
    expect(await page.getByTestId("profile-progress").textContent()).toContain("第 2 步，共 6 步")
    await page.getByLabel("中共正式党员").check()
    await page.getByLabel("入党日期").fill("2014-06-01")
    await page.getByLabel("转正日期").fill("2015-06-01")
    await page.getByRole("button", { name: /^继\s?续$/ }).click()
    // Save and return (GOV.UK "save and come back later"): the answers so far are kept on the server, so a reload
    // (or another phone) comes back at the page left, with what was typed.
    await page.getByTestId("save-for-later").click()
    await page.getByTestId("draft-saved").waitFor()
    expect(await page.getByTestId("draft-saved").textContent()).toContain("可从第 3 步继续填写")
    await page.reload()
    await page.getByTestId("draft-restored").waitFor()
    expect(await page.getByTestId("profile-progress").textContent()).toContain("第 3 步，共 6 步")
    await page.getByRole("button", { name: "上一步" }).click()
    expect(await page.getByLabel("转正日期").inputValue()).toBe("2015-06-01")
    await page.getByRole("button", { name: /^继\s?续$/ }).click()
    await page.getByLabel("学历层次").click()
    await page.locator(".ant-select-item-option", { hasText: "大学本科" }).click()
    await page.getByRole("button", { name: /^继\s?续$/ }).click()
    await page.getByLabel("人员类别").click()
    await page.locator(".ant-select-item-option", { hasText: "事业单位在编" }).click()
    await page.getByLabel("工作单位").fill("淮上区民政局")
    await page.getByLabel("现任职务").fill("科员")
    // The district by its name, never a code to type.
    await page.getByLabel("所属区县").click()
    for (const level of ["安徽省", "蚌埠市", "淮上区"])
      await page.locator(".ant-cascader-menu-item", { hasText: level }).click()
    await page.locator(".ant-cascader").getByText("安徽省 / 蚌埠市 / 淮上区").first().waitFor()
    await page.getByRole("button", { name: /^继\s?续$/ }).click()
    // The résumé: its first start is the 参加工作时间 the 报名表 prints.
    expect(await page.getByTestId("profile-progress").textContent()).toContain("第 5 步，共 6 步")
    const resume = page.getByTestId("resume-0")
    await resume.getByLabel("开始日期").fill("2014-07-01")
    await resume.getByLabel("单位", { exact: true }).fill("淮上区民政局")
    await resume.getByLabel("职务", { exact: true }).fill("科员")
    await page.getByRole("button", { name: /^继\s?续$/ }).click()
    // 家庭主要成员: optional, but a row begun must be finished (its name is asked at the field).
    expect(await page.getByTestId("profile-progress").textContent()).toContain("第 6 步，共 6 步")
    await page.getByTestId("family-add").click()
    const spouse = page.getByTestId("family-0")
    await spouse.getByLabel("称谓").fill("配偶")
    await page.getByRole("button", { name: "保存个人信息" }).click()
    await spouse.getByText("请填写姓名").waitFor()
    await spouse.getByLabel("姓名").fill("李娜")
    await spouse.getByLabel("工作单位及职务").fill("淮上区实验小学教师")
    await noSidewaysScroll(page)
    await page.getByRole("button", { name: "保存个人信息" }).click()
    await page.getByTestId("profile-saved").waitFor()
    expect(browser.errors).toEqual([])

    // 报名: the open campaigns, then Huaishang's.
    await page.getByRole("navigation").getByRole("link", { name: "报名", exact: true }).click()
    await page.getByRole("heading", { name: "正在报名的选派批次" }).waitFor()
    const campaign = page.getByTestId("campaign-demo-huaishang-2026")
    expect(await campaign.textContent()).toContain("淮上区")
    await noSidewaysScroll(page)
    await campaign.getByRole("link", { name: /^报\s?名$/ }).click()

    // Check your answers: what the form will print, then the declaration, which must be ticked.
    await page.getByRole("heading", { name: "核对信息并提交报名" }).waitFor()
    const answers = await page.locator("main").textContent()
    expect(answers).toContain("王晓明")
    expect(answers).toContain("参加工作时间2014年7月1日")
    expect(answers).toContain("民族汉族")
    expect(answers).toContain("籍贯安徽省淮北市")
    expect(answers).toContain("配偶李娜")
    // "修改" opens the page that asks the group, and the browser's back button returns here.
    await page.getByRole("link", { name: "修改 家庭主要成员及重要社会关系" }).click()
    await expect.poll(() => page.getByTestId("profile-progress").textContent()).toContain("第 6 步，共 6 步")
    await page.goBack()
    await page.getByRole("heading", { name: "核对信息并提交报名" }).waitFor()
    expect(answers).toContain("大学本科")
    await noSidewaysScroll(page)
    await page.getByRole("button", { name: "确认并提交报名" }).click()
    await page.getByText("提交前请勾选本人承诺").waitFor()
    await page.getByTestId("declaration").click()
    await page.getByRole("button", { name: "确认并提交报名" }).click()

    // The receipt: the reference number, and the 报名表 to download.
    await page.getByText("报名已提交").waitFor()
    const reference = (await page.getByTestId("receipt").locator("strong").textContent())?.trim() ?? ""
    expect(reference).toMatch(/^[0-9A-F-]{8}$/)
    await noSidewaysScroll(page)
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("receipt-download").click(),
    ])
    expect(download.suggestedFilename()).toBe("王晓明-报名表.pdf")
    const pages = await pdfPages(new Uint8Array(await readFile(await download.path())))
    // Two pages, printed on both sides of one sheet; the name and the reference number are on it.
    expect(pages).toHaveLength(2)
    expect(pages.join("")).toContain("王晓明")
    expect(pages.join("")).toContain(reference)
    // What the applicant gave is printed: 民族 and 参加工作时间 (2014.07, the résumé's first start).
    expect(pages.join("")).toContain("汉族")
    expect(pages.join("")).toContain("2014.07")
    expect(pages.join("")).toContain("安徽省淮北市")
    expect(pages.join("")).toContain("李娜")
    expect(pages.join("")).toContain("淮上区实验小学教师")
    await page.getByRole("link", { name: "查看我的报名" }).click()

    // 我的报名: the reference, the stage, the dated timeline, reviews apart from failures.
    await page.getByRole("heading", { name: "我的报名" }).waitFor()
    const application = page.getByTestId("application-demo-huaishang-2026")
    await application.waitFor()
    expect(await application.getByTestId("reference").textContent()).toBe(reference)
    expect(await application.getByTestId("stage").textContent()).toBe("已资格比对")
    expect(await application.getByTestId("timeline").textContent()).toContain("已资格比对")
    const reviews = application.getByTestId("reasons-review")
    expect(await reviews.textContent()).toContain("待审核的事项")
    expect(await reviews.textContent()).toContain("依据：004 淮上")
    expect(await application.getByTestId("reasons-fail").count()).toBe(0)
    await noSidewaysScroll(page)

    // Withdraw, after confirming.
    await application.getByRole("button", { name: "撤回报名" }).click()
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: /^撤\s?回$/ })
      .click()
    await expect.poll(() => application.getByTestId("stage").textContent()).toBe("已撤回")
    expect(await application.getByRole("button", { name: "撤回报名" }).count()).toBe(0)

    // English: the labels, the stage and the reasons follow the switch.
    await page.getByText("English", { exact: true }).click()
    await page.getByRole("heading", { name: "My applications" }).waitFor()
    await expect.poll(() => application.getByTestId("stage").textContent()).toBe("withdrawn")
    expect(await application.textContent()).toContain("Stage")
    expect(await page.getByRole("navigation").textContent()).toContain("My profile")
    await noSidewaysScroll(page)
    await page.getByRole("navigation").getByRole("link", { name: "My profile" }).click()
    await page.getByRole("heading", { name: "My profile" }).waitFor()
    await page.getByLabel("ID number").waitFor()
    expect(await page.getByLabel("ID number").inputValue()).toBe(idNumber)
    await noSidewaysScroll(page)

    expect(browser.errors).toEqual([])
    await page.close()
  })
})
