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

/** Narrow a Standard Schema issue to the router's own (they carry both languages). */
export const isInputIssue = (issue: StandardSchemaV1.Issue): issue is InputIssue =>
  "lines" in issue && typeof (issue as { lines?: unknown }).lines === "object"
