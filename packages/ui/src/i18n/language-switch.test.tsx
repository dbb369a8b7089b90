import { act, cleanup, fireEvent, render, screen } from "@testing-library/react"
import { useTranslation } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"
import { UiProvider } from "../theme/ui-provider.js"
import { createI18n } from "./create-i18n.js"
import { LanguageSwitch } from "./language-switch.js"
import { languageStorageKey } from "./languages.js"

const StatusLabel = () => {
  const { t } = useTranslation("common")
  return <h1>{t("status.down")}</h1>
}

afterEach(() => {
  cleanup()
  window.localStorage.clear()
})

describe("LanguageSwitch", () => {
  it("starts in zh-CN and switches the page's text to English", async () => {
    const i18n = createI18n()
    render(
      <UiProvider i18n={i18n}>
        <LanguageSwitch />
        <StatusLabel />
      </UiProvider>,
    )
    expect(screen.getByRole("heading").textContent).toBe("无法连接服务")
    expect(document.documentElement.lang).toBe("zh-CN")

    await act(async () => {
      fireEvent.click(screen.getByText("English"))
    })

    expect(screen.getByRole("heading").textContent).toBe("Cannot reach the service")
    expect(document.documentElement.lang).toBe("en")
    expect(window.localStorage.getItem(languageStorageKey)).toBe("en")
  })

  it("remembers the choice for the next visit", () => {
    window.localStorage.setItem(languageStorageKey, "en")
    expect(createI18n().language).toBe("en")
    window.localStorage.setItem(languageStorageKey, "fr")
    expect(createI18n().language).toBe("zh-CN")
  })

  it("merges an app's own namespace with the common one", () => {
    const i18n = createI18n({
      language: "en",
      defaultNS: "demo",
      resources: { "zh-CN": { demo: { title: "演示" } }, en: { demo: { title: "Demo" } } },
    })
    expect(i18n.t("title")).toBe("Demo")
    expect(i18n.t("status.up", { ns: "common" })).toBe("Service is up")
  })
})
