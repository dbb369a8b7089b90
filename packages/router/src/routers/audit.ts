import { AuditService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { iso } from "./shared.js"

// Schema.Date, not DateFromString: the latter lets "yesterday" through as an Invalid Date.
const Instant = Schema.Date.annotations({ title: "时间（ISO 8601） / instant (ISO 8601)" })

/** Audit log queries: rows whose region lies within the caller's scope, newest first. */
export const auditRouter = router({
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
          from: Schema.optional(Instant),
          to: Schema.optional(Instant),
          limit: Schema.optional(
            Schema.Int.pipe(Schema.between(1, 1000)).annotations({ title: "条数 / limit" }),
          ),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(AuditService, (r) => r.query(ctx.actor, i)))
        .then((rows) => rows.map(({ at, ...row }) => ({ ...row, at: iso(at) }))),
    ),
})
