import { auditLog, demoIdNumber, schema } from "@cadre/db"
import { eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness } from "./test-support.js"

/**
 * Issue 17, "save and return": an applicant part-way through the profile saves what is typed so far and comes back
 * to the page they left, on any device. Only the owner (an applicant account) reads, saves or discards the draft;
 * its shapes and lengths are checked at the field; saving the profile whole removes it; parallel saves leave one.
 */

let h: Harness

beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const birthDate = "1992-03-04"
const idNumber = demoIdNumber("340311", birthDate, 871)

describe("profiles.saveDraftMine / draftMine / discardDraftMine (issue 17 save and return)", () => {
  it("keeps the answers and the page to return to; the next save replaces it; the save is audited without values", async () => {
    const me = await h.actorHeaders({ role: "applicant" })
    expect(await h.caller(me).profiles.draftMine()).toBeNull()
    const first = await h.caller(me).profiles.saveDraftMine({
      step: "party",
      values: { name: "周草稿", idNumber: "34031119", sex: "female", birthDate: "" },
    })
    expect(first.step).toBe("party")
    expect(Date.parse(first.keptUntil) - Date.parse(first.savedAt)).toBe(30 * 86_400_000)
    const read = await h.caller(me).profiles.draftMine()
    expect(read?.values).toEqual({ name: "周草稿", idNumber: "34031119", sex: "female", birthDate: "" })
    await h.caller(me).profiles.saveDraftMine({
      step: "family",
      values: { name: "周草稿", family: [{ relation: "母亲", name: "王某" }] },
    })
    const again = await h.caller(me).profiles.draftMine()
    expect(again?.step).toBe("family")
    expect(again?.values.idNumber).toBeUndefined()
    const audits = await h.handle.db.select().from(auditLog).where(eq(auditLog.action, "profile.save_draft"))
    const mine = audits.filter((a) => JSON.stringify(a.after).includes('"family"'))
    expect(mine.length).toBe(1)
    // What was answered, never the answers: a draft is not a record of the person.
    expect(JSON.stringify(mine[0]?.after)).not.toContain("周草稿")
    expect((mine[0]?.after as { answered?: ReadonlyArray<string> } | undefined)?.answered).toEqual([
      "name",
      "family",
    ])
  })

  it("is each applicant's own: another applicant sees none, staff may not save one", async () => {
    const a = await h.actorHeaders({ role: "applicant" })
    const b = await h.actorHeaders({ role: "applicant" })
    await h.caller(a).profiles.saveDraftMine({ step: "basic", values: { name: "甲" } })
    expect(await h.caller(b).profiles.draftMine()).toBeNull()
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "340311" })
    const refused = await failure(
      h.caller(org).profiles.saveDraftMine({ step: "basic", values: { name: "x" } }),
    )
    expect(refused.code).toBe("FORBIDDEN")
    expect((await failure(h.caller().profiles.draftMine())).code).toBe("UNAUTHORIZED")
  })

  it("refuses what no form sends at the field, in both languages, never a 500", async () => {
    const me = await h.actorHeaders({ role: "applicant" })
    const long = await failure(
      h.caller(me).profiles.saveDraftMine({ step: "basic", values: { name: "名".repeat(51) } }),
    )
    expect(long.code).toBe("BAD_REQUEST")
    expect(long.message).toContain("姓名")
    expect(long.message).toContain("name")
    const badDate = await failure(
      h.caller(me).profiles.saveDraftMine({ step: "basic", values: { birthDate: "1992-3-4" } }),
    )
    expect(badDate.code).toBe("BAD_REQUEST")
    expect(badDate.message).toContain("出生日期")
    const many = await failure(
      h.caller(me).profiles.saveDraftMine({
        step: "family",
        values: { family: Array.from({ length: 16 }, () => ({ name: "某" })) },
      }),
    )
    expect(many.code).toBe("BAD_REQUEST")
    const stray = await failure(
      h.caller(me).profiles.saveDraftMine({ step: "basic", values: { salary: "1" } as never }),
    )
    expect(stray.code).toBe("BAD_REQUEST")
    const page = await failure(h.caller(me).profiles.saveDraftMine({ step: "payment" as never, values: {} }))
    expect(page.code).toBe("BAD_REQUEST")
    expect(await h.caller(me).profiles.draftMine()).toBeNull()
  })

  it("parallel saves leave exactly one draft, the last write whole", async () => {
    const me = await h.actorHeaders({ role: "applicant" })
    const names = Array.from({ length: 8 }, (_, i) => `并发${i}`)
    await Promise.all(
      names.map((name) => h.caller(me).profiles.saveDraftMine({ step: "basic", values: { name } })),
    )
    const d = await h.caller(me).profiles.draftMine()
    expect(names).toContain(d?.values.name)
    expect(Object.keys(d?.values ?? {})).toEqual(["name"])
  })

  it("is removed when the profile is saved whole, and can be discarded", async () => {
    const me = await h.actorHeaders({ role: "applicant" })
    await h.caller(me).profiles.saveDraftMine({ step: "work", values: { name: "钱完成" } })
    await h.caller(me).profiles.createMine({
      regionId: "340311",
      profile: {
        name: "钱完成",
        sex: "male",
        birthDate,
        idNumber,
        party: { _tag: "NotMember" },
        education: [{ level: "bachelor", fullTime: true }],
        employment: "civil_servant",
        workHistory: [],
        conduct: [],
        attestations: [],
      },
    })
    expect(await h.caller(me).profiles.draftMine()).toBeNull()
    await h.caller(me).profiles.saveDraftMine({ step: "basic", values: { name: "钱完成" } })
    expect(await h.caller(me).profiles.discardDraftMine()).toEqual({ discarded: true })
    expect(await h.caller(me).profiles.draftMine()).toBeNull()
    expect(await h.caller(me).profiles.discardDraftMine()).toEqual({ discarded: false })
  })

  it("is no longer offered after 30 days, and is removed when read then", async () => {
    const me = await h.actorHeaders({ role: "applicant" })
    const saved = await h.caller(me).profiles.saveDraftMine({ step: "basic", values: { name: "旧草稿" } })
    const drafts = schema.profileDrafts
    const before = (await h.handle.db.select().from(drafts)).length
    const old = new Date(Date.parse(saved.savedAt) - 31 * 86_400_000)
    await h.handle.db.update(drafts).set({ savedAt: old })
    expect(await h.caller(me).profiles.draftMine()).toBeNull()
    expect((await h.handle.db.select().from(drafts)).length).toBe(before - 1)
  })
})
