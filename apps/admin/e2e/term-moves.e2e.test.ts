import { describe, expect, it } from "vitest"
import { browser, overflow, signInAt, useDemoSystem } from "./demo-system.js"

// The term moves on their screen (issue 16): a street takes up its placed cadre (000 三（一）: the probation as
// deputy secretary starts), and a term that has ended offers 留任 and 期满离任, nothing else.
useDemoSystem()

describe("term moves (到岗 · 任期届满 · 留任 · 期满离任)", () => {
  it("a street takes up its placed cadre from the placement's page, at 375 px", async () => {
    const page = await browser.newPage({ width: 375, height: 800 })
    await signInAt(page, "/placements/demo-pl-yp-placed", "yangpu.dinghai@demo.example.org")
    const state = page.getByTestId("placement-state")
    await expect.poll(() => state.textContent()).toBe("已安排，待到岗")
    // Only the move this state allows.
    expect(await page.locator("[data-testid^=term-move-]").count()).toBe(1)
    await page.getByTestId("term-move-TakeUp").click()
    const dialog = page.getByRole("dialog")
    await dialog.getByLabel("到岗日期").fill("")
    await dialog.getByRole("button", { name: /^提\s?交$/ }).click()
    await dialog.getByText("请填写此项").waitFor()
    // A day after the placement (2026-11-20) and not after the demo's today.
    await dialog.getByLabel("到岗日期").fill("2026-11-23")
    await dialog.getByRole("button", { name: /^提\s?交$/ }).click()
    // In post from that day: on probation where the scheme version has one, else in term.
    await expect.poll(() => state.textContent()).toMatch(/^(见习|任职中)$/)
    expect(await page.getByTestId("term-move-TakeUp").count()).toBe(0)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(browser.errors).toEqual([])
    await page.close()
  })

  it("a term that has ended offers 留任 and 期满离任 to the org dept", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 })
    await signInAt(page, "/placements/demo-pl-jc-term-ended", "jincheng.org@demo.example.org")
    // The street still signed in from the first test read this placement before signing out: outside its
    // scope, a 404. Only what happens from here counts.
    browser.errors.length = 0
    await expect.poll(() => page.getByTestId("placement-state").textContent()).toBe("任期届满")
    const moves = await page.locator("[data-testid^=term-move-]").allTextContents()
    expect(moves.map((m) => m.replace(/\s/g, ""))).toEqual(["留任", "期满离任"])
    await page.getByTestId("term-move-Exit").click()
    const dialog = page.getByRole("dialog")
    await dialog.getByText("离任说明").waitFor()
    await dialog.getByRole("button", { name: /^取\s?消$/ }).click()
    expect(browser.errors).toEqual([])
    await page.close()
  })
})
