import { randomUUID } from "node:crypto"
import {
  Access,
  Assessment,
  InPost,
  type LocalDate,
  type Person,
  type Scheme,
  Selection,
  type Text,
} from "@cadre/domain"
import { and, asc, eq, inArray, isNotNull, ne, type SQL, sql } from "drizzle-orm"
import { Context, Effect, Either, Layer, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  conflict,
  type DatabaseError,
  type InvalidInput,
  type NotFound,
  notFound,
  type StaleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeRow,
  read,
  requirePermission,
  transact,
  within,
  writeAudit,
} from "../internal.js"
import {
  applications,
  assessments,
  campaigns,
  people,
  personConsequences,
  placements,
  posts,
  regions,
  replacementRequests,
  schemes,
  surveys,
  units,
} from "../schema/index.js"
import {
  entry,
  fileInArchive,
  lockPlacement,
  makeSchemeLoader,
  type PlacementOutcome,
  type PlacementRecord,
  readPlacement,
  savePlacement,
  seesPlacementSql,
  selectPlacements,
  toPlacementRecord,
} from "./inpostShared.js"

/**
 * Placements (任职安排), issue 5. A placement is made from an appointed application or entered directly by the org
 * dept, keeps its scheme version for life, and moves only through the kernel's checked state machine
 * (InPost.transition). Each command runs in one transaction that locks the placement row, checks its version,
 * writes the new state, files the change in the person's archive (一人一档; sealed when the placement ends, so a
 * sealed archive refuses the whole command) and writes its audit row. A recall applies the scheme's consequences
 * to the person (and to the dispatching unit after two recalls within a year, 002 三（二）), frees the post and
 * opens a replacement request (由派出单位重新选派人员).
 */

// ---------------------------------------------------------------------------------------------- records

const AppliedConsequenceStored = Schema.Struct({
  consequenceId: Schema.String,
  label: Schema.Struct({ zh: Schema.String, en: Schema.String }),
  appliesTo: Schema.Literal("cadre", "dispatching_unit"),
  effect: Schema.String,
  from: Schema.String,
  until: Schema.optional(Schema.String),
  year: Schema.optional(Schema.Number),
  grade: Schema.optional(Schema.String),
  citation: Schema.Struct({
    document: Schema.String,
    clause: Schema.String,
    quote: Schema.optional(Schema.String),
  }),
  text: Schema.Struct({ zh: Schema.String, en: Schema.String }),
})

export interface ConsequenceRecord {
  readonly id: string
  readonly personId: string
  readonly placementId: string
  readonly unitId: string | null
  readonly appliesTo: "cadre" | "dispatching_unit"
  readonly effect: string
  readonly from: string
  readonly until: string | null
  readonly year: number | null
  readonly label: Text
  readonly text: Text
  readonly clause: string
  /** In force on the date asked about. */
  readonly inForce: boolean
}

export interface ReplacementRecord {
  readonly id: string
  readonly placementId: string
  readonly postId: string
  readonly postTitle: string
  readonly regionId: string
  readonly regionPath: string
  readonly dispatchingUnitId: string | null
  readonly state: "open" | "filled"
  readonly requestedOn: string
  readonly filledBy: string | null
  readonly reason: Text
  readonly version: number
}

export interface CreatePlacementInput {
  readonly id?: string | undefined
  readonly personId: string
  readonly postId: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly placedOn: LocalDate.LocalDate
  readonly dispatchingUnitId?: string | undefined
  readonly quotaGroup?: string | undefined
  readonly on: LocalDate.LocalDate
}

/** What a move did besides changing the placement. */
export interface ActResult {
  readonly record: PlacementRecord
  readonly consequences: ReadonlyArray<ConsequenceRecord>
  readonly unitThresholds: ReadonlyArray<Assessment.UnitThreshold>
  readonly replacement: ReplacementRecord | null
}

type Err<E> = E | Access.Forbidden | DatabaseError
type CmdErr = Err<
  NotFound | StaleVersion | Conflict | InvalidInput | InPost.IllegalPlacementMove | InPost.ArchiveRefused
>

