import { randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { readMigrationFiles } from "drizzle-orm/migrator"
import pg from "pg"
import { type DatabaseHandle, fromPglite, fromPool, MIGRATIONS_FOLDER } from "./database.js"
import { migrationsHash } from "./snapshot.js"

/**
 * Test databases. PGlite takes seconds to start and migrate, so one migrated instance is built per process and
 * every call starts a fresh copy from its `dumpDataDir()` snapshot. With TEST_DATABASE_URL set, each call gets a
 * fresh schema (`t_<random>`) in that PostgreSQL, so test files may run in parallel; `close()` drops it.
 */

let snapshot: Promise<Blob> | undefined

/** The snapshot file for the current migrations, shared by test workers and packages (tmpdir). */
const snapshotFile = (): string => join(tmpdir(), "cadre-db-snapshots", `${migrationsHash()}.tar`)

const buildSnapshot = async (): Promise<Blob> => {
  const file = snapshotFile()
  try {
    return new Blob([readFileSync(file)])
  } catch {
    // not cached yet
  }
  const client = await PGlite.create()
  await fromPglite(client).migrate()
  const dump = await client.dumpDataDir("none")
  await client.close()
  try {
    mkdirSync(join(file, ".."), { recursive: true })
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`
    writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()))
    renameSync(tmp, file)
  } catch {
    // a cache we cannot write only costs time
  }
  return dump
}

/**
 * Apply the migrations into `schemaName` (PostgreSQL tests only). drizzle-kit qualifies foreign keys with
 * "public", so the SQL is rewritten to the test schema; applied migrations are recorded like drizzle's migrator
 * does (by `created_at`), so running it twice applies nothing the second time.
 */
export async function migrateIntoSchema(pool: pg.Pool, schemaName: string): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query(`create schema if not exists "${schemaName}"`)
    await client.query(
      `create table if not exists "${schemaName}"."__drizzle_migrations" (id serial primary key, hash text not null, created_at bigint)`,
    )
    const last = await client.query<{ created_at: string | null }>(
      `select max(created_at)::text as created_at from "${schemaName}"."__drizzle_migrations"`,
    )
    const lastAt = Number(last.rows[0]?.created_at ?? 0)
    let applied = 0
    for (const m of readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER })) {
      if (m.folderMillis <= lastAt) continue
      await client.query("begin")
      try {
        await client.query(`set local search_path to "${schemaName}"`)
        for (const stmt of m.sql) {
          if (stmt.trim() !== "") await client.query(stmt.replaceAll('"public".', `"${schemaName}".`))
        }
        await client.query(
          `insert into "${schemaName}"."__drizzle_migrations" (hash, created_at) values ($1, $2)`,
          [m.hash, m.folderMillis],
        )
        await client.query("commit")
        applied++
      } catch (e) {
        await client.query("rollback")
        throw e
      }
    }
    return applied
  } finally {
    client.release()
  }
}

/** Whether the tests run against PostgreSQL (TEST_DATABASE_URL) rather than PGlite. */
export const testDatabaseUrl = (): string | undefined => {
  const url = process.env.TEST_DATABASE_URL
  return url === undefined || url === "" ? undefined : url
}

/** A fresh, migrated, empty database for one test (or one file). Close it when done. */
export async function makeTestDatabase(): Promise<DatabaseHandle> {
  const url = testDatabaseUrl()
  if (url !== undefined) {
    const schemaName = `t_${randomBytes(6).toString("hex")}`
    const admin = new pg.Pool({ connectionString: url, max: 1 })
    try {
      await migrateIntoSchema(admin, schemaName)
    } finally {
      await admin.end()
    }
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schemaName}`, max: 4 })
    const handle = fromPool(pool)
    return {
      ...handle,
      migrate: async () => {
        await migrateIntoSchema(pool, schemaName)
      },
      close: async () => {
        await pool.query(`drop schema if exists "${schemaName}" cascade`).catch(() => undefined)
        await pool.end()
      },
    }
  }
  snapshot ??= buildSnapshot()
  const client = await PGlite.create({ loadDataDir: await snapshot })
  const handle = fromPglite(client)
  // A stale or foreign cached snapshot would surface here; migrate() is a no-op on a current one.
  await handle.migrate()
  return handle
}
