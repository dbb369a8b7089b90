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
  application: {
    channel: "unit_recommendation",
    verdict: { outcome: "ineligible" },
    records: {},
    history: [],
  },
  // The org dept's view: every move is its own (the API sends Selection.yourMoves per row).
  yours: [
    "Advance",
    "Record",
    "Decide",
    "StartNotice",
    "FileObjection",
    "ResolveObjection",
    "Appoint",
    "ReportIn",
    "Return",
    "Reject",
    "Screen",
    "Waive",
  ],
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

/** A fake API at /api/trpc: answers by procedure; `act` (and `waive`) answer with `actAnswer`. */
const stubApi = (
  actAnswer: { status: number; body: unknown },
  rows: ReadonlyArray<unknown> = applications,
  more: Record<string, unknown> = {},
) => {
  const calls: Array<{ procedure: string; input: string | null; body: unknown }> = []
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push({
      procedure,
      input: url.searchParams.get("input"),
      body: init?.body === undefined ? null : JSON.parse(String(init.body)),
    })
    const data: Record<string, unknown> = {
      "campaigns.list": { items: [campaign], nextCursor: null, total: 1 },
      "campaigns.get": campaign,
      "campaigns.schedule": schedule,
      "applications.list": { items: rows, nextCursor: null, total: rows.length },
      "posts.list": { items: [], nextCursor: null, total: 0, statuses: [] },
      "tasks.forCampaign": [],
      ...more,
    }
    if (procedure === "applications.act" || procedure === "applications.waive")
      return Response.json(actAnswer.body, { status: actAnswer.status })
    const answer = data[procedure]
    // An answer may depend on the input (e.g. which page of applications.list).
    const sent = url.searchParams.get("input")
    return Response.json({
      result: {
        data: typeof answer === "function" ? answer(sent === null ? undefined : JSON.parse(sent)) : answer,
      },
    })
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

  it("offers 分派 only to a campaign.write caller whose scope holds the campaign (a street above which it runs: none)", async () => {
    const me = (regionId: string) => ({
      accountId: "a1",
      role: "org_dept_admin",
      scope: { _tag: "RegionScope", regionId },
      displayName: "组织部",
      permissions: ["campaign.read", "campaign.write"],
    })
    window.localStorage.setItem("cadre.admin.signedIn", "1")
    stubApi({ status: 200, body: {} }, applications, {
      "auth.me": me("310110"),
      "regions.get": { name: "杨浦区" },
    })
    renderPage(<CampaignPage id="c1" />)
    await waitFor(() => expect(screen.getAllByTestId("assign-task").length).toBeGreaterThan(0))
    cleanup()
    vi.unstubAllGlobals()
    // A street of the district reads the district's campaign but does not run it (the server would answer "not
    // found" inside the dialog).
    stubApi({ status: 200, body: {} }, applications, {
      "auth.me": { ...me("310110001"), role: "street_admin" },
      "regions.get": { name: "定海路街道" },
    })
    renderPage(<CampaignPage id="c1" />)
    await screen.findByRole("heading", { level: 1, name: "2026年度杨浦区选派" })
    await screen.findAllByRole("button", { name: "进入下一环节" })
    expect(screen.queryAllByTestId("assign-task")).toHaveLength(0)
  })

  it("pages through the applications with 下一页 and 上一页, sending the cursor the API gave", async () => {
    const calls = stubApi({ status: 200, body: {} }, applications, {
      "applications.list": (i: { cursor?: string } | undefined) =>
        i?.cursor === "page-2"
          ? {
              items: [application("a9", "李思远", "screened", label("已资格比对", "screened"))],
              nextCursor: null,
              total: 3,
            }
          : { items: applications, nextCursor: "page-2", total: 3 },
    })
    renderPage(<CampaignPage id="c1" />)
    await screen.findByText("王晓明")
    const pager = screen.getByTestId("pager")
    expect(pager.textContent).toContain("共 3 条 · 第 1 页")
    expect(within(pager).getByRole("button", { name: "上一页" }).hasAttribute("disabled")).toBe(true)
    fireEvent.click(within(pager).getByRole("button", { name: "下一页" }))
    await screen.findByText("李思远")
    expect(screen.queryByText("王晓明")).toBeNull()
    expect(screen.getByTestId("pager").textContent).toContain("第 2 页")
    const asked = calls
      .filter((c) => c.procedure === "applications.list")
      .map((c) => JSON.parse(c.input ?? "{}"))
    expect(asked.at(-1)).toMatchObject({ campaignId: "c1", limit: 20, cursor: "page-2" })
    expect(
      within(screen.getByTestId("pager")).getByRole("button", { name: "下一页" }).hasAttribute("disabled"),
    ).toBe(true)
    fireEvent.click(within(screen.getByTestId("pager")).getByRole("button", { name: "上一页" }))
    await screen.findByText("王晓明")
  })

  it("shows the kernel's explanation when a move is illegal, in the user's language", async () => {
    const calls = stubApi({ status: 409, body: illegal })
    renderPage(<CampaignPage id="c1" />, "en")
    const advance = await screen.findByRole("button", { name: "Advance" })
    // Nothing is sent before the move is confirmed (issue 16); the ineligible row's button is not the primary one.
    expect(advance.className).not.toContain("ant-btn-primary")
    fireEvent.click(advance)
    await screen.findByText("The screening found this candidate not eligible.")
    expect(calls.find((c) => c.procedure === "applications.act")).toBeUndefined()
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Move" }))
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
    fireEvent.click(await screen.findByRole("button", { name: "确定转入" }))
    await waitFor(() => expect(screen.getByTestId("action-error").textContent).toContain("请刷新页面后重试"))
  })
})

