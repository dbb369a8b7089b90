import { randomUUID } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  decodeRow,
  type InvalidInput,
  type NotFound,
  notFound,
  type PageKey,
  type PageRequest,
  placementQueries,
  q,
  recallQueries,
  type StaleVersion,
  schema,
  transaction,
  within,
  writeAudit,
} from "@cadre/db"
import { Access, Assessment, InPost, type LocalDate, type Scheme, Selection } from "@cadre/domain"
import { and, asc, eq, type SQL } from "drizzle-orm"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive } from "../shared/inpost.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import {
  applyConsequences,
  checkEvidence,
  insertPlacement,
  moveDate,
  moveDateField,
  openReplacement,
  t,
  vacate,
} from "./commands.js"

/**
 * Placements (任职安排), issue 5. A placement is made from an appointed application or entered directly by the org
 * dept, keeps its scheme version for life, and moves only through the kernel's checked state machine
 * (InPost.transition). Each command runs in one transaction that locks the placement row, checks its version,
 * writes the new state, files the change in the person's archive (一人一档; sealed when the placement ends, so a
 * sealed archive refuses the whole command) and writes its audit row. A recall applies the scheme's consequences
 * to the person (and to the dispatching unit after two recalls within a year, 002 三（二）), frees the post and
 * opens a replacement request (由派出单位重新选派人员).
 */

const { applications, campaigns, people, placements, regions } = schema

type PlacementRecord = placementQueries.PlacementRecord
type PlacementOutcome = placementQueries.PlacementOutcome
type ConsequenceRecord = recallQueries.ConsequenceRecord
type ReplacementRecord = recallQueries.ReplacementRecord

/** A page of placements with the key that continues it (null on the last page) and the total. */
export interface PlacementPage {
  readonly items: ReadonlyArray<PlacementRecord>
  readonly next: PageKey | null
  /** How many pass the whole filter. */
  readonly total: number
  /** How many pass the filter but the state, by state (what the state filter offers). */
  readonly byState: ReadonlyArray<{ readonly state: InPost.PlacementState; readonly count: number }>
}

export interface CreatePlacementInput {
  readonly id?: string | undefined
  readonly personId: string
  readonly postId: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly placedOn: LocalDate.LocalDate
  readonly dispatchingUnitId?: string | undefined
  readonly on: LocalDate.LocalDate
}

/** What a move did besides changing the placement. */
export interface ActResult {
  readonly record: PlacementRecord
  readonly consequences: ReadonlyArray<ConsequenceRecord>
  readonly unitThresholds: ReadonlyArray<Assessment.UnitThreshold>
  readonly replacement: ReplacementRecord | null
}

type Err<E> = E | Access.Forbidden
type CmdErr = Err<
  | NotFound
  | StaleVersion
  | Conflict
  | InvalidInput
  | InPost.IllegalPlacementMove
  | InPost.ArchiveRefused
  | InPost.PostingHeld
  | Scheme.NoVersionInForce
  // A recall that grades the year (issue 20: 004 淮上) takes the grade's path, quotas included.
  | Assessment.QuotaRefused
  | Assessment.GroupCountInvalid
>

type PlacementRow = Parameters<typeof placementQueries.toPlacementRecord>[0]

/** Placement rows as records (a row that does not decode is a defect). */
const listRecords = (query: PromiseLike<ReadonlyArray<PlacementRow>>, operation: string) =>
  Effect.flatMap(q(query, operation), (rows) =>
    Effect.sync(() => rows.map(placementQueries.toPlacementRecord)),
  )

