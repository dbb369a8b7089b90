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
import { type Access, InPost, LocalDate, type Person, type Scheme } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive } from "../shared/inpost.js"
import { t } from "./access.js"

/**
 * Training records against the scheme's yearly minimums (001 五1: at least one centralised a year); each record
 * is filed in the person's archive (一人一档) in the same transaction.
 */

type Err<E> = E | Access.Forbidden
type CmdErr = Err<NotFound | StaleVersion | Conflict | InvalidInput | InPost.ArchiveRefused>

export class TrainingService extends Effect.Service<TrainingService>()("@cadre/services/TrainingService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    const recordTraining = (
      ctx: CommandContext,
      input: {
        readonly personId: string
        readonly date: LocalDate.LocalDate
        readonly kind: InPost.TrainingRecord["kind"]
        readonly title: string
        readonly organiser?: string | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<InPost.TrainingRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        return yield* transaction(db, "training.record", (tx) =>
          Effect.gen(function* () {
            const p = yield* placementQueries.personInScope(tx, ctx.actor, input.personId)
            if (p === undefined) return yield* Effect.fail(notFound("person", input.personId))
            if (LocalDate.compare(input.date, input.on) > 0)
              return yield* Effect.fail(
                conflict("training", input.personId, "future_date", {
                  zh: `培训日期 ${input.date} 晚于今天`,
                  en: `the training date ${input.date} is in the future`,
                }),
              )
            const record: InPost.TrainingRecord = {
              id: randomUUID(),
              personId: input.personId as Person.PersonId,
              date: input.date,
              kind: input.kind,
              title: input.title,
              ...(input.organiser === undefined ? {} : { organiser: input.organiser }),
            }
            yield* dutyQueries.insertTraining(tx, record, {
              regionId: p.regionId,
              recordedBy: ctx.actor.accountId,
            })
            yield* fileInArchive(tx, ctx, {
              personId: input.personId,
              regionPath: p.regionPath,
              on: input.on,
              entries: [
                entry(`training/${record.id}`, input.date, "training", t(input.title, input.title), {
                  ref: record.id,
                }),
              ],
            })
            yield* writeAudit(tx, ctx, {
              action: "training.record",
              entity: "person",
              entityId: input.personId,
              regionPath: p.regionPath,
              before: null,
              after: { training: record.id, date: input.date, kind: input.kind },
            })
            return record
          }),
        )
      })

    /** A person's training in a calendar year against the scheme's minimums (001 五1: one centralised a year). */
    const checkTraining = (
      actor: Access.Actor,
      input: {
        readonly personId: string
        readonly scheme: Scheme.Scheme
        readonly year: number
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<
      {
        readonly records: ReadonlyArray<InPost.TrainingRecord>
        readonly checks: ReadonlyArray<InPost.TrainingCheck>
      },
      Err<NotFound>
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const p = yield* placementQueries.personInScope(db, actor, input.personId)
        if (p === undefined) return yield* Effect.fail(notFound("person", input.personId))
        const records = yield* dutyQueries.trainingOf(db, input.personId)
        const covered = {
          from: LocalDate.fromParts(input.year, 1, 1),
          to: LocalDate.fromParts(input.year, 12, 31),
        }
        return { records, checks: InPost.checkTraining(records, input.scheme.training, covered, input.on) }
      })

    return { recordTraining, checkTraining } as const
  }),
}) {}
