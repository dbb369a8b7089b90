/** Reference data: regions (the tree, merges), the units within them and their posts (seats). */
export type { PostFilter, PostLine, PostRecord, RegionRecord, UnitFilter, UnitRecord } from "@cadre/db"
export { Post, PostStatus } from "@cadre/db"
export { type CreatePostInput, type PostPage, PostService, type UpdatePostInput } from "./PostService.js"
export {
  type CreateRegionInput,
  type MergeRegionInput,
  type MergeResult,
  RegionService,
} from "./RegionService.js"
export { type CreateUnitInput, type UnitPage, UnitService, type UpdateUnitInput } from "./UnitService.js"
