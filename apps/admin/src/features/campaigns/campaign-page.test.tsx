import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { matchRoute } from "../../routes"
import { SessionProvider } from "../../session/session"
import { nextPath } from "../sign-in/sign-in-page"
import { CampaignPage, nextAdvanceStep } from "./campaign-page"
import { CampaignsPage, orderedCounts } from "./campaigns-page"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const label = (zh: string, en: string) => ({ zh, en })
const step = (state: string, zh: string, en: string) => ({ state, label: label(zh, en), stages: [] })

// The shape the API answers with for the Yangpu demo campaign (docs/selection.md §1: 000's path).
const campaign = {
  id: "c1",
  regionId: "310110",
  regionPath: "/310000/310110/",
  name: "2026年度杨浦区选派",
  schemeId: "yangpu-community-secretary",
  schemeVersion: 1,
  status: "open",
  channels: ["unit_recommendation"],
  places: 2,
  startYear: 2026,
  referenceDate: "2026-12-18",
  scheduleOverrides: {},
  noticeDays: 5,
  decidingBody: "org_dept_meeting",
  postIds: [],
  createdBy: "x",
  version: 2,
  counts: { interview: 1, screened: 1 },
  schemeName: label("杨浦区选派方案", "Yangpu scheme"),
  path: {
    steps: [
      step("draft", "草稿", "draft"),
      step("submitted", "已报名/已推荐", "submitted"),
      step("screened", "已资格比对", "screened"),
      step("interview", "面试", "interview"),
      step("decided", "已研究决定", "decided"),
      step("appointed", "已任职", "appointed"),
    ],
    shortlistRatio: null,
    unmapped: [],
  },
}

const schedule = {
  today: "2026-12-20",
  entries: [
    {
      stageId: "recommend",
      label: label("单位推荐", "Units recommend"),
      actor: "dispatching_unit",
      date: "2026-12-18",
      opens: null,
      overridden: false,
      overdue: true,
      clause: "000 二（一）",
      note: null,
    },
  ],
}

const application = (id: string, name: string, state: string, stateLabel: { zh: string; en: string }) => ({
  id,
  campaignId: "c1",
  personId: `p-${id}`,
  state,
  stateLabel,
  version: 1,
  person: { id: `p-${id}`, name, idNumberMasked: "310110********1010", phoneMasked: "139****1111" },
  reasons: [
    {
      text: label("年龄不符合（000 一（一）5）", "Age out of range (000 一（一）5)"),
      clause: "000 一（一）5",
    },
  ],
  application: { channel: "unit_recommendation", verdict: { outcome: "ineligible" } },
})

const applications = [
  application("a1", "王晓明", "screened", label("已资格比对", "screened")),
  application("a2", "张俊杰", "interview", label("面试", "interview")),
]

const illegal = {
  error: {
    message: "…",
    code: -32009,
    data: {
      code: "CONFLICT",
      httpStatus: 409,
      tag: "IllegalMove",
      message: label("资格审查结论为不符合条件", "the verdict is ineligible"),
      issues: [],
      requestId: "r-1",
    },
  },
}

/** A fake API at /api/trpc: answers by procedure; `act` answers with `actAnswer`. */
const stubApi = (actAnswer: { status: number; body: unknown }) => {
  const calls: Array<{ procedure: string; body: unknown }> = []
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push({ procedure, body: init?.body === undefined ? null : JSON.parse(String(init.body)) })
    const data: Record<string, unknown> = {
      "campaigns.list": [campaign],
      "campaigns.get": campaign,
      "campaigns.schedule": schedule,
      "applications.list": applications,
    }
    if (procedure === "applications.act") return Response.json(actAnswer.body, { status: actAnswer.status })
    return Response.json({ result: { data: data[procedure] } })
  })
  return calls
}

const renderPage = (page: React.ReactNode, language: "zh-CN" | "en" = "zh-CN") =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language })}>
      <SessionProvider>{page}</SessionProvider>
    </UiProvider>,
  )

describe("campaign detail (批次详情)", () => {
  it("shows the path with counts, the overdue mark, and the masked applications", async () => {
    stubApi({ status: 200, body: {} })
    renderPage(<CampaignPage id="c1" />)
    await screen.findByRole("heading", { level: 1, name: "2026年度杨浦区选派" })
    const path = screen.getByTestId("campaign-path")
    expect(within(path).getByText("面试")).toBeTruthy()
    expect(within(path).getAllByText("1 人")).toHaveLength(2)
    expect(screen.getByTestId("overdue").textContent).toBe("已逾期")
    expect(screen.getAllByText("310110********1010")).toHaveLength(2)
    expect(screen.getAllByText("单位推荐").length).toBeGreaterThan(0)
    // Advance is offered at 已资格比对 (next: the interview), not at the interview (the decision has its own move).
    expect(screen.getAllByRole("button", { name: "进入下一环节" })).toHaveLength(1)
  })

  it("shows the kernel's explanation when a move is illegal, in the user's language", async () => {
    const calls = stubApi({ status: 409, body: illegal })
    renderPage(<CampaignPage id="c1" />, "en")
    const advance = await screen.findByRole("button", { name: "Advance" })
    await act(async () => {
      fireEvent.click(advance)
    })
    await waitFor(() =>
      expect(screen.getByTestId("action-error").textContent).toContain("the verdict is ineligible"),
    )
    expect(calls.find((c) => c.procedure === "applications.act")?.body).toEqual({
      applicationId: "a1",
      expectedVersion: 1,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    })
  })

  it("tells the user to reload when the version is stale", async () => {
    stubApi({
      status: 409,
      body: { error: { ...illegal.error, data: { ...illegal.error.data, tag: "StaleVersion" } } },
    })
    renderPage(<CampaignPage id="c1" />)
    fireEvent.click(await screen.findByRole("button", { name: "进入下一环节" }))
    await waitFor(() => expect(screen.getByTestId("action-error").textContent).toContain("请刷新页面后重试"))
  })
})

describe("campaign list (选派批次)", () => {
  it("shows name, scheme and version, status, places and counts in the order of the procedure", async () => {
    stubApi({ status: 200, body: {} })
    renderPage(<CampaignsPage />)
    const card = await screen.findByTestId("campaign-c1")
    expect(card.textContent).toContain("yangpu-community-secretary 第1版")
    expect(card.textContent).toContain("进行中")
    expect(card.textContent).toContain("2 个")
    expect(orderedCounts(campaign.counts)).toEqual([
      ["screened", 1],
      ["interview", 1],
    ])
  })
})

describe("routing and moves", () => {
  it("offers Advance only into review and shortlist steps", () => {
    const steps = campaign.path.steps
    expect(nextAdvanceStep(steps, "screened")?.state).toBe("interview")
    expect(nextAdvanceStep(steps, "interview")).toBeUndefined()
    expect(nextAdvanceStep(steps, "rejected")).toBeUndefined()
  })

  it("maps /campaigns/:id to the detail page and keeps sign-in redirects on this site", () => {
    expect(matchRoute("/campaigns/demo-yangpu-2026")).toMatchObject({
      id: "demo-yangpu-2026",
      signedIn: true,
    })
    expect(matchRoute("/campaigns/").signedIn).toBe(true)
    expect(matchRoute("/").signedIn).toBe(false)
    expect(nextPath("?next=%2Fcampaigns%2Fx")).toBe("/campaigns/x")
    expect(nextPath("?next=%2F%2Fevil.example")).toBe("/campaigns")
    expect(nextPath("")).toBe("/campaigns")
  })
})
