/**
 * The reference date (计算基准日) screening measures ages and Party standing on is the scheme's rule (issue 13, "dates
 * bite": the same person was eligible or not depending on what a campaign typed). A scheme that fixes it — a date,
 * or the deadline of one of its stages in the campaign's timetable — leaves the campaign nothing to choose: a
 * campaign may repeat that date or leave it out, never state another. A scheme that leaves it open (Unspecified,
 * or SetByCampaign) takes the campaign's date, which must then be given.
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { Scheme } from "../scheme/Scheme.js"
import type { Citation } from "../shared/Citation.js"
import type { LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import type { StageDeadline } from "./transition/Deadlines.js"

/**
 * Why a campaign's reference date cannot stand: it contradicts the scheme's rule, or none is given where the scheme
 * leaves it to the campaign, or the scheme names a stage the timetable gives no date.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReferenceDateProblem {
  readonly reason: "contradicts_scheme" | "missing" | "stage_undated"
  /** The date the scheme's rule gives, when it gives one. */
  readonly expected: LocalDate | undefined
  readonly given: LocalDate | undefined
  readonly clause: string | undefined
  readonly message: Text
}

const clauseOf = (c: Citation | undefined): string | undefined =>
  c === undefined ? undefined : `${c.document} ${c.clause}`.trim() || undefined

const per = (clause: string | undefined): Text =>
  clause === undefined ? { zh: "", en: "" } : { zh: `（依据：${clause}）`, en: ` (per ${clause})` }

/**
 * The date the scheme's rule gives, with its clause; undefined when the scheme leaves the date to the campaign.
 * Left when the rule names a stage the timetable leaves undated.
 *
 * @category rules
 * @since 0.1.0
 */
export const schemeReferenceDate = (
  scheme: Pick<Scheme, "eligibility">,
  deadlines: ReadonlyArray<StageDeadline>,
): Either.Either<
  { readonly date: LocalDate; readonly clause: string | undefined } | undefined,
  ReferenceDateProblem
> => {
  const p = scheme.eligibility.referenceDate
  if (p._tag === "Unspecified") return Either.right(undefined)
  const clause = clauseOf(p.citation)
  const rule = p.value
  switch (rule._tag) {
    case "SetByCampaign":
      return Either.right(undefined)
    case "FixedDate":
      return Either.right({ date: rule.date, clause })
    case "StageDeadline": {
      const date = deadlines.find((d) => d.stageId === rule.stageId)?.date
      if (date !== undefined) return Either.right({ date, clause })
      const w = per(clause)
      return Either.left({
        reason: "stage_undated",
        expected: undefined,
        given: undefined,
        clause,
        message: {
          zh: `方案规定以环节“${rule.stageId}”的截止日期为计算基准日${w.zh}，但本批次的时间安排未确定该环节的日期`,
          en: `the scheme measures on the deadline of stage "${rule.stageId}"${w.en}, which this campaign's timetable leaves undated`,
        },
      })
    }
  }
}

/**
 * The campaign's reference date under its scheme: the scheme's when it fixes one (the campaign's, if given, must
 * be the same), else the campaign's (which must then be given).
 *
 * @category rules
 * @since 0.1.0
 */
export const referenceDateFor = (
  scheme: Pick<Scheme, "eligibility">,
  deadlines: ReadonlyArray<StageDeadline>,
  given: LocalDate | undefined,
): Either.Either<LocalDate, ReferenceDateProblem> =>
  Either.flatMap(
    schemeReferenceDate(scheme, deadlines),
    (rule): Either.Either<LocalDate, ReferenceDateProblem> => {
      if (rule === undefined)
        return given !== undefined
          ? Either.right(given)
          : Either.left({
              reason: "missing",
              expected: undefined,
              given,
              clause: undefined,
              message: {
                zh: "方案未规定计算基准日，须由本批次设定",
                en: "the scheme leaves the reference date to the campaign, which must set it",
              },
            })
      if (given === undefined || given === rule.date) return Either.right(rule.date)
      const w = per(rule.clause)
      return Either.left({
        reason: "contradicts_scheme",
        expected: rule.date,
        given,
        clause: rule.clause,
        message: {
          zh: `计算基准日由方案规定为 ${rule.date}${w.zh}，本批次不能设为 ${given}`,
          en: `the scheme sets the reference date to ${rule.date}${w.en}; the campaign cannot set ${given}`,
        },
      })
    },
  )

/**
 * The date to screen on: the scheme's rule when it gives one (whatever a campaign stored), else the campaign's.
 *
 * @category rules
 * @since 0.1.0
 */
export const screeningDate = (
  scheme: Pick<Scheme, "eligibility">,
  deadlines: ReadonlyArray<StageDeadline>,
  stored: LocalDate,
): LocalDate => {
  const r = schemeReferenceDate(scheme, deadlines)
  return Either.isRight(r) && r.right !== undefined ? r.right.date : stored
}
