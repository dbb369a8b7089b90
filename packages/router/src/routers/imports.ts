import {
  type ImportColumn,
  REGION_IMPORT_COLUMNS,
  ROSTER_IMPORT_COLUMNS,
  UNIT_IMPORT_COLUMNS,
} from "@cadre/exports"
import { ImportService } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { Id } from "./shared.js"

/** One roster row as an integrator sends it: the template's columns by key, each a string ("" or absent: empty). */
const Cell = (title: string) =>
  Schema.optionalWith(Schema.String.pipe(Schema.maxLength(200)), { default: () => "" }).annotations({ title })
/** One row of an import file as JSON: its columns by key. */
const rowOf = <K extends string>(columns: ReadonlyArray<ImportColumn<K>>, title: string) =>
  Schema.Struct(
    Object.fromEntries(columns.map((c) => [c.key, Cell(`${c.zh} / ${c.en}`)])) as {
      [P in K]: ReturnType<typeof Cell>
    },
  ).annotations({ title })
const RowInput = rowOf(ROSTER_IMPORT_COLUMNS, "花名册一行 / roster row")
const rowsOf = <A, I>(row: Schema.Schema<A, I, never>) =>
  Schema.Array(row).pipe(Schema.minItems(1), Schema.maxItems(5000)).annotations({
    title: "数据行（每批至多 5000 行）/ rows (at most 5000 a batch)",
  })
/** 区划 or 单位 rows (issue 14): the kind names the layout. */
const TreeRowsInput = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal("regions").annotations({ title: "导入类型 / import kind" }),
    jobId: Schema.optional(Id("导入任务编号 / import job id")),
    rows: rowsOf(rowOf(REGION_IMPORT_COLUMNS, "区划一行 / region row")),
  }),
  Schema.Struct({
    kind: Schema.Literal("units").annotations({ title: "导入类型 / import kind" }),
    jobId: Schema.optional(Id("导入任务编号 / import job id")),
    rows: rowsOf(rowOf(UNIT_IMPORT_COLUMNS, "单位一行 / unit row")),
  }),
)

const JobId = Id("导入任务编号 / import job id")
const Mode = Schema.Literal("all_or_nothing", "valid_only").annotations({
  title: "提交方式 / commit mode (all_or_nothing: 全部或不导入; valid_only: 只导入正确的行)",
})
/**
 * A job's creation time as the API gives it (ISO 8601, UTC): the list's cursor. Anything else — garbage, a date
 * that does not exist, a year past 9999 — is refused at the field, never handed to the database.
 */
const CreatedAt = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, {
    message: () =>
      "应为 ISO 8601 时间（如 2026-12-07T10:00:00.000Z） / must be an ISO 8601 time (e.g. 2026-12-07T10:00:00.000Z)",
  }),
  Schema.filter((s) => {
    const d = new Date(s)
    return (
      (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === s.slice(0, 19)) ||
      "不是存在的时间 / not a time that exists"
    )
  }),
)
const Limit = Schema.Int.pipe(Schema.between(1, 200)).annotations({ title: "每页条数 / page size" })

/** The in-process runner: a committed job runs on a daemon fiber; a restarted API resumes pending ones (api main). */
const start = (jobId: string) =>
  Effect.flatMap(ImportService, (s) => Effect.forkDaemon(s.runJob(jobId))).pipe(Effect.asVoid)

/**
 * 花名册导入 (issue 14): an integrator sends rows as JSON in batches (`submitRows`), or uploads a file
 * (`POST /api/v1/imports/roster`); `preview` validates every row (counts, per-row errors in zh-CN and en);
 * `commit` runs the job (all_or_nothing refuses any error; valid_only skips the rows with errors), in batches
 * recorded in the job; `status` reports progress; `cancel` stops it; `list` pages the caller's jobs. The service
 * decides who: `person.write` within scope, a dispatching unit's admin for its own unit only.
 */
export const importsRouter = router({
  submitRows: procedure
    .permission("person.write")
    .input(
      input(
        Schema.Struct({
          jobId: Schema.optional(JobId),
          rows: rowsOf(RowInput),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ImportService, (s) => s.submitRows(ctx.cmd, { jobId: i.jobId, rows: i.rows }))),
    ),
  /**
   * The region tree (kind regions) or the units (kind units) as JSON rows, in batches: a new job (no jobId) or
   * more rows for a staged one of the same kind. The district's org dept only (`tree.import`).
   */
  submitTreeRows: procedure
    .permission("tree.import")
    .input(input(TreeRowsInput))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.flatMap(ImportService, (s) =>
          s.submitRows(ctx.cmd, { jobId: i.jobId, kind: i.kind, rows: i.rows }),
        ),
      ),
    ),
  preview: procedure
    .permission("person.write")
    .input(input(Schema.Struct({ jobId: JobId })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ImportService, (s) => s.preview(ctx.cmd, i.jobId))),
    ),
  rows: procedure
    .permission("person.write")
    .input(
      input(
        Schema.Struct({
          jobId: JobId,
          onlyErrors: Schema.optionalWith(Schema.Boolean, { default: () => true }).annotations({
            title: "只看有错误的行 / rows with errors only",
          }),
          after: Schema.optional(Schema.Int.pipe(Schema.between(0, 2_147_483_647))).annotations({
            title: "从此行号之后 / after this row number",
          }),
          limit: Schema.optionalWith(Limit, { default: () => 50 }),
        }),
      ),
    )
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(ImportService, (s) => s.rowsOf(ctx.actor, i)))),
  status: procedure
    .permission("person.write")
    .input(input(Schema.Struct({ jobId: JobId })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ImportService, (s) => s.status(ctx.actor, i.jobId))),
    ),
  commit: procedure
    .permission("person.write")
    .input(input(Schema.Struct({ jobId: JobId, mode: Mode })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(
        Effect.flatMap(ImportService, (s) => s.commit(ctx.cmd, i)).pipe(Effect.tap((job) => start(job.id))),
      ),
    ),
  cancel: procedure
    .permission("person.write")
    .input(input(Schema.Struct({ jobId: JobId })))
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(ImportService, (s) => s.cancel(ctx.cmd, i.jobId))),
    ),
  list: procedure
    .permission("person.write")
    .input(
      input(
        Schema.Struct({
          before: Schema.optional(CreatedAt).annotations({
            title: "上一页最后一项的创建时间 / cursor: createdAt of the last job on the previous page",
          }),
          limit: Schema.optionalWith(Limit, { default: () => 20 }),
        }),
      ),
    )
    .query(({ ctx, input: i }) => ctx.run(Effect.flatMap(ImportService, (s) => s.list(ctx.actor, i)))),
})
