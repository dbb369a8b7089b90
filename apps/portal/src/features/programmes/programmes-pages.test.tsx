import { yangpuCommunitySecretary } from "@cadre/domain/scheme"
import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it } from "vitest"
import { portalResources } from "../../i18n"
import { App } from "../../routes"
import { programmeIdOf, programmePath } from "./programmes-pages"

afterEach(() => {
  cleanup()
  window.localStorage.clear()
  window.history.pushState(null, "", "/")
})

const doc = {
  zh: "关于选派机关、事业单位干部到居民区担任党组织书记的通知",
  en: "Notice on dispatching agency and public-institution cadres",
}
const recommend = {
  stageId: "recommend",
  label: { zh: "单位党委会议讨论通过并推荐报送名单", en: "Unit Party committee recommends names" },
  date: "2026-12-18",
  opens: null,
  citation: { document: doc, clause: "二（一）", quote: null },
  note: null,
}
const summary = {
  id: "c-1",
  name: "2026年度杨浦区选派干部到居民区任职",
  region: "杨浦区",
  regionNames: ["上海市", "杨浦区"],
  programme: {
    zh: "杨浦区选派机关、事业单位干部到居民区担任党组织书记",
    en: "Yangpu: residential-area secretaries",
  },
  places: 3,
  deadline: recommend,
}
const detail = {
  ...summary,
  referenceDate: "2026-12-31",
  noticeDays: 5,
  conditions: [
    {
      id: "party_standing",
      kind: "rule",
      text: { zh: "中共正式党员，党龄满三年", en: "Full CPC member for at least three years" },
      waivable: false,
      citation: { document: doc, clause: "一（一）1", quote: "中共正式党员，党龄满三年" },
    },
    {
      id: "age",
      kind: "rule",
      text: { zh: "年龄25至38周岁", en: "Aged 25 to 38" },
      waivable: true,
      citation: { document: doc, clause: "一（一）5", quote: null },
    },
  ],
  timetable: [
    {
      stageId: "mobilise",
      label: { zh: "宣传发动、本人报名", en: "Publicise; cadres register" },
      date: null,
      opens: null,
      citation: { document: doc, clause: "二（一）", quote: null },
      note: { zh: "通知未规定宣传发动的时限", en: "The notice sets no date" },
    },
    recommend,
    {
      stageId: "interview",
      label: { zh: "区委组织部组织面试", en: "Interviews" },
      date: "2026-12-31",
      opens: "2026-12-21",
      citation: { document: doc, clause: "二（二）", quote: null },
      note: null,
    },
  ],
  documents: [{ title: doc, issuer: "中共上海市杨浦区委组织部", number: null, issuedOn: "2020-12-09" }],
  selfCheck: {
    questions: ["birthDate", "party", "employment"],
    education: [],
    employment: [
      { value: "civil_servant", label: { zh: "公务员", en: "civil servant" } },
      { value: "other", label: { zh: "其他", en: "other" } },
    ],
    rank: [],
  },
}

const clause = (c: string) => ({ document: doc, clause: c, quote: null })
/** Shaped like campaigns.publicCheck for someone born in 1980: too old; the attested quality awaits a reviewer. */
const ineligible = {
  id: "c-1",
  name: summary.name,
  referenceDate: "2026-12-31",
  outcome: "ineligible",
  failed: [
    {
      group: "fail",
      ruleId: "age",
      text: { zh: "年龄25至38周岁", en: "Aged 25 to 38" },
      message: { zh: "截至2026-12-31年满46周岁，超过38周岁", en: "Aged 46 on 2026-12-31, over 38" },
      actual: 46,
      waivable: true,
      citation: clause("一（一）5"),
    },
  ],
  passed: [],
  review: [
    {
      group: "review",
      ruleId: "party_spirit",
      text: { zh: "党性强，作风正，讲奉献", en: "Strong Party spirit" },
      message: { zh: "尚待审核人员确认", en: "Awaiting a reviewer" },
      actual: null,
      waivable: false,
      citation: clause("一（一）3"),
    },
  ],
  unanswered: [],
}

const fakeApi = (page: unknown = detail) => {
  const calls: Array<string> = []
  const checks: Array<unknown> = []
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://portal.test")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push(procedure)
    const ok = (data: unknown) => Response.json({ result: { data } })
    if (procedure === "campaigns.publicList") return ok([summary])
    if (procedure === "campaigns.publicCheck") {
      checks.push(JSON.parse(url.searchParams.get("input") ?? "{}"))
      return ok(ineligible)
    }
    if (procedure === "campaigns.publicGet") {
      const id = (JSON.parse(url.searchParams.get("input") ?? "{}") as { id?: string }).id
      if (id === "c-1") return ok(page)
      return Response.json(
        {
          error: {
            message: "未找到选派批次：gone",
            code: -32004,
            data: {
              code: "NOT_FOUND",
              httpStatus: 404,
              tag: "NotFound",
              message: { zh: "未找到选派批次：gone", en: "campaign not found: gone" },
              issues: [],
              requestId: "req-404",
            },
          },
        },
        { status: 404 },
      )
    }
    return Response.json({ error: { message: "unexpected", code: -32004, data: {} } }, { status: 404 })
  }) as typeof globalThis.fetch
  return { fetch, calls, checks }
}

const renderAt = (path: string, api = fakeApi()) => {
  window.history.pushState(null, "", path)
  render(
    <UiProvider i18n={createI18n({ resources: portalResources, defaultNS: "portal", language: "zh-CN" })}>
      <App fetch={api.fetch} />
    </UiProvider>,
  )
  return api
}

