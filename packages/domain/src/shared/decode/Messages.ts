/**
 * Saying what is wrong: a custom message annotation evaluated as Effect's own formatters do, or a bilingual
 * message made from the schema (allowed literals, built-in filters such as minLength, keywords). Used by
 * shared/Decode.ts.
 *
 * @since 0.1.0
 */

import { Effect, Option, type ParseResult, Schema, SchemaAST as AST } from "effect"
import type { Text } from "../Text.js"
import { SEPARATOR, splitBilingual } from "./Fields.js"

interface CurrentMessage {
  readonly message: string
  readonly override: boolean
}

/**
 * A message annotation's value, run when it is an effect; undefined when it fails. Internal to the decode
 * formatter.
 *
 * @category utils
 * @since 0.1.0
 */
export const runMessage = (m: string | Effect.Effect<string>): string | undefined => {
  if (typeof m === "string") return m
  try {
    return Effect.runSync(m)
  } catch {
    return undefined
  }
}

/** The `message` annotation of the issue's schema, evaluated (mirrors Effect's own formatters). */
const currentMessage = (issue: ParseResult.ParseIssue): CurrentMessage | undefined => {
  if (!("ast" in issue)) return undefined
  const annotation = AST.getMessageAnnotation(issue.ast)
  if (Option.isNone(annotation)) return undefined
  const out = annotation.value(issue)
  if (typeof out === "string" || Effect.isEffect(out)) {
    const message = runMessage(out)
    return message === undefined ? undefined : { message, override: false }
  }
  const message = runMessage(out.message)
  return message === undefined ? undefined : { message, override: out.override }
}

/**
 * A message annotation that applies at this node, following Effect's override rules (ParseResult.getMessage).
 * Internal to the decode formatter.
 *
 * @category utils
 * @since 0.1.0
 */
export const annotatedMessage = (issue: ParseResult.ParseIssue): string | undefined => {
  const current = currentMessage(issue)
  if (current === undefined) return undefined
  const useInner =
    !current.override &&
    (issue._tag === "Composite" ||
      (issue._tag === "Refinement" && issue.kind === "From") ||
      (issue._tag === "Transformation" && issue.kind !== "Transformation"))
  if (!useInner) return current.message
  return issue._tag === "Refinement" || issue._tag === "Transformation"
    ? annotatedMessage(issue.issue)
    : undefined
}

const show = (v: unknown): string => (typeof v === "string" ? v : String(JSON.stringify(v) ?? v))

/**
 * The literal values of a literal or a union of literals; `undefined` if the schema is something else. Internal to
 * the decode formatter.
 *
 * @category utils
 * @since 0.1.0
 */
export const literalsOf = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (AST.isLiteral(ast)) return [ast.literal]
  if (AST.isEnums(ast)) return ast.enums.map(([, v]) => v)
  if (!AST.isUnion(ast)) return undefined
  const out: Array<AST.LiteralValue> = []
  for (const t of ast.types) {
    const ls = literalsOf(t)
    if (ls === undefined) return undefined
    out.push(...ls)
  }
  return out
}

const KEYWORD_NAMES: Partial<Record<AST.AST["_tag"], Text>> = {
  StringKeyword: { zh: "文本", en: "a string" },
  NumberKeyword: { zh: "数字", en: "a number" },
  BooleanKeyword: { zh: "是或否（true / false）", en: "true or false" },
  BigIntKeyword: { zh: "整数", en: "an integer" },
  TypeLiteral: { zh: "对象", en: "an object" },
  TupleType: { zh: "数组（列表）", en: "an array (list)" },
  UndefinedKeyword: { zh: "空", en: "absent" },
}

