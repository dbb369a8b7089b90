import { people, regions, schemes } from "@cadre/db"
import { Eligibility, LocalDate, Person, Scheme } from "@cadre/domain"
import type { TRPCError } from "@trpc/server"
import { and, eq, like } from "drizzle-orm"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { ErrorData } from "./trpc.js"
import { failure, type Harness, makeHarness } from "./test-support.js"

/** Success and bad-input cases of procedures not covered in router.integration.test.ts, and eligibility by id. */

let h: Harness
let org: Record<string, string> // 杨浦区 (310110)
let street: Record<string, string> // 定海路街道 (310110001)
let siblingReviewer: Record<string, string> // 平凉路街道 (310110002)
beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  street = await h.actorHeaders({ role: "street_admin", regionId: "310110001" })
  siblingReviewer = await h.actorHeaders({ role: "reviewer", regionId: "310110002" })
}, 120_000)
afterAll(async () => h?.close())

const en = (headers: Record<string, string>) => ({ ...headers, "x-lang": "en" })
/** The field paths a BAD_REQUEST names (what the error formatter sends as data.issues). */
const issuePaths = (e: TRPCError): Array<string> => {
  const cause = e.cause as unknown as { issues?: ErrorData["issues"] } | undefined
  return (cause?.issues ?? []).map((i) => i.path.join("."))
}

const DINGHAI = "/310000/310110/310110001/"

describe("units, presets, the region tree", () => {
  it("units.get returns one unit in scope with its region; outside the scope it is NOT_FOUND", async () => {
    const unit = await h.caller(org).units.get({ id: "u-yp-mz" })
    expect(unit).toMatchObject({ id: "u-yp-mz", name: "杨浦区民政局", regionId: "310110" })
    expect(unit.roles).toEqual(["dispatching"])
    // A street does not see a district unit.
    expect((await failure(h.caller(street).units.get({ id: "u-yp-mz" }))).code).toBe("NOT_FOUND")
    expect((await failure(h.caller(org).units.get({ id: "u-jc-xfj" }))).code).toBe("NOT_FOUND")
  })

  it("schemes.preset returns the whole preset (its encoded scheme decodes); an unknown key is null", async () => {
    const p = await h.caller(street).schemes.preset({ key: "yangpu-community-secretary" })
    expect(p?.key).toBe("yangpu-community-secretary")
    const scheme = Schema.decodeUnknownSync(Scheme.Scheme)(p?.scheme)
    expect(scheme.id).toBe(Scheme.yangpuCommunitySecretary.encoded.id)
    expect(scheme.regionId).toBe(Scheme.yangpuCommunitySecretary.encoded.regionId)
    expect(await h.caller(street).schemes.preset({ key: "no-such-preset" })).toBeNull()
  })

  it("regions.tree: a merged community is left out by default and shown, merged into its sibling, on request", async () => {
    const a = await h
      .caller(street)
      .regions.create({ id: "310110001088", name: "甲居民区", level: "community", parentId: "310110001" })
    await h.caller(street).regions.merge({
      id: a.id,
      intoId: "310110001001",
      reason: "居民区合并",
      expectedVersion: a.version,
    })
    const active = await h.caller(street).regions.tree({})
    expect(active.map((r) => r.id)).not.toContain(a.id)
    expect(active.every((r) => r.status === "active")).toBe(true)
    const all = await h.caller(street).regions.tree({ includeMerged: true })
    const merged = all.find((r) => r.id === a.id)
    expect(merged).toMatchObject({ status: "merged", mergedInto: "310110001001", mergeReason: "居民区合并" })
    // Pre-order: every region comes after its parent.
    const seen = new Set<string>()
    for (const r of all) {
      if (r.parentId != null && r.path !== DINGHAI) expect(seen.has(r.parentId)).toBe(true)
      seen.add(r.id)
    }
    // A sibling street's tree holds neither.
    const sibling = await h.caller(siblingReviewer).regions.tree({ includeMerged: true })
    expect(sibling.map((r) => r.id)).not.toContain(a.id)
  })
})

