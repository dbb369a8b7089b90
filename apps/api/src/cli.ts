import { randomBytes } from "node:crypto"
import { resolve } from "node:path"
import {
  accountRoles,
  backupPglite,
  DEFAULT_DATA_DIR,
  type DatabaseHandle,
  makeDatabase,
  restorePglite,
  user,
  verifyAuditChain,
} from "@cadre/db"
import { makeAuthService, passwordProblems } from "@cadre/router"
import { applicationLayer, RegionService, WorkCalendar } from "@cadre/services"
import { and, eq } from "drizzle-orm"
import { Effect, Either, ManagedRuntime } from "effect"
import { loadConfig } from "./config.js"

/**
 * `cadre <command>`: operator commands next to the API, reading the same DATABASE_URL / DATA_DIR. A small
 * dispatcher: a command is a name, a one-line usage and a function returning the exit code (0 done, 1 failed or
 * not done, 2 wrong usage). Messages are bilingual, Chinese first. Add commands to `COMMANDS`.
 */

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly out: (line: string) => void
  readonly err: (line: string) => void
}

interface Target {
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  readonly authSecret?: string | undefined
  readonly publicUrl?: string | undefined
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

/** `--key value` pairs; undefined (with the offending word) when something else is there. */
const options = (
  args: ReadonlyArray<string>,
  known: ReadonlyArray<string>,
): { readonly values: Record<string, string> } | { readonly bad: string } => {
  const values: Record<string, string> = {}
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i] ?? ""
    const value = args[i + 1]
    if (
      !key.startsWith("--") ||
      !known.includes(key.slice(2)) ||
      value === undefined ||
      value.startsWith("--")
    )
      return { bad: key }
    values[key.slice(2)] = value
  }
  return { values }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u

/** A random password the policy accepts (20 characters of base64url; drawn again in the rare case it does not). */
const generatePassword = (email: string): string => {
  for (;;) {
    const p = randomBytes(15).toString("base64url")
    if (passwordProblems(p, [email]).length === 0) return p
  }
}

/** The system principal the bootstrap's audit rows name. */
const CLI_PRINCIPAL = { actor: { accountId: "system:cli", role: "system" } } as const

const districtCreate: Command = {
  usage:
    "district:create --id <区划代码> --name <名称> --admin-email <e-mail> --admin-name <姓名> [--password <密码>]",
  summary:
    "新建一个顶层区（无上级）及其第一个组织部管理员账号（未给密码则生成并只显示一次）/ create a district at the top of a new tree with its first org-dept admin (a password is generated and shown once unless given)",
  run: async (args, target, io) => {
    const parsed = options(args, ["id", "name", "admin-email", "admin-name", "password"])
    const v = "values" in parsed ? parsed.values : undefined
    const id = v?.id
    const name = v?.name
    const email = v?.["admin-email"]?.trim().toLowerCase()
    const adminName = v?.["admin-name"]?.trim()
    if (
      id === undefined ||
      name === undefined ||
      email === undefined ||
      adminName === undefined ||
      adminName === ""
    ) {
      if ("bad" in parsed) io.err(`无法识别的参数 / unrecognised argument: ${parsed.bad}`)
      io.err(`用法 / usage: cadre ${districtCreate.usage}`)
      return 2
    }
    if (!EMAIL.test(email)) {
      io.err(`管理员邮箱格式不正确 / the admin e-mail is not an e-mail address: ${email}`)
      return 2
    }
    const given = v?.password
    if (given !== undefined) {
      const problems = passwordProblems(given, [email])
      if (problems.length > 0) {
        io.err(
          `密码不符合要求 / the password is refused: ${problems.map((p) => `${p.zh} / ${p.en}`).join("; ")}`,
        )
        return 2
      }
    }
    const password = given ?? generatePassword(email)

    // A district from nothing: the schema may not be there yet, so this command migrates (like the API at start).
    const handle = await makeDatabase({ url: target.databaseUrl, dataDir: target.dataDir })
    const runtime = ManagedRuntime.make(applicationLayer(handle))
    try {
      const auth = makeAuthService({
        db: handle.db,
        secret: target.authSecret ?? randomBytes(32).toString("hex"),
        baseURL: target.publicUrl ?? "http://localhost",
        logger: {
          info: () => {},
          warn: (msg) => io.err(msg),
          error: (msg) => io.err(msg),
        },
      })
      const taken = await handle.db.select({ id: user.id }).from(user).where(eq(user.email, email)).limit(1)
      if (taken.length > 0) {
        io.err(
          `该邮箱已有账号，未作任何改动 / an account with this e-mail already exists; nothing was changed: ${email}`,
        )
        return 1
      }
      const region = await runtime.runPromise(
        Effect.either(Effect.flatMap(RegionService, (r) => r.createTop(CLI_PRINCIPAL, { id, name }))),
      )
      if (Either.isLeft(region)) {
        io.err(`${region.left.message.zh} / ${region.left.message.en}`)
        return region.left._tag === "Conflict" ? 1 : 2
      }
      let accountId: string
      try {
        ;({ accountId } = await auth.provisionAccount({
          email,
          name: adminName,
          password,
          role: "org_dept_admin",
          regionId: id,
          unitId: null,
        }))
      } catch (e) {
        await runtime.runPromise(
          Effect.either(Effect.flatMap(RegionService, (r) => r.undoCreateTop(CLI_PRINCIPAL, id))),
        )
        throw e
      }
      const [role] = await handle.db
        .select({ path: accountRoles.scopePath })
        .from(accountRoles)
        .where(and(eq(accountRoles.userId, accountId), eq(accountRoles.role, "org_dept_admin")))
      io.out(
        `已新建区“${region.right.name}”（${id}，范围 ${region.right.path}）及组织部管理员 ${email}（账号 ${accountId}，范围 ${role?.path ?? "?"}）/ created district "${region.right.name}" (${id}, scope ${region.right.path}) and its org-dept admin ${email} (account ${accountId})`,
      )
      if (given === undefined)
        io.out(
          `初始密码（只显示这一次，请当面或经安全渠道转交）/ initial password (shown this once; hand it over in person or by a secure channel): ${password}`,
        )
      io.out(
        "下一步见 docs/onboarding.md：区域树、单位、账号、方案、人员 / next: docs/onboarding.md — region tree, units, accounts, scheme, people",
      )
      return 0
    } finally {
      await runtime.dispose()
      await handle.close()
    }
  },
}

