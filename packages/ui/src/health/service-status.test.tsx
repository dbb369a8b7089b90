import { cleanup, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createI18n } from "../i18n/create-i18n.js"
import { UiProvider } from "../theme/ui-provider.js"
import { ServiceStatus } from "./service-status.js"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const renderStatus = () =>
  render(
    <UiProvider i18n={createI18n({ language: "zh-CN" })}>
      <ServiceStatus intervalMs={0} />
    </UiProvider>,
  )

describe("ServiceStatus", () => {
  it("shows 服务正常 and the version when /api/healthz answers ok", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ status: "ok", service: "cadre-api", version: "1.2.3" }),
    )
    vi.stubGlobal("fetch", fetchMock)
    renderStatus()
    await waitFor(() => expect(screen.getByTestId("service-status").dataset.state).toBe("up"))
    expect(screen.getByText("服务正常")).toBeTruthy()
    expect(screen.getByTestId("service-status").textContent).toContain("版本 1.2.3")
    expect(fetchMock).toHaveBeenCalledWith("/api/healthz", expect.anything())
  })

  it("shows 无法连接服务 when the proxy answers 502", async () => {
    vi.stubGlobal("fetch", async () => new Response("Bad Gateway", { status: 502 }))
    renderStatus()
    await waitFor(() => expect(screen.getByTestId("service-status").dataset.state).toBe("down"))
    expect(screen.getByText("无法连接服务")).toBeTruthy()
  })

  it("shows 无法连接服务 when the network fails", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch")
    })
    renderStatus()
    await waitFor(() => expect(screen.getByTestId("service-status").dataset.state).toBe("down"))
  })
})
