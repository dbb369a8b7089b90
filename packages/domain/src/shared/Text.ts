/**
 * Bilingual text (zh-CN and en), the form of every message and label the kernel produces.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"

/**
 * A message in both languages the product speaks: zh-CN (default) and en.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Text = Schema.Struct({
  zh: Schema.String,
  en: Schema.String,
}).annotations({ identifier: "Text" })
/**
 * The decoded value of the {@link Text} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Text = typeof Text.Type

/**
 * A language the product speaks.
 *
 * @category models
 * @since 0.1.0
 */
export type Lang = "zh" | "en"

/**
 * A {@link Text} from its Chinese and English wordings.
 *
 * @category constructors
 * @since 0.1.0
 */
export const text = (zh: string, en: string): Text => ({ zh, en })
