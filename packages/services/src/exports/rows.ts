import type { ExportRow } from "@cadre/db"
import { Eligibility, LocalDate, Person, Selection } from "@cadre/domain"
import type { ArrangementRow, RosterRow } from "@cadre/exports"

/**
 * The rows of the 花名册 and 安排表 from the plain fields the batched read returns (exportQueries.batch): the
 * labels the sheets print (性别, 政治面貌, 学历, 职级, 报名渠道, 资格比对结论, 当前环节), the age at the
 * campaign's reference date. The phone arrives masked.
 */

const SEX: Readonly<Record<string, string>> = { male: "男", female: "女" }
const CHANNEL: Readonly<Record<string, string>> = {
  self_registration: "个人报名",
  unit_recommendation: "单位推荐",
  organisation_recommendation: "组织推荐",
}
const OUTCOME: Readonly<Record<string, string>> = {
  eligible: "符合条件",
  ineligible: "不符合条件",
  needs_review: "待人工审核",
}

const labelOf = <K extends string>(
  labels: Readonly<Record<K, { readonly zh: string }>>,
  key: string | null,
) =>
  key === null
    ? ""
    : ((labels as Readonly<Record<string, { readonly zh: string } | undefined>>)[key]?.zh ?? "")

const educationText = (r: ExportRow): string => {
  const e = [...r.education].sort(
    (a, b) =>
      Person.educationRank(b.level as Person.EducationLevel) -
      Person.educationRank(a.level as Person.EducationLevel),
  )[0]
  return e === undefined
    ? ""
    : `${labelOf(Eligibility.EDUCATION_LABELS, e.level)}${e.fullTime ? "" : "（在职）"}`
}

const party = (r: ExportRow): { status: string; joined?: string } =>
  r.partyTag === null || r.partyTag === "NotMember"
    ? { status: "群众" }
    : r.partyTag === "Probationary"
      ? { status: "中共预备党员", ...(r.partyJoined === null ? {} : { joined: r.partyJoined }) }
      : { status: "中共党员", ...(r.partyJoined === null ? {} : { joined: r.partyJoined }) }

const unitAndPost = (r: ExportRow): string => `${r.currentUnit ?? ""}${r.currentPosition ?? ""}`

/** A roster (花名册) row; the age in full years at the campaign's reference date. */
export const rosterRowOf = (r: ExportRow, referenceDate: string): RosterRow => {
  const p = party(r)
  const birth = r.birthDate ?? ""
  return {
    name: r.name,
    sex: SEX[r.sex ?? ""] ?? "",
    birthDate: birth,
    age: LocalDate.fullYearsBetween(birth as LocalDate.LocalDate, referenceDate as LocalDate.LocalDate),
    ethnicity: r.ethnicity ?? "",
    politicalStatus: p.status,
    ...(p.joined === undefined ? {} : { partyJoinDate: p.joined }),
    education: educationText(r),
    workUnitAndPost: unitAndPost(r),
    rank: labelOf(Eligibility.RANK_LABELS, r.rankLevel),
    channel: CHANNEL[r.channel ?? ""] ?? "",
    ...(r.recommendingBody === null ? {} : { recommendingUnit: r.recommendingBody }),
    eligibility: r.verdictOutcome === null ? "" : (OUTCOME[r.verdictOutcome] ?? ""),
    stage: labelOf(Selection.STATE_LABELS, r.state),
    ...(r.postId === null ? {} : { intendedPost: r.postTitle ?? r.postId }),
    phone: r.phoneMasked ?? "",
  }
}

/** An arrangement (安排表) row; `today` stands for the report date of one appointed and not yet reported in. */
export const arrangementRowOf = (r: ExportRow, today: string): ArrangementRow => ({
  name: r.name,
  dispatchingUnitAndPost: unitAndPost(r),
  street: r.postParentName ?? "",
  community: r.postRegionName ?? "",
  post: r.postTitle ?? "",
  reportDate: r.reportedInOn ?? r.appointedOn ?? today,
  ...(r.reportedInOn === null ? { remarks: "尚未报到" } : {}),
})

/** The states whose applications the 安排表 lists. */
export const ARRANGEMENT_STATES = ["appointed", "reported_in"] as const
