import { ReportService } from "@cadre/services"
import type { InPost } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { PlacementId } from "./inpost-shared.js"
import {
  Cursor,
  cursorKey,
  DEFAULT_PAGE_SIZE,
  Id,
  MAX_PAGE_SIZE,
  PageFields,
  PageSize,
  pageRequest,
  writeCursor,
} from "./shared.js"

/**
 * Report obligations during the term (issue 5): generated from the scheme (never typed in). A cadre with an
 * account files their own reports (`authenticated` procedures: the service keeps them to their own).
 */

const obligationOut = (o: {
  readonly obligation: InPost.ObligationInstance
  readonly status: InPost.ObligationStatus
  readonly submission: InPost.Submission | null
}) => ({
  key: o.obligation.key,
  reportId: o.obligation.reportId,
  subject: o.obligation.subject,
  from: o.obligation.from,
  to: o.obligation.to,
  kind: o.obligation.kind,
  period: o.obligation.period ?? null,
  due: o.obligation.due ?? null,
  event: o.obligation.event ?? null,
  clause: `${o.obligation.citation.document} ${o.obligation.citation.clause}`,
  status: o.status,
  submittedOn: o.submission?.submittedOn ?? null,
})

export const reportsRouter = router({
  /** A placement's report obligations as its scheme generates them, each with due date and status. */
  obligations: procedure
    .authenticated()
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ReportService, (r) => r.obligations(ctx.actor, i.placementId, todayOf(ctx))))
        .then((rows) => rows.map(obligationOut)),
    ),

  /** File a report against a generated obligation, with text and attachments (references to stored files). */
  submit: procedure
    .authenticated()
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          key: Schema.NonEmptyTrimmedString.annotations({ title: "报告任务 / obligation" }),
          text: Schema.String.pipe(Schema.maxLength(20_000)).annotations({ title: "报告内容 / text" }),
          attachments: Schema.Array(
            Schema.Struct({ name: Schema.NonEmptyTrimmedString, ref: Schema.NonEmptyTrimmedString }),
          ).annotations({ title: "附件 / attachments" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(ReportService, (r) => r.submitReport(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(obligationOut),
    ),

  /**
   * Reports due and not filed, over the placements in scope, most overdue first (by due date, then obligation),
   * a keyset page at a time read from the materialised obligations (issue 19): at most `limit` (≤ 200),
   * `nextCursor` to continue, `total` in all (counted up to 10,000: `totalExact` false past it).
   * `placementIds` narrows it to the rows a placements page shows.
   */
  overdue: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          regionId: Schema.optional(Id("区域 / region")),
          placementIds: Schema.optional(
            Schema.Array(Id("任职安排编号 / placement id")).pipe(Schema.maxItems(MAX_PAGE_SIZE)),
          ).annotations({ title: "任职安排 / placements" }),
          cursor: Schema.optional(Cursor),
          limit: Schema.optional(PageSize),
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, placementIds, regionId } }) =>
      ctx
        .run(
          Effect.flatMap(ReportService, (r) =>
            r.overdue(
              ctx.actor,
              todayOf(ctx),
              { regionId, placementIds },
              { after: cursorKey(cursor), limit: limit ?? DEFAULT_PAGE_SIZE },
            ),
          ),
        )
        .then((p) => ({
          items: p.rows.map((o) => ({
            placementId: o.placementId,
            personId: o.personId,
            personName: o.personName,
            regionId: o.regionId,
            regionName: o.regionName,
            key: o.obligation.key,
            subject: o.obligation.subject,
            due: o.obligation.due,
            clause: `${o.obligation.citation.document} ${o.obligation.citation.clause}`,
            daysOverdue: o.daysOverdue,
          })),
          nextCursor: writeCursor(p.next),
          total: p.total.total,
          totalExact: p.total.exact,
        })),
    ),

  /** Reports filed on placements in scope (the reports inbox's 已收到), newest first, a keyset page at a time. */
  received: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ regionId: Schema.optional(Id("区域 / region")), ...PageFields })))
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(ReportService, (r) =>
            r.received(ctx.actor, filter, pageRequest({ cursor, limit, order: order ?? "desc" })),
          ),
        )
        .then((p) => ({
          items: p.rows.map((r) => ({
            id: r.id,
            placementId: r.placementId,
            personName: r.personName,
            regionName: r.regionName,
            reportId: r.reportId,
            subject: r.subject,
            key: r.submission.key,
            submittedOn: r.submission.submittedOn,
            excerpt: r.submission.text.slice(0, 200),
            attachments: r.submission.attachments.length,
          })),
          nextCursor: writeCursor(p.next),
          total: p.total.total,
          totalExact: p.total.exact,
        })),
    ),
})
