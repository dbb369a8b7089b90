#!/usr/bin/env node
// Starts the whole system on one machine: the API, then the admin and portal SPAs with `/api` proxied to it.
//   node tooling/scripts/start.mjs          built API + `vite preview` (root `pnpm start` builds first)
//   node tooling/scripts/start.mjs --dev    API under `tsx watch` + Vite dev servers (hot reload)
// Ports: API_PORT (3000), ADMIN_PORT (5173), PORTAL_PORT (5174). Ctrl-C stops everything.
import { join } from "node:path"
import { paths, portInUse, requireFile, startProcess, stopProcess, waitForHttp } from "./lib/processes.js"

const dev = process.argv.includes("--dev")

/** @param {string} name @param {number} fallback */
const portFrom = (name, fallback) => {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`${name}=${raw} 不是有效端口 / is not a valid port`)
    process.exit(1)
  }
  return port
}

const apiPort = portFrom("API_PORT", 3000)
const adminPort = portFrom("ADMIN_PORT", 5173)
const portalPort = portFrom("PORTAL_PORT", 5174)
const apiUrl = `http://127.0.0.1:${apiPort}`

for (const [name, port] of /** @type {const} */ ([
  ["API_PORT", apiPort],
  ["ADMIN_PORT", adminPort],
  ["PORTAL_PORT", portalPort],
])) {
  if (await portInUse(port)) {
    console.error(
      `端口 ${port} 已被占用 / port ${port} is in use (${name}): stop what uses it or set ${name}.`,
    )
    process.exit(1)
  }
}

if (!dev) {
  const hint = "run `pnpm start` from the repository root (it builds first) or `pnpm build`"
  requireFile(paths.apiMain, hint)
  requireFile(join(paths.appDir("admin"), "dist", "index.html"), hint)
  requireFile(join(paths.appDir("portal"), "dist", "index.html"), hint)
}

/** @type {import("./lib/processes.js").RunningProcess[]} */
const running = []
let stopping = false

/** @param {number} code */
const stopAll = async (code) => {
  if (stopping) return
  stopping = true
  console.log("\n正在停止 / stopping …")
  await Promise.all(running.map((proc) => stopProcess(proc)))
  process.exit(code)
}
process.on("SIGINT", () => void stopAll(0))
process.on("SIGTERM", () => void stopAll(0))

/** @param {import("./lib/processes.js").StartOptions} options */
const start = (options) => {
  const proc = startProcess({ ...options, echo: true })
  running.push(proc)
  void proc.exited.then((code) => {
    if (stopping) return
    console.error(`\n[${proc.name}] 意外退出 / exited unexpectedly (code ${code}); stopping the rest.`)
    void stopAll(1)
  })
  return proc
}

/** @param {"admin" | "portal"} app @param {number} port */
const startApp = (app, port) => {
  const appDir = paths.appDir(app)
  const mode = dev ? [] : ["preview"]
  return start({
    name: app,
    command: process.execPath,
    args: [paths.viteBin(appDir), ...mode, "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
    cwd: appDir,
    env: { API_URL: apiUrl },
  })
}

try {
  const api = start({
    name: "api",
    command: process.execPath,
    args: dev ? [paths.tsxCli, "watch", "src/main.ts"] : [paths.apiMain],
    cwd: paths.apiDir,
    // The demo data (seed regions, their presets as published schemes, fictitious people and demo accounts) is
    // loaded into an empty database on first start; loading again changes nothing. LOAD_DEMO_DATA=false skips it.
    env: { PORT: String(apiPort), HOST: "127.0.0.1", LOAD_DEMO_DATA: process.env.LOAD_DEMO_DATA ?? "true" },
  })
  await waitForHttp(`${apiUrl}/healthz`, { process: api, timeoutMs: 60_000 })
  const admin = startApp("admin", adminPort)
  const portal = startApp("portal", portalPort)
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${adminPort}/`, { process: admin, timeoutMs: 60_000 }),
    waitForHttp(`http://127.0.0.1:${portalPort}/`, { process: portal, timeoutMs: 60_000 }),
  ])
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  await stopAll(1)
}

const line = "=".repeat(72)
console.log(`
${line}
  干部选派平台已启动 / Cadre dispatch platform is running${dev ? " (dev mode, hot reload)" : ""}

  管理端 Admin (org dept, streets, units)   http://127.0.0.1:${adminPort}/
  报名门户 Portal (applicants)              http://127.0.0.1:${portalPort}/
  API (health: /healthz, /readyz)           ${apiUrl}/

  演示账号 / demo accounts (password ${process.env.DEMO_PASSWORD ?? "Demo-cadre-2026"}):
    yangpu.org@demo.example.org (杨浦区委组织部), yangpu.dinghai@demo.example.org (街道),
    yangpu.api@demo.example.org (系统对接), applicant@demo.example.org (报名人员) — the full list is in README.md
  数据 / data: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${process.env.DATA_DIR ?? ".data/pglite"}`}

  按 Ctrl-C 停止全部 / press Ctrl-C to stop everything
${line}
`)
