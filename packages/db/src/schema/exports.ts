import { sql } from "drizzle-orm"
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core"
import { timestamps } from "./regions.js"

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" })

/**
 * Export jobs (issues 14 and 19, docs/adr/0010-export-jobs.md): a roster (花名册) or arrangement table (安排表)
 * over the job threshold, written by the in-process runner as a streamed .xlsx into `export_chunks`, downloadable
 * until `expires_at` (a day after it finished). `actor` is the requester (Access.Actor, JSON): the rows are read
 * with the requester's scope. A restart begins a queued or running job again from its first row (a half-written
 * zip cannot be continued); `done / total` is its progress.
 */
export const exportJobs = pgTable(
  "export_jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["roster", "arrangement"] }).notNull(),
    campaignId: text("campaign_id").notNull(),
    status: text("status", { enum: ["queued", "running", "done", "failed", "cancelled"] })
      .notNull()
      .default("queued"),
    actorAccountId: text("actor_account_id").notNull(),
    actor: jsonb("actor").notNull(),
    /** The campaign's region path (the audit row's and an org dept's view of the jobs). */
    regionPath: text("region_path").notNull(),
    fileName: text("file_name").notNull(),
    /** What the rows are built with, fixed at the start: `{ today }` (the 安排表's date for the not yet reported). */
    params: jsonb("params").notNull(),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    /** Bytes of the finished file. */
    size: integer("size"),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    /** When the file is deleted (a day after it finished); purged as new jobs start. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("export_jobs_actor_idx").on(t.actorAccountId, t.createdAt),
    index("export_jobs_status_idx").on(t.status),
    check(
      "export_jobs_status_check",
      sql`${t.status} in ('queued', 'running', 'done', 'failed', 'cancelled')`,
    ),
  ],
)

/** The file of an export job, in pieces of about 1 MB, in order (`seq` from 0). */
export const exportChunks = pgTable(
  "export_chunks",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => exportJobs.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ name: "export_chunks_pk", columns: [t.jobId, t.seq] })],
)
