// Roster import (issue 14, "Measure"): a 100,000-row roster .xlsx generated here (exceljs's streaming writer),
// then staged (read as a stream), validated (the preview) and committed by the job runner on PGlite, and on
// PostgreSQL when TEST_DATABASE_URL (or PG_TEST_URL) is set. Prints one line per database:
//   import: 100000 rows in S s (R rows/s), peak RSS M MB
// with the split (stage / validate / commit). BENCH_IMPORT_ROWS=10000 for a smaller file.
import { createReadStream, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { type DatabaseHandle, loadDemoBase, makeTestDatabase } from "@cadre/db"
import { type Access, Person, type Regions } from "@cadre/domain"
import { ROSTER_IMPORT_COLUMNS, readRosterFile } from "@cadre/exports"
import ExcelJS from "exceljs"
import { Effect } from "effect"
import { ImportService, servicesOverDb } from "../src/index.js"

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)

let peak = process.memoryUsage().rss
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 50)
sampler.unref()

/** A checksummed, distinct ID number for row i (birth dates spread over 1970–1999, sequence from i). */
const personOf = (i: number) => {
  const d = new Date(Date.UTC(1970, 0, 1) + (i % 10_950) * 86_400_000)
  const ymd = d.toISOString().slice(0, 10)
  const seq = String(Math.floor(i / 10_950) * 2 + 1 + (i % 2)).padStart(3, "0")
  const first17 = `310110${ymd.replaceAll("-", "")}${seq}`
  return { ymd, id: `${first17}${Person.checkCharacter(first17)}`, male: Number(seq) % 2 === 1 }
}

const dir = mkdtempSync(join(tmpdir(), "cadre-import-bench-"))
const file = join(dir, "roster.xlsx")
{
  const t0 = performance.now()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  })
  const ws = wb.addWorksheet("花名册")
  ws.addRow(ROSTER_IMPORT_COLUMNS.map((c) => c.zh)).commit()
  for (let i = 0; i < ROWS; i++) {
    const p = personOf(i)
    ws.addRow([
      `基准${i}`,
      p.male ? "男" : "女",
      "汉族",
      p.ymd,
      p.id,
      "2010-06-01",
      "2011-06-01",
      "大学本科",
      "是",
      "2009-07-01",
      i % 2 === 0 ? "杨浦区民政局" : "杨浦区教育局",
      "科员",
      "科员（职级）",
      "公务员",
      `139${String(i).padStart(8, "0")}`,
    ]).commit()
  }
  ws.commit()
  await wb.commit()
  console.log(`generated ${ROWS} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

const actor: Access.Actor = {
  accountId: "bench-org",
  role: "org_dept_admin",
  scope: { _tag: "RegionScope", regionId: "310110" as Regions.RegionId },
  scopePath: "/310000/310110/",
  displayName: "bench",
}

const measure = async (label: string, h: DatabaseHandle) => {
  await loadDemoBase(h.db)
  const svc = await Effect.runPromise(ImportService.pipe(Effect.provide(servicesOverDb(h.db))))
  peak = process.memoryUsage().rss
  const ctx = { actor, requestId: "bench" }
  const t0 = performance.now()
  const staged = await Effect.runPromise(
    svc.stageFile(ctx, "roster.xlsx", readRosterFile(createReadStream(file), "xlsx")),
  )
  const t1 = performance.now()
  if (staged.counts?.invalid !== 0) {
    const bad = await Effect.runPromise(svc.rowsOf(actor, { jobId: staged.id, onlyErrors: true, limit: 3 }))
    throw new Error(`bench rows invalid: ${JSON.stringify(staged.counts)} ${JSON.stringify(bad.rows)}`)
  }
  await Effect.runPromise(svc.commit(ctx, { jobId: staged.id, mode: "all_or_nothing" }))
  await Effect.runPromise(svc.runJob(staged.id))
  const t2 = performance.now()
  const done = await Effect.runPromise(svc.status(actor, staged.id))
  if (done.result?.created !== ROWS) throw new Error(`bench commit: ${JSON.stringify(done)}`)
  const s = (t2 - t0) / 1000
  console.log(
    `import: ${ROWS} rows in ${s.toFixed(1)} s (${Math.round(ROWS / s)} rows/s), peak RSS ${Math.round(peak / 2 ** 20)} MB` +
      `  [${label}: stage + validate ${((t1 - t0) / 1000).toFixed(1)} s, commit ${((t2 - t1) / 1000).toFixed(1)} s]`,
  )
}

const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.PG_TEST_URL
{
  const saved = process.env.TEST_DATABASE_URL
  delete process.env.TEST_DATABASE_URL
  const h = await makeTestDatabase()
  await measure("PGlite", h)
  await h.close()
  if (saved !== undefined) process.env.TEST_DATABASE_URL = saved
}
if (pgUrl !== undefined) {
  process.env.TEST_DATABASE_URL = pgUrl
  const h = await makeTestDatabase()
  await measure("PostgreSQL", h)
  await h.close()
}
rmSync(dir, { recursive: true, force: true })
