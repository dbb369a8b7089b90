import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Actor,
  can,
  changesScheme,
  mayCreateAccount,
  ownUnit,
  pathOf,
  pathWithin,
  permissionsOf,
  ROLES,
  type Role,
  seesApplication,
  seesPerson,
  seesPlacement,
  seesRegion,
  seesScheme,
  writesPerson,
} from "./Access.js"

const actor = (role: Role, scopePath: string): Pick<Actor, "role" | "scopePath"> => ({ role, scopePath })

const DISTRICT = pathOf(["310000", "310110"])
const STREET_A = pathOf(["310000", "310110", "s1"])
const STREET_B = pathOf(["310000", "310110", "s2"])
const COMMUNITY_A1 = pathOf(["310000", "310110", "s1", "c1"])
const OTHER_DISTRICT = pathOf(["310000", "310120"])

describe("scope containment (issue 3: a scope sees itself and what lies beneath)", () => {
  it("a district admin sees its streets and communities, not a sibling district", () => {
    const a = actor("org_dept_admin", DISTRICT)
    expect(seesRegion(a, DISTRICT)).toBe(true)
    expect(seesRegion(a, STREET_A)).toBe(true)
    expect(seesRegion(a, COMMUNITY_A1)).toBe(true)
    expect(seesRegion(a, OTHER_DISTRICT)).toBe(false)
  })

  it("a street admin sees its own communities, neither the sibling street nor the parent district", () => {
    const a = actor("street_admin", STREET_A)
    expect(seesRegion(a, COMMUNITY_A1)).toBe(true)
    expect(seesRegion(a, STREET_B)).toBe(false)
    expect(seesRegion(a, DISTRICT)).toBe(false)
  })

  it("an id that is a prefix of a sibling's id does not leak (paths end with a slash)", () => {
    expect(pathWithin(pathOf(["d", "s1"]), pathOf(["d", "s10"]))).toBe(false)
  })

  it("applicants see no region-owned data", () => {
    expect(seesRegion(actor("applicant", ""), DISTRICT)).toBe(false)
    expect(pathWithin("", DISTRICT)).toBe(false)
  })

  it("property: pathWithin(scope, target) iff scope's ids are a prefix of target's ids", () => {
    const ids = fc.array(fc.constantFrom("a", "b", "a1", "ab", "1"), { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(ids, ids, (s, t) => {
        const isPrefix = s.length <= t.length && s.every((x, i) => t[i] === x)
        expect(pathWithin(pathOf(s), pathOf(t))).toBe(isPrefix)
      }),
    )
  })
})

describe("schemes: owned by the org dept, read downward", () => {
  it("a street admin reads the district's published scheme but not its draft, and cannot change it", () => {
    const a = actor("street_admin", STREET_A)
    expect(seesScheme(a, DISTRICT, "published")).toBe(true)
    expect(seesScheme(a, DISTRICT, "draft")).toBe(false)
    expect(changesScheme(a, DISTRICT)).toBe(false)
  })
  it("a sibling district sees neither draft nor published scheme", () => {
    const a = actor("org_dept_admin", OTHER_DISTRICT)
    expect(seesScheme(a, DISTRICT, "published")).toBe(false)
    expect(changesScheme(a, DISTRICT)).toBe(false)
  })
  it("the owning org dept and its integrator change it; an applicant reads only published ones", () => {
    expect(changesScheme(actor("org_dept_admin", DISTRICT), DISTRICT)).toBe(true)
    expect(changesScheme(actor("integrator", DISTRICT), DISTRICT)).toBe(true)
    expect(seesScheme(actor("applicant", ""), DISTRICT, "published")).toBe(true)
    expect(seesScheme(actor("applicant", ""), DISTRICT, "draft")).toBe(false)
  })
})

describe("accounts are created by a higher scope", () => {
  it("a street admin cannot create an org dept admin, nor anything in a sibling street", () => {
    expect(mayCreateAccount(actor("street_admin", STREET_A), "org_dept_admin", COMMUNITY_A1)).toBe(false)
    expect(mayCreateAccount(actor("street_admin", STREET_A), "reviewer", STREET_B)).toBe(false)
    expect(mayCreateAccount(actor("street_admin", STREET_A), "reviewer", COMMUNITY_A1)).toBe(true)
  })
  it("property: nobody creates an account whose scope lies outside their own, and applicants create nothing", () => {
    const paths = [DISTRICT, STREET_A, STREET_B, COMMUNITY_A1, OTHER_DISTRICT]
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...paths),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...paths),
        (cr, cp, nr, np) => {
          if (mayCreateAccount(actor(cr, cp), nr, np)) {
            expect(pathWithin(cp, np)).toBe(true)
            expect(can({ role: cr }, "account.create")).toBe(true)
            expect(nr).not.toBe("applicant")
          }
        },
      ),
    )
  })
})

describe("permissionsOf: what a screen may offer a role (issue 5 in-post duties)", () => {
  it("an applicant may see their own placement, not anyone's; a street manages placements but does not make them", () => {
    expect(permissionsOf("applicant")).toEqual([
      "scheme.read",
      "profile.write_own",
      "eligibility.check",
      "application.apply",
      "placement.own",
    ])
    const street = permissionsOf("street_admin")
    expect(street).toContain("placement.manage")
    expect(street).not.toContain("placement.create")
    // 004 晋城 管理考核 一是: the host unit approves short leave; the dispatching unit does not approve leave.
    expect(permissionsOf("host_unit_admin")).toContain("leave.approve")
    expect(permissionsOf("dispatching_unit_admin")).not.toContain("leave.approve")
  })

  it("agrees with can() for every role and permission", () => {
    for (const role of ROLES) {
      const listed = new Set(permissionsOf(role))
      expect(listed.size).toBe(permissionsOf(role).length)
      for (const p of listed) expect(can({ role }, p)).toBe(true)
    }
  })
})

