import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it } from "vitest"
import { portalResources } from "../../i18n"
import { App } from "../../routes"
import { signedInFlag } from "../../session/session"

afterEach(() => {
  cleanup()
  window.localStorage.clear()
  window.history.pushState(null, "", "/")
})

const me = (personId: string | null) => ({
  accountId: "acc-1",
  role: "applicant",
  scope: { _tag: "SelfScope", personId },
  scopePath: "",
  displayName: "王凤霞（演示挂职干部）",
})

// Shaped like the API's answers for the 004 晋城 demo cadre (trimmed to what the page reads).
const placement = {
  id: "demo-pl-jc-in-term",
  state: "in_term",
  stateLabel: { zh: "任职中", en: "in term" },
  postTitle: "来访接待岗位（挂职）",
  hostUnit: { id: "u-jc-xfj", name: "晋城市信访局" },
  dispatchingUnitName: "晋城市发展和改革委员会",
  regionName: "晋城市",
  schemeId: "jincheng-secondment-down",
  schemeName: { zh: "晋城市选派干部下挂挂职锻炼", en: "Jincheng City: down secondment (挂职锻炼) of cadres" },
  schemeVersion: 1,
  placedOn: "2026-03-02",
  startedOn: "2026-03-09",
  termEnd: "2027-03-09",
  endedOn: null,
  placement: { relations: {}, relationsMoved: {} },
}

const quarterly = (from: string, to: string, status: string, submittedOn: string | null) => ({
  key: `demo-pl-jc-in-term/quarterly/${from}`,
  reportId: "quarterly",
  subject: { zh: "季度工作报告", en: "Quarterly work report" },
  from: "applicant",
  to: "org_dept",
  kind: "periodic",
  period: { from, to },
  due: to,
  event: null,
  clause: "004 晋城 管理考核 六是",
  status,
  submittedOn,
})

const pendingLeave = {
  id: "leave-1",
  placementId: "demo-pl-jc-in-term",
  state: "requested",
  stateLabel: { zh: "待审批", en: "requested" },
  from: "2026-12-03",
  to: "2026-12-04",
  days: "2",
  halfDays: 4,
  approver: "host_unit",
  approverLabel: { zh: "接收（挂职）单位", en: "the host unit" },
  route: {
    zh: "请假 2 天，不超过 3 天，由接收（挂职）单位审批（004 晋城 管理考核 一是）",
    en: "2 days, within 3: approved by the host unit (004 晋城 管理考核 一是)",
  },
  overstayDays: null,
  version: 1,
  leave: {
    startsAfternoon: false,
    endsMorning: false,
    reason: "参加派出单位年度工作会议",
    requestedOn: "2026-11-20",
  },
}

// Approved and long over (May 2026): the cadre may record the return.
const approvedLeave = {
  ...pendingLeave,
  id: "leave-0",
  state: "approved",
  stateLabel: { zh: "已批准", en: "approved" },
  from: "2026-05-01",
  to: "2026-05-01",
  days: "1",
  halfDays: 2,
  leave: {
    ...pendingLeave.leave,
    decision: { approved: true, by: "x", role: "host_unit_admin", on: "2026-04-28" },
  },
}

const refusal = {
  error: {
    message: "该报告已于 2026-11-25 报送",
    code: -32009,
    data: {
      code: "CONFLICT",
      httpStatus: 409,
      tag: "Conflict",
      message: { zh: "该报告已于 2026-11-25 报送", en: "this report was filed on 2026-11-25" },
      issues: [],
      requestId: "req-9",
    },
  },
}

