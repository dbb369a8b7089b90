import { cleanup, render, screen, waitFor } from "@testing-library/react"
import { useEffect, useState } from "react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createI18n } from "../i18n/create-i18n.js"
import { UiProvider } from "../theme/ui-provider.js"
import { ApiProvider, useApi } from "./api-provider.js"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const me = { result: { data: { accountId: "a1" } } }

/** Asks auth.me and shows the account id it got. */
const WhoAmI = () => {
  const api = useApi()
  const [id, setId] = useState("…")
  useEffect(() => {
    void api.auth.me.query().then((m) => setId((m as unknown as { accountId: string }).accountId))
  }, [api])
  return <span data-testid="who">{id}</span>
}

describe("ApiProvider / useApi", () => {
  it("uses the fetch it is given, at /api/trpc, in the language on screen", async () => {
    const seen: Array<{ url: string; lang: string | null }> = []
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), lang: new Headers(init?.headers).get("x-lang") })
      return Response.json(me)
    }) as typeof globalThis.fetch
    render(
      <UiProvider i18n={createI18n({ language: "en" })}>
        <ApiProvider fetch={fetch}>
          <WhoAmI />
        </ApiProvider>
      </UiProvider>,
    )
    await waitFor(() => expect(screen.getByTestId("who").textContent).toBe("a1"))
    expect(seen).toEqual([{ url: "/api/trpc/auth.me", lang: "en" }])
  })

  it("uses the global fetch otherwise, looked up when the call is made (tests stub it)", async () => {
    const fetch = vi.fn(async () => Response.json(me))
    vi.stubGlobal("fetch", fetch)
    render(
      <UiProvider i18n={createI18n({ language: "zh-CN" })}>
        <ApiProvider>
          <WhoAmI />
        </ApiProvider>
      </UiProvider>,
    )
    await waitFor(() => expect(screen.getByTestId("who").textContent).toBe("a1"))
    expect(fetch).toHaveBeenCalledWith(
      "/api/trpc/auth.me",
      expect.objectContaining({ credentials: "same-origin" }),
    )
  })

  it("refuses to work outside the provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined)
    expect(() => render(<WhoAmI />)).toThrow("useApi outside ApiProvider")
  })
})
