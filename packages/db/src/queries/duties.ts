import { type Access, InPost, type Text } from "@cadre/domain"
import { and, asc, eq, type SQL, sql } from "drizzle-orm"
import { Effect, Schema } from "effect"
import type { Tx } from "../database.js"
import { type NotFound, notFound, type StaleVersion, staleVersion } from "../errors.js"
import { anyOf, decodeRow } from "../internal.js"
import {
  absences,
  inspections,
  leaveRequests,
  mentoringPairs,
  people,
  placements,
  regions,
  reportObligations,
  reportSubmissions,
  trainingRecords,
} from "../schema/index.js"
import { type Handle, q } from "../storage.js"
import {
  type CappedCount,
  cappedCount,
  keysetAfter,
  keysetOrder,
  keyText,
  type Page,
  type PageRequest,
  toPage,
} from "./keyset.js"
import { seesPlacementSql } from "./placements.js"

/**
 * Duties during the term as stored: report submissions, leave requests (scoped through their placement),
 * absences, inspection records, mentoring pairs and training records, each decoded through the kernel's Schemas.
 */

// ---------------------------------------------------------------------------------------------- reports

const encodeSubmission = Schema.encodeSync(InPost.Submission)

/** The reports filed for these placements. */
export const submissionsOf = (
  h: Handle,
  placementIds: ReadonlyArray<string>,
): Effect.Effect<ReadonlyArray<InPost.Submission>> =>
  placementIds.length === 0
    ? Effect.succeed([])
    : Effect.flatMap(
        q(
          h.select().from(reportSubmissions).where(anyOf(reportSubmissions.placementId, placementIds)),
          "report.submissions",
        ),
        (rows) =>
          Effect.sync(() =>
            rows.map((r) => decodeRow(InPost.Submission, "report_submissions", r.id, r.body)),
          ),
      )

/** The states a placement serves in (not InPost.TERMINAL_PLACEMENT_STATES): the only ones chased for reports. */
const SERVING_STATES = InPost.PLACEMENT_STATES.filter((s) => !InPost.isClosed(s))

/** An overdue obligation as the overdue list shows it: whose, where, and the scheme version that words it. */
export interface OverdueRow {
  readonly key: string
  readonly placementId: string
  readonly reportId: string
  readonly due: string
  readonly personId: string
  readonly personName: string
  readonly regionId: string
  readonly regionName: string
  readonly regionPath: string
  readonly scheme: { readonly id: string; readonly version: number }
}

/**
 * What is overdue on `on` among the placements the actor sees (narrowed by `where`, which may test `regions.path`
 * and `placements.id`): materialised obligations (nothing filed) due before `on`, of placements still serving.
 */
const overdueWhere = (actor: Access.Actor, on: string, where: SQL | undefined): SQL | undefined =>
  and(
    sql`${reportObligations.due} < ${on}::date`,
    anyOf(placements.state, SERVING_STATES),
    seesPlacementSql(actor),
    where,
  )

const fromOverdue = (h: Handle) =>
  h
    .select({
      key: reportObligations.key,
      placementId: reportObligations.placementId,
      reportId: reportObligations.reportId,
      due: reportObligations.due,
      personId: people.id,
      personName: people.name,
      regionId: placements.regionId,
      regionName: regions.name,
      regionPath: regions.path,
      schemeId: placements.schemeId,
      schemeVersion: placements.schemeVersion,
    })
    .from(reportObligations)
    .innerJoin(placements, eq(placements.id, reportObligations.placementId))
    .innerJoin(regions, eq(regions.id, placements.regionId))
    .innerJoin(people, eq(people.id, placements.personId))

/**
 * One keyset page of the overdue obligations (issue 19), most overdue first: by (due, key) on
 * `report_obligations_due_idx`, reading the rows after the cursor up to the page — never every obligation in scope.
 */
