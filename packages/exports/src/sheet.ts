/**
 * The one table layout both xlsx documents share: a title row merged across the table, an optional line under
 * it, a header row that is frozen, filtered and repeated on every printed page, then the data rows with thin
 * borders; A4 landscape, fit to one page wide, "第 N 页，共 M 页" in the footer.
 *
 * Column widths and row heights are computed here rather than left to the viewer: Excel measures widths in
 * "characters of the default font", a CJK character takes about two of them, and a file written by a library
 * has no cached heights for wrapped text, so without explicit heights a wrapped 工作单位及职务 shows one line.
 */
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

export const buildSheet = async <Row>(spec: SheetSpec<Row>): Promise<Uint8Array> => {
  const { columns, rows } = spec
  const cells = rows.map((row, i) => columns.map((c) => c.value(row, i)))
  const widths = columns.map((c, j) => {
    const longest = Math.max(
      displayWidth(c.header),
      ...cells.map((r) =>
        Math.max(
          ...String(r[j] ?? "")
            .split("\n")
            .map(displayWidth),
        ),
      ),
    )
    return Math.min(c.maxWidth, Math.max(c.minWidth, longest + 2))
  })

  const wb = new ExcelJS.Workbook()
  wb.creator = "@cadre/exports"
  wb.title = spec.title
  const headerRow = spec.subtitle === undefined ? 2 : 3
  const n = columns.length
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: "frozen", xSplit: spec.frozenColumns, ySplit: headerRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  })
  ws.columns = widths.map((width) => ({ width }))
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`

  ws.mergeCells(1, 1, 1, n)
  const title = ws.getCell(1, 1)
  title.value = spec.title
  title.font = { name: FONT, size: 16, bold: true }
  title.alignment = { horizontal: "center", vertical: "middle" }
  ws.getRow(1).height = 32

  if (spec.subtitle !== undefined) {
    ws.mergeCells(2, 1, 2, n)
    const sub = ws.getCell(2, 1)
    sub.value = spec.subtitle
    sub.font = { name: FONT, size: BODY_SIZE }
    sub.alignment = { horizontal: "left", vertical: "middle" }
    ws.getRow(2).height = 20
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

  cells.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i)
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
  })

  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: n } }

  const out = await wb.xlsx.writeBuffer()
  return new Uint8Array(out as ArrayBuffer)
}
