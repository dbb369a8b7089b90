import { chinaDate } from "@cadre/ui"
import type { RouterOutputs } from "@cadre/client"

/**
 * Pure helpers of the scheme screens: a scheme's parts in words, versions in force, diffs as rows, server issues
 * with their place in the scheme, and the small form of common parameters. `t` is `useTranslation("schemes").t`.
 */
export type Tr = (key: string, options?: Record<string, unknown>) => string
export type Lang = "zh" | "en"

export type SchemeRecord = RouterOutputs["schemes"]["get"]
export type SchemeBody = SchemeRecord["scheme"]
export type Summary = RouterOutputs["schemes"]["list"][number]
export type Change = RouterOutputs["schemes"]["diff"]["changes"][number]
export type Rule = SchemeBody["eligibility"]["rules"][number]
export type Exclusion = SchemeBody["eligibility"]["exclusions"][number]
export type Preference = SchemeBody["eligibility"]["preferences"][number]
export type Stage = SchemeBody["stages"][number]
export type Citation = Rule["citation"]
type Text = { readonly zh: string; readonly en: string }
type Duration = { readonly amount: number; readonly unit: "day" | "month" | "year" }

/** A parameter as the API sends it: a cited value, or the document's silence with a note. */
export type Param<A> =
  | {
      readonly _tag: "Cited"
      readonly value: A
      readonly citation: Citation
      readonly qualifier?: "in_principle" | "generally" | undefined
      readonly note?: Text | undefined
    }
  | { readonly _tag: "Unspecified"; readonly note: Text }

/** The name of a code (actor, rank…); a code the app does not know is shown as it is. */
export const code = (t: Tr, group: string, key: string): string =>
  t(`codes.${group}.${key}`, { defaultValue: key })

const codes = (t: Tr, group: string, keys: ReadonlyArray<string>): string =>
  keys.map((k) => code(t, group, k)).join(t("rule.listSeparator"))

/** "000 一（一）5". */
export const citationShort = (c: Citation): string => `${c.document} ${c.clause}`

export const durationWords = (d: Duration, t: Tr): string => t(`duration.${d.unit}`, { count: d.amount })

/** An eligibility rule's meaning in plain words, from its parameters (not its label, which the page shows too). */
export const ruleWords = (rule: Rule | Exclusion, t: Tr, lang: Lang): string => {
  switch (rule._tag) {
    case "AgeRange":
      return rule.min !== undefined && rule.max !== undefined
        ? t("rule.ageRange", { min: rule.min, max: rule.max })
        : rule.min !== undefined
          ? t("rule.ageMin", { min: rule.min })
          : rule.max !== undefined
            ? t("rule.ageMax", { max: rule.max })
            : t("rule.ageAny")
    case "AgeCapByRole":
      return rule.caps
        .map((c) => t("rule.ageCap", { label: c.label[lang], max: c.maxAge }))
        .join(t("rule.separator"))
    case "AgeCapByRank":
      return [
        ...rule.bands.map((b) => t("rule.ageCap", { label: b.label[lang], max: b.maxAge })),
        ...(rule.unranked === undefined ? [] : [t("rule.ageCapUnranked", { max: rule.unranked.maxAge })]),
      ].join(t("rule.separator"))
    case "PartyStanding":
      return rule.minYears === 0 ? t("rule.partyMember") : t("rule.partyYears", { years: rule.minYears })
    case "EducationAtLeast":
      return t(rule.fullTimeOnly ? "rule.educationFullTime" : "rule.education", {
        level: code(t, "education", rule.level),
      })
    case "EmploymentIn":
      return t("rule.employment", { list: codes(t, "employment", rule.categories) })
    case "RankIn": {
      const list = codes(t, "ranks", rule.levels)
      const main =
        rule.track === undefined
          ? t("rule.rank", { list })
          : t("rule.rankTrack", { list, track: code(t, "tracks", rule.track) })
      return rule.unranked === "needs_review"
        ? `${main}${t("rule.separator")}${t("rule.rankUnranked")}`
        : main
    }
    case "LacksGrassrootsExperience":
      return t("rule.grassroots", { months: rule.thresholdMonths })
    case "NoExclusion": {
      const description = rule.description[lang]
      const main =
        rule.withinYears === undefined
          ? t("rule.exclusion", { description })
          : t("rule.exclusionWithin", { years: rule.withinYears, description })
      const open = rule.openKinds ?? []
      return open.length === 0
        ? main
        : `${main}${t("rule.separator")}${t("rule.exclusionOpen", { kinds: codes(t, "conduct", open) })}`
    }
    case "Attested":
      return t("rule.attested", { label: rule.label[lang] })
  }
}

