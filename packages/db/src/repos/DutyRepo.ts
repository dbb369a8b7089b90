import { randomUUID } from "node:crypto"
import { type Access, InPost, LocalDate, type Person, type Scheme, type Text } from "@cadre/domain"
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm"
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
  staleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeRow,
  read,
  requirePermission,
  transact,
  writeAudit,
} from "../internal.js"
import {
  absences,
  inspections,
  leaveRequests,
  mentoringPairs,
  people,
  placements,
  regions,
  reportSubmissions,
  trainingRecords,
} from "../schema/index.js"
import {
  entry,
  fileInArchive,
  lockPlacement,
  makeSchemeLoader,
  type PlacementRecord,
  personInScope,
  readPlacement,
  requireOwnOrManage,
  requireServing,
  seesPlacementSql,
  selectPlacements,
  speaksFor,
  toPlacementRecord,
} from "./inpostShared.js"

/**
 * Duties during the term (issue 5): report obligations generated from the scheme and their submissions, leave
 * (请销假) routed by the scheme's tiers, unauthorised absences, inspections (巡查/查岗 as records only), mentoring
 * pairs within the scheme's capacity, training records against the scheme's yearly minimums. The rules are the
 * kernel's (InPost); here they are stored, scoped, audited and, where the one-person-one-file lists them (reports,
 * inspections, training), filed in the person's archive in the same transaction.
 */

const t = (zh: string, en: string): Text => ({ zh, en })

// ---------------------------------------------------------------------------------------------- records

export interface ObligationRecord {
  readonly obligation: InPost.ObligationInstance
  readonly status: InPost.ObligationStatus
  readonly submission: InPost.Submission | null
}

export interface OverdueRecord {
  readonly placementId: string
  readonly personId: string
  readonly personName: string
  readonly regionId: string
  readonly regionName: string
  readonly regionPath: string
  readonly obligation: InPost.ObligationInstance
  readonly daysOverdue: number
}

export interface LeaveRecord {
  readonly leave: InPost.LeaveRequest
  readonly version: number
  readonly regionPath: string
  /** Why it went to that approver, with the clause. */
  readonly route: Text
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

export interface PairRecord {
  readonly pairing: InPost.Pairing
  readonly placementId: string
  readonly version: number
  readonly mentorName: string
  readonly menteeName: string
}

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

type Err<E> = E | Access.Forbidden | DatabaseError
type CmdErr = Err<
  | NotFound
  | StaleVersion
  | Conflict
  | InvalidInput
  | InPost.IllegalLeaveMove
  | InPost.MentoringRefused
  | InPost.ArchiveRefused
>

export interface DutyRepoService {
  /** A placement's obligations as the scheme generates them, each with its status on `on`. */
  readonly obligations: (
    actor: Access.Actor,
    placementId: string,
    on: LocalDate.LocalDate,
  ) => Effect.Effect<ReadonlyArray<ObligationRecord>, Err<NotFound>>
  /** File a report against one generated obligation (by the body it is from, or the body it goes to). */
  readonly submitReport: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly key: string
      readonly text: string
      readonly attachments: ReadonlyArray<{ readonly name: string; readonly ref: string }>
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<ObligationRecord, CmdErr>
  /**
   * Obligations due before `on` with nothing filed, over every placement in scope that has not ended, most
   * overdue first.
   */
  readonly overdue: (
    actor: Access.Actor,
    on: LocalDate.LocalDate,
    filter?: { readonly regionId?: string | undefined },
  ) => Effect.Effect<ReadonlyArray<OverdueRecord>, Err<never>>

