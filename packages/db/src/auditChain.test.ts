import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { sql } from "drizzle-orm"
import { drizzle } from "drizzle-orm/pglite"
import { migrate } from "drizzle-orm/pglite/migrator"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { verifyAuditChain } from "./auditChain.js"
import { type DatabaseHandle, MIGRATIONS_FOLDER } from "./database.js"
import { auditLog } from "./schema/index.js"
import { makeTestDatabase } from "./testing.js"

/**
 * The audit log's hash chain (issue 15): rows written in parallel transactions chain in commit order; a row
 * rewritten, removed or cut off behind the triggers' back (as the table owner could) is the first broken link.
 */

let h: DatabaseHandle
beforeEach(async () => {
  h = await makeTestDatabase()
}, 60_000)
afterEach(async () => h?.close())

const append = (i: number) =>
  h.db.transaction(async (tx) => {
    await tx.insert(auditLog).values({
      actorAccountId: `acct-${i}`,
      actorRole: "org_dept_admin",
      action: "test.append",
      entity: "test",
      entityId: `e-${i}`,
      regionPath: "/310000/",
      before: null,
      after: { i, text: "审计 ✓" },
      requestId: `req-${i}`,
    })
  })

/** As the table owner could: switch the append-only trigger off, run `statement`, switch it on again. */
const behindTheTriggersBack = async (statement: ReturnType<typeof sql>) => {
  await h.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`)
  await h.db.execute(statement)
  await h.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`)
}

const idOfSeq = async (seq: number): Promise<number> => {
  const rows = await h.db.select({ id: auditLog.id, seq: auditLog.seq }).from(auditLog)
  return rows.find((r) => r.seq === seq)?.id ?? -1
}

describe("audit hash chain", () => {
  it("rows appended by 30 parallel transactions form one unbroken, gapless chain", async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(i)))
    const report = await verifyAuditChain(h.db, { batch: 7 })
    expect(report).toMatchObject({ ok: true, rows: 30 })
    const rows = await h.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog)
    expect(rows.map((r) => r.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    )
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ""))).toBe(true)
    expect(report.head.hash).toBe(rows.find((r) => r.seq === 30)?.hash)
  })

  it("a row whose actor was rewritten behind the trigger's back is named as the first broken link", async () => {
    for (let i = 0; i < 6; i++) await append(i)
    const victim = await idOfSeq(4)
    await behindTheTriggersBack(
      sql`update audit_log set actor_account_id = 'someone-else' where id = ${victim}`,
    )
    expect(await verifyAuditChain(h.db)).toMatchObject({
      ok: false,
      rows: 3,
      broken: { id: victim, seq: 4, reason: "hash_mismatch" },
    })
  })

  it("a row removed from the middle, or from the end, breaks the chain", async () => {
    for (let i = 0; i < 5; i++) await append(i)
    const last = await idOfSeq(5)
    await behindTheTriggersBack(sql`delete from audit_log where id = ${last}`)
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, broken: { reason: "head_mismatch" } })
    const middle = await idOfSeq(2)
    const next = await idOfSeq(3)
    await behindTheTriggersBack(sql`delete from audit_log where id = ${middle}`)
    expect(await verifyAuditChain(h.db)).toMatchObject({
      ok: false,
      broken: { id: next, seq: 3, reason: "sequence_gap" },
    })
  })

  it("a row inserted while the chain trigger was off is a broken link", async () => {
    for (let i = 0; i < 3; i++) await append(i)
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_chain`)
    await append(99)
    await h.db.execute(sql`alter table audit_log enable trigger audit_log_chain`)
    expect(await verifyAuditChain(h.db)).toMatchObject({
      ok: false,
      broken: { seq: null, reason: "sequence_gap" },
    })
  })

  it("rows written before the chain existed join it when migration 0006 runs", async () => {
    // The migrations up to 0005 only, as an older release had them.
    const old = mkdtempSync(join(tmpdir(), "cadre-old-migrations-"))
    try {
      cpSync(MIGRATIONS_FOLDER, old, { recursive: true })
      const journal = JSON.parse(readFileSync(join(old, "meta/_journal.json"), "utf8")) as {
        entries: Array<{ tag: string }>
      }
      journal.entries = journal.entries.filter((e) => e.tag < "0006")
      writeFileSync(join(old, "meta/_journal.json"), JSON.stringify(journal))
      const client = await PGlite.create()
      const db = drizzle(client)
      await migrate(db, { migrationsFolder: old })
      for (let i = 0; i < 3; i++)
        await db.execute(
          sql`insert into audit_log (actor_account_id, actor_role, action, entity, entity_id, region_path)
              values (${`old-${i}`}, 'system', 'old.row', 'test', ${`e-${i}`}, '/')`,
        )
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
      await db.execute(
        sql`insert into audit_log (actor_account_id, actor_role, action, entity, entity_id, region_path)
            values ('new', 'system', 'new.row', 'test', 'e-new', '/')`,
      )
      // biome-ignore lint/suspicious/noExplicitAny: the verifier takes any drizzle pg database
      expect(await verifyAuditChain(db as any)).toMatchObject({ ok: true, rows: 4 })
      await client.close()
    } finally {
      rmSync(old, { recursive: true, force: true })
    }
  }, 180_000)
})
