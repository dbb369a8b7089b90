import { Either, Option, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { formatDecodeErrorText } from "../shared/Decode.js"
import {
  ALLOWED_PARENT_LEVELS,
  REGION_LEVELS,
  type Region,
  type RegionId,
  type RegionLevel,
  Unit,
} from "./Region.js"
import {
  ancestorsOf,
  buildRegionTree,
  childrenOf,
  depthOf,
  descendantsOf,
  isWithin,
  type RegionTree,
  type RegionTreeError,
} from "./RegionTree.js"

const rid = (s: string) => s as RegionId
const region = (id: string, level: RegionLevel, parentId?: string, name = id): Region =>
  parentId === undefined
    ? { id: rid(id), name, level }
    : { id: rid(id), name, level, parentId: rid(parentId) }

// Shanghai is a municipality: its districts sit directly under the province-level city.
const sample: ReadonlyArray<Region> = [
  region("sh", "province", undefined, "上海市"),
  region("yp", "district", "sh", "杨浦区"),
  region("wjc", "street", "yp", "五角场街道"),
  region("zll", "community", "wjc", "政立路居民区"),
  region("gz", "province", undefined, "贵州省"),
  region("gy", "city", "gz", "贵阳市"),
  region("by", "district", "gy", "白云区"),
  region("dsl", "township", "by", "都拉布依族乡"),
  region("jt", "village", "dsl", "某村"),
  region("cm", "community", "wjc", "国定路居民区"),
]

const build = (regions: ReadonlyArray<Region>): RegionTree => {
  const r = buildRegionTree(regions)
  if (Either.isLeft(r)) throw new Error(r.left.map((e) => e.message).join("\n"))
  return r.right
}
const errorsOf = (regions: ReadonlyArray<Region>): ReadonlyArray<RegionTreeError> => {
  const r = buildRegionTree(regions)
  if (Either.isRight(r)) throw new Error("expected the tree to be rejected")
  return r.left
}
const ids = (rs: ReadonlyArray<Region>) => rs.map((r) => r.id)

describe("buildRegionTree", () => {
  const tree = build(sample)

  it("builds the hierarchy, children in input order, pre-order overall", () => {
    expect(ids(tree.roots)).toEqual(["sh", "gz"])
    expect(ids(childrenOf(tree, rid("wjc")))).toEqual(["zll", "cm"])
    expect(ids(tree.order)).toEqual(["sh", "yp", "wjc", "zll", "cm", "gz", "gy", "by", "dsl", "jt"])
    expect(depthOf(tree, rid("jt"))).toEqual(Option.some(4))
    expect(depthOf(tree, rid("nowhere"))).toEqual(Option.none())
  })

  it("ancestorsOf lists the parent first, up to the top", () => {
    expect(ids(ancestorsOf(tree, rid("zll")))).toEqual(["wjc", "yp", "sh"])
    expect(ancestorsOf(tree, rid("sh"))).toEqual([])
    expect(ancestorsOf(tree, rid("nowhere"))).toEqual([])
  })

  it("descendantsOf lists everything beneath, not the region itself", () => {
    expect(ids(descendantsOf(tree, rid("yp")))).toEqual(["wjc", "zll", "cm"])
    expect(descendantsOf(tree, rid("zll"))).toEqual([])
    expect(descendantsOf(tree, rid("nowhere"))).toEqual([])
  })

  it("isWithin: a scope contains itself and everything beneath it, nothing else", () => {
    expect(isWithin(tree, rid("yp"), rid("yp"))).toBe(true)
    expect(isWithin(tree, rid("yp"), rid("zll"))).toBe(true)
    expect(isWithin(tree, rid("sh"), rid("cm"))).toBe(true)
    expect(isWithin(tree, rid("zll"), rid("yp"))).toBe(false) // not upwards
    expect(isWithin(tree, rid("zll"), rid("cm"))).toBe(false) // not sideways
    expect(isWithin(tree, rid("sh"), rid("jt"))).toBe(false) // not across trees
    expect(isWithin(tree, rid("nowhere"), rid("yp"))).toBe(false) // an unknown scope grants nothing
    expect(isWithin(tree, rid("yp"), rid("nowhere"))).toBe(false)
  })

  it("rejects a duplicate id", () => {
    const [e] = errorsOf([...sample, region("yp", "district", "sh")])
    expect(e?._tag).toBe("DuplicateRegionId")
    expect(e?.message).toBe("区域编号重复：yp / duplicate region id: yp")
  })

  it("rejects a missing parent", () => {
    const [e] = errorsOf([...sample, region("x", "community", "ghost", "幽灵居民区")])
    expect(e?._tag).toBe("MissingParentRegion")
    expect(e?.text.zh).toBe("区域「幽灵居民区」（x）的上级区域 ghost 不存在")
    expect(e?.text.en).toBe('the parent region ghost of "幽灵居民区" (x) does not exist')
  })

  it("rejects a community directly under a district: it must be under a street or township", () => {
    const [e] = errorsOf([...sample, region("bad", "community", "yp", "越级社区")])
    expect(e?._tag).toBe("InvalidParentLevel")
    expect(e?.text.zh).toBe("社区「越级社区」（bad）不能隶属于区（县）「杨浦区」（yp），应隶属于街道或乡镇")
    expect(e?.text.en).toContain("it must be under a street or township")
  })

  it("rejects a street under a city, a village under a village, a province under anything, same-level nesting", () => {
    const errors = errorsOf([
      ...sample,
      region("s2", "street", "gy"),
      region("v2", "village", "jt"),
      region("p2", "province", "sh"),
      region("d2", "district", "yp"),
      region("c2", "city", "gy"),
      region("t2", "township", "dsl"),
    ])
    expect(errors.map((e) => e._tag)).toEqual(Array(6).fill("InvalidParentLevel"))
    expect(errors[2]?.text.en).toContain("nothing (top level only)")
  })

  it("accepts a district directly under a province (municipality) and a tree that starts at a district", () => {
    const t = build([region("d", "district"), region("s", "street", "d"), region("c", "community", "s")])
    expect(isWithin(t, rid("d"), rid("c"))).toBe(true)
  })

  it("rejects cycles, including a region that is its own parent", () => {
    const errors = errorsOf([
      region("a", "district", "b"),
      region("b", "district", "a"),
      region("self", "street", "self"),
      region("c", "street", "a"), // hangs off the cycle: level-valid, reported only through the cycle
    ])
    const cycles = errors.filter((e) => e._tag === "RegionCycle")
    expect(cycles.map((e) => [...e.regionIds].sort())).toEqual([["a", "b"], ["self"]])
    expect(cycles[0]?.message).toContain("→")
  })

  it("collects every problem rather than stopping at the first", () => {
    const errors = errorsOf([
      ...sample,
      region("yp", "district", "sh"),
      region("x", "community", "ghost"),
      region("bad", "community", "yp"),
    ])
    expect(errors.map((e) => e._tag)).toEqual([
      "DuplicateRegionId",
      "MissingParentRegion",
      "InvalidParentLevel",
    ])
  })
})

/** A random forest whose levels obey the ladder, as a flat list with shuffled order. */
const arbForest = fc
  .array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 60 })
  .chain((specs) => {
    const out: Array<Region> = []
    specs.forEach(([parentPick, levelPick, makeRoot], i) => {
      const candidates = out.filter((p) =>
        REGION_LEVELS.some((l) => ALLOWED_PARENT_LEVELS[l].includes(p.level)),
      )
      const parent =
        makeRoot || candidates.length === 0 ? undefined : candidates[parentPick % candidates.length]
      const levels =
        parent === undefined
          ? REGION_LEVELS
          : REGION_LEVELS.filter((l) => ALLOWED_PARENT_LEVELS[l].includes(parent.level))
      const level = levels[levelPick % levels.length] ?? "province"
      out.push(region(`r${i}`, level, parent?.id))
    })
    return fc.shuffledSubarray(out, { minLength: out.length, maxLength: out.length })
  })

