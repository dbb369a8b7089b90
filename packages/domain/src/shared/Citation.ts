import { Schema } from "effect"

/**
 * Where a rule or a parameter comes from: the document (for the seed presets, the seed file number such as
 * "000"; for a district's own scheme, its document number such as "杨委组〔2020〕12号") and the clause.
 * Every finding the kernel produces carries the citation of the rule that produced it.
 */
export const Citation = Schema.Struct({
  document: Schema.NonEmptyTrimmedString.annotations({ title: "文件 / document" }),
  clause: Schema.NonEmptyTrimmedString.annotations({ title: "条款 / clause" }),
  quote: Schema.optional(Schema.String).annotations({ title: "原文 / quote" }),
}).annotations({ identifier: "Citation" })
export type Citation = typeof Citation.Type

export const cite = (document: string, clause: string, quote?: string): Citation =>
  quote === undefined ? { document, clause } : { document, clause, quote }

/** "000 一（一）5" — short human form used in messages. */
export const formatCitation = (c: Citation): string => `${c.document} ${c.clause}`
