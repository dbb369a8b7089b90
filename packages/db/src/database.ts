import { existsSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { PGlite } from "@electric-sql/pglite"
import type { ExtractTablesWithRelations } from "drizzle-orm"
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres"
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator"
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core"
import { drizzle as drizzlePglite } from "drizzle-orm/pglite"
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator"
import { Context, Effect, Layer } from "effect"
import pg from "pg"
import { DatabaseError } from "./errors.js"
import * as schema from "./schema/index.js"
import { MIGRATIONS_FOLDER, readSnapshot } from "./snapshot.js"

export { MIGRATIONS_FOLDER }

/** Every table; drizzle's `schema`. */
export type DbSchema = typeof schema
/** The drizzle handle repositories use: the same type for PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, DbSchema>
/** A transaction on `Db`. */
export type Tx = PgTransaction<PgQueryResultHKT, DbSchema, ExtractTablesWithRelations<DbSchema>>

/** An open database. */
export interface DatabaseHandle {
  readonly db: Db
  readonly kind: "pglite" | "postgres"
  /**
   * How a PGlite database began (makeDatabase): from the build's migrated snapshot, by initdb (no snapshot for
   * these migrations), or an existing data directory. Absent for PostgreSQL and wrapped handles.
   */
  readonly origin?: "snapshot" | "initdb" | "existing"
  /** Release the connection(s); a PGlite directory is flushed. */
  readonly close: () => Promise<void>
  /** Round-trip a trivial query (readiness probe). */
  readonly ping: () => Promise<void>
  /** Apply pending migrations (already done by makeDatabase; idempotent). */
  readonly migrate: () => Promise<void>
}

export interface DatabaseConfig {
  /** postgres://… — use PostgreSQL through a `pg` Pool. Without it, embedded PGlite. */
  readonly url?: string | undefined
  /** PGlite data directory; "memory://" for an in-memory database. Default: `.data/pglite` at the repository root. */
  readonly dataDir?: string | undefined
  /** Skip migrations at start (tests that load a migrated snapshot). */
  readonly skipMigrations?: boolean | undefined
}

/** Default PGlite directory: `<repository root>/.data/pglite`. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.data/pglite", import.meta.url))

/** Wrap an already open PGlite instance. */
export const fromPglite = (client: PGlite): DatabaseHandle => {
  const db = drizzlePglite(client, { schema })
  const migrate = () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER })
  return {
    db,
    kind: "pglite",
    close: () => client.close(),
    ping: async () => {
      await client.query("select 1")
    },
    migrate,
  }
}

/** Wrap a `pg` Pool. */
export const fromPool = (pool: pg.Pool): DatabaseHandle => {
  const db = drizzleNodePg(pool, { schema })
  return {
    db,
    kind: "postgres",
    close: () => pool.end(),
    ping: async () => {
      await pool.query("select 1")
    },
    migrate: () => migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
  }
}

/**
 * Open the database and bring its schema up to date. With `url`, PostgreSQL; otherwise PGlite persisted in
 * `dataDir` (in memory for "memory://"). Migrations run through drizzle's migrator, which skips applied ones.
 */
export async function makeDatabase(config: DatabaseConfig = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle
  if (config.url !== undefined && config.url !== "") {
    handle = fromPool(new pg.Pool({ connectionString: config.url }))
  } else {
    const dataDir = config.dataDir ?? DEFAULT_DATA_DIR
    // A new database starts from the build's migrated snapshot when there is one for these migrations (seconds
    // faster than initdb); an existing data directory opens as it is.
    const existing = dataDir !== "memory://" && existsSync(join(dataDir, "PG_VERSION"))
    const snapshot = existing ? undefined : readSnapshot()
    if (dataDir !== "memory://") mkdirSync(dataDir, { recursive: true })
    const client = await PGlite.create({
      ...(dataDir === "memory://" ? {} : { dataDir }),
      ...(snapshot === undefined ? {} : { loadDataDir: snapshot }),
    })
    handle = {
      ...fromPglite(client),
      origin: existing ? "existing" : snapshot === undefined ? "initdb" : "snapshot",
    }
  }
  if (config.skipMigrations !== true) {
    try {
      await handle.migrate()
    } catch (e) {
      await handle.close().catch(() => undefined)
      throw e
    }
  }
  return handle
}

/** The open database as a service. */
export class Database extends Context.Tag("@cadre/db/Database")<Database, DatabaseHandle>() {
  /** Open (and migrate) on acquire, close on release. */
  static readonly layer = (config: DatabaseConfig = {}): Layer.Layer<Database, DatabaseError> =>
    Layer.scoped(
      Database,
      Effect.acquireRelease(
        Effect.tryPromise({
          try: () => makeDatabase(config),
          catch: (cause) => new DatabaseError({ operation: "open", cause }),
        }),
        (h) => Effect.promise(() => h.close().catch(() => undefined)),
      ),
    )
  /** An already open database (tests; the caller closes it). */
  static readonly fromHandle = (handle: DatabaseHandle): Layer.Layer<Database> =>
    Layer.succeed(Database, handle)
  /**
   * A bare drizzle handle whose owner manages the connection (the demo loader is given only `db`): closing,
   * pinging and migrating are the owner's business, so they do nothing here.
   */
  static readonly fromDb = (db: Db): Layer.Layer<Database> =>
    Layer.succeed(Database, {
      db,
      kind: "postgres",
      close: async () => undefined,
      ping: async () => undefined,
      migrate: async () => undefined,
    })
}
