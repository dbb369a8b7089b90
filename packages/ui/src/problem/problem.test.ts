import { createClient } from "@cadre/client"
import { describe, expect, it } from "vitest"
import {
  fieldIssues,
  isInternal,
  isStale,
  isUnauthenticated,
  type Problem,
  problemOf,
  problemTag,
  problemText,
  stripField,
  unplacedIssues,
} from "./problem.js"

/** What the API answers for a refusal (see docs/api.md, "Errors"). */
const refusal = (data: Record<string, unknown>, status = 400) =>
  Response.json({ error: { message: "…", code: -32600, data } }, { status })

const invalid = {
  code: "BAD_REQUEST",
  httpStatus: 400,
  tag: "InvalidInput",
  message: { zh: "输入有误：身份证号（profile.idNumber）：校验位不正确", en: "Invalid input: ID number …" },
  issues: [
    {
      path: ["profile", "idNumber"],
      message: {
        zh: "身份证号（profile.idNumber）：校验位不正确",
        en: "ID number (profile.idNumber): bad check digit",
      },
    },
    {
      path: ["profile", "hukou"],
      message: { zh: "户籍（profile.hukou）：必填", en: "Household registration (profile.hukou): required" },
    },
  ],
  requestId: "req-1",
}

/** The error a real client throws when `fetch` answers (or fails) like this. */
const thrown = async (fetch: typeof globalThis.fetch): Promise<unknown> =>
  createClient({ url: "http://api.test/trpc", fetch })
    .auth.me.query()
    .then(
      () => {
        throw new Error("expected a failure")
      },
      (error: unknown) => error,
    )

describe("problemOf", () => {
  it("keeps the server's explanation: tag, both languages, issues, request id", async () => {
    const problem = problemOf(await thrown(async () => refusal(invalid)))
    expect(problem).toEqual({
      kind: "api",
      code: "BAD_REQUEST",
      tag: "InvalidInput",
      message: invalid.message,
      issues: invalid.issues,
      requestId: "req-1",
    })
    expect(problemTag(problem)).toBe("InvalidInput")
    expect(isInternal(problem)).toBe(false)
  })

  it("is network when the API cannot be reached, or a proxy answers instead of it", async () => {
    const unreachable = await thrown(async () => {
      throw new TypeError("Failed to fetch")
    })
    expect(problemOf(unreachable)).toEqual({ kind: "network" })
    const gateway = await thrown(async () => new Response("<html>Bad Gateway</html>", { status: 502 }))
    expect(problemOf(gateway)).toEqual({ kind: "network" })
    expect(problemOf(new TypeError("NetworkError when attempting to fetch resource."))).toEqual({
      kind: "network",
    })
    expect(problemTag({ kind: "network" })).toBe("Network")
  })

  it("is unknown for anything else, with its message", () => {
    expect(problemOf(new RangeError("no record at screened"))).toEqual({
      kind: "unknown",
      message: "no record at screened",
    })
    expect(problemOf("boom")).toEqual({ kind: "unknown", message: "boom" })
    expect(problemTag({ kind: "unknown", message: "boom" })).toBe("Unknown")
  })

  it("tells a defect (500), a stale version and a missing session apart", async () => {
    const internal = problemOf(
      await thrown(async () =>
        refusal(
          {
            code: "INTERNAL_SERVER_ERROR",
            httpStatus: 500,
            tag: "Internal",
            message: { zh: "系统内部错误", en: "Internal error" },
            issues: [],
            requestId: "req-500",
          },
          500,
        ),
      ),
    )
    expect(isInternal(internal)).toBe(true)
    const stale = problemOf(
      await thrown(async () => refusal({ ...invalid, code: "CONFLICT", tag: "StaleVersion" }, 409)),
    )
    expect(isStale(stale)).toBe(true)
    expect(isStale(internal)).toBe(false)
    expect(isStale(null)).toBe(false)
    const unauthenticated = await thrown(async () =>
      refusal({ ...invalid, code: "UNAUTHORIZED", tag: "Unauthenticated", issues: [] }, 401),
    )
    expect(isUnauthenticated(unauthenticated)).toBe(true)
    expect(isUnauthenticated(new Error("x"))).toBe(false)
  })
})

describe("problemText", () => {
  const api = (tag: string): Problem => ({
    kind: "api",
    code: "CONFLICT",
    tag,
    message: { zh: "该报告已于 2026-11-25 报送", en: "this report was filed on 2026-11-25" },
    issues: [],
    requestId: "req-9",
  })

  it("is the server's words in the language asked for", () => {
    expect(problemText(api("Conflict"), "zh-CN")).toBe("该报告已于 2026-11-25 报送")
    expect(problemText(api("Conflict"), "en")).toBe("this report was filed on 2026-11-25")
  })

  it("says what to do about a stale version, and that the service cannot be reached, in plain words", () => {
    expect(problemText(api("StaleVersion"), "zh-CN")).toBe("该记录已被他人修改，请刷新页面后重试。")
    expect(problemText(api("StaleVersion"), "en")).toBe(
      "Someone else changed this record. Reload the page and try again.",
    )
    expect(problemText({ kind: "network" }, "zh-CN")).toBe("无法连接服务，请稍后重试。")
    expect(problemText({ kind: "network" }, "en")).toBe("Cannot reach the service. Please try again later.")
    expect(problemText({ kind: "unknown", message: "x" }, "zh-CN")).toBe("操作未成功，请稍后重试。")
  })
})

describe("fieldIssues", () => {
  const problem: Problem = { kind: "api", ...invalid }
  const fieldOf = (path: ReadonlyArray<PropertyKey>) => (path[1] === "idNumber" ? "idNumber" : undefined)

  it("puts each issue at its form field, without the 字段（path）： prefix", () => {
    expect(fieldIssues(problem, fieldOf)).toEqual([
      { field: "idNumber", message: { zh: "校验位不正确", en: "bad check digit" } },
    ])
  })

  it("leaves the issues of no field to unplacedIssues, as the server wrote them", () => {
    expect(unplacedIssues(problem, fieldOf)).toEqual([
      { path: ["profile", "hukou"], message: invalid.issues[1]?.message },
    ])
  })

  it("reads the server's explanation as @cadre/client's errorDetails gives it, too", () => {
    expect(fieldIssues(invalid, fieldOf)).toEqual(fieldIssues(problem, fieldOf))
  })

  it("has no issues for a failure on this side", () => {
    expect(fieldIssues({ kind: "network" }, fieldOf)).toEqual([])
    expect(unplacedIssues({ kind: "unknown", message: "x" }, fieldOf)).toEqual([])
  })
})

describe("stripField", () => {
  it("drops the field named in either language, and leaves other text alone", () => {
    expect(stripField("身份证号（profile.idNumber）：校验位不正确")).toBe("校验位不正确")
    expect(stripField("ID number (profile.idNumber): bad check digit")).toBe("bad check digit")
    expect(stripField("密码不符合要求：须包含数字")).toBe("密码不符合要求：须包含数字")
  })
})
