import { randomUUID } from "node:crypto"
import { Access, Assessment, InPost, LocalDate, Pool, Scheme, type Text } from "@cadre/domain"
import { and, asc, eq, type SQL, sql } from "drizzle-orm"
import { Context, Effect, Either, Layer, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  conflict,
  type DatabaseError,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
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
import { evaluations, people, personConsequences, regions, reserveMembers, schemes } from "../schema/index.js"
import {
  entry,
  fileInArchive,
  lockPlacement,
  makeSchemeLoader,
  type PlacementRecord,
  personInScope,
  readPlacement,
  speaksFor,
} from "./inpostShared.js"

/**
 * Scores and evaluations of cadres in post, and the reserve pipeline (issue 5), each computed by the kernel from
 * the scheme version the placement keeps, filed in the person's archive and audited in the same transaction (a
 * sealed archive refuses the whole command):
 * - 004 淮上 目标考核 三是 百分制量化考核 at half-year, year-end and term-end (Assessment.scoreSheet): the total, and
 *   the grade only where the scheme gives score bands — otherwise the kernel's Undetermined with its note;
 * - 003 四 抓好提级述职 (scorePanel), 用好星级评定 (starsFor), 做实履职评估 四评 (recordEvaluation, residentRates),
 *   三 深化分类管理 (classifySecretary): where the scheme gives no weights, bands or answer options the answer is
 *   "undetermined, not set by the scheme" with the note — no number is made up;
 * - 003 一 拓源储备一批: community workers → reserves for the two committees → secretary reserves (`reserve_members`);
 *   the yearly review that removes the unqualified (001 五1) is AssessmentRepo.reviewPool, which counts these
 *   members too (`reserveRows`) and closes them (`closeReserves`).
 */

const t = (zh: string, en: string): Text => ({ zh, en })

export type EvaluationKind = "score" | "report_back" | "stars" | "four_evaluations" | "secretary_type"

export const EVALUATION_KIND_LABELS: Readonly<Record<EvaluationKind, Text>> = {
  score: t("百分制量化考核", "100-point scoring"),
  report_back: t("述职评议", "report-back scoring"),
  stars: t("星级评定", "star rating"),
  four_evaluations: t("履职评估（四评）", "four evaluations"),
  secretary_type: t("分类管理（书记类型）", "secretary type"),
}

/** One stored score or evaluation, with the kernel's result as computed when it was recorded. */
export interface EvaluationRecordRow {
  readonly id: string
  readonly placementId: string
  readonly personId: string
  readonly kind: EvaluationKind
  readonly cycleId: string
  readonly period: string
  /** The kernel's answer in words (total and grade, stars, combined score or why there is none…). */
  readonly text: Text
  readonly result: Readonly<Record<string, unknown>>
  readonly recordedOn: string
  readonly version: number
}

const VotesS = Schema.Record({
  key: Schema.String,
  value: Schema.Record({ key: Schema.String, value: Schema.Number }),
})
const EvaluationRecordS = Schema.Struct({
  period: Schema.String,
  entries: Schema.Array(
    Schema.Struct({
      part: Scheme.EvaluationPart,
      by: Scheme.Actor,
      on: LocalDate.LocalDate,
      summary: Schema.String,
      votes: Schema.optionalWith(VotesS, { exact: true }),
    }),
  ),
})
const BodyS = Schema.Struct({
  text: Schema.Struct({ zh: Schema.String, en: Schema.String }),
  result: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
})

const toRow = (r: typeof evaluations.$inferSelect): EvaluationRecordRow => {
  const b = decodeRow(BodyS, "evaluations", r.id, r.body)
  return {
    id: r.id,
    placementId: r.placementId,
    personId: r.personId,
    kind: r.kind as EvaluationKind,
    cycleId: r.cycleId,
    period: r.period,
    text: b.text,
    result: b.result,
    recordedOn: r.recordedOn,
    version: r.version,
  }
}

// ---------------------------------------------------------------------------------------------- reserves

/** Where a reserve comes from (003 一 拓源储备一批; 001 四（二）1: the community nominates). */
export const ReserveSource = Schema.Literal(
  "community_worker", // 社区工作者
  "committee_member", // “两委”成员
  "recruited", // 招录（书记助理）
  "nominated", // 社区推荐
  "other",
).annotations({ title: "来源 / source" })
export type ReserveSource = typeof ReserveSource.Type

export const RESERVE_SOURCE_LABELS: Readonly<Record<ReserveSource, Text>> = {
  community_worker: t("社区工作者", "community worker"),
  committee_member: t("“两委”成员", "member of the two committees"),
  recruited: t("招录", "recruited"),
  nominated: t("社区推荐", "nominated by the community"),
  other: t("其他", "other"),
}

/**
 * The pipeline of 003 一 拓源储备一批 — "将“95后”优秀社区工作者纳入“两委”成员后备力量,将优秀“两委”成员纳入社区党组织书记
 * 后备力量" — keyed on the pool roles of the 003 preset. The Scheme has no pipeline field: the path applies to a
 * scheme whose pool names both roles, and every answer cites the scheme's own `pool.roles` clause. A scheme
 * whose pool lacks them (001: principal, deputy) has no pipeline, and an advance is refused.
 */
const PIPELINE = {
  first: { role: "committee_reserve", source: "community_worker" as ReserveSource },
  next: { role: "secretary_reserve", source: "committee_member" as ReserveSource },
} as const

const hasPipeline = (roles: ReadonlyArray<Scheme.PoolRole>): boolean =>
  roles.some((r) => r.key === PIPELINE.first.role) && roles.some((r) => r.key === PIPELINE.next.role)

const ReserveStepS = Schema.Struct({
  on: LocalDate.LocalDate,
  role: Schema.String,
  source: Schema.optional(ReserveSource),
  basis: Schema.String,
  by: Schema.String,
  step: Schema.Literal("entered", "advanced", "removed"),
})
const ReserveBodyS = Schema.Struct({ steps: Schema.Array(ReserveStepS) })
type ReserveBody = typeof ReserveBodyS.Type

export interface ReserveMemberRecord {
  readonly id: string
  readonly personId: string
  readonly personName: string
  readonly regionId: string
  readonly regionName: string
  readonly schemeId: string
  readonly schemeVersion: number
  readonly role: string
  readonly state: "active" | "removed"
  readonly enteredOn: string
  readonly leftOn: string | null
  readonly steps: ReserveBody["steps"]
  /** The nominee's findings on entry (age cap of the role, 001 三（4）), as the pool check gives them. */
  readonly findings: ReadonlyArray<{
    readonly ruleId: string
    readonly status: string
    readonly message: Text
  }>
  readonly version: number
}

// ---------------------------------------------------------------------------------------------- the service

type Err<E> = E | Access.Forbidden | DatabaseError
type CmdErr = Err<
  | NotFound
  | StaleVersion
  | Conflict
  | InPost.ArchiveRefused
  | Assessment.ScoreInvalid
  | Assessment.EvaluationRefused
>

interface Target {
  readonly placementId: string
  readonly period: string
  readonly on: LocalDate.LocalDate
}

export interface EvaluationRepoService {
  readonly list: (
    actor: Access.Actor,
    input: { readonly placementId: string; readonly kind?: EvaluationKind | undefined },
  ) => Effect.Effect<ReadonlyArray<EvaluationRecordRow>, Err<NotFound>>
  /** 004 淮上 三是: a score sheet for a scored cycle; the grade from the scheme's bands, or undetermined. */
  readonly score: (
    ctx: CommandContext,
    input: Target & {
      readonly cycleId: string
      readonly items?: ReadonlyArray<{ readonly id: string; readonly points: number }> | undefined
      readonly total?: number | undefined
    },
  ) => Effect.Effect<EvaluationRecordRow, CmdErr>
  /** 003 四 抓好提级述职: the panel's on-the-spot scores; combined only with the scheme's weights. */
  readonly reportBack: (
    ctx: CommandContext,
    input: Target & { readonly scores: ReadonlyArray<{ readonly scorer: string; readonly points: number }> },
  ) => Effect.Effect<EvaluationRecordRow, CmdErr>
  /** 003 四 用好星级评定: the star level of a score, from the scheme's bands, or undetermined. */
  readonly stars: (
    ctx: CommandContext,
    input: Target & { readonly points: number },
  ) => Effect.Effect<EvaluationRecordRow, CmdErr>
  /** 003 四 做实履职评估: the next of the four evaluations, in the scheme's order, by the body it names. */
  readonly evaluate: (
    ctx: CommandContext,
    input: Target & {
      readonly part: Scheme.EvaluationPart
      readonly by: Scheme.Actor
      readonly summary: string
      readonly votes?: Assessment.ResidentVotes | undefined
    },
  ) => Effect.Effect<EvaluationRecordRow, CmdErr>
  /** 003 三 深化分类管理: a secretary's type, with a finding on every standard the scheme names. */
  readonly classify: (
    ctx: CommandContext,
    input: Target & {
      readonly type: Scheme.SecretaryTypeKey
      readonly by: Scheme.Actor
      readonly basis: ReadonlyArray<{ readonly standard: string; readonly finding: string }>
    },
  ) => Effect.Effect<EvaluationRecordRow, CmdErr>
  /** Enter a person into a scheme's reserve pool under one of its roles (003 一 拓源储备一批; 001 二). */
  readonly enterReserve: (
    ctx: CommandContext,
    input: {
      readonly personId: string
      readonly regionId: string
      readonly schemeId: string
      readonly schemeVersion: number
      readonly role: string
      readonly source: ReserveSource
      readonly basis: string
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ReserveMemberRecord, CmdErr>
  /** Move a reserve for the two committees on to the secretary reserve (003 一 拓源储备一批). */
  readonly advanceReserve: (
    ctx: CommandContext,
    input: {
      readonly id: string
      readonly expectedVersion: number
      readonly basis: string
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ReserveMemberRecord, CmdErr>
  readonly reserves: (
    actor: Access.Actor,
    filter: {
      readonly schemeId?: string | undefined
      readonly regionId?: string | undefined
      readonly state?: "active" | "removed" | undefined
    },
  ) => Effect.Effect<ReadonlyArray<ReserveMemberRecord>, Err<never>>
}

export class EvaluationRepo extends Context.Tag("@cadre/db/EvaluationRepo")<
  EvaluationRepo,
  EvaluationRepoService
>() {
  static readonly Live: Layer.Layer<EvaluationRepo, never, Database> = Layer.effect(
    EvaluationRepo,
    Effect.map(Database, (d) => makeEvaluationRepo(d.db)),
  )
}

/** Periods by the cycle's cadence: "2026-H1" every half year, "2026-Q1" every quarter, "2026" a year, "term-1". */
const periodProblem = (cadence: Scheme.Cadence | undefined, period: string): Text | undefined => {
  const months =
    cadence?._tag === "Every"
      ? cadence.interval.unit === "year"
        ? cadence.interval.amount * 12
        : cadence.interval.unit === "month"
          ? cadence.interval.amount
          : undefined
      : undefined
  const [re, zh, en] =
    cadence?._tag === "YearEnd" || months === 12
      ? [/^\d{4}$/, "年份（如 2026）", "a year (e.g. 2026)"]
      : months === 6
        ? [/^\d{4}-H[12]$/, "半年（如 2026-H1）", "a half year (e.g. 2026-H1)"]
        : months === 3
          ? [/^\d{4}-Q[1-4]$/, "季度（如 2026-Q1）", "a quarter (e.g. 2026-Q1)"]
          : cadence?._tag === "TermEnd"
            ? [/^term-[1-9]\d*$/, "任期（如 term-1）", "a term (e.g. term-1)"]
            : [/^.+$/, "", ""]
  return re.test(period)
    ? undefined
    : { zh: `考核期间应为${zh}，不是“${period}”`, en: `the period must be ${en}, not "${period}"` }
}

/** The period's first year must not come before the year the cadre took up the post. */
const requireStarted = (rec: PlacementRecord, period: string): void => {
  const started = rec.placement.startedOn
  if (started === undefined)
    abort(
      conflict("evaluation", rec.placement.id, "not_started", {
        zh: "尚未到岗，不能考核评价",
        en: "the cadre has not taken up the post yet",
      }),
    )
  const year = /^(\d{4})/.exec(period)?.[1]
  if (year !== undefined && started !== undefined && Number(year) < Number(started.slice(0, 4)))
    abort(
      conflict("evaluation", period, "not_in_post", {
        zh: `${period}早于到岗日期 ${started}`,
        en: `${period} is before the cadre took up the post on ${started}`,
      }),
    )
}

const points = (r: Assessment.Rational.Rational): string => Assessment.Rational.show(r)
const clauseOf = (c: { readonly document: string; readonly clause: string }): string =>
  `${c.document} ${c.clause}`

export const makeEvaluationRepo = (db: Db): EvaluationRepoService => {
  const loadScheme = makeSchemeLoader()

  const lockRow = async (
    tx: Tx,
    placementId: string,
    kind: EvaluationKind,
    cycleId: string,
    period: string,
  ) => {
    const [row] = await tx
      .select()
      .from(evaluations)
      .where(
        and(
          eq(evaluations.placementId, placementId),
          eq(evaluations.kind, kind),
          eq(evaluations.cycleId, cycleId),
          eq(evaluations.period, period),
        ),
      )
      .for("update")
    return row
  }

  const duplicate = (kind: EvaluationKind, period: string) =>
    abort(
      conflict("evaluation", period, "duplicate", {
        zh: `${EVALUATION_KIND_LABELS[kind].zh}（${period}）已登记`,
        en: `the ${EVALUATION_KIND_LABELS[kind].en} for ${period} is on record`,
      }),
    )

  /** Insert (or update, for the four evaluations) the row, file the archive entry and write the audit row. */
  const save = async (
    tx: Tx,
    ctx: CommandContext,
    rec: PlacementRecord,
    row: {
      readonly existing?: typeof evaluations.$inferSelect | undefined
      readonly kind: EvaluationKind
      readonly cycleId: string
      readonly period: string
      readonly pointsHundredths: number | null
      readonly outcome: string | null
      readonly text: Text
      readonly result: Readonly<Record<string, unknown>>
      readonly archive: InPost.ArchiveEntry
      readonly on: LocalDate.LocalDate
    },
  ): Promise<string> => {
    const body = JSON.parse(JSON.stringify({ text: row.text, result: row.result }))
    const id = row.existing?.id ?? randomUUID()
    if (row.existing === undefined)
      await tx.insert(evaluations).values({
        id,
        placementId: rec.placement.id,
        personId: rec.person.id,
        kind: row.kind,
        cycleId: row.cycleId,
        period: row.period,
        pointsHundredths: row.pointsHundredths,
        outcome: row.outcome,
        body,
        recordedBy: ctx.actor.accountId,
        recordedOn: row.on,
      })
    else
      await tx
        .update(evaluations)
        .set({
          outcome: row.outcome,
          body,
          recordedBy: ctx.actor.accountId,
          recordedOn: row.on,
          version: sql`${evaluations.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(evaluations.id, id))
    await fileInArchive(tx, ctx, {
      personId: rec.person.id,
      regionPath: rec.regionPath,
      on: row.on,
      entries: [row.archive],
    })
    await writeAudit(tx, ctx, {
      action: `evaluation.${row.kind}`,
      entity: "placement",
      entityId: rec.placement.id,
      regionPath: rec.regionPath,
      before: row.existing === undefined ? null : { version: row.existing.version },
      after: {
        kind: row.kind,
        cycleId: row.cycleId,
        period: row.period,
        outcome: row.outcome,
        text: row.text,
      },
    })
    return id
  }

  const reload = (id: string) =>
    Effect.gen(function* () {
      const [row] = yield* read("evaluation.get", () =>
        db.select().from(evaluations).where(eq(evaluations.id, id)),
      )
      if (row === undefined) return yield* Effect.fail(notFound("evaluation", id))
      return toRow(row)
    })

  /** Staff command under assessment.grade, on a placement the caller sees (else NotFound), locked. */
  const command = <
    A extends { readonly placementId: string; readonly period: string; readonly on: LocalDate.LocalDate },
  >(
    ctx: CommandContext,
    input: A,
    operation: string,
    body: (tx: Tx, rec: PlacementRecord, scheme: Scheme.Scheme) => Promise<string>,
    permission: Access.Permission | null = "assessment.grade",
  ) =>
    Effect.gen(function* () {
      if (permission !== null) yield* requirePermission(ctx.actor, permission)
      const id = yield* transact<string, CmdErr>(db, operation, async (tx) => {
        const rec = await lockPlacement(tx, ctx.actor, input.placementId)
        const scheme = await loadScheme(tx, rec.placement.schemeId, rec.placement.schemeVersion)
        return body(tx, rec, scheme)
      })
      return yield* reload(id)
    })

  const cadenceOf = (scheme: Scheme.Scheme, cycleId: string) =>
    scheme.assessment.cycles.find((c) => c.id === cycleId)

  const checkPeriod = (scheme: Scheme.Scheme, cycleId: string, period: string) => {
    const cycle = cadenceOf(scheme, cycleId)
    const p = periodProblem(cycle?.cadence, period)
    if (p !== undefined) abort(conflict("evaluation", period, "bad_period", p))
    return cycle
  }

  // ------------------------------------------------------------------------------------------ reserves

  const reserveOut = async (d: Db | Tx, id: string): Promise<ReserveMemberRecord | undefined> => {
    const [r] = await d
      .select({ row: reserveMembers, personName: people.name, regionName: regions.name })
      .from(reserveMembers)
      .innerJoin(people, eq(people.id, reserveMembers.personId))
      .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
      .where(eq(reserveMembers.id, id))
    return r === undefined ? undefined : toReserve(r)
  }

  return {
    list: (actor, input) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const rec = yield* read("placement.get", () => readPlacement(db, actor, input.placementId))
        if (rec === undefined) return yield* Effect.fail(notFound("placement", input.placementId))
        return yield* read("evaluation.list", async () => {
          const conds: Array<SQL> = [eq(evaluations.placementId, input.placementId)]
          if (input.kind !== undefined) conds.push(eq(evaluations.kind, input.kind))
          const rows = await db
            .select()
            .from(evaluations)
            .where(and(...conds))
            .orderBy(asc(evaluations.period), asc(evaluations.kind), asc(evaluations.cycleId))
          return rows.map(toRow)
        })
      }),

    score: (ctx, input) =>
      command(ctx, input, "evaluation.score", async (tx, rec, scheme) => {
        // The kernel first: a cycle the scheme does not score, or points off the scale, change nothing.
        const r = Assessment.scoreSheet(scheme.assessment.scoring, {
          cycleId: input.cycleId,
          ...(input.items === undefined ? {} : { items: input.items }),
          ...(input.total === undefined ? {} : { total: input.total }),
        })
        if (Either.isLeft(r)) return abort(r.left)
        const cycle = checkPeriod(scheme, input.cycleId, input.period)
        if (cycle?.decidedBy !== undefined && !speaksFor(ctx.actor, cycle.decidedBy))
          return abort(
            conflict("evaluation", input.cycleId, "not_authorised", {
              zh: `须由${InPost.ACTOR_LABELS[cycle.decidedBy].zh}的账号办理`,
              en: `only an account of ${InPost.ACTOR_LABELS[cycle.decidedBy].en} may record this`,
            }),
          )
        requireStarted(rec, input.period)
        if ((await lockRow(tx, rec.placement.id, "score", input.cycleId, input.period)) !== undefined)
          return duplicate("score", input.period)
        const s = r.right
        const g = s.grade
        const label = cycle?.label ?? EVALUATION_KIND_LABELS.score
        const scoring = scheme.assessment.scoring
        return save(tx, ctx, rec, {
          kind: "score",
          cycleId: input.cycleId,
          period: input.period,
          pointsHundredths: Math.round((s.total.num * 100) / s.total.den),
          outcome: g._tag === "Banded" ? g.grade : null,
          text: s.text,
          result: {
            total: s.display,
            maxPoints: s.maxPoints,
            items: input.items ?? null,
            grade:
              g._tag === "Banded"
                ? {
                    _tag: "Banded",
                    grade: g.grade,
                    label: Assessment.gradeLabel(g.grade, scheme.assessment),
                    minPoints: g.minPoints,
                    clause: clauseOf(g.citation),
                  }
                : { _tag: "Undetermined", note: g.note },
            clause: scoring?._tag === "Cited" ? clauseOf(scoring.citation) : null,
          },
          archive: entry(
            `score/${rec.placement.id}/${input.cycleId}/${input.period}`,
            input.on,
            "assessment",
            t(`${label.zh}（${input.period}）：${s.text.zh}`, `${label.en} (${input.period}): ${s.text.en}`),
            { ref: rec.placement.id, ...(cycle === undefined ? {} : { citation: cycle.citation }) },
          ),
          on: input.on,
        })
      }),

    reportBack: (ctx, input) =>
      command(ctx, input, "evaluation.report_back", async (tx, rec, scheme) => {
        const r = Assessment.scorePanel(scheme.assessment.reportBack, input.scores)
        if (Either.isLeft(r)) return abort(r.left)
        checkPeriod(scheme, "report_back", input.period)
        requireStarted(rec, input.period)
        if ((await lockRow(tx, rec.placement.id, "report_back", "", input.period)) !== undefined)
          return duplicate("report_back", input.period)
        const p = r.right
        const rb = scheme.assessment.reportBack
        return save(tx, ctx, rec, {
          kind: "report_back",
          cycleId: "",
          period: input.period,
          pointsHundredths: null,
          outcome: null,
          text: p.text,
          result: {
            scores: p.scores.map((s) => ({ scorer: s.scorer, label: s.label, points: points(s.points) })),
            combined:
              p.combined._tag === "Weighted"
                ? { _tag: "Weighted", points: p.combined.display, exact: points(p.combined.points) }
                : { _tag: "Undetermined", note: p.combined.note },
            clause: rb?._tag === "Cited" ? clauseOf(rb.citation) : null,
          },
          archive: entry(
            `report_back/${rec.placement.id}/${input.period}`,
            input.on,
            "assessment",
            t(`述职评议（${input.period}）：${p.text.zh}`, `Report-back (${input.period}): ${p.text.en}`),
            { ref: rec.placement.id, ...(rb?._tag === "Cited" ? { citation: rb.citation } : {}) },
          ),
          on: input.on,
        })
      }),

    stars: (ctx, input) =>
      command(ctx, input, "evaluation.stars", async (tx, rec, scheme) => {
        const r = Assessment.starsFor(scheme.assessment.starRating, input.points)
        if (Either.isLeft(r)) return abort(r.left)
        checkPeriod(scheme, "star_rating", input.period)
        requireStarted(rec, input.period)
        if ((await lockRow(tx, rec.placement.id, "stars", "", input.period)) !== undefined)
          return duplicate("stars", input.period)
        const s = r.right
        const sr = scheme.assessment.starRating
        return save(tx, ctx, rec, {
          kind: "stars",
          cycleId: "",
          period: input.period,
          pointsHundredths: Math.round(input.points * 100),
          outcome: s._tag === "Stars" ? String(s.stars) : null,
          text: s.text,
          result: {
            points: points(Assessment.Rational.rational(Math.round(input.points * 100), 100)),
            rating:
              s._tag === "Stars"
                ? { _tag: "Stars", stars: s.stars, of: s.of }
                : { _tag: "Undetermined", note: s.note },
            clause: sr?._tag === "Cited" ? clauseOf(sr.citation) : null,
          },
          archive: entry(
            `stars/${rec.placement.id}/${input.period}`,
            input.on,
            "assessment",
            t(`星级评定（${input.period}）：${s.text.zh}`, `Star rating (${input.period}): ${s.text.en}`),
            { ref: rec.placement.id, ...(sr?._tag === "Cited" ? { citation: sr.citation } : {}) },
          ),
          on: input.on,
        })
      }),

    evaluate: (ctx, input) =>
      Effect.gen(function* () {
        // The cadre writes their own self-evaluation (placement.own); every other part is staff's.
        if (ctx.actor.role === "applicant") {
          yield* requirePermission(ctx.actor, "placement.own")
          if (input.part !== "self" || input.by !== "applicant")
            return yield* Effect.fail(Access.forbidden("assessment.grade", ctx.actor.role))
        } else yield* requirePermission(ctx.actor, "assessment.grade")
        return yield* command(
          ctx,
          input,
          "evaluation.four_evaluations",
          async (tx, rec, scheme) => {
            // Residents have no accounts: their vote counts are recorded by the staff who ran the vote.
            if (input.by !== "residents" && !speaksFor(ctx.actor, input.by))
              return abort(
                conflict("evaluation", input.part, "not_authorised", {
                  zh: `须由${InPost.ACTOR_LABELS[input.by].zh}的账号办理`,
                  en: `only an account of ${InPost.ACTOR_LABELS[input.by].en} may record this`,
                }),
              )
            const existing = await lockRow(tx, rec.placement.id, "four_evaluations", "", input.period)
            const before: Assessment.EvaluationRecord =
              existing === undefined
                ? { period: input.period, entries: [] }
                : decodeRow(
                    EvaluationRecordS,
                    "evaluations",
                    existing.id,
                    (existing.body as { result?: { record?: unknown } }).result?.record,
                  )
            const fe = scheme.assessment.fourEvaluations
            const r = Assessment.recordEvaluation(fe, before, {
              part: input.part,
              by: input.by,
              on: input.on,
              summary: input.summary,
              ...(input.votes === undefined ? {} : { votes: input.votes }),
            })
            if (Either.isLeft(r)) return abort(r.left)
            checkPeriod(scheme, "four_evaluations", input.period)
            requireStarted(rec, input.period)
            const record = r.right
            const parts = fe?._tag === "Cited" && fe.value.parts._tag === "Cited" ? fe.value.parts.value : []
            const label = parts.find((p) => p.part === input.part)?.label ?? t(input.part, input.part)
            const next = Assessment.nextEvaluationPart(fe, record)
            const nextLabel = parts.find((p) => p.part === next)
            const rates = input.votes === undefined ? undefined : Assessment.residentRates(fe, input.votes)
            type RatesOut =
              | { readonly _tag: "Undetermined"; readonly note: Text }
              | {
                  readonly _tag: "Rates"
                  readonly rates: ReadonlyArray<{ readonly dimension: string; readonly percent: string }>
                }
            const ratesOut: RatesOut | undefined =
              rates === undefined
                ? undefined
                : "_tag" in rates
                  ? { _tag: "Undetermined", note: rates.note }
                  : {
                      _tag: "Rates",
                      rates: rates.map((x) => ({ dimension: x.dimension, percent: x.percent })),
                    }
            const previous = (existing?.body as { result?: { residentRates?: unknown } } | undefined)?.result
              ?.residentRates
            const text: Text =
              nextLabel === undefined
                ? t(`${label.zh}已完成；四个环节均已完成`, `${label.en} done; all parts done`)
                : t(
                    `${label.zh}已完成；下一环节：${nextLabel.label.zh}`,
                    `${label.en} done; next: ${nextLabel.label.en}`,
                  )
            const rateText: Text | undefined =
              ratesOut === undefined
                ? undefined
                : ratesOut._tag === "Undetermined"
                  ? t(`居民点评未计算好评率：${ratesOut.note.zh}`, `no favourable rate: ${ratesOut.note.en}`)
                  : t(
                      `居民点评好评率：${ratesOut.rates.map((x) => `${x.dimension} ${x.percent}`).join("，")}`,
                      `favourable: ${ratesOut.rates.map((x) => `${x.dimension} ${x.percent}`).join(", ")}`,
                    )
            return save(tx, ctx, rec, {
              existing,
              kind: "four_evaluations",
              cycleId: "",
              period: input.period,
              pointsHundredths: null,
              outcome: next === undefined ? "done" : null,
              text:
                rateText === undefined ? text : t(`${text.zh}。${rateText.zh}`, `${text.en}. ${rateText.en}`),
              result: {
                record,
                next:
                  nextLabel === undefined
                    ? null
                    : { part: nextLabel.part, by: nextLabel.by, label: nextLabel.label },
                residentRates: ratesOut ?? previous ?? null,
                clause: fe?._tag === "Cited" ? clauseOf(fe.citation) : null,
              },
              archive: entry(
                `four_evaluations/${rec.placement.id}/${input.period}/${input.part}`,
                input.on,
                "assessment",
                t(
                  `履职评估（${input.period}）：${label.zh}`,
                  `Four evaluations (${input.period}): ${label.en}`,
                ),
                { ref: rec.placement.id, ...(fe?._tag === "Cited" ? { citation: fe.citation } : {}) },
              ),
              on: input.on,
            })
          },
          null,
        )
      }),

    classify: (ctx, input) =>
      command(ctx, input, "evaluation.secretary_type", async (tx, rec, scheme) => {
        if (!speaksFor(ctx.actor, input.by))
          return abort(
            conflict("evaluation", input.type, "not_authorised", {
              zh: `须由${InPost.ACTOR_LABELS[input.by].zh}的账号办理`,
              en: `only an account of ${InPost.ACTOR_LABELS[input.by].en} may record this`,
            }),
          )
        const typing = scheme.assessment.secretaryTypes
        const r = Assessment.classifySecretary(typing, {
          type: input.type,
          by: input.by,
          on: input.on,
          basis: input.basis,
        })
        if (Either.isLeft(r)) return abort(r.left)
        requireStarted(rec, input.period)
        if ((await lockRow(tx, rec.placement.id, "secretary_type", "", input.period)) !== undefined)
          return duplicate("secretary_type", input.period)
        const c = r.right
        const text = t(
          `${c.label.zh}书记：${c.support.zh}（划分依据：${c.assignment.zh}）`,
          `${c.label.en}: ${c.support.en} (how the types are told apart: ${c.assignment.en})`,
        )
        return save(tx, ctx, rec, {
          kind: "secretary_type",
          cycleId: "",
          period: input.period,
          pointsHundredths: null,
          outcome: c.type,
          text,
          result: {
            type: c.type,
            label: c.label,
            support: c.support,
            by: c.by,
            on: c.on,
            basis: c.basis,
            assignment: c.assignment,
            clause: typing?._tag === "Cited" ? clauseOf(typing.citation) : null,
          },
          archive: entry(
            `secretary_type/${rec.placement.id}/${input.period}`,
            input.on,
            "assessment",
            t(
              `分类管理（${input.period}）：${c.label.zh}`,
              `Secretary type (${input.period}): ${c.label.en}`,
            ),
            { ref: rec.placement.id, ...(typing?._tag === "Cited" ? { citation: typing.citation } : {}) },
          ),
          on: input.on,
        })
      }),

    enterReserve: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "pool.review")
        const id = randomUUID()
        yield* transact<void, CmdErr>(db, "reserve.enter", async (tx) => {
          const person = await personInScope(tx, ctx.actor, input.personId)
          if (person === undefined) return abort(notFound("person", input.personId))
          const [region] = await tx
            .select({ path: regions.path, name: regions.name })
            .from(regions)
            .where(eq(regions.id, input.regionId))
          if (region === undefined || !Access.seesRegion(ctx.actor, region.path))
            return abort(notFound("region", input.regionId))
          const scheme = await visibleScheme(tx, ctx.actor, input.schemeId, input.schemeVersion)
          const rules = Pool.poolRulesOf(scheme)
          if (rules === undefined)
            return abort(
              conflict("scheme", input.schemeId, "no_pool", {
                zh: "该方案未规定后备干部队伍，不能纳入后备力量",
                en: "the scheme sets no reserve pool; no one can be entered into it",
              }),
            )
          const roles = rules.pool.roles._tag === "Cited" ? rules.pool.roles.value : []
          const role = roles.find((r) => r.key === input.role)
          if (role === undefined)
            return abort(
              conflict("reserve", input.role, "unknown_role", {
                zh: `本方案的后备力量没有“${input.role}”这一类别；可用：${roles.map((r) => `${r.key}（${r.label.zh}）`).join("、") || "无"}`,
                en: `the scheme's pool has no role "${input.role}"; roles: ${roles.map((r) => r.key).join(", ") || "none"}`,
              }),
            )
          // 003 一 拓源储备一批: each stage of the pipeline takes from its own source.
          if (rules.pool.roles._tag === "Cited" && hasPipeline(roles)) {
            const stage = [PIPELINE.first, PIPELINE.next].find((s) => s.role === role.key)
            if (stage !== undefined && stage.source !== input.source) {
              const c = clauseOf(rules.pool.roles.citation)
              const from = RESERVE_SOURCE_LABELS[stage.source]
              return abort(
                conflict("reserve", input.role, "wrong_source", {
                  zh: `${role.label.zh}从优秀${from.zh}中纳入，不能从“${RESERVE_SOURCE_LABELS[input.source].zh}”纳入（${c}）`,
                  en: `the ${role.label.en} is drawn from the outstanding among: ${from.en}; not from: ${RESERVE_SOURCE_LABELS[input.source].en} (${c})`,
                }),
              )
            }
          }
          // 002 三（二）: a recalled cadre's reserve status is removed, for good.
          const [lost] = await tx
            .select({ body: personConsequences.body, from: personConsequences.fromDate })
            .from(personConsequences)
            .where(
              and(
                eq(personConsequences.personId, input.personId),
                eq(personConsequences.effect, "lose_reserve_status"),
                eq(personConsequences.appliesTo, "cadre"),
              ),
            )
          if (lost !== undefined) {
            const b = lost.body as { text?: Text }
            return abort(
              conflict("reserve", input.personId, "reserve_status_lost", {
                zh: `不能纳入后备力量：${b.text?.zh ?? `${lost.from}起取消后备干部资格`}`,
                en: `cannot enter the reserve: ${b.text?.en ?? `reserve status removed from ${lost.from}`}`,
              }),
            )
          }
          const [already] = await tx
            .select({ id: reserveMembers.id })
            .from(reserveMembers)
            .where(
              and(
                eq(reserveMembers.personId, input.personId),
                eq(reserveMembers.schemeId, input.schemeId),
                eq(reserveMembers.state, "active"),
              ),
            )
          if (already !== undefined)
            return abort(
              conflict("reserve", input.personId, "duplicate", {
                zh: `${person.name}已在本方案的后备力量中`,
                en: `${person.name} is already in this scheme's reserve`,
              }),
            )
          const [p] = await tx
            .select({ profile: people.profile })
            .from(people)
            .where(eq(people.id, input.personId))
          const birthDate = String((p?.profile as { birthDate?: string } | undefined)?.birthDate ?? "")
          const check = Pool.checkNominees(
            rules,
            { id: input.regionId, name: region.name },
            [{ personId: input.personId, roleKey: role.key, birthDate: birthDate as LocalDate.LocalDate }],
            input.on,
          )
          const findings = (check.nominees[0]?.findings ?? []).map((f) => ({
            ruleId: f.ruleId,
            status: f.status,
            message: f.message,
          }))
          const body: ReserveBody = {
            steps: [
              {
                on: input.on,
                role: role.key,
                source: input.source,
                basis: input.basis,
                by: ctx.actor.accountId,
                step: "entered",
              },
            ],
          }
          await tx.insert(reserveMembers).values({
            id,
            personId: input.personId,
            regionId: input.regionId,
            schemeId: input.schemeId,
            schemeVersion: input.schemeVersion,
            role: role.key,
            enteredOn: input.on,
            body: JSON.parse(JSON.stringify({ ...body, findings })),
          })
          await fileInArchive(tx, ctx, {
            personId: input.personId,
            regionPath: region.path,
            on: input.on,
            entries: [
              entry(
                `reserve/${id}/entered`,
                input.on,
                "recommendation",
                t(
                  `纳入${region.name}${role.label.zh}（来源：${RESERVE_SOURCE_LABELS[input.source].zh}）：${input.basis}`,
                  `entered as ${role.label.en} of ${region.name} (from: ${RESERVE_SOURCE_LABELS[input.source].en}): ${input.basis}`,
                ),
                {
                  ref: id,
                  ...(rules.pool.roles._tag === "Cited" ? { citation: rules.pool.roles.citation } : {}),
                },
              ),
            ],
          })
          await writeAudit(tx, ctx, {
            action: "reserve.enter",
            entity: "reserve_member",
            entityId: id,
            regionPath: region.path,
            before: null,
            after: {
              personId: input.personId,
              schemeId: input.schemeId,
              role: role.key,
              source: input.source,
            },
          })
        })
        const out = yield* read("reserve.get", () => reserveOut(db, id))
        if (out === undefined) return yield* Effect.fail(notFound("reserve_member", id))
        return out
      }),

    advanceReserve: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "pool.review")
        yield* transact<void, CmdErr>(db, "reserve.advance", async (tx) => {
          const [r] = await tx
            .select({ row: reserveMembers, path: regions.path, regionName: regions.name })
            .from(reserveMembers)
            .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
            .where(and(eq(reserveMembers.id, input.id), within(regions.path, ctx.actor.scopePath)))
            .for("update", { of: reserveMembers })
          if (r === undefined || !Access.seesRegion(ctx.actor, r.path))
            return abort(notFound("reserve_member", input.id))
          if (r.row.version !== input.expectedVersion)
            return abort(staleVersion("reserve_member", input.id, input.expectedVersion, r.row.version))
          const scheme = await loadScheme(tx, r.row.schemeId, r.row.schemeVersion)
          const roles =
            scheme.pool._tag === "Cited" && scheme.pool.value.roles._tag === "Cited"
              ? scheme.pool.value.roles
              : undefined
          if (roles === undefined || !hasPipeline(roles.value))
            return abort(
              conflict("reserve", input.id, "no_pipeline", {
                zh: "本方案未规定后备力量的递进培养路径（社区工作者→“两委”成员后备力量→书记后备力量）",
                en: "the scheme sets no reserve pipeline (community workers → committee reserves → secretary reserves)",
              }),
            )
          const c = clauseOf(roles.citation)
          const label = (key: string) => roles.value.find((x) => x.key === key)?.label ?? t(key, key)
          if (r.row.state !== "active")
            return abort(
              conflict("reserve", input.id, "removed", {
                zh: `已于 ${r.row.leftOn} 调整出后备力量，不能递进`,
                en: `removed from the reserve on ${r.row.leftOn}; cannot move on`,
              }),
            )
          if (r.row.role !== PIPELINE.first.role)
            return abort(
              conflict("reserve", input.id, "not_next", {
                zh: `只有${label(PIPELINE.first.role).zh}可递进为${label(PIPELINE.next.role).zh}，此人现为${label(r.row.role).zh}（${c}）`,
                en: `only a ${label(PIPELINE.first.role).en} moves on to ${label(PIPELINE.next.role).en}; this person is a ${label(r.row.role).en} (${c})`,
              }),
            )
          const before = decodeRow(ReserveBodyS, "reserve_members", r.row.id, r.row.body)
          const steps = [
            ...before.steps,
            {
              on: input.on,
              role: PIPELINE.next.role,
              basis: input.basis,
              by: ctx.actor.accountId,
              step: "advanced" as const,
            },
          ]
          await tx
            .update(reserveMembers)
            .set({
              role: PIPELINE.next.role,
              body: JSON.parse(JSON.stringify({ ...(r.row.body as object), steps })),
              version: sql`${reserveMembers.version} + 1`,
              updatedAt: new Date(),
            })
            .where(eq(reserveMembers.id, r.row.id))
          await fileInArchive(tx, ctx, {
            personId: r.row.personId,
            regionPath: r.path,
            on: input.on,
            entries: [
              entry(
                `reserve/${r.row.id}/advanced`,
                input.on,
                "recommendation",
                t(
                  `由${label(PIPELINE.first.role).zh}纳入${label(PIPELINE.next.role).zh}：${input.basis}`,
                  `moved from ${label(PIPELINE.first.role).en} to ${label(PIPELINE.next.role).en}: ${input.basis}`,
                ),
                { ref: r.row.id, citation: roles.citation },
              ),
            ],
          })
          await writeAudit(tx, ctx, {
            action: "reserve.advance",
            entity: "reserve_member",
            entityId: r.row.id,
            regionPath: r.path,
            before: { role: r.row.role, version: r.row.version },
            after: { role: PIPELINE.next.role, basis: input.basis },
          })
        })
        const out = yield* read("reserve.get", () => reserveOut(db, input.id))
        if (out === undefined) return yield* Effect.fail(notFound("reserve_member", input.id))
        return out
      }),

    reserves: (actor, filter) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "pool.review")
        return yield* read("reserve.list", async () => {
          const conds: Array<SQL> = [within(regions.path, actor.scopePath)]
          if (filter.schemeId !== undefined) conds.push(eq(reserveMembers.schemeId, filter.schemeId))
          if (filter.regionId !== undefined) conds.push(eq(reserveMembers.regionId, filter.regionId))
          if (filter.state !== undefined) conds.push(eq(reserveMembers.state, filter.state))
          const rows = await db
            .select({ row: reserveMembers, personName: people.name, regionName: regions.name })
            .from(reserveMembers)
            .innerJoin(people, eq(people.id, reserveMembers.personId))
            .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
            .where(and(...conds))
            .orderBy(
              asc(reserveMembers.regionId),
              asc(reserveMembers.enteredOn),
              asc(reserveMembers.personId),
              asc(reserveMembers.id),
            )
          return rows.map(toReserve)
        })
      }),
  }
}