/** The page's own text (not the header, whose language switch says "English"). */
const mainText = () => document.querySelector("main")?.textContent ?? ""

describe("public programmes (issue 17: no account needed)", () => {
  it("lists the open programme by region name with its deadline, then opens its page", async () => {
    const api = renderAt("/programmes")
    const card = await screen.findByTestId("programme-c-1")
    expect(card.textContent).toContain("上海市 杨浦区")
    expect(card.textContent).toContain("3 名")
    expect(within(card).getByTestId("deadline").textContent).toBe("报名截止2026年12月18日前")
    // Nobody signed in: auth.me was never asked.
    expect(api.calls).not.toContain("auth.me")

    await act(async () => {
      fireEvent.click(screen.getByRole("link", { name: summary.name }))
    })
    await screen.findByRole("heading", { level: 1, name: summary.name })
    const party = screen.getByTestId("condition-party_standing")
    expect(party.textContent).toContain("中共正式党员，党龄满三年")
    expect(within(party).getByTestId("clause").textContent).toBe(`依据：《${doc.zh}》一（一）1`)
    expect(screen.getByTestId("condition-age").textContent).toContain("可适当放宽")
    expect(screen.getByTestId("deadline").textContent).toContain("2026年12月18日前")
    const timetable = screen.getByTestId("timetable").textContent ?? ""
    expect(timetable).toContain("通知未规定宣传发动的时限")
    expect(timetable).toContain("2026年12月21日至2026年12月31日")
    expect(timetable).toContain("任前公示 5 个工作日")
    expect(screen.getByTestId("documents").textContent).toContain("2020年12月9日")
    // zh-CN: no message keys, no English words, no codes on the page.
    expect(mainText()).not.toMatch(/programmes\.|[A-Za-z]{2,}/)
    expect(mainText()).not.toContain("c-1")
  })

  it("says which programme is gone, with the server's words (ProblemAlert)", async () => {
    renderAt("/programmes/gone")
    await waitFor(() => expect(screen.getByTestId("problem").textContent).toContain("未找到选派批次"))
  })

  it("reads the same in English", async () => {
    renderAt(programmePath("c-1"))
    await screen.findByTestId("condition-party_standing")
    await act(async () => {
      fireEvent.click(screen.getByText("English"))
    })
    expect(screen.getByTestId("condition-party_standing").textContent).toContain(
      "Full CPC member for at least three years",
    )
    expect(screen.getByTestId("deadline").textContent).toContain("by 18 December 2026")
  })

  it("self-check: asks only the scheme's questions, and an ineligible visitor gets the exit page", async () => {
    const api = renderAt("/programmes/c-1/check")
    await screen.findByTestId("self-check-form")
    // Only the questions publicGet lists: no education, no rank.
    expect(screen.queryByText("最高学历")).toBeNull()
    expect(screen.queryByText("现职级")).toBeNull()
    const birth = screen.getByLabelText("出生日期")
    await act(async () => {
      fireEvent.change(birth, { target: { value: "1980-01-01" } })
    })
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "查看自查结果" }))
    })
    const result = await screen.findByTestId("self-check-result")
    expect(api.checks).toEqual([{ id: "c-1", answers: { birthDate: "1980-01-01" } }])
    expect(result.dataset.outcome).toBe("ineligible")
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("您目前不符合报名条件")
    const age = screen.getByTestId("failed-age")
    expect(age.textContent).toContain("年龄25至38周岁")
    expect(within(age).getByTestId("seen").textContent).toBe("您的情况：截至2026-12-31年满46周岁，超过38周岁")
    expect(within(age).getByTestId("clause").textContent).toBe(`依据：《${doc.zh}》一（一）5`)
    // Awaiting a reviewer: listed apart, not among the failures.
    expect(within(screen.getByTestId("review")).getByText("党性强，作风正，讲奉献")).toBeTruthy()
    expect(within(screen.getByTestId("failed")).queryByText("党性强，作风正，讲奉献")).toBeNull()
    expect(mainText()).not.toMatch(/selfCheck\.|programmes\.|[A-Za-z]{2,}/)
  })

  it("self-check runs the kernel here, over the rules publicGet ships: no call to publicCheck, the same words", async () => {
    const api = renderAt(
      "/programmes/c-1/check",
      // What publicGet ships: the scheme's eligibility part and documents, encoded.
      fakeApi({
        ...detail,
        screen: {
          eligibility: yangpuCommunitySecretary.encoded.eligibility,
          sources: yangpuCommunitySecretary.encoded.sources,
        },
      }),
    )
    await screen.findByTestId("self-check-form")
    await act(async () => {
      fireEvent.change(screen.getByLabelText("出生日期"), { target: { value: "1980-01-01" } })
    })
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "查看自查结果" }))
    })
    const result = await screen.findByTestId("self-check-result")
    expect(api.calls).not.toContain("campaigns.publicCheck")
    expect(result.dataset.outcome).toBe("ineligible")
    const age = screen.getByTestId("failed-age")
    expect(within(age).getByTestId("seen").textContent).toContain("46")
    // The Yangpu preset's 党性 quality is a reviewer's: apart from the failures.
    expect(screen.getByTestId("review").textContent).not.toBe("")
  })

  it("takes the id out of /programmes/<id> and nothing else", () => {
    expect(programmeIdOf("/programmes/demo-huaishang-2026")).toBe("demo-huaishang-2026")
    expect(programmeIdOf(programmePath("a b"))).toBe("a b")
    expect(programmeIdOf("/programmes")).toBeUndefined()
    expect(programmeIdOf("/programmes/a/b")).toBeUndefined()
    expect(programmeIdOf("/programmes/%E0%A4%A")).toBeUndefined()
  })
})
