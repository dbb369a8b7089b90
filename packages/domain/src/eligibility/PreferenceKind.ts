/**
 * The contract of a preference kind: the fields every preference carries and the compiled `Match`.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import type { Profile } from "../person/Profile.js"
import { Citation } from "../shared/Citation.js"
import { Text } from "../shared/Text.js"
import type { EvalContext } from "./RuleKind.js"

/**
 * A preference's key, stable within a scheme.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PreferenceId = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9_.-]*$/),
  Schema.maxLength(64),
).annotations({ identifier: "PreferenceId", title: "优先条件编号 / preference id" })

/**
 * Fields every preference kind carries.
 *
 * @category schemas
 * @since 0.1.0
 */
export const preferenceFields = {
  id: PreferenceId,
  citation: Citation,
  label: Text,
  /**
   * Relative weight when ranking eligible candidates. The seeds say "优先" without numbers, so a weight only
   * orders preferences against each other within one scheme; it never changes an outcome.
   */
  weight: Schema.Number.pipe(Schema.positive(), Schema.finite()).annotations({ title: "权重 / weight" }),
}

/**
 * The common part of every preference value.
 *
 * @category models
 * @since 0.1.0
 */
export interface PreferenceBase {
  readonly _tag: string
  readonly id: string
  readonly citation: Citation
  readonly label: Text
  readonly weight: number
}

/**
 * A compiled preference: does this candidate match? Plain and synchronous.
 *
 * @category models
 * @since 0.1.0
 */
export type Match = (profile: Profile, ctx: EvalContext) => boolean

/**
 * A preference kind: its Schema and its compiler; one file in preferences/ each.
 *
 * @category models
 * @since 0.1.0
 */
export interface PreferenceKind<P extends PreferenceBase, I> {
  readonly tag: P["_tag"]
  readonly schema: Schema.Schema<P, I>
  readonly compile: (pref: P) => Match
}
