import { schema } from "@cadre/db"
import { eq } from "drizzle-orm"
import { TRPCError } from "@trpc/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_PASSWORD, type Harness, makeHarness, registerByEmail } from "../test-support.js"
import { passwordProblems } from "./password.js"

let h: Harness
beforeAll(async () => {
  h = await makeHarness({ maxFailures: 3 })
}, 120_000)
afterAll(async () => h?.close())

const failure = async (p: Promise<unknown>): Promise<TRPCError> => {
  try {
    await p
  } catch (e) {
    if (e instanceof TRPCError) return e
    throw e
  }
  throw new Error("expected the call to fail")
}

const cookieOf = (resHeaders: Headers): string =>
  resHeaders
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ")

describe("password policy", () => {
  it("lists every rule a password breaks, in both languages", () => {
    const problems = passwordProblems("abc", ["someone@example.org"])
    expect(problems.map((p) => p.en)).toEqual(["at least 10 characters", "must contain a digit"])
    expect(passwordProblems("someone-2026-x", ["someone@example.org"]).map((p) => p.zh)).toEqual([
      "不得包含账号（邮箱名或手机号）",
    ])
    expect(passwordProblems("Strong-pass-2026", ["a@b.org"])).toEqual([])
  })

  it("registration with a weak password is refused with the policy message (zh default, en on request)", async () => {
    const zh = await failure(
      h.caller().auth.registerEmail({
        email: "weak@test.example.org",
        code: "000000",
        password: "short",
        name: "弱密码",
      }),
    )
    expect(zh.code).toBe("BAD_REQUEST")
    expect(zh.message).toBe("密码不符合要求：至少 10 个字符；须包含数字")
    const en = await failure(
      h.caller({ "accept-language": "en-GB,en;q=0.9" }).auth.registerEmail({
        email: "weak@test.example.org",
        code: "000000",
        password: "password123",
        name: "weak",
      }),
    )
    expect(en.message).toBe("Password does not meet the policy: must not be a common password")
  })
})

describe("password policy (issue 15: @cadre/password, normalised before the checks)", () => {
  it.each([
    "aaaaaaaaa1",
    "1111111111a",
    "qwerty12345",
    `${" ".repeat(10)}1a`,
    "ｐａｓｓｗｏｒｄ１２３",
    "password12",
    "Strong-\u0000-pass-2026",
  ])("registration refuses %j with the policy message", async (password) => {
    const e = await failure(
      h
        .caller()
        .auth.registerEmail({ email: "policy@test.example.org", code: "000000", password, name: "弱密码" }),
    )
    expect(e.code).toBe("BAD_REQUEST")
  })

  it("the demo password and a passphrase are accepted", () => {
    expect(passwordProblems(DEMO_PASSWORD, ["yangpu.org@demo.example.org"])).toEqual([])
    expect(passwordProblems("correct horse battery staple", ["a@b.org"])).toEqual([])
  })
})

describe("sessions", () => {
  it("registration signs in with an HttpOnly, SameSite session cookie that authenticates later calls", async () => {
    const { resHeaders } = await registerByEmail(h, {
      email: "cookie@test.example.org",
      password: "Sesame-pass-2026",
      name: "甲",
    })
    const setCookie = resHeaders.getSetCookie().find((c) => c.startsWith("cadre.session_token="))
    expect(setCookie).toBeDefined()
    expect(setCookie).toMatch(/;\s*HttpOnly/i)
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i)
    expect(setCookie).toMatch(/;\s*Max-Age=\d+/i)
    const me = await h.caller({ cookie: cookieOf(resHeaders) }).auth.me()
    expect(me.role).toBe("applicant")
    expect(me.scope._tag).toBe("SelfScope")
  })

  it("login sets the cookie; logout ends the session", async () => {
    const { caller, resHeaders } = h.callerWithResponse()
    await caller.auth.login({ identifier: "cookie@test.example.org", password: "Sesame-pass-2026" })
    const cookie = cookieOf(resHeaders)
    expect((await h.caller({ cookie }).auth.me()).displayName).toBe("甲")
    await h.caller({ cookie }).auth.logout()
    expect((await failure(h.caller({ cookie }).auth.me())).code).toBe("UNAUTHORIZED")
  })

  it("registers by phone with the code the default sender writes to the log", async () => {
    await h.caller().auth.requestPhoneCode({ phone: "13900002222" })
    const line = h.logs.findLast((l) => l.msg.startsWith("phone verification code"))
    const code = String(line?.fields.code)
    const wrong = await failure(
      h.caller().auth.registerPhone({
        phone: "13900002222",
        code: code === "000000" ? "111111" : "000000",
        password: "Phone-pass-2026",
        name: "乙",
      }),
    )
    expect(wrong.message).toContain("验证码错误")
    const { caller, resHeaders } = h.callerWithResponse()
    await caller.auth.registerPhone({ phone: "13900002222", code, password: "Phone-pass-2026", name: "乙" })
    expect(resHeaders.getSetCookie().length).toBeGreaterThan(0)
    // …and signs in with the phone number afterwards.
    await h.caller().auth.login({ identifier: "13900002222", password: "Phone-pass-2026" })
  })
})

