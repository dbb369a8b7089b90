/**
 * Scheme parameters: either cited from a document, or explicitly unspecified.
 *
 * @since 0.1.0
 */

import { Option, Schema } from "effect"
import { Citation } from "./Citation.js"
import { Text } from "./Text.js"

/**
 * A parameter of a scheme either comes from a document (`Cited`: the value and the clause it comes from) or the
 * document is silent (`Unspecified`: no value, a note saying so). There is no third way: a number that no
 * document states is never written into a scheme as if it were policy.
 *
 * `qualifier` records the hedge words of Chinese policy text: "原则上" (in principle) and "一般" (generally)
 * mark a value that admits justified exceptions (POLICIES "How to read the numbers").
 *
 * @category schemas
 * @since 0.1.0
 */
export const Qualifier = Schema.Literal("in_principle", "generally").annotations({
  identifier: "Qualifier",
  title: "限定语（原则上 / 一般） / qualifier",
})
/**
 * The decoded value of the {@link Qualifier} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Qualifier = typeof Qualifier.Type

/**
 * Schema of a cited value of schema `value`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CitedOf = <A, I, R>(value: Schema.Schema<A, I, R>) =>
  Schema.TaggedStruct("Cited", {
    value,
    citation: Citation,
    qualifier: Schema.optional(Qualifier),
    note: Schema.optional(Text),
  })

/**
 * The document is silent on this parameter; `note` says so and, where useful, who decides instead.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Unspecified = Schema.TaggedStruct("Unspecified", {
  note: Text,
}).annotations({ identifier: "Unspecified", title: "文件未规定 / unspecified" })
/**
 * The decoded value of the {@link Unspecified} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Unspecified = typeof Unspecified.Type

/**
 * Schema of a scheme parameter: cited or explicitly unspecified.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Param = <A, I, R>(value: Schema.Schema<A, I, R>) => Schema.Union(CitedOf(value), Unspecified)

/**
 * The type of a cited value.
 *
 * @category models
 * @since 0.1.0
 */
export interface Cited<A> {
  readonly _tag: "Cited"
  readonly value: A
  readonly citation: Citation
  readonly qualifier?: Qualifier | undefined
  readonly note?: Text | undefined
}
/**
 * The type of a scheme parameter.
 *
 * @category models
 * @since 0.1.0
 */
export type Param<A> = Cited<A> | Unspecified

/**
 * Build a cited value.
 *
 * @category constructors
 * @since 0.1.0
 */
export const cited = <A>(
  value: A,
  citation: Citation,
  options?: { readonly qualifier?: Qualifier; readonly note?: Text },
): Cited<A> => {
  const out: { -readonly [K in keyof Cited<A>]: Cited<A>[K] } = { _tag: "Cited", value, citation }
  if (options?.qualifier !== undefined) out.qualifier = options.qualifier
  if (options?.note !== undefined) out.note = options.note
  return out
}

/**
 * Build an explicit "the document is silent" parameter.
 *
 * @category constructors
 * @since 0.1.0
 */
export const unspecified = (note: Text): Unspecified => ({ _tag: "Unspecified", note })

/**
 * The value of a parameter, if a document gives one.
 *
 * @category getters
 * @since 0.1.0
 */
export const paramValue = <A>(p: Param<A>): Option.Option<A> =>
  p._tag === "Cited" ? Option.some(p.value) : Option.none()

/**
 * Whether a parameter is stated by the document (as opposed to unspecified).
 *
 * @category guards
 * @since 0.1.0
 */
export const isCited = <A>(p: Param<A>): p is Cited<A> => p._tag === "Cited"
