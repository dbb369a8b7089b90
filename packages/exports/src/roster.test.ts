import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { CAMPAIGN, manyRosterRows, rosterInput, rosterRow } from "./fixtures.js"
import { ExportInputError } from "./format.js"
import { ROSTER_HEADERS, rosterXlsx } from "./roster.js"

const readBack = async (bytes: Uint8Array): Promise<ExcelJS.Worksheet> => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.slice().buffer)
  expect(wb.worksheets.map((w) => w.name)).toEqual(["花名册"])
  const ws = wb.getWorksheet("花名册")
  if (ws === undefined) throw new Error("no sheet")
  return ws
}

const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] =>
  ROSTER_HEADERS.map((_, j) => ws.getRow(r).getCell(j + 1).value)

describe("rosterXlsx (花名册)", () => {
  it("is an xlsx file (a zip: PK header)", async () => {
    const bytes = await rosterXlsx(rosterInput([rosterRow()]))
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
  })

  it("title row with the campaign name, the age basis under it, then the 17 Chinese headers", async () => {
    const ws = await readBack(await rosterXlsx(rosterInput([rosterRow()])))
    expect(ws.getCell("A1").value).toBe(`${CAMPAIGN}花名册`)
    expect(ws.getCell("A1").isMerged).toBe(true)
    expect(ws.getCell("Q1").master.address).toBe("A1")
    expect(ws.getCell("A2").value).toBe("年龄按2020年12月18日计算周岁")
    expect(rowValues(ws, 3)).toEqual([
      "序号",
      "姓名",
      "性别",
      "出生年月",
      "年龄",
      "民族",
      "政治面貌",
      "入党时间",
      "学历学位",
      "工作单位及职务",
      "职级",
      "报名渠道",
      "推荐单位",
      "资格比对结论",
      "当前环节",
      "拟任岗位",
      "联系电话",
    ])
    expect(ws.getCell("A3").font.bold).toBe(true)
  })

  it("a row: Chinese text as given, 序号 and 年龄 as numbers, dates as YYYY.MM text, phone as given", async () => {
    const ws = await readBack(await rosterXlsx(rosterInput([rosterRow()])))
    expect(ws.rowCount).toBe(4)
    expect(rowValues(ws, 4)).toEqual([
      1,
      "王晓明",
      "男",
      "1990.05",
      30,
      "汉族",
      "中共党员",
      "2012.06",
      "大学本科／法学学士",
      "杨浦区民政局社会救助科科员",
      "一级科员",
      "单位推荐",
      "中共上海市杨浦区民政局党组",
      "符合",
      "面试",
      "殷行街道居民区党组织副书记（见习）",
      "138****1234",
    ])
    // Text format, so "1990.10" typed over in Excel does not become the number 1990.1.
    expect(ws.getCell("D4").numFmt).toBe("@")
    expect(ws.getCell("H4").numFmt).toBe("@")
    expect(ws.getCell("E4").type).toBe(ExcelJS.ValueType.Number)
  })

  it("omitted optional fields are empty cells, not 'undefined'", async () => {
    const { partyJoinDate: _p, recommendingUnit: _u, intendedPost: _i, ...bare } = rosterRow()
    const ws = await readBack(await rosterXlsx(rosterInput([{ ...bare, politicalStatus: "群众" }])))
    expect(ws.getCell("H4").value).toBeNull()
    expect(ws.getCell("M4").value).toBeNull()
    expect(ws.getCell("P4").value).toBeNull()
    expect(ws.getCell("G4").value).toBe("群众")
  })

  it("freezes the title, the header and 序号/姓名; filters on the header row", async () => {
    const ws = await readBack(await rosterXlsx(rosterInput([rosterRow()])))
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3, topLeftCell: "C4" })
    expect(ws.autoFilter).toBe("A3:Q3")
  })

  it("prints on A4 landscape, one page wide, header row repeated, page numbers in the footer", async () => {
    const ws = await readBack(await rosterXlsx(rosterInput([rosterRow()])))
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "3:3",
    })
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页")
  })

  it("sizes columns for CJK: two units a character, within each column's bounds", async () => {
    const long = "杨浦区人民政府办公室综合科科员兼信息调研员"
    const ws = await readBack(await rosterXlsx(rosterInput([rosterRow({ workUnitAndPost: long })])))
    // 序号 stays narrow; 姓名 fits three characters; 工作单位及职务 is capped at 30 and wraps.
    expect(ws.getColumn(1).width).toBe(6)
    expect(ws.getColumn(2).width).toBe(8)
    expect(ws.getColumn(10).width).toBe(30)
    expect(ws.getCell("J4").alignment.wrapText).toBe(true)
    // 21 characters = 42 units in a 29-unit line: two lines, so the row is given two lines' height.
    expect(ws.getRow(4).height).toBe(2 * 13.5 + 6)
  })

  it("a note is appended to the age basis line", async () => {
    const ws = await readBack(await rosterXlsx({ ...rosterInput([]), note: "填报单位：区委组织部组织科" }))
    expect(ws.getCell("A2").value).toBe("年龄按2020年12月18日计算周岁　　填报单位：区委组织部组织科")
    expect(ws.rowCount).toBe(3)
  })

  it("200 applications: 200 data rows numbered 1–200, in input order", async () => {
    const rows = manyRosterRows(200)
    const ws = await readBack(await rosterXlsx(rosterInput(rows)))
    expect(ws.rowCount).toBe(3 + 200)
    expect(ws.getCell("A4").value).toBe(1)
    expect(ws.getCell("B4").value).toBe("测试干部1")
    expect(ws.getCell("A203").value).toBe(200)
    expect(ws.getCell("B203").value).toBe("测试干部200")
    // Row 200 (index 199): 199 % 5 ≠ 0 → recommended; 199 % 7 ≠ 0 → eligible with a post.
    expect(ws.getCell("L203").value).toBe("单位推荐")
    expect(ws.getCell("P203").value).toBe("殷行街道居民区党组织副书记（见习）")
    // Row 1 (index 0) is self-registered and ineligible.
    expect(ws.getCell("L4").value).toBe("个人自荐")
    expect(ws.getCell("M4").value).toBeNull()
    expect(ws.getCell("N4").value).toBe("不符合：党龄不满三年（000 一（一）1）")
    const names = Array.from({ length: 200 }, (_, i) => ws.getCell(4 + i, 2).value)
    expect(new Set(names).size).toBe(200)
    expect(ws.getCell(4 + 199, 4).value).toBe(rows[199]?.birthDate.slice(0, 7).replace("-", "."))
  })

  it("a malformed date throws ExportInputError naming the row", async () => {
    const rows = [rosterRow(), rosterRow({ birthDate: "1990/05/17" })]
    await expect(rosterXlsx(rosterInput(rows))).rejects.toThrow(ExportInputError)
    await expect(rosterXlsx(rosterInput(rows))).rejects.toThrow(/^rows\[1\]\.birthDate: /)
    await expect(rosterXlsx({ ...rosterInput([]), ageReferenceDate: "2020-12-32" })).rejects.toThrow(
      /^ageReferenceDate: /,
    )
  })
})
