/**
 * Presets: schemes written from the seed documents, decoded (and so validated) when loaded.
 *
 * @since 0.1.0
 */

import { type Either, type ParseResult, Schema } from "effect"
import type { Citation } from "../shared/Citation.js"
import type { Text } from "../shared/Text.js"
import { Scheme, type SchemeEncoded } from "./Scheme.js"

/**
 * A preset: a scheme written from one seed document, in the encoded (JSON) form so that it reads like the data a
 * district admin would store. Presets are decoded (and so validated) when loaded, never trusted as typed values.
 *
 * How to write one (presets/<region>-<programme>.ts):
 * - every value from the document goes through `cited(value, c("一（一）5", "原文"))`, with the qualifier
 *   "in_principle" / "generally" where the text says 原则上 / 一般;
 * - where the document is silent, `unspecified(text("…", "…"))` says so — never a made-up number;
 * - rule ids are short snake_case keys, stable across versions (diffs and waivers use them);
 * - add the preset to presets/index.ts and a test that cites the seed and clause.
 *
 * @category models
 * @since 0.1.0
 */
export interface Preset {
  /** Stable key, e.g. "yangpu-community-secretary". */
  readonly key: string
  /** The seed file number the preset was written from, e.g. "000". */
  readonly seed: string
  readonly title: Text
  readonly encoded: SchemeEncoded
}

/**
 * A citation helper bound to one document: `const c = citeIn("000"); c("一（一）5", "原文")`.
 *
 * @category utils
 * @since 0.1.0
 */
export const citeIn =
  (document: string) =>
  (clause: string, quote?: string): Citation =>
    quote === undefined ? { document, clause } : { document, clause, quote }

/**
 * Decode a preset into a Scheme (validating it).
 *
 * @category constructors
 * @since 0.1.0
 */
export const decodePreset = (p: Preset): Either.Either<Scheme, ParseResult.ParseError> =>
  Schema.decodeEither(Scheme)(p.encoded)

/**
 * Decode a preset, throwing on an invalid one (presets are tested, so this is a defect).
 *
 * @category constructors
 * @since 0.1.0
 */
export const loadPreset = (p: Preset): Scheme => Schema.decodeSync(Scheme)(p.encoded)
