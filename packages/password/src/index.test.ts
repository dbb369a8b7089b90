import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { normalizePassword, PASSWORD_POLICY, passwordProblems } from "./index.js"

const en = (password: string, ids: ReadonlyArray<string> = []) =>
  passwordProblems(password, ids).map((p) => p.en)

describe("the password policy", () => {
  it.each([
    ["aaaaaaaaa1", "repeated characters"],
    ["1111111111a", "repeated characters"],
    ["qwerty12345", "keyboard pattern"],
    [`${" ".repeat(10)}1a`, "spaces"],
    ["ｐａｓｓｗｏｒｄ１２３", "full-width common password"],
    ["password12", "common password"],
    ["password123", "common password"],
    ["abcdefghij1", "sequence"],
    ["1qaz2wsx3edc", "keyboard pattern"],
    ["zxcvbnm,./1", "keyboard pattern"],
    ["woaini1314520", "pinyin common password"],
    ["Secret\u0000-pass-2026", "NUL"],
    ["Secret\n-pass-2026", "line break"],
    ["Secret-\uD800pass-2026", "lone surrogate"],
    ["short1", "too short"],
    [`${"Ab3-".repeat(40)}`, "too long"],
  ])("refuses %j (%s)", (password) => {
    expect(passwordProblems(password, [])).not.toEqual([])
  })

  it.each([
    "Demo-cadre-2026",
    "Strong-pass-2026",
    "Street-admin-2026",
    "Integrator-pass-2026",
    "correct horse battery staple",
    "马上春天去杭州看西湖 2026",
    "Tea with 3 sugars, please",
  ])("accepts %j", (password) => {
    expect(passwordProblems(password, ["someone@example.org"])).toEqual([])
  })

  it("names the rules broken, in both languages", () => {
    expect(en("abc")).toEqual(["at least 10 characters", "must contain a digit"])
    expect(en("aaaaaaaaa1")).toEqual(["at least 5 different characters (spaces do not count)"])
    expect(en("qwerty12345")).toEqual(["must not be a common password"])
    expect(en("zxcvbnm,./1")).toEqual(["no keyboard patterns (qwerty, 1qaz2wsx)"])
    expect(passwordProblems("someone-2026-x", ["someone@example.org"]).map((p) => p.zh)).toEqual([
      "不得包含账号（邮箱名或手机号）",
    ])
    expect(en("a\u0000b")).toEqual(["no control characters (NUL, line breaks) or invalid characters"])
    // The admin and portal show the policy and these messages (their browser tests look for them).
    expect(PASSWORD_POLICY.zh).toMatch(/^密码须为 10–128 个字符，同时包含字母和数字/)
    expect(passwordProblems("dinghai").map((p) => p.zh)).toEqual(["至少 10 个字符", "须包含数字"])
  })

  it("full-width characters count as their ASCII forms", () => {
    expect(normalizePassword("ｐａｓｓｗｏｒｄ１２３")).toBe("password123")
    expect(en("ｐａｓｓｗｏｒｄ１２３")).toEqual(en("password123"))
    expect(passwordProblems("Ｄｅｍｏ－ｃａｄｒｅ－２０２６")).toEqual([])
  })

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        const problems = passwordProblems(s, ["x@example.org"])
        for (const p of problems) expect(p.zh.length * p.en.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})
