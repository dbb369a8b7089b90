import { eq, sql } from "drizzle-orm"
import { Cause, Effect, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { DatabaseHandle } from "../database.js"
import { loadDemoBase } from "../demo.js"
import type { AuditContext } from "../internal.js"
import { accountRoles, apiTokens, auditLog, session, user } from "../schema/index.js"
import { makeTestDatabase } from "../testing.js"
import { makeAccountRepo } from "./AccountRepo.js"

let h: DatabaseHandle
let repo: ReturnType<typeof makeAccountRepo>
beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
  repo = makeAccountRepo(h.db)
}, 60_000)
afterAll(async () => h?.close())

const ctx: AuditContext = { actor: { accountId: "org-admin-1", role: "org_dept_admin" }, requestId: "req-1" }
const YANGPU = "/310000/310110/"

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

describe("AccountRepo", () => {
  it("assignRole writes the role and its audit row together", async () => {
    const id = await newUser("acct-a@test.example.org")
    await Effect.runPromise(repo.assignRole(ctx, role(id, "acct-a@test.example.org")))
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
    const e = await failure(repo.assignRole(ctx, role(id, email)))
    expect(e._tag).toBe("DatabaseError")
    expect(await h.db.select().from(accountRoles).where(eq(accountRoles.userId, id))).toHaveLength(0)
    await Effect.runPromise(repo.deleteUser(id))
    expect(await h.db.select().from(user).where(eq(user.id, id))).toHaveLength(0)
    expect(await h.db.select().from(session).where(eq(session.userId, id))).toHaveLength(0)
  })

  it("tokens: issue and revoke are audited without the hash; revoking twice changes nothing more", async () => {
    const id = await newUser("acct-t@test.example.org")
    const tokenId = crypto.randomUUID()
    const tokenHash = "f".repeat(64)
    await Effect.runPromise(
      repo.issueToken(ctx, {
        id: tokenId,
        userId: id,
        name: "ERP",
        tokenHash,
        prefix: "cdr_abcdef",
        expiresAt: null,
        scopePath: YANGPU,
      }),
    )
    const at = new Date("2026-05-01T08:00:00Z")
    await Effect.runPromise(repo.revokeToken(ctx, { id: tokenId, at, scopePath: YANGPU }))
    await Effect.runPromise(
      repo.revokeToken(ctx, { id: tokenId, at: new Date("2026-06-01T00:00:00Z"), scopePath: YANGPU }),
    )
    const [stored] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId))
    expect(stored?.revokedAt?.toISOString()).toBe(at.toISOString())
    const rows = await auditOf(tokenId)
    expect(rows.map((r) => r.action).sort()).toEqual(["api_token.issue", "api_token.revoke"])
    expect(JSON.stringify(rows)).not.toContain(tokenHash)
    expect((await failure(repo.revokeToken(ctx, { id: "nope", at, scopePath: YANGPU })))._tag).toBe(
      "NotFound",
    )
  })
})
