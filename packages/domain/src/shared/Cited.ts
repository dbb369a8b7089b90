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
 */
export const Qualifier = Schema.Literal("in_principle", "generally").annotations({
  identifier: "Qualifier",
  title: "限定语（原则上 / 一般） / qualifier",
})
export type Qualifier = typeof Qualifier.Type

/** Schema of a cited value of schema `value`. */
export const CitedOf = <A, I, R>(value: Schema.Schema<A, I, R>) =>
  Schema.TaggedStruct("Cited", {
    value,
    citation: Citation,
    qualifier: Schema.optional(Qualifier),
    note: Schema.optional(Text),
  })

/** The document is silent on this parameter; `note` says so and, where useful, who decides instead. */
export const Unspecified = Schema.TaggedStruct("Unspecified", {
  note: Text,
}).annotations({ identifier: "Unspecified", title: "文件未规定 / unspecified" })
export type Unspecified = typeof Unspecified.Type

/** Schema of a scheme parameter: cited or explicitly unspecified. */
export const Param = <A, I, R>(value: Schema.Schema<A, I, R>) => Schema.Union(CitedOf(value), Unspecified)

/** The type of a cited value. */
export interface Cited<A> {
  readonly _tag: "Cited"
  readonly value: A
  readonly citation: Citation
  readonly qualifier?: Qualifier | undefined
  readonly note?: Text | undefined
}
/** The type of a scheme parameter. */
export type Param<A> = Cited<A> | Unspecified

/** Build a cited value. */
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

/** Build an explicit "the document is silent" parameter. */
export const unspecified = (note: Text): Unspecified => ({ _tag: "Unspecified", note })

/** The value of a parameter, if a document gives one. */
export const paramValue = <A>(p: Param<A>): Option.Option<A> =>
  p._tag === "Cited" ? Option.some(p.value) : Option.none()

export const isCited = <A>(p: Param<A>): p is Cited<A> => p._tag === "Cited"
