import {
  type CommandContext,
  type DatabaseHandle,
  importJobs,
  loadDemoBase,
  makeTestDatabase,
  personVersions,
  people,
} from "@cadre/db"
import { type Access, Person, type Regions } from "@cadre/domain"
import { ROSTER_IMPORT_COLUMNS, type RosterCells, readRosterFile } from "@cadre/exports"
import { eq, inArray, sql } from "drizzle-orm"
import { Cause, Effect, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { servicesOverDb } from "../layers.js"
import { IMPORT_BATCH, ImportService } from "./index.js"

let h: DatabaseHandle
let svc: ImportService
beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
  svc = await Effect.runPromise(ImportService.pipe(Effect.provide(servicesOverDb(h.db))))
}, 60_000)
afterAll(async () => {
  await h.close()
})

const YANGPU = "/310000/310110/"
const orgDept: Access.Actor = {
  accountId: "acct-import-org",
  role: "org_dept_admin",
  scope: { _tag: "RegionScope", regionId: "310110" as Regions.RegionId },
  scopePath: YANGPU,
  displayName: "组织部",
}
const unitAdmin: Access.Actor = {
  accountId: "acct-import-mz",
  role: "dispatching_unit_admin",
  scope: { _tag: "UnitScope", unitId: "u-yp-mz" as Regions.UnitId, regionId: "310110" as Regions.RegionId },
  scopePath: YANGPU,
  displayName: "民政局",
}
const ctx = (a: Access.Actor): CommandContext => ({ actor: a, requestId: "req-import" })
const run = <A, E>(e: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(e)
const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<E> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got success")
  const f = Cause.failureOption(exit.cause)
  if (Option.isNone(f)) throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return f.value
}

/** A checksummed ID number for a birth date (YYYYMMDD) and a 3-digit sequence (odd: male). */
const idFor = (ymd: string, seq: string) => {
  const first17 = `310110${ymd}${seq}`
  return `${first17}${Person.checkCharacter(first17)}`
}
let serial = 100
const row = (over: Partial<RosterCells> = {}): RosterCells => {
  serial += 2
  return {
    name: `导入测试${serial}`,
    sex: "男",
    ethnicity: "汉族",
    birthDate: "1985-04-09",
    idNumber: over.idNumber ?? idFor("19850409", String((serial % 998) + 1).padStart(3, "0")),
    partyJoined: "2008-06-01",
    fullMemberSince: "2009-06-01",
    education: "大学本科",
    fullTime: "是",
    workStarted: "2007-07-01",
    unit: "杨浦区民政局",
    position: "科员",
    rank: "科员（职级）",
    employment: "公务员",
    phone: "13900000000",
    ...over,
  }
}
const csvOf = (rows: ReadonlyArray<RosterCells>) =>
  `\uFEFF${[
    ROSTER_IMPORT_COLUMNS.map((c) => c.zh).join(","),
    ...rows.map((r) => ROSTER_IMPORT_COLUMNS.map((c) => `"${r[c.key]}"`).join(",")),
  ].join("\r\n")}\r\n`
const stage = (actor: Access.Actor, rows: ReadonlyArray<RosterCells>) =>
  run(svc.stageFile(ctx(actor), "roster.csv", readRosterFile(Buffer.from(csvOf(rows)), "csv")))
const commitAndRun = async (actor: Access.Actor, jobId: string, mode: "all_or_nothing" | "valid_only") => {
  await run(svc.commit(ctx(actor), { jobId, mode }))
  await run(svc.runJob(jobId))
  return run(svc.status(actor, jobId))
}
const versionsOf = async (ids: ReadonlyArray<string>) =>
  (
    await h.db
      .select()
      .from(personVersions)
      .where(inArray(personVersions.personId, [...ids]))
  ).length

