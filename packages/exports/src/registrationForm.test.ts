import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs"
import { Duplex, PDFDict, PDFDocument, PDFName, PDFRawStream, PrintScaling } from "pdf-lib"
import { describe, expect, it } from "vitest"
import { formInput, ineligible } from "./fixtures.js"
import { ExportInputError } from "./format.js"
import { A4, MARGINS, registrationFormPdf } from "./registrationForm.js"
import type { RegistrationFormInput, ResumeEntry } from "./types.js"

interface TextItem {
  readonly str: string
  readonly x: number
  readonly width: number
}

/** Each page's text as pdfjs extracts it (through the fonts' ToUnicode maps), with the items' positions. */
const readText = async (bytes: Uint8Array): Promise<TextItem[][]> => {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise
  const pages: TextItem[][] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    pages.push(
      content.items.flatMap((item) =>
        "str" in item && item.str.trim() !== ""
          ? [{ str: item.str, x: item.transform[4] as number, width: item.width }]
          : [],
      ),
    )
  }
  await pdf.destroy()
  return pages
}

const joined = (items: ReadonlyArray<TextItem>): string => items.map((i) => i.str).join("")

const find = (items: ReadonlyArray<TextItem>, str: string): TextItem => {
  const item = items.find((i) => i.str === str)
  if (item === undefined)
    throw new Error(`no text item "${str}" in ${JSON.stringify(items.map((i) => i.str))}`)
  return item
}

const resume = (n: number): ResumeEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    from: `${2000 + (i % 20)}-0${(i % 9) + 1}-01`,
    to: `${2001 + (i % 20)}-0${(i % 9) + 1}-01`,
    text: `第${i + 1}段经历：杨浦区某某局某某科科员，负责社区治理与群众工作相关事务`,
  }))

/** A 1×1 PNG, standing in for an ID photo. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  ),
)

/** The typical form, built once for the tests that only read it. */
let typicalBytes: Promise<Uint8Array> | undefined
const typical = (): Promise<Uint8Array> => {
  typicalBytes ??= registrationFormPdf(formInput())
  return typicalBytes
}

