import { TRPCError } from "@trpc/server"
import { sql } from "drizzle-orm"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MAX_PAGE_SIZE } from "./routers/shared.js"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 19, "pages everywhere": applications.list answers one keyset page at a time — never more rows than its
 * maximum, whatever the caller asks — with a cursor that stays right while applications keep arriving (new rows
 * neither repeat nor hide rows the reader has not reached) and the total passing the filter. A cursor the API did not
 * give out, or a page size past the maximum, is refused at the field in both languages.
 */

let h: Harness
let org: Record<string, string>
let campaignId: string
const FIRST = 60

let seq = 300
/** A cadre on file in Da'an, to recommend (one male ID number each: odd sequence digits). */
const addCadre = async (name: string): Promise<string> => {
  seq += 2
  return insertPerson(h.handle, {
    id: `pg-${seq}`,
    regionId: "510304",
    address: "510304",
    name,
    birthDate: "1991-03-08",
    sequence: seq + 1,
    phone: `1990006${String(seq).padStart(4, "0")}`,
    joined: "2014-07-01",
  })
}

const recommend = async (name: string) =>
  h.caller(org).applications.recommend({
    campaignId,
    personId: await addCadre(name),
    channel: "organisation_recommendation",
    recommendation: { body: "大安区委组织部", meeting: "部务会", meetingDate: "2026-03-20" },
  })

beforeAll(async () => {
  h = await makeHarness()
  h.setToday("2026-03-21")
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  const c = await h.caller(org).campaigns.create({
    regionId: "510304",
    name: "翻页测试批次",
    schemeId: "daan-first-secretary",
    schemeVersion: 1,
    channels: ["organisation_recommendation"],
    places: 3,
    startYear: 2026,
    referenceDate: "2026-03-01",
    decidingBody: "org_dept_meeting",
  })
  await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
  campaignId = c.id
  for (let i = 0; i < FIRST; i++) await recommend(`翻页候选${i}`)
}, 300_000)
afterAll(async () => h?.close())

/** Every page from the first, with `between` run after each page is read (to insert while reading). */
const readAll = async (
  input: { limit: number; order?: "asc" | "desc" },
  between: (page: number) => Promise<void> = async () => {},
) => {
  const ids: Array<string> = []
  let cursor: string | undefined
  for (let page = 0; page < 100; page++) {
    const got = await h.caller(org).applications.list({ campaignId, ...input, cursor })
    expect(got.items.length).toBeLessThanOrEqual(input.limit)
    ids.push(...got.items.map((a) => a.id))
    await between(page)
    if (got.nextCursor === null) return ids
    cursor = got.nextCursor
  }
  throw new Error("more than 100 pages")
}

/** The counts the trigger keeps (campaign_state_counts), and a count of the rows themselves. */
const countsBothWays = async () => {
  const read = async (q: ReturnType<typeof sql>) =>
    Object.fromEntries(
      ((await h.handle.db.execute(q)) as unknown as { rows: Array<{ state: string; n: number }> }).rows.map(
        (r) => [r.state, Number(r.n)],
      ),
    )
  return {
    kept: await read(
      sql`select state, n from campaign_state_counts where campaign_id = ${campaignId} and n > 0`,
    ),
    counted: await read(
      sql`select state, count(*)::int as n from applications where campaign_id = ${campaignId} group by state`,
    ),
  }
}

describe("writes stay flat: the per-state counts a move reads are kept, not recounted (issue 19)", () => {
  it("the kept counts equal the rows after submissions, moves and a removal; campaigns.get shows them", async () => {
    const listed = (await h.caller(org).applications.list({ campaignId, limit: 5 })).items
    for (const a of listed.slice(0, 3))
      await h.caller(org).applications.act({
        applicationId: a.id,
        expectedVersion: a.version,
        move: { _tag: "Reject", reason: "计数测试" },
      })
    const gone = await recommend("计数后删除")
    await h.handle.db.execute(sql`delete from applications where id = ${gone.id}`)
    const { kept, counted } = await countsBothWays()
    expect(kept).toEqual(counted)
    expect(kept.rejected).toBe(3)
    expect((await h.caller(org).campaigns.get({ id: campaignId })).counts).toEqual(counted)
  })
})

