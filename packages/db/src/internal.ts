import { Access, Decode } from "@cadre/domain"
import { type SQL, sql } from "drizzle-orm"
import type { AnyPgColumn } from "drizzle-orm/pg-core"
import { Effect, Either, Schema } from "effect"
import type { Db, Tx } from "./database.js"
import { type Conflict, CorruptRow, DatabaseError, InvalidInput } from "./errors.js"
import { auditLog } from "./schema/index.js"
import { type AuditContext, conflictOf } from "./storage.js"

/** Who runs a command and under which request (the request id is logged with the audit row). */
export interface CommandContext {
  readonly actor: Access.Actor
  readonly requestId?: string | undefined
}

export type { AuditContext } from "./storage.js"

/** Thrown inside a transaction body to roll back and fail the Effect with `error`. */
class Abort<E> {
  constructor(readonly error: E) {}
}

/** Roll back the surrounding transaction and fail with `error`. */
export const abort = <E>(error: E): never => {
  throw new Abort(error)
}

/** Map a failure of the driver: known constraint/trigger violations become Conflict, the rest DatabaseError. */
const mapFailure = (operation: string, e: unknown): Conflict | DatabaseError =>
  conflictOf(operation, e) ?? new DatabaseError({ operation, cause: e })

/** Run a read; driver failures become DatabaseError. */
export const query = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, DatabaseError> =>
  Effect.tryPromise({ try: f, catch: (cause) => new DatabaseError({ operation, cause }) })

/**
 * Run `body` in one transaction. `abort(error)` inside it rolls back and fails with `error`; a unique or trigger
 * violation fails with Conflict; anything else with DatabaseError. Nothing is half-written in any case.
 */
export const transact = <A, E = never>(
  db: Db,
  operation: string,
  body: (tx: Tx) => Promise<A>,
): Effect.Effect<A, E | Conflict | DatabaseError> =>
  Effect.tryPromise({ try: () => db.transaction((tx) => body(tx)), catch: (e) => e }).pipe(
    Effect.catchAll((e) =>
      e instanceof CorruptRow
        ? Effect.die(e)
        : Effect.fail(e instanceof Abort ? (e.error as E) : mapFailure(operation, e)),
    ),
  )

/** Append the audit row of a command (inside its transaction). */
export const writeAudit = async (
  tx: Tx,
  ctx: AuditContext,
  row: {
    readonly action: string
    readonly entity: string
    readonly entityId: string
    readonly regionPath: string
    readonly before: unknown
    readonly after: unknown
  },
): Promise<void> => {
  await tx.insert(auditLog).values({
    actorAccountId: ctx.actor.accountId,
    actorRole: ctx.actor.role,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    regionPath: row.regionPath,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: ctx.requestId ?? null,
  })
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

/** Fail with Access.Forbidden unless the actor's role has the permission. */
export const requirePermission = (
  actor: Access.Actor,
  permission: Access.Permission,
): Effect.Effect<void, Access.Forbidden> =>
  Access.can(actor, permission) ? Effect.void : Effect.fail(Access.forbidden(permission, actor.role))

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

/** Decode inside a transaction body: abort (roll back) with InvalidInput on failure. */
export const decodeOrAbort = <A, I>(
  schema: Schema.Schema<A, I, never>,
  entity: string,
  value: unknown,
): A => {
  const r = decodeInputEither(schema, entity, value)
  return Either.isRight(r) ? r.right : abort(r.left)
}

/** Run a read and decode its rows; a CorruptRow thrown while decoding becomes a defect. */
export const read = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, DatabaseError> =>
  Effect.tryPromise({ try: f, catch: (cause) => cause }).pipe(
    Effect.catchAll((cause) =>
      cause instanceof CorruptRow ? Effect.die(cause) : Effect.fail(new DatabaseError({ operation, cause })),
    ),
  )
