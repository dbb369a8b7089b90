import { createHash } from "node:crypto"
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { PGlite } from "@electric-sql/pglite"
import { readMigrationFiles } from "drizzle-orm/migrator"
import { drizzle } from "drizzle-orm/pglite"
import { migrate } from "drizzle-orm/pglite/migrator"

/**
 * A migrated, empty PGlite data directory shipped as a build artefact (issue 19, cold start): PGlite's `initdb` on
 * an empty directory takes 6–13 s on this machine, loading this snapshot about 2 s. `pnpm build` writes it
 * (`build-snapshot.ts`) next to the compiled code, named by a hash of the migrations, so a snapshot of other
 * migrations is never used: without a matching file the database starts the slow way and migrates.
 */

/** The migrations folder (packages/db/drizzle), the same from src/ and dist/. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../drizzle", import.meta.url))

/** A hash of every migration, in order: what a snapshot was built from. */
export const migrationsHash = (): string => {
  const hash = createHash("sha256")
  for (const m of readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER })) hash.update(m.hash)
  return hash.digest("hex").slice(0, 16)
}

/** Where the snapshot of the current migrations lives (packages/db/dist), from src/ and dist/ alike. */
export const snapshotPath = (hash: string = migrationsHash()): string =>
  fileURLToPath(new URL(`../dist/pglite-migrated-${hash}.tar`, import.meta.url))

/** The snapshot of the current migrations, if the build made one. */
export const readSnapshot = (): Blob | undefined => {
  try {
    return new Blob([readFileSync(snapshotPath())])
  } catch {
    return undefined
  }
}

/** Migrate an empty in-memory PGlite and write its data directory as the snapshot (`pnpm build`); its path. */
export const writeSnapshot = async (): Promise<{ readonly path: string; readonly bytes: number }> => {
  const path = snapshotPath()
  const client = await PGlite.create()
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER })
  const dump = await client.dumpDataDir("none")
  await client.close()
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()))
  renameSync(tmp, path)
  return { path, bytes: dump.size }
}
