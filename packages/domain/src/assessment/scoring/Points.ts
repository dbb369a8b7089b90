/**
 * What every scoring rule shares: the "undetermined" answer where the scheme leaves something open, the error for
 * a score that does not fit, and points held exactly in hundredths. Used by the modules of assessment/scoring/;
 * the public names are re-exported by assessment/Scoring.ts.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { Text } from "../../shared/Text.js"
import { rational, show } from "../Rational.js"

/**
 * Something the scheme leaves open, so the kernel cannot compute it.
 *
 * @category models
 * @since 0.1.0
 */
export interface Undetermined {
  readonly _tag: "Undetermined"
  readonly note: Text
}

/**
 * A score sheet that does not fit the scheme's scoring.
 *
 * @category errors
 * @since 0.1.0
 */
export class ScoreInvalid extends Schema.TaggedError<ScoreInvalid>()("ScoreInvalid", { detail: Text }) {
  get text(): Text {
    return { zh: `评分有误：${this.detail.zh}`, en: `invalid score: ${this.detail.en}` }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * A Left carrying a {@link ScoreInvalid} with this detail. Internal to the scoring rules.
 *
 * @category constructors
 * @since 0.1.0
 */
export const invalid = (zh: string, en: string) => Either.left(new ScoreInvalid({ detail: { zh, en } }))

/**
 * Points → hundredths, or undefined when negative, not finite or with more than two decimals. Internal to the
 * scoring rules.
 *
 * @category utils
 * @since 0.1.0
 */
export const hundredths = (points: number): number | undefined => {
  if (!Number.isFinite(points) || points < 0) return undefined
  const h = Math.round(points * 100)
  return Math.abs(h - points * 100) < 1e-6 ? h : undefined
}

/**
 * Hundredths of a point, shown as points ("85.5"). Internal to the scoring rules.
 *
 * @category utils
 * @since 0.1.0
 */
export const showPoints = (h: number): string => show(rational(h, 100))
