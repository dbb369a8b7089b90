import { act, cleanup, fireEvent, render, screen } from "@testing-library/react"
import type { i18n as I18n } from "i18next"
import { afterEach, describe, expect, it, vi } from "vitest"
import { createI18n } from "../i18n/create-i18n.js"
import { UiProvider } from "../theme/ui-provider.js"
import type { Problem } from "./problem.js"
import { ProblemAlert, type ProblemAlertProps } from "./problem-alert.js"

afterEach(() => {
  cleanup()
  window.localStorage.clear()
})

const refusal = (tag: string, code = "CONFLICT"): Problem => ({
  kind: "api",
  code,
  tag,
  message: { zh: "该报告已于 2026-11-25 报送", en: "this report was filed on 2026-11-25" },
  issues: [],
  requestId: "req-9",
})

const renderAlert = (props: ProblemAlertProps, i18n: I18n = createI18n({ language: "zh-CN" })) => {
  render(
    <UiProvider i18n={i18n}>
      <ProblemAlert {...props} />
    </UiProvider>,
  )
  return i18n
}

describe("ProblemAlert", () => {
  it("shows nothing without a problem", () => {
    renderAlert({ problem: null })
    expect(screen.queryByRole("alert")).toBeNull()
  })

  it("shows the server's words in the language on screen, and follows the switch", async () => {
    const i18n = renderAlert({ problem: refusal("Conflict") })
    const alert = screen.getByTestId("problem")
    expect(alert.getAttribute("role")).toBe("alert")
    expect(alert.textContent).toContain("该报告已于 2026-11-25 报送")
    await act(async () => {
      await i18n.changeLanguage("en")
    })
    expect(screen.getByTestId("problem").textContent).toContain("this report was filed on 2026-11-25")
  })

  it("shows the request id only for a defect on the server, unless asked to always", () => {
    renderAlert({ problem: refusal("Conflict"), testId: "refusal" })
    expect(screen.getByTestId("refusal").textContent).not.toContain("req-9")
    cleanup()
    renderAlert({ problem: refusal("Internal", "INTERNAL_SERVER_ERROR") })
    expect(screen.getByTestId("problem").textContent).toContain("请求编号：req-9")
    cleanup()
    renderAlert({ problem: refusal("Conflict"), requestId: "always" })
    expect(screen.getByTestId("problem").textContent).toContain("请求编号：req-9")
  })

  it("takes the caller's words for a check made on this side", () => {
    renderAlert({
      problem: { kind: "unknown", message: "Unexpected token" },
      title: "JSON 格式有误：Unexpected token",
    })
    expect(screen.getByTestId("problem").textContent).toBe("JSON 格式有误：Unexpected token")
  })

  it("says the service cannot be reached, in plain words", () => {
    renderAlert({ problem: { kind: "network" } }, createI18n({ language: "en" }))
    expect(screen.getByTestId("problem").textContent).toContain("Cannot reach the service")
  })

  it("offers a reload for a stale version when the page can reload; the button closes the alert first", () => {
    const calls: Array<string> = []
    renderAlert({
      problem: refusal("StaleVersion"),
      onClose: () => calls.push("close"),
      onReload: () => calls.push("reload"),
    })
    expect(screen.getByTestId("problem").textContent).toContain("该记录已被他人修改，请刷新页面后重试。")
    fireEvent.click(screen.getByRole("button", { name: /^刷 ?新$/ }))
    expect(calls).toEqual(["close", "reload"])
  })

  it("offers no reload without onReload, nor for other refusals", () => {
    renderAlert({ problem: refusal("StaleVersion") })
    expect(screen.queryByRole("button", { name: /^刷 ?新$/ })).toBeNull()
    cleanup()
    renderAlert({ problem: refusal("Conflict"), onReload: vi.fn() })
    expect(screen.queryByRole("button", { name: /^刷 ?新$/ })).toBeNull()
  })

  it("is closable when the caller can close it", () => {
    const onClose = vi.fn()
    renderAlert({ problem: refusal("Conflict"), onClose })
    fireEvent.click(screen.getByRole("button", { name: /close|关闭/i }))
    expect(onClose).toHaveBeenCalled()
  })

  it("lists the issues no field shows, with where they are, in either language", async () => {
    const i18n = renderAlert({
      problem: refusal("InvalidInput", "BAD_REQUEST"),
      testId: "save-error",
      issues: [
        { message: "应不大于 45", where: "年龄上限（eligibility.rules[8].max）" },
        { message: { zh: "必填", en: "required" } },
      ],
    })
    const items = screen.getAllByTestId("issue")
    expect(items).toHaveLength(2)
    expect(items[0]?.textContent).toBe("应不大于 45位置：年龄上限（eligibility.rules[8].max）")
    expect(items[1]?.textContent).toBe("必填")
    await act(async () => {
      await i18n.changeLanguage("en")
    })
    expect(screen.getAllByTestId("issue")[1]?.textContent).toBe("required")
    expect(screen.getAllByTestId("issue")[0]?.textContent).toContain("At: ")
  })
})
