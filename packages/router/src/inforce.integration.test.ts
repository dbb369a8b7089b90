import { auditLog } from "@cadre/db"
import { and, desc, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { ErrorData } from "./trpc.js"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 13 item 5, "an in-post act uses the scheme version in force on its date (or refuses when none is)",
 * through the real router on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL). Da'an's first
 * secretary scheme gets a version taking effect on 2095-01-01 that raises the 优秀 quota from 20% to 40%, sets
 * leave tiers and a mentor capacity of 1 a year (v1 sets neither). Placements made under v1 in 2094 then follow v1
 * for acts of 2094 and the new version for acts of 2095: a grade for the year 2095, a leave starting in 2095, a
 * pairing from 2095, a recall decided in 2095. An act
 * dated before v1 took effect (2017-04-18) is refused at its date field. Far years, away from the demo's.
 */

const SCHEME = "daan-first-secretary"
const V2_FROM = "2095-01-01"
const VILLAGES = ["510304101201", "510304101202", "510304102201", "510304102202", "510304103201"]

let h: Harness
let org: Record<string, string> = {}
let street: Record<string, string> = {}
let v2 = 0
beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  street = await h.actorHeaders({ role: "street_admin", regionId: "510304" })
  h.setToday("2094-01-05")
  // The next version of the scheme: 优秀 up to 40% (not 20%), and leave tiers (≤ 3 days the host unit).
  const listed = await h.caller(org).schemes.list({ schemeId: SCHEME })
  const latest = Math.max(...listed.map((s) => s.version))
  const draft = await h
    .caller(org)
    .schemes.createVersion({ schemeId: SCHEME, fromVersion: latest, effectiveFrom: V2_FROM })
  const body = draft.scheme as unknown as {
    version: number
    leave: unknown
    mentorCapacity: unknown
    assessment: { quotas: { value: Array<{ share: unknown; citation: { quote?: string } }> } }
  }
  const quota = body.assessment.quotas.value[0]
  if (quota === undefined) throw new Error("the scheme has no quota")
  quota.share = { numerator: 40, denominator: 100 }
  quota.citation.quote = "“优秀”等次名额实行单列、以不超过第一书记总数40%的比例确定"
  body.mentorCapacity = {
    _tag: "Cited",
    value: { max: 1 },
    citation: { document: "002", clause: "三（一）" },
  }
  body.leave = {
    _tag: "Cited",
    value: [{ upToDays: 3, approver: "host_unit" }, { approver: "org_dept" }],
    citation: { document: "002", clause: "三（一）" },
  }
  const updated = await h.caller(org).schemes.updateDraft({
    schemeId: SCHEME,
    version: body.version,
    expectedRowVersion: draft.rowVersion,
    scheme: body as never,
  })
  const published = await h.caller(org).schemes.publish({
    schemeId: SCHEME,
    version: body.version,
    expectedRowVersion: updated.rowVersion,
  })
  expect(published.status).toBe("published")
  v2 = published.scheme.version
}, 180_000)
afterAll(async () => h?.close())

let seq = 600
/** `n` Da'an first secretaries placed under v1 on 2094-01-10 and in post to 2099, on fresh posts. */
const cohort = async (n: number, tag: string) => {
  h.setToday("2094-01-10")
  const out: Array<{ id: string; version: number }> = []
  for (let i = 0; i < n; i++) {
    seq += 2
    const personId = await insertPerson(h.handle, {
      id: `vf-${seq}`,
      regionId: "510304",
      address: "510304",
      name: `版本${tag}${i}`,
      birthDate: "1988-04-12",
      sequence: seq + 1,
      phone: `1990006${String(seq).padStart(4, "0")}`,
      joined: "2010-07-01",
    })
    const post = await h.caller(org).posts.create({
      id: `post-vf-${tag}-${i}`,
      regionId: VILLAGES[i % VILLAGES.length] ?? "510304101201",
      title: `第一书记岗位${tag}${i}`,
    })
    const placed = await h.caller(org).placements.create({
      personId,
      postId: post.id,
      schemeId: SCHEME,
      schemeVersion: 1,
      placedOn: "2094-01-10",
    })
    expect(placed.schemeVersion).toBe(1)
    const taken = await h.caller(street).placements.act({
      id: placed.id,
      expectedVersion: placed.version,
      move: { _tag: "TakeUp", date: "2094-01-10", termEnd: "2099-01-10" },
    })
    out.push({ id: taken.id, version: taken.version })
  }
  return out
}

