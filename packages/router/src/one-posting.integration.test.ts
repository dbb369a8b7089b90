import { applications, people, placements } from "@cadre/db"
import { and, eq, inArray, sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 15: a person holds at most one appointment at a time unless the scheme allows concurrent postings. Found
 * appointed in three campaigns at once, with three posts blocked; now the second appointment is refused naming the
 * first, and of a parallel burst exactly one wins (the person's row is locked while what they hold is read).
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const AQ_ATTEST = [
  "city_department_cadre",
  "character_conduct",
  "health",
  "lacks_grassroots_experience",
  "willingness_grassroots",
]
let seq = 301 // odd: male, as insertPerson writes
let org: Record<string, string>
let unit: Record<string, string>

beforeAll(async () => {
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "370784" })
  unit = await h.actorHeaders({ role: "dispatching_unit_admin", regionId: "370784", unitId: "u-aq-fgj" })
})

const newCadre = async (): Promise<string> => {
  seq += 2
  const id = await insertPerson(h.handle, {
    id: `one-${seq}`,
    regionId: "370784",
    address: "370784",
    name: `候选人${seq}`,
    birthDate: "1986-04-02",
    sequence: seq,
    phone: `1990003${String(seq).padStart(4, "0")}`,
    joined: "2010-07-01",
  })
  const attestations = AQ_ATTEST.map((item) => ({
    item,
    result: true,
    by: "reviewer",
    reviewer: "审核组",
    date: "2025-12-01",
  }))
  await h.handle.db
    .update(people)
    .set({
      profile: sql`${people.profile} || ${JSON.stringify({ rank: { level: "deputy_section", track: "leading" }, attestations })}::jsonb`,
    })
    .where(eq(people.id, id))
  return id
}

/** A campaign of Anqiu's scheme with one post, the person taken to the end of the 公示: ready to appoint. */
const readyToAppoint = async (personId: string, name: string) => {
  h.setToday("2026-11-02")
  const post = await h.caller(org).posts.create({ regionId: "370784100", title: `${name}岗位` })
  const c = await h.caller(org).campaigns.create({
    regionId: "370784",
    name,
    schemeId: "anqiu-down-secondment",
    schemeVersion: 1,
    channels: ["unit_recommendation"],
    places: 1,
    startYear: 2026,
    referenceDate: "2026-11-10",
    decidingBody: "standing_committee",
    postIds: [post.id],
  })
  await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
  const a = await h.caller(unit).applications.recommend({
    campaignId: c.id,
    personId,
    channel: "unit_recommendation",
    recommendation: { body: "安丘市发展和改革局党组", meeting: "党组会议", meetingDate: "2026-11-01" },
  })
  const s = await h.caller(org).applications.act({
    applicationId: a.id,
    expectedVersion: a.version,
    move: { _tag: "Advance", from: "screened", to: "shortlisted" },
  })
  h.setToday("2026-11-27")
  const d = await h.caller(org).applications.act({
    applicationId: a.id,
    expectedVersion: s.version,
    move: {
      _tag: "Decide",
      outcome: "approved",
      meeting: { body: "standing_committee", reference: "市委常委会会议" },
      date: "2026-11-27",
    },
  })
  h.setToday("2026-11-30")
  const n = await h.caller(org).applications.act({
    applicationId: a.id,
    expectedVersion: d.version,
    move: { _tag: "StartNotice", days: 5, start: "2026-11-30", countFrom: "day_after" },
  })
  return { applicationId: a.id, version: n.version, postId: post.id, campaignId: c.id }
}

const appoint = (r: Awaited<ReturnType<typeof readyToAppoint>>) =>
  h.caller(org).applications.act({
    applicationId: r.applicationId,
    expectedVersion: r.version,
    move: { _tag: "Appoint", postId: r.postId },
  })

describe("one appointment at a time", () => {
  it("refuses appointing a person already appointed in another campaign, naming it; the post stays vacant", async () => {
    const person = await newCadre()
    const first = await readyToAppoint(person, "2026年第一批挂职")
    const second = await readyToAppoint(person, "2026年第二批挂职")
    h.setToday("2026-12-08")
    expect((await appoint(first)).state).toBe("appointed")
    const e = await failure(appoint(second))
    expect(e.code).toBe("CONFLICT")
    expect(tagOf(e)).toBe("PostingHeld")
    expect(textOf(e).zh).toContain("2026年第一批挂职")
    expect(textOf(e).zh).toContain("未作规定时一人同一时间只担任一个岗位")
    expect(textOf(e).en).toContain("one posting at a time")
    const post = await h.caller(org).posts.get({ id: second.postId })
    expect(post.status).toBe("vacant")
    // A placement entered directly for the same person is refused as well, naming the appointment.
    const direct = await failure(
      h.caller(org).placements.create({
        personId: person,
        postId: second.postId,
        schemeId: "anqiu-down-secondment",
        schemeVersion: 1,
        placedOn: "2026-12-08",
      }),
    )
    expect(tagOf(direct)).toBe("PostingHeld")
    // The placement from the appointment itself is the same posting: made.
    const placed = await h.caller(org).placements.fromApplication({ applicationId: first.applicationId })
    expect(placed.personId).toBe(person)
    // Once placed, the placement is what the person holds: a second appointment still refused, naming the post.
    const again = await failure(appoint(second))
    expect(tagOf(again)).toBe("PostingHeld")
    expect(textOf(again).zh).toContain("2026年第一批挂职岗位")
  }, 60_000)

  it("of a parallel burst of appointments of one person, exactly one wins", async () => {
    const person = await newCadre()
    const ready = []
    for (let i = 0; i < 4; i++) ready.push(await readyToAppoint(person, `2026年并发批次${seq}-${i}`))
    h.setToday("2026-12-08")
    const results = await Promise.allSettled(ready.map(appoint))
    const won = results.filter((r) => r.status === "fulfilled")
    expect(won).toHaveLength(1)
    for (const r of results) if (r.status === "rejected") expect(tagOf(r.reason)).toBe("PostingHeld")
    const appointed = await h.handle.db
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(eq(applications.personId, person), inArray(applications.state, ["appointed", "reported_in"])),
      )
    expect(appointed).toHaveLength(1)
    expect(
      await h.handle.db.select({ id: placements.id }).from(placements).where(eq(placements.personId, person)),
    ).toEqual([])
  }, 120_000)
})
