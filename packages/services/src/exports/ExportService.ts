import { randomBytes } from "node:crypto"
import { Writable } from "node:stream"
import {
  applicationQueries,
  campaignQueries,
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  type ExportRow,
  exportChunks,
  exportJobs,
  exportQueries,
  type NotFound,
  notFound,
  one,
  type Page,
  type PageKey,
  q,
  transaction,
  writeAudit,
} from "@cadre/db"
import type { Access } from "@cadre/domain"
import { arrangementXlsxStream, rosterXlsxStream } from "@cadre/exports"
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm"
import { Effect, Runtime } from "effect"
import { requirePermission } from "../shared/authority.js"
import { ARRANGEMENT_STATES, arrangementRowOf, rosterRowOf } from "./rows.js"

/** The campaign exports streamed or run as jobs: the 花名册 and the 安排表. */
export type ExportKind = "roster" | "arrangement"
export const EXPORT_KINDS: ReadonlyArray<ExportKind> = ["roster", "arrangement"]
export type ExportStatus = "queued" | "running" | "done" | "failed" | "cancelled"

/** Rows over which an export runs as a job rather than streaming in the request (issue 19 §4). */
export const EXPORT_JOB_THRESHOLD = 5000
/** Rows read per query (one keyset batch). */
export const EXPORT_BATCH = 1000
/** Bytes per stored piece of a job's file. */
export const EXPORT_CHUNK_BYTES = 1024 * 1024
/** How long a finished job's file stays downloadable. */
export const EXPORT_TTL_HOURS = 24

/** A job as its requester (or an org dept above the campaign) sees it. */
export interface ExportJobView {
  readonly id: string
  readonly kind: ExportKind
  readonly campaignId: string
  readonly status: ExportStatus
  readonly fileName: string
  readonly total: number
  readonly done: number
  /** Rows written per second while running (null before it starts). */
  readonly rowsPerSecond: number | null
  readonly size: number | null
  readonly error: string | null
  readonly createdAt: string
  readonly startedAt: string | null
  readonly finishedAt: string | null
  readonly expiresAt: string | null
}

/** A file about to be streamed: its names and row count; `write` streams it into `out`, resolving with the rows. */
export interface PreparedExport {
  readonly kind: ExportKind
  readonly campaignId: string
  readonly fileName: string
  /** An ASCII stand-in for the file name (the `filename=` of Content-Disposition). */
  readonly asciiName: string
  readonly total: number
  readonly write: (out: Writable, onBatch?: (done: number) => Promise<void>) => Promise<number>
}

type JobRow = typeof exportJobs.$inferSelect

const viewOf = (j: JobRow): ExportJobView => {
  const started = j.startedAt?.getTime()
  const end = j.finishedAt?.getTime() ?? Date.now()
  const secs = started === undefined ? 0 : (end - started) / 1000
  return {
    id: j.id,
    kind: j.kind,
    campaignId: j.campaignId,
    status: j.status,
    fileName: j.fileName,
    total: j.total,
    done: j.done,
    rowsPerSecond: started === undefined || secs <= 0 ? null : Math.round(j.done / secs),
    size: j.size,
    error: j.error,
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
    expiresAt: j.expiresAt?.toISOString() ?? null,
  }
}

const KIND_ZH: Readonly<Record<ExportKind, string>> = { roster: "花名册", arrangement: "安排表" }

/** Thrown into the writer when the job was cancelled between two batches. */
class Cancelled extends Error {}

/**
 * The campaign exports over HTTP and as jobs (issues 19 §4 and 14 §3; docs/adr/0010-export-jobs.md): the 花名册
 * and 安排表 read by keyset in batches of {@link EXPORT_BATCH} (one query each, no query per row) and streamed into
 * exceljs's streaming writer. Small exports stream in the request; over the threshold a job in `export_jobs`
 * writes the file into `export_chunks`, with progress, cancel, and a download until it expires a day later. Who:
 * `campaign.read` and the campaign visible to the caller; rows are those the caller sees (applicationVisibleTo),
 * phones masked. One audit row per export.
 */
