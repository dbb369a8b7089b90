import type { RouterOutputs } from "@cadre/client"
import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { WhatIfPanel } from "./what-if-panel"

// 方案试算 (issue 16): the campaign's applicants screened against another version of its scheme (campaigns.whatIf);
// the screen names the people whose verdict moves, from what to what, and the rule with its clause.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const label = (zh: string, en: string) => ({ zh, en })
const campaign = {
  id: "c1",
  schemeId: "yangpu-community-secretary",
  schemeVersion: 1,
} as unknown as RouterOutputs["campaigns"]["get"]

const version = (v: number, status: "draft" | "published") => ({
  schemeId: "yangpu-community-secretary",
  version: v,
  status,
  effectiveFrom: "2027-01-01",
  name: label("杨浦区选派方案", "Yangpu scheme"),
})

const whatIf = {
  campaignVersion: 1,
  againstVersion: 2,
  screened: 3,
  unchanged: 2,
  moves: [{ from: "eligible", to: "ineligible", count: 1 }],
  changes: [
    {
      applicationId: "a1",
      person: { id: "p1", name: "王建军" },
      from: "eligible",
      to: "ineligible",
      direction: "worse",
      summary: label("符合条件 → 不符合条件", "eligible → ineligible"),
      because: [
        {
          ruleId: "age",
          kind: "changed",
          text: label("年龄 38 岁，超过 35 岁", "aged 38, over 35"),
          clause: "000 一（一）5",
        },
      ],
    },
  ],
}

const stubApi = () => {
  const asked: Array<{ procedure: string; input: unknown }> = []
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    asked.push({ procedure, input: JSON.parse(url.searchParams.get("input") ?? "null") })
    const data: Record<string, unknown> = {
      "schemes.list": [version(1, "published"), version(2, "draft")],
      "campaigns.whatIf": whatIf,
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return asked
}

describe("方案试算", () => {
  it("offers the scheme's other versions only, then lists whose verdict would change and why, with the clause", async () => {
    const asked = stubApi()
    render(
      <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
        <SessionProvider>
          <WhatIfPanel campaign={campaign} />
        </SessionProvider>
      </UiProvider>,
    )
    const panel = await screen.findByTestId("what-if")
    // Nothing is screened until a version is chosen.
    expect(asked.some((a) => a.procedure === "campaigns.whatIf")).toBe(false)
    fireEvent.mouseDown(within(panel).getByRole("combobox"))
    await screen.findByTitle("第2版（草稿，2027年1月1日起施行）")
    // The campaign's own version is not offered: trying it against itself changes nothing.
    const offered = [...document.querySelectorAll(".ant-select-item-option")].map((o) => o.textContent)
    expect(offered).toEqual(["第2版（草稿，2027年1月1日起施行）"])
    fireEvent.click(await screen.findByTitle("第2版（草稿，2027年1月1日起施行）"))
    await waitFor(() =>
      expect(screen.getByTestId("what-if-summary").textContent).toBe("共比对 3 人：1 人结论改变，2 人不变。"),
    )
    expect(asked.find((a) => a.procedure === "campaigns.whatIf")?.input).toEqual({
      id: "c1",
      schemeId: "yangpu-community-secretary",
      version: 2,
    })
    const result = screen.getByTestId("what-if-result")
    expect(result.textContent).toContain("符合条件 → 不符合条件：1 人")
    expect(result.textContent).toContain("王建军")
    expect(result.textContent).toContain("收紧")
    expect(result.textContent).toContain("年龄 38 岁，超过 35 岁（000 一（一）5）")
  })
})
