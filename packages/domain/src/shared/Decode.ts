/**
 * Decode errors people can read: every problem names the field in Chinese and English and says what is wrong
 * in both languages, e.g. "出生日期（birthDate）：日期格式应为 YYYY-MM-DD 且为真实日期" /
 * "birth date (birthDate): date must be YYYY-MM-DD and a real calendar date".
 *
 * Conventions it relies on (used throughout the kernel's schemas):
 * - a field's `title` annotation is "中文 / English"; titles without " / " (such as Effect's built-in
 *   "string" or "maxLength(50)") are not used as field names, the property key is used instead;
 * - a custom message (filter result or `message` annotation) is "中文 / English"; one without " / " is
 *   shown as is in both languages.
 *
 * The parts live in shared/decode/: naming the field (Fields, with the fallback names in FieldNames) and saying
 * what is wrong (Messages). This module walks the issue tree and formats the result; it re-exports the public
 * names of its parts.
 *
 * @since 0.1.0
 */

import { Either, Option, type ParseResult, Schema, SchemaAST as AST } from "effect"
import type { Lang, Text } from "./Text.js"
import { descend, ROOT_FIELD, SEPARATOR, splitBilingual, typeTitle } from "./decode/Fields.js"
import { annotatedMessage, literalsOf, runMessage, typeMessage } from "./decode/Messages.js"

export { FIELD_NAMES } from "./decode/FieldNames.js"
export { fieldAt, splitBilingual } from "./decode/Fields.js"

/**
 * One problem found while decoding.
 *
 * @category models
 * @since 0.1.0
 */
export interface DecodeMessage {
  /** Where in the input: property keys and array indices, outermost first. */
  readonly path: ReadonlyArray<string | number>
  /** The field's name from its title annotation (falls back to the property key). */
  readonly field: Text
  /** What is wrong. */
  readonly message: Text
  /** The whole line, in the language asked for (both, "zh / en", when none was asked for). */
  readonly text: string
}

const REQUIRED: Text = { zh: "必填", en: "is required" }
const UNEXPECTED: Text = { zh: "不允许的字段", en: "is not an allowed field" }
const FORBIDDEN: Text = { zh: "无法同步校验", en: "cannot be checked synchronously" }

interface Found {
  readonly path: ReadonlyArray<string | number>
  readonly field: Text
  readonly message: Text
}

const keyOf = (k: PropertyKey): string | number => (typeof k === "symbol" ? String(k) : k)

/** Drop the "must be absent" alternative that `Schema.optional` adds (`X | undefined`) when a value was given. */
const withoutUndefinedNoise = (
  issues: ReadonlyArray<ParseResult.ParseIssue>,
): ReadonlyArray<ParseResult.ParseIssue> => {
  const kept = issues.filter((i) => !(i._tag === "Type" && AST.isUndefinedKeyword(i.ast)))
  return kept.length > 0 ? kept : issues
}

/**
 * Walk the issue tree as Effect's ArrayFormatter does, carrying the field title and the schemas that
 * describe the current value (several: a struct with defaults has an encoded side without the titles).
 */
