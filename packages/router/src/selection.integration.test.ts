import { auditLog, demoIdNumber, people, posts } from "@cadre/db"
import { Person } from "@cadre/domain"
import type { TRPCError } from "@trpc/server"
import { and, eq } from "drizzle-orm"
import { WorkCalendar } from "@cadre/services"
import { Effect, Either, Schema } from "effect"
import ExcelJS from "exceljs"
import { PDFDocument } from "pdf-lib"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, tagOf, textOf, type Harness, makeHarness } from "./test-support.js"

/**
 * Issue 4, "Tests that must exist": a full run of each seed programme's procedure through the real router on a real
 * database — Yangpu (000: unit recommendation → interview → 部务会 → report-in), Guizhou (001: 2 nominees per
 * community, joint review, 公示 → decision), Anqiu (004: application → 1:2 shortlist → standing committee →
 * publication) — with the checks a careful official would make at each step.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

let seq = 500
/** Insert a person whose profile the test controls (staff-entered, as demo people are). */
const addPerson = async (
  regionId: string,
  address: string,
  p: {
    name: string
    birthDate: string
    sex?: "male" | "female"
    party?: Person.ProfileEncoded["party"]
    employment?: Person.ProfileEncoded["employment"]
    rank?: Person.ProfileEncoded["rank"]
    education?: Person.ProfileEncoded["education"]
    attest?: ReadonlyArray<string>
    workHistory?: Person.ProfileEncoded["workHistory"]
  },
): Promise<string> => {
  seq += 2
  const sex = p.sex ?? "male"
  const id = `t-${seq}`
  const encoded: Person.ProfileEncoded = {
    id,
    name: p.name,
    sex,
    birthDate: p.birthDate,
    idNumber: demoIdNumber(address, p.birthDate, seq + (sex === "male" ? 1 : 0)),
    phone: `1990001${String(seq).padStart(4, "0")}`,
    party: p.party ?? { _tag: "Full", joined: "2012-07-01", fullMemberSince: "2013-07-01" },
    education: p.education ?? [{ level: "bachelor", fullTime: true }],
    employment: p.employment ?? "civil_servant",
    ...(p.rank === undefined ? {} : { rank: p.rank }),
    currentUnit: "某机关",
    currentPosition: "科员",
    workHistory: p.workHistory ?? [],
    conduct: [],
    attestations: (p.attest ?? []).map((item) => ({
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
    .values({ id, regionId, idNumber, phone: phone ?? null, name: p.name, profile: rest })
  return id
}

const auditOf = (entityId: string) =>
  h.handle.db
    .select({ action: auditLog.action, actor: auditLog.actorAccountId })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "application"), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.seq)

// ---------------------------------------------------------------------------------------------- Yangpu (000)

describe("000 Yangpu: unit recommendation → interview → 部务会 → report-in", () => {
  const YANGPU_ATTEST = [
    "party_spirit_conduct_dedication",
    "mass_work_ability",
    "community_temperament",
    "organising_ability",
  ]
  it("runs the whole procedure, refusing what the scheme does not allow", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const unit = await h.actorHeaders({
      role: "dispatching_unit_admin",
      regionId: "310110",
      unitId: "u-yp-mz",
    })
    const reviewer = await h.actorHeaders({ role: "reviewer", regionId: "310110" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "310110001" })

    const zhang = await addPerson("310110", "310110", {
      name: "张晓东",
      birthDate: "1990-05-04",
      rank: { level: "section", track: "leading" },
      attest: YANGPU_ATTEST,
    })
    const li = await addPerson("310110", "310110", {
      name: "李文静",
      sex: "female",
      birthDate: "1991-08-10",
      rank: { level: "deputy_section", track: "leading" },
      attest: YANGPU_ATTEST,
    })
    // Aged 44 on the reference date: 000 二 caps the age at 38.
    const wang = await addPerson("310110", "310110", {
      name: "王建国",
      birthDate: "1981-03-01",
      rank: { level: "section", track: "leading" },
      attest: YANGPU_ATTEST,
    })

    h.setToday("2025-12-01")
    // Places: one; the campaign fills 隆昌路居民区's post (the scheme's only channel is unit recommendation).
    const created = await h.caller(org).campaigns.create({
      regionId: "310110",
      name: "2025年度杨浦区选派机关干部到居民区任职",
      schemeId: "yangpu-community-secretary",
      schemeVersion: 1,
      channels: ["unit_recommendation"],
      places: 1,
      startYear: 2025,
      referenceDate: "2025-12-18",
      decidingBody: "org_dept_meeting",
      postIds: ["post-310110001002"],
    })
    expect(created.status).toBe("draft")
    // Self-registration is not a channel of 000: refused with the reason.
    const badChannel = await failure(
      h.caller(org).campaigns.update({
        id: created.id,
        expectedVersion: created.version,
        channels: ["self_registration"],
      }),
    )
    expect(badChannel.code).toBe("CONFLICT")
    expect(textOf(badChannel).zh).toContain("个人报名")
    // Recommending into a draft campaign is refused.
    const early = await failure(
      h.caller(unit).applications.recommend({
        campaignId: created.id,
        personId: zhang,
        channel: "unit_recommendation",
        recommendation: { body: "杨浦区民政局党委", meeting: "党委会", meetingDate: "2025-12-10" },
      }),
    )
    expect(early.code).toBe("CONFLICT")
    const opened = await h.caller(org).campaigns.openForApplications({ id: created.id, expectedVersion: 1 })
    expect(opened.status).toBe("open")

    const detail = await h.caller(org).campaigns.get({ id: created.id })
    expect(detail.path.steps.map((s) => s.state)).toEqual([
      "draft",
      "submitted",
      "screened",
      "interview",
      "decided",
      "appointed",
      "reported_in",
    ])

    h.setToday("2025-12-12")
    const rec = (personId: string) =>
      h.caller(unit).applications.recommend({
        campaignId: created.id,
        personId,
        channel: "unit_recommendation",
        recommendation: { body: "杨浦区民政局党委", meeting: "党委会议", meetingDate: "2025-12-10" },
      })
    // A unit recommendation must carry its meeting; the Schema refuses a missing one, naming the field.
    const noMeeting = await failure(
      h.caller(unit).applications.recommend({
        campaignId: created.id,
        personId: zhang,
        channel: "unit_recommendation",
        recommendation: { body: "杨浦区民政局党委", meetingDate: "2025-12-10" } as never,
      }),
    )
    expect(noMeeting.code).toBe("BAD_REQUEST")
    const a = await rec(zhang)
    const b = await rec(li)
    const c = await rec(wang)
    expect(a.state).toBe("screened")
    expect(a.application.verdict?.outcome).toBe("eligible")
    expect(a.application.schemeVersion).toBe(1)
    // Personal data is masked in what the API returns.
    expect(a.person.idNumberMasked).toMatch(/^310110\*{8}\d{3}[\dX]$/)
    expect(a.person.phoneMasked).toMatch(/^199\*{4}\d{4}$/)
    // The ineligible one is not dropped: shown with the reason and the clause.
    expect(c.application.verdict?.outcome).toBe("ineligible")
    const ageReason = c.reasons.find((r) => r.clause?.startsWith("000"))
    expect(ageReason?.text.zh).toMatch(/38/)
    // The same person twice: refused.
    expect((await failure(rec(zhang))).code).toBe("CONFLICT")

    // The ineligible one cannot advance; a reviewer rejects with a reason.
    const adv = await failure(
      h.caller(reviewer).applications.act({
        applicationId: c.id,
        expectedVersion: c.version,
        move: { _tag: "Advance", from: "screened", to: "interview" },
      }),
    )
    expect(adv.code).toBe("CONFLICT")
    expect(tagOf(adv)).toBe("IllegalMove")
    const cRejected = await h.caller(reviewer).applications.act({
      applicationId: c.id,
      expectedVersion: c.version,
      move: { _tag: "Reject", reason: "年龄超过38周岁" },
    })
    expect(cRejected.state).toBe("rejected")

    // Two reviewers advance the same application at once: one wins, the other is told it is stale.
    h.setToday("2025-12-22")
    const both = await Promise.allSettled([
      h.caller(reviewer).applications.act({
        applicationId: a.id,
        expectedVersion: a.version,
        move: { _tag: "Advance", from: "screened", to: "interview" },
      }),
      h.caller(org).applications.act({
        applicationId: a.id,
        expectedVersion: a.version,
        move: { _tag: "Advance", from: "screened", to: "interview" },
      }),
    ])
    expect(both.filter((x) => x.status === "fulfilled")).toHaveLength(1)
    const lost = both.find((x) => x.status === "rejected") as PromiseRejectedResult
    expect((lost.reason as TRPCError).code).toBe("CONFLICT")
    expect(tagOf(lost.reason as TRPCError)).toBe("StaleVersion")

    // A street reviewer outside the district scope cannot decide; a street admin sees nothing of a unit's
    // recommendation from the district (the application's region is the district).
    expect((await failure(h.caller(street).applications.get({ id: a.id }))).code).toBe("NOT_FOUND")

    let aNow = await h.caller(reviewer).applications.get({ id: a.id })
    expect(aNow.state).toBe("interview")
    // Deciding before the interview is recorded: refused.
    const noScores = await failure(
      h.caller(org).applications.act({
        applicationId: a.id,
        expectedVersion: aNow.version,
        move: {
          _tag: "Decide",
          outcome: "approved",
          meeting: { body: "org_dept_meeting", reference: "部务会〔2026〕1次" },
          date: "2025-12-30",
        },
      }),
    )
    expect(tagOf(noScores)).toBe("IllegalMove")
    // Three raters score the interview (000 二（二）).
    aNow = await h.caller(reviewer).applications.act({
      applicationId: a.id,
      expectedVersion: aNow.version,
      move: {
        _tag: "Record",
        record: {
          _tag: "Interview",
          scores: [
            { rater: "考官一", score: 88 },
            { rater: "考官二", score: 91 },
            { rater: "考官三", score: 86 },
          ],
        },
      },
    })
    // A reviewer cannot decide: that is the 部务会's (org dept) move.
    const notMine = await failure(
      h.caller(reviewer).applications.act({
        applicationId: a.id,
        expectedVersion: aNow.version,
        move: {
          _tag: "Decide",
          outcome: "approved",
          meeting: { body: "org_dept_meeting" },
          date: "2025-12-30",
        },
      }),
    )
    expect(notMine.code).toBe("FORBIDDEN")
    h.setToday("2025-12-30")
    aNow = await h.caller(org).applications.act({
      applicationId: a.id,
      expectedVersion: aNow.version,
      move: {
        _tag: "Decide",
        outcome: "approved",
        meeting: { body: "org_dept_meeting", reference: "部务会〔2025〕12次" },
        date: "2025-12-30",
      },
    })
    expect(aNow.state).toBe("decided")
    // A decided application is not decided again without a return.
    const again = await failure(
      h.caller(org).applications.act({
        applicationId: a.id,
        expectedVersion: aNow.version,
        move: {
          _tag: "Decide",
          outcome: "approved",
          meeting: { body: "org_dept_meeting" },
          date: "2025-12-30",
        },
      }),
    )
    expect(tagOf(again)).toBe("IllegalMove")

    // The second candidate goes through too, so that places can be tested.
    let bNow = await h.caller(reviewer).applications.act({
      applicationId: b.id,
      expectedVersion: b.version,
      move: {
        _tag: "Advance",
        from: "screened",
        to: "interview",
      },
    })
    bNow = await h.caller(reviewer).applications.act({
      applicationId: b.id,
      expectedVersion: bNow.version,
      move: { _tag: "Record", record: { _tag: "Interview", scores: [{ rater: "考官一", score: 80 }] } },
    })
    bNow = await h.caller(org).applications.act({
      applicationId: b.id,
      expectedVersion: bNow.version,
      move: {
        _tag: "Decide",
        outcome: "approved",
        meeting: { body: "org_dept_meeting" },
        date: "2025-12-30",
      },
    })

    // Appointment to a post that is not the campaign's: refused.
    const otherPost = await failure(
      h.caller(org).applications.act({
        applicationId: a.id,
        expectedVersion: aNow.version,
        move: { _tag: "Appoint", postId: "post-310110002001" },
      }),
    )
    expect(otherPost.code).toBe("CONFLICT")
    h.setToday("2026-01-05")
    aNow = await h.caller(org).applications.act({
      applicationId: a.id,
      expectedVersion: aNow.version,
      move: { _tag: "Appoint", postId: "post-310110001002" },
    })
    expect(aNow.state).toBe("appointed")
    const [post] = await h.handle.db.select().from(posts).where(eq(posts.id, "post-310110001002"))
    expect(post?.status).toBe("filled")
    // One place: the second appointment is refused, whatever the post.
    const full = await failure(
      h.caller(org).applications.act({
        applicationId: b.id,
        expectedVersion: bNow.version,
        move: { _tag: "Appoint", postId: "post-310110001002" },
      }),
    )
    expect(full.code).toBe("CONFLICT")
    expect(textOf(full).zh).toMatch(/名额|不空缺/)

    // Returned to the decision (退回, with a reason): the post is given back; appointed again, it is taken again.
    aNow = await h.caller(org).applications.act({
      applicationId: a.id,
      expectedVersion: aNow.version,
      move: { _tag: "Return", to: "decided", reason: "拟任岗位调整，重新任职" },
    })
    expect([aNow.state, aNow.application.postId]).toEqual(["decided", undefined])
    const postStatus = async () =>
      (await h.handle.db.select().from(posts).where(eq(posts.id, "post-310110001002")))[0]?.status
    expect(await postStatus()).toBe("vacant")
    aNow = await h.caller(org).applications.act({
      applicationId: a.id,
      expectedVersion: aNow.version,
      move: { _tag: "Appoint", postId: "post-310110001002" },
    })
    expect(await postStatus()).toBe("filled")

    // Report-in mid-January (000 二（四）).
    h.setToday("2026-01-15")
    aNow = await h.caller(org).applications.act({
      applicationId: a.id,
      expectedVersion: aNow.version,
      move: { _tag: "ReportIn", date: "2026-01-15" },
    })
    expect(aNow.state).toBe("reported_in")
    expect(aNow.application.history.map((x) => x.move._tag)).toEqual([
      "Submit",
      "Screen",
      "Advance",
      "Record",
      "Decide",
      "Appoint",
      "Return",
      "Appoint",
      "ReportIn",
    ])
    // Every transition is in the audit log, by the account that made it.
    const audit = await auditOf(a.id)
    expect(audit.map((x) => x.action)).toEqual([
      "application.submit",
      "application.Advance",
      "application.Record",
      "application.Decide",
      "application.Appoint",
      "application.Return",
      "application.Appoint",
      "application.ReportIn",
    ])

    // A newer published version does not change the campaign's.
    const v2 = await h.caller(org).schemes.createFromPreset({
      presetKey: "yangpu-community-secretary",
      version: 2,
      effectiveFrom: "2026-02-01",
    })
    await h
      .caller(org)
      .schemes.publish({ schemeId: v2.scheme.id, version: 2, expectedRowVersion: v2.rowVersion })
    const after = await h.caller(org).campaigns.get({ id: created.id })
    expect(after.schemeVersion).toBe(1)
    const list = (await h.caller(org).applications.list({ campaignId: created.id })).items
    expect(new Set(list.map((x) => x.application.schemeVersion))).toEqual(new Set([1]))
    expect(after.counts).toMatchObject({ reported_in: 1, decided: 1, rejected: 1 })
  })
})

// ---------------------------------------------------------------------------------------------- Guizhou (001)

describe("001 Guizhou street reserve pool: 2 nominees per community, 公示, joint review → decision", () => {
  const GZ_ATTEST = ["political_loyalty", "community_service_ability", "conduct_character", "computer_skills"]
  it("nominates, publicises on working days with an objection, reviews jointly, inspects, then decides", async () => {
    const street = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    const other = await h.actorHeaders({ role: "street_admin", regionId: "310110001" })
    const nominees = [
      { community: "guizhou-street-c1", role: "principal", name: "赵红梅", birthDate: "1984-02-11" },
      { community: "guizhou-street-c1", role: "deputy", name: "钱志刚", birthDate: "1993-06-20" },
      { community: "guizhou-street-c2", role: "principal", name: "孙丽", birthDate: "1990-09-09" },
      // 41 on the reference date: over the deputy cap of 40 (001 三（4）).
      { community: "guizhou-street-c2", role: "deputy", name: "周强", birthDate: "1985-01-15" },
    ]
    const ids: Array<string> = []
    for (const n of nominees)
      ids.push(
        await addPerson(n.community, "520102", {
          name: n.name,
          birthDate: n.birthDate,
          sex: n.name === "赵红梅" || n.name === "孙丽" ? "female" : "male",
          employment: "community_worker",
          education: [{ level: "junior_college", fullTime: true }],
          attest: GZ_ATTEST,
        }),
      )

    h.setToday("2026-07-01")
    const c = await h.caller(street).campaigns.create({
      regionId: "guizhou-street",
      name: "2026年某街道社区后备干部选拔",
      schemeId: "guizhou-street-reserve-pool",
      schemeVersion: 1,
      channels: ["organisation_recommendation"],
      places: 10,
      startYear: 2026,
      referenceDate: "2026-07-12",
      decidingBody: "street",
    })
    // Another street cannot see it.
    expect((await failure(h.caller(other).campaigns.get({ id: c.id }))).code).toBe("NOT_FOUND")
    await h.caller(street).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    const detail = await h.caller(street).campaigns.get({ id: c.id })
    // 001 四（二）1–3: the community publicises its nominees before the street's review, inspection and decision.
    expect(detail.path.steps.map((s) => s.state)).toEqual([
      "draft",
      "submitted",
      "screened",
      "public_notice",
      "joint_review",
      "inspection",
      "decided",
      "appointed",
    ])

    h.setToday("2026-07-10")
    const apps = []
    for (const [i, n] of nominees.entries())
      apps.push(
        await h.caller(street).applications.recommend({
          campaignId: c.id,
          personId: ids[i] as string,
          channel: "organisation_recommendation",
          recommendation: {
            body: `${n.community === "guizhou-street-c1" ? "和平" : "文昌"}社区党委`,
            meeting: "社区党委会议",
            meetingDate: "2026-07-08",
          },
          targetRole: n.role,
        }),
      )
    expect(apps.map((a) => a.application.verdict?.outcome)).toEqual([
      "eligible",
      "eligible",
      "eligible",
      "ineligible",
    ])
    const over = apps[3]
    expect(over?.reasons.some((r) => r.clause === "001 三（4）" && r.text.zh.includes("40"))).toBe(true)
    // The cap is waivable ("一般不超过"): the street may grant the waiver and re-screen.
    const waived = await h.caller(street).applications.waive({
      applicationId: over?.id as string,
      expectedVersion: over?.version as number,
      waivers: [
        {
          ruleId: "age",
          reason: "社区工作经验丰富，经街道党工委研究同意放宽",
          approver: "某街道党工委",
          approvedOn: "2026-07-10",
        },
      ],
    })
    expect(waived.application.verdict?.outcome).not.toBe("ineligible")
    expect(waived.application.verdict?.findings.find((f) => f.ruleId === "age")?.status).toBe("waived")

    const current = new Map(apps.map((a) => [a.id, a.version]))
    current.set(waived.id, waived.version)
    const act = async (
      id: string,
      move: Parameters<ReturnType<Harness["caller"]>["applications"]["act"]>[0]["move"],
    ) => {
      const r = await h.caller(street).applications.act({
        applicationId: id,
        expectedVersion: current.get(id) as number,
        move,
      })
      current.set(id, r.version)
      return r
    }
    // The schedule from the scheme: recommendations by 12 July, the decision by 18 July (001 四).
    const schedule = await h.caller(street).campaigns.schedule({ id: c.id })
    expect(schedule.entries.find((e) => e.stageId === "recommend")?.date).toBe("2026-07-12")
    expect(schedule.entries.find((e) => e.stageId === "decide")?.date).toBe("2026-07-18")
    // Issue 13, "dates bite": 001 四（二） dates the nominees' 公示 by 12 July (四（二）1), the street's review by 17 July
    // (四（二）2) and the decision by 18 July (四（二）3); this run's notice starts on 13 July and the street reviews
    // and decides on 21 July, so the street sets its own timetable for those stages (else each move is refused as
    // past its deadline).
    const running = await h.caller(street).campaigns.get({ id: c.id })
    await h.caller(street).campaigns.update({
      id: c.id,
      expectedVersion: running.version,
      scheduleOverrides: {
        recommend: "2026-07-13",
        joint_review: "2026-07-21",
        inspect: "2026-07-21",
        decide: "2026-07-21",
      },
    })
    // Deciding before the notice: refused (the notice precedes the street's review and decision in 001).
    const first = [...current.keys()][0] as string
    expect(
      tagOf(
        await failure(
          h.caller(street).applications.act({
            applicationId: first,
            expectedVersion: current.get(first) as number,
            move: { _tag: "Decide", outcome: "approved", meeting: { body: "street" }, date: "2026-07-16" },
          }),
        ),
      ),
    ).toBe("IllegalMove")
    // Issue 20 (001 四（二）1): the community publicises its nominees before the street's 初审, the departments'
    // opinions and the inspection (四（二）2) — straight after screening, not after the inspection. Joint review
    // before the notice is refused.
    expect(
      tagOf(
        await failure(
          h.caller(street).applications.act({
            applicationId: first,
            expectedVersion: current.get(first) as number,
            move: { _tag: "Advance", from: "screened", to: "joint_review" },
          }),
        ),
      ),
    ).toBe("IllegalMove")
    // 公示 of 5 working days from Monday 13 July, counted from the next day: 14–17 and 20 July.
    h.setToday("2026-07-13")
    const lastDays = new Set<string | undefined>()
    for (const id of current.keys())
      lastDays.add(
        (await act(id, { _tag: "StartNotice", days: 5, start: "2026-07-13", countFrom: "day_after" }))
          .application.notice?.lastDay,
      )
    expect(lastDays).toEqual(new Set(["2026-07-20"]))
    // A resident objects during the notice.
    h.setToday("2026-07-15")
    await act(first, { _tag: "FileObjection", objectionId: "异议-1", summary: "反映其长期不在社区居住" })
    h.setToday("2026-07-21")
    const blocked = await failure(
      h.caller(street).applications.act({
        applicationId: first,
        expectedVersion: current.get(first) as number,
        move: { _tag: "Advance", from: "public_notice", to: "joint_review" },
      }),
    )
    expect(textOf(blocked).zh).toContain("异议")
    await act(first, {
      _tag: "ResolveObjection",
      objectionId: "异议-1",
      finding: "经核查，本人一直在社区居住，反映不属实",
      upheld: false,
    })
    for (const id of current.keys()) {
      await act(id, { _tag: "Advance", from: "public_notice", to: "joint_review" })
      // 联审: discipline, public security, comprehensive governance, family planning (001 四（二）2).
      await act(id, {
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
      })
      await act(id, { _tag: "Advance", from: "joint_review", to: "inspection" })
      await act(id, {
        _tag: "Record",
        record: {
          _tag: "Inspection",
          team: ["街道组织委员", "社区党委书记"],
          date: "2026-07-21",
          findings: {
            politics: "政治立场坚定",
            ability: "工作能力较强",
            service: "服务群众热情",
            standing: "群众公认度高",
          },
        },
      })
    }
    // Before the decision the street sees each community's nominees and the pool's age structure (001 二、三（4）).
    const pool = await h.caller(street).campaigns.poolCheck({ id: c.id })
    // Issue 13: every community of the street is checked; one with no reserve at all is not left out — it fails
    // "原则上每个社区选拔不少于2名" with 0 (001 二).
    expect(pool.communities.map((x) => [x.community.id, x.nominees.length, x.outcome])).toEqual([
      ["guizhou-street-c1", 2, "pass"],
      ["guizhou-street-c2", 2, "fail"],
      ["guizhou-street-c3", 0, "fail"],
      ["guizhou-street-c4", 0, "fail"],
      ["guizhou-street-c5", 0, "fail"],
    ])
    expect(pool.communities[2]?.findings[0]?.message.zh).toBe(
      "新华社区推荐0名，少于“原则上每个社区不少于2名”的要求，还差2名（001 二）",
    )
    // 周强 (41) against the deputy cap of 40: the pool check reports it (the waiver is the screening's).
    expect(
      pool.communities[1]?.nominees.find((n) => n.age === 41)?.findings.some((f) => f.status === "fail"),
    ).toBe(true)
    if (pool.composition._tag !== "Composition") throw new Error("composition not checked")
    expect(pool.composition.street.arithmetic.zh).toBe("4人中35岁以下2人，需至少2人（4×40%=1.6，向上取整）")
    expect(pool.composition.street.status).toBe("pass")
    for (const id of current.keys()) {
      const r = await act(id, {
        _tag: "Decide",
        outcome: "approved",
        meeting: { body: "street", reference: "街道党工委会议" },
        date: "2026-07-21",
      })
      expect(r.state).toBe("decided")
    }
    const after = await h.caller(street).campaigns.get({ id: c.id })
    expect(after.counts).toEqual({ decided: 4 })
  })

  it("a notice running into a year nobody entered is a clear error until the national operator enters that year", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const e = await failure(h.caller(org).calendar.addWorkingDays({ start: "2026-12-28", days: 5 }))
    expect(e.code).toBe("PRECONDITION_FAILED")
    expect(textOf(e).zh).toContain("2027")
    // No account enters the national calendar: the org dept is refused too (ADR 0005).
    expect(
      (
        await failure(
          h.caller(org).calendar.enterYear({ year: 2027, holidays: ["2027-01-01"], makeUpWorkdays: [] }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    // The national operator (`cadre calendar:enter-year`) enters an illustrative 2027 (not the official notice,
    // which is not out yet): New Year 1–3 January off.
    await h.deps.runtime.runPromise(
      Effect.flatMap(WorkCalendar, (c) =>
        c.enterNationalYear(
          { actor: { accountId: "system:cli", role: "system" } },
          {
            year: {
              year: 2027,
              holidays: ["2027-01-01", "2027-01-02", "2027-01-03"],
              makeUpWorkdays: [],
              source: {
                _tag: "EnteredByAdmin",
                accountId: "system:cli",
                enteredOn: "2026-11-20",
                notice: "示例：尚未发布",
              },
            },
          },
        ),
      ),
    )
    // 29, 30, 31 December 2026, then 4 and 5 January 2027.
    expect(await h.caller(org).calendar.addWorkingDays({ start: "2026-12-28", days: 5 })).toEqual({
      lastDay: "2027-01-05",
    })
    const years = await h.caller(org).calendar.years()
    expect(years.find((y) => y.year === 2027)?.source._tag).toBe("EnteredByAdmin")
    expect(years.find((y) => y.year === 2026)?.source._tag).toBe("DataPackage")
    // A make-up day on a weekday is refused with the reason.
    const bad = await h.deps.runtime.runPromise(
      Effect.either(
        Effect.flatMap(WorkCalendar, (c) =>
          c.enterNationalYear(
            { actor: { accountId: "system:cli", role: "system" } },
            {
              year: {
                year: 2028,
                holidays: [],
                makeUpWorkdays: ["2028-01-04"],
                source: { _tag: "EnteredByAdmin", accountId: "system:cli", enteredOn: "2026-11-20" },
              },
            },
          ),
        ),
      ),
    )
    expect(Either.isLeft(bad) && bad.left._tag).toBe("InvalidInput")
  })
})

// ---------------------------------------------------------------------------------------------- Anqiu (004)

describe("004 Anqiu secondment: recommendation → 1:2 shortlist → standing committee → publication", () => {
  const AQ_ATTEST = [
    "city_department_cadre",
    "character_conduct",
    "health",
    "lacks_grassroots_experience",
    "willingness_grassroots",
  ]
  it("keeps the shortlist to twice the places and appoints after a 公示 across National Day", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "370784" })
    const unit = await h.actorHeaders({
      role: "dispatching_unit_admin",
      regionId: "370784",
      unitId: "u-aq-fgj",
    })
    const cadres = []
    for (const [i, name] of ["刘洋", "陈静", "杨帆"].entries())
      cadres.push(
        await addPerson("370784", "370784", {
          name,
          birthDate: `198${5 + i}-04-0${i + 1}`,
          sex: i === 1 ? "female" : "male",
          rank: { level: "deputy_section", track: "leading" },
          attest: AQ_ATTEST,
        }),
      )
    const post = await h.caller(org).posts.create({
      regionId: "370784100",
      title: "兴安街道党工委副书记（挂职）",
    })
    h.setToday("2026-09-01")
    const c = await h.caller(org).campaigns.create({
      regionId: "370784",
      name: "2026年安丘市市直部门干部到镇街挂职",
      schemeId: "anqiu-down-secondment",
      schemeVersion: 1,
      channels: ["unit_recommendation"],
      places: 1,
      startYear: 2026,
      referenceDate: "2026-09-10",
      decidingBody: "standing_committee",
      postIds: [post.id],
    })
    await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    expect((await h.caller(org).campaigns.get({ id: c.id })).path.shortlistRatio).toEqual({
      candidates: 2,
      places: 1,
    })
    h.setToday("2026-09-08")
    const apps = []
    for (const id of cadres)
      apps.push(
        await h.caller(unit).applications.recommend({
          campaignId: c.id,
          personId: id,
          channel: "unit_recommendation",
          recommendation: { body: "安丘市发展和改革局党组", meeting: "党组会议", meetingDate: "2026-09-07" },
        }),
      )
    expect(apps.every((a) => a.application.verdict?.outcome === "eligible")).toBe(true)
    const [a1, a2, a3] = apps as [(typeof apps)[0], (typeof apps)[0], (typeof apps)[0]]
    const shortlist = (a: typeof a1) =>
      h.caller(org).applications.act({
        applicationId: a.id,
        expectedVersion: a.version,
        move: { _tag: "Advance", from: "screened", to: "shortlisted" },
      })
    const s1 = await shortlist(a1)
    await shortlist(a2)
    // 1 place × 2 = 2 candidates: the third is refused, with the arithmetic.
    const third = await failure(shortlist(a3))
    expect(tagOf(third)).toBe("IllegalMove")
    expect(textOf(third).zh).toMatch(/2/)
    // 常委会 decides.
    h.setToday("2026-09-25")
    let d1 = await h.caller(org).applications.act({
      applicationId: a1.id,
      expectedVersion: s1.version,
      move: {
        _tag: "Decide",
        outcome: "approved",
        meeting: { body: "standing_committee", reference: "市委常委会第30次会议" },
        date: "2026-09-25",
      },
    })
    // 任前公示 of 5 working days from 29 September, across National Day 2026 (1–7 October off, 10 October a
    // make-up working day): 30 Sept, 8, 9, 10, 12 October.
    h.setToday("2026-09-29")
    d1 = await h.caller(org).applications.act({
      applicationId: a1.id,
      expectedVersion: d1.version,
      move: { _tag: "StartNotice", days: 5, start: "2026-09-29", countFrom: "day_after" },
    })
    expect(d1.state).toBe("public_notice")
    expect(d1.application.notice?.lastDay).toBe("2026-10-12")
    h.setToday("2026-10-09")
    d1 = await h.caller(org).applications.act({
      applicationId: a1.id,
      expectedVersion: d1.version,
      move: { _tag: "FileObjection", objectionId: "来信-1", summary: "来信反映其在原单位考勤问题" },
    })
    // Still in the notice, and an objection is open: no appointment.
    const tooSoon = await failure(
      h.caller(org).applications.act({
        applicationId: a1.id,
        expectedVersion: d1.version,
        move: { _tag: "Appoint", postId: post.id },
      }),
    )
    expect(tagOf(tooSoon)).toBe("IllegalMove")
    expect(textOf(tooSoon).zh).toContain("2026-10-12")
    h.setToday("2026-10-12")
    d1 = await h.caller(org).applications.act({
      applicationId: a1.id,
      expectedVersion: d1.version,
      move: {
        _tag: "ResolveObjection",
        objectionId: "来信-1",
        finding: "经核实为正常请假，反映不实",
        upheld: false,
      },
    })
    h.setToday("2026-10-13")
    d1 = await h.caller(org).applications.act({
      applicationId: a1.id,
      expectedVersion: d1.version,
      move: { _tag: "Appoint", postId: post.id },
    })
    expect(d1.state).toBe("appointed")
    expect(d1.application.notice?.objections[0]?.resolution?.finding).toContain("反映不实")
  })
})

// ---------------------------------------------------------------------------------------------- applicants

describe("the applicant's own view (Huaishang: self-registration)", () => {
  it("applies, sees the stage and the reasons with clauses, withdraws; sees no one else's", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "340311" })
    h.setToday("2026-05-06")
    const c = await h.caller(org).campaigns.create({
      regionId: "340311",
      name: "2026年淮上区选派干部到村任职",
      schemeId: "huaishang-village-posting",
      schemeVersion: 1,
      channels: ["self_registration"],
      places: 1,
      startYear: 2026,
      referenceDate: "2026-05-31",
      decidingBody: "org_dept_meeting",
    })
    await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    const applicant = await h.actorHeaders({ role: "applicant" })
    // No profile yet: told to fill it in first.
    const noProfile = await failure(h.caller(applicant).applications.register({ campaignId: c.id }))
    expect(textOf(noProfile).zh).toContain("个人信息")
    const birthDate = "1992-03-14"
    await h.caller(applicant).profiles.createMine({
      regionId: "340311",
      profile: {
        name: "吴明亮",
        sex: "male",
        birthDate,
        idNumber: demoIdNumber("340311", birthDate, 901),
        phone: "19900029001",
        party: { _tag: "Full", joined: "2014-07-01", fullMemberSince: "2015-07-01" },
        education: [{ level: "bachelor", fullTime: true }],
        employment: "civil_servant",
        workHistory: [],
        conduct: [],
        attestations: [],
      },
    })
    const open = await h.caller(applicant).campaigns.open()
    expect(open.map((x) => x.id)).toContain(c.id)
    const mine = await h.caller(applicant).applications.register({ campaignId: c.id })
    expect(mine.state).toBe("screened")
    // Attested conditions wait for a reviewer: the applicant sees which, with the clause.
    expect(mine.application.verdict?.outcome).toBe("needs_review")
    expect(mine.reasons.length).toBeGreaterThan(0)
    expect(mine.reasons.every((r) => r.clause?.startsWith("004"))).toBe(true)
    // Pending reviews are told apart from failures (issue 17: never one list).
    expect(mine.reasons.every((r) => r.kind === "review")).toBe(true)
    // The receipt's reference number is the one the 报名表 prints; the timeline dates each stage reached.
    expect(mine.reference).toBe(mine.id.slice(0, 8).toUpperCase())
    expect(mine.timeline.map((s) => [s.state, s.on])).toEqual([
      ["submitted", "2026-05-06"],
      ["screened", "2026-05-06"],
    ])
    expect(mine.timeline[1]?.label.zh).toBe("已资格比对")
    const list = await h.caller(applicant).applications.mine()
    expect(list.map((x) => x.id)).toEqual([mine.id])
    expect(list[0]?.campaignName).toBe("2026年淮上区选派干部到村任职")
    // Another applicant sees nothing of it.
    const stranger = await h.actorHeaders({ role: "applicant" })
    expect((await failure(h.caller(stranger).applications.get({ id: mine.id }))).code).toBe("NOT_FOUND")
    expect(await h.caller(stranger).applications.mine()).toEqual([])
    // An applicant cannot act as a reviewer.
    expect(
      (
        await failure(
          h.caller(applicant).applications.act({
            applicationId: mine.id,
            expectedVersion: mine.version,
            move: { _tag: "Reject", reason: "自己拒绝自己" },
          }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    const w = await h.caller(applicant).applications.withdraw({
      applicationId: mine.id,
      expectedVersion: mine.version,
      reason: "家庭原因",
    })
    expect(w.state).toBe("withdrawn")
    expect(w.reasons.some((r) => r.text.zh.includes("家庭原因"))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------- exports

describe("exports open and hold the right rows (read back with the same libraries)", () => {
  it("Da'an demo campaign: roster, arrangement table and a registration form", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
    const apps = (await h.caller(org).applications.list({ campaignId: "demo-daan-2026" })).items
    const roster = await h.caller(org).exports.roster({ campaignId: "demo-daan-2026" })
    expect(roster.filename).toMatch(/花名册\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(roster.base64, "base64") as never)
    const ws = wb.worksheets[0]
    if (ws === undefined) throw new Error("no worksheet")
    const header = (ws.getRow(3).values as Array<unknown>).slice(1)
    expect(header.slice(0, 3)).toEqual(["序号", "姓名", "性别"])
    const names = new Set<string>()
    for (let r = 4; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).getCell(2).value
      if (typeof v === "string" && v.length > 0) names.add(v)
    }
    expect(names).toEqual(new Set(apps.map((a) => a.person.name)))
    // Phones are masked in the roster.
    const phoneCol = header.indexOf("联系电话") + 1
    expect(String(ws.getRow(4).getCell(phoneCol).value)).toMatch(/^199\*{4}\d{4}$/)

    const arr = await h.caller(org).exports.arrangement({ campaignId: "demo-daan-2026" })
    expect(arr.rows).toBe(apps.filter((a) => a.state === "appointed" || a.state === "reported_in").length)
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.load(Buffer.from(arr.base64, "base64") as never)
    const text = JSON.stringify(wb2.worksheets[0]?.getSheetValues())
    expect(text).toContain("民主村党组织第一书记")
    expect(text).toContain("牛佛镇")

    const appointed = apps.find((a) => a.state === "appointed")
    const pdf = await h.caller(org).exports.registrationForm({ applicationId: appointed?.id as string })
    const doc = await PDFDocument.load(Buffer.from(pdf.base64, "base64"))
    // A4, an even page count for double-sided printing (000 "请正反打印").
    expect(doc.getPageCount() % 2).toBe(0)
    const { width, height } = doc.getPage(0).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842])
    // Every export is in the audit log.
    const audit = await h.handle.db.select().from(auditLog).where(eq(auditLog.action, "export"))
    expect(audit.length).toBeGreaterThanOrEqual(3)
  })
})

// ---------------------------------------------------------------------------------------------- tasks

describe("review tasks: assign, remind when overdue, transfer (转办), hand over, complete on leaving the step", () => {
  it("moves tasks only between reviewers in scope, and closes them when the application moves on", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const r1h = await h.actorHeaders({ role: "reviewer", regionId: "310110" })
    const r2h = await h.actorHeaders({ role: "reviewer", regionId: "310110" })
    const r3h = await h.actorHeaders({ role: "reviewer", regionId: "310110" })
    const farh = await h.actorHeaders({ role: "reviewer", regionId: "510304" })
    const id = async (hd: Record<string, string>) => (await h.caller(hd).auth.me()).accountId
    const [r1, r2, r3, far] = [await id(r1h), await id(r2h), await id(r3h), await id(farh)]
    h.setToday("2026-11-26")
    const app = (
      await h.caller(org).applications.list({ campaignId: "demo-yangpu-2026", state: "screened" })
    ).items.find((a) => a.application.verdict?.outcome !== "ineligible")
    if (app === undefined) throw new Error("demo campaign has no screened application")
    // A reviewer of another district cannot be assigned.
    const out = await failure(
      h.caller(org).tasks.assign({ applicationId: app.id, assignee: far, dueOn: "2026-11-30" }),
    )
    expect(out.code).toBe("CONFLICT")
    let t = await h.caller(org).tasks.assign({ applicationId: app.id, assignee: r1, dueOn: "2026-11-30" })
    expect(t.step).toBe("screened")
    expect((await h.caller(r1h).tasks.mine({})).items.map((x) => x.id)).toContain(t.id)
    // Not overdue yet: no reminder.
    const early = await failure(h.caller(org).tasks.remind({ taskId: t.id, expectedVersion: t.version }))
    expect(early.code).toBe("CONFLICT")
    h.setToday("2026-12-01")
    expect((await h.caller(r1h).tasks.mine({})).items.find((x) => x.id === t.id)?.overdue).toBe(true)
    t = await h.caller(org).tasks.remind({ taskId: t.id, expectedVersion: t.version })
    expect(t.task.remindedOn).toEqual(["2026-12-01"])
    // 转办 needs a reviewer in scope: the caller (r1, district) may hand it to r2, not to another district's.
    const farAway = await failure(
      h.caller(r1h).tasks.transfer({ taskId: t.id, expectedVersion: t.version, to: far, reason: "回避" }),
    )
    expect(farAway.code).toBe("CONFLICT")
    t = await h
      .caller(r1h)
      .tasks.transfer({ taskId: t.id, expectedVersion: t.version, to: r2, reason: "本人需回避" })
    expect(t.assignee).toBe(r2)
    // r1 no longer holds it and cannot touch it.
    expect(
      (await failure(h.caller(r1h).tasks.remind({ taskId: t.id, expectedVersion: t.version }))).code,
    ).toBe("FORBIDDEN")
    // r2 leaves the post: the org dept hands r2's open tasks to r3.
    expect(await h.caller(org).tasks.handover({ from: r2, to: r3 })).toEqual({ moved: 1 })
    expect((await h.caller(r3h).tasks.mine({})).items.map((x) => x.id)).toEqual([t.id])
    // The application leaves the step: the task is done.
    await h.caller(org).applications.act({
      applicationId: app.id,
      expectedVersion: app.version,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    })
    expect((await h.caller(r3h).tasks.mine({})).items).toEqual([])
    const all = await h.caller(org).tasks.forCampaign({ campaignId: "demo-yangpu-2026" })
    expect(all.find((x) => x.id === t.id)?.open).toBe(false)
    expect(all.find((x) => x.id === t.id)?.task.history.map((e) => e._tag)).toEqual([
      "Assigned",
      "Reminded",
      "Transferred",
      "HandedOver",
      "Completed",
    ])
  })
})

// ---------------------------------------------------------------------------------------------- what-if

describe("what-if: re-screening a campaign against a draft version changes nothing", () => {
  it("a draft narrowing 000's age range to 35 shows who would become ineligible, and why", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const unit = await h.actorHeaders({
      role: "dispatching_unit_admin",
      regionId: "310110",
      unitId: "u-yp-mz",
    })
    const attest = [
      "party_spirit_conduct_dedication",
      "mass_work_ability",
      "community_temperament",
      "organising_ability",
    ]
    const rank = { level: "clerk" as const, track: "non_leading" as const }
    const young = await addPerson("310110", "310110", {
      name: "郑一鸣",
      birthDate: "1995-02-02",
      attest,
      rank,
    })
    const older = await addPerson("310110", "310110", {
      name: "冯志远",
      birthDate: "1989-01-10",
      attest,
      rank,
    })
    h.setToday("2026-11-02")
    const c = await h.caller(org).campaigns.create({
      regionId: "310110",
      name: "试算用批次",
      schemeId: "yangpu-community-secretary",
      schemeVersion: 1,
      channels: ["unit_recommendation"],
      places: 1,
      startYear: 2026,
      referenceDate: "2026-12-18",
      decidingBody: "org_dept_meeting",
    })
    await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    const apps = []
    for (const personId of [young, older])
      apps.push(
        await h.caller(unit).applications.recommend({
          campaignId: c.id,
          personId,
          channel: "unit_recommendation",
          recommendation: { body: "杨浦区民政局党委", meeting: "党委会议", meetingDate: "2026-11-01" },
        }),
      )
    expect(apps.map((a) => a.application.verdict?.outcome)).toEqual(["eligible", "eligible"])
    // A draft: the age range 25–35 instead of 25–38.
    const preset = await h.caller(org).schemes.preset({ key: "yangpu-community-secretary" })
    const scheme = JSON.parse(JSON.stringify(preset?.scheme)) as {
      version: number
      effectiveFrom: string
      eligibility: { rules: Array<{ id: string; max?: number }> }
    }
    scheme.version = 9
    scheme.effectiveFrom = "2030-01-01"
    const age = scheme.eligibility.rules.find((r) => r.id === "age")
    if (age === undefined) throw new Error("no age rule")
    age.max = 35
    await h.caller(org).schemes.create({ scheme: scheme as never })
    const w = await h
      .caller(org)
      .campaigns.whatIf({ id: c.id, schemeId: "yangpu-community-secretary", version: 9 })
    expect(w.screened).toBe(2)
    // Both see the new criterion; only the older one changes outcome.
    expect(
      w.changes.filter((x) => x.direction === "same").map((x) => [x.person?.name, x.because[0]?.kind]),
    ).toEqual([["郑一鸣", "criterion"]])
    const worse = w.changes.filter((x) => x.direction !== "same")
    expect(worse).toHaveLength(1)
    expect(w.moves).toEqual([{ from: "eligible", to: "ineligible", count: 1 }])
    const change = worse[0]
    expect(change?.person?.name).toBe("冯志远")
    expect([change?.from, change?.to, change?.direction]).toEqual(["eligible", "ineligible", "worse"])
    expect(change?.because.map((b) => [b.ruleId, b.kind])).toEqual([["age", "status"]])
    // Nothing was written: the campaign and its applications keep version 1 and their verdicts.
    const list = (await h.caller(org).applications.list({ campaignId: c.id })).items
    expect(list.map((a) => [a.application.schemeVersion, a.application.verdict?.outcome])).toEqual([
      [1, "eligible"],
      [1, "eligible"],
    ])
    // Another scheme's version is not a what-if of this campaign.
    const other = await failure(
      h.caller(org).campaigns.whatIf({ id: c.id, schemeId: "daan-first-secretary", version: 1 }),
    )
    expect(other.code).toMatch(/BAD_REQUEST|NOT_FOUND/)
  })
})

// ---------------------------------------------------------------------------------------------- demo data

describe("demo: the Anqiu campaign can be run through its 1:2 shortlist", () => {
  it("two recommended cadres fall short and are shown why; two meet every 安丘 rule", async () => {
    const aq = await h.actorHeaders({ role: "org_dept_admin", regionId: "370784" })
    const rows = (await h.caller(aq).applications.list({ campaignId: "demo-anqiu-2026" })).items
    expect(rows).toHaveLength(4)
    const eligible = rows.filter((r) => r.application.verdict?.outcome === "eligible")
    expect(eligible.map((r) => r.person.name).sort()).toEqual(["孙雅琴", "赵文博"].sort())
    const ineligible = rows.filter((r) => r.application.verdict?.outcome === "ineligible")
    expect(ineligible).toHaveLength(2)
    for (const r of ineligible)
      expect(r.reasons.some((x) => (x.clause ?? "").includes("安丘 严格选人标准"))).toBe(true)
    // The township post the seconded cadre will take is vacant and in the campaign's region.
    expect((await h.caller(aq).posts.get({ id: "post-aq-xingan" })).status).toBe("vacant")
  })
})
