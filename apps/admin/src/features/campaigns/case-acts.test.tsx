import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { CampaignPage } from "./campaign-page"
import {
  findingsResolvable,
  lateStages,
  openDisagreements,
  openFindings,
  performs,
  reviewedFindings,
} from "./case-acts"

// Issue 13's moves on the campaign screen: 审核认定 (ResolveFinding), 决策机构否决意见 (OverrideOpinion) and
// 记录逾期办理 (applications.overrideDeadline) after a move refused as late.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const label = (zh: string, en: string) => ({ zh, en })
const stage = (id: string, zh: string) => ({ id, label: label(zh, zh), clause: "001 四（二）2" })

// Guizhou 001's path (docs/selection.md §1), with the stages the timetable dates.
const campaign = {
  id: "gz",
  regionId: "guizhou-street",
  regionPath: "/520000/guizhou-district/guizhou-street/",
  name: "2026年某街道社区后备干部选拔",
  schemeId: "guizhou-street-reserve-pool",
  schemeVersion: 1,
  status: "open",
  channels: ["organisation_recommendation"],
  places: 10,
  startYear: 2026,
  referenceDate: "2026-07-12",
  scheduleOverrides: {},
  noticeDays: 5,
  decidingBody: "street",
  postIds: [],
  createdBy: "x",
  version: 2,
  counts: { screened: 1, joint_review: 1 },
  schemeName: label("贵州某街道社区后备干部", "Guizhou reserve pool"),
  path: {
    steps: [
      { state: "draft", label: label("草稿", "draft"), stages: [] },
      { state: "submitted", label: label("已报名/已推荐", "submitted"), stages: [] },
      { state: "screened", label: label("已资格比对", "screened"), stages: [] },
      {
        state: "joint_review",
        label: label("联审", "joint review"),
        stages: [stage("joint_review", "征求纪检、公安等部门意见")],
      },
      { state: "inspection", label: label("考察", "inspection"), stages: [stage("inspect", "街道考察")] },
      {
        state: "decided",
        label: label("已研究决定", "decided"),
        stages: [stage("decide", "街道党工委会议")],
      },
    ],
    shortlistRatio: null,
    unmapped: [],
  },
}

const entry = (stageId: string, zh: string, date: string | null) => ({
  stageId,
  label: label(zh, zh),
  actor: "street",
  date,
  opens: null,
  overridden: false,
  overdue: false,
  clause: "001 四（二）2",
  note: null,
})

const schedule = {
  today: "2026-12-15",
  entries: [
    entry("joint_review", "征求纪检、公安等部门意见", "2026-12-10"),
    entry("inspect", "街道考察", "2026-12-20"),
    entry("decide", "街道党工委会议", "2026-12-18"),
  ],
}

const finding = (
  ruleId: string,
  zh: string,
  status: string,
  review?: { outcome: "confirmed" | "refused"; reason: string; date: string; by: string; role: string },
) => ({
  ruleId,
  kind: "attested",
  status,
  label: label(zh, zh),
  actual: null,
  expected: label("", ""),
  citation: { document: "001", clause: "三（一）" },
  waivable: false,
  message: label(`${zh}（待审核）`, zh),
  ...(review === undefined ? {} : { review }),
})

const runner = [
  "Advance",
  "Record",
  "Decide",
  "ResolveFinding",
  "OverrideOpinion",
  "OverrideDeadline",
  "Return",
  "Reject",
  "Screen",
  "Waive",
]

/** 周海涛: screened, two conditions awaiting review and one confirmed. */
const screened = (yours: ReadonlyArray<string> = runner) => ({
  id: "a1",
  campaignId: "gz",
  personId: "p1",
  state: "screened",
  stateLabel: label("已资格比对", "screened"),
  version: 3,
  person: { id: "p1", name: "周海涛", idNumberMasked: "520102********1011", phoneMasked: null },
  reasons: [],
  application: {
    channel: "organisation_recommendation",
    verdict: {
      outcome: "needs_review",
      findings: [
        finding("age", "年龄", "pass"),
        finding("political_loyalty", "政治坚定", "needs_review"),
        finding("computer_skills", "熟练使用计算机", "needs_review"),
        finding("conduct", "品行端正", "pass", {
          outcome: "confirmed",
          reason: "经社区走访核实",
          date: "2026-12-01",
          by: "x",
          role: "reviewer",
        }),
      ],
    },
    records: {},
    history: [],
  },
  yours,
})

