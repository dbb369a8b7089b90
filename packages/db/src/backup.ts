import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { verifyAuditChain } from "./auditChain.js"
import { fromPglite } from "./database.js"

/**
 * Backup and restore of a PGlite data directory (`cadre backup` / `cadre restore`). A backup is PGlite's own
 * `dumpDataDir` (a gzipped tar of the cluster), written to a temporary file and renamed, so a crash never leaves
 * half a backup under the final name. Run it while the API is stopped: PGlite is one process's database.
 * PostgreSQL is backed up with its own tools (pg_dump / pg_restore; see docs/deploy.md).
 */

export interface BackupResult {
  readonly file: string
  readonly bytes: number
}

/** Write a snapshot of the PGlite database in `dataDir` to `file` (gzipped tar). */
export async function backupPglite(dataDir: string, file: string): Promise<BackupResult> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0)
    throw new Error(`没有 PGlite 数据目录：${dataDir} / no PGlite data directory at ${dataDir}`)
  const client = await PGlite.create({ dataDir })
  try {
    const dump = await client.dumpDataDir("gzip")
    const bytes = new Uint8Array(await dump.arrayBuffer())
    mkdirSync(dirname(file), { recursive: true })
    const tmp = `${file}.partial`
    writeFileSync(tmp, bytes)
    renameSync(tmp, file)
    return { file, bytes: bytes.length }
  } finally {
    await client.close()
  }
}

export interface RestoreResult {
  readonly dataDir: string
  /** Audit rows in the restored database, and whether their hash chain holds. */
  readonly auditRows: number
  readonly auditChainOk: boolean
}

/**
 * Load the backup `file` into `dataDir`, which must be absent or empty (move the old one aside first: a restore
 * never overwrites a database). The restored database is opened, migrated to this version and its audit chain
 * verified before this returns.
 */
export async function restorePglite(file: string, dataDir: string): Promise<RestoreResult> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(
      `数据目录非空，恢复不会覆盖已有数据库，请先移走：${dataDir} / the data directory is not empty; a restore never overwrites a database, move it aside first: ${dataDir}`,
    )
  const blob = new Blob([readFileSync(file)])
  mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create({ dataDir, loadDataDir: blob })
  try {
    const handle = fromPglite(client)
    await handle.migrate()
    const report = await verifyAuditChain(handle.db)
    return { dataDir, auditRows: report.rows, auditChainOk: report.ok }
  } finally {
    await client.close()
  }
}
