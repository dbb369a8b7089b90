import { AuditService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { actionLabel, actorLabel, ENTITY_LABELS, entityLabel } from "./audit-labels.js"
import { Cursor, cursorKey, DEFAULT_PAGE_SIZE, Instant, iso, writeCursor } from "./shared.js"

/** A cursor `audit.query` gave out: its key is a row id. */
const AuditCursor = Cursor.pipe(
  Schema.filter((s) => /^\d{1,18}$/.test(cursorKey(s)?.id ?? ""), {
    message: () =>
      "不是本接口给出的翻页游标，请从第一页重新查询 / not a cursor this API gave out: start again from the first page",
  }),
).annotations({ title: "翻页游标 / cursor" })

/**
 * Audit log queries: rows whose region lies within the caller's scope, newest first, a page at a time (keyset on
 * the row id: pass `nextCursor` back as `cursor` for older rows). A page may hold up to 1,000 rows (audit rows are
 * small; lists elsewhere stop at 200).
 */
export const auditRouter = router({
  /** The kinds of record the log names (for a filter's choices), each by name. */
  entities: procedure
    .permission("audit.read")
    .query(({ ctx }) =>
      ctx
        .run(Effect.flatMap(AuditService, (r) => r.mayRead(ctx.actor)))
        .then(() => Object.entries(ENTITY_LABELS).map(([entity, label]) => ({ entity, label }))),
    ),

  query: procedure
    .permission("audit.read")
    .input(
      input(
        Schema.Struct({
          entity: Schema.optional(Schema.NonEmptyTrimmedString.annotations({ title: "对象类型 / entity" })),
          entityId: Schema.optional(
            Schema.NonEmptyTrimmedString.annotations({ title: "对象编号 / entity id" }),
          ),
          actorAccountId: Schema.optional(
            Schema.NonEmptyTrimmedString.annotations({ title: "操作人 / actor" }),
          ),
          from: Schema.optional(Instant("起始时间 / from")),
          to: Schema.optional(Instant("截止时间 / to")),
          limit: Schema.optional(
            Schema.Int.pipe(Schema.between(1, 1000)).annotations({ title: "每页条数 / page size" }),
          ),
          cursor: Schema.optional(AuditCursor),
        }),
      ),
    )
    .query(({ ctx, input: { cursor, ...i } }) => {
      const after = cursorKey(cursor)
      return ctx
        .run(
          Effect.flatMap(AuditService, (r) =>
            r.query(ctx.actor, {
              ...i,
              limit: i.limit ?? DEFAULT_PAGE_SIZE,
              ...(after === null ? {} : { beforeId: Number(after.id) }),
            }),
          ),
        )
        .then(({ rows, next }) => ({
          items: rows.map(({ at, actorName, regionName, ...row }) => ({
            ...row,
            at: iso(at),
            actorName: actorLabel(row.actorAccountId, actorName),
            actionLabel: actionLabel(row.action),
            entityLabel: entityLabel(row.entity),
            regionName,
          })),
          nextCursor:
            next === null ? null : writeCursor({ at: iso(next.at).slice(0, 10), id: String(next.id) }),
        }))
    }),
})
