import { type CommandContext, type DatabaseHandle, loadDemoBase, makeTestDatabase } from "@cadre/db"
import { Access, type Regions } from "@cadre/domain"
import { sql } from "drizzle-orm"
import { Cause, Effect, Exit, Option } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditService } from "../audit/index.js"
import { servicesOverDb } from "../layers.js"
import { PersonService } from "../people/index.js"
import { PostService, RegionService, UnitService } from "../regions/index.js"
import { SchemeService } from "../schemes/index.js"

let h: DatabaseHandle
let repos: Awaited<ReturnType<typeof make>>
const make = (d: DatabaseHandle) =>
  Effect.runPromise(
    Effect.all({
      regions: RegionService,
      units: UnitService,
      posts: PostService,
      people: PersonService,
      schemes: SchemeService,
      audit: AuditService,
    }).pipe(Effect.provide(servicesOverDb(d.db))),
  )

beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
  repos = await make(h)
}, 60_000)
afterAll(async () => {
  await h.close()
})

const YANGPU = "/310000/310110/"
const DINGHAI = "/310000/310110/310110001/"
const PINGLIANG = "/310000/310110/310110002/"

const actor = (role: Access.Role, scopePath: string, accountId = `acct-${role}`): Access.Actor => ({
  accountId,
  role,
  scope:
    role === "applicant"
      ? { _tag: "SelfScope", personId: null }
      : { _tag: "RegionScope", regionId: (scopePath.split("/").at(-2) ?? "x") as Regions.RegionId },
  scopePath,
  displayName: role,
})
const ctx = (a: Access.Actor): CommandContext => ({ actor: a, requestId: "req-test" })

const run = <A, E>(e: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(e)
/** The typed failure of an Effect (fails the test when it succeeds or dies). */
const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<E> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got success")
  const f = Cause.failureOption(exit.cause)
  if (Option.isNone(f)) throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return f.value
}
const count = async (q: ReturnType<typeof sql>): Promise<number> =>
  ((await h.db.execute(q)) as unknown as { rows: ReadonlyArray<{ n: number }> }).rows[0]?.n ?? -1

