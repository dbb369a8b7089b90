import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { PeoplePage } from "./people-page"

// 人员 (issue 19): profiles.list a keyset page at a time — 下一页 sends the page's nextCursor, 上一页 goes back
// along the cursors used, a search starts again at the first page; a count that stopped says so.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const person = (n: number) => ({
  id: `p-${n}`,
  name: `人员${n}`,
  sex: "male",
  birthDate: "1988-05-01",
  idNumberMasked: "520102********1011",
  phoneMasked: null,
  currentUnit: null,
  currentPosition: null,
  regionId: "r",
  regionPath: "/r/",
  unitId: null,
  version: 1,
})

/** A fake API whose profiles.list answers page 1 (cursor "c2" next) or page 2 (the last); records each input. */
const stubApi = (totalExact = true) => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const lists: Array<Record<string, unknown>> = []
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    if (procedure === "profiles.list") {
      const i = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, unknown>
      lists.push(i)
      const data =
        i.cursor === "c2"
          ? { items: [person(3)], nextCursor: null, total: 3, totalExact }
          : { items: [person(1), person(2)], nextCursor: "c2", total: 3, totalExact }
      return Response.json({ result: { data } })
    }
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "a1",
        role: "street_admin",
        scope: { _tag: "RegionScope", regionId: "r" },
        displayName: "某街道",
        permissions: ["profile.read"],
      },
      "regions.get": { name: "某街道" },
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return lists
}

const renderPage = () =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
      <SessionProvider>
        <PeoplePage />
      </SessionProvider>
    </UiProvider>,
  )

describe("人员 pages by cursor", () => {
  it("下一页 sends nextCursor, 上一页 returns to the first page, a search starts again from it", async () => {
    const lists = stubApi()
    renderPage()
    expect(await screen.findByText("人员1")).toBeTruthy()
    expect(screen.getByTestId("pager").textContent).toContain("共 3 条")
    fireEvent.click(screen.getByRole("button", { name: /下一页/ }))
    expect(await screen.findByText("人员3")).toBeTruthy()
    expect(lists.at(-1)).toMatchObject({ cursor: "c2", limit: 20 })
    expect(screen.getByRole("button", { name: /下一页/ }).hasAttribute("disabled")).toBe(true)
    fireEvent.click(screen.getByRole("button", { name: /上一页/ }))
    expect(await screen.findByText("人员1")).toBeTruthy()
    expect(lists.at(-1)?.cursor).toBeUndefined()

    fireEvent.click(screen.getByRole("button", { name: /下一页/ }))
    await screen.findByText("人员3")
    fireEvent.change(screen.getByLabelText("按姓名查找"), { target: { value: "人员" } })
    fireEvent.keyDown(screen.getByLabelText("按姓名查找"), { key: "Enter", code: "Enter", keyCode: 13 })
    await waitFor(() => expect(lists.at(-1)).toMatchObject({ name: "人员" }))
    expect(lists.at(-1)?.cursor).toBeUndefined()
    expect(await screen.findByText("人员1")).toBeTruthy()
    expect(screen.queryByTestId("people-more")).toBeNull()
  })

  it("a count that stopped at its cap says there are more", async () => {
    stubApi(false)
    renderPage()
    expect((await screen.findByTestId("people-more")).textContent).toContain("超过 3 人")
  })
})