describe("applications.list pages (issue 19)", () => {
  it("answers the default page (50) with the total and a cursor to continue", async () => {
    const first = await h.caller(org).applications.list({ campaignId })
    expect(first.items).toHaveLength(50)
    expect(first.total).toBe(FIRST)
    expect(first.nextCursor).not.toBeNull()
    const rest = await h.caller(org).applications.list({ campaignId, cursor: first.nextCursor ?? undefined })
    expect(rest.items).toHaveLength(FIRST - 50)
    expect(rest.nextCursor).toBeNull()
    expect(new Set([...first.items, ...rest.items].map((a) => a.id)).size).toBe(FIRST)
  })

  it("property: any page size gives at most that many rows a page, and every row exactly once", async () => {
    const whole = (await h.caller(org).applications.list({ campaignId, limit: MAX_PAGE_SIZE })).items.map(
      (a) => a.id,
    )
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 70 }), fc.boolean(), async (limit, desc) => {
        const ids = await readAll({ limit, order: desc ? "desc" : "asc" })
        expect(ids).toEqual(desc ? [...whole].reverse() : whole)
      }),
      { numRuns: 8 },
    )
  })

  it("a cursor stays right while applications arrive: nothing read twice, nothing skipped, the new ones last", async () => {
    const before = (await h.caller(org).applications.list({ campaignId, limit: MAX_PAGE_SIZE })).items.map(
      (a) => a.id,
    )
    const added: Array<string> = []
    const seen = await readAll({ limit: 7 }, async (page) => {
      if (page < 3) added.push((await recommend(`翻页新增${page}`)).id)
    })
    expect(seen).toEqual([...before, ...added])
    expect(new Set(seen).size).toBe(seen.length)
  })

  it("newest first, rows arriving at the top do not push read rows onto the next page (an offset would repeat them)", async () => {
    const before = (
      await h.caller(org).applications.list({ campaignId, limit: MAX_PAGE_SIZE, order: "desc" })
    ).items.map((a) => a.id)
    const seen = await readAll({ limit: 9, order: "desc" }, async (page) => {
      if (page < 3) await recommend(`翻页置顶${page}`)
    })
    expect(seen).toEqual(before)
  })

  it("filters and the total agree: the total counts what the filter passes, not the whole campaign", async () => {
    const all = await h.caller(org).applications.list({ campaignId, limit: MAX_PAGE_SIZE })
    const eligible = await h.caller(org).applications.list({ campaignId, eligible: true, limit: 5 })
    expect(eligible.total).toBe(
      all.items.filter((a) => a.application.verdict?.outcome !== "ineligible").length,
    )
    const none = await h.caller(org).applications.list({ campaignId, state: "appointed" })
    expect(none).toEqual({ items: [], nextCursor: null, total: 0 })
  })

  it("a page never exceeds the maximum: 201 rows a page is refused at the field, in both languages", async () => {
    const e = await failure(h.caller(org).applications.list({ campaignId, limit: MAX_PAGE_SIZE + 1 }))
    expect(e).toBeInstanceOf(TRPCError)
    expect(e.code).toBe("BAD_REQUEST")
    expect(tagOf(e)).toBe("InvalidInput")
    expect(textOf(e).zh).toContain("每页条数")
    expect(textOf(e).en).toContain("page size")
  })

  it("a cursor the API did not give out is refused at the field, never reaching SQL", async () => {
    const forged = [
      "not-a-cursor",
      Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url"),
      Buffer.from(JSON.stringify(["2026-01-01 00:00:00+00'); drop table applications; --", "x"])).toString(
        "base64url",
      ),
      Buffer.from(JSON.stringify(["99999-01-01 00:00:00+00", "x"])).toString("base64url"),
    ]
    for (const cursor of forged) {
      const e = await failure(h.caller(org).applications.list({ campaignId, cursor }))
      expect(e.code, cursor).toBe("BAD_REQUEST")
      expect(textOf(e).zh).toContain("翻页游标")
      expect(textOf(e).en).toContain("cursor")
    }
  })
})

describe("campaigns.list pages (issue 19)", () => {
  let made = 0
  const createCampaign = async () =>
    h.caller(org).campaigns.create({
      regionId: "510304",
      name: `翻页批次${made++}`,
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      channels: ["organisation_recommendation"],
      places: 1,
      startYear: 2026,
      referenceDate: "2026-03-01",
      decidingBody: "org_dept_meeting",
    })
  /** Every page of campaigns.list from the first, with `between` run after each page. */
  const readCampaigns = async (
    input: { limit: number; order?: "asc" | "desc" },
    between: (page: number) => Promise<void> = async () => {},
  ) => {
    const ids: Array<string> = []
    let cursor: string | undefined
    for (let page = 0; page < 100; page++) {
      const got = await h.caller(org).campaigns.list({ ...input, cursor })
      expect(got.items.length).toBeLessThanOrEqual(input.limit)
      ids.push(...got.items.map((c) => c.id))
      await between(page)
      if (got.nextCursor === null) return ids
      cursor = got.nextCursor
    }
    throw new Error("more than 100 pages")
  }

  it("property: at most `limit` a page, every campaign exactly once, in both orders; the total counts them", async () => {
    for (let i = 0; i < 12; i++) await createCampaign()
    const whole = await h.caller(org).campaigns.list({ limit: MAX_PAGE_SIZE, order: "asc" })
    expect(whole.total).toBe(whole.items.length)
    expect(whole.items.length).toBeGreaterThanOrEqual(13)
    const ids = whole.items.map((c) => c.id)
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.boolean(), async (limit, desc) => {
        expect(await readCampaigns({ limit, order: desc ? "desc" : "asc" })).toEqual(
          desc ? [...ids].reverse() : ids,
        )
      }),
      { numRuns: 8 },
    )
    const first = await h.caller(org).campaigns.list({})
    expect(first.items.length).toBeLessThanOrEqual(50)
    const draft = await h.caller(org).campaigns.list({ status: "draft", limit: 3 })
    expect(draft.total).toBe(whole.items.filter((c) => c.status === "draft").length)
  })

  it("a cursor stays right while campaigns are created: nothing twice, nothing skipped, the new ones last", async () => {
    const before = (await h.caller(org).campaigns.list({ limit: MAX_PAGE_SIZE, order: "asc" })).items.map(
      (c) => c.id,
    )
    const added: Array<string> = []
    const seen = await readCampaigns({ limit: 4, order: "asc" }, async (page) => {
      if (page < 2) added.push((await createCampaign()).id)
    })
    expect(seen).toEqual([...before, ...added])
  })

  it("refuses a page past the maximum and a forged cursor at the field, in both languages", async () => {
    const big = await failure(h.caller(org).campaigns.list({ limit: MAX_PAGE_SIZE + 1 }))
    expect(tagOf(big)).toBe("InvalidInput")
    expect(textOf(big).zh).toContain("每页条数")
    expect(textOf(big).en).toContain("page size")
    const forged = await failure(h.caller(org).campaigns.list({ cursor: "not-a-cursor" }))
    expect(forged.code).toBe("BAD_REQUEST")
    expect(textOf(forged).zh).toContain("翻页游标")
    expect(textOf(forged).en).toContain("cursor")
  })
})
