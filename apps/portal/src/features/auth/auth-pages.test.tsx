import { createI18n, UiProvider } from "@cadre/ui"
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it } from "vitest"
import { portalResources } from "../../i18n"
import { App } from "../../routes"

afterEach(() => {
  cleanup()
  window.localStorage.clear()
  window.history.pushState(null, "", "/")
})

const policy = { zh: "密码须为 10–128 个字符（测试）", en: "A password must be 10–128 characters (test)" }
const weak = {
  error: {
    message: "密码不符合要求：须包含数字",
    code: -32600,
    data: {
      code: "BAD_REQUEST",
      httpStatus: 400,
      tag: "WeakPassword",
      message: {
        zh: "密码不符合要求：须包含数字",
        en: "Password does not meet the policy: must contain a digit",
      },
      issues: [],
      requestId: "req-7",
    },
  },
}

/** Answers like the API: the procedure is the last path segment of /api/trpc/<procedure>. */
const fakeApi = (calls: Array<string>): typeof fetch =>
  (async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://portal.test")
    const procedure = url.pathname.replace("/api/trpc/", "")
    calls.push(procedure)
    if (procedure === "auth.passwordPolicy") return Response.json({ result: { data: policy } })
    if (procedure === "auth.requestEmailCode")
      return Response.json({ result: { data: { expiresInSeconds: 600 } } })
    if (procedure === "auth.registerEmail") return Response.json(weak, { status: 400 })
    return Response.json({ error: { message: "unexpected", code: -32004, data: {} } }, { status: 404 })
  }) as typeof fetch

describe("注册 (register page)", () => {
  it("shows the server's password policy, puts a weak-password refusal under the field, in either language", async () => {
    window.history.pushState(null, "", "/register")
    const calls: Array<string> = []
    render(
      <UiProvider i18n={createI18n({ resources: portalResources, defaultNS: "portal", language: "zh-CN" })}>
        <App fetch={fakeApi(calls)} />
      </UiProvider>,
    )
    await waitFor(() => expect(screen.getByTestId("password-policy").textContent).toContain(policy.zh))
    // Never signed in in this browser: no auth.me (it could only answer 401).
    expect(calls).toEqual(["auth.passwordPolicy"])

    fireEvent.change(screen.getByLabelText("邮箱"), { target: { value: "a@example.cn" } })
    // The code is mailed; the screen says the same whether the address is taken or not.
    await act(async () => {
      fireEvent.click(screen.getByTestId("send-code"))
    })
    await waitFor(() =>
      expect(screen.getByTestId("code-sent").textContent).toContain("已向 a@example.cn 发送邮件"),
    )
    expect(calls).toContain("auth.requestEmailCode")
    expect(screen.getByTestId("send-code").textContent).toBe("重新发送")
    fireEvent.change(screen.getByLabelText("邮箱验证码"), { target: { value: "123456" } })
    fireEvent.change(screen.getByLabelText("姓名"), { target: { value: "王晓明" } })
    const passwordItem = () =>
      screen.getByLabelText(/^(密码|Password)$/).closest(".ant-form-item") as HTMLElement
    // The server's policy runs in the browser as the person types: a common password is refused at once, and
    // submitting sends nothing.
    fireEvent.change(screen.getByLabelText("密码"), { target: { value: "password12" } })
    await waitFor(() => expect(passwordItem().textContent).toContain("密码不符合要求：不得使用常见弱密码"))
    await act(async () => {
      fireEvent.submit(screen.getByLabelText("密码").closest("form") as HTMLFormElement)
    })
    expect(calls).not.toContain("auth.registerEmail")
    // A password the browser accepts goes to the server; its refusal is placed under the same field.
    fireEvent.change(screen.getByLabelText("密码"), { target: { value: "Huaishang-2026-apply" } })
    await waitFor(() => expect(passwordItem().textContent).not.toContain("密码不符合要求"))
    await act(async () => {
      fireEvent.submit(screen.getByLabelText("密码").closest("form") as HTMLFormElement)
    })
    await waitFor(() => expect(passwordItem().textContent).toContain("密码不符合要求：须包含数字"))
    expect(calls).toContain("auth.registerEmail")
    expect(screen.getByTestId("problem").textContent).toContain("req-7")

    await act(async () => {
      fireEvent.click(screen.getByText("English"))
    })
    await waitFor(() =>
      expect(passwordItem().textContent).toContain("Password does not meet the policy: must contain a digit"),
    )
    expect(screen.getByTestId("password-policy").textContent).toContain(policy.en)
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Create an account")
  })
})
