import { randomUUID } from "node:crypto"
import {
  type CommandContext,
  conflict,
  notFound,
  placementQueries,
  q,
  recallQueries,
  schema,
  type Tx,
  writeAudit,
} from "@cadre/db"
import { Access, Assessment, InPost, type LocalDate, type Person, Scheme, type Text } from "@cadre/domain"
import { and, eq, isNotNull, sql } from "drizzle-orm"
import { Effect, Either, Schema } from "effect"
import { imposeRecallGrade } from "../assessments/index.js"
import { entry, fileInArchive } from "../shared/inpost.js"
import { requireOnePosting } from "../shared/onePosting.js"
import type { SchemeStore } from "../shared/SchemeStore.js"

/**
 * The parts of the placement commands that run inside their transaction: making a placement (post, person and
 * scheme checked, the post taken, the archive filed), the evidence a recall needs, the consequences it applies,
 * freeing the post when a placement closes.
 */

const { assessments, placements, posts, regions, schemes, surveys, units } = schema
type PlacementRecord = placementQueries.PlacementRecord

const encodePlacement = Schema.encodeSync(InPost.Placement)
export const t = (zh: string, en: string): Text => ({ zh, en })
const clauseOf = recallQueries.clauseOf

/** The day a move takes effect, for the archive entry that files it. */
export const moveDate = (m: InPost.PlacementMove, on: LocalDate.LocalDate): LocalDate.LocalDate => {
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
    case "Admonish":
      return m.decision.date
    case "EndTerm":
      return on
  }
}

/** The input field holding a move's date (`moveDate`), where the refusal of that date stands; none for EndTerm. */
export const moveDateField = (m: InPost.PlacementMove): string | undefined => {
  switch (m._tag) {
    case "TakeUp":
    case "ReturnToUnit":
    case "RecordRelation":
    case "Exit":
      return "move.date"
    case "Confirm":
      return "move.electedOn"
    case "ExtendProbation":
      return "move.assessment.date"
    case "StayOn":
    case "Recall":
    case "Adjust":
    case "Admonish":
      return "move.decision.date"
    case "EndTerm":
      return undefined
  }
}

