/**
 * The one table layout both xlsx documents share: a title row merged across the table, an optional line under
 * it, a header row that is frozen, filtered and repeated on every printed page, then the data rows with thin
 * borders; A4 landscape, fit to one page wide, "第 N 页，共 M 页" in the footer.
 *
 * Column widths and row heights are computed here rather than left to the viewer: Excel measures widths in
 * "characters of the default font", a CJK character takes about two of them, and a file written by a library
 * has no cached heights for wrapped text, so without explicit heights a wrapped 工作单位及职务 shows one line.
 */
import { once } from "node:events"
import type { Writable } from "node:stream"
import ExcelJS from "exceljs"

export interface Column<Row> {
  readonly header: string
  /** The cell value: text, or a number (序号, 年龄) so that Excel sorts and sums it. */
  readonly value: (row: Row, index: number) => string | number
  /** Width bounds in Excel character units; the width is the longest content clamped to them. */
  readonly minWidth: number
  readonly maxWidth: number
  /** Centre short codes (序号, 性别, dates); long text stays left-aligned. */
  readonly align: "center" | "left"
  /** Text format ("@"), so that "1990.05" typed over in Excel stays text and keeps its trailing zero. */
  readonly text?: boolean
}

export interface SheetSpec<Row> {
  readonly sheetName: string
  readonly title: string
  readonly subtitle?: string
  readonly columns: ReadonlyArray<Column<Row>>
  readonly rows: ReadonlyArray<Row>
  /** Columns kept visible when scrolling right (序号, 姓名). */
  readonly frozenColumns: number
}

const FONT = "宋体"
const BODY_SIZE = 10
const LINE_HEIGHT_PT = 13.5
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } }
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }

/** Width in Excel character units: a CJK / full-width character counts two. */
export const displayWidth = (text: string): number => {
  let width = 0
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1
  return width
}

/** Lines a text needs in a column of `width` units (wrapping by characters, as Excel does for CJK). */
const linesIn = (text: string, width: number): number => {
  const usable = Math.max(1, width - 1)
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0)
}

/** Column widths from the longest content (header included), clamped to each column's bounds. */
const widthsOf = <Row>(
  columns: ReadonlyArray<Column<Row>>,
  cells: ReadonlyArray<ReadonlyArray<string | number>>,
): Array<number> =>
  columns.map((c, j) => {
    let longest = displayWidth(c.header)
    for (const r of cells)
      for (const line of String(r[j] ?? "").split("\n")) longest = Math.max(longest, displayWidth(line))
    return Math.min(c.maxWidth, Math.max(c.minWidth, longest + 2))
  })

