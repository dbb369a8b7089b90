import {
  type Citation,
  Eligibility,
  formatCitation,
  LocalDate,
  Person,
  type Scheme,
  Selection,
  type Text,
} from "@cadre/domain"
import type { PublicCampaign } from "@cadre/services"
import { Either, Schema } from "effect"

/**
 * The public face of a campaign (the portal's pages for visitors without an account): built only from what
 * `CampaignService.publicList` / `publicGet` decided is public, field by field — never a spread of the record, so
 * no account id, application count or code slips out. Regions by name; programmes by the scheme's name; every
 * condition as the kernel's own rule text with its document and clause.
 */

/** A clause: the document's title (when the scheme lists it), the clause, and its words. */
const clauseOut = (scheme: Scheme.Scheme, c: Citation) => {
  const source = scheme.sources.find((s) => s.id === c.document)
  return {
    document: source === undefined ? { zh: c.document, en: c.document } : source.title,
    clause: c.clause,
    quote: c.quote === undefined || c.quote === "" ? null : c.quote,
  }
}

type Entry = Selection.ScheduleEntry

const scheduleOf = (p: PublicCampaign): ReadonlyArray<Entry> => {
  const s = Selection.scheduleOf(p.scheme, {
    startYear: p.campaign.startYear,
    overrides: p.campaign.scheduleOverrides as Readonly<Record<string, LocalDate.LocalDate>>,
  })
  // The campaign's overrides were checked against its scheme when set: a Left cannot occur for a stored campaign.
  return Either.isRight(s) ? s.right.entries : []
}

const entryOut = (scheme: Scheme.Scheme, e: Entry) => ({
  stageId: e.stageId,
  label: e.label,
  date: e.date ?? null,
  opens: e.opens ?? null,
  citation: clauseOut(scheme, e.citation),
  note: e.note ?? null,
})

/**
 * The application deadline: the timetable entry of the stages the scheme's path puts at submission (报名, 推荐 …)
 * that falls last, or null when the scheme names no such stage.
 */
const deadlineOf = (p: PublicCampaign, entries: ReadonlyArray<Entry>) => {
  const submitted = Selection.derivePath(p.scheme).steps.find((s) => s.state === "submitted")
  const ids = new Set((submitted?.stages ?? []).map((s) => s.id))
  const at = entries.filter((x) => ids.has(x.stageId))
  // The last dated one (000: 宣传发动、本人报名 has no date; 推荐报送 is by 18 December), else the first undated.
  const e = at.filter((x) => x.date !== undefined).at(-1) ?? at[0]
  return e === undefined ? null : entryOut(p.scheme, e)
}

/** One line of the public list. */
export const publicSummary = (p: PublicCampaign) => {
  const entries = scheduleOf(p)
  return {
    id: p.campaign.id,
    name: p.campaign.name,
    region: p.regionNames.at(-1) ?? null,
    regionNames: p.regionNames,
    programme: p.scheme.name as Text,
    places: p.campaign.places,
    deadline: deadlineOf(p, entries),
  }
}

/**
 * The self-check (issue 17 item 2) asks only what the scheme's rules read and a visitor can answer: a rule of
 * these kinds is judged by the kernel from the answers; every other kind (attested qualities, conduct records,
 * work history) is left to the reviewer and shown apart, never as passed.
 */
type Question = "birthDate" | "party" | "education" | "employment" | "rank"
const ASKS: Readonly<Record<string, ReadonlyArray<Question>>> = {
  AgeRange: ["birthDate"],
  AgeCapByRank: ["birthDate", "rank"],
  EducationAtLeast: ["education"],
  EmploymentIn: ["employment"],
  PartyStanding: ["party"],
  RankIn: ["rank"],
}
const ORDER: ReadonlyArray<Question> = ["birthDate", "party", "education", "employment", "rank"]
type Rule = Scheme.Scheme["eligibility"]["rules"][number]
const rulesOf = (scheme: Scheme.Scheme): ReadonlyArray<Rule> => [
  ...scheme.eligibility.rules,
  ...scheme.eligibility.exclusions,
]

/** The questions a scheme's rules need, in a fixed order, each once; with the kernel's labels for the choices. */
const selfCheckOf = (scheme: Scheme.Scheme) => {
  const asked = new Set(rulesOf(scheme).flatMap((r) => ASKS[r._tag] ?? []))
  const options = <K extends string>(labels: Readonly<Record<K, Text>>) =>
    (Object.keys(labels) as Array<K>).map((value) => ({ value, label: labels[value] }))
  return {
    questions: ORDER.filter((q) => asked.has(q)),
    education: asked.has("education") ? options(Eligibility.EDUCATION_LABELS) : [],
    employment: asked.has("employment") ? options(Eligibility.EMPLOYMENT_LABELS) : [],
    rank: asked.has("rank") ? options(Eligibility.RANK_LABELS) : [],
  }
}

