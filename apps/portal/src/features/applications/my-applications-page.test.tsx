import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it } from "vitest"
import { portalResources } from "../../i18n"
import { App } from "../../routes"
import { signedInFlag } from "../../session/session"

afterEach(() => {
  cleanup()
  window.localStorage.clear()
  window.history.pushState(null, "", "/")
})

const me = {
  accountId: "acc-1",
  role: "applicant",
  scope: { _tag: "SelfScope", personId: "p-1" },
  scopePath: "",
  displayName: "钱自荐",
}

/** 我的报名 as the API answers it (trimmed to what the page reads): returned to draft, or screened again. */
const mine = (state: "draft" | "screened", version: number) => ({
  id: "app-1",
  campaignId: "demo-huaishang-2026",
  campaignName: "2026年淮上区选派干部到村任职",
  reference: "HS-2026-0001",
  state,
  stateLabel: state === "draft" ? { zh: "草稿", en: "draft" } : { zh: "已资格比对", en: "screened" },
  version,
  reasons:
    state === "draft"
      ? [
          {
            kind: "move",
            text: { zh: "退回：请补充工作经历", en: "returned: add your work history" },
            clause: null,
          },
        ]
      : [],
  timeline: [{ state: "submitted", label: { zh: "已提交", en: "submitted" }, on: "2026-05-06" }],
  application: {},
})

const fakeApi = () => {
  const calls: Array<{ procedure: string; body: unknown }> = []
  let resubmitted = false
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const procedure = new URL(String(input), "http://portal.test").pathname.replace("/api/trpc/", "")
    calls.push({ procedure, body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined })
    const ok = (data: unknown) => Response.json({ result: { data } })
    switch (procedure) {
      case "auth.me":
        return ok(me)
      case "applications.mine":
        return ok([resubmitted ? mine("screened", 4) : mine("draft", 3)])
      case "applications.resubmit":
        resubmitted = true
        return ok(mine("screened", 4))
      default:
        return Response.json({ error: { message: "unexpected", code: -32004, data: {} } }, { status: 404 })
    }
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

describe("我的报名: a returned application is corrected and submitted again (issue 13 item 5)", () => {
  it("says it was returned, links to the profile, and 重新提交 sends the version read, then shows it screened", async () => {
    const api = fakeApi()
    window.localStorage.setItem(signedInFlag, "1")
    window.history.pushState(null, "", "/applications")
    render(
      <UiProvider i18n={createI18n({ resources: portalResources, defaultNS: "portal", language: "zh-CN" })}>
        <App fetch={api.fetch} />
      </UiProvider>,
    )
    const returned = await screen.findByTestId("returned")
    expect(returned.textContent).toContain("此报名已退回")
    expect(screen.getByText("退回：请补充工作经历")).toBeTruthy()
    expect(screen.getByRole("link", { name: "修改个人信息" }).getAttribute("href")).toBe("/profile")
    fireEvent.click(screen.getByTestId("resubmit"))
    await waitFor(() => expect(screen.queryByTestId("returned")).toBeNull())
    expect(api.calls.filter((c) => c.procedure === "applications.resubmit").map((c) => c.body)).toEqual([
      { applicationId: "app-1", expectedVersion: 3 },
    ])
    expect((await screen.findByTestId("stage")).textContent).toBe("已资格比对")
  })
})