describe("writesPerson (issue 14: cadre records kept by staff)", () => {
  const unitAdmin = (unitId: string): Actor => ({
    accountId: "a",
    role: "dispatching_unit_admin",
    scope: { _tag: "UnitScope", unitId: unitId as never, regionId: "310110" as never },
    scopePath: DISTRICT,
    displayName: "u",
  })
  const regionActor = (role: Role, scopePath: string): Actor => ({
    accountId: "a",
    role,
    scope: { _tag: "RegionScope", regionId: "r" as never },
    scopePath,
    displayName: "r",
  })

  it("the org dept writes any record within its region scope, with or without a unit, not a sibling district's", () => {
    const a = regionActor("org_dept_admin", DISTRICT)
    expect(writesPerson(a, { regionPath: COMMUNITY_A1, unitId: null })).toBe(true)
    expect(writesPerson(a, { regionPath: STREET_B, unitId: "u-1" })).toBe(true)
    expect(writesPerson(a, { regionPath: OTHER_DISTRICT, unitId: null })).toBe(false)
  })

  it("a dispatching unit's admin writes only its own unit's people, and only within its scope", () => {
    expect(writesPerson(unitAdmin("u-1"), { regionPath: COMMUNITY_A1, unitId: "u-1" })).toBe(true)
    expect(writesPerson(unitAdmin("u-1"), { regionPath: COMMUNITY_A1, unitId: "u-2" })).toBe(false)
    expect(writesPerson(unitAdmin("u-1"), { regionPath: COMMUNITY_A1, unitId: null })).toBe(false)
    expect(writesPerson(unitAdmin("u-1"), { regionPath: OTHER_DISTRICT, unitId: "u-1" })).toBe(false)
  })

  it("streets, host units, reviewers and applicants keep no records; an integrator keeps them for its org dept", () => {
    expect(can({ role: "integrator" }, "person.write")).toBe(true)
    for (const role of ["street_admin", "host_unit_admin", "reviewer", "applicant"] as const) {
      expect(can({ role }, "person.write")).toBe(false)
      expect(writesPerson(regionActor(role, DISTRICT), { regionPath: COMMUNITY_A1, unitId: null })).toBe(
        false,
      )
    }
    expect(permissionsOf("org_dept_admin")).toContain("person.write")
    expect(permissionsOf("dispatching_unit_admin")).toContain("person.write")
  })
})

describe("units see their own (issue 13: a unit account sees what is its unit's, not the district)", () => {
  const unitActor = (role: Role, unitId: string): Pick<Actor, "role" | "scopePath" | "scope"> => ({
    role,
    scopePath: DISTRICT,
    scope: { _tag: "UnitScope", unitId: unitId as never, regionId: "310110" as never },
  })
  const regionActor = (role: Role, scopePath: string): Pick<Actor, "role" | "scopePath" | "scope"> => ({
    role,
    scopePath,
    scope: { _tag: "RegionScope", regionId: "310110" as never },
  })
  const mz = unitActor("dispatching_unit_admin", "u-mz")
  const jw = unitActor("dispatching_unit_admin", "u-jw")
  const org = regionActor("org_dept_admin", DISTRICT)

  it("a person, an application, a placement of the district: each unit sees only its own, the org dept all", () => {
    const person = { id: "p1", regionPath: COMMUNITY_A1, unitIds: ["u-mz", null] }
    expect(seesPerson(mz, person)).toBe(true)
    expect(seesPerson(jw, person)).toBe(false)
    expect(seesPerson(org, person)).toBe(true)
    const app = {
      campaignPath: DISTRICT,
      regionPath: DISTRICT,
      personId: "p1",
      unitIds: ["u-mz", null, null],
    }
    expect(seesApplication(mz, app)).toBe(true)
    expect(seesApplication(jw, app)).toBe(false)
    expect(seesApplication(org, app)).toBe(true)
    // Without the units it belongs to, a unit sees nothing (the safe default); region accounts are not narrowed.
    expect(seesApplication(mz, { ...app, unitIds: undefined })).toBe(false)
    expect(seesApplication(org, { ...app, unitIds: undefined })).toBe(true)
    const placement = { regionPath: COMMUNITY_A1, personId: "p1", unitIds: ["u-jw", "u-host"] }
    expect(seesPlacement(jw, placement)).toBe(true)
    expect(seesPlacement(mz, placement)).toBe(false)
    expect(seesPlacement(unitActor("host_unit_admin", "u-host"), placement)).toBe(true)
    expect(seesPlacement(org, placement)).toBe(true)
  })

  it("property: a unit sees a thing iff its unit is among the thing's units (and the region is in scope)", () => {
    const unit = fc.constantFrom("u-a", "u-b", "u-c")
    fc.assert(
      fc.property(
        unit,
        fc.array(fc.option(unit, { nil: null }), { maxLength: 4 }),
        fc.boolean(),
        (u, ids, inScope) => {
          const a = unitActor("dispatching_unit_admin", u)
          const regionPath = inScope ? COMMUNITY_A1 : OTHER_DISTRICT
          const own = ids.includes(u)
          expect(ownUnit(a, ids)).toBe(own)
          expect(seesPerson(a, { id: "p", regionPath, unitIds: ids })).toBe(own && inScope)
          expect(seesPlacement(a, { regionPath, personId: "p", unitIds: ids })).toBe(own && inScope)
          expect(
            seesApplication(a, { campaignPath: regionPath, regionPath, personId: "p", unitIds: ids }),
          ).toBe(own && inScope)
          // Region accounts are never narrowed by units.
          expect(ownUnit(org, ids)).toBe(true)
        },
      ),
    )
  })
})
