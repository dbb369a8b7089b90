import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type DatabaseHandle, makeDatabase } from "./database.js"
import { snapshotPath, writeSnapshot } from "./snapshot.js"
import { loadDemoBase } from "./demo.js"
import { makeTestDatabase } from "./testing.js"

let h: DatabaseHandle

beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
}, 60_000)
afterAll(async () => {
  await h.close()
})

const rows = async <T>(q: ReturnType<typeof sql>): Promise<ReadonlyArray<T>> =>
  ((await h.db.execute(q)) as unknown as { rows: ReadonlyArray<T> }).rows

describe("migrations", () => {
  it("run twice: the second run applies nothing and changes no table", async () => {
    const tables = async () =>
      rows<{ n: number }>(
        sql`select count(*)::int as n from information_schema.tables where table_schema = current_schema()`,
      )
    const before = await tables()
    await h.migrate()
    await h.migrate()
    expect(await tables()).toEqual(before)
    expect(before[0]?.n ?? 0).toBeGreaterThanOrEqual(13)
    await h.ping()
  })
})

describe("cold start (issue 19)", () => {
  it("a new data directory starts from the build's migrated snapshot; an existing one opens as it is", async () => {
    if (!existsSync(snapshotPath())) await writeSnapshot() // the package's own build writes it; a test may run first
    const dir = mkdtempSync(join(tmpdir(), "cadre-cold-"))
    try {
      const first = await makeDatabase({ dataDir: dir })
      expect(first.origin).toBe("snapshot")
      // Migrated: every table is there, and the migrator has nothing left to do.
      await first.db.execute(
        sql`insert into audit_log (actor_account_id, actor_role, action, entity, entity_id, region_path)
            values ('cold', 'system', 'cold.start', 'test', 'e-1', '/')`,
      )
      await first.migrate()
      await first.close()
      const again = await makeDatabase({ dataDir: dir })
      expect(again.origin).toBe("existing")
      const found = (await again.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'cold.start'`,
      )) as unknown as { rows: ReadonlyArray<{ n: number }> }
      expect(found.rows[0]?.n).toBe(1)
      await again.close()
      const memory = await makeDatabase({ dataDir: "memory://" })
      expect(memory.origin).toBe("snapshot")
      await memory.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe("triggers", () => {
  it("a published scheme row refuses UPDATE and DELETE", async () => {
    await expect(
      h.db.execute(
        sql`update schemes set effective_from = '2030-01-01' where scheme_id = 'yangpu-community-secretary'`,
      ),
    ).rejects.toThrow()
    await expect(
      h.db.execute(sql`delete from schemes where scheme_id = 'yangpu-community-secretary'`),
    ).rejects.toThrow()
    const [row] = await rows<{ effective_from: string }>(
      sql`select effective_from::text from schemes where scheme_id = 'yangpu-community-secretary'`,
    )
    expect(row?.effective_from).toBe("2020-12-09")
  })

  it("the trigger names the rule in both languages", async () => {
    const err = await h.db
      .execute(sql`update schemes set row_version = row_version + 1 where status = 'published'`)
      .then(() => undefined)
      .catch((e: unknown) => e)
    const text = String((err as { cause?: { message?: string } })?.cause?.message ?? err)
    expect(text).toContain("已发布的方案版本不可修改")
    expect(text).toContain("cannot be changed")
  })

  it("audit_log refuses UPDATE, DELETE and TRUNCATE", async () => {
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`)
    expect(before?.n ?? 0).toBeGreaterThan(0)
    await expect(h.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow()
    await expect(h.db.execute(sql`delete from audit_log`)).rejects.toThrow()
    await expect(h.db.execute(sql`truncate audit_log`)).rejects.toThrow()
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`)
    expect(after?.n).toBe(before?.n)
  })
})