/** The worksheet options both writers share: frozen panes, A4 landscape fit to width, the page footer. */
const sheetOptions = <Row>(spec: Omit<SheetSpec<Row>, "rows">, headerRow: number) => ({
  views: [{ state: "frozen" as const, xSplit: spec.frozenColumns, ySplit: headerRow }],
  pageSetup: {
    paperSize: 9, // A4
    orientation: "landscape" as const,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
  headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
})

/** Title, optional subtitle and header row of a sheet (either writer's); the header row's number. */
const writeHead = <Row>(
  ws: ExcelJS.Worksheet,
  spec: Omit<SheetSpec<Row>, "rows">,
  widths: ReadonlyArray<number>,
  commit: (row: ExcelJS.Row) => void,
): number => {
  const { columns } = spec
  const headerRow = spec.subtitle === undefined ? 2 : 3
  const n = columns.length
  ws.columns = widths.map((width) => ({ width }))
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`

  ws.mergeCells(1, 1, 1, n)
  const title = ws.getCell(1, 1)
  title.value = spec.title
  title.font = { name: FONT, size: 16, bold: true }
  title.alignment = { horizontal: "center", vertical: "middle" }
  ws.getRow(1).height = 32
  commit(ws.getRow(1))

  if (spec.subtitle !== undefined) {
    ws.mergeCells(2, 1, 2, n)
    const sub = ws.getCell(2, 1)
    sub.value = spec.subtitle
    sub.font = { name: FONT, size: BODY_SIZE }
    sub.alignment = { horizontal: "left", vertical: "middle" }
    ws.getRow(2).height = 20
    commit(ws.getRow(2))
  }

  const head = ws.getRow(headerRow)
  columns.forEach((c, j) => {
    const cell = head.getCell(j + 1)
    cell.value = c.header
    cell.font = { name: FONT, size: BODY_SIZE + 1, bold: true }
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true }
    cell.border = box
  })
  head.height = Math.max(...columns.map((c, j) => linesIn(c.header, widths[j] ?? 1))) * 15 + 8
  commit(head)
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } }
  return headerRow
}

/** One data row's cells, styles and height. */
const writeRow = <Row>(
  row: ExcelJS.Row,
  columns: ReadonlyArray<Column<Row>>,
  widths: ReadonlyArray<number>,
  values: ReadonlyArray<string | number>,
): void => {
  let lines = 1
  values.forEach((value, j) => {
    const c = columns[j]
    const cell = row.getCell(j + 1)
    // An omitted optional field is a truly empty cell (Excel's blanks filter and COUNTA see it as empty).
    cell.value = value === "" ? null : value
    cell.font = { name: FONT, size: BODY_SIZE }
    cell.alignment = { horizontal: c?.align ?? "left", vertical: "middle", wrapText: true }
    cell.border = box
    if (c?.text === true) cell.numFmt = "@"
    lines = Math.max(lines, linesIn(String(value), widths[j] ?? 1))
  })
  row.height = lines * LINE_HEIGHT_PT + 6
}

export const buildSheet = async <Row>(spec: SheetSpec<Row>): Promise<Uint8Array> => {
  const { columns, rows } = spec
  const cells = rows.map((row, i) => columns.map((c) => c.value(row, i)))
  const widths = widthsOf(columns, cells)
  const wb = new ExcelJS.Workbook()
  wb.creator = "@cadre/exports"
  wb.title = spec.title
  const headerRow = spec.subtitle === undefined ? 2 : 3
  const ws = wb.addWorksheet(spec.sheetName, sheetOptions(spec, headerRow))
  writeHead(ws, spec, widths, () => {})
  cells.forEach((values, i) => {
    writeRow(ws.getRow(headerRow + 1 + i), columns, widths, values)
  })
  const out = await wb.xlsx.writeBuffer()
  return new Uint8Array(out as ArrayBuffer)
}

/** Rows read ahead to size the columns of a streamed sheet (the rest are written with those widths). */
export const WIDTH_SAMPLE = 1000

export interface StreamSheetSpec<Row> extends Omit<SheetSpec<Row>, "rows"> {
  readonly rows: AsyncIterable<Row>
  /** Rows read before the first is written, to size the columns (default {@link WIDTH_SAMPLE}). */
  readonly sample?: number
}

/**
 * The same sheet as {@link buildSheet}, streamed (exceljs's `stream.xlsx.WorkbookWriter`): each row is committed as
 * it arrives from `rows` and its XML goes into the zip on `out`, so memory stays bounded whatever the row count
 * (no shared strings: every text is inline). The column widths come from the first `sample` rows (a sheet of at
 * most that many rows is cell for cell and width for width the in-memory one). Waits for `out` to drain when it
 * is full, so a slow reader slows the producer. Resolves with the rows written once the file is complete.
 */
export const streamSheet = async <Row>(spec: StreamSheetSpec<Row>, out: Writable): Promise<number> => {
  const { columns } = spec
  const it = spec.rows[Symbol.asyncIterator]()
  const head: Array<ReadonlyArray<string | number>> = []
  const sample = spec.sample ?? WIDTH_SAMPLE
  let next = await it.next()
  while (next.done !== true && head.length < sample) {
    const row = next.value
    head.push(columns.map((c) => c.value(row, head.length)))
    next = await it.next()
  }
  const widths = widthsOf(columns, head)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = "@cadre/exports"
  wb.title = spec.title
  const headerRow = spec.subtitle === undefined ? 2 : 3
  const ws = wb.addWorksheet(spec.sheetName, sheetOptions(spec, headerRow))
  writeHead(ws, spec, widths, (r) => r.commit())
  let i = 0
  const put = async (values: ReadonlyArray<string | number>) => {
    const row = ws.getRow(headerRow + 1 + i)
    writeRow(row, columns, widths, values)
    row.commit()
    i++
    if (out.writableNeedDrain) await once(out, "drain")
  }
  for (const values of head) await put(values)
  head.length = 0
  while (next.done !== true) {
    const row = next.value
    await put(columns.map((c) => c.value(row, i)))
    next = await it.next()
  }
  ws.commit()
  await wb.commit()
  return i
}