export const preferenceWords = (p: Preference, t: Tr): string => {
  switch (p._tag) {
    case "HasTag":
    case "HasWorkTag":
      return t(`preference.${p._tag}`, { tag: p.tag })
    case "PreferEmploymentIn":
      return t("preference.PreferEmploymentIn", { list: codes(t, "employment", p.categories) })
    case "UnitIn":
      return t("preference.UnitIn", { list: p.units.join(t("rule.listSeparator")) })
  }
}

const yearWords = (offset: number, t: Tr): string =>
  offset === 0 ? t("deadline.year0") : offset === 1 ? t("deadline.year1") : t("deadline.yearN", { n: offset })

export type Deadline = Extract<Stage["deadline"], { readonly _tag: "Cited" }>["value"]

/** "当年12月18日前", "次年1月中旬", "“面试”结束后5天内". */
export const deadlineWords = (d: Deadline, t: Tr, stageLabel: (id: string) => string): string => {
  switch (d._tag) {
    case "ByDate":
      return t("deadline.byDate", { year: yearWords(d.yearOffset, t), month: d.month, day: d.day })
    case "InPeriod":
      return t("deadline.inPeriod", {
        year: yearWords(d.yearOffset, t),
        month: d.month,
        part: t(`deadline.parts.${d.part}`),
      })
    case "Between":
      return t("deadline.between", {
        year: yearWords(d.yearOffset, t),
        fromMonth: d.from.month,
        fromDay: d.from.day,
        toMonth: d.to.month,
        toDay: d.to.day,
      })
    case "After":
      return t("deadline.after", { stage: stageLabel(d.stageId), within: durationWords(d.within, t) })
  }
}

export type Cadence = SchemeBody["assessment"]["cycles"][number]["cadence"]

export const cadenceWords = (c: Cadence, t: Tr, lang: Lang): string => {
  switch (c._tag) {
    case "Every":
      return t("cadence.Every", { interval: durationWords(c.interval, t) })
    case "YearEnd":
    case "TermEnd":
      return t(`cadence.${c._tag}`)
    case "OnEvent":
      return t("cadence.OnEvent", { event: c.event[lang] })
  }
}

/** "20%" or "1/3": a share as people read it. */
export const ratioWords = (r: { readonly numerator: number; readonly denominator: number }): string =>
  r.denominator === 100 ? `${r.numerator}%` : `${r.numerator}/${r.denominator}`

// ------------------------------------------------------------------------------------------------ versions

/** Today in China (the server's calendar, Asia/Shanghai), as YYYY-MM-DD. */
export const chinaToday = (now: Date = new Date()): string => chinaDate(now)

/** The published version in force on `date`: latest effective date on or before it, ties the higher version. */
export const inForceOn = <V extends Pick<Summary, "status" | "effectiveFrom" | "version">>(
  versions: ReadonlyArray<V>,
  date: string,
): V | undefined => {
  let best: V | undefined
  for (const v of versions) {
    if (v.status !== "published" || v.effectiveFrom > date) continue
    if (
      best === undefined ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    )
      best = v
  }
  return best
}

export interface SchemeGroup {
  readonly schemeId: string
  readonly latest: Summary
  /** Newest first. */
  readonly versions: ReadonlyArray<Summary>
}

/** The list's rows (one per version) grouped by scheme, each newest first, schemes in the order first seen. */
export const groupSchemes = (rows: ReadonlyArray<Summary>): ReadonlyArray<SchemeGroup> => {
  const by = new Map<string, Array<Summary>>()
  for (const r of rows) {
    const list = by.get(r.schemeId)
    if (list === undefined) by.set(r.schemeId, [r])
    else list.push(r)
  }
  return [...by].map(([schemeId, list]) => {
    const versions = [...list].sort((a, b) => b.version - a.version)
    return { schemeId, latest: versions[0] ?? list[0], versions } as SchemeGroup
  })
}

// ------------------------------------------------------------------------------------------------ paths

type PathPart = string | number

/** Split a diff path ("stages[id=recommend].deadline.value.day") into parts: keys, `[id=…]` and indices. */
export const splitPath = (path: string): ReadonlyArray<PathPart> => {
  const parts: Array<PathPart> = []
  for (const m of path.matchAll(/([^.[\]]+)|\[id=([^\]]*)\]|\[(\d+)\]/g)) {
    if (m[1] !== undefined) parts.push(m[1])
    else if (m[2] !== undefined) parts.push(`#${m[2]}`)
    else if (m[3] !== undefined) parts.push(Number(m[3]))
  }
  return parts
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

const labelOf = (u: unknown, lang: Lang): string | undefined => {
  if (!isRecord(u)) return undefined
  const label = u.label ?? u.name ?? u.title
  return isRecord(label) && typeof label[lang] === "string" ? (label[lang] as string) : undefined
}

