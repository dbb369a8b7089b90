/**
 * The `HasWorkTag` preference (a work period carries a tag): its Schema and its compiler. Preferences rank eligible candidates;
 * they never exclude one.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/**
 * Some work period on or before the reference date carries a tag (000 一（一）: served as secretary or
 * director assistant in epidemic prevention, "epidemic_assistant").
 *
 * @category schemas
 * @since 0.1.0
 */
export const HasWorkTag = Schema.TaggedStruct("HasWorkTag", {
  ...preferenceFields,
  tag: Schema.NonEmptyTrimmedString,
}).annotations({ identifier: "HasWorkTag", title: "具有某类工作经历 / has tagged work" })
/**
 * The decoded value of the {@link HasWorkTag} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type HasWorkTag = typeof HasWorkTag.Type

/**
 * Compiles a `HasWorkTag` preference, once per scheme, into the plain `Match` that tells whether one
 * candidate is preferred.
 *
 * @category rules
 * @since 0.1.0
 */
export const compile = (pref: HasWorkTag): Match => {
  const tag = pref.tag
  return (profile, ctx) => {
    for (const w of profile.workHistory) if (w.from <= ctx.referenceDate && w.tags.includes(tag)) return true
    return false
  }
}

/**
 * The `HasWorkTag` preference kind: its Schema and its compiler, listed in preferences/index.ts.
 *
 * @category rules
 * @since 0.1.0
 */
export const HasWorkTagKind: PreferenceKind<HasWorkTag, typeof HasWorkTag.Encoded> = {
  tag: "HasWorkTag",
  schema: HasWorkTag,
  compile,
}
