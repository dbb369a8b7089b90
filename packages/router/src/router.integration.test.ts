import { applications, auditLog, people, placements, posts, regions, schemes, units } from "@cadre/db"
import { Access, Scheme } from "@cadre/domain"
import { initTRPC, TRPCError } from "@trpc/server"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, makeHarness, registerByEmail } from "./test-support.js"
import { router, UndeclaredProcedure } from "./trpc.js"

/**
 * The router through createCaller on a fresh PGlite (or PostgreSQL with TEST_DATABASE_URL) with the demo data.
 * Callers authenticate with real API tokens or session cookies; nothing is stubbed below the router.
 */

let h: Harness
let org: Record<string, string> // 杨浦区委组织部 (district 310110)
let street: Record<string, string> // 定海路街道 (310110001)
let integrator: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  street = await h.actorHeaders({ role: "street_admin", regionId: "310110001" })
  integrator = await h.actorHeaders({ role: "integrator", regionId: "310110" })
}, 120_000)
afterAll(async () => h?.close())

/** The TRPCError a call fails with (the test fails if it succeeds). */
const failure = async (p: Promise<unknown>): Promise<TRPCError> => {
  try {
    await p
  } catch (e) {
    if (e instanceof TRPCError) return e
    throw e
  }
  throw new Error("expected the call to fail")
}

const en = (headers: Record<string, string>) => ({ ...headers, "x-lang": "en" })

describe("access is declared once, in the procedure builder", () => {
  it("refuses to build a router holding a procedure without an access declaration", () => {
    const raw = initTRPC.create()
    expect(() => router({ sneaky: raw.procedure.query(() => "data") } as never)).toThrow(UndeclaredProcedure)
  })

  it("an unauthenticated call to a permission procedure is UNAUTHORIZED, in Chinese by default", async () => {
    const e = await failure(h.caller().regions.tree({}))
    expect(e.code).toBe("UNAUTHORIZED")
    expect(e.message).toContain("请先登录")
  })

  it("a role without the permission is FORBIDDEN (host unit admin publishing a scheme), in English on request", async () => {
    const host = await h.actorHeaders({ role: "host_unit_admin", unitId: "u-yp-sc" })
    const e = await failure(
      h.caller(en(host)).schemes.publish({ schemeId: "x", version: 1, expectedRowVersion: 1 }),
    )
    expect(e.code).toBe("FORBIDDEN")
    expect(e.message).toContain('lacks "scheme.publish"')
  })
})

