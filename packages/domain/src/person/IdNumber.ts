/**
 * The 18-character citizen ID number (公民身份号码) of GB 11643-1999:
 * 6-digit address code, 8-digit birth date (YYYYMMDD), 3-digit sequence code (odd for men, even for women),
 * and a check character computed with ISO 7064 MOD 11-2.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { isValidIsoDate, type LocalDate } from "../shared/LocalDate.js"
import type { Sex } from "./Sex.js"

/** ISO 7064 MOD 11-2 weights for positions 1–17 (2^(18-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
/** Check character for each value of the weighted sum mod 11. */
const CHECK_CHARS = "10X98765432"

const SEVENTEEN_DIGITS = /^\d{17}$/
const ID_SHAPE = /^\d{17}[\dX]$/

/**
 * The check character (0–9 or "X") for the first 17 digits of an ID number.
 * Throws if `first17` is not exactly 17 digits: callers pass data they have already shaped.
 *
 * @category utils
 * @since 0.1.0
 */
export function checkCharacter(first17: string): string {
  if (!SEVENTEEN_DIGITS.test(first17)) throw new Error(`checkCharacter expects 17 digits, got "${first17}"`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS.charAt(sum % 11)
}

/**
 * Why a string is not a valid ID number; `undefined` when it is. Expects a trimmed, upper-cased string.
 *
 * @category models
 * @since 0.1.0
 */
export type IdNumberProblem = "length" | "characters" | "birth_date" | "checksum"

/**
 * The first problem found in a (trimmed, upper-cased) candidate, or `undefined` if it is a valid ID number.
 *
 * @category utils
 * @since 0.1.0
 */
export function idNumberProblem(s: string): IdNumberProblem | undefined {
  if (s.length !== 18) return "length"
  if (!ID_SHAPE.test(s)) return "characters"
  if (!isValidIsoDate(`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`)) return "birth_date"
  if (checkCharacter(s.slice(0, 17)) !== s.charAt(17)) return "checksum"
  return undefined
}

/** Bilingual "中文 / English" message for each problem (the decode-error formatter splits on " / "). */
const problemMessage = (problem: IdNumberProblem, s: string): string => {
  switch (problem) {
    case "length":
      return `身份证号应为 18 位，实际为 ${s.length} 位 / ID number must have 18 characters, got ${s.length}`
    case "characters":
      return "身份证号前 17 位应为数字，最后一位为数字或 X / ID number must be 17 digits followed by a digit or X"
    case "birth_date":
      return "身份证号中的出生日期（第 7–14 位）不是有效日期 / the birth date in the ID number (characters 7–14) is not a valid date"
    case "checksum":
      // Deliberately not revealing the expected check character: the typo is usually in another digit.
      return "身份证号校验位不正确，请检查是否输错 / ID number check character is wrong; please check for a typo"
  }
}

/** Decode-side normalisation: surrounding spaces dropped, a lowercase check character `x` becomes `X`. */
const Normalised = Schema.transform(Schema.String, Schema.String, {
  strict: true,
  decode: (s) => s.trim().toUpperCase(),
  encode: (s) => s,
})

/**
 * A valid 18-character citizen ID number, normalised (upper-case X, no surrounding spaces).
 *
 * @category schemas
 * @since 0.1.0
 */
export const IdNumber = Normalised.pipe(
  Schema.filter((s) => {
    const problem = idNumberProblem(s)
    return problem === undefined ? true : problemMessage(problem, s)
  }),
  Schema.brand("IdNumber"),
).annotations({ identifier: "IdNumber", title: "身份证号 / ID number" })
/**
 * The decoded value of the {@link IdNumber} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type IdNumber = typeof IdNumber.Type

/**
 * The birth date embedded in an ID number (characters 7–14).
 *
 * @category getters
 * @since 0.1.0
 */
export const birthDateOf = (id: IdNumber): LocalDate =>
  `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` as LocalDate

/**
 * The sex encoded in an ID number: the 17th digit is odd for a man, even for a woman.
 *
 * @category getters
 * @since 0.1.0
 */
export const sexOf = (id: IdNumber): Sex => ((id.charCodeAt(16) - 48) % 2 === 1 ? "male" : "female")

/**
 * Mask an ID number for display, keeping the region code and the last four: "110101********123X".
 *
 * @category utils
 * @since 0.1.0
 */
export const maskIdNumber = (id: IdNumber | string): string =>
  id.length <= 10 ? "*".repeat(id.length) : `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`
