import { INSPECTION_KIND_LABELS, InspectionKind, InspectionService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { Day, PlacementId } from "./inpost-shared.js"

/**
 * Inspections as records only (no geo check-in, online-time tracking or point rankings — see the `inspections`
 * table), issue 5.
 */

export const inspectionsRouter = router({
  /** A 巡查/查岗 record: who looked, when, what they found. No location, no online time, no points. */
  record: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          placementId: PlacementId,
          date: Day("日期 / date"),
          kind: InspectionKind,
          outcome: Schema.Literal("satisfactory", "concern").annotations({ title: "结果 / outcome" }),
          finding: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(2000)).annotations({
            title: "情况 / finding",
          }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(InspectionService, (r) => r.recordInspection(ctx.cmd, { ...i, on: todayOf(ctx) })),
        )
        .then((x) => ({ ...x, kindLabel: INSPECTION_KIND_LABELS[x.kind] })),
    ),

  list: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ placementId: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(InspectionService, (r) => r.inspections(ctx.actor, i.placementId)))
        .then((rows) => rows.map((x) => ({ ...x, kindLabel: INSPECTION_KIND_LABELS[x.kind] }))),
    ),
})
