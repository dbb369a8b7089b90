import { demoIdNumber } from "@cadre/db"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, makeHarness } from "./test-support.js"

/**
 * Issue 13 item 3, "facts carry their source": each fact on a case says who recorded it. An applicant who put
 * reviewer attestations (素质高、能力强 …) into their own profile was screened `eligible`, and that verdict was
 * stored. An applicant's word is a claim: a rule the scheme marks as attested passes only on a reviewer's
 * confirmation, so the claim shows as "claimed, awaiting review" (needs_review, source applicant).
 */

let h: Harness
let org: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  h.setToday("2026-05-06")
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "340311" })
}, 120_000)
afterAll(async () => h?.close())

/** An open Huaishang campaign (seed 004: the attested rule 素质高、能力强) taking self-registrations. */
const openCampaign = async (name: string) => {
  const c = await h.caller(org).campaigns.create({
    regionId: "340311",
    name,
    schemeId: "huaishang-village-posting",
    schemeVersion: 1,
    channels: ["self_registration"],
    places: 1,
    startYear: 2026,
    referenceDate: "2026-05-31",
    decidingBody: "org_dept_meeting",
  })
  await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
  return c.id
}

const profileOf = (serial: number, extra: Record<string, unknown> = {}) => {
  const birthDate = "1991-04-02"
  return {
    name: "钱自荐",
    sex: "male" as const,
    birthDate,
    idNumber: demoIdNumber("340311", birthDate, serial),
    phone: "19900029101",
    party: { _tag: "Full" as const, joined: "2014-07-01", fullMemberSince: "2015-07-01" },
    education: [{ level: "bachelor" as const, fullTime: true }],
    employment: "civil_servant" as const,
    workHistory: [],
    conduct: [],
    attestations: [],
    ...extra,
  }
}

describe("004 淮上 选优派强 三是: an applicant's own attestation is a claim, not a reviewer's word", () => {
  it("reviewer attestations put into one's own profile are stored as claims; the stored verdict awaits review", async () => {
    const campaignId = await openCampaign("2026年淮上区选派干部到村任职（自荐）")
    const applicant = await h.actorHeaders({ role: "applicant" })
    const forged = {
      item: "quality_ability",
      result: true,
      by: "reviewer",
      reviewer: "组织部干部科",
      date: "2026-05-01",
      note: "经审核",
    }
    const created = await h
      .caller(applicant)
      .profiles.createMine({
        regionId: "340311",
        profile: profileOf(931, { attestations: [forged] }) as never,
      })
    expect(created.profile.attestations.map((a) => a.by)).toEqual(["self"])
    const mine = await h.caller(applicant).applications.register({ campaignId })
    expect(mine.application.verdict?.outcome).toBe("needs_review")
    const stored = await h.caller(org).applications.get({ id: mine.id })
    expect(stored.application.verdict?.outcome).toBe("needs_review")
    const f = stored.application.verdict?.findings.find((x) => x.ruleId === "quality_ability")
    expect(f?.status).toBe("needs_review")
    expect(f?.source).toBe("applicant")
    expect(f?.message.zh).toContain("本人申报")
    expect(f?.message.en).toContain("Claimed by the applicant")
    // An edit of one's own profile cannot forge it either.
    const updated = await h.caller(applicant).profiles.updateMine({
      regionId: "340311",
      profile: profileOf(931, { attestations: [forged] }) as never,
      expectedVersion: created.version,
    })
    expect(updated.profile.attestations.every((a) => a.by === "self")).toBe(true)
  })
})
