import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { sql } from "drizzle-orm"
import { afterAll, describe, expect, it } from "vitest"
import { verifyAuditChain } from "./auditChain.js"
import { backupPglite, restorePglite } from "./backup.js"
import { makeDatabase } from "./database.js"
import { loadDemoBase } from "./demo.js"
import { type auditLog, people } from "./schema/index.js"

/** A PGlite backup restores to the same data, with its audit chain intact (issue 15). */

const dir = mkdtempSync(join(tmpdir(), "cadre-backup-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const count = async (
  db: Awaited<ReturnType<typeof makeDatabase>>["db"],
  t: typeof people | typeof auditLog,
) => (await db.select({ n: sql<number>`count(*)::int` }).from(t))[0]?.n ?? 0

describe("PGlite backup and restore", () => {
  it("round trip: the restored database holds the same people and audit chain", async () => {
    const source = join(dir, "source")
    const original = await makeDatabase({ dataDir: source })
    await loadDemoBase(original.db)
    const before = {
      people: await count(original.db, people),
      audit: await verifyAuditChain(original.db),
    }
    await original.close()
    expect(before.people).toBeGreaterThan(0)
    expect(before.audit.ok).toBe(true)

    const file = join(dir, "backups", "cadre.tgz")
    const { bytes } = await backupPglite(source, file)
    expect(statSync(file).size).toBe(bytes)

    const target = join(dir, "restored")
    const restored = await restorePglite(file, target)
    expect(restored).toMatchObject({ auditRows: before.audit.rows, auditChainOk: true })
    const reopened = await makeDatabase({ dataDir: target })
    try {
      expect(await count(reopened.db, people)).toBe(before.people)
      expect(await verifyAuditChain(reopened.db)).toEqual(before.audit)
    } finally {
      await reopened.close()
    }
  }, 180_000)

  it("a restore never overwrites a database, and a backup needs one", async () => {
    const busy = join(dir, "busy")
    const h = await makeDatabase({ dataDir: busy })
    await h.close()
    const file = join(dir, "x.tgz")
    writeFileSync(file, "not a backup")
    await expect(restorePglite(file, busy)).rejects.toThrow(/not empty/)
    await expect(backupPglite(join(dir, "nothing-here"), file)).rejects.toThrow(/no PGlite data directory/)
  }, 60_000)
})
