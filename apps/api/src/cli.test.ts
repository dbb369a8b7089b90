import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { auditLog, makeDatabase } from "@cadre/db"
import { sql } from "drizzle-orm"
import { afterAll, describe, expect, it } from "vitest"
import { runCli } from "./cli.js"

/** `cadre audit:verify`, `cadre backup` and `cadre restore` on a PGlite directory (issue 15). */

const dir = mkdtempSync(join(tmpdir(), "cadre-cli-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = async (argv: ReadonlyArray<string>, env: Record<string, string>) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await runCli(argv, { env, out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join("\n"), err: err.join("\n") }
}

const withDb = async (
  dataDir: string,
  f: (db: Awaited<ReturnType<typeof makeDatabase>>["db"]) => Promise<void>,
) => {
  const h = await makeDatabase({ dataDir })
  try {
    await f(h.db)
  } finally {
    await h.close()
  }
}

describe("cadre", () => {
  const dataDir = join(dir, "pglite")
  const env = { DATA_DIR: dataDir }

  it("audit:verify passes on an intact chain and names the row rewritten behind the trigger's back", async () => {
    let victim = 0
    await withDb(dataDir, async (db) => {
      for (let i = 0; i < 4; i++) {
        const [row] = await db
          .insert(auditLog)
          .values({
            actorAccountId: `acct-${i}`,
            actorRole: "org_dept_admin",
            action: "cli.test",
            entity: "test",
            entityId: `e-${i}`,
            regionPath: "/",
          })
          .returning({ id: auditLog.id })
        if (i === 2) victim = row?.id ?? 0
      }
    })
    const ok = await run(["audit:verify"], env)
    expect(ok).toMatchObject({ code: 0 })
    expect(ok.out).toContain("audit chain intact: 4 rows")

    // Backup the intact database before tampering with it.
    const file = join(dir, "backup.tgz")
    const backedUp = await run(["backup", file], env)
    expect(backedUp.code).toBe(0)
    expect(existsSync(file)).toBe(true)

    await withDb(dataDir, async (db) => {
      await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`)
      await db.execute(sql`update audit_log set actor_account_id = 'mallory' where id = ${victim}`)
      await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`)
    })
    const broken = await run(["audit:verify"], env)
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(`audit chain broken at id=${victim} seq=3 (hash_mismatch)`)

    // The backup restores into an empty directory with its chain intact; never over an existing database.
    const restoredDir = join(dir, "restored")
    const restored = await run(["restore", file], { DATA_DIR: restoredDir })
    expect(restored).toMatchObject({ code: 0 })
    expect(restored.out).toContain("4 audit rows, hash chain intact")
    expect((await run(["audit:verify"], { DATA_DIR: restoredDir })).code).toBe(0)
    const refused = await run(["restore", file], env)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain("not empty")
  }, 120_000)

  it("on PostgreSQL, backup and restore print pg_dump / pg_restore guidance and write nothing", async () => {
    const pgEnv = { DATABASE_URL: "postgres://cadre:secret@db.internal:5432/cadre" }
    const b = await run(["backup", join(dir, "pg.dump")], pgEnv)
    expect(b.code).toBe(1)
    expect(b.out).toContain("pg_dump -Fc")
    expect(b.out).not.toContain("secret")
    expect(existsSync(join(dir, "pg.dump"))).toBe(false)
    const r = await run(["restore", join(dir, "pg.dump")], pgEnv)
    expect(r.out).toContain("pg_restore")
  })

  it("an unknown command or a missing file prints the usage (exit 2)", async () => {
    const unknown = await run(["district:nuke"], env)
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain("cadre audit:verify")
    expect((await run(["backup"], env)).code).toBe(2)
  })
})
