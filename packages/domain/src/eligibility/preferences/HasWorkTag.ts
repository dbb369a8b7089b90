import { Schema } from "effect"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/**
 * Some work period on or before the reference date carries a tag (000 一（一）: served as secretary or
 * director assistant in epidemic prevention, "epidemic_assistant").
 */
export const HasWorkTag = Schema.TaggedStruct("HasWorkTag", {
  ...preferenceFields,
  tag: Schema.NonEmptyTrimmedString,
}).annotations({ identifier: "HasWorkTag", title: "具有某类工作经历 / has tagged work" })
export type HasWorkTag = typeof HasWorkTag.Type

export const compile = (pref: HasWorkTag): Match => {
  const tag = pref.tag
  return (profile, ctx) => {
    for (const w of profile.workHistory) if (w.from <= ctx.referenceDate && w.tags.includes(tag)) return true
    return false
  }
}

export const HasWorkTagKind: PreferenceKind<HasWorkTag, typeof HasWorkTag.Encoded> = {
  tag: "HasWorkTag",
  schema: HasWorkTag,
  compile,
}
