/**
 * The age structure of a reserve pool, 001 三（4） "社区后备干部35周岁以下的要达到40%以上":
 * - "35周岁以下" includes 35 (Civil Code art. 1259: 以下 includes the number): aged ≤ `maxAge` in full years on `on`;
 * - "40%以上" includes 40% and is a floor on a head count, so it needs ceil(N × 40%) people (POLICIES "How to read
 *   the numbers"), computed in integers by `quotaCount` — 12 members need ceil(4.8) = 5.
 * The seed does not say whether the share is counted per community or over the street, so both are reported:
 * the street as a whole and each community. Every result carries its arithmetic in words and the clause.
 *
 * @since 0.1.0
 */

import type { Pool, Ratio } from "../scheme/Scheme.js"
import { quotaCount } from "../scheme/Scheme.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import type { Qualifier } from "../shared/Cited.js"
import { fullYears } from "../shared/FullYears.js"
import type { LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import type { Community, NotChecked } from "./Rules.js"

/**
 * A member of a reserve pool, as the composition reads them.
 *
 * @category models
 * @since 0.1.0
 */
export interface Member {
  readonly personId: string
  readonly birthDate: LocalDate
  readonly community: Community
}

/**
 * What a share is counted over: the street as a whole, or one community.
 *
 * @category models
 * @since 0.1.0
 */
export type Scope =
  | { readonly _tag: "Street" }
  | { readonly _tag: "Community"; readonly community: Community }

/**
 * The share of young members in one scope, against the floor, with its arithmetic.
 *
 * @category models
 * @since 0.1.0
 */
export interface YoungShare {
  readonly scope: Scope
  readonly total: number
  /** Members aged ≤ maxAge on the date. */
  readonly young: number
  /** ceil(total × share): the fewest young members that meet the floor. */
  readonly required: number
  readonly maxAge: number
  readonly share: Ratio
  readonly status: "pass" | "fail"
  /** "12人中35岁以下5人，需至少5人（12×40%=4.8，向上取整）" and its English. */
  readonly arithmetic: Text
  /** The arithmetic, the scope and the verdict, with the clause. */
  readonly message: Text
  readonly citation: Citation
  readonly qualifier?: Qualifier | undefined
  readonly youngMembers: ReadonlyArray<string>
}

/**
 * The age structure of a pool on a date: the street and each community.
 *
 * @category models
 * @since 0.1.0
 */
export interface CompositionReport {
  readonly _tag: "Composition"
  readonly on: LocalDate
  readonly street: YoungShare
  /** One per community, in the order each first appears among the members. */
  readonly communities: ReadonlyArray<YoungShare>
}

/**
 * A share as people write it: 40/100 → "40%", 1/3 → "1/3".
 *
 * @category utils
 * @since 0.1.0
 */
export const formatShare = (r: Ratio): string => {
  const pct = (r.numerator * 100) / r.denominator
  return Number.isInteger(pct) ? `${pct}%` : `${r.numerator}/${r.denominator}`
}

/**
 * p/q as a decimal: exact when it ends within 6 digits ("4.8"), else "≈" and 2 decimals rounded half up ("≈2.33").
 * Integer arithmetic only, so 12 × 40% prints 4.8, never 4.800000000000001.
 *
 * @category utils
 * @since 0.1.0
 */
export const formatQuotient = (p: number, q: number): string => {
  const whole = Math.floor(p / q)
  let r = p % q
  let digits = ""
  for (let i = 0; i < 6 && r !== 0; i++) {
    r *= 10
    digits += String(Math.floor(r / q))
    r %= q
  }
  if (r === 0) return digits === "" ? String(whole) : `${whole}.${digits}`
  const hundredths = Math.floor((200 * p + q) / (2 * q))
  return `≈${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`
}

const scopeName = (s: Scope): Text =>
  s._tag === "Street" ? { zh: "全街道", en: "The street" } : { zh: s.community.name, en: s.community.name }

const measure = (
  youngShare: Extract<Pool["youngShare"], { _tag: "Cited" }>,
  members: ReadonlyArray<Member>,
  on: LocalDate,
  scope: Scope,
): YoungShare => {
  const { maxAge, atLeast: share } = youngShare.value
  const total = members.length
  const youngMembers = members.filter((m) => fullYears(m.birthDate, on) <= maxAge).map((m) => m.personId)
  const young = youngMembers.length
  const required = quotaCount({ share, rounding: "ceil" }, total)
  const status = young >= required ? "pass" : "fail"
  const product = formatQuotient(total * share.numerator, share.denominator)
  const exact = !product.startsWith("≈")
  const value = exact ? product : product.slice(1)
  const whole = exact && !product.includes(".")
  const pct = formatShare(share)
  const arithmetic: Text = {
    zh: `${total}人中${maxAge}岁以下${young}人，需至少${required}人（${total}×${pct}${exact ? "=" : "≈"}${value}${whole ? "" : "，向上取整"}）`,
    en: `${young} of ${total} aged ${maxAge} or under; at least ${required} needed (${total} × ${pct} ${exact ? "=" : "≈"} ${value}${whole ? "" : ", rounded up"})`,
  }
  const c = formatCitation(youngShare.citation)
  const who = scopeName(scope)
  const rule: Text = {
    zh: `“${maxAge}周岁以下的要达到${pct}以上”`,
    en: `"at least ${pct} aged ${maxAge} or under"`,
  }
  const message: Text =
    status === "pass"
      ? {
          zh: `${who.zh}：${arithmetic.zh}，符合${rule.zh}（${c}）`,
          en: `${who.en}: ${arithmetic.en}; meets ${rule.en} (${c})`,
        }
      : {
          zh: `${who.zh}：${arithmetic.zh}，还差${required - young}人，不符合${rule.zh}（${c}）`,
          en: `${who.en}: ${arithmetic.en}; ${required - young} short of ${rule.en} (${c})`,
        }
  return {
    scope,
    total,
    young,
    required,
    maxAge,
    share,
    status,
    arithmetic,
    message,
    citation: youngShare.citation,
    qualifier: youngShare.qualifier,
    youngMembers,
  }
}

/**
 * The young share of a pool on `on`, over the street and per community (001 三（4）). When the scheme leaves the
 * share unspecified there is nothing to measure against: the result says so.
 *
 * @category rules
 * @since 0.1.0
 */
export const composition = (
  pool: Pool,
  members: ReadonlyArray<Member>,
  on: LocalDate,
): CompositionReport | ({ readonly _tag: "NotChecked" } & NotChecked) => {
  const ys = pool.youngShare
  if (ys._tag === "Unspecified") return { _tag: "NotChecked", param: "youngShare", note: ys.note }
  const byCommunity = new Map<string, { community: Community; members: Array<Member> }>()
  for (const m of members) {
    const g = byCommunity.get(m.community.id)
    if (g === undefined) byCommunity.set(m.community.id, { community: m.community, members: [m] })
    else g.members.push(m)
  }
  return {
    _tag: "Composition",
    on,
    street: measure(ys, members, on, { _tag: "Street" }),
    communities: [...byCommunity.values()].map((g) =>
      measure(ys, g.members, on, { _tag: "Community", community: g.community }),
    ),
  }
}
