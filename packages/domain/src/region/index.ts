export * from "./Region.js"
export * from "./RegionTree.js"
