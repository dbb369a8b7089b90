import type { Access, LocalDate, Selection } from "@cadre/domain"
import { eq } from "drizzle-orm"
import { Effect, ManagedRuntime } from "effect"
import { type Db, schema } from "@cadre/db"
import { servicesOverDb } from "../layers.js"
import {
  type ApplicationRecord,
  ApplicationService,
  type CampaignInput,
  CampaignService,
} from "../selection/index.js"
const { campaigns } = schema

/**
 * Demo campaigns: one open campaign per seed programme, each at a different stage, made through the same
 * services (and so the same kernel state machine and audit trail) as real work. The people are the demo
 * people; most verdicts "need review" because nobody has attested their conduct yet — as on a real first day.
 */

const d = (s: string) => s as LocalDate.LocalDate

const regionActor = (
  role: Access.Role,
  regionId: string,
  scopePath: string,
  name: string,
): { actor: Access.Actor } => ({
  actor: {
    accountId: "system:demo",
    role,
    scope: { _tag: "RegionScope", regionId: regionId as never },
    scopePath,
    displayName: name,
  },
})

const unitActor = (
  unitId: string,
  regionId: string,
  scopePath: string,
  name: string,
): { actor: Access.Actor } => ({
  actor: {
    accountId: "system:demo",
    role: "dispatching_unit_admin",
    scope: { _tag: "UnitScope", unitId: unitId as never, regionId: regionId as never },
    scopePath,
    displayName: name,
  },
})

const YANGPU = "/310000/310110/"
const GUIZHOU_STREET = "/520000/guizhou-district/guizhou-street/"
const DAAN = "/510000/510300/510304/"
const D003 = "/district-003/"
const ANQIU = "/370000/370700/370784/"
const HUAISHANG = "/340000/340300/340311/"

/** Ids of the demo campaigns (stable, so that loading twice changes nothing). */
export const DEMO_CAMPAIGN_IDS = [
  "demo-yangpu-2026",
  "demo-guizhou-2026",
  "demo-daan-2026",
  "demo-d003-2026",
  "demo-anqiu-2026",
  "demo-huaishang-2026",
] as const

/** Load the demo campaigns if they are not there yet. */
export async function loadDemoCampaigns(db: Db): Promise<number> {
  const [exists] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.id, DEMO_CAMPAIGN_IDS[0]))
  if (exists !== undefined) return 0
  const runtime = ManagedRuntime.make(servicesOverDb(db))
  try {
    return await loadWith(runtime)
  } finally {
    await runtime.dispose()
  }
}

type Runtime = ManagedRuntime.ManagedRuntime<CampaignService | ApplicationService, never>