/** 吴立新: in joint review, 公安 disagrees; the timetable's joint-review date (12-10) has passed. */
const inJointReview = (yours: ReadonlyArray<string> = runner) => ({
  ...screened(yours),
  id: "a2",
  personId: "p2",
  state: "joint_review",
  stateLabel: label("联审", "joint review"),
  version: 5,
  person: { id: "p2", name: "吴立新", idNumberMasked: "520102********2022", phoneMasked: null },
  application: {
    channel: "organisation_recommendation",
    verdict: { outcome: "eligible", findings: [finding("age", "年龄", "pass")] },
    records: {
      joint_review: {
        _tag: "JointReview",
        opinions: [
          { department: "纪检", agree: true, note: "无违纪记录" },
          { department: "公安", agree: false, note: "有未结案件" },
        ],
      },
    },
    history: [],
  },
})

const refusal = (tag: string, zh: string, en: string, reason?: string) => ({
  error: {
    message: "…",
    code: -32009,
    data: {
      code: "CONFLICT",
      httpStatus: 409,
      tag,
      message: label(zh, en),
      issues: [],
      requestId: "r-1",
      ...(reason === undefined ? {} : { reason }),
    },
  },
})

/** A fake API: answers mutations from `answers` (a list per procedure, used in turn), records every call. */
const stubApi = (
  rows: ReadonlyArray<unknown>,
  answers: Record<string, Array<{ status: number; body: unknown }>> = {},
) => {
  const calls: Array<{ procedure: string; body: unknown }> = []
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push({ procedure, body: init?.body === undefined ? null : JSON.parse(String(init.body)) })
    const queued = answers[procedure]?.shift()
    if (queued !== undefined) return Response.json(queued.body, { status: queued.status })
    const data: Record<string, unknown> = {
      "campaigns.get": campaign,
      "campaigns.schedule": schedule,
      "applications.list": { items: rows, nextCursor: null, total: rows.length },
      "posts.list": { items: [], nextCursor: null, total: 0, statuses: [] },
      "tasks.forCampaign": [],
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return calls
}

const ok = (version: number) => ({ status: 200, body: { result: { data: { id: "a", version } } } })

const renderPage = (language: "zh-CN" | "en" = "zh-CN") =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language })}>
      <SessionProvider>
        <CampaignPage id="gz" />
      </SessionProvider>
    </UiProvider>,
  )

const sent = (calls: ReadonlyArray<{ procedure: string; body: unknown }>, procedure: string) =>
  calls.filter((c) => c.procedure === procedure).map((c) => c.body)

describe("审核认定: findings awaiting review on the campaign screen", () => {
  it("lists the open findings with 确认 / 不予认定, requires a reason, and sends ResolveFinding", async () => {
    const calls = stubApi([screened()], { "applications.act": [ok(4)] })
    renderPage()
    expect((await screen.findByTestId("open-findings")).textContent).toBe("2 项待审核认定")
    fireEvent.click(screen.getByRole("button", { name: "展开行" }))
    const open = await screen.findByTestId("record-open-findings")
    expect(within(open).getByTestId("open-finding-political_loyalty").textContent).toContain(
      "政治坚定 001 三（一）",
    )
    expect(within(open).getAllByRole("button", { name: "确认" })).toHaveLength(2)
    // The confirmed one is listed with its reason and date, not offered again.
    expect(screen.getByTestId("reviewed-finding-conduct").textContent).toBe(
      "品行端正：确认认定理由：经社区走访核实（2026年12月1日）",
    )
    fireEvent.click(
      within(screen.getByTestId("open-finding-computer_skills")).getByRole("button", { name: "不予认定" }),
    )
    const dialog = await screen.findByRole("dialog")
    expect(within(dialog).getByText("周海涛：审核认定“熟练使用计算机”")).toBeTruthy()
    expect((within(dialog).getByLabelText("不予认定（不符合该条件）") as HTMLInputElement).checked).toBe(true)
    expect((within(dialog).getByLabelText("认定日期") as HTMLInputElement).value).toBe("2026-12-15")
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "确定" }))
    })
    await within(dialog).findByText("请填写理由")
    expect(sent(calls, "applications.act")).toEqual([])
    fireEvent.change(within(dialog).getByLabelText("认定理由"), {
      target: { value: "  考察中发现不会使用办公软件 " },
    })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "确定" }))
    })
    await screen.findByText("已记录对 周海涛 的审核认定")
    expect(sent(calls, "applications.act")).toEqual([
      {
        applicationId: "a1",
        expectedVersion: 3,
        move: {
          _tag: "ResolveFinding",
          ruleId: "computer_skills",
          outcome: "refused",
          reason: "考察中发现不会使用办公软件",
          date: "2026-12-15",
        },
      },
    ])
  })

  it("shows the findings but no buttons to a role that may not resolve them, and the server's refusal plainly", async () => {
    stubApi([screened(["Record"])])
    renderPage()
    fireEvent.click(await screen.findByRole("button", { name: "展开行" }))
    const open = await screen.findByTestId("record-open-findings")
    expect(within(open).getByText(/政治坚定/)).toBeTruthy()
    expect(within(open).queryByRole("button")).toBeNull()
  })

  it("keeps the dialog open with the server's FORBIDDEN explanation", async () => {
    stubApi([screened()], {
      "applications.act": [
        {
          status: 403,
          body: {
            error: {
              message: "…",
              code: -32003,
              data: {
                code: "FORBIDDEN",
                httpStatus: 403,
                tag: "MoveNotYours",
                message: label(
                  "“审核认定”由本批次的组织部门（主办单位）办理，派出单位管理员不能办理",
                  "not yours",
                ),
                issues: [],
                requestId: "r-2",
              },
            },
          },
        },
      ],
    })
    renderPage()
    fireEvent.click(await screen.findByRole("button", { name: "展开行" }))
    fireEvent.click((await screen.findAllByRole("button", { name: "确认" }))[0] as HTMLElement)
    const dialog = await screen.findByRole("dialog")
    fireEvent.change(within(dialog).getByLabelText("认定理由"), { target: { value: "经考察核实" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "确定" }))
    })
    await waitFor(() =>
      expect(within(dialog).getByTestId("action-error").textContent).toContain("派出单位管理员不能办理"),
    )
  })
})