describe("lockout", () => {
  it("locks an identifier after repeated failures, even for the right password", async () => {
    await registerByEmail(h, { email: "lock@test.example.org", password: "Right-pass-2026", name: "丙" })
    const login = (password: string) =>
      h.caller().auth.login({ identifier: "lock@test.example.org", password })
    const first = await failure(login("wrong-password-1"))
    expect(first.code).toBe("UNAUTHORIZED")
    expect(first.message).toContain("再失败 2 次")
    await failure(login("wrong-password-2"))
    const third = await failure(login("wrong-password-3"))
    expect(third.code).toBe("TOO_MANY_REQUESTS")
    const right = await failure(login("Right-pass-2026"))
    expect(right.code).toBe("TOO_MANY_REQUESTS")
    expect(right.message).toContain("已暂时锁定")
    expect(h.logs.some((l) => l.msg === "account locked after failed sign-ins")).toBe(true)
  })
})

describe("API tokens", () => {
  it("an org admin issues a token to an integrator in scope; it works until revoked", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const { accountId } = await h.caller(org).accounts.create({
      email: "integrator@test.example.org",
      name: "对接系统",
      password: DEMO_PASSWORD,
      role: "integrator",
      scope: { regionId: "310110" },
    })
    const issued = await h.caller(org).accounts.issueToken({ accountId, name: "HR system" })
    expect(issued.token).toMatch(/^cdr_/)
    const bearer = { authorization: `Bearer ${issued.token}` }
    expect((await h.caller(bearer).auth.me()).role).toBe("integrator")
    expect((await h.caller(bearer).schemes.list({})).length).toBeGreaterThan(0)
    await h.caller(org).accounts.revokeToken({ tokenId: issued.id })
    expect((await failure(h.caller(bearer).schemes.list({}))).code).toBe("UNAUTHORIZED")
    // An unknown token is no better.
    expect((await failure(h.caller({ authorization: "Bearer cdr_nope" }).auth.me())).code).toBe(
      "UNAUTHORIZED",
    )
  })

  it("a token's last use is written to the minute: reads within a minute of the last write do not write again", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const { accountId } = await h.caller(org).accounts.create({
      email: "integrator-lastused@test.example.org",
      name: "对接系统（最近使用）",
      password: DEMO_PASSWORD,
      role: "integrator",
      scope: { regionId: "310110" },
    })
    const issued = await h.caller(org).accounts.issueToken({ accountId, name: "OA" })
    const bearer = { authorization: `Bearer ${issued.token}` }
    const lastUsed = async () =>
      (
        await h.handle.db
          .select({ at: schema.apiTokens.lastUsedAt })
          .from(schema.apiTokens)
          .where(eq(schema.apiTokens.id, issued.id))
      )[0]?.at ?? null
    const setLastUsed = (at: Date) =>
      h.handle.db.update(schema.apiTokens).set({ lastUsedAt: at }).where(eq(schema.apiTokens.id, issued.id))
    await h.caller(bearer).auth.me()
    expect(await lastUsed()).not.toBeNull()
    // Used 10 s ago: another read leaves it alone.
    const recent = new Date(Date.now() - 10_000)
    await setLastUsed(recent)
    await h.caller(bearer).auth.me()
    expect((await lastUsed())?.getTime()).toBe(recent.getTime())
    // Used two minutes ago: the next read records it.
    const old = new Date(Date.now() - 120_000)
    await setLastUsed(old)
    await h.caller(bearer).auth.me()
    expect((await lastUsed())?.getTime()).toBeGreaterThan(old.getTime() + 60_000)
  })

  it("a street admin cannot issue a token to an integrator of the district", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "310110001" })
    const { accountId } = await h.caller(org).accounts.create({
      email: "integrator2@test.example.org",
      name: "对接系统二",
      password: DEMO_PASSWORD,
      role: "integrator",
      scope: { regionId: "310110" },
    })
    const e = await failure(h.caller(street).accounts.issueToken({ accountId, name: "x" }))
    expect(e.code).toBe("BAD_REQUEST")
  })
})
