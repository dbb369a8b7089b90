/**
 * Grade quotas checked at decision time (002 三（二）: 优秀 ≤ 20% of all first secretaries, a separate quota;
 * 004 晋城 管理考核 五是: 优秀 at 30% of seconded cadres of the same kind, not the units' places).
 *
 * The group a quota counts among is the caller's: the API counts it in SQL, under a lock, in the same transaction
 * that writes the grade, so parallel grading can never pass the cap. The kernel does the arithmetic, says which
 * group it counted among (the quota's `countedAmong`), and shows the arithmetic when it refuses:
 * "…共10人，优秀不超过20%：10×20%=2（向下取整），已评优秀2人，第3人不能评为优秀（002 三（二））".
 *
 * A cap (不超过) allows floor(N × share); a floor (不少于) needs ceil(N × share) (Scheme.ts `Quota`). A cap refuses
 * the grade it limits once it is full; a floor refuses another grade when the floor could no longer be reached by
 * the people not yet graded.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { Grade, type Quota, quotaCount, type Ratio } from "../scheme/Scheme.js"
import { Citation, formatCitation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import { Text } from "../shared/Text.js"
import { gradeLabel, ordinalEn } from "./Labels.js"
import { fromRatio, isInteger, type Rational, rational, show, showShare, times } from "./Rational.js"

/**
 * The key of a quota group: one scheme in one region (the scheme's own region, its materialised path). Derived,
 * never typed in, so two districts can never share a group by choosing the same name (issue 13).
 *
 * @category getters
 * @since 0.1.0
 */
export const quotaGroupKey = (schemeId: string, regionPath: string): string => `${schemeId}@${regionPath}`

/**
 * The people a quota counts among, at the moment of the decision.
 *
 * @category models
 * @since 0.1.0
 */
export interface GroupCount {
  /** Everyone in the group (the quota's `countedAmong`), graded or not, the person being graded included. */
  readonly size: number
  /** How many already hold each grade in this cycle and period, not counting the decision being made. */
  readonly alreadyGraded: Partial<Readonly<Record<Grade, number>>>
  /** What people call the group ("大安区第一书记"); default: the quota's `countedAmong`. */
  readonly label?: Text
}

/**
 * A quota's arithmetic for one group.
 *
 * @category models
 * @since 0.1.0
 */
export interface QuotaArithmetic {
  readonly quotaId: string
  readonly grade: Grade
  readonly bound: "cap" | "floor"
  readonly countedAmong: Text
  readonly size: number
  readonly share: Ratio
  readonly rounding: "floor" | "ceil"
  /** size × share, exact. */
  readonly exact: Rational
  /** What the quota allows (cap) or requires (floor): `exact` rounded as the scheme says. */
  readonly limit: number
  readonly citation: Citation
  /** "第一书记共10人，优秀不超过20%：10×20%=2（向下取整）". */
  readonly text: Text
}

const shareText = (r: Ratio): string => showShare(fromRatio(r))

/**
 * The arithmetic of a quota over a group of `size`, in words.
 *
 * @category rules
 * @since 0.1.0
 */
export const quotaArithmetic = (
  quota: Quota,
  size: number,
  options?: { readonly label?: Text | undefined; readonly gradeLabel?: Text | undefined },
): QuotaArithmetic => {
  const exact = times(rational(size, 1), fromRatio(quota.share))
  const limit = quotaCount(quota, size)
  const g = options?.gradeLabel ?? gradeLabel(quota.grade)
  const group = options?.label ?? quota.countedAmong
  const share = shareText(quota.share)
  const cap = quota.bound === "cap"
  const roundZh = quota.rounding === "floor" ? "向下取整" : "向上取整"
  const roundEn = quota.rounding === "floor" ? "rounded down" : "rounded up"
  const eq = isInteger(exact)
    ? { zh: `${size}×${share}=${limit}（${roundZh}）`, en: `${size} × ${share} = ${limit} (${roundEn})` }
    : {
        zh: `${size}×${share}=${show(exact)}，${roundZh}为${limit}`,
        en: `${size} × ${share} = ${show(exact)}, ${roundEn} to ${limit}`,
      }
  return {
    quotaId: quota.id,
    grade: quota.grade,
    bound: quota.bound,
    countedAmong: quota.countedAmong,
    size,
    share: quota.share,
    rounding: quota.rounding,
    exact,
    limit,
    citation: quota.citation,
    text: {
      zh: `${group.zh}共${size}人，${g.zh}${cap ? "不超过" : "不少于"}${share}：${eq.zh}`,
      en: `${group.en}: ${size} in all; ${g.en} ${cap ? "at most" : "at least"} ${share}: ${eq.en}`,
    },
  }
}

/**
 * A grade the quota does not allow now, with the arithmetic.
 *
 * @category errors
 * @since 0.1.0
 */
