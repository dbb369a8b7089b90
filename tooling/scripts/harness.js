// The browser-test harness shared by apps/admin/e2e and apps/portal/e2e: start the built API and a
// `vite preview` of a built app on free ports, and launch a Chromium through playwright-core: CHROMIUM_PATH, else
// Debian's /usr/bin/chromium, else the one @sparticuz/chromium ships through npm (so a bare machine needs no apt).
import { existsSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium } from "playwright-core"
import { freePort, paths, requireFile, startProcess, stopProcess, waitForHttp } from "./lib/processes.js"

export { freePort, paths, repoRoot, startProcess, stopProcess, waitForHttp } from "./lib/processes.js"
export { seriousViolations } from "./lib/axe.js"

/**
 * @typedef {object} Service
 * @property {string} url base URL, e.g. http://127.0.0.1:41234
 * @property {number} port
 * @property {import("./lib/processes.js").RunningProcess} process
 * @property {() => Promise<void>} stop stops it (idempotent)
 */

/**
 * @param {import("./lib/processes.js").RunningProcess} proc
 * @param {number} port
 * @returns {Service}
 */
const asService = (proc, port) => {
  /** @type {Promise<void> | undefined} */
  let stopping
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: proc,
    stop: () => {
      stopping ??= stopProcess(proc).then(() => undefined)
      return stopping
    },
  }
}

/**
 * The day the browser tests live on: the API takes it as today (FIXED_TODAY) and the browser's clock starts at
 * noon of it in China, so what the demo data shows as due, overdue or ending does not drift with the calendar.
 * The demo data is dated around it (packages/db/src/demo*.ts). A test that needs another day passes its own
 * FIXED_TODAY (or "" for the real clock) and restarts the API on the same port and data directory to move on.
 */
export const E2E_TODAY = "2026-11-26"

/** Noon in China (UTC+8, no summer time) on `day`. */
export const chinaNoon = (/** @type {string} */ day) => new Date(`${day}T12:00:00+08:00`)

/**
 * Starts the built API (`node apps/api/dist/main.js`) on a free port and waits for /healthz.
 * Today is E2E_TODAY unless `env.FIXED_TODAY` says otherwise.
 * @param {{ port?: number, env?: Record<string, string> }} [options]
 * @returns {Promise<Service>}
 */
export const startApi = async ({ port, env = {} } = {}) => {
  requireFile(paths.apiMain, "build the API first (pnpm build, or turbo run test:e2e which builds it)")
  const chosen = port ?? (await freePort())
  const proc = startProcess({
    name: "api",
    command: process.execPath,
    args: [paths.apiMain],
    cwd: paths.apiDir,
    // A throw-away in-memory database: browser tests must never open the developer's .data/pglite (PGlite
    // allows one process per data directory).
    env: { PORT: String(chosen), HOST: "127.0.0.1", DATA_DIR: "memory://", FIXED_TODAY: E2E_TODAY, ...env },
  })
  const service = asService(proc, chosen)
  try {
    await waitForHttp(`${service.url}/healthz`, { process: proc })
  } catch (error) {
    await service.stop()
    throw error
  }
  return service
}

/**
 * The last registration code the API's default mail sender wrote to its log for `email`: the browser tests read it
 * as a person reads their mailbox (the API logs one JSON object per line).
 * @param {Service} api
 * @param {string} email
 * @returns {string}
 */
export const mailedCode = (api, email) => {
  const to = email.trim().toLowerCase()
  return loggedCode(api, (line) => line.msg.startsWith("e-mail verification code") && line.email === to, to)
}

/**
 * The last registration code the API's default SMS sender wrote to its log for `phone` (as `mailedCode`, for a
 * person who registers by mobile phone and reads the text message).
 * @param {Service} api
 * @param {string} phone
 * @returns {string}
 */
export const textedCode = (api, phone) =>
  loggedCode(api, (line) => line.msg.startsWith("phone verification code") && line.phone === phone, phone)

/**
 * @param {Service} api
 * @param {(line: { msg: string, [key: string]: unknown }) => boolean} matches
 * @param {string} to
 * @returns {string}
 */
const loggedCode = (api, matches, to) => {
  const lines = api.process.output().split("\n")
  for (let i = lines.length - 1; i >= 0; i--) {
    let line
    try {
      line = JSON.parse(lines[i] ?? "")
    } catch {
      continue
    }
    if (typeof line?.msg === "string" && matches(line)) return String(line.code)
  }
  throw new Error(`no code was sent to ${to}`)
}

/**
 * Starts `vite preview` of a built app (its dist/) on a free port, with `/api` proxied to `apiUrl`.
 * @param {{ appDir: string, apiUrl: string, port?: number }} options
 * @returns {Promise<Service>}
 */
export const startPreview = async ({ appDir, apiUrl, port }) => {
  requireFile(join(appDir, "dist", "index.html"), "build the app first (pnpm build)")
  const chosen = port ?? (await freePort())
  const proc = startProcess({
    name: "preview",
    command: process.execPath,
    args: [paths.viteBin(appDir), "preview", "--port", String(chosen), "--strictPort", "--host", "127.0.0.1"],
    cwd: appDir,
    env: { API_URL: apiUrl },
  })
  const service = asService(proc, chosen)
  try {
    await waitForHttp(`${service.url}/`, { process: proc })
  } catch (error) {
    await service.stop()
    throw error
  }
  return service
}

