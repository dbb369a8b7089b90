import { randomUUID } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  dutyQueries,
  type InvalidInput,
  type NotFound,
  notFound,
  placementQueries,
  type StaleVersion,
  transaction,
  writeAudit,
} from "@cadre/db"
import { type Access, type InPost, LocalDate, type Text } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive } from "../shared/inpost.js"
import { t, visiblePlacement } from "./access.js"

/**
 * Inspections (巡查/查岗) as records only: who looked, when, what they found — no geo check-in, online-time
 * tracking or point rankings. Each record is filed in the person's archive (一人一档) in the same transaction.
 */

/** 巡查 (patrol), 查岗 (spot check on duty), 谈心谈话 (talk), 走访 (visit): records of what was seen, nothing more. */
export const InspectionKind = Schema.Literal("patrol", "spot_check", "talk", "visit", "other").annotations({
  identifier: "InspectionKind",
  title: "巡查方式 / inspection kind",
})
export type InspectionKind = typeof InspectionKind.Type
export const INSPECTION_KIND_LABELS: Readonly<Record<InspectionKind, Text>> = {
  patrol: { zh: "巡查", en: "patrol" },
  spot_check: { zh: "查岗", en: "spot check" },
  talk: { zh: "谈心谈话", en: "talk" },
  visit: { zh: "走访了解", en: "visit" },
  other: { zh: "其他", en: "other" },
}

export interface InspectionRecord {
  readonly id: string
  readonly placementId: string
  readonly date: string
  readonly kind: InspectionKind
  readonly outcome: "satisfactory" | "concern"
  readonly finding: string
  readonly recordedBy: string
}

type Err<E> = E | Access.Forbidden
type CmdErr = Err<NotFound | StaleVersion | Conflict | InvalidInput | InPost.ArchiveRefused>

const toInspection = (r: dutyQueries.InspectionRow): InspectionRecord => ({
  id: r.id,
  placementId: r.placementId,
  date: r.date,
  kind: r.kind as InspectionKind,
  outcome: r.outcome as InspectionRecord["outcome"],
  finding: r.finding,
  recordedBy: r.recordedBy,
})

export class InspectionService extends Effect.Service<InspectionService>()(
  "@cadre/services/InspectionService",
  {
    effect: Effect.gen(function* () {
      const { db } = yield* Database

      const recordInspection = (
        ctx: CommandContext,
        input: {
          readonly placementId: string
          readonly date: LocalDate.LocalDate
          readonly kind: InspectionKind
          readonly outcome: "satisfactory" | "concern"
          readonly finding: string
          readonly on: LocalDate.LocalDate
        },
      ): Effect.Effect<InspectionRecord, CmdErr> =>
        Effect.gen(function* () {
          yield* requirePermission(ctx.actor, "placement.manage")
          const id = randomUUID()
          yield* transaction(db, "inspection.record", (tx) =>
            Effect.gen(function* () {
              const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
              const started = rec.placement.startedOn
              if (
                started === undefined ||
                LocalDate.compare(input.date, started) < 0 ||
                LocalDate.compare(input.date, input.on) > 0
              )
                return yield* Effect.fail(
                  conflict("inspection", input.placementId, "bad_date", {
                    zh: `巡查日期须在到岗（${started ?? "未到岗"}）之后、不晚于今天`,
                    en: `the inspection date must be in post (from ${started ?? "not yet"}) and not in the future`,
                  }),
                )
              yield* dutyQueries.insertInspection(tx, {
                id,
                placementId: rec.placement.id,
                date: input.date,
                kind: input.kind,
                outcome: input.outcome,
                finding: input.finding,
                recordedBy: ctx.actor.accountId,
              })
              const k = INSPECTION_KIND_LABELS[input.kind]
              yield* fileInArchive(tx, ctx, {
                personId: rec.person.id,
                regionPath: rec.regionPath,
                on: input.on,
                entries: [
                  entry(
                    `inspection/${id}`,
                    input.date,
                    "inspection",
                    t(`${k.zh}：${input.finding}`, `${k.en}: ${input.finding}`),
                    { ref: id },
                  ),
                ],
              })
              yield* writeAudit(tx, ctx, {
                action: "inspection.record",
                entity: "placement",
                entityId: rec.placement.id,
                regionPath: rec.regionPath,
                before: null,
                after: { inspection: id, date: input.date, kind: input.kind, outcome: input.outcome },
              })
            }),
          )
          const row = yield* dutyQueries.inspectionById(db, id)
          if (row === undefined) return yield* Effect.fail(notFound("inspection", id))
          return toInspection(row)
        })

      const inspections = (
        actor: Access.Actor,
        placementId: string,
      ): Effect.Effect<ReadonlyArray<InspectionRecord>, Err<NotFound>> =>
        Effect.gen(function* () {
          yield* requirePermission(actor, "placement.read")
          yield* visiblePlacement(db, actor, placementId)
          const rows = yield* dutyQueries.inspectionsOf(db, placementId)
          return rows.map(toInspection)
        })

      return { recordInspection, inspections } as const
    }),
  },
) {}