const grade = (placementId: string, period: string, g: "excellent" | "competent") =>
  h.caller(org).assessments.grade({ placementId, cycleId: "annual", period, by: "org_dept", grade: g })

/** The field paths a refusal stands at (data.issues). */
const fieldsOf = (e: unknown) =>
  ((e as { cause?: { issues?: ErrorData["issues"] } }).cause?.issues ?? []).map((i) => i.path.join("."))

/** The `governedBy` of the latest audit row of `action` on `entityId`. */
const governedBy = async (action: string, entityId: string) => {
  const [row] = await h.handle.db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(1)
  return (row?.after as { governedBy?: unknown } | undefined)?.governedBy
}

describe("issue 13: a grade for a year follows the version in force at the year's end", () => {
  it("5 placed under v1: in 2095 the new 40% quota allows 2 优秀 (v1 allowed 1); in 2094 still v1's 20%", async () => {
    const five = await cohort(5, "gr")
    const [a, b, c] = five
    if (a === undefined || b === undefined || c === undefined) throw new Error("no cohort")
    // The year 2094, assessed in January 2095 (after the new version took effect): v1's 20% governs it.
    h.setToday("2095-01-15")
    const first2094 = await grade(a.id, "2094", "excellent")
    expect(first2094.quota.map((q) => q.text.zh)).toEqual([
      "全区第一书记总数（名额单列，不占派出单位名额）共5人，优秀不超过20%：5×20%=1（向下取整）",
    ])
    const second2094 = await failure(grade(b.id, "2094", "excellent"))
    expect([second2094.code, tagOf(second2094)]).toEqual(["CONFLICT", "QuotaRefused"])
    // The year 2095: the new version's 40% governs, 5×40%=2 — a 2nd 优秀 passes, the 3rd is refused.
    h.setToday("2095-12-20")
    await grade(a.id, "2095", "excellent")
    const second = await grade(b.id, "2095", "excellent")
    expect(second.quota.map((q) => q.text.zh)).toEqual([
      "全区第一书记总数（名额单列，不占派出单位名额）共5人，优秀不超过40%：5×40%=2（向下取整）",
    ])
    const third = await failure(grade(c.id, "2095", "excellent"))
    expect([third.code, tagOf(third)]).toEqual(["CONFLICT", "QuotaRefused"])
    expect(textOf(third).zh).toContain("5×40%=2")
    expect(textOf(third).zh).toContain("已评优秀2人，第3人不能评为优秀")
    // Each grade records the version that governed it.
    expect(await governedBy("assessment.DecideGrade", b.id)).toEqual({
      schemeId: SCHEME,
      version: v2,
      effectiveFrom: V2_FROM,
      date: "2095-12-31",
    })
    const [row2094] = await h.handle.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "assessment.DecideGrade"), eq(auditLog.entityId, a.id)))
      .orderBy(auditLog.id)
      .limit(1)
    expect((row2094?.after as { governedBy?: unknown } | undefined)?.governedBy).toEqual({
      schemeId: SCHEME,
      version: 1,
      effectiveFrom: "2017-04-18",
      date: "2094-12-31",
    })
    // The placement itself stays under the version it was made under; today it is governed by the new one.
    const read = await h.caller(org).placements.get({ id: a.id })
    expect([read.schemeVersion, read.governingSchemeVersion]).toEqual([1, v2])
  }, 120_000)
})

