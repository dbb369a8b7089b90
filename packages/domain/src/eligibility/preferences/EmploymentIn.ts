/**
 * The `PreferEmploymentIn` preference (the candidate's employment category is one of a list): its Schema and its compiler. Preferences rank eligible candidates;
 * they never exclude one.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { EmploymentCategory } from "../../person/Profile.js"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/**
 * The candidate's employment category is in a set (001: reserves selected from community workers).
 *
 * @category schemas
 * @since 0.1.0
 */
export const PreferEmploymentIn = Schema.TaggedStruct("PreferEmploymentIn", {
  ...preferenceFields,
  categories: Schema.NonEmptyArray(EmploymentCategory),
}).annotations({ identifier: "PreferEmploymentIn", title: "优先人员类别 / preferred employment category" })
/**
 * The decoded value of the {@link PreferEmploymentIn} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type PreferEmploymentIn = typeof PreferEmploymentIn.Type

/**
 * Compiles a `PreferEmploymentIn` preference, once per scheme, into the plain `Match` that tells whether one
 * candidate is preferred.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (pref: PreferEmploymentIn): Match => {
  const set = new Set<string>(pref.categories)
  return (profile) => set.has(profile.employment)
}

/**
 * The `PreferEmploymentIn` preference kind: its Schema and its compiler, listed in preferences/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const PreferEmploymentInKind: PreferenceKind<PreferEmploymentIn, typeof PreferEmploymentIn.Encoded> = {
  tag: "PreferEmploymentIn",
  schema: PreferEmploymentIn,
  compile,
}
