/**
 * 区划、单位导入 (issue 14): the layouts of the region-tree and units files, read, templated and returned with
 * their errors by the same code as the roster (rosterImport.ts).
 */
import type { ImportCells, ImportLayout } from "./rosterImport.js"

/** The region tree: one region a row, parents by 上级区划代码 or by the 12-digit code itself. */
export const REGION_IMPORT_COLUMNS = [
  { key: "code", zh: "区划代码", en: "division code", required: true },
  { key: "name", zh: "名称", en: "name", required: true },
  { key: "level", zh: "层级", en: "level", required: true },
  { key: "parent", zh: "上级区划代码", en: "parent code", required: false },
] as const
export type RegionColumnKey = (typeof REGION_IMPORT_COLUMNS)[number]["key"]
export type RegionCells = ImportCells<RegionColumnKey>

export const REGION_LAYOUT: ImportLayout<RegionColumnKey> = {
  sheet: "区划",
  columns: REGION_IMPORT_COLUMNS,
  notes: [
    "带 * 的列必须填写。每行一个街道、乡镇、社区或村，层级按“代码表”填写。",
    "区划代码填 12 位统计用区划代码（如 330212001001），或其他由字母、数字和连字符组成的编号（至多 64 位）。",
    "上级区划代码可不填：12 位代码的上级按代码确定（社区、村的上级为其街道、乡镇，街道、乡镇的上级为本区）。",
    "上级可以是本文件中的其他行，行的先后顺序不限；也可以是系统中已有、在您管辖范围内的区划。",
    "再次导入同一文件不会产生变化；区划代码已有的按本文件更新名称，并列出变化的字段。层级和上级不能通过导入更改。",
  ],
}

/** The units: 机关单位 and the bodies that host cadres, each in a region of the district. */
export const UNIT_IMPORT_COLUMNS = [
  { key: "id", zh: "单位编号", en: "unit id", required: false },
  { key: "name", zh: "单位名称", en: "unit name", required: true },
  { key: "category", zh: "单位类别", en: "category", required: true },
  { key: "roles", zh: "单位角色", en: "roles", required: true },
  { key: "region", zh: "所在区划", en: "region", required: true },
] as const
export type UnitColumnKey = (typeof UNIT_IMPORT_COLUMNS)[number]["key"]
export type UnitCells = ImportCells<UnitColumnKey>

export const UNIT_LAYOUT: ImportLayout<UnitColumnKey> = {
  sheet: "单位",
  columns: UNIT_IMPORT_COLUMNS,
  notes: [
    "带 * 的列必须填写。单位类别按“代码表”填写；单位角色填“派出”“接收”或“派出、接收”。",
    "所在区划填系统中已有的区划代码或名称，且须在您的管辖范围内。",
    "单位编号可不填：不填时按单位名称识别（名称须唯一），新单位的编号由系统生成。",
    "再次导入同一文件不会产生变化；已有的单位按本文件更新名称、类别和角色，并列出变化的字段。",
  ],
}
