/**
 * A roster row ⇄ the kernel profile (issue 14): the cells of the template's columns become an encoded
 * Person.Profile (labels of the kernel's code lists, 是/否, dates), decoded by the kernel's Schema; a person on
 * file becomes a row again (the filled template of a round trip). Pure.
 */
import { Eligibility, Person } from "@cadre/domain"
import { type CodeList, ROSTER_IMPORT_COLUMNS, type RosterCells, type RosterColumnKey } from "@cadre/exports"
import { Either, Schema } from "effect"
import { decodeCells, type RowError } from "./kind.js"

const encodeProfile = Schema.encodeSync(Person.Profile)

export type { RowError } from "./kind.js"

const COLUMN_ZH: Readonly<Record<RosterColumnKey, string>> = Object.fromEntries(
  ROSTER_IMPORT_COLUMNS.map((c) => [c.key, c.zh]),
) as Record<RosterColumnKey, string>

export const rowError = (cells: RosterCells, key: RosterColumnKey, zh: string, en: string): RowError => ({
  column: COLUMN_ZH[key],
  value: cells[key],
  zh,
  en,
})

const TRACK_LABELS = { leading: "领导职务", non_leading: "职级" } as const

/** The labels each coded column accepts (zh-CN), with the kernel code they stand for. */
const EDUCATION_BY_LABEL = new Map<string, Person.EducationLevel>(
  Person.EDUCATION_LEVELS.map((l) => [Eligibility.EDUCATION_LABELS[l].zh, l]),
)
const EMPLOYMENT_BY_LABEL = new Map<string, Person.EmploymentCategory>(
  Person.EMPLOYMENT_CATEGORIES.map((c) => [Eligibility.EMPLOYMENT_LABELS[c].zh, c]),
)
const rankLabel = (r: Person.Rank): string =>
  `${Eligibility.RANK_LABELS[r.level].zh}（${TRACK_LABELS[r.track]}）`
const RANK_BY_LABEL = new Map<string, Person.Rank>(
  Person.RANK_LEVELS.flatMap((level) =>
    (["leading", "non_leading"] as const).map((track) => [rankLabel({ level, track }), { level, track }]),
  ),
)
// A bare level (正科级) is read as the non-leading grade.
for (const level of Person.RANK_LEVELS)
  RANK_BY_LABEL.set(Eligibility.RANK_LABELS[level].zh, { level, track: "non_leading" })

/** The template's second sheet: the code lists, from the kernel. */
export const rosterCodeLists = (): ReadonlyArray<CodeList> => [
  { title: "性别", values: ["男", "女"] },
  { title: "学历", values: Person.EDUCATION_LEVELS.map((l) => Eligibility.EDUCATION_LABELS[l].zh) },
  { title: "是否全日制", values: ["是", "否"] },
  {
    title: "人员类别",
    values: Person.EMPLOYMENT_CATEGORIES.map((c) => Eligibility.EMPLOYMENT_LABELS[c].zh),
  },
  {
    title: "职级",
    values: Person.RANK_LEVELS.flatMap((level) =>
      (["leading", "non_leading"] as const).map((track) => rankLabel({ level, track })),
    ),
  },
]

/** A date cell (YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD) as ISO; undefined when it is not one. */
export const isoDate = (s: string): string | undefined => {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(s.trim())
  if (m === null) return undefined
  return `${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}`
}

const SEX: Readonly<Record<string, Person.Sex>> = { 男: "male", 女: "female", male: "male", female: "female" }
const YES_NO: Readonly<Record<string, boolean>> = { 是: true, 否: false, Y: true, N: false }