/** Check the post, the person and the scheme of a new placement; take the post; file the archive entries. */
export const insertPlacement = (
  tx: Tx,
  ctx: CommandContext,
  schemeStore: SchemeStore,
  input: {
    readonly id: string
    readonly personId: string
    readonly postId: string
    readonly schemeId: string
    readonly schemeVersion: number
    readonly placedOn: LocalDate.LocalDate
    readonly applicationId?: string
    readonly dispatchingUnitId?: string | undefined
    /** From an application: the post was filled by its Appoint move. */
    readonly postAlreadyFilled: boolean
    readonly archiveEntries: ReadonlyArray<InPost.ArchiveEntry>
    readonly on: LocalDate.LocalDate
  },
) =>
  Effect.gen(function* () {
    const actor = ctx.actor
    const [post] = yield* q(
      tx
        .select({ row: posts, path: regions.path })
        .from(posts)
        .innerJoin(regions, eq(regions.id, posts.regionId))
        .where(eq(posts.id, input.postId))
        .for("update", { of: posts }),
      "placement.post",
    )
    if (post === undefined || !Access.seesRegion(actor, post.path))
      return yield* Effect.fail(notFound("post", input.postId))
    if (!input.postAlreadyFilled && post.row.status !== "vacant")
      return yield* Effect.fail(
        conflict("post", input.postId, "post_not_vacant", {
          zh: `岗位“${post.row.title}”不空缺，不能安排任职`,
          en: `the post "${post.row.title}" is not vacant`,
        }),
      )
    const [s] = yield* q(
      tx
        .select({ status: schemes.status, path: regions.path })
        .from(schemes)
        .innerJoin(regions, eq(regions.id, schemes.regionId))
        .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.version, input.schemeVersion))),
      "placement.scheme",
    )
    if (s === undefined || !Access.seesScheme(actor, s.path, s.status))
      return yield* Effect.fail(notFound("scheme", `${input.schemeId}@${input.schemeVersion}`))
    if (s.status !== "published")
      return yield* Effect.fail(
        conflict("scheme", input.schemeId, "not_published", {
          zh: "只能按已发布的方案版本安排任职",
          en: "a placement is made under a published scheme version only",
        }),
      )
    // Issue 13, "dates bite": the version in force on the placement's date governs it (not one taking effect later,
    // nor one another version has replaced by then).
    const published = yield* schemeStore.publishedVersions(input.schemeId, tx)
    const governs = Scheme.governsOn(input.schemeId, published, input.schemeVersion, input.placedOn)
    if (Either.isLeft(governs))
      return yield* Effect.fail(
        conflict("placement", input.schemeId, `scheme_${governs.left.reason}`, {
          zh: `不能按 v${input.schemeVersion} 安排 ${input.placedOn} 的任职：${governs.left.text.zh}`,
          en: `a placement of ${input.placedOn} cannot be made under v${input.schemeVersion}: ${governs.left.text.en}`,
        }),
      )
    // The scheme governs its own region: a post elsewhere is not under it.
    if (!post.path.startsWith(s.path))
      return yield* Effect.fail(
        conflict("placement", input.postId, "post_outside_scheme", {
          zh: "该岗位不在方案适用的区域内",
          en: "the post lies outside the region the scheme governs",
        }),
      )
    if (input.dispatchingUnitId !== undefined) {
      const [u] = yield* q(
        tx.select({ id: units.id }).from(units).where(eq(units.id, input.dispatchingUnitId)),
        "placement.unit",
      )
      if (u === undefined) return yield* Effect.fail(notFound("unit", input.dispatchingUnitId))
    }
    const scheme = yield* schemeStore.load(input.schemeId, input.schemeVersion, tx)
    yield* requireOnePosting(tx, input.personId, scheme, input.applicationId)
    const p = InPost.newPlacement({
      id: input.id,
      personId: input.personId as Person.PersonId,
      postId: input.postId,
      placedOn: input.placedOn,
      scheme,
      ...(input.applicationId === undefined ? {} : { applicationId: input.applicationId }),
    })
    yield* q(
      tx.insert(placements).values({
        id: p.id,
        personId: input.personId,
        postId: input.postId,
        regionId: post.row.regionId,
        schemeId: input.schemeId,
        schemeVersion: input.schemeVersion,
        applicationId: input.applicationId ?? null,
        dispatchingUnitId: input.dispatchingUnitId ?? null,
        // Derived, never typed in: the scheme in its own region (issue 13).
        quotaGroup: Assessment.quotaGroupKey(input.schemeId, s.path),
        state: p.state,
        placedOn: p.placedOn,
        body: encodePlacement(p),
        obligationsVersion: 1,
      }),
      "placement.insert",
    )
    // What it owes (nothing before it is taken up; materialised all the same, in this transaction).
    yield* placementQueries.syncObligations(tx, [{ placement: p, reports: scheme.reports }])
    if (!input.postAlreadyFilled) {
      yield* q(
        tx
          .update(posts)
          .set({ status: "filled", version: sql`${posts.version} + 1`, updatedAt: new Date() })
          .where(eq(posts.id, input.postId)),
        "post.fill",
      )
      yield* writeAudit(tx, ctx, {
        action: "post.fill",
        entity: "post",
        entityId: input.postId,
        regionPath: post.path,
        before: { status: post.row.status },
        after: { status: "filled", placementId: p.id },
      })
    }
    // A replacement the post was waiting for is now made.
    yield* recallQueries.fillReplacements(tx, input.postId, p.id)
    yield* fileInArchive(tx, ctx, {
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
    yield* writeAudit(tx, ctx, {
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
  })

/** A recall or adjustment on a trigger that reads facts needs those facts on record (002 三（二）, 000 三（四））. */
export const checkEvidence = (
  tx: Tx,
  rec: PlacementRecord,
  scheme: Scheme.Scheme,
  triggerId: string | undefined,
) =>
  Effect.gen(function* () {
    if (triggerId === undefined) return
    const tr = scheme.recall.triggers.find((x) => x.id === triggerId)
    // An unknown trigger is the kernel's to refuse, with the list of those available.
    if (tr === undefined) return
    const c = tr.condition
    const none = (zh: string, en: string) =>
      Effect.fail(
        conflict("placement", rec.placement.id, "no_evidence", {
          zh: `情形“${tr.label.zh}”（${clauseOf(tr.citation)}）须有记录为据：${zh}`,
          en: `"${tr.label.en}" (${clauseOf(tr.citation)}) needs its evidence on record: ${en}`,
        }),
      )
    if (c._tag === "SurveyRate") {
      const rows = yield* q(
        tx
          .select({ fired: surveys.fired, year: surveys.year })
          .from(surveys)
          .where(eq(surveys.placementId, rec.placement.id)),
        "placement.evidence.surveys",
      )
      const hit = rows.some((r) => Array.isArray(r.fired) && (r.fired as Array<unknown>).includes(triggerId))
      if (!hit) yield* none("没有触发该情形的满意度测评", "no survey on record fired it")
    }
    if (c._tag === "GradeIs") {
      const rows = yield* q(
        tx
          .select({ grade: assessments.grade })
          .from(assessments)
          .where(and(eq(assessments.placementId, rec.placement.id), isNotNull(assessments.grade))),
        "placement.evidence.assessments",
      )
      if (!rows.some((r) => (c.grades as ReadonlyArray<string>).includes(r.grade ?? "")))
        yield* none("没有相应等次的考核记录", "no assessment on record with that grade")
    }
  })

/**
 * Apply the scheme's recall consequences; record them on the person (and the unit), dated from the decision, and
 * write the grades they set as assessments (decided by `by`, the body that decided the recall).
 */
export const applyConsequences = (
  tx: Tx,
  ctx: CommandContext,
  rec: PlacementRecord,
  scheme: Scheme.Scheme,
  on: LocalDate.LocalDate,
  by: Scheme.Actor,
) =>
  Effect.gen(function* () {
    const unitId = rec.dispatchingUnitId
    const earlier =
      unitId === null ? [] : yield* recallQueries.earlierUnitRecalls(tx, unitId, rec.placement.id)
    const outcome = Assessment.applyRecall({
      consequences: scheme.recall.consequences,
      on,
      unitRecalls: earlier,
    })
    const ids: Array<string> = []
    for (const c of [...outcome.cadre, ...outcome.unit]) {
      const id = randomUUID()
      ids.push(id)
      yield* recallQueries.insertConsequence(tx, {
        id,
        personId: rec.person.id,
        placementId: rec.placement.id,
        unitId,
        applied: c,
      })
    }
    yield* writeAudit(tx, ctx, {
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
    const graded: Array<InPost.ArchiveEntry> = []
    for (const g of Assessment.recallGrades(scheme.assessment.cycles, outcome).grades)
      graded.push(yield* imposeRecallGrade(tx, ctx, rec, scheme, g, by, on))
    return { outcome, ids, graded }
  })

/** The replacement request a recall opens (由派出单位重新选派人员), with the scheme's provision as its reason. */
export const openReplacement = (
  tx: Tx,
  rec: PlacementRecord,
  next: InPost.Placement,
  scheme: Scheme.Scheme,
  requestedOn: LocalDate.LocalDate,
) => {
  const replacementReason = scheme.provisions.find((p) => p.id === "replacement")
  return recallQueries.openReplacement(tx, {
    id: randomUUID(),
    placementId: next.id,
    postId: next.postId,
    regionId: rec.regionId,
    dispatchingUnitId: rec.dispatchingUnitId,
    requestedOn,
    reason:
      replacementReason === undefined
        ? t("召回后重新选派", "a replacement after the recall")
        : {
            zh: `${replacementReason.text.zh}（${clauseOf(replacementReason.citation)}）`,
            en: `${replacementReason.text.en} (${clauseOf(replacementReason.citation)})`,
          },
  })
}

/** A closed placement frees its post. */
export const vacate = (tx: Tx, ctx: CommandContext, rec: PlacementRecord) =>
  Effect.gen(function* () {
    yield* q(
      tx
        .update(posts)
        .set({ status: "vacant", version: sql`${posts.version} + 1`, updatedAt: new Date() })
        .where(eq(posts.id, rec.placement.postId)),
      "post.vacate",
    )
    yield* writeAudit(tx, ctx, {
      action: "post.vacate",
      entity: "post",
      entityId: rec.placement.postId,
      regionPath: rec.regionPath,
      before: { status: "filled" },
      after: { status: "vacant", placementId: rec.placement.id },
    })
  })
