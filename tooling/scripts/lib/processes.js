// Child processes for the start script and the browser tests: free ports, start with prefixed output,
// wait until an URL answers, stop the whole process group. Plain JS so that `node start.mjs` needs no build;
// the types are in processes.d.ts and this file is checked against its JSDoc by `tsc` (checkJs).
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { createServer } from "node:net"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

/** The repository root (this file is tooling/scripts/lib/processes.js). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")

/** @param {string} message */
const fail = (message) => {
  throw new Error(message)
}

/**
 * Asks the OS for a free TCP port on 127.0.0.1.
 * @returns {Promise<number>}
 */
export const freePort = () =>
  new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error("no free port"))))
    })
  })

/**
 * Is something already listening on this port (127.0.0.1)?
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export const portInUse = (port) =>
  new Promise((resolveInUse) => {
    const server = createServer()
    server.once("error", () => resolveInUse(true))
    server.listen(port, "127.0.0.1", () => server.close(() => resolveInUse(false)))
  })

/**
 * @typedef {object} StartOptions
 * @property {string} name short label for output prefixes and errors
 * @property {string} command
 * @property {ReadonlyArray<string>} [args]
 * @property {string} [cwd]
 * @property {Readonly<Record<string, string | undefined>>} [env] added to process.env
 * @property {boolean} [echo] copy the child's output to ours, each line prefixed with `[name]`
 */

/**
 * @typedef {object} RunningProcess
 * @property {string} name
 * @property {import("node:child_process").ChildProcess} child
 * @property {() => string} output the last lines the child printed (for error messages)
 * @property {Promise<number | null>} exited resolves with the exit code (null when killed by a signal)
 */

const keepLines = 200

/**
 * Starts a child in its own process group, so stopping it also stops what it spawned (tsx watch, vite).
 * @param {StartOptions} options
 * @returns {RunningProcess}
 */
export const startProcess = ({ name, command, args = [], cwd = repoRoot, env = {}, echo = false }) => {
  const child = spawn(command, [...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  /** @type {string[]} */
  const lines = []
  /** @param {NodeJS.WritableStream} sink */
  const onData = (sink) => {
    let partial = ""
    /** @param {Buffer} chunk */
    return (chunk) => {
      const text = partial + chunk.toString()
      const parts = text.split("\n")
      partial = parts.pop() ?? ""
      for (const line of parts) {
        lines.push(line)
        if (lines.length > keepLines) lines.shift()
        if (echo) sink.write(`[${name}] ${line}\n`)
      }
    }
  }
  child.stdout?.on("data", onData(process.stdout))
  child.stderr?.on("data", onData(process.stderr))
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolveExit) => {
    child.once("exit", (code) => resolveExit(code))
    child.once("error", (error) => {
      lines.push(`spawn failed: ${error.message}`)
      resolveExit(-1)
    })
  })
  return { name, child, output: () => lines.join("\n"), exited }
}

/**
 * Polls `url` until it answers with a status below 500. Fails early, with the child's output, if `process` exits.
 * The timeout is a safety limit, not a speed assertion: on a shared 2-core machine under load the API's first start
 * (PGlite, migrations) has taken over 30 s.
 * @param {string} url
 * @param {{ timeoutMs?: number, process?: RunningProcess }} [options]
 * @returns {Promise<void>}
 */
export const waitForHttp = async (url, { timeoutMs = 120_000, process: proc } = {}) => {
  const deadline = Date.now() + timeoutMs
  let lastError = ""
  while (Date.now() < deadline) {
    if (proc !== undefined && proc.child.exitCode !== null) {
      fail(`${proc.name} exited with code ${proc.child.exitCode} before ${url} answered:\n${proc.output()}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await response.body?.cancel()
      if (response.status < 500) return
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  fail(`${url} did not answer within ${timeoutMs} ms (${lastError})${proc ? `:\n${proc.output()}` : ""}`)
}

/**
 * Stops a child: SIGTERM to the child itself so it can shut down in order (vite stops its esbuild service, the
 * API drains), SIGKILL to its whole process group after `graceMs`, and SIGKILL to the group once it has exited,
 * for anything it left behind. Resolves with the exit code.
 * @param {RunningProcess} proc
 * @param {{ graceMs?: number }} [options]
 * @returns {Promise<number | null>}
 */
export const stopProcess = async (proc, { graceMs = 5_000 } = {}) => {
  const { child } = proc
  const pid = child.pid
  /** @param {NodeJS.Signals} signal */
  const killGroup = (signal) => {
    try {
      if (pid !== undefined) process.kill(-pid, signal)
    } catch {
      // The group is already gone.
    }
  }
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM")
    const timer = setTimeout(() => killGroup("SIGKILL"), graceMs)
    await proc.exited
    clearTimeout(timer)
  }
  killGroup("SIGKILL")
  return proc.exited
}

/** Paths of the workspace's runnable pieces. */
export const paths = {
  apiDir: join(repoRoot, "apps", "api"),
  apiMain: join(repoRoot, "apps", "api", "dist", "main.js"),
  /** @param {"admin" | "portal"} app */
  appDir: (app) => join(repoRoot, "apps", app),
  /** @param {string} appDir */
  viteBin: (appDir) => join(appDir, "node_modules", "vite", "bin", "vite.js"),
  tsxCli: join(repoRoot, "apps", "api", "node_modules", "tsx", "dist", "cli.mjs"),
}

/**
 * Throws a clear message when a built file is missing.
 * @param {string} file
 * @param {string} hint
 */
export const requireFile = (file, hint) => {
  if (!existsSync(file)) fail(`${file} is missing: ${hint}`)
}
