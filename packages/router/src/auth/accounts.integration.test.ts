import { account, accountRoles, auditLog, loginAttempts, session, user } from "@cadre/db"
import { TRPCError } from "@trpc/server"
import { eq, like, sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { clientIpOf } from "../context.js"
import { DEMO_PASSWORD, type Harness, makeHarness, registerByEmail } from "../test-support.js"
import { hashToken } from "./tokens.js"

/**
 * Account commands and their audit rows (one transaction, compensation when better-auth's user was created
 * outside it), sign-in throttling per client IP, session expiry and logout.
 */

let h: Harness
// The auth service's clock: tests move it forward to let a throttling window pass.
let clock = Date.parse("2026-06-01T08:00:00Z")
beforeAll(async () => {
  h = await makeHarness({ maxFailures: 10, maxFailuresPerIp: 3, now: () => new Date(clock) })
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

describe("account commands: one transaction with the audit row, compensated when it fails", () => {
  it("a failure injected after better-auth created the user leaves no user, no credential and no role", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    // Fail the account's audit row (inside the role transaction), i.e. after the user row exists.
    await h.handle.db.execute(sql`create function fail_doomed_account() returns trigger as $$ begin
      if new.entity = 'account' and new.after->>'email' like 'doomed%' then raise exception 'injected failure'; end if;
      return new; end; $$ language plpgsql`)
    await h.handle.db.execute(
      sql`create trigger fail_doomed_account before insert on audit_log for each row execute function fail_doomed_account()`,
    )
    const count = async () => ({
      users: (await h.handle.db.select({ id: user.id }).from(user)).length,
      credentials: (await h.handle.db.select({ id: account.id }).from(account)).length,
      roles: (await h.handle.db.select({ id: accountRoles.id }).from(accountRoles)).length,
      sessions: (await h.handle.db.select({ id: session.id }).from(session)).length,
    })
    const before = await count()
    const e = await failure(
      h.caller(org).accounts.create({
        email: "doomed.admin@test.example.org",
        name: "不该留下",
        password: "Street-admin-2026",
        role: "street_admin",
        scope: { regionId: "310110002" },
      }),
    )
    expect(e.code).toBe("INTERNAL_SERVER_ERROR")
    const left = await h.handle.db.select().from(user).where(like(user.email, "doomed%"))
    expect(left).toEqual([])
    const roles = await h.handle.db
      .select({ id: accountRoles.id })
      .from(accountRoles)
      .innerJoin(user, eq(user.id, accountRoles.userId))
      .where(like(user.email, "doomed%"))
    expect(roles).toEqual([])
    expect(await count()).toEqual(before)
    expect(h.logs.some((l) => l.msg === "account creation rolled back")).toBe(true)

    // Self-registration is compensated the same way.
    const reg = await failure(
      registerByEmail(h, {
        email: "doomed.applicant@test.example.org",
        password: "Applicant-2026-x",
        name: "申请人",
      }),
    )
    expect(reg.code).toBe("INTERNAL_SERVER_ERROR")
    expect(await h.handle.db.select().from(user).where(like(user.email, "doomed%"))).toEqual([])
    expect(await count()).toEqual(before)
    // The e-mail is free again: nothing half-created blocks a later attempt.
    await h.handle.db.execute(sql`drop trigger fail_doomed_account on audit_log`)
    const ok = await h.caller(org).accounts.create({
      email: "doomed.admin@test.example.org",
      name: "这次成功",
      password: "Street-admin-2026",
      role: "street_admin",
      scope: { regionId: "310110002" },
    })
    expect(ok.accountId).toBeTruthy()
  })

  it("creating an account, issuing and revoking a token are audited in scope, never with a secret", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const password = "Integrator-pass-2026"
    const { accountId } = await h.caller(org).accounts.create({
      email: "erp@test.example.org",
      name: "ERP",
      password,
      role: "integrator",
      scope: { regionId: "310110" },
    })
    const issued = await h.caller(org).accounts.issueToken({ accountId, name: "ERP token" })
    await h.caller(org).accounts.revokeToken({ tokenId: issued.id })
    const { items: rows } = await h.caller(org).audit.query({ limit: 1000 })
    const mine = rows.filter((r) => r.entityId === accountId || r.entityId === issued.id)
    expect(mine.map((r) => r.action).sort()).toEqual([
      "account.create",
      "api_token.issue",
      "api_token.revoke",
    ])
    expect(mine.every((r) => r.regionPath === "/310000/310110/")).toBe(true)
    const stored = JSON.stringify(await h.handle.db.select().from(auditLog))
    expect(stored).not.toContain(password)
    expect(stored).not.toContain(issued.token)
    expect(stored).not.toContain(hashToken(issued.token))
    // The creator is named; the revoked token no longer authenticates.
    const me = await h.caller(org).auth.me()
    expect(mine.every((r) => r.actorAccountId === me.accountId)).toBe(true)
    const e = await failure(h.caller({ authorization: `Bearer ${issued.token}` }).auth.me())
    expect(e.code).toBe("UNAUTHORIZED")
  })
})

describe("sign-in throttling per client IP", () => {
  it("more than N failures from one IP across identifiers are refused until the window passes", async () => {
    await registerByEmail(h, {
      email: "victim@test.example.org",
      password: "Sesame-open-2026",
      name: "丁",
    })
    const attacker = "203.0.113.7"
    for (const who of ["a@test.example.org", "b@test.example.org", "victim@test.example.org"]) {
      const e = await failure(
        h.caller({}, attacker).auth.login({ identifier: who, password: "guess-123456" }),
      )
      expect(e.code).toBe("UNAUTHORIZED")
    }
    // The 4th attempt from that IP is refused, even with the right password for an account never locked.
    const zh = await failure(
      h
        .caller({}, attacker)
        .auth.login({ identifier: "victim@test.example.org", password: "Sesame-open-2026" }),
    )
    expect(zh.code).toBe("TOO_MANY_REQUESTS")
    expect(zh.message).toMatch(/^该网络地址登录尝试次数过多，请于 2026-06-01 08:15（UTC）后再试$/)
    const en = await failure(
      h
        .caller({ "x-lang": "en" }, attacker)
        .auth.login({ identifier: "c@test.example.org", password: "guess-123456" }),
    )
    expect(en.message).toBe("Too many sign-in attempts from this address: retry after 2026-06-01 08:15 UTC")
    // Another address is not affected; the attempts record the IP.
    await h
      .caller({}, "198.51.100.2")
      .auth.login({ identifier: "victim@test.example.org", password: "Sesame-open-2026" })
    const recorded = await h.handle.db.select().from(loginAttempts).where(eq(loginAttempts.ip, attacker))
    expect(recorded).toHaveLength(3)
    expect(recorded.every((r) => !r.success)).toBe(true)
    // After the window, the IP may try again.
    clock += 15 * 60_000 + 1000
    await h
      .caller({}, attacker)
      .auth.login({ identifier: "victim@test.example.org", password: "Sesame-open-2026" })
  })

  it("the client IP is the socket's unless the API trusts its proxy", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" })
    expect(clientIpOf({ headers, socketAddress: "10.0.0.1", trustProxy: false })).toBe("10.0.0.1")
    expect(clientIpOf({ headers, socketAddress: "10.0.0.1", trustProxy: true })).toBe("203.0.113.9")
    expect(clientIpOf({ headers: new Headers(), socketAddress: "::1", trustProxy: true })).toBe("::1")
    expect(clientIpOf({ headers: new Headers(), trustProxy: false })).toBeUndefined()
  })
})

