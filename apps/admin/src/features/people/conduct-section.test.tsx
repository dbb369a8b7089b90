import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { PeoplePage } from "./people-page"

// 人员 → a person's record: 违纪违规记录 (profiles.conduct) and 登记 (profiles.recordConduct) for conduct.record.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const person = {
  id: "demo-p-09",
  name: "周海涛",
  sex: "male",
  birthDate: "1988-05-01",
  idNumberMasked: "520102********1011",
  phoneMasked: null,
  currentUnit: "新华社区",
  currentPosition: null,
}

const recorded = (id: string, more: Record<string, unknown>) => ({
  id,
  personId: "demo-p-09",
  kind: "party_sanction",
  date: "2025-03-02",
  closed: null,
  description: "违反工作纪律，给予警告处分",
  document: "某纪发〔2025〕8号",
  source: "staff",
  department: null,
  applicationId: null,
  recordedBy: "acc-1",
  recorderRole: "street_admin",
  recordedAt: "2026-11-25T17:30:00.000Z",
  ...more,
})

/** A fake API signed in with `permissions`; profiles.conduct answers `lists` in turn (the last one repeats). */
const stubApi = (
  permissions: ReadonlyArray<string>,
  lists: Array<ReadonlyArray<unknown>>,
  record: { status: number; body: unknown } = { status: 200, body: { result: { data: {} } } },
) => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const calls: Array<{ procedure: string; body: unknown }> = []
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push({ procedure, body: init?.body === undefined ? null : JSON.parse(String(init.body)) })
    if (procedure === "profiles.recordConduct") return Response.json(record.body, { status: record.status })
    if (procedure === "profiles.conduct")
      return Response.json({ result: { data: lists.length > 1 ? lists.shift() : lists[0] } })
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "a1",
        role: "street_admin",
        scope: { _tag: "RegionScope", regionId: "guizhou-street" },
        displayName: "某街道",
        permissions,
      },
      "regions.get": { name: "某街道" },
      "profiles.list": { items: [person], nextCursor: null, total: 1, totalExact: true },
      "profiles.history": [],
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return calls
}

const renderPage = (language: "zh-CN" | "en" = "zh-CN") =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language })}>
      <SessionProvider>
        <PeoplePage />
      </SessionProvider>
    </UiProvider>,
  )

/** The modal with this title (the person's record around it is a drawer, a dialog too). */
const modal = async (title: string): Promise<HTMLElement> => {
  const found = (await screen.findByText(title)).closest<HTMLElement>('[role="dialog"]')
  if (found === null) throw new Error(`no dialog titled ${title}`)
  return found
}

const openPerson = async () => {
  fireEvent.click(await screen.findByRole("button", { name: /^查 ?看$/ }))
  return screen.findByTestId("conduct")
}

