import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { TasksPage } from "./tasks-page"

// 待办任务 (issue 19): tasks.mine a keyset page at a time, overdue first; 下一页 sends the server's nextCursor.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const task = (n: number, dueOn: string | null, overdue: boolean) => ({
  id: `t-${n}`,
  applicationId: `app-${n}`,
  step: "screened",
  stepLabel: { zh: "已资格比对", en: "screened" },
  assignee: "a1",
  assigneeName: "审核人",
  dueOn,
  overdue,
  open: true,
  version: 1,
  campaignId: "c1",
  campaignName: "2026年度选派",
  applicationState: "screened",
  personName: `人员${n}`,
  summary: { zh: "", en: "" },
  task: {},
})

const stubApi = () => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const pages: Array<Record<string, unknown>> = []
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    if (procedure === "tasks.mine") {
      const i = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, unknown>
      pages.push(i)
      const data =
        i.cursor === "k2"
          ? { items: [task(3, null, false)], nextCursor: null, total: 3 }
          : { items: [task(1, "2026-03-01", true), task(2, "2026-04-01", false)], nextCursor: "k2", total: 3 }
      return Response.json({ result: { data } })
    }
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "a1",
        role: "reviewer",
        scope: { _tag: "RegionScope", regionId: "510304" },
        displayName: "审核人",
        permissions: ["application.review"],
      },
      "regions.get": { name: "大安区" },
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return pages
}

describe("待办任务 pages by cursor", () => {
  it("shows a page with the server's total, the overdue marked; 下一页 sends nextCursor", async () => {
    const pages = stubApi()
    render(
      <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
        <SessionProvider>
          <TasksPage />
        </SessionProvider>
      </UiProvider>,
    )
    expect(await screen.findByText("人员1")).toBeTruthy()
    expect(screen.getAllByTestId("task-overdue")).toHaveLength(1)
    expect(screen.getByTestId("pager").textContent).toContain("3")
    expect(pages[0]).toEqual({ limit: 20 })
    fireEvent.click(screen.getByRole("button", { name: /下一页/ }))
    expect(await screen.findByText("人员3")).toBeTruthy()
    await waitFor(() => expect(pages.at(-1)).toEqual({ limit: 20, cursor: "k2" }))
    expect(screen.queryByText("人员1")).toBeNull()
  })
})