// The Yangpu path with a notice after the decision (as 004 Anqiu has it).
const withNotice = {
  ...campaign,
  path: {
    ...campaign.path,
    steps: [
      ...campaign.path.steps.slice(0, 5),
      step("public_notice", "公示中", "public notice"),
      ...campaign.path.steps.slice(5),
    ],
  },
}

// 张俊杰 on that path: interviewed (three raters), decided, on notice with one open and one resolved objection.
const onNotice = {
  ...application("a3", "张俊杰", "public_notice", label("公示中", "public notice")),
  version: 7,
  reasons: [],
  application: {
    channel: "unit_recommendation",
    verdict: { outcome: "needs_review", findings: [] },
    records: {
      interview: {
        _tag: "Interview",
        scores: [
          { rater: "考官一", score: 86 },
          { rater: "考官二", score: 90 },
          { rater: "考官三", score: 84 },
        ],
      },
    },
    decision: {
      outcome: "approved",
      meeting: { body: "org_dept_meeting", reference: "部务会〔2026〕3次" },
      date: "2026-12-18",
    },
    notice: {
      start: "2026-12-18",
      days: 5,
      countFrom: "day_after",
      lastDay: "2026-12-25",
      objections: [
        {
          id: "YY-1",
          summary: "反映其原单位考勤问题",
          filedOn: "2026-12-21",
          filedBy: "x",
          resolution: { finding: "经核查不属实", upheld: false, resolvedOn: "2026-12-22", resolvedBy: "x" },
        },
        { id: "YY-2", summary: "反映其居住地不在本区", filedOn: "2026-12-22", filedBy: "x" },
      ],
    },
    history: [],
  },
}
const interviewed = {
  ...application("a4", "赵国庆", "interview", label("面试", "interview")),
  version: 4,
  application: { ...onNotice.application, decision: undefined, notice: undefined },
}

