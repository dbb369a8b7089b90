import { randomBytes } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  type ConductRow,
  conductQueries,
  Database,
  type NotFound,
  notFound,
  peopleQueries,
  transaction,
  type Tx,
  writeAudit,
} from "@cadre/db"
import type { Access, Person } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

/**
 * Where a recorded entry comes from: staff of the org dept or the street (`staff`), or a department's opinion in
 * the joint review of an application (`joint_review`, with the department and the application).
 */
export type ConductOrigin =
  | { readonly source: "staff" }
  | { readonly source: "joint_review"; readonly department: string; readonly applicationId: string }

/**
 * Record entries against a person in the caller's transaction, each with its source, document and recorder, and
 * one audit row per entry (`person.record_conduct`, on the person). The exclusion rules see them from then on.
 */
export const recordConductInTx = (
  tx: Tx,
  ctx: CommandContext,
  person: { readonly id: string; readonly regionPath: string },
  entries: ReadonlyArray<Person.ConductEntry>,
  origin: ConductOrigin,
): Effect.Effect<ReadonlyArray<ConductRow>> =>
  Effect.gen(function* () {
    const rows = yield* conductQueries.insert(
      tx,
      entries.map((e) => ({
        id: `cr-${randomBytes(6).toString("hex")}`,
        personId: person.id,
        kind: e.kind,
        date: e.date,
        closed: e.closed ?? null,
        description: e.description,
        document: e.document,
        source: origin.source,
        department: origin.source === "joint_review" ? origin.department : null,
        applicationId: origin.source === "joint_review" ? origin.applicationId : null,
        recordedBy: ctx.actor.accountId,
        recorderRole: ctx.actor.role,
        regionPath: person.regionPath,
      })),
    )
    yield* Effect.forEach(rows, (r) =>
      writeAudit(tx, ctx, {
        action: "person.record_conduct",
        entity: "person",
        entityId: person.id,
        regionPath: person.regionPath,
        before: null,
        after: { ...r, recordedAt: r.recordedAt.toISOString() },
      }),
    )
    return rows
  })

/**
 * Sanctions, investigations and violations kept against people (issue 13, "facts carry their source"): the org
 * dept or the street records one with its source document and date (`conduct.record`, the person in scope — else
 * NotFound); anyone who reads the person reads them.
 */
export class ConductService extends Effect.Service<ConductService>()("@cadre/services/ConductService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /** Staff record one entry against a person in their scope, audited in the same transaction. */
    const record = (
      ctx: CommandContext,
      input: { readonly personId: string; readonly record: Person.ConductEntry },
    ): Effect.Effect<ConductRow, NotFound | Conflict | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "conduct.record")
        return yield* transaction(db, "person.recordConduct", (tx) =>
          Effect.gen(function* () {
            const p = yield* peopleQueries.lockVisible(tx, ctx.actor, input.personId)
            if (p === undefined) return yield* Effect.fail(notFound("person", input.personId))
            const [row] = yield* recordConductInTx(
              tx,
              ctx,
              { id: p.person.id, regionPath: p.path },
              [input.record],
              {
                source: "staff",
              },
            )
            return row ?? (yield* Effect.die("conduct record not written"))
          }),
        )
      })

    /** What was recorded against a person in the caller's scope, oldest first. */
    const list = (
      actor: Access.Actor,
      personId: string,
    ): Effect.Effect<ReadonlyArray<ConductRow>, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "profile.read")
        if ((yield* peopleQueries.getMasked(db, actor, personId)) === undefined)
          return yield* Effect.fail(notFound("person", personId))
        return yield* conductQueries.ofPerson(db, personId)
      })

    return { record, list } as const
  }),
}) {}