export class ExportService extends Effect.Service<ExportService>()("@cadre/services/ExportService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database

    /** The export of a campaign as `actor` sees it (checks the permission and the campaign's visibility). */
    const prepareAs = (
      actor: Access.Actor,
      campaignId: string,
      kind: ExportKind,
      today: string,
    ): Effect.Effect<PreparedExport & { readonly regionPath: string }, Access.Forbidden | NotFound> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        const campaign = yield* Effect.flatMap(
          campaignQueries.findCampaign(db, campaignId, campaignQueries.campaignVisibleTo(actor)),
          (c) => (c === undefined ? Effect.fail(notFound("campaign", campaignId)) : Effect.succeed(c)),
        )
        const visible = applicationQueries.applicationVisibleTo(actor)
        const states = kind === "arrangement" ? ARRANGEMENT_STATES : undefined
        const total = yield* exportQueries.countRows(db, campaign.id, visible, states)
        const runtime = yield* Effect.runtime<never>()
        const run = Runtime.runPromise(runtime)
        async function* rows(onBatch?: (done: number) => Promise<void>): AsyncIterable<ExportRow> {
          let after: PageKey | null = null
          let done = 0
          for (;;) {
            const page: Page<ExportRow> = await run(
              exportQueries.batch(
                db,
                campaign.id,
                visible,
                { after, limit: EXPORT_BATCH, order: "asc" },
                states,
              ),
            )
            yield* page.rows
            done += page.rows.length
            if (onBatch !== undefined) await onBatch(done)
            if (page.next === null) return
            after = page.next
          }
        }
        async function* map<A>(source: AsyncIterable<ExportRow>, f: (r: ExportRow) => A): AsyncIterable<A> {
          for await (const r of source) yield f(r)
        }
        const write = (out: Writable, onBatch?: (done: number) => Promise<void>) =>
          kind === "roster"
            ? rosterXlsxStream(
                {
                  campaignName: campaign.name,
                  ageReferenceDate: campaign.referenceDate,
                  rows: map(rows(onBatch), (r) => rosterRowOf(r, campaign.referenceDate)),
                },
                out,
              )
            : arrangementXlsxStream(
                {
                  title: `${campaign.name}安排表`,
                  rows: map(rows(onBatch), (r) => arrangementRowOf(r, today)),
                },
                out,
              )
        return {
          kind,
          campaignId: campaign.id,
          regionPath: campaign.regionPath,
          fileName: `${campaign.name}-${KIND_ZH[kind]}.xlsx`,
          asciiName: `${kind}-${campaign.id}.xlsx`,
          total,
          write,
        }
      })

    const audit = (ctx: CommandContext, p: { regionPath: string; campaignId: string; what: string }) =>
      transaction(db, "export.audit", (tx) =>
        writeAudit(tx, ctx, {
          action: "export",
          entity: "campaign",
          entityId: p.campaignId,
          regionPath: p.regionPath,
          before: null,
          after: { what: p.what },
        }),
      )

    /**
     * An export to stream in the request, audited here (one row: what, how many rows). Over `threshold` rows it
     * is refused with a Conflict `too_large` (start a job instead) and nothing is audited.
     */
    const stream = (
      ctx: CommandContext,
      input: { readonly campaignId: string; readonly kind: ExportKind; readonly today: string },
      threshold: number = EXPORT_JOB_THRESHOLD,
    ): Effect.Effect<PreparedExport, Access.Forbidden | NotFound | Conflict> =>
      Effect.gen(function* () {
        const p = yield* prepareAs(ctx.actor, input.campaignId, input.kind, input.today)
        if (p.total > threshold)
          return yield* Effect.fail(
            conflict("export", input.campaignId, "too_large", {
              zh: `共 ${p.total} 行，超过 ${threshold} 行，请以导出任务方式导出（exports.start）`,
              en: `${p.total} rows, over ${threshold}: start an export job (exports.start)`,
            }),
          )
        yield* audit(ctx, { ...p, what: `${input.kind} (${p.total} rows)` })
        return p
      })

    const loadJob = (actor: Access.Actor, id: string) =>
      Effect.gen(function* () {
        const [row] = yield* q(db.select().from(exportJobs).where(eq(exportJobs.id, id)), "export.job")
        // A job is its requester's own; an org dept sees the jobs of campaigns in its scope.
        if (
          row === undefined ||
          (row.actorAccountId !== actor.accountId &&
            !(actor.role === "org_dept_admin" && row.regionPath.startsWith(actor.scopePath)))
        )
          return yield* Effect.fail(notFound("export", id))
        return row
      })

    /** Delete the files of jobs past their expiry (and the jobs' rows: nothing is left to download). */
    const purgeExpired = (): Effect.Effect<void> =>
      q(db.delete(exportJobs).where(lt(exportJobs.expiresAt, sql`now()`)), "export.purge").pipe(Effect.asVoid)

    /**
     * Start an export: at most `threshold` rows it is `{ job: null }` (stream it from the HTTP route); over it, a
     * queued job the caller forks with {@link runJob}. The job's audit row is written here.
     */
    const start = (
      ctx: CommandContext,
      input: { readonly campaignId: string; readonly kind: ExportKind; readonly today: string },
      threshold: number = EXPORT_JOB_THRESHOLD,
    ): Effect.Effect<
      { readonly total: number; readonly job: ExportJobView | null },
      Access.Forbidden | NotFound | Conflict
    > =>
      Effect.gen(function* () {
        const p = yield* prepareAs(ctx.actor, input.campaignId, input.kind, input.today)
        if (p.total <= threshold) return { total: p.total, job: null }
        yield* purgeExpired()
        const id = `exp-${randomBytes(6).toString("hex")}`
        const row = yield* transaction(db, "export.start", (tx) =>
          Effect.gen(function* () {
            const [row] = yield* q(
              tx
                .insert(exportJobs)
                .values({
                  id,
                  kind: input.kind,
                  campaignId: p.campaignId,
                  actorAccountId: ctx.actor.accountId,
                  actor: ctx.actor,
                  regionPath: p.regionPath,
                  fileName: p.fileName,
                  params: { today: input.today },
                  total: p.total,
                })
                .returning(),
              "export.create",
            )
            yield* writeAudit(tx, ctx, {
              action: "export",
              entity: "campaign",
              entityId: p.campaignId,
              regionPath: p.regionPath,
              before: null,
              after: { what: `${input.kind} (${p.total} rows, job ${id})` },
            })
            return yield* one("export", id, row === undefined ? [] : [row])
          }),
        )
        return { total: p.total, job: viewOf(row) }
      })

    /** A job's progress. */
    const job = (
      actor: Access.Actor,
      id: string,
    ): Effect.Effect<ExportJobView, Access.Forbidden | NotFound> =>
      Effect.zipRight(requirePermission(actor, "campaign.read"), Effect.map(loadJob(actor, id), viewOf))

    /** Cancel a job not yet finished: the runner stops at its next batch; what it wrote is deleted. */
    const cancel = (
      ctx: CommandContext,
      id: string,
    ): Effect.Effect<ExportJobView, Access.Forbidden | NotFound | Conflict> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "campaign.read")
        const job = yield* loadJob(ctx.actor, id)
        return yield* transaction(db, "export.cancel", (tx) =>
          Effect.gen(function* () {
            const [row] = yield* q(
              tx
                .update(exportJobs)
                .set({ status: "cancelled", finishedAt: sql`now()`, updatedAt: sql`now()` })
                .where(and(eq(exportJobs.id, id), inArray(exportJobs.status, ["queued", "running"])))
                .returning(),
              "export.cancelled",
            )
            if (row === undefined)
              return yield* Effect.fail(
                conflict("export", id, "finished", {
                  zh: "该导出任务已结束",
                  en: "this export has finished",
                }),
              )
            yield* q(tx.delete(exportChunks).where(eq(exportChunks.jobId, id)), "export.dropChunks")
            yield* writeAudit(tx, ctx, {
              action: "export.cancel",
              entity: "campaign",
              entityId: job.campaignId,
              regionPath: job.regionPath,
              before: { status: job.status, done: job.done },
              after: { status: "cancelled", job: id },
            })
            return viewOf(row)
          }),
        )
      })

    /**
     * A finished job's file: its name, size and pieces (read one query per piece as the response is sent).
     * NotFound for another's job or an expired one; Conflict while it is not done.
     */
    const download = (
      actor: Access.Actor,
      id: string,
    ): Effect.Effect<
      {
        readonly fileName: string
        readonly asciiName: string
        readonly size: number
        readonly chunks: AsyncIterable<Uint8Array>
      },
      Access.Forbidden | NotFound | Conflict
    > =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "campaign.read")
        const job = yield* loadJob(actor, id)
        if (job.expiresAt !== null && job.expiresAt.getTime() < Date.now())
          return yield* Effect.fail(notFound("export", id))
        if (job.status !== "done")
          return yield* Effect.fail(
            conflict("export", id, "not_done", {
              zh: job.status === "queued" || job.status === "running" ? "导出尚未完成" : "该导出任务未完成",
              en: `the export is ${job.status}`,
            }),
          )
        const run = Runtime.runPromise(yield* Effect.runtime<never>())
        async function* chunks(): AsyncIterable<Uint8Array> {
          for (let seq = 0; ; seq++) {
            const [c] = await run(
              q(
                db
                  .select({ data: exportChunks.data })
                  .from(exportChunks)
                  .where(and(eq(exportChunks.jobId, id), eq(exportChunks.seq, seq))),
                "export.chunk",
              ),
            )
            if (c === undefined) return
            yield c.data
          }
        }
        return {
          fileName: job.fileName,
          asciiName: `${job.kind}-${job.campaignId}.xlsx`,
          size: job.size ?? 0,
          chunks: chunks(),
        }
      })

    /**
     * Run a job from its first row to the end: the file is streamed into `export_chunks` in pieces of about 1 MB,
     * `done` moves after each batch of rows, a cancel is seen between batches. A restart runs a queued or running
     * job again from the beginning (its pieces so far are deleted first). A fault marks it failed.
     */
    const runJob = (jobId: string): Effect.Effect<void> =>
      Effect.gen(function* () {
        const [claimed] = yield* q(
          db
            .update(exportJobs)
            .set({ status: "running", done: 0, startedAt: sql`now()`, updatedAt: sql`now()` })
            .where(and(eq(exportJobs.id, jobId), inArray(exportJobs.status, ["queued", "running"])))
            .returning(),
          "export.claim",
        )
        if (claimed === undefined) return
        yield* q(db.delete(exportChunks).where(eq(exportChunks.jobId, jobId)), "export.dropChunks")
        const actor = claimed.actor as Access.Actor
        const today = (claimed.params as { today: string }).today
        const p = yield* prepareAs(actor, claimed.campaignId, claimed.kind, today)
        const run = Runtime.runPromise(yield* Effect.runtime<never>())
        let seq = 0
        let size = 0
        let pending: Buffer[] = []
        let pendingBytes = 0
        const flush = async () => {
          if (pendingBytes === 0) return
          const data = Buffer.concat(pending)
          pending = []
          pendingBytes = 0
          size += data.byteLength
          await run(q(db.insert(exportChunks).values({ jobId, seq: seq++, data }), "export.chunkWrite"))
        }
        const sink = new Writable({
          highWaterMark: EXPORT_CHUNK_BYTES,
          write(chunk: Buffer, _enc, cb) {
            pending.push(chunk)
            pendingBytes += chunk.byteLength
            if (pendingBytes < EXPORT_CHUNK_BYTES) return cb()
            flush().then(() => cb(), cb)
          },
          final(cb) {
            flush().then(() => cb(), cb)
          },
        })
        const finished = new Promise<void>((resolve, reject) => {
          sink.on("finish", resolve)
          sink.on("error", reject)
        })
        const onBatch = async (done: number) => {
          const [row] = await run(
            q(
              db
                .update(exportJobs)
                .set({ done, updatedAt: sql`now()` })
                .where(eq(exportJobs.id, jobId))
                .returning({ status: exportJobs.status }),
              "export.progress",
            ),
          )
          if (row?.status !== "running") throw new Cancelled()
        }
        const outcome = yield* Effect.tryPromise({
          try: async () => {
            const n = await p.write(sink, onBatch)
            await finished
            return n
          },
          catch: (e) => e,
        }).pipe(Effect.either)
        if (outcome._tag === "Left") {
          if (outcome.left instanceof Cancelled) {
            sink.destroy()
            yield* q(db.delete(exportChunks).where(eq(exportChunks.jobId, jobId)), "export.dropChunks")
            return
          }
          return yield* Effect.die(outcome.left)
        }
        yield* q(
          db
            .update(exportJobs)
            .set({
              status: "done",
              done: outcome.right,
              total: outcome.right,
              size,
              finishedAt: sql`now()`,
              expiresAt: sql`now() + make_interval(hours => ${EXPORT_TTL_HOURS})`,
              updatedAt: sql`now()`,
            })
            .where(and(eq(exportJobs.id, jobId), eq(exportJobs.status, "running"))),
          "export.done",
        )
      }).pipe(
        Effect.catchAllCause((cause) =>
          q(
            db
              .update(exportJobs)
              .set({
                status: "failed",
                error: `导出失败 / export failed: ${String(cause).slice(0, 500)}`,
                finishedAt: sql`now()`,
                updatedAt: sql`now()`,
              })
              .where(and(eq(exportJobs.id, jobId), inArray(exportJobs.status, ["queued", "running"]))),
            "export.failed",
          ).pipe(Effect.ignore),
        ),
      )

    /** Jobs a restart finds queued or running (each runs again from its first row); expired files go first. */
    const pendingJobs = (): Effect.Effect<ReadonlyArray<string>> =>
      Effect.zipRight(
        purgeExpired(),
        Effect.map(
          q(
            db
              .select({ id: exportJobs.id })
              .from(exportJobs)
              .where(inArray(exportJobs.status, ["queued", "running"]))
              .orderBy(asc(exportJobs.createdAt)),
            "export.pending",
          ),
          (rows) => rows.map((r) => r.id),
        ),
      )

    return { stream, start, job, cancel, download, runJob, pendingJobs } as const
  }),
}) {}
