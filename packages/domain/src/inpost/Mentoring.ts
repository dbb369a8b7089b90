/**
 * Mentoring pairs (结对帮带), checked against the scheme's mentor capacity: 003 三 推行结对帮带 "每年帮带3—4名潜力
 * 或守摊书记" — a mentor takes 3 to 4 mentees a year. Capacity counts the distinct mentees a mentor has in a
 * calendar year (any pairing overlapping the year), because the clause counts per year (每年). A new pairing is
 * checked in the year it starts; at the maximum it is refused with the arithmetic. Below the minimum is a
 * shortfall to show, not a refusal. A scheme that states no capacity (000, 001, 002 mention pairing without a
 * number) refuses nothing.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import { PersonId } from "../person/Profile.js"
import type { MentorCapacity, MentorRole } from "../scheme/Scheme.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { Param } from "../shared/Cited.js"
import { compare, fromParts, LocalDate, parts } from "../shared/LocalDate.js"
import { Text } from "../shared/Text.js"

const NonEmpty = Schema.NonEmptyTrimmedString

/**
 * A mentor paired with a mentee (传帮带) for a period.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Pairing = Schema.Struct({
  id: NonEmpty,
  mentorId: PersonId,
  menteeId: PersonId,
  from: LocalDate,
  /** Last day of the pairing (inclusive); absent while it runs. */
  to: Schema.optional(LocalDate),
  /** The kind of mentor this is for the mentee (a `mentorsPerCadre` key: 004 江东 四 deputy head, petition officer). */
  role: Schema.optional(NonEmpty),
}).annotations({ identifier: "Pairing", title: "结对帮带 / mentoring pair" })
/**
 * The decoded value of the {@link Pairing} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Pairing = typeof Pairing.Type

/**
 * Why a pairing is refused (self, duplicate, mentor at capacity, …).
 *
 * @category schemas
 * @since 0.1.0
 */
export const MentoringReason = Schema.Literal(
  "self",
  "duplicate",
  "over_capacity",
  "bad_dates",
  "unknown_pairing",
)
/**
 * The decoded value of the {@link MentoringReason} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type MentoringReason = typeof MentoringReason.Type

/**
 * A pairing refused, with its reason and a bilingual explanation.
 *
 * @category errors
 * @since 0.1.0
 */
