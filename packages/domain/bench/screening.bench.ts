// Screening throughput: compile the Yangpu preset once, screen a synthetic pool, report candidates per second.
// Target (issue): ≥ 1,000,000 candidates/s with findings. Run: pnpm bench
import { compile } from "../src/eligibility/Evaluate.js"
import { makeProfile } from "../src/eligibility/fixtures.js"
import type { Profile } from "../src/person/Profile.js"
import { loadPreset } from "../src/scheme/Preset.js"
import { yangpuCommunitySecretary } from "../src/scheme/presets/yangpu-community-secretary.js"
import * as LocalDate from "../src/shared/LocalDate.js"

const scheme = loadPreset(yangpuCommunitySecretary)
const screen = compile(scheme)
const referenceDate = LocalDate.make("2020-12-18")

const POOL = 100_000
const levels = ["staff", "clerk", "deputy_section", "section", "deputy_division"] as const
const employments = [
  "civil_servant",
  "civil_servant_managed",
  "public_institution_established",
  "soe",
] as const

// Profiles are decoded through the Profile Schema (as the API would), so the bench screens real values.
const pool: Array<Profile> = []
for (let i = 0; i < POOL; i++) {
  const birthDate = LocalDate.fromParts(1975 + (i % 25), 1 + (i % 12), 1 + (i % 28))
  pool.push(
    makeProfile({
      id: `p${i}`,
      name: `候选人${i}`,
      birthDate,
      party:
        i % 10 === 0
          ? { _tag: "Probationary", joined: "2020-01-01" }
          : {
              _tag: "Full",
              joined: "2004-01-01",
              fullMemberSince: LocalDate.fromParts(2005 + (i % 15), 6, 1),
            },
      education: [{ level: i % 7 === 0 ? "senior_secondary" : "bachelor", fullTime: true }],
      employment: employments[i % employments.length] ?? "civil_servant",
      rank: { level: levels[i % levels.length] ?? "clerk", track: "non_leading" },
      workHistory: [
        {
          from: "2015-01-01",
          organisation: "某街道",
          position: "科员",
          grassroots: true,
          tags: i % 5 === 0 ? ["epidemic_assistant"] : [],
        },
      ],
      attestations: [
        { item: "party_spirit_conduct_dedication", result: true, by: "reviewer", date: "2020-12-10" },
      ],
    }),
  )
}

const run = (): number => {
  let eligible = 0
  for (const p of pool) if (screen(p, { referenceDate }).outcome !== "ineligible") eligible++
  return eligible
}
for (let i = 0; i < 5; i++) run() // warm up
const rounds = 20
const t0 = performance.now()
let kept = 0
for (let i = 0; i < rounds; i++) kept += run()
const ms = performance.now() - t0
const perSecond = Math.round((POOL * rounds) / (ms / 1000))
console.log(
  `screened ${POOL * rounds} candidates against ${scheme.id} v${scheme.version} in ${ms.toFixed(0)} ms: ${perSecond.toLocaleString("en")} candidates/s (${kept} not ineligible)`,
)
