import { loginAttempts } from "@cadre/db"
import { eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  failure,
  type Harness,
  mailedCode,
  makeHarness,
  registerByEmail,
  tagOf,
  textOf,
} from "../test-support.js"

/**
 * Sign-in, registration and phone-code limits under parallel attack (issue 15). The limits are taken atomically
 * in the database BEFORE a password or code is checked, so a burst checks at most the limit, on PGlite and
 * PostgreSQL alike. `login_attempts` records every sign-in whose password was actually checked.
 */

let h: Harness
beforeAll(async () => {
  // The defaults: 5 failures per identifier, 20 per client IP (15 minutes each).
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const checked = async (where: { identifier?: string; ip?: string }) =>
  (
    await h.handle.db
      .select({ id: loginAttempts.id })
      .from(loginAttempts)
      .where(
        where.identifier !== undefined
          ? eq(loginAttempts.identifier, where.identifier)
          : eq(loginAttempts.ip, where.ip ?? ""),
      )
  ).length

const settle = async (calls: ReadonlyArray<Promise<unknown>>) => {
  const results = await Promise.allSettled(calls)
  const codes = results.map((r) =>
    r.status === "fulfilled" ? "OK" : ((r.reason as { code?: string }).code ?? String(r.reason)),
  )
  const count = (code: string) => codes.filter((c) => c === code).length
  return { results, codes, count }
}

const codeSent = (phone: string) =>
  h.logs.filter((l) => l.msg.startsWith("phone verification code") && l.fields.phone === phone)

describe("sign-in bursts check at most the limit", () => {
  it("200 parallel guesses at one account: at most 5 passwords checked, the right one among them refused", async () => {
    const email = "target@test.example.org"
    await registerByEmail(h, { email, password: "Burst-victim-2026", name: "甲" })
    const guesses = Array.from({ length: 200 }, (_, i) =>
      h
        .caller()
        .auth.login({ identifier: email, password: i === 199 ? "Burst-victim-2026" : `Wrong-guess-${i}` }),
    )
    const { count, results } = await settle(guesses)
    expect(await checked({ identifier: email })).toBeLessThanOrEqual(5)
    expect(count("OK")).toBe(0)
    expect(count("TOO_MANY_REQUESTS")).toBeGreaterThanOrEqual(195)
    expect(count("INTERNAL_SERVER_ERROR")).toBe(0)
    expect(results[199]?.status).toBe("rejected")
  }, 120_000)

  it("100 parallel guesses across 100 accounts from one IP: at most 20 passwords checked", async () => {
    const ip = "203.0.113.50"
    const guesses = Array.from({ length: 100 }, (_, i) =>
      h.caller({}, ip).auth.login({ identifier: `spray${i}@test.example.org`, password: "Spray-guess-2026" }),
    )
    const { count } = await settle(guesses)
    expect(await checked({ ip })).toBeLessThanOrEqual(20)
    expect(count("UNAUTHORIZED")).toBeLessThanOrEqual(20)
    expect(count("TOO_MANY_REQUESTS")).toBeGreaterThanOrEqual(80)
    expect(count("INTERNAL_SERVER_ERROR")).toBe(0)
  }, 120_000)
})

describe("phone codes", () => {
  const register = (phone: string, code: string, ip?: string) =>
    h.caller({}, ip).auth.registerPhone({ phone, code, password: "Phone-owner-2026", name: "乙" })

  it("after 5 wrong codes the code dies: the right code is refused afterwards", async () => {
    const phone = "13900003331"
    await h.caller().auth.requestPhoneCode({ phone })
    const code = String(codeSent(phone).at(-1)?.fields.code)
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0")
    for (let i = 0; i < 5; i++) expect(tagOf(await failure(register(phone, wrong(i))))).toBe("InvalidCode")
    const right = await failure(register(phone, code))
    expect(tagOf(right)).toBe("InvalidCode")
    expect(textOf(right).zh).toContain("验证码")
  })

  it("300 parallel wrong codes then the right one: never registered", async () => {
    const phone = "13900003332"
    await h.caller().auth.requestPhoneCode({ phone })
    const code = String(codeSent(phone).at(-1)?.fields.code)
    const attempts = Array.from({ length: 300 }, (_, i) =>
      register(phone, i === 299 ? code : String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0")),
    )
    const { count } = await settle(attempts)
    expect(count("OK")).toBe(0)
    expect(count("INTERNAL_SERVER_ERROR")).toBe(0)
    expect(tagOf(await failure(register(phone, code)))).toBe("InvalidCode")
  }, 120_000)

  it("code requests are limited per phone (5 an hour) and per client IP (20 an hour); refused ones send nothing", async () => {
    const phone = "13900003333"
    for (let i = 0; i < 5; i++) await h.caller().auth.requestPhoneCode({ phone })
    const refused = await failure(h.caller().auth.requestPhoneCode({ phone }))
    expect(refused.code).toBe("TOO_MANY_REQUESTS")
    expect(textOf(refused).zh).toContain("验证码")
    expect(textOf(refused).en).toContain("code")
    expect(codeSent(phone)).toHaveLength(5)

    const ip = "198.51.100.77"
    const burst = Array.from({ length: 30 }, (_, i) =>
      h.caller({}, ip).auth.requestPhoneCode({ phone: `1370000${String(i).padStart(4, "0")}` }),
    )
    const { count } = await settle(burst)
    expect(count("OK")).toBe(20)
    expect(count("TOO_MANY_REQUESTS")).toBe(10)
  })
})

describe("registration", () => {
  it("is limited per client IP (10 an hour)", async () => {
    const ip = "192.0.2.10"
    const emails = Array.from({ length: 15 }, (_, i) => `mass${i}@test.example.org`)
    for (const email of emails) await h.caller().auth.requestEmailCode({ email })
    const burst = emails.map((email) =>
      h.caller({}, ip).auth.registerEmail({
        email,
        code: mailedCode(h, email),
        password: "Mass-account-2026",
        name: "丙",
      }),
    )
    const { count } = await settle(burst)
    expect(count("OK")).toBe(10)
    expect(count("TOO_MANY_REQUESTS")).toBe(5)
  })

  it("8 parallel registrations with one mailed code: 1 × OK, 7 told the code is spent (bilingual), never 500", async () => {
    const email = "double@test.example.org"
    await h.caller().auth.requestEmailCode({ email })
    const code = mailedCode(h, email)
    const burst = Array.from({ length: 8 }, () =>
      h.caller().auth.registerEmail({ email, code, password: "Twice-over-2026", name: "丁" }),
    )
    const { count, results } = await settle(burst)
    expect(count("OK")).toBe(1)
    expect(count("BAD_REQUEST")).toBe(7)
    for (const r of results)
      if (r.status === "rejected") {
        expect(tagOf(r.reason)).toBe("InvalidCode")
        expect(textOf(r.reason)).toEqual({
          zh: "验证码错误或已过期",
          en: "The verification code is wrong or has expired",
        })
      }
  })

  it("8 parallel accounts.create of one e-mail: 1 × OK, 7 × CONFLICT, never 500", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const burst = Array.from({ length: 8 }, () =>
      h.caller(org).accounts.create({
        email: "street.twice@test.example.org",
        name: "街道管理员",
        password: "Street-admin-2026",
        role: "street_admin",
        scope: { regionId: "310110002" },
      }),
    )
    const { count } = await settle(burst)
    expect(count("OK")).toBe(1)
    expect(count("CONFLICT")).toBe(7)
  })

  it("better-auth's complaints about the lost races reach our JSON logger: one line, no colours, no e-mail, no SQL", () => {
    const lines = h.logs.filter((l) => l.fields.source === "better-auth")
    expect(lines.length).toBeGreaterThan(0)
    for (const l of lines) {
      const text = JSON.stringify(l)
      expect(text).not.toContain("\\u001b")
      expect(text).not.toContain(String.fromCharCode(27))
      expect(l.msg).not.toContain("\n")
      expect(text).not.toContain("@test.example.org")
      expect(text).not.toMatch(/insert into|params/i)
    }
  })

  it("nothing on screen tells a staff, an applicant and a free e-mail apart (issue 15: registerEmail enumeration)", async () => {
    await h.actorHeaders({
      role: "org_dept_admin",
      regionId: "310110",
      email: "staff.secret@test.example.org",
    })
    await registerByEmail(h, {
      email: "applicant.known@test.example.org",
      password: "Known-applicant-2026",
      name: "戊",
    })
    const emails = [
      "staff.secret@test.example.org",
      "applicant.known@test.example.org",
      "nobody.here@test.example.org",
    ]
    const blank = (email: string, v: unknown) =>
      JSON.stringify(v).replaceAll(email.split("@")[0] ?? email, "X")
    // Asking for a code: the same answer for all three.
    const asked = await Promise.all(emails.map((email) => h.caller().auth.requestEmailCode({ email })))
    expect(new Set(asked.map((a, i) => blank(emails[i] ?? "", a))).size).toBe(1)
    // Only the mailbox learns: a taken address gets a notice, a free one a code.
    const mailed = (email: string) =>
      h.logs.filter((l) => l.fields.email === email).map((l) => l.msg.split(" (")[0])
    expect(mailed("staff.secret@test.example.org")).toEqual([
      "e-mail registration notice: the address already has an account",
    ])
    expect(mailed("nobody.here@test.example.org")).toEqual(["e-mail verification code"])
    // Registering with a guessed code: the same refusal whoever holds the address (or nobody).
    const guess = async (email: string) => {
      const e = await failure(
        h.caller().auth.registerEmail({ email, code: "123456", password: "Another-try-2026", name: "己" }),
      )
      return { code: e.code, text: textOf(e), tag: tagOf(e) }
    }
    const answers = await Promise.all(emails.slice(0, 2).map(guess))
    expect(answers[0]).toEqual({
      code: "BAD_REQUEST",
      text: { zh: "验证码错误或已过期", en: "The verification code is wrong or has expired" },
      tag: "InvalidCode",
    })
    expect(answers[1]).toEqual(answers[0])
    // A refused password says the same for a known and an unknown e-mail: the policy is checked first.
    const weak = async (email: string) =>
      textOf(
        await failure(
          h.caller().auth.registerEmail({ email, code: "123456", password: "aaaaaaaaa1", name: "庚" }),
        ),
      )
    expect(await weak("staff.secret@test.example.org")).toEqual(await weak("nobody.here@test.example.org"))
  })

  it("e-mail codes are limited per address and die after 5 wrong guesses", async () => {
    const email = "guessed@test.example.org"
    for (let i = 0; i < 5; i++) await h.caller().auth.requestEmailCode({ email })
    const sixth = await failure(h.caller().auth.requestEmailCode({ email }))
    expect(sixth.code).toBe("TOO_MANY_REQUESTS")
    const code = mailedCode(h, email)
    for (let i = 0; i < 5; i++) {
      const wrong = String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0")
      const e = await failure(
        h.caller().auth.registerEmail({ email, code: wrong, password: "Strong-pass-2026", name: "辛" }),
      )
      expect(tagOf(e)).toBe("InvalidCode")
    }
    const right = await failure(
      h.caller().auth.registerEmail({ email, code, password: "Strong-pass-2026", name: "辛" }),
    )
    expect(tagOf(right)).toBe("InvalidCode")
  })
})
