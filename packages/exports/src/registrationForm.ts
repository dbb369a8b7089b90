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
import { beijingMidnight, chineseDate } from "./format.js"
import {
  A4,
  BODY,
  BOLD,
  CONTENT_W,
  Flow,
  MARGINS,
  MM,
  REGULAR,
  renderSection,
  type Section,
} from "./formLayout.js"
import {
  basicSection,
  eligibilitySection,
  familySection,
  pledgeSection,
  recommendationSection,
  resumeSection,
  textSection,
} from "./registrationFormSections.js"
import type { RegistrationFormInput } from "./types.js"

export { A4, MARGINS } from "./formLayout.js"

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
