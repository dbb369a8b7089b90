import { chinaDate } from "@cadre/ui"
import type { RouterInputs, RouterOutputs } from "@cadre/client"

export type PostRow = RouterOutputs["posts"]["list"]["items"][number]
export type PostStatus = PostRow["status"]
export type RegionRow = RouterOutputs["regions"]["tree"][number]
export type UnitRow = RouterOutputs["units"]["list"]["items"][number]
export type AccountRow = RouterOutputs["accounts"]["list"]["items"][number]
export type NewAccount = RouterInputs["accounts"]["create"]
export type NewAccountRole = NewAccount["role"]
export type LocalAdjustmentRow = RouterOutputs["calendar"]["local"]["adjustments"][number]

export const POST_STATUSES: ReadonlyArray<PostStatus> = ["vacant", "filled", "closed"]
export const postStatusColor: Readonly<Record<PostStatus, string>> = {
  vacant: "orange",
  filled: "green",
  closed: "default",
}

/** A node of antd's TreeSelect: value is the region id. */
export interface RegionNode {
  readonly value: string
  readonly title: string
  readonly children: Array<RegionNode>
}

/**
 * The caller's regions (regions.tree: pre-order, parents first) as a tree. The scope's top region's parent lies
 * outside the scope, so every region whose parent is not in the list is a root.
 */
export const regionTree = (regions: ReadonlyArray<RegionRow>): Array<RegionNode> => {
  const children = new Map<string, Array<RegionRow>>()
  const ids = new Set<string>(regions.map((r) => r.id))
  const roots: Array<RegionRow> = []
  for (const r of regions) {
    const parent = r.parentId ?? null
    if (parent !== null && ids.has(parent)) {
      const list = children.get(parent) ?? []
      list.push(r)
      children.set(parent, list)
    } else roots.push(r)
  }
  const node = (r: RegionRow): RegionNode => ({
    value: r.id,
    title: r.name,
    children: (children.get(r.id) ?? []).map(node),
  })
  return roots.map(node)
}

/** The names from the scope's top down to `regionId` (only the regions the caller sees). */
export const regionTrail = (regionId: string, regions: ReadonlyArray<RegionRow>): ReadonlyArray<string> => {
  const byId = new Map<string, RegionRow>(regions.map((r) => [r.id, r]))
  const names: Array<string> = []
  let cur = byId.get(regionId)
  while (cur !== undefined && names.length < 20) {
    names.unshift(cur.name)
    const parent = cur.parentId ?? null
    cur = parent === null ? undefined : byId.get(parent)
  }
  return names
}

/** Where a post or unit sits, as a person reads it: its own region and the one above (e.g. street). */
export const placeOf = (
  regionId: string,
  regions: ReadonlyArray<RegionRow>,
): { readonly name: string; readonly parent: string | null } => {
  const trail = regionTrail(regionId, regions)
  const name = trail[trail.length - 1] ?? regionId
  return { name, parent: trail.length >= 2 ? (trail[trail.length - 2] ?? null) : null }
}

/**
 * The statuses an edit may set. Filled comes from placements and appointments (which free the post again), so
 * it is never set by hand and a filled post keeps its status here; a vacant post may be closed and reopened.
 */
export const editableStatuses = (current: PostStatus): ReadonlyArray<PostStatus> =>
  current === "filled" ? ["filled"] : ["vacant", "closed"]

/** Roles whose account is bound to a unit; every other role to a region (the server checks the same). */
export const UNIT_ROLES: ReadonlySet<string> = new Set(["dispatching_unit_admin", "host_unit_admin"])

/**
 * The roles a role may create, mirroring the kernel's Access.mayCreateAccount (the app does not bundle the
 * kernel). Only a hint for the form: the server decides, also about the scope, and its refusal is shown.
 */
const CREATES: Readonly<Record<string, ReadonlyArray<NewAccountRole>>> = {
  org_dept_admin: [
    "org_dept_admin",
    "street_admin",
    "dispatching_unit_admin",
    "host_unit_admin",
    "reviewer",
    "integrator",
  ],
  street_admin: ["host_unit_admin", "reviewer"],
}

export const creatableRoles = (role: string): ReadonlyArray<NewAccountRole> => CREATES[role] ?? []

/** The units a unit role may be bound to: dispatching units for a dispatching-unit admin, host units for a host. */
export const unitsForRole = (role: string, units: ReadonlyArray<UnitRow>): ReadonlyArray<UnitRow> => {
  const wanted =
    role === "host_unit_admin" ? "host" : role === "dispatching_unit_admin" ? "dispatching" : null
  return wanted === null ? [] : units.filter((u) => u.roles.includes(wanted))
}

/** An account's scope for a list: the unit's name for unit accounts, else the region's name. */
export const scopeName = (
  account: Pick<AccountRow, "regionId" | "unitId">,
  regions: ReadonlyArray<RegionRow>,
  units: ReadonlyArray<UnitRow>,
): string => {
  if (account.unitId !== null) return units.find((u) => u.id === account.unitId)?.name ?? account.unitId
  if (account.regionId === null) return "—"
  return regions.find((r) => r.id === account.regionId)?.name ?? account.regionId
}

/** The day in China (UTC+8, no summer time) of an ISO timestamp: when an account was created, as people say it. */
export const chinaDateOf = (iso: string): string => chinaDate(new Date(iso))

/** Dates typed as a list: separated by commas (either width), 、 or spaces; empty parts dropped. */
export const parseDates = (text: string): Array<string> =>
  text
    .split(/[\s,，、;；]+/u)
    .map((d) => d.trim())
    .filter((d) => d.length > 0)

/** The region a materialised path ("/a/b/c/") ends in, by name; its id where the caller does not see it. */
export const regionOfPath = (path: string, regions: ReadonlyArray<RegionRow>): string => {
  const ids = path.split("/").filter((s) => s.length > 0)
  const last = ids[ids.length - 1] ?? path
  return regions.find((r) => r.id === last)?.name ?? last
}
