import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { PostsPage } from "./posts-page"

// 岗位 (issue 19): posts.list a keyset page at a time; the counts by status come from the server's answer.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const post = (n: number, status: string) => ({
  id: `post-${n}`,
  title: `岗位${n}`,
  regionId: "510304101001",
  unitId: n === 3 ? "u-1" : null,
  status,
  movedFromRegionId: null,
  regionPath: "/510000/510300/510304/510304101/510304101001/",
  regionName: "正街社区",
  unitName: n === 3 ? "某接收单位" : null,
  version: 1,
})

const stubApi = () => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const lists: Array<Record<string, unknown>> = []
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    if (procedure === "posts.list") {
      const i = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, unknown>
      lists.push(i)
      const statuses = [
        { status: "vacant", count: 2 },
        { status: "filled", count: 1 },
        { status: "closed", count: 0 },
      ]
      const data =
        i.cursor === "c2"
          ? { items: [post(3, "filled")], nextCursor: null, total: 3, statuses }
          : { items: [post(1, "vacant"), post(2, "vacant")], nextCursor: "c2", total: 3, statuses }
      return Response.json({ result: { data } })
    }
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "a1",
        role: "street_admin",
        scope: { _tag: "RegionScope", regionId: "510304101" },
        displayName: "某镇",
        permissions: ["region.read", "unit.read"],
      },
      "regions.get": { name: "牛佛镇" },
      "regions.tree": [],
      "units.list": { items: [], nextCursor: null, total: 0 },
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return lists
}

describe("岗位 pages by cursor", () => {
  it("shows the server's total and a page; 下一页 sends nextCursor; unit names come with the rows", async () => {
    const lists = stubApi()
    render(
      <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
        <SessionProvider>
          <PostsPage />
        </SessionProvider>
      </UiProvider>,
    )
    expect(await screen.findByText("岗位1")).toBeTruthy()
    expect(screen.getByTestId("posts-shown").textContent).toBe("共 3 个岗位")
    expect(lists[0]).toMatchObject({ limit: 50 })
    expect(lists[0]?.cursor).toBeUndefined()
    fireEvent.click(screen.getByRole("button", { name: /下一页/ }))
    expect(await screen.findByText("岗位3")).toBeTruthy()
    expect(screen.getByText("某接收单位")).toBeTruthy()
    await waitFor(() => expect(lists.at(-1)).toMatchObject({ cursor: "c2", limit: 50 }))
  })
})
