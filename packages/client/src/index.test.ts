import { describe, expect, it } from "vitest"
import { createClient, errorDetails } from "./index.js"

describe("createClient", () => {
  it("sends the token as a Bearer header and the language, and exposes the server's explanation", async () => {
    const seen: Array<Headers> = []
    const fakeFetch: typeof fetch = async (_input, init) => {
      seen.push(new Headers(init?.headers))
      return new Response(
        JSON.stringify({
          error: {
            message: "Please sign in (or send a valid API token)",
            code: -32001,
            data: {
              code: "UNAUTHORIZED",
              httpStatus: 401,
              tag: "Unauthenticated",
              message: {
                zh: "请先登录（或提供有效的接口令牌）",
                en: "Please sign in (or send a valid API token)",
              },
              issues: [],
              requestId: "req-1",
            },
          },
        }),
        { status: 401, headers: { "content-type": "application/json" } },
      )
    }
    const api = createClient({ url: "http://api.test/trpc", token: "cdr_x", lang: "en", fetch: fakeFetch })
    const error = await api.auth.me.query().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(seen[0]?.get("authorization")).toBe("Bearer cdr_x")
    expect(seen[0]?.get("x-lang")).toBe("en")
    expect(errorDetails(error)).toEqual({
      code: "UNAUTHORIZED",
      tag: "Unauthenticated",
      message: { zh: "请先登录（或提供有效的接口令牌）", en: "Please sign in (or send a valid API token)" },
      issues: [],
      requestId: "req-1",
    })
    expect(errorDetails(new Error("x"))).toBeUndefined()
  })
})
