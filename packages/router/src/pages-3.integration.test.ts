import { applications, reviewTasks } from "@cadre/db"
import { Selection } from "@cadre/domain"
import { TRPCError } from "@trpc/server"
import { eq } from "drizzle-orm"
import { Schema } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MAX_PAGE_SIZE } from "./routers/shared.js"
import { DEMO_PASSWORD, failure, type Harness, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 19, "pages everywhere", the next slice (after pages and pages-2): campaigns.list (newest first; status,
 * scheme, region-and-beneath, name), units.list (by name), accounts.list (by e-mail) and tasks.mine (overdue first,
 * then due date, undated last, then id: a composite key) answer one keyset page at a time: never more rows than the
 * limit, every row exactly once, a cursor that stays right while rows are inserted before it (they are not read,
 * and the rows after the cursor do not move), scope kept whoever's cursor is sent, and a cursor this list did not
 * give out refused at the field, never a 500.
 */

let h: Harness
let org: Record<string, string>
/** Street admins of two streets of Da'an: 牛佛镇 (510304101) and 何市镇 (510304102). */
let niufo: Record<string, string>
let heshi: Record<string, string>

interface Paged<T> {
  readonly items: ReadonlyArray<T>
  readonly nextCursor: string | null
  readonly total: number
}
type Order = "asc" | "desc"
type PageInput = { limit?: number; order?: Order; cursor?: string }

/**
 * Every page from the first, `between` run after each page is read (to insert while reading); each page at most
 * `limit` rows. The ids read, in order.
 */
const readAll = async <T>(
  list: (i: PageInput) => Promise<Paged<T>>,
  idOf: (r: T) => string,
  input: { limit: number; order?: Order },
  between: (page: number) => Promise<void> = async () => {},
): Promise<Array<string>> => {
  const ids: Array<string> = []
  let cursor: string | undefined
  for (let page = 0; page < 200; page++) {
    const got = await list({ ...input, ...(cursor === undefined ? {} : { cursor }) })
    expect(got.items.length).toBeLessThanOrEqual(input.limit)
    expect(got.items.length).toBeLessThanOrEqual(MAX_PAGE_SIZE)
    ids.push(...got.items.map(idOf))
    await between(page)
    if (got.nextCursor === null) return ids
    cursor = got.nextCursor
  }
  throw new Error("more than 200 pages")
}

/**
 * The properties every paged list keeps, for `list` (its rows' ids by `idOf`), `addBefore` (insert a row that sorts
 * before any row there is, in the list's default order) and `addAfter` (one that sorts after every row).
 */
const pagedListProperties = <T>(
  name: string,
  list: (i: PageInput) => Promise<Paged<T>>,
  idOf: (r: T) => string,
  addBefore: (n: number) => Promise<string>,
  addAfter: (n: number) => Promise<string>,
  minRows: number,
  ownTag: "n" | "d",
) => {
  let added = 0
  describe(`${name} pages (issue 19)`, () => {
    it("property: any page size gives at most that many rows a page, every row exactly once, in both orders", async () => {
      const whole = await list({ limit: MAX_PAGE_SIZE })
      expect(whole.nextCursor).toBeNull()
      expect(whole.total).toBe(whole.items.length)
      expect(whole.items.length).toBeGreaterThanOrEqual(minRows)
      const ids = whole.items.map(idOf)
      const desc = (await list({ limit: MAX_PAGE_SIZE, order: "desc" })).items.map(idOf)
      expect(desc).toEqual([...ids].reverse())
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.boolean(), async (limit, down) => {
          expect(await readAll(list, idOf, { limit, order: down ? "desc" : "asc" })).toEqual(
            down ? desc : ids,
          )
        }),
        { numRuns: 5 },
      )
      // A page without a limit is the default 50, never the whole list.
      expect((await list({})).items.length).toBeLessThanOrEqual(50)
    })

    it("a cursor stays right while rows are inserted before it and after it: those before are not read, no row twice, none skipped", async () => {
      const before = (await list({ limit: MAX_PAGE_SIZE })).items.map(idOf)
      const early: Array<string> = []
      const late: Array<string> = []
      const seen = await readAll(list, idOf, { limit: 4 }, async (page) => {
        if (page < 3) {
          early.push(await addBefore(added++))
          late.push(await addAfter(added++))
        }
      })
      // The rows inserted before the cursor sort before every row already read: the walk goes on from its cursor
      // as if they were not there; the ones after it are read, last.
      expect(seen).toEqual([...before, ...late])
      expect(new Set(seen).size).toBe(seen.length)
      const now = (await list({ limit: MAX_PAGE_SIZE })).items.map(idOf)
      expect(now.slice(0, early.length)).toEqual([...early].reverse())
    })

    it("read the other way round, rows inserted at its start are not read either", async () => {
      const before = (await list({ limit: MAX_PAGE_SIZE, order: "desc" })).items.map(idOf)
      const seen = await readAll(list, idOf, { limit: 5, order: "desc" }, async (page) => {
        if (page < 3) await addAfter(added++)
      })
      expect(seen).toEqual(before)
    })

    it("refuses a page of 201 and a cursor it did not give out at the field, in both languages", async () => {
      const big = await failure(list({ limit: MAX_PAGE_SIZE + 1 }))
      expect(big).toBeInstanceOf(TRPCError)
      expect(tagOf(big)).toBe("InvalidInput")
      expect(textOf(big).zh).toContain("每页条数")
      expect(textOf(big).en).toContain("page size")
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url")
      const other = ownTag === "n" ? "d" : "n"
      for (const cursor of [
        "not-a-cursor",
        // A cursor of a list paged by creation, and one of the other kind of key (well formed there).
        b64(["2026-01-01 00:00:00+00", "x"]),
        b64([other, "2026-03-01", "x"]),
        // Its own kind, malformed: a key that is not text, an empty id, a due date that does not exist.
        b64([ownTag, 5, "x"]),
        b64([ownTag, "2026-03-01", ""]),
        b64([ownTag, "2026-03-01", "x", "y"]),
        ...(ownTag === "d"
          ? [b64(["d", "2026-02-30", "x"]), b64(["d", "2026-01-01'); drop table review_tasks; --", "x"])]
          : [b64(["n", "x".repeat(401), "x"])]),
      ]) {
        const e = await failure(list({ cursor }))
        expect(e.code, cursor).toBe("BAD_REQUEST")
        expect(textOf(e).zh).toContain("翻页游标")
        expect(textOf(e).en).toContain("cursor")
      }
      // Its own kind, well formed, is taken (a key sorting anywhere: the page after it).
      const taken = await list({ cursor: b64([ownTag, ownTag === "d" ? "2026-03-01" : "某单位", "x"]) })
      expect(taken.items.length).toBeLessThanOrEqual(50)
    })
  })
}