async function loadWith(runtime: Runtime): Promise<number> {
  const run = <A, E>(e: Effect.Effect<A, E, CampaignService | ApplicationService>): Promise<A> =>
    runtime.runPromise(e)
  const campaignsDo = <A, E>(f: (s: CampaignService) => Effect.Effect<A, E>) =>
    run(Effect.flatMap(CampaignService, f))
  const applicationsDo = <A, E>(f: (s: ApplicationService) => Effect.Effect<A, E>) =>
    run(Effect.flatMap(ApplicationService, f))
  const recommend = (...args: Parameters<ApplicationService["recommend"]>) =>
    applicationsDo((s) => s.recommend(...args))

  const open = async (ctx: { actor: Access.Actor }, input: CampaignInput) => {
    const c = await campaignsDo((s) => s.create(ctx, input))
    return campaignsDo((s) => s.setStatus(ctx, { id: c.id, expectedVersion: c.version, status: "open" }))
  }
  const move = async (ctx: { actor: Access.Actor }, a: ApplicationRecord, m: Selection.Move, on: string) =>
    applicationsDo((s) =>
      s.act(ctx, {
        applicationId: a.application.id,
        expectedVersion: a.version,
        move: m as never,
        on: d(on),
      }),
    )

  /**
   * Issue 13: a reviewer confirms each finding the screening left as needs_review (the attested qualities the
   * profiles do not vouch for) before the campaign goes further; a decision waits for them.
   */
  const resolveOpen = async (ctx: { actor: Access.Actor }, a: ApplicationRecord, on: string) => {
    let cur = a
    for (const f of a.application.verdict?.findings.filter((x) => x.status === "needs_review") ?? [])
      cur = await move(
        ctx,
        cur,
        {
          _tag: "ResolveFinding",
          ruleId: f.ruleId,
          outcome: "confirmed",
          reason: "经考察核实（演示）",
          date: d(on),
        },
        on,
      )
    return cur
  }

  // 000 Yangpu: recommendations in, one candidate interviewed and its findings confirmed (stage: interview).
  const ypOrg = regionActor("org_dept_admin", "310110", YANGPU, "杨浦区委组织部（演示）")
  const ypUnit = unitActor("u-yp-mz", "310110", YANGPU, "杨浦区民政局（演示）")
  const yp = await open(ypOrg, {
    id: "demo-yangpu-2026",
    regionId: "310110",
    name: "2026年度杨浦区选派机关干部到居民区任职（演示）",
    schemeId: "yangpu-community-secretary",
    schemeVersion: 1,
    channels: ["unit_recommendation"],
    places: 2,
    startYear: 2026,
    referenceDate: "2026-12-18",
    decidingBody: "org_dept_meeting",
    postIds: ["post-310110001002", "post-310110002002"],
  })
  const ypApps: Array<ApplicationRecord> = []
  for (const personId of ["demo-p-03", "demo-p-07", "demo-p-22", "demo-p-01"])
    ypApps.push(
      await recommend(ypUnit, {
        campaignId: yp.id,
        personId,
        channel: "unit_recommendation",
        recommendation: { body: "杨浦区民政局党委", meeting: "党委会议", meetingDate: d("2026-11-20") },
        on: d("2026-11-23"),
      }),
    )
  const [yp1] = ypApps
  if (yp1 !== undefined && yp1.application.verdict?.outcome !== "ineligible") {
    const i1 = await move(ypOrg, yp1, { _tag: "Advance", from: "screened", to: "interview" }, "2026-11-24")
    const scored = await move(
      ypOrg,
      i1,
      {
        _tag: "Record",
        record: {
          _tag: "Interview",
          scores: [
            { rater: "考官一", score: 86 },
            { rater: "考官二", score: 90 },
            { rater: "考官三", score: 84 },
          ],
        },
      },
      "2026-11-25",
    )
    await resolveOpen(
      regionActor("reviewer", "310110", YANGPU, "杨浦区审核人员（演示）"),
      scored,
      "2026-11-26",
    )
  }

  // 001 Guizhou: the street's reserve pool, nominees in joint review (stage: joint review).
  const gz = regionActor("street_admin", "guizhou-street", GUIZHOU_STREET, "某街道（演示）")
  const gzc = await open(gz, {
    id: "demo-guizhou-2026",
    regionId: "guizhou-street",
    name: "2026年某街道社区后备干部选拔（演示）",
    schemeId: "guizhou-street-reserve-pool",
    schemeVersion: 1,
    channels: ["organisation_recommendation"],
    places: 10,
    startYear: 2026,
    referenceDate: "2026-07-12",
    decidingBody: "street",
    // Issue 13, "dates bite": this demo batch is still in joint review in December, long after 001 四（二）'s July
    // dates, so the street has set its own timetable for the stages left (else each move would be refused as late).
    scheduleOverrides: {
      recommend: "2026-12-10",
      joint_review: "2026-12-10",
      inspect: "2026-12-10",
      decide: "2026-12-18",
      submit_forms: "2026-12-19",
      report: "2026-12-21",
    },
  })
  const nominees = [
    { personId: "demo-p-08", role: "principal", body: "和平社区党委" },
    { personId: "demo-p-26", role: "deputy", body: "和平社区党委" },
    // Issue 13 item 4: 2 of the 4 nominees are 35 or under (001 三（4）), so the street's decisions pass the pool gate.
    { personId: "demo-p-gz-1", role: "principal", body: "新华社区党委" },
    { personId: "demo-p-27", role: "deputy", body: "新华社区党委" },
  ]
  for (const [i, n] of nominees.entries()) {
    const a = await recommend(gz, {
      campaignId: gzc.id,
      personId: n.personId,
      channel: "organisation_recommendation",
      recommendation: { body: n.body, meeting: "社区党委会议", meetingDate: d("2026-07-08") },
      targetRole: n.role,
      on: d("2026-07-10"),
    })
    if (a.application.verdict?.outcome === "ineligible" || i > 1) continue
    // 001 四（二）1: the community publicises its nominees (5 working days from the day after 10 July, to 17 July)
    // before the street's review (四（二）2).
    const noticed = await move(
      gz,
      a,
      { _tag: "StartNotice", days: 5, start: d("2026-07-10"), countFrom: "day_after" },
      "2026-07-10",
    )
    const j = await resolveOpen(
      regionActor("reviewer", "guizhou-street", GUIZHOU_STREET, "某街道审核人员（演示）"),
      await move(gz, noticed, { _tag: "Advance", from: "public_notice", to: "joint_review" }, "2026-07-20"),
      "2026-07-21",
    )
    if (i === 0)
      await move(
        gz,
        j,
        {
          _tag: "Record",
          record: {
            _tag: "JointReview",
            opinions: [
              { department: "纪检", agree: true, note: "无违纪记录" },
              { department: "公安", agree: true, note: "无违法犯罪记录" },
              { department: "综治", agree: true, note: "" },
              { department: "计生", agree: true, note: "" },
            ],
          },
        },
        "2026-07-22",
      )
  }

  // 002 Da'an: first secretaries decided and one placed (stage: appointed).
  const da = regionActor("org_dept_admin", "510304", DAAN, "大安区委组织部（演示）")
  const dac = await open(da, {
    id: "demo-daan-2026",
    regionId: "510304",
    name: "2026年大安区选派村（社区）党组织第一书记（演示）",
    schemeId: "daan-first-secretary",
    schemeVersion: 1,
    channels: ["organisation_recommendation"],
    places: 2,
    startYear: 2026,
    referenceDate: "2026-03-01",
    decidingBody: "org_dept_meeting",
    postIds: ["post-da-minzhu", "post-da-shuanghe"],
  })
  const daApps: Array<ApplicationRecord> = []
  for (const personId of ["demo-p-13", "demo-p-31", "demo-p-12"])
    daApps.push(
      await recommend(da, {
        campaignId: dac.id,
        personId,
        channel: "organisation_recommendation",
        recommendation: { body: "大安区委组织部", meeting: "部务会", meetingDate: d("2026-02-20") },
        on: d("2026-02-24"),
      }),
    )
  // Issue 13: the attested rules (002 一) the profiles do not vouch for are confirmed by the district's reviewer
  // before the 部务会 decides.
  const daReviewer = regionActor("reviewer", "510304", DAAN, "大安区审核人员（演示）")
  for (const [i, a] of daApps.entries()) {
    if (a.application.verdict?.outcome === "ineligible" || i > 1) continue
    const dec = await move(
      da,
      await resolveOpen(daReviewer, a, "2026-03-04"),
      {
        _tag: "Decide",
        outcome: "approved",
        meeting: { body: "org_dept_meeting", reference: "部务会〔2026〕3次" },
        date: d("2026-03-05"),
      },
      "2026-03-05",
    )
    if (i === 0) await move(da, dec, { _tag: "Appoint", postId: "post-da-minzhu" }, "2026-03-10")
  }

  // 003: registration open, nobody in yet (stage: open).
  const d3 = regionActor("org_dept_admin", "district-003", D003, "某区组织部（演示）")
  await open(d3, {
    id: "demo-d003-2026",
    regionId: "district-003",
    name: "2026年社区党组织书记选任（演示）",
    schemeId: "secretary-team-management",
    schemeVersion: 1,
    channels: ["organisation_recommendation"],
    places: 1,
    startYear: 2026,
    referenceDate: "2026-12-31",
    decidingBody: "org_dept_meeting",
  })

  // 004 Anqiu: recommendations screened; the ineligible are shown why (stage: screened).
  const aq = regionActor("org_dept_admin", "370784", ANQIU, "安丘市委组织部（演示）")
  const aqUnit = unitActor("u-aq-fgj", "370784", ANQIU, "安丘市发展和改革局（演示）")
  const aqc = await open(aq, {
    id: "demo-anqiu-2026",
    regionId: "370784",
    name: "2026年安丘市市直部门干部到镇街挂职（演示）",
    schemeId: "anqiu-down-secondment",
    schemeVersion: 1,
    channels: ["unit_recommendation"],
    places: 1,
    startYear: 2026,
    referenceDate: "2026-11-30",
    decidingBody: "standing_committee",
  })
  // Two who fall short of its rules (shown why) and two who meet them all: a 1:2 shortlist for the one place.
  for (const personId of ["demo-p-16", "demo-p-34", "demo-p-aq-1", "demo-p-aq-2"]) {
    const a = await recommend(aqUnit, {
      campaignId: aqc.id,
      personId,
      channel: "unit_recommendation",
      recommendation: { body: "安丘市发展和改革局党组", meeting: "党组会议", meetingDate: d("2026-11-18") },
      on: d("2026-11-20"),
    })
    // 安丘 严格选人标准（5） states no length of grassroots work (issue 20): the org dept's reviewer judges it. demo-p-34
    // has worked at the grassroots since joining, so the reviewer refuses "缺乏基层工作经历".
    if (personId === "demo-p-34")
      await move(
        aq,
        a,
        {
          _tag: "ResolveFinding",
          ruleId: "lacks_grassroots",
          outcome: "refused",
          reason: "参加工作以来一直在基层工作，不属于缺乏基层工作经历（演示）",
          date: d("2026-11-23"),
        },
        "2026-11-23",
      )
  }

  // 004 Huaishang: open to self-registration on the portal (stage: registration).
  const hs = regionActor("org_dept_admin", "340311", HUAISHANG, "淮上区委组织部（演示）")
  await open(hs, {
    id: "demo-huaishang-2026",
    regionId: "340311",
    name: "2026年淮上区选派优秀干部到村任职（演示）",
    schemeId: "huaishang-village-posting",
    schemeVersion: 1,
    channels: ["self_registration", "unit_recommendation"],
    places: 1,
    startYear: 2026,
    referenceDate: "2026-12-31",
    decidingBody: "org_dept_meeting",
    postIds: ["post-hs-wuhu"],
  })
  return DEMO_CAMPAIGN_IDS.length
}
