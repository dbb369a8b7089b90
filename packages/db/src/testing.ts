import { createHash, randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { PGlite, type PGliteOptions } from "@electric-sql/pglite"
import { readMigrationFiles } from "drizzle-orm/migrator"
import pg from "pg"
import { type Db, type DatabaseHandle, fromPglite, fromPool, MIGRATIONS_FOLDER } from "./database.js"
import { migrationsHash } from "./snapshot.js"

/**
 * Test databases. PGlite takes seconds to start and migrate, so one migrated data directory is built once (cached
 * in tmpdir by migrations hash, shared by test workers and packages) and every call starts a fresh PGlite from it.
 * With TEST_DATABASE_URL set, the migrations run once into a template database (`<db>_m_<hash>`, built under an
 * advisory lock, kept across runs like the PGlite snapshot) and every call gets a fresh database copied from it
 * (`CREATE DATABASE … TEMPLATE`, `<db>_t_<random>`), so test files may run in parallel; `close()` drops it.
 *
 * A suite whose every file starts from the same data (the router's demo data) builds that state once per vitest
 * run with `prepareTestSeed` (a snapshot file, or on PostgreSQL a seeded template database) and starts each file
 * from it with `makeSeededTestDatabase`: the same rows a fresh load would write, without writing them again.
 */

// ---------------------------------------------------------------------------------------------------------------
// PGlite

/**
 * A Blob whose `arrayBuffer()` hands back the bytes at once. PGlite reads `loadDataDir` and `fsBundle` with
 * `arrayBuffer()`, which for a Node Blob of tens of MB streams it in small chunks and concatenates them (about a
 * second of a test file's start on a loaded machine); PGlite copies the bytes into its own file system, so one
 * buffer serves every start.
 */
const eagerBlob = (bytes: Uint8Array): Blob => {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const blob = new Blob([])
  Object.defineProperties(blob, {
    size: { value: buffer.byteLength },
    arrayBuffer: { value: async () => buffer },
  })
  return blob
}

/** PGlite's dist directory (createRequire: vite-node, which runs vitest's global setup, has no import.meta.resolve). */
const pgliteDist = (): string => dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"))

type PgliteAssets = Required<Pick<PGliteOptions, "pgliteWasmModule" | "fsBundle">>

/** PGlite's wasm compiled once per process (it otherwise compiles 10 MB of wasm at every start) and its file bundle. */
let assets: Promise<PgliteAssets | undefined> | undefined
const pgliteAssets = (): Promise<PgliteAssets | undefined> => {
  assets ??= (async () => {
    try {
      // @types/node declares WebAssembly's types but not the global's value.
      const wasm = (
        globalThis as unknown as { WebAssembly: { compile: (b: Uint8Array) => Promise<unknown> } }
      ).WebAssembly
      const pgliteWasmModule = (await wasm.compile(
        readFileSync(join(pgliteDist(), "pglite.wasm")),
      )) as PgliteAssets["pgliteWasmModule"]
      const fsBundle = eagerBlob(readFileSync(join(pgliteDist(), "pglite.data")))
      return { pgliteWasmModule, fsBundle }
    } catch {
      return undefined // a PGlite laid out otherwise: let it find its files itself
    }
  })()
  return assets
}

/** A PGlite started from a data directory tarball. */
const startPglite = async (dataDir: Blob): Promise<PGlite> =>
  PGlite.create({ loadDataDir: dataDir, ...((await pgliteAssets()) ?? {}) })

/** The data directory of a running PGlite, checkpointed so that a start from it has no WAL to replay. */
const dumpPglite = async (client: PGlite): Promise<Uint8Array> => {
  await client.query("checkpoint")
  return new Uint8Array(await (await client.dumpDataDir("none")).arrayBuffer())
}

/** Write `bytes` to `file` atomically (a reader sees the whole file or none). */
const writeAtomically = (file: string, bytes: Uint8Array): void => {
  mkdirSync(join(file, ".."), { recursive: true })
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`
  writeFileSync(tmp, bytes)
  renameSync(tmp, file)
}

let snapshot: Promise<Blob> | undefined

/** The snapshot file for the current migrations, shared by test workers and packages (tmpdir). */
const snapshotFile = (): string => join(tmpdir(), "cadre-db-snapshots", `${migrationsHash()}.tar`)

const buildSnapshot = async (): Promise<Blob> => {
  const file = snapshotFile()
  try {
    return eagerBlob(readFileSync(file))
  } catch {
    // not cached yet
  }
  const client = await PGlite.create({ ...((await pgliteAssets()) ?? {}) })
  await fromPglite(client).migrate()
  const dump = await dumpPglite(client)
  await client.close()
  try {
    writeAtomically(file, dump)
  } catch {
    // a cache we cannot write only costs time
  }
  return eagerBlob(dump)
}

const makePgliteTestDatabase = async (dataDir: Blob): Promise<DatabaseHandle> => {
  const handle = fromPglite(await startPglite(dataDir))
  // A stale or foreign cached snapshot would surface here; migrate() is a no-op on a current one.
  await handle.migrate()
  return handle
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `url` with another database name. */
const withDatabase = (url: string, database: string): string => {
  const u = new URL(url)
  u.pathname = `/${encodeURIComponent(database)}`
  return u.toString()
}

const baseDatabase = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres"

/** Run `f` on one connection to the TEST_DATABASE_URL database (never to a template: a copy needs it idle). */
const withAdmin = async <A>(url: string, f: (client: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

/**
 * Run a statement that needs a database nobody is connected to (copy it, rename it). A pool that just ended may
 * still be leaving on the server's side ("is being accessed by other users", 55006): try again for a while.
 */
const whenIdle = async (admin: pg.Client, statement: string): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(statement)
      return
    } catch (e) {
      if ((e as { code?: string }).code !== "55006" || attempt >= 100) throw e
      await sleep(100)
    }
  }
}

const exists = async (client: pg.Client, database: string): Promise<boolean> =>
  (await client.query("select 1 from pg_database where datname = $1", [database])).rowCount === 1

/**
 * Make `template` once: under an advisory lock (many test processes start at once), built under a temporary name
 * and renamed when complete, so a half-built template is never copied.
 */
const ensureTemplate = async (
  url: string,
  template: string,
  from: string,
  build: (databaseUrl: string) => Promise<void>,
): Promise<void> => {
  const lockKey = createHash("sha256").update(template).digest().readInt32BE(0)
  await withAdmin(url, async (admin) => {
    if (await exists(admin, template)) return
    await admin.query("select pg_advisory_lock($1)", [lockKey])
    try {
      if (await exists(admin, template)) return
      const building = `${template}_b${randomBytes(3).toString("hex")}`
      await admin.query(`create database "${building}" template "${from}"`)
      try {
        await build(withDatabase(url, building))
        await whenIdle(admin, `alter database "${building}" rename to "${template}"`)
      } catch (e) {
        await admin.query(`drop database if exists "${building}" with (force)`).catch(() => undefined)
        throw e
      }
    } finally {
      await admin.query("select pg_advisory_unlock($1)", [lockKey])
    }
  })
}

/** The migrated template database for the current migrations. */
const migratedTemplate = async (url: string): Promise<string> => {
  const template = `${baseDatabase(url)}_m_${migrationsHash()}`.slice(0, 63)
  await ensureTemplate(url, template, "template0", async (databaseUrl) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 })
    try {
      await migrateIntoSchema(pool, "public")
    } finally {
      await pool.end()
    }
  })
  return template
}

/** A fresh database copied from `template`; close() drops it. */
const makePostgresTestDatabase = async (url: string, template: string): Promise<DatabaseHandle> => {
  const name = `${baseDatabase(url)}_t_${randomBytes(6).toString("hex")}`.slice(0, 63)
  await withAdmin(url, (admin) => whenIdle(admin, `create database "${name}" template "${template}"`))
  const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 4 })
  const handle = fromPool(pool)
  return {
    ...handle,
    migrate: async () => {
      await migrateIntoSchema(pool, "public")
    },
    close: async () => {
      await pool.end()
      await withAdmin(url, (admin) => admin.query(`drop database if exists "${name}" with (force)`)).catch(
        () => undefined,
      )
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** A fresh, migrated, empty database for one test (or one file). Close it when done. */
export async function makeTestDatabase(): Promise<DatabaseHandle> {
  const url = testDatabaseUrl()
  if (url !== undefined) return makePostgresTestDatabase(url, await migratedTemplate(url))
  snapshot ??= buildSnapshot()
  return makePgliteTestDatabase(await snapshot)
}

/**
 * Where a seeded state lives for one vitest run: a PGlite data directory file, or a PostgreSQL template database.
 * Plain data, so vitest's `provide`/`inject` can hand it from the global setup to the test workers.
 */
export interface TestSeed {
  readonly name: string
  /** A directory of this run's own (made by `prepareTestSeed`, removed by its `remove`). */
  readonly dir: string
}

/**
 * Prepare a seed for one vitest run (call it in a `globalSetup`): nothing is built until a test first asks for it
 * (`makeSeededTestDatabase`), so a run of files that never need it pays nothing. `remove()` (the global teardown)
 * deletes the snapshot file or drops the template database.
 */
export function prepareTestSeed(name: string): {
  readonly seed: TestSeed
  readonly remove: () => Promise<void>
} {
  const dir = join(tmpdir(), "cadre-db-seeds", `${name}-${process.pid}-${randomBytes(4).toString("hex")}`)
  mkdirSync(dir, { recursive: true })
  return {
    seed: { name, dir },
    remove: async () => {
      try {
        const database = readFileSync(join(dir, "database"), "utf8")
        const url = testDatabaseUrl()
        if (url !== undefined && database !== "") {
          await withAdmin(url, (admin) => admin.query(`drop database if exists "${database}" with (force)`))
        }
      } catch {
        // no template database was made
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Build the seed once per run across worker processes: the first to take `dir/lock` builds, the others wait for
 * its result (`dir/ready`). A builder that died leaves the lock; after `staleMs` the waiters build it themselves.
 */
const onceAcrossProcesses = async (
  dir: string,
  build: () => Promise<void>,
  staleMs = 300_000,
): Promise<void> => {
  const ready = join(dir, "ready")
  const lock = join(dir, "lock")
  for (;;) {
    if (existsSync(ready)) return
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" })
    } catch {
      let age = 0
      try {
        age = Date.now() - statSync(lock).mtimeMs
      } catch {
        continue // the lock was just released
      }
      if (age > staleMs) rmSync(lock, { force: true })
      else await sleep(100)
      continue
    }
    try {
      if (!existsSync(ready)) {
        await build()
        writeFileSync(ready, "")
      }
    } finally {
      rmSync(lock, { force: true })
    }
    return
  }
}

const seededSnapshots = new Map<string, Promise<Blob>>()

/**
 * A fresh database holding what `seed` writes into a fresh test database, for one test (or one file): the seed
 * runs once per run (per `TestSeed`), every later call copies its result. Close it when done.
 */
export async function makeSeededTestDatabase(
  seed: TestSeed,
  load: (db: Db) => Promise<unknown>,
): Promise<DatabaseHandle> {
  const url = testDatabaseUrl()
  if (url !== undefined) {
    const template = `${baseDatabase(url)}_s_${randomBytes(4).toString("hex")}`.slice(0, 63)
    const recorded = join(seed.dir, "database")
    await onceAcrossProcesses(seed.dir, async () => {
      const from = await migratedTemplate(url)
      writeFileSync(recorded, template) // before it exists, so the teardown finds it whatever happens next
      await ensureTemplate(url, template, from, async (databaseUrl) => {
        const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 })
        try {
          await load(fromPool(pool).db)
        } finally {
          await pool.end()
        }
      })
    })
    return makePostgresTestDatabase(url, readFileSync(recorded, "utf8"))
  }
  let dump = seededSnapshots.get(seed.dir)
  if (dump === undefined) {
    dump = (async () => {
      const file = join(seed.dir, "pglite.tar")
      await onceAcrossProcesses(seed.dir, async () => {
        snapshot ??= buildSnapshot()
        const client = await startPglite(await snapshot)
        try {
          await load(fromPglite(client).db)
          writeAtomically(file, await dumpPglite(client))
        } finally {
          await client.close()
        }
      })
      return eagerBlob(readFileSync(file))
    })()
    seededSnapshots.set(seed.dir, dump)
  }
  return makePgliteTestDatabase(await dump)
}
