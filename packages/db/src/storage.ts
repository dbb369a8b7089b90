import { Decode, type Text } from "@cadre/domain"
import { Cause, Effect, Exit, Option, Runtime } from "effect"
import type { Db, Tx } from "./database.js"
import {
  Conflict,
  CorruptRow,
  DatabaseError,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
} from "./errors.js"
import { auditLog } from "./schema/index.js"

/**
 * The Effect-native storage primitives every application service uses (docs/adr/0007-application-layer.md):
 * - {@link q} runs one drizzle query; a driver failure is a defect (an infrastructure fault, logged and answered
 *   generically at the edge), never a typed error a caller could forget to map;
 * - {@link transaction} runs an Effect body in one database transaction: the body's typed failures
 *   (`Effect.fail`) roll back and come out unchanged, a unique or trigger violation comes out as `Conflict`,
 *   anything else dies. Nothing is half-written in any case;
 * - {@link writeAudit}, {@link checkVersion}: the audit row and the optimistic-version check of every command.
 */

/** Who the audit row names: a signed-in actor, or a system principal such as `system:provision`. */
export interface AuditContext {
  readonly actor: { readonly accountId: string; readonly role: string }
  readonly requestId?: string | undefined
}

/** A query handle: the database or the transaction a command runs in. */
export type Handle = Db | Tx

/** Run one drizzle query (a lazy thenable) as an Effect; driver failures die as a DatabaseError defect. */
export const q = <A>(query: PromiseLike<A>, operation = "query"): Effect.Effect<A> =>
  Effect.tryPromise({
    try: () => Promise.resolve(query),
    catch: (cause) => new DatabaseError({ operation, cause }),
  }).pipe(Effect.orDie)

/** Thrown out of drizzle's transaction callback so that it rolls back; carries the body's Cause. */
class RolledBack<E> {
  constructor(readonly cause: Cause.Cause<E>) {}
}

const pgCode = (e: unknown): { code: string; constraint?: string; message?: string } | undefined => {
  // drizzle wraps driver errors (DrizzleQueryError), and `q` wraps them in DatabaseError: follow `cause`.
  let cur: unknown = e
  for (let i = 0; i < 6 && cur !== null && typeof cur === "object"; i++) {
    const c = cur as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown }
    if (typeof c.code === "string" && c.code.length === 5)
      return {
        code: c.code,
        ...(typeof c.constraint === "string" ? { constraint: c.constraint } : {}),
        ...(typeof c.message === "string" ? { message: c.message } : {}),
      }
    cur = c.cause
  }
  return undefined
}

const UNIQUE_MESSAGES: Readonly<Record<string, Text>> = {
  people_id_number_unique: { zh: "该身份证号已登记", en: "this ID number is already registered" },
  people_account_id_unique: { zh: "该账号已填写过人员信息", en: "this account already has a profile" },
  schemes_scheme_id_version_pk: { zh: "该方案版本已存在", en: "this scheme version already exists" },
  applications_campaign_person_unique: {
    zh: "此人已在本批次中报名或被推荐",
    en: "this person already has an application in this campaign",
  },
  applications_post_unique: {
    zh: "该岗位已有任职人选，名额不能超出",
    en: "this post already has an appointee; places cannot be over-filled",
  },
  campaigns_pkey: { zh: "该批次编号已存在", en: "this campaign id already exists" },
  placements_person_open_unique: {
    zh: "此人已有未结束的任职安排，同一时间只能有一个（一人一档）",
    en: "this person already has an open placement; one at a time (one person, one file)",
  },
}

/**
 * A violation the caller caused (a duplicate key, a write to a published version or to the audit log) as the
 * Conflict it is; undefined for anything else (an infrastructure fault).
 */
export const conflictOf = (operation: string, e: unknown): Conflict | undefined => {
  const err = pgCode(e)
  if (err?.code === "23505") {
    const message = (err.constraint === undefined ? undefined : UNIQUE_MESSAGES[err.constraint]) ?? {
      zh: "记录已存在（唯一性冲突）",
      en: "the record already exists (unique constraint)",
    }
    return new Conflict({ entity: operation, id: err.constraint ?? "", reason: "duplicate", message })
  }
  if (err?.code === "CD001" || err?.code === "CD002")
    return new Conflict({
      entity: operation,
      id: "",
      reason: err.code === "CD001" ? "published_immutable" : "audit_append_only",
      message: Decode.splitBilingual(err.message ?? ""),
    })
  return undefined
}

