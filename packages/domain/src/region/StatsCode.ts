/**
 * 统计用区划代码 (the National Bureau of Statistics' 12-digit division codes): digits 1–6 are the county-level
 * division (GB/T 2260), 7–9 the street or township (乡级), 10–12 the community or village (村级). A region id that
 * is such a code says its own level and its parent; any other id (REGION_ID_PATTERN) names its parent explicitly.
 *
 * @since 0.1.0
 */

import type { RegionLevel } from "./Region.js"

/**
 * Whether an id is a 12-digit 统计用区划代码.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isStatsCode = (id: string): boolean => /^\d{12}$/.test(id)

/**
 * The rung a 12-digit code stands for: "county" (digits 7–12 are 0), "town" (10–12 are 0), "village"; undefined
 * for any other id or a code with a zero town part under a non-zero village part.
 *
 * @category getters
 * @since 0.1.0
 */
export const statsCodeRung = (id: string): "county" | "town" | "village" | undefined => {
  if (!isStatsCode(id)) return undefined
  const town = id.slice(6, 9)
  const village = id.slice(9, 12)
  if (town === "000") return village === "000" ? "county" : undefined
  return village === "000" ? "town" : "village"
}

/**
 * Whether a 12-digit code fits the region's level (a street or township is a town-rung code, a community or
 * village a village-rung code, a district a county-rung code). An id that is not a 12-digit code fits any level.
 *
 * @category predicates
 * @since 0.1.0
 */
export const statsCodeFits = (id: string, level: RegionLevel): boolean => {
  if (!isStatsCode(id)) return true
  const rung = statsCodeRung(id)
  switch (level) {
    case "district":
      return rung === "county"
    case "street":
    case "township":
      return rung === "town"
    case "community":
    case "village":
      return rung === "village"
    default:
      return false
  }
}

/**
 * The ids a 12-digit code's parent may carry, most specific first: a community's parent is its town's code in 12
 * digits or in its first 9; a street's is its county's code in 12 digits or in its first 6 (the district's
 * division code). Empty for any other id, and for a county-rung code (its parent is outside the district).
 *
 * @category getters
 * @since 0.1.0
 */
export const statsCodeParents = (id: string): ReadonlyArray<string> => {
  switch (statsCodeRung(id)) {
    case "village":
      return [`${id.slice(0, 9)}000`, id.slice(0, 9)]
    case "town":
      return [`${id.slice(0, 6)}000000`, id.slice(0, 6)]
    default:
      return []
  }
}
