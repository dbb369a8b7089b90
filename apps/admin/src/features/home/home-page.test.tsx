import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { matchRoute } from "../../routes"
import { HomePage } from "./home-page"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const renderHome = () =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
      <HomePage />
    </UiProvider>,
  )

describe("admin home page", () => {
  it("says what the platform is, in Chinese, and shows the API as up", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ status: "ok", version: "0.1.0" }))
    renderHome()
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("干部选派管理平台")
    expect(screen.getByText("选派方案")).toBeTruthy()
    // Every area opens its screen (nothing is left as "coming soon").
    expect(screen.getAllByRole("link", { name: "进入" }).map((a) => a.getAttribute("href"))).toEqual([
      "/schemes",
      "/campaigns",
      "/placements",
      "/figures",
    ])
    await waitFor(() => expect(screen.getByTestId("service-status").dataset.state).toBe("up"))
    expect(document.title).toBe("干部选派管理平台")
  })

  it("switches to English", async () => {
    vi.stubGlobal("fetch", async () => new Response("", { status: 502 }))
    renderHome()
    await act(async () => {
      fireEvent.click(screen.getByText("English"))
    })
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Cadre Dispatch Administration")
    await waitFor(() => expect(screen.getByText("Cannot reach the service")).toBeTruthy())
  })
})

describe("routes", () => {
  it("maps / to the home page and anything else to not-found", () => {
    expect(matchRoute("/")).toEqual({ route: "home", signedIn: false })
    expect(matchRoute("/nope")).toEqual({ route: "not-found", signedIn: false })
    expect(matchRoute("/campaigns/x/y")).toEqual({ route: "not-found", signedIn: false })
  })
})
