/**
 * The registration form's page geometry and its layout engine: boxed sections (a label column and a grid of cells)
 * flowing down mirror-margined A4 pages, breaking between rows and marking a continued box "（续）". What the boxes
 * hold is registrationFormSections.ts; the document around them is registrationForm.ts.
 */
/** Points per millimetre. */
export const MM = 72 / 25.4
/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const
/** Margins in points; `inner` is the binding side. */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, inner: 25 * MM, outer: 15 * MM } as const
export const CONTENT_W = A4.width - MARGINS.inner - MARGINS.outer
export const LABEL_W = 52
export const BODY = 10.5 // 五号
const PAD_X = 4
const PAD_Y = 4
const LINE_GAP = 2
const MIN_ROW = 26
const LINE_W = 0.75

export type Align = "left" | "center" | "right"

export interface Para {
  readonly text: string
  readonly align?: Align
  readonly bold?: boolean
  /** Blank space after the paragraph. */
  readonly after?: number
}

export interface Cell {
  readonly content: string | ReadonlyArray<Para>
  readonly span?: number
  readonly align?: Align
  readonly valign?: "middle" | "top"
  readonly bold?: boolean
}

export interface Row {
  readonly cells: ReadonlyArray<Cell>
  readonly minHeight?: number
  /** false: no cell borders (lines of the résumé inside one box). */
  readonly boxed?: boolean
}

export interface Section {
  readonly label?: string
  /** Stack the label's characters (学习工作简历 in a narrow column, as on printed forms). */
  readonly vertical?: boolean
  /** Column widths of the grid right of the label; they add up to the width left for it. */
  readonly columns: ReadonlyArray<number>
  readonly rows: ReadonlyArray<Row>
  readonly minHeight?: number
  readonly keepTogether?: boolean
  /** Stretch the box to the bottom of page 1 when it ends there (the front side is one full sheet face). */
  readonly fillFrontPage?: boolean
  /** The first `rows` rows leave the last column to a photo box spanning them. */
  readonly photo?: { readonly rows: number; readonly image: Uint8Array | undefined }
}

export const REGULAR = "NotoSerifSC-Regular"
export const BOLD = "NotoSerifSC-Bold"

/** Page cursor: which page, how far down, and where the left edge is on this side of the sheet. */
export class Flow {
  page = 0
  y = 0
  constructor(readonly doc: PDFKit.PDFDocument) {}
  /** Odd pages are the front of a sheet: binding on the left. */
  get left(): number {
    return this.page % 2 === 1 ? MARGINS.inner : MARGINS.outer
  }
  get bottom(): number {
    return A4.height - MARGINS.bottom
  }
  get remaining(): number {
    return this.bottom - this.y
  }
  get atTop(): boolean {
    return this.y <= MARGINS.top + 0.01
  }
  newPage(): void {
    this.doc.addPage({ size: "A4", margin: 0 })
    this.page += 1
    this.y = MARGINS.top
  }
}

/**
 * A cell's paragraphs, one per line of its text. Line feeds are split here rather than passed to pdfkit: the
 * font has no glyph for "\n", pdfkit measures it as a full-width .notdef, and a line that just fits would wrap
 * once more and leave an empty line.
 */
const paras = (cell: Cell): ReadonlyArray<Para> =>
  (typeof cell.content === "string"
    ? [{ text: cell.content, bold: cell.bold === true }]
    : cell.content
  ).flatMap((p) => {
    const lines = p.text.split("\n")
    return lines.map((text, i) => (i === lines.length - 1 ? { ...p, text } : { ...p, text, after: 0 }))
  })

const paraHeight = (doc: PDFKit.PDFDocument, p: Para, width: number): number => {
  doc.font(p.bold === true ? BOLD : REGULAR).fontSize(BODY)
  // An empty paragraph still takes a line (a blank line between opinion and seal).
  return doc.heightOfString(p.text === "" ? " " : p.text, { width, lineGap: LINE_GAP }) + (p.after ?? 0)
}

const cellHeight = (doc: PDFKit.PDFDocument, cell: Cell, width: number): number =>
  paras(cell).reduce((h, p) => h + paraHeight(doc, p, width - 2 * PAD_X), 0) + 2 * PAD_Y

/** Widths of a row's cells from the grid and their spans. */
const cellWidths = (columns: ReadonlyArray<number>, row: Row, field: string): number[] => {
  let col = 0
  const widths = row.cells.map((c) => {
    const span = c.span ?? 1
    const w = columns.slice(col, col + span).reduce((a, b) => a + b, 0)
    col += span
    return w
  })
  if (col !== columns.length) throw new Error(`layout: ${field} spans ${col} of ${columns.length} columns`)
  return widths
}

