import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { matchRoute } from "../../routes"
import { SessionProvider } from "../../session/session"
import { PlacementPage } from "./placement-page"
import { PlacementsPage } from "./placements-page"

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const label = (zh: string, en: string) => ({ zh, en })

// Shapes the API answers with, taken from the Da'an and Jincheng demo placements (packages/db demoPlacements.ts).
const row = (over: Record<string, unknown>) => ({
  id: "demo-pl-da-in-term",
  state: "in_term",
  stateLabel: label("任职中", "in term"),
  confirmed: false,
  personId: "demo-p-11",
  person: {
    id: "demo-p-11",
    name: "徐婷婷",
    idNumberMasked: "510304********1213",
    phoneMasked: "199****1011",
  },
  postId: "post-da-yanjing",
  postTitle: "盐井村党组织第一书记",
  regionId: "510304103201",
  regionName: "团结镇盐井村",
  schemeId: "daan-first-secretary",
  schemeVersion: 1,
  placedOn: "2026-03-20",
  startedOn: "2026-04-01",
  termEnd: "2028-04-01",
  endedOn: null,
  ending: null,
  version: 3,
  ...over,
})

const rows = [
  row({}),
  row({
    id: "demo-pl-da-recalled",
    state: "recalled",
    stateLabel: label("已召回", "recalled"),
    personId: "demo-p-29",
    person: { id: "demo-p-29", name: "胡婷婷", idNumberMasked: "510304********1576", phoneMasked: null },
    postTitle: "白岩村党组织第一书记",
    regionName: "何市镇白岩村",
    startedOn: "2025-03-01",
    termEnd: "2027-03-01",
  }),
  row({
    id: "demo-pl-jc-soon",
    person: { id: "demo-p-15", name: "高凤霞", idNumberMasked: "140500********1297", phoneMasked: null },
    schemeId: "jincheng-secondment-down",
    termEnd: "2027-01-15",
  }),
]

const overdue = [
  { placementId: "demo-pl-jc-soon", key: "k1", daysOverdue: 330 },
  { placementId: "demo-pl-jc-soon", key: "k2", daysOverdue: 87 },
]

const quotaRefusal = label(
  "全区第一书记总数（名额单列，不占派出单位名额）共3人，优秀不超过20%：3×20%=0.6，向下取整为0，已评优秀0人，第1人不能评为优秀（002 三（二））",
  "All first secretaries of the district (a separate quota, not the dispatching units'): 3 in all; excellent at most 20%: 3 × 20% = 0.6, rounded down to 0; 0 already graded excellent, so a 1st cannot be graded excellent (002 三（二）)",
)

const detail = {
  ...rows[0],
  placement: {
    terms: [{ number: 1, start: "2026-04-01", end: "2028-04-01" }],
    relationsMoved: { party: "2026-04-10" },
    history: [],
  },
  schemeName: label("大安区全覆盖常态化选派村（社区）党组织第一书记", "Da'an first secretaries"),
  fullTime: [
    {
      text: label("坚持驻村（社区）工作，不承担派出单位工作", "Lives in the village"),
      clause: "002 三（一）",
    },
  ],
  relations: [
    { relation: "party", label: label("组织关系", "Party relation"), rule: "moves", movedOn: "2026-04-10" },
    { relation: "pay", label: label("工资关系", "pay relation"), rule: "stays", movedOn: null },
  ],
  consequences: [],
  admonishments: [],
}

const archive = {
  personId: "demo-p-29",
  personName: "胡婷婷",
  sealed: true,
  sealedOn: "2026-01-08",
  sealedReason: label("已召回", "recalled"),
  version: 5,
  entries: [
    {
      id: "e1",
      date: "2025-02-20",
      kind: "placement_change",
      title: label("安排任职：白岩村党组织第一书记", "placed"),
      kindLabel: label("任职变动", "placement change"),
      clause: null,
    },
    {
      id: "e2",
      date: "2026-01-08",
      kind: "penalty",
      title: label("两年内不得提拔", "No promotion for two years"),
      kindLabel: label("惩戒", "penalty"),
      clause: "002 三（二）",
    },
  ],
  volumes: [
    { number: 1, openedOn: "2025-02-20", sealedOn: "2026-01-08", sealedReason: label("已召回", "recalled") },
  ],
  nextCursor: null,
  total: 2,
}

