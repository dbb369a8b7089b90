import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { SignInPage } from "./sign-in-page"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

describe("sign-in (登录)", () => {
  it("shows the server's refusal in the user's language and sends the typed credentials", async () => {
    const bodies: unknown[] = []
    vi.stubGlobal("fetch", async (_input: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)))
      return Response.json(
        {
          error: {
            message: "…",
            code: -32001,
            data: {
              code: "UNAUTHORIZED",
              httpStatus: 401,
              tag: "InvalidCredentials",
              message: { zh: "账号或密码错误", en: "Wrong identifier or password" },
            },
          },
        },
        { status: 401 },
      )
    })
    render(
      <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
        <SessionProvider>
          <SignInPage />
        </SessionProvider>
      </UiProvider>,
    )
    fireEvent.change(screen.getByLabelText("邮箱或手机号"), { target: { value: "a@example.org" } })
    fireEvent.change(screen.getByLabelText("密码"), { target: { value: "Wrong-pass-1" } })
    await act(async () => {
      fireEvent.submit(screen.getByLabelText("密码").closest("form") as HTMLFormElement)
    })
    await waitFor(() => expect(screen.getByTestId("sign-in-error").textContent).toBe("账号或密码错误"))
    expect(bodies).toEqual([{ identifier: "a@example.org", password: "Wrong-pass-1" }])
    expect(window.localStorage.getItem("cadre.admin.signedIn")).toBeNull()
  })
})
