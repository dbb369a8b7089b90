/**
 * 花名册导入 (issue 14): the template, the streaming readers of an uploaded roster (or region tree, or units:
 * the same reader over another layout, treeImport.ts) (.xlsx through exceljs's
 * streaming WorkbookReader, never the whole workbook in memory; .csv in UTF-8 with or without BOM) and the
 * workbook of errors. The cells are handed on as trimmed strings keyed by column; validating them is the
 * service's (with the kernel's Schemas).
 */
import { Readable } from "node:stream"
import ExcelJS from "exceljs"

/** One column of an import file: key, zh-CN header, English title, required. */
export interface ImportColumn<K extends string = string> {
  readonly key: K
  readonly zh: string
  readonly en: string
  readonly required: boolean
}

/** One row as read by key: trimmed strings ("" when empty). */
export type ImportCells<K extends string = string> = Readonly<Record<K, string>>
/** One row of an import file: its number in the file (the header is row 1) and its cells. */
export interface ImportFileRow<K extends string = string> {
  readonly rowNo: number
  readonly cells: ImportCells<K>
}

/**
 * What an import file looks like: the first sheet's name, its columns, the rules on the 说明 sheet. The roster,
 * the region tree and the units (treeImport.ts) are three layouts of one reader, template and errors workbook.
 */
export interface ImportLayout<K extends string = string> {
  readonly sheet: string
  readonly columns: ReadonlyArray<ImportColumn<K>>
  readonly notes: ReadonlyArray<string>
}

/** The columns of the roster import, in order: key, zh-CN header, English title, required. */
export const ROSTER_IMPORT_COLUMNS = [
  { key: "name", zh: "姓名", en: "name", required: true },
  { key: "sex", zh: "性别", en: "sex", required: true },
  { key: "ethnicity", zh: "民族", en: "ethnicity", required: false },
  { key: "birthDate", zh: "出生日期", en: "birth date", required: true },
  { key: "idNumber", zh: "身份证号", en: "ID number", required: true },
  { key: "partyJoined", zh: "入党时间", en: "joined the Party", required: false },
  { key: "fullMemberSince", zh: "转正时间", en: "full member since", required: false },
  { key: "education", zh: "学历", en: "education", required: true },
  { key: "fullTime", zh: "是否全日制", en: "full-time", required: true },
  { key: "workStarted", zh: "参加工作时间", en: "started work", required: false },
  { key: "unit", zh: "工作单位", en: "unit", required: true },
  { key: "position", zh: "职务", en: "post", required: false },
  { key: "rank", zh: "职级", en: "rank", required: false },
  { key: "employment", zh: "人员类别", en: "employment category", required: true },
  { key: "phone", zh: "联系电话", en: "phone", required: false },
] as const

export type RosterColumnKey = (typeof ROSTER_IMPORT_COLUMNS)[number]["key"]
/** One row as read: the cells by column key, trimmed strings ("" when empty). */
export type RosterCells = ImportCells<RosterColumnKey>
export type RosterFileRow = ImportFileRow<RosterColumnKey>

/** The most rows one file may hold. */
export const MAX_IMPORT_ROWS = 200_000

export type ImportFileProblem = "file_type" | "empty" | "header" | "too_many_rows" | "unreadable"