/** Ancestors by walking the raw parent pointers: the oracle for the tree's answers. */
const naiveAncestors = (regions: ReadonlyArray<Region>, id: RegionId): ReadonlyArray<RegionId> => {
  const byId = new Map(regions.map((r) => [r.id, r]))
  const out: Array<RegionId> = []
  let p = byId.get(id)?.parentId
  while (p !== undefined) {
    out.push(p)
    p = byId.get(p)?.parentId
  }
  return out
}

describe("RegionTree properties", () => {
  it("property: isWithin(a, b) iff a is b or an ancestor of b", () => {
    fc.assert(
      fc.property(arbForest, (regions) => {
        const tree = build(regions)
        for (const a of regions)
          for (const b of regions) {
            const expected = a.id === b.id || naiveAncestors(regions, b.id).includes(a.id)
            expect(isWithin(tree, a.id, b.id)).toBe(expected)
          }
      }),
      { numRuns: 60 },
    )
  })

  it("property: ancestorsOf matches the parent pointers; descendantsOf is exactly what isWithin admits", () => {
    fc.assert(
      fc.property(arbForest, (regions) => {
        const tree = build(regions)
        expect(tree.order).toHaveLength(regions.length)
        for (const r of regions) {
          expect(ids(ancestorsOf(tree, r.id))).toEqual(naiveAncestors(regions, r.id))
          const within = regions.filter((x) => x.id !== r.id && isWithin(tree, r.id, x.id)).map((x) => x.id)
          expect([...ids(descendantsOf(tree, r.id))].sort()).toEqual([...within].sort())
        }
      }),
      { numRuns: 60 },
    )
  })

  it("property: re-parenting a region under one of its own descendants is reported as a cycle", () => {
    fc.assert(
      fc.property(arbForest, fc.nat(), fc.nat(), (regions, i, j) => {
        const tree = build(regions)
        const withKids = regions.filter((r) => descendantsOf(tree, r.id).length > 0)
        const top = withKids[i % Math.max(1, withKids.length)]
        if (top === undefined) return
        const below = descendantsOf(tree, top.id)
        const newParent = below[j % below.length]
        if (newParent === undefined) return
        const mutated = regions.map((r) => (r.id === top.id ? { ...r, parentId: newParent.id } : r))
        expect(errorsOf(mutated).some((e) => e._tag === "RegionCycle")).toBe(true)
      }),
      { numRuns: 60 },
    )
  })
})

describe("Unit", () => {
  const decode = Schema.decodeUnknownEither(Unit)
  const unit = { id: "u1", name: "区民政局", regionId: "yp", roles: ["dispatching"], category: "agency" }

  it("decodes a dispatching unit and a unit that both dispatches and hosts", () => {
    expect(Either.isRight(decode(unit))).toBe(true)
    expect(
      Either.isRight(decode({ ...unit, roles: ["dispatching", "host"], category: "petition_bureau" })),
    ).toBe(true)
  })

  it("needs at least one role, without repeats, and a known category", () => {
    const text = (input: unknown) => {
      const r = decode(input, { errors: "all" })
      return Either.isLeft(r) ? formatDecodeErrorText(r.left, "en") : "ok"
    }
    expect(text({ ...unit, roles: [] })).toBe("roles: must have at least 1 item(s)")
    expect(text({ ...unit, roles: ["host", "host"] })).toBe("roles: roles must not repeat")
    expect(text({ ...unit, category: "ngo" })).toContain("unit category (category): must be one of: agency")
  })
})
