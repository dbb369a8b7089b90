/**
 * 花名册 of a campaign: one row per application. Seed 001 五 1 keeps a "社区后备干部花名册" in every reserve
 * cadre's archive and 六 1 reports a "队伍名册" (附件3) to the district; the columns follow the cadre roster
 * convention (出生年月 and 入党时间 as `YYYY.MM`) plus the platform's own 报名渠道 / 资格比对结论 / 当前环节.
 */
import { chineseDate, yearMonth, yearMonthOpt } from "./format.js"
import type { Writable } from "node:stream"
import { buildSheet, type Column, streamSheet } from "./sheet.js"
import type { RosterInput, RosterRow } from "./types.js"

/** The header row, in order. */
export const ROSTER_HEADERS = [
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
] as const

type Header = (typeof ROSTER_HEADERS)[number]

const at = (i: number, field: string): string => `rows[${i}].${field}`

const spec: Record<Header, Omit<Column<RosterRow>, "header">> = {
  序号: { value: (_, i) => i + 1, minWidth: 5, maxWidth: 6, align: "center" },
  姓名: { value: (r) => r.name, minWidth: 8, maxWidth: 12, align: "center" },
  性别: { value: (r) => r.sex, minWidth: 5, maxWidth: 6, align: "center" },
  出生年月: {
    value: (r, i) => yearMonth(r.birthDate, at(i, "birthDate")),
    minWidth: 9,
    maxWidth: 10,
    align: "center",
    text: true,
  },
  年龄: { value: (r) => r.age, minWidth: 5, maxWidth: 6, align: "center" },
  民族: { value: (r) => r.ethnicity, minWidth: 6, maxWidth: 10, align: "center" },
  政治面貌: { value: (r) => r.politicalStatus, minWidth: 9, maxWidth: 14, align: "center" },
  入党时间: {
    value: (r, i) => yearMonthOpt(r.partyJoinDate, at(i, "partyJoinDate")),
    minWidth: 9,
    maxWidth: 10,
    align: "center",
    text: true,
  },
  学历学位: { value: (r) => r.education, minWidth: 10, maxWidth: 18, align: "left" },
  工作单位及职务: { value: (r) => r.workUnitAndPost, minWidth: 16, maxWidth: 30, align: "left" },
  职级: { value: (r) => r.rank, minWidth: 8, maxWidth: 12, align: "center" },
  报名渠道: { value: (r) => r.channel, minWidth: 9, maxWidth: 12, align: "center" },
  推荐单位: { value: (r) => r.recommendingUnit ?? "", minWidth: 10, maxWidth: 24, align: "left" },
  资格比对结论: { value: (r) => r.eligibility, minWidth: 12, maxWidth: 30, align: "left" },
  当前环节: { value: (r) => r.stage, minWidth: 9, maxWidth: 14, align: "center" },
  拟任岗位: { value: (r) => r.intendedPost ?? "", minWidth: 10, maxWidth: 24, align: "left" },
  联系电话: { value: (r) => r.phone, minWidth: 13, maxWidth: 16, align: "center", text: true },
}

/** The roster of a campaign as an .xlsx file (one sheet "花名册"). Bad input rejects with `ExportInputError`. */
export const rosterXlsx = async (input: RosterInput): Promise<Uint8Array> =>
  buildSheet({ ...layout(input), rows: input.rows })

const layout = (input: Omit<RosterInput, "rows">) => {
  const basis = `年龄按${chineseDate(input.ageReferenceDate, "ageReferenceDate")}计算周岁`
  return {
    sheetName: "花名册",
    title: `${input.campaignName}花名册`,
    subtitle: input.note === undefined ? basis : `${basis}　　${input.note}`,
    columns: ROSTER_HEADERS.map((header) => ({ header, ...spec[header] })),
    frozenColumns: 2,
  }
}

/**
 * The same roster streamed into `out` (issue 19 §4): rows are taken from the async iterable as they come (a
 * database cursor read in batches) and written at once, so memory stays bounded. Resolves with the row count.
 */
export const rosterXlsxStream = (
  input: Omit<RosterInput, "rows"> & { readonly rows: AsyncIterable<RosterRow>; readonly sample?: number },
  out: Writable,
): Promise<number> =>
  streamSheet(
    { ...layout(input), rows: input.rows, ...(input.sample === undefined ? {} : { sample: input.sample }) },
    out,
  )