const scheme = {
  assessment: {
    cycles: [
      { id: "annual", label: label("年度考核", "Annual"), cadence: { _tag: "YearEnd" }, citation: {} },
    ],
    grades: { _tag: "Unspecified", note: label("", "") },
  },
  recall: { triggers: [] },
  leave: { _tag: "Unspecified", note: label("通知未规定请销假", "no leave rules") },
}

const obligations = [
  {
    key: "o1",
    reportId: "half_year",
    subject: label("思想、学习、工作及生活情况（书面）", "Written report"),
    from: "applicant",
    to: "org_dept",
    kind: "periodic",
    period: { from: "2025-09-01", to: "2025-12-31" },
    due: "2025-12-31",
    event: null,
    clause: "004 晋城 管理考核 三是",
    status: "overdue",
    submittedOn: null,
  },
  {
    key: "o2",
    reportId: "quarterly",
    subject: label("季度工作报告", "Quarterly work report"),
    from: "applicant",
    to: "org_dept",
    kind: "periodic",
    period: { from: "2025-09-01", to: "2025-09-30" },
    due: "2025-09-30",
    event: null,
    clause: "004 晋城 管理考核 六是",
    status: "submitted",
    submittedOn: "2025-09-30",
  },
]

/** placements.list's answer: one page of `list` with the per-state counts the state filter shows. */
const pageOf = (list: typeof rows) => ({
  items: list,
  nextCursor: null,
  total: list.length,
  states: [...new Set(list.map((r) => r.state))].map((state) => ({
    state,
    label: list.find((r) => r.state === state)?.stateLabel,
    count: list.filter((r) => r.state === state).length,
  })),
})

/**
 * A fake API at /api/trpc, signed in as the Da'an org dept; `assessments.grade` answers with `gradeAnswer`, and
 * `reads` replaces what a query answers.
 */
