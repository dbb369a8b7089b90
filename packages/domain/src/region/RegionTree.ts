/**
 * The region hierarchy as an immutable tree, built once from a flat list and then queried without walking
 * it: every region knows its pre-order position and subtree size, so `isWithin` is two map look-ups.
 * Access control in the API rests on `isWithin` (a user scoped to a region sees that region and everything
 * beneath it), so building refuses any list that is not a proper tree.
 *
 * @since 0.1.0
 */

import { Data, Either, Option } from "effect"
import type { Text } from "../shared/Text.js"
import {
  ALLOWED_PARENT_LEVELS,
  canBeParentOf,
  type Region,
  REGION_LEVEL_LABELS,
  type RegionId,
  type RegionLevel,
} from "./Region.js"

const both = (t: Text): string => `${t.zh} / ${t.en}`
const describe = (r: Region): Text => ({ zh: `「${r.name}」（${r.id}）`, en: `"${r.name}" (${r.id})` })

/**
 * Two regions share an id.
 *
 * @category errors
 * @since 0.1.0
 */
export class DuplicateRegionId extends Data.TaggedError("DuplicateRegionId")<{
  readonly regionId: RegionId
}> {
  /** Bilingual explanation. */
  get text(): Text {
    return { zh: `区域编号重复：${this.regionId}`, en: `duplicate region id: ${this.regionId}` }
  }
  override get message(): string {
    return both(this.text)
  }
}

/**
 * A region names a parent that is not in the list.
 *
 * @category errors
 * @since 0.1.0
 */
export class MissingParentRegion extends Data.TaggedError("MissingParentRegion")<{
  readonly region: Region
  readonly parentId: RegionId
}> {
  get text(): Text {
    const d = describe(this.region)
    return {
      zh: `区域${d.zh}的上级区域 ${this.parentId} 不存在`,
      en: `the parent region ${this.parentId} of ${d.en} does not exist`,
    }
  }
  override get message(): string {
    return both(this.text)
  }
}

/**
 * Following parents from a region comes back to it. `regionIds` lists the cycle, child first.
 *
 * @category errors
 * @since 0.1.0
 */
export class RegionCycle extends Data.TaggedError("RegionCycle")<{
  readonly regionIds: ReadonlyArray<RegionId>
}> {
  get text(): Text {
    const loop = [...this.regionIds, this.regionIds[0]].join(" → ")
    return { zh: `区域上下级关系存在循环：${loop}`, en: `regions form a cycle: ${loop}` }
  }
  override get message(): string {
    return both(this.text)
  }
}

/**
 * A region sits under a parent whose level is not the rung above it (e.g. a community directly under a district).
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidParentLevel extends Data.TaggedError("InvalidParentLevel")<{
  readonly region: Region
  readonly parent: Region
}> {
  get text(): Text {
    const d = describe(this.region)
    const p = describe(this.parent)
    const level = REGION_LEVEL_LABELS[this.region.level]
    const parentLevel = REGION_LEVEL_LABELS[this.parent.level]
    const allowed: ReadonlyArray<RegionLevel> = ALLOWED_PARENT_LEVELS[this.region.level]
    const allowedZh =
      allowed.length === 0 ? "无（只能是顶级）" : allowed.map((l) => REGION_LEVEL_LABELS[l].zh).join("或")
    const allowedEn =
      allowed.length === 0
        ? "nothing (top level only)"
        : allowed.map((l) => REGION_LEVEL_LABELS[l].en).join(" or ")
    return {
      zh: `${level.zh}${d.zh}不能隶属于${parentLevel.zh}${p.zh}，应隶属于${allowedZh}`,
      en: `${level.en} ${d.en} cannot be under ${parentLevel.en} ${p.en}; it must be under a ${allowedEn}`,
    }
  }
  override get message(): string {
    return both(this.text)
  }
}

/**
 * Every reason a list of regions does not form a tree.
 *
 * @category errors
 * @since 0.1.0
 */
export type RegionTreeError = DuplicateRegionId | MissingParentRegion | RegionCycle | InvalidParentLevel

interface Position {
  /** Index in pre-order. */
  readonly index: number
  /** Number of regions in the subtree, the region itself included. */
  readonly size: number
  /** 0 for a root. */
  readonly depth: number
}

/**
 * A validated region hierarchy (a forest: a deployment may hold several top-level regions).
 *
 * @category models
 * @since 0.1.0
 */
export interface RegionTree {
  /** Top-level regions, in input order. */
  readonly roots: ReadonlyArray<Region>
  /** Every region in pre-order (parents before children, siblings in input order). */
  readonly order: ReadonlyArray<Region>
  readonly byId: ReadonlyMap<RegionId, Region>
  readonly children: ReadonlyMap<RegionId, ReadonlyArray<Region>>
  readonly position: ReadonlyMap<RegionId, Position>
}

/**
 * Build the tree from a flat list, reporting every problem found (duplicate ids, missing parents, levels that
 * do not fit the ladder, cycles) rather than only the first, so an import can be fixed in one pass.
 *
 * @category constructors
 * @since 0.1.0
 */