export const pageOverdue = (
  h: Handle,
  actor: Access.Actor,
  on: string,
  where: SQL | undefined,
  page: PageRequest,
): Effect.Effect<Page<OverdueRow>> =>
  Effect.map(
    q(
      fromOverdue(h)
        .where(
          and(
            overdueWhere(actor, on, where),
            keysetAfter(reportObligations.due, reportObligations.key, "date", page),
          ),
        )
        .orderBy(...keysetOrder(reportObligations.due, reportObligations.key, page))
        .limit(page.limit + 1),
      "report.overdue",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.due, id: r.key }),
        ({ schemeId, schemeVersion, ...r }) => ({ ...r, scheme: { id: schemeId, version: schemeVersion } }),
      ),
  )

/** How many obligations are overdue (as {@link pageOverdue} reads them), up to COUNT_CAP. */
export const countOverdue = (
  h: Handle,
  actor: Access.Actor,
  on: string,
  where: SQL | undefined,
): Effect.Effect<CappedCount> =>
  cappedCount(
    h,
    h
      .select({ one: sql`1`.as("one") })
      .from(reportObligations)
      .innerJoin(placements, eq(placements.id, reportObligations.placementId))
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .where(overdueWhere(actor, on, where)),
    "report.overdueCount",
  )

/** Overdue obligations counted per region of the placements (figures.overdue), with the earliest due date. */
export const overdueByRegion = (
  h: Handle,
  actor: Access.Actor,
  on: string,
  where: SQL | undefined,
): Effect.Effect<
  ReadonlyArray<{
    readonly regionId: string
    readonly regionName: string
    readonly regionPath: string
    readonly count: number
    readonly earliest: string
  }>
> =>
  q(
    h
      .select({
        regionId: regions.id,
        regionName: regions.name,
        regionPath: regions.path,
        count: sql<number>`count(*)::int`,
        earliest: sql<string>`min(${reportObligations.due})::text`,
      })
      .from(reportObligations)
      .innerJoin(placements, eq(placements.id, reportObligations.placementId))
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .where(overdueWhere(actor, on, where))
      .groupBy(regions.id, regions.name, regions.path),
    "report.overdueByRegion",
  )

/** A filed report as the reports inbox shows it (已收到): whose, where, when, and the scheme that names it. */
export interface SubmissionListRecord {
  readonly id: string
  readonly placementId: string
  readonly personName: string
  readonly regionName: string
  readonly reportId: string
  readonly submission: InPost.Submission
  readonly scheme: { readonly id: string; readonly version: number }
}

/**
 * One keyset page of the reports filed on placements the actor sees (narrowed by `where`), newest first by
 * default, on (submitted_on, id) — the index `report_submissions_submitted_idx`.
 */
export const pageSubmissions = (
  h: Handle,
  actor: Access.Actor,
  where: SQL | undefined,
  page: PageRequest,
): Effect.Effect<Page<SubmissionListRecord>> =>
  Effect.map(
    q(
      h
        .select({
          id: reportSubmissions.id,
          placementId: reportSubmissions.placementId,
          reportId: reportSubmissions.reportId,
          body: reportSubmissions.body,
          key: keyText(reportSubmissions.submittedOn),
          personName: people.name,
          regionName: regions.name,
          schemeId: placements.schemeId,
          schemeVersion: placements.schemeVersion,
        })
        .from(reportSubmissions)
        .innerJoin(placements, eq(placements.id, reportSubmissions.placementId))
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .innerJoin(people, eq(people.id, placements.personId))
        .where(
          and(
            seesPlacementSql(actor),
            where,
            keysetAfter(reportSubmissions.submittedOn, reportSubmissions.id, "date", page),
          ),
        )
        .orderBy(...keysetOrder(reportSubmissions.submittedOn, reportSubmissions.id, page))
        .limit(page.limit + 1),
      "report.page",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.key, id: r.id }),
        (r) => ({
          id: r.id,
          placementId: r.placementId,
          personName: r.personName,
          regionName: r.regionName,
          reportId: r.reportId,
          submission: decodeRow(InPost.Submission, "report_submissions", r.id, r.body),
          scheme: { id: r.schemeId, version: r.schemeVersion },
        }),
      ),
  )

