import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { Form } from "antd"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import type { SchemeView } from "./placement-helpers"
import { RecallDialog, type RecallForm, recallMove } from "./recall-dialog"
import type { Move } from "./use-command"

// 召回 (issue 16: a decision dialog that opens filled in is approved by one click): nothing is pre-chosen, the
// decision date may not be after today, and the move carries exactly what the clerk entered.
afterEach(cleanup)

const scheme = {
  recall: {
    triggers: [
      {
        id: "absent",
        action: "recall",
        label: { zh: "无故不到岗", en: "Absent without cause" },
        citation: { document: "002", clause: "四（三）" },
      },
    ],
  },
} as unknown as SchemeView

const Harness = ({ onSubmit }: { readonly onSubmit: (m: Move) => Promise<void> }) => {
  const [form] = Form.useForm<RecallForm>()
  return (
    <RecallDialog
      open
      form={form}
      scheme={scheme}
      today="2026-11-26"
      onCancel={() => undefined}
      onSubmit={onSubmit}
    />
  )
}

const show = (onSubmit: (m: Move) => Promise<void>) =>
  render(
    <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
      <Harness onSubmit={onSubmit} />
    </UiProvider>,
  )

describe("召回 dialog", () => {
  it("opens with no decision body and no date chosen, and refuses to submit until the clerk gives them", async () => {
    const onSubmit = vi.fn(async (_: Move) => undefined)
    show(onSubmit)
    const dialog = await screen.findByRole("dialog")
    expect((within(dialog).getByLabelText("决定日期") as HTMLInputElement).value).toBe("")
    expect(within(dialog).queryByTitle("区委组织部")).toBeNull()
    fireEvent.change(within(dialog).getByLabelText("事实与依据"), { target: { value: "连续两月无故不到岗" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: /提\s*交/ }))
    })
    await waitFor(() => expect(within(dialog).getAllByText("请填写此项").length).toBe(2))
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it("refuses a decision date after today at the field", async () => {
    show(async () => undefined)
    const dialog = await screen.findByRole("dialog")
    fireEvent.change(within(dialog).getByLabelText("决定日期"), { target: { value: "2026-11-27" } })
    await waitFor(() => expect(within(dialog).getByText("决定日期不能晚于今天")).toBeTruthy())
  })

  it("sends the trigger, the trimmed evidence and the decision; a blank reference is left out", () => {
    expect(
      recallMove({
        triggerId: "absent",
        evidence: " 连续两月无故不到岗 ",
        by: "org_dept_meeting",
        date: "2026-11-20",
      }),
    ).toEqual({
      _tag: "Recall",
      triggerId: "absent",
      evidence: "连续两月无故不到岗",
      decision: { by: "org_dept_meeting", date: "2026-11-20" },
    })
    expect(
      recallMove({ evidence: "x", by: "org_dept", date: "2026-11-20", reference: " 部务会〔2026〕11次 " }),
    ).toEqual({
      _tag: "Recall",
      evidence: "x",
      decision: { by: "org_dept", date: "2026-11-20", reference: "部务会〔2026〕11次" },
    })
  })
})