export function buildRegionTree(
  regions: Iterable<Region>,
): Either.Either<RegionTree, readonly [RegionTreeError, ...Array<RegionTreeError>]> {
  const errors: Array<RegionTreeError> = []
  const byId = new Map<RegionId, Region>()
  const list: Array<Region> = []
  for (const r of regions) {
    if (byId.has(r.id)) {
      errors.push(new DuplicateRegionId({ regionId: r.id }))
      continue
    }
    byId.set(r.id, r)
    list.push(r)
  }

  const children = new Map<RegionId, Array<Region>>()
  const roots: Array<Region> = []
  for (const r of list) {
    if (r.parentId === undefined) {
      roots.push(r)
      continue
    }
    const parent = byId.get(r.parentId)
    if (parent === undefined) {
      errors.push(new MissingParentRegion({ region: r, parentId: r.parentId }))
      continue
    }
    if (!canBeParentOf(parent.level, r.level)) errors.push(new InvalidParentLevel({ region: r, parent }))
    const siblings = children.get(parent.id)
    if (siblings === undefined) children.set(parent.id, [r])
    else siblings.push(r)
  }

  // Cycles: follow parents from each region; meeting a region of the current walk closes a cycle.
  // (Level checks alone would also reject a cycle, but the cycle is the clearer message.)
  const state = new Map<RegionId, "walking" | "done">()
  for (const start of list) {
    const walk: Array<RegionId> = []
    let cur: Region | undefined = start
    while (cur !== undefined && !state.has(cur.id)) {
      state.set(cur.id, "walking")
      walk.push(cur.id)
      cur = cur.parentId === undefined ? undefined : byId.get(cur.parentId)
    }
    if (cur !== undefined && state.get(cur.id) === "walking") {
      errors.push(new RegionCycle({ regionIds: walk.slice(walk.indexOf(cur.id)) }))
    }
    for (const id of walk) state.set(id, "done")
  }

  const [first, ...rest] = errors
  if (first !== undefined) return Either.left([first, ...rest])

  // Pre-order with subtree sizes, iteratively (no recursion limit on deep or wide trees).
  const order: Array<Region> = []
  const index = new Map<RegionId, number>()
  const depthOf = new Map<RegionId, number>()
  const stack: Array<Region> = []
  for (let i = roots.length - 1; i >= 0; i--) {
    const root = roots[i]
    if (root !== undefined) {
      stack.push(root)
      depthOf.set(root.id, 0)
    }
  }
  while (stack.length > 0) {
    const r = stack.pop()
    if (r === undefined) break
    index.set(r.id, order.length)
    order.push(r)
    const kids = children.get(r.id) ?? []
    const d = (depthOf.get(r.id) ?? 0) + 1
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]
      if (k !== undefined) {
        depthOf.set(k.id, d)
        stack.push(k)
      }
    }
  }
  // Subtree sizes, children before parents: walk pre-order backwards.
  const size = new Map<RegionId, number>()
  for (let i = order.length - 1; i >= 0; i--) {
    const r = order[i]
    if (r === undefined) continue
    let s = 1
    for (const k of children.get(r.id) ?? []) s += size.get(k.id) ?? 0
    size.set(r.id, s)
  }
  const position = new Map<RegionId, Position>()
  for (const r of order) {
    position.set(r.id, {
      index: index.get(r.id) ?? 0,
      size: size.get(r.id) ?? 1,
      depth: depthOf.get(r.id) ?? 0,
    })
  }
  return Either.right({ roots, order, byId, children, position })
}

/**
 * The region with this id.
 *
 * @category getters
 * @since 0.1.0
 */
export const getRegion = (tree: RegionTree, id: RegionId): Option.Option<Region> =>
  Option.fromNullable(tree.byId.get(id))

/**
 * Direct children, in input order; empty for a leaf or an unknown id.
 *
 * @category getters
 * @since 0.1.0
 */
export const childrenOf = (tree: RegionTree, id: RegionId): ReadonlyArray<Region> =>
  tree.children.get(id) ?? []

/**
 * Ancestors from the parent up to the top (nearest first); empty for a root or an unknown id.
 *
 * @category getters
 * @since 0.1.0
 */
export function ancestorsOf(tree: RegionTree, id: RegionId): ReadonlyArray<Region> {
  const out: Array<Region> = []
  let parentId = tree.byId.get(id)?.parentId
  while (parentId !== undefined) {
    const parent = tree.byId.get(parentId)
    if (parent === undefined) break
    out.push(parent)
    parentId = parent.parentId
  }
  return out
}

/**
 * Everything beneath a region (not the region itself), in pre-order; empty for a leaf or an unknown id.
 *
 * @category getters
 * @since 0.1.0
 */
export function descendantsOf(tree: RegionTree, id: RegionId): ReadonlyArray<Region> {
  const p = tree.position.get(id)
  return p === undefined ? [] : tree.order.slice(p.index + 1, p.index + p.size)
}

/**
 * Whether `targetId` is `scopeId` itself or lies beneath it. False when either id is unknown: an unknown
 * scope grants nothing. O(1).
 *
 * @category predicates
 * @since 0.1.0
 */
export function isWithin(tree: RegionTree, scopeId: RegionId, targetId: RegionId): boolean {
  const s = tree.position.get(scopeId)
  const t = tree.position.get(targetId)
  return s !== undefined && t !== undefined && t.index >= s.index && t.index < s.index + s.size
}

/**
 * Depth below the top of the tree (0 for a root); none for an unknown id.
 *
 * @category getters
 * @since 0.1.0
 */
export const depthOf = (tree: RegionTree, id: RegionId): Option.Option<number> =>
  Option.map(Option.fromNullable(tree.position.get(id)), (p) => p.depth)