describe("moves with forms (研究决定, 公示, 异议, 放宽)", () => {
  it("shows the notice period, open objections and every record in the expanded row", async () => {
    stubApi({ status: 200, body: {} }, [onNotice], { "campaigns.get": withNotice })
    renderPage(<CampaignPage id="c1" />)
    const period = await screen.findByTestId("notice-period")
    expect(period.textContent).toBe("公示至 2026年12月25日 · 1 件异议未办结")
    // On the notice the next step is the appointment; objections are in the menu.
    expect(screen.getByRole("button", { name: "任职" })).toBeTruthy()
    fireEvent.click(screen.getByRole("button", { name: "展开行" }))
    expect((await screen.findByTestId("record-interview")).textContent).toContain("考官二 90")
    expect(screen.getByTestId("record-interview").textContent).toContain("平均分 86.67")
    expect(screen.getByTestId("record-decision").textContent).toBe(
      "研究决定部务会（部务会〔2026〕3次） · 2026年12月18日 · 同意",
    )
    expect(screen.getByTestId("record-notice").textContent).toContain(
      "2026年12月18日 起公示 5 个工作日（次日起算），至 2026年12月25日",
    )
    expect(screen.getByTestId("objection-YY-1").textContent).toContain(
      "不属实核查结论：经核查不属实（2026年12月22日）",
    )
    expect(screen.getByTestId("objection-YY-2").textContent).toContain("未办结")
  })

  it("decides with the campaign's body as the only default (no outcome, no date), and keeps the form open on a refusal", async () => {
    const calls = stubApi(
      {
        status: 409,
        body: {
          error: {
            ...illegal.error,
            data: {
              ...illegal.error.data,
              message: label("会议日期晚于今天", "the meeting date is in the future"),
            },
          },
        },
      },
      [interviewed],
    )
    renderPage(<CampaignPage id="c1" />, "en")
    fireEvent.click(await screen.findByRole("button", { name: "Decide" }))
    const dialog = await screen.findByRole("dialog")
    expect(within(dialog).getByText("Org dept meeting")).toBeTruthy()
    // One click must not approve (issue 16): neither outcome nor date is chosen for the clerk.
    expect((within(dialog).getByLabelText("Meeting date") as HTMLInputElement).value).toBe("")
    expect((within(dialog).getByLabelText("Approved") as HTMLInputElement).checked).toBe(false)
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "OK" }))
    })
    expect(calls.find((c) => c.procedure === "applications.act")).toBeUndefined()
    fireEvent.click(within(dialog).getByLabelText("Approved"))
    fireEvent.change(within(dialog).getByLabelText("Meeting date"), { target: { value: "2026-12-20" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "OK" }))
    })
    await waitFor(() =>
      expect(within(dialog).getByTestId("action-error").textContent).toContain(
        "the meeting date is in the future",
      ),
    )
    expect(calls.find((c) => c.procedure === "applications.act")?.body).toEqual({
      applicationId: "a4",
      expectedVersion: 4,
      move: {
        _tag: "Decide",
        outcome: "approved",
        meeting: { body: "org_dept_meeting" },
        date: "2026-12-20",
      },
    })
  })

  it("after PoolRefused, the decision carries the waivers the body records (001 三（4） 原则上), the community as subject", async () => {
    const calls = stubApi(
      {
        status: 409,
        body: {
          error: {
            ...illegal.error,
            data: {
              ...illegal.error.data,
              tag: "PoolRefused",
              message: label(
                "新华社区推荐1名，需至少2名（001 三（4））；经批准可放宽",
                "新华社区 has 1 nominee, at least 2 are required",
              ),
            },
          },
        },
      },
      [{ ...interviewed, regionId: "guizhou-street-c2" }],
    )
    renderPage(<CampaignPage id="c1" />)
    fireEvent.click(await screen.findByRole("button", { name: "研究决定" }))
    const dialog = await screen.findByRole("dialog")
    expect(within(dialog).queryByTestId("pool-waivers")).toBeNull()
    fireEvent.click(within(dialog).getByLabelText("同意"))
    fireEvent.change(within(dialog).getByLabelText("会议日期"), { target: { value: "2026-12-09" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: /确\s?定/ }))
    })
    await within(dialog).findByTestId("pool-waivers")
    expect(within(dialog).getByTestId("action-error").textContent).toContain("新华社区推荐1名")
    fireEvent.click(within(dialog).getByTestId("add-pool-waiver"))
    const waiver = await within(dialog).findByTestId("pool-waiver-0")
    fireEvent.mouseDown(within(waiver).getByRole("combobox"))
    fireEvent.click(await screen.findByText("每个社区的后备人数"))
    fireEvent.change(within(waiver).getByLabelText("放宽理由"), {
      target: { value: "社区规模小，另一人选明年补齐" },
    })
    fireEvent.change(within(waiver).getByLabelText("批准人"), { target: { value: "街道党工委书记" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: /确\s?定/ }))
    })
    await waitFor(() => expect(calls.filter((c) => c.procedure === "applications.act")).toHaveLength(2))
    const second = calls.filter((c) => c.procedure === "applications.act")[1]?.body as {
      move: { poolWaivers?: unknown }
    }
    expect(second.move.poolWaivers).toEqual([
      {
        ruleId: "pool.min_per_community",
        reason: "社区规模小，另一人选明年补齐",
        approver: "街道党工委书记",
        approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        subject: "guizhou-street-c2",
      },
    ])
  })

  it("shows the notice's last day as the API counts it before the notice starts", async () => {
    const decided = {
      ...interviewed,
      state: "decided",
      stateLabel: label("已研究决定", "decided"),
      application: { ...interviewed.application, decision: onNotice.application.decision },
    }
    const calls = stubApi({ status: 200, body: {} }, [decided], {
      "campaigns.get": withNotice,
      "calendar.addWorkingDays": { lastDay: "2026-12-28" },
    })
    renderPage(<CampaignPage id="c1" />)
    fireEvent.click(await screen.findByRole("button", { name: "开始公示" }))
    const dialog = await screen.findByRole("dialog")
    await waitFor(() =>
      expect(within(dialog).getByTestId("notice-end-preview").textContent).toBe(
        "公示截止日（按工作日历计算）：2026年12月28日",
      ),
    )
    const asked = calls.find((c) => c.procedure === "calendar.addWorkingDays")
    expect(JSON.parse(asked?.input ?? "null")).toEqual({
      start: "2026-12-20",
      days: 5,
      countFrom: "day_after",
      // Counted on the campaign region's calendar (its local adjustments included).
      regionId: "310110",
    })
  })

  it("offers a waiver only in the menu of an ineligible row and validates its form before sending", async () => {
    const wang = {
      ...applications[0],
      application: {
        ...applications[0]?.application,
        verdict: {
          outcome: "ineligible",
          findings: [
            {
              ruleId: "age",
              status: "fail",
              waivable: false,
              label: label("年龄", "Age"),
              citation: { document: "000", clause: "一（一）5" },
            },
          ],
        },
      },
    }
    const calls = stubApi(
      {
        status: 409,
        body: {
          error: {
            ...illegal.error,
            data: {
              ...illegal.error.data,
              message: label("该结论未含任何放宽限制", "the verdict applies no waiver"),
            },
          },
        },
      },
      [wang],
    )
    renderPage(<CampaignPage id="c1" />)
    fireEvent.click(await screen.findByRole("button", { name: "更多操作" }))
    fireEvent.click(await screen.findByText("放宽限制"))
    const dialog = await screen.findByRole("dialog")
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "确定" }))
    })
    await within(dialog).findByText("请选择要放宽的条件")
    expect(within(dialog).getByText("请填写批准人")).toBeTruthy()
    expect(calls.some((c) => c.procedure === "applications.waive")).toBe(false)
  })
})

