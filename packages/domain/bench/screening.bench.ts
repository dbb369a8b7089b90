// Screening throughput: the kernel (Yangpu preset, compiled once) against the same rules written for
// json-rules-engine and as a hand-written if-chain. Every implementation produces one finding object per rule
// per candidate, with the rule's citation and a message, so the comparison is like for like.
// Run: pnpm bench (in packages/domain), or `pnpm bench` at the root through turbo.
import { Schema } from "effect"
import { type Almanac, Engine, type RuleProperties } from "json-rules-engine"
import { compile } from "../src/eligibility/Evaluate.js"
import type { Finding, FindingStatus, FindingValue } from "../src/eligibility/Finding.js"
import type { Rule } from "../src/eligibility/rules/index.js"
import { checkCharacter } from "../src/person/IdNumber.js"
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  type EmploymentCategory,
  Profile,
  type ProfileEncoded,
  type RankLevel,
} from "../src/person/Profile.js"
import { loadPreset } from "../src/scheme/Preset.js"
import { yangpuCommunitySecretary } from "../src/scheme/presets/yangpu-community-secretary.js"
import { formatCitation } from "../src/shared/Citation.js"
import { fromParts, fullYearsBetween, type LocalDate, make } from "../src/shared/LocalDate.js"
import type { Text } from "../src/shared/Text.js"

const POOL = Number(process.env.BENCH_POOL ?? 100_000)
const SEED = 0x5eed_2020
const REF = make("2020-12-18") // 000 二（一）: the recommendation deadline
/** json-rules-engine runs on this subset when the whole pool would take longer than JRE_BUDGET_MS. */
const JRE_SUBSET = 5_000
const JRE_BUDGET_MS = 60_000
const TARGET_RATE = 1_000_000
const TARGET_VS_JRE = 30
const TARGET_VS_IF = 3

// ------------------------------------------------------------------------------------------------ the scheme

const scheme = loadPreset(yangpuCommunitySecretary)
const RULES: ReadonlyArray<Rule> = [...scheme.eligibility.rules, ...scheme.eligibility.exclusions]
const ruleOf = <T extends Rule["_tag"]>(id: string, tag: T): Extract<Rule, { _tag: T }> => {
  const r = RULES.find((x) => x.id === id)
  if (r === undefined || r._tag !== tag) throw new Error(`Yangpu preset: no ${tag} rule "${id}"`)
  return r as Extract<Rule, { _tag: T }>
}
// The parameters the hand-written versions use, read from the preset so all three apply the same numbers.
const partyRule = ruleOf("party_standing", "PartyStanding")
const employmentRule = ruleOf("employment", "EmploymentIn")
const rankRule = ruleOf("rank", "RankIn")
const educationRule = ruleOf("education", "EducationAtLeast")
const ageRule = ruleOf("age", "AgeRange")
const attestedRules = RULES.filter((r): r is Extract<Rule, { _tag: "Attested" }> => r._tag === "Attested")
const AGE_MIN = ageRule.min ?? 0
const AGE_MAX = ageRule.max ?? 200
const EDU_NEED = EDUCATION_LEVELS.indexOf(educationRule.level)

// ------------------------------------------------------------------------------------------------ profiles

