import { createI18n, UiProvider } from "@cadre/ui"
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { App as AntdApp } from "antd"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import { SessionProvider } from "../../session/session"
import { AssignDialog, TransferDialog } from "./task-dialogs"

// 转办 (issue 16): nothing chosen in advance, a reason required and never cut, the server's refusal at its field.

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  window.localStorage.clear()
})

const reviewers = [
  {
    accountId: "acc-2",
    name: "李审核",
    role: "reviewer",
    roleLabel: { zh: "审核人员", en: "reviewer" },
    scopeName: "杨浦区",
  },
]

const stubApi = (transfer: () => Response) => {
  window.localStorage.setItem("cadre.admin.signedIn", "1")
  const sent: Array<unknown> = []
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost")
    const procedure = url.pathname.replace("/api/trpc/", "")
    if (procedure === "tasks.transfer" || procedure === "tasks.assign") {
      sent.push(JSON.parse(String(init?.body ?? "null")))
      return transfer()
    }
    const data: Record<string, unknown> = {
      "auth.me": {
        accountId: "acc-1",
        role: "reviewer",
        scope: { _tag: "RegionScope", regionId: "310110" },
        displayName: "王审核",
        permissions: ["application.review"],
      },
      "tasks.assignees": { items: reviewers, nextCursor: null, total: 1 },
    }
    return Response.json({ result: { data: data[procedure] } })
  })
  return sent
}

const renderDialog = (onDone = vi.fn()) => {
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
      <SessionProvider>
        <AntdApp>
          <TransferDialog
            task={{
              id: "t-1",
              version: 4,
              applicationId: "app-1",
              assignee: "acc-1",
              personName: "张三",
              step: "资格审查",
            }}
            onClose={() => undefined}
            onDone={onDone}
          />
        </AntdApp>
      </SessionProvider>
    </UiProvider>,
  )
  return onDone
}

const chooseReviewer = async () => {
  const box = screen.getByTestId("transfer-to").querySelector("input") as HTMLInputElement
  fireEvent.mouseDown(box)
  fireEvent.change(box, { target: { value: "李" } })
  fireEvent.click(await screen.findByText("李审核"))
}

describe("转办 dialog", () => {
  it("names the person and step, chooses nobody in advance, and requires a reviewer and a reason", async () => {
    const sent = stubApi(() => Response.json({ result: { data: {} } }))
    renderDialog()
    expect(screen.getByText("转办：张三 · 资格审查")).toBeTruthy()
    expect(screen.getByText("输入姓名查找")).toBeTruthy()
    fireEvent.click(screen.getByRole("button", { name: "确认转办" }))
    expect(await screen.findByText("请选择接手的审核人员")).toBeTruthy()
    expect(await screen.findByText("请填写转办理由")).toBeTruthy()
    expect(sent).toEqual([])
  })

  it("shows the count and refuses a reason over 500 characters instead of cutting it", async () => {
    const sent = stubApi(() => Response.json({ result: { data: {} } }))
    renderDialog()
    await chooseReviewer()
    fireEvent.change(screen.getByTestId("transfer-reason"), { target: { value: "回".repeat(501) } })
    expect(await screen.findByText("501 / 500")).toBeTruthy()
    expect((screen.getByTestId("transfer-reason") as HTMLTextAreaElement).value).toHaveLength(501)
    fireEvent.click(screen.getByRole("button", { name: "确认转办" }))
    expect(await screen.findByText("转办理由不能超过 500 字（现为 501 字）")).toBeTruthy()
    expect(sent).toEqual([])
  })

  it("sends the task's version and the chosen account; a reviewer out of scope is refused at the picker", async () => {
    const sent = stubApi(() =>
      Response.json(
        {
          error: {
            message: "任务 t-1 不能转办：acc-2 不在可转办的审核人员范围内",
            code: -32009,
            data: {
              code: "CONFLICT",
              tag: "TaskRefused",
              reason: "out_of_scope",
              message: { zh: "任务 t-1 不能转办：acc-2 不在范围内", en: "Cannot transfer task t-1: acc-2" },
              issues: [],
              requestId: null,
            },
          },
        },
        { status: 409 },
      ),
    )
    const onDone = renderDialog()
    await chooseReviewer()
    fireEvent.change(screen.getByTestId("transfer-reason"), { target: { value: "  本人需回避 " } })
    fireEvent.click(screen.getByRole("button", { name: "确认转办" }))
    expect(await screen.findByText("所选人员不是本范围内可办理该任务的审核人员，请另选")).toBeTruthy()
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(JSON.stringify(sent[0])).toContain('"expectedVersion":4')
    expect(JSON.stringify(sent[0])).toContain('"to":"acc-2"')
    expect(JSON.stringify(sent[0])).toContain('"reason":"本人需回避"')
    // The server's words (with its ids) are not shown: the form says it in its own.
    expect(screen.queryByText(/任务 t-1/)).toBeNull()
    expect(onDone).not.toHaveBeenCalled()
  })
})

describe("分派 dialog", () => {
  it("refuses a due date before today at its field and sends nothing; a later one goes with the reviewer", async () => {
    const sent = stubApi(() => Response.json({ result: { data: {} } }))
    const onDone = vi.fn()
    render(
      <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
        <SessionProvider>
          <AntdApp>
            <AssignDialog
              application={{ applicationId: "app-1", personName: "张三", step: "面试" }}
              today="2026-11-26"
              onClose={() => undefined}
              onDone={onDone}
            />
          </AntdApp>
        </SessionProvider>
      </UiProvider>,
    )
    expect(screen.getByText("分派任务：张三 · 面试")).toBeTruthy()
    const box = screen.getByTestId("assign-to").querySelector("input") as HTMLInputElement
    fireEvent.mouseDown(box)
    fireEvent.change(box, { target: { value: "李" } })
    fireEvent.click(await screen.findByText("李审核"))
    fireEvent.change(screen.getByTestId("assign-due"), { target: { value: "2026-11-25" } })
    fireEvent.click(screen.getByRole("button", { name: "确认分派" }))
    expect(await screen.findByText("办理时限不能早于今天")).toBeTruthy()
    expect(sent).toEqual([])
    fireEvent.change(screen.getByTestId("assign-due"), { target: { value: "2026-11-26" } })
    fireEvent.click(screen.getByRole("button", { name: "确认分派" }))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith("李审核"))
    expect(JSON.stringify(sent[0])).toContain('"dueOn":"2026-11-26"')
    expect(JSON.stringify(sent[0])).toContain('"assignee":"acc-2"')
  })
})
