import { apiTokens, makeIdempotencyStore, makeTestDatabase, people, user } from "@cadre/db"
import { REGION_IMPORT_COLUMNS, readImportFile, ROSTER_IMPORT_COLUMNS, readRosterFile } from "@cadre/exports"
import { newToken } from "@cadre/router"
import { eq } from "drizzle-orm"
import type { Hono } from "hono"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AppEnv, buildApp } from "./app.js"
import { MAX_IMPORT_MB } from "./imports.js"
import { silentLogger } from "./logger.js"
import { DEFAULT_DEMO_PASSWORD, loadDemo, makeServices, type Services } from "./services.js"

/** Issue 14: the roster import's file routes — template, upload (good, garbage, oversize), errors.xlsx — and the job. */

let services: Services
let app: Hono<AppEnv>
let token: string

beforeAll(async () => {
  services = await makeServices({
    handle: await makeTestDatabase(),
    config: { host: "127.0.0.1", port: 0, authSecret: "integration-secret-integration-secret-01" },
    logger: silentLogger,
  })
  await loadDemo(services, DEFAULT_DEMO_PASSWORD)
  app = buildApp({
    version: "test",
    trpc: services.deps,
    idempotency: makeIdempotencyStore(services.handle.db),
  })
  const [u] = await services.handle.db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, "yangpu.org@demo.example.org"))
  const t = newToken()
  await services.handle.db.insert(apiTokens).values({
    id: crypto.randomUUID(),
    userId: u?.id ?? "",
    name: "import test",
    tokenHash: t.hash,
    prefix: t.prefix,
  })
  token = t.token
}, 180_000)
afterAll(async () => services?.close())

const auth = () => ({ authorization: `Bearer ${token}` })
const upload = (name: string, bytes: Uint8Array | string, kind = "roster") => {
  const form = new FormData()
  form.append("file", new File([bytes], name))
  return app.request(`/api/v1/imports/${kind}`, { method: "POST", headers: auth(), body: form })
}
const trpc = async (path: string, input: unknown, method: "GET" | "POST" = "POST") => {
  const res =
    method === "POST"
      ? await app.request(`/trpc/${path}`, {
          method: "POST",
          headers: { ...auth(), "content-type": "application/json" },
          body: JSON.stringify(input),
        })
      : await app.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: auth(),
        })
  return { status: res.status, body: (await res.json()) as { result?: { data: Record<string, unknown> } } }
}
/** GB 11643's check character (weights 2^(17-i) mod 11). */
const idFor = (seq: string) => {
  const first17 = `31011019800101${seq}`
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0)
  return `${first17}${"10X98765432"[sum % 11]}`
}
const csvRow = (name: string, id: string, birth = "1980-01-01") =>
  [name, "男", "汉族", birth, id, "", "", "大学本科", "是", "", "杨浦区民政局", "", "", "公务员", ""].join(
    ",",
  )
const header = ROSTER_IMPORT_COLUMNS.map((c) => c.zh).join(",")

