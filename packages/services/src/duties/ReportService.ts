import { randomUUID } from "node:crypto"
import {
  anyOf,
  type CappedCount,
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  dutyQueries,
  type Handle,
  type InvalidInput,
  type NotFound,
  notFound,
  type Page,
  type PageRequest,
  type PageKey,
  placementQueries,
  type StaleVersion,
  type SubmissionListRecord,
  schema,
  transaction,
  writeAudit,
} from "@cadre/db"
import { type Access, type Citation, InPost, type LocalDate, type Scheme, type Text } from "@cadre/domain"
import { and, type SQL, sql } from "drizzle-orm"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import { entry, fileInArchive, requireOwnOrManage, speaksFor } from "../shared/inpost.js"
import { SchemeStore } from "../shared/SchemeStore.js"
import { type PlacementRecord, requireRead, requireWrite, t, visiblePlacement } from "./access.js"

/**
 * Report obligations during the term (issue 5): generated from the placement's scheme version, never typed in;
 * each filed report goes into the person's archive (一人一档) in the same transaction.
 */

const { regions, reportObligations } = schema

export interface ObligationRecord {
  readonly obligation: InPost.ObligationInstance
  readonly status: InPost.ObligationStatus
  readonly submission: InPost.Submission | null
}

/** An obligation due and not filed, on a placement still serving. */
export interface OverdueRecord {
  readonly placementId: string
  readonly personId: string
  readonly personName: string
  readonly regionId: string
  readonly regionName: string
  readonly regionPath: string
  /** The obligation (InPost.ObligationInstance's key, report, subject, due date and clause). */
  readonly obligation: {
    readonly key: string
    readonly reportId: string
    readonly subject: Text
    readonly due: LocalDate.LocalDate
    readonly citation: Citation
  }
  readonly daysOverdue: number
}

/** A page of the overdue list: most overdue first (due date, then obligation key), and how many in all. */
export interface OverduePage {
  readonly rows: ReadonlyArray<OverdueRecord>
  readonly next: PageKey | null
  /** Counted up to COUNT_CAP (10,000): `exact` false when more are overdue. */
  readonly total: CappedCount
}

/** figures.overdue: per region of the placements, how many are overdue and by how many days at most. */
export interface OverdueByRegion {
  readonly regionId: string
  readonly regionName: string
  readonly count: number
  readonly maxDays: number
}

/** A filed report with the subject its scheme gives it. */
export interface ReceivedRecord extends SubmissionListRecord {
  readonly subject: Text
}

type Err<E> = E | Access.Forbidden
type CmdErr = Err<NotFound | StaleVersion | Conflict | InvalidInput | InPost.ArchiveRefused>

