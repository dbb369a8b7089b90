/**
 * Coverage (全覆盖, 002 导语: every village and community has a first secretary): which villages and communities of a
 * scope have someone in post on a date, and which do not. Plain rows in, counts out; the caller picks the scope.
 * A posting is in post on `on` when from ≤ on ≤ until (both inclusive; no `until`: still in post).
 *
 * @since 0.1.0
 */

import { compare, type LocalDate } from "../shared/LocalDate.js"
import { type Share, share } from "./Share.js"

/**
 * The kinds of unit that coverage counts: villages and communities.
 *
 * @category models
 * @since 0.1.0
 */
export type UnitKind = "village" | "community"

/**
 * A village or community of the scope.
 *
 * @category models
 * @since 0.1.0
 */
export interface UnitRow {
  readonly id: string
  readonly kind: UnitKind
  readonly name?: string
}

/**
 * One posting of a cadre to a unit, with its dates (no `until`: still in post).
 *
 * @category models
 * @since 0.1.0
 */
export interface PostingRow {
  readonly unitId: string
  readonly personId: string
  readonly from: LocalDate
  /** Last day in post, inclusive; absent while the person is still in post. */
  readonly until?: LocalDate
}

/**
 * How many units of a kind there are, and how many have someone in post (as a share).
 *
 * @category models
 * @since 0.1.0
 */
export interface CoverageCount {
  readonly total: number
  readonly covered: Share
  readonly uncovered: number
}

/**
 * Coverage on a date: overall and by kind, the units covered (with who) and not, and postings naming units
 * not among the rows.
 *
 * @category models
 * @since 0.1.0
 */
export interface Coverage {
  readonly on: LocalDate
  readonly all: CoverageCount
  readonly byKind: Readonly<Record<UnitKind, CoverageCount>>
  /** Units with someone in post, with who, ordered by unit id. */
  readonly covered: ReadonlyArray<{ readonly unit: UnitRow; readonly personIds: ReadonlyArray<string> }>
  /** Units with no one in post, ordered by unit id. */
  readonly uncovered: ReadonlyArray<UnitRow>
  /** Postings in force that name a unit not among the rows (a scope mismatch the caller should see). */
  readonly unknownUnitIds: ReadonlyArray<string>
}

/**
 * Whether a posting is in post on the date: from ≤ on ≤ until, both inclusive.
 *
 * @category predicates
 * @since 0.1.0
 */
export const inPostOn = (p: Pick<PostingRow, "from" | "until">, on: LocalDate): boolean =>
  compare(p.from, on) <= 0 && (p.until === undefined || compare(on, p.until) <= 0)

const count = (units: ReadonlyArray<UnitRow>, covered: ReadonlySet<string>): CoverageCount => {
  const n = units.filter((u) => covered.has(u.id)).length
  return { total: units.length, covered: share(n, units.length), uncovered: units.length - n }
}

/**
 * Counts which units have someone in post on the date and lists those that do not.
 *
 * @category utils
 * @since 0.1.0
 */
export const coverage = (
  units: ReadonlyArray<UnitRow>,
  postings: ReadonlyArray<PostingRow>,
  on: LocalDate,
): Coverage => {
  const ids = new Set(units.map((u) => u.id))
  const people = new Map<string, Array<string>>()
  const unknown = new Set<string>()
  for (const p of postings) {
    if (!inPostOn(p, on)) continue
    if (!ids.has(p.unitId)) {
      unknown.add(p.unitId)
      continue
    }
    const list = people.get(p.unitId) ?? []
    if (!list.includes(p.personId)) list.push(p.personId)
    people.set(p.unitId, list)
  }
  const covered = new Set(people.keys())
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {
    on,
    all: count(units, covered),
    byKind: {
      village: count(
        units.filter((u) => u.kind === "village"),
        covered,
      ),
      community: count(
        units.filter((u) => u.kind === "community"),
        covered,
      ),
    },
    covered: sorted.flatMap((u) => {
      const ps = people.get(u.id)
      return ps === undefined ? [] : [{ unit: u, personIds: [...ps].sort() }]
    }),
    uncovered: sorted.filter((u) => !covered.has(u.id)),
    unknownUnitIds: [...unknown].sort(),
  }
}
