import { auditLog, campaigns, people } from "@cadre/db"
import { Person, SelfCheck } from "@cadre/domain"
import { Schema } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness, tagOf } from "./test-support.js"

/**
 * Issue 17 item 1, "public and findable": without an account, `campaigns.publicList` lists exactly the campaigns
 * that are open AND take self-registration (the rows `campaigns.open` lists to applicants), by region name and
 * programme, with the application deadline and places; `campaigns.publicGet` states every condition as the
 * scheme's own rule text with its document and clause, the timetable and the documents. A draft, closed or
 * recommendation-only campaign is NOT_FOUND. No personal data, no account ids, no region codes.
 */

let h: Harness
let yangpuOrg: Record<string, string>
const anon = () => h.caller({})

/** Every open self-registration campaign, read straight from the table. */
const openSelfRegistration = async () =>
  (await h.handle.db.select().from(campaigns))
    .filter((c) => c.status === "open" && (c.channels as ReadonlyArray<string>).includes("self_registration"))
    .map((c) => c.id)
    .sort()

beforeAll(async () => {
  h = await makeHarness()
  yangpuOrg = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  // A Yangpu scheme that also takes self-registration (the seed takes unit recommendations only), so that a
  // public campaign has a dated application stage: 推荐报送 by 18 December (000 二（一）).
  const preset = await h.caller(yangpuOrg).schemes.preset({ key: "yangpu-community-secretary" })
  const scheme = JSON.parse(JSON.stringify(preset?.scheme)) as {
    id: string
    channels: { value: Array<string> }
  }
  scheme.id = "yangpu-open-registration"
  scheme.channels.value = ["self_registration", "unit_recommendation"]
  const draft = await h.caller(yangpuOrg).schemes.create({ scheme: scheme as never })
  await h.caller(yangpuOrg).schemes.publish({
    schemeId: "yangpu-open-registration",
    version: 1,
    expectedRowVersion: draft.rowVersion,
  })
}, 180_000)
afterAll(async () => h?.close())

const create = (headers: Record<string, string>, id: string, over: Record<string, unknown> = {}) =>
  h.caller(headers).campaigns.create({
    id,
    regionId: "310110",
    name: `公开测试批次 ${id}`,
    schemeId: "yangpu-open-registration",
    schemeVersion: 1,
    channels: ["self_registration"],
    places: 3,
    startYear: 2026,
    referenceDate: "2026-12-31",
    decidingBody: "org_dept_meeting",
    ...over,
  } as never)