const toReserve = (r: {
  row: typeof reserveMembers.$inferSelect
  personName: string
  regionName: string
}): ReserveMemberRecord => {
  const b = decodeRow(ReserveBodyS, "reserve_members", r.row.id, r.row.body)
  const findings = (r.row.body as { findings?: ReserveMemberRecord["findings"] }).findings ?? []
  return {
    id: r.row.id,
    personId: r.row.personId,
    personName: r.personName,
    regionId: r.row.regionId,
    regionName: r.regionName,
    schemeId: r.row.schemeId,
    schemeVersion: r.row.schemeVersion,
    role: r.row.role,
    state: r.row.state as "active" | "removed",
    enteredOn: r.row.enteredOn,
    leftOn: r.row.leftOn,
    steps: b.steps,
    findings,
    version: r.row.version,
  }
}

const schemeLoader = makeSchemeLoader()

/** A scheme version the actor sees (Access.seesScheme), decoded; NotFound otherwise. */
const visibleScheme = async (
  tx: Tx,
  actor: Access.Actor,
  schemeId: string,
  version: number,
): Promise<Scheme.Scheme> => {
  const [s] = await tx
    .select({ status: schemes.status, path: regions.path })
    .from(schemes)
    .innerJoin(regions, eq(regions.id, schemes.regionId))
    .where(and(eq(schemes.schemeId, schemeId), eq(schemes.version, version)))
  if (s === undefined || !Access.seesScheme(actor, s.path, s.status))
    return abort(notFound("scheme", `${schemeId}@${version}`))
  return schemeLoader(tx, schemeId, version)
}

