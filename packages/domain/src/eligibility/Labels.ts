/**
 * Bilingual labels of the profile's categories (rank, education, employment) used in rule messages.
 *
 * @since 0.1.0
 */

import type { EducationLevel, EmploymentCategory, RankLevel } from "../person/Profile.js"
import type { Text } from "../shared/Text.js"

/**
 * Display names of the profile's enumerations, for explanations (zh-CN first).
 *
 * @category constants
 * @since 0.1.0
 */
export const RANK_LABELS: Readonly<Record<RankLevel, Text>> = {
  staff: { zh: "办事员", en: "staff" },
  clerk: { zh: "科员", en: "clerk" },
  deputy_section: { zh: "副科级", en: "deputy section level" },
  section: { zh: "正科级", en: "section level" },
  deputy_division: { zh: "副处级", en: "deputy division level" },
  division: { zh: "正处级", en: "division level" },
}

/**
 * Display labels of each education level, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const EDUCATION_LABELS: Readonly<Record<EducationLevel, Text>> = {
  primary: { zh: "小学", en: "primary school" },
  junior_secondary: { zh: "初中", en: "junior secondary" },
  senior_secondary: { zh: "高中", en: "senior secondary" },
  technical_secondary: { zh: "中专", en: "technical secondary" },
  junior_college: { zh: "大学专科", en: "junior college" },
  bachelor: { zh: "大学本科", en: "bachelor's degree" },
  master: { zh: "硕士研究生", en: "master's degree" },
  doctorate: { zh: "博士研究生", en: "doctorate" },
}

/**
 * Display labels of each employment category, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const EMPLOYMENT_LABELS: Readonly<Record<EmploymentCategory, Text>> = {
  civil_servant: { zh: "公务员", en: "civil servant" },
  civil_servant_managed: { zh: "参照公务员法管理人员", en: "managed as civil servant (参公)" },
  public_institution_established: { zh: "事业单位在编人员", en: "public institution, on establishment" },
  public_institution_contract: { zh: "事业单位编外人员", en: "public institution, off establishment" },
  soe: { zh: "国有企业人员", en: "state-owned enterprise staff" },
  community_worker: { zh: "社区工作者", en: "community worker" },
  other: { zh: "其他", en: "other" },
}

/**
 * Joins labels: "公务员、参公" / "civil servant, …".
 *
 * @category utils
 * @since 0.1.0
 */
export const joinLabels = (labels: ReadonlyArray<Text>): Text => ({
  zh: labels.map((l) => l.zh).join("、"),
  en: labels.map((l) => l.en).join(", "),
})
