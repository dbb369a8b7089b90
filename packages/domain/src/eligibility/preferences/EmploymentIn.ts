import { Schema } from "effect"
import { EmploymentCategory } from "../../person/Profile.js"
import type { Match, PreferenceKind } from "../PreferenceKind.js"
import { preferenceFields } from "../PreferenceKind.js"

/** The candidate's employment category is in a set (001: reserves selected from community workers). */
export const PreferEmploymentIn = Schema.TaggedStruct("PreferEmploymentIn", {
  ...preferenceFields,
  categories: Schema.NonEmptyArray(EmploymentCategory),
}).annotations({ identifier: "PreferEmploymentIn", title: "优先人员类别 / preferred employment category" })
export type PreferEmploymentIn = typeof PreferEmploymentIn.Type

export const compile = (pref: PreferEmploymentIn): Match => {
  const set = new Set<string>(pref.categories)
  return (profile) => set.has(profile.employment)
}

export const PreferEmploymentInKind: PreferenceKind<PreferEmploymentIn, typeof PreferEmploymentIn.Encoded> = {
  tag: "PreferEmploymentIn",
  schema: PreferEmploymentIn,
  compile,
}
