import { auditLog, demoIdNumber, people } from "@cadre/db"
import { Person } from "@cadre/domain"
import { and, eq } from "drizzle-orm"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, guizhouNomineeInspected, type Harness, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 13 item 4: a reserve-pool campaign's decision is gated on the pool it changes (Pool.gateDecision) — the
 * nominee's community (count, roles) over the nominees still in the running, the nominee's own age cap, the street's
 * age structure. A 一般 / 原则上 rule passes only with a waiver recorded on the decision (and audited); anything
 * else is refused with PoolRefused, the arithmetic and the clause. The yearly review checks every community, those
 * with no member included.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const GZ_ATTEST = ["political_loyalty", "community_service_ability", "conduct_character", "computer_skills"]

let seq = 700
/** A community worker eligible under 001 (the reviewer attestations on file), born on `birthDate`. */
const addPerson = async (regionId: string, name: string, birthDate: string): Promise<string> => {
  seq += 2
  const id = `t-pd-${seq}`
  const encoded: Person.ProfileEncoded = {
    id,
    name,
    sex: "male",
    birthDate,
    idNumber: demoIdNumber("520102", birthDate, seq + 1),
    phone: `1990002${String(seq).padStart(4, "0")}`,
    party: { _tag: "Full", joined: "2012-07-01", fullMemberSince: "2013-07-01" },
    education: [{ level: "junior_college", fullTime: true }],
    employment: "community_worker",
    currentUnit: "某社区",
    currentPosition: "社区工作者",
    workHistory: [],
    conduct: [],
    attestations: GZ_ATTEST.map((item) => ({
      item,
      result: true,
      by: "reviewer" as const,
      reviewer: "审核组",
      date: "2025-12-01",
    })),
  }
  const decoded = Schema.decodeSync(Person.Profile)(encoded)
  const { id: _id, idNumber, phone, ...rest } = Schema.encodeSync(Person.Profile)(decoded)
  await h.handle.db
    .insert(people)
    .values({ id, regionId, idNumber, phone: phone ?? null, name, profile: rest })
  return id
}

type Nominee = { community: string; role: string; name: string; birthDate: string }

/**
 * A street campaign under `schemeId`, its nominees recommended and taken through a 5-working-day 公示 from 13 July,
 * then joint review and inspection (001 四（二）1–2); today is left at 21 July, the decision day. Returns the
 * applications by name.
 */