/** A file that cannot be imported at all (as opposed to a row with errors), with a bilingual reason. */
export class ImportFileError extends Error {
  readonly _tag = "ImportFileError"
  constructor(
    readonly problem: ImportFileProblem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`)
  }
}

const fileError = (problem: ImportFileProblem, detail?: { zh: string; en: string }): ImportFileError => {
  switch (problem) {
    case "file_type":
      return new ImportFileError(
        problem,
        "文件类型不支持，请上传 .xlsx 或 .csv（UTF-8）文件",
        "unsupported file type: upload an .xlsx or a UTF-8 .csv file",
      )
    case "empty":
      return new ImportFileError(problem, "文件中没有数据行", "the file holds no data rows")
    case "header":
      return new ImportFileError(
        problem,
        `表头与模板不一致${detail ? `：${detail.zh}` : ""}，请使用下载的模板`,
        `the header row does not match the template${detail ? `: ${detail.en}` : ""}; use the downloaded template`,
      )
    case "too_many_rows":
      return new ImportFileError(
        problem,
        `数据行超过 ${MAX_IMPORT_ROWS} 行，请分批导入`,
        `more than ${MAX_IMPORT_ROWS} data rows; import in parts`,
      )
    case "unreadable":
      return new ImportFileError(
        problem,
        "文件无法读取（已损坏或不是有效的 .xlsx / .csv 文件）",
        "the file cannot be read (damaged, or not a valid .xlsx / .csv file)",
      )
  }
}

/** Which reader a file needs, from its name and first bytes (.xlsx is a zip: "PK\x03\x04"). */
export const importFileKind = (fileName: string, head: Uint8Array): "xlsx" | "csv" => {
  const isZip =
    head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
  const lower = fileName.toLowerCase()
  if (lower.endsWith(".xlsx")) {
    if (!isZip) throw fileError("unreadable")
    return "xlsx"
  }
  if (lower.endsWith(".csv")) {
    if (isZip || head.includes(0)) throw fileError("file_type")
    return "csv"
  }
  throw fileError("file_type")
}

const pad = (n: number) => String(n).padStart(2, "0")

/** A cell's value as text: dates as YYYY-MM-DD, numbers without exponent, rich text joined. */
const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return ""
  if (v instanceof Date)
    return Number.isNaN(v.getTime())
      ? ""
      : `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v)
  if (typeof v === "boolean") return v ? "是" : "否"
  if (typeof v === "string") return v.trim()
  if (typeof v === "object") {
    const o = v as { richText?: ReadonlyArray<{ text: string }>; text?: unknown; result?: unknown }
    if (Array.isArray(o.richText))
      return o.richText
        .map((t) => t.text)
        .join("")
        .trim()
    if (o.result !== undefined) return cellText(o.result)
    if (o.text !== undefined) return cellText(o.text)
  }
  return String(v).trim()
}

/** Check a header row against the template: same titles in the same order (extra empty cells allowed). */
const checkHeader = (titles: ReadonlyArray<string>, columns: ReadonlyArray<ImportColumn>): void => {
  const expected = columns.map((c) => c.zh)
  const got = titles.map((t) =>
    t
      .replace(/^\uFEFF/, "")
      .replace(/\*$/, "")
      .trim(),
  )
  // The workbook of errors adds 错误说明 and 原行号 after the template's columns: a fixed copy imports as is.
  while (got.length > expected.length && ["", "错误说明", "原行号"].includes(got[got.length - 1] ?? ""))
    got.pop()
  for (let i = 0; i < Math.max(expected.length, got.length); i++) {
    if (expected[i] !== got[i]) {
      const col = i + 1
      throw fileError("header", {
        zh: `第 ${col} 列应为“${expected[i] ?? "（无）"}”，实为“${got[i] ?? ""}”`,
        en: `column ${col} should be "${expected[i] ?? "(none)"}", found "${got[i] ?? ""}"`,
      })
    }
  }
}

const toCells = <K extends string>(
  values: ReadonlyArray<string>,
  columns: ReadonlyArray<ImportColumn<K>>,
): ImportCells<K> => {
  const out: Record<string, string> = {}
  columns.forEach((c, i) => {
    out[c.key] = values[i] ?? ""
  })
  return out as ImportCells<K>
}

/** Read an .xlsx import as a stream: the first worksheet, header checked, one row at a time. */
async function* readXlsx<K extends string>(
  input: Readable,
  columns: ReadonlyArray<ImportColumn<K>>,
): AsyncGenerator<ImportFileRow<K>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "emit",
  })
  let sheets = 0
  try {
    for await (const sheet of reader) {
      sheets++
      if (sheets > 1) break
      yield* rowsOf(sheet as AsyncIterable<ExcelJS.Row>, columns)
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e
    throw fileError("unreadable")
  }
  if (sheets === 0) throw fileError("empty")
}

