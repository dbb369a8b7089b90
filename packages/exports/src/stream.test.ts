import { PassThrough } from "node:stream"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { ARRANGEMENT_HEADERS, arrangementXlsx, arrangementXlsxStream } from "./arrangement.js"
import { arrangementInput, manyRosterRows, rosterInput } from "./fixtures.js"
import { ROSTER_HEADERS, rosterXlsx, rosterXlsxStream } from "./roster.js"

/** The bytes a streaming writer puts on its stream. */
const collect = async (write: (out: PassThrough) => Promise<number>): Promise<[Uint8Array, number]> => {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on("data", (b: Buffer) => parts.push(b))
  const done = new Promise((resolve) => out.on("end", resolve))
  const n = await write(out)
  await done
  return [new Uint8Array(Buffer.concat(parts)), n]
}

async function* slowly<T>(rows: ReadonlyArray<T>): AsyncIterable<T> {
  for (const r of rows) {
    await Promise.resolve()
    yield r
  }
}

/** Every cell of the sheet: value, number format, merge master; the column widths; the print titles. */
const dump = async (bytes: Uint8Array, width: number) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.slice().buffer)
  const ws = wb.worksheets[0]
  if (ws === undefined) throw new Error("no sheet")
  const cells: unknown[] = []
  for (let r = 1; r <= ws.rowCount; r++)
    for (let c = 1; c <= width; c++) {
      const cell = ws.getRow(r).getCell(c)
      cells.push([
        cell.address,
        cell.value,
        cell.numFmt ?? null,
        cell.master.address,
        cell.font?.bold ?? false,
      ])
    }
  return {
    name: ws.name,
    rowCount: ws.rowCount,
    cells,
    widths: ws.columns.map((c) => c.width),
    heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height),
    printTitles: ws.pageSetup.printTitlesRow,
    views: ws.views.map((v) => [
      v.state,
      (v as { xSplit?: number }).xSplit,
      (v as { ySplit?: number }).ySplit,
    ]),
    autoFilter: ws.autoFilter,
  }
}

describe("streamed sheets read back as the in-memory ones", () => {
  it("花名册: the same cells, widths, heights, merges, frozen panes and print titles", async () => {
    const input = rosterInput(manyRosterRows(40))
    const [streamed, n] = await collect((out) =>
      rosterXlsxStream({ ...input, rows: slowly(input.rows) }, out),
    )
    expect(n).toBe(40)
    expect(await dump(streamed, ROSTER_HEADERS.length)).toEqual(
      await dump(await rosterXlsx(input), ROSTER_HEADERS.length),
    )
  })

  it("安排表: the same cells", async () => {
    const [streamed, n] = await collect((out) =>
      arrangementXlsxStream({ ...arrangementInput, rows: slowly(arrangementInput.rows) }, out),
    )
    expect(n).toBe(arrangementInput.rows.length)
    expect(await dump(streamed, ARRANGEMENT_HEADERS.length)).toEqual(
      await dump(await arrangementXlsx(arrangementInput), ARRANGEMENT_HEADERS.length),
    )
  })

  it("rows past the width sample are written with the sample's widths, numbered on", async () => {
    const input = rosterInput(manyRosterRows(30))
    const [streamed] = await collect((out) =>
      rosterXlsxStream({ ...input, rows: slowly(input.rows), sample: 5 }, out),
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(streamed.slice().buffer)
    const ws = wb.worksheets[0]
    expect(ws?.rowCount).toBe(3 + 30)
    expect(ws?.getCell("A33").value).toBe(30)
    expect(ws?.getCell("B33").value).toBe(input.rows[29]?.name)
  })

  it("no rows: the title and header only", async () => {
    const [streamed, n] = await collect((out) =>
      rosterXlsxStream({ ...rosterInput([]), rows: slowly([]) }, out),
    )
    expect(n).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(streamed.slice().buffer)
    expect(wb.worksheets[0]?.rowCount).toBe(3)
  })
})