  /**
   * Where a leave request would go, without making it: the days counted and the approver the scheme's tiers name,
   * with the clause; refused as the request itself would be (not serving, dates the wrong way round…).
   */
  readonly previewLeave: (
    actor: Access.Actor,
    input: {
      readonly placementId: string
      readonly from: LocalDate.LocalDate
      readonly to: LocalDate.LocalDate
      readonly startsAfternoon?: boolean | undefined
      readonly endsMorning?: boolean | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<
    {
      readonly halfDays: number
      readonly approver: InPost.LeaveRequest["route"]["approver"]
      readonly route: Text
    },
    CmdErr
  >
  readonly requestLeave: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly from: LocalDate.LocalDate
      readonly to: LocalDate.LocalDate
      readonly startsAfternoon?: boolean | undefined
      readonly endsMorning?: boolean | undefined
      readonly reason: string
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<LeaveRecord, CmdErr>
  /** Approve, refuse, or return (销假): the kernel checks the caller speaks for the routed approver. */
  readonly leaveMove: (
    ctx: CommandContext,
    input: {
      readonly leaveId: string
      readonly expectedVersion: number
      readonly move: InPost.LeaveMove
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<LeaveRecord, CmdErr>
  readonly leaves: (
    actor: Access.Actor,
    filter: { readonly placementId?: string | undefined; readonly state?: InPost.LeaveState | undefined },
  ) => Effect.Effect<ReadonlyArray<LeaveRecord>, Err<never>>
  readonly recordAbsence: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly from: LocalDate.LocalDate
      readonly to: LocalDate.LocalDate
      readonly startsAfternoon?: boolean | undefined
      readonly endsMorning?: boolean | undefined
      readonly note: string
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<InPost.Absence, CmdErr>
  readonly absences: (
    actor: Access.Actor,
    placementId: string,
  ) => Effect.Effect<ReadonlyArray<InPost.Absence>, Err<NotFound>>

  readonly recordInspection: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly date: LocalDate.LocalDate
      readonly kind: InspectionKind
      readonly outcome: "satisfactory" | "concern"
      readonly finding: string
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<InspectionRecord, CmdErr>
  readonly inspections: (
    actor: Access.Actor,
    placementId: string,
  ) => Effect.Effect<ReadonlyArray<InspectionRecord>, Err<NotFound>>

  /** Pair a mentor with the cadre of a placement, within the capacity of that placement's scheme. */
  readonly pair: (
    ctx: CommandContext,
    input: {
      readonly placementId: string
      readonly mentorId: string
      readonly from: LocalDate.LocalDate
      readonly to?: LocalDate.LocalDate | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<PairRecord, CmdErr>
  readonly endPairing: (
    ctx: CommandContext,
    input: {
      readonly pairId: string
      readonly expectedVersion: number
      readonly to: LocalDate.LocalDate
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<PairRecord, CmdErr>
  /** Pairs of a mentor (or all in scope), with the mentor's load in `year` against the scheme's capacity. */
  readonly pairs: (
    actor: Access.Actor,
    filter: { readonly mentorId?: string | undefined; readonly placementId?: string | undefined },
  ) => Effect.Effect<ReadonlyArray<PairRecord>, Err<never>>
  readonly mentorLoad: (
    actor: Access.Actor,
    input: { readonly placementId: string; readonly mentorId: string; readonly year: number },
  ) => Effect.Effect<InPost.MentorLoad, Err<NotFound>>

  readonly recordTraining: (
    ctx: CommandContext,
    input: {
      readonly personId: string
      readonly date: LocalDate.LocalDate
      readonly kind: InPost.TrainingRecord["kind"]
      readonly title: string
      readonly organiser?: string | undefined
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<InPost.TrainingRecord, CmdErr>
  /** A person's training in a calendar year against the scheme's minimums (001 五1: one centralised a year). */
  readonly checkTraining: (
    actor: Access.Actor,
    input: {
      readonly personId: string
      readonly scheme: Scheme.Scheme
      readonly year: number
      readonly on: LocalDate.LocalDate
    },
  ) => Effect.Effect<
    {
      readonly records: ReadonlyArray<InPost.TrainingRecord>
      readonly checks: ReadonlyArray<InPost.TrainingCheck>
    },
    Err<NotFound>
  >
}

export class DutyRepo extends Context.Tag("@cadre/db/DutyRepo")<DutyRepo, DutyRepoService>() {
  static readonly Live: Layer.Layer<DutyRepo, never, Database> = Layer.effect(
    DutyRepo,
    Effect.map(Database, (d) => makeDutyRepo(d.db)),
  )
}

const encodeSubmission = Schema.encodeSync(InPost.Submission)
const encodeLeave = Schema.encodeSync(InPost.LeaveRequest)
const encodeAbsence = Schema.encodeSync(InPost.Absence)
const encodePairing = Schema.encodeSync(InPost.Pairing)
const encodeTraining = Schema.encodeSync(InPost.TrainingRecord)

export const makeDutyRepo = (db: Db): DutyRepoService => {
  const loadScheme = makeSchemeLoader()

  const visiblePlacement = (actor: Access.Actor, id: string) =>
    read("placement.get", () => readPlacement(db, actor, id)).pipe(
      Effect.flatMap((r) => (r === undefined ? Effect.fail(notFound("placement", id)) : Effect.succeed(r))),
    )

  /** Staff read with placement.read; a cadre reads their own with placement.own. */
  const requireRead = (actor: Access.Actor) =>
    requirePermission(actor, actor.role === "applicant" ? "placement.own" : "placement.read")

  /** A cadre's own command (placement.own; the scope test keeps them to their own) or a staff command. */
  const requireWrite = (actor: Access.Actor) =>
    requirePermission(actor, actor.role === "applicant" ? "placement.own" : "placement.manage")

  /** Store an absence (擅自离岗, or the days over a leave) with its audit row, in the caller's transaction. */
  const insertAbsence = async (
    tx: Tx,
    ctx: CommandContext,
    a: InPost.Absence,
    regionPath: string,
    extra: Readonly<Record<string, string>> = {},
  ): Promise<void> => {
    await tx.insert(absences).values({
      id: a.id,
      placementId: a.placementId,
      fromDate: a.from,
      toDate: a.to,
      kind: a.kind,
      body: encodeAbsence(a),
    })
    await writeAudit(tx, ctx, {
      action: "leave.absence",
      entity: "placement",
      entityId: a.placementId,
      regionPath,
      before: null,
      after: { absence: a.id, kind: a.kind, halfDays: a.halfDays, from: a.from, to: a.to, ...extra },
    })
  }

  /**
   * A leave request for `rec` as the kernel routes it under the placement's scheme version, after the checks every
   * request passes (own placement or managing body, serving); refusals abort the transaction.
   */
  const leaveFor = async (
    tx: Tx,
    actor: Access.Actor,
    rec: PlacementRecord,
    input: {
      readonly from: LocalDate.LocalDate
      readonly to: LocalDate.LocalDate
      readonly startsAfternoon?: boolean | undefined
      readonly endsMorning?: boolean | undefined
      readonly reason: string
      readonly on: LocalDate.LocalDate
    },
    id: string,
  ): Promise<InPost.LeaveRequest> => {
    requireOwnOrManage(actor, rec)
    requireServing(rec, t("请假", "request leave"))
    const scheme = await loadScheme(tx, rec.placement.schemeId, rec.placement.schemeVersion)
    const r = InPost.requestLeave(
      {
        id,
        placementId: rec.placement.id,
        personId: rec.placement.personId,
        from: input.from,
        to: input.to,
        ...(input.startsAfternoon === undefined ? {} : { startsAfternoon: input.startsAfternoon }),
        ...(input.endsMorning === undefined ? {} : { endsMorning: input.endsMorning }),
        reason: input.reason,
      },
      scheme,
      input.on,
    )
    if (Either.isLeft(r)) return abort(r.left)
    return r.right
  }

  const submissionsOf = async (d: Db | Tx, placementIds: ReadonlyArray<string>) => {
    if (placementIds.length === 0) return []
    const rows = await d
      .select()
      .from(reportSubmissions)
      .where(inArray(reportSubmissions.placementId, [...placementIds]))
    return rows.map((r) => decodeRow(InPost.Submission, "report_submissions", r.id, r.body))
  }

  const obligationsFor = async (d: Db | Tx, rec: PlacementRecord, on: LocalDate.LocalDate) => {
    const scheme = await loadScheme(d, rec.placement.schemeId, rec.placement.schemeVersion)
    const subs = await submissionsOf(d, [rec.placement.id])
    return InPost.obligationsOf(rec.placement, scheme).map((o) => ({
      obligation: o,
      status: InPost.statusOf(o, subs, on),
      submission: subs.find((s) => s.key === o.key) ?? null,
    }))
  }

  // —— leave
  const selectLeaves = (d: Db | Tx) =>
    d
      .select({ row: leaveRequests, path: regions.path })
      .from(leaveRequests)
      .innerJoin(placements, eq(placements.id, leaveRequests.placementId))
      .innerJoin(regions, eq(regions.id, placements.regionId))
  type LeaveRow = Awaited<ReturnType<ReturnType<typeof selectLeaves>["where"]>>[number]
  const toLeave = (r: LeaveRow): LeaveRecord => {
    const leave = decodeRow(InPost.LeaveRequest, "leave_requests", r.row.id, r.row.body)
    return {
      leave,
      version: r.row.version,
      regionPath: r.path,
      route: InPost.explainRoute(leave.route, leave.halfDays),
    }
  }
  const readLeave = async (d: Db | Tx, actor: Access.Actor, id: string) => {
    const [r] = await selectLeaves(d).where(and(eq(leaveRequests.id, id), seesPlacementSql(actor)))
    return r === undefined ? undefined : toLeave(r)
  }

  // —— mentoring
  const selectPairs = (d: Db | Tx) =>
    d
      .select({
        row: mentoringPairs,
        path: regions.path,
        menteeName: people.name,
      })
      .from(mentoringPairs)
      .innerJoin(placements, eq(placements.id, mentoringPairs.placementId))
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .innerJoin(people, eq(people.id, mentoringPairs.menteeId))
  type PairRow = Awaited<ReturnType<ReturnType<typeof selectPairs>["where"]>>[number]
  const namesOf = async (d: Db | Tx, ids: ReadonlyArray<string>) => {
    if (ids.length === 0) return new Map<string, string>()
    const rows = await d
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(inArray(people.id, [...new Set(ids)]))
    return new Map(rows.map((r) => [r.id, r.name]))
  }
  const toPairs = async (d: Db | Tx, rows: ReadonlyArray<PairRow>): Promise<ReadonlyArray<PairRecord>> => {
    const names = await namesOf(
      d,
      rows.map((r) => r.row.mentorId),
    )
    return rows.map((r) => ({
      pairing: decodeRow(InPost.Pairing, "mentoring_pairs", r.row.id, r.row.body),
      placementId: r.row.placementId,
      version: r.row.version,
      mentorName: names.get(r.row.mentorId) ?? "",
      menteeName: r.menteeName,
    }))
  }
  const mentorPairings = async (d: Db | Tx, mentorId: string) => {
    const rows = await d.select().from(mentoringPairs).where(eq(mentoringPairs.mentorId, mentorId))
    return rows.map((r) => decodeRow(InPost.Pairing, "mentoring_pairs", r.id, r.body))
  }

  const trainingOf = async (d: Db | Tx, personId: string) => {
    const rows = await d
      .select()
      .from(trainingRecords)
      .where(eq(trainingRecords.personId, personId))
      .orderBy(asc(trainingRecords.date))
    return rows.map((r) => decodeRow(InPost.TrainingRecord, "training_records", r.id, r.body))
  }

  const toInspection = (r: typeof inspections.$inferSelect): InspectionRecord => ({
    id: r.id,
    placementId: r.placementId,
    date: r.date,
    kind: r.kind as InspectionKind,
    outcome: r.outcome as InspectionRecord["outcome"],
    finding: r.finding,
    recordedBy: r.recordedBy,
  })

  return {
    obligations: (actor, placementId, on) =>
      Effect.gen(function* () {
        yield* requireRead(actor)
        const rec = yield* visiblePlacement(actor, placementId)
        return yield* read("report.obligations", () => obligationsFor(db, rec, on))
      }),

    submitReport: (ctx, input) =>
      Effect.gen(function* () {
        yield* requireWrite(ctx.actor)
        yield* transact<void, CmdErr>(db, "report.submit", async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId)
          requireOwnOrManage(ctx.actor, rec)
          const list = await obligationsFor(tx, rec, input.on)
          const found = list.find((x) => x.obligation.key === input.key)
          // Obligations come from the scheme; a key that is not one of them is refused, never created.
          if (found === undefined)
            return abort(
              conflict("report", input.key, "no_such_obligation", {
                zh: `“${input.key}”不是本任职方案规定的报告任务`,
                en: `"${input.key}" is not a report the placement's scheme asks for`,
              }),
            )
          const o = found.obligation
          const may =
            ctx.actor.role === "applicant"
              ? o.from === "applicant"
              : speaksFor(ctx.actor, o.from) || speaksFor(ctx.actor, o.to)
          if (!may)
            return abort(
              conflict("report", input.key, "not_reporter", {
                zh: `该报告由${InPost.ACTOR_LABELS[o.from].zh}报送${InPost.ACTOR_LABELS[o.to].zh}（${o.citation.document} ${o.citation.clause}）`,
                en: `this report is from ${InPost.ACTOR_LABELS[o.from].en} to ${InPost.ACTOR_LABELS[o.to].en} (${o.citation.document} ${o.citation.clause})`,
              }),
            )
          if (found.submission !== null)
            return abort(
              conflict("report", input.key, "already_submitted", {
                zh: `该报告已于 ${found.submission.submittedOn} 报送`,
                en: `this report was filed on ${found.submission.submittedOn}`,
              }),
            )
          const id = randomUUID()
          const submission: InPost.Submission = {
            key: o.key,
            submittedOn: input.on,
            by: ctx.actor.accountId,
            text: input.text,
            attachments: input.attachments,
          }
          await tx.insert(reportSubmissions).values({
            id,
            placementId: rec.placement.id,
            obligationKey: o.key,
            reportId: o.reportId,
            submittedOn: input.on,
            submittedBy: ctx.actor.accountId,
            body: encodeSubmission(submission),
          })
          await fileInArchive(tx, ctx, {
            personId: rec.person.id,
            regionPath: rec.regionPath,
            on: input.on,
            entries: [
              entry(
                `report/${o.key}`,
                input.on,
                "report",
                t(
                  `${o.subject.zh}${o.period === undefined ? "" : `（${o.period.from}至${o.period.to}）`}`,
                  `${o.subject.en}${o.period === undefined ? "" : ` (${o.period.from} to ${o.period.to})`}`,
                ),
                { ref: id, citation: o.citation },
              ),
            ],
          })
          await writeAudit(tx, ctx, {
            action: "report.submit",
            entity: "placement",
            entityId: rec.placement.id,
            regionPath: rec.regionPath,
            before: { status: found.status },
            after: { key: o.key, submittedOn: input.on, attachments: input.attachments.length },
          })
        })
        const rec = yield* visiblePlacement(ctx.actor, input.placementId)
        const list = yield* read("report.obligations", () => obligationsFor(db, rec, input.on))
        const found = list.find((x) => x.obligation.key === input.key)
        if (found === undefined) return yield* Effect.fail(notFound("report", input.key))
        return found
      }),

    overdue: (actor, on, filter = {}) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* read("report.overdue", async () => {
          const conds: Array<SQL> = [seesPlacementSql(actor)]
          if (filter.regionId !== undefined) {
            const [r] = await db
              .select({ path: regions.path })
              .from(regions)
              .where(eq(regions.id, filter.regionId))
            if (r === undefined) return []
            conds.push(sql`${regions.path} like ${`${r.path}%`}`)
          }
          // A placement that has ended is not chased for reports any more: what it lacks stays visible on its
          // own obligations (reports.obligations) and in the archive, not on the list of what to follow up.
          const rows = (await selectPlacements(db).where(and(...conds)))
            .map(toPlacementRecord)
            .filter((r) => !InPost.isClosed(r.placement.state))
          const subs = await submissionsOf(
            db,
            rows.map((r) => r.placement.id),
          )
          const out: Array<OverdueRecord> = []
          for (const rec of rows) {
            const scheme = await loadScheme(db, rec.placement.schemeId, rec.placement.schemeVersion)
            for (const o of InPost.overdue(InPost.obligationsOf(rec.placement, scheme), subs, on))
              out.push({
                placementId: rec.placement.id,
                personId: rec.person.id,
                personName: rec.person.name,
                regionId: rec.regionId,
                regionName: rec.regionName,
                regionPath: rec.regionPath,
                obligation: o.obligation,
                daysOverdue: o.daysOverdue,
              })
          }
          return out.sort(
            (a, b) => b.daysOverdue - a.daysOverdue || a.obligation.key.localeCompare(b.obligation.key),
          )
        })
      }),

    previewLeave: (actor, input) =>
      Effect.gen(function* () {
        // Whoever may ask for this leave may preview it; nobody else.
        yield* requireWrite(actor)
        const preview = yield* transact<
          { halfDays: number; approver: InPost.LeaveRequest["route"]["approver"]; route: Text },
          CmdErr
        >(db, "leave.preview", async (tx) => {
          // Read, not locked: nothing is written.
          const [row] = await selectPlacements(tx).where(
            and(eq(placements.id, input.placementId), seesPlacementSql(actor)),
          )
          if (row === undefined) return abort(notFound("placement", input.placementId))
          const rec = toPlacementRecord(row)
          // The same checks and kernel call as the request itself; only nothing is stored.
          const leave = await leaveFor(tx, actor, rec, { ...input, reason: "预览 / preview" }, "preview")
          return {
            halfDays: leave.halfDays,
            approver: leave.route.approver,
            route: InPost.explainRoute(leave.route, leave.halfDays),
          }
        })
        return preview
      }),

    requestLeave: (ctx, input) =>
      Effect.gen(function* () {
        yield* requireWrite(ctx.actor)
        const id = randomUUID()
        yield* transact<void, CmdErr>(db, "leave.request", async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId)
          const leave = await leaveFor(tx, ctx.actor, rec, input, id)
          await tx.insert(leaveRequests).values({
            id,
            placementId: rec.placement.id,
            personId: rec.placement.personId,
            state: leave.state,
            approver: leave.route.approver,
            fromDate: leave.from,
            toDate: leave.to,
            body: encodeLeave(leave),
          })
          await writeAudit(tx, ctx, {
            action: "leave.request",
            entity: "leave",
            entityId: id,
            regionPath: rec.regionPath,
            before: null,
            after: {
              placementId: rec.placement.id,
              halfDays: leave.halfDays,
              approver: leave.route.approver,
            },
          })
        })
        const r = yield* read("leave.get", () => readLeave(db, ctx.actor, id))
        if (r === undefined) return yield* Effect.fail(notFound("leave", id))
        return r
      }),

    leaveMove: (ctx, input) =>
      Effect.gen(function* () {
        if (input.move._tag !== "Return") yield* requirePermission(ctx.actor, "leave.approve")
        else yield* requireWrite(ctx.actor)
        yield* transact<void, CmdErr>(db, `leave.${input.move._tag}`, async (tx) => {
          const [r] = await selectLeaves(tx)
            .where(and(eq(leaveRequests.id, input.leaveId), seesPlacementSql(ctx.actor)))
            .for("update", { of: leaveRequests })
          if (r === undefined) return abort(notFound("leave", input.leaveId))
          if (r.row.version !== input.expectedVersion)
            return abort(staleVersion("leave", input.leaveId, input.expectedVersion, r.row.version))
          const before = toLeave(r).leave
          const next = InPost.leaveTransition(before, input.move, {
            on: input.on,
            by: { accountId: ctx.actor.accountId, role: ctx.actor.role },
          })
          if (Either.isLeft(next)) return abort(next.left)
          await tx
            .update(leaveRequests)
            .set({
              state: next.right.state,
              body: encodeLeave(next.right),
              version: sql`${leaveRequests.version} + 1`,
              updatedAt: new Date(),
            })
            .where(eq(leaveRequests.id, input.leaveId))
          await writeAudit(tx, ctx, {
            action: `leave.${input.move._tag}`,
            entity: "leave",
            entityId: input.leaveId,
            regionPath: r.path,
            before: { state: before.state },
            after: {
              state: next.right.state,
              move: input.move,
              overstayDays: next.right.overstayDays ?? null,
            },
          })
          // Back late: the days over the leave go on record as an absence (擅自离岗), with the return.
          const over = InPost.overstayAbsence(next.right, randomUUID(), { accountId: ctx.actor.accountId })
          if (over !== undefined) {
            await insertAbsence(tx, ctx, over, r.path, { leave: input.leaveId })
          }
        })
        const r = yield* read("leave.get", () => readLeave(db, ctx.actor, input.leaveId))
        if (r === undefined) return yield* Effect.fail(notFound("leave", input.leaveId))
        return r
      }),

    leaves: (actor, filter) =>
      Effect.gen(function* () {
        yield* requireRead(actor)
        return yield* read("leave.list", async () => {
          const conds: Array<SQL> = [seesPlacementSql(actor)]
          if (filter.placementId !== undefined) conds.push(eq(leaveRequests.placementId, filter.placementId))
          if (filter.state !== undefined) conds.push(eq(leaveRequests.state, filter.state))
          const rows = await selectLeaves(db)
            .where(and(...conds))
            .orderBy(asc(leaveRequests.fromDate), asc(leaveRequests.id))
          return rows.map(toLeave)
        })
      }),

    recordAbsence: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        return yield* transact<InPost.Absence, CmdErr>(db, "leave.absence", async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId)
          requireServing(rec, t("登记擅自离岗", "record an absence"))
          const r = InPost.recordAbsence(
            {
              id: randomUUID(),
              placementId: rec.placement.id,
              personId: rec.placement.personId,
              from: input.from,
              to: input.to,
              kind: "unauthorised",
              note: input.note,
              ...(input.startsAfternoon === undefined ? {} : { startsAfternoon: input.startsAfternoon }),
              ...(input.endsMorning === undefined ? {} : { endsMorning: input.endsMorning }),
            },
            { on: input.on, by: { accountId: ctx.actor.accountId, role: ctx.actor.role } },
          )
          if (Either.isLeft(r)) return abort(r.left)
          await insertAbsence(tx, ctx, r.right, rec.regionPath)
          return r.right
        })
      }),

    absences: (actor, placementId) =>
      Effect.gen(function* () {
        yield* requireRead(actor)
        yield* visiblePlacement(actor, placementId)
        return yield* read("absence.list", async () => {
          const rows = await db
            .select()
            .from(absences)
            .where(eq(absences.placementId, placementId))
            .orderBy(asc(absences.fromDate))
          return rows.map((r) => decodeRow(InPost.Absence, "absences", r.id, r.body))
        })
      }),

    recordInspection: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        const id = randomUUID()
        yield* transact<void, CmdErr>(db, "inspection.record", async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId)
          const started = rec.placement.startedOn
          if (
            started === undefined ||
            LocalDate.compare(input.date, started) < 0 ||
            LocalDate.compare(input.date, input.on) > 0
          )
            return abort(
              conflict("inspection", input.placementId, "bad_date", {
                zh: `巡查日期须在到岗（${started ?? "未到岗"}）之后、不晚于今天`,
                en: `the inspection date must be in post (from ${started ?? "not yet"}) and not in the future`,
              }),
            )
          await tx.insert(inspections).values({
            id,
            placementId: rec.placement.id,
            date: input.date,
            kind: input.kind,
            outcome: input.outcome,
            finding: input.finding,
            recordedBy: ctx.actor.accountId,
          })
          const k = INSPECTION_KIND_LABELS[input.kind]
          await fileInArchive(tx, ctx, {
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
          await writeAudit(tx, ctx, {
            action: "inspection.record",
            entity: "placement",
            entityId: rec.placement.id,
            regionPath: rec.regionPath,
            before: null,
            after: { inspection: id, date: input.date, kind: input.kind, outcome: input.outcome },
          })
        })
        const [row] = yield* read("inspection.get", () =>
          db.select().from(inspections).where(eq(inspections.id, id)),
        )
        if (row === undefined) return yield* Effect.fail(notFound("inspection", id))
        return toInspection(row)
      }),

