import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { AccountsPage } from "./accounts-page"

// 账号 (issue 19): accounts.list a keyset page at a time, searched on the server; units read page by page for names.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const account = (n: number) => ({
  accountId: `acc-${n}`,
  email: `user${n}@example.org`,
  name: `账号${n}`,
  role: "dispatching_unit_admin",
  scopePath: "/510000/510300/510304/",
  regionId: null,
  unitId: n === 3 ? "u-far" : "u-1",
  active: true,
  createdAt: "2026-03-01T02:00:00.000Z",
})

const unit = (id: string, name: string) => ({
  id,
  name,
  regionId: "510304",
  roles: ["dispatching"],
  category: "public_institution",
  regionPath: "/510000/510300/510304/",
  version: 1,
})

const stubApi = () => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const calls: Array<{ procedure: string; input: Record<string, unknown> }> = []
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    const i = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, unknown>
    calls.push({ procedure, input: i })
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "a1",
        role: "org_dept_admin",
        scope: { _tag: "RegionScope", regionId: "510304" },
        displayName: "大安区委组织部",
        permissions: ["account.create", "unit.read"],
      },
      "regions.get": { name: "大安区" },
      "regions.tree": [],
      "auth.passwordPolicy": null,
      "accounts.list":
        i.name === "user3"
          ? { items: [account(3)], nextCursor: null, total: 1 }
          : i.cursor === "n2"
            ? { items: [account(3)], nextCursor: null, total: 3 }
            : { items: [account(1), account(2)], nextCursor: "n2", total: 3 },
      // Two pages of units: the second one's name must still reach the scope column.
      "units.list":
        i.cursor === "u2"
          ? { items: [unit("u-far", "第二页单位")], nextCursor: null, total: 2 }
          : { items: [unit("u-1", "第一页单位")], nextCursor: "u2", total: 2 },
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return calls
}

describe("账号 pages by cursor", () => {
  it("pages the accounts, names units from every page of units, and searches on the server from the first page", async () => {
    const calls = stubApi()
    render(
      <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
        <SessionProvider>
          <AccountsPage />
        </SessionProvider>
      </UiProvider>,
    )
    expect(await screen.findByText("账号1")).toBeTruthy()
    const lists = () => calls.filter((c) => c.procedure === "accounts.list").map((c) => c.input)
    expect(lists()[0]).toEqual({ limit: 50 })
    expect(calls.filter((c) => c.procedure === "units.list").map((c) => c.input)).toEqual([
      { limit: 200 },
      { limit: 200, cursor: "u2" },
    ])
    fireEvent.click(screen.getByRole("button", { name: /下一页/ }))
    expect(await screen.findByText("账号3")).toBeTruthy()
    expect(lists().at(-1)).toEqual({ limit: 50, cursor: "n2" })
    expect(screen.getByText("第二页单位")).toBeTruthy()
    const search = screen.getByRole("searchbox", { name: "按姓名或邮箱查找" })
    fireEvent.change(search, { target: { value: "user3" } })
    fireEvent.keyDown(search, { key: "Enter", code: "Enter", keyCode: 13 })
    await waitFor(() => expect(lists().at(-1)).toEqual({ limit: 50, name: "user3" }))
  })
})
