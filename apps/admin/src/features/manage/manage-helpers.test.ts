import { describe, expect, it } from "vitest"
import { newAccountOf } from "./account-dialog"
import {
  chinaDateOf,
  creatableRoles,
  editableStatuses,
  placeOf,
  type RegionRow,
  regionTree,
  scopeName,
  type UnitRow,
  unitsForRole,
  parseDates,
  regionOfPath,
} from "./manage-helpers"
import { mayWritePosts } from "./posts-page"
import { expiryOf } from "./token-dialog"

// The Da'an district as regions.tree answers daan.org (packages/db demo.ts), parents first.
const region = (id: string, name: string, parentId: string | null, path: string): RegionRow =>
  ({
    id,
    name,
    level: "village",
    parentId,
    path,
    status: "active",
    mergedInto: null,
    mergeReason: null,
    version: 1,
    updatedAt: "2026-11-26T04:00:00.000Z",
  }) as unknown as RegionRow

const D = "/510000/510300/510304/"
const regions = [
  region("510304", "大安区", "510300", D),
  region("510304101", "牛佛镇", "510304", `${D}510304101/`),
  region("510304101001", "牛佛镇正街社区", "510304101", `${D}510304101/510304101001/`),
  region("510304101201", "牛佛镇烟坡村", "510304101", `${D}510304101/510304101201/`),
  region("510304101202", "牛佛镇民主村", "510304101", `${D}510304101/510304101202/`),
  region("510304102", "何市镇", "510304", `${D}510304102/`),
  region("510304102201", "何市镇双河村", "510304102", `${D}510304102/510304102201/`),
  region("510304102202", "何市镇白岩村", "510304102", `${D}510304102/510304102202/`),
]

const unit = (id: string, name: string, roles: ReadonlyArray<string>): UnitRow =>
  ({
    id,
    name,
    regionId: "510304",
    roles,
    category: "agency",
    regionPath: D,
    version: 1,
  }) as unknown as UnitRow

describe("the region tree (regions.tree is pre-order, the scope's top has its parent outside)", () => {
  it("nests townships under the district and villages under their township", () => {
    const tree = regionTree(regions)
    expect(tree.map((n) => n.title)).toEqual(["大安区"])
    expect(tree[0]?.children.map((n) => n.title)).toEqual(["牛佛镇", "何市镇"])
    expect(tree[0]?.children[1]?.children.map((n) => n.value)).toEqual(["510304102201", "510304102202"])
  })

  it("a street admin's tree has its street as the root", () => {
    const tree = regionTree(regions.slice(1, 5))
    expect(tree.map((n) => n.title)).toEqual(["牛佛镇"])
    expect(tree[0]?.children).toHaveLength(3)
  })

  it("names a post's place by its region and the one above", () => {
    expect(placeOf("510304102202", regions)).toEqual({ name: "何市镇白岩村", parent: "何市镇" })
    expect(placeOf("510304", regions)).toEqual({ name: "大安区", parent: null })
    expect(placeOf("elsewhere", regions)).toEqual({ name: "elsewhere", parent: null })
  })
})

describe("posts", () => {
  it("a filled post's status follows its placement; a vacant one may be closed and reopened", () => {
    expect(editableStatuses("filled")).toEqual(["filled"])
    expect(editableStatuses("vacant")).toEqual(["vacant", "closed"])
    expect(editableStatuses("closed")).toEqual(["vacant", "closed"])
  })

  it("writing posts needs both permissions the server checks", () => {
    expect(mayWritePosts(["region.read", "region.write", "unit.read", "unit.write"])).toBe(true)
    // A reviewer reads regions and units only.
    expect(mayWritePosts(["region.read", "unit.read"])).toBe(false)
    expect(mayWritePosts(["region.write"])).toBe(false)
  })
})

describe("new accounts", () => {
  it("offers the roles the kernel lets each role create (Access.mayCreateAccount)", () => {
    expect(creatableRoles("org_dept_admin")).toContain("street_admin")
    expect(creatableRoles("street_admin")).toEqual(["host_unit_admin", "reviewer"])
    expect(creatableRoles("reviewer")).toEqual([])
    expect(creatableRoles("integrator")).toEqual([])
  })

  it("binds unit roles to a unit of the matching kind and other roles to a region", () => {
    const units = [unit("u-da-nyj", "大安区农业农村局", ["dispatching"]), unit("u-h", "某接收单位", ["host"])]
    expect(unitsForRole("dispatching_unit_admin", units).map((u) => u.id)).toEqual(["u-da-nyj"])
    expect(unitsForRole("host_unit_admin", units).map((u) => u.id)).toEqual(["u-h"])
    expect(unitsForRole("reviewer", units)).toEqual([])
    const base = { name: " 张三 ", email: " a@b.cn ", password: "x", regionId: "510304101", unitId: "u-h" }
    expect(newAccountOf({ ...base, role: "street_admin" })).toEqual({
      name: "张三",
      email: "a@b.cn",
      password: "x",
      role: "street_admin",
      scope: { regionId: "510304101" },
    })
    expect(newAccountOf({ ...base, role: "host_unit_admin" }).scope).toEqual({ unitId: "u-h" })
  })

  it("names an account's scope by its unit, else its region", () => {
    const units = [unit("u-da-nyj", "大安区农业农村局", ["dispatching"])]
    expect(scopeName({ regionId: "510304", unitId: "u-da-nyj" }, regions, units)).toBe("大安区农业农村局")
    expect(scopeName({ regionId: "510304101", unitId: null }, regions, units)).toBe("牛佛镇")
    expect(scopeName({ regionId: null, unitId: null }, regions, units)).toBe("—")
  })

  it("a token dated a day expires at the end of that day in China", () => {
    expect(new Date(expiryOf("2027-01-31")).toISOString()).toBe("2027-01-31T15:59:59.000Z")
  })
})

describe("chinaDateOf", () => {
  it("names the day in China: 17:30 UTC is already the next day there", () => {
    expect(chinaDateOf("2026-11-25T15:59:59.000Z")).toBe("2026-11-25")
    expect(chinaDateOf("2026-11-25T16:00:00.000Z")).toBe("2026-11-26")
    expect(chinaDateOf("2026-12-31T17:30:00.000Z")).toBe("2027-01-01")
  })
})

describe("the calendar page's helpers", () => {
  it("reads a typed list of dates, whatever the separator", () => {
    expect(parseDates("2026-12-01，2026-12-02、2026-12-03 2026-12-04,2026-12-05")).toEqual([
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
    ])
    expect(parseDates("  ")).toEqual([])
  })
  it("names the region a path ends in, or gives its id when the caller does not see it", () => {
    const regions = [
      { id: "370784", name: "安丘市", level: "district", parentId: "370700", path: "/370000/370700/370784/" },
    ]
    expect(regionOfPath("/370000/370700/370784/", regions as never)).toBe("安丘市")
    expect(regionOfPath("/370000/", regions as never)).toBe("370000")
  })
})
