import { Schema } from "effect"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/**
 * The candidate's current unit is one of the listed units (004 "两个优先": departments tied to the economy,
 * livelihood, projects and petitions). The profile holds the unit's name, so the scheme lists names; a unit
 * category, once profiles carry one, would be a separate kind.
 */
export const UnitIn = Schema.TaggedStruct("UnitIn", {
  ...preferenceFields,
  units: Schema.NonEmptyArray(Schema.NonEmptyTrimmedString),
}).annotations({ identifier: "UnitIn", title: "来自指定单位 / from listed units" })
export type UnitIn = typeof UnitIn.Type

export const compile = (pref: UnitIn): Match => {
  const set = new Set(pref.units)
  return (profile) => profile.currentUnit !== undefined && set.has(profile.currentUnit)
}

export const UnitInKind: PreferenceKind<UnitIn, typeof UnitIn.Encoded> = {
  tag: "UnitIn",
  schema: UnitIn,
  compile,
}