/**
 * A place in a scheme in words: field names from `fields`, list items by their label ("程序环节“面试” › 时限 › 日").
 * `parts` come from a diff path (`#id` items) or an error path (indices); the Cited wrapper's `value` is skipped.
 */
export const placeWords = (parts: ReadonlyArray<PathPart>, scheme: unknown, t: Tr, lang: Lang): string => {
  const words: Array<string> = []
  let node: unknown = scheme
  for (const part of parts) {
    if (typeof part === "number" || part.startsWith("#")) {
      const list = Array.isArray(node) ? node : []
      const item =
        typeof part === "number"
          ? list[part]
          : list.find((x: unknown) => isRecord(x) && x.id === part.slice(1))
      const label = labelOf(item, lang)
      const name = label ?? (typeof part === "number" ? String(part + 1) : part.slice(1))
      const last = words.pop()
      words.push(last === undefined ? `“${name}”` : `${last}“${name}”`)
      node = item
      continue
    }
    node = isRecord(node) ? node[part] : undefined
    if (part === "value" || part === "_tag") continue
    if (part === "scheme" && words.length === 0) continue
    const word = t(`fields.${part}`, { defaultValue: part })
    // "eligibility.rules" reads "人选条件", not "人选条件 › 人选条件".
    if (words[words.length - 1] !== word) words.push(word)
  }
  return words.join(" › ")
}

// ------------------------------------------------------------------------------------------------ diff

/** A value of a diff in words: numbers and dates as they are, booleans yes/no, texts in the language shown. */
export const valueWords = (v: unknown, t: Tr, lang: Lang): string => {
  if (v === undefined || v === null) return t("diff.absent")
  if (typeof v === "boolean") return v ? t("diff.yes") : t("diff.no")
  if (typeof v === "string" || typeof v === "number") return String(v)
  if (Array.isArray(v)) return v.map((x) => valueWords(x, t, lang)).join(t("rule.listSeparator"))
  if (isRecord(v)) {
    if (typeof v.zh === "string" && typeof v.en === "string") return v[lang] as string
    if (v._tag === "Unspecified") return t("unspecified")
    if (typeof v.amount === "number" && typeof v.unit === "string")
      return durationWords(v as unknown as Duration, t)
    if (typeof v.document === "string" && typeof v.clause === "string")
      return citationShort(v as unknown as Citation)
  }
  return JSON.stringify(v)
}

export interface DiffRow {
  readonly key: string
  readonly where: string
  readonly before: string
  readonly after: string
  readonly citation: string
}

const ruleIn = (
  group: "rules" | "exclusions" | "preferences",
  ruleId: string,
  from: SchemeBody,
  to: SchemeBody,
  t: Tr,
  lang: Lang,
): string => {
  const find = (s: SchemeBody) =>
    (s.eligibility[group] as ReadonlyArray<{ readonly id: string; readonly label: Text }>).find(
      (r) => r.id === ruleId,
    )
  const rule = find(to) ?? find(from)
  return t("diff.ruleIn", { group: t(`diff.groups.${group}`), label: rule?.label[lang] ?? ruleId })
}

const wholeRuleWords = (group: string, r: unknown, t: Tr, lang: Lang): string => {
  if (!isRecord(r)) return t("diff.absent")
  if (group === "preferences") return preferenceWords(r as unknown as Preference, t)
  return ruleWords(r as unknown as Rule, t, lang)
}

const diffRow = (c: Change, key: string, from: SchemeBody, to: SchemeBody, t: Tr, lang: Lang): DiffRow => {
  switch (c._tag) {
    case "RuleAdded":
      return {
        key,
        where: `${ruleIn(c.group, c.ruleId, from, to, t, lang)}（${t("diff.added")}）`,
        before: t("diff.absent"),
        after: wholeRuleWords(c.group, c.after, t, lang),
        citation: citationShort(c.citation),
      }
    case "RuleRemoved":
      return {
        key,
        where: `${ruleIn(c.group, c.ruleId, from, to, t, lang)}（${t("diff.removed")}）`,
        before: wholeRuleWords(c.group, c.before, t, lang),
        after: t("diff.absent"),
        citation: citationShort(c.citation),
      }
    case "RuleChanged": {
      const rule = (to.eligibility[c.group] as ReadonlyArray<{ readonly id: string }>).find(
        (r) => r.id === c.ruleId,
      )
      return {
        key,
        where: `${ruleIn(c.group, c.ruleId, from, to, t, lang)} › ${placeWords(splitPath(c.parameter), rule, t, lang)}`,
        before: valueWords(c.before, t, lang),
        after: valueWords(c.after, t, lang),
        citation: citationShort(c.citation),
      }
    }
    case "ParameterChanged":
      return {
        key,
        where: placeWords(splitPath(c.path), to, t, lang),
        before: valueWords(c.before, t, lang),
        after: valueWords(c.after, t, lang),
        citation: c.citation === undefined ? "" : citationShort(c.citation),
      }
  }
}

