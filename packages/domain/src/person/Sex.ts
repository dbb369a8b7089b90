/**
 * A person's sex, as the citizen ID number records it.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"

/**
 * Sex as recorded in the cadre profile and encoded in the citizen ID number (GB 11643-1999, 17th digit).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Sex = Schema.Literal("male", "female").annotations({ identifier: "Sex", title: "性别 / sex" })
/**
 * The decoded value of the {@link Sex} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Sex = typeof Sex.Type
