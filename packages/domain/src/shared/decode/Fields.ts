/**
 * Naming the field a decode problem is about: bilingual titles ("中文 / English") read from the schema's AST,
 * looking through optional values, refinements, transformations, unions and records, with FIELD_NAMES as the
 * fallback. Used by shared/Decode.ts, which re-exports the public names.
 *
 * @since 0.1.0
 */

import { SchemaAST as AST } from "effect"
import type { Text } from "../Text.js"
import { FIELD_NAMES } from "./FieldNames.js"

/**
 * The separator of a bilingual string, "中文 / English". Internal to the decode formatter.
 *
 * @category constants
 * @since 0.1.0
 */
export const SEPARATOR = " / "

/**
 * The field named when a problem is about the input as a whole. Internal to the decode formatter.
 *
 * @category constants
 * @since 0.1.0
 */
export const ROOT_FIELD: Text = { zh: "输入", en: "input" }

/**
 * Split "中文 / English" into its two halves; a string without the separator is used for both.
 *
 * @category utils
 * @since 0.1.0
 */
export const splitBilingual = (s: string): Text => {
  const i = s.indexOf(SEPARATOR)
  return i > 0 ? { zh: s.slice(0, i), en: s.slice(i + SEPARATOR.length) } : { zh: s, en: s }
}

/** A bilingual title annotation of this AST node, if it has one. */
const bilingualTitle = (annotations: AST.Annotations): Text | undefined => {
  const title = annotations[AST.TitleAnnotationId]
  return typeof title === "string" && title.indexOf(SEPARATOR) > 0 ? splitBilingual(title) : undefined
}

/**
 * The title of a type, looking through `X | undefined` (what `Schema.optional` produces). Internal to the decode
 * formatter.
 *
 * @category utils
 * @since 0.1.0
 */
export const typeTitle = (ast: AST.AST): Text | undefined => {
  const own = bilingualTitle(ast.annotations)
  if (own !== undefined || !AST.isUnion(ast)) return own
  const defined = ast.types.filter((t) => !AST.isUndefinedKeyword(t))
  return defined.length === 1 && defined[0] !== undefined ? typeTitle(defined[0]) : undefined
}

interface Member {
  readonly annotations: AST.Annotations | undefined
  readonly type: AST.AST
  /** A record's free key (an index signature): the caller chose it, so it is no field name. */
  readonly free?: true
}

/** The property or element `key` of a container schema, looking through refinements, transformations, unions. */
const findMember = (ast: AST.AST | undefined, key: PropertyKey, depth = 0): Member | undefined => {
  if (ast === undefined || depth > 20) return undefined
  switch (ast._tag) {
    case "TypeLiteral": {
      const ps = ast.propertySignatures.find((p) => p.name === key)
      if (ps !== undefined) return { annotations: ps.annotations, type: ps.type }
      const is = ast.indexSignatures[0]
      return is === undefined ? undefined : { annotations: undefined, type: is.type, free: true }
    }
    case "TupleType": {
      if (typeof key !== "number") return undefined
      const el = ast.elements[key]
      if (el !== undefined) return { annotations: el.annotations, type: el.type }
      const rest = ast.rest[0]
      return rest === undefined ? undefined : { annotations: rest.annotations, type: rest.type }
    }
    case "Refinement":
      return findMember(ast.from, key, depth + 1)
    case "Transformation":
      return findMember(ast.to, key, depth + 1) ?? findMember(ast.from, key, depth + 1)
    case "Union":
      for (const t of ast.types) {
        const m = findMember(t, key, depth + 1)
        if (m !== undefined) return m
      }
      return undefined
    case "Suspend":
      return findMember(ast.f(), key, depth + 1)
    default:
      return undefined
  }
}

/**
 * Look `key` up in every schema that describes the value at hand (encoded and type sides, wrappers). Internal to
 * the decode formatter.
 *
 * @category utils
 * @since 0.1.0
 */
export function descend(
  containers: ReadonlyArray<AST.AST>,
  key: PropertyKey,
  field: Text,
): { readonly field: Text; readonly containers: ReadonlyArray<AST.AST> } {
  let title: Text | undefined
  let free = false
  const next: Array<AST.AST> = []
  for (const c of containers) {
    const member = findMember(c, key)
    if (member === undefined) continue
    free ||= member.free === true
    next.push(member.type)
    title ??=
      (member.annotations === undefined ? undefined : bilingualTitle(member.annotations)) ??
      typeTitle(member.type)
  }
  if (title !== undefined) return { field: title, containers: next }
  // An array element without a title of its own is named after the array; a union's tag after the union.
  if (typeof key === "number" || free) return { field, containers: next }
  if (key === "_tag") return { field: { zh: `${field.zh}类型`, en: `${field.en} kind` }, containers: next }
  if (key === "value") return { field, containers: next }
  const named = typeof key === "string" && Object.hasOwn(FIELD_NAMES, key) ? FIELD_NAMES[key] : undefined
  return { field: named ?? { zh: String(key), en: String(key) }, containers: next }
}

/**
 * The field at `path` inside values of `schema`, named by its title ("出生日期 / birth date"), as a decode error
 * would name it: for problems found before decoding (a NUL byte, a lone surrogate) that still name the field.
 *
 * @category utils
 * @since 0.1.0
 */
export const fieldAt = (schema: AST.AST, path: ReadonlyArray<PropertyKey>): Text => {
  let at: { readonly field: Text; readonly containers: ReadonlyArray<AST.AST> } = {
    field: typeTitle(schema) ?? ROOT_FIELD,
    containers: [schema],
  }
  for (const key of path) {
    // Past the schema (a key it does not have): name the innermost field it does have.
    if (!at.containers.some((c) => findMember(c, key) !== undefined)) return at.field
    at = descend(at.containers, key, at.field)
  }
  return at.field
}