describe("issue 13: a leave follows the version in force on its first day", () => {
  it("under v1 (no tiers) refused; starting in 2095 routed by the new tiers; before v1 took effect refused at `from`", async () => {
    const [p] = await cohort(1, "lv")
    if (p === undefined) throw new Error("no placement")
    h.setToday("2095-03-01")
    // Starting in 2094: v1 sets no leave tiers, as before.
    const old = await failure(
      h
        .caller(org)
        .leave.request({ placementId: p.id, from: "2094-12-30", to: "2094-12-31", reason: "事假" }),
    )
    expect([old.code, tagOf(old)]).toEqual(["CONFLICT", "IllegalLeaveMove"])
    // Starting in 2095: the new version's tiers route 2 days to the host unit.
    const preview = await h
      .caller(org)
      .leave.preview({ placementId: p.id, from: "2095-03-02", to: "2095-03-03" })
    expect(preview.approver).toBe("host_unit")
    const leave = await h
      .caller(org)
      .leave.request({ placementId: p.id, from: "2095-03-02", to: "2095-03-03", reason: "事假" })
    expect([leave.state, leave.approver]).toEqual(["requested", "host_unit"])
    expect(await governedBy("leave.request", leave.id)).toEqual({
      schemeId: SCHEME,
      version: v2,
      effectiveFrom: V2_FROM,
      date: "2095-03-02",
    })
    // Before v1 took effect no version governs: refused at the field, in both languages, with the dates.
    const early = await failure(
      h
        .caller(org)
        .leave.request({ placementId: p.id, from: "2017-04-17", to: "2017-04-18", reason: "事假" }),
    )
    expect([early.code, tagOf(early)]).toEqual(["CONFLICT", "NoVersionInForce"])
    expect(fieldsOf(early)).toEqual(["from"])
    expect(textOf(early)).toEqual({
      zh: `2017-04-17 早于该任职所依据的方案 ${SCHEME} v1 的施行日期 2017-04-18，没有可适用的版本`,
      en: `2017-04-17 is before scheme ${SCHEME} v1, under which the placement was made, took effect (2017-04-18); no version governs it`,
    })
  }, 120_000)
})

describe("issue 13: a recall follows the version in force on its decision date", () => {
  it("a recall dated before v1 took effect is refused at its date; one of 2095 records the new version", async () => {
    const [p] = await cohort(1, "rc")
    if (p === undefined) throw new Error("no placement")
    h.setToday("2095-06-01")
    const recall = (date: string, expectedVersion: number) =>
      h.caller(org).placements.act({
        id: p.id,
        expectedVersion,
        move: {
          _tag: "Recall",
          triggerId: "incompetent",
          evidence: "经考察不胜任工作",
          decision: { by: "org_dept", date },
        },
      })
    const early = await failure(recall("2017-01-05", p.version))
    expect([early.code, tagOf(early)]).toEqual(["CONFLICT", "NoVersionInForce"])
    expect(fieldsOf(early)).toEqual(["move.decision.date"])
    expect(textOf(early).zh).toContain("2017-01-05 早于")
    expect(textOf(early).en).toContain("(2017-04-18)")
    const done = await recall("2095-06-01", p.version)
    expect(done.state).toBe("recalled")
    expect(await governedBy("placement.Recall", p.id)).toEqual({
      schemeId: SCHEME,
      version: v2,
      effectiveFrom: V2_FROM,
      date: "2095-06-01",
    })
    const read = await h.caller(org).placements.get({ id: p.id })
    expect(read.schemeVersion).toBe(1)
  }, 120_000)
})

describe("issue 13: a mentoring pair follows the version in force on its first day", () => {
  it("v1 sets no capacity (two mentees in 2094 pass); the new version's 1 a year refuses a 2nd in 2095", async () => {
    const [m1, m2] = await cohort(2, "mt")
    if (m1 === undefined || m2 === undefined) throw new Error("no cohort")
    seq += 2
    const mentor = await insertPerson(h.handle, {
      id: `vf-${seq}`,
      regionId: "510304",
      address: "510304",
      name: "版本导师",
      birthDate: "1975-04-12",
      sequence: seq + 1,
      phone: `1990006${String(seq).padStart(4, "0")}`,
      joined: "2000-07-01",
    })
    h.setToday("2095-03-01")
    const pair = (placementId: string, from: string, to?: string) =>
      h
        .caller(org)
        .mentoring.pair({ placementId, mentorId: mentor, from, ...(to === undefined ? {} : { to }) })
    await pair(m1.id, "2094-03-01", "2094-12-31")
    await pair(m2.id, "2094-03-01", "2094-12-31")
    const first = await pair(m1.id, "2095-02-01")
    const second = await failure(pair(m2.id, "2095-02-01"))
    expect([second.code, tagOf(second)]).toEqual(["CONFLICT", "MentoringRefused"])
    expect(textOf(second).zh).toContain("方案规定每年帮带 1 人（002 三（一））")
    expect(
      await h.caller(org).mentoring.load({ placementId: m1.id, mentorId: mentor, year: 2095 }),
    ).toMatchObject({ mentees: 1, status: "full" })
    const early = await failure(pair(m2.id, "2017-01-01"))
    expect([tagOf(early), fieldsOf(early).join()]).toEqual(["NoVersionInForce", "from"])
    expect(await governedBy("mentoring.pair", m1.id)).toMatchObject({ version: v2, date: "2095-02-01" })
    expect(first.id).toBeDefined()
  }, 120_000)
})