/** A defect that is really a caller's conflict becomes that Conflict; other causes pass unchanged. */
const surfaceConflicts = <E>(
  operation: string,
  cause: Cause.Cause<E>,
): Effect.Effect<never, E | Conflict> => {
  const defect = Cause.dieOption(cause)
  if (Option.isSome(defect)) {
    const c = conflictOf(operation, defect.value)
    if (c !== undefined) return Effect.fail(c)
  }
  return Effect.failCause(cause)
}

/**
 * Run `body` in one transaction of `db` (the Database service's handle). Its failures roll back and come out as they are; a
 * unique or trigger violation comes out as Conflict; any other fault dies (DatabaseError as a defect).
 */
export const transaction = <A, E, R>(
  db: Db,
  operation: string,
  body: (tx: Tx) => Effect.Effect<A, E, R>,
): Effect.Effect<A, E | Conflict, R> =>
  Effect.gen(function* () {
    const runtime = yield* Effect.runtime<R>()
    const exit = yield* Effect.promise(() =>
      db
        .transaction(async (tx) => {
          const inner = await Runtime.runPromiseExit(runtime)(body(tx))
          if (Exit.isFailure(inner)) throw new RolledBack(inner.cause)
          return inner
        })
        .catch((e: unknown) =>
          e instanceof RolledBack
            ? Exit.failCause(e.cause as Cause.Cause<E>)
            : Exit.die(new DatabaseError({ operation, cause: e })),
        ),
    )
    if (Exit.isSuccess(exit)) return exit.value
    return yield* surfaceConflicts(operation, exit.cause)
  })

/** One audit row as a command gives it; who and which request come from the command's context. */
export interface AuditRow {
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly regionPath: string
  readonly before: unknown
  readonly after: unknown
}

/** The audit_log values of a row: the context's actor and request id, absent before/after as null. */
const auditValues = (ctx: AuditContext, row: AuditRow) => ({
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

/** Append the audit row of a command inside its transaction. */
export const writeAudit = (tx: Tx, ctx: AuditContext, row: AuditRow): Effect.Effect<void> =>
  q(tx.insert(auditLog).values(auditValues(ctx, row)), `${row.action}.audit`).pipe(Effect.asVoid)

/** Append many audit rows of one command at once (an import batch), in its transaction. */
export const writeAuditMany = (
  tx: Tx,
  ctx: AuditContext,
  rows: ReadonlyArray<AuditRow>,
): Effect.Effect<void> =>
  rows.length === 0
    ? Effect.void
    : q(tx.insert(auditLog).values(rows.map((row) => auditValues(ctx, row))), "audit.many").pipe(
        Effect.asVoid,
      )

/**
 * The optimistic-version check of every update: the row (read `FOR UPDATE` within the caller's scope) must exist
 * (else NotFound, so an out-of-scope row reads as absent) and carry the version the caller read (else
 * StaleVersion, and nothing is written).
 */
export const checkVersion = <Row extends { readonly version: number }>(
  entity: string,
  id: string,
  row: Row | undefined,
  expectedVersion: number,
): Effect.Effect<Row, NotFound | StaleVersion> =>
  row === undefined
    ? Effect.fail(notFound(entity, id))
    : row.version !== expectedVersion
      ? Effect.fail(staleVersion(entity, id, expectedVersion, row.version))
      : Effect.succeed(row)

/** The one row a statement returned, or a NotFound (an update whose row vanished under the lock cannot happen). */
export const one = <Row>(
  entity: string,
  id: string,
  rows: ReadonlyArray<Row>,
): Effect.Effect<Row, NotFound> => {
  const [row] = rows
  return row === undefined ? Effect.fail(notFound(entity, id)) : Effect.succeed(row)
}

/** A stored row that does not decode is a defect (corrupt data), never a caller's error. */
export const corrupt = (table: string, id: string, detail: string): Effect.Effect<never> =>
  Effect.die(new CorruptRow({ table, id, detail }))
