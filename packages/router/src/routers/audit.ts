import { AuditService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { Instant, iso } from "./shared.js"

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
          from: Schema.optional(Instant("起始时间 / from")),
          to: Schema.optional(Instant("截止时间 / to")),
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
