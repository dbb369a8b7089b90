// Fixtures of the screening benchmark (screening.bench.ts): the Yangpu preset and the rule parameters the
// hand-written versions read from it, and the deterministic generator of candidate profiles.
import { Schema } from "effect"
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
import { fromParts } from "../src/shared/LocalDate.js"

// ------------------------------------------------------------------------------------------------ the scheme

export const scheme = loadPreset(yangpuCommunitySecretary)
export const RULES: ReadonlyArray<Rule> = [...scheme.eligibility.rules, ...scheme.eligibility.exclusions]
const ruleOf = <T extends Rule["_tag"]>(id: string, tag: T): Extract<Rule, { _tag: T }> => {
  const r = RULES.find((x) => x.id === id)
  if (r === undefined || r._tag !== tag) throw new Error(`Yangpu preset: no ${tag} rule "${id}"`)
  return r as Extract<Rule, { _tag: T }>
}
// The parameters the hand-written versions use, read from the preset so all three apply the same numbers.
export const partyRule = ruleOf("party_standing", "PartyStanding")
export const employmentRule = ruleOf("employment", "EmploymentIn")
export const rankRule = ruleOf("rank", "RankIn")
export const educationRule = ruleOf("education", "EducationAtLeast")
export const ageRule = ruleOf("age", "AgeRange")
export const attestedRules = RULES.filter(
  (r): r is Extract<Rule, { _tag: "Attested" }> => r._tag === "Attested",
)
export const AGE_MIN = ageRule.min ?? 0
export const AGE_MAX = ageRule.max ?? 200
export const EDU_NEED = EDUCATION_LEVELS.indexOf(educationRule.level)

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

export const generate = (n: number, seed: number): Array<Profile> => {
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
