/**
 * Schemes (方案) as data: one Schema for every programme kind, versions with effective dates, parameter-level
 * diffs, and the presets written from the seed documents.
 *
 * @since 0.1.0
 */
export {
  type Cited,
  CitedOf,
  cited,
  isCited,
  Param,
  paramValue,
  Qualifier,
  Unspecified,
  unspecified,
} from "../shared/Cited.js"
export { diff, diffEncoded, jsonEqual, SchemeChange } from "./Diff.js"
export { citeIn, decodePreset, loadPreset, type Preset } from "./Preset.js"
export { PRESETS, presetByKey, yangpuCommunitySecretary } from "./presets/index.js"
export * from "./Scheme.js"
export {
  addVersion,
  checkSuccessor,
  governsOn,
  inForceOn,
  latest,
  NoVersionInForce,
  SchemeMismatch,
  VersionNotSuccessor,
  versionInForce,
} from "./Versions.js"