describe("RegionRepo: scoped reads", () => {
  it("a street admin sees its street and its residential areas, nothing of a sibling street", async () => {
    const tree = await run(repos.regions.tree(actor("street_admin", DINGHAI)))
    expect(tree.map((r) => r.id)).toEqual(["310110001", "310110001001", "310110001002", "310110001003"])
    const other = await run(repos.regions.tree(actor("street_admin", PINGLIANG)))
    expect(other.some((r) => r.path.startsWith(DINGHAI))).toBe(false)
    const e = await failure(repos.regions.get(actor("street_admin", PINGLIANG), "310110001001"))
    expect(e._tag).toBe("NotFound")
  })

  it("a district admin sees every street and residential area beneath it", async () => {
    const tree = await run(repos.regions.tree(actor("org_dept_admin", YANGPU)))
    expect(tree.length).toBe(15)
    expect(tree.every((r) => r.path.startsWith(YANGPU))).toBe(true)
  })

  it("an applicant may not read the region tree", async () => {
    const e = await failure(repos.regions.tree(actor("applicant", "")))
    expect(e._tag).toBe("Forbidden")
  })

  it("property: the SQL filter agrees with Access.seesRegion for random actors × regions (regions and people)", async () => {
    const all = (await h.db.execute(sql`select id, path from regions`)) as unknown as {
      rows: ReadonlyArray<{ id: string; path: string }>
    }
    const paths = [...all.rows.map((r) => r.path), "", "/nowhere/", "/310000/3101"]
    const personRows = (await h.db.execute(
      sql`select p.id, r.path from people p join regions r on r.id = p.region_id`,
    )) as unknown as { rows: ReadonlyArray<{ id: string; path: string }> }
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Access.ROLES),
        fc.constantFrom(...paths),
        async (role, scopePath) => {
          const a = actor(role, scopePath)
          const expectedRegions = all.rows.filter((r) => Access.seesRegion(a, r.path)).map((r) => r.id)
          const exit = await Effect.runPromiseExit(repos.regions.tree(a, { includeMerged: true }))
          if (!Access.can(a, "region.read")) {
            expect(Exit.isFailure(exit)).toBe(true)
            return
          }
          if (Exit.isFailure(exit)) throw new Error(Cause.pretty(exit.cause))
          expect(exit.value.map((r) => r.id).sort()).toEqual(expectedRegions.sort())
          if (Access.can(a, "profile.read")) {
            const listed = (await run(repos.people.list(a, {}, { after: null, limit: 200, order: "asc" })))
              .items
            const expectedPeople = personRows.rows
              .filter((p) => Access.seesRegion(a, p.path))
              .map((p) => p.id)
            expect(listed.map((p) => p.id).sort()).toEqual(expectedPeople.sort())
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe("RegionRepo: commands", () => {
  it("a street admin creates a residential area under its street, with an audit row", async () => {
    const c = ctx(actor("street_admin", DINGHAI))
    const created = await run(
      repos.regions.create(c, {
        id: "310110001099",
        name: "新建居民区",
        level: "community",
        parentId: "310110001",
      }),
    )
    expect(created.path).toBe(`${DINGHAI}310110001099/`)
    const audit = (await run(repos.audit.query(c.actor, { entity: "region", entityId: "310110001099" }))).rows
    expect(audit.map((a) => a.action)).toEqual(["region.create"])
    expect(audit[0]?.requestId).toBe("req-test")
  })

  it("refuses a parent outside the scope (NotFound) and a level that does not fit (Conflict)", async () => {
    const c = ctx(actor("street_admin", PINGLIANG))
    const e1 = await failure(
      repos.regions.create(c, { name: "越权", level: "community", parentId: "310110001" }),
    )
    expect(e1._tag).toBe("NotFound")
    const d = ctx(actor("org_dept_admin", YANGPU))
    const e2 = await failure(
      repos.regions.create(d, { name: "层级不符", level: "community", parentId: "310110" }),
    )
    expect(e2._tag).toBe("Conflict")
  })

  it("a stale version fails cleanly with a bilingual message and changes nothing", async () => {
    const c = ctx(actor("street_admin", DINGHAI))
    const before = await run(repos.regions.get(c.actor, "310110001002"))
    const auditBefore = await count(sql`select count(*)::int as n from audit_log`)
    const renamed = await run(
      repos.regions.rename(c, { id: before.id, name: "隆昌路第一居民区", expectedVersion: before.version }),
    )
    expect(renamed.version).toBe(before.version + 1)
    const e = await failure(
      repos.regions.rename(c, { id: before.id, name: "覆盖他人修改", expectedVersion: before.version }),
    )
    expect(e._tag).toBe("StaleVersion")
    if (e._tag === "StaleVersion") {
      expect(e.message.zh).toContain("已被他人修改")
      expect(e.message.en).toContain("changed by someone else")
      expect(e.actual).toBe(before.version + 1)
    }
    expect((await run(repos.regions.get(c.actor, before.id))).name).toBe("隆昌路第一居民区")
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(auditBefore + 1)
  })

  it("000: merging a residential area marks it merged, moves its posts and people, and records why", async () => {
    const c = ctx(actor("org_dept_admin", YANGPU))
    const source = await run(repos.regions.get(c.actor, "310110003003"))
    const moved = await run(
      repos.regions.merge(c, {
        id: source.id,
        intoId: "310110003002",
        reason: "居民区合并（示例）",
        expectedVersion: source.version,
      }),
    )
    expect(moved.merged.status).toBe("merged")
    expect(moved.merged.mergedInto).toBe("310110003002")
    expect(moved.movedPostIds).toEqual(["post-310110003003"])
    const post = await run(repos.posts.get(c.actor, "post-310110003003"))
    expect(post.regionId).toBe("310110003002")
    expect(post.movedFromRegionId).toBe("310110003003")
    const tree = await run(repos.regions.tree(c.actor))
    expect(tree.some((r) => r.id === source.id)).toBe(false)
    const [entry] = (await run(repos.audit.query(c.actor, { entity: "region", entityId: source.id }))).rows
    expect(JSON.stringify(entry?.after)).toContain("居民区合并（示例）")
    const again = await failure(
      repos.regions.merge(c, {
        id: source.id,
        intoId: "310110003001",
        reason: "再次",
        expectedVersion: source.version + 1,
      }),
    )
    expect(again._tag).toBe("Conflict")
  })
})

describe("UnitRepo and PostRepo", () => {
  it("create, list within scope, update with optimistic concurrency", async () => {
    const c = ctx(actor("street_admin", DINGHAI))
    const unit = await run(
      repos.units.create(c, {
        name: "定海路街道社区事务受理中心",
        regionId: "310110001",
        roles: ["host"],
        category: "public_institution",
      }),
    )
    expect(unit.version).toBe(1)
    const all = { after: null, limit: 200, order: "asc" } as const
    const mine = (await run(repos.units.list(c.actor, {}, all))).items
    expect(mine.map((u) => u.id)).toContain(unit.id)
    const theirs = (await run(repos.units.list(actor("street_admin", PINGLIANG), {}, all))).items
    expect(theirs.map((u) => u.id)).not.toContain(unit.id)
    const updated = await run(
      repos.units.update(c, { id: unit.id, expectedVersion: 1, roles: ["host", "dispatching"] }),
    )
    expect(updated.roles).toEqual(["host", "dispatching"])
    expect((await failure(repos.units.update(c, { id: unit.id, expectedVersion: 1, name: "x" })))._tag).toBe(
      "StaleVersion",
    )
    const bad = await failure(
      repos.units.update(c, { id: unit.id, expectedVersion: 2, roles: ["host", "host"] }),
    )
    expect(bad._tag).toBe("InvalidInput")

    const post = await run(repos.posts.create(c, { unitId: unit.id, title: "受理窗口岗位" }))
    expect(post.regionId).toBe("310110001")
    const filled = await run(repos.posts.update(c, { id: post.id, expectedVersion: 1, status: "filled" }))
    expect(filled.status).toBe("filled")
    const list = await run(
      repos.posts.list(c.actor, { status: "filled" }, { after: null, limit: 200, order: "asc" }),
    )
    expect(list.items.map((p) => p.id)).toContain(post.id)
    expect(list.total).toBe(list.items.length)
  })

  it("a reviewer (read-only role) may not create units", async () => {
    const e = await failure(
      repos.units.create(ctx(actor("reviewer", YANGPU)), {
        name: "x",
        regionId: "310110",
        roles: ["host"],
        category: "agency",
      }),
    )
    expect(e._tag).toBe("Forbidden")
  })
})

describe("AuditRepo", () => {
  it("a sibling street sees none of another street's audit rows; the district sees both", async () => {
    const sibling = (await run(repos.audit.query(actor("street_admin", PINGLIANG)))).rows
    expect(sibling.every((a) => a.regionPath.startsWith(PINGLIANG))).toBe(true)
    const district = (
      await run(
        repos.audit.query(actor("org_dept_admin", YANGPU), {
          from: new Date(Date.now() - 3600_000),
          limit: 1000,
        }),
      )
    ).rows
    expect(district.some((a) => a.regionPath.startsWith(DINGHAI))).toBe(true)
    expect((await failure(repos.audit.query(actor("reviewer", YANGPU))))._tag).toBe("Forbidden")
  })
})

describe("atomicity", () => {
  it("a failure between the write and its audit row leaves nothing half-written", async () => {
    const d = await makeTestDatabase()
    try {
      await loadDemoBase(d.db)
      const r = await make(d)
      // Inject the failure in the database: inserting this command's audit row raises.
      await d.db.execute(sql`create function fail_audit() returns trigger as $$ begin
        if new.action = 'post.update' then raise exception 'injected failure'; end if; return new; end; $$ language plpgsql`)
      await d.db.execute(
        sql`create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`,
      )
      const c = ctx(actor("org_dept_admin", YANGPU))
      const before = await run(r.posts.get(c.actor, "post-310110001002"))
      // A driver fault is a defect now (ADR 0007), no longer a typed DatabaseError failure.
      const exit = await Effect.runPromiseExit(
        r.posts.update(c, { id: before.id, expectedVersion: before.version, status: "closed" }),
      )
      const defect = Exit.isFailure(exit) ? Cause.dieOption(exit.cause) : Option.none()
      expect(Option.getOrUndefined(defect)).toMatchObject({ _tag: "DatabaseError" })
      const after = await run(r.posts.get(c.actor, before.id))
      expect(after).toEqual(before)
    } finally {
      await d.close()
    }
  }, 60_000)
})
