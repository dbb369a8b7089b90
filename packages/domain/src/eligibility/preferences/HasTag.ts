/**
 * The `HasTag` preference (the profile carries a tag): its Schema and its compiler. Preferences rank eligible candidates;
 * they never exclude one.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/**
 * The profile carries a tag (e.g. "strong_potential", 004 "两个优先").
 *
 * @category schemas
 * @since 0.1.0
 */
export const HasTag = Schema.TaggedStruct("HasTag", {
  ...preferenceFields,
  tag: Schema.NonEmptyTrimmedString,
}).annotations({ identifier: "HasTag", title: "具有标签 / has tag" })
/**
 * The decoded value of the {@link HasTag} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type HasTag = typeof HasTag.Type

/**
 * Compiles a `HasTag` preference, once per scheme, into the plain `Match` that tells whether one candidate is
 * preferred.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile =
  (pref: HasTag): Match =>
  (profile) =>
    profile.tags.includes(pref.tag)

/**
 * The `HasTag` preference kind: its Schema and its compiler, listed in preferences/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const HasTagKind: PreferenceKind<HasTag, typeof HasTag.Encoded> = {
  tag: "HasTag",
  schema: HasTag,
  compile,
}