/** A visitor's answers: each optional; a rule whose answer is missing is reported as not answered. */
export const SelfCheckAnswers = Schema.Struct({
  birthDate: Schema.optional(LocalDate.LocalDate.annotations({ title: "出生日期 / birth date" })),
  party: Schema.optional(Person.PartyMembership),
  education: Schema.optional(
    Schema.Struct({
      level: Person.EducationLevel,
      fullTime: Schema.Boolean.annotations({ title: "全日制 / full-time" }),
    }).annotations({ title: "最高学历 / highest education" }),
  ),
  employment: Schema.optional(Person.EmploymentCategory),
  /** null: no civil-service rank. */
  rank: Schema.optional(Schema.NullOr(Person.RankLevel).annotations({ title: "职级 / rank" })),
}).annotations({ title: "自查回答 / self-check answers" })
type Answers = typeof SelfCheckAnswers.Type

/**
 * The profile the kernel screens: the answers, and neutral values where none was given (the rules reading those
 * are reported as not answered, so the neutral values never decide anything). It is built for this one call, not
 * decoded as a stored profile (it has no name or ID number, which no rule reads), and never stored.
 */
export const selfCheckProfile = (a: Answers): Person.Profile =>
  ({
    id: "self-check",
    name: "self-check",
    sex: "male",
    birthDate: a.birthDate ?? "1990-01-01",
    idNumber: "",
    party: a.party ?? { _tag: "NotMember" },
    education: a.education === undefined ? [] : [a.education],
    employment: a.employment ?? "other",
    ...(a.rank === undefined || a.rank === null ? {} : { rank: { level: a.rank, track: "leading" } }),
    workHistory: [],
    conduct: [],
    attestations: [],
    tags: [],
  }) as unknown as Person.Profile

/**
 * The kernel's message without the clause it ends with ("（000 一（一）5）"): the answer gives the clause apart,
 * with the document's title instead of its short id, which means nothing to a visitor.
 */
const withoutClause = (m: Text, c: Citation): Text => {
  const cited = formatCitation(c)
  const zh = `（${cited}）`
  const en = ` (${cited})`
  return {
    zh: m.zh.endsWith(zh) ? m.zh.slice(0, -zh.length) : m.zh,
    en: m.en.endsWith(en) ? m.en.slice(0, -en.length) : m.en,
  }
}

/**
 * The self-check's answer: the kernel's finding for each rule the answers decide (fails first), and apart from
 * them the rules awaiting a reviewer (the kernel says needs review, or the kind is not self-checked) and those
 * whose question was left unanswered. The outcome counts only what was checked: any failure → ineligible.
 */
export const selfCheckOut = (p: PublicCampaign, answers: Answers, verdict: Eligibility.Verdict) => {
  const byId = new Map(rulesOf(p.scheme).map((r) => [r.id, r]))
  const given = (q: Question) => answers[q] !== undefined
  const rows = verdict.findings.map((f) => {
    const rule = byId.get(f.ruleId)
    const asks = rule === undefined ? undefined : ASKS[rule._tag]
    const group =
      asks === undefined
        ? ("review" as const)
        : !asks.every(given)
          ? ("unanswered" as const)
          : f.status === "fail"
            ? ("fail" as const)
            : f.status === "needs_review"
              ? ("review" as const)
              : ("pass" as const)
    return {
      group,
      ruleId: f.ruleId,
      text: f.label,
      // The kernel's own words for what it saw (age, standing, category …); none for an unanswered question,
      // whose finding was computed from a neutral value.
      message: group === "unanswered" ? null : withoutClause(f.message, f.citation),
      actual: group === "unanswered" ? null : f.actual,
      waivable: f.waivable,
      citation: clauseOut(p.scheme, f.citation),
    }
  })
  const of = (g: (typeof rows)[number]["group"]) => rows.filter((r) => r.group === g)
  const failed = of("fail")
  return {
    id: p.campaign.id,
    name: p.campaign.name,
    referenceDate: p.campaign.referenceDate,
    outcome:
      failed.length > 0
        ? ("ineligible" as const)
        : of("review").length + of("unanswered").length > 0
          ? ("needs_review" as const)
          : ("eligible" as const),
    failed,
    passed: of("pass"),
    review: of("review"),
    unanswered: of("unanswered"),
  }
}

/** The public page of one campaign: every condition, the timetable and the documents. */
export const publicDetail = (p: PublicCampaign) => {
  const entries = scheduleOf(p)
  const rule = (kind: "rule" | "exclusion") => (r: Scheme.Scheme["eligibility"]["rules"][number]) => ({
    id: r.id,
    kind,
    text: r.label,
    waivable: r.waivable,
    citation: clauseOut(p.scheme, r.citation),
  })
  return {
    ...publicSummary(p),
    referenceDate: p.campaign.referenceDate,
    noticeDays: p.campaign.noticeDays,
    conditions: [
      ...p.scheme.eligibility.rules.map(rule("rule")),
      ...p.scheme.eligibility.exclusions.map(rule("exclusion")),
    ],
    timetable: entries.map((e) => entryOut(p.scheme, e)),
    selfCheck: selfCheckOf(p.scheme),
    documents: p.scheme.sources.map((s) => ({
      title: s.title,
      issuer: s.issuer ?? null,
      number: s.number ?? null,
      issuedOn: s.issuedOn ?? null,
    })),
  }
}
