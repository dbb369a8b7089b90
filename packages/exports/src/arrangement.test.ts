import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { ARRANGEMENT_HEADERS, arrangementXlsx } from "./arrangement.js"
import { arrangementInput, arrangementRow } from "./fixtures.js"
import { ExportInputError } from "./format.js"

const readBack = async (bytes: Uint8Array): Promise<ExcelJS.Worksheet> => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.slice().buffer)
  const ws = wb.getWorksheet("安排表")
  if (ws === undefined) throw new Error("no sheet 安排表")
  return ws
}

const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] =>
  ARRANGEMENT_HEADERS.map((_, j) => ws.getRow(r).getCell(j + 1).value)

describe("arrangementXlsx (安排表, 002 附件; 000 二（二）, 三（一）)", () => {
  it("title, subtitle, the 8 Chinese headers and one row per placed cadre", async () => {
    const ws = await readBack(await arrangementXlsx(arrangementInput))
    expect(ws.getCell("A1").value).toBe("杨浦区选派干部担任居民区党组织书记安排表")
    expect(ws.getCell("H1").master.address).toBe("A1")
    expect(ws.getCell("A2").value).toBe("报到地点：各街道党工委社区党建办")
    expect(rowValues(ws, 3)).toEqual([
      "序号",
      "姓名",
      "派出单位及职务",
      "派往街道（乡镇）",
      "派往居民区（村/社区）",
      "拟任职务",
      "报到时间",
      "备注",
    ])
    expect(ws.rowCount).toBe(5)
    expect(rowValues(ws, 4)).toEqual([
      1,
      "王晓明",
      "杨浦区民政局社会救助科科员",
      "殷行街道",
      "开鲁新村第一居民区",
      "党组织副书记（见习）",
      "2021.01.15",
      null,
    ])
    expect(rowValues(ws, 5)).toEqual([
      2,
      "李娜",
      "杨浦区财政局预算科科员",
      "五角场街道",
      "政立路第二居民区",
      "党组织副书记（见习）",
      "2021.01.15",
      "疫情防控期间曾任居民区书记助理",
    ])
    expect(ws.getCell("G4").numFmt).toBe("@")
  })

  it("freezes and repeats the header row, A4 landscape fit to width", async () => {
    const ws = await readBack(await arrangementXlsx(arrangementInput))
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3 })
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    })
    expect(ws.autoFilter).toBe("A3:H3")
  })

  it("without a subtitle the header is row 2, and the frozen pane and print titles follow it", async () => {
    const { subtitle: _s, ...noSubtitle } = arrangementInput
    const ws = await readBack(await arrangementXlsx(noSubtitle))
    expect(ws.getCell("A2").value).toBe("序号")
    expect(ws.getCell("B3").value).toBe("王晓明")
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 2 })
    expect(ws.pageSetup.printTitlesRow).toBe("2:2")
    expect(ws.rowCount).toBe(4)
  })

  it("a bad 报到时间 rejects with ExportInputError naming the row", async () => {
    const input = { ...arrangementInput, rows: [arrangementRow({ reportDate: "2021年1月中旬" })] }
    await expect(arrangementXlsx(input)).rejects.toThrow(ExportInputError)
    await expect(arrangementXlsx(input)).rejects.toThrow(/^rows\[0\]\.reportDate: /)
  })
})
