/**
 * What a placement reads from its scheme: the probation, the relations rule, the full-time clauses, the body
 * whose assessment ends probation, and the term end.
 *
 * @since 0.1.0
 */

import { Either } from "effect"
import type { Actor, Duration, Probation, Provision, Relations, Scheme } from "../../scheme/Scheme.js"
import type { Param } from "../../shared/Cited.js"
import { compare, type LocalDate } from "../../shared/LocalDate.js"
import type { Text } from "../../shared/Text.js"
import { addDuration } from "../Dates.js"
import type { PlacementIllegalReason } from "./Moves.js"

/**
 * The scheme's probation, if it sets one (000 三（一）).
 *
 * @category getters
 * @since 0.1.0
 */
export const probationOf = (scheme: Scheme): Probation | undefined =>
  scheme.term.probation._tag === "Cited" ? scheme.term.probation.value : undefined

/**
 * The scheme's relations rule (absent or unspecified: nothing stated).
 *
 * @category getters
 * @since 0.1.0
 */
export const relationsOf = (scheme: Scheme): Relations =>
  scheme.relations?._tag === "Cited" ? scheme.relations.value : {}

/**
 * The full-time clauses the placement is held to (000 三（三）, 002 三（一）): recorded, not computed.
 *
 * @category getters
 * @since 0.1.0
 */
export const fullTimeRules = (scheme: Scheme): ReadonlyArray<Provision> =>
  scheme.provisions.filter((p) => p.topic === "full_time")

/**
 * The body whose assessment ends probation: the decider of the scheme's `probation_review` cycle (000: street).
 *
 * @category getters
 * @since 0.1.0
 */
export const probationAssessor = (scheme: Scheme): Actor | undefined =>
  scheme.assessment.cycles.find((c) => c.id === "probation_review")?.decidedBy

const t = (zh: string, en: string): Text => ({ zh, en })

/**
 * The term end for a term starting on `start`: the scheme's length, or `stated` (the appointment's own date)
 * where the scheme is silent or its length is qualified. Left: the reason and explanation.
 *
 * @category getters
 * @since 0.1.0
 */
export const termEndFor = (
  length: Param<Duration>,
  start: LocalDate,
  stated: LocalDate | undefined,
): Either.Either<LocalDate, { readonly reason: PlacementIllegalReason; readonly detail: Text }> => {
  if (length._tag === "Unspecified") {
    if (stated === undefined)
      return Either.left({
        reason: "term_end_required",
        detail: t(
          `方案未规定任期（${length.note.zh}），任职决定须写明期满日期`,
          `the scheme sets no term length (${length.note.en}); the appointment must state the end date`,
        ),
      })
    return compare(stated, start) > 0
      ? Either.right(stated)
      : Either.left({
          reason: "before_start",
          detail: t(
            `期满日期 ${stated} 须晚于到岗日 ${start}`,
            `the end ${stated} must be after the start ${start}`,
          ),
        })
  }
  const computed = addDuration(start, length.value)
  if (stated === undefined || stated === computed) return Either.right(computed)
  const unit = { day: ["天", "day(s)"], month: ["个月", "month(s)"], year: ["年", "year(s)"] }[
    length.value.unit
  ]
  if (length.qualifier === undefined)
    return Either.left({
      reason: "term_end_fixed",
      detail: t(
        `方案规定任期为${length.value.amount}${unit[0]}（${length.citation.document} ${length.citation.clause}），期满日为 ${computed}，不能另定为 ${stated}`,
        `the scheme fixes the term at ${length.value.amount} ${unit[1]} (${length.citation.document} ${length.citation.clause}), ending ${computed}, not ${stated}`,
      ),
    })
  return compare(stated, start) > 0
    ? Either.right(stated)
    : Either.left({
        reason: "before_start",
        detail: t(
          `期满日期 ${stated} 须晚于到岗日 ${start}`,
          `the end ${stated} must be after the start ${start}`,
        ),
      })
}
