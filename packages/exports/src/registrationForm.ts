/**
 * 报名表 of one application as an A4 PDF, laid out for double-sided printing: seed 000 附件 "《杨浦区选派干部担任
 * 居民区党组织书记报名表》……此表格也可在杨浦党建网下载（请正反打印）".
 *
 * What "正反打印" asks of the file:
 * - Front and back of one sheet: 基本情况 and 学习工作简历 fill the front (page 1); 奖惩情况, 家庭主要成员, 推荐单位
 *   意见 (000 二（一）: the unit's Party committee meeting recommends), 资格比对结论 and the applicant's pledge start
 *   the back (page 2). A long résumé continues on the back; whatever overflows further continues on page 3.
 * - An even page count: an odd last page is followed by a page saying "（此页无正文）", the phrase seed 000 itself
 *   puts on its blank page, so that the next form in a print run starts on a fresh sheet.
 * - Mirror margins: the binding (订口) margin is on the left of odd pages and on the right of even pages, and page
 *   numbers "— N —" sit on the outer edge (GB/T 9704-2012 7.5: 单页码居右空一字，双页码居左空一字; a blank page
 *   carries none).
 * - The PDF asks print dialogs for duplex, flipped on the long edge, at 100 % (ViewerPreferences /Duplex,
 *   /PrintScaling /None), so the mirror margins land where they were meant to.
 */
import PDFDocument from "pdfkit"
import { loadFormFonts } from "./fonts.js"
import { beijingMidnight, chineseDate, ExportInputError, yearMonth, yearMonthOpt } from "./format.js"
import type { EligibilityConclusion, EligibilityItem, RegistrationFormInput } from "./types.js"

const MM = 72 / 25.4
/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const
/** Margins in points; `inner` is the binding side. */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, inner: 25 * MM, outer: 15 * MM } as const
const CONTENT_W = A4.width - MARGINS.inner - MARGINS.outer
const LABEL_W = 52
const BODY = 10.5 // 五号
const PAD_X = 4
const PAD_Y = 4
const LINE_GAP = 2
const MIN_ROW = 26
const LINE_W = 0.75

type Align = "left" | "center" | "right"

interface Para {
  readonly text: string
  readonly align?: Align
  readonly bold?: boolean
  /** Blank space after the paragraph. */
  readonly after?: number
}

interface Cell {
  readonly content: string | ReadonlyArray<Para>
  readonly span?: number
  readonly align?: Align
  readonly valign?: "middle" | "top"
  readonly bold?: boolean
}

interface Row {
  readonly cells: ReadonlyArray<Cell>
  readonly minHeight?: number
  /** false: no cell borders (lines of the résumé inside one box). */
  readonly boxed?: boolean
}