export class MentoringRefused extends Schema.TaggedError<MentoringRefused>()("MentoringRefused", {
  reason: MentoringReason,
  detail: Text,
}) {
  get text(): Text {
    return { zh: `不能结对：${this.detail.zh}`, en: `Cannot pair: ${this.detail.en}` }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

const t = (zh: string, en: string): Text => ({ zh, en })

const overlapsYear = (p: Pairing, year: number): boolean =>
  compare(p.from, fromParts(year, 12, 31)) <= 0 &&
  (p.to === undefined || compare(p.to, fromParts(year, 1, 1)) >= 0)

const overlaps = (a: Pairing, from: LocalDate): boolean => a.to === undefined || compare(a.to, from) >= 0

/**
 * The distinct mentees `mentorId` has in calendar `year`.
 *
 * @category getters
 * @since 0.1.0
 */
export const menteesInYear = (
  pairings: ReadonlyArray<Pairing>,
  mentorId: PersonId,
  year: number,
): ReadonlyArray<PersonId> => [
  ...new Set(pairings.filter((p) => p.mentorId === mentorId && overlapsYear(p, year)).map((p) => p.menteeId)),
]

/**
 * How many mentees a mentor has in a year, against the scheme's capacity.
 *
 * @category models
 * @since 0.1.0
 */
export interface MentorLoad {
  readonly mentorId: PersonId
  readonly year: number
  readonly mentees: number
  readonly capacity?: MentorCapacity
  /** below_min: fewer than the scheme asks; full: at the maximum; no_capacity: the scheme states none. */
  readonly status: "below_min" | "within" | "full" | "no_capacity"
}

/**
 * A mentor's load in a year, from the pairings on record.
 *
 * @category getters
 * @since 0.1.0
 */
export const mentorLoad = (
  pairings: ReadonlyArray<Pairing>,
  mentorId: PersonId,
  year: number,
  capacity: Param<MentorCapacity> | undefined,
): MentorLoad => {
  const mentees = menteesInYear(pairings, mentorId, year).length
  if (capacity === undefined || capacity._tag === "Unspecified")
    return { mentorId, year, mentees, status: "no_capacity" }
  const c = capacity.value
  const status = mentees >= c.max ? "full" : c.min !== undefined && mentees < c.min ? "below_min" : "within"
  return { mentorId, year, mentees, capacity: c, status }
}

/**
 * Add a pairing, refused for a self-pairing, a running duplicate, or a mentor at capacity in the starting year.
 *
 * @category rules
 * @since 0.1.0
 */
export const pair = (
  pairings: ReadonlyArray<Pairing>,
  input: Pairing,
  capacity: Param<MentorCapacity> | undefined,
): Either.Either<ReadonlyArray<Pairing>, MentoringRefused> => {
  const fail = (reason: MentoringReason, detail: Text) =>
    Either.left(new MentoringRefused({ reason, detail }))
  if (input.mentorId === input.menteeId)
    return fail("self", t("不能与本人结对", "a mentor cannot mentor themself"))
  if (input.to !== undefined && compare(input.to, input.from) < 0)
    return fail(
      "bad_dates",
      t(`结束日期 ${input.to} 早于开始日期 ${input.from}`, `${input.to} is before ${input.from}`),
    )
  if (pairings.some((p) => p.id === input.id))
    return fail("duplicate", t(`编号 ${input.id} 已存在`, `id ${input.id} exists`))
  if (
    pairings.some(
      (p) => p.mentorId === input.mentorId && p.menteeId === input.menteeId && overlaps(p, input.from),
    )
  )
    return fail("duplicate", t("两人已在结对中", "the two are already paired"))
  const year = parts(input.from)[0]
  const current = menteesInYear(pairings, input.mentorId, year)
  if (
    capacity?._tag === "Cited" &&
    !current.includes(input.menteeId) &&
    current.length >= capacity.value.max
  ) {
    const c = capacity.value
    const range = c.min === undefined ? `${c.max}` : `${c.min}—${c.max}`
    const clause = `${capacity.citation.document} ${capacity.citation.clause}`
    return fail(
      "over_capacity",
      t(
        `导师 ${year} 年已帮带 ${current.length} 人，方案规定每年帮带 ${range} 人（${clause}），再增 1 人为 ${current.length + 1} 人，超过上限 ${c.max}`,
        `the mentor already has ${current.length} mentee(s) in ${year}; the scheme allows ${range} a year (${clause}); one more makes ${current.length + 1}, above ${c.max}`,
      ),
    )
  }
  return Either.right([...pairings, input])
}

/**
 * End a running pairing on `on` (its last day).
 *
 * @category rules
 * @since 0.1.0
 */
export const endPairing = (
  pairings: ReadonlyArray<Pairing>,
  id: string,
  on: LocalDate,
): Either.Either<ReadonlyArray<Pairing>, MentoringRefused> => {
  const p = pairings.find((x) => x.id === id)
  if (p === undefined || p.to !== undefined)
    return Either.left(
      new MentoringRefused({
        reason: "unknown_pairing",
        detail: t(`没有进行中的结对 ${id}`, `no running pairing ${id}`),
      }),
    )
  if (compare(on, p.from) < 0)
    return Either.left(
      new MentoringRefused({
        reason: "bad_dates",
        detail: t(`结束日期 ${on} 早于开始日期 ${p.from}`, `${on} is before ${p.from}`),
      }),
    )
  return Either.right(pairings.map((x) => (x.id === id ? { ...x, to: on } : x)))
}

/**
 * A mentee's mentors against the scheme's `mentorsPerCadre` on a date: for each kind, how many it asks and how many
 * running pairings of that kind the mentee has. `complete` when every kind is met; a kind short is listed.
 *
 * @category models
 * @since 0.1.0
 */
export interface MentorTeam {
  readonly complete: boolean
  readonly roles: ReadonlyArray<{
    readonly key: string
    readonly label: Text
    readonly needed: number
    readonly have: number
  }>
  readonly citation: Citation
  readonly message: Text
}

/**
 * Does the mentee have the mentors (培养责任人) the scheme gives each cadre, on `on`? 004 江东 四 "为每个挂职干部确定1名
 * 信访局副局长和1名精通业务工作的信访干部": one pairing of each kind running that day. Undefined when the scheme states
 * no such rule (absent or unspecified).
 *
 * @category rules
 * @since 0.1.0
 */
export const mentorTeam = (
  rule: Param<ReadonlyArray<MentorRole>> | undefined,
  pairings: ReadonlyArray<Pairing>,
  menteeId: string,
  on: LocalDate,
): MentorTeam | undefined => {
  if (rule === undefined || rule._tag === "Unspecified") return undefined
  const running = pairings.filter(
    (p) =>
      p.menteeId === menteeId && compare(p.from, on) <= 0 && (p.to === undefined || compare(on, p.to) <= 0),
  )
  const roles = rule.value.map((r) => ({
    key: r.key,
    label: r.label,
    needed: r.count,
    have: new Set(running.filter((p) => p.role === r.key).map((p) => p.mentorId)).size,
  }))
  const short = roles.filter((r) => r.have < r.needed)
  const cite = formatCitation(rule.citation)
  return {
    complete: short.length === 0,
    roles,
    citation: rule.citation,
    message:
      short.length === 0
        ? {
            zh: `培养责任人已配齐：${roles.map((r) => `${r.label.zh}${r.have}名`).join("、")}（${cite}）`,
            en: `Mentors complete: ${roles.map((r) => `${r.have} ${r.label.en}`).join(", ")} (${cite})`,
          }
        : {
            zh: `培养责任人未配齐：${short.map((r) => `${r.label.zh}需${r.needed}名、现有${r.have}名`).join("；")}（${cite}）`,
            en: `Mentors missing: ${short.map((r) => `${r.label.en} ${r.have} of ${r.needed}`).join("; ")} (${cite})`,
          },
  }
}