beforeAll(async () => {
  h = await makeHarness()
  h.setToday("2026-03-21")
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  niufo = await h.actorHeaders({ role: "street_admin", regionId: "510304101" })
  heshi = await h.actorHeaders({ role: "street_admin", regionId: "510304102" })
}, 300_000)
afterAll(async () => h?.close())

// ------------------------------------------------------------------------------------------------ units

const addUnit = async (name: string, regionId = "510304") =>
  (
    await h.caller(org).units.create({
      name,
      regionId,
      roles: ["dispatching"],
      category: "public_institution",
    })
  ).id

describe("units.list", () => {
  beforeAll(async () => {
    for (let i = 0; i < 10; i++) await addUnit(`分页单位牛佛${String(i).padStart(2, "0")}`, "510304101")
    for (let i = 0; i < 10; i++) await addUnit(`分页单位何市${String(i).padStart(2, "0")}`, "510304102")
  }, 120_000)

  // Digits sort before every CJK name, 龥 (U+9FA5) after them.
  pagedListProperties(
    "units.list",
    (i) => h.caller(org).units.list(i),
    (u) => u.id,
    (n) => addUnit(`0前插单位${String(1000 - n).padStart(4, "0")}`),
    (n) => addUnit(`龥后插单位${String(n).padStart(4, "0")}`),
    20,
    "n",
  )

  it("in name order; filters by region and beneath, role and part of the name, each with its total", async () => {
    const whole = await h.caller(org).units.list({ limit: MAX_PAGE_SIZE })
    const names = whole.items.map((u) => u.name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const niufoOnly = await h.caller(org).units.list({ withinRegionId: "510304101", limit: 3 })
    expect(niufoOnly.total).toBe(whole.items.filter((u) => u.regionPath.includes("/510304101")).length)
    expect(niufoOnly.total).toBeGreaterThanOrEqual(10)
    const named = await readAll(
      (i) => h.caller(org).units.list({ ...i, name: "单位何市" }),
      (u) => u.id,
      {
        limit: 3,
      },
    )
    expect(named).toHaveLength(10)
    expect((await h.caller(org).units.list({ name: "单位何市", limit: 1 })).total).toBe(10)
    expect(
      (await h.caller(org).units.list({ role: "host", limit: 200 })).items.every((u) =>
        u.roles.includes("host"),
      ),
    ).toBe(true)
    // A region out of sight lists nothing.
    expect((await h.caller(niufo).units.list({ withinRegionId: "510304102" })).total).toBe(0)
  })

  it("scope holds through a cursor: a street sent the district's cursor still reads only its own units", async () => {
    const district = await h.caller(org).units.list({ limit: 1 })
    expect(district.nextCursor).not.toBeNull()
    const ids = await readAll(
      (i) => h.caller(niufo).units.list({ ...i, cursor: i.cursor ?? (district.nextCursor as string) }),
      (u) => u.id,
      { limit: 4 },
    )
    const all = (await h.caller(org).units.list({ limit: MAX_PAGE_SIZE })).items
    const heshiIds = new Set<string>(all.filter((u) => u.regionPath.includes("/510304102")).map((u) => u.id))
    expect(heshiIds.size).toBeGreaterThanOrEqual(10)
    expect(ids.filter((id) => heshiIds.has(id))).toEqual([])
    const own = (await h.caller(niufo).units.list({ limit: MAX_PAGE_SIZE })).items
    expect(own.every((u) => u.regionPath.includes("/510304101"))).toBe(true)
    expect(own.length).toBeGreaterThanOrEqual(10)
  })
})

// ------------------------------------------------------------------------------------------------ accounts

let mailed = 0
const addAccount = async (email: string, regionId = "510304") => {
  mailed++
  const { accountId } = await h.deps.auth.provisionAccount({
    email,
    name: `分页账号${mailed}`,
    password: DEMO_PASSWORD,
    role: "reviewer",
    regionId,
    unitId: null,
  })
  return accountId
}

describe("accounts.list", () => {
  beforeAll(async () => {
    for (let i = 0; i < 8; i++) await addAccount(`m-pg3-niufo-${i}@test.example.org`, "510304101")
    for (let i = 0; i < 8; i++) await addAccount(`m-pg3-heshi-${i}@test.example.org`, "510304102")
  }, 120_000)

  pagedListProperties(
    "accounts.list",
    (i) => h.caller(org).accounts.list(i),
    (a) => a.accountId,
    (n) => addAccount(`0-pg3-pre-${String(1000 - n).padStart(4, "0")}@test.example.org`),
    (n) => addAccount(`zz-pg3-post-${String(n).padStart(4, "0")}@test.example.org`),
    16,
    "n",
  )

  it("by e-mail; filters by role and part of the name or e-mail; a street reads only its own through any cursor", async () => {
    const whole = (await h.caller(org).accounts.list({ limit: MAX_PAGE_SIZE })).items.map((a) => a.email)
    expect(whole).toEqual([...whole].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const heshiMail = await h.caller(org).accounts.list({ name: "pg3-heshi", limit: 3 })
    expect(heshiMail.total).toBe(8)
    expect(
      (await h.caller(org).accounts.list({ role: "street_admin", limit: 200 })).items.every(
        (a) => a.role === "street_admin",
      ),
    ).toBe(true)
    const district = await h.caller(org).accounts.list({ limit: 1 })
    const seen = await readAll(
      (i) => h.caller(niufo).accounts.list({ ...i, cursor: i.cursor ?? (district.nextCursor as string) }),
      (a) => a.email,
      { limit: 3 },
    )
    expect(seen.filter((m) => m.includes("pg3-heshi"))).toEqual([])
    const own = (await h.caller(niufo).accounts.list({ limit: MAX_PAGE_SIZE })).items
    expect(own.filter((a) => a.email.includes("pg3-niufo"))).toHaveLength(8)
    expect(own.every((a) => a.scopePath.includes("/510304101"))).toBe(true)
  })
})

// ------------------------------------------------------------------------------------------------ tasks

const encodeTask = Schema.encodeSync(Selection.ReviewTask)
let reviewerA: Record<string, string>
let reviewerB: Record<string, string>
let accountA = ""
let accountB = ""
let anApplication = ""
let taskSeq = 0
/** A task on the demo application assigned to `assignee`, due `dueOn` (none when undefined), inserted as stored. */
const addTask = async (assignee: string, dueOn: string | undefined): Promise<string> => {
  const id = `pg3-task-${String(taskSeq++).padStart(4, "0")}`
  const task: Selection.ReviewTask = {
    id,
    applicationId: anApplication,
    step: "screened",
    assignee,
    ...(dueOn === undefined ? {} : { dueOn: dueOn as never }),
    remindedOn: [],
    history: [{ _tag: "Assigned", to: assignee, by: "pg3", on: "2026-03-01" as never }],
  }
  await h.handle.db.insert(reviewTasks).values({
    id,
    applicationId: anApplication,
    step: "screened",
    assignee,
    dueOn: dueOn ?? null,
    body: encodeTask(task),
  })
  return id
}

const dueOf = (n: number) =>
  `2026-${String(3 + Math.floor(n / 28)).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`

describe("tasks.mine", () => {
  beforeAll(async () => {
    reviewerA = await h.actorHeaders({ role: "reviewer", regionId: "510304" })
    reviewerB = await h.actorHeaders({ role: "reviewer", regionId: "510304" })
    accountA = (await h.caller(reviewerA).auth.me()).accountId
    accountB = (await h.caller(reviewerB).auth.me()).accountId
    const [app] = await h.handle.db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.campaignId, "demo-daan-2026"))
      .limit(1)
    if (app === undefined) throw new Error("no demo application in Da'an")
    anApplication = app.id
    // Due across March and April (today is 21 March: the first twenty are overdue), three on one day, two undated.
    for (let i = 0; i < 30; i++) await addTask(accountA, dueOf(i))
    for (let i = 0; i < 3; i++) await addTask(accountA, "2026-03-10")
    for (let i = 0; i < 2; i++) await addTask(accountA, undefined)
    for (let i = 0; i < 6; i++) await addTask(accountB, dueOf(i))
  }, 120_000)

  let early = 0
  pagedListProperties(
    "tasks.mine",
    (i) => h.caller(reviewerA).tasks.mine(i),
    (t) => t.id,
    // Earlier than any due date there is (an old task handed over): before every row.
    async () => addTask(accountA, `2025-12-${String(28 - (early++ % 28)).padStart(2, "0")}`),
    // Undated: after every dated row (and after the undated ones already there: ids grow).
    async () => addTask(accountA, undefined),
    35,
    "d",
  )

  it("overdue first, then by due date, undated last, then by id — over pages of any size", async () => {
    const rows = await readAll(
      async (i) => h.caller(reviewerA).tasks.mine(i),
      (t) => JSON.stringify([t.overdue, t.dueOn, t.id]),
      { limit: 7 },
    )
    const parsed = rows.map((r) => JSON.parse(r) as [boolean, string | null, string])
    const firstLate = parsed.findIndex(([overdue]) => !overdue)
    expect(firstLate).toBeGreaterThan(0)
    expect(parsed.slice(firstLate).every(([overdue]) => !overdue)).toBe(true)
    const key = ([, due, id]: [boolean, string | null, string]) => [due ?? "9999-99-99", id] as const
    for (let i = 1; i < parsed.length; i++) {
      const [d0, i0] = key(parsed[i - 1] as [boolean, string | null, string])
      const [d1, i1] = key(parsed[i] as [boolean, string | null, string])
      expect(d0 < d1 || (d0 === d1 && i0 < i1), `${d0} ${i0} / ${d1} ${i1}`).toBe(true)
    }
    expect(parsed.at(-1)?.[1]).toBeNull()
  })

  it("a cursor stays valid over midnight: the key is the due date, not whether it is overdue today", async () => {
    h.setToday("2026-03-21")
    const first = await h.caller(reviewerA).tasks.mine({ limit: 10 })
    h.setToday("2026-04-02")
    const rest = await readAll(
      (i) => h.caller(reviewerA).tasks.mine({ ...i, cursor: i.cursor ?? (first.nextCursor as string) }),
      (t) => t.id,
      { limit: 10 },
    )
    h.setToday("2026-03-21")
    const whole = (await h.caller(reviewerA).tasks.mine({ limit: MAX_PAGE_SIZE })).items.map((t) => t.id)
    expect([...first.items.map((t) => t.id), ...rest]).toEqual(whole)
  })

  it("scope holds through a cursor: another reviewer sent A's cursor reads only their own tasks", async () => {
    const a = await h.caller(reviewerA).tasks.mine({ limit: 2 })
    const seen = await readAll(
      (i) => h.caller(reviewerB).tasks.mine({ ...i, cursor: i.cursor ?? (a.nextCursor as string) }),
      (t) => t.assignee,
      { limit: 2 },
    )
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((who) => who === accountB)).toBe(true)
    expect((await h.caller(reviewerB).tasks.mine({})).total).toBe(6)
    expect((await h.caller(reviewerA).tasks.mine({ campaignId: "no-such-campaign" })).total).toBe(0)
  })
})