describe("profiles.list filters", () => {
  it("filters by region and by part of the name, pages by cursor, masks every ID number", async () => {
    const all = (await h.caller(org).profiles.list({ limit: 200 })).items
    expect(all.length).toBeGreaterThan(5)
    const regionId: string = all[0]?.regionId ?? "?"
    const inRegion = (await h.caller(org).profiles.list({ regionId, limit: 200 })).items
    expect(inRegion.length).toBeGreaterThan(0)
    expect(inRegion.every((p) => p.regionId === regionId)).toBe(true)
    expect(inRegion.length).toBe(all.filter((p) => p.regionId === regionId).length)

    const name = all[0]?.name ?? "?"
    const part = name.slice(1, 3)
    const byName = (await h.caller(org).profiles.list({ name: part, limit: 200 })).items
    expect(byName.map((p) => p.id).sort()).toEqual(
      all
        .filter((p) => p.name.includes(part))
        .map((p) => p.id)
        .sort(),
    )
    // LIKE wildcards in the filter are literal.
    expect(await h.caller(org).profiles.list({ name: "%" })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
      totalExact: true,
    })

    const page1 = await h.caller(org).profiles.list({ limit: 3 })
    const page2 = await h.caller(org).profiles.list({ limit: 3, cursor: page1.nextCursor ?? undefined })
    expect([...page1.items, ...page2.items].map((p) => p.id)).toEqual(all.slice(0, 6).map((p) => p.id))
    expect(all.every((p) => /^\d{6}\*+[\dX]{4}$/.test(p.idNumberMasked))).toBe(true)
    // A street sees only its own people.
    const streetList = (await h.caller(street).profiles.list({ limit: 200 })).items
    expect(streetList.every((p) => p.regionPath.startsWith(DINGHAI))).toBe(true)
  })
})

describe("bad input names the field", () => {
  const profile = {
    name: "字段测试",
    sex: "female" as const,
    birthDate: "1992-02-30",
    idNumber: "310110199202301234",
    party: { _tag: "Full" as const, joined: "2012-06-01", fullMemberSince: "2013-06-01" },
    education: [{ level: "bachelor" as const, fullTime: true }],
    employment: "civil_servant" as const,
    workHistory: [],
    conduct: [],
    attestations: [],
  }

  it("profiles.createMine and updateMine: an impossible birth date and a bad version are named, in zh and en", async () => {
    const applicant = await h.actorHeaders({ role: "applicant" })
    const zh = await failure(h.caller(applicant).profiles.createMine({ regionId: "310110001001", profile }))
    expect(zh.code).toBe("BAD_REQUEST")
    expect(zh.message).toContain("出生日期")
    expect(issuePaths(zh)).toContain("profile.birthDate")
    const english = await failure(
      h.caller(en(applicant)).profiles.updateMine({
        regionId: "",
        profile: { ...profile, birthDate: "1992-02-28" },
        expectedVersion: 0,
      }),
    )
    expect(english.code).toBe("BAD_REQUEST")
    expect(english.message).toContain("expected version")
    expect(issuePaths(english)).toEqual(expect.arrayContaining(["regionId", "expectedVersion"]))
    expect(english.message).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it("audit.query: a malformed instant (not an Invalid Date let through) and an out-of-range limit are named", async () => {
    const e = await failure(h.caller(en(org)).audit.query({ from: "yesterday" as never, limit: 0 }))
    expect(e.code).toBe("BAD_REQUEST")
    expect(e.message).toContain("instant")
    expect(e.message).toContain("limit")
    expect(issuePaths(e).sort()).toEqual(["from", "limit"])
    const zh = await failure(h.caller(org).audit.query({ limit: 5000 }))
    expect(zh.message).toContain("条数")
  })
})

describe("eligibility.check by person id", () => {
  it("gives the verdict of the kernel on the stored profile, in scope; out of scope NOT_FOUND", async () => {
    const { db } = h.handle
    const [row] = await db
      .select({ person: people })
      .from(people)
      .innerJoin(regions, eq(regions.id, people.regionId))
      .where(like(regions.path, `${DINGHAI}%`))
      .orderBy(people.id)
      .limit(1)
    if (row === undefined) throw new Error("no demo person in 定海路街道")
    const p = row.person
    const stored = Schema.decodeUnknownSync(Person.Profile)({
      ...(p.profile as object),
      id: p.id,
      idNumber: p.idNumber,
      ...(p.phone === null ? {} : { phone: p.phone }),
    })
    const [schemeRow] = await db
      .select({ body: schemes.body })
      .from(schemes)
      .where(and(eq(schemes.schemeId, "yangpu-community-secretary"), eq(schemes.version, 1)))
    const scheme = Schema.decodeUnknownSync(Scheme.Scheme)(schemeRow?.body)
    const referenceDate = "2026-06-30"
    const expected = Eligibility.evaluate(scheme, stored, { referenceDate: LocalDate.make(referenceDate) })

    const input = { schemeId: "yangpu-community-secretary", version: 1, personId: p.id, referenceDate }
    const byStreet = await h.caller(street).eligibility.check(input)
    expect(byStreet).toEqual(expected)
    const reviewer = await h.actorHeaders({ role: "reviewer", regionId: "310110001" })
    expect(await h.caller(reviewer).eligibility.check(input)).toEqual(expected)
    // The whole ID number and phone never leave the server.
    expect(JSON.stringify(byStreet)).not.toContain(p.idNumber)

    const outside = await failure(h.caller(siblingReviewer).eligibility.check(input))
    expect(outside.code).toBe("NOT_FOUND")
    // An applicant may screen only themself: another person is as if absent.
    const applicant = await h.actorHeaders({ role: "applicant" })
    expect((await failure(h.caller(applicant).eligibility.check(input))).code).toBe("NOT_FOUND")
  })
})
