import { type PlacementRecord, PlacementService } from "@cadre/services"
import { Assessment, InPost, LocalDate } from "@cadre/domain"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { todayOf } from "../today.js"
import { ExpectedVersion, Id, MAX_INT4, PageFields, pageOut, pageRequest } from "./shared.js"

/**
 * Placements (任职安排), issue 5. Every move is the kernel's (InPost.transition) under the scheme version the
 * placement keeps; the service locks, audits and files each change in the archive (routers/archive.ts).
 * Outputs carry the person's ID number and phone masked, as everywhere else.
 */

const encodePlacement = Schema.encodeSync(InPost.Placement)

export const placementOut = (r: PlacementRecord) => ({
  id: r.placement.id,
  state: r.placement.state,
  stateLabel: InPost.PLACEMENT_STATE_LABELS[r.placement.state],
  confirmed: InPost.isConfirmed(r.placement),
  personId: r.person.id,
  person: r.person,
  postId: r.placement.postId,
  postTitle: r.postTitle,
  hostUnit: r.hostUnit,
  regionId: r.regionId,
  regionName: r.regionName,
  regionPath: r.regionPath,
  schemeId: r.placement.schemeId,
  schemeVersion: r.placement.schemeVersion,
  schemeName: r.schemeName,
  applicationId: r.placement.applicationId ?? null,
  dispatchingUnitId: r.dispatchingUnitId,
  dispatchingUnitName: r.dispatchingUnitName,
  quotaGroup: r.quotaGroup,
  placedOn: r.placement.placedOn,
  startedOn: r.placement.startedOn ?? null,
  termEnd: r.termEnd,
  endedOn: r.endedOn,
  ending: r.placement.ending ?? null,
  outcome: r.outcome,
  /** Admonishments on record (003 五 批评教育、促其整改; 004 淮上 诫勉谈话), with the clause of their trigger. */
  admonishments: (r.placement.admonishments ?? []).map((a) => ({
    triggerId: a.triggerId,
    measures: a.measures,
    measureLabels: a.measures.map((m) => Assessment.ADMONISH_MEASURE_LABELS[m]),
    reason: a.reason,
    decision: a.decision,
    clause: `${a.citation.document} ${a.citation.clause}`,
  })),
  version: r.version,
  placement: encodePlacement(r.placement),
})

const PlacementId = Id("任职安排编号 / placement id")
const PersonId = Id("人员编号 / person id")

const CreateInput = Schema.Struct({
  id: Schema.optional(Id("任职安排编号 / placement id")),
  personId: PersonId,
  postId: Id("岗位 / post"),
  schemeId: Id("方案编号 / scheme id"),
  schemeVersion: Schema.Int.pipe(Schema.between(1, MAX_INT4)).annotations({
    title: "方案版本 / scheme version",
  }),
  placedOn: LocalDate.LocalDate.annotations({ title: "任职决定日期 / placed on" }),
  dispatchingUnitId: Schema.optional(Id("派出单位 / dispatching unit")),
})

