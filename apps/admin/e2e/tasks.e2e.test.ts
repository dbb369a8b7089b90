import type { Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { browser, overflow, signInAt, useDemoSystem } from "./demo-system.js"

// 待办任务 (issue 16): the org dept assigns a review step to its reviewer; the campaign shows who has it until
// when, and the reviewer finds it in the inbox — cards on a phone — and opens the campaign from it.
useDemoSystem()

const campaign = "demo-yangpu-2026"

const call = <T>(page: Page, kind: "query" | "mutation", procedure: string, input?: unknown): Promise<T> =>
  page.evaluate(
    async ({ kind, procedure, input }) => {
      const res =
        kind === "query"
          ? await fetch(
              `/api/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
            )
          : await fetch(`/api/trpc/${procedure}`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(input),
            })
      const body = (await res.json()) as { result?: { data: unknown }; error?: unknown }
      if (body.result === undefined) throw new Error(JSON.stringify(body.error))
      return body.result.data
    },
    { kind, procedure, input },
  ) as Promise<T>

describe("待办任务", () => {
  it("assigned by the org dept, shown on the campaign and in the reviewer's inbox at 375 px", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 })
    await signInAt(page, `/campaigns/${campaign}`, "yangpu.org@demo.example.org")
    // The org dept gives its reviewer the interview step of the candidate at interview (no screen for 分派 yet).
    // accounts.list is a page (issue 19): the reviewer found by e-mail on the server.
    const accounts = await call<{ items: ReadonlyArray<{ accountId: string; email: string }> }>(
      page,
      "query",
      "accounts.list",
      { name: "yangpu.reviewer" },
    )
    const reviewer = accounts.items.find((a) => a.email === "yangpu.reviewer@demo.example.org")
    const apps = await call<{
      items: ReadonlyArray<{ id: string; state: string; person: { name: string } }>
    }>(page, "query", "applications.list", { campaignId: campaign })
    const atInterview = apps.items.find((a) => a.state === "interview")
    expect(reviewer).toBeDefined()
    expect(atInterview).toBeDefined()
    await call(page, "mutation", "tasks.assign", {
      applicationId: atInterview?.id,
      assignee: reviewer?.accountId,
      dueOn: "2027-06-30",
    })
    await page.reload()
    const task = page.getByTestId("campaign-task")
    await task.waitFor()
    const text = (await task.textContent()) ?? ""
    expect(text).toContain(atInterview?.person.name ?? "?")
    expect(text).toContain("面试")
    expect(text).toContain("杨浦区审核人员（演示）")
    expect(text).toContain("2027年6月30日")
    // Not overdue: nothing to 催办.
    expect(await task.getByRole("button", { name: /催\s?办/ }).count()).toBe(0)
    await page.close()

    const phone = await browser.newPage({ width: 375, height: 740 })
    await signInAt(phone, "/tasks", "yangpu.reviewer@demo.example.org")
    const card = phone.getByTestId("task")
    await card.first().waitFor()
    expect(await card.count()).toBe(1)
    expect(await card.textContent()).toContain(atInterview?.person.name ?? "?")
    expect(await overflow(phone)).toBeLessThanOrEqual(0)
    await card.getByRole("link").click()
    await phone.waitForURL(new RegExp(`/campaigns/${campaign}$`))
    await phone.getByTestId("campaign-path").waitFor()
    expect(browser.errors).toEqual([])
    await phone.close()
  })
})