describe("roster import (issue 14)", () => {
  it("a template round trip: export the roster of people on file as a filled template, re-import it: nothing changes", async () => {
    const rows = [
      row(),
      row({ sex: "女", idNumber: idFor("19850409", "222"), rank: "", position: "" }),
      row({ partyJoined: "", fullMemberSince: "" }),
    ]
    const first = await stage(orgDept, rows)
    expect(first.counts).toEqual({ new: 3, changed: 0, unchanged: 0, invalid: 0 })
    const done = await commitAndRun(orgDept, first.id, "all_or_nothing")
    expect(done.status).toBe("done")
    expect(done.result).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 })
    const ids = (await run(svc.rowsOf(orgDept, { jobId: first.id, onlyErrors: false, limit: 10 }))).rows.map(
      (r) => r.personId ?? "",
    )
    const saved = await h.db.select().from(people).where(inArray(people.id, ids))
    expect(saved.every((p) => p.unitId === "u-yp-mz")).toBe(true)
    const versionsBefore = await versionsOf(ids)

    const xlsx = await run(svc.rosterOf(orgDept, ids))
    const again = await run(svc.stageFile(ctx(orgDept), "roster.xlsx", readRosterFile(xlsx, "xlsx")))
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 0 })
    const second = await commitAndRun(orgDept, again.id, "all_or_nothing")
    expect(second.result).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 0 })
    expect(await versionsOf(ids)).toBe(versionsBefore)

    // Idempotent: the very same file again changes nothing either.
    const third = await stage(orgDept, rows)
    expect(third.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 0 })
  })

  it("a file with bad rows yields exactly those errors (row, column, value, why) and commits nothing in all-or-nothing mode", async () => {
    const good = row()
    const badChecksum = row()
    const wrongCheck = badChecksum.idNumber.endsWith("0") ? "1" : "0"
    const rows = [
      good,
      { ...badChecksum, idNumber: `${badChecksum.idNumber.slice(0, 17)}${wrongCheck}` },
      row({ birthDate: "1985-04-10" }),
      row({ education: "大学" }),
      row({ name: "" }),
      { ...row(), idNumber: good.idNumber, name: "重复" },
      row({ unit: "大安区委组织部" }),
    ]
    const job = await stage(orgDept, rows)
    expect(job.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 6 })
    const errs = (await run(svc.rowsOf(orgDept, { jobId: job.id, onlyErrors: true, limit: 50 }))).rows
    expect(errs.map((r) => [r.rowNo, r.errors.map((e) => e.column)])).toEqual([
      [3, ["身份证号"]],
      [4, ["出生日期"]],
      [5, ["学历"]],
      [6, ["姓名"]],
      [7, ["身份证号"]],
      [8, ["工作单位"]],
    ])
    expect(errs[0]?.errors[0]?.zh).toContain("校验")
    expect(errs[1]?.errors[0]?.zh).toContain("身份证号中的出生日期")
    expect(errs[2]?.errors[0]).toMatchObject({ value: "大学", zh: "不在学历代码表中" })
    expect(errs[3]?.errors[0]).toMatchObject({ zh: "必须填写", en: "required" })
    expect(errs[4]?.errors[0]?.zh).toBe("与第 2 行的身份证号重复")
    expect(errs[5]?.errors[0]?.en).toBe("no such unit within your scope")

    const refused = await failure(svc.commit(ctx(orgDept), { jobId: job.id, mode: "all_or_nothing" }))
    expect(refused._tag).toBe("Conflict")
    expect((await run(svc.status(orgDept, job.id))).status).toBe("validated")
    expect(await h.db.select().from(people).where(eq(people.idNumber, good.idNumber))).toHaveLength(0)

    // The workbook of errors re-imports after a fix (its extra columns are ignored).
    const xlsx = await run(svc.errorsXlsx(orgDept, job.id))
    const back = []
    for await (const r of readRosterFile(xlsx, "xlsx")) back.push(r)
    expect(back).toHaveLength(6)

    // Valid-only commits the one good row.
    const done = await commitAndRun(orgDept, job.id, "valid_only")
    expect(done.result).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 6 })
  })

  it("a changed row updates the person by ID number (source imported, versioned) and names the changed fields", async () => {
    const r = row()
    const first = await stage(orgDept, [r])
    await commitAndRun(orgDept, first.id, "all_or_nothing")
    const changedJob = await stage(orgDept, [{ ...r, phone: "13911112222", rank: "副科级（领导职务）" }])
    expect(changedJob.counts).toEqual({ new: 0, changed: 1, unchanged: 0, invalid: 0 })
    const preview = (await run(svc.rowsOf(orgDept, { jobId: changedJob.id, onlyErrors: false, limit: 5 })))
      .rows
    expect(preview[0]?.changed).toEqual(["phone", "rank"])
    const done = await commitAndRun(orgDept, changedJob.id, "all_or_nothing")
    expect(done.result).toEqual({ created: 0, updated: 1, unchanged: 0, skipped: 0 })
    const [p] = await h.db.select().from(people).where(eq(people.idNumber, r.idNumber))
    expect(p?.phone).toBe("13911112222")
    expect(p?.version).toBe(2)
    const versions = await h.db
      .select()
      .from(personVersions)
      .where(eq(personVersions.personId, p?.id ?? ""))
    expect(versions.map((v) => [v.version, v.source, v.changed])).toEqual(
      expect.arrayContaining([
        [1, "imported", []],
        [2, "imported", ["phone", "rank"]],
      ]),
    )
  })

  it("a dispatching unit's admin imports its own unit's people; a row naming another unit is an error for that row", async () => {
    const mine = row()
    const other = row({ unit: "杨浦区教育局" })
    const job = await stage(unitAdmin, [mine, other])
    expect(job.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 1 })
    const errs = (await run(svc.rowsOf(unitAdmin, { jobId: job.id, onlyErrors: true, limit: 5 }))).rows
    expect(errs.map((e) => [e.rowNo, e.errors[0]?.column, e.errors[0]?.en])).toEqual([
      [3, "工作单位", "you may import only your own unit's people"],
    ])
    expect((await failure(svc.commit(ctx(unitAdmin), { jobId: job.id, mode: "all_or_nothing" })))._tag).toBe(
      "Conflict",
    )
    // Another importer's job is not found.
    expect((await failure(svc.status({ ...unitAdmin, accountId: "someone-else" }, job.id)))._tag).toBe(
      "NotFound",
    )
  })

  it("a job stopped mid-way (between batches) resumes from its last committed batch; each batch is whole", async () => {
    const rows = Array.from({ length: IMPORT_BATCH * 2 + 7 }, (_, i) =>
      row({
        idNumber: idFor(
          "19700101",
          String(i + 1)
            .padStart(3, "0")
            .slice(-3),
        ),
        birthDate: "1970-01-01",
        sex: (i + 1) % 2 === 1 ? "男" : "女",
        name: `批次${i}`,
      }),
    ).slice(0, 999) // 999 distinct 3-digit sequences at most
    const job = await stage(orgDept, rows)
    expect(job.counts?.invalid).toBe(0)
    await run(svc.commit(ctx(orgDept), { jobId: job.id, mode: "all_or_nothing" }))
    expect(await run(svc.runBatch(job.id))).toBe(true)
    const [mid] = await h.db.select().from(importJobs).where(eq(importJobs.id, job.id))
    expect(mid?.status).toBe("running")
    expect(mid?.done).toBe(IMPORT_BATCH)
    const count = async () =>
      Number(
        (
          await h.db.select({ n: sql<number>`count(*)` }).from(people).where(sql`${people.name} like '批次%'`)
        )[0]?.n,
      )
    expect(await count()).toBe(IMPORT_BATCH)
    // A restart: a fresh service over the same database finds the job pending and finishes it.
    const restarted = await Effect.runPromise(ImportService.pipe(Effect.provide(servicesOverDb(h.db))))
    expect(await run(restarted.pendingJobs())).toContain(job.id)
    await run(restarted.runJob(job.id))
    const end = await run(restarted.status(orgDept, job.id))
    expect(end.status).toBe("done")
    expect(end.done).toBe(rows.length)
    expect(await count()).toBe(rows.length)
  }, 120_000)
})
