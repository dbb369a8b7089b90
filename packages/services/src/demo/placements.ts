import type { Access, InPost, LocalDate } from "@cadre/domain"
import { eq } from "drizzle-orm"
import { Effect, type Layer, ManagedRuntime } from "effect"
import { type Db, schema } from "@cadre/db"
import { AssessmentService } from "../assessments/index.js"
import { InspectionService, LeaveService, ReportService } from "../duties/index.js"
import { type ServicesLive, servicesOverDb } from "../layers.js"
import { PlacementService } from "../placements/index.js"
import { PostService } from "../regions/index.js"
const { placements } = schema

/**
 * Demo placements (issue 5): one in every state of the kernel's placement machine, made through the services
 * (so through InPost.transition, the archive and the audit trail) as real work would be:
 *   000 杨浦: placed · on probation · probation extended · in term (confirmed by election, graded in the scheme's
 *            order) · returned to the unit after probation · adjusted when the residential area merged;
 *   002 大安: in term · recalled after a survey above 30% dissatisfied (consequences, replacement request) · exited;
 *   004 淮上: in term after a 诫勉谈话 recorded by the township on a year-end survey below 60% (目标考核 三是);
 *   004 晋城: term ended (awaiting the use recommendation), with reports filed and leave taken; and one in term
 *            (王凤霞 at the petition bureau, the demo cadre account's own placement) with the first two quarterly
 *            reports filed, the third left overdue, and a two-day leave request waiting for the host unit.
 * Loading twice changes nothing (the first placement's id marks the set as loaded).
 */

const d = (s: string) => s as LocalDate.LocalDate

const actor = (
  role: Access.Role,
  regionId: string,
  scopePath: string,
  unitId?: string,
): { actor: Access.Actor } => ({
  actor: {
    accountId: "system:demo",
    role,
    scope:
      unitId === undefined
        ? { _tag: "RegionScope", regionId: regionId as never }
        : { _tag: "UnitScope", unitId: unitId as never, regionId: regionId as never },
    scopePath,
    displayName: "演示数据",
  },
})

const YANGPU = "/310000/310110/"
const DAAN = "/510000/510300/510304/"
const JINCHENG = "/140000/140500/"
const HUAISHANG = "/340000/340300/340311/"

export const DEMO_PLACEMENT_IDS = [
  "demo-pl-yp-returned",
  "demo-pl-yp-placed",
  "demo-pl-yp-adjusted",
  "demo-pl-yp-probation",
  "demo-pl-yp-extended",
  "demo-pl-yp-in-term",
  "demo-pl-da-in-term",
  "demo-pl-da-recalled",
  "demo-pl-da-exited",
  "demo-pl-jc-term-ended",
  "demo-pl-jc-in-term",
  "demo-pl-hs-admonished",
] as const

/** The person behind the demo cadre account (`cadre.jc@demo.example.org`): 王凤霞, in post at 晋城市信访局. */
export const DEMO_CADRE_PERSON_ID = "demo-p-33"

/** Load the demo placements if they are not there yet; returns how many were made. */
export async function loadDemoPlacements(db: Db): Promise<number> {
  const [exists] = await db
    .select({ id: placements.id })
    .from(placements)
    .where(eq(placements.id, DEMO_PLACEMENT_IDS[0]))
  if (exists !== undefined) return 0
  const runtime = ManagedRuntime.make(servicesOverDb(db))
  try {
    await loadWith(runtime)
  } finally {
    await runtime.dispose()
  }
  return DEMO_PLACEMENT_IDS.length
}

type Services = Layer.Layer.Success<typeof ServicesLive>

