// The baselines the kernel is measured against in screening.bench.ts: the Yangpu rules as a hand-written
// if-chain and as json-rules-engine rules, each producing one finding per rule per candidate.
import { type Almanac, Engine, type RuleProperties } from "json-rules-engine"
import type { Finding, FindingStatus } from "../src/eligibility/Finding.js"
import { EDUCATION_LEVELS, type Profile } from "../src/person/Profile.js"
import { fullYearsBetween, type LocalDate } from "../src/shared/LocalDate.js"
import {
  AGE_MAX,
  AGE_MIN,
  attestedRules,
  EDU_NEED,
  employmentRule,
  partyRule,
  RULES,
  rankRule,
} from "./screening-fixtures.js"
import {
  attestation,
  attestedParts,
  bestEducation,
  EMPLOYMENT_OK,
  failText,
  finding,
  type Outcome,
  outcomeOf,
  P,
  partyYears,
  RANK_OK,
  reviewText,
} from "./screening-findings.js"

// ------------------------------------------------------------------------------------------------ (b) if-chain

/** The attested rules in the preset's order (000 一（一）3–4), with their parts precomputed. */
const ATTESTED = attestedRules.map((r) => {
  const pp = attestedParts.get(r.id)
  if (pp === undefined) throw new Error(`no parts for ${r.id}`)
  return {
    item: r.item,
    pp,
    notMet: failText(pp, "审核人员确认不符合", "A reviewer found it not met"),
    review: reviewText(pp),
  }
})
const REVIEW_RANK = reviewText(P.rank)
const NOT_MEMBER = failText(P.party, "不是中共党员", "Not a CPC member")
const PROBATIONARY = failText(P.party, "预备党员，尚未转正", "Probationary member")
// The if-chain below is written in the preset's rule order; check that order once.
const IF_CHAIN_ORDER = [
  "party_standing",
  "employment",
  "rank",
  ...attestedRules.map((r) => r.id),
  "education",
  "age",
]
if (RULES.map((r) => r.id).join() !== IF_CHAIN_ORDER.join())
  throw new Error("if-chain: the preset's rule order changed")

/** The Yangpu rules hand-written as straight-line conditionals, one finding per rule in the preset's order. */
export const ifChain = (p: Profile, ref: LocalDate): { outcome: Outcome; findings: Array<Finding> } => {
  const findings: Array<Finding> = []
  // 000 一（一）1
  if (p.party._tag === "NotMember") findings.push(finding(P.party, "fail", "not_member", NOT_MEMBER))
  else if (p.party._tag === "Probationary")
    findings.push(finding(P.party, "fail", "probationary", PROBATIONARY))
  else {
    const y = fullYearsBetween(p.party.fullMemberSince, ref)
    if (y >= partyRule.minYears) findings.push(finding(P.party, "pass", y, P.party.ok))
    else
      findings.push(
        finding(
          P.party,
          "fail",
          y,
          failText(P.party, `党龄${y}年，不满${partyRule.minYears}年`, `${y} years of standing`),
        ),
      )
  }
  // 000 一（一）2
  if (EMPLOYMENT_OK.has(p.employment))
    findings.push(finding(P.employment, "pass", p.employment, P.employment.ok))
  else
    findings.push(
      finding(
        P.employment,
        "fail",
        p.employment,
        failText(P.employment, `人员类别为${p.employment}`, `Category is ${p.employment}`),
      ),
    )
  if (p.rank === undefined) findings.push(finding(P.rank, rankRule.unranked, null, REVIEW_RANK))
  else {
    const actual = `${p.rank.level}/${p.rank.track}`
    if (RANK_OK.has(p.rank.level) && (rankRule.track === undefined || rankRule.track === p.rank.track))
      findings.push(finding(P.rank, "pass", actual, P.rank.ok))
    else
      findings.push(
        finding(P.rank, "fail", actual, failText(P.rank, `现任${p.rank.level}`, `Holds ${p.rank.level}`)),
      )
  }
  // 000 一（一）3–4
  for (const a of ATTESTED) {
    const v = attestation(p, a.item)
    if (v === true) findings.push(finding(a.pp, "pass", true, a.pp.ok))
    else if (v === false) findings.push(finding(a.pp, "fail", false, a.notMet))
    else findings.push(finding(a.pp, "needs_review", v, a.review))
  }
  // 000 一（一）5
  const best = bestEducation(p)
  const seen = best < 0 ? null : (EDUCATION_LEVELS[best] ?? null)
  if (best >= EDU_NEED) findings.push(finding(P.education, "pass", seen, P.education.ok))
  else
    findings.push(
      finding(
        P.education,
        "fail",
        seen,
        failText(P.education, `最高学历为${seen ?? "无"}`, `Highest education ${seen ?? "none"}`),
      ),
    )
  const age = fullYearsBetween(p.birthDate, ref)
  if (age < AGE_MIN || age > AGE_MAX)
    findings.push(
      finding(P.age, "fail", age, failText(P.age, `截至${ref}年满${age}周岁`, `Aged ${age} on ${ref}`)),
    )
  else findings.push(finding(P.age, "pass", age, P.age.ok))
  return { outcome: outcomeOf(findings), findings }
}

// ------------------------------------------------------------------------------------------------ (a) json-rules-engine