describe("campaign list (选派批次)", () => {
  it("shows name, scheme and version, status, places and counts in the order of the procedure", async () => {
    stubApi({ status: 200, body: {} })
    renderPage(<CampaignsPage />)
    const card = await screen.findByTestId("campaign-c1")
    // The scheme by its name, never its id (issue 16).
    expect(card.textContent).toContain("杨浦区选派方案 第1版")
    expect(card.textContent).not.toContain("yangpu-community-secretary")
    expect(card.textContent).toContain("进行中")
    expect(card.textContent).toContain("2 个")
    expect(orderedCounts(campaign.counts)).toEqual([
      ["screened", 1],
      ["interview", 1],
    ])
  })

  it("pages by cursor; a name search goes to the server and starts again at the first page (issue 19)", async () => {
    const calls = stubApi({ status: 200, body: {} }, applications, {
      "campaigns.list": (i: { cursor?: string } | undefined) =>
        i?.cursor === "c2"
          ? { items: [{ ...campaign, id: "c2", name: "第二页批次" }], nextCursor: null, total: 2 }
          : { items: [campaign], nextCursor: "c2", total: 2 },
    })
    renderPage(<CampaignsPage />)
    await screen.findByTestId("campaign-c1")
    const lists = () =>
      calls.filter((c) => c.procedure === "campaigns.list").map((c) => JSON.parse(c.input ?? "{}"))
    expect(lists()[0]).toEqual({})
    fireEvent.click(screen.getByRole("button", { name: /下一页/ }))
    await screen.findByTestId("campaign-c2")
    expect(lists().at(-1)).toEqual({ cursor: "c2" })
    const search = screen.getByRole("searchbox", { name: "按批次名称查找" })
    fireEvent.change(search, { target: { value: " 杨浦 " } })
    fireEvent.keyDown(search, { key: "Enter", code: "Enter", keyCode: 13 })
    await waitFor(() => expect(lists().at(-1)).toEqual({ name: "杨浦" }))
    await screen.findByTestId("campaign-c1")
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
      route: "campaign",
      id: "demo-yangpu-2026",
      signedIn: true,
    })
    expect(matchRoute("/campaigns/")).toMatchObject({ route: "campaigns", signedIn: true })
    expect(matchRoute("/").signedIn).toBe(false)
    expect(nextPath("?next=%2Fcampaigns%2Fx")).toBe("/campaigns/x")
    expect(nextPath("?next=%2F%2Fevil.example")).toBe("/campaigns")
    expect(nextPath("")).toBe("/campaigns")
  })
})
