import { type ChildProcess, spawn } from "node:child_process"
import { once } from "node:events"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { makeDatabase } from "@cadre/db"
import { sql } from "drizzle-orm"
import { createServer } from "node:net"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const mainTs = fileURLToPath(new URL("./main.ts", import.meta.url))
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string
}

// Runs src/main.ts the way `pnpm dev` does (through tsx), so the test needs no build.
const startMain = (env: Record<string, string>): ChildProcess =>
  spawn(process.execPath, ["--import", "tsx", mainTs], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  })

const collect = (child: ChildProcess) => {
  const out = { stdout: "", stderr: "" }
  child.stdout?.on("data", (chunk: Buffer) => {
    out.stdout += chunk.toString()
  })
  child.stderr?.on("data", (chunk: Buffer) => {
    out.stderr += chunk.toString()
  })
  return out
}

const freePort = async (): Promise<number> => {
  const server = createServer()
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const address = server.address()
  server.close()
  if (address === null || typeof address === "string") throw new Error("no port")
  return address.port
}

// Each test starts a Node process through tsx: seconds on a busy machine, hence the long timeouts.
describe("main", { timeout: 150_000 }, () => {
  it("exits non-zero with a bilingual message on bad configuration", async () => {
    const child = startMain({ PORT: "not-a-port" })
    const out = collect(child)
    const [code] = await once(child, "exit")
    expect(code).not.toBe(0)
    expect(out.stderr).toContain("配置无效（环境变量）/ Invalid configuration (environment variables)")
    expect(out.stderr).toContain("PORT must be an integer")
  })

  it("serves /healthz, logs JSON, and on SIGTERM stops gracefully with exit code 0", async () => {
    const port = await freePort()
    const child = startMain({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: "memory://" })
    const out = collect(child)
    try {
      const deadline = Date.now() + 120_000
      while (!out.stdout.includes('"msg":"listening"')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start: ${out.stderr}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
        headers: { "X-Request-Id": "main-test" },
      })
      expect(await res.json()).toMatchObject({ status: "ok", service: "cadre-api", version })
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
      expect(await ready.json()).toEqual({ status: "ready", checks: { database: { status: "ok" } } })
      const trpc = await fetch(`http://127.0.0.1:${port}/trpc/auth.passwordPolicy`)
      expect(trpc.status).toBe(200)
      child.kill("SIGTERM")
      const [code] = await once(child, "exit")
      expect(code).toBe(0)
      const logs = out.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(logs).toContainEqual(
        expect.objectContaining({ msg: "request", requestId: "main-test", status: 200 }),
      )
      expect(logs).toContainEqual(expect.objectContaining({ msg: "shutting down", signal: "SIGTERM" }))
      expect(logs.at(-1)).toMatchObject({ msg: "stopped" })
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL")
    }
  })
})

