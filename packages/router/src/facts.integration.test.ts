import { auditLog, demoIdNumber } from "@cadre/db"
import { and, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness } from "./test-support.js"

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
    const created = await h.caller(applicant).profiles.createMine({
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

/**
 * "No staff member can record a sanction or an investigation: the five exclusions rest on what the applicant
 * declares", and "the 纪检/公安/综治/计生 opinions never reach the exclusions". On the demo data: 某街道's
 * reserve-pool campaign (001), nominees in joint review (001 四（二）2); the street runs it and keeps the record.
 */
describe("001 三 不宜 / 四（二）2: sanctions and investigations recorded by staff or a joint-review department reach the exclusions", () => {
  let street: Record<string, string>
  let reviewer: Record<string, string>
  const nominees = async () => {
    h.setToday("2026-07-16")
    street ??= await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    reviewer ??= await h.actorHeaders({ role: "reviewer", regionId: "guizhou-street" })
    const page = await h
      .caller(street)
      .applications.list({ campaignId: "demo-guizhou-2026", state: "joint_review" })
    return page.items.filter((a) => a.application.records.joint_review === undefined)
  }
  const actions = async (entity: string, entityId: string) =>
    (
      await h.handle.db
        .select({ action: auditLog.action, after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, entityId), eq(auditLog.entity, entity)))
    ).map((r) => r.action)

  it("001 三 不宜（2）: a sanction the street records (文号, date) excludes a nominee who declared nothing; kept with its source and recorder, audited", async () => {
    const row = (await nominees())[0]
    if (row === undefined) throw new Error("the demo has no nominee in joint review without opinions")
    const personId = row.application.personId
    const sanction = {
      kind: "party_sanction",
      date: "2025-03-01",
      description: "违反工作纪律，党内警告处分",
      document: "街纪工委〔2025〕3号",
    }
    // A reviewer does not keep the record.
    expect(
      (await failure(h.caller(reviewer).profiles.recordConduct({ personId, record: sanction }))).code,
    ).toBe("FORBIDDEN")
    const kept = await h.caller(street).profiles.recordConduct({ personId, record: sanction })
    expect(kept).toMatchObject({
      personId,
      kind: "party_sanction",
      source: "staff",
      document: "街纪工委〔2025〕3号",
    })
    expect(kept.recordedBy).toBeTruthy()
    const listed = await h.caller(street).profiles.conduct({ personId })
    expect(listed.map((r) => [r.kind, r.source, r.document])).toEqual([
      ["party_sanction", "staff", "街纪工委〔2025〕3号"],
    ])
    expect(await actions("person", personId)).toContain("person.record_conduct")
    const verdict = await h.caller(street).eligibility.check({
      schemeId: row.application.schemeId,
      version: row.application.schemeVersion,
      personId,
      referenceDate: "2026-07-16",
    })
    const f = verdict.findings.find((x) => x.ruleId === "disciplinary_sanction")
    expect(f?.status).toBe("fail")
    expect(f?.source).toBe("staff")
    expect(f?.message.zh).toContain("街纪工委〔2025〕3号")
    expect(verdict.outcome).toBe("ineligible")
  })

  it("001 四（二）2: 纪检's opinion carries an open investigation; the application is re-screened in the same move and is ineligible", async () => {
    const row = (await nominees())[0]
    if (row === undefined) throw new Error("the demo has no second nominee in joint review without opinions")
    const before = row.application.verdict?.outcome
    expect(before).not.toBe("ineligible")
    const cur = await h.caller(street).applications.act({
      applicationId: row.id,
      expectedVersion: row.version,
      move: {
        _tag: "Record",
        record: {
          _tag: "JointReview",
          opinions: [
            {
              department: "纪检",
              agree: false,
              note: "正在接受立案审查",
              records: [
                {
                  kind: "investigation",
                  date: "2026-06-20",
                  description: "立案审查",
                  document: "纪立〔2026〕8号",
                },
              ],
            },
          ],
        },
      } as never,
    })
    expect(cur.application.verdict?.outcome).toBe("ineligible")
    const f = cur.application.verdict?.findings.find((x) => x.ruleId === "recent_violation")
    expect(f?.status).toBe("fail")
    expect(f?.source).toBe("joint_review")
    expect(f?.message.zh).toContain("纪检")
    expect(f?.message.zh).toContain("纪立〔2026〕8号")
    const listed = await h.caller(street).profiles.conduct({ personId: row.application.personId })
    expect(listed.filter((r) => r.source === "joint_review")).toEqual([
      expect.objectContaining({
        kind: "investigation",
        source: "joint_review",
        department: "纪检",
        applicationId: row.id,
      }),
    ])
    expect(await actions("person", row.application.personId)).toContain("person.record_conduct")
  })
})