const stubApi = (gradeAnswer?: { status: number; body: unknown }, reads: Record<string, unknown> = {}) => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const calls: Array<{ procedure: string; body: unknown }> = []
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push({ procedure, body: init?.body === undefined ? null : JSON.parse(String(init.body)) })
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "a1",
        role: "org_dept_admin",
        scope: { _tag: "RegionScope", regionId: "510304" },
        displayName: "大安组织部",
        // As auth.me sends them for an org dept (Access.permissionsOf), the ones these screens look at.
        permissions: [
          "placement.read",
          "placement.create",
          "placement.manage",
          "leave.approve",
          "assessment.grade",
        ],
      },
      "regions.get": { name: "大安区" },
      "placements.list": pageOf(rows),
      "reports.overdue": { items: overdue, nextCursor: null, total: overdue.length },
      "placements.get": detail,
      "archive.get": archive,
      "reports.obligations": obligations,
      "leave.list": { items: [], nextCursor: null, total: 0, totalExact: true },
      "leave.absences": [],
      "assessments.list": [],
      "schemes.get": { scheme },
      ...reads,
    }
    if (procedure === "assessments.grade" && gradeAnswer !== undefined)
      return Response.json(gradeAnswer.body, { status: gradeAnswer.status })
    // A read given as a function answers from the query's input (a later page, say).
    const answer = data[procedure]
    const queryInput: unknown = JSON.parse(url.searchParams.get("input") ?? "null")
    return Response.json({
      result: {
        data: typeof answer === "function" ? (answer as (i: unknown) => unknown)(queryInput) : answer,
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

describe("在岗干部 list", () => {
  it("shows masked IDs, the API's state labels, terms ending within 90 days and overdue reports", async () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-11-26T04:00:00Z"))
    stubApi()
    renderPage(<PlacementsPage />)
    const xu = (await screen.findByText("徐婷婷")).closest("tr") as HTMLElement
    expect(xu.textContent).toContain("510304********1213")
    expect(within(xu).getByTestId("placement-state").textContent).toBe("任职中")
    expect(within(xu).queryByTestId("ending-soon")).toBeNull()
    expect(xu.textContent).toContain("daan-first-secretary 第1版")
    expect(within(xu).getByRole("link").getAttribute("href")).toBe("/placements/demo-pl-da-in-term")

    const gao = screen.getByText("高凤霞").closest("tr") as HTMLElement
    expect(within(gao).getByTestId("ending-soon").textContent).toBe("50天后期满")
    expect(within(gao).getByTestId("overdue-reports").textContent).toBe("逾期报告 2 项")

    // A recalled placement is not ending: no mark, even with a term end in the future.
    const hu = screen.getByText("胡婷婷").closest("tr") as HTMLElement
    expect(within(hu).getByTestId("placement-state").textContent).toBe("已召回")
    expect(within(hu).queryByTestId("ending-soon")).toBeNull()
  })

  it("routes /placements/:id to the detail page", () => {
    const m = matchRoute("/placements/demo-pl-da-in-term")
    expect(m.route).toBe("placement")
    expect(m.id).toBe("demo-pl-da-in-term")
    expect(m.signedIn).toBe(true)
  })
})

describe("任职详情", () => {
  it("shows the facts, relations, overdue reports and the sealed archive as a timeline", async () => {
    stubApi()
    renderPage(<PlacementPage id="demo-pl-da-in-term" />)
    await screen.findByRole("heading", { level: 1, name: "徐婷婷" })
    expect(screen.getByTestId("placement-scheme").textContent).toContain("第1版")
    expect(screen.getByTestId("placement-scheme").textContent).not.toContain("daan-first-secretary")
    expect(screen.getByTestId("relation-party").textContent).toContain("已于2026年4月10日转接")
    expect(screen.getByTestId("relation-pay").textContent).toContain("保留在原单位（不转）")
    expect(screen.getByTestId("obligations-overdue").textContent).toBe("逾期 1 项")
    expect(screen.getAllByTestId("obligation-status").map((e) => e.textContent)).toEqual([
      "已逾期",
      "已按期提交",
    ])
    expect(screen.getByTestId("archive-sealed").textContent).toBe("已封存")
    const entries = screen.getAllByTestId("archive-entry").map((e) => e.textContent ?? "")
    expect(entries).toHaveLength(2)
    expect(entries[1]).toContain("两年内不得提拔")
    expect(entries[1]).toContain("002 三（二）")
  })

  it("reads a long file in pages: 加载更多 appends the next page until the last", async () => {
    const third = { ...archive.entries[1], id: "e3", date: "2026-01-09", title: label("第三份材料", "third") }
    const calls = stubApi(undefined, {
      "archive.get": (i: { cursor?: string } | null) =>
        i?.cursor === "page-2"
          ? { ...archive, entries: [third], nextCursor: null, total: 3 }
          : { ...archive, nextCursor: "page-2", total: 3 },
    })
    renderPage(<PlacementPage id="demo-pl-da-in-term" />)
    await screen.findByRole("heading", { level: 1, name: "徐婷婷" })
    expect(screen.getAllByTestId("archive-entry")).toHaveLength(2)
    expect(screen.getByTestId("archive-shown").textContent).toBe("共 3 份材料，已显示 2 份")
    fireEvent.click(screen.getByRole("button", { name: "加载更多" }))
    await waitFor(() => expect(screen.getAllByTestId("archive-entry")).toHaveLength(3))
    expect(screen.getAllByTestId("archive-entry")[2]?.textContent).toContain("第三份材料")
    expect(screen.queryByTestId("archive-shown")).toBeNull()
    expect(calls.filter((c) => c.procedure === "archive.get")).toHaveLength(2)
  })

  it("shows the server's quota refusal with its arithmetic verbatim, in English too", async () => {
    const calls = stubApi({
      status: 409,
      body: {
        error: {
          message: "…",
          code: -32009,
          data: { code: "CONFLICT", httpStatus: 409, tag: "QuotaRefused", message: quotaRefusal, issues: [] },
        },
      },
    })
    renderPage(<PlacementPage id="demo-pl-da-in-term" />, "en")
    const form = await screen.findByTestId("grade-form")
    // The grade select is antd's; pick 优秀/excellent through it.
    const selects = within(form).getAllByRole("combobox")
    const gradeSelect = selects[selects.length - 1] as HTMLElement
    await act(async () => {
      fireEvent.mouseDown(gradeSelect)
    })
    fireEvent.click(await screen.findByTitle("excellent"))
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "Record grade" }))
    })
    await waitFor(() => expect(screen.getByTestId("grade-error").textContent).toContain(quotaRefusal.en))
    expect(calls.find((c) => c.procedure === "assessments.grade")?.body).toEqual({
      placementId: "demo-pl-da-in-term",
      cycleId: "annual",
      period: expect.stringMatching(/^\d{4}$/),
      by: "org_dept",
      grade: "excellent",
    })
  })
})

