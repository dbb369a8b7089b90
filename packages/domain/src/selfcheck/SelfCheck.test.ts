import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { loadPreset } from "../scheme/Preset.js"
import { yangpuCommunitySecretary } from "../scheme/presets/index.js"
import {
  PublicScreen,
  publicScreenOf,
  readPublicScreen,
  readSelfCheckAnswers,
  selfCheck,
  selfCheckQuestions,
} from "./SelfCheck.js"

const yangpu = loadPreset(yangpuCommunitySecretary)
const answers = {
  party: { _tag: "Full", joined: "2009-06-01", fullMemberSince: "2010-06-01" },
  education: { level: "bachelor", fullTime: true },
  employment: "civil_servant",
  rank: "section",
} as const
const check = (a: unknown) => {
  const decoded = readSelfCheckAnswers(a)
  if (decoded === undefined) throw new Error("answers did not decode")
  return selfCheck(yangpu, decoded, "2026-12-31" as never)
}

describe("self-check (issue 17 item 2) against 000 一（一）", () => {
  it("asks only what the rules read: 000 asks the birth date (一（一）5 年龄25至38周岁) and Party standing", () => {
    expect(selfCheckQuestions(yangpu).questions).toEqual(expect.arrayContaining(["birthDate", "party"]))
  })

  it("born 1980 fails 一（一）5 with the age seen and the clause apart; the attested quality awaits a reviewer", () => {
    const r = check({ ...answers, birthDate: "1980-01-01" })
    expect(r.outcome).toBe("ineligible")
    const age = r.failed.find((f) => f.ruleId === "age")
    expect(age?.actual).toBe(46)
    expect(age?.citation.clause).toBe("一（一）5")
    expect(age?.message?.zh).not.toContain("（000")
    expect(r.review.map((x) => x.ruleId)).toContain("party_spirit")
  })

  it("an unanswered question is never failed: it is listed apart with no value", () => {
    const r = check({})
    expect(r.failed).toEqual([])
    expect(r.unanswered.every((x) => x.message === null && x.actual === null)).toBe(true)
    expect(r.outcome).toBe("needs_review")
  })

  it("what publicGet ships decodes back to the same verdicts (the browser's copy of the rules)", () => {
    const shipped = readPublicScreen(JSON.parse(JSON.stringify(publicScreenOf(yangpu))))
    if (shipped === undefined) throw new Error("the shipped rules did not decode")
    const a = readSelfCheckAnswers({ ...answers, birthDate: "1990-05-01" })
    if (a === undefined) throw new Error("answers did not decode")
    expect(selfCheck(shipped, a, "2026-12-31" as never)).toEqual(selfCheck(yangpu, a, "2026-12-31" as never))
    expect(Schema.is(PublicScreen)(shipped)).toBe(true)
  })

  it("answers that do not decode are left to the server (which places its refusal at the field)", () => {
    expect(readSelfCheckAnswers({ birthDate: "1990-02-30" })).toBeUndefined()
    expect(readPublicScreen({ eligibility: {} })).toBeUndefined()
  })
})
