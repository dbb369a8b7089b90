/**
 * A community's list of reserve nominees (社区后备干部推荐人选) against the pool rules, 001:
 * - 二 / 四（二）1 "原则上每个社区选拔不少于2名后备干部（含正职、副职）": at least `minPerCommunity` distinct people
 *   (原则上: the finding is waivable), and every role of the pool covered by at least one of them;
 * - 三（4） "社区正职后备干部年龄一般不超过45周岁，副职后备干部年龄一般不超过40周岁": each nominee within the cap of
 *   the role they are nominated for, in full years (周岁) on `on`, with the same age computation and messages as the
 *   eligibility rule `AgeCapByRole` (the findings carry that rule's id and clause).
 *
 * Findings have the eligibility `Finding` shape, so the UI shows them the way it shows a verdict. A parameter the
 * scheme leaves unspecified is listed in `notChecked`, never silently treated as met.
 *
 * @since 0.1.0
 */

import type { Finding, FindingStatus } from "../eligibility/Finding.js"
import { capExceededMessages, clauseSuffix, findingsFor, passMessage } from "../eligibility/RuleKind.js"
import type { AgeCapByRole } from "../eligibility/rules/AgeCapByRole.js"
import { formatCitation } from "../shared/Citation.js"
import type { Cited } from "../shared/Cited.js"
import { fullYears } from "../shared/FullYears.js"
import type { LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"
import type { Community, NotChecked, PoolRules } from "./Rules.js"

/**
 * A community's nominee for a pool role, as the pool rules read them.
 *
 * @category models
 * @since 0.1.0
 */
export interface Nominee {
  readonly personId: string
  /** The pool role nominated for (001: "principal" 正职 / "deputy" 副职). */
  readonly roleKey: string
  readonly birthDate: LocalDate
}

/**
 * The outcome of a pool check: pass, fail, or needs review.
 *
 * @category models
 * @since 0.1.0
 */
export type PoolOutcome = "pass" | "fail" | "needs_review"

/**
 * One nominee's findings against the pool rules, and their outcome.
 *
 * @category models
 * @since 0.1.0
 */
export interface NomineeResult {
  readonly personId: string
  readonly roleKey: string
  /** Full years on the check date. */
  readonly age: number
  readonly findings: ReadonlyArray<Finding>
}

/**
 * A community's nominees checked on a date: the community's findings, each nominee's, and what the
 * scheme leaves unchecked.
 *
 * @category models
 * @since 0.1.0
 */
export interface NomineeCheck {
  readonly community: Community
  readonly on: LocalDate
  /** Any fail → fail; else any needs_review → needs_review; else pass. */
  readonly outcome: PoolOutcome
  /** Findings on the list as a whole: the count and the roles covered. */
  readonly findings: ReadonlyArray<Finding>
  readonly nominees: ReadonlyArray<NomineeResult>
  readonly notChecked: ReadonlyArray<NotChecked>
}

const finding = (
  ruleId: string,
  kind: string,
  param: Cited<unknown>,
  label: Text,
  expected: Text,
  status: FindingStatus,
  actual: Finding["actual"],
  message: Text,
): Finding => ({
  ruleId,
  kind,
  status,
  label,
  actual,
  expected,
  citation: param.citation,
  // 原则上 / 一般: an approved exception may set a failure aside (POLICIES "How to read the numbers").
  waivable: param.qualifier !== undefined,
  message,
})

const sfx = (p: Cited<unknown>): Text => {
  const c = formatCitation(p.citation)
  return { zh: `（${c}）`, en: ` (${c})` }
}

const hedge = (p: Cited<unknown>): Text =>
  p.qualifier === "in_principle"
    ? { zh: "原则上", en: "in principle " }
    : p.qualifier === "generally"
      ? { zh: "一般", en: "generally " }
      : { zh: "", en: "" }

/**
 * The outcome of a set of findings: fail if any fails, else needs review if any does, else pass.
 *
 * @category getters
 * @since 0.1.0
 */
export const outcomeOf = (findings: ReadonlyArray<Finding>): PoolOutcome =>
  findings.some((f) => f.status === "fail")
    ? "fail"
    : findings.some((f) => f.status === "needs_review")
      ? "needs_review"
      : "pass"

/** One nominee's finding under one `AgeCapByRole` rule (same ages and messages as the eligibility rule). */
const ageFinding = (rule: AgeCapByRole, nominee: Nominee, age: number, on: LocalDate): Finding => {
  const expected: Text = {
    zh: rule.caps.map((c) => `${c.label.zh}不超过${c.maxAge}周岁`).join("；"),
    en: rule.caps.map((c) => `${c.label.en}: at most ${c.maxAge}`).join("; "),
  }
  const make = findingsFor(rule, expected)
  const s = clauseSuffix(rule)
  const cap = rule.caps.find((c) => c.role === nominee.roleKey)
  if (cap === undefined) {
    const known = rule.caps.map((c) => c.role).join(", ")
    return make(
      "needs_review",
      age,
      {
        zh: `类别“${nominee.roleKey}”不在本条规定的类别中（${known}），需人工审核${s.zh}`,
        en: `Role "${nominee.roleKey}" is not one this rule covers (${known}); needs review${s.en}`,
      },
      true,
    )
  }
  return age > cap.maxAge
    ? make("fail", age, capExceededMessages(s)(cap, age, on), true)
    : make("pass", age, passMessage(rule), true)
}

/**
 * Check one community's nominees (001 二, 三（4）, 四（二）1).
 *
 * @example
 * ```ts
 * import { LocalDate, Pool, Scheme } from "@cadre/domain"
 *
 * const preset = Scheme.presetByKey("guizhou-street-reserve-pool")
 * const rules = preset && Pool.poolRulesOf(Scheme.loadPreset(preset))
 * if (rules !== undefined) {
 *   const check = Pool.checkNominees(
 *     rules,
 *     { id: "c-a", name: "甲社区" },
 *     [
 *       { personId: "p1", roleKey: "principal", birthDate: LocalDate.make("1974-07-12") }, // 45 on the date
 *       { personId: "p2", roleKey: "deputy", birthDate: LocalDate.make("1979-07-12") }, // 40 on the date
 *     ],
 *     LocalDate.make("2019-07-12"),
 *   )
 *   check.outcome // "pass": two nominees, both roles covered, both within their role's age cap
 * }
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const checkNominees = (
  rules: PoolRules,
  community: Community,
  nominees: ReadonlyArray<Nominee>,
  on: LocalDate,
): NomineeCheck => {
  const { pool } = rules
  const listFindings: Array<Finding> = []
  const notChecked: Array<NotChecked> = []
  const name = community.name

  // 不少于2名: distinct people (a person nominated twice counts once).
  const people = new Set(nominees.map((n) => n.personId)).size
  if (pool.minPerCommunity._tag === "Cited") {
    const p = pool.minPerCommunity
    const min = p.value
    const h = hedge(p)
    const s = sfx(p)
    const ok = people >= min
    listFindings.push(
      finding(
        "pool.min_per_community",
        "PoolMinimum",
        p,
        { zh: "每个社区后备干部人数", en: "Reserves per community" },
        { zh: `${h.zh}不少于${min}名`, en: `${h.en}at least ${min}`.trimStart() },
        ok ? "pass" : "fail",
        people,
        ok
          ? {
              zh: `${name}推荐${people}名，符合“${h.zh}每个社区不少于${min}名”${s.zh}`,
              en: `${name} nominates ${people}, meeting "${h.en}at least ${min} per community"${s.en}`,
            }
          : {
              zh: `${name}推荐${people}名，少于“${h.zh}每个社区不少于${min}名”的要求，还差${min - people}名${s.zh}`,
              en: `${name} nominates ${people}, fewer than "${h.en}at least ${min} per community": ${min - people} short${s.en}`,
            },
      ),
    )
  } else notChecked.push({ param: "minPerCommunity", note: pool.minPerCommunity.note })

  // 含正职、副职: every role covered; a nominee under a role the pool does not have cannot be counted.
  let unknownRole: (n: Nominee) => Finding | undefined = () => undefined
  if (pool.roles._tag === "Cited") {
    const p = pool.roles
    const s = sfx(p)
    const all = p.value
    const label: Text = {
      zh: `含${all.map((r) => r.label.zh).join("、")}`,
      en: `Includes ${all.map((r) => `a ${r.label.en}`).join(" and ")}`,
    }
    const expected: Text = {
      zh: `每类至少1名：${all.map((r) => r.label.zh).join("、")}`,
      en: `At least one of each: ${all.map((r) => r.label.en).join(", ")}`,
    }
    const keys = new Set(nominees.map((n) => n.roleKey))
    const covered = all.filter((r) => keys.has(r.key))
    const missing = all.filter((r) => !keys.has(r.key))
    listFindings.push(
      finding(
        "pool.roles",
        "PoolRoles",
        p,
        label,
        expected,
        missing.length === 0 ? "pass" : "fail",
        covered.map((r) => r.key),
        missing.length === 0
          ? { zh: `${name}的推荐人选${label.zh}${s.zh}`, en: `${name}'s nominees include every role${s.en}` }
          : {
              zh: `${name}的推荐人选中没有${missing.map((r) => r.label.zh).join("、")}${s.zh}`,
              en: `${name} nominates no ${missing.map((r) => r.label.en).join(" and no ")}${s.en}`,
            },
      ),
    )
    const known = all.map((r) => r.key).join(", ")
    unknownRole = (n) =>
      all.some((r) => r.key === n.roleKey)
        ? undefined
        : finding("pool.roles", "PoolRoles", p, label, expected, "needs_review", n.roleKey, {
            zh: `类别“${n.roleKey}”不是本方案的后备干部类别（${known}），需人工审核${s.zh}`,
            en: `Role "${n.roleKey}" is not a reserve role of this scheme (${known}); needs review${s.en}`,
          })
  } else notChecked.push({ param: "roles", note: pool.roles.note })

  if (rules.ageCaps.length === 0)
    notChecked.push({
      param: "ageCaps",
      note: {
        zh: "方案未按类别规定年龄上限，未检查推荐人选年龄",
        en: "The scheme sets no age cap by role; nominees' ages are not checked",
      },
    })

  const results: Array<NomineeResult> = nominees.map((n) => {
    const age = fullYears(n.birthDate, on)
    const own = unknownRole(n)
    const findings = [
      ...(own === undefined ? [] : [own]),
      ...rules.ageCaps.map((rule) => ageFinding(rule, n, age, on)),
    ]
    return { personId: n.personId, roleKey: n.roleKey, age, findings }
  })

  const all = [...listFindings, ...results.flatMap((r) => r.findings)]
  return { community, on, outcome: outcomeOf(all), findings: listFindings, nominees: results, notChecked }
}
