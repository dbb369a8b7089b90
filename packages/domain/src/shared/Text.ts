import { Schema } from "effect"

/** A message in both languages the product speaks: zh-CN (default) and en. */
export const Text = Schema.Struct({
  zh: Schema.String,
  en: Schema.String,
}).annotations({ identifier: "Text" })
export type Text = typeof Text.Type

export type Lang = "zh" | "en"

export const text = (zh: string, en: string): Text => ({ zh, en })
