import { TRPCError } from "@trpc/server"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MAX_PAGE_SIZE } from "./routers/shared.js"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 19, "pages everywhere", for the lists paged after applications, placements and campaigns (pages.integration):
 * profiles.list (people) and posts.list answer one keyset page at a time — never more rows than the limit, every row
 * exactly once in both orders, a cursor that stays right while rows are added — with the total passing the filter.
 * A forged cursor and a page of 201 are refused at the field, in both languages.
 */

let h: Harness
let org: Record<string, string>

interface Paged<T> {
  readonly items: ReadonlyArray<T>
  readonly nextCursor: string | null
  readonly total: number
}
type Order = "asc" | "desc"

/** Every page from the first, with `between` run after each page is read (to insert while reading). */
const readAll = async <T extends { readonly id: string }>(
  list: (i: { limit: number; order?: Order; cursor?: string }) => Promise<Paged<T>>,
  input: { limit: number; order?: Order },
  between: (page: number) => Promise<void> = async () => {},
): Promise<Array<string>> => {
  const ids: Array<string> = []
  let cursor: string | undefined
  for (let page = 0; page < 200; page++) {
    const got = await list({
      ...input,
      ...(cursor === undefined ? {} : { cursor }),
    })
    expect(got.items.length).toBeLessThanOrEqual(input.limit)
    ids.push(...got.items.map((r) => r.id))
    await between(page)
    if (got.nextCursor === null) return ids
    cursor = got.nextCursor
  }
  throw new Error("more than 200 pages")
}

/** The properties every paged list keeps (issue 19), for `list` and a way to add one row to it. */
const pagedListProperties = <T extends { readonly id: string }>(
  name: string,
  list: (i: { limit?: number; order?: Order; cursor?: string }) => Promise<Paged<T>>,
  add: (n: number) => Promise<string>,
) => {
  let added = 0
  describe(`${name} pages (issue 19)`, () => {
    it("property: any page size gives at most that many rows a page, every row exactly once, in both orders", async () => {
      const whole = await list({ limit: MAX_PAGE_SIZE })
      expect(whole.nextCursor).toBeNull()
      expect(whole.total).toBe(whole.items.length)
      expect(whole.items.length).toBeGreaterThan(20)
      const ids = whole.items.map((r) => r.id)
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 25 }), fc.boolean(), async (limit, desc) => {
          expect(await readAll(list, { limit, order: desc ? "desc" : "asc" })).toEqual(
            desc ? [...ids].reverse() : ids,
          )
        }),
        { numRuns: 6 },
      )
      expect((await list({})).items.length).toBeLessThanOrEqual(50)
    })

    it("a cursor stays right while rows are added: nothing read twice, nothing skipped, the new ones last", async () => {
      const before = (await list({ limit: MAX_PAGE_SIZE })).items.map((r) => r.id)
      const fresh: Array<string> = []
      const seen = await readAll(list, { limit: 6 }, async (page) => {
        if (page < 3) fresh.push(await add(added++))
      })
      expect(seen).toEqual([...before, ...fresh])
      expect(new Set(seen).size).toBe(seen.length)
    })

    it("newest first, rows added at the top do not push read rows onto the next page", async () => {
      const before = (await list({ limit: MAX_PAGE_SIZE, order: "desc" })).items.map((r) => r.id)
      const seen = await readAll(list, { limit: 7, order: "desc" }, async (page) => {
        if (page < 3) await add(added++)
      })
      expect(seen).toEqual(before)
    })

    it("refuses a page of 201 and a forged cursor at the field, in both languages", async () => {
      const big = await failure(list({ limit: MAX_PAGE_SIZE + 1 }))
      expect(big).toBeInstanceOf(TRPCError)
      expect(tagOf(big)).toBe("InvalidInput")
      expect(textOf(big).zh).toContain("每页条数")
      expect(textOf(big).en).toContain("page size")
      for (const cursor of [
        "not-a-cursor",
        Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url"),
        Buffer.from(JSON.stringify(["2026-01-01 00:00:00+00'); drop table people; --", "x"])).toString(
          "base64url",
        ),
      ]) {
        const e = await failure(list({ cursor }))
        expect(e.code, cursor).toBe("BAD_REQUEST")
        expect(textOf(e).zh).toContain("翻页游标")
        expect(textOf(e).en).toContain("cursor")
      }
    })
  })
}