export interface PlacementRepoService {
  readonly list: (
    actor: Access.Actor,
    filter?: {
      readonly state?: InPost.PlacementState | undefined
      readonly schemeId?: string | undefined
      readonly regionId?: string | undefined
    },
  ) => Effect.Effect<ReadonlyArray<PlacementRecord>, Err<never>>
  readonly get: (actor: Access.Actor, id: string) => Effect.Effect<PlacementRecord, Err<NotFound>>
  /** The cadre's own placements (applicant accounts). */
  readonly mine: (actor: Access.Actor) => Effect.Effect<ReadonlyArray<PlacementRecord>, Err<never>>
  /** The placement with the scheme version it keeps. */
  readonly schemeOf: (
    actor: Access.Actor,
    id: string,
  ) => Effect.Effect<{ readonly record: PlacementRecord; readonly scheme: Scheme.Scheme }, Err<NotFound>>
  /** The org dept enters a placement directly (a vacant post in scope, a person in scope, a published scheme). */
  readonly create: (
    ctx: CommandContext,
    input: CreatePlacementInput,
  ) => Effect.Effect<PlacementRecord, CmdErr>
  /** A placement from an appointed application of a campaign the caller runs, on the application's post. */
  readonly fromApplication: (
    ctx: CommandContext,
    input: {
      readonly applicationId: string
      readonly dispatchingUnitId?: string | undefined
      readonly quotaGroup?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<PlacementRecord, CmdErr>
  /** A kernel move (confirm, extend, return, stay on, recall, adjust, exit…). */
  readonly act: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly expectedVersion: number
      readonly move: InPost.PlacementMove
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ActResult, CmdErr>
  /** At the term's end: training direction and use recommendation after consulting both units (004). */
  readonly recommendUse: (
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
  ) => Effect.Effect<PlacementRecord, CmdErr>
  /** Consequences on a person the caller sees (recall: no awards, reserve status removed, no promotion). */
  readonly consequences: (
    actor: Access.Actor,
    personId: string,
    on: LocalDate.LocalDate,
  ) => Effect.Effect<ReadonlyArray<ConsequenceRecord>, Err<NotFound>>
  readonly replacements: (
    actor: Access.Actor,
    filter?: { readonly state?: "open" | "filled" | undefined },
  ) => Effect.Effect<ReadonlyArray<ReplacementRecord>, Err<never>>
}

export class PlacementRepo extends Context.Tag("@cadre/db/PlacementRepo")<
  PlacementRepo,
  PlacementRepoService
>() {
  static readonly Live: Layer.Layer<PlacementRepo, never, Database> = Layer.effect(
    PlacementRepo,
    Effect.map(Database, (d) => makePlacementRepo(d.db)),
  )
}

// ---------------------------------------------------------------------------------------------- helpers

const encodePlacement = Schema.encodeSync(InPost.Placement)
const t = (zh: string, en: string): Text => ({ zh, en })

/** The day a move takes effect, for the archive entry that files it. */
const moveDate = (m: InPost.PlacementMove, on: LocalDate.LocalDate): LocalDate.LocalDate => {
  switch (m._tag) {
    case "TakeUp":
    case "ReturnToUnit":
    case "RecordRelation":
    case "Exit":
      return m.date
    case "Confirm":
      return m.electedOn
    case "ExtendProbation":
      return m.assessment.date
    case "StayOn":
    case "Recall":
    case "Adjust":
      return m.decision.date
    case "EndTerm":
      return on
  }
}

const clauseOf = (c: { readonly document: string; readonly clause: string }): string =>
  `${c.document} ${c.clause}`

const toConsequence = (
  r: typeof personConsequences.$inferSelect,
  on: LocalDate.LocalDate,
): ConsequenceRecord => {
  const b = decodeRow(AppliedConsequenceStored, "person_consequences", r.id, r.body)
  return {
    id: r.id,
    personId: r.personId,
    placementId: r.placementId,
    unitId: r.unitId,
    appliesTo: r.appliesTo as ConsequenceRecord["appliesTo"],
    effect: r.effect,
    from: r.fromDate,
    until: r.untilDate,
    year: r.year,
    label: b.label,
    text: b.text,
    clause: clauseOf(b.citation),
    inForce: Assessment.inForce(
      {
        from: r.fromDate as LocalDate.LocalDate,
        ...(r.untilDate === null ? {} : { until: r.untilDate as LocalDate.LocalDate }),
      },
      on,
    ),
  }
}

const ReplacementBody = Schema.Struct({ reason: Schema.Struct({ zh: Schema.String, en: Schema.String }) })

export const makePlacementRepo = (db: Db): PlacementRepoService => {
  const loadScheme = makeSchemeLoader()

  const afterCommit = (id: string, actor: Access.Actor) =>
    read("placement.get", () => readPlacement(db, actor, id)).pipe(
      Effect.flatMap((r) => (r === undefined ? Effect.fail(notFound("placement", id)) : Effect.succeed(r))),
    )

  const selectReplacements = (d: Db | Tx) =>
    d
      .select({ row: replacementRequests, path: regions.path, postTitle: posts.title })
      .from(replacementRequests)
      .innerJoin(regions, eq(regions.id, replacementRequests.regionId))
      .innerJoin(posts, eq(posts.id, replacementRequests.postId))
  type RepRow = Awaited<ReturnType<ReturnType<typeof selectReplacements>["where"]>>[number]
  const toReplacement = (r: RepRow): ReplacementRecord => ({
    id: r.row.id,
    placementId: r.row.placementId,
    postId: r.row.postId,
    postTitle: r.postTitle,
    regionId: r.row.regionId,
    regionPath: r.path,
    dispatchingUnitId: r.row.dispatchingUnitId,
    state: r.row.state as ReplacementRecord["state"],
    requestedOn: r.row.requestedOn,
    filledBy: r.row.filledBy,
    reason: decodeRow(ReplacementBody, "replacement_requests", r.row.id, r.row.body).reason,
    version: r.row.version,
  })

  /** Check the post, the person and the scheme of a new placement; take the post; file the archive entries. */
  const insertPlacement = async (
    tx: Tx,
    ctx: CommandContext,
    input: {
      readonly id: string
      readonly personId: string
      readonly postId: string
      readonly schemeId: string
      readonly schemeVersion: number
      readonly placedOn: LocalDate.LocalDate
      readonly applicationId?: string
      readonly dispatchingUnitId?: string | undefined
      readonly quotaGroup?: string | undefined
      /** From an application: the post was filled by its Appoint move. */
      readonly postAlreadyFilled: boolean
      readonly archiveEntries: ReadonlyArray<InPost.ArchiveEntry>
      readonly on: LocalDate.LocalDate
    },
  ): Promise<void> => {
    const actor = ctx.actor
    const [post] = await tx
      .select({ row: posts, path: regions.path })
      .from(posts)
      .innerJoin(regions, eq(regions.id, posts.regionId))
      .where(eq(posts.id, input.postId))
      .for("update", { of: posts })
    if (post === undefined || !Access.seesRegion(actor, post.path))
      return abort(notFound("post", input.postId))
    if (!input.postAlreadyFilled && post.row.status !== "vacant")
      return abort(
        conflict("post", input.postId, "post_not_vacant", {
          zh: `岗位“${post.row.title}”不空缺，不能安排任职`,
          en: `the post "${post.row.title}" is not vacant`,
        }),
      )
    const [s] = await tx
      .select({ status: schemes.status, path: regions.path })
      .from(schemes)
      .innerJoin(regions, eq(regions.id, schemes.regionId))
      .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.version, input.schemeVersion)))
    if (s === undefined || !Access.seesScheme(actor, s.path, s.status))
      return abort(notFound("scheme", `${input.schemeId}@${input.schemeVersion}`))
    if (s.status !== "published")
      return abort(
        conflict("scheme", input.schemeId, "not_published", {
          zh: "只能按已发布的方案版本安排任职",
          en: "a placement is made under a published scheme version only",
        }),
      )
    // The scheme governs its own region: a post elsewhere is not under it.
    if (!post.path.startsWith(s.path))
      return abort(
        conflict("placement", input.postId, "post_outside_scheme", {
          zh: "该岗位不在方案适用的区域内",
          en: "the post lies outside the region the scheme governs",
        }),
      )
    if (input.dispatchingUnitId !== undefined) {
      const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.dispatchingUnitId))
      if (u === undefined) return abort(notFound("unit", input.dispatchingUnitId))
    }
    const scheme = await loadScheme(tx, input.schemeId, input.schemeVersion)
    const p = InPost.newPlacement({
      id: input.id,
      personId: input.personId as Person.PersonId,
      postId: input.postId,
      placedOn: input.placedOn,
      scheme,
      ...(input.applicationId === undefined ? {} : { applicationId: input.applicationId }),
    })
    await tx.insert(placements).values({
      id: p.id,
      personId: input.personId,
      postId: input.postId,
      regionId: post.row.regionId,
      schemeId: input.schemeId,
      schemeVersion: input.schemeVersion,
      applicationId: input.applicationId ?? null,
      dispatchingUnitId: input.dispatchingUnitId ?? null,
      quotaGroup: input.quotaGroup ?? input.schemeId,
      state: p.state,
      placedOn: p.placedOn,
      body: encodePlacement(p),
    })
    if (!input.postAlreadyFilled) {
      await tx
        .update(posts)
        .set({ status: "filled", version: sql`${posts.version} + 1`, updatedAt: new Date() })
        .where(eq(posts.id, input.postId))
      await writeAudit(tx, ctx, {
        action: "post.fill",
        entity: "post",
        entityId: input.postId,
        regionPath: post.path,
        before: { status: post.row.status },
        after: { status: "filled", placementId: p.id },
      })
    }
    // A replacement the post was waiting for is now made.
    await tx
      .update(replacementRequests)
      .set({
        state: "filled",
        filledBy: p.id,
        version: sql`${replacementRequests.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(replacementRequests.postId, input.postId), eq(replacementRequests.state, "open")))
    await fileInArchive(tx, ctx, {
      personId: input.personId,
      regionPath: post.path,
      on: input.on,
      entries: [
        ...input.archiveEntries,
        entry(
          `${p.id}/placed`,
          p.placedOn,
          "placement_change",
          t(`安排任职：${post.row.title}`, `placed: ${post.row.title}`),
          { ref: p.id },
        ),
      ],
      // Dispatched again after leaving: the sealed file gets a new volume (003 三 一人一档).
      reopen: true,
    })
    await writeAudit(tx, ctx, {
      action: "placement.create",
      entity: "placement",
      entityId: p.id,
      regionPath: post.path,
      before: null,
      after: {
        state: p.state,
        personId: input.personId,
        postId: input.postId,
        scheme: `${input.schemeId}@${input.schemeVersion}`,
        applicationId: input.applicationId ?? null,
      },
    })
  }

  /** A recall or adjustment on a trigger that reads facts needs those facts on record (002 三（二）, 000 三（四））. */
  const checkEvidence = async (
    tx: Tx,
    rec: PlacementRecord,
    scheme: Scheme.Scheme,
    triggerId: string | undefined,
  ): Promise<void> => {
    if (triggerId === undefined) return
    const tr = scheme.recall.triggers.find((x) => x.id === triggerId)
    // An unknown trigger is the kernel's to refuse, with the list of those available.
    if (tr === undefined) return
    const c = tr.condition
    const none = (zh: string, en: string) =>
      abort(
        conflict("placement", rec.placement.id, "no_evidence", {
          zh: `情形“${tr.label.zh}”（${clauseOf(tr.citation)}）须有记录为据：${zh}`,
          en: `"${tr.label.en}" (${clauseOf(tr.citation)}) needs its evidence on record: ${en}`,
        }),
      )
    if (c._tag === "SurveyRate") {
      const rows = await tx
        .select({ fired: surveys.fired, year: surveys.year })
        .from(surveys)
        .where(eq(surveys.placementId, rec.placement.id))
      const hit = rows.some((r) => Array.isArray(r.fired) && (r.fired as Array<unknown>).includes(triggerId))
      if (!hit) none("没有触发该情形的满意度测评", "no survey on record fired it")
    }
    if (c._tag === "GradeIs") {
      const rows = await tx
        .select({ grade: assessments.grade })
        .from(assessments)
        .where(and(eq(assessments.placementId, rec.placement.id), isNotNull(assessments.grade)))
      if (!rows.some((r) => (c.grades as ReadonlyArray<string>).includes(r.grade ?? "")))
        none("没有相应等次的考核记录", "no assessment on record with that grade")
    }
  }

  /** Apply the scheme's recall consequences; record them on the person (and the unit), dated from the decision. */
  const applyConsequences = async (
    tx: Tx,
    ctx: CommandContext,
    rec: PlacementRecord,
    scheme: Scheme.Scheme,
    on: LocalDate.LocalDate,
  ) => {
    const unitId = rec.dispatchingUnitId
    const earlier =
      unitId === null
        ? []
        : await tx
            .select({ endedOn: placements.endedOn })
            .from(placements)
            .where(
              and(
                eq(placements.dispatchingUnitId, unitId),
                eq(placements.state, "recalled"),
                ne(placements.id, rec.placement.id),
              ),
            )
    const outcome = Assessment.applyRecall({
      consequences: scheme.recall.consequences,
      on,
      unitRecalls: earlier.flatMap((r) => (r.endedOn === null ? [] : [r.endedOn as LocalDate.LocalDate])),
    })
    const ids: Array<string> = []
    for (const c of [...outcome.cadre, ...outcome.unit]) {
      const id = randomUUID()
      ids.push(id)
      await tx.insert(personConsequences).values({
        id,
        personId: rec.person.id,
        placementId: rec.placement.id,
        appliesTo: c.appliesTo,
        unitId: c.appliesTo === "dispatching_unit" ? unitId : null,
        consequenceId: c.consequenceId,
        effect: c.effect,
        fromDate: c.from,
        untilDate: c.until ?? null,
        year: c.year ?? null,
        body: Schema.encodeSync(AppliedConsequenceStored)({
          consequenceId: c.consequenceId,
          label: c.label,
          appliesTo: c.appliesTo,
          effect: c.effect,
          from: c.from,
          ...(c.until === undefined ? {} : { until: c.until }),
          ...(c.year === undefined ? {} : { year: c.year }),
          ...(c.grade === undefined ? {} : { grade: c.grade }),
          citation: c.citation,
          text: c.text,
        }),
      })
    }
    await writeAudit(tx, ctx, {
      action: "placement.consequences",
      entity: "person",
      entityId: rec.person.id,
      regionPath: rec.regionPath,
      before: null,
      after: {
        placementId: rec.placement.id,
        cadre: outcome.cadre.map((c) => c.consequenceId),
        unit: outcome.unit.map((c) => c.consequenceId),
        unitId,
      },
    })
    return { outcome, ids }
  }

  const vacate = async (tx: Tx, ctx: CommandContext, rec: PlacementRecord) => {
    await tx
      .update(posts)
      .set({ status: "vacant", version: sql`${posts.version} + 1`, updatedAt: new Date() })
      .where(eq(posts.id, rec.placement.postId))
    await writeAudit(tx, ctx, {
      action: "post.vacate",
      entity: "post",
      entityId: rec.placement.postId,
      regionPath: rec.regionPath,
      before: { status: "filled" },
      after: { status: "vacant", placementId: rec.placement.id },
    })
  }

  return {
    list: (actor, filter = {}) =>
      Effect.gen(function* () {
        if (actor.role !== "applicant") yield* requirePermission(actor, "placement.read")
        return yield* read("placement.list", async () => {
          const conds: Array<SQL> = [seesPlacementSql(actor)]
          if (filter.state !== undefined) conds.push(eq(placements.state, filter.state))
          if (filter.schemeId !== undefined) conds.push(eq(placements.schemeId, filter.schemeId))
          if (filter.regionId !== undefined) {
            const [r] = await db
              .select({ path: regions.path })
              .from(regions)
              .where(eq(regions.id, filter.regionId))
            if (r === undefined) return []
            conds.push(within(regions.path, r.path))
          }
          const rows = await selectPlacements(db)
            .where(and(...conds))
            .orderBy(asc(placements.placedOn), asc(placements.id))
          return rows.map(toPlacementRecord)
        })
      }),

    get: (actor, id) =>
      Effect.gen(function* () {
        if (actor.role !== "applicant") yield* requirePermission(actor, "placement.read")
        else yield* requirePermission(actor, "placement.own")
        return yield* afterCommit(id, actor)
      }),

    mine: (actor) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.own")
        return yield* read("placement.mine", async () => {
          const rows = await selectPlacements(db)
            .where(seesPlacementSql(actor))
            .orderBy(asc(placements.placedOn))
          return rows.map(toPlacementRecord)
        })
      }),

    schemeOf: (actor, id) =>
      Effect.gen(function* () {
        const record = yield* afterCommit(id, actor)
        const scheme = yield* read("placement.scheme", () =>
          loadScheme(db, record.placement.schemeId, record.placement.schemeVersion),
        )
        return { record, scheme }
      }),

    create: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.create")
        const id = input.id ?? `pl-${randomUUID()}`
        yield* transact<void, CmdErr>(db, "placement.create", async (tx) => {
          const [p] = await tx
            .select({ path: regions.path })
            .from(people)
            .innerJoin(regions, eq(regions.id, people.regionId))
            .where(eq(people.id, input.personId))
          if (p === undefined || !Access.seesRegion(ctx.actor, p.path))
            return abort(notFound("person", input.personId))
          await insertPlacement(tx, ctx, {
            id,
            personId: input.personId,
            postId: input.postId,
            schemeId: input.schemeId,
            schemeVersion: input.schemeVersion,
            placedOn: input.placedOn,
            dispatchingUnitId: input.dispatchingUnitId,
            quotaGroup: input.quotaGroup,
            postAlreadyFilled: false,
            archiveEntries: [],
            on: input.on,
          })
        })
        return yield* afterCommit(id, ctx.actor)
      }),

    fromApplication: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.create")
        const id = `pl-${randomUUID()}`
        yield* transact<void, CmdErr>(db, "placement.fromApplication", async (tx) => {
          const [a] = await tx
            .select({ row: applications, campaignPath: regions.path, campaignName: campaigns.name })
            .from(applications)
            .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
            .innerJoin(regions, eq(regions.id, campaigns.regionId))
            .where(eq(applications.id, input.applicationId))
            .for("update", { of: applications })
          // Only the campaign's own scope (the one that appointed) makes the placement.
          if (a === undefined || !Access.runsCampaign(ctx.actor, a.campaignPath))
            return abort(notFound("application", input.applicationId))
          if (a.row.state !== "appointed" && a.row.state !== "reported_in")
            return abort(
              conflict("application", input.applicationId, "not_appointed", {
                zh: "只有已任职（或已报到）的人选才能安排任职",
                en: "only an appointed (or reported-in) application becomes a placement",
              }),
            )
          const app = decodeRow(Selection.Application, "applications", a.row.id, a.row.body)
          const postId = app.postId
          if (postId === undefined)
            return abort(
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
          await insertPlacement(tx, ctx, {
            id,
            personId: app.personId,
            postId,
            schemeId: app.schemeId,
            schemeVersion: app.schemeVersion,
            placedOn: appointed?.on ?? input.on,
            applicationId: app.id,
            dispatchingUnitId: input.dispatchingUnitId,
            quotaGroup: input.quotaGroup,
            postAlreadyFilled: true,
            archiveEntries: entries,
            on: input.on,
          })
        })
        return yield* afterCommit(id, ctx.actor)
      }),

    act: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        const done = yield* transact<
          { consequences: ReadonlyArray<string>; thresholds: ReadonlyArray<Assessment.UnitThreshold> },
          CmdErr
        >(db, `placement.${input.move._tag}`, async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId, input.expectedVersion)
          const scheme = await loadScheme(tx, rec.placement.schemeId, rec.placement.schemeVersion)
          const m = input.move
          if (m._tag === "Recall") await checkEvidence(tx, rec, scheme, m.triggerId)
          if (m._tag === "Adjust") await checkEvidence(tx, rec, scheme, m.triggerId)
          const r = InPost.transition(rec.placement, m, {
            scheme,
            on: input.on,
            by: { accountId: ctx.actor.accountId, role: ctx.actor.role },
          })
          if (Either.isLeft(r)) return abort(r.left)
          const next = r.right
          await savePlacement(tx, next, input.expectedVersion)
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
          let consequenceIds: ReadonlyArray<string> = []
          let thresholds: ReadonlyArray<Assessment.UnitThreshold> = []
          if (m._tag === "Recall") {
            const { outcome, ids } = await applyConsequences(tx, ctx, rec, scheme, m.decision.date)
            consequenceIds = ids
            thresholds = outcome.unitThresholds
            for (const [i, c] of outcome.cadre.entries())
              entries.push(
                entry(`${next.id}/penalty-${i + 1}`, c.from, "penalty", c.label, {
                  ref: next.id,
                  citation: c.citation,
                }),
              )
            const replacementReason = scheme.provisions.find((p) => p.id === "replacement")
            await tx.insert(replacementRequests).values({
              id: randomUUID(),
              placementId: next.id,
              postId: next.postId,
              regionId: rec.regionId,
              dispatchingUnitId: rec.dispatchingUnitId,
              requestedOn: m.decision.date,
              body: {
                reason:
                  replacementReason === undefined
                    ? t("召回后重新选派", "a replacement after the recall")
                    : {
                        zh: `${replacementReason.text.zh}（${clauseOf(replacementReason.citation)}）`,
                        en: `${replacementReason.text.en} (${clauseOf(replacementReason.citation)})`,
                      },
              },
            })
          }
          if (closed) await vacate(tx, ctx, rec)
          await fileInArchive(tx, ctx, {
            personId: rec.person.id,
            regionPath: rec.regionPath,
            on: input.on,
            entries,
            // 离任统一封存 (003 三): sealed on the day the ending is recorded, after every entry it files.
            ...(closed ? { seal: InPost.PLACEMENT_STATE_LABELS[next.state] } : {}),
          })
          await writeAudit(tx, ctx, {
            action: `placement.${m._tag}`,
            entity: "placement",
            entityId: next.id,
            regionPath: rec.regionPath,
            before: { state: rec.placement.state },
            after: { state: next.state, move: m },
          })
          return { consequences: consequenceIds, thresholds }
        })
        const record = yield* afterCommit(input.placementId, ctx.actor)
        const consequences = yield* read("placement.consequences", async () => {
          if (done.consequences.length === 0) return []
          const rows = await db
            .select()
            .from(personConsequences)
            .where(inArray(personConsequences.id, [...done.consequences]))
            .orderBy(asc(personConsequences.createdAt))
          return rows.map((r) => toConsequence(r, record.placement.ending?.date ?? input.on))
        })
        const replacement = yield* read("placement.replacement", async () => {
          const [r] = await selectReplacements(db).where(
            eq(replacementRequests.placementId, input.placementId),
          )
          return r === undefined ? null : toReplacement(r)
        })
        return { record, consequences, unitThresholds: done.thresholds, replacement }
      }),

    recommendUse: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.create")
        yield* transact<void, CmdErr>(db, "placement.recommendUse", async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId, input.expectedVersion)
          if (rec.placement.state !== "term_ended")
            return abort(
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
          await savePlacement(tx, rec.placement, input.expectedVersion, { outcome })
          await fileInArchive(tx, ctx, {
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
          await writeAudit(tx, ctx, {
            action: "placement.recommendUse",
            entity: "placement",
            entityId: rec.placement.id,
            regionPath: rec.regionPath,
            before: { outcome: rec.outcome },
            after: { outcome },
          })
        })
        return yield* afterCommit(input.placementId, ctx.actor)
      }),

    consequences: (actor, personId, on) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* read("person.consequences", async () => {
          // Visible through a placement of the person within the scope.
          const rows = await db
            .select({ c: personConsequences })
            .from(personConsequences)
            .innerJoin(placements, eq(placements.id, personConsequences.placementId))
            .innerJoin(regions, eq(regions.id, placements.regionId))
            .where(and(eq(personConsequences.personId, personId), seesPlacementSql(actor)))
            .orderBy(asc(personConsequences.fromDate), asc(personConsequences.consequenceId))
          return rows.map((r) => toConsequence(r.c, on))
        })
      }),

    replacements: (actor, filter = {}) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* read("replacement.list", async () => {
          const conds: Array<SQL> = [within(regions.path, actor.scopePath)]
          if (filter.state !== undefined) conds.push(eq(replacementRequests.state, filter.state))
          const rows = await selectReplacements(db)
            .where(and(...conds))
            .orderBy(asc(replacementRequests.requestedOn))
          return rows.map(toReplacement)
        })
      }),
  }
}
