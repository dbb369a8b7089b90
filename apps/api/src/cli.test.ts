import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { accountRoles, auditLog, makeDatabase, regions } from "@cadre/db"
import { makeAuthService } from "@cadre/router"
import { eq, sql } from "drizzle-orm"
import { Effect } from "effect"
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

// Each test runs the CLI as a Node process over PGlite: seconds alone, far more on a loaded 2-core CI machine.
// The timeouts are safety limits, not speed assertions.
describe("cadre", { timeout: 120_000 }, () => {
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

describe("cadre district:create (issue 14 item 4: a district from nothing)", { timeout: 120_000 }, () => {
  const dataDir = join(dir, "district")
  const env = { DATA_DIR: dataDir }
  const args = (extra: ReadonlyArray<string> = []) => [
    "district:create",
    "--id",
    "330212",
    "--name",
    "鄞州区",
    "--admin-email",
    "Zzb-Admin@yinzhou.example.org",
    "--admin-name",
    "鄞州区委组织部",
    ...extra,
  ]

  it("creates the district at the top of a new tree and its first org-dept admin, password shown once; audited", async () => {
    const created = await run(args(), env)
    expect(created.err).toBe("")
    expect(created.code).toBe(0)
    expect(created.out).toContain('created district "鄞州区" (330212, scope /330212/)')
    const password = /initial password[^:]*: (\S+)$/mu.exec(created.out)?.[1] ?? ""
    expect(password.length).toBe(20)

    await withDb(dataDir, async (db) => {
      const [region] = await db.select().from(regions).where(eq(regions.id, "330212"))
      expect(region).toMatchObject({ level: "district", parentId: null, path: "/330212/", status: "active" })
      const roles = await db.select().from(accountRoles).where(eq(accountRoles.regionId, "330212"))
      expect(roles.map((r) => [r.role, r.scopePath, r.active])).toEqual([
        ["org_dept_admin", "/330212/", true],
      ])
      const audit = await db
        .select({ action: auditLog.action, actor: auditLog.actorAccountId, path: auditLog.regionPath })
        .from(auditLog)
      expect(audit).toEqual([
        { action: "region.create_top", actor: "system:cli", path: "/330212/" },
        { action: "account.provision", actor: "system:provision", path: "/330212/" },
      ])
      // The audit trail never holds the password.
      expect(JSON.stringify(await db.select().from(auditLog))).not.toContain(password)
      // The admin signs in with the printed password (the e-mail as given, in any case).
      const auth = makeAuthService({
        db,
        secret: "test-secret-test-secret-test-secret-0123",
        baseURL: "http://localhost:3000",
        logger: { info: () => {}, warn: () => {}, error: () => {} },
      })
      const signedIn = await Effect.runPromise(
        auth.login({ identifier: "zzb-admin@yinzhou.example.org", password }),
      )
      expect(signedIn.accountId).toBe(roles[0]?.userId)
    })
    expect((await run(["audit:verify"], env)).code).toBe(0)
  }, 120_000)

  it("running it twice refuses clearly and changes nothing, whether the id or the e-mail is taken", async () => {
    const again = await run(args(["--password", "Qk7-yinzhou-Lm29z"]), env)
    expect(again.code).toBe(1)
    expect(again.err).toContain("already exists; nothing was changed")
    const sameId = await run(
      [...args(), "--password", "Qk7-yinzhou-Lm29z"].map((a) =>
        a === "Zzb-Admin@yinzhou.example.org" ? "other@yinzhou.example.org" : a,
      ),
      env,
    )
    expect(sameId.code).toBe(1)
    expect(sameId.err).toContain('region id "330212" already exists')
    await withDb(dataDir, async (db) => {
      expect((await db.select().from(regions)).length).toBe(1)
      expect((await db.select().from(accountRoles)).length).toBe(1)
      expect((await db.select().from(auditLog)).length).toBe(2)
    })
  }, 120_000)

  it("a weak password, a bad id or missing options are refused before anything is written (exit 2)", async () => {
    const weak = await run(
      [
        "district:create",
        "--id",
        "330213",
        "--name",
        "某区",
        "--admin-email",
        "a@b.example.org",
        "--admin-name",
        "甲",
        "--password",
        "password1",
      ],
      env,
    )
    expect(weak.code).toBe(2)
    expect(weak.err).toContain("the password is refused")
    const badId = await run(
      [
        "district:create",
        "--id",
        "33/0213",
        "--name",
        "某区",
        "--admin-email",
        "b@b.example.org",
        "--admin-name",
        "乙",
      ],
      env,
    )
    expect(badId.code).toBe(2)
    expect(badId.err).toContain("字母、数字和连字符")
    const missing = await run(["district:create", "--id", "330214"], env)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain("usage: cadre district:create")
    await withDb(dataDir, async (db) => {
      expect((await db.select().from(regions)).map((r) => r.id)).toEqual(["330212"])
      expect((await db.select().from(accountRoles)).length).toBe(1)
    })
  }, 120_000)
})

describe("cadre calendar:enter-year (issue 15 item 3: the national calendar is the operator's, not a district's)", {
  timeout: 120_000,
}, () => {
  const dataDir = join(dir, "calendar")
  const env = { DATA_DIR: dataDir }

  it("enters a national year, audited as the CLI; a bad year is refused before anything is written", async () => {
    await withDb(dataDir, async () => {})
    const entered = await run(
      [
        "calendar:enter-year",
        "--year",
        "2031",
        "--holidays",
        "2031-01-01,2031-01-02",
        "--make-up",
        "",
        "--notice",
        "国办发明电〔2030〕1号",
      ],
      env,
    )
    expect(entered.err).toBe("")
    expect(entered).toMatchObject({ code: 0 })
    expect(entered.out).toContain("2031")
    const bad = await run(
      ["calendar:enter-year", "--year", "2032", "--holidays", "", "--make-up", "2032-01-06"],
      env,
    )
    expect(bad.code).toBe(2)
    expect(bad.err).toContain("make-up workdays must fall on a weekend")
    expect((await run(["calendar:enter-year", "--year", "2032"], env)).code).toBe(2)
    await withDb(dataDir, async (db) => {
      const rows = await db
        .select({ actor: auditLog.actorAccountId, action: auditLog.action, id: auditLog.entityId })
        .from(auditLog)
        .where(eq(auditLog.entity, "calendar_year"))
      expect(rows).toEqual([{ actor: "system:cli", action: "calendar.enterYear", id: "2031" }])
    })
  })
})