describe("regions, units, posts", () => {
  it("tree lists the scope only; create, rename, stale rename, merge a community", async () => {
    const tree = await h.caller(street).regions.tree({})
    expect(tree.every((r) => r.path.startsWith(tree[0]?.path ?? "?"))).toBe(true)
    expect(tree.map((r) => r.id)).toContain("310110001001")
    expect(tree.map((r) => r.id)).not.toContain("310110002001")

    const created = await h
      .caller(street)
      .regions.create({ id: "310110001099", name: "测试居民区", level: "community", parentId: "310110001" })
    expect(created.path).toBe("/310000/310110/310110001/310110001099/")
    const renamed = await h
      .caller(street)
      .regions.rename({ id: created.id, name: "测试居民区（更名）", expectedVersion: created.version })
    expect(renamed.name).toBe("测试居民区（更名）")
    const stale = await failure(
      h
        .caller(en(street))
        .regions.rename({ id: created.id, name: "又一次", expectedVersion: created.version }),
    )
    expect(stale.code).toBe("CONFLICT")
    expect(stale.message).toContain("changed by someone else")

    const merged = await h.caller(street).regions.merge({
      id: created.id,
      intoId: "310110001001",
      reason: "居民区合并",
      expectedVersion: renamed.version,
    })
    expect(merged.merged.status).toBe("merged")
  })

  it("region ids keep to a safe alphabet, so two ids can never share a scope path (issue 15: sx/y, sx_y)", async () => {
    for (const id of ["sx/y", "sx_y", "a%b", "-x"]) {
      const e = await failure(
        h
          .caller(street)
          .regions.create({ id, name: "测试居民区", level: "community", parentId: "310110001" }),
      )
      expect(e.code).toBe("BAD_REQUEST")
      expect(e.message).toContain("区域编号")
      expect(e.message).toContain("字母、数字和连字符")
    }
    const ok = await h
      .caller(street)
      .regions.create({ id: "sx-y", name: "测试居民区二", level: "community", parentId: "310110001" })
    expect(ok.path).toBe("/310000/310110/310110001/sx-y/")
  })

  it("bad input names the field in the caller's language", async () => {
    const zh = await failure(
      h.caller(street).regions.create({ name: "x", level: "town" as "street", parentId: "310110001" }),
    )
    expect(zh.code).toBe("BAD_REQUEST")
    expect(zh.message).toContain("区域层级")
    const english = await failure(
      h.caller(en(street)).regions.create({ name: "", level: "community", parentId: "310110001" }),
    )
    expect(english.message).toContain("region name")
    expect(english.message).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it("units: list in scope, create, update; a street admin cannot create one outside its street", async () => {
    const listed = (await h.caller(org).units.list({ limit: 200 })).items
    expect(listed.map((u) => u.id)).toContain("u-yp-mz")
    const unit = await h.caller(street).units.create({
      name: "定海路街道社区事务受理服务中心",
      regionId: "310110001",
      roles: ["host"],
      category: "public_institution",
    })
    const updated = await h
      .caller(street)
      .units.update({ id: unit.id, expectedVersion: unit.version, roles: ["host", "dispatching"] })
    expect(updated.roles).toEqual(["host", "dispatching"])
    const outside = await failure(
      h.caller(street).units.create({ name: "x", regionId: "310110002", roles: ["host"], category: "other" }),
    )
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(outside.code)
    const bad = await failure(
      h
        .caller(street)
        .units.create({ name: "x", regionId: "310110001", roles: [] as never, category: "other" }),
    )
    expect(bad.message).toContain("单位角色")
  })

  it("posts: create, list, update; bad status names the field", async () => {
    const post = await h.caller(street).posts.create({ regionId: "310110001002", title: "居民区党组织书记" })
    expect(
      (await h.caller(street).posts.list({ regionId: "310110001002" })).items.map((p) => p.id),
    ).toContain(post.id)
    const closed = await h
      .caller(street)
      .posts.update({ id: post.id, expectedVersion: post.version, status: "closed" })
    expect(closed.status).toBe("closed")
    const bad = await failure(
      h
        .caller(en(street))
        .posts.update({ id: post.id, expectedVersion: closed.version, status: "open" as "closed" }),
    )
    expect(bad.message).toContain("post status")
    expect((await h.caller(street).posts.get({ id: post.id })).title).toBe("居民区党组织书记")
  })
})

describe("schemes", () => {
  it("lists presets, creates a draft from a preset, edits it, publishes it, finds it in force, diffs versions", async () => {
    const presets = await h.caller(org).schemes.presets()
    expect(presets.map((p) => p.key)).toContain("yangpu-community-secretary")
    const preset = presets.find((p) => p.key === "yangpu-community-secretary")
    if (preset === undefined) throw new Error("preset missing")

    const draft = await h.caller(org).schemes.createFromPreset({
      presetKey: preset.key,
      version: 2,
      effectiveFrom: "2031-01-01",
    })
    expect(draft.status).toBe("draft")
    expect(draft.scheme.version).toBe(2)

    const edited = {
      ...draft.scheme,
      name: { zh: "选派干部担任居民区党组织书记（修订）", en: "Community secretary (revised)" },
    }
    const updated = await h.caller(org).schemes.updateDraft({
      schemeId: draft.scheme.id,
      version: 2,
      expectedRowVersion: draft.rowVersion,
      scheme: edited,
    })
    expect(updated.scheme.name.en).toBe("Community secretary (revised)")

    const stale = await failure(
      h.caller(org).schemes.updateDraft({
        schemeId: draft.scheme.id,
        version: 2,
        expectedRowVersion: draft.rowVersion,
        scheme: edited,
      }),
    )
    expect(stale.code).toBe("CONFLICT")

    const published = await h.caller(integrator).schemes.publish({
      schemeId: draft.scheme.id,
      version: 2,
      expectedRowVersion: updated.rowVersion,
      effectiveFrom: "2031-03-01",
    })
    expect(published.status).toBe("published")
    expect(published.scheme.effectiveFrom).toBe("2031-03-01")

    const before = await h.caller(org).schemes.inForceOn({ schemeId: draft.scheme.id, date: "2031-02-28" })
    expect(before.scheme.version).toBe(1)
    const after = await h.caller(org).schemes.inForceOn({ schemeId: draft.scheme.id, date: "2031-03-01" })
    expect(after.scheme.version).toBe(2)

    const diff = await h.caller(org).schemes.diff({ schemeId: draft.scheme.id, fromVersion: 1, toVersion: 2 })
    expect(diff.changes.length).toBeGreaterThan(0)
    const listed = await h.caller(street).schemes.list({ schemeId: draft.scheme.id })
    expect(listed.map((s) => s.version).sort()).toEqual([1, 2])
    // The street sees the district's scheme named by its region, though the district lies above its scope.
    expect(new Set(listed.map((s) => s.regionName))).toEqual(new Set(["杨浦区"]))
    expect(listed.every((s) => s.direction === null)).toBe(true)
    // A secondment names its direction (挂职方向).
    const jc = await h.actorHeaders({ role: "org_dept_admin", regionId: "140500" })
    const down = (await h.caller(jc).schemes.list({ schemeId: "jincheng-secondment-down" }))[0]
    expect([down?.kind, down?.direction]).toEqual(["Secondment", "down"])

    // A revision copied server-side from the latest version.
    const v3 = await h.caller(integrator).schemes.createVersion({
      schemeId: draft.scheme.id,
      fromVersion: 2,
      effectiveFrom: "2032-01-01",
    })
    expect(v3.scheme.version).toBe(3)
    expect(v3.scheme.name.en).toBe("Community secretary (revised)")
    expect(v3.status).toBe("draft")
  })

  it("creates a scheme from scratch; a malformed one names the field", async () => {
    const base = Scheme.PRESETS.find((p) => p.key === "yangpu-community-secretary")?.encoded
    if (base === undefined) throw new Error("preset missing")
    const created = await h
      .caller(org)
      .schemes.create({ scheme: { ...base, id: "yangpu-scratch", version: 1 } })
    expect(created.scheme.id).toBe("yangpu-scratch")
    const bad = await failure(
      h.caller(en(org)).schemes.create({ scheme: { ...base, id: "Bad Id!", effectiveFrom: "2031-02-30" } }),
    )
    expect(bad.code).toBe("BAD_REQUEST")
    expect(bad.message).toContain("scheme id")
    expect(bad.message).toContain("effectiveFrom")
  })

  it("publishing a version that does not follow the latest fails cleanly", async () => {
    const draft = await h.caller(org).schemes.createFromPreset({
      presetKey: "yangpu-community-secretary",
      schemeId: "yangpu-old-date",
      version: 1,
      effectiveFrom: "2020-01-01",
    })
    const ok = await h
      .caller(org)
      .schemes.publish({ schemeId: "yangpu-old-date", version: 1, expectedRowVersion: draft.rowVersion })
    expect(ok.status).toBe("published")
    const next = await h.caller(org).schemes.createFromPreset({
      presetKey: "yangpu-community-secretary",
      schemeId: "yangpu-old-date",
      version: 2,
      effectiveFrom: "2019-01-01",
    })
    const e = await failure(
      h
        .caller(org)
        .schemes.publish({ schemeId: "yangpu-old-date", version: 2, expectedRowVersion: next.rowVersion }),
    )
    expect(e.code).toBe("CONFLICT")
  })
})

describe("profiles and eligibility", () => {
  // GB 11643: 17 digits, then the check character from the weighted sum mod 11.
  const withCheck = (body: string): string => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0)
    return `${body}${"10X98765432"[sum % 11]}`
  }
  const idNumber = withCheck("31011019900101123")
  const profile = {
    name: "测试申请人",
    sex: "male" as const,
    birthDate: "1990-01-01",
    idNumber,
    phone: "13900001111",
    party: { _tag: "Full" as const, joined: "2012-06-01", fullMemberSince: "2013-06-01" },
    education: [{ level: "bachelor" as const, fullTime: true }],
    employment: "civil_servant" as const,
    workHistory: [],
    conduct: [],
    attestations: [],
  }

  it("an applicant registers, creates and updates their profile; staff read it masked; eligibility explains", async () => {
    const { resHeaders } = await registerByEmail(h, {
      email: "applicant1@test.example.org",
      password: "Strong-pass-2026",
      name: "申请人一",
    })
    const cookie = resHeaders
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ")
    const me = { cookie }
    const created = await h.caller(me).profiles.createMine({ regionId: "310110001001", profile })
    expect(created.profile.idNumber).toBe(idNumber)
    const mine = await h.caller(me).profiles.mine()
    const updated = await h.caller(me).profiles.updateMine({
      regionId: "310110001001",
      profile: { ...profile, currentPosition: "科员" },
      expectedVersion: mine.version,
    })
    expect(updated.profile.currentPosition).toBe("科员")
    const stale = await failure(
      h.caller(me).profiles.updateMine({ regionId: "310110001001", profile, expectedVersion: mine.version }),
    )
    expect(stale.code).toBe("CONFLICT")

    const seen = await h.caller(street).profiles.get({ id: created.profile.id })
    expect(seen.idNumberMasked).not.toContain("19900101")
    expect(JSON.stringify(await h.caller(street).profiles.list({ limit: 200 }))).not.toContain(idNumber)

    const verdict = await h.caller(me).eligibility.check({
      schemeId: "yangpu-community-secretary",
      version: 1,
      personId: created.profile.id,
      referenceDate: "2026-06-30",
    })
    expect(verdict.personId).toBe(created.profile.id)
    expect(verdict.findings.length).toBeGreaterThan(0)
    expect(["eligible", "ineligible", "needs_review"]).toContain(verdict.outcome)
    const byStaff = await h.caller(integrator).eligibility.check({
      schemeId: "yangpu-community-secretary",
      personId: created.profile.id,
      referenceDate: "2026-06-30",
    })
    expect(byStaff.findings.map((f) => f.status)).toEqual(verdict.findings.map((f) => f.status))
  })

  it("a mismatched ID number and birth date names the field; eligibility accepts an inline profile", async () => {
    const bad = await failure(
      h.caller(en(integrator)).eligibility.check({
        schemeId: "yangpu-community-secretary",
        profile: { ...profile, id: "inline-1", birthDate: "1991-01-01" },
        referenceDate: "2026-06-30",
      }),
    )
    expect(bad.message).toContain("birth date")
    const verdict = await h.caller(integrator).eligibility.check({
      schemeId: "yangpu-community-secretary",
      profile: { ...profile, id: "inline-1" },
      referenceDate: "2026-06-30",
    })
    expect(verdict.personId).toBe("inline-1")
  })

  it("audit.query shows the commands in scope", async () => {
    const { items: rows, nextCursor } = await h.caller(org).audit.query({ limit: 50 })
    expect(rows.length).toBe(50)
    expect(rows.every((r) => typeof r.at === "string")).toBe(true)
    // Newest first, a page at a time: the next page holds the older rows, none twice, in the same order.
    expect(nextCursor).not.toBeNull()
    const older = await h.caller(org).audit.query({ limit: 50, cursor: nextCursor ?? undefined })
    const ids = [...rows, ...older.items].map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
    const both = await h.caller(org).audit.query({ limit: 100 })
    expect(both.items.map((r) => r.id)).toEqual(ids.slice(0, both.items.length))
    // A cursor the API did not give out is refused at the field, never a 500.
    const forged = Buffer.from(JSON.stringify(["2026-12-07", "x; drop table"]), "utf8").toString("base64url")
    expect((await failure(h.caller(org).audit.query({ cursor: forged }))).code).toBe("BAD_REQUEST")
    const e = await failure(h.caller(integrator).audit.query({}))
    expect(e.code).toBe("FORBIDDEN")
  })

  it("audit rows carry names, never codes: who (系统 for the demo loader), what, where (issue 16)", async () => {
    const { items } = await h.caller(org).audit.query({ limit: 1000 })
    expect(items.length).toBeGreaterThan(0)
    for (const r of items) {
      // No label repeats a code: not the action, not the entity, not a system account id.
      expect(r.actionLabel.zh).not.toMatch(/[a-z_]+\.[A-Za-z_]+/)
      expect(r.entityLabel.zh).not.toMatch(/^[a-z_]+$/)
      expect(r.actorName.zh).not.toMatch(/^system:/)
    }
    const demo = items.find((r) => r.actorAccountId.startsWith("system:"))
    expect(demo?.actorName.zh).toBe("系统")
    const made = items.find((r) => r.action === "campaign.create")
    if (made !== undefined) expect(made.actionLabel.zh).toBe("选派批次：新建")
    // A person's own account is named by its display name; the region by its name.
    const byAccount = items.find((r) => !r.actorAccountId.startsWith("system:"))
    if (byAccount !== undefined) expect(byAccount.actorName.zh).not.toBe(byAccount.actorAccountId)
    expect(items.some((r) => r.regionName !== null && /[\u4e00-\u9fa5]/.test(r.regionName))).toBe(true)
    // The kinds a screen filters by, named.
    const kinds = await h.caller(org).audit.entities()
    expect(kinds.find((k) => k.entity === "placement")?.label.zh).toBe("任职安排")
  })
})