/** The demo's moves, each through a service. */
async function loadWith(runtime: ManagedRuntime.ManagedRuntime<Services, never>): Promise<void> {
  const run = <A, E>(e: Effect.Effect<A, E, Services>): Promise<A> => runtime.runPromise(e)
  const repo = {
    create: (...a: Parameters<PlacementService["create"]>) =>
      Effect.flatMap(PlacementService, (s) => s.create(...a)),
    get: (...a: Parameters<PlacementService["get"]>) => Effect.flatMap(PlacementService, (s) => s.get(...a)),
    act: (...a: Parameters<PlacementService["act"]>) => Effect.flatMap(PlacementService, (s) => s.act(...a)),
  }
  const duties = {
    recordInspection: (...a: Parameters<InspectionService["recordInspection"]>) =>
      Effect.flatMap(InspectionService, (s) => s.recordInspection(...a)),
    obligations: (...a: Parameters<ReportService["obligations"]>) =>
      Effect.flatMap(ReportService, (s) => s.obligations(...a)),
    submitReport: (...a: Parameters<ReportService["submitReport"]>) =>
      Effect.flatMap(ReportService, (s) => s.submitReport(...a)),
    requestLeave: (...a: Parameters<LeaveService["requestLeave"]>) =>
      Effect.flatMap(LeaveService, (s) => s.requestLeave(...a)),
    leaveMove: (...a: Parameters<LeaveService["leaveMove"]>) =>
      Effect.flatMap(LeaveService, (s) => s.leaveMove(...a)),
  }
  const grading = {
    step: (...a: Parameters<AssessmentService["step"]>) =>
      Effect.flatMap(AssessmentService, (s) => s.step(...a)),
    survey: (...a: Parameters<AssessmentService["survey"]>) =>
      Effect.flatMap(AssessmentService, (s) => s.survey(...a)),
  }

  const ypOrg = actor("org_dept_admin", "310110", YANGPU)
  const ypStreet = actor("street_admin", "310110", YANGPU)
  const ypUnit = actor("dispatching_unit_admin", "310110", YANGPU, "u-yp-mz")
  const daOrg = actor("org_dept_admin", "510304", DAAN)
  const daStreet = actor("street_admin", "510304", DAAN)
  const jcOrg = actor("org_dept_admin", "140500", JINCHENG)
  // The host unit of the term-ended cadre's post (post-jc-zdgc): it approves their short leave (004 晋城 管理考核
  // 一是); a unit acts only on its own placements (issue 13).
  const jcHost = actor("host_unit_admin", "140500", JINCHENG, "u-jc-zdgc")

  const place = (
    ctx: { actor: Access.Actor },
    id: string,
    personId: string,
    postId: string,
    schemeId: string,
    placedOn: string,
    dispatchingUnitId?: string,
  ) =>
    run(
      repo.create(ctx, {
        id,
        personId,
        postId,
        schemeId,
        schemeVersion: 1,
        placedOn: d(placedOn),
        dispatchingUnitId,
        on: d(placedOn),
      }),
    )
  /** Moves in order, each dated `on` (the kernel refuses a date after it). */
  const moves = async (
    id: string,
    steps: ReadonlyArray<readonly [{ actor: Access.Actor }, InPost.PlacementMove, string]>,
  ) => {
    for (const [ctx, move, on] of steps) {
      const cur = await run(repo.get(ctx.actor, id))
      await run(repo.act(ctx, { placementId: id, expectedVersion: cur.version, move, on: d(on) }))
    }
  }
  const assessed = (
    by: "street" | "dispatching_unit",
    date: string,
    conclusion: "competent" | "not_competent" = "competent",
  ): InPost.OnRecordAssessment => ({
    by,
    date: d(date),
    conclusion,
    summary: conclusion === "competent" ? "经街道综合考评，能胜任" : "经街道综合考评，尚不能胜任",
  })

  // —— 000 杨浦 (probation as deputy secretary; five-year term; adjustment decided by the org dept)
  await place(
    ypOrg,
    "demo-pl-yp-returned",
    "demo-p-19",
    "post-310110001003",
    "yangpu-community-secretary",
    "2024-01-08",
    "u-yp-mz",
  )
  await moves("demo-pl-yp-returned", [
    [ypStreet, { _tag: "TakeUp", date: d("2024-01-15") }, "2024-01-15"],
    [
      ypStreet,
      {
        _tag: "ReturnToUnit",
        date: d("2024-12-02"),
        assessment: assessed("street", "2024-11-28", "not_competent"),
      },
      "2024-12-02",
    ],
  ])
  // The post freed by the return is filled again: placed, not yet in post.
  await place(
    ypOrg,
    "demo-pl-yp-placed",
    "demo-p-02",
    "post-310110001003",
    "yangpu-community-secretary",
    "2026-11-20",
    "u-yp-jw",
  )

  await place(
    ypOrg,
    "demo-pl-yp-adjusted",
    "demo-p-20",
    "post-310110003001",
    "yangpu-community-secretary",
    "2021-01-08",
    "u-yp-mz",
  )
  await moves("demo-pl-yp-adjusted", [
    [ypStreet, { _tag: "TakeUp", date: d("2021-01-15") }, "2021-01-15"],
    [
      ypStreet,
      { _tag: "Confirm", electedOn: d("2021-11-20"), assessment: assessed("street", "2021-11-10") },
      "2021-11-22",
    ],
    [
      ypOrg,
      {
        _tag: "Adjust",
        triggerId: "area_merged",
        outcome: "adjust",
        reason: "居民区撤并，无相应岗位",
        decision: { by: "org_dept_meeting", date: d("2025-06-10"), reference: "部务会〔2025〕6次" },
      },
      "2025-06-10",
    ],
  ])
  await place(
    ypOrg,
    "demo-pl-yp-probation",
    "demo-p-04",
    "post-310110003001",
    "yangpu-community-secretary",
    "2026-03-02",
    "u-yp-wjw",
  )
  await moves("demo-pl-yp-probation", [[ypStreet, { _tag: "TakeUp", date: d("2026-03-09") }, "2026-03-09"]])

  await place(
    ypOrg,
    "demo-pl-yp-extended",
    "demo-p-05",
    "post-310110003003",
    "yangpu-community-secretary",
    "2025-01-06",
    "u-yp-mz",
  )
  await moves("demo-pl-yp-extended", [
    [ypStreet, { _tag: "TakeUp", date: d("2025-01-13") }, "2025-01-13"],
    [
      ypStreet,
      {
        _tag: "ExtendProbation",
        until: d("2026-06-30"),
        assessment: assessed("street", "2025-12-10", "not_competent"),
      },
      "2025-12-12",
    ],
  ])

  await place(
    ypOrg,
    "demo-pl-yp-in-term",
    "demo-p-06",
    "post-310110004001",
    "yangpu-community-secretary",
    "2023-01-09",
    "u-yp-mz",
  )
  await moves("demo-pl-yp-in-term", [
    [ypStreet, { _tag: "TakeUp", date: d("2023-01-16") }, "2023-01-16"],
    [ypStreet, { _tag: "RecordRelation", relation: "party", date: d("2023-02-01") }, "2023-02-01"],
    [
      ypStreet,
      { _tag: "Confirm", electedOn: d("2023-11-18"), assessment: assessed("street", "2023-11-08") },
      "2023-11-20",
    ],
  ])
  // 000 三（二）: the street's first opinion, the dispatching unit's grade, the report to the org dept.
  const yearEnd = (
    ctx: { actor: Access.Actor },
    move: Parameters<typeof grading.step>[1]["move"],
    on: string,
  ) =>
    run(
      grading.step(ctx, {
        placementId: "demo-pl-yp-in-term",
        cycleId: "annual",
        period: "2025",
        move,
        on: d(on),
      }),
    )
  await yearEnd(
    ypStreet,
    { _tag: "GiveFirstOpinion", by: "street", opinion: "履职尽责，群众认可", proposed: "excellent" },
    "2025-12-20",
  )
  await yearEnd(ypUnit, { _tag: "DecideGrade", by: "dispatching_unit", grade: "excellent" }, "2025-12-28")
  await yearEnd(ypUnit, { _tag: "Report", by: "dispatching_unit" }, "2025-12-30")
  await run(
    duties.recordInspection(ypStreet, {
      placementId: "demo-pl-yp-in-term",
      date: d("2026-05-12"),
      kind: "spot_check",
      outcome: "satisfactory",
      finding: "在岗，居民区议事会如期召开",
      on: d("2026-05-12"),
    }),
  )

  // —— 002 大安 (two-year term; dissatisfaction above 30% recalls; the unit sends a replacement)
  const extraPosts = [
    { id: "post-da-yanjing", regionId: "510304103201", title: "盐井村党组织第一书记" },
    { id: "post-da-baiyan", regionId: "510304102202", title: "白岩村党组织第一书记" },
    { id: "post-da-zhengjie", regionId: "510304101001", title: "正街社区党组织第一书记" },
  ]
  for (const p of extraPosts) await run(Effect.flatMap(PostService, (s) => s.create(daOrg, p)))

  await place(
    daOrg,
    "demo-pl-da-in-term",
    "demo-p-11",
    "post-da-yanjing",
    "daan-first-secretary",
    "2026-03-20",
    "u-da-nyj",
  )
  await moves("demo-pl-da-in-term", [
    [daStreet, { _tag: "TakeUp", date: d("2026-04-01") }, "2026-04-01"],
    [daStreet, { _tag: "RecordRelation", relation: "party", date: d("2026-04-10") }, "2026-04-10"],
  ])

  await place(
    daOrg,
    "demo-pl-da-recalled",
    "demo-p-29",
    "post-da-baiyan",
    "daan-first-secretary",
    "2025-02-20",
    "u-da-zzb",
  )
  await moves("demo-pl-da-recalled", [[daStreet, { _tag: "TakeUp", date: d("2025-03-01") }, "2025-03-01"]])
  await run(
    grading.survey(daOrg, {
      placementId: "demo-pl-da-recalled",
      year: 2025,
      counts: { satisfied: 65, dissatisfied: 35 },
      on: d("2025-12-26"),
    }),
  )
  await moves("demo-pl-da-recalled", [
    [
      daOrg,
      {
        _tag: "Recall",
        triggerId: "dissatisfaction",
        evidence: "2025年度考核不满意率 35/100 = 35.0%，高于30%",
        decision: { by: "org_dept_meeting", date: d("2026-01-08"), reference: "部务会〔2026〕1次" },
      },
      "2026-01-08",
    ],
  ])

  await place(
    daOrg,
    "demo-pl-da-exited",
    "demo-p-30",
    "post-da-zhengjie",
    "daan-first-secretary",
    "2024-02-20",
    "u-da-nyj",
  )
  await moves("demo-pl-da-exited", [
    [daStreet, { _tag: "TakeUp", date: d("2024-03-01") }, "2024-03-01"],
    [
      daOrg,
      { _tag: "EndTerm", assessment: { ...assessed("street", "2026-02-26"), by: "org_dept" } },
      "2026-03-01",
    ],
    [daOrg, { _tag: "Exit", date: d("2026-03-05"), reason: "任期届满，返回派出单位" }, "2026-03-05"],
  ])

  // —— 004 晋城 (no term length: the appointment states the end; reports generated; leave tiers of 3 days)
  await place(
    jcOrg,
    "demo-pl-jc-term-ended",
    "demo-p-15",
    "post-jc-zdgc",
    "jincheng-secondment-down",
    "2025-08-25",
    "u-jc-fgw",
  )
  await moves("demo-pl-jc-term-ended", [
    [jcOrg, { _tag: "TakeUp", date: d("2025-09-01"), termEnd: d("2026-09-01") }, "2025-09-01"],
  ])
  const obligations = await run(duties.obligations(jcOrg.actor, "demo-pl-jc-term-ended", d("2026-01-05")))
  for (const o of obligations.filter(
    (x) => x.obligation.reportId === "quarterly" && x.obligation.due !== undefined,
  ))
    if ((o.obligation.due ?? "") <= "2025-12-31")
      await run(
        duties.submitReport(jcOrg, {
          placementId: "demo-pl-jc-term-ended",
          key: o.obligation.key,
          text: "季度工作报告（演示）",
          attachments: [],
          on: d(o.obligation.due ?? "2025-12-31"),
        }),
      )
  const leave = await run(
    duties.requestLeave(jcOrg, {
      placementId: "demo-pl-jc-term-ended",
      from: d("2026-04-07"),
      to: d("2026-04-09"),
      reason: "家中有事",
      on: d("2026-04-03"),
    }),
  )
  const approved = await run(
    duties.leaveMove(jcHost, {
      leaveId: leave.leave.id,
      expectedVersion: leave.version,
      move: { _tag: "Approve" },
      on: d("2026-04-03"),
    }),
  )
  await run(
    duties.leaveMove(jcHost, {
      leaveId: leave.leave.id,
      expectedVersion: approved.version,
      move: { _tag: "Return", date: d("2026-04-10") },
      on: d("2026-04-10"),
    }),
  )
  await moves("demo-pl-jc-term-ended", [[jcOrg, { _tag: "EndTerm" }, "2026-09-02"]])

  // —— 004 晋城, in term: the cadre's own view in the portal (reports to file, leave to ask for).
  await place(
    jcOrg,
    "demo-pl-jc-in-term",
    DEMO_CADRE_PERSON_ID,
    "post-jc-xfj-reception",
    "jincheng-secondment-down",
    "2026-03-02",
    "u-jc-fgw",
  )
  await moves("demo-pl-jc-in-term", [
    [jcOrg, { _tag: "TakeUp", date: d("2026-03-09"), termEnd: d("2027-03-09") }, "2026-03-09"],
  ])
  const due = await run(duties.obligations(jcOrg.actor, "demo-pl-jc-in-term", d("2026-09-30")))
  for (const o of due.filter((x) => x.obligation.reportId === "quarterly" && x.obligation.due !== undefined))
    if ((o.obligation.due ?? "") <= "2026-07-31")
      await run(
        duties.submitReport(jcOrg, {
          placementId: "demo-pl-jc-in-term",
          key: o.obligation.key,
          text: "本季度在信访接待岗位接待群众来访，协调化解信访事项（演示）",
          attachments: [],
          on: d(o.obligation.due ?? "2026-07-31"),
        }),
      )
  await run(
    duties.requestLeave(jcOrg, {
      placementId: "demo-pl-jc-in-term",
      from: d("2026-12-03"),
      to: d("2026-12-04"),
      reason: "参加派出单位年度工作会议",
      on: d("2026-11-20"),
    }),
  )

  // —— 004 淮上, in term after 诫勉谈话 (目标考核 三是 "对群众满意率达不到60%的,诫勉谈话"): the year-end survey falls
  // below 60% and the township committee records the talk on the placement; the cadre stays in post.
  const hsOrg = actor("org_dept_admin", "340311", HUAISHANG)
  const hsTownship = actor("street_admin", "340311100", `${HUAISHANG}340311100/`)
  await place(
    hsOrg,
    "demo-pl-hs-admonished",
    "demo-p-hs-1",
    "post-hs-xinhua",
    "huaishang-village-posting",
    "2025-01-06",
  )
  await moves("demo-pl-hs-admonished", [
    [hsOrg, { _tag: "TakeUp", date: d("2025-01-10"), termEnd: d("2028-01-10") }, "2025-01-10"],
  ])
  await run(
    grading.survey(hsOrg, {
      placementId: "demo-pl-hs-admonished",
      year: 2025,
      counts: { satisfied: 56, dissatisfied: 44 },
      on: d("2025-12-26"),
    }),
  )
  await moves("demo-pl-hs-admonished", [
    [
      hsTownship,
      {
        _tag: "Admonish",
        triggerId: "admonish_below_60",
        measures: ["admonishment_talk"],
        reason: "2025年满意度测评满意率 56/100 = 56.0%，达不到60%",
        decision: { by: "street", date: d("2025-12-30"), reference: "镇党委会〔2025〕12次" },
      },
      "2025-12-30",
    ],
  ])
}
