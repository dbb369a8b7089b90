import { sql } from "drizzle-orm"
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core"
import { timestamps } from "./regions.js"

/**
 * Import jobs (issue 14): a roster file (or rows sent as JSON by an integrator) staged, validated (the preview),
 * then committed in batches by the in-process runner (docs/adr/0009-jobs.md). `committed_through` is the last row
 * number applied; it moves in the same transaction as the batch it records, so a kill -9 never leaves half a
 * batch and a restarted runner goes on from there. `actor` is the importer (Access.Actor, JSON) the batches run as.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["roster", "regions", "units"] }).notNull(),
    status: text("status", {
      enum: ["staged", "validated", "queued", "running", "done", "failed", "cancelled"],
    })
      .notNull()
      .default("staged"),
    mode: text("mode", { enum: ["all_or_nothing", "valid_only"] }),
    fileName: text("file_name"),
    actorAccountId: text("actor_account_id").notNull(),
    actor: jsonb("actor").notNull(),
    /** The importer's scope path, for scoped lists of jobs. */
    scopePath: text("scope_path").notNull(),
    total: integer("total").notNull().default(0),
    /** The preview's counts: new, changed, unchanged, invalid. */
    counts: jsonb("counts"),
    done: integer("done").notNull().default(0),
    committedThrough: integer("committed_through").notNull().default(0),
    /** What the commit did: created, updated, unchanged, skipped. */
    result: jsonb("result"),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("import_jobs_actor_idx").on(t.actorAccountId, t.createdAt),
    index("import_jobs_status_idx").on(t.status),
    check(
      "import_jobs_status_check",
      sql`${t.status} in ('staged', 'validated', 'queued', 'running', 'done', 'failed', 'cancelled')`,
    ),
  ],
)

/**
 * The rows of an import job, as read from the file (cells by column key), with the preview's outcome and errors
 * and, once committed, the person written and the fields changed.
 */
export const importRows = pgTable(
  "import_rows",
  {
    jobId: text("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    /** The row number in the file (the header is row 1), or the position in the integrator's batches. */
    rowNo: integer("row_no").notNull(),
    data: jsonb("data").notNull(),
    outcome: text("outcome", { enum: ["new", "changed", "unchanged", "invalid"] }),
    errors: jsonb("errors"),
    personId: text("person_id"),
    changed: text("changed").array(),
  },
  (t) => [primaryKey({ name: "import_rows_pk", columns: [t.jobId, t.rowNo] })],
)
