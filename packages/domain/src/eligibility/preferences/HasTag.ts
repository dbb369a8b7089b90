import { Schema } from "effect"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/** The profile carries a tag (e.g. "strong_potential", 004 "两个优先"). */
export const HasTag = Schema.TaggedStruct("HasTag", {
  ...preferenceFields,
  tag: Schema.NonEmptyTrimmedString,
}).annotations({ identifier: "HasTag", title: "具有标签 / has tag" })
export type HasTag = typeof HasTag.Type

export const compile =
  (pref: HasTag): Match =>
  (profile) =>
    profile.tags.includes(pref.tag)

export const HasTagKind: PreferenceKind<HasTag, typeof HasTag.Encoded> = {
  tag: "HasTag",
  schema: HasTag,
  compile,
}
