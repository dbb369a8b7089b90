import { describe, expect, it } from "vitest"
import { passwordPolicyRule } from "./password-rule.js"

const check = async (value: string, language = "zh-CN", ids: ReadonlyArray<string> = []) => {
  const rule = passwordPolicyRule(language, () => ids)
  if (typeof rule === "function" || rule.validator === undefined) throw new Error("not a validator rule")
  try {
    await rule.validator({}, value, () => undefined)
    return "ok"
  } catch (e) {
    return (e as Error).message
  }
}

describe("passwordPolicyRule (the server's policy, checked as the person types)", () => {
  it("refuses what the server refuses, in the server's words", async () => {
    expect(await check("short1")).toBe("密码不符合要求：至少 10 个字符")
    expect(await check("password12", "en")).toBe(
      "Password does not meet the policy: must not be a common password",
    )
    expect(await check("ｐａｓｓｗｏｒｄ１２３")).toContain("密码不符合要求")
    expect(await check("wangxiaoming-2026", "zh-CN", ["wangxiaoming@example.cn"])).toContain("密码不符合要求")
  })

  it("accepts a strong password and leaves an empty field to the required rule", async () => {
    expect(await check("Huaishang-2026-apply")).toBe("ok")
    expect(await check("")).toBe("ok")
  })
})
