import { regions } from "@cadre/db"
import { eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 13 item 4, grade quotas where the grade is decided (002 三（二）: "“优秀”等次名额实行单列、以不超过第一书记
 * 总数20%的比例确定"), through the real router on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * the group is derived (the scheme in its district, never a free string two districts could share), counts the
 * serving first secretaries only (a recalled one is not among "全区第一书记总数"), and bites on a term-end grade
 * as on an annual one. Each test uses its own years, far from the demo's.
 */

let h: Harness
let org: Record<string, string> = {}
let street: Record<string, string> = {}
beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  street = await h.actorHeaders({ role: "street_admin", regionId: "510304" })
}, 180_000)
afterAll(async () => h?.close())

const VILLAGES = ["510304101201", "510304101202", "510304102201", "510304102202", "510304103201"]
let seq = 900

/** `n` Da'an first secretaries in post from `start`, on fresh posts. */
const cohort = async (n: number, tag: string, start: string, termEnd: string) => {
  h.setToday(start)
  const out: Array<{ id: string; version: number }> = []
  for (let i = 0; i < n; i++) {
    seq += 2
    const personId = await insertPerson(h.handle, {
      id: `qp-${seq}`,
      regionId: "510304",
      address: "510304",
      name: `名额${tag}${i}`,
      birthDate: "1988-04-12",
      sequence: seq + 1,
      phone: `1990004${String(seq).padStart(4, "0")}`,
      joined: "2010-07-01",
    })
    const post = await h.caller(org).posts.create({
      id: `post-q-${tag}-${i}`,
      regionId: VILLAGES[i % VILLAGES.length] ?? "510304101201",
      title: `第一书记岗位${tag}${i}`,
    })
    const placed = await h.caller(org).placements.create({
      personId,
      postId: post.id,
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      placedOn: start,
    })
    const taken = await h.caller(street).placements.act({
      id: placed.id,
      expectedVersion: placed.version,
      move: { _tag: "TakeUp", date: start, termEnd },
    })
    out.push({ id: taken.id, version: taken.version })
  }
  return out
}

const grade = (placementId: string, cycleId: string, period: string, g: "excellent" | "competent") =>
  h.caller(org).assessments.grade({ placementId, cycleId, period, by: "org_dept", grade: g })

describe("issue 13: a quota group is one scheme in one district, derived", () => {
  it("a placement cannot name its own quota group; it is the scheme with its district's path", async () => {
    const [daan] = await h.handle.db
      .select({ path: regions.path })
      .from(regions)
      .where(eq(regions.id, "510304"))
    const [p] = await cohort(1, "key", "2080-01-10", "2082-01-10")
    const read = await h.caller(org).placements.get({ id: p?.id ?? "" })
    expect(read.quotaGroup).toBe(`daan-first-secretary@${daan?.path}`)
    // A free string two districts could both choose ("共用名额组") is refused at the field.
    const post = await h
      .caller(org)
      .posts.create({ id: "post-q-free", regionId: "510304101201", title: "岗位" })
    const named = await failure(
      h.caller(org).placements.create({
        personId: "demo-p-06",
        postId: post.id,
        schemeId: "daan-first-secretary",
        schemeVersion: 1,
        placedOn: "2080-01-10",
        quotaGroup: "共用名额组",
      } as never),
    )
    expect(named.code).toBe("BAD_REQUEST")
  }, 60_000)
})

describe("002 三（二）: 全区第一书记总数 counts the serving first secretaries", () => {
  it("a recalled first secretary is not counted: 9 serving allow 1 excellent, the 2nd is refused", async () => {
    const ten = await cohort(10, "rc", "2083-01-10", "2088-01-10")
    h.setToday("2083-06-01")
    const first = ten[0]
    if (first === undefined) throw new Error("no cohort")
    const recalled = await h.caller(org).placements.act({
      id: first.id,
      expectedVersion: first.version,
      move: {
        _tag: "Recall",
        triggerId: "incompetent",
        evidence: "经考察不胜任工作",
        decision: { by: "org_dept", date: "2083-06-01" },
      },
    })
    expect(recalled.state).toBe("recalled")
    h.setToday("2083-12-20")
    const ok = await grade(ten[1]?.id ?? "", "annual", "2083", "excellent")
    expect(ok.quota.map((q) => q.text.zh)).toEqual([
      "全区第一书记总数（名额单列，不占派出单位名额）共9人，优秀不超过20%：9×20%=1.8，向下取整为1",
    ])
    const refused = await failure(grade(ten[2]?.id ?? "", "annual", "2083", "excellent"))
    expect([refused.code, tagOf(refused)]).toEqual(["CONFLICT", "QuotaRefused"])
    expect(textOf(refused).zh).toBe(
      "全区第一书记总数（名额单列，不占派出单位名额）共9人，优秀不超过20%：9×20%=1.8，向下取整为1，已评优秀1人，第2人不能评为优秀（002 三（二））",
    )
    expect(textOf(refused).en).toContain("1 already graded excellent, so a 2nd cannot be graded excellent")
    const use = await h
      .caller(org)
      .figures.quotaUse({ schemeId: "daan-first-secretary", schemeVersion: 1, year: 2083 })
    expect(use).toEqual([
      expect.objectContaining({ quotaId: "excellent_cap", size: 9, used: 1, limit: 1, remaining: 0 }),
    ])
    expect(use[0]?.groupKey).toMatch(/^daan-first-secretary@/)
  }, 90_000)
})

describe("002 三（二）: the quota bites on a term-end grade as on an annual one", () => {
  it("5 whose terms end in 2090 allow 1 excellent at the term-end assessment; the 2nd is refused", async () => {
    const five = await cohort(5, "te", "2087-01-10", "2090-01-10")
    h.setToday("2089-12-20")
    const ok = await grade(five[0]?.id ?? "", "term_end", "term-1", "excellent")
    expect(ok.quota.map((q) => q.text.zh)).toEqual([
      "全区第一书记总数（名额单列，不占派出单位名额）共5人，优秀不超过20%：5×20%=1（向下取整）",
    ])
    const refused = await failure(grade(five[1]?.id ?? "", "term_end", "term-1", "excellent"))
    expect([refused.code, tagOf(refused)]).toEqual(["CONFLICT", "QuotaRefused"])
    expect(textOf(refused).zh).toContain(
      "共5人，优秀不超过20%：5×20%=1（向下取整），已评优秀1人，第2人不能评为优秀",
    )
    // Another grade is not limited by the excellent cap.
    expect((await grade(five[1]?.id ?? "", "term_end", "term-1", "competent")).grade).toBe("competent")
  }, 90_000)
})