async function* rowsOf<K extends string>(
  sheet: AsyncIterable<ExcelJS.Row>,
  columns: ReadonlyArray<ImportColumn<K>>,
): AsyncGenerator<ImportFileRow<K>> {
  let header = false
  let count = 0
  for await (const row of sheet) {
    const raw = row.values as ReadonlyArray<unknown>
    const values: Array<string> = []
    for (let i = 1; i <= columns.length + 5; i++) values.push(cellText(raw[i]))
    if (!header) {
      if (values.every((v) => v === "")) continue
      checkHeader(values, columns)
      header = true
      continue
    }
    if (values.every((v) => v === "")) continue
    count++
    if (count > MAX_IMPORT_ROWS) throw fileError("too_many_rows")
    yield { rowNo: row.number, cells: toCells(values, columns) }
  }
  if (!header || count === 0) throw fileError("empty")
}

/** Split CSV text into records (RFC 4180: quotes, doubled quotes, CRLF), streaming over the chunks. */
async function* csvRecords(input: AsyncIterable<string>): AsyncGenerator<Array<string>> {
  let field = ""
  let record: Array<string> = []
  let quoted = false
  let afterQuote = false
  let first = true
  for await (let chunk of input) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, "")
      first = false
    }
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string
      if (quoted) {
        if (ch === '"') {
          quoted = false
          afterQuote = true
        } else field += ch
        continue
      }
      if (ch === '"') {
        if (afterQuote) {
          field += '"'
          quoted = true
          afterQuote = false
        } else if (field === "") quoted = true
        else field += ch
        continue
      }
      afterQuote = false
      if (ch === ",") {
        record.push(field)
        field = ""
      } else if (ch === "\n") {
        record.push(field.replace(/\r$/, ""))
        yield record
        record = []
        field = ""
      } else field += ch
    }
  }
  if (field !== "" || record.length > 0) {
    record.push(field.replace(/\r$/, ""))
    yield record
  }
}

async function* readCsv<K extends string>(
  input: Readable,
  columns: ReadonlyArray<ImportColumn<K>>,
): AsyncGenerator<ImportFileRow<K>> {
  input.setEncoding("utf8")
  let rowNo = 0
  let header = false
  let count = 0
  for await (const rec of csvRecords(input as AsyncIterable<string>)) {
    rowNo++
    const values = rec.map((v) => v.trim())
    if (values.every((v) => v === "")) continue
    if (values.some((v) => v.includes("\uFFFD"))) throw fileError("unreadable")
    if (!header) {
      checkHeader(values, columns)
      header = true
      continue
    }
    count++
    if (count > MAX_IMPORT_ROWS) throw fileError("too_many_rows")
    yield { rowNo, cells: toCells(values, columns) }
  }
  if (count === 0) throw fileError("empty")
}

/**
 * The rows of an uploaded import file in the given columns, read as a stream. Throws ImportFileError for a file
 * that cannot be imported (type, empty, header, too many rows, unreadable).
 */
export const readImportFile = <K extends string>(
  input: Readable | Uint8Array,
  kind: "xlsx" | "csv",
  columns: ReadonlyArray<ImportColumn<K>>,
): AsyncGenerator<ImportFileRow<K>> => {
  const stream = input instanceof Readable ? input : Readable.from([Buffer.from(input)])
  return kind === "xlsx" ? readXlsx(stream, columns) : readCsv(stream, columns)
}

/** The rows of an uploaded roster, read as a stream (see {@link readImportFile}). */
export const readRosterFile = (
  input: Readable | Uint8Array,
  kind: "xlsx" | "csv",
): AsyncGenerator<RosterFileRow> => readImportFile(input, kind, ROSTER_IMPORT_COLUMNS)

/** A code list for the template's second sheet: a title and its values (the labels the import accepts). */
export interface CodeList {
  readonly title: string
  readonly values: ReadonlyArray<string>
}

const headerStyle = (row: ExcelJS.Row) => {
  row.font = { bold: true }
  row.alignment = { vertical: "middle", horizontal: "center" }
}