function collect(
  issue: ParseResult.ParseIssue,
  path: ReadonlyArray<string | number>,
  field: Text,
  containers: ReadonlyArray<AST.AST>,
  out: Array<Found>,
): void {
  const emit = (message: Text) => out.push({ path, field, message })
  switch (issue._tag) {
    case "Type": {
      const custom = annotatedMessage(issue) ?? issue.message
      emit(custom === undefined ? typeMessage(issue.ast) : splitBilingual(custom))
      return
    }
    case "Missing": {
      const missing = AST.getMissingMessageAnnotation(issue.ast)
      const custom = Option.isSome(missing) ? runMessage(missing.value()) : issue.message
      emit(custom === undefined ? REQUIRED : splitBilingual(custom))
      return
    }
    case "Unexpected":
      emit(UNEXPECTED)
      return
    case "Forbidden":
      emit(issue.message === undefined ? FORBIDDEN : splitBilingual(issue.message))
      return
    case "Pointer": {
      const keys: ReadonlyArray<PropertyKey> = typeof issue.path === "object" ? issue.path : [issue.path]
      // A required tuple element is missing (e.g. an empty non-empty array): say so about the array itself.
      const [only] = keys
      if (keys.length === 1 && typeof only === "number" && issue.issue._tag === "Missing")
        return void emit({ zh: `至少应有 ${only + 1} 项`, en: `must have at least ${only + 1} item(s)` })
      let at = { field, containers }
      const p = [...path]
      for (const key of keys) {
        at = descend(at.containers, key, at.field)
        p.push(keyOf(key))
      }
      collect(issue.issue, p, at.field, at.containers, out)
      return
    }
    case "Composite": {
      const custom = annotatedMessage(issue)
      if (custom !== undefined) return void emit(splitBilingual(custom))
      // A union of literals failed as a whole: one message listing the allowed values, not one per value.
      if (AST.isUnion(issue.ast) && literalsOf(issue.ast) !== undefined)
        return void emit(typeMessage(issue.ast))
      const issues: ReadonlyArray<ParseResult.ParseIssue> = Array.isArray(issue.issues)
        ? issue.issues
        : [issue.issues as ParseResult.ParseIssue]
      const inner = [issue.ast, ...containers]
      for (const i of AST.isUnion(issue.ast) ? withoutUndefinedNoise(issues) : issues)
        collect(i, path, field, inner, out)
      return
    }
    case "Refinement":
    case "Transformation": {
      const custom = annotatedMessage(issue)
      if (custom !== undefined) return void emit(splitBilingual(custom))
      collect(issue.issue, path, field, [issue.ast, ...containers], out)
      return
    }
  }
}

/**
 * "education[0].level"
 *
 * @category utils
 * @since 0.1.0
 */
export const formatPath = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>(
    (acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc === "" ? k : `${acc}.${k}`),
    "",
  )

const line = (f: Found, lang: Lang): string => {
  const p = formatPath(f.path)
  const name = f.field[lang]
  if (lang === "zh") {
    const label = p === "" || p === name ? name : `${name}（${p}）`
    return `${label}：${f.message.zh}`
  }
  const label = p === "" || p === name ? name : `${name} (${p})`
  return `${label}: ${f.message.en}`
}

/**
 * Turn a decode error into one message per problem, each naming the field in both languages.
 * `lang` chooses the language of `text`; without it `text` is "中文 / English".
 *
 * @category utils
 * @since 0.1.0
 */
export function formatDecodeError(error: ParseResult.ParseError, lang?: Lang): ReadonlyArray<DecodeMessage> {
  const out: Array<Found> = []
  const top = error.issue
  const root =
    top._tag === "Type" ||
    top._tag === "Composite" ||
    top._tag === "Refinement" ||
    top._tag === "Transformation"
      ? typeTitle(top.ast)
      : undefined
  collect(error.issue, [], root ?? ROOT_FIELD, [], out)
  return out.map((f) => ({
    ...f,
    text: lang === undefined ? `${line(f, "zh")}${SEPARATOR}${line(f, "en")}` : line(f, lang),
  }))
}

/**
 * Join messages into one readable string: "；"-separated in Chinese, "; "-separated in English, and with no
 * language given, the Chinese sentence then the English one separated by " / ".
 *
 * @category utils
 * @since 0.1.0
 */
export function joinDecodeMessages(messages: ReadonlyArray<DecodeMessage>, lang?: Lang): string {
  const zh = messages.map((m) => line(m, "zh")).join("；")
  const en = messages.map((m) => line(m, "en")).join("; ")
  return lang === "zh" ? zh : lang === "en" ? en : `${zh}${SEPARATOR}${en}`
}

/**
 * `formatDecodeError` and `joinDecodeMessages` in one step.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatDecodeErrorText = (error: ParseResult.ParseError, lang?: Lang): string =>
  joinDecodeMessages(formatDecodeError(error), lang)

/**
 * Decode unknown input, reporting every problem (not only the first) as bilingual messages.
 * Works for any context-free schema; the API uses it for every input it receives.
 *
 * @category utils
 * @since 0.1.0
 */
export const decodeUnknownWithMessages =
  <A, I>(schema: Schema.Schema<A, I, never>, options?: AST.ParseOptions) =>
  (input: unknown): Either.Either<A, ReadonlyArray<DecodeMessage>> =>
    Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all", ...options })(input), (e) =>
      formatDecodeError(e),
    )