/** mulberry32: small, fast, deterministic. */
const prng = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const generate = (n: number, seed: number): Array<Profile> => {
  const rnd = prng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rnd() * xs.length)] as T
  const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>): T => {
    let r = rnd() * pairs.reduce((s, [, w]) => s + w, 0)
    for (const [v, w] of pairs) {
      r -= w
      if (r < 0) return v
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0]
  }
  const date = (y0: number, y1: number) => fromParts(int(y0, y1), int(1, 12), int(1, 28))
  const employment: ReadonlyArray<readonly [EmploymentCategory, number]> = [
    ["civil_servant", 35],
    ["civil_servant_managed", 15],
    ["public_institution_established", 25],
    ["public_institution_contract", 8],
    ["soe", 7],
    ["community_worker", 5],
    ["other", 5],
  ]
  const decode = Schema.decodeUnknownSync(Profile)
  const out: Array<Profile> = []
  for (let i = 0; i < n; i++) {
    const birthDate = date(1970, 2000)
    const male = rnd() < 0.5
    // GB 11643: area code, birth date, sequence (17th digit odd for men), check character.
    const first17 = `${pick(["310110", "310101", "310104", "310115"])}${birthDate.replaceAll("-", "")}${String(int(0, 99)).padStart(2, "0")}${male ? pick([1, 3, 5, 7, 9]) : pick([0, 2, 4, 6, 8])}`
    const r = rnd()
    const joined = date(1995, 2019)
    const party: ProfileEncoded["party"] =
      r < 0.08
        ? { _tag: "NotMember" }
        : r < 0.16
          ? { _tag: "Probationary", joined: date(2020, 2020) }
          : {
              _tag: "Full",
              joined,
              fullMemberSince: fromParts(Number(joined.slice(0, 4)) + 1, 6, int(1, 28)),
            }
    const education = Array.from(
      {
        length: weighted([
          [0, 5],
          [1, 70],
          [2, 25],
        ] as const),
      },
      () => ({
        level: weighted<EducationLevel>([
          ["senior_secondary", 8],
          ["technical_secondary", 7],
          ["junior_college", 25],
          ["bachelor", 45],
          ["master", 13],
          ["doctorate", 2],
        ]),
        fullTime: rnd() < 0.7,
      }),
    )
    const rank: ProfileEncoded["rank"] =
      rnd() < 0.12
        ? undefined
        : {
            level: weighted<RankLevel>([
              ["staff", 10],
              ["clerk", 35],
              ["deputy_section", 25],
              ["section", 18],
              ["deputy_division", 8],
              ["division", 4],
            ]),
            track: rnd() < 0.6 ? "non_leading" : "leading",
          }
    const attestations: Array<ProfileEncoded["attestations"][number]> = []
    for (const a of attestedRules) {
      const x = rnd()
      if (x < 0.85)
        attestations.push({
          item: a.item,
          result: true,
          by: "reviewer",
          reviewer: "李审",
          date: "2020-12-10",
        })
      else if (x < 0.9)
        attestations.push({
          item: a.item,
          result: false,
          by: "reviewer",
          reviewer: "李审",
          date: "2020-12-10",
        })
      else if (x < 0.95) attestations.push({ item: a.item, result: true, by: "self", date: "2020-12-01" })
    }
    const workHistory = Array.from({ length: int(1, 3) }, (_, k) => ({
      from: date(2000 + 6 * k, 2005 + 6 * k),
      organisation: pick(["区民政局", "某街道办事处", "区教育局", "区卫健委"]),
      position: pick(["科员", "副科长", "科长"]),
      grassroots: rnd() < 0.4,
      tags: rnd() < 0.1 ? ["epidemic_assistant"] : [],
    }))
    const profile: ProfileEncoded = {
      id: `p${String(i).padStart(6, "0")}`,
      name: `候选人${i}`,
      sex: male ? "male" : "female",
      birthDate,
      idNumber: `${first17}${checkCharacter(first17)}`,
      party,
      education,
      employment: weighted(employment),
      ...(rank === undefined ? {} : { rank }),
      workHistory,
      conduct: rnd() < 0.03 ? [{ kind: "party_sanction", date: date(2010, 2019), description: "警告" }] : [],
      attestations,
    }
    out.push(decode(profile))
  }
  return out
}

// ------------------------------------------------------------------------------------------------ shared finding parts