export class QuotaRefused extends Schema.TaggedError<QuotaRefused>()("QuotaRefused", {
  quotaId: Schema.String,
  /** The grade asked for. */
  requested: Grade,
  requestedLabel: Text,
  /** The grade the quota limits. */
  grade: Grade,
  gradeLabel: Text,
  bound: Schema.Literal("cap", "floor"),
  /** The arithmetic in words (QuotaArithmetic.text). */
  arithmetic: Text,
  size: Schema.Int,
  limit: Schema.Int,
  /** Holding the limited grade before this decision. */
  used: Schema.Int,
  /** Not yet graded before this decision (floors only). */
  ungraded: Schema.Int,
  citation: Citation,
}) {
  get text(): Text {
    const c = formatCitation(this.citation)
    if (this.bound === "cap")
      return {
        zh: `${this.arithmetic.zh}，已评${this.gradeLabel.zh}${this.used}人，第${this.used + 1}人不能评为${this.gradeLabel.zh}（${c}）`,
        en: `${this.arithmetic.en}; ${this.used} already graded ${this.gradeLabel.en}, so a ${ordinalEn(this.used + 1)} cannot be graded ${this.gradeLabel.en} (${c})`,
      }
    const reach = this.used + this.ungraded - 1
    return {
      zh: `${this.arithmetic.zh}，已评${this.gradeLabel.zh}${this.used}人，尚未评定${this.ungraded}人；此人若评为${this.requestedLabel.zh}，${this.gradeLabel.zh}最多${reach}人，达不到${this.limit}人（${c}）`,
      en: `${this.arithmetic.en}; ${this.used} graded ${this.gradeLabel.en} and ${this.ungraded} not yet graded: grading this person ${this.requestedLabel.en} leaves at most ${reach}, short of ${this.limit} (${c})`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * The counts the caller gave cannot be right (more graded than the group holds, negative, fractional…).
 *
 * @category errors
 * @since 0.1.0
 */
export class GroupCountInvalid extends Schema.TaggedError<GroupCountInvalid>()("GroupCountInvalid", {
  quotaId: Schema.String,
  detail: Text,
}) {
  get text(): Text {
    return {
      zh: `名额“${this.quotaId}”的人数统计有误：${this.detail.zh}`,
      en: `the counts for quota ${this.quotaId} are inconsistent: ${this.detail.en}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * The decision passes every quota on the scheme.
 *
 * @category models
 * @since 0.1.0
 */
export interface GradeAllowed {
  readonly _tag: "GradeAllowed"
  readonly grade: Grade
  /** Each quota that was checked, with its arithmetic for the group it counts among. */
  readonly checked: ReadonlyArray<QuotaArithmetic>
  /** Set when the scheme has no quotas (the Unspecified note). */
  readonly note?: Text
}

/**
 * What {@link checkGrade} needs: the quotas, the grade to give, and the group each quota counts among.
 *
 * @category models
 * @since 0.1.0
 */
export interface CheckGradeInput {
  /** The scheme's `assessment.quotas`, or the quotas themselves. */
  readonly quotas: Param<ReadonlyArray<Quota>> | ReadonlyArray<Quota>
  readonly grade: Grade
  /** The group each quota counts among; one group for all, or per quota. */
  readonly group: GroupCount | ((quota: Quota) => GroupCount)
  /** The person's current grade when a decision is changed; it is counted in `alreadyGraded` and released. */
  readonly replacing?: Grade
  /** The scheme's grade labels (`assessment.grades`), for messages. */
  readonly labels?: (grade: Grade) => Text
}

const GRADES: ReadonlyArray<Grade> = ["excellent", "competent", "basically_competent", "incompetent"]

const validCount = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0

/**
 * Can `grade` be given now? Allowed with the arithmetic of every quota, or refused with it.
 *
 * @example
 * ```ts
 * import { Either } from "effect"
 * import { Assessment, Scheme } from "@cadre/domain"
 *
 * const preset = Scheme.presetByKey("daan-first-secretary") // 002: excellent for at most 20%
 * if (preset !== undefined) {
 *   const result = Assessment.checkGrade({
 *     quotas: Scheme.loadPreset(preset).assessment.quotas,
 *     grade: "excellent",
 *     group: { size: 10, alreadyGraded: { excellent: 2 } },
 *   })
 *   // Either.left(QuotaRefused): 10 × 20% = 2 (rounded down), 2 already graded excellent, so a 3rd cannot be
 *   if (Either.isLeft(result)) result.left.text // the arithmetic and the clause, in Chinese and English
 * }
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const checkGrade = (
  input: CheckGradeInput,
): Either.Either<GradeAllowed, QuotaRefused | GroupCountInvalid> => {
  const p = input.quotas
  if ("_tag" in p && p._tag === "Unspecified")
    return Either.right({ _tag: "GradeAllowed", grade: input.grade, checked: [], note: p.note })
  const qs: ReadonlyArray<Quota> = "_tag" in p ? p.value : p
  const label = input.labels ?? ((g: Grade) => gradeLabel(g))
  const checked: Array<QuotaArithmetic> = []
  for (const q of qs) {
    const group = typeof input.group === "function" ? input.group(q) : input.group
    const bad = (zh: string, en: string) =>
      Either.left(new GroupCountInvalid({ quotaId: q.id, detail: { zh, en } }))
    if (!validCount(group.size))
      return bad(`总人数 ${group.size} 不是非负整数`, `size ${group.size} is not a count`)
    const before: Record<Grade, number> = {
      excellent: 0,
      competent: 0,
      basically_competent: 0,
      incompetent: 0,
    }
    for (const g of GRADES) {
      const n = group.alreadyGraded[g] ?? 0
      if (!validCount(n))
        return bad(`${label(g).zh}人数 ${n} 不是非负整数`, `${label(g).en} count ${n} is not a count`)
      before[g] = n
    }
    if (input.replacing !== undefined) {
      if (before[input.replacing] < 1)
        return bad(
          `原等次${label(input.replacing).zh}未计入已评人数`,
          `the current grade ${label(input.replacing).en} is not among the counts`,
        )
      // The person's earlier grade is released before the new one is counted.
      before[input.replacing] -= 1
    }
    const gradedBefore = GRADES.reduce((s, g) => s + before[g], 0)
    if (gradedBefore + 1 > group.size)
      return bad(
        `共${group.size}人，已评${gradedBefore}人，再评1人超过总人数`,
        `${group.size} in the group and ${gradedBefore} graded: grading one more exceeds the group`,
      )
    const a = quotaArithmetic(q, group.size, { label: group.label, gradeLabel: label(q.grade) })
    checked.push(a)
    const used = before[q.grade]
    const refuse = () =>
      Either.left(
        new QuotaRefused({
          quotaId: q.id,
          requested: input.grade,
          requestedLabel: label(input.grade),
          grade: q.grade,
          gradeLabel: label(q.grade),
          bound: q.bound,
          arithmetic: a.text,
          size: group.size,
          limit: a.limit,
          used,
          ungraded: group.size - gradedBefore,
          citation: q.citation,
        }),
      )
    if (q.bound === "cap" && q.grade === input.grade && used + 1 > a.limit) return refuse()
    if (q.bound === "floor" && q.grade !== input.grade) {
      const ungradedAfter = group.size - gradedBefore - 1
      // Refuse only a decision that makes a reachable floor unreachable; one already out of reach is not its fault.
      if (used + ungradedAfter < a.limit && used + ungradedAfter + 1 >= a.limit) return refuse()
    }
  }
  return Either.right({ _tag: "GradeAllowed", grade: input.grade, checked })
}

/**
 * How much of a quota a group has used: a cap's places left, or a floor's shortfall.
 *
 * @category models
 * @since 0.1.0
 */
export interface QuotaUse {
  readonly arithmetic: QuotaArithmetic
  /** Holding the quota's grade. */
  readonly used: number
  /** Cap: limit − used (negative when over, e.g. after the group shrank). Floor: 0. */
  readonly remaining: number
  /** Floor: how many more are needed. Cap: 0. */
  readonly shortfall: number
  /** Cap: used ≤ limit. Floor: used ≥ limit. */
  readonly within: boolean
  readonly text: Text
}

/**
 * How much of a quota a group has used, with its arithmetic in words: places left under a cap, or the
 * shortfall under a floor.
 *
 * @category getters
 * @since 0.1.0
 */
export const quotaUse = (
  quota: Quota,
  group: { readonly size: number; readonly used: number; readonly label?: Text },
): QuotaUse => {
  const arithmetic = quotaArithmetic(quota, group.size, { label: group.label })
  const g = gradeLabel(quota.grade)
  const cap = quota.bound === "cap"
  const remaining = cap ? arithmetic.limit - group.used : 0
  const shortfall = cap ? 0 : Math.max(0, arithmetic.limit - group.used)
  const within = cap ? group.used <= arithmetic.limit : group.used >= arithmetic.limit
  return {
    arithmetic,
    used: group.used,
    remaining,
    shortfall,
    within,
    text: cap
      ? {
          zh: `${arithmetic.text.zh}；已评${g.zh}${group.used}人，${remaining >= 0 ? `尚余${remaining}个名额` : `超出${-remaining}人`}`,
          en: `${arithmetic.text.en}; ${group.used} graded ${g.en}, ${remaining >= 0 ? `${remaining} place(s) left` : `${-remaining} over`}`,
        }
      : {
          zh: `${arithmetic.text.zh}；已评${g.zh}${group.used}人，${shortfall === 0 ? "已达到" : `还差${shortfall}人`}`,
          en: `${arithmetic.text.en}; ${group.used} graded ${g.en}, ${shortfall === 0 ? "reached" : `${shortfall} short`}`,
        },
  }
}