export const placementsRouter = router({
  /** Placements in scope, by state (placed, on probation, in term, recalled…). */
  /**
   * One page of the placements the caller sees (by placement date, oldest first unless `order: "desc"`), at most
   * `limit` (≤ 200, default 50), with `nextCursor` (null on the last page) and the `total` passing the filter.
   */
  list: procedure
    .permission("placement.read")
    .input(
      input(
        Schema.Struct({
          state: Schema.optional(InPost.PlacementState),
          schemeId: Schema.optional(Id("方案编号 / scheme id")),
          regionId: Schema.optional(Id("区域 / region")),
          ...PageFields,
        }),
      ),
    )
    .query(({ ctx, input: { cursor, limit, order, ...filter } }) =>
      ctx
        .run(
          Effect.flatMap(PlacementService, (r) =>
            r.list(ctx.actor, filter, pageRequest({ cursor, limit, order })),
          ),
        )
        .then((page) => ({
          ...pageOut(page, placementOut),
          // The state filter's choices, in the order of the term, each with its count and label.
          states: InPost.PLACEMENT_STATES.flatMap((state) => {
            const count = page.byState.find((s) => s.state === state)?.count ?? 0
            return count === 0 ? [] : [{ state, label: InPost.PLACEMENT_STATE_LABELS[state], count }]
          }),
        })),
    ),

  /** One placement with what its scheme records but does not compute (full-time rule, relations) and the
   * consequences on the person. */
  get: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ id: PlacementId })))
    .query(({ ctx, input: i }) =>
      ctx.run(
        Effect.gen(function* () {
          const placements = yield* PlacementService
          // The version governing it today (issue 13): its rules are the ones shown.
          const { record, scheme } = yield* placements.schemeOf(ctx.actor, i.id, todayOf(ctx))
          const consequences = yield* placements.consequences(ctx.actor, record.person.id, todayOf(ctx))
          return {
            ...placementOut(record),
            schemeName: scheme.name,
            governingSchemeVersion: scheme.version,
            fullTime: InPost.fullTimeRules(scheme).map((p) => ({
              text: p.text,
              clause: `${p.citation.document} ${p.citation.clause}`,
            })),
            relations: Object.entries(record.placement.relations).map(([k, rule]) => ({
              relation: k,
              label: InPost.RELATION_LABELS[k as InPost.RelationKind],
              rule,
              movedOn: record.placement.relationsMoved[k as InPost.RelationKind] ?? null,
            })),
            consequences,
          }
        }),
      ),
    ),

  /** The cadre's own placements (an applicant account linked to the person). */
  mine: procedure
    .permission("placement.own")
    .query(({ ctx }) =>
      ctx
        .run(Effect.flatMap(PlacementService, (r) => r.mine(ctx.actor)))
        .then((rows) => rows.map(placementOut)),
    ),

  /** The org dept enters a placement directly: a vacant post and a person in scope, a published scheme. */
  create: procedure
    .permission("placement.create")
    .input(input(CreateInput))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(PlacementService, (r) => r.create(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(placementOut),
    ),

  /** A placement from an appointed application, on its post, under the campaign's scheme version. */
  fromApplication: procedure
    .permission("placement.create")
    .input(
      input(
        Schema.Struct({
          applicationId: Id("报名记录编号 / application id"),
          dispatchingUnitId: Schema.optional(Id("派出单位 / dispatching unit")),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(PlacementService, (r) => r.fromApplication(ctx.cmd, { ...i, on: todayOf(ctx) })))
        .then(placementOut),
    ),

  /**
   * A kernel move: TakeUp, Confirm, ExtendProbation, ReturnToUnit, RecordRelation, EndTerm, StayOn, Recall,
   * Adjust, Exit. A recall answers with the consequences applied and the replacement request opened.
   */
  act: procedure
    .permission("placement.manage")
    .input(
      input(
        Schema.Struct({
          id: PlacementId,
          expectedVersion: ExpectedVersion,
          move: InPost.PlacementMove,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(PlacementService, (r) =>
            r.act(ctx.cmd, {
              placementId: i.id,
              expectedVersion: i.expectedVersion,
              move: i.move,
              on: todayOf(ctx),
            }),
          ),
        )
        .then((x) => ({
          ...placementOut(x.record),
          consequences: x.consequences,
          unitThresholds: x.unitThresholds.map((u) => ({
            consequenceId: u.consequenceId,
            reached: u.reached,
            counted: u.counted,
            text: u.text,
          })),
          replacement: x.replacement,
        })),
    ),

  /** 004 晋城 成果运用 二是: at the term's end, the next training direction and a use recommendation. */
  recommendUse: procedure
    .permission("placement.create")
    .input(
      input(
        Schema.Struct({
          id: PlacementId,
          expectedVersion: ExpectedVersion,
          trainingDirection: Schema.NonEmptyTrimmedString.annotations({
            title: "培养方向 / training direction",
          }),
          usageRecommendation: Schema.NonEmptyTrimmedString.annotations({
            title: "使用建议 / use recommendation",
          }),
          consulted: Schema.Struct({
            dispatchingUnit: Schema.Literal(true).annotations({
              title: "已征求派出单位意见 / dispatching unit",
            }),
            hostUnit: Schema.Literal(true).annotations({ title: "已征求挂职单位意见 / host unit" }),
          }),
          result: Schema.optional(Schema.Literal("promoted", "moved_to_key_post")),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(PlacementService, (r) =>
            r.recommendUse(ctx.cmd, {
              placementId: i.id,
              expectedVersion: i.expectedVersion,
              trainingDirection: i.trainingDirection,
              usageRecommendation: i.usageRecommendation,
              consulted: i.consulted,
              result: i.result,
              on: todayOf(ctx),
            }),
          ),
        )
        .then(placementOut),
    ),

  /** Consequences on a person (no awards that year, reserve status removed, no promotion for two years…). */
  consequences: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ personId: PersonId })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(PlacementService, (r) => r.consequences(ctx.actor, i.personId, todayOf(ctx)))),
    ),

  /** Replacement requests (重新选派) opened by recalls, in scope. */
  replacements: procedure
    .permission("placement.read")
    .input(input(Schema.Struct({ state: Schema.optional(Schema.Literal("open", "filled")) })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(PlacementService, (r) => r.replacements(ctx.actor, i))),
    ),
})
