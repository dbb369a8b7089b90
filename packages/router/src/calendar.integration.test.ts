import { auditLog, calendarLocalYears, calendarYears, people } from "@cadre/db"
import { and, eq, sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 15 item 3: the State Council calendar is read-only to district accounts; a district adds only local
 * adjustments, which apply to what lies in its scope (campaigns, placements, leave) and nowhere else.
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
let seq = 901 // odd: male, as insertPerson writes

/** A campaign of Anqiu's scheme in `regionId`, one cadre recommended, shortlisted and decided, then 公示 started. */
const noticeLastDay = async (
  org: Record<string, string>,
  unit: Record<string, string>,
  regionId: string,
): Promise<string | undefined> => {
  seq += 2
  const personId = await insertPerson(h.handle, {
    id: `cal-${seq}`,
    regionId: "370784",
    address: "370784",
    name: `候选人${seq}`,
    birthDate: "1986-04-02",
    sequence: seq,
    phone: `1990002${String(seq).padStart(4, "0")}`,
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
    .where(eq(people.id, personId))
  h.setToday("2026-11-02")
  const post = await h.caller(org).posts.create({ regionId: "370784100", title: `挂职岗位${seq}` })
  const c = await h.caller(org).campaigns.create({
    regionId,
    name: `2026年挂职${seq}`,
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
  expect(a.application.verdict?.outcome).toBe("eligible")
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
  return n.application.notice?.lastDay
}

describe("the national calendar is read-only; a district adjusts its own", () => {
  it("refuses a district entering or overriding a national year, in both languages, and changes nothing", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "370784" })
    const before = await h.caller(org).calendar.addWorkingDays({ start: "2026-11-30", days: 5 })
    for (const year of [2026, 2031]) {
      const e = await failure(
        h.caller(org).calendar.enterYear({
          year,
          holidays: year === 2026 ? ["2026-12-01", "2026-12-02"] : ["2031-01-01"],
          makeUpWorkdays: [],
        }),
      )
      expect(e.code).toBe("FORBIDDEN")
      expect(textOf(e).zh).toContain("国家工作日历")
      expect(textOf(e).en).toContain("read-only")
    }
    expect(await h.handle.db.select().from(calendarYears)).toEqual([])
    expect(await h.caller(org).calendar.addWorkingDays({ start: "2026-11-30", days: 5 })).toEqual(before)
  })

  it("a local day off moves the notice of a campaign in the region, not one outside it nor another district's", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "370784" })
    const unit = await h.actorHeaders({
      role: "dispatching_unit_admin",
      regionId: "370784",
      unitId: "u-aq-fgj",
    })
    const yangpu = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    // 公示 of 5 working days from Monday 30 November 2026: 1–4 and 7 December.
    expect(await noticeLastDay(org, unit, "370784100")).toBe("2026-12-07")

    // 兴安街道 takes Tuesday 1 December off (a local festival, say): entered by Anqiu's org dept for its street.
    const set = await h.caller(org).calendar.setLocal({
      regionId: "370784100",
      year: 2026,
      holidays: ["2026-12-01"],
      makeUpWorkdays: [],
      reason: "安政发〔2026〕1号",
    })
    expect(set?.regionPath).toBe("/370000/370700/370784/370784100/")
    expect(await noticeLastDay(org, unit, "370784100")).toBe("2026-12-08")
    // The district's own campaign (above the street) and another district are counted on the national calendar.
    expect(await noticeLastDay(org, unit, "370784")).toBe("2026-12-07")
    expect(await h.caller(yangpu).calendar.addWorkingDays({ start: "2026-11-30", days: 5 })).toEqual({
      lastDay: "2026-12-07",
    })
    expect(
      await h.caller(org).calendar.addWorkingDays({ start: "2026-11-30", days: 5, regionId: "370784100" }),
    ).toEqual({ lastDay: "2026-12-08" })
    // Yangpu cannot adjust Anqiu's calendar; a street cannot adjust at all.
    const other = await failure(
      h.caller(yangpu).calendar.setLocal({
        regionId: "370784",
        year: 2026,
        holidays: ["2026-12-03"],
        makeUpWorkdays: [],
        reason: "越权",
      }),
    )
    expect(other.code).toBe("NOT_FOUND")
    const street = await h.actorHeaders({ role: "street_admin", regionId: "370784100" })
    expect(
      (
        await failure(
          h.caller(street).calendar.setLocal({
            regionId: "370784100",
            year: 2026,
            holidays: ["2026-12-03"],
            makeUpWorkdays: [],
            reason: "越权",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    // The region's calendar lists the adjustment; the entry is audited in the region.
    const local = await h.caller(org).calendar.local({ regionId: "370784100201" })
    expect(local.adjustments.map((a) => a.holidays)).toEqual([["2026-12-01"]])
    const audit = await h.handle.db
      .select({ action: auditLog.action, path: auditLog.regionPath })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "calendar_local_year"), eq(auditLog.entityId, "370784100/2026")))
    expect(audit).toEqual([{ action: "calendar.setLocal", path: "/370000/370700/370784/370784100/" }])
  }, 60_000)

  it("refuses a local date that is not a local change, and a year the national calendar lacks, at the field", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "370784" })
    const bad = await failure(
      h.caller(org).calendar.setLocal({
        regionId: "370784",
        year: 2026,
        holidays: ["2026-10-01"],
        makeUpWorkdays: ["2026-12-02"],
        reason: "测试",
      }),
    )
    expect(bad.code).toBe("BAD_REQUEST")
    expect(textOf(bad).zh).toContain("本地放假日期须为国家工作日历上的工作日")
    expect(textOf(bad).en).toContain("must fall on a weekend")
    const unknown = await failure(
      h.caller(org).calendar.setLocal({
        regionId: "370784",
        year: 2199,
        holidays: ["2199-01-05"],
        makeUpWorkdays: [],
        reason: "测试",
      }),
    )
    expect(tagOf(unknown)).toBe("CalendarYearUnknown")
    // Clearing: both lists empty removes the year's adjustment.
    await h.caller(org).calendar.setLocal({
      regionId: "370784",
      year: 2026,
      holidays: ["2026-12-04"],
      makeUpWorkdays: [],
      reason: "测试",
    })
    expect(
      await h.caller(org).calendar.setLocal({
        regionId: "370784",
        year: 2026,
        holidays: [],
        makeUpWorkdays: [],
        reason: "撤销",
      }),
    ).toBeNull()
    expect(
      await h.handle.db.select().from(calendarLocalYears).where(eq(calendarLocalYears.regionId, "370784")),
    ).toEqual([])
  })
})