/** How many reports were filed on placements the actor sees (narrowed by `where`), up to {@link COUNT_CAP}. */
export const countSubmissions = (
  h: Handle,
  actor: Access.Actor,
  where: SQL | undefined,
): Effect.Effect<CappedCount> =>
  cappedCount(
    h,
    h
      .select({ one: sql`1`.as("one") })
      .from(reportSubmissions)
      .innerJoin(placements, eq(placements.id, reportSubmissions.placementId))
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .where(and(seesPlacementSql(actor), where)),
    "report.count",
  )

export const insertSubmission = (
  tx: Tx,
  row: {
    readonly id: string
    readonly placementId: string
    readonly reportId: string
    readonly submission: InPost.Submission
  },
): Effect.Effect<void> =>
  q(
    tx.insert(reportSubmissions).values({
      id: row.id,
      placementId: row.placementId,
      obligationKey: row.submission.key,
      reportId: row.reportId,
      submittedOn: row.submission.submittedOn,
      submittedBy: row.submission.by,
      body: encodeSubmission(row.submission),
    }),
    "report.submit",
  ).pipe(Effect.asVoid)

// ---------------------------------------------------------------------------------------------- leave

export interface LeaveRecord {
  readonly leave: InPost.LeaveRequest
  readonly version: number
  readonly regionPath: string
  /** Why it went to that approver, with the clause. */
  readonly route: Text
  /** The placement's scheme version (its leave rules: who approves, how days count). */
  readonly scheme: { readonly id: string; readonly version: number }
}

const encodeLeave = Schema.encodeSync(InPost.LeaveRequest)

const selectLeaves = (h: Handle) =>
  h
    .select({
      row: leaveRequests,
      path: regions.path,
      schemeId: placements.schemeId,
      schemeVersion: placements.schemeVersion,
    })
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
    scheme: { id: r.schemeId, version: r.schemeVersion },
  }
}

/** A leave request on a placement the actor sees, or undefined. */
export const readLeave = (
  h: Handle,
  actor: Access.Actor,
  id: string,
): Effect.Effect<LeaveRecord | undefined> =>
  Effect.flatMap(
    q(selectLeaves(h).where(and(eq(leaveRequests.id, id), seesPlacementSql(actor))), "leave.get"),
    ([r]) => Effect.sync(() => (r === undefined ? undefined : toLeave(r))),
  )

/** Lock a leave request the actor sees (`FOR UPDATE`) and check its version; out of sight reads as NotFound. */
export const lockLeave = (
  tx: Tx,
  actor: Access.Actor,
  id: string,
  expectedVersion: number,
): Effect.Effect<LeaveRecord, NotFound | StaleVersion> =>
  Effect.gen(function* () {
    const [r] = yield* q(
      selectLeaves(tx)
        .where(and(eq(leaveRequests.id, id), seesPlacementSql(actor)))
        .for("update", { of: leaveRequests }),
      "leave.lock",
    )
    if (r === undefined) return yield* Effect.fail(notFound("leave", id))
    if (r.row.version !== expectedVersion)
      return yield* Effect.fail(staleVersion("leave", id, expectedVersion, r.row.version))
    return yield* Effect.sync(() => toLeave(r))
  })

/** What a leave list filters on: one placement, a state, and which bodies must approve (the inbox: "mine"). */
export interface LeaveFilter {
  readonly placementId?: string | undefined
  readonly state?: InPost.LeaveState | undefined
  /** Only requests routed to one of these approvers (the bodies the caller's role speaks for). */
  readonly approvers?: ReadonlyArray<string> | undefined
}

/** A leave request as a list shows it: the request, and whose it is and where (names, never ids alone). */
export interface LeaveListRecord extends LeaveRecord {
  readonly personName: string
  readonly regionName: string
}

