import { Decode, type Text } from "@cadre/domain"
import type { StandardSchemaV1 } from "@standard-schema/spec"
import { Either, Schema } from "effect"

/** One input problem as the router reports it: where, the field's name and what is wrong, in both languages. */
export interface InputIssue extends StandardSchemaV1.Issue {
  /** "zh / en" (Standard Schema issues carry one string; the error formatter picks the caller's language). */
  readonly message: string
  readonly path: ReadonlyArray<PropertyKey>
  readonly field: Text
  readonly problem: Text
  /** "出生日期（birthDate）：…" and "birth date (birthDate): …". */
  readonly lines: Text
}

/** Marks a Standard Schema as built by {@link input}: the router refuses any other parser (see trpc.ts). */
export const KERNEL_INPUT = Symbol.for("@cadre/router/KernelInput")

/** A kernel Schema as the Standard Schema tRPC validates with; `A`, `I` are the Schema's type and encoded side. */
export type KernelInput<A, I> = StandardSchemaV1<I, A> & {
  readonly [KERNEL_INPUT]: true
  readonly schema: Schema.Schema<A, I, never>
}

/**
 * Turn a kernel Schema into the Standard Schema a procedure's `.input()` takes. Effect's own
 * `Schema.standardSchemaV1` gives the same shape but Effect's English-only messages; this one decodes with every
 * error reported (`errors: "all"`) and words each issue with the kernel's `formatDecodeError`, so a bad input
 * says which field in both languages ("出生日期（birthDate）：… / birth date (birthDate): …").
 */
export const input = <A, I>(schema: Schema.Schema<A, I, never>): KernelInput<A, I> => {
  const decode = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })
  const validate = (value: unknown): StandardSchemaV1.Result<A> => {
    const found = screen(value)
    if (found.length > 0)
      return { issues: found.map((f) => issue(f.path, Decode.fieldAt(schema.ast, f.path), f.problem)) }
    const result = decode(value)
    if (Either.isRight(result)) return { value: result.right }
    const messages = Decode.formatDecodeError(result.left)
    const issues: ReadonlyArray<InputIssue> = messages.map((m) => {
      const lines = {
        zh: Decode.joinDecodeMessages([m], "zh"),
        en: Decode.joinDecodeMessages([m], "en"),
      }
      return {
        message: `${lines.zh} / ${lines.en}`,
        path: m.path,
        field: m.field,
        problem: m.message,
        lines,
      }
    })
    return { issues }
  }
  return {
    [KERNEL_INPUT]: true,
    schema,
    "~standard": { version: 1, vendor: "cadre-kernel", validate },
  } as KernelInput<A, I>
}

/** The deepest nesting an input may have: the deepest schema (a scheme's rule tree) needs far less. */
export const MAX_INPUT_DEPTH = 64
/** The most strings, numbers, keys and elements an input may hold (a scheme version with all its rules: ~5,000). */
export const MAX_INPUT_NODES = 100_000

const NUL: Text = {
  zh: "不能包含空字符（NUL，\\u0000）",
  en: "must not contain a NUL character (\\u0000)",
}
const SURROGATE: Text = {
  zh: "含有无效的 Unicode 字符（不成对的代理字符）",
  en: "contains invalid Unicode (a lone surrogate)",
}
const TOO_DEEP: Text = {
  zh: `嵌套层级过深（最多 ${MAX_INPUT_DEPTH} 层）`,
  en: `is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`,
}
const TOO_BIG: Text = {
  zh: `内容过多（最多 ${MAX_INPUT_NODES} 项）`,
  en: `holds too many values (at most ${MAX_INPUT_NODES})`,
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** What is wrong with one string, if anything: PostgreSQL refuses NUL in text, and UTF-8 has no lone surrogates. */
export const badString = (s: string): Text | undefined =>
  s.includes("\u0000") ? NUL : LONE_SURROGATE.test(s) ? SURROGATE : undefined

interface Screened {
  readonly path: ReadonlyArray<PropertyKey>
  readonly problem: Text
}

/**
 * Walk a raw input (iteratively: no stack to overflow) before it is decoded, and report every string or key that
 * holds a NUL byte or a lone surrogate, or a value nested deeper or holding more than the limits. At most ten
 * problems are reported; none means the input may go on to the Schema.
 */
export const screen = (value: unknown): ReadonlyArray<Screened> => {
  const out: Array<Screened> = []
  const stack: Array<{ readonly value: unknown; readonly path: ReadonlyArray<PropertyKey> }> = [
    { value, path: [] },
  ]
  let nodes = 0
  while (stack.length > 0 && out.length < 10) {
    const top = stack.pop()
    if (top === undefined) break
    nodes += 1
    if (nodes > MAX_INPUT_NODES) {
      out.push({ path: [], problem: TOO_BIG })
      break
    }
    const { value: v, path } = top
    if (typeof v === "string") {
      const bad = badString(v)
      if (bad !== undefined) out.push({ path, problem: bad })
      continue
    }
    if (typeof v !== "object" || v === null || v instanceof Date) continue
    if (path.length >= MAX_INPUT_DEPTH) {
      out.push({ path, problem: TOO_DEEP })
      continue
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] })
      continue
    }
    const keys = Object.keys(v)
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string
      const bad = badString(key)
      if (bad !== undefined) out.push({ path: [...path, printable(key)], problem: bad })
      else stack.push({ value: (v as Record<string, unknown>)[key], path: [...path, key] })
    }
  }
  return out
}

/** A key as it may be shown in a message: NUL and lone surrogates written as escapes. */
const printable = (key: string): string =>
  key
    .replaceAll("\u0000", "\\u0000")
    .replace(new RegExp(LONE_SURROGATE.source, "g"), (c) => `\\u${c.charCodeAt(0).toString(16)}`)

/** One issue in the router's shape: "字段（path）：problem" in both languages. */
const issue = (path: ReadonlyArray<PropertyKey>, field: Text, problem: Text): InputIssue => {
  const keys = path.map((k) => (typeof k === "symbol" ? String(k) : k))
  const m: Decode.DecodeMessage = { path: keys, field, message: problem, text: "" }
  const lines = { zh: Decode.joinDecodeMessages([m], "zh"), en: Decode.joinDecodeMessages([m], "en") }
  return { message: `${lines.zh} / ${lines.en}`, path, field, problem, lines }
}

/** Narrow a Standard Schema issue to the router's own (they carry both languages). */
export const isInputIssue = (issue: StandardSchemaV1.Issue): issue is InputIssue =>
  "lines" in issue && typeof (issue as { lines?: unknown }).lines === "object"