describe("决策机构否决意见: a joint-review disagreement", () => {
  it("is offered to the deciding body on a disagreeing department only, with a reason required", async () => {
    const calls = stubApi([inJointReview()], { "applications.act": [ok(6)] })
    renderPage("en")
    fireEvent.click(await screen.findByRole("button", { name: "Expand row" }))
    const police = await screen.findByTestId("opinion-公安")
    expect(within(screen.getByTestId("opinion-纪检")).queryByRole("button")).toBeNull()
    fireEvent.click(within(police).getByRole("button", { name: "Override by the deciding body" }))
    const dialog = await screen.findByRole("dialog")
    expect(within(dialog).getByText("吴立新: override the disagreement of 公安")).toBeTruthy()
    expect(within(dialog).getByText("Street Party working committee")).toBeTruthy()
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "OK" }))
    })
    await within(dialog).findByText("Give the reason")
    expect(within(dialog).getByText("Enter the date")).toBeTruthy()
    expect(sent(calls, "applications.act")).toEqual([])
    fireEvent.change(within(dialog).getByLabelText("Reason for the override"), {
      target: { value: "案件与本人无关，经街道党工委会议研究" },
    })
    fireEvent.change(within(dialog).getByLabelText("Meeting date"), { target: { value: "2026-12-14" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "OK" }))
    })
    await screen.findByText("Recorded the override for 吴立新")
    expect(sent(calls, "applications.act")).toEqual([
      {
        applicationId: "a2",
        expectedVersion: 5,
        move: {
          _tag: "OverrideOpinion",
          department: "公安",
          reason: "案件与本人无关，经街道党工委会议研究",
          meeting: { body: "street" },
          date: "2026-12-14",
        },
      },
    ])
  })

  it("shows a recorded override and offers none to a role without OverrideOpinion", async () => {
    const row = inJointReview(["Record", "Advance"])
    const overridden = {
      ...row,
      application: {
        ...row.application,
        records: {
          joint_review: {
            ...row.application.records.joint_review,
            overrides: [
              {
                department: "公安",
                reason: "经会议研究",
                meeting: { body: "street", reference: "〔2026〕5次" },
                date: "2026-12-14",
                by: "x",
              },
            ],
          },
        },
      },
    }
    stubApi([overridden])
    renderPage()
    fireEvent.click(await screen.findByRole("button", { name: "展开行" }))
    const police = await screen.findByTestId("opinion-公安")
    expect(police.textContent).toContain(
      "已由街道党工委（扩大）会议否决（2026年12月14日）：经会议研究（〔2026〕5次）",
    )
    expect(within(police).queryByRole("button")).toBeNull()
  })
})