describe("roster import over HTTP (issue 14)", () => {
  it("downloads the template: zh-CN headers, the code lists, example rows that import as they are", async () => {
    const res = await app.request("/api/v1/imports/roster/template", { headers: auth() })
    expect(res.status).toBe(200)
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''")
    const rows = []
    for await (const r of readRosterFile(new Uint8Array(await res.arrayBuffer()), "xlsx")) rows.push(r)
    expect(rows.map((r) => r.cells.name)).toEqual(["张三（示例）", "李四（示例）"])
    expect((await app.request("/api/v1/imports/roster/template")).status).toBe(401)
  })

  it("a garbage file, a wrong type, an empty file, a wrong header and an oversize file get a clean bilingual 4xx", async () => {
    const garbage = await upload("roster.xlsx", "this is not a zip")
    expect(garbage.status).toBe(400)
    const body = (await garbage.json()) as { error: { data: { message: { zh: string; en: string } } } }
    expect(body.error.data.message.zh).toContain("无法读取")
    expect(body.error.data.message.en).toContain("cannot be read")
    expect((await upload("roster.pdf", "%PDF-1.4")).status).toBe(400)
    expect((await upload("roster.csv", "")).status).toBe(400)
    expect((await upload("roster.csv", `${header}\n`)).status).toBe(400)
    const wrongHeader = await upload("roster.csv", "姓名,身份证号\n张三,1\n")
    expect(wrongHeader.status).toBe(400)
    expect(JSON.stringify(await wrongHeader.json())).toContain("表头与模板不一致")
    // A damaged .xlsx (a zip signature, then nothing readable).
    expect(
      (await upload("roster.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).status,
    ).toBe(400)
    const big = new Uint8Array(MAX_IMPORT_MB * 1024 * 1024 + 10)
    expect((await upload("roster.csv", big)).status).toBe(413)
  })

  it("uploads a .csv with a bad row, shows it by row, downloads the errors; a fixed file commits and the job reaches 100 %", async () => {
    const good = idFor("501")
    const bad = idFor("503")
    const res = await upload(
      "roster.csv",
      `\uFEFF${header}\r\n${csvRow("上传甲", good)}\r\n${csvRow("上传乙", bad, "1980-01-02")}\r\n`,
    )
    expect(res.status).toBe(201)
    const job = (await res.json()) as { id: string; counts: Record<string, number> }
    expect(job.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 1 })
    const rows = await trpc("imports.rows", { jobId: job.id }, "GET")
    expect(JSON.stringify(rows.body)).toContain("出生日期")
    const errors = await app.request(`/api/v1/imports/${job.id}/errors.xlsx`, { headers: auth() })
    expect(errors.status).toBe(200)
    expect((await trpc("imports.commit", { jobId: job.id, mode: "all_or_nothing" })).status).toBe(409)

    const fixed = await upload(
      "roster.csv",
      `${header}\n${csvRow("上传甲", good)}\n${csvRow("上传乙", bad)}\n`,
    )
    const fixedJob = (await fixed.json()) as { id: string; counts: Record<string, number> }
    expect(fixedJob.counts).toEqual({ new: 2, changed: 0, unchanged: 0, invalid: 0 })
    expect((await trpc("imports.commit", { jobId: fixedJob.id, mode: "all_or_nothing" })).status).toBe(200)
    let status: Record<string, unknown> = {}
    for (let i = 0; i < 100; i++) {
      status = (await trpc("imports.status", { jobId: fixedJob.id }, "GET")).body.result?.data ?? {}
      if (status.status === "done") break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(status).toMatchObject({ status: "done", done: 2, total: 2 })
    expect(await services.handle.db.select().from(people).where(eq(people.idNumber, bad))).toHaveLength(1)
    const list = await trpc("imports.list", { limit: 10 }, "GET")
    expect(JSON.stringify(list.body)).toContain(fixedJob.id)
  })
})

describe("region tree and units files over HTTP (issue 14)", () => {
  it("the 区划 template's example rows import as they are; a region .csv in any order is staged and previewed with errors by row", async () => {
    const res = await app.request("/api/v1/imports/regions/template", { headers: auth() })
    expect(res.status).toBe(200)
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain("区划导入模板.xlsx")
    const template = new Uint8Array(await res.arrayBuffer())
    const examples = []
    for await (const r of readImportFile(template, "xlsx", REGION_IMPORT_COLUMNS)) examples.push(r.cells)
    expect(examples.map((c) => c.level)).toEqual(["街道", "社区"])
    const fromTemplate = await upload("regions.xlsx", template, "regions")
    expect(fromTemplate.status).toBe(201)
    expect(((await fromTemplate.json()) as { counts: unknown }).counts).toEqual({
      new: 2,
      changed: 0,
      unchanged: 0,
      invalid: 0,
    })

    const csv = [
      REGION_IMPORT_COLUMNS.map((c) => c.zh).join(","),
      "310110021001,某社区,社区,",
      "310110021000,某街道,街道,",
      "310110022001,孤社区,社区,",
    ].join("\n")
    const staged = await upload("regions.csv", csv, "regions")
    expect(staged.status).toBe(201)
    const job = (await staged.json()) as { id: string; kind: string; counts: unknown }
    expect(job.kind).toBe("regions")
    expect(job.counts).toEqual({ new: 2, changed: 0, unchanged: 0, invalid: 1 })
    const errors = await app.request(`/api/v1/imports/${job.id}/errors.xlsx`, { headers: auth() })
    expect(errors.status).toBe(200)
    const bad = []
    for await (const r of readImportFile(
      new Uint8Array(await errors.arrayBuffer()),
      "xlsx",
      REGION_IMPORT_COLUMNS,
    ))
      bad.push(r.cells.code)
    expect(bad).toEqual(["310110022001"])
    const committed = await trpc("imports.commit", { jobId: job.id, mode: "valid_only" })
    expect(committed.status).toBe(200)
    let status = ""
    for (let i = 0; i < 100 && status !== "done"; i++) {
      await new Promise((r) => setTimeout(r, 50))
      status = String((await trpc("imports.status", { jobId: job.id }, "GET")).body.result?.data.status)
    }
    expect(status).toBe("done")
    // A roster file sent as a region tree is refused by its header.
    expect(
      (await upload("regions.csv", `${header}\n${csvRow("张三", idFor("001"))}`, "regions")).status,
    ).toBe(400)
  })

  it("the units template downloads with its code lists", async () => {
    const res = await app.request("/api/v1/imports/units/template", { headers: auth() })
    expect(res.status).toBe(200)
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain("单位导入模板.xlsx")
  })
})