export class PlacementService extends Effect.Service<PlacementService>()("@cadre/services/PlacementService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const schemes = yield* SchemeStore

    const afterCommit = (id: string, actor: Access.Actor): Effect.Effect<PlacementRecord, NotFound> =>
      Effect.flatMap(placementQueries.readPlacement(db, actor, id), (r) =>
        r === undefined ? Effect.fail(notFound("placement", id)) : Effect.succeed(r),
      )

    /** One keyset page of the placements the caller sees, with the filter, and how many pass it in all. */
    const list = (
      actor: Access.Actor,
      filter: {
        readonly state?: InPost.PlacementState | undefined
        readonly schemeId?: string | undefined
        readonly regionId?: string | undefined
      },
      page: PageRequest,
    ): Effect.Effect<PlacementPage, Err<never>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const conds: Array<SQL> = [placementQueries.seesPlacementSql(actor)]
        if (filter.schemeId !== undefined) conds.push(eq(placements.schemeId, filter.schemeId))
        if (filter.regionId !== undefined) {
          const path = yield* placementQueries.regionPathOf(db, filter.regionId)
          if (path === undefined) return { items: [], next: null, total: 0, byState: [] }
          conds.push(within(regions.path, path))
        }
        const inState = filter.state === undefined ? undefined : eq(placements.state, filter.state)
        const [found, byState] = yield* Effect.all([
          placementQueries.pagePlacements(db, and(...conds, inState), page),
          placementQueries.countPlacementsByState(db, and(...conds)),
        ])
        const total = byState
          .filter((s) => filter.state === undefined || s.state === filter.state)
          .reduce((n, s) => n + s.count, 0)
        return { items: found.rows, next: found.next, total, byState }
      })

    const get = (actor: Access.Actor, id: string): Effect.Effect<PlacementRecord, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* afterCommit(id, actor)
      })

    /** The cadre's own placements (applicant accounts). */
    const mine = (actor: Access.Actor): Effect.Effect<ReadonlyArray<PlacementRecord>, Err<never>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.own")
        return yield* listRecords(
          placementQueries
            .selectPlacements(db)
            .where(placementQueries.seesPlacementSql(actor))
            .orderBy(asc(placements.placedOn)),
          "placement.mine",
        )
      })

    /**
     * The placement with the scheme version that governs it on `on` (issue 13: the version in force that day, never
     * older than the one it was made under); without `on`, or before that version took effect, the one it was made
     * under.
     */
    const schemeOf = (
      actor: Access.Actor,
      id: string,
      on?: LocalDate.LocalDate,
    ): Effect.Effect<{ readonly record: PlacementRecord; readonly scheme: Scheme.Scheme }, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const record = yield* afterCommit(id, actor)
        const own = { schemeId: record.placement.schemeId, placedUnder: record.placement.schemeVersion }
        const scheme =
          on === undefined
            ? yield* schemes.load(own.schemeId, own.placedUnder)
            : yield* schemes.inForce({ ...own, date: on }).pipe(
                Effect.map((f) => f.scheme),
                Effect.catchTag("NoVersionInForce", () => schemes.load(own.schemeId, own.placedUnder)),
              )
        return { record, scheme }
      })

    /** The org dept enters a placement directly (a vacant post in scope, a person in scope, a published scheme). */
    const create = (
      ctx: CommandContext,
      input: CreatePlacementInput,
    ): Effect.Effect<PlacementRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.create")
        const id = input.id ?? `pl-${randomUUID()}`
        yield* transaction(db, "placement.create", (tx) =>
          Effect.gen(function* () {
            const [p] = yield* q(
              tx
                .select({ path: regions.path })
                .from(people)
                .innerJoin(regions, eq(regions.id, people.regionId))
                .where(eq(people.id, input.personId)),
              "placement.person",
            )
            if (p === undefined || !Access.seesRegion(ctx.actor, p.path))
              return yield* Effect.fail(notFound("person", input.personId))
            yield* insertPlacement(tx, ctx, schemes, {
              id,
              personId: input.personId,
              postId: input.postId,
              schemeId: input.schemeId,
              schemeVersion: input.schemeVersion,
              placedOn: input.placedOn,
              dispatchingUnitId: input.dispatchingUnitId,
              postAlreadyFilled: false,
              archiveEntries: [],
              on: input.on,
            })
          }),
        )
        return yield* afterCommit(id, ctx.actor)
      })

    /** A placement from an appointed application of a campaign the caller runs, on the application's post. */
    const fromApplication = (
      ctx: CommandContext,
      input: {
        readonly applicationId: string
        readonly dispatchingUnitId?: string | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<PlacementRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.create")
        const id = `pl-${randomUUID()}`
        yield* transaction(db, "placement.fromApplication", (tx) =>
          Effect.gen(function* () {
            const [a] = yield* q(
              tx
                .select({ row: applications, campaignPath: regions.path, campaignName: campaigns.name })
                .from(applications)
                .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
                .innerJoin(regions, eq(regions.id, campaigns.regionId))
                .where(eq(applications.id, input.applicationId))
                .for("update", { of: applications }),
              "placement.application",
            )
            // Only the campaign's own scope (the one that appointed) makes the placement.
            if (a === undefined || !Access.runsCampaign(ctx.actor, a.campaignPath))
              return yield* Effect.fail(notFound("application", input.applicationId))
            if (a.row.state !== "appointed" && a.row.state !== "reported_in")
              return yield* Effect.fail(
                conflict("application", input.applicationId, "not_appointed", {
                  zh: "只有已任职（或已报到）的人选才能安排任职",
                  en: "only an appointed (or reported-in) application becomes a placement",
                }),
              )
            const app = yield* Effect.sync(() =>
              decodeRow(Selection.Application, "applications", a.row.id, a.row.body),
            )
            const postId = app.postId
            if (postId === undefined)
              return yield* Effect.fail(
                conflict("application", input.applicationId, "no_post", {
                  zh: "该人选任职时未指定岗位",
                  en: "the application was appointed without a post",
                }),
              )
            const appointed = [...app.history].reverse().find((h) => h.move._tag === "Appoint")
            const submitted = app.history[0]
            const entries: Array<InPost.ArchiveEntry> = []
            if (submitted !== undefined)
              entries.push(
                entry(
                  `${app.id}/registration`,
                  submitted.on,
                  "registration_form",
                  t(`报名（推荐）登记：${a.campaignName}`, `registration: ${a.campaignName}`),
                  { ref: app.id },
                ),
              )
            if (app.recommendation !== undefined && submitted !== undefined)
              entries.push(
                entry(
                  `${app.id}/recommendation`,
                  submitted.on,
                  "recommendation",
                  t(
                    `推荐：${app.recommendation.body}（${app.recommendation.meeting}）`,
                    `recommended by ${app.recommendation.body} (${app.recommendation.meeting})`,
                  ),
                  { ref: app.id },
                ),
              )
            yield* insertPlacement(tx, ctx, schemes, {
              id,
              personId: app.personId,
              postId,
              schemeId: app.schemeId,
              schemeVersion: app.schemeVersion,
              placedOn: appointed?.on ?? input.on,
              applicationId: app.id,
              dispatchingUnitId: input.dispatchingUnitId,
              postAlreadyFilled: true,
              archiveEntries: entries,
              on: input.on,
            })
          }),
        )
        return yield* afterCommit(id, ctx.actor)
      })

    /** A kernel move (confirm, extend, return, stay on, recall, adjust, exit…). */
    const act = (
      ctx: CommandContext,
      input: {
        readonly placementId: string
        readonly expectedVersion: number
        readonly move: InPost.PlacementMove
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<ActResult, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        const done = yield* transaction(db, `placement.${input.move._tag}`, (tx) =>
          Effect.gen(function* () {
            const rec = yield* placementQueries.lockPlacement(
              tx,
              ctx.actor,
              input.placementId,
              input.expectedVersion,
            )
            const m = input.move
            // Issue 13: the version in force on the move's date governs it (a recall decided in 2027 under the
            // version of 2027, its consequences too), never one older than the placement's own.
            const { scheme, governing } = yield* schemes.inForce(
              {
                schemeId: rec.placement.schemeId,
                placedUnder: rec.placement.schemeVersion,
                date: moveDate(m, input.on),
                field: moveDateField(m),
              },
              tx,
            )
            if (m._tag === "Recall") yield* checkEvidence(tx, rec, scheme, m.triggerId)
            if (m._tag === "Adjust") yield* checkEvidence(tx, rec, scheme, m.triggerId)
            // 004 淮上 目标考核 三是: 诫勉谈话 on a survey below 60% needs that survey on record, as a recall does.
            if (m._tag === "Admonish") yield* checkEvidence(tx, rec, scheme, m.triggerId)
            const next = yield* InPost.transition(rec.placement, m, {
              scheme,
              on: input.on,
              by: { accountId: ctx.actor.accountId, role: ctx.actor.role },
            })
            // The obligations are generated from the version the placement was made under (InPost.obligationsOf).
            const own = yield* schemes.load(rec.placement.schemeId, rec.placement.schemeVersion, tx)
            yield* placementQueries.savePlacement(tx, next, input.expectedVersion, own.reports)
            const closed = InPost.isClosed(next.state)
            const date = moveDate(m, input.on)
            const label = InPost.PLACEMENT_MOVE_LABELS[m._tag]
            const to = InPost.PLACEMENT_STATE_LABELS[next.state]
            const entries: Array<InPost.ArchiveEntry> = [
              entry(
                `${next.id}/move-${next.history.length}`,
                date,
                "placement_change",
                t(`${label.zh}（${to.zh}）`, `${label.en} (${to.en})`),
                { ref: next.id },
              ),
            ]
            if (m._tag === "Admonish") {
              // 003 五 / 004 淮上: the measure is on the cadre's file (one-person-one-file), with its clause.
              const tr = scheme.recall.triggers.find((x) => x.id === m.triggerId)
              const ms = m.measures.map((x) => Assessment.ADMONISH_MEASURE_LABELS[x])
              entries.push(
                entry(
                  `${next.id}/admonish-${next.history.length}`,
                  m.decision.date,
                  "penalty",
                  t(
                    `${ms.map((x) => x.zh).join("、")}：${tr?.label.zh ?? m.triggerId}（${m.reason}）`,
                    `${ms.map((x) => x.en).join(", ")}: ${tr?.label.en ?? m.triggerId} (${m.reason})`,
                  ),
                  { ref: next.id, ...(tr === undefined ? {} : { citation: tr.citation }) },
                ),
              )
            }
            let consequenceIds: ReadonlyArray<string> = []
            let thresholds: ReadonlyArray<Assessment.UnitThreshold> = []
            if (m._tag === "Recall") {
              const { outcome, ids, graded } = yield* applyConsequences(
                tx,
                ctx,
                rec,
                scheme,
                m.decision.date,
                m.decision.by,
              )
              consequenceIds = ids
              thresholds = outcome.unitThresholds
              for (const [i, c] of outcome.cadre.entries())
                entries.push(
                  entry(`${next.id}/penalty-${i + 1}`, c.from, "penalty", c.label, {
                    ref: next.id,
                    citation: c.citation,
                  }),
                )
              entries.push(...graded)
              yield* openReplacement(tx, rec, next, scheme, m.decision.date)
            }
            if (closed) yield* vacate(tx, ctx, rec)
            yield* fileInArchive(tx, ctx, {
              personId: rec.person.id,
              regionPath: rec.regionPath,
              on: input.on,
              entries,
              // 离任统一封存 (003 三): sealed on the day the ending is recorded, after every entry it files.
              ...(closed ? { seal: InPost.PLACEMENT_STATE_LABELS[next.state] } : {}),
            })
            yield* writeAudit(tx, ctx, {
              action: `placement.${m._tag}`,
              entity: "placement",
              entityId: next.id,
              regionPath: rec.regionPath,
              before: { state: rec.placement.state },
              after: { state: next.state, move: m, governedBy: governing },
            })
            return { consequences: consequenceIds, thresholds }
          }),
        )
        const record = yield* afterCommit(input.placementId, ctx.actor)
        const consequences = yield* recallQueries.consequencesByIds(
          db,
          done.consequences,
          record.placement.ending?.date ?? input.on,
        )
        const replacement = yield* recallQueries.replacementOf(db, input.placementId)
        return { record, consequences, unitThresholds: done.thresholds, replacement }
      })

    /** At the term's end: training direction and use recommendation after consulting both units (004). */
    const recommendUse = (
      ctx: CommandContext,
      input: {
        readonly placementId: string
        readonly expectedVersion: number
        readonly trainingDirection: string
        readonly usageRecommendation: string
        readonly consulted: { readonly dispatchingUnit: true; readonly hostUnit: true }
        readonly result?: "promoted" | "moved_to_key_post" | undefined
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<PlacementRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.create")
        yield* transaction(db, "placement.recommendUse", (tx) =>
          Effect.gen(function* () {
            const rec = yield* placementQueries.lockPlacement(
              tx,
              ctx.actor,
              input.placementId,
              input.expectedVersion,
            )
            if (rec.placement.state !== "term_ended")
              return yield* Effect.fail(
                conflict("placement", input.placementId, "not_term_ended", {
                  zh: "任期届满后、离任前提出培养方向和使用建议（晋城 成果运用 二是）",
                  en: "the training direction and use recommendation are made at the end of the term, before exit",
                }),
              )
            const outcome: PlacementOutcome = {
              trainingDirection: input.trainingDirection,
              usageRecommendation: input.usageRecommendation,
              consulted: input.consulted,
              ...(input.result === undefined ? {} : { result: input.result }),
              recordedOn: input.on,
              recordedBy: ctx.actor.accountId,
            }
            const own = yield* schemes.load(rec.placement.schemeId, rec.placement.schemeVersion, tx)
            yield* placementQueries.savePlacement(tx, rec.placement, input.expectedVersion, own.reports, {
              outcome,
            })
            yield* fileInArchive(tx, ctx, {
              personId: rec.person.id,
              regionPath: rec.regionPath,
              on: input.on,
              entries: [
                entry(
                  `${rec.placement.id}/use-recommendation`,
                  input.on,
                  "assessment",
                  t(
                    `期满培养方向：${input.trainingDirection}；使用建议：${input.usageRecommendation}`,
                    `next training: ${input.trainingDirection}; use: ${input.usageRecommendation}`,
                  ),
                  { ref: rec.placement.id },
                ),
              ],
            })
            yield* writeAudit(tx, ctx, {
              action: "placement.recommendUse",
              entity: "placement",
              entityId: rec.placement.id,
              regionPath: rec.regionPath,
              before: { outcome: rec.outcome },
              after: { outcome },
            })
          }),
        )
        return yield* afterCommit(input.placementId, ctx.actor)
      })

    /** Consequences on a person the caller sees (recall: no awards, reserve status removed, no promotion). */
    const consequences = (
      actor: Access.Actor,
      personId: string,
      on: LocalDate.LocalDate,
    ): Effect.Effect<ReadonlyArray<ConsequenceRecord>, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        // Visible through a placement of the person within the scope.
        return yield* recallQueries.consequencesOfPerson(db, actor, personId, on)
      })

    const replacements = (
      actor: Access.Actor,
      filter: { readonly state?: "open" | "filled" | undefined } = {},
    ): Effect.Effect<ReadonlyArray<ReplacementRecord>, Err<never>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* recallQueries.listReplacements(db, actor.scopePath, filter)
      })

    return {
      list,
      get,
      mine,
      schemeOf,
      create,
      fromApplication,
      act,
      recommendUse,
      consequences,
      replacements,
    } as const
  }),
  dependencies: [SchemeStore.Default],
}) {}