interface Section {
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

const REGULAR = "NotoSerifSC-Regular"
const BOLD = "NotoSerifSC-Bold"

/** Page cursor: which page, how far down, and where the left edge is on this side of the sheet. */
class Flow {
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

const renderSection = (f: Flow, s: Section, name: string): void => {
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

// ---------------------------------------------------------------------------------------------------------------
// The form's boxes

const label = (text: string, span = 1): Cell => ({ content: text, span })
const value = (text: string, span = 1, align: Align = "center"): Cell => ({ content: text, span, align })

const basicSection = (input: RegistrationFormInput): Section => {
  const a = input.applicant
  const ym = (v: string, field: string) => yearMonth(v, `applicant.${field}`)
  const edu = (e: RegistrationFormInput["applicant"]["fullTimeEducation"], kind: string): Row => ({
    cells: [
      label(kind),
      value(e?.degree ?? "", 2),
      label("毕业院校系及专业"),
      value(e?.school ?? "", 3, "left"),
    ],
  })
  return {
    label: "基本情况",
    columns: [56, 72, 50, 62, 62, 56, CONTENT_W - LABEL_W - 358],
    photo: { rows: 4, image: a.photo },
    keepTogether: true,
    rows: [
      {
        cells: [
          label("姓名"),
          value(a.name),
          label("性别"),
          value(a.sex),
          label("出生年月（岁）"),
          value(`${ym(a.birthDate, "birthDate")}\n（${a.age}岁）`),
        ],
      },
      {
        cells: [
          label("民族"),
          value(a.ethnicity),
          label("籍贯"),
          value(a.nativePlace),
          label("出生地"),
          value(a.birthPlace),
        ],
      },
      {
        cells: [
          label("政治面貌"),
          value(a.politicalStatus),
          label("入党时间"),
          value(yearMonthOpt(a.partyJoinDate, "applicant.partyJoinDate")),
          label("参加工作时间"),
          value(ym(a.workStartDate, "workStartDate")),
        ],
      },
      {
        cells: [
          label("健康状况"),
          value(a.health),
          label("人员类别"),
          value(a.employmentCategory),
          label("职级"),
          value(a.rank),
        ],
      },
      edu(a.fullTimeEducation, "全日制教育"),
      edu(a.inServiceEducation, "在职教育"),
      { cells: [label("工作单位及职务"), value(a.workUnitAndPost, 6, "left")] },
      { cells: [label("身份证号"), value(a.idNumber, 2), label("联系电话"), value(a.phone, 3)] },
      {
        cells: [
          label("报名渠道"),
          value(input.channel, 2),
          label("意向岗位"),
          value(input.intendedPost ?? "", 3),
        ],
      },
      { cells: [label("熟悉专业有何专长"), value(a.specialty ?? "", 6, "left")] },
    ],
  }
}

const resumeSection = (input: RegistrationFormInput): Section => ({
  label: "学习工作简历",
  vertical: true,
  columns: [118, CONTENT_W - LABEL_W - 118],
  fillFrontPage: true,
  minHeight: 120,
  rows:
    input.resume.length === 0
      ? [{ boxed: false, cells: [{ content: "", span: 2 }] }]
      : input.resume.map((e, i) => ({
          boxed: false,
          minHeight: 0,
          cells: [
            {
              content: `${yearMonth(e.from, `resume[${i}].from`)}—${e.to === undefined ? "至今" : yearMonth(e.to, `resume[${i}].to`)}`,
              align: "left",
              valign: "top",
            },
            { content: e.text, align: "left", valign: "top" },
          ],
        })),
})

const textSection = (name: string, text: string, minHeight: number): Section => ({
  label: name,
  columns: [CONTENT_W - LABEL_W],
  minHeight,
  keepTogether: true,
  rows: [{ cells: [{ content: text, align: "left", valign: "top" }] }],
})

const FAMILY_COLUMNS = [48, 58, 62, 62, CONTENT_W - LABEL_W - 230]
const MIN_FAMILY_ROWS = 4

const familySection = (input: RegistrationFormInput): Section => {
  const members: Row[] = input.family.map((m, i) => ({
    minHeight: 24,
    cells: [
      value(m.relation),
      value(m.name),
      value(yearMonthOpt(m.birthDate, `family[${i}].birthDate`)),
      value(m.politicalStatus),
      value(m.workUnitAndPost, 1, "left"),
    ],
  }))
  const blank: Row = { minHeight: 24, cells: FAMILY_COLUMNS.map(() => value("")) }
  while (members.length < MIN_FAMILY_ROWS) members.push(blank)
  return {
    label: "家庭主要成员及重要社会关系",
    columns: FAMILY_COLUMNS,
    keepTogether: true,
    rows: [
      {
        minHeight: 24,
        cells: ["称谓", "姓名", "出生年月", "政治面貌", "工作单位及职务"].map((t) => label(t)),
      },
      ...members,
    ],
  }
}

const recommendationSection = (input: RegistrationFormInput): Section => {
  const r = input.recommendation
  const content: ReadonlyArray<Para> =
    r === undefined
      ? [{ text: "个人自荐报名，无推荐单位意见。", align: "left" }]
      : [
          { text: r.opinion, align: "left", after: 4 },
          {
            text: `（经${r.meeting}讨论通过，${chineseDate(r.meetingDate, "recommendation.meetingDate")}）`,
            align: "left",
            after: 14,
          },
          { text: `推荐单位（盖章）：${r.unit}`, align: "right", after: 2 },
          { text: chineseDate(r.signedOn ?? r.meetingDate, "recommendation.signedOn"), align: "right" },
        ]
  return {
    label: "推荐单位意见",
    columns: [CONTENT_W - LABEL_W],
    minHeight: 120,
    keepTogether: true,
    rows: [{ cells: [{ content, valign: "top" }] }],
  }
}

const OUTCOME_TEXT: Record<EligibilityConclusion["outcome"], string> = {
  eligible: "符合报名条件",
  ineligible: "不符合报名条件",
  needs_review: "待审核（须经审核人确认）",
}

const STATUS_TEXT: Record<EligibilityItem["status"], string> = {
  fail: "不符合",
  waived: "已放宽",
  needs_review: "待审核",
}

/** The outcome the kernel would give these items: any fail → ineligible; else any needs_review → needs_review. */
const outcomeOf = (items: ReadonlyArray<EligibilityItem>): EligibilityConclusion["outcome"] =>
  items.some((i) => i.status === "fail")
    ? "ineligible"
    : items.some((i) => i.status === "needs_review")
      ? "needs_review"
      : "eligible"

const ELIGIBILITY_COLUMNS = [84, 50, CONTENT_W - LABEL_W - 134]

const eligibilitySection = (e: EligibilityConclusion): Section => {
  const expected = outcomeOf(e.items)
  if (expected !== e.outcome) {
    throw new ExportInputError(
      "eligibility.outcome",
      `outcome "${e.outcome}" does not match its items (they give "${expected}"); an ineligible verdict must list the clauses it fails`,
      `结论"${OUTCOME_TEXT[e.outcome]}"与所列条目不符（条目对应"${OUTCOME_TEXT[expected]}"）；不符合条件须列明理由和条款`,
    )
  }
  const items: Row[] =
    e.items.length === 0
      ? []
      : [
          { minHeight: 22, cells: [label("条款"), label("情况"), label("说明")] },
          ...e.items.map((item) => ({
            minHeight: 22,
            cells: [
              value(item.clause),
              value(STATUS_TEXT[item.status]),
              value(`${item.rule}：${item.reason}`, 1, "left"),
            ],
          })),
        ]
  return {
    label: "资格比对结论",
    columns: ELIGIBILITY_COLUMNS,
    keepTogether: true,
    rows: [
      {
        cells: [label("比对结论"), { content: OUTCOME_TEXT[e.outcome], span: 2, align: "left", bold: true }],
      },
      {
        cells: [
          label("比对依据"),
          value(
            `${e.scheme}；年龄、党龄计算至${chineseDate(e.referenceDate, "eligibility.referenceDate")}`,
            2,
            "left",
          ),
        ],
      },
      ...items,
    ],
  }
}

const pledgeSection: Section = {
  label: "本人承诺",
  columns: [CONTENT_W - LABEL_W],
  minHeight: 64,
  keepTogether: true,
  rows: [
    {
      cells: [
        {
          valign: "top",
          content: [
            {
              text: "本人承诺以上所填信息真实、准确、完整，如有不实，愿承担相应责任。",
              align: "left",
              after: 14,
            },
            { text: "本人签名：　　　　　　　　　　年　　月　　日", align: "right" },
          ],
        },
      ],
    },
  ],
}

// ---------------------------------------------------------------------------------------------------------------

/** Asks the print dialog for duplex (long-edge flip) at 100 %: PDF 1.7 ViewerPreferences. */
const askForDuplex = (doc: PDFKit.PDFDocument): void => {
  // pdfkit creates the ViewerPreferences dictionary for `displayTitle` but has no option for these two keys;
  // a plain string in a pdfkit dictionary is written as a PDF name.
  const root = (
    doc as unknown as { _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } } }
  )._root
  const prefs = root.data.ViewerPreferences
  if (prefs === undefined) throw new Error("pdfkit did not create ViewerPreferences (displayTitle)")
  prefs.data.Duplex = "DuplexFlipLongEdge"
  prefs.data.PrintScaling = "None"
}

const pageNumbers = (doc: PDFKit.PDFDocument, numbered: number): void => {
  const oneChar = BODY
  for (let p = 1; p <= numbered; p++) {
    doc.switchToPage(p - 1)
    const odd = p % 2 === 1
    const left = odd ? MARGINS.inner : MARGINS.outer
    doc
      .font(REGULAR)
      .fontSize(BODY)
      .text(`— ${p} —`, left + (odd ? 0 : oneChar), A4.height - MARGINS.bottom + 8 * MM, {
        width: CONTENT_W - oneChar,
        align: odd ? "right" : "left",
        lineBreak: false,
      })
  }
}

const toBytes = (doc: PDFKit.PDFDocument): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk))
    doc.on("error", reject)
    doc.on("end", () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
      let at = 0
      for (const c of chunks) {
        out.set(c, at)
        at += c.length
      }
      resolve(out)
    })
  })