const leaveConditions = (actor: Access.Actor, filter: LeaveFilter): SQL | undefined => {
  const conds: Array<SQL | undefined> = [seesPlacementSql(actor)]
  if (filter.placementId !== undefined) conds.push(eq(leaveRequests.placementId, filter.placementId))
  if (filter.state !== undefined) conds.push(eq(leaveRequests.state, filter.state))
  if (filter.approvers !== undefined) conds.push(anyOf(leaveRequests.approver, filter.approvers))
  return and(...conds)
}

/**
 * One keyset page of the leave requests on placements the actor sees, by (first day, id) — the index
 * `leave_requests_from_idx` — with the cadre's name and the placement's region.
 */
export const pageLeaves = (
  h: Handle,
  actor: Access.Actor,
  filter: LeaveFilter,
  page: PageRequest,
): Effect.Effect<Page<LeaveListRecord>> =>
  Effect.map(
    q(
      h
        .select({
          row: leaveRequests,
          path: regions.path,
          schemeId: placements.schemeId,
          schemeVersion: placements.schemeVersion,
          personName: people.name,
          regionName: regions.name,
          key: keyText(leaveRequests.fromDate),
        })
        .from(leaveRequests)
        .innerJoin(placements, eq(placements.id, leaveRequests.placementId))
        .innerJoin(regions, eq(regions.id, placements.regionId))
        .innerJoin(people, eq(people.id, leaveRequests.personId))
        .where(
          and(
            leaveConditions(actor, filter),
            keysetAfter(leaveRequests.fromDate, leaveRequests.id, "date", page),
          ),
        )
        .orderBy(...keysetOrder(leaveRequests.fromDate, leaveRequests.id, page))
        .limit(page.limit + 1),
      "leave.page",
    ),
    (found) =>
      toPage(
        found,
        page,
        (r) => ({ at: r.key, id: r.row.id }),
        (r) => ({ ...toLeave(r), personName: r.personName, regionName: r.regionName }),
      ),
  )

/** How many leave requests pass the filter (stops at {@link COUNT_CAP}: "more than 10,000"). */
export const countLeaves = (
  h: Handle,
  actor: Access.Actor,
  filter: LeaveFilter,
): Effect.Effect<CappedCount> =>
  cappedCount(
    h,
    h
      .select({ one: sql`1`.as("one") })
      .from(leaveRequests)
      .innerJoin(placements, eq(placements.id, leaveRequests.placementId))
      .innerJoin(regions, eq(regions.id, placements.regionId))
      .where(leaveConditions(actor, filter)),
    "leave.count",
  )

export const insertLeave = (tx: Tx, leave: InPost.LeaveRequest): Effect.Effect<void> =>
  q(
    tx.insert(leaveRequests).values({
      id: leave.id,
      placementId: leave.placementId,
      personId: leave.personId,
      state: leave.state,
      approver: leave.route.approver,
      fromDate: leave.from,
      toDate: leave.to,
      body: encodeLeave(leave),
    }),
    "leave.request",
  ).pipe(Effect.asVoid)

