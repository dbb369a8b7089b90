/**
 * Citations: the document and clause a value comes from, with its quote.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"

/**
 * Where a rule or a parameter comes from: the document (for the seed presets, the seed file number such as
 * "000"; for a district's own scheme, its document number such as "杨委组〔2020〕12号") and the clause.
 * Every finding the kernel produces carries the citation of the rule that produced it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Citation = Schema.Struct({
  document: Schema.NonEmptyTrimmedString.annotations({ title: "文件 / document" }),
  clause: Schema.NonEmptyTrimmedString.annotations({ title: "条款 / clause" }),
  quote: Schema.optional(Schema.String).annotations({ title: "原文 / quote" }),
}).annotations({ identifier: "Citation" })
/**
 * The decoded value of the {@link Citation} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Citation = typeof Citation.Type

/**
 * A citation of a clause of a document, with its quote when given.
 *
 * @category constructors
 * @since 0.1.0
 */
export const cite = (document: string, clause: string, quote?: string): Citation =>
  quote === undefined ? { document, clause } : { document, clause, quote }

/**
 * "000 一（一）5" — short human form used in messages.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatCitation = (c: Citation): string => `${c.document} ${c.clause}`