// ---------------------------------------------------------------------------------------------- the yearly review

/**
 * Active reserves of a scheme within a region, in the shape AssessmentRepo.reviewPool counts members in: the
 * pipeline's members are reviewed (001 五1) together with the nominees appointed through campaigns.
 */
export const reserveRows = async (d: Db | Tx, regionPath: string, schemeId: string) =>
  d
    .select({
      personId: reserveMembers.personId,
      targetRole: reserveMembers.role,
      regionId: reserveMembers.regionId,
      regionName: regions.name,
      profile: people.profile,
    })
    .from(reserveMembers)
    .innerJoin(regions, eq(regions.id, reserveMembers.regionId))
    .innerJoin(people, eq(people.id, reserveMembers.personId))
    .where(
      and(
        eq(reserveMembers.schemeId, schemeId),
        eq(reserveMembers.state, "active"),
        within(regions.path, regionPath),
      ),
    )
    .orderBy(asc(reserveMembers.regionId), asc(reserveMembers.personId))

/**
 * The yearly review removed these people (001 五1 对不合格的及时调整出库): their reserve rows close, and each
 * removal is filed in the person's archive — a sealed archive refuses the review as a whole.
 */
export const closeReserves = async (
  tx: Tx,
  ctx: CommandContext,
  input: {
    readonly reviewId: string
    readonly schemeId: string
    readonly year: number
    readonly regionPath: string
    readonly removals: ReadonlyArray<{ readonly personId: string; readonly reason: string }>
    readonly on: LocalDate.LocalDate
  },
): Promise<void> => {
  for (const r of input.removals) {
    const [m] = await tx
      .select()
      .from(reserveMembers)
      .where(
        and(
          eq(reserveMembers.personId, r.personId),
          eq(reserveMembers.schemeId, input.schemeId),
          eq(reserveMembers.state, "active"),
        ),
      )
      .for("update")
    if (m !== undefined) {
      const before = decodeRow(ReserveBodyS, "reserve_members", m.id, m.body)
      const steps = [
        ...before.steps,
        { on: input.on, role: m.role, basis: r.reason, by: ctx.actor.accountId, step: "removed" as const },
      ]
      await tx
        .update(reserveMembers)
        .set({
          state: "removed",
          leftOn: input.on,
          body: JSON.parse(JSON.stringify({ ...(m.body as object), steps })),
          version: sql`${reserveMembers.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(reserveMembers.id, m.id))
    }
    await fileInArchive(tx, ctx, {
      personId: r.personId,
      regionPath: input.regionPath,
      on: input.on,
      entries: [
        entry(
          `pool_review/${input.reviewId}/${r.personId}`,
          input.on,
          "assessment",
          t(
            `${input.year}年度后备干部队伍审核：调整出库（${r.reason}）`,
            `${input.year} reserve-pool review: removed (${r.reason})`,
          ),
          { ref: input.reviewId },
        ),
      ],
    })
  }
}