describe("leave (请销假)", () => {
  // 004 晋城 管理考核 一是: 3.5 days is more than 3, so the org dept approves.
  const requested = {
    id: "l1",
    placementId: "demo-pl-da-in-term",
    state: "requested",
    stateLabel: label("待审批", "requested"),
    from: "2026-12-01",
    to: "2026-12-04",
    days: "3.5",
    halfDays: 7,
    approver: "org_dept",
    approverLabel: label("组织部门", "the org dept"),
    route: label(
      "请假 3.5 天，超过 3 天，由组织部门审批（004 晋城 管理考核 一是）",
      "3.5 days, over 3: approved by the org dept (004 晋城 管理考核 一是)",
    ),
    overstayDays: null,
    version: 1,
  }

  it("shows the routed approver with the clause, and approves with the request's version", async () => {
    const calls = stubApi(undefined, {
      "leave.list": { items: [requested], nextCursor: null, total: 1, totalExact: true },
      // A day over an earlier leave, recorded with its late return (as leave.absences answers).
      "leave.absences": [
        {
          id: "ab-1",
          placementId: "demo-pl-da-in-term",
          personId: "demo-p-21",
          from: "2026-04-10",
          to: "2026-04-10",
          halfDays: 2,
          days: "1",
          kind: "overstay",
          note: "请假至 2026-04-09，2026-04-11 销假，超假 1 天",
          recordedOn: "2026-04-11",
          recordedBy: "acc",
        },
      ],
      "leave.decide": {
        ...requested,
        state: "approved",
        stateLabel: label("已批准", "approved"),
        version: 2,
      },
    })
    renderPage(<PlacementPage id="demo-pl-da-in-term" />)
    expect((await screen.findByTestId("leave-route")).textContent).toBe(requested.route.zh)
    expect(screen.getByTestId("leave-approver").textContent).toBe("组织部门")
    expect(screen.getByTestId("absences").textContent).toContain("超假2026年4月10日 · 1天")
    expect(screen.getByTestId("leave-tiers").textContent).toContain(
      "方案未规定请假审批层级：通知未规定请销假",
    )
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: "批 准" }))
    })
    await waitFor(() =>
      expect(calls.find((c) => c.procedure === "leave.decide")?.body).toEqual({
        id: "l1",
        expectedVersion: 1,
        move: { _tag: "Approve" },
      }),
    )
  })
})
