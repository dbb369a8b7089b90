/**
 * The preference registry: every preference kind, the union Schema of preferences, and their compiler.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Match, PreferenceBase } from "../PreferenceKind.js"
import { PreferEmploymentInKind } from "./EmploymentIn.js"
import { HasTagKind } from "./HasTag.js"
import { HasWorkTagKind } from "./HasWorkTag.js"
import { UnitInKind } from "./UnitIn.js"

/**
 * The preference registry (优先条件). Same pattern as rules/: one file per kind, one entry here. Preferences
 * rank eligible candidates; they never change an outcome.
 */
const KINDS = [HasTagKind, HasWorkTagKind, PreferEmploymentInKind, UnitInKind] as const

type KindSchema = (typeof KINDS)[number]["schema"]

/**
 * Any preference (a tagged union on `_tag`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Preference: Schema.Schema<
  Schema.Schema.Type<KindSchema>,
  Schema.Schema.Encoded<KindSchema>
> = Schema.Union(...KINDS.map((k): KindSchema => k.schema)).annotations({
  identifier: "Preference",
  title: "优先条件 / preference",
})
/**
 * Any registered preference value (the union of every preference kind's Schema).
 *
 * @category models
 * @since 0.1.0
 */
export type Preference = Schema.Schema.Type<KindSchema>
/**
 * The tag of a registered preference kind.
 *
 * @category models
 * @since 0.1.0
 */
export type PreferenceTag = Preference["_tag"]

const COMPILERS = new Map<string, (p: Preference) => Match>(
  KINDS.map((k) => [k.tag, k.compile as (p: PreferenceBase) => Match] as const),
)

/**
 * Compile one preference into its matcher (once per scheme).
 *
 * @category rules
 * @since 0.1.0
 */
export const compilePreference = (pref: Preference): Match => {
  const c = COMPILERS.get(pref._tag)
  if (c === undefined) throw new Error(`unknown preference kind: ${pref._tag}`)
  return c(pref)
}

export { PreferEmploymentIn } from "./EmploymentIn.js"
export { HasTag } from "./HasTag.js"
export { HasWorkTag } from "./HasWorkTag.js"
export { UnitIn } from "./UnitIn.js"
