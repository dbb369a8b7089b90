/**
 * Training records and the scheme's yearly (or quarterly) minimums: 001 五1 "每年至少组织社区后备干部进行一次集中
 * 培训" (at least one centralised training a year); 003 二 "每年开展1次“头雁领航”集中培训……每季度开展1次“精治社工”专题
 * 培训". Periods are calendar years or quarters. Every period that overlaps the time covered is checked; one not
 * wholly covered (the cadre started or left within it) is marked `partial` — the clauses do not prorate, so it
 * still needs the full count, and the flag lets a reviewer see why. A period counts as a shortfall only once it has
 * ended (its last day is before `on`).
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { PersonId } from "../person/Profile.js"
import type { TrainingMinimum } from "../scheme/Scheme.js"
import type { Param } from "../shared/Cited.js"
import { compare, LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import { calendarPeriods, type Period } from "./Dates.js"

const NonEmpty = Schema.NonEmptyTrimmedString

/**
 * The kind of a training attended: centralised, topical, pre-post, or other.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TrainingRecordKind = Schema.Literal("centralised", "topical", "pre_post", "other")

/**
 * A training a cadre attended: its date, kind, title and organiser.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TrainingRecord = Schema.Struct({
  id: NonEmpty,
  personId: PersonId,
  date: LocalDate,
  kind: TrainingRecordKind,
  title: NonEmpty,
  organiser: Schema.optional(Schema.String),
}).annotations({ identifier: "TrainingRecord", title: "培训记录 / training record" })
/**
 * The decoded value of the {@link TrainingRecord} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type TrainingRecord = typeof TrainingRecord.Type

/**
 * One training minimum of the scheme checked over a period: the trainings counted against the number
 * required.
 *
 * @category models
 * @since 0.1.0
 */
export interface TrainingCheck {
  readonly minimumId: string
  readonly label: Text
  readonly period: Period
  readonly required: number
  readonly count: number
  readonly met: boolean
  /** The time covered does not span the whole period. */
  readonly partial: boolean
  /** The period has ended by `on`. */
  readonly closed: boolean
}

const MONTHS = { year: 12, quarter: 3 } as const

/**
 * Each minimum, each calendar period overlapping [from, to] that has begun by `on`, with the count.
 *
 * @category rules
 * @since 0.1.0
 */
export const checkTraining = (
  records: ReadonlyArray<TrainingRecord>,
  minimums: Param<ReadonlyArray<TrainingMinimum>> | undefined,
  covered: Period,
  on: LocalDate,
): ReadonlyArray<TrainingCheck> => {
  if (minimums === undefined || minimums._tag === "Unspecified") return []
  return minimums.value.flatMap((m: TrainingMinimum) =>
    calendarPeriods(covered.from, covered.to, MONTHS[m.per])
      .filter((p) => compare(p.from, on) <= 0)
      .map((period) => {
        const count = records.filter(
          (r) =>
            (m.kind === "any" || r.kind === m.kind) &&
            compare(r.date, period.from) >= 0 &&
            compare(r.date, period.to) <= 0,
        ).length
        return {
          minimumId: m.id,
          label: m.label,
          period,
          required: m.atLeast,
          count,
          met: count >= m.atLeast,
          partial: compare(covered.from, period.from) > 0 || compare(covered.to, period.to) < 0,
          closed: compare(period.to, on) < 0,
        }
      }),
  )
}

/**
 * Closed periods that fell short.
 *
 * @category rules
 * @since 0.1.0
 */
export const trainingShortfalls = (checks: ReadonlyArray<TrainingCheck>): ReadonlyArray<TrainingCheck> =>
  checks.filter((c) => c.closed && !c.met)
