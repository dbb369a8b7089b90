import { createI18n, NotFoundPage, resolveRoute, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { portalResources } from "../../i18n"
import { App, routes } from "../../routes"
import { HomePage } from "./home-page"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

// The whole app at "/": the language switch lives in the portal's frame, around the page.
const renderHome = () =>
  render(
    <UiProvider i18n={createI18n({ resources: portalResources, defaultNS: "portal", language: "zh-CN" })}>
      <App />
    </UiProvider>,
  )

describe("portal home page", () => {
  it("says what the platform is, in Chinese, and shows the API as up", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ status: "ok", version: "0.1.0" }))
    renderHome()
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("选派干部报名")
    expect(screen.getByText("注册账号")).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId("service-status").dataset.state).toBe("up"))
    expect(document.title).toBe("选派干部报名")
  })

  it("switches to English", async () => {
    vi.stubGlobal("fetch", async () => new Response("", { status: 502 }))
    renderHome()
    await act(async () => {
      fireEvent.click(screen.getByText("English"))
    })
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Apply for Cadre Dispatch")
    await waitFor(() => expect(screen.getByText("Cannot reach the service")).toBeTruthy())
  })
})

describe("routes", () => {
  it("maps / to the home page and anything else to not-found", () => {
    expect(resolveRoute(routes, "/")).toBe(HomePage)
    expect(resolveRoute(routes, "/nope")).toBe(NotFoundPage)
  })
})