export class ReportService extends Effect.Service<ReportService>()("@cadre/services/ReportService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const schemes = yield* SchemeStore

    /** The placement's obligations with their status on `on` (inside a command, `via` is its transaction). */
    const obligationsFor = (via: Handle, rec: PlacementRecord, on: LocalDate.LocalDate) =>
      Effect.gen(function* () {
        const scheme = yield* schemes.load(rec.placement.schemeId, rec.placement.schemeVersion, via)
        const subs = yield* dutyQueries.submissionsOf(via, [rec.placement.id])
        return InPost.obligationsOf(rec.placement, scheme).map(
          (o): ObligationRecord => ({
            obligation: o,
            status: InPost.statusOf(o, subs, on),
            submission: subs.find((s) => s.key === o.key) ?? null,
          }),
        )
      })

    /** A placement's obligations as the scheme generates them, each with its status on `on`. */
    const obligations = (
      actor: Access.Actor,
      placementId: string,
      on: LocalDate.LocalDate,
    ): Effect.Effect<ReadonlyArray<ObligationRecord>, Err<NotFound>> =>
      Effect.gen(function* () {
        yield* requireRead(actor)
        const rec = yield* visiblePlacement(db, actor, placementId)
        return yield* obligationsFor(db, rec, on)
      })

    /** File a report against one generated obligation (by the body it is from, or the body it goes to). */
    const submitReport = (
      ctx: CommandContext,
      input: {
        readonly placementId: string
        readonly key: string
        readonly text: string
        readonly attachments: ReadonlyArray<{ readonly name: string; readonly ref: string }>
        readonly on: LocalDate.LocalDate
      },
    ): Effect.Effect<ObligationRecord, CmdErr> =>
      Effect.gen(function* () {
        yield* requireWrite(ctx.actor)
        yield* transaction(db, "report.submit", (tx) =>
          Effect.gen(function* () {
            const rec = yield* placementQueries.lockPlacement(tx, ctx.actor, input.placementId)
            yield* requireOwnOrManage(ctx.actor, rec)
            const list = yield* obligationsFor(tx, rec, input.on)
            const found = list.find((x) => x.obligation.key === input.key)
            // Obligations come from the scheme; a key that is not one of them is refused, never created.
            if (found === undefined)
              return yield* Effect.fail(
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
              return yield* Effect.fail(
                conflict("report", input.key, "not_reporter", {
                  zh: `该报告由${InPost.ACTOR_LABELS[o.from].zh}报送${InPost.ACTOR_LABELS[o.to].zh}（${o.citation.document} ${o.citation.clause}）`,
                  en: `this report is from ${InPost.ACTOR_LABELS[o.from].en} to ${InPost.ACTOR_LABELS[o.to].en} (${o.citation.document} ${o.citation.clause})`,
                }),
              )
            if (found.submission !== null)
              return yield* Effect.fail(
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
            yield* dutyQueries.insertSubmission(tx, {
              id,
              placementId: rec.placement.id,
              reportId: o.reportId,
              submission,
            })
            yield* fileInArchive(tx, ctx, {
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
            yield* writeAudit(tx, ctx, {
              action: "report.submit",
              entity: "placement",
              entityId: rec.placement.id,
              regionPath: rec.regionPath,
              before: { status: found.status },
              after: { key: o.key, submittedOn: input.on, attachments: input.attachments.length },
            })
          }),
        )
        const rec = yield* visiblePlacement(db, ctx.actor, input.placementId)
        const list = yield* obligationsFor(db, rec, input.on)
        const found = list.find((x) => x.obligation.key === input.key)
        if (found === undefined) return yield* Effect.fail(notFound("report", input.key))
        return found
      })

    /** The scope's narrowing by region (its path), or null when the region does not exist (nothing to list). */
    const regionWhere = (regionId: string | undefined): Effect.Effect<SQL | undefined | null> =>
      regionId === undefined
        ? Effect.succeed(undefined)
        : Effect.map(placementQueries.regionPathOf(db, regionId), (path) =>
            path === undefined ? null : sql`${regions.path} like ${`${path}%`}`,
          )

    /**
     * Obligations due before `on` with nothing filed, over the placements in scope that have not ended, most
     * overdue first (earliest due date, then obligation key), one keyset page at a time (issue 19): read from the
     * materialised obligations (report_obligations), so a page costs its rows, not the scope's. `placementIds`
     * narrows it to the rows a placements page shows. A placement that has ended is not chased for reports any
     * more: what it lacks stays visible on its own obligations (reports.obligations) and in the archive.
     */
    const overdue = (
      actor: Access.Actor,
      on: LocalDate.LocalDate,
      filter: {
        readonly regionId?: string | undefined
        readonly placementIds?: ReadonlyArray<string> | undefined
      },
      page: Omit<PageRequest, "order">,
    ): Effect.Effect<OverduePage, Err<never>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        const inRegion = yield* regionWhere(filter.regionId)
        if (inRegion === null) return { rows: [], next: null, total: { total: 0, exact: true } }
        const where = and(
          inRegion,
          // On the obligation's own column, so the planner can read report_obligations_placement_idx for a
          // placements page's few ids rather than walk the due-date index past every other placement's rows.
          filter.placementIds === undefined
            ? undefined
            : anyOf(reportObligations.placementId, filter.placementIds),
        )
        const [p, total] = yield* Effect.all([
          dutyQueries.pageOverdue(db, actor, on, where, { ...page, order: "asc" }),
          dutyQueries.countOverdue(db, actor, on, where),
        ])
        const rows: Array<OverdueRecord> = []
        for (const { scheme: ref, key, reportId, due, ...r } of p.rows) {
          const scheme = yield* schemes.load(ref.id, ref.version)
          const report = scheme.reports.find((x) => x.id === reportId)
          rows.push({
            ...r,
            obligation: {
              key,
              reportId,
              subject: report?.subject ?? { zh: reportId, en: reportId },
              due: due as LocalDate.LocalDate,
              citation: report?.citation ?? { document: scheme.id, clause: "" },
            },
            daysOverdue: InPost.daysBetween(due as LocalDate.LocalDate, on),
          })
        }
        return { rows, next: p.next, total }
      })

    /**
     * The overdue obligations counted per region for the figures screen, which answers to figures.read (a unit
     * admin has placement.read only); one grouped query over the materialised obligations.
     */
    const overdueFigures = (
      actor: Access.Actor,
      on: LocalDate.LocalDate,
      filter: { readonly regionId?: string | undefined } = {},
    ): Effect.Effect<ReadonlyArray<OverdueByRegion>, Err<never>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "figures.read")
        yield* requirePermission(actor, "placement.read")
        const inRegion = yield* regionWhere(filter.regionId)
        if (inRegion === null) return []
        const rows = yield* dutyQueries.overdueByRegion(db, actor, on, inRegion)
        return rows.map((r) => ({
          regionId: r.regionId,
          regionName: r.regionName,
          count: r.count,
          maxDays: InPost.daysBetween(r.earliest as LocalDate.LocalDate, on),
        }))
      })

    /**
     * Placements whose obligations are not materialised at their current version (written before migration 0020
     * or by hand), caught up in batches, one transaction a batch: run once at start (apps/api) and by the bench
     * after cloning rows in SQL. Returns how many placements it brought up to date.
     */
    const materialiseObligations = (batch = 500): Effect.Effect<number, Conflict> =>
      Effect.gen(function* () {
        let done = 0
        for (;;) {
          const n = yield* transaction(db, "report.obligations", (tx) =>
            Effect.gen(function* () {
              const stale = yield* placementQueries.lockStaleObligations(tx, batch)
              const items: Array<{ placement: InPost.Placement; reports: Scheme.Scheme["reports"] }> = []
              for (const s of stale) {
                const scheme = yield* schemes.load(s.schemeId, s.schemeVersion, tx)
                items.push({ placement: s.placement, reports: scheme.reports })
              }
              yield* placementQueries.syncObligations(tx, items)
              yield* placementQueries.markObligationsSynced(
                tx,
                stale.map((s) => s.placement.id),
              )
              return stale.length
            }),
          )
          done += n
          if (n < batch) return done
        }
      })

    /**
     * Reports filed on placements in scope (the inbox's 已收到), newest first unless asked otherwise, a keyset page
     * at a time; each names its subject from the placement's scheme version.
     */
    const received = (
      actor: Access.Actor,
      filter: { readonly regionId?: string | undefined },
      page: PageRequest,
    ): Effect.Effect<Page<ReceivedRecord> & { readonly total: CappedCount }, Err<never>> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "placement.read")
        let where: SQL | undefined
        if (filter.regionId !== undefined) {
          const path = yield* placementQueries.regionPathOf(db, filter.regionId)
          if (path === undefined) return { rows: [], next: null, total: { total: 0, exact: true } }
          where = sql`${regions.path} like ${`${path}%`}`
        }
        const [p, total] = yield* Effect.all([
          dutyQueries.pageSubmissions(db, actor, where, page),
          dutyQueries.countSubmissions(db, actor, where),
        ])
        const rows: Array<ReceivedRecord> = []
        for (const r of p.rows) {
          const scheme = yield* schemes.load(r.scheme.id, r.scheme.version)
          const report = scheme.reports.find((x) => x.id === r.reportId)
          rows.push({ ...r, subject: report?.subject ?? { zh: r.reportId, en: r.reportId } })
        }
        return { rows, next: p.next, total }
      })

    return { obligations, submitReport, overdue, overdueFigures, materialiseObligations, received } as const
  }),
  dependencies: [SchemeStore.Default],
}) {}