/** Wait until the child's stdout holds `text`; fail if it exits first. */
const waitFor = async (child: ChildProcess, out: { stdout: string; stderr: string }, text: string) => {
  const deadline = Date.now() + 90_000
  while (!out.stdout.includes(text)) {
    if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null)
      throw new Error(`never logged ${text}: ${out.stderr.slice(-2000)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const countIn = async (dataDir: string) => {
  const h = await makeDatabase({ dataDir })
  try {
    const n = async (table: string) =>
      (
        (await h.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
          rows: ReadonlyArray<{ n: number }>
        }
      ).rows[0]?.n ?? 0
    return { regions: await n("regions"), campaigns: await n("campaigns"), placements: await n("placements") }
  } finally {
    await h.close()
  }
}

describe("main: the first start's demo load survives a kill -9 (issue 15)", { timeout: 240_000 }, () => {
  it("killed part-way, it leaves nothing; the next start loads the demo whole", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cadre-demo-kill-"))
    try {
      const env = { HOST: "127.0.0.1", DATA_DIR: dataDir, LOAD_DEMO_DATA: "true" }
      const first = startMain({ ...env, PORT: String(await freePort()) })
      const firstOut = collect(first)
      // The campaigns are made; the placements are being made, inside the same transaction.
      await waitFor(first, firstOut, '"step":"campaigns"')
      first.kill("SIGKILL")
      await once(first, "exit")
      expect(firstOut.stdout).not.toContain('"msg":"demo data loaded"')
      expect(await countIn(dataDir)).toEqual({ regions: 0, campaigns: 0, placements: 0 })

      const second = startMain({ ...env, PORT: String(await freePort()) })
      const secondOut = collect(second)
      try {
        await waitFor(second, secondOut, '"msg":"listening"')
        expect(secondOut.stdout).toContain('"msg":"demo data loaded"')
        second.kill("SIGTERM")
        await once(second, "exit")
      } finally {
        if (second.exitCode === null) second.kill("SIGKILL")
      }
      const whole = await countIn(dataDir)
      expect(whole.campaigns).toBe(6)
      expect(whole.placements).toBeGreaterThan(0)
      expect(whole.regions).toBeGreaterThan(50)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe("main: an import job killed with -9 mid-way resumes at the next start (issue 14)", {
  timeout: 300_000,
}, () => {
  it("no half-applied batch after the kill; the restarted API finishes the job", async () => {
    const { importJobs, loadDemoBase, people } = await import("@cadre/db")
    const { ImportService, servicesOverDb } = await import("@cadre/services")
    const { ROSTER_IMPORT_COLUMNS, readRosterFile } = await import("@cadre/exports")
    const { Effect } = await import("effect")
    const { eq, like } = await import("drizzle-orm")
    const dataDir = mkdtempSync(join(tmpdir(), "cadre-import-kill-"))
    const ROWS = 4000
    /** GB 11643's check character. */
    const idOf = (i: number) => {
      const d = new Date(Date.UTC(1970, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "")
      const first17 = `310110${d}001`
      const sum = [...first17].reduce((s, c, k) => s + Number(c) * (2 ** (17 - k) % 11), 0)
      return {
        id: `${first17}${"10X98765432"[sum % 11]}`,
        birth: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`,
      }
    }
    const csv = [
      ROSTER_IMPORT_COLUMNS.map((c) => c.zh).join(","),
      ...Array.from({ length: ROWS }, (_, i) => {
        const p = idOf(i)
        return [
          `断电${i}`,
          "男",
          "",
          p.birth,
          p.id,
          "",
          "",
          "大学本科",
          "是",
          "",
          "杨浦区民政局",
          "",
          "",
          "公务员",
          "",
        ].join(",")
      }),
    ].join("\n")
    const actor = {
      accountId: "kill-test",
      role: "org_dept_admin" as const,
      scope: { _tag: "RegionScope" as const, regionId: "310110" as never },
      scopePath: "/310000/310110/",
      displayName: "kill test",
    }
    let jobId = ""
    const prepared = await makeDatabase({ dataDir })
    try {
      await loadDemoBase(prepared.db)
      const svc = await Effect.runPromise(ImportService.pipe(Effect.provide(servicesOverDb(prepared.db))))
      const ctx = { actor, requestId: "kill-test" }
      const job = await Effect.runPromise(
        svc.stageFile(ctx, "r.csv", readRosterFile(Buffer.from(csv), "csv")),
      )
      expect(job.counts?.invalid).toBe(0)
      await Effect.runPromise(svc.commit(ctx, { jobId: job.id, mode: "all_or_nothing" }))
      jobId = job.id
    } finally {
      await prepared.close()
    }
    const state = async () => {
      const h = await makeDatabase({ dataDir })
      try {
        const [job] = await h.db.select().from(importJobs).where(eq(importJobs.id, jobId))
        const imported = await h.db.select({ id: people.id }).from(people).where(like(people.name, "断电%"))
        return { job, imported: imported.length }
      } finally {
        await h.close()
      }
    }
    try {
      const env = { HOST: "127.0.0.1", DATA_DIR: dataDir }
      const first = startMain({ ...env, PORT: String(await freePort()) })
      const firstOut = collect(first)
      await waitFor(first, firstOut, '"msg":"import batch committed"')
      first.kill("SIGKILL")
      await once(first, "exit")
      const killed = await state()
      expect(killed.job?.status).toBe("running")
      expect(killed.job?.done).toBeLessThan(ROWS)
      // Whole batches only: the people written are exactly the rows the job records as committed.
      expect(killed.imported).toBe(killed.job?.done)
      expect((killed.job?.done ?? 0) % 500).toBe(0)

      const second = startMain({ ...env, PORT: String(await freePort()) })
      const secondOut = collect(second)
      try {
        await waitFor(second, secondOut, '"msg":"import job ended"')
        expect(secondOut.stdout).toContain('"msg":"import jobs resumed"')
        second.kill("SIGTERM")
        await once(second, "exit")
      } finally {
        if (second.exitCode === null) second.kill("SIGKILL")
      }
      const end = await state()
      expect(end.job).toMatchObject({ status: "done", done: ROWS })
      expect(end.imported).toBe(ROWS)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