let seq = 500
/** A cadre on file in Da'an (one male ID number each: odd sequence digits). */
const addCadre = async (name: string): Promise<string> => {
  seq += 2
  return insertPerson(h.handle, {
    id: `pg2-${seq}`,
    regionId: "510304",
    address: "510304",
    name,
    birthDate: "1990-05-08",
    sequence: seq + 1,
    phone: `1990007${String(seq).padStart(4, "0")}`,
    joined: "2013-07-01",
  })
}

beforeAll(async () => {
  h = await makeHarness()
  h.setToday("2026-03-21")
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  for (let i = 0; i < 30; i++) await addCadre(`分页人员${i}`)
}, 300_000)
afterAll(async () => h?.close())

pagedListProperties(
  "profiles.list",
  (i) => h.caller(org).profiles.list(i),
  (n) => addCadre(`分页新增${n}`),
)

describe("profiles.list answers (issue 19)", () => {
  it("carries what the list shows, masked, and not the whole profile", async () => {
    const page = await h.caller(org).profiles.list({ name: "分页人员1", limit: 200 })
    // 分页人员1 and 分页人员10…19.
    expect(page.total).toBe(11)
    expect(page.totalExact).toBe(true)
    const row = page.items.find((p) => p.name === "分页人员1")
    expect(row).toBeDefined()
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        "birthDate",
        "currentPosition",
        "currentUnit",
        "id",
        "idNumberMasked",
        "name",
        "phoneMasked",
        "regionId",
        "regionPath",
        "sex",
        "unitId",
        "version",
      ].sort(),
    )
    expect(row?.idNumberMasked).toMatch(/^510304\*{8}[\dX]{4}$/)
    expect(row?.phoneMasked).toMatch(/^199\*{4}\d{4}$/)
    expect(row).toMatchObject({
      sex: "male",
      birthDate: "1990-05-08",
      currentUnit: "某机关",
    })
  })

  it("the name filter pages too, and its total counts only the matches", async () => {
    const ids = await readAll((i) => h.caller(org).profiles.list({ ...i, name: "分页人员" }), { limit: 4 })
    expect(ids).toHaveLength(30)
    expect((await h.caller(org).profiles.list({ name: "分页人员", limit: 1 })).total).toBe(30)
  })
})

describe("posts.list", () => {
  let street: Record<string, string>
  beforeAll(async () => {
    street = await h.actorHeaders({ role: "street_admin", regionId: "510304" })
    for (let i = 0; i < 24; i++)
      await h.caller(org).posts.create({ regionId: "510304", title: `分页岗位${i}` })
  })

  pagedListProperties(
    "posts.list",
    (i) => h.caller(org).posts.list(i),
    async (n) => (await h.caller(org).posts.create({ regionId: "510304", title: `分页新增岗位${n}` })).id,
  )

  it("filters by status and by a region with everything beneath it; counts each status; names region and unit", async () => {
    const whole = await h.caller(org).posts.list({ limit: 200 })
    const first = whole.items[0]
    if (first === undefined) throw new Error("no posts")
    const closed = await h.caller(org).posts.update({
      id: first.id,
      expectedVersion: first.version,
      status: "closed",
    })
    expect(closed.status).toBe("closed")
    const onlyClosed = await h.caller(org).posts.list({ status: "closed", limit: 200 })
    expect(onlyClosed.items.map((p) => p.id)).toContain(first.id)
    expect(onlyClosed.items.every((p) => p.status === "closed")).toBe(true)
    expect(onlyClosed.total).toBe(onlyClosed.items.length)
    const again = await h.caller(org).posts.list({ limit: 1 })
    expect(again.statuses.find((s) => s.status === "closed")?.count).toBe(onlyClosed.total)
    expect(again.statuses.reduce((n, s) => n + s.count, 0)).toBe(again.total)

    // Da'an's communities' posts are beneath Da'an; a region's own filter takes only its own.
    const beneath = await h.caller(org).posts.list({ withinRegionId: "510304", limit: 200 })
    const own = await h.caller(org).posts.list({ regionId: "510304", limit: 200 })
    expect(beneath.total).toBe(whole.total)
    expect(own.items.every((p) => p.regionId === "510304")).toBe(true)
    expect(beneath.items.every((p) => p.regionPath.includes("/510304/"))).toBe(true)
    const row = own.items.find((p) => p.title === "分页岗位3")
    expect(row?.regionName).toBe("大安区")
    expect(row?.unitName).toBeNull()
    // A region out of sight lists nothing.
    expect((await h.caller(street).posts.list({ withinRegionId: "310110" })).total).toBe(0)
  })
})
