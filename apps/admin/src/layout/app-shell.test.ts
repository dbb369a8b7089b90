import { describe, expect, it } from "vitest"
import { adminResources } from "../i18n"
import { areaOf, NAV, NAV_GROUPS } from "./app-shell"

// A raw key ("nav.schemes") on a zh-CN screen is a bug: every navigation entry has a label in both languages.
describe("navigation labels", () => {
  it("every area and every menu group has a Chinese and an English label", () => {
    const zh: Record<string, string | undefined> = adminResources["zh-CN"].admin.nav
    const en: Record<string, string | undefined> = adminResources.en.admin.nav
    for (const { key } of NAV) {
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]/)
      expect(en[key], key).toMatch(/^[A-Z][A-Za-z ]+$/)
    }
    for (const group of NAV_GROUPS) {
      expect(adminResources["zh-CN"].admin.navGroups[group], group).toMatch(/[\u4e00-\u9fff]/)
      expect(adminResources.en.admin.navGroups[group], group).toMatch(/^[A-Z][A-Za-z ]+$/)
    }
  })
})

describe("areaOf", () => {
  it("puts a detail page under its list's area, and nothing else there", () => {
    expect(areaOf("/campaigns")?.key).toBe("campaigns")
    expect(areaOf("/campaigns/demo-yangpu-2026")?.key).toBe("campaigns")
    expect(areaOf("/placements/x")?.key).toBe("placements")
    // A prefix that is not a path segment is another page.
    expect(areaOf("/campaignsX")).toBeUndefined()
    expect(areaOf("/")).toBeUndefined()
  })
})
