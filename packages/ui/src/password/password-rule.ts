import type { Rule } from "antd/es/form"

/**
 * The platform's password policy (@cadre/password, the same code the API enforces), as an antd Form rule: checked
 * as the person types, every rule broken listed in their language, common and patterned passwords refused on the
 * screen before the server refuses them (issue 17 item 6). The policy and its zxcvbn dictionary load on first use,
 * so they stay out of a page's initial JavaScript.
 *
 * `identifiers`: the account's e-mail and/or phone as typed so far (their names must not appear in the password).
 */
export const passwordPolicyRule = (
  language: string,
  identifiers: () => ReadonlyArray<string | undefined>,
): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (typeof value !== "string" || value === "") return // "required" speaks for an empty field
    const { passwordProblems } = await import("@cadre/password")
    const ids = identifiers().filter((x): x is string => typeof x === "string" && x.trim() !== "")
    const problems = passwordProblems(value, ids)
    if (problems.length === 0) return
    const en = language === "en"
    throw new Error(
      en
        ? `Password does not meet the policy: ${problems.map((p) => p.en).join("; ")}`
        : `密码不符合要求：${problems.map((p) => p.zh).join("；")}`,
    )
  },
})