/** Write a leave request's new state (under the lock taken by lockLeave). */
export const saveLeave = (tx: Tx, leave: InPost.LeaveRequest): Effect.Effect<void> =>
  q(
    tx
      .update(leaveRequests)
      .set({
        state: leave.state,
        body: encodeLeave(leave),
        version: sql`${leaveRequests.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(leaveRequests.id, leave.id)),
    "leave.save",
  ).pipe(Effect.asVoid)

// ---------------------------------------------------------------------------------------------- absences

const encodeAbsence = Schema.encodeSync(InPost.Absence)

export const insertAbsence = (tx: Tx, a: InPost.Absence): Effect.Effect<void> =>
  q(
    tx.insert(absences).values({
      id: a.id,
      placementId: a.placementId,
      fromDate: a.from,
      toDate: a.to,
      kind: a.kind,
      body: encodeAbsence(a),
    }),
    "leave.absence",
  ).pipe(Effect.asVoid)

/** A placement's absences, by start. */
export const absencesOf = (h: Handle, placementId: string): Effect.Effect<ReadonlyArray<InPost.Absence>> =>
  Effect.flatMap(
    q(
      h.select().from(absences).where(eq(absences.placementId, placementId)).orderBy(asc(absences.fromDate)),
      "absence.list",
    ),
    (rows) => Effect.sync(() => rows.map((r) => decodeRow(InPost.Absence, "absences", r.id, r.body))),
  )

// ---------------------------------------------------------------------------------------------- inspections

export type InspectionRow = typeof inspections.$inferSelect

export const insertInspection = (tx: Tx, row: typeof inspections.$inferInsert): Effect.Effect<void> =>
  q(tx.insert(inspections).values(row), "inspection.record").pipe(Effect.asVoid)

export const inspectionById = (h: Handle, id: string): Effect.Effect<InspectionRow | undefined> =>
  Effect.map(q(h.select().from(inspections).where(eq(inspections.id, id)), "inspection.get"), ([r]) => r)

/** A placement's inspection records, by date. */
export const inspectionsOf = (h: Handle, placementId: string): Effect.Effect<ReadonlyArray<InspectionRow>> =>
  q(
    h
      .select()
      .from(inspections)
      .where(eq(inspections.placementId, placementId))
      .orderBy(asc(inspections.date)),
    "inspection.list",
  )

// ---------------------------------------------------------------------------------------------- mentoring

export interface PairRecord {
  readonly pairing: InPost.Pairing
  readonly placementId: string
  readonly version: number
  readonly mentorName: string
  readonly menteeName: string
}

const encodePairing = Schema.encodeSync(InPost.Pairing)

const selectPairs = (h: Handle) =>
  h
    .select({ row: mentoringPairs, path: regions.path, menteeName: people.name })
    .from(mentoringPairs)
    .innerJoin(placements, eq(placements.id, mentoringPairs.placementId))
    .innerJoin(regions, eq(regions.id, placements.regionId))
    .innerJoin(people, eq(people.id, mentoringPairs.menteeId))
type PairRow = Awaited<ReturnType<ReturnType<typeof selectPairs>["where"]>>[number]

const namesOf = (h: Handle, ids: ReadonlyArray<string>): Effect.Effect<ReadonlyMap<string, string>> =>
  ids.length === 0
    ? Effect.succeed(new Map<string, string>())
    : Effect.map(
        q(
          h
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(anyOf(people.id, [...new Set(ids)])),
          "mentoring.names",
        ),
        (rows) => new Map(rows.map((r) => [r.id, r.name])),
      )

const toPairs = (h: Handle, rows: ReadonlyArray<PairRow>): Effect.Effect<ReadonlyArray<PairRecord>> =>
  Effect.flatMap(
    namesOf(
      h,
      rows.map((r) => r.row.mentorId),
    ),
    (names) =>
      Effect.sync(() =>
        rows.map((r) => ({
          pairing: decodeRow(InPost.Pairing, "mentoring_pairs", r.row.id, r.row.body),
          placementId: r.row.placementId,
          version: r.row.version,
          mentorName: names.get(r.row.mentorId) ?? "",
          menteeName: r.menteeName,
        })),
      ),
  )

/** A pair by id with the names of mentor and mentee (not scoped: the command that made it was). */
export const pairById = (h: Handle, id: string): Effect.Effect<PairRecord | undefined> =>
  Effect.flatMap(q(selectPairs(h).where(eq(mentoringPairs.id, id)), "mentoring.get"), (rows) =>
    Effect.map(toPairs(h, rows), ([p]) => p),
  )

/** Lock a pair on a placement the actor sees (`FOR UPDATE`), with its version and region path, or undefined. */
export const lockPair = (tx: Tx, actor: Access.Actor, id: string) =>
  Effect.map(
    q(
      selectPairs(tx)
        .where(and(eq(mentoringPairs.id, id), seesPlacementSql(actor)))
        .for("update", { of: mentoringPairs }),
      "mentoring.lock",
    ),
    ([r]) =>
      r === undefined
        ? undefined
        : {
            mentorId: r.row.mentorId,
            placementId: r.row.placementId,
            version: r.row.version,
            regionPath: r.path,
          },
  )

/** Pairs on placements the actor sees, by start. */
export const listPairs = (
  h: Handle,
  actor: Access.Actor,
  filter: { readonly mentorId?: string | undefined; readonly placementId?: string | undefined },
): Effect.Effect<ReadonlyArray<PairRecord>> => {
  const conds: Array<SQL> = [seesPlacementSql(actor)]
  if (filter.mentorId !== undefined) conds.push(eq(mentoringPairs.mentorId, filter.mentorId))
  if (filter.placementId !== undefined) conds.push(eq(mentoringPairs.placementId, filter.placementId))
  return Effect.flatMap(
    q(
      selectPairs(h)
        .where(and(...conds))
        .orderBy(asc(mentoringPairs.fromDate)),
      "mentoring.list",
    ),
    (rows) => toPairs(h, rows),
  )
}

/** Every pairing of a mentor (their load is counted across placements and schemes). */
export const mentorPairings = (h: Handle, mentorId: string): Effect.Effect<ReadonlyArray<InPost.Pairing>> =>
  Effect.flatMap(
    q(h.select().from(mentoringPairs).where(eq(mentoringPairs.mentorId, mentorId)), "mentoring.ofMentor"),
    (rows) => Effect.sync(() => rows.map((r) => decodeRow(InPost.Pairing, "mentoring_pairs", r.id, r.body))),
  )

/** Lock the mentor's row: two pairings with the same mentor take turns, so capacity holds. */
export const lockMentor = (tx: Tx, mentorId: string): Effect.Effect<void> =>
  q(
    tx.select({ id: people.id }).from(people).where(eq(people.id, mentorId)).for("update"),
    "mentor.lock",
  ).pipe(Effect.asVoid)

export const insertPair = (tx: Tx, placementId: string, p: InPost.Pairing): Effect.Effect<void> =>
  q(
    tx.insert(mentoringPairs).values({
      id: p.id,
      mentorId: p.mentorId,
      menteeId: p.menteeId,
      placementId,
      fromDate: p.from,
      toDate: p.to ?? null,
      body: encodePairing(p),
    }),
    "mentoring.pair",
  ).pipe(Effect.asVoid)

/** Write an ended pairing (under the lock taken by lockPair). */
export const saveEndedPair = (tx: Tx, p: InPost.Pairing, to: string): Effect.Effect<void> =>
  q(
    tx
      .update(mentoringPairs)
      .set({
        toDate: to,
        body: encodePairing(p),
        version: sql`${mentoringPairs.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(mentoringPairs.id, p.id)),
    "mentoring.end",
  ).pipe(Effect.asVoid)

// ---------------------------------------------------------------------------------------------- training

const encodeTraining = Schema.encodeSync(InPost.TrainingRecord)

/** A person's training records, by date. */
export const trainingOf = (
  h: Handle,
  personId: string,
): Effect.Effect<ReadonlyArray<InPost.TrainingRecord>> =>
  Effect.flatMap(
    q(
      h
        .select()
        .from(trainingRecords)
        .where(eq(trainingRecords.personId, personId))
        .orderBy(asc(trainingRecords.date)),
      "training.list",
    ),
    (rows) =>
      Effect.sync(() => rows.map((r) => decodeRow(InPost.TrainingRecord, "training_records", r.id, r.body))),
  )

export const insertTraining = (
  tx: Tx,
  record: InPost.TrainingRecord,
  extra: { readonly regionId: string; readonly recordedBy: string },
): Effect.Effect<void> =>
  q(
    tx.insert(trainingRecords).values({
      id: record.id,
      personId: record.personId,
      regionId: extra.regionId,
      date: record.date,
      kind: record.kind,
      body: encodeTraining(record),
      recordedBy: extra.recordedBy,
    }),
    "training.record",
  ).pipe(Effect.asVoid)
