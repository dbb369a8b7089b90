/**
 * A cohort's profile, as 004 杭州 reports its cadres: "2006年选派的150名挂职干部中，有中共党员130人，市管后备干部14人，
 * 副处以上领导干部96人；大学以上文化程度118人，其中硕士研究生14人，博士研究生1人；二十世纪70年代以后出生的有46人，
 * 最年轻的是1983年出生的干部，平均年龄为38.1岁" and its outcomes: "2004年选派的123名干部中，目前已经有34人得到
 * 提拔…被交流到重要岗位的22人，两者合计占总人数的45.5".
 *
 * Conventions (the seed states none):
 * - ages are full years (周岁) on `on`; the average is the exact mean of those, rounded half up to one decimal;
 * - shares are exact and rounded half up to one decimal of a percent, at display only (56/123 → 45.5%);
 * - "大学以上" is ambiguous (with or without 大专): both counts are given, junior college or above and bachelor or
 *   above; postgraduate is master or doctorate;
 * - "副处以上领导干部" is rank deputy division or above; both all tracks and leading posts only are given;
 * - "70年代以后出生" includes the 1970s: `birthDecades[i].fromThisDecadeOn` counts births in that decade or later;
 * - each person has at most one outcome, so "两者合计" is a plain sum with no double counting.
 *
 * @since 0.1.0
 */

import { type Rational, rational, roundHalfUp } from "../assessment/Rational.js"
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  educationRank,
  RANK_LEVELS,
  type RankLevel,
  rankOrder,
} from "../person/Profile.js"
import { compare, fullYearsBetween, type LocalDate, parts } from "../shared/LocalDate.js"
import { type Share, share } from "./Share.js"

/**
 * One cadre of the cohort: birth date, party membership, reserve status, rank, education and outcome.
 *
 * @category models
 * @since 0.1.0
 */
export interface CohortRow {
  readonly personId: string
  readonly birthDate: LocalDate
  readonly partyMember: boolean
  /** A reserve cadre (后备干部) of any level. */
  readonly reserve: boolean
  readonly rank?: { readonly level: RankLevel; readonly track: "leading" | "non_leading" }
  /** Highest education. */
  readonly education?: EducationLevel
  /** What became of the person after the posting (004 杭州). */
  readonly outcome?: "promoted" | "moved_to_key_post"
}

/**
 * The cohort's profile on a date: counts and exact shares by party membership, reserve status, rank,
 * education, birth decade and outcome, with the youngest and the average age.
 *
 * @category models
 * @since 0.1.0
 */
export interface CohortProfile {
  readonly on: LocalDate
  readonly count: number
  readonly partyMembers: Share
  readonly reserves: Share
  readonly byRank: Readonly<Record<RankLevel, { readonly leading: number; readonly nonLeading: number }>>
  readonly unranked: number
  readonly deputyDivisionOrAbove: { readonly all: Share; readonly leading: Share }
  readonly education: {
    readonly byLevel: Readonly<Record<EducationLevel, number>>
    readonly unknown: number
    readonly juniorCollegeOrAbove: Share
    readonly bachelorOrAbove: Share
    readonly postgraduate: Share
    readonly master: number
    readonly doctorate: number
  }
  /** Oldest decade first. */
  readonly birthDecades: ReadonlyArray<{
    readonly decade: number
    readonly count: number
    readonly fromThisDecadeOn: Share
  }>
  readonly youngest?: {
    readonly birthDate: LocalDate
    readonly birthYear: number
    readonly personIds: ReadonlyArray<string>
  }
  readonly averageAge?: { readonly exact: Rational; readonly display: string }
  readonly outcomes: { readonly promoted: Share; readonly movedToKeyPost: Share; readonly either: Share }
}

/**
 * Profiles a cohort on a date, the way 004 杭州 reports its cadres (see the conventions above).
 *
 * @category utils
 * @since 0.1.0
 */
export const cohortProfile = (rows: ReadonlyArray<CohortRow>, on: LocalDate): CohortProfile => {
  const n = rows.length
  const byRank = Object.fromEntries(RANK_LEVELS.map((l) => [l, { leading: 0, nonLeading: 0 }])) as Record<
    RankLevel,
    { leading: number; nonLeading: number }
  >
  const byLevel = Object.fromEntries(EDUCATION_LEVELS.map((l) => [l, 0])) as Record<EducationLevel, number>
  const decades = new Map<number, number>()
  let party = 0
  let reserves = 0
  let unranked = 0
  let ddAll = 0
  let ddLeading = 0
  let eduUnknown = 0
  let jc = 0
  let bachelor = 0
  let promoted = 0
  let moved = 0
  let ageSum = 0
  let youngest: LocalDate | undefined
  const dd = rankOrder("deputy_division")
  for (const r of rows) {
    if (r.partyMember) party += 1
    if (r.reserve) reserves += 1
    if (r.rank === undefined) unranked += 1
    else {
      const slot = byRank[r.rank.level]
      if (r.rank.track === "leading") slot.leading += 1
      else slot.nonLeading += 1
      if (rankOrder(r.rank.level) >= dd) {
        ddAll += 1
        if (r.rank.track === "leading") ddLeading += 1
      }
    }
    if (r.education === undefined) eduUnknown += 1
    else {
      byLevel[r.education] += 1
      if (educationRank(r.education) >= educationRank("junior_college")) jc += 1
      if (educationRank(r.education) >= educationRank("bachelor")) bachelor += 1
    }
    const year = parts(r.birthDate)[0]
    const decade = Math.floor(year / 10) * 10
    decades.set(decade, (decades.get(decade) ?? 0) + 1)
    if (youngest === undefined || compare(r.birthDate, youngest) > 0) youngest = r.birthDate
    ageSum += fullYearsBetween(r.birthDate, on)
    if (r.outcome === "promoted") promoted += 1
    if (r.outcome === "moved_to_key_post") moved += 1
  }
  const sortedDecades = [...decades.entries()].sort((a, b) => a[0] - b[0])
  let later = n
  const birthDecades = sortedDecades.map(([decade, count]) => {
    const entry = { decade, count, fromThisDecadeOn: share(later, n) }
    later -= count
    return entry
  })
  const postgraduate = byLevel.master + byLevel.doctorate
  const y = youngest
  return {
    on,
    count: n,
    partyMembers: share(party, n),
    reserves: share(reserves, n),
    byRank,
    unranked,
    deputyDivisionOrAbove: { all: share(ddAll, n), leading: share(ddLeading, n) },
    education: {
      byLevel,
      unknown: eduUnknown,
      juniorCollegeOrAbove: share(jc, n),
      bachelorOrAbove: share(bachelor, n),
      postgraduate: share(postgraduate, n),
      master: byLevel.master,
      doctorate: byLevel.doctorate,
    },
    birthDecades,
    ...(y === undefined
      ? {}
      : {
          youngest: {
            birthDate: y,
            birthYear: parts(y)[0],
            personIds: rows
              .filter((r) => r.birthDate === y)
              .map((r) => r.personId)
              .sort(),
          },
        }),
    // Ages are ≥ 0 for anyone born before `on`; a negative sum would be a data error and is not averaged.
    ...(n === 0 || ageSum < 0
      ? {}
      : { averageAge: { exact: rational(ageSum, n), display: roundHalfUp(rational(ageSum, n), 1) } }),
    outcomes: {
      promoted: share(promoted, n),
      movedToKeyPost: share(moved, n),
      either: share(promoted + moved, n),
    },
  }
}
