/**
 * Scheme versions: append-only, each taking effect later than the last; the version in force on a date.
 *
 * @since 0.1.0
 */

import { Either, Option, Schema } from "effect"
import { LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import type { Scheme } from "./Scheme.js"

/**
 * A new version of a scheme was refused: it does not succeed the latest — its number is not higher, or it does
 * not take effect later. Versions are append-only so that every campaign can keep the version it started under.
 * (Not to be confused with the storage layer's optimistic-lock `StaleVersion`: a different failure, another tag.)
 *
 * @category errors
 * @since 0.1.0
 */
export class VersionNotSuccessor extends Schema.TaggedError<VersionNotSuccessor>()("VersionNotSuccessor", {
  schemeId: Schema.String,
  reason: Schema.Literal("version_not_higher", "effective_date_not_later"),
  latestVersion: Schema.Int,
  latestEffectiveFrom: LocalDate,
  attemptedVersion: Schema.Int,
  attemptedEffectiveFrom: LocalDate,
}) {
  override get message(): string {
    return this.reason === "version_not_higher"
      ? `新版本号 ${this.attemptedVersion} 须大于现行最新版本 ${this.latestVersion} / version ${this.attemptedVersion} must be higher than the latest version ${this.latestVersion} of ${this.schemeId}`
      : `新版本生效日期 ${this.attemptedEffectiveFrom} 须晚于 ${this.latestEffectiveFrom} / version ${this.attemptedVersion} must take effect after ${this.latestEffectiveFrom} (got ${this.attemptedEffectiveFrom})`
  }
}

/**
 * A version was offered for a different scheme than the list it was added to.
 *
 * @category errors
 * @since 0.1.0
 */
export class SchemeMismatch extends Schema.TaggedError<SchemeMismatch>()("SchemeMismatch", {
  expected: Schema.String,
  actual: Schema.String,
}) {
  override get message(): string {
    return `方案编号不一致：应为 ${this.expected}，实为 ${this.actual} / scheme id mismatch: expected ${this.expected}, got ${this.actual}`
  }
}

/**
 * The latest version (highest number) of a list of versions of one scheme.
 *
 * @category getters
 * @since 0.1.0
 */
export const latest = (versions: ReadonlyArray<Scheme>): Option.Option<Scheme> =>
  versions.reduce<Option.Option<Scheme>>(
    (acc, v) => (Option.isSome(acc) && acc.value.version >= v.version ? acc : Option.some(v)),
    Option.none(),
  )

/**
 * Check that `next` may follow `previous`: higher version number and strictly later effective date.
 *
 * @category rules
 * @since 0.1.0
 */
export const checkSuccessor = (
  previous: Scheme,
  next: Scheme,
): Either.Either<Scheme, VersionNotSuccessor | SchemeMismatch> => {
  if (previous.id !== next.id)
    return Either.left(new SchemeMismatch({ expected: previous.id, actual: next.id }))
  const common = {
    schemeId: next.id,
    latestVersion: previous.version,
    latestEffectiveFrom: previous.effectiveFrom,
    attemptedVersion: next.version,
    attemptedEffectiveFrom: next.effectiveFrom,
  }
  if (next.version <= previous.version)
    return Either.left(new VersionNotSuccessor({ ...common, reason: "version_not_higher" }))
  if (next.effectiveFrom <= previous.effectiveFrom)
    return Either.left(new VersionNotSuccessor({ ...common, reason: "effective_date_not_later" }))
  return Either.right(next)
}

/**
 * Append a new version to a scheme's history, refusing one that does not succeed the latest. The input list is not changed.
 *
 * @category rules
 * @since 0.1.0
 */
export const addVersion = (
  versions: ReadonlyArray<Scheme>,
  next: Scheme,
): Either.Either<ReadonlyArray<Scheme>, VersionNotSuccessor | SchemeMismatch> =>
  Option.match(latest(versions), {
    onNone: () => Either.right([next]),
    onSome: (prev) => Either.map(checkSuccessor(prev, next), (v) => [...versions, v]),
  })

/**
 * The version in force on `date`: the one with the latest `effectiveFrom` on or before it (ties: the highest
 * version). None when every version takes effect later.
 *
 * @example
 * ```ts
 * import { LocalDate, Scheme } from "@cadre/domain"
 *
 * const v1 = Scheme.loadPreset(Scheme.yangpuCommunitySecretary) // effective from 2020-12-09
 * Scheme.inForceOn([v1], LocalDate.make("2025-01-01")) // Option.some(v1)
 * Scheme.inForceOn([v1], LocalDate.make("2020-01-01")) // Option.none(): not yet in force
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const inForceOn = <V extends Pick<Scheme, "version" | "effectiveFrom">>(
  versions: ReadonlyArray<V>,
  date: LocalDate,
): Option.Option<V> => {
  let best: V | undefined
  for (const v of versions) {
    if (v.effectiveFrom > date) continue
    if (
      best === undefined ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    )
      best = v
  }
  return Option.fromNullable(best)
}

/**
 * No published version of a scheme is in force on the date of an in-post act (issue 13, "dates bite": an act
 * dated before the scheme's first version took effect has no rules to follow). Carries the date, the earliest
 * version and the day it takes effect (when there is one), and the input field holding the act's date (when the
 * act has one: `from`, `move.decision.date`, `period`), so the refusal stands at that field.
 *
 * @category errors
 * @since 0.1.0
 */
export class NoVersionInForce extends Schema.TaggedError<NoVersionInForce>()("NoVersionInForce", {
  schemeId: Schema.String,
  date: LocalDate,
  first: Schema.optional(Schema.Struct({ version: Schema.Int, effectiveFrom: LocalDate })),
  /** The version the placement was made under, when the act belongs to one: no older version governs it. */
  placedUnder: Schema.optional(Schema.Int),
  field: Schema.optional(Schema.String),
}) {
  /** Both languages, each on its own. */
  get text(): Text {
    const f = this.first
    if (this.placedUnder !== undefined && f !== undefined)
      return {
        zh: `${this.date} 早于该任职所依据的方案 ${this.schemeId} v${this.placedUnder} 的施行日期 ${f.effectiveFrom}，没有可适用的版本`,
        en: `${this.date} is before scheme ${this.schemeId} v${this.placedUnder}, under which the placement was made, took effect (${f.effectiveFrom}); no version governs it`,
      }
    return {
      zh: `${this.date} 方案 ${this.schemeId} 尚无施行的版本${f === undefined ? "" : `（v${f.version} 自 ${f.effectiveFrom} 起施行）`}`,
      en: `no version of scheme ${this.schemeId} is in force on ${this.date}${f === undefined ? "" : ` (v${f.version} takes effect on ${f.effectiveFrom})`}`,
    }
  }
  override get message(): string {
    return `${this.text.zh} / ${this.text.en}`
  }
}

/**
 * The published version in force on `date`, for an in-post act dated that day (issue 13: an assessment of 2027,
 * a leave starting in 2027, a recall decided in 2027 follow the version in force then, not the one the placement
 * was made under): the latest `effectiveFrom` on or before `date` (ties: the highest version). Left
 * `NoVersionInForce` when every version takes effect later (or there is none), naming the earliest and its date.
 * Pass published versions only: a draft governs nothing. With `placedUnder` (the act belongs to a placement made
 * under that version) older versions are left out: an act dated before the placement's own version took effect is
 * refused, never governed by a version the placement was not made under.
 *
 * @example
 * ```ts
 * import { LocalDate, Scheme } from "@cadre/domain"
 *
 * const published = [
 *   { version: 1, effectiveFrom: LocalDate.make("2020-12-09") },
 *   { version: 2, effectiveFrom: LocalDate.make("2027-01-01") },
 * ]
 * Scheme.versionInForce("s", published, LocalDate.make("2027-03-01")) // Either.right({ version: 2, … })
 * Scheme.versionInForce("s", published, LocalDate.make("2020-01-01")) // Either.left(NoVersionInForce)
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const versionInForce = <V extends Pick<Scheme, "version" | "effectiveFrom">>(
  schemeId: string,
  published: ReadonlyArray<V>,
  date: LocalDate,
  placedUnder?: number,
): Either.Either<V, NoVersionInForce> => {
  const eligible = placedUnder === undefined ? published : published.filter((v) => v.version >= placedUnder)
  return Option.match(inForceOn(eligible, date), {
    onSome: (v) => Either.right(v),
    onNone: () => {
      const first = eligible.reduce<V | undefined>(
        (acc, v) =>
          acc === undefined ||
          v.effectiveFrom < acc.effectiveFrom ||
          (v.effectiveFrom === acc.effectiveFrom && v.version < acc.version)
            ? v
            : acc,
        undefined,
      )
      return Either.left(
        new NoVersionInForce({
          schemeId,
          date,
          ...(first === undefined
            ? {}
            : { first: { version: first.version, effectiveFrom: first.effectiveFrom } }),
          ...(placedUnder === undefined ? {} : { placedUnder }),
        }),
      )
    },
  })
}

/**
 * Does `chosen` govern an in-post act dated `date` (issue 13, "dates bite": a version governed placements dated
 * before it took effect)? Right when it is the published version in force that day; Left with why, in both
 * languages: no version in force yet, or another one is.
 *
 * @category rules
 * @since 0.1.0
 */
export const governsOn = (
  schemeId: string,
  published: ReadonlyArray<Pick<Scheme, "version" | "effectiveFrom">>,
  chosen: number,
  date: LocalDate,
): Either.Either<void, { readonly reason: "none_in_force" | "other_in_force"; readonly text: Text }> => {
  const found = versionInForce(schemeId, published, date)
  if (Either.isLeft(found)) return Either.left({ reason: "none_in_force", text: found.left.text })
  const v = found.right
  if (v.version === chosen) return Either.void
  return Either.left({
    reason: "other_in_force",
    text: {
      zh: `${date} 施行的是方案 ${schemeId} v${v.version}（自 ${v.effectiveFrom} 起），不是 v${chosen}`,
      en: `on ${date} scheme ${schemeId} v${v.version} is in force (from ${v.effectiveFrom}), not v${chosen}`,
    },
  })
}