/** The per-rule constants every implementation precomputes once (as the kernel does). */
const parts = (rule: Rule, expected: Text) => {
  const c = formatCitation(rule.citation)
  return {
    ruleId: rule.id,
    kind: rule._tag,
    label: rule.label,
    expected,
    citation: rule.citation,
    waivable: rule.waivable,
    ok: { zh: `符合“${rule.label.zh}”（${c}）`, en: `Meets "${rule.label.en}" (${c})` } satisfies Text,
    sfx: c,
  }
}
type Parts = ReturnType<typeof parts>
const finding = (p: Parts, status: FindingStatus, actual: FindingValue, message: Text): Finding => ({
  ruleId: p.ruleId,
  kind: p.kind,
  status,
  label: p.label,
  actual,
  expected: p.expected,
  citation: p.citation,
  waivable: p.waivable,
  message,
})
const failText = (p: Parts, zh: string, en: string): Text => ({
  zh: `${zh}（${p.sfx}）`,
  en: `${en} (${p.sfx})`,
})
const reviewText = (p: Parts): Text => ({
  zh: `需人工审核“${p.label.zh}”（${p.sfx}）`,
  en: `Needs review: "${p.label.en}" (${p.sfx})`,
})

const P = {
  party: parts(partyRule, {
    zh: `中共正式党员，党龄满${partyRule.minYears}年`,
    en: `full member ≥ ${partyRule.minYears} years`,
  }),
  employment: parts(employmentRule, {
    zh: employmentRule.categories.join("、"),
    en: employmentRule.categories.join(", "),
  }),
  rank: parts(rankRule, { zh: rankRule.levels.join("、"), en: rankRule.levels.join(", ") }),
  education: parts(educationRule, {
    zh: `${educationRule.level}及以上`,
    en: `${educationRule.level} or higher`,
  }),
  age: parts(ageRule, { zh: `${AGE_MIN}—${AGE_MAX}周岁`, en: `aged ${AGE_MIN} to ${AGE_MAX}` }),
}
const attestedParts = new Map(attestedRules.map((r) => [r.id, parts(r, { zh: r.label.zh, en: r.label.en })]))
const EMPLOYMENT_OK = new Set<string>(employmentRule.categories)
const RANK_OK = new Set<string>(rankRule.levels)

type Outcome = "eligible" | "ineligible" | "needs_review"
const outcomeOf = (findings: ReadonlyArray<Finding>): Outcome => {
  let review = false
  for (const f of findings) {
    if (f.status === "fail") return "ineligible"
    if (f.status === "needs_review") review = true
  }
  return review ? "needs_review" : "eligible"
}