const drawParas = (doc: PDFKit.PDFDocument, cell: Cell, x: number, y: number, w: number, h: number): void => {
  const ps = paras(cell)
  const width = w - 2 * PAD_X
  const total = ps.reduce((s, p) => s + paraHeight(doc, p, width), 0)
  let cy = cell.valign === "top" ? y + PAD_Y : y + (h - total) / 2
  for (const p of ps) {
    const ph = paraHeight(doc, p, width)
    if (p.text !== "") {
      doc
        .font(p.bold === true ? BOLD : REGULAR)
        .fontSize(BODY)
        .text(p.text, x + PAD_X, cy, { width, align: p.align ?? cell.align ?? "center", lineGap: LINE_GAP })
    }
    cy += ph
  }
}

const labelText = (s: Section, continued: boolean): string => {
  const text = continued ? `${s.label ?? ""}（续）` : (s.label ?? "")
  return s.vertical === true ? [...text].join("\n") : text
}

/** Draws one section at the cursor, continuing it on new pages (label marked "（续）") where it does not fit. */
export const renderSection = (f: Flow, s: Section, name: string): void => {
  const { doc } = f
  const gridW = CONTENT_W - (s.label === undefined ? 0 : LABEL_W)
  const photoRows = s.photo?.rows ?? 0
  const gridOf = (i: number): ReadonlyArray<number> => (i < photoRows ? s.columns.slice(0, -1) : s.columns)
  const widths = s.rows.map((r, i) => cellWidths(gridOf(i), r, `${name}.rows[${i}]`))
  const heights = s.rows.map((r, i) =>
    Math.max(r.minHeight ?? MIN_ROW, ...r.cells.map((c, j) => cellHeight(doc, c, widths[i]?.[j] ?? 0))),
  )
  // A 1-inch photo (25 × 35 mm) needs the rows beside it to be at least that tall together.
  if (photoRows > 0) {
    const need = 35 * MM + 2 * PAD_Y
    const have = heights.slice(0, photoRows).reduce((a, b) => a + b, 0)
    if (have < need)
      for (let i = 0; i < photoRows; i++) heights[i] = (heights[i] ?? 0) + (need - have) / photoRows
  }
  const labelHeight = (continued: boolean): number =>
    s.label === undefined
      ? 0
      : cellHeight(
          doc,
          { content: labelText(s, continued) },
          s.vertical === true ? BODY * 2 + 2 * PAD_X : LABEL_W,
        )
  const total = Math.max(
    heights.reduce((a, b) => a + b, 0),
    labelHeight(false),
    s.minHeight ?? 0,
  )
  const capacity = f.bottom - MARGINS.top
  if (s.keepTogether === true && total > f.remaining && total <= capacity) f.newPage()

  let i = 0
  let continued = false
  while (i < s.rows.length) {
    const start = i
    let used = 0
    // Rows never split; the photo rows go together (they share the photo box).
    while (i < s.rows.length) {
      const take = i < photoRows ? photoRows - i : 1
      const h = heights.slice(i, i + take).reduce((a, b) => a + b, 0)
      if (used + h > f.remaining && !(i === start && f.atTop)) break
      used += h
      i += take
    }
    if (i === start) {
      f.newPage()
      continue
    }
    const last = i === s.rows.length
    let partH = Math.max(used, labelHeight(continued), last && !continued ? (s.minHeight ?? 0) : 0)
    if (last && s.fillFrontPage === true && f.page === 1) partH = Math.max(partH, f.remaining)
    const x0 = f.left
    const y0 = f.y
    doc.lineWidth(LINE_W)
    if (s.label !== undefined) {
      doc.rect(x0, y0, LABEL_W, partH).stroke()
      drawParas(doc, { content: labelText(s, continued) }, x0, y0, LABEL_W, partH)
    }
    const gx = x0 + (s.label === undefined ? 0 : LABEL_W)
    let y = y0
    for (let r = start; r < i; r++) {
      const row = s.rows[r]
      const ws = widths[r]
      if (row === undefined || ws === undefined) continue
      // The part's spare height goes to its last row, so the box closes at the bottom.
      const h = (heights[r] ?? 0) + (r === i - 1 ? partH - used : 0)
      let x = gx
      row.cells.forEach((cell, j) => {
        const w = ws[j] ?? 0
        if (row.boxed !== false) doc.rect(x, y, w, h).stroke()
        drawParas(doc, cell, x, y, w, h)
        x += w
      })
      y += h
    }
    if (photoRows > 0 && start === 0) {
      const pw = s.columns[s.columns.length - 1] ?? 0
      const ph = heights.slice(0, photoRows).reduce((a, b) => a + b, 0)
      const px = gx + gridW - pw
      doc.rect(px, y0, pw, ph).stroke()
      if (s.photo?.image === undefined) {
        drawParas(doc, { content: "照片" }, px, y0, pw, ph)
      } else {
        doc.image(
          Buffer.from(s.photo.image.buffer, s.photo.image.byteOffset, s.photo.image.byteLength),
          px + 3,
          y0 + 3,
          { fit: [pw - 6, ph - 6], align: "center", valign: "center" },
        )
      }
    }
    doc.rect(x0, y0, CONTENT_W, partH).stroke()
    f.y = y0 + partH
    if (!last) {
      f.newPage()
      continued = true
    }
  }
}
