import {
  accountRoles,
  apiTokens,
  auditLog,
  type CommandContext,
  type DatabaseHandle,
  loadDemoBase,
  makeTestDatabase,
  session,
  user,
} from "@cadre/db"
import type { Access, Regions } from "@cadre/domain"
import { eq, sql } from "drizzle-orm"
import { Cause, Effect, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { servicesOverDb } from "../layers.js"
import { AccountService } from "./index.js"

// Moved from @cadre/db's AccountRepo test when the repository became accountQueries + AccountService.

let h: DatabaseHandle
let accounts: AccountService
beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
  accounts = await Effect.runPromise(Effect.provide(AccountService, servicesOverDb(h.db)))
}, 60_000)
afterAll(async () => h?.close())

const YANGPU = "/310000/310110/"
const org: Access.Actor = {
  accountId: "org-admin-1",
  role: "org_dept_admin",
  scope: { _tag: "RegionScope", regionId: "310110" as Regions.RegionId },
  scopePath: YANGPU,
  displayName: "org",
}
const ctx: CommandContext = { actor: org, requestId: "req-1" }

const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<E> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got success")
  const f = Cause.failureOption(exit.cause)
  if (Option.isNone(f)) throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return f.value
}

const newUser = async (email: string): Promise<string> => {
  const id = crypto.randomUUID()
  await h.db.insert(user).values({ id, name: email, email })
  return id
}
const role = (userId: string, email: string) => ({
  userId,
  email,
  role: "integrator" as const,
  scopeKind: "region" as const,
  regionId: "310110",
  unitId: null,
  scopePath: YANGPU,
})
const auditOf = (entityId: string) => h.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))

describe("AccountService", () => {
  it("bindRole writes the role and its audit row together", async () => {
    const id = await newUser("acct-a@test.example.org")
    await Effect.runPromise(accounts.bindRole(ctx, role(id, "acct-a@test.example.org")))
    expect(await h.db.select().from(accountRoles).where(eq(accountRoles.userId, id))).toHaveLength(1)
    const [a] = await auditOf(id)
    expect(a).toMatchObject({
      action: "account.create",
      entity: "account",
      regionPath: YANGPU,
      requestId: "req-1",
    })
    expect(a?.after).toMatchObject({ email: "acct-a@test.example.org", role: "integrator" })
  })

  it("a failure writing the audit row leaves no role; deleteUser then removes the user and what hangs on it", async () => {
    const email = "doomed@test.example.org"
    await h.db.execute(sql`create function fail_account_audit() returns trigger as $$ begin
      if new.after->>'email' = 'doomed@test.example.org' then raise exception 'injected failure'; end if;
      return new; end; $$ language plpgsql`)
    await h.db.execute(
      sql`create trigger fail_account_audit before insert on audit_log for each row execute function fail_account_audit()`,
    )
    const id = await newUser(email)
    await h.db
      .insert(session)
      .values({ id: crypto.randomUUID(), token: crypto.randomUUID(), userId: id, expiresAt: new Date() })
    // A driver fault is a defect (ADR 0007), no longer a typed DatabaseError failure.
    const exit = await Effect.runPromiseExit(accounts.bindRole(ctx, role(id, email)))
    const defect = Exit.isFailure(exit) ? Cause.dieOption(exit.cause) : Option.none()
    expect(Option.getOrUndefined(defect)).toMatchObject({ _tag: "DatabaseError" })
    expect(await h.db.select().from(accountRoles).where(eq(accountRoles.userId, id))).toHaveLength(0)
    await Effect.runPromise(accounts.deleteUser(id))
    expect(await h.db.select().from(user).where(eq(user.id, id))).toHaveLength(0)
    expect(await h.db.select().from(session).where(eq(session.userId, id))).toHaveLength(0)
  })

  it("tokens: issue and revoke are audited without the hash; revoking twice changes nothing more", async () => {
    const id = await newUser("acct-t@test.example.org")
    await Effect.runPromise(accounts.bindRole(ctx, role(id, "acct-t@test.example.org")))
    const tokenHash = "f".repeat(64)
    const { id: tokenId } = await Effect.runPromise(
      accounts.issueToken(ctx, {
        accountId: id,
        name: "ERP",
        tokenHash,
        prefix: "cdr_abcdef",
        expiresAt: null,
      }),
    )
    const at = new Date("2026-05-01T08:00:00Z")
    await Effect.runPromise(accounts.revokeToken(ctx, tokenId, at))
    await Effect.runPromise(accounts.revokeToken(ctx, tokenId, new Date("2026-06-01T00:00:00Z")))
    const [stored] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId))
    expect(stored?.revokedAt?.toISOString()).toBe(at.toISOString())
    const rows = await auditOf(tokenId)
    expect(rows.map((r) => r.action).sort()).toEqual(["api_token.issue", "api_token.revoke"])
    expect(rows.every((r) => r.regionPath === YANGPU)).toBe(true)
    expect(JSON.stringify(rows)).not.toContain(tokenHash)
    // An unknown token is refused like one out of scope.
    expect((await failure(accounts.revokeToken(ctx, "nope", at)))._tag).toBe("Rejected")
  })

  it("tokens go to integrators in scope only; accounts are created beneath the creator's scope", async () => {
    const staff = await newUser("acct-s@test.example.org")
    await Effect.runPromise(
      accounts.bindRole(ctx, { ...role(staff, "acct-s@test.example.org"), role: "reviewer" }),
    )
    const token = { accountId: staff, name: "x", tokenHash: "e".repeat(64), prefix: "cdr_x", expiresAt: null }
    expect((await failure(accounts.issueToken(ctx, token)))._tag).toBe("Rejected")
    const reviewer: CommandContext = { actor: { ...org, role: "reviewer" } }
    expect((await failure(accounts.issueToken(reviewer, token)))._tag).toBe("Forbidden")
    // A unit admin is bound to a unit, every other account to a region.
    expect(
      (await failure(accounts.authorizeNew(org, "host_unit_admin", { regionId: "310110001" })))._tag,
    ).toBe("Rejected")
    expect(
      await Effect.runPromise(accounts.authorizeNew(org, "street_admin", { regionId: "310110001" })),
    ).toEqual({
      path: "/310000/310110/310110001/",
      regionId: "310110001",
      unitId: null,
    })
    // Outside the creator's scope, or a region that does not exist: forbidden alike.
    expect((await failure(accounts.authorizeNew(org, "street_admin", { regionId: "510304101" })))._tag).toBe(
      "Forbidden",
    )
    expect((await failure(accounts.authorizeNew(org, "street_admin", { regionId: "nowhere" })))._tag).toBe(
      "Forbidden",
    )
    // The list holds the accounts bound above, all within the creator's scope.
    const listed = (
      await Effect.runPromise(accounts.list(org, {}, { after: null, limit: 200, order: "asc" }))
    ).items
    expect(listed.map((a) => a.email)).toContain("acct-s@test.example.org")
    expect(listed.every((a) => a.scopePath.startsWith(YANGPU))).toBe(true)
  })
})
