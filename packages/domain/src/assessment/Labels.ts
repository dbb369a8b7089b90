/**
 * Bilingual labels and wording shared by the assessment modules: grades, actors, comparators.
 *
 * @since 0.1.0
 */

import type { Actor, Assessment, Grade } from "../scheme/Scheme.js"
import type { Text } from "../shared/Text.js"
import type { Comparator } from "./Rational.js"

/**
 * The four grades of annual assessment (考核等次) as the national rules name them.
 *
 * @category constants
 * @since 0.1.0
 */
export const GRADE_LABELS: Readonly<Record<Grade, Text>> = {
  excellent: { zh: "优秀", en: "excellent" },
  competent: { zh: "称职", en: "competent" },
  basically_competent: { zh: "基本称职", en: "basically competent" },
  incompetent: { zh: "不称职", en: "incompetent" },
}

/**
 * The scheme's own label for a grade when it lists its grades (000 says 不合格), else the national name.
 *
 * @category utils
 * @since 0.1.0
 */
export const gradeLabel = (grade: Grade, assessment?: Pick<Assessment, "grades">): Text => {
  const g = assessment?.grades
  if (g?._tag === "Cited") {
    const own = g.value.find((x) => x.key === grade)
    if (own !== undefined) return own.label
  }
  return GRADE_LABELS[grade]
}

/**
 * Display labels of the scheme's actors (the bodies that decide), in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const ACTOR_LABELS: Readonly<Record<Actor, Text>> = {
  org_dept: { zh: "区委组织部", en: "the org dept" },
  org_dept_meeting: { zh: "部务会", en: "the org dept meeting" },
  standing_committee: { zh: "常委会", en: "the standing committee" },
  street: { zh: "街道（乡镇）党（工）委", en: "the street or township committee" },
  dispatching_unit: { zh: "派出单位", en: "the dispatching unit" },
  host_unit: { zh: "接收单位", en: "the host unit" },
  community_party_org: { zh: "社区党组织", en: "the community Party organisation" },
  joint_review: { zh: "联审部门", en: "the joint-review departments" },
  applicant: { zh: "本人", en: "the cadre" },
  residents: { zh: "群众代表和党员", en: "residents and Party members" },
}

/**
 * "高于" / "above" etc., read as POLICIES "How to read the numbers" says (高于 excludes, 以下 includes).
 *
 * @category constants
 * @since 0.1.0
 */
export const COMPARATOR_LABELS: Readonly<Record<Comparator, Text>> = {
  lt: { zh: "低于", en: "below" },
  le: { zh: "不高于", en: "at most" },
  gt: { zh: "高于", en: "above" },
  ge: { zh: "不低于", en: "at least" },
}

/**
 * The opposite wording, for a threshold that was not crossed.
 *
 * @category constants
 * @since 0.1.0
 */
export const NOT_COMPARATOR_LABELS: Readonly<Record<Comparator, Text>> = {
  lt: { zh: "不低于", en: "not below" },
  le: { zh: "高于", en: "above" },
  gt: { zh: "未高于", en: "not above" },
  ge: { zh: "低于", en: "below" },
}

/**
 * An English ordinal for a positive integer: 1 → "1st", 12 → "12th", 23 → "23rd".
 *
 * @category utils
 * @since 0.1.0
 */
export const ordinalEn = (n: number): string => {
  const mod100 = n % 100
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`
  switch (n % 10) {
    case 1:
      return `${n}st`
    case 2:
      return `${n}nd`
    case 3:
      return `${n}rd`
    default:
      return `${n}th`
  }
}