const runToDecision = async (street: Record<string, string>, schemeId: string, nominees: Array<Nominee>) => {
  h.setToday("2026-07-01")
  const c = await h.caller(street).campaigns.create({
    regionId: "guizhou-street",
    name: `后备干部选拔（${schemeId}）`,
    schemeId,
    schemeVersion: 1,
    channels: ["organisation_recommendation"],
    places: 10,
    startYear: 2026,
    referenceDate: "2026-07-12",
    decidingBody: "street",
    scheduleOverrides: {
      recommend: "2026-07-13",
      joint_review: "2026-07-21",
      inspect: "2026-07-21",
      decide: "2026-07-21",
    },
  })
  await h.caller(street).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
  h.setToday("2026-07-10")
  const apps = new Map<string, { id: string; version: number }>()
  for (const n of nominees) {
    const personId = await addPerson(n.community, n.name, n.birthDate)
    const a = await h.caller(street).applications.recommend({
      campaignId: c.id,
      personId,
      channel: "organisation_recommendation",
      recommendation: { body: "社区党委", meeting: "社区党委会议", meetingDate: "2026-07-08" },
      targetRole: n.role,
    })
    expect(a.application.verdict?.outcome).toBe("eligible")
    apps.set(n.name, { id: a.id, version: a.version })
  }
  const act = async (
    name: string,
    move: Parameters<ReturnType<Harness["caller"]>["applications"]["act"]>[0]["move"],
  ) => {
    const cur = apps.get(name) as { id: string; version: number }
    const r = await h.caller(street).applications.act({
      applicationId: cur.id,
      expectedVersion: cur.version,
      move,
    })
    apps.set(name, { id: r.id, version: r.version })
    return r
  }
  // 001 四（二）1: the community's 公示 first, then the street's joint review and inspection (四（二）2).
  h.setToday("2026-07-13")
  for (const n of nominees)
    await act(n.name, { _tag: "StartNotice", days: 5, start: "2026-07-13", countFrom: "day_after" })
  h.setToday("2026-07-21")
  for (const n of nominees) {
    await act(n.name, { _tag: "Advance", from: "public_notice", to: "joint_review" })
    await act(n.name, {
      _tag: "Record",
      record: {
        _tag: "JointReview",
        opinions: [
          { department: "纪检", agree: true, note: "" },
          { department: "公安", agree: true, note: "" },
          { department: "综治", agree: true, note: "" },
          { department: "计生", agree: true, note: "" },
        ],
      },
    })
    await act(n.name, { _tag: "Advance", from: "joint_review", to: "inspection" })
    await act(n.name, {
      _tag: "Record",
      record: {
        _tag: "Inspection",
        team: ["街道组织委员"],
        date: "2026-07-21",
        findings: { politics: "好", ability: "好", service: "好", standing: "好" },
      },
    })
  }
  const decide = (name: string, poolWaivers?: ReadonlyArray<Record<string, string>>) =>
    act(name, {
      _tag: "Decide",
      outcome: "approved",
      meeting: { body: "street", reference: "街道党工委会议" },
      date: "2026-07-21",
      ...(poolWaivers === undefined ? {} : { poolWaivers: poolWaivers as never }),
    })
  return { campaign: c, apps, decide }
}

