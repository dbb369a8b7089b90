/**
 * A campaign's timetable (时间安排): each stage's deadline in the scheme turned into a date, given the year the
 * campaign starts and the dates the campaign sets itself (overrides). Pure; no clock.
 *
 * How a deadline reads (Scheme.ts `Deadline`), with the year `startYear + yearOffset`:
 * - ByDate "12月18日前" (000 二（一）) → 12-18: "前" is read as "by the end of that day"; a day past the month's end
 *   (2月30日) falls to the month's last day;
 * - InPeriod 上旬 / 中旬 / 下旬 (000 二（二） "12月下旬", "明年1月中旬") → the last day of the ten-day period: the 10th,
 *   the 20th, the month's last day; the period's first day (1st, 11th, 21st) is kept as `opens`;
 * - Between "7月1日—7月4日" (001 四（一）) → its last day, with the first as `opens`;
 * - After { stageId, within } → the other stage's date plus the duration, in days, or in calendar months / years
 *   with the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb);
 * - Unspecified (000 "部务会", every Anqiu stage in 004) → no date unless the campaign sets one.
 * A campaign date (override) always wins over the scheme's, and stages that follow it (After) move with it.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type { Actor, Deadline, Scheme } from "../scheme/Scheme.js"
import type { Citation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import {
  addDays,
  addMonths,
  addYears,
  compare,
  daysInMonth,
  fromParts,
  isValidIsoDate,
  type LocalDate,
} from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"

/**
 * One stage's date in the timetable, with its first day where the scheme gives a period.
 *
 * @category models
 * @since 0.1.0
 */
export interface ScheduleEntry {
  readonly stageId: string
  readonly label: Text
  readonly actor: Actor
  /** The stage's last day (inclusive); undefined when neither the scheme nor the campaign dates it. */
  readonly date: LocalDate | undefined
  /** The first day, when the scheme gives the stage as a period (Between, 上旬/中旬/下旬). */
  readonly opens: LocalDate | undefined
  /** True when the campaign set the date itself. */
  readonly overridden: boolean
  readonly deadline: Param<Deadline>
  /** The deadline's clause when the scheme dates the stage, else the stage's clause. */
  readonly citation: Citation
  /** Why there is no date (the scheme's "unspecified" note, or an unresolvable reference), or how it was read. */
  readonly note: Text | undefined
}

/**
 * A campaign's timetable: one entry per stage of the scheme, in the scheme's order.
 *
 * @category models
 * @since 0.1.0
 */
export interface Schedule {
  readonly schemeId: string
  readonly schemeVersion: number
  readonly startYear: number
  /** One per stage, in the scheme's order. */
  readonly entries: ReadonlyArray<ScheduleEntry>
}

/**
 * What the timetable is computed from besides the scheme: the start year and the campaign's own dates.
 *
 * @category models
 * @since 0.1.0
 */
export interface ScheduleOptions {
  /** The year the campaign starts: `yearOffset` 0 ("12月18日") is this year, 1 ("明年1月中旬") the next. */
  readonly startYear: number
  /** Dates the campaign sets, by stage id; they win over the scheme's deadlines. */
  readonly overrides?: Readonly<Record<string, LocalDate>>
}

/**
 * Why a timetable cannot be computed: an override names an unknown stage, or a year is out of range.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ScheduleProblem = Schema.Literal("unknown_stage", "year_out_of_range")
/**
 * The decoded value of the {@link ScheduleProblem} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type ScheduleProblem = typeof ScheduleProblem.Type

/**
 * The timetable cannot be built: an override names a stage the scheme does not have, or a date leaves 1900–2200.
 *
 * @category errors
 * @since 0.1.0
 */
