/**
 * The `UnitIn` preference (the candidate's current unit is one of a list): its Schema and its compiler. Preferences rank eligible candidates;
 * they never exclude one.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/**
 * The candidate's current unit is one of the listed units (004 "两个优先": departments tied to the economy,
 * livelihood, projects and petitions). The profile holds the unit's name, so the scheme lists names; a unit
 * category, once profiles carry one, would be a separate kind.
 *
 * @category schemas
 * @since 0.1.0
 */
export const UnitIn = Schema.TaggedStruct("UnitIn", {
  ...preferenceFields,
  units: Schema.NonEmptyArray(Schema.NonEmptyTrimmedString),
}).annotations({ identifier: "UnitIn", title: "来自指定单位 / from listed units" })
/**
 * The decoded value of the {@link UnitIn} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type UnitIn = typeof UnitIn.Type

/**
 * Compiles a `UnitIn` preference, once per scheme, into the plain `Match` that tells whether one candidate is
 * preferred.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (pref: UnitIn): Match => {
  const set = new Set(pref.units)
  return (profile) => profile.currentUnit !== undefined && set.has(profile.currentUnit)
}

/**
 * The `UnitIn` preference kind: its Schema and its compiler, listed in preferences/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const UnitInKind: PreferenceKind<UnitIn, typeof UnitIn.Encoded> = {
  tag: "UnitIn",
  schema: UnitIn,
  compile,
}