/** The Yangpu rules as json-rules-engine rules over facts computed per candidate from the `profile` fact. */
export const buildEngine = (): Engine => {
  const engine = new Engine([], { allowUndefinedFacts: false })
  const profileOf = (almanac: Almanac) => almanac.factValue<Profile>("profile")
  const refOf = (almanac: Almanac) => almanac.factValue<LocalDate>("referenceDate")
  engine.addFact("age", async (_params, almanac) =>
    fullYearsBetween((await profileOf(almanac)).birthDate, await refOf(almanac)),
  )
  engine.addFact("partyStatus", async (_params, almanac) => (await profileOf(almanac)).party._tag)
  engine.addFact("partyYears", async (_params, almanac) =>
    partyYears(await profileOf(almanac), await refOf(almanac)),
  )
  engine.addFact("employment", async (_params, almanac) => (await profileOf(almanac)).employment)
  engine.addFact("rankLevel", async (_params, almanac) => (await profileOf(almanac)).rank?.level ?? "none")
  engine.addFact("rankTrack", async (_params, almanac) => (await profileOf(almanac)).rank?.track ?? "none")
  engine.addFact("educationRank", async (_params, almanac) => bestEducation(await profileOf(almanac)))
  // One fact for all attestations, read with `path`, e.g. "$.party_spirit_conduct_dedication".
  engine.addFact("attestation", async (_params, almanac) => {
    const p = await profileOf(almanac)
    const out: Record<string, string> = {}
    for (const r of attestedRules) {
      const a = attestation(p, r.item)
      out[r.item] = a === true ? "pass" : a === false ? "fail" : "review"
    }
    return out
  })
  const rule = (name: string, conditions: RuleProperties["conditions"]): RuleProperties => ({
    name,
    conditions,
    event: { type: name },
  })
  const rules: Array<RuleProperties> = [
    rule("party_standing", {
      all: [
        { fact: "partyStatus", operator: "equal", value: "Full" },
        { fact: "partyYears", operator: "greaterThanInclusive", value: partyRule.minYears },
      ],
    }),
    rule("employment", {
      all: [{ fact: "employment", operator: "in", value: [...employmentRule.categories] }],
    }),
    rule("rank", {
      all: [
        { fact: "rankLevel", operator: "in", value: [...rankRule.levels] },
        ...(rankRule.track === undefined
          ? []
          : [{ fact: "rankTrack", operator: "equal", value: rankRule.track }]),
      ],
    }),
    rule("rank:review", { all: [{ fact: "rankLevel", operator: "equal", value: "none" }] }),
    rule("education", {
      all: [{ fact: "educationRank", operator: "greaterThanInclusive", value: EDU_NEED }],
    }),
    rule("age", {
      all: [
        { fact: "age", operator: "greaterThanInclusive", value: AGE_MIN },
        { fact: "age", operator: "lessThanInclusive", value: AGE_MAX },
      ],
    }),
    ...attestedRules.flatMap((r) => [
      rule(r.id, { all: [{ fact: "attestation", path: `$.${r.item}`, operator: "equal", value: "pass" }] }),
      rule(`${r.id}:review`, {
        all: [{ fact: "attestation", path: `$.${r.item}`, operator: "equal", value: "review" }],
      }),
    ]),
  ]
  for (const r of rules) engine.addRule(r)
  return engine
}

export const jreScreen = async (
  engine: Engine,
  p: Profile,
  ref: LocalDate,
): Promise<{ outcome: Outcome; findings: Array<Finding> }> => {
  const { results, almanac } = await engine.run({ profile: p, referenceDate: ref })
  const passed = new Set(results.map((r) => r.name))
  const status = (id: string): FindingStatus =>
    passed.has(id)
      ? "pass"
      : passed.has(`${id}:review`)
        ? id === "rank"
          ? rankRule.unranked
          : "needs_review"
        : "fail"
  const findings: Array<Finding> = []
  for (const r of RULES) {
    const s = status(r.id)
    switch (r.id) {
      case "party_standing": {
        const y = await almanac.factValue<number>("partyYears")
        findings.push(
          finding(P.party, s, y, s === "pass" ? P.party.ok : failText(P.party, `党龄${y}年`, `${y} years`)),
        )
        break
      }
      case "employment": {
        const e = await almanac.factValue<string>("employment")
        findings.push(
          finding(
            P.employment,
            s,
            e,
            s === "pass" ? P.employment.ok : failText(P.employment, `人员类别为${e}`, `Category is ${e}`),
          ),
        )
        break
      }
      case "rank": {
        const l = await almanac.factValue<string>("rankLevel")
        findings.push(
          finding(
            P.rank,
            s,
            l === "none" ? null : l,
            s === "pass"
              ? P.rank.ok
              : s === "fail"
                ? failText(P.rank, `现任${l}`, `Holds ${l}`)
                : reviewText(P.rank),
          ),
        )
        break
      }
      case "education": {
        const b = await almanac.factValue<number>("educationRank")
        const seen = b < 0 ? null : (EDUCATION_LEVELS[b] ?? null)
        findings.push(
          finding(
            P.education,
            s,
            seen,
            s === "pass"
              ? P.education.ok
              : failText(P.education, `最高学历为${seen ?? "无"}`, `Highest ${seen ?? "none"}`),
          ),
        )
        break
      }
      case "age": {
        const age = await almanac.factValue<number>("age")
        findings.push(
          finding(
            P.age,
            s,
            age,
            s === "pass" ? P.age.ok : failText(P.age, `截至${ref}年满${age}周岁`, `Aged ${age} on ${ref}`),
          ),
        )
        break
      }
      default: {
        const pp = attestedParts.get(r.id)
        if (pp === undefined) throw new Error(`json-rules-engine: rule ${r.id} not written`)
        findings.push(
          finding(
            pp,
            s,
            s === "pass",
            s === "pass"
              ? pp.ok
              : s === "fail"
                ? failText(pp, "审核人员确认不符合", "Not met")
                : reviewText(pp),
          ),
        )
      }
    }
  }
  return { outcome: outcomeOf(findings), findings }
}