describe("registrationFormPdf (报名表, 000 附件: 请正反打印)", () => {
  it("a typical form is a valid PDF of two A4 pages: the front and back of one sheet", async () => {
    const bytes = await typical()
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe("%PDF-1.7")
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getPageCount()).toBe(2)
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(A4.width, 2)
      expect(page.getHeight()).toBeCloseTo(A4.height, 2)
    }
    expect(pdf.getTitle()).toBe("杨浦区选派干部担任居民区党组织书记报名表（王晓明）")
    expect(pdf.getCreationDate()?.toISOString()).toBe("2020-12-19T16:00:00.000Z")
  })

  it("asks the print dialog for duplex, flipped on the long edge, at 100 %", async () => {
    const pdf = await PDFDocument.load(await typical())
    const prefs = pdf.catalog.getViewerPreferences()
    expect(prefs?.getDuplex()).toBe(Duplex.DuplexFlipLongEdge)
    expect(prefs?.getPrintScaling()).toBe(PrintScaling.None)
    expect(prefs?.getDisplayDocTitle()).toBe(true)
  })

  it("embeds Noto Serif SC as subsets (tagged names, small font programs) with ToUnicode maps", async () => {
    const bytes = await typical()
    const pdf = await PDFDocument.load(bytes)
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter(
        (obj): obj is PDFDict =>
          obj instanceof PDFDict && obj.get(PDFName.of("Subtype")) === PDFName.of("Type0"),
      )
    const names = fonts.map((f) => f.get(PDFName.of("BaseFont"))?.toString()).sort()
    expect(names).toHaveLength(2)
    expect(names[0]).toMatch(/^\/[A-Z]{6}\+NotoSerifSC-Bold$/)
    expect(names[1]).toMatch(/^\/[A-Z]{6}\+NotoSerifSC-Regular$/)
    for (const f of fonts) expect(f.get(PDFName.of("ToUnicode"))).toBeDefined()
    const programs = pdf.context
      .enumerateIndirectObjects()
      .map(([, obj]) => obj)
      .filter((obj): obj is PDFDict => obj instanceof PDFDict && obj.has(PDFName.of("FontFile2")))
    expect(programs).toHaveLength(2)
    // The whole font is 14.8 MB a weight; the subsets hold only the glyphs of this form.
    for (const d of programs) {
      const stream = pdf.context.lookup(d.get(PDFName.of("FontFile2")))
      expect(stream).toBeInstanceOf(PDFRawStream)
      expect((stream as PDFRawStream).getContentsSize()).toBeLessThan(120_000)
    }
    expect(bytes.length).toBeLessThan(150_000)
  })

  it("the Chinese text is extractable: title, 基本情况, 家庭成员, 推荐单位意见 with meeting and date, 结论", async () => {
    const [front = [], back = []] = await readText(await typical())
    const p1 = joined(front)
    for (const s of [
      "杨浦区选派干部担任居民区党组织书记报名表",
      "编号：YP2020-0012",
      "填表日期：2020年12月15日",
      "基本情况",
      "王晓明",
      "1990.05",
      "（30岁）",
      "310110********1234",
      "138****1234",
      "华东政法大学法律学院法学专业",
      "2009.09—2013.07",
      "华东政法大学法律学院法学专业学习",
      "2020.05—至今",
    ]) {
      expect(p1).toContain(s)
    }
    const p2 = joined(back)
    for (const s of [
      "奖惩情况",
      "2020年被评为杨浦区疫情防控先进个人。",
      "2017年称职，2018年优秀，2019年称职",
      "上海市杨浦区控江路小学教师",
      "1962.11",
      "（经局党组会议讨论通过，2020年12月16日）",
      "推荐单位（盖章）：中共上海市杨浦区民政局党组",
      "符合报名条件",
      "杨浦区选派干部担任居民区党组织书记方案（第1版）；年龄、党龄计算至",
      "本人承诺以上所填信息真实、准确、完整",
    ]) {
      expect(p2).toContain(s)
    }
    // Front and back hold what the form puts there.
    expect(p1).not.toContain("奖惩情况")
    expect(p2).not.toContain("出生地")
  })

  it("an ineligible verdict lists each clause with its status and reason", async () => {
    const [, back = []] = await readText(await registrationFormPdf(formInput({ eligibility: ineligible })))
    const p2 = joined(back)
    expect(p2).toContain("不符合报名条件")
    expect(p2).toContain("条款情况说明")
    expect(p2).toContain("不符合中共正式党员，党龄满三年：2019年3月1日转正，至基准日党龄1年")
    expect(p2).toContain("已放宽年龄一般为25—38周岁：39周岁")
    expect(p2).toContain("000 一（一）1")
    expect(p2).toContain("000 一（一）5")
  })

  it("self-registration: the recommendation box says there is none", async () => {
    const { recommendation: _r, ...self } = formInput({ channel: "个人自荐" })
    const [, back = []] = await readText(await registrationFormPdf(self))
    expect(joined(back)).toContain("个人自荐报名，无推荐单位意见。")
    expect(joined(back)).not.toContain("盖章")
  })

  it("mirror margins: binding margin left on the front, right on the back; page numbers on the outer edge", async () => {
    const [front = [], back = []] = await readText(await typical())
    // Section labels are centred in the 52 pt label column: 5 pt in from the table's left edge.
    expect(find(front, "基本情况").x).toBeCloseTo(MARGINS.inner + 5, 0)
    expect(find(back, "奖惩情况").x).toBeCloseTo(MARGINS.outer + 5, 0)
    expect(MARGINS.inner - MARGINS.outer).toBeCloseTo(10 * (72 / 25.4), 5)
    // GB/T 9704 7.5: odd page number at the right, even at the left, one character (10.5 pt) in.
    const one = find(front, "— 1 —")
    expect(one.x + one.width).toBeCloseTo(A4.width - MARGINS.outer - 10.5, 0)
    expect(find(back, "— 2 —").x).toBeCloseTo(MARGINS.outer + 10.5, 0)
  })

  it("whatever the résumé's length the page count is even; an odd last page is followed by 此页无正文", async () => {
    const counts: Record<number, { pages: number; padded: boolean }> = {}
    for (const n of [0, 12, 24, 36]) {
      const pages = await readText(await registrationFormPdf(formInput({ resume: resume(n) })))
      const last = joined(pages[pages.length - 1] ?? [])
      counts[n] = { pages: pages.length, padded: last === "（此页无正文）" }
    }
    expect(counts).toEqual({
      0: { pages: 2, padded: false },
      12: { pages: 2, padded: false },
      24: { pages: 4, padded: true },
      36: { pages: 4, padded: false },
    })
  })

  it("a résumé longer than the front continues on the back under 学习工作简历（续）, in order", async () => {
    const pages = await readText(await registrationFormPdf(formInput({ resume: resume(36) })))
    const text = pages.map(joined)
    expect(text[0]).toContain("第1段经历")
    expect(text[1]).toContain("（续）")
    const positions = Array.from({ length: 36 }, (_, i) => text.join("").indexOf(`第${i + 1}段经历：`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    // Each page but a padding page carries its number.
    pages.forEach((items, i) => {
      expect(joined(items)).toContain(`— ${i + 1} —`)
    })
  })

  it("a photo is placed in the photo box; without one the box says 照片", async () => {
    const base = formInput()
    const withPhoto: RegistrationFormInput = { ...base, applicant: { ...base.applicant, photo: PNG } }
    const pdf = await PDFDocument.load(await registrationFormPdf(withPhoto))
    const xobjects = (pdf: PDFDocument, page: number): number =>
      pdf.getPage(page).node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict)?.keys().length ?? 0
    expect(xobjects(pdf, 0)).toBe(1)
    expect(xobjects(pdf, 1)).toBe(0)
    expect(xobjects(await PDFDocument.load(await typical()), 0)).toBe(0)
    expect(joined((await readText(await registrationFormPdf(withPhoto)))[0] ?? [])).not.toContain("照片")
    expect(joined((await readText(await typical()))[0] ?? [])).toContain("照片")
  })

  it("is reproducible: the same input gives the same bytes (the creation date is an input)", async () => {
    const a = await typical()
    const b = await registrationFormPdf(formInput())
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it("refuses a conclusion its items contradict: ineligible needs a failed clause, a failure is not eligible", async () => {
    const noReason = formInput({ eligibility: { ...ineligible, items: [] } })
    await expect(registrationFormPdf(noReason)).rejects.toThrow(ExportInputError)
    await expect(registrationFormPdf(noReason)).rejects.toThrow(/^eligibility\.outcome: /)
    const failButEligible = formInput({ eligibility: { ...ineligible, outcome: "eligible" } })
    await expect(registrationFormPdf(failButEligible)).rejects.toThrow(ExportInputError)
    const reviewOnly = formInput({
      eligibility: {
        ...ineligible,
        outcome: "needs_review",
        items: [
          { status: "needs_review", clause: "000 一（一）3", rule: "党性强，作风正", reason: "待审核人确认" },
        ],
      },
    })
    const [, back = []] = await readText(await registrationFormPdf(reviewOnly))
    expect(joined(back)).toContain("待审核（须经审核人确认）")
  })

  it("a malformed date rejects with ExportInputError naming the field", async () => {
    const bad = formInput({ resume: [{ from: "2009.09", text: "学习" }] })
    await expect(registrationFormPdf(bad)).rejects.toThrow(/^resume\[0\]\.from: /)
  })
})