/** Comma-separated YYYY-MM-DD dates ("" for none). */
const dateList = (v: string | undefined): ReadonlyArray<string> =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

const calendarEnterYear: Command = {
  usage: "calendar:enter-year --year <年> --holidays <日期,…> --make-up <日期,…> [--notice <文号>]",
  summary:
    "全国运维：录入（或更正）国务院办公厅公布的某年节假日与调休，数据包尚未收录时用；区县账号不能修改国家日历 / national operator: enter (or correct) a year's State Council holidays and make-up working days when the data package lags; no district account can",
  run: async (args, target, io) => {
    const parsed = options(args, ["year", "holidays", "make-up", "notice"])
    const v = "values" in parsed ? parsed.values : undefined
    const year = Number(v?.year)
    if (
      v === undefined ||
      !Number.isInteger(year) ||
      v.holidays === undefined ||
      v["make-up"] === undefined
    ) {
      if ("bad" in parsed) io.err(`无法识别的参数 / unrecognised argument: ${parsed.bad}`)
      io.err(`用法 / usage: cadre ${calendarEnterYear.usage}`)
      return 2
    }
    const handle = await open(target)
    const runtime = ManagedRuntime.make(applicationLayer(handle))
    try {
      const entered = await runtime.runPromise(
        Effect.either(
          Effect.flatMap(WorkCalendar, (c) =>
            c.enterNationalYear(CLI_PRINCIPAL, {
              year: {
                year,
                holidays: dateList(v.holidays),
                makeUpWorkdays: dateList(v["make-up"]),
                source: {
                  _tag: "EnteredByAdmin",
                  accountId: CLI_PRINCIPAL.actor.accountId,
                  enteredOn: new Date().toISOString().slice(0, 10),
                  ...(v.notice === undefined ? {} : { notice: v.notice }),
                },
              },
            }),
          ),
        ),
      )
      if (Either.isLeft(entered)) {
        io.err(`${entered.left.message.zh} / ${entered.left.message.en}`)
        return 2
      }
      io.out(
        `已录入国家工作日历 ${year} 年：放假 ${entered.right.holidays.length} 天，调休上班 ${entered.right.makeUpWorkdays.length} 天 / entered national calendar year ${year}: ${entered.right.holidays.length} days off, ${entered.right.makeUpWorkdays.length} make-up working days`,
      )
      return 0
    } finally {
      await runtime.dispose()
      await handle.close()
    }
  },
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  "audit:verify": auditVerify,
  "calendar:enter-year": calendarEnterYear,
  "district:create": districtCreate,
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
  const { databaseUrl, dataDir, authSecret, publicUrl } = configured.right
  const target: Target = { databaseUrl, dataDir: dataDir ?? DEFAULT_DATA_DIR, authSecret, publicUrl }
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
