import { randomBytes } from "node:crypto"
import {
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  type Handle,
  importJobs,
  importRows,
  type NotFound,
  notFound,
  one,
  people,
  peopleQueries,
  q,
  regions,
  transaction,
  type Tx,
  units,
  writeAudit,
} from "@cadre/db"
import type { Access } from "@cadre/domain"
import { type ImportCells, type ImportFileRow, importErrorsXlsx, rosterTemplateXlsx } from "@cadre/exports"
import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"
import type { ImportKind, ImportKindHandler, RowOutcome, RowWrite } from "./kind.js"
import { type RowError, rosterCodeLists, rowOfProfile } from "./roster.js"
import { rosterKind } from "./roster-kind.js"
import { regionsKind } from "./regions-kind.js"
import { unitsKind } from "./units-kind.js"

export type { ImportKind, RowOutcome } from "./kind.js"

/** The import kinds, each its layout, permission, preview and batch (kind.ts). */
const HANDLERS: Readonly<Record<ImportKind, ImportKindHandler>> = {
  roster: rosterKind,
  regions: regionsKind,
  units: unitsKind,
}

export type ImportStatus = "staged" | "validated" | "queued" | "running" | "done" | "failed" | "cancelled"
export type ImportMode = "all_or_nothing" | "valid_only"

export interface ImportCounts {
  readonly new: number
  readonly changed: number
  readonly unchanged: number
  readonly invalid: number
}
export interface ImportResult {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly skipped: number
}

/** A job as its importer (or an org dept above) sees it. */
export interface ImportJobView {
  readonly id: string
  readonly kind: ImportKind
  readonly status: ImportStatus
  readonly mode: ImportMode | null
  readonly fileName: string | null
  readonly total: number
  readonly done: number
  readonly counts: ImportCounts | null
  readonly result: ImportResult | null
  readonly error: string | null
  /** Rows committed per second while running (null before it starts). */
  readonly rowsPerSecond: number | null
  readonly createdAt: string
  readonly startedAt: string | null
  readonly finishedAt: string | null
}

export interface ImportRowView {
  readonly rowNo: number
  readonly outcome: RowOutcome | null
  readonly cells: ImportCells
  readonly errors: ReadonlyArray<RowError>
  readonly changed: ReadonlyArray<string>
  readonly personId: string | null
}

/** Rows validated (previewed) per chunk, and the roster's rows committed per transaction. */
export const IMPORT_BATCH = 500
/** Rows written to import_rows per insert while staging. */
const STAGE_CHUNK = 1000

type JobRow = typeof importJobs.$inferSelect

const viewOf = (j: JobRow): ImportJobView => {
  const started = j.startedAt?.getTime()
  const end = j.finishedAt?.getTime() ?? Date.now()
  const secs = started === undefined ? 0 : (end - started) / 1000
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    mode: j.mode,
    fileName: j.fileName,
    total: j.total,
    done: j.done,
    counts: (j.counts as ImportCounts | null) ?? null,
    result: (j.result as ImportResult | null) ?? null,
    error: j.error,
    rowsPerSecond: started === undefined || secs <= 0 ? null : Math.round(j.done / secs),
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  }
}

const jobConflict = (id: string, reason: string, zh: string, en: string): Conflict =>
  conflict("import", id, reason, { zh, en })

const KIND_ZH: Readonly<Record<ImportKind, string>> = { roster: "花名册", regions: "区划", units: "单位" }

/** Who may import a kind: `person.write` (the jobs), then the kind's own permission (Access.can). */
const mayImport = (actor: Access.Actor, kind: ImportKind): Effect.Effect<void, Access.Forbidden> =>
  Effect.zipRight(
    requirePermission(actor, "person.write"),
    requirePermission(actor, HANDLERS[kind].permission),
  )

/** Record many rows' outcomes in one statement. */
const setOutcomes = (h: Handle, jobId: string, rows: ReadonlyArray<RowWrite>) =>
  rows.length === 0
    ? Effect.void
    : q(
        h.execute(sql`
          update import_rows r
             set outcome = v.outcome, errors = v.errors, changed = v.changed,
                 person_id = coalesce(v.person_id, r.person_id)
            from jsonb_to_recordset(${JSON.stringify(
              rows.map((w) => ({
                row_no: w.rowNo,
                outcome: w.outcome,
                errors: w.errors,
                changed: w.changed,
                person_id: w.personId,
              })),
            )}::jsonb) as v(row_no int, outcome text, errors jsonb, changed text[], person_id text)
           where r.job_id = ${jobId} and r.row_no = v.row_no`),
        "import.outcomes",
      ).pipe(Effect.asVoid)

