/**
 * What differs between the imports (issue 14): the roster, the region tree, the units. The job — staging,
 * preview, commit in batches recorded in the job, cancel, resume, progress — is one (ImportService); each kind
 * says who may import it, the file's layout, how a chunk of rows is classified for the preview and how a batch
 * is applied in its transaction.
 */
import {
  type CommandContext,
  type Conflict,
  decodeInputEither,
  type Handle,
  type NotFound,
  type Tx,
} from "@cadre/db"
import type { Access } from "@cadre/domain"
import type { ImportCells, ImportLayout } from "@cadre/exports"
import { type Effect, Either, type Schema } from "effect"

export const IMPORT_KINDS = ["roster", "regions", "units"] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export type RowOutcome = "new" | "changed" | "unchanged" | "invalid"

/** One problem of one row: the column's zh-CN title, the value, why (zh-CN, en). */
export interface RowError {
  readonly column: string
  readonly value: string
  readonly zh: string
  readonly en: string
}

/** A row as staged in import_rows: its number, its cells, the preview's outcome. */
export interface StagedRow {
  readonly rowNo: number
  readonly data: unknown
  readonly outcome: RowOutcome | null
}

/** What a preview or a batch records of one row (`personId`: the record written — a person, region or unit). */
export interface RowWrite {
  readonly rowNo: number
  readonly outcome: RowOutcome
  readonly errors: ReadonlyArray<RowError> | null
  readonly changed: ReadonlyArray<string> | null
  readonly personId: string | null
}

/** What one batch did. */
export interface BatchResult {
  readonly outcomes: ReadonlyArray<RowWrite>
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly skipped: number
}

/** Classifies the chunks of one job's preview in row order (a classifier may keep state across chunks). */
export type ChunkClassifier = (rows: ReadonlyArray<StagedRow>) => Effect.Effect<ReadonlyArray<RowWrite>>

export interface ImportKindHandler {
  readonly kind: ImportKind
  /** The permission that imports this kind (checked with the kernel's Access.can). */
  readonly permission: Access.Permission
  readonly layout: ImportLayout
  /** Rows per committed batch (one transaction each). */
  readonly batch: number
  /** A classifier for a job's preview, as the importer `actor`. */
  readonly preview: (h: Handle, actor: Access.Actor, jobId: string) => Effect.Effect<ChunkClassifier>
  /** Apply one batch inside the batch's transaction: write the records and their audit rows. */
  readonly apply: (
    tx: Tx,
    ctx: CommandContext,
    job: { readonly id: string; readonly scopePath: string },
    rows: ReadonlyArray<StagedRow>,
  ) => Effect.Effect<BatchResult, Conflict | NotFound>
  /** The template: the layout, the code lists, example rows. */
  readonly template: (h: Handle, actor: Access.Actor) => Effect.Effect<Uint8Array>
  /** The cells as a list of rows shows them (the roster masks ID numbers and phones). */
  readonly mask: (cells: ImportCells) => ImportCells
}

/** A row error on a column of a layout: the column's zh-CN title, the cell's value, why (zh-CN, en). */
export const columnError = (
  layout: ImportLayout,
  cells: ImportCells,
  key: string,
  zh: string,
  en: string,
): RowError => ({
  column: layout.columns.find((c) => c.key === key)?.zh ?? key,
  value: cells[key] ?? "",
  zh,
  en,
})

/** The errors of the required cells left empty. */
export const requiredErrors = (layout: ImportLayout, cells: ImportCells): Array<RowError> =>
  layout.columns
    .filter((c) => c.required && (cells[c.key] ?? "") === "")
    .map((c) => columnError(layout, cells, c.key, "必须填写", "required"))

/**
 * A value decoded by a kernel Schema, or its issues as row errors: each issue on the column its path names, with
 * the reason alone (the field's title is the column's).
 */
export const decodeCells = <A, I>(
  schema: Schema.Schema<A, I, never>,
  entity: string,
  value: unknown,
  toError: (path: string, zh: string, en: string) => RowError,
): Either.Either<A, ReadonlyArray<RowError>> =>
  Either.mapLeft(decodeInputEither(schema, entity, value), (e) =>
    e.issues.map((i) => {
      const [zhWhy] = i.message.zh.split("：").slice(-1)
      const [enWhy] = i.message.en.split(": ").slice(-1)
      return toError(i.path, zhWhy ?? i.message.zh, enWhy ?? i.message.en)
    }),
  )

/** The region at the top of the importer's scope (the last id of its scope path). */
export const scopeRegionId = (actor: Access.Actor): string =>
  actor.scopePath
    .split("/")
    .filter((s) => s !== "")
    .at(-1) ?? ""
