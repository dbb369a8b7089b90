import { type Access, Decode } from "@cadre/domain"
import { type SQL, sql } from "drizzle-orm"
import type { AnyPgColumn } from "drizzle-orm/pg-core"
import { type Effect, Either, Schema } from "effect"
import { CorruptRow, InvalidInput } from "./errors.js"

/** Who runs a command and under which request (the request id is logged with the audit row). */
export interface CommandContext {
  readonly actor: Access.Actor
  readonly requestId?: string | undefined
}

/** Escape LIKE wildcards (ids may contain "_", which `pathOf` also produces). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * `path LIKE scopePath || '%'`: the column lies within the actor's scope (Access.pathWithin). An empty scope path
 * (applicants) matches nothing, as in the kernel.
 */
export const within = (pathColumn: AnyPgColumn | SQL, scopePath: string): SQL =>
  scopePath.length === 0 ? sql`false` : sql`${pathColumn} like ${`${escapeLike(scopePath)}%`}`

/** The SQL form of Access.seesRegion for `actor`. */
export const seesRegionSql = (actor: Access.Actor, pathColumn: AnyPgColumn | SQL): SQL =>
  actor.role === "applicant" ? sql`false` : within(pathColumn, actor.scopePath)

/** Decode a row through a kernel Schema; a row that does not decode is a defect (CorruptRow), never an error. */
export const decodeRow = <A, I>(
  schema: Schema.Schema<A, I, never>,
  table: string,
  id: string,
  value: unknown,
): A => {
  const r = Schema.decodeUnknownEither(schema, { errors: "all" })(value)
  if (Either.isRight(r)) return r.right
  throw new CorruptRow({ table, id, detail: Decode.formatDecodeErrorText(r.left) })
}

/** Decode caller input; Left is InvalidInput listing every problem in both languages. */
export const decodeInputEither = <A, I>(
  schema: Schema.Schema<A, I, never>,
  entity: string,
  value: unknown,
): Either.Either<A, InvalidInput> =>
  Either.mapLeft(Decode.decodeUnknownWithMessages(schema)(value), (messages) => {
    const issues = messages.map((m) => ({
      path: Decode.formatPath(m.path),
      message: { zh: `${m.field.zh}：${m.message.zh}`, en: `${m.field.en}: ${m.message.en}` },
    }))
    return new InvalidInput({
      entity,
      issues,
      message: {
        zh: `输入有误：${issues.map((i) => i.message.zh).join("；")}`,
        en: `Invalid input: ${issues.map((i) => i.message.en).join("; ")}`,
      },
    })
  })

/** Decode caller input, failing with InvalidInput. */
export const decodeInput = <A, I>(
  schema: Schema.Schema<A, I, never>,
  entity: string,
  value: unknown,
): Effect.Effect<A, InvalidInput> => decodeInputEither(schema, entity, value)

/**
 * `column = any($1::text[])`: membership in a list of ids bound as ONE array parameter, so a list of any length
 * stays one statement (`inArray` binds a parameter per id, and PostgreSQL takes at most 65,535 a statement).
 */
export const anyOf = (column: AnyPgColumn | SQL, ids: ReadonlyArray<string>): SQL =>
  sql`${column} = any(${sql.param([...ids])}::text[])`
