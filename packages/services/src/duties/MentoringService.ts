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
  staleVersion,
  transaction,
  writeAudit,
} from "@cadre/db"
import { type Access, InPost, LocalDate, type Person, type Scheme } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import { visiblePlacement } from "./access.js"

/**
 * Mentoring pairs (结对帮带) within the capacity of the placement's scheme (003: 3–4 mentees a year); the kernel
 * counts a mentor's load across every pairing they have.
 */

export type PairRecord = dutyQueries.PairRecord

type Err<E> = E | Access.Forbidden
type CmdErr = Err<
  NotFound | StaleVersion | Conflict | InvalidInput | InPost.MentoringRefused | Scheme.NoVersionInForce
>

export class MentoringService extends Effect.Service<MentoringService>()("@cadre/services/MentoringService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const schemes = yield* SchemeStore

    const pairAfterCommit = (id: string): Effect.Effect<PairRecord, NotFound> =>
      Effect.flatMap(dutyQueries.pairById(db, id), (p) =>
        p === undefined ? Effect.fail(notFound("mentoring", id)) : Effect.succeed(p),
      )

    /** Pair a mentor with the cadre of a placement, within the capacity of that placement's scheme. */
    const pair = (
      ctx: CommandContext,
      input: {
        readonly placementId: string
        readonly mentorId: string
        readonly from: LocalDate.LocalDate
        readonly to?: LocalDate.LocalDate | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<PairRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        const id = randomUUID()
        yield* transaction(db, "mentoring.pair", (tx) =>
          Effect.gen(function* () {
            const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
            const m = yield* placementQueries.personInScope(tx, ctx.actor, input.mentorId)
            if (m === undefined) return yield* Effect.fail(notFound("person", input.mentorId))
            // Lock the mentor: two pairings with the same mentor take turns, so capacity holds.
            yield* dutyQueries.lockMentor(tx, input.mentorId)
            // Issue 13: the mentor capacity of the version in force on the pairing's first day.
            const { scheme, governing } = yield* schemes.inForce(
              {
                schemeId: rec.placement.schemeId,
                placedUnder: rec.placement.schemeVersion,
                date: input.from,
                field: "from",
              },
              tx,
            )
            const pairing: InPost.Pairing = {
              id,
              mentorId: input.mentorId as Person.PersonId,
              menteeId: rec.placement.personId,
              from: input.from,
              ...(input.to === undefined ? {} : { to: input.to }),
            }
            const existing = yield* dutyQueries.mentorPairings(tx, input.mentorId)
            yield* InPost.pair(existing, pairing, scheme.mentorCapacity)
            yield* dutyQueries.insertPair(tx, rec.placement.id, pairing)
            yield* writeAudit(tx, ctx, {
              action: "mentoring.pair",
              entity: "placement",
              entityId: rec.placement.id,
              regionPath: rec.regionPath,
              before: null,
              after: { pair: id, mentorId: input.mentorId, from: input.from, governedBy: governing },
            })
          }),
        )
        return yield* pairAfterCommit(id)
      })

    const endPairing = (
      ctx: CommandContext,
      input: {
        readonly pairId: string
        readonly expectedVersion: number
        readonly to: LocalDate.LocalDate
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<PairRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        yield* transaction(db, "mentoring.end", (tx) =>
          Effect.gen(function* () {
            const r = yield* dutyQueries.lockPair(tx, ctx.actor, input.pairId)
            if (r === undefined) return yield* Effect.fail(notFound("mentoring", input.pairId))
            if (r.version !== input.expectedVersion)
              return yield* Effect.fail(
                staleVersion("mentoring", input.pairId, input.expectedVersion, r.version),
              )
            if (LocalDate.compare(input.to, input.on) > 0)
              return yield* Effect.fail(
                conflict("mentoring", input.pairId, "future_date", {
                  zh: `结束日期 ${input.to} 晚于今天`,
                  en: `the end ${input.to} is in the future`,
                }),
              )
            const all = yield* dutyQueries.mentorPairings(tx, r.mentorId)
            const ended = yield* InPost.endPairing(all, input.pairId, input.to)
            const p = ended.find((x) => x.id === input.pairId)
            if (p === undefined) return yield* Effect.fail(notFound("mentoring", input.pairId))
            yield* dutyQueries.saveEndedPair(tx, p, input.to)
            yield* writeAudit(tx, ctx, {
              action: "mentoring.end",
              entity: "placement",
              entityId: r.placementId,
              regionPath: r.regionPath,
              before: { to: null },
              after: { pair: input.pairId, to: input.to },
            })
          }),
        )
        return yield* pairAfterCommit(input.pairId)
      })

    /** Pairs of a mentor (or all in scope), with the mentor's load in `year` against the scheme's capacity. */
    const pairs = (
      actor: Access.Actor,
      filter: { readonly mentorId?: string | undefined; readonly placementId?: string | undefined },
    ): Effect.Effect<ReadonlyArray<PairRecord>, Err<never>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* dutyQueries.listPairs(db, actor, filter)
      })

    const mentorLoad = (
      actor: Access.Actor,
      input: { readonly placementId: string; readonly mentorId: string; readonly year: number },
    ): Effect.Effect<InPost.MentorLoad, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const rec = yield* visiblePlacement(db, actor, input.placementId)
        // The capacity of the version in force at the year's end (the placement's own before it took effect).
        const own = { schemeId: rec.placement.schemeId, placedUnder: rec.placement.schemeVersion }
        const scheme = yield* schemes.inForce({ ...own, date: LocalDate.fromParts(input.year, 12, 31) }).pipe(
          Effect.map((f) => f.scheme),
          Effect.catchTag("NoVersionInForce", () => schemes.load(own.schemeId, own.placedUnder)),
        )
        return InPost.mentorLoad(
          yield* dutyQueries.mentorPairings(db, input.mentorId),
          input.mentorId as Person.PersonId,
          input.year,
          scheme.mentorCapacity,
        )
      })

    return { pair, endPairing, pairs, mentorLoad } as const
  }),
  dependencies: [SchemeStore.Default],
}) {}