describe("记录逾期办理: a move refused after the stage's deadline", () => {
  const late = refusal(
    "IllegalMove",
    "“征求纪检、公安等部门意见”环节的时限为 2026-12-10（依据：001 四（二）2），2026-12-15 已逾期；须由本批次的组织部门记录逾期补办理由后方可办理",
    "past deadline",
    "past_deadline",
  )

  it("offers the runner the override for the late stage, sends it, then the move again with the new version", async () => {
    const agreeing = inJointReview()
    const row = {
      ...agreeing,
      application: {
        ...agreeing.application,
        records: {
          joint_review: { _tag: "JointReview", opinions: [{ department: "纪检", agree: true, note: "" }] },
        },
      },
    }
    const calls = stubApi([row], {
      "applications.act": [{ status: 409, body: late }, ok(7)],
      "applications.overrideDeadline": [ok(6)],
    })
    renderPage()
    fireEvent.click(await screen.findByRole("button", { name: "进入下一环节" }))
    fireEvent.click(await screen.findByRole("button", { name: "确定转入" }))
    const offer = await screen.findByTestId("late-stage")
    expect(offer.textContent).toContain(
      "“征求纪检、公安等部门意见”环节的时限为 2026-12-10（依据：001 四（二）2），已逾期",
    )
    fireEvent.click(within(offer).getByRole("button", { name: "记录逾期办理" }))
    const form = await screen.findByTestId("late-form")
    fireEvent.click(within(form).getByRole("button", { name: "记录" }))
    await within(form).findByText("请填写理由")
    expect(sent(calls, "applications.overrideDeadline")).toEqual([])
    fireEvent.change(within(form).getByLabelText("逾期办理理由"), {
      target: { value: "公安意见迟至12月12日送达" },
    })
    await act(async () => {
      fireEvent.click(within(form).getByRole("button", { name: "记录" }))
    })
    await screen.findByText("已记录逾期办理，请重新办理该操作")
    expect(screen.queryByTestId("late-stage")).toBeNull()
    expect(sent(calls, "applications.overrideDeadline")).toEqual([
      {
        applicationId: "a2",
        expectedVersion: 5,
        stageId: "joint_review",
        reason: "公安意见迟至12月12日送达",
      },
    ])
    // The retry carries the version the override answered with.
    // (A button that was loading may keep its spinner's label under happy-dom.)
    fireEvent.click(screen.getByRole("button", { name: /进入下一环节/ }))
    fireEvent.click(await screen.findByRole("button", { name: "确定转入" }))
    await waitFor(() => expect(sent(calls, "applications.act")).toHaveLength(2))
    expect(sent(calls, "applications.act")[1]).toEqual({
      applicationId: "a2",
      expectedVersion: 6,
      move: { _tag: "Advance", from: "joint_review", to: "inspection" },
    })
  })

  it("an IllegalMove for another rule offers no override, even when the stage's date has passed", async () => {
    const agreeing = inJointReview()
    const other = refusal("IllegalMove", "联合审查意见不全", "joint review incomplete", "opinions_missing")
    stubApi([agreeing], { "applications.act": [{ status: 409, body: other }] })
    renderPage()
    fireEvent.click(await screen.findByRole("button", { name: "进入下一环节" }))
    fireEvent.click(await screen.findByRole("button", { name: "确定转入" }))
    await screen.findByText("联合审查意见不全")
    expect(screen.queryByTestId("late-stage")).toBeNull()
  })

  it("in a move's dialog: the refusal offers the override, and 确定 then sends the move again", async () => {
    const calls = stubApi([inJointReview(["Record", "Advance", "OverrideDeadline"])], {
      "applications.act": [{ status: 409, body: late }, ok(7)],
      "applications.overrideDeadline": [ok(6)],
    })
    renderPage()
    fireEvent.click(await screen.findByRole("button", { name: "更多操作" }))
    fireEvent.click(await screen.findByText("登记环节结果"))
    const dialog = await screen.findByRole("dialog")
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "确定" }))
    })
    const offer = await within(dialog).findByTestId("late-stage")
    fireEvent.click(within(offer).getByRole("button", { name: "记录逾期办理" }))
    fireEvent.change(await within(dialog).findByLabelText("逾期办理理由"), { target: { value: "材料补交" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "记录" }))
    })
    await waitFor(() => expect(within(dialog).queryByTestId("late-stage")).toBeNull())
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "确定" }))
    })
    await screen.findByText("已登记 吴立新 的环节结果")
    const acts = sent(calls, "applications.act") as ReadonlyArray<{ expectedVersion: number }>
    expect(acts.map((a) => a.expectedVersion)).toEqual([5, 6])
  })

  it("tells a role that may not override who may, and offers nothing on a refusal that is not late", async () => {
    stubApi([inJointReview(["Record", "Advance"])], {
      "applications.act": [
        { status: 409, body: late },
        { status: 403, body: refusal("MoveNotYours", "“进入下一环节”由街道办理", "not yours") },
      ],
    })
    renderPage()
    fireEvent.click(await screen.findByRole("button", { name: "进入下一环节" }))
    fireEvent.click(await screen.findByRole("button", { name: "确定转入" }))
    const offer = await screen.findByTestId("late-stage")
    expect(offer.textContent).toContain("逾期办理须由本批次的组织部门（主办单位）记录理由后方可办理")
    expect(within(offer).queryByRole("button")).toBeNull()
    // (A button that was loading may keep its spinner's label under happy-dom.)
    fireEvent.click(screen.getByRole("button", { name: /进入下一环节/ }))
    fireEvent.click(await screen.findByRole("button", { name: "确定转入" }))
    await waitFor(() => expect(screen.getByTestId("action-error").textContent).toContain("由街道办理"))
    expect(screen.queryByTestId("late-stage")).toBeNull()
  })
})