/** Reviewer's latest word on an item (same date: "false" wins); self-declared only → "self"; nothing → null. */
const attestation = (p: Profile, item: string): boolean | "self" | null => {
  let latest: Profile["attestations"][number] | undefined
  let self = false
  for (const a of p.attestations) {
    if (a.item !== item) continue
    if (a.by !== "reviewer") self = true
    else if (latest === undefined || a.date > latest.date || (a.date === latest.date && !a.result)) latest = a
  }
  return latest !== undefined ? latest.result : self ? "self" : null
}
const bestEducation = (p: Profile): number => {
  let best = -1
  for (const e of p.education) {
    if (educationRule.fullTimeOnly && !e.fullTime) continue
    const r = EDUCATION_LEVELS.indexOf(e.level)
    if (r > best) best = r
  }
  return best
}
const partyYears = (p: Profile, on: LocalDate): number =>
  p.party._tag === "Full" ? fullYearsBetween(p.party.fullMemberSince, on) : -1

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
const ifChain = (p: Profile, ref: LocalDate): { outcome: Outcome; findings: Array<Finding> } => {
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
const buildEngine = (): Engine => {
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

const jreScreen = async (
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

// ------------------------------------------------------------------------------------------------ timing helpers

type Counts = Record<Outcome, number>
const zero = (): Counts => ({ eligible: 0, ineligible: 0, needs_review: 0 })
const fmt = (n: number) => Math.round(n).toLocaleString("en")

interface Timing {
  readonly name: string
  readonly candidates: number
  readonly rounds: number
  readonly ms: number
  readonly counts: Counts
  readonly note: string
}
const rate = (t: Timing) => (t.candidates * t.rounds) / (t.ms / 1000)

type Screener = (p: Profile) => { readonly outcome: Outcome; readonly findings: ReadonlyArray<Finding> }

/**
 * Time synchronous screeners over `pool`: `warm` untimed passes each, then `rounds` timed passes interleaved
 * (A, B, A, B…) so that neither gets a cleaner heap or a warmer cache than the other. Counts: the last pass.
 */
const timeInterleaved = (
  pool: ReadonlyArray<Profile>,
  screeners: ReadonlyArray<readonly [string, Screener]>,
  warm: number,
  rounds: number,
): Array<Timing> => {
  let sink = 0
  const pass = (screen: Screener): Counts => {
    const c = zero()
    for (const p of pool) {
      const v = screen(p)
      c[v.outcome]++
      sink += v.findings.length
    }
    return c
  }
  for (let i = 0; i < warm; i++) for (const [, s] of screeners) pass(s)
  const ms = screeners.map(() => 0)
  const counts = screeners.map(zero)
  for (let r = 0; r < rounds; r++)
    screeners.forEach(([, s], i) => {
      const t0 = performance.now()
      counts[i] = pass(s)
      ms[i] = (ms[i] ?? 0) + performance.now() - t0
    })
  if (sink === 0) console.log("(no findings produced)")
  return screeners.map(([name], i) => ({
    name,
    candidates: pool.length,
    rounds,
    ms: ms[i] ?? 0,
    counts: counts[i] ?? zero(),
    note: "",
  }))
}

// ------------------------------------------------------------------------------------------------ main

const main = async (): Promise<void> => {
  console.log(
    `Screening benchmark — preset ${scheme.id} v${scheme.version} (seed 000), ${RULES.length} rules, reference date ${REF}`,
  )
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`)

  const g0 = performance.now()
  const pool = generate(POOL, SEED)
  console.log(
    `profiles: ${fmt(pool.length)} generated (PRNG seed 0x${SEED.toString(16)}) and decoded through the Profile Schema in ${fmt(performance.now() - g0)} ms`,
  )

  const screen = compile(scheme) // compiled once
  const kernel = (p: Profile) => screen(p, { referenceDate: REF })
  const chain = (p: Profile) => ifChain(p, REF)
  const engine = buildEngine()

  // Timing first, on a quiet heap; the checks and json-rules-engine follow.
  const [k, c] = timeInterleaved(
    pool,
    [
      ["kernel (compile once)", kernel],
      ["if-chain (hand-written)", chain],
    ],
    3,
    5,
  )
  if (k === undefined || c === undefined) throw new Error("no timings")

  // Agreement: the same status for every rule of every candidate, kernel vs if-chain on the whole pool.
  const mismatches: Array<string> = []
  const kernelStatus: Array<string> = []
  for (let i = 0; i < pool.length; i++) {
    const p = pool[i] as Profile
    const a = kernel(p)
    const b = chain(p)
    const sa = a.findings.map((f) => `${f.ruleId}=${f.status}`).join(" ")
    const sb = b.findings.map((f) => `${f.ruleId}=${f.status}`).join(" ")
    kernelStatus.push(sa)
    if (sa !== sb || a.outcome !== b.outcome)
      mismatches.push(`${p.id}: kernel ${a.outcome} [${sa}] vs if-chain ${b.outcome} [${sb}]`)
  }

  // json-rules-engine: estimate on a probe, then run the whole pool or the subset.
  for (let i = 0; i < 200; i++) await jreScreen(engine, pool[i] as Profile, REF)
  const probe = Math.min(1_000, pool.length)
  const p0 = performance.now()
  for (let i = 0; i < probe; i++) await jreScreen(engine, pool[i] as Profile, REF)
  const projected = ((performance.now() - p0) / probe) * pool.length
  const jrePool = projected > JRE_BUDGET_MS ? pool.slice(0, JRE_SUBSET) : pool
  const jreCounts = zero()
  const j0 = performance.now()
  const jreStatus: Array<string> = []
  for (const p of jrePool) {
    const v = await jreScreen(engine, p, REF)
    jreCounts[v.outcome]++
    jreStatus.push(v.findings.map((f) => `${f.ruleId}=${f.status}`).join(" "))
  }
  const jreMs = performance.now() - j0
  jreStatus.forEach((s, i) => {
    if (s !== kernelStatus[i])
      mismatches.push(
        `${(jrePool[i] as Profile).id}: kernel [${kernelStatus[i]}] vs json-rules-engine [${s}]`,
      )
  })
  const jre: Timing = {
    name: "json-rules-engine 7.3.1",
    candidates: jrePool.length,
    rounds: 1,
    ms: jreMs,
    counts: jreCounts,
    note:
      jrePool === pool
        ? ""
        : `timed on a ${fmt(JRE_SUBSET)}-profile subset: the full ${fmt(pool.length)} was projected at ${fmt(projected / 1000)} s`,
  }

  // Verdict counts must agree: kernel and if-chain on the whole pool, json-rules-engine on what it ran.
  const kernelOnJre = zero()
  for (const p of jrePool) kernelOnJre[kernel(p).outcome]++
  const sameCounts = (a: Counts, b: Counts) =>
    a.eligible === b.eligible && a.ineligible === b.ineligible && a.needs_review === b.needs_review

  const rows = [k, c, jre]
  const pad = (s: string, n: number) => s.padEnd(n)
  const lpad = (s: string, n: number) => s.padStart(n)
  console.log("")
  console.log(
    `${pad("implementation", 26)}${lpad("candidates", 14)}${lpad("time ms", 10)}${lpad("candidates/s", 14)}${lpad("eligible", 10)}${lpad("ineligible", 12)}${lpad("needs_review", 14)}`,
  )
  for (const t of rows) {
    console.log(
      `${pad(t.name, 26)}${lpad(`${fmt(t.candidates)}×${t.rounds}`, 14)}${lpad(fmt(t.ms), 10)}${lpad(fmt(rate(t)), 14)}${lpad(fmt(t.counts.eligible), 10)}${lpad(fmt(t.counts.ineligible), 12)}${lpad(fmt(t.counts.needs_review), 14)}`,
    )
  }
  if (jre.note !== "") console.log(`  note: json-rules-engine ${jre.note}; its counts are for that subset`)
  if (jrePool !== pool)
    console.log(
      `  kernel on the same subset: eligible ${fmt(kernelOnJre.eligible)}, ineligible ${fmt(kernelOnJre.ineligible)}, needs_review ${fmt(kernelOnJre.needs_review)}`,
    )

  const kr = rate(k)
  const vsJre = kr / rate(jre)
  const vsIf = rate(c) / kr
  const mark = (ok: boolean) => (ok ? "met" : "MISSED")
  console.log("")
  console.log("targets")
  console.log(
    `  kernel throughput            ≥ ${fmt(TARGET_RATE)}/s   ${lpad(`${fmt(kr)}/s`, 14)}   ${mark(kr >= TARGET_RATE)}`,
  )
  console.log(
    `  kernel ÷ json-rules-engine   ≥ ${TARGET_VS_JRE}×           ${lpad(`${vsJre.toFixed(1)}×`, 14)}   ${mark(vsJre >= TARGET_VS_JRE)}`,
  )
  console.log(
    `  if-chain ÷ kernel            ≤ ${TARGET_VS_IF}× (within 3×) ${lpad(`${vsIf.toFixed(2)}×`, 14)}   ${mark(vsIf <= TARGET_VS_IF)}`,
  )

  const countsAgree = sameCounts(k.counts, c.counts) && sameCounts(kernelOnJre, jreCounts)
  if (mismatches.length > 0 || !countsAgree) {
    console.error("")
    console.error(
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    )
    console.error("!!! MISMATCH: the three implementations do not agree on the verdicts.")
    if (!countsAgree) console.error("!!! verdict counts differ (see the table)")
    for (const m of mismatches.slice(0, 10)) console.error(`!!! ${m}`)
    if (mismatches.length > 10) console.error(`!!! … and ${fmt(mismatches.length - 10)} more`)
    console.error(
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    )
    process.exit(1)
  }
  console.log("")
  console.log(
    `agreement: every finding status of every candidate is the same in all three (kernel = if-chain on ${fmt(pool.length)}, kernel = json-rules-engine on ${fmt(jrePool.length)})`,
  )
}

await main()