/** Messages for Effect's built-in filters, read from their JSON Schema annotation (minLength, maximum…). */
const refinementMessage = (ast: AST.Refinement): Text | undefined => {
  const schemaId = ast.annotations[AST.SchemaIdAnnotationId]
  if (schemaId === Schema.TrimmedSchemaId)
    return { zh: "首尾不能有空格", en: "must not start or end with spaces" }
  if (schemaId === Schema.PatternSchemaId) return { zh: "格式不正确", en: "has the wrong format" }
  const js = ast.annotations[AST.JSONSchemaAnnotationId]
  if (typeof js !== "object" || js === null) return undefined
  const j = js as Record<string, unknown>
  const num = (k: string): number | undefined => (typeof j[k] === "number" ? (j[k] as number) : undefined)
  const minLength = num("minLength")
  const maxLength = num("maxLength")
  if (minLength !== undefined && maxLength !== undefined)
    return minLength === maxLength
      ? { zh: `长度应为 ${minLength} 个字符`, en: `must be exactly ${minLength} character(s) long` }
      : {
          zh: `长度应在 ${minLength} 到 ${maxLength} 个字符之间`,
          en: `must be ${minLength} to ${maxLength} characters long`,
        }
  if (minLength === 1) return { zh: "不能为空", en: "must not be empty" }
  if (minLength !== undefined)
    return { zh: `至少 ${minLength} 个字符`, en: `must be at least ${minLength} characters` }
  if (maxLength !== undefined)
    return { zh: `不能超过 ${maxLength} 个字符`, en: `must be at most ${maxLength} characters` }
  const minItems = num("minItems")
  if (minItems !== undefined)
    return { zh: `至少应有 ${minItems} 项`, en: `must have at least ${minItems} item(s)` }
  const maxItems = num("maxItems")
  if (maxItems !== undefined)
    return { zh: `不能超过 ${maxItems} 项`, en: `must have at most ${maxItems} item(s)` }
  const minimum = num("minimum")
  const maximum = num("maximum")
  if (minimum !== undefined && maximum !== undefined)
    return { zh: `应在 ${minimum} 到 ${maximum} 之间`, en: `must be between ${minimum} and ${maximum}` }
  if (minimum !== undefined) return { zh: `不能小于 ${minimum}`, en: `must be at least ${minimum}` }
  if (maximum !== undefined) return { zh: `不能大于 ${maximum}`, en: `must be at most ${maximum}` }
  const exclusiveMinimum = num("exclusiveMinimum")
  if (exclusiveMinimum !== undefined)
    return { zh: `应大于 ${exclusiveMinimum}`, en: `must be greater than ${exclusiveMinimum}` }
  const exclusiveMaximum = num("exclusiveMaximum")
  if (exclusiveMaximum !== undefined)
    return { zh: `应小于 ${exclusiveMaximum}`, en: `must be less than ${exclusiveMaximum}` }
  if (j.type === "integer") return { zh: "应为整数", en: "must be an integer" }
  return undefined
}

/**
 * A message for a `Type` issue that carries no custom message. Internal to the decode formatter.
 *
 * @category utils
 * @since 0.1.0
 */
export const typeMessage = (ast: AST.AST): Text => {
  const literals = literalsOf(ast)
  if (literals !== undefined) {
    const zh = literals.map(show).join("、")
    const en = literals.map(show).join(", ")
    return literals.length === 1
      ? { zh: `应为 ${zh}`, en: `must be ${en}` }
      : { zh: `应为以下之一：${zh}`, en: `must be one of: ${en}` }
  }
  if (AST.isRefinement(ast)) {
    const known = refinementMessage(ast)
    if (known !== undefined) return known
    const expected = Option.getOrElse(
      Option.orElse(AST.getDescriptionAnnotation(ast), () => AST.getTitleAnnotation(ast)),
      () => String(ast),
    )
    // Effect's own descriptions are English ("a valid Date"): the Chinese side says only that it does not fit.
    const both = expected.indexOf(SEPARATOR) > 0 ? splitBilingual(expected) : undefined
    return both === undefined
      ? { zh: "不符合要求", en: `must be ${expected}` }
      : { zh: `应为${both.zh}`, en: `must be ${both.en}` }
  }
  if (AST.isTemplateLiteral(ast)) return { zh: "格式不正确", en: "has the wrong format" }
  const name = KEYWORD_NAMES[ast._tag]
  if (name !== undefined) return { zh: `应为${name.zh}`, en: `must be ${name.en}` }
  return { zh: "类型不符", en: `must be ${String(ast)}` }
}