    inspections: (actor, placementId) =>
      Effect.gen(function* () {
        yield* requireRead(actor)
        yield* visiblePlacement(actor, placementId)
        return yield* read("inspection.list", async () => {
          const rows = await db
            .select()
            .from(inspections)
            .where(eq(inspections.placementId, placementId))
            .orderBy(asc(inspections.date))
          return rows.map(toInspection)
        })
      }),

    pair: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        const id = randomUUID()
        yield* transact<void, CmdErr>(db, "mentoring.pair", async (tx) => {
          const rec = await lockPlacement(tx, ctx.actor, input.placementId)
          const m = await personInScope(tx, ctx.actor, input.mentorId)
          if (m === undefined) return abort(notFound("person", input.mentorId))
          // Lock the mentor: two pairings with the same mentor take turns, so capacity holds.
          await tx.select({ id: people.id }).from(people).where(eq(people.id, input.mentorId)).for("update")
          const scheme = await loadScheme(tx, rec.placement.schemeId, rec.placement.schemeVersion)
          const pairing: InPost.Pairing = {
            id,
            mentorId: input.mentorId as Person.PersonId,
            menteeId: rec.placement.personId,
            from: input.from,
            ...(input.to === undefined ? {} : { to: input.to }),
          }
          const r = InPost.pair(await mentorPairings(tx, input.mentorId), pairing, scheme.mentorCapacity)
          if (Either.isLeft(r)) return abort(r.left)
          await tx.insert(mentoringPairs).values({
            id,
            mentorId: input.mentorId,
            menteeId: rec.placement.personId,
            placementId: rec.placement.id,
            fromDate: input.from,
            toDate: input.to ?? null,
            body: encodePairing(pairing),
          })
          await writeAudit(tx, ctx, {
            action: "mentoring.pair",
            entity: "placement",
            entityId: rec.placement.id,
            regionPath: rec.regionPath,
            before: null,
            after: { pair: id, mentorId: input.mentorId, from: input.from },
          })
        })
        const [r] = yield* read("mentoring.get", () => selectPairs(db).where(eq(mentoringPairs.id, id)))
        if (r === undefined) return yield* Effect.fail(notFound("mentoring", id))
        const [out] = yield* read("mentoring.names", () => toPairs(db, [r]))
        if (out === undefined) return yield* Effect.fail(notFound("mentoring", id))
        return out
      }),

    endPairing: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        yield* transact<void, CmdErr>(db, "mentoring.end", async (tx) => {
          const [r] = await selectPairs(tx)
            .where(and(eq(mentoringPairs.id, input.pairId), seesPlacementSql(ctx.actor)))
            .for("update", { of: mentoringPairs })
          if (r === undefined) return abort(notFound("mentoring", input.pairId))
          if (r.row.version !== input.expectedVersion)
            return abort(staleVersion("mentoring", input.pairId, input.expectedVersion, r.row.version))
          if (LocalDate.compare(input.to, input.on) > 0)
            return abort(
              conflict("mentoring", input.pairId, "future_date", {
                zh: `结束日期 ${input.to} 晚于今天`,
                en: `the end ${input.to} is in the future`,
              }),
            )
          const all = await mentorPairings(tx, r.row.mentorId)
          const ended = InPost.endPairing(all, input.pairId, input.to)
          if (Either.isLeft(ended)) return abort(ended.left)
          const p = ended.right.find((x) => x.id === input.pairId)
          if (p === undefined) return abort(notFound("mentoring", input.pairId))
          await tx
            .update(mentoringPairs)
            .set({
              toDate: input.to,
              body: encodePairing(p),
              version: sql`${mentoringPairs.version} + 1`,
              updatedAt: new Date(),
            })
            .where(eq(mentoringPairs.id, input.pairId))
          await writeAudit(tx, ctx, {
            action: "mentoring.end",
            entity: "placement",
            entityId: r.row.placementId,
            regionPath: r.path,
            before: { to: null },
            after: { pair: input.pairId, to: input.to },
          })
        })
        const [r] = yield* read("mentoring.get", () =>
          selectPairs(db).where(eq(mentoringPairs.id, input.pairId)),
        )
        if (r === undefined) return yield* Effect.fail(notFound("mentoring", input.pairId))
        const [out] = yield* read("mentoring.names", () => toPairs(db, [r]))
        if (out === undefined) return yield* Effect.fail(notFound("mentoring", input.pairId))
        return out
      }),

    pairs: (actor, filter) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        return yield* read("mentoring.list", async () => {
          const conds: Array<SQL> = [seesPlacementSql(actor)]
          if (filter.mentorId !== undefined) conds.push(eq(mentoringPairs.mentorId, filter.mentorId))
          if (filter.placementId !== undefined) conds.push(eq(mentoringPairs.placementId, filter.placementId))
          const rows = await selectPairs(db)
            .where(and(...conds))
            .orderBy(asc(mentoringPairs.fromDate))
          return toPairs(db, rows)
        })
      }),

    mentorLoad: (actor, input) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const rec = yield* visiblePlacement(actor, input.placementId)
        return yield* read("mentoring.load", async () => {
          const scheme = await loadScheme(db, rec.placement.schemeId, rec.placement.schemeVersion)
          return InPost.mentorLoad(
            await mentorPairings(db, input.mentorId),
            input.mentorId as Person.PersonId,
            input.year,
            scheme.mentorCapacity,
          )
        })
      }),

    recordTraining: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "placement.manage")
        return yield* transact<InPost.TrainingRecord, CmdErr>(db, "training.record", async (tx) => {
          const p = await personInScope(tx, ctx.actor, input.personId)
          if (p === undefined) return abort(notFound("person", input.personId))
          if (LocalDate.compare(input.date, input.on) > 0)
            return abort(
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
          await tx.insert(trainingRecords).values({
            id: record.id,
            personId: input.personId,
            regionId: p.regionId,
            date: input.date,
            kind: input.kind,
            body: encodeTraining(record),
            recordedBy: ctx.actor.accountId,
          })
          await fileInArchive(tx, ctx, {
            personId: input.personId,
            regionPath: p.regionPath,
            on: input.on,
            entries: [
              entry(`training/${record.id}`, input.date, "training", t(input.title, input.title), {
                ref: record.id,
              }),
            ],
          })
          await writeAudit(tx, ctx, {
            action: "training.record",
            entity: "person",
            entityId: input.personId,
            regionPath: p.regionPath,
            before: null,
            after: { training: record.id, date: input.date, kind: input.kind },
          })
          return record
        })
      }),

    checkTraining: (actor, input) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const p = yield* read("person.inScope", () => personInScope(db, actor, input.personId))
        if (p === undefined) return yield* Effect.fail(notFound("person", input.personId))
        const records = yield* read("training.list", () => trainingOf(db, input.personId))
        const covered = {
          from: LocalDate.fromParts(input.year, 1, 1),
          to: LocalDate.fromParts(input.year, 12, 31),
        }
        return { records, checks: InPost.checkTraining(records, input.scheme.training, covered, input.on) }
      }),
  }
}

/** Placements visible to the actor whose rows match `where` (shared by figures). */
export const visiblePlacements = async (d: Db | Tx, actor: Access.Actor, where?: SQL) =>
  (
    await selectPlacements(d).where(
      where === undefined ? seesPlacementSql(actor) : and(seesPlacementSql(actor), where),
    )
  ).map(toPlacementRecord)
