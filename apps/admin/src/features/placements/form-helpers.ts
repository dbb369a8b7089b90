/** What the placement forms share: the language of the API's texts, actor choices and the required rule. */
import type { Actor } from "./placement-helpers"

export type Lang = "zh" | "en"

const unique = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)]

/** Each actor once, named in the user's language. */
export const actorOptions = (actors: ReadonlyArray<Actor>, t: (key: string) => string) =>
  unique(actors).map((a) => ({ value: a, label: t(`actors.${a}`) }))

export const required = (message: string) => [{ required: true, whitespace: true, message }]