describe("case-acts (pure)", () => {
  const steps = campaign.path.steps
  it("finds the open and the reviewed findings", () => {
    const v = screened().application.verdict
    expect(openFindings(v).map((f) => f.ruleId)).toEqual(["political_loyalty", "computer_skills"])
    expect(reviewedFindings(v).map((f) => f.ruleId)).toEqual(["conduct"])
    expect(openFindings(undefined)).toEqual([])
  })

  it("offers 审核认定 between the screening and the decision only", () => {
    const at = (state: string, decision?: unknown) => ({ state, application: { decision } })
    expect(findingsResolvable(steps, at("screened"))).toBe(true)
    expect(findingsResolvable(steps, at("inspection"))).toBe(true)
    expect(findingsResolvable(steps, at("inspection", { outcome: "approved" }))).toBe(false)
    expect(findingsResolvable(steps, at("decided"))).toBe(false)
    expect(findingsResolvable(steps, at("draft"))).toBe(false)
    expect(findingsResolvable(steps, at("rejected"))).toBe(false)
  })

  it("lists each disagreeing department once, until overridden", () => {
    const opinions = [
      { department: "公安", agree: false },
      { department: "纪检", agree: true },
      { department: "综治", agree: false },
    ]
    expect(openDisagreements({ opinions })).toEqual(["公安", "综治"])
    expect(openDisagreements({ opinions, overrides: [{ department: "公安" }] })).toEqual(["综治"])
    expect(openDisagreements(undefined)).toEqual([])
  })

  it("mirrors the kernel's performs: the review step left, the step entered, the act's own date", () => {
    expect(performs("joint_review", { kind: "advance", to: "inspection" }, "2026-12-15")).toEqual({
      steps: ["joint_review"],
      date: "2026-12-15",
    })
    expect(performs("screened", { kind: "advance", to: "shortlisted" }, "2026-12-15").steps).toEqual([
      "shortlisted",
    ])
    expect(performs("screened", { kind: "record" }, "2026-12-15").steps).toEqual([])
    expect(performs("inspection", { kind: "decide", date: "2026-12-19" }, "2026-12-20")).toEqual({
      steps: ["decided"],
      date: "2026-12-19",
    })
  })

  it("names a stage late when the move's date is after its last day and nothing overrides it", () => {
    const at = (state: string, overrides: ReadonlyArray<{ stageId: string }> = []) => ({
      state,
      deadlineOverrides: overrides,
    })
    const advance = { kind: "advance", to: "inspection" } as const
    expect(lateStages(steps, schedule.entries, at("joint_review"), advance, "2026-12-15")).toEqual([
      {
        stageId: "joint_review",
        label: label("征求纪检、公安等部门意见", "征求纪检、公安等部门意见"),
        date: "2026-12-10",
        clause: "001 四（二）2",
      },
    ])
    // The last day itself is in time; an override lets it through; a stage without a date never bites.
    expect(lateStages(steps, schedule.entries, at("joint_review"), advance, "2026-12-10")).toEqual([])
    expect(
      lateStages(
        steps,
        schedule.entries,
        at("joint_review", [{ stageId: "joint_review" }]),
        advance,
        "2026-12-15",
      ),
    ).toEqual([])
    const undated = schedule.entries.map((e) => ({ ...e, date: null }))
    expect(lateStages(steps, undated, at("joint_review"), advance, "2026-12-15")).toEqual([])
    // A decision is judged by its meeting's date, not today.
    const decide = (date: string) => ({ kind: "decide", date }) as const
    expect(lateStages(steps, schedule.entries, at("inspection"), decide("2026-12-18"), "2026-12-25")).toEqual(
      [],
    )
    expect(
      lateStages(steps, schedule.entries, at("inspection"), decide("2026-12-19"), "2026-12-19").map(
        (l) => l.stageId,
      ),
    ).toEqual(["decide"])
  })
})
