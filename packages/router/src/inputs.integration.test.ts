import { TRPCError } from "@trpc/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 15, "inputs never crash": a NUL byte or a lone surrogate anywhere in an input, a date that does not exist
 * or lies far outside the calendar, are refused as InvalidInput naming the field in Chinese and English, before
 * anything reaches SQL or the kernel — never a 500.
 */

let h: Harness
let org: Record<string, string>
let integratorId: string

beforeAll(async () => {
  h = await makeHarness({ maxFailures: 1000, maxFailuresPerIp: 1000 })
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  const integrator = await h.actorHeaders({ role: "integrator", regionId: "310110" })
  integratorId = (await h.caller(integrator).auth.me()).accountId
}, 120_000)
afterAll(async () => h?.close())

const invalid = async (p: Promise<unknown>) => {
  const e = await failure(p)
  expect(e).toBeInstanceOf(TRPCError)
  expect(e.code, e.message).toBe("BAD_REQUEST")
  expect(tagOf(e)).toBe("InvalidInput")
  return textOf(e)
}

describe("strings refuse NUL bytes and lone surrogates, naming the field", () => {
  it("auth.login with a NUL byte in the identifier, unauthenticated", async () => {
    const text = await invalid(h.caller().auth.login({ identifier: "a\u0000b", password: "x" }))
    expect(text.zh).toContain("邮箱或手机号")
    expect(text.zh).toMatch(/空字符|NUL/)
    expect(text.en).toContain("e-mail or phone")
  })

  it("a lone surrogate in a nested field (a unit's name) is refused, not stored", async () => {
    const text = await invalid(
      h.caller(org).units.create({
        id: "u-surrogate",
        regionId: "310110",
        name: "单位\ud800",
        roles: ["dispatching"],
        category: "agency",
      } as never),
    )
    expect(text.zh).toMatch(/代理/)
  })

  it("a NUL byte in an object key is refused too", async () => {
    await invalid(h.caller(org).audit.query({ "entity\u0000": "x" } as never))
  })

  it("deeply nested values are refused before decoding", async () => {
    let deep: unknown = "x"
    for (let i = 0; i < 5000; i++) deep = [deep]
    await invalid(h.caller(org).audit.query({ entity: deep } as never))
  })
})

describe("dates exist and lie within sane bounds", () => {
  it("audit.query refuses a year 99999 and a 30 February", async () => {
    const far = await invalid(h.caller(org).audit.query({ from: "99999-01-01" } as never))
    expect(far.zh).toContain("时间")
    expect(far.zh).not.toMatch(/a valid Date/)
    await invalid(h.caller(org).audit.query({ from: "2026-02-30" } as never))
    await invalid(h.caller(org).audit.query({ to: "yesterday" } as never))
    expect(
      Array.isArray(
        (await h.caller(org).audit.query({ from: "2026-02-28", to: "2026-03-01T12:00:00Z" } as never)).items,
      ),
    ).toBe(true)
  })

  it("accounts.issueToken refuses 30 February and an expiry already past", async () => {
    await invalid(
      h
        .caller(org)
        .accounts.issueToken({ accountId: integratorId, name: "t", expiresAt: "2099-02-30" } as never),
    )
    const past = await invalid(
      h
        .caller(org)
        .accounts.issueToken({ accountId: integratorId, name: "t", expiresAt: "2001-01-01" } as never),
    )
    expect(past.zh).toContain("过期时间")
    const ok = await h.caller(org).accounts.issueToken({
      accountId: integratorId,
      name: "t",
      expiresAt: "2099-01-01T00:00:00Z",
    } as never)
    expect(ok).toBeTruthy()
  })
})