/** The roster's layout: sheet 花名册, the standard cadre-table columns, its rules. */
export const ROSTER_LAYOUT: ImportLayout<RosterColumnKey> = {
  sheet: "花名册",
  columns: ROSTER_IMPORT_COLUMNS,
  notes: [
    "带 * 的列必须填写；日期写作 YYYY-MM-DD（如 1990-03-07）。",
    "身份证号须为 18 位，出生日期须与身份证号一致；同一文件中身份证号不得重复。",
    "学历、人员类别、职级请按“代码表”填写；是否全日制填“是”或“否”。",
    "工作单位填系统中已有的单位名称（或单位编号），且须在您的管辖范围内。",
    "只填入党时间为预备党员；入党时间和转正时间都填为正式党员；都不填为非党员。",
    "再次导入同一文件不会产生变化；身份证号已在册的人员按本文件更新，并列出变化的字段。",
  ],
}

/**
 * A template: the layout's sheet with the zh-CN headers (required ones marked with *) and the given rows (example
 * rows, or filled rows for a round trip); sheet 代码表 with the code lists; sheet 说明 with the rules.
 */
export const importTemplateXlsx = async <K extends string>(
  layout: ImportLayout<K>,
  codeLists: ReadonlyArray<CodeList>,
  rows: ReadonlyArray<ImportCells<K>>,
): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(layout.sheet)
  ws.columns = layout.columns.map((c) => ({
    header: c.required ? `${c.zh}*` : c.zh,
    key: c.key,
    width: c.key === "idNumber" ? 22 : c.key === "unit" ? 28 : 14,
    style: { numFmt: "@" },
  }))
  headerStyle(ws.getRow(1))
  for (const r of rows) ws.addRow(layout.columns.map((c) => r[c.key]))
  const codes = wb.addWorksheet("代码表")
  codes.addRow(codeLists.map((l) => l.title))
  headerStyle(codes.getRow(1))
  const longest = Math.max(0, ...codeLists.map((l) => l.values.length))
  for (let i = 0; i < longest; i++) codes.addRow(codeLists.map((l) => l.values[i] ?? ""))
  codes.columns.forEach((c) => {
    c.width = 24
  })
  const notes = wb.addWorksheet("说明")
  for (const line of layout.notes) notes.addRow([line])
  notes.getColumn(1).width = 100
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** The roster template (see {@link importTemplateXlsx}). */
export const rosterTemplateXlsx = (
  codeLists: ReadonlyArray<CodeList>,
  rows: ReadonlyArray<RosterCells>,
): Promise<Uint8Array> => importTemplateXlsx(ROSTER_LAYOUT, codeLists, rows)

/** One row with its errors, for the workbook of errors. */
export interface RowWithErrors {
  readonly rowNo: number
  readonly cells: ImportCells
  readonly errors: ReadonlyArray<{ readonly column: string; readonly value: string; readonly zh: string }>
}

/** The rows with errors as a workbook in the template's layout plus 行号 and 错误说明 columns, fix-and-reimport. */
export const importErrorsXlsx = async (
  rows: Iterable<RowWithErrors>,
  layout: ImportLayout = ROSTER_LAYOUT,
): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(layout.sheet)
  ws.columns = [
    ...layout.columns.map((c) => ({
      header: c.required ? `${c.zh}*` : c.zh,
      key: c.key,
      width: 14,
      style: { numFmt: "@" },
    })),
    { header: "错误说明", key: "errors", width: 60 },
    { header: "原行号", key: "rowNo", width: 8 },
  ]
  headerStyle(ws.getRow(1))
  for (const r of rows) {
    const row = ws.addRow([
      ...layout.columns.map((c) => r.cells[c.key] ?? ""),
      r.errors.map((e) => `【${e.column}】${e.value === "" ? "" : `“${e.value}”`}${e.zh}`).join("；"),
      r.rowNo,
    ])
    row.getCell(layout.columns.length + 1).font = { color: { argb: "FFC00000" } }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