describe("session expiry and logout", () => {
  const signIn = async () => {
    const { caller, resHeaders } = h.callerWithResponse()
    const { accountId } = await caller.auth.login({
      identifier: "expiry@test.example.org",
      password: DEMO_PASSWORD,
    })
    return { cookie: cookieOf(resHeaders), accountId }
  }

  beforeAll(async () => {
    await registerByEmail(h, { email: "expiry@test.example.org", password: DEMO_PASSWORD, name: "戊" })
  })

  it("a session whose expiry has passed is refused (UNAUTHORIZED)", async () => {
    const { cookie, accountId } = await signIn()
    expect((await h.caller({ cookie }).auth.me()).accountId).toBe(accountId)
    const [row] = await h.handle.db.select().from(session).where(eq(session.userId, accountId))
    // Issued for 8 hours.
    expect(Math.round(((row?.expiresAt.getTime() ?? 0) - Date.now()) / 3_600_000)).toBe(8)
    await h.handle.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(session.userId, accountId))
    const e = await failure(h.caller({ cookie }).auth.me())
    expect(e.code).toBe("UNAUTHORIZED")
    expect((await failure(h.caller({ cookie }).schemes.list({}))).code).toBe("UNAUTHORIZED")
  })

  it("logout deletes the cookie's session: the same cookie is refused afterwards", async () => {
    const { cookie, accountId } = await signIn()
    const other = await signIn()
    const { caller, resHeaders } = h.callerWithResponse({ cookie })
    await caller.auth.logout()
    // The response clears the cookie in the browser…
    expect(
      resHeaders.getSetCookie().some((c) => /^cadre\.session_token=;/.test(c) || /Max-Age=0/i.test(c)),
    ).toBe(true)
    // …and the session is gone on the server, so a copy of the cookie is worthless.
    const token = decodeURIComponent(cookie.split("=")[1] ?? "").split(".")[0] ?? ""
    expect(await h.handle.db.select().from(session).where(eq(session.token, token))).toEqual([])
    expect((await failure(h.caller({ cookie }).auth.me())).code).toBe("UNAUTHORIZED")
    // Only that session: the same account's other session still works.
    expect((await h.caller({ cookie: other.cookie }).auth.me()).accountId).toBe(accountId)
  })
})