describe("accounts", () => {
  it("an org admin creates a street admin beneath it; a street admin cannot create an org admin", async () => {
    const made = await h.caller(org).accounts.create({
      email: "new.street@test.example.org",
      name: "新街道管理员",
      password: "Street-admin-2026",
      role: "street_admin",
      scope: { regionId: "310110002" },
    })
    expect(made.accountId).toBeTruthy()
    const e = await failure(
      h.caller(street).accounts.create({
        email: "x@test.example.org",
        name: "x",
        password: "Another-pass-2026",
        role: "org_dept_admin",
        scope: { regionId: "310110001" },
      }),
    )
    expect(e.code).toBe("FORBIDDEN")
    const list = (await h.caller(org).accounts.list({ limit: 200 })).items
    expect(list.map((a) => a.email)).toContain("new.street@test.example.org")
    // Each with when it was created, as an ISO timestamp (the new one: moments ago).
    const created = list.find((a) => a.email === "new.street@test.example.org")?.createdAt ?? ""
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(Date.now() - Date.parse(created)).toBeLessThan(10 * 60 * 1000)
  })
})

// ------------------------------------------------------------------------------------------------ property

describe("access property: each actor gets exactly what its scope allows", () => {
  const SCOPES = ["310110", "310110001", "310110002", "310110001001"] as const
  type ActorCase = { readonly actor: Access.Actor; readonly headers: Record<string, string> }
  let actors: Array<ActorCase> = []
  let regionRows: Array<{ id: string; path: string; status: string }> = []
  let schemeRows: Array<{ schemeId: string; version: number; status: "draft" | "published"; path: string }> =
    []
  /** `unitIds`: the person's unit and the units that dispatched, host or recommended them (issue 13). */
  let personRows: Array<{ id: string; path: string; unitIds: Array<string | null> }> = []
  let unitRows: Array<{ id: string; path: string }> = []
  let auditRows: Array<{ id: number; entity: string; entityId: string; path: string }> = []

  beforeAll(async () => {
    const roles = Access.ROLES.filter((r) => r !== "applicant")
    for (const role of roles)
      for (const regionId of SCOPES) {
        const unit = role === "dispatching_unit_admin" || role === "host_unit_admin"
        if (unit && regionId !== "310110") continue
        const headers = await h.actorHeaders(unit ? { role, unitId: "u-yp-mz" } : { role, regionId })
        const actor = await h.caller(headers).auth.me()
        actors.push({ actor, headers })
      }
    const app = await h.actorHeaders({ role: "applicant" })
    actors.push({ actor: await h.caller(app).auth.me(), headers: app })
    // A draft inside a street, to tell drafts from published versions.
    await h
      .caller(street)
      .schemes.create({
        scheme: {
          ...(Scheme.PRESETS.find((p) => p.key === "yangpu-community-secretary")?.encoded ?? ({} as never)),
          id: "dinghai-draft",
          regionId: "310110001",
        },
      })
      .catch(() => undefined)
    const { db } = h.handle
    regionRows = await db.select({ id: regions.id, path: regions.path, status: regions.status }).from(regions)
    regionRows = regionRows.filter((r) => r.status === "active")
    const s = await db
      .select({
        schemeId: schemes.schemeId,
        version: schemes.version,
        status: schemes.status,
        path: regions.path,
      })
      .from(schemes)
      .innerJoin(regions, (await import("drizzle-orm")).eq(regions.id, schemes.regionId))
    schemeRows = s
    const { eq } = await import("drizzle-orm")
    const tied = new Map<string, Array<string | null>>()
    const tie = (id: string, ...u: Array<string | null>) => tied.set(id, [...(tied.get(id) ?? []), ...u])
    for (const r of await db
      .select({ personId: placements.personId, d: placements.dispatchingUnitId, host: posts.unitId })
      .from(placements)
      .innerJoin(posts, eq(posts.id, placements.postId)))
      tie(r.personId, r.d, r.host)
    for (const r of await db
      .select({ personId: applications.personId, u: applications.recommendingUnitId })
      .from(applications))
      tie(r.personId, r.u)
    const p = await db
      .select({ id: people.id, path: regions.path, unitId: people.unitId })
      .from(people)
      .innerJoin(regions, eq(regions.id, people.regionId))
    personRows = p.map((r) => ({ id: r.id, path: r.path, unitIds: [r.unitId, ...(tied.get(r.id) ?? [])] }))
    unitRows = await db
      .select({ id: units.id, path: regions.path })
      .from(units)
      .innerJoin(regions, (await import("drizzle-orm")).eq(regions.id, units.regionId))
    auditRows = await db
      .select({
        id: auditLog.id,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        path: auditLog.regionPath,
      })
      .from(auditLog)
    actors = actors.filter((a) => a.actor !== undefined)
  }, 180_000)

  const outcome = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p
      return "ok"
    } catch (e) {
      if (e instanceof TRPCError) return e.code
      throw e
    }
  }

  it("regions.get: seen iff region.read and Access.seesRegion", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (i, j) => {
        const a = actors[i % actors.length] as ActorCase
        const r = regionRows[j % regionRows.length] as (typeof regionRows)[number]
        const got = await outcome(h.caller(a.headers).regions.get({ id: r.id }))
        const expected = !Access.can(a.actor, "region.read")
          ? "FORBIDDEN"
          : Access.seesRegion(a.actor, r.path)
            ? "ok"
            : "NOT_FOUND"
        expect(got, `${a.actor.role}@${a.actor.scopePath} → ${r.path}`).toBe(expected)
      }),
      { numRuns: 120 },
    )
  }, 120_000)

  it("schemes.get: seen iff scheme.read and Access.seesScheme (drafts only inside the owning scope)", async () => {
    expect(schemeRows.some((s) => s.status === "draft")).toBe(true)
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (i, j) => {
        const a = actors[i % actors.length] as ActorCase
        const s = schemeRows[j % schemeRows.length] as (typeof schemeRows)[number]
        const got = await outcome(
          h.caller(a.headers).schemes.get({ schemeId: s.schemeId, version: s.version }),
        )
        const expected = !Access.can(a.actor, "scheme.read")
          ? "FORBIDDEN"
          : Access.seesScheme(a.actor, s.path, s.status)
            ? "ok"
            : "NOT_FOUND"
        expect(got, `${a.actor.role}@${a.actor.scopePath} → ${s.schemeId}@${s.path} ${s.status}`).toBe(
          expected,
        )
      }),
      { numRuns: 120 },
    )
  }, 120_000)

  it("profiles.get: seen (masked) iff profile.read and Access.seesPerson (a unit: its own people, issue 13)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (i, j) => {
        const a = actors[i % actors.length] as ActorCase
        const p = personRows[j % personRows.length] as (typeof personRows)[number]
        const got = await outcome(h.caller(a.headers).profiles.get({ id: p.id }))
        const expected = !Access.can(a.actor, "profile.read")
          ? "FORBIDDEN"
          : Access.seesPerson(a.actor, { id: p.id, regionPath: p.path, unitIds: p.unitIds })
            ? "ok"
            : "NOT_FOUND"
        expect(got, `${a.actor.role}@${a.actor.scopePath} → ${p.path}`).toBe(expected)
      }),
      { numRuns: 100 },
    )
  }, 120_000)

  it("units.get: seen iff unit.read and Access.seesRegion of the unit's region", async () => {
    expect(new Set(unitRows.map((u) => u.path)).size).toBeGreaterThan(2)
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (i, j) => {
        const a = actors[i % actors.length] as ActorCase
        const u = unitRows[j % unitRows.length] as (typeof unitRows)[number]
        const got = await outcome(h.caller(a.headers).units.get({ id: u.id }))
        const expected = !Access.can(a.actor, "unit.read")
          ? "FORBIDDEN"
          : Access.seesRegion(a.actor, u.path)
            ? "ok"
            : "NOT_FOUND"
        expect(got, `${a.actor.role}@${a.actor.scopePath} → ${u.id}@${u.path}`).toBe(expected)
      }),
      { numRuns: 100 },
    )
  }, 120_000)

  it("audit.query: a row is listed iff audit.read and Access.seesRegion of the row's region", async () => {
    // Rows in several streets and the district, so that both answers occur for every scope.
    expect(new Set(auditRows.map((r) => r.path)).size).toBeGreaterThan(2)
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (i, j) => {
        const a = actors[i % actors.length] as ActorCase
        const row = auditRows[j % auditRows.length] as (typeof auditRows)[number]
        let got: string
        try {
          const { items: rows } = await h
            .caller(a.headers)
            .audit.query({ entity: row.entity, entityId: row.entityId, limit: 1000 })
          // Every row returned is in scope, and the chosen one is there exactly when it is.
          expect(rows.every((r) => Access.seesRegion(a.actor, r.regionPath))).toBe(true)
          got = rows.some((r) => r.id === row.id) ? "listed" : "absent"
        } catch (e) {
          if (!(e instanceof TRPCError)) throw e
          got = e.code
        }
        const expected = !Access.can(a.actor, "audit.read")
          ? "FORBIDDEN"
          : Access.seesRegion(a.actor, row.path)
            ? "listed"
            : "absent"
        expect(got, `${a.actor.role}@${a.actor.scopePath} → audit ${row.id}@${row.path}`).toBe(expected)
      }),
      { numRuns: 100 },
    )
  }, 120_000)

  it("regions.rename with a wrong version: CONFLICT iff region.write and in scope (nothing is written)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (i, j) => {
        const a = actors[i % actors.length] as ActorCase
        const r = regionRows[j % regionRows.length] as (typeof regionRows)[number]
        const got = await outcome(
          h.caller(a.headers).regions.rename({ id: r.id, name: "改名", expectedVersion: 999 }),
        )
        const expected = !Access.can(a.actor, "region.write")
          ? "FORBIDDEN"
          : Access.seesRegion(a.actor, r.path)
            ? "CONFLICT"
            : "NOT_FOUND"
        expect(got, `${a.actor.role}@${a.actor.scopePath} → ${r.path}`).toBe(expected)
      }),
      { numRuns: 80 },
    )
  }, 120_000)
})