/** The changes between two versions as rows: where, before and after in words, and the clause. */
export const diffRows = (
  changes: ReadonlyArray<Change>,
  from: SchemeBody,
  to: SchemeBody,
  t: Tr,
  lang: Lang,
): ReadonlyArray<DiffRow> => changes.map((c, i) => diffRow(c, String(i), from, to, t, lang))

// ------------------------------------------------------------------------------------------------ issues

export interface IssueRow {
  /** "eligibility.rules[8].max", as the server's message names it. */
  readonly path: string
  /** The same place in words. */
  readonly where: string
  readonly message: string
}

/** "eligibility.rules[8].max" from ["scheme", "eligibility", "rules", 8, "max"]. */
export const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path
    .filter((p, i) => !(i === 0 && p === "scheme"))
    .reduce<string>(
      (s, p) => (typeof p === "number" ? `${s}[${p}]` : s === "" ? String(p) : `${s}.${String(p)}`),
      "",
    )

/** The server's field issues (a refused scheme), each with its path and the place in words. */
export const issueRows = (
  issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: Text }>,
  scheme: unknown,
  t: Tr,
  lang: Lang,
): ReadonlyArray<IssueRow> =>
  issues.map((i) => {
    const parts = i.path.filter((p): p is string | number => typeof p !== "symbol")
    const inScheme = parts[0] === "scheme" ? parts.slice(1) : parts
    return {
      path: pathText(i.path),
      where: placeWords(inScheme, scheme, t, lang),
      message: i.message[lang],
    }
  })

// ------------------------------------------------------------------------------------------------ common form

/** The parameters a district changes most, as a flat form. `leave` only when the scheme's leave is cited. */
export interface CommonParams {
  readonly effectiveFrom: string
  readonly ages: ReadonlyArray<{
    readonly id: string
    readonly label: Text
    readonly min: number | null
    readonly max: number | null
  }>
  readonly party: ReadonlyArray<{ readonly id: string; readonly label: Text; readonly minYears: number }>
  readonly leave: ReadonlyArray<{ readonly approver: string; readonly upToDays: number | null }>
}

export const commonParams = (s: SchemeBody): CommonParams => ({
  effectiveFrom: s.effectiveFrom,
  ages: s.eligibility.rules.flatMap((r) =>
    r._tag === "AgeRange" ? [{ id: r.id, label: r.label, min: r.min ?? null, max: r.max ?? null }] : [],
  ),
  party: s.eligibility.rules.flatMap((r) =>
    r._tag === "PartyStanding" ? [{ id: r.id, label: r.label, minYears: r.minYears }] : [],
  ),
  leave:
    s.leave._tag === "Cited"
      ? s.leave.value.map((tier) => ({ approver: tier.approver, upToDays: tier.upToDays ?? null }))
      : [],
})

/**
 * The scheme with the form's values written in. Values go in as typed (an empty bound is dropped), so a wrong
 * one (a negative age, min above max) is refused by the server, which names the field.
 */
export const applyCommonParams = (s: SchemeBody, p: CommonParams): SchemeBody => {
  const ages = new Map(p.ages.map((a) => [a.id, a]))
  const party = new Map(p.party.map((a) => [a.id, a]))
  const rules = s.eligibility.rules.map((r): Rule => {
    if (r._tag === "AgeRange") {
      const a = ages.get(r.id)
      if (a === undefined) return r
      const { min: _min, max: _max, ...rest } = r
      return {
        ...rest,
        ...(a.min === null ? {} : { min: a.min }),
        ...(a.max === null ? {} : { max: a.max }),
      }
    }
    if (r._tag === "PartyStanding") {
      const a = party.get(r.id)
      return a === undefined ? r : { ...r, minYears: a.minYears }
    }
    return r
  })
  const leave: SchemeBody["leave"] =
    s.leave._tag === "Cited"
      ? {
          ...s.leave,
          value: s.leave.value.map((tier, i) => {
            const days = p.leave[i]?.upToDays
            const { upToDays: _d, ...rest } = tier
            return days === null || days === undefined ? rest : { ...rest, upToDays: days }
          }) as typeof s.leave.value,
        }
      : s.leave
  return { ...s, effectiveFrom: p.effectiveFrom, eligibility: { ...s.eligibility, rules }, leave }
}
