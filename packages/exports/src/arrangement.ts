/**
 * 安排表 of the placed cadres: seed 002 附件 "大安区选派村（社区）党组织第一书记安排表"; seed 000 二（二）
 * "选派干部集中到所安排的各街道报到……安排到具体的居民区任职" and 三（一） "先在居民区党组织担任副书记见习".
 */
import { dotted } from "./format.js"
import type { Writable } from "node:stream"
import { buildSheet, type Column, streamSheet } from "./sheet.js"
import type { ArrangementInput, ArrangementRow } from "./types.js"

/** The header row, in order. */
export const ARRANGEMENT_HEADERS = [
  "序号",
  "姓名",
  "派出单位及职务",
  "派往街道（乡镇）",
  "派往居民区（村/社区）",
  "拟任职务",
  "报到时间",
  "备注",
] as const

type Header = (typeof ARRANGEMENT_HEADERS)[number]

const spec: Record<Header, Omit<Column<ArrangementRow>, "header">> = {
  序号: { value: (_, i) => i + 1, minWidth: 5, maxWidth: 6, align: "center" },
  姓名: { value: (r) => r.name, minWidth: 8, maxWidth: 12, align: "center" },
  派出单位及职务: { value: (r) => r.dispatchingUnitAndPost, minWidth: 18, maxWidth: 34, align: "left" },
  "派往街道（乡镇）": { value: (r) => r.street, minWidth: 12, maxWidth: 20, align: "center" },
  "派往居民区（村/社区）": { value: (r) => r.community, minWidth: 14, maxWidth: 24, align: "center" },
  拟任职务: { value: (r) => r.post, minWidth: 14, maxWidth: 26, align: "center" },
  报到时间: {
    value: (r, i) => dotted(r.reportDate, `rows[${i}].reportDate`),
    minWidth: 11,
    maxWidth: 12,
    align: "center",
    text: true,
  },
  备注: { value: (r) => r.remarks ?? "", minWidth: 12, maxWidth: 30, align: "left" },
}

/** The arrangement table as an .xlsx file (one sheet "安排表"). */
export const arrangementXlsx = async (input: ArrangementInput): Promise<Uint8Array> =>
  buildSheet({ ...layout(input), rows: input.rows })

const layout = (input: Omit<ArrangementInput, "rows">) => ({
  sheetName: "安排表",
  title: input.title,
  ...(input.subtitle === undefined ? {} : { subtitle: input.subtitle }),
  columns: ARRANGEMENT_HEADERS.map((header) => ({ header, ...spec[header] })),
  frozenColumns: 2,
})

/** The same table streamed into `out` from an async iterable of rows (bounded memory). Resolves with the row count. */
export const arrangementXlsxStream = (
  input: Omit<ArrangementInput, "rows"> & {
    readonly rows: AsyncIterable<ArrangementRow>
    readonly sample?: number
  },
  out: Writable,
): Promise<number> =>
  streamSheet(
    { ...layout(input), rows: input.rows, ...(input.sample === undefined ? {} : { sample: input.sample }) },
    out,
  )