/** Which column a decode issue's path names. */
const columnOfPath = (path: string): RosterColumnKey | undefined => {
  if (path.startsWith("party.fullMemberSince")) return "fullMemberSince"
  if (path.startsWith("party")) return "partyJoined"
  if (path.startsWith("education")) return "education"
  if (path.startsWith("currentUnit")) return "unit"
  if (path.startsWith("currentPosition")) return "position"
  const head = path.split(/[.[]/)[0] ?? ""
  return (ROSTER_IMPORT_COLUMNS.find((c) => c.key === head)?.key as RosterColumnKey | undefined) ?? undefined
}

/** Where the row's person works: a unit the importer sees. */
export interface RowUnit {
  readonly id: string
  readonly name: string
  readonly regionId: string
  readonly regionPath: string
}

/**
 * The profile of a row, merged over the record on file when there is one (what the roster does not cover —
 * work history, conduct, attestations, tags, further educations — is kept), decoded by the kernel's Profile; or
 * the row's errors, every one of them.
 */
export const profileOfRow = (
  cells: RosterCells,
  unit: RowUnit,
  id: string,
  onFile: Person.Profile | undefined,
): Either.Either<Person.Profile, ReadonlyArray<RowError>> => {
  const errors: Array<RowError> = []
  for (const c of ROSTER_IMPORT_COLUMNS)
    if (c.required && cells[c.key] === "") errors.push(rowError(cells, c.key, "必须填写", "required"))
  const date = (key: RosterColumnKey): string | undefined => {
    if (cells[key] === "") return undefined
    const d = isoDate(cells[key])
    if (d === undefined)
      errors.push(rowError(cells, key, "日期格式应为 YYYY-MM-DD", "a date must be written YYYY-MM-DD"))
    return d ?? cells[key]
  }
  const sex = SEX[cells.sex]
  if (cells.sex !== "" && sex === undefined)
    errors.push(rowError(cells, "sex", "应为“男”或“女”", "must be 男 or 女"))
  const level = EDUCATION_BY_LABEL.get(cells.education)
  if (cells.education !== "" && level === undefined)
    errors.push(rowError(cells, "education", "不在学历代码表中", "not in the education code list"))
  const fullTime = YES_NO[cells.fullTime]
  if (cells.fullTime !== "" && fullTime === undefined)
    errors.push(rowError(cells, "fullTime", "应为“是”或“否”", "must be 是 or 否"))
  const employment = EMPLOYMENT_BY_LABEL.get(cells.employment)
  if (cells.employment !== "" && employment === undefined)
    errors.push(rowError(cells, "employment", "不在人员类别代码表中", "not in the employment code list"))
  const rank = cells.rank === "" ? undefined : RANK_BY_LABEL.get(cells.rank)
  if (cells.rank !== "" && rank === undefined)
    errors.push(rowError(cells, "rank", "不在职级代码表中", "not in the rank code list"))
  const birthDate = date("birthDate")
  const joined = date("partyJoined")
  const fullSince = date("fullMemberSince")
  const workStarted = date("workStarted")
  if (fullSince !== undefined && joined === undefined)
    errors.push(
      rowError(cells, "partyJoined", "填写转正时间时须填写入党时间", "a full member must have a date joined"),
    )
  if (errors.length > 0) return Either.left(errors)

  const party =
    joined === undefined
      ? { _tag: "NotMember" as const }
      : fullSince === undefined
        ? { _tag: "Probationary" as const, joined }
        : { _tag: "Full" as const, joined, fullMemberSince: fullSince }
  const encodedBase: Record<string, unknown> =
    onFile === undefined
      ? { workHistory: [], conduct: [], attestations: [], tags: [], education: [] }
      : (encodeProfile(onFile) as unknown as Record<string, unknown>)
  const educationOnFile = (encodedBase.education ?? []) as ReadonlyArray<{ level: string; fullTime: boolean }>
  const sameLevel = educationOnFile.find((e) => e.level === level)
  const education = [
    ...educationOnFile.filter((e) => e.level !== level),
    { ...(sameLevel ?? {}), level, fullTime },
  ].sort(
    (a, b) =>
      Person.educationRank(a.level as Person.EducationLevel) -
      Person.educationRank(b.level as Person.EducationLevel),
  )
  const {
    ethnicity: _e,
    workStarted: _w,
    rank: _r,
    currentPosition: _p,
    phone: _ph,
    ...kept
  } = encodedBase as Record<string, unknown>
  const encoded = {
    ...kept,
    id,
    name: cells.name,
    sex,
    birthDate,
    idNumber: cells.idNumber,
    party,
    education,
    employment,
    currentUnit: unit.name,
    ...(cells.ethnicity === "" ? {} : { ethnicity: cells.ethnicity }),
    ...(workStarted === undefined ? {} : { workStarted }),
    ...(cells.position === "" ? {} : { currentPosition: cells.position }),
    ...(rank === undefined ? {} : { rank }),
    ...(cells.phone === "" ? {} : { phone: cells.phone }),
  }
  return decodeCells(Person.Profile, "person", encoded, (path, zh, en) =>
    rowError(cells, columnOfPath(path) ?? "name", zh, en),
  )
}

const dash = (d: string | undefined): string => d ?? ""

/** A person on file as a filled template row (the round trip: re-importing it changes nothing). */
export const rowOfProfile = (p: Person.Profile, unitName: string): RosterCells => {
  const top = [...p.education].sort(
    (a, b) => Person.educationRank(b.level) - Person.educationRank(a.level),
  )[0]
  return {
    name: p.name,
    sex: p.sex === "male" ? "男" : "女",
    ethnicity: p.ethnicity ?? "",
    birthDate: p.birthDate,
    idNumber: p.idNumber,
    partyJoined: p.party._tag === "NotMember" ? "" : p.party.joined,
    fullMemberSince: p.party._tag === "Full" ? p.party.fullMemberSince : "",
    education: top === undefined ? "" : Eligibility.EDUCATION_LABELS[top.level].zh,
    fullTime: top === undefined ? "" : top.fullTime ? "是" : "否",
    workStarted: dash(p.workStarted),
    unit: unitName,
    position: p.currentPosition ?? "",
    rank: p.rank === undefined ? "" : rankLabel(p.rank),
    employment: Eligibility.EMPLOYMENT_LABELS[p.employment].zh,
    phone: p.phone ?? "",
  }
}

/** Example rows of the template (checksummed ID numbers of made-up people). */
export const exampleRows = (unitName: string): ReadonlyArray<RosterCells> => {
  const id = (first17: string) => `${first17}${Person.checkCharacter(first17)}`
  return [
    {
      name: "张三（示例）",
      sex: "男",
      ethnicity: "汉族",
      birthDate: "1988-05-12",
      idNumber: id("31011019880512003"),
      partyJoined: "2010-06-01",
      fullMemberSince: "2011-06-01",
      education: "大学本科",
      fullTime: "是",
      workStarted: "2010-07-01",
      unit: unitName,
      position: "科员",
      rank: "科员（职级）",
      employment: "公务员",
      phone: "13800000001",
    },
    {
      name: "李四（示例）",
      sex: "女",
      ethnicity: "回族",
      birthDate: "1992-11-03",
      idNumber: id("31011019921103002"),
      partyJoined: "2015-07-01",
      fullMemberSince: "",
      education: "硕士研究生",
      fullTime: "否",
      workStarted: "2016-08-01",
      unit: unitName,
      position: "",
      rank: "",
      employment: "事业单位在编人员",
      phone: "",
    },
  ]
}