describe("campaigns.publicList / publicGet (issue 17: public and findable)", () => {
  it("an anonymous caller lists exactly the open self-registration campaigns, by region name", async () => {
    const list = await anon().campaigns.publicList()
    expect(list.map((c) => c.id).sort()).toEqual(await openSelfRegistration())
    expect(list.map((c) => c.id)).toContain("demo-huaishang-2026")
    const hs = list.find((c) => c.id === "demo-huaishang-2026")
    expect(hs?.region).toBe("淮上区")
    expect(hs?.regionNames.at(-1)).toBe("淮上区")
    expect(hs?.places).toBe(1)
    expect(hs?.programme.zh).toContain("淮上")
    // 004 Huaishang's scheme dates no stage: no deadline, said as null (the page says so in words).
    expect(hs?.deadline).toBeNull()
    // The same rows an applicant sees through campaigns.open.
    const applicant = h.caller(await h.actorHeaders({ role: "applicant" }))
    expect((await applicant.campaigns.open()).map((c) => c.id).sort()).toEqual(list.map((c) => c.id).sort())
  })

  it("a draft is not public; opened it is, with its deadline; closed it is NOT_FOUND again", async () => {
    const c = await create(yangpuOrg, "public-yp-1")
    expect((await anon().campaigns.publicList()).map((x) => x.id)).not.toContain(c.id)
    const draft = await failure(anon().campaigns.publicGet({ id: c.id }))
    expect([draft.code, tagOf(draft)]).toEqual(["NOT_FOUND", "NotFound"])

    const opened = await h
      .caller(yangpuOrg)
      .campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    const listed = (await anon().campaigns.publicList()).find((x) => x.id === c.id)
    expect(listed?.region).toBe("杨浦区")
    expect(listed?.deadline?.date).toBe("2026-12-18")
    expect(listed?.deadline?.citation.clause).toBe("二（一）")

    const page = await anon().campaigns.publicGet({ id: c.id })
    expect(page.places).toBe(3)
    // Every rule and exclusion of the scheme, as the kernel's text with its document and clause.
    const party = page.conditions.find((r) => r.id === "party_standing")
    expect(party?.text.zh).toBe("中共正式党员，党龄满三年")
    expect(party?.citation.clause).toBe("一（一）1")
    expect(party?.citation.document.zh).toBe("关于选派机关、事业单位干部到居民区担任党组织书记的通知")
    const preset = await h.caller(yangpuOrg).schemes.preset({ key: "yangpu-community-secretary" })
    const rules = preset?.scheme.eligibility
    expect(page.conditions.map((r) => r.id)).toEqual(
      [...(rules?.rules ?? []), ...(rules?.exclusions ?? [])].map((r) => r.id),
    )
    expect(page.timetable.find((e) => e.stageId === "recommend")?.date).toBe("2026-12-18")
    expect(page.documents[0]?.issuer).toBe("中共上海市杨浦区委组织部")

    await h.caller(yangpuOrg).campaigns.close({ id: c.id, expectedVersion: opened.version })
    expect((await anon().campaigns.publicList()).map((x) => x.id)).not.toContain(c.id)
    expect((await failure(anon().campaigns.publicGet({ id: c.id }))).code).toBe("NOT_FOUND")
  })

  it("an open campaign without self-registration, and an unknown id, are NOT_FOUND alike", async () => {
    const c = await create(yangpuOrg, "public-yp-rec", { channels: ["unit_recommendation"] })
    await h.caller(yangpuOrg).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    expect((await failure(anon().campaigns.publicGet({ id: c.id }))).code).toBe("NOT_FOUND")
    expect((await anon().campaigns.publicList()).map((x) => x.id)).not.toContain(c.id)
    expect((await failure(anon().campaigns.publicGet({ id: "no-such-campaign" }))).code).toBe("NOT_FOUND")
  })

  it("answers carry no personal data, no account ids, no region codes", async () => {
    const list = await anon().campaigns.publicList()
    const pages = await Promise.all(list.map((c) => anon().campaigns.publicGet({ id: c.id })))
    const rows = await h.handle.db.select().from(campaigns)
    for (const page of pages) {
      const text = JSON.stringify(page)
      const row = rows.find((r) => r.id === page.id)
      // Not the creator's account, not the region's code or path, not the scheme's id, no counts or posts.
      expect(text).not.toContain(row?.createdBy ?? "?")
      expect(text).not.toContain(`"${row?.regionId}"`)
      expect(text).not.toContain(row?.schemeId ?? "?")
      expect(Object.keys(page).sort()).toEqual(
        [
          "conditions",
          "deadline",
          "documents",
          "id",
          "name",
          "noticeDays",
          "places",
          "programme",
          "referenceDate",
          "region",
          "regionNames",
          "screen",
          "selfCheck",
          "timetable",
        ].sort(),
      )
      for (const n of page.regionNames) expect(n).not.toMatch(/^\d+$/)
      // No ID number (18 characters of digits) and no phone number anywhere.
      expect(text).not.toMatch(/\d{17}[\dX]/)
      expect(text).not.toMatch(/1\d{10}/)
    }
    expect(pages.map((p) => p.id)).toContain("demo-huaishang-2026")
    // The Huaishang page: its one rule, with the clause and the document's title.
    const hs = pages.find((p) => p.id === "demo-huaishang-2026")
    const rule = hs?.conditions[0]
    expect(rule?.text.zh).toBe("素质高、能力强")
    expect(rule?.citation.clause).toBe("淮上 选优派强 三是")
    expect(hs?.documents.length).toBeGreaterThan(0)
  })

  it("publicCheck (issue 17 item 2): the kernel's verdict for a visitor's answers, failures with value and clause, reviewer rules apart, nothing stored", async () => {
    const c = await create(yangpuOrg, "public-yp-check")
    await h.caller(yangpuOrg).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    const page = await anon().campaigns.publicGet({ id: c.id })
    // Only what the rules read: birth date (25–38), Party standing, education?, employment, rank.
    expect(page.selfCheck.questions).toEqual(
      expect.arrayContaining(["birthDate", "party", "employment", "rank"]),
    )
    expect(page.selfCheck.employment.find((o) => o.value === "civil_servant")?.label.zh).toBe("公务员")

    const count = async () => [
      (await h.handle.db.select().from(auditLog)).length,
      (await h.handle.db.select().from(people)).length,
    ]
    const before = await count()
    const answers = {
      party: { _tag: "Full" as const, joined: "2009-06-01", fullMemberSince: "2010-06-01" },
      education: { level: "bachelor" as const, fullTime: true },
      employment: "civil_servant" as const,
      rank: "section" as const,
    }
    // Born 1980: 46 on the campaign's reference date (2026-12-31), over 38.
    const old = await anon().campaigns.publicCheck({
      id: c.id,
      answers: { ...answers, birthDate: "1980-01-01" },
    })
    expect(old.outcome).toBe("ineligible")
    const age = old.failed.find((f) => f.ruleId === "age")
    expect(age?.citation.clause).toBe("一（一）5")
    expect(age?.message?.zh).toContain("46")
    // The clause is given apart (with the document's title), not as the kernel's "（000 一（一）5）" suffix.
    expect(age?.message?.zh).not.toContain("000")
    expect(age?.actual).toBe(46)
    expect(age?.text.zh).toContain("38")
    // The attested quality awaits a reviewer: shown apart, never as passed or failed.
    expect(old.review.map((r) => r.ruleId)).toContain("party_spirit")
    expect(old.passed.map((r) => r.ruleId)).toContain("party_standing")

    const young = await anon().campaigns.publicCheck({
      id: c.id,
      answers: { ...answers, birthDate: "1992-03-14" },
    })
    expect(young.failed).toEqual([])
    expect(young.outcome).toBe("needs_review")

    // Nothing answered: the answerable rules are "unanswered" (no value), never failed.
    const none = await anon().campaigns.publicCheck({ id: c.id, answers: {} })
    expect(none.failed).toEqual([])
    expect(none.unanswered.map((r) => r.ruleId)).toContain("age")
    expect(none.unanswered.every((r) => r.message === null && r.actual === null)).toBe(true)

    expect(await count()).toEqual(before)
    await h.caller(yangpuOrg).campaigns.close({ id: c.id, expectedVersion: c.version + 1 })
    expect((await failure(anon().campaigns.publicCheck({ id: c.id, answers: {} }))).code).toBe("NOT_FOUND")
  })

  it("the portal's verdict in the browser is the server's (issue 17 item 2): the shipped rules, decoded, judge every answer alike", async () => {
    const c = await create(yangpuOrg, "public-yp-alike")
    await h.caller(yangpuOrg).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    const page = await anon().campaigns.publicGet({ id: c.id })
    // What a browser does: decode the shipped rules (a JSON round trip first, as over the wire).
    const screen = Schema.decodeUnknownSync(SelfCheck.PublicScreen)(JSON.parse(JSON.stringify(page.screen)))
    expect(screen.eligibility.rules.map((r) => r.id)).toEqual(
      page.conditions.filter((x) => x.kind === "rule").map((x) => x.id),
    )
    const day = fc.integer({ min: 0, max: 365 * 45 }).map((n) => {
      const d = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000)
      return d.toISOString().slice(0, 10)
    })
    const answers = fc.record(
      {
        birthDate: day,
        party: fc.oneof(
          fc.constant({ _tag: "NotMember" as const }),
          day.map((joined) => ({ _tag: "Probationary" as const, joined })),
          fc.tuple(day, fc.integer({ min: 365, max: 3000 })).map(([joined, after]) => ({
            _tag: "Full" as const,
            joined,
            fullMemberSince: new Date(Date.parse(joined) + after * 86_400_000).toISOString().slice(0, 10),
          })),
        ),
        education: fc.record({ level: fc.constantFrom(...Person.EDUCATION_LEVELS), fullTime: fc.boolean() }),
        employment: fc.constantFrom(...Person.EMPLOYMENT_CATEGORIES),
        rank: fc.option(fc.constantFrom(...Person.RANK_LEVELS), { nil: null }),
      },
      { requiredKeys: [] },
    )
    let n = 0
    await fc.assert(
      fc.asyncProperty(answers, async (a) => {
        n += 1
        const {
          id: _i,
          name: _n,
          referenceDate,
          ...server
        } = await h.caller({}, `198.51.100.${n}`).campaigns.publicCheck({ id: c.id, answers: a })
        // The browser decodes the answers it sends, as the page does (readSelfCheckAnswers).
        const decoded = SelfCheck.readSelfCheckAnswers(a)
        if (decoded === undefined) throw new Error("the answers did not decode")
        const browser = SelfCheck.selfCheck(screen, decoded, referenceDate as never)
        expect(JSON.parse(JSON.stringify(browser))).toEqual(server)
      }),
      { numRuns: 40 },
    )
  }, 120_000)

  it("publicCheck is limited per client IP, as registration is (120 an hour), and answers TOO_MANY_REQUESTS in words", async () => {
    const from = (ip: string) => h.caller({}, ip)
    for (let n = 0; n < 120; n++)
      await from("203.0.113.17").campaigns.publicCheck({ id: "demo-huaishang-2026", answers: {} })
    const refused = await failure(
      from("203.0.113.17").campaigns.publicCheck({ id: "demo-huaishang-2026", answers: {} }),
    )
    expect([refused.code, tagOf(refused)]).toEqual(["TOO_MANY_REQUESTS", "Throttled"])
    expect(refused.message).toContain("自查次数过多")
    // Another address is not affected; reading the programmes is not limited.
    expect(
      (await from("203.0.113.18").campaigns.publicCheck({ id: "demo-huaishang-2026", answers: {} })).outcome,
    ).toBe("needs_review")
    expect((await from("203.0.113.17").campaigns.publicList()).length).toBeGreaterThan(0)
  }, 60_000)
})
