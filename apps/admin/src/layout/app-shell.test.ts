import { describe, expect, it } from "vitest"
import { adminResources } from "../i18n"
import { NAV } from "./app-shell"

// A raw key ("nav.schemes") on a zh-CN screen is a bug: every navigation entry has a label in both languages.
describe("navigation labels", () => {
  it("every area in the navigation has a Chinese and an English label", () => {
    const zh: Record<string, string | undefined> = adminResources["zh-CN"].admin.nav
    const en: Record<string, string | undefined> = adminResources.en.admin.nav
    for (const { key } of NAV) {
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]/)
      expect(en[key], key).toMatch(/^[A-Z][A-Za-z ]+$/)
    }
  })
})
