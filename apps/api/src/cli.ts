import { resolve } from "node:path"
import {
  backupPglite,
  DEFAULT_DATA_DIR,
  type DatabaseHandle,
  makeDatabase,
  restorePglite,
  verifyAuditChain,
} from "@cadre/db"
import { Either } from "effect"
import { loadConfig } from "./config.js"

/**
 * `cadre <command>`: operator commands next to the API, reading the same DATABASE_URL / DATA_DIR. A small
 * dispatcher: a command is a name, a one-line usage and a function returning the exit code (0 done, 1 failed or
 * not done, 2 wrong usage). Messages are bilingual, Chinese first. Add commands (e.g. `district:create`) to
 * `COMMANDS`.
 */

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly out: (line: string) => void
  readonly err: (line: string) => void
}

interface Target {
  readonly databaseUrl: string | undefined
  readonly dataDir: string
}

interface Command {
  readonly usage: string
  readonly summary: string
  readonly run: (args: ReadonlyArray<string>, target: Target, io: CliIo) => Promise<number>
}

const open = (target: Target): Promise<DatabaseHandle> =>
  // Operator commands never change the schema: the API migrates at start.
  makeDatabase({ url: target.databaseUrl, dataDir: target.dataDir, skipMigrations: true })

const redactUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")

const auditVerify: Command = {
  usage: "audit:verify",
  summary:
    "校验审计日志哈希链，报告第一处断链 / verify the audit log's hash chain and report the first broken link",
  run: async (_args, target, io) => {
    const handle = await open(target)
    try {
      const report = await verifyAuditChain(handle.db)
      if (report.ok) {
        io.out(
          `审计日志哈希链完好：共 ${report.rows} 行，链头 seq=${report.head.seq} hash=${report.head.hash} / audit chain intact: ${report.rows} rows, head seq=${report.head.seq} hash=${report.head.hash}`,
        )
        return 0
      }
      const b = report.broken
      io.out(
        `审计日志哈希链断开：id=${b?.id ?? "-"} seq=${b?.seq ?? "-"}（${b?.reason}），其前 ${report.rows} 行完好 / audit chain broken at id=${b?.id ?? "-"} seq=${b?.seq ?? "-"} (${b?.reason}); the ${report.rows} rows before it hold`,
      )
      return 1
    } finally {
      await handle.close()
    }
  },
}

const pgBackupGuidance = (url: string): ReadonlyArray<string> => [
  "PostgreSQL 请用其自带工具备份（本命令未写入任何文件）/ back up PostgreSQL with its own tools (nothing was written):",
  `  pg_dump -Fc -d "${redactUrl(url)}" -f cadre-$(date +%F).dump`,
  "  加密保存于主机之外；需要时间点恢复请开启 WAL 归档 / keep it encrypted off the host; enable WAL archiving for point-in-time recovery",
]

const pgRestoreGuidance = (url: string): ReadonlyArray<string> => [
  "PostgreSQL 请用其自带工具恢复（本命令未改动数据库）/ restore PostgreSQL with its own tools (nothing was changed):",
  `  pg_restore -d "${redactUrl(url)}" --clean --if-exists cadre-YYYY-MM-DD.dump`,
  "  然后启动 API（自动执行较新的迁移），再运行 cadre audit:verify / then start the API (it applies newer migrations) and run cadre audit:verify",
]

const fileArg = (args: ReadonlyArray<string>, io: CliIo, usage: string): string | undefined => {
  const file = args[0]
  if (file === undefined || args.length !== 1) {
    io.err(`用法 / usage: cadre ${usage}`)
    return undefined
  }
  return resolve(file)
}

/**
 * A command on one file that PGlite carries out and PostgreSQL leaves to its own tools: wrong usage → 2; with
 * DATABASE_URL, the guidance (nothing is done) → 1; otherwise `pglite(file, dataDir, io)` answers.
 */
const pgliteFileCommand = (spec: {
  readonly usage: string
  readonly summary: string
  readonly postgresGuidance: (url: string) => ReadonlyArray<string>
  readonly pglite: (file: string, dataDir: string, io: CliIo) => Promise<number>
}): Command => ({
  usage: spec.usage,
  summary: spec.summary,
  run: async (args, target, io) => {
    const file = fileArg(args, io, spec.usage)
    if (file === undefined) return 2
    if (target.databaseUrl !== undefined) {
      for (const line of spec.postgresGuidance(target.databaseUrl)) io.out(line)
      return 1
    }
    return spec.pglite(file, target.dataDir, io)
  },
})

const backup = pgliteFileCommand({
  usage: "backup <file>",
  summary:
    "PGlite：把数据目录备份到文件（请先停止 API）；PostgreSQL：给出 pg_dump 用法 / PGlite: back up the data directory to a file (stop the API first); PostgreSQL: pg_dump guidance",
  postgresGuidance: pgBackupGuidance,
  pglite: async (file, dataDir, io) => {
    const { bytes } = await backupPglite(dataDir, file)
    io.out(`已备份 ${dataDir} → ${file}（${bytes} 字节）/ backed up ${dataDir} → ${file} (${bytes} bytes)`)
    return 0
  },
})

const restore = pgliteFileCommand({
  usage: "restore <file>",
  summary:
    "PGlite：把备份恢复到空的数据目录并校验审计链；PostgreSQL：给出 pg_restore 用法 / PGlite: restore a backup into an empty data directory and verify the audit chain; PostgreSQL: pg_restore guidance",
  postgresGuidance: pgRestoreGuidance,
  pglite: async (file, dataDir, io) => {
    const r = await restorePglite(file, dataDir)
    io.out(
      `已恢复 ${file} → ${r.dataDir}；审计日志 ${r.auditRows} 行，哈希链${r.auditChainOk ? "完好" : "断开（运行 cadre audit:verify 查看）"} / restored ${file} → ${r.dataDir}; ${r.auditRows} audit rows, hash chain ${r.auditChainOk ? "intact" : "broken (run cadre audit:verify)"}`,
    )
    return r.auditChainOk ? 0 : 1
  },
})

export const COMMANDS: Readonly<Record<string, Command>> = {
  "audit:verify": auditVerify,
  backup,
  restore,
}

const usage = (io: CliIo) => {
  io.err("用法 / usage: cadre <command>（读取 DATABASE_URL 或 DATA_DIR / reads DATABASE_URL or DATA_DIR）")
  for (const c of Object.values(COMMANDS)) io.err(`  cadre ${c.usage.padEnd(16)} ${c.summary}`)
}

/** Run `cadre <argv>`; returns the exit code. */
export const runCli = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const [name, ...args] = argv
  const command = name === undefined ? undefined : COMMANDS[name]
  if (command === undefined) {
    if (name !== undefined && name !== "help" && name !== "--help")
      io.err(`未知命令 / unknown command: ${name}`)
    usage(io)
    return 2
  }
  const configured = loadConfig(io.env)
  if (Either.isLeft(configured)) {
    io.err(configured.left.message)
    return 2
  }
  const { databaseUrl, dataDir } = configured.right
  const target: Target = { databaseUrl, dataDir: dataDir ?? DEFAULT_DATA_DIR }
  if (databaseUrl === undefined && target.dataDir === "memory://") {
    io.err("DATA_DIR=memory:// 没有可操作的数据 / DATA_DIR=memory:// holds nothing to work on")
    return 2
  }
  try {
    return await command.run(args, target, io)
  } catch (e) {
    io.err(`失败 / failed: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}