/** Chromium flags for a quiet, reproducible headless run in CI and containers. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/**
 * @typedef {object} Browser
 * @property {import("playwright-core").BrowserContext} context
 * @property {(options?: { width?: number, height?: number }) => Promise<import("playwright-core").Page>} newPage
 *   opens a page that records uncaught page errors in `errors`
 * @property {string[]} errors uncaught exceptions and console errors seen on any page
 * @property {(url: string) => Promise<void>} clearStorage forgets what the site at `url` stored (localStorage:
 *   the language choice), so one test's choices do not leak into the next: the profile is shared by all pages
 * @property {() => Promise<void>} close closes the browser and removes its profile directory
 */

/** Debian's Chromium, used when present and CHROMIUM_PATH is unset. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium"

// @sparticuz/chromium's flags are made for AWS Lambda; these would change what the tests observe (one process for
// all pages, no same-origin policy, mixed content), so they are left out.
const unwantedBundledArgs = new Set([
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
])

/**
 * Which Chromium the browser tests launch, in this order: `CHROMIUM_PATH`; Debian's `/usr/bin/chromium`; the
 * Chromium that the npm package @sparticuz/chromium ships (unpacked to the temp directory on first use; it links
 * the system's libnss3/libnspr4 and carries its own copies for machines without them). `CADRE_BROWSER=bundled`
 * forces the last one (to test it on a machine that has Debian's), `CADRE_BROWSER=system` forbids it.
 * @returns {Promise<{ executablePath: string, args: string[], source: "CHROMIUM_PATH" | "debian" | "bundled" }>}
 */
export const findChromium = async () => {
  const choice = process.env.CADRE_BROWSER ?? ""
  if (choice !== "bundled") {
    const fromEnv = process.env.CHROMIUM_PATH
    if (fromEnv !== undefined && fromEnv !== "") {
      requireFile(fromEnv, "CHROMIUM_PATH names no file; unset it to use Debian's or the bundled Chromium")
      return { executablePath: fromEnv, args: chromiumArgs, source: "CHROMIUM_PATH" }
    }
    if (existsSync(DEBIAN_CHROMIUM))
      return { executablePath: DEBIAN_CHROMIUM, args: chromiumArgs, source: "debian" }
    if (choice === "system")
      throw new Error(
        "CADRE_BROWSER=system: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH",
      )
  }
  const { default: bundled } = await import("@sparticuz/chromium")
  const executablePath = await bundled.executablePath()
  const args = [...new Set([...chromiumArgs, ...bundled.args])].filter(
    (a) => !unwantedBundledArgs.has(a) && !a.startsWith("--headless="),
  )
  return { executablePath, args, source: "bundled" }
}

/**
 * Launches a Chromium ({@link findChromium}) with a fresh profile directory and its clock at noon of `today`
 * (default E2E_TODAY) in China. A persistent context is how playwright takes a user-data-dir.
 * @param {{ today?: string }} [options]
 * @returns {Promise<Browser>}
 */
export const launchBrowser = async ({ today = E2E_TODAY } = {}) => {
  const { executablePath, args } = await findChromium()
  const userDataDir = await mkdtemp(join(tmpdir(), "cadre-e2e-chromium-"))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args,
    locale: "zh-CN",
    viewport: { width: 1280, height: 800 },
    // The apps honour the system's reduced-motion setting (no zoom on dialogs): a click on a dialog's button
    // under a loaded CI machine otherwise could land mid-animation on the mask and close it.
    reducedMotion: "reduce",
  })
  // The pages' clock starts at noon of `today` in China and then runs as usual (timers and animations too).
  await context.clock.install({ time: chinaNoon(today) })
  await context.clock.resume()
  /** @type {string[]} */
  const errors = []
  return {
    context,
    errors,
    newPage: async ({ width, height } = {}) => {
      const page = await context.newPage()
      if (width !== undefined && height !== undefined) await page.setViewportSize({ width, height })
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`))
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`)
      })
      return page
    },
    clearStorage: async (url) => {
      const page = await context.newPage()
      await page.goto(url)
      await page.evaluate(() => {
        window.localStorage.clear()
        window.sessionStorage.clear()
      })
      await page.close()
    },
    close: async () => {
      await context.close().catch(() => undefined)
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Starts what a browser test file walks through — the built API ({@link startApi}), a `vite preview` of the app
 * ({@link startPreview}) and a Chromium ({@link launchBrowser}) — at once rather than one after the other: the
 * API's port is chosen first, so the preview can proxy to it before it answers. The same three as starting them in
 * turn; if one fails to start, the others are stopped and the error is thrown.
 * @param {{ appDir: string, apiEnv?: Record<string, string>, today?: string }} options
 * @returns {Promise<{ api: Service, preview: Service, browser: Browser }>}
 */
export const startSystem = async ({ appDir, apiEnv = {}, today }) => {
  const port = await freePort()
  const [api, preview, browser] = await Promise.allSettled([
    startApi({ port, env: apiEnv }),
    startPreview({ appDir, apiUrl: `http://127.0.0.1:${port}` }),
    launchBrowser(today === undefined ? {} : { today }),
  ])
  if (api.status === "fulfilled" && preview.status === "fulfilled" && browser.status === "fulfilled") {
    return { api: api.value, preview: preview.value, browser: browser.value }
  }
  await Promise.all([
    browser.status === "fulfilled" ? browser.value.close() : undefined,
    preview.status === "fulfilled" ? preview.value.stop() : undefined,
    api.status === "fulfilled" ? api.value.stop() : undefined,
  ])
  const failed = [api, preview, browser].find((r) => r.status === "rejected")
  throw failed?.status === "rejected" ? failed.reason : new Error("startSystem")
}