// ------------------------------------------------------------------------------------------------ campaigns

let made = 0
const createCampaign = async (regionId = "510304", name = `分页三批次${made}`) => {
  made++
  return (
    await h.caller(org).campaigns.create({
      regionId,
      name,
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      channels: ["organisation_recommendation"],
      places: 1,
      startYear: 2026,
      referenceDate: "2026-03-01",
      decidingBody: "org_dept_meeting",
    })
  ).id
}

describe("campaigns.list (newest first)", () => {
  beforeAll(async () => {
    for (let i = 0; i < 8; i++) await createCampaign()
  }, 120_000)

  it("newest first by default; campaigns created while reading sort before the cursor and do not shift the rest", async () => {
    const whole = await h.caller(org).campaigns.list({ limit: MAX_PAGE_SIZE })
    const asc = await h.caller(org).campaigns.list({ limit: MAX_PAGE_SIZE, order: "asc" })
    expect(whole.items.map((c) => c.id)).toEqual(asc.items.map((c) => c.id).reverse())
    const fresh: Array<string> = []
    const seen = await readAll(
      (i) => h.caller(org).campaigns.list(i),
      (c) => c.id,
      { limit: 3 },
      async (page) => {
        if (page < 2) fresh.push(await createCampaign())
      },
    )
    expect(seen).toEqual(whole.items.map((c) => c.id))
    const now = await h.caller(org).campaigns.list({ limit: 2 })
    expect(now.items.map((c) => c.id)).toEqual([...fresh].reverse())
  })

  it("filters: status, scheme, a region and beneath (in scope), part of the name; each with its total", async () => {
    const named = await h.caller(org).campaigns.list({ name: "分页三批次", limit: 2 })
    expect(named.total).toBe(made)
    expect(named.items.every((c) => c.name.includes("分页三批次"))).toBe(true)
    const scheme = await h.caller(org).campaigns.list({ schemeId: "daan-first-secretary", limit: 200 })
    expect(scheme.items.every((c) => c.schemeId === "daan-first-secretary")).toBe(true)
    expect(scheme.total).toBeGreaterThanOrEqual(made)
    expect((await h.caller(org).campaigns.list({ schemeId: "no-such-scheme" })).total).toBe(0)
    const draft = await h.caller(org).campaigns.list({ status: "draft", name: "分页三批次", limit: 200 })
    expect(draft.total).toBe(made)
    expect((await h.caller(org).campaigns.list({ status: "closed", name: "分页三批次" })).total).toBe(0)
    const within = await h.caller(org).campaigns.list({ withinRegionId: "510304", limit: 200 })
    expect(within.items.every((c) => c.regionPath.includes("/510304"))).toBe(true)
    expect(within.total).toBeGreaterThanOrEqual(made)
    // A region out of the caller's sight lists nothing, whatever the cursor.
    expect((await h.caller(niufo).campaigns.list({ withinRegionId: "510304102" })).total).toBe(0)
    // A name that is empty or too long is refused at the field.
    const empty = await failure(h.caller(org).campaigns.list({ name: " " }))
    expect(textOf(empty).zh).toContain("批次名称")
  })

  it("scope holds through a cursor: a street never reads another street's campaigns", async () => {
    const inHeshi = await createCampaign("510304102", "何市镇分页三批次")
    expect((await h.caller(heshi).campaigns.list({ limit: MAX_PAGE_SIZE })).items.map((c) => c.id)).toContain(
      inHeshi,
    )
    const district = await h.caller(org).campaigns.list({ limit: 1 })
    expect(district.items[0]?.id).toBe(inHeshi)
    for (const start of [undefined, district.nextCursor ?? undefined]) {
      const seen = await readAll(
        (i) => {
          const cursor = i.cursor ?? start
          return h.caller(niufo).campaigns.list({ ...i, ...(cursor === undefined ? {} : { cursor }) })
        },
        (c) => c.id,
        { limit: 2 },
      )
      expect(seen).not.toContain(inHeshi)
    }
  })

  it("refuses a page of 201 and another list's cursor at the field", async () => {
    const big = await failure(h.caller(org).campaigns.list({ limit: MAX_PAGE_SIZE + 1 }))
    expect(textOf(big).zh).toContain("每页条数")
    const unitCursor = (await h.caller(org).units.list({ limit: 1 })).nextCursor as string
    const taskCursor = (await h.caller(reviewerA).tasks.mine({ limit: 1 })).nextCursor as string
    for (const cursor of [unitCursor, taskCursor]) {
      const e = await failure(h.caller(org).campaigns.list({ cursor }))
      expect(e.code).toBe("BAD_REQUEST")
      expect(textOf(e).en).toContain("cursor")
    }
    const campaignCursor = (await h.caller(org).campaigns.list({ limit: 1 })).nextCursor as string
    for (const call of [
      () => h.caller(org).units.list({ cursor: campaignCursor }),
      () => h.caller(org).accounts.list({ cursor: taskCursor }),
      () => h.caller(reviewerA).tasks.mine({ cursor: unitCursor }),
    ]) {
      const e = await failure(call())
      expect(e.code).toBe("BAD_REQUEST")
      expect(textOf(e).zh).toContain("翻页游标")
    }
  })
})
