import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { CalendarPage } from "./calendar-page"

const slow = { timeout: 10_000 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const adjustment = {
  regionPath: "/370000/370700/370784/",
  year: 2026,
  holidays: ["2026-12-01"],
  makeUpWorkdays: ["2026-12-05"],
  reason: "安政发〔2026〕1号",
}

/** A fake API at /api/trpc, signed in as Anqiu's org dept; records what was asked. */
const stubApi = (setLocal: { status: number; body: unknown }) => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const calls: Array<{ procedure: string; input: string | null; body: unknown }> = []
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push({
      procedure,
      input: url.searchParams.get("input"),
      body: init?.body === undefined ? null : JSON.parse(String(init.body)),
    })
    if (procedure === "calendar.setLocal") return Response.json(setLocal.body, { status: setLocal.status })
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "a1",
        role: "org_dept_admin",
        scope: { _tag: "RegionScope", regionId: "370784" },
        displayName: "安丘市委组织部",
        permissions: ["region.read", "calendar.local"],
      },
      "regions.get": { name: "安丘市" },
      "regions.tree": [
        {
          id: "370784",
          name: "安丘市",
          level: "district",
          parentId: "370700",
          path: "/370000/370700/370784/",
        },
        {
          id: "370784100",
          name: "兴安街道",
          level: "street",
          parentId: "370784",
          path: "/370000/370700/370784/370784100/",
        },
      ],
      "calendar.local": { regionPath: "/370000/370700/370784/", adjustments: [adjustment] },
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return calls
}

const renderPage = (language: "zh-CN" | "en" = "zh-CN") =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language })}>
      <SessionProvider>
        <CalendarPage />
      </SessionProvider>
    </UiProvider>,
  )

describe("工作日历 (local working-day adjustments)", () => {
  it("says the national calendar is read-only, lists the adjustments of the district and sends a new one", async () => {
    const calls = stubApi({
      status: 200,
      body: { result: { data: { ...adjustment, holidays: ["2026-12-01", "2026-12-02"] } } },
    })
    renderPage()
    expect((await screen.findByText(/国务院办公厅通知执行，为只读数据/, {}, slow)).textContent).toContain(
      "区县不能修改",
    )
    const table = await screen.findByTestId("calendar-table", {}, slow)
    expect(within(table).getByText("安丘市")).toBeTruthy()
    expect(table.textContent).toContain("2026-12-01")
    expect(table.textContent).toContain("安政发〔2026〕1号")
    fireEvent.change(screen.getByTestId("calendar-holidays"), { target: { value: "2026-12-01，2026-12-02" } })
    fireEvent.change(screen.getByPlaceholderText("例如：本地政府通知文号"), {
      target: { value: "安政发〔2026〕1号" },
    })
    fireEvent.click(screen.getByRole("button", { name: /保存本地调整/ }))
    await waitFor(() => expect(calls.some((c) => c.procedure === "calendar.setLocal")).toBe(true), slow)
    const sent = calls.find((c) => c.procedure === "calendar.setLocal")?.body
    expect(sent).toEqual({
      regionId: "370784",
      year: expect.any(Number),
      holidays: ["2026-12-01", "2026-12-02"],
      makeUpWorkdays: [],
      reason: "安政发〔2026〕1号",
    })
  }, 30_000)

  it("shows the server's refusal in the caller's language and refuses a malformed date before sending", async () => {
    const calls = stubApi({
      status: 400,
      body: {
        error: {
          code: -32600,
          message:
            "Invalid local working-day adjustment: a local day off must be a working day on the national calendar: 2026-10-01",
          data: {
            code: "BAD_REQUEST",
            httpStatus: 400,
            tag: "InvalidInput",
            message: {
              zh: "本地工作日调整有误：本地放假日期须为国家工作日历上的工作日：2026-10-01",
              en: "Invalid local working-day adjustment: a local day off must be a working day on the national calendar: 2026-10-01",
            },
            issues: [],
          },
        },
      },
    })
    renderPage()
    await screen.findByTestId("calendar-table", {}, slow)
    fireEvent.change(screen.getByTestId("calendar-holidays"), { target: { value: "2026/10/01" } })
    fireEvent.change(screen.getByPlaceholderText("例如：本地政府通知文号"), { target: { value: "测试" } })
    fireEvent.click(screen.getByRole("button", { name: /保存本地调整/ }))
    expect(await screen.findByText("日期应为 YYYY-MM-DD，多个日期用逗号或空格分隔", {}, slow)).toBeTruthy()
    expect(calls.some((c) => c.procedure === "calendar.setLocal")).toBe(false)
    fireEvent.change(screen.getByTestId("calendar-holidays"), { target: { value: "2026-10-01" } })
    fireEvent.click(screen.getByRole("button", { name: /保存本地调整/ }))
    expect(
      await screen.findByText(/本地放假日期须为国家工作日历上的工作日：2026-10-01/, {}, slow),
    ).toBeTruthy()
  }, 30_000)
})
