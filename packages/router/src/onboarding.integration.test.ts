import { demoIdNumber } from "@cadre/db"
import { RegionService } from "@cadre/services"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEMO_PASSWORD, failure, type Harness, makeHarness } from "./test-support.js"

/**
 * Issue 14 item 4, "a district from nothing", as docs/onboarding.md walks it: the operator creates the district at
 * the top of a new tree and its first org-dept admin (`cadre district:create`: RegionService.createTop and the
 * bootstrap account), who then builds the region tree, the units, the accounts, a scheme from a preset and the
 * first cadre records — through the API alone, seeing nothing of the districts already there. And a city's org
 * dept brings a district in under itself through the API.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const signIn = async (email: string) => {
  const me = await h.caller().auth.login({ identifier: email, password: DEMO_PASSWORD })
  return me
}

describe("a district from nothing (docs/onboarding.md)", () => {
  it("create district → region tree → units → accounts → scheme from a preset → people", async () => {
    // 1. The operator: the district and its first org-dept admin (what `cadre district:create` does).
    const district = await h.deps.runtime.runPromise(
      Effect.flatMap(RegionService, (r) =>
        r.createTop({ actor: { accountId: "system:cli", role: "system" } }, { id: "330212", name: "鄞州区" }),
      ),
    )
    expect(district).toMatchObject({ id: "330212", level: "district", path: "/330212/" })
    const org = h.caller(await h.actorHeaders({ role: "org_dept_admin", regionId: "330212" }))
    // It sees its own tree only.
    expect((await org.regions.tree({})).map((r) => r.id)).toEqual(["330212"])
    expect((await failure(org.regions.get({ id: "310110" }))).code).toBe("NOT_FOUND")

    // 2. The region tree: a street and a community under it.
    await org.regions.create({ id: "330212001", name: "下应街道", level: "street", parentId: "330212" })
    await org.regions.create({
      id: "330212001001",
      name: "某社区",
      level: "community",
      parentId: "330212001",
    })
    expect((await org.regions.tree({})).map((r) => r.id)).toEqual(["330212", "330212001", "330212001001"])

    // 3. Units: a dispatching agency.
    const unit = await org.units.create({
      id: "u-yz-mz",
      name: "鄞州区民政局",
      regionId: "330212",
      roles: ["dispatching"],
      category: "agency",
    })
    expect(unit.id).toBe("u-yz-mz")

    // 4. Accounts: the street's admin and the unit's admin.
    await org.accounts.create({
      email: "street@yinzhou.example.org",
      name: "下应街道",
      password: DEMO_PASSWORD,
      role: "street_admin",
      scope: { regionId: "330212001" },
    })
    await org.accounts.create({
      email: "mz@yinzhou.example.org",
      name: "鄞州区民政局",
      password: DEMO_PASSWORD,
      role: "dispatching_unit_admin",
      scope: { unitId: "u-yz-mz" },
    })
    expect((await org.accounts.list({})).items.map((a) => a.role).sort()).toEqual(
      ["dispatching_unit_admin", "org_dept_admin", "street_admin"].sort(),
    )

    // 5. A scheme from a preset, published in the district.
    const draft = await org.schemes.createFromPreset({
      presetKey: "yangpu-community-secretary",
      schemeId: "yinzhou-community-secretary",
      regionId: "330212",
      version: 1,
    })
    const published = await org.schemes.publish({
      schemeId: "yinzhou-community-secretary",
      version: 1,
      expectedRowVersion: draft.rowVersion,
    })
    expect(published.status).toBe("published")

    // 6. People: the org dept enters a record; the unit's admin enters its own.
    const person = await org.profiles.create({
      regionId: "330212001001",
      profile: {
        name: "应立群",
        sex: "male",
        birthDate: "1989-04-02",
        idNumber: demoIdNumber("330212", "1989-04-02", 311),
        party: { _tag: "Full", joined: "2011-06-01", fullMemberSince: "2012-06-01" },
        education: [{ level: "bachelor", fullTime: true }],
        employment: "civil_servant",
        workHistory: [],
        conduct: [],
        attestations: [],
      },
    })
    expect(person.regionId).toBe("330212001001")
    await signIn("mz@yinzhou.example.org")
    const unitAdmin = h.caller(await h.actorHeaders({ role: "dispatching_unit_admin", unitId: "u-yz-mz" }))
    const own = await unitAdmin.profiles.create({
      regionId: "330212",
      profile: {
        name: "鄞小芳",
        sex: "female",
        birthDate: "1992-10-20",
        idNumber: demoIdNumber("330212", "1992-10-20", 312),
        party: { _tag: "NotMember" },
        education: [{ level: "master", fullTime: true }],
        employment: "civil_servant",
        workHistory: [],
        conduct: [],
        attestations: [],
      },
    })
    expect(own.unitId).toBe("u-yz-mz")
    expect((await org.profiles.list({})).items.map((p) => p.name).sort()).toEqual(["应立群", "鄞小芳"].sort())
    // Yangpu's org dept sees none of it.
    const yangpu = h.caller(await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" }))
    expect((await failure(yangpu.profiles.get({ id: person.id }))).code).toBe("NOT_FOUND")
  }, 120_000)

  it("a city's org dept creates a district under itself through the API, and its first org-dept admin", async () => {
    const city = h.caller(await h.actorHeaders({ role: "org_dept_admin", regionId: "510300" }))
    const created = await city.regions.create({
      id: "510399",
      name: "自贡市某新区",
      level: "district",
      parentId: "510300",
    })
    expect(created.path).toBe("/510000/510300/510399/")
    await city.accounts.create({
      email: "zzb@510399.example.org",
      name: "新区组织部",
      password: DEMO_PASSWORD,
      role: "org_dept_admin",
      scope: { regionId: "510399" },
    })
    // A district's org dept cannot bring a sibling district in under itself (a district never holds a district).
    const daan = h.caller(await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" }))
    expect(
      (
        await failure(
          daan.regions.create({ id: "510398", name: "某区", level: "district", parentId: "510304" }),
        )
      ).code,
    ).toBe("CONFLICT")
  })
})
