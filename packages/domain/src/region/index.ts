/**
 * Regions (区域) and units, and the region tree that scope checks rest on.
 *
 * @since 0.1.0
 */

export * from "./Region.js"
export * from "./RegionTree.js"
export * as StatsCode from "./StatsCode.js"