describe("issue 13 item 4: a pool campaign's decision is gated on the pool it changes", () => {
  it("a decision that leaves the street's age structure short is refused with the arithmetic and the clause (no 一般: no waiver helps)", async () => {
    const street = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    // 6 nominees, 2 of them 35 or under: ceil(6 × 40%) = 3 needed (001 三（4）).
    const { apps, decide } = await runToDecision(street, "guizhou-street-reserve-pool", [
      { community: "guizhou-street-c1", role: "principal", name: "甲一", birthDate: "1982-01-01" },
      { community: "guizhou-street-c1", role: "deputy", name: "甲二", birthDate: "1987-01-01" },
      { community: "guizhou-street-c2", role: "principal", name: "乙一", birthDate: "1982-01-01" },
      { community: "guizhou-street-c2", role: "deputy", name: "乙二", birthDate: "1990-01-01" },
      { community: "guizhou-street-c3", role: "principal", name: "丙一", birthDate: "1996-01-01" },
      { community: "guizhou-street-c3", role: "deputy", name: "丙二", birthDate: "1996-01-01" },
    ])
    const before = apps.get("甲一")?.version
    const refused = await failure(decide("甲一"))
    expect(refused.code).toBe("CONFLICT")
    expect(tagOf(refused)).toBe("PoolRefused")
    const arithmetic =
      "后备干部队伍不符合规定：全街道：6人中35岁以下2人，需至少3人（6×40%=2.4，向上取整），还差1人，不符合“35周岁以下的要达到40%以上”（001 三（4））；此条不得放宽"
    expect(textOf(refused).zh).toBe(arithmetic)
    expect(textOf(refused).en).toContain(
      "2 of 6 aged 35 or under; at least 3 needed (6 × 40% = 2.4, rounded up)",
    )
    // The rule says 要达到 (no 一般 / 原则上): a waiver of it is refused the same way.
    const waived = await failure(
      decide("甲一", [
        {
          ruleId: "pool.young_share",
          reason: "年轻人选不足",
          approver: "某街道党工委",
          approvedOn: "2026-07-20",
        },
      ]),
    )
    expect([tagOf(waived), textOf(waived).zh]).toEqual(["PoolRefused", arithmetic])
    // Nothing was written: the application is where it was.
    const still = await h.caller(street).applications.get({ id: apps.get("甲一")?.id as string })
    expect([still.state, still.version]).toEqual(["inspection", before])
  }, 120_000)

  it("a 原则上 community rule passes only with a waiver recorded on the decision and audited; 含正职、副职 never", async () => {
    // A scheme whose pool asks for 3 per community (原则上), otherwise 001's.
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "guizhou-district" })
    h.setToday("2026-06-01")
    const draft = await h.caller(org).schemes.createFromPreset({
      presetKey: "guizhou-street-reserve-pool",
      schemeId: "t-gz-pool3",
      version: 1,
    })
    const body = draft.scheme as unknown as {
      pool: { value: { minPerCommunity: { value: number } } }
    }
    body.pool.value.minPerCommunity.value = 3
    const updated = await h.caller(org).schemes.updateDraft({
      schemeId: "t-gz-pool3",
      version: 1,
      expectedRowVersion: draft.rowVersion,
      scheme: body as never,
    })
    await h
      .caller(org)
      .schemes.publish({ schemeId: "t-gz-pool3", version: 1, expectedRowVersion: updated.rowVersion })

    const street = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    const { apps, decide } = await runToDecision(street, "t-gz-pool3", [
      { community: "guizhou-street-c1", role: "principal", name: "丁一", birthDate: "1994-01-01" },
      { community: "guizhou-street-c1", role: "deputy", name: "丁二", birthDate: "1995-01-01" },
      // 文昌社区 nominates two principals and no deputy.
      { community: "guizhou-street-c2", role: "principal", name: "戊一", birthDate: "1994-01-01" },
      { community: "guizhou-street-c2", role: "principal", name: "戊二", birthDate: "1995-01-01" },
    ])
    // Without a waiver: 2 in 和平社区 against 原则上 3 — refused, saying a recorded waiver may set it aside.
    const unwaived = await failure(decide("丁一"))
    expect(tagOf(unwaived)).toBe("PoolRefused")
    expect(textOf(unwaived).zh).toBe(
      "后备干部队伍不符合规定：和平社区推荐2名，少于“原则上每个社区不少于3名”的要求，还差1名（001 二）；此条为“一般/原则上”规定，须经批准放宽（记录理由、批准人和日期）",
    )
    // A waiver without its approver is bad input, refused at the field in both languages.
    const bad = await failure(
      decide("丁一", [{ ruleId: "pool.min_per_community", reason: "社区规模小", approvedOn: "2026-07-20" }]),
    )
    expect([bad.code, tagOf(bad)]).toEqual(["BAD_REQUEST", "InvalidInput"])
    expect(textOf(bad).zh).toContain("批准人")
    expect(textOf(bad).en).toContain("approver")
    // A waiver for another community does not count.
    const wrong = await failure(
      decide("丁一", [
        {
          ruleId: "pool.min_per_community",
          subject: "guizhou-street-c2",
          reason: "社区规模小",
          approver: "某街道党工委",
          approvedOn: "2026-07-20",
        },
      ]),
    )
    expect(tagOf(wrong)).toBe("PoolRefused")
    // With the community's waiver: decided — the first of the community's nominees, the other still pending.
    const waiver = {
      ruleId: "pool.min_per_community",
      subject: "guizhou-street-c1",
      reason: "和平社区规模较小，经街道党工委研究同意选拔2名",
      approver: "某街道党工委",
      approvedOn: "2026-07-20",
    }
    const decided = await decide("丁一", [waiver])
    expect(decided.state).toBe("decided")
    const rows = await h.handle.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "application"),
          eq(auditLog.entityId, decided.id),
          eq(auditLog.action, "application.Decide"),
        ),
      )
    expect(rows).toHaveLength(1)
    const audited = rows[0]?.after as { poolWaived?: unknown } | undefined
    expect(audited?.poolWaived).toEqual([
      {
        ruleId: "pool.min_per_community",
        subject: "guizhou-street-c1",
        clause: "001 二",
        message: {
          zh: "和平社区推荐2名，少于“原则上每个社区不少于3名”的要求，还差1名（001 二）",
          en: expect.stringContaining('fewer than "in principle at least 3 per community"'),
        },
        reason: waiver.reason,
        approver: "某街道党工委",
        approvedOn: "2026-07-20",
      },
    ])
    // The waiver stays with the decision in the application's history.
    const last = decided.application.history.at(-1)?.move
    expect(last?._tag === "Decide" ? last.poolWaivers : undefined).toEqual([waiver])

    // 文昌社区 has no deputy: 含正职、副职 carries no 一般, so even a waiver of it is refused.
    const roles = await failure(
      decide("戊一", [
        { ...waiver, subject: "guizhou-street-c2" },
        { ...waiver, ruleId: "pool.roles", subject: "guizhou-street-c2" },
      ]),
    )
    expect(tagOf(roles)).toBe("PoolRefused")
    expect(textOf(roles).zh).toBe(
      "后备干部队伍不符合规定：文昌社区的推荐人选中没有社区副职后备干部（001 二）；此条不得放宽",
    )
    expect(apps.get("戊一")).toBeDefined()
  }, 120_000)

  it("the demo's 001 pool meets its age structure, so its street decides a nominee (by its 党工委's admin)", async () => {
    const street = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    const check = await h.caller(street).campaigns.poolCheck({ id: "demo-guizhou-2026" })
    if (check.composition._tag !== "Composition") throw new Error("composition not checked")
    expect(check.composition.street.arithmetic.zh).toBe("4人中35岁以下2人，需至少2人（4×40%=1.6，向上取整）")
    const { act } = await guizhouNomineeInspected(h, street)
    h.setToday("2026-12-09")
    const decided = await act({
      _tag: "Decide",
      outcome: "approved",
      meeting: { body: "street", reference: "街道党工委会议" },
      date: "2026-12-09",
    })
    expect(decided.state).toBe("decided")
  }, 120_000)

  it("the yearly review checks every community of the street, those with no member at all included", async () => {
    const gz = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    h.setToday("2026-12-01")
    const base = { regionId: "guizhou-street-c1", schemeId: "guizhou-street-reserve-pool", schemeVersion: 1 }
    for (const [role, name, birthDate] of [
      ["principal", "庚一", "1990-03-01"],
      ["deputy", "庚二", "1992-03-01"],
    ] as const)
      await h.caller(gz).reserves.enter({
        ...base,
        personId: await addPerson("guizhou-street-c1", name, birthDate),
        role,
        source: "nominated",
        basis: "社区推荐",
      })
    const review = await h.caller(gz).pool.review({
      regionId: "guizhou-street",
      schemeId: "guizhou-street-reserve-pool",
      schemeVersion: 1,
      year: 2026,
      removals: [],
    })
    expect(review.members).toBe(2)
    const communities = review.communities as Array<{
      community: { id: string }
      outcome: string
      nominees: Array<unknown>
      findings: Array<{ message: { zh: string } }>
    }>
    expect(communities.map((c) => [c.community.id, c.nominees.length, c.outcome])).toEqual([
      ["guizhou-street-c1", 2, "pass"],
      ["guizhou-street-c2", 0, "fail"],
      ["guizhou-street-c3", 0, "fail"],
      ["guizhou-street-c4", 0, "fail"],
      ["guizhou-street-c5", 0, "fail"],
    ])
    expect(communities[1]?.findings[0]?.message.zh).toBe(
      "文昌社区推荐0名，少于“原则上每个社区不少于2名”的要求，还差2名（001 二）",
    )
  }, 120_000)
})