/** Answers like the API; the first filing is refused, the second accepted as late. */
const fakeApi = (options: {
  readonly placements: ReadonlyArray<unknown>
  readonly personId: string | null
}) => {
  const calls: Array<{ procedure: string; body: unknown }> = []
  let submits = 0
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://portal.test")
    const procedure = url.pathname.replace("/api/trpc/", "")
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined
    calls.push({ procedure, body })
    const ok = (data: unknown) => Response.json({ result: { data } })
    switch (procedure) {
      case "auth.me":
        return ok(me(options.personId))
      case "placements.mine":
        return ok(options.placements)
      case "reports.obligations":
        return ok([
          quarterly("2026-04-01", "2026-06-30", "submitted", "2026-06-30"),
          quarterly("2026-07-01", "2026-09-30", "overdue", null),
          quarterly("2026-10-01", "2026-12-31", "open", null),
        ])
      case "leave.list":
        return ok({ items: [approvedLeave, pendingLeave], nextCursor: null, total: 2, totalExact: true })
      case "reports.submit":
        submits++
        return submits === 1
          ? Response.json(refusal, { status: 409 })
          : ok(quarterly("2026-07-01", "2026-09-30", "late", "2026-11-26"))
      default:
        return Response.json({ error: { message: "unexpected", code: -32004, data: {} } }, { status: 404 })
    }
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

const renderAt = (api: { fetch: typeof globalThis.fetch }) => {
  window.localStorage.setItem(signedInFlag, "1")
  window.history.pushState(null, "", "/in-post")
  return render(
    <UiProvider i18n={createI18n({ resources: portalResources, defaultNS: "portal", language: "zh-CN" })}>
      <App fetch={api.fetch} />
    </UiProvider>,
  )
}

describe("我的任职 (in-post page)", () => {
  it("shows the placement, marks the reports, refuses with the server's words and then files", async () => {
    const api = fakeApi({ placements: [placement], personId: "demo-p-33" })
    renderAt(api)
    const facts = await screen.findByTestId("placement-facts")
    expect(facts.textContent).toContain("来访接待岗位（挂职）")
    expect(facts.textContent).toContain("2027年3月9日")
    expect(within(facts).getByTestId("placement-state").textContent).toBe("任职中")

    const overdue = await screen.findByTestId("report-demo-pl-jc-in-term/quarterly/2026-07-01")
    expect(within(overdue).getByTestId("report-status").textContent).toBe("已逾期")
    expect(within(overdue).getByTestId("report-due").textContent).toBe("截止日：2026年9月30日")
    const filed = screen.getByTestId("report-demo-pl-jc-in-term/quarterly/2026-04-01")
    expect(within(filed).getByTestId("report-status").textContent).toBe("已报送")
    expect(within(filed).queryByRole("button")).toBeNull()
    expect(screen.getByTestId("report-tally").textContent).toBe("已逾期 1 项 · 待报送 1 项 · 已报送 1 项")

    // The pending request, with its approver from the API.
    const leave = await screen.findByTestId("leave-2026-12-03")
    expect(within(leave).getByTestId("leave-state").textContent).toBe("待审批")
    expect(within(leave).getByTestId("leave-approver").textContent).toBe("接收（挂职）单位")
    expect(leave.textContent).toContain("2 天")
    expect(within(leave).queryByRole("button", { name: /^销\s?假$/ })).toBeNull()
    const approved = screen.getByTestId("leave-2026-05-01")
    expect(approved.textContent).toContain("1 天")
    expect(approved.textContent).toContain("应于2026年5月2日返岗")
    expect(approved.textContent).toContain("2026年4月28日批准")
    expect(within(approved).getByRole("button", { name: /^销\s?假$/ })).toBeTruthy()

    // An empty report is stopped here; the character count shows the server's limit.
    fireEvent.click(within(overdue).getByRole("button", { name: "填写报告" }))
    const form = within(overdue).getByTestId("report-form")
    await act(async () => {
      fireEvent.submit(form)
    })
    await waitFor(() => expect(form.textContent).toContain("请填写报告内容"))
    expect(api.calls.some((c) => c.procedure === "reports.submit")).toBe(false)
    fireEvent.change(within(form).getByLabelText("报告内容"), {
      target: { value: "  第三季度接待来访群众 42 人次  " },
    })
    expect(form.textContent).toContain("/ 20000")

    // The server refuses the first time: its words, in Chinese, then in English after the switch.
    await act(async () => {
      fireEvent.submit(form)
    })
    await waitFor(() =>
      expect(within(form).getByTestId("problem").textContent).toContain("该报告已于 2026-11-25 报送"),
    )
    expect(within(form).getByTestId("problem").textContent).toContain("req-9")
    const submitted = api.calls.find((c) => c.procedure === "reports.submit")?.body
    expect(submitted).toEqual({
      placementId: "demo-pl-jc-in-term",
      key: "demo-pl-jc-in-term/quarterly/2026-07-01",
      text: "第三季度接待来访群众 42 人次",
      attachments: [],
    })
    await act(async () => {
      fireEvent.click(screen.getByText("English"))
    })
    await waitFor(() =>
      expect(screen.getByTestId("problem").textContent).toContain("this report was filed on 2026-11-25"),
    )

    // Accepted the second time: marked filed (late), and the form is gone.
    await act(async () => {
      fireEvent.submit(screen.getByTestId("report-form"))
    })
    const after = screen.getByTestId("report-demo-pl-jc-in-term/quarterly/2026-07-01")
    await waitFor(() => expect(within(after).getByTestId("report-status").textContent).toBe("Filed late"))
    expect(within(after).queryByTestId("report-form")).toBeNull()
    expect(within(after).getByTestId("report-filed-on").textContent).toBe("Filed on 26 November 2026")
    expect(screen.getByTestId("report-tally").textContent).toBe("0 overdue · 1 to file · 2 filed")
  })

  it("tells an account without a placement where its posting will appear", async () => {
    const api = fakeApi({ placements: [], personId: null })
    renderAt(api)
    const empty = await screen.findByTestId("in-post-empty")
    expect(empty.textContent).toContain("您目前没有任职安排。")
    expect(screen.queryByTestId("reports")).toBeNull()
    expect(api.calls.map((c) => c.procedure)).not.toContain("reports.obligations")
  })
})