/** The registration form of one application as a PDF (A4, an even number of pages, fonts embedded as subsets). */
export const registrationFormPdf = async (input: RegistrationFormInput): Promise<Uint8Array> => {
  // Everything that can throw on bad input is built before the document starts.
  const front = [basicSection(input), resumeSection(input)] as const
  const back: ReadonlyArray<readonly [string, Section]> = [
    [
      "rewards",
      textSection(
        "奖惩情况",
        input.rewardsAndPunishments.trim() === "" ? "无" : input.rewardsAndPunishments,
        56,
      ),
    ],
    ["assessments", textSection("年度考核结果", input.annualAssessments ?? "", 34)],
    ["family", familySection(input)],
    ["recommendation", recommendationSection(input)],
    ["eligibility", eligibilitySection(input.eligibility)],
    ["pledge", pledgeSection],
  ]
  const fonts = await loadFormFonts()
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: "1.7",
    lang: "zh-CN",
    displayTitle: true,
    info: {
      Title: `${input.formTitle}（${input.applicant.name}）`,
      Subject: input.formTitle,
      Creator: "@cadre/exports",
      CreationDate: beijingMidnight(input.generatedOn, "generatedOn"),
    },
  })
  const bytes = toBytes(doc)
  askForDuplex(doc)
  doc.registerFont(REGULAR, fonts.regular)
  doc.registerFont(BOLD, fonts.bold)

  const f = new Flow(doc)
  f.newPage()
  doc.font(BOLD).fontSize(18)
  const titleH = doc.heightOfString(input.formTitle, { width: CONTENT_W })
  doc.text(input.formTitle, f.left, f.y, { width: CONTENT_W, align: "center" })
  f.y += titleH + 8
  doc.font(REGULAR).fontSize(BODY)
  const no = input.applicationNo === undefined ? "" : `编号：${input.applicationNo}`
  const filled = input.filledOn === undefined ? "" : `填表日期：${chineseDate(input.filledOn, "filledOn")}`
  doc.text(no, f.left, f.y, { width: CONTENT_W / 2, align: "left", lineBreak: false })
  doc.text(filled, f.left + CONTENT_W / 2, f.y, { width: CONTENT_W / 2, align: "right", lineBreak: false })
  f.y += BODY + 8

  renderSection(f, front[0], "basic")
  renderSection(f, front[1], "resume")
  // The back of the sheet starts on a new page; a résumé that already ran over goes on where it ended.
  if (f.page === 1) f.newPage()
  for (const [name, section] of back) renderSection(f, section, name)

  const contentPages = f.page
  if (contentPages % 2 === 1) {
    f.newPage()
    doc
      .font(REGULAR)
      .fontSize(BODY)
      .text("（此页无正文）", f.left, MARGINS.top, { width: CONTENT_W, align: "center" })
  }
  pageNumbers(doc, contentPages)
  doc.end()
  return bytes
}