describe("违纪违规记录 on a person's record", () => {
  it("lists what was recorded with its kind, document, source and date; no 登记 without conduct.record", async () => {
    const calls = stubApi(
      ["profile.read"],
      [
        [
          recorded("c1", {}),
          recorded("c2", {
            kind: "investigation",
            date: "2026-10-09",
            description: "涉嫌违规发放补贴，立案审查",
            document: "公安分局立案决定书",
            source: "joint_review",
            department: "公安",
          }),
        ],
      ],
    )
    renderPage()
    const section = await openPerson()
    await waitFor(() => expect(within(section).getAllByTestId("conduct-item")).toHaveLength(2))
    const [first, second] = within(section).getAllByTestId("conduct-item")
    expect(first?.textContent).toContain("党纪处分2025年3月2日")
    expect(first?.textContent).toContain(
      "依据：某纪发〔2025〕8号 · 组织部门（街道）登记 · 2026年11月26日 登记",
    )
    expect(second?.textContent).toContain("立案审查2026年10月9日尚未结案")
    expect(second?.textContent).toContain("联审部门报告：公安")
    expect(within(section).queryByRole("button", { name: "登记" })).toBeNull()
    expect(calls.find((c) => c.procedure === "profiles.conduct")).toBeTruthy()
  })

  it("records one with conduct.record: every field checked at the field, then sent and listed", async () => {
    const calls = stubApi(["profile.read", "conduct.record"], [[], [recorded("c9", {})]])
    renderPage()
    const section = await openPerson()
    await within(section).findByText("暂无登记的违纪违规记录")
    fireEvent.click(within(section).getByRole("button", { name: "登记" }))
    // The record is a drawer (a dialog too): the form is the one named after the person.
    const dialog = await modal("周海涛：登记违纪违规记录")
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "登记" }))
    })
    await within(dialog).findByText("请选择类别")
    expect(within(dialog).getByText("请填写依据文件（文号或标题）")).toBeTruthy()
    expect(within(dialog).getByText("请填写日期")).toBeTruthy()
    expect(within(dialog).getByText("请填写情况说明")).toBeTruthy()
    expect(calls.some((c) => c.procedure === "profiles.recordConduct")).toBe(false)

    fireEvent.mouseDown(within(dialog).getByLabelText("类别"))
    fireEvent.click(await screen.findByTitle("党纪处分"))
    fireEvent.change(within(dialog).getByLabelText("依据文件"), { target: { value: " 某纪发〔2025〕8号 " } })
    fireEvent.change(within(dialog).getByLabelText("日期"), { target: { value: "2999-01-01" } })
    fireEvent.change(within(dialog).getByLabelText("情况说明"), {
      target: { value: "违反工作纪律，给予警告处分" },
    })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "登记" }))
    })
    await within(dialog).findByText("日期不能晚于今天")
    fireEvent.change(within(dialog).getByLabelText("日期"), { target: { value: "2025-03-02" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "登记" }))
    })
    await screen.findByText("已登记 周海涛 的违纪违规记录")
    expect(calls.filter((c) => c.procedure === "profiles.recordConduct").map((c) => c.body)).toEqual([
      {
        personId: "demo-p-09",
        record: {
          kind: "party_sanction",
          document: "某纪发〔2025〕8号",
          date: "2025-03-02",
          description: "违反工作纪律，给予警告处分",
        },
      },
    ])
    await waitFor(() =>
      expect(within(screen.getByTestId("conduct")).getAllByTestId("conduct-item")).toHaveLength(1),
    )
  })

  it("keeps the form open with the server's refusal (FORBIDDEN out of scope), in the user's language", async () => {
    stubApi(["profile.read", "conduct.record"], [[]], {
      status: 403,
      body: {
        error: {
          message: "…",
          code: -32003,
          data: {
            code: "FORBIDDEN",
            httpStatus: 403,
            tag: "Forbidden",
            message: { zh: "该人员不在您的管辖范围内", en: "This person is outside your scope" },
            issues: [],
            requestId: "r-1",
          },
        },
      },
    })
    renderPage("en")
    fireEvent.click(await screen.findByRole("button", { name: "View" }))
    const section = await screen.findByTestId("conduct")
    fireEvent.click(await within(section).findByRole("button", { name: "Record" }))
    const dialog = await modal("周海涛: record a conduct item")
    fireEvent.mouseDown(within(dialog).getByLabelText("Kind"))
    fireEvent.click(await screen.findByTitle("Investigation"))
    // An investigation may carry its closing date, not before it was opened.
    fireEvent.change(within(dialog).getByLabelText("Source document"), { target: { value: "立案决定书" } })
    fireEvent.change(within(dialog).getByLabelText("Date"), { target: { value: "2025-03-02" } })
    fireEvent.change(await within(dialog).findByLabelText("Closed on"), { target: { value: "2025-01-01" } })
    fireEvent.change(within(dialog).getByLabelText("What it was"), { target: { value: "涉嫌违规" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Record" }))
    })
    await within(dialog).findByText("The closing date cannot precede the date")
    fireEvent.change(within(dialog).getByLabelText("Closed on"), { target: { value: "2025-06-01" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Record" }))
    })
    await waitFor(() =>
      expect(within(dialog).getByTestId("conduct-error").textContent).toContain(
        "This person is outside your scope",
      ),
    )
  })
})
