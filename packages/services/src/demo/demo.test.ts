import { Scheme } from "@cadre/domain"
import { sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type DatabaseHandle,
  DEMO_ANQIU_CANDIDATES,
  DEMO_D003_PEOPLE,
  DEMO_GUIZHOU_CANDIDATES,
  DEMO_HUAISHANG_CADRES,
  DEMO_PEOPLE_COUNT,
  DEMO_REGIONS,
  makeTestDatabase,
} from "@cadre/db"
import { loadDemoData } from "./index.js"

let h: DatabaseHandle

beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoData(h.db)
}, 60_000)
afterAll(async () => {
  await h.close()
})

const rows = async <T>(q: ReturnType<typeof sql>): Promise<ReadonlyArray<T>> =>
  ((await h.db.execute(q)) as unknown as { rows: ReadonlyArray<T> }).rows

describe("demo data", () => {
  it("loads twice to the same counts (the second load changes nothing)", async () => {
    const audit = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0]?.n
    const auditBefore = await audit()
    const second = await loadDemoData(h.db)
    expect(second.loaded).toBe(false)
    expect(second).toMatchObject({
      regions: DEMO_REGIONS.length,
      people:
        DEMO_PEOPLE_COUNT +
        DEMO_ANQIU_CANDIDATES.length +
        DEMO_GUIZHOU_CANDIDATES.length +
        DEMO_HUAISHANG_CADRES.length +
        DEMO_D003_PEOPLE.length,
      schemes: Scheme.PRESETS.length,
    })
    expect(await audit()).toBe(auditBefore)
  })

  it("is one transaction: a failure part-way leaves nothing, and the next load is whole (issue 15)", async () => {
    const fresh = await makeTestDatabase()
    try {
      const count = async (table: string) =>
        (
          (await fresh.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
            rows: ReadonlyArray<{ n: number }>
          }
        ).rows[0]?.n
      const crash = new Error("the process died after the campaigns")
      await expect(
        loadDemoData(fresh.db, (step) => {
          if (step === "campaigns") throw crash
        }),
      ).rejects.toBe(crash)
      // Nothing of the reference data, the campaigns or their audit rows outlived the failure.
      for (const table of ["regions", "people", "schemes", "campaigns", "applications", "audit_log"])
        expect(await count(table), table).toBe(0)
      const steps: Array<string> = []
      const whole = await loadDemoData(fresh.db, (step) => steps.push(step))
      expect(steps).toEqual(["reference", "campaigns", "placements"])
      // Whole: the same as the ordinary load of the suite's database.
      const ordinary = async (table: string) =>
        (await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n
      expect(whole).toMatchObject({ loaded: true, regions: DEMO_REGIONS.length })
      for (const table of ["campaigns", "applications", "placements", "people"])
        expect(await count(table), table).toBe(await ordinary(table))
    } finally {
      await fresh.close()
    }
  }, 120_000)

  it("every preset is published in a region of the tree", async () => {
    const ids = new Set(DEMO_REGIONS.map((r) => r.id))
    for (const p of Scheme.PRESETS) expect(ids.has(p.encoded.regionId), p.key).toBe(true)
    const published = await rows<{ n: number }>(
      sql`select count(*)::int as n from schemes where status = 'published'`,
    )
    expect(published[0]?.n).toBe(Scheme.PRESETS.length)
  })

  it("region paths follow Access.pathOf down from the root", async () => {
    const [r] = await rows<{ path: string }>(sql`select path from regions where id = '310110001001'`)
    expect(r?.path).toBe("/310000/310110/310110001/310110001001/")
  })
})
