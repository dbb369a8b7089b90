/**
 * The self-check (issue 17 item 2): a visitor without an account answers only what a campaign's rules read, and the
 * kernel's own verdict says which condition fails, with the value seen and the clause. The same functions run on
 * the server (`campaigns.publicCheck`) and in the portal's browser (over the {@link PublicScreen} that
 * `campaigns.publicGet` ships), so the two can never disagree.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import { evaluate } from "../eligibility/Evaluate.js"
import type { Finding } from "../eligibility/Finding.js"
import { EDUCATION_LABELS, EMPLOYMENT_LABELS, RANK_LABELS } from "../eligibility/Labels.js"
import type { Rule } from "../eligibility/rules/index.js"
import {
  EducationLevel,
  EmploymentCategory,
  PartyMembership,
  type Profile,
  RankLevel,
} from "../person/Profile.js"
import { Eligibility } from "../scheme/sections/Eligibility.js"
import { SourceDocument } from "../scheme/sections/Identity.js"
import { type Citation, formatCitation } from "../shared/Citation.js"
import { LocalDate } from "../shared/LocalDate.js"
import type { Text } from "../shared/Text.js"

/**
 * What of a scheme the self-check needs, and all that the public is shown of it: its eligibility part (rules,
 * exclusions, preferences, reference-date policy) and its source documents (for the clauses' titles). Not its id,
 * which is an internal code.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PublicScreen = Schema.Struct({
  eligibility: Eligibility,
  sources: Schema.Array(SourceDocument),
}).annotations({ identifier: "PublicScreen", title: "公开的人选条件 / public conditions" })
/**
 * The decoded value of the {@link PublicScreen} schema (a whole scheme is one too).
 *
 * @category models
 * @since 0.1.0
 */
export type PublicScreen = typeof PublicScreen.Type

/**
 * A question a visitor can answer about themselves.
 *
 * @category models
 * @since 0.1.0
 */
export type SelfCheckQuestion = "birthDate" | "party" | "education" | "employment" | "rank"

/**
 * The rule kinds the self-check judges, and the answers each reads. Every other kind (attested qualities, conduct
 * records, work history) is left to a reviewer and shown apart, never as passed.
 *
 * @category rules
 * @since 0.1.0
 */
export const SELF_CHECK_ASKS: Readonly<Record<string, ReadonlyArray<SelfCheckQuestion>>> = {
  AgeRange: ["birthDate"],
  AgeCapByRank: ["birthDate", "rank"],
  EducationAtLeast: ["education"],
  EmploymentIn: ["employment"],
  PartyStanding: ["party"],
  RankIn: ["rank"],
}
const ORDER: ReadonlyArray<SelfCheckQuestion> = ["birthDate", "party", "education", "employment", "rank"]

const rulesOf = (s: PublicScreen): ReadonlyArray<Rule> => [
  ...s.eligibility.rules,
  ...s.eligibility.exclusions,
]

/**
 * The questions a scheme's rules need, in a fixed order, each once; with the kernel's labels for the choices.
 *
 * @category rules
 * @since 0.1.0
 */
export const selfCheckQuestions = (scheme: PublicScreen) => {
  const asked = new Set(rulesOf(scheme).flatMap((r) => SELF_CHECK_ASKS[r._tag] ?? []))
  const options = <K extends string>(labels: Readonly<Record<K, Text>>) =>
    (Object.keys(labels) as Array<K>).map((value) => ({ value, label: labels[value] }))
  return {
    questions: ORDER.filter((q) => asked.has(q)),
    education: asked.has("education") ? options(EDUCATION_LABELS) : [],
    employment: asked.has("employment") ? options(EMPLOYMENT_LABELS) : [],
    rank: asked.has("rank") ? options(RANK_LABELS) : [],
  }
}

/**
 * A visitor's answers: each optional; a rule whose answer is missing is reported as not answered.
 *
 * @category schemas
 * @since 0.1.0
 */
export const SelfCheckAnswers = Schema.Struct({
  birthDate: Schema.optional(LocalDate.annotations({ title: "出生日期 / birth date" })),
  party: Schema.optional(PartyMembership),
  education: Schema.optional(
    Schema.Struct({
      level: EducationLevel,
      fullTime: Schema.Boolean.annotations({ title: "全日制 / full-time" }),
    }).annotations({ title: "最高学历 / highest education" }),
  ),
  employment: Schema.optional(EmploymentCategory),
  /** null: no civil-service rank. */
  rank: Schema.optional(Schema.NullOr(RankLevel).annotations({ title: "职级 / rank" })),
}).annotations({ title: "自查回答 / self-check answers" })
/**
 * The decoded value of the {@link SelfCheckAnswers} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type SelfCheckAnswers = typeof SelfCheckAnswers.Type

/**
 * The profile the kernel screens: the answers, and neutral values where none was given (the rules reading those
 * are reported as not answered, so the neutral values never decide anything). Built for one check, never stored;
 * not decoded as a stored profile (it has no name or ID number, which no self-checked rule reads).
 *
 * @category rules
 * @since 0.1.0
 */
