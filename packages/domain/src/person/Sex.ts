import { Schema } from "effect"

/** Sex as recorded in the cadre profile and encoded in the citizen ID number (GB 11643-1999, 17th digit). */
export const Sex = Schema.Literal("male", "female").annotations({ identifier: "Sex", title: "性别 / sex" })
export type Sex = typeof Sex.Type