/**
 * Imports (issue 14) — the roster (花名册), the region tree (区划), the units (单位), each a kind (kind.ts): stage a file's rows (or an integrator's JSON batches) as a job, preview it (every row
 * validated with the kernel's Schemas and compared with the records on file), commit it as a job in batches (each
 * batch one transaction that also moves the job's `committed_through`), cancel, list. Who: `person.write` for the
 * jobs, then the kind's permission (the roster: `person.write` within scope; the tree and units: `tree.import`).
 */
export class ImportService extends Effect.Service<ImportService>()("@cadre/services/ImportService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    const loadJob = (h: Tx | typeof db, actor: Access.Actor, id: string, lock = false) =>
      Effect.gen(function* () {
        const base = h.select().from(importJobs).where(eq(importJobs.id, id))
        const [row] = yield* q(lock ? base.for("update") : base, "import.job")
        // A job is the importer's own; an org dept sees the jobs of its scope.
        if (
          row === undefined ||
          (row.actorAccountId !== actor.accountId &&
            !(actor.role === "org_dept_admin" && row.scopePath.startsWith(actor.scopePath)))
        )
          return yield* Effect.fail(notFound("import", id))
        return row
      })

    /** A new job for the actor (status staged). */
    const newJob = (ctx: CommandContext, fileName: string | null, kind: ImportKind) =>
      Effect.gen(function* () {
        const id = `imp-${randomBytes(6).toString("hex")}`
        const [row] = yield* q(
          db
            .insert(importJobs)
            .values({
              id,
              kind,
              fileName,
              actorAccountId: ctx.actor.accountId,
              actor: ctx.actor,
              scopePath: ctx.actor.scopePath,
            })
            .returning(),
          "import.create",
        )
        return yield* one("import", id, row === undefined ? [] : [row])
      })

    const appendRows = (jobId: string, rows: ReadonlyArray<ImportFileRow>) =>
      rows.length === 0
        ? Effect.void
        : transaction(db, "import.stage", (tx) =>
            Effect.gen(function* () {
              yield* q(
                tx.insert(importRows).values(rows.map((r) => ({ jobId, rowNo: r.rowNo, data: r.cells }))),
                "import.rows",
              )
              yield* q(
                tx
                  .update(importJobs)
                  .set({ total: sql`${importJobs.total} + ${rows.length}`, updatedAt: sql`now()` })
                  .where(eq(importJobs.id, jobId)),
                "import.total",
              )
            }),
          )

    /**
     * Stage an uploaded file's rows (read as a stream by @cadre/exports) as a new job. A file that cannot be
     * imported fails the stream with ImportFileError, which travels as a defect to the caller that reads it
     * (the API answers it 400); the half-staged job is removed.
     */
    const stageFile = (
      ctx: CommandContext,
      fileName: string,
      rows: AsyncIterable<ImportFileRow>,
      kind: ImportKind = "roster",
    ): Effect.Effect<ImportJobView, Access.Forbidden | Conflict | NotFound> =>
      Effect.gen(function* () {
        yield* mayImport(ctx.actor, kind)
        const job = yield* newJob(ctx, fileName, kind)
        const iterator = rows[Symbol.asyncIterator]()
        const consume = Effect.gen(function* () {
          for (;;) {
            const chunk: Array<ImportFileRow> = []
            let finished = false
            while (chunk.length < STAGE_CHUNK) {
              const next = yield* Effect.promise(() => iterator.next())
              if (next.done === true) {
                finished = true
                break
              }
              chunk.push(next.value)
            }
            yield* appendRows(job.id, chunk)
            if (finished) return
          }
        })
        yield* consume.pipe(
          Effect.tapErrorCause(() =>
            q(db.delete(importJobs).where(eq(importJobs.id, job.id)), "import.discard").pipe(Effect.ignore),
          ),
        )
        return yield* previewJob(ctx, job.id)
      })

    /** An integrator's rows as JSON: a new job (no jobId) or more rows for a staged job. */
    const submitRows = (
      ctx: CommandContext,
      input: {
        readonly jobId?: string | undefined
        readonly kind?: ImportKind | undefined
        readonly rows: ReadonlyArray<ImportCells>
      },
    ): Effect.Effect<ImportJobView, Access.Forbidden | NotFound | Conflict> =>
      Effect.gen(function* () {
        const kind = input.kind ?? "roster"
        yield* mayImport(ctx.actor, kind)
        const job =
          input.jobId === undefined
            ? yield* newJob(ctx, null, kind)
            : yield* loadJob(db, ctx.actor, input.jobId)
        if (job.kind !== kind)
          return yield* Effect.fail(
            jobConflict(
              job.id,
              "other_kind",
              `该导入任务导入的是${KIND_ZH[job.kind]}，不能添加${KIND_ZH[kind]}数据`,
              `this job imports ${job.kind}; ${kind} rows cannot be added`,
            ),
          )
        if (job.status !== "staged" && job.status !== "validated")
          return yield* Effect.fail(
            jobConflict(
              job.id,
              "not_open",
              "该导入任务已提交，不能再添加数据",
              "this import is committed; rows cannot be added",
            ),
          )
        if (job.total + input.rows.length > 200_000)
          return yield* Effect.fail(
            jobConflict(
              job.id,
              "too_many_rows",
              "数据行超过 200000 行，请分批导入",
              "more than 200000 rows; import in parts",
            ),
          )
        yield* appendRows(
          job.id,
          input.rows.map((cells, i) => ({ rowNo: job.total + i + 1, cells })),
        )
        yield* q(
          db.update(importJobs).set({ status: "staged" }).where(eq(importJobs.id, job.id)),
          "import.restage",
        )
        return viewOf(yield* loadJob(db, ctx.actor, job.id))
      })

    /**
     * The preview: every row classified (new / changed / unchanged / invalid, with its errors), in batches; an ID
     * number that appears twice in the file is an error on its later rows. Nothing is written to people.
     */
    const previewJob = (ctx: CommandContext, jobId: string) =>
      Effect.gen(function* () {
        const job = yield* loadJob(db, ctx.actor, jobId)
        if (job.status !== "staged" && job.status !== "validated")
          return yield* Effect.fail(
            jobConflict(jobId, "not_open", "该导入任务已提交", "this import has been committed"),
          )
        const actor = job.actor as Access.Actor
        const classify = yield* HANDLERS[job.kind].preview(db, actor, jobId)
        const counts = { new: 0, changed: 0, unchanged: 0, invalid: 0 }
        let after = 0
        for (;;) {
          const rows = yield* q(
            db
              .select({ rowNo: importRows.rowNo, data: importRows.data, outcome: importRows.outcome })
              .from(importRows)
              .where(and(eq(importRows.jobId, jobId), gt(importRows.rowNo, after)))
              .orderBy(asc(importRows.rowNo))
              .limit(IMPORT_BATCH),
            "import.previewRows",
          )
          if (rows.length === 0) break
          after = rows[rows.length - 1]?.rowNo ?? after
          const outcomes = yield* classify(rows)
          for (const o of outcomes) counts[o.outcome]++
          yield* setOutcomes(db, jobId, outcomes)
        }
        const [updated] = yield* q(
          db
            .update(importJobs)
            .set({ status: "validated", counts, updatedAt: sql`now()` })
            .where(eq(importJobs.id, jobId))
            .returning(),
          "import.validated",
        )
        return viewOf(yield* one("import", jobId, updated === undefined ? [] : [updated]))
      })

    const preview = (
      ctx: CommandContext,
      jobId: string,
    ): Effect.Effect<ImportJobView, Access.Forbidden | NotFound | Conflict> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "person.write")
        const job = yield* loadJob(db, ctx.actor, jobId)
        yield* mayImport(ctx.actor, job.kind)
        return yield* previewJob(ctx, jobId)
      })

    /** The state of a job (progress: done / total, rows per second). */
    const status = (
      actor: Access.Actor,
      jobId: string,
    ): Effect.Effect<ImportJobView, Access.Forbidden | NotFound> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "person.write")
        return viewOf(yield* loadJob(db, actor, jobId))
      })

    /** The rows of a job (all, or only those with errors), a page of them after a row number. */
    const rowsOf = (
      actor: Access.Actor,
      input: {
        readonly jobId: string
        readonly onlyErrors: boolean
        readonly after?: number | undefined
        readonly limit: number
      },
    ): Effect.Effect<
      { rows: ReadonlyArray<ImportRowView>; next: number | null },
      Access.Forbidden | NotFound
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "person.write")
        const job = yield* loadJob(db, actor, input.jobId)
        const rows = yield* q(
          db
            .select()
            .from(importRows)
            .where(
              and(
                eq(importRows.jobId, input.jobId),
                gt(importRows.rowNo, input.after ?? 0),
                input.onlyErrors ? eq(importRows.outcome, "invalid") : undefined,
              ),
            )
            .orderBy(asc(importRows.rowNo))
            .limit(input.limit + 1),
          "import.rowsOf",
        )
        const page = rows.slice(0, input.limit)
        return {
          rows: page.map((r) => ({
            rowNo: r.rowNo,
            outcome: r.outcome,
            cells: HANDLERS[job.kind].mask(r.data as ImportCells),
            errors: (r.errors as ReadonlyArray<RowError> | null) ?? [],
            changed: r.changed ?? [],
            personId: r.personId,
          })),
          next: rows.length > input.limit ? (page[page.length - 1]?.rowNo ?? null) : null,
        }
      })

    /** The rows with errors as a workbook (the template's columns plus the errors), whole values: it is the importer's file. */
    const errorsXlsx = (
      actor: Access.Actor,
      jobId: string,
    ): Effect.Effect<Uint8Array, Access.Forbidden | NotFound> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "person.write")
        const job = yield* loadJob(db, actor, jobId)
        const rows = yield* q(
          db
            .select()
            .from(importRows)
            .where(and(eq(importRows.jobId, jobId), eq(importRows.outcome, "invalid")))
            .orderBy(asc(importRows.rowNo)),
          "import.errorRows",
        )
        return yield* Effect.promise(() =>
          importErrorsXlsx(
            rows.map((r) => ({
              rowNo: r.rowNo,
              cells: r.data as ImportCells,
              errors: (r.errors as ReadonlyArray<RowError> | null) ?? [],
            })),
            HANDLERS[job.kind].layout,
          ),
        )
      })

    /**
     * Commit a previewed job: all-or-nothing refuses when any row is invalid (nothing is written); valid-only
     * skips them. The job is queued; the runner applies it in batches.
     */
    const commit = (
      ctx: CommandContext,
      input: { readonly jobId: string; readonly mode: ImportMode },
    ): Effect.Effect<ImportJobView, Access.Forbidden | NotFound | Conflict> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "person.write")
        return yield* transaction(db, "import.commit", (tx) =>
          Effect.gen(function* () {
            const job = yield* loadJob(tx, ctx.actor, input.jobId, true)
            yield* mayImport(ctx.actor, job.kind)
            if (job.status !== "validated")
              return yield* Effect.fail(
                jobConflict(
                  job.id,
                  "not_validated",
                  job.status === "staged" ? "请先预览校验" : "该导入任务已提交",
                  job.status === "staged" ? "preview the import first" : "this import has been committed",
                ),
              )
            const counts = job.counts as ImportCounts
            if (input.mode === "all_or_nothing" && counts.invalid > 0)
              return yield* Effect.fail(
                jobConflict(
                  job.id,
                  "has_errors",
                  `有 ${counts.invalid} 行数据有误，“全部或不导入”模式下不导入任何数据；请修正后重新上传，或选择“只导入正确的行”`,
                  `${counts.invalid} rows have errors: in all-or-nothing mode nothing is imported; fix them and upload again, or choose valid rows only`,
                ),
              )
            const [row] = yield* q(
              tx
                .update(importJobs)
                .set({
                  status: "queued",
                  mode: input.mode,
                  version: sql`${importJobs.version} + 1`,
                  updatedAt: sql`now()`,
                })
                .where(eq(importJobs.id, job.id))
                .returning(),
              "import.queue",
            )
            yield* writeAudit(tx, ctx, {
              action: "import.commit",
              entity: "import",
              entityId: job.id,
              regionPath: job.scopePath,
              before: null,
              after: { mode: input.mode, total: job.total, counts },
            })
            return viewOf(yield* one("import", job.id, row === undefined ? [] : [row]))
          }),
        )
      })

    /** Cancel a job not yet finished: the batches already committed stay (each is whole); the rest is not applied. */
    const cancel = (
      ctx: CommandContext,
      jobId: string,
    ): Effect.Effect<ImportJobView, Access.Forbidden | NotFound | Conflict> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "person.write")
        return yield* transaction(db, "import.cancel", (tx) =>
          Effect.gen(function* () {
            const job = yield* loadJob(tx, ctx.actor, jobId, true)
            if (job.status === "done" || job.status === "failed" || job.status === "cancelled")
              return yield* Effect.fail(
                jobConflict(jobId, "finished", "该导入任务已结束", "this import has finished"),
              )
            const [row] = yield* q(
              tx
                .update(importJobs)
                .set({ status: "cancelled", finishedAt: sql`now()`, updatedAt: sql`now()` })
                .where(eq(importJobs.id, jobId))
                .returning(),
              "import.cancelled",
            )
            yield* writeAudit(tx, ctx, {
              action: "import.cancel",
              entity: "import",
              entityId: jobId,
              regionPath: job.scopePath,
              before: { status: job.status, done: job.done },
              after: { status: "cancelled" },
            })
            return viewOf(yield* one("import", jobId, row === undefined ? [] : [row]))
          }),
        )
      })

    /** The actor's jobs (an org dept: its scope's), newest first, a page before a creation time. */
    const list = (
      actor: Access.Actor,
      input: { readonly before?: string | undefined; readonly limit: number },
    ): Effect.Effect<{ jobs: ReadonlyArray<ImportJobView>; next: string | null }, Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "person.write")
        const rows = yield* q(
          db
            .select()
            .from(importJobs)
            .where(
              and(
                actor.role === "org_dept_admin"
                  ? sql`${importJobs.scopePath} like ${actor.scopePath} || '%'`
                  : eq(importJobs.actorAccountId, actor.accountId),
                input.before === undefined ? undefined : lt(importJobs.createdAt, new Date(input.before)),
              ),
            )
            .orderBy(desc(importJobs.createdAt))
            .limit(input.limit + 1),
          "import.list",
        )
        const page = rows.slice(0, input.limit).map(viewOf)
        return {
          jobs: page,
          next: rows.length > input.limit ? (page[page.length - 1]?.createdAt ?? null) : null,
        }
      })

    /**
     * Apply one batch of a queued or running job: in ONE transaction, lock the job, apply the rows after
     * `committed_through` (re-classified against the records as they are now), move `committed_through`. Returns
     * whether there is more to do. A crash mid-batch rolls the whole batch back; the job goes on from the last
     * committed batch.
     */
    const runBatch = (jobId: string): Effect.Effect<boolean, never> =>
      transaction(db, "import.batch", (tx) =>
        Effect.gen(function* () {
          const [job] = yield* q(
            tx.select().from(importJobs).where(eq(importJobs.id, jobId)).for("update"),
            "import.lockJob",
          )
          if (job === undefined || (job.status !== "queued" && job.status !== "running")) return false
          const actor = job.actor as Access.Actor
          const ctx: CommandContext = { actor, requestId: `import:${jobId}` }
          const kind = HANDLERS[job.kind]
          const rows = yield* q(
            tx
              .select({ rowNo: importRows.rowNo, data: importRows.data, outcome: importRows.outcome })
              .from(importRows)
              .where(and(eq(importRows.jobId, jobId), gt(importRows.rowNo, job.committedThrough)))
              .orderBy(asc(importRows.rowNo))
              .limit(kind.batch),
            "import.batchRows",
          )
          const before = (job.result as ImportResult | null) ?? {
            created: 0,
            updated: 0,
            unchanged: 0,
            skipped: 0,
          }
          if (rows.length === 0) {
            yield* q(
              tx
                .update(importJobs)
                .set({ status: "done", result: before, finishedAt: sql`now()`, updatedAt: sql`now()` })
                .where(eq(importJobs.id, jobId)),
              "import.done",
            )
            return false
          }
          const did = yield* kind.apply(tx, ctx, { id: jobId, scopePath: job.scopePath }, rows)
          const result: ImportResult = {
            created: before.created + did.created,
            updated: before.updated + did.updated,
            unchanged: before.unchanged + did.unchanged,
            skipped: before.skipped + did.skipped,
          }
          yield* setOutcomes(tx, jobId, did.outcomes)
          const last = rows[rows.length - 1]?.rowNo ?? job.committedThrough
          yield* q(
            tx
              .update(importJobs)
              .set({
                status: "running",
                committedThrough: last,
                done: sql`${importJobs.done} + ${rows.length}`,
                result,
                startedAt: job.startedAt ?? sql`now()`,
                updatedAt: sql`now()`,
              })
              .where(eq(importJobs.id, jobId)),
            "import.progress",
          )
          return true
        }),
      ).pipe(
        // Nothing typed can fail a batch; a Conflict (a concurrent insert of the same ID number) fails the job.
        Effect.catchAll((e) =>
          q(
            db
              .update(importJobs)
              .set({ status: "failed", error: `${e.message.zh} / ${e.message.en}`, finishedAt: sql`now()` })
              .where(eq(importJobs.id, jobId)),
            "import.failed",
          ).pipe(Effect.as(false)),
        ),
      )

    /**
     * Run a job to its end (batches until done, cancelled or failed). A defect (a database fault) marks the job
     * failed: the batches committed before it stay, whole; none is half applied.
     */
    const runJob = (jobId: string, onBatch?: () => Effect.Effect<void>): Effect.Effect<void> =>
      Effect.gen(function* () {
        for (;;) {
          const more = yield* runBatch(jobId)
          if (!more) return
          if (onBatch !== undefined) yield* onBatch()
        }
      }).pipe(
        Effect.catchAllDefect((defect) =>
          q(
            db
              .update(importJobs)
              .set({
                status: "failed",
                error: `数据库错误，已提交的批次保留 / database fault; committed batches kept: ${String(defect).slice(0, 500)}`,
                finishedAt: sql`now()`,
              })
              .where(eq(importJobs.id, jobId)),
            "import.failed",
          ).pipe(Effect.ignore),
        ),
      )

    /** Jobs a restart finds queued or running (the runner goes on from their last committed batch). */
    const pendingJobs = (): Effect.Effect<ReadonlyArray<string>> =>
      Effect.map(
        q(
          db
            .select({ id: importJobs.id })
            .from(importJobs)
            .where(inArray(importJobs.status, ["queued", "running"]))
            .orderBy(asc(importJobs.createdAt)),
          "import.pending",
        ),
        (rows) => rows.map((r) => r.id),
      )

    /** The template of a kind (zh-CN headers, the code lists, example rows). */
    const template = (
      actor: Access.Actor,
      kind: ImportKind = "roster",
    ): Effect.Effect<Uint8Array, Access.Forbidden> =>
      Effect.zipRight(mayImport(actor, kind), HANDLERS[kind].template(db, actor))

    /** The roster of the people the actor may write, as a filled template (the round trip: re-import changes nothing). */
    const rosterOf = (
      actor: Access.Actor,
      personIds: ReadonlyArray<string>,
    ): Effect.Effect<Uint8Array, Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "person.write")
        const rows = yield* q(
          db
            .select({ person: people, path: regions.path, unitName: units.name })
            .from(people)
            .innerJoin(regions, eq(regions.id, people.regionId))
            .innerJoin(units, eq(units.id, people.unitId))
            .where(
              and(inArray(people.id, [...personIds]), sql`${regions.path} like ${actor.scopePath} || '%'`),
            ),
          "import.rosterOf",
        )
        const cells = rows.map((r) =>
          rowOfProfile(peopleQueries.toRecord(r.person, r.path).profile, r.unitName),
        )
        return yield* Effect.promise(() => rosterTemplateXlsx(rosterCodeLists(), cells))
      })

    return {
      stageFile,
      submitRows,
      preview,
      status,
      rowsOf,
      errorsXlsx,
      commit,
      cancel,
      list,
      runJob,
      runBatch,
      pendingJobs,
      template,
      rosterOf,
    } as const
  }),
}) {}