export const selfCheckProfile = (a: SelfCheckAnswers): Profile =>
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
  }) as unknown as Profile

/**
 * A clause as the public reads it: the document's title (when the scheme lists it), the clause, and its words.
 *
 * @category rules
 * @since 0.1.0
 */
export const publicClause = (scheme: Pick<PublicScreen, "sources">, c: Citation) => {
  const source = scheme.sources.find((s) => s.id === c.document)
  return {
    document: source === undefined ? { zh: c.document, en: c.document } : source.title,
    clause: c.clause,
    quote: c.quote === undefined || c.quote === "" ? null : c.quote,
  }
}

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
 * Where a rule's finding goes on the self-check's answer.
 *
 * @category models
 * @since 0.1.0
 */
export type SelfCheckGroup = "fail" | "pass" | "review" | "unanswered"

const groupOf = (rule: Rule | undefined, f: Finding, answers: SelfCheckAnswers): SelfCheckGroup => {
  const asks = rule === undefined ? undefined : SELF_CHECK_ASKS[rule._tag]
  if (asks === undefined) return "review"
  if (!asks.every((q) => answers[q] !== undefined)) return "unanswered"
  return f.status === "fail" ? "fail" : f.status === "needs_review" ? "review" : "pass"
}

/**
 * The self-check's answer: the kernel's finding for each rule the answers decide (fails first), and apart from
 * them the rules awaiting a reviewer (the kernel says needs review, or the kind is not self-checked) and those
 * whose question was left unanswered. The outcome counts only what was checked: any failure → ineligible.
 *
 * @category rules
 * @since 0.1.0
 */
export const selfCheck = (scheme: PublicScreen, answers: SelfCheckAnswers, referenceDate: LocalDate) => {
  const verdict = evaluate(
    { id: "self-check", version: 0, eligibility: scheme.eligibility },
    selfCheckProfile(answers),
    {
      referenceDate,
    },
  )
  const byId = new Map(rulesOf(scheme).map((r) => [r.id, r]))
  const rows = verdict.findings.map((f) => {
    const group = groupOf(byId.get(f.ruleId), f, answers)
    return {
      group,
      ruleId: f.ruleId,
      text: f.label,
      // The kernel's own words for what it saw (age, standing, category …); none for an unanswered question,
      // whose finding was computed from a neutral value.
      message: group === "unanswered" ? null : withoutClause(f.message, f.citation),
      actual: group === "unanswered" ? null : f.actual,
      waivable: f.waivable,
      citation: publicClause(scheme, f.citation),
    }
  })
  const of = (g: SelfCheckGroup) => rows.filter((r) => r.group === g)
  const failed = of("fail")
  const open = of("review").length + of("unanswered").length
  return {
    outcome:
      failed.length > 0
        ? ("ineligible" as const)
        : open > 0
          ? ("needs_review" as const)
          : ("eligible" as const),
    failed,
    passed: of("pass"),
    review: of("review"),
    unanswered: of("unanswered"),
  }
}
/**
 * The value {@link selfCheck} answers.
 *
 * @category models
 * @since 0.1.0
 */
export type SelfCheckResult = ReturnType<typeof selfCheck>

/**
 * The shipped rules decoded (in the browser: no Effect needed at the call site); undefined when they do not decode.
 *
 * @category rules
 * @since 0.1.0
 */
export const readPublicScreen = (u: unknown): PublicScreen | undefined =>
  Either.getOrUndefined(Schema.decodeUnknownEither(PublicScreen)(u))

/**
 * A visitor's answers decoded; undefined when they do not (the server then places its refusal at the field).
 *
 * @category rules
 * @since 0.1.0
 */
export const readSelfCheckAnswers = (u: unknown): SelfCheckAnswers | undefined =>
  Either.getOrUndefined(Schema.decodeUnknownEither(SelfCheckAnswers)(u))

/**
 * What `campaigns.publicGet` ships of a scheme: its eligibility part and documents, encoded (JSON).
 *
 * @category rules
 * @since 0.1.0
 */
export const publicScreenOf = (scheme: PublicScreen): typeof PublicScreen.Encoded =>
  Schema.encodeSync(PublicScreen)({ eligibility: scheme.eligibility, sources: scheme.sources })
