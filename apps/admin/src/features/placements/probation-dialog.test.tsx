import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { Form } from "antd"
import { afterEach, describe, expect, it, vi } from "vitest"
import { adminResources } from "../../i18n"
import type { SchemeView } from "./placement-helpers"
import { ProbationDialog, type ProbationForm } from "./probation-dialog"
import type { Move } from "./use-command"

// 见习期考评 (000 三（一）; issue 16: nothing pre-chosen in a decision): the conclusion and the dates are the clerk's.
afterEach(cleanup)

const scheme = { assessment: { cycles: [] } } as unknown as SchemeView
/** The street records the probation assessment (000 三（一）). */
const streetAdmin = "street_admin" as const

const Harness = ({ onSubmit }: { readonly onSubmit: (m: Move) => Promise<void> }) => {
  const [form] = Form.useForm<ProbationForm>()
  return (
    <ProbationDialog
      open
      form={form}
      scheme={scheme}
      role={streetAdmin}
      today="2026-11-26"
      onCancel={() => undefined}
      onSubmit={onSubmit}
    />
  )
}

describe("见习期考评 dialog", () => {
  it("opens with no conclusion and no date chosen, and asks for them before anything is sent", async () => {
    const onSubmit = vi.fn(async (_: Move) => undefined)
    render(
      <UiProvider i18n={createI18n({ resources: adminResources, defaultNS: "admin", language: "zh-CN" })}>
        <Harness onSubmit={onSubmit} />
      </UiProvider>,
    )
    const dialog = await screen.findByRole("dialog")
    for (const radio of within(dialog).getAllByRole("radio"))
      expect((radio as HTMLInputElement).checked).toBe(false)
    expect((within(dialog).getByLabelText("考评日期") as HTMLInputElement).value).toBe("")
    fireEvent.change(within(dialog).getByLabelText("考评意见"), { target: { value: "能胜任" } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: /提\s*交/ }))
    })
    await waitFor(() => expect(within(dialog).getByText("请选择考评结论")).toBeTruthy())
    expect(onSubmit).not.toHaveBeenCalled()
  })
})