export class ScheduleInvalid extends Schema.TaggedError<ScheduleInvalid>()("ScheduleInvalid", {
  reason: ScheduleProblem,
  stageId: Schema.optional(Schema.String),
  detail: Text,
}) {
  get text(): Text {
    return { zh: `无法生成时间安排：${this.detail.zh}`, en: `Cannot build the timetable: ${this.detail.en}` }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

const PERIOD_END = { early: 10, mid: 20 } as const
const PERIOD_START = { early: 1, mid: 11, late: 21 } as const

/** A month and day in `year`, the day clamped to the month's end. */
const clamped = (year: number, month: number, day: number): LocalDate =>
  fromParts(year, month, Math.min(day, daysInMonth(year, month)))

interface Resolved {
  readonly date: LocalDate | undefined
  readonly opens: LocalDate | undefined
  readonly note: Text | undefined
  /** On a cycle of After references (scheme decoding does not rule them out). */
  readonly cyclic?: true
}

const NONE = (note: Text | undefined): Resolved => ({ date: undefined, opens: undefined, note })
const CYCLE: Resolved = {
  ...NONE({
    zh: "环节的时限相互引用（“在某环节之后”形成循环），无法确定日期",
    en: "stage deadlines refer to each other in a cycle (After … After …); no date can be fixed",
  }),
  cyclic: true,
}

/**
 * Build the campaign's timetable from a scheme version (see the module comment for how deadlines read).
 *
 * @category constructors
 * @since 0.1.0
 */
export const scheduleOf = (
  scheme: Pick<Scheme, "id" | "version" | "stages">,
  options: ScheduleOptions,
): Either.Either<Schedule, ScheduleInvalid> => {
  const { startYear } = options
  const overrides = options.overrides ?? {}
  const stages = new Map(scheme.stages.map((s) => [s.id, s]))
  for (const id of Object.keys(overrides))
    if (!stages.has(id))
      return Either.left(
        new ScheduleInvalid({
          reason: "unknown_stage",
          stageId: id,
          detail: {
            zh: `方案中没有环节“${id}”，不能为其设定日期`,
            en: `the scheme has no stage "${id}" to set a date for`,
          },
        }),
      )
  if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 2200)
    return Either.left(
      new ScheduleInvalid({
        reason: "year_out_of_range",
        detail: {
          zh: `起始年份 ${startYear} 应为1900至2200之间的整数`,
          en: `the start year ${startYear} must be a whole year from 1900 to 2200`,
        },
      }),
    )

  const memo = new Map<string, Resolved>()
  const visiting = new Set<string>()
  let outOfRange: string | undefined

  const inRange = (year: number, stageId: string): boolean => {
    if (year >= 1900 && year <= 2200) return true
    outOfRange ??= stageId
    return false
  }

  const resolve = (id: string): Resolved => {
    const hit = memo.get(id)
    if (hit !== undefined) return hit
    const stage = stages.get(id)
    if (stage === undefined) return NONE(undefined) // Scheme decoding rejects an After naming an unknown stage.
    const override = overrides[id]
    if (override !== undefined) {
      const r = { date: override, opens: undefined, note: undefined }
      memo.set(id, r)
      return r
    }
    if (visiting.has(id)) return CYCLE
    visiting.add(id)
    const r = fromDeadline(id, stage.deadline)
    visiting.delete(id)
    memo.set(id, r)
    return r
  }

  const fromDeadline = (id: string, p: Param<Deadline>): Resolved => {
    if (p._tag === "Unspecified") return NONE(p.note)
    const d = p.value
    switch (d._tag) {
      case "ByDate": {
        const y = startYear + d.yearOffset
        if (!inRange(y, id)) return NONE(undefined)
        const date = clamped(y, d.month, d.day)
        const note =
          d.day > daysInMonth(y, d.month)
            ? {
                zh: `${y}年${d.month}月没有${d.day}日，按该月最后一天计`,
                en: `${y}-${String(d.month).padStart(2, "0")} has no day ${d.day}; the month's last day is used`,
              }
            : undefined
        return { date, opens: undefined, note }
      }
      case "InPeriod": {
        const y = startYear + d.yearOffset
        if (!inRange(y, id)) return NONE(undefined)
        const end = d.part === "late" ? daysInMonth(y, d.month) : PERIOD_END[d.part]
        return {
          date: fromParts(y, d.month, end),
          opens: fromParts(y, d.month, PERIOD_START[d.part]),
          note: undefined,
        }
      }
      case "Between": {
        const y = startYear + d.yearOffset
        if (!inRange(y, id)) return NONE(undefined)
        return {
          date: clamped(y, d.to.month, d.to.day),
          opens: clamped(y, d.from.month, d.from.day),
          note: undefined,
        }
      }
      case "After": {
        const base = resolve(d.stageId)
        if (base.cyclic === true) return CYCLE
        if (base.date === undefined)
          return NONE({
            zh: `须在环节“${d.stageId}”之后计算，但该环节尚无日期`,
            en: `counted from stage "${d.stageId}", which has no date yet`,
          })
        const n = d.within.amount
        const date =
          d.within.unit === "day"
            ? addDays(base.date, n)
            : d.within.unit === "month"
              ? addMonths(base.date, n)
              : addYears(base.date, n)
        if (!isValidIsoDate(date)) {
          outOfRange ??= id
          return NONE(undefined)
        }
        return { date, opens: undefined, note: undefined }
      }
    }
  }

  const entries = scheme.stages.map((s): ScheduleEntry => {
    const r = resolve(s.id)
    return {
      stageId: s.id,
      label: s.label,
      actor: s.actor,
      date: r.date,
      opens: r.opens,
      overridden: overrides[s.id] !== undefined,
      deadline: s.deadline,
      citation: s.deadline._tag === "Cited" ? s.deadline.citation : s.citation,
      note: r.note,
    }
  })
  if (outOfRange !== undefined)
    return Either.left(
      new ScheduleInvalid({
        reason: "year_out_of_range",
        stageId: outOfRange,
        detail: {
          zh: `环节“${outOfRange}”的日期超出1900至2200年`,
          en: `the date of stage "${outOfRange}" falls outside 1900–2200`,
        },
      }),
    )
  return Either.right({ schemeId: scheme.id, schemeVersion: scheme.version, startYear, entries })
}

/**
 * The entry of a stage, if the schedule has it.
 *
 * @category getters
 * @since 0.1.0
 */
export const entryOf = (schedule: Schedule, stageId: string): ScheduleEntry | undefined =>
  schedule.entries.find((e) => e.stageId === stageId)

/**
 * Whether a stage is past its date on `on`: the date is the last day ("12月18日前" = by the end of 18 Dec), so a
 * stage is overdue from the day after. A stage with no date (or not in the schedule) is never overdue.
 *
 * @category rules
 * @since 0.1.0
 */
export const overdue = (schedule: Schedule, stageId: string, on: LocalDate): boolean => {
  const d = entryOf(schedule, stageId)?.date
  return d !== undefined && compare(on, d) > 0
}
