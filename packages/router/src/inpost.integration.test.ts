import { assessments, auditLog, people, regions } from "@cadre/db"
import { TRPCError } from "@trpc/server"
import { and, eq, inArray, sql } from "drizzle-orm"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 5, "Tests that must exist", through the real router on a real database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set): a full term of a Da'an first secretary from placement to recall and replacement
 * (002), grade quotas with the arithmetic (002 三（二）: 10 first secretaries allow 2 excellent), concurrent grading
 * never passing the quota (fast-check), the 30.0% dissatisfaction threshold (002), a sealed archive refusing
 * writes (003), leave routed by 004 晋城's tiers (≤ 3 days the host unit, more the org dept), probation and the
 * annual assessment's order (000), mentor capacity (003) and the yearly training minimum (001), and the figures.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 180_000)
afterAll(async () => h?.close())

let seq = 700
/** A staff-entered person (as demo people are), in `regionId`. */
const addPerson = async (regionId: string, address: string, name: string, birthDate = "1988-04-12") => {
  seq += 2
  return insertPerson(h.handle, {
    id: `ip-${seq}`,
    regionId,
    address,
    name,
    birthDate,
    sequence: seq + 1,
    phone: `1990002${String(seq).padStart(4, "0")}`,
    joined: "2010-07-01",
  })
}

const DAAN_VILLAGES = ["510304101201", "510304101202", "510304102201", "510304102202", "510304103201"]
const org = { da: {} as Record<string, string> }

// ---------------------------------------------------------------------------------------------- figures

describe("figures for the org dept, on the demo placements", () => {
  it("coverage of Da'an's villages and communities on a date, and the cohort's profile", async () => {
    org.da = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
    h.setToday("2026-06-01")
    const c = await h.caller(org.da).figures.coverage({})
    // 6 villages/communities; on 2026-06-01 only 盐井村 has a first secretary in post (the demo's in-term one);
    // 白岩村's was recalled on 2026-01-08, 正街社区's left on 2026-03-05.
    expect(c.all.total).toBe(6)
    expect(c.all.covered.count).toBe(1)
    expect(c.all.uncovered).toBe(5)
    expect(c.covered.map((x) => x.unit.id)).toEqual(["510304103201"])
    expect(c.byKind.community).toMatchObject({ total: 1, uncovered: 1 })
    expect(c.byKind.village.covered.percent).toBe("20.0%")
    const cohort = await h.caller(org.da).figures.cohort({ schemeId: "daan-first-secretary" })
    expect(cohort.count).toBe(3)
    // Narrowed to each township, the cohort, the terms ending and the overdue reports add up to the district's.
    const townships = await h.handle.db
      .select({ id: regions.id })
      .from(regions)
      .where(eq(regions.parentId, "510304"))
    expect(townships.length).toBeGreaterThan(1)
    const per = await Promise.all(
      townships.map(async (t) => ({
        cohort: (await h.caller(org.da).figures.cohort({ schemeId: "daan-first-secretary", regionId: t.id }))
          .count,
        ending: (await h.caller(org.da).figures.termsEnding({ regionId: t.id, days: 3660 })).length,
        overdue: (await h.caller(org.da).figures.overdue({ regionId: t.id })).total,
      })),
    )
    const sum = (k: "cohort" | "ending" | "overdue") => per.reduce((n, x) => n + x[k], 0)
    expect(sum("cohort")).toBe(3)
    expect(per.filter((x) => x.cohort > 0).length).toBeGreaterThan(1)
    expect(sum("ending")).toBe((await h.caller(org.da).figures.termsEnding({ days: 3660 })).length)
    expect(sum("overdue")).toBe((await h.caller(org.da).figures.overdue({})).total)
    // A region outside the caller's scope reads as not found.
    expect((await failure(h.caller(org.da).figures.cohort({ regionId: "310110" }))).code).toBe("NOT_FOUND")
    // A street sees its own township only; figures are not for dispatching units.
    const niufo = await h.actorHeaders({ role: "street_admin", regionId: "510304101" })
    expect((await h.caller(niufo).figures.coverage({})).all.total).toBe(3)
    const unit = await h.actorHeaders({ role: "dispatching_unit_admin", unitId: "u-da-nyj" })
    expect((await failure(h.caller(unit).figures.coverage({}))).code).toBe("FORBIDDEN")
  })
})

// ---------------------------------------------------------------------------------------------- 002 full term

describe("002 大安: a first secretary's full term, from placement to recall and replacement", () => {
  it("places from the appointed application, serves, is assessed, recalled on the survey, replaced", async () => {
    const da = org.da
    const niufo = await h.actorHeaders({ role: "street_admin", regionId: "510304101" })
    const heshi = await h.actorHeaders({ role: "street_admin", regionId: "510304102" })
    const c = (hd: Record<string, string>) => h.caller(hd)

    h.setToday("2026-03-12")
    const apps = (await c(da).applications.list({ campaignId: "demo-daan-2026", state: "appointed" })).items
    expect(apps).toHaveLength(1)
    const app = apps[0]
    if (app === undefined) throw new Error("no appointed application in the demo")
    // Only the org dept makes placements.
    expect((await failure(c(niufo).placements.fromApplication({ applicationId: app.id }))).code).toBe(
      "FORBIDDEN",
    )
    const placed = await c(da).placements.fromApplication({
      applicationId: app.id,
      dispatchingUnitId: "u-da-nyj",
    })
    expect(placed).toMatchObject({
      state: "placed",
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      postId: "post-da-minzhu",
      placedOn: "2026-03-10",
      applicationId: app.id,
    })
    // Once placed, the appointment cannot be returned: the placement is adjusted or recalled instead.
    const [appNow] = (await c(da).applications.list({ campaignId: "demo-daan-2026", state: "appointed" }))
      .items
    const back = await failure(
      c(da).applications.act({
        applicationId: app.id,
        expectedVersion: appNow?.version ?? 0,
        move: { _tag: "Return", to: "decided", reason: "重新研究" },
      }),
    )
    expect(textOf(back).zh).toBe("已据此任职作出任职安排，不能退回；如需变更，请在在岗管理中办理调整或召回")
    expect((await c(da).posts.get({ id: "post-da-minzhu" })).status).toBe("filled")
    // The ID number and phone never leave unmasked.
    expect(placed.person.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
    expect(placed.person.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
    const [whole] = await h.handle.db
      .select({ idNumber: people.idNumber, phone: people.phone })
      .from(people)
      .where(eq(people.id, placed.personId))
    expect(JSON.stringify(placed)).not.toContain(whole?.idNumber ?? "?")
    expect(JSON.stringify(placed)).not.toContain(whole?.phone ?? "?")
    // One placement per application; another township does not see it.
    expect((await failure(c(da).placements.fromApplication({ applicationId: app.id }))).code).toBe("CONFLICT")
    expect((await failure(c(heshi).placements.get({ id: placed.id }))).code).toBe("NOT_FOUND")

    // Taking up the post: no probation under 002; the term is 2 years (一般), ending on the anniversary.
    h.setToday("2026-03-16")
    let p = await c(niufo).placements.act({
      id: placed.id,
      expectedVersion: placed.version,
      move: { _tag: "TakeUp", date: "2026-03-16" },
    })
    expect(p).toMatchObject({ state: "in_term", startedOn: "2026-03-16", termEnd: "2028-03-16" })
    // 三（一）: the Party relation moves; personnel and pay stay with the unit.
    p = await c(niufo).placements.act({
      id: p.id,
      expectedVersion: p.version,
      move: { _tag: "RecordRelation", relation: "party", date: "2026-03-16" },
    })
    const stays = await failure(
      c(niufo).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: { _tag: "RecordRelation", relation: "administrative", date: "2026-03-16" },
      }),
    )
    expect(stays.code).toBe("CONFLICT")
    expect(tagOf(stays)).toBe("IllegalPlacementMove")
    expect(textOf(stays).zh).toContain("002 三（一）")
    const got = await c(da).placements.get({ id: p.id })
    expect(got.fullTime.map((f) => f.clause)).toEqual(["002 三（一）"])
    expect(got.relations).toEqual([
      {
        relation: "party",
        label: { zh: "组织关系", en: "Party relation" },
        rule: "moves",
        movedOn: "2026-03-16",
      },
      { relation: "administrative", label: expect.anything(), rule: "stays", movedOn: null },
      { relation: "pay", label: expect.anything(), rule: "stays", movedOn: null },
    ])

    // 002 sets no reports and no leave tiers: nothing is generated, nothing can be typed in.
    expect(await c(da).reports.obligations({ placementId: p.id })).toEqual([])
    const typed = await failure(
      c(da).reports.submit({
        placementId: p.id,
        key: `${p.id}/monthly/2026-03-01`,
        text: "x",
        attachments: [],
      }),
    )
    expect(textOf(typed).zh).toContain("不是本任职方案规定的报告任务")
    const noTiers = await failure(
      c(da).leave.request({ placementId: p.id, from: "2026-04-01", to: "2026-04-02", reason: "事假" }),
    )
    expect(tagOf(noTiers)).toBe("IllegalLeaveMove")
    expect(textOf(noTiers).zh).toContain("方案未规定请假审批层级")

    // Inspections and training are records (and go into the archive).
    h.setToday("2026-05-10")
    const future = await failure(
      c(niufo).inspections.record({
        placementId: p.id,
        date: "2026-05-11",
        kind: "spot_check",
        outcome: "satisfactory",
        finding: "在岗",
      }),
    )
    expect(future.code).toBe("CONFLICT")
    await c(niufo).inspections.record({
      placementId: p.id,
      date: "2026-05-10",
      kind: "spot_check",
      outcome: "satisfactory",
      finding: "在岗，走访农户3户",
    })
    await c(da).training.record({
      personId: p.personId,
      date: "2026-04-20",
      kind: "pre_post",
      title: "第一书记岗前培训",
    })

    // Year end 2026: exactly 30.0% dissatisfied does NOT recall (三（二）: 高于30%).
    h.setToday("2026-12-20")
    const s2026 = await c(da).assessments.survey({
      placementId: p.id,
      year: 2026,
      counts: { satisfied: 70, dissatisfied: 30 },
    })
    expect(s2026.fired).toEqual([])
    expect(s2026.findings).toHaveLength(1)
    expect(s2026.findings[0]).toMatchObject({ triggerId: "dissatisfaction", fires: false, percent: "30.0%" })
    expect(s2026.findings[0]?.text.zh).toContain("不满意率 30/100 = 30.0%")
    p = { ...p, version: (await c(da).placements.get({ id: p.id })).version }
    const noEvidence = await failure(
      c(da).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: {
          _tag: "Recall",
          triggerId: "dissatisfaction",
          evidence: "群众反映",
          decision: { by: "org_dept_meeting", date: "2026-12-20" },
        },
      }),
    )
    expect(textOf(noEvidence).zh).toContain("须有记录为据")
    const graded = await c(da).assessments.grade({
      placementId: p.id,
      cycleId: "annual",
      period: "2026",
      by: "org_dept",
      grade: "competent",
    })
    expect(graded.grade).toBe("competent")
    expect(graded.quota[0]?.text.zh).toMatch(
      /^全区第一书记总数（名额单列，不占派出单位名额）共\d+人，优秀不超过20%：/,
    )
    expect(graded.incentives.find((i) => i.incentiveId === "open_selection")?.applies).toBe(true)
    expect(graded.incentives.find((i) => i.incentiveId === "excellent_top_bonus")?.applies).toBe(false)
    const twice = await failure(
      c(da).assessments.grade({
        placementId: p.id,
        cycleId: "annual",
        period: "2026",
        by: "org_dept",
        grade: "excellent",
      }),
    )
    expect(tagOf(twice)).toBe("GradingRefused")

    // 2027: 31.0% dissatisfied is above 30%: the trigger fires, with the evidence and the clause.
    h.setToday("2027-12-28")
    const s2027 = await c(da).assessments.survey({
      placementId: p.id,
      year: 2027,
      counts: { satisfied: 69, dissatisfied: 31 },
    })
    expect(s2027.fired.map((f) => [f.triggerId, f.action, f.clause])).toEqual([
      ["dissatisfaction", "recall", "002 三（二）"],
    ])
    expect(s2027.fired[0]?.text.zh).toContain("不满意率 31/100 = 31.0%")
    p = { ...p, version: (await c(da).placements.get({ id: p.id })).version }
    const recallMove = {
      _tag: "Recall" as const,
      triggerId: "dissatisfaction",
      evidence: "2027年度考核不满意率 31/100 = 31.0%，高于30%",
      decision: { by: "org_dept_meeting" as const, date: "2027-12-28", reference: "部务会〔2027〕12次" },
    }
    // The recall is the org dept's: the township cannot decide it; a stale copy changes nothing.
    const byStreet = await failure(
      c(niufo).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: { ...recallMove, decision: { by: "street", date: "2027-12-28" } },
      }),
    )
    expect(textOf(byStreet).zh).toContain("组织部门")
    expect(
      (await failure(c(da).placements.act({ id: p.id, expectedVersion: 999, move: recallMove }))).code,
    ).toBe("CONFLICT")
    const recalled = await c(da).placements.act({ id: p.id, expectedVersion: p.version, move: recallMove })
    expect(recalled.state).toBe("recalled")
    expect(recalled.endedOn).toBe("2027-12-28")
    // Consequences on the person (三（二）): no awards that year, reserve status removed, no promotion for 2 years.
    expect(recalled.consequences.map((x) => [x.effect, x.from, x.until])).toEqual([
      ["no_awards", "2027-12-28", "2027-12-31"],
      ["lose_reserve_status", "2027-12-28", null],
      ["no_promotion", "2027-12-28", "2029-12-28"],
    ])
    expect(recalled.unitThresholds.map((u) => [u.consequenceId, u.reached, u.counted])).toEqual([
      ["unit_performance_deduction", false, ["2027-12-28"]],
      ["unit_head_not_excellent", false, ["2027-12-28"]],
    ])
    expect(recalled.replacement).toMatchObject({
      state: "open",
      postId: "post-da-minzhu",
      requestedOn: "2027-12-28",
    })
    expect(recalled.replacement?.reason.zh).toContain("由派出单位重新选派")
    expect((await c(da).posts.get({ id: "post-da-minzhu" })).status).toBe("vacant")
    const visible = await c(da).placements.consequences({ personId: p.personId })
    expect(visible.every((x) => x.inForce)).toBe(true)
    // 当年不得评先评优: the 2027 grade cannot be excellent.
    const noAwards = await failure(
      c(da).assessments.grade({
        placementId: p.id,
        cycleId: "annual",
        period: "2027",
        by: "org_dept",
        grade: "excellent",
      }),
    )
    expect(textOf(noAwards).zh).toContain("被召回人员当年不得评先评优")

    // One person, one file: everything above in order, sealed on the recall, read-only since.
    const file = await c(da).archive.get({ personId: p.personId })
    expect(file.sealed).toBe(true)
    expect(file.sealedOn).toBe("2027-12-28")
    expect(file.entries.map((e) => e.kind)).toEqual([
      "registration_form",
      "recommendation",
      "placement_change",
      "placement_change",
      "placement_change",
      "training",
      "inspection",
      "assessment",
      "assessment",
      "reward",
      "placement_change",
      "assessment",
      "penalty",
      "penalty",
      "penalty",
    ])
    const dates = file.entries.map((e) => e.date)
    expect([...dates].sort()).toEqual(dates)
    const sealed = await failure(
      c(da).archive.append({
        personId: p.personId,
        date: "2027-12-28",
        kind: "reward",
        title: { zh: "表彰", en: "commendation" },
      }),
    )
    expect(sealed.code).toBe("CONFLICT")
    expect(tagOf(sealed)).toBe("ArchiveRefused")
    expect(textOf(sealed)).toEqual({
      zh: "档案不能修改：档案已于 2027-12-28 封存（已召回），只能查阅",
      en: "The archive cannot be changed: the archive was sealed on 2027-12-28 (recalled) and is read-only",
    })
    const late = await failure(
      c(niufo).inspections.record({
        placementId: p.id,
        date: "2027-12-28",
        kind: "talk",
        outcome: "concern",
        finding: "召回谈话",
      }),
    )
    expect(tagOf(late)).toBe("ArchiveRefused")
    expect((await c(da).archive.get({ personId: p.personId })).entries).toHaveLength(file.entries.length)

    // The replacement, from the same unit, fills the request; recalled too within a year: the unit's penalty.
    h.setToday("2028-01-15")
    expect((await c(da).placements.replacements({ state: "open" })).map((r) => r.placementId)).toContain(p.id)
    const successor = await addPerson("510304", "510304", "郑新来")
    let r = await c(da).placements.create({
      personId: successor,
      postId: "post-da-minzhu",
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      placedOn: "2028-01-10",
      dispatchingUnitId: "u-da-nyj",
    })
    const filled = await c(da).placements.replacements({ state: "filled" })
    expect(filled.find((x) => x.placementId === p.id)?.filledBy).toBe(r.id)
    r = await c(niufo).placements.act({
      id: r.id,
      expectedVersion: r.version,
      move: { _tag: "TakeUp", date: "2028-01-15" },
    })
    h.setToday("2028-06-01")
    const second = await c(da).placements.act({
      id: r.id,
      expectedVersion: r.version,
      move: {
        _tag: "Recall",
        triggerId: "incompetent",
        evidence: "经考察不胜任工作",
        decision: { by: "org_dept", date: "2028-06-01" },
      },
    })
    expect(second.unitThresholds.map((u) => [u.reached, u.counted])).toEqual([
      [true, ["2027-12-28", "2028-06-01"]],
      [true, ["2027-12-28", "2028-06-01"]],
    ])
    expect(
      second.consequences.filter((x) => x.appliesTo === "dispatching_unit").map((x) => [x.effect, x.unitId]),
    ).toEqual([
      ["performance_deduction", "u-da-nyj"],
      ["head_not_excellent", "u-da-nyj"],
    ])
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------- quotas

/** `n` Da'an first secretaries in post from `start` (a year no demo placement is in post), on fresh posts. */
const daanCohort = async (n: number, tag: string, start: string, termEnd?: string) => {
  const street = await h.actorHeaders({ role: "street_admin", regionId: "510304" })
  h.setToday(start)
  const out: Array<{ id: string; personId: string }> = []
  for (let i = 0; i < n; i++) {
    const regionId = DAAN_VILLAGES[i % DAAN_VILLAGES.length] ?? "510304101201"
    const post = await h
      .caller(org.da)
      .posts.create({ id: `post-${tag}-${i}`, regionId, title: `第一书记岗位${tag}${i}` })
    const personId = await addPerson("510304", "510304", `测试${tag}${i}`)
    const placed = await h.caller(org.da).placements.create({
      personId,
      postId: post.id,
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      placedOn: start,
    })
    await h.caller(street).placements.act({
      id: placed.id,
      expectedVersion: placed.version,
      move: { _tag: "TakeUp", date: start, ...(termEnd === undefined ? {} : { termEnd }) },
    })
    out.push({ id: placed.id, personId })
  }
  return out
}

describe("002 三（二）: excellent at most 20% of all first secretaries, checked when the grade is decided", () => {
  it("10 first secretaries allow 2 excellent; the 3rd is refused with the arithmetic", async () => {
    const ten = await daanCohort(10, "q", "2031-01-10")
    h.setToday("2031-12-20")
    const grade = (i: number, g: "excellent" | "competent") =>
      h.caller(org.da).assessments.grade({
        placementId: ten[i]?.id ?? "",
        cycleId: "annual",
        period: "2031",
        by: "org_dept",
        grade: g,
      })
    const first = await grade(0, "excellent")
    expect(first.quota.map((q) => q.text.zh)).toEqual([
      "全区第一书记总数（名额单列，不占派出单位名额）共10人，优秀不超过20%：10×20%=2（向下取整）",
    ])
    // 002 三（三）: an excellent civil servant's seniority for grade promotion is shortened by half a year.
    const shortened = first.incentives.find((i) => i.incentiveId === "excellent_seniority_shortened")
    expect(shortened?.applies).toBe(true)
    expect(shortened?.effect).toBe("seniority_shortened")
    await grade(1, "excellent")
    const third = await failure(grade(2, "excellent"))
    expect(third.code).toBe("CONFLICT")
    expect(tagOf(third)).toBe("QuotaRefused")
    expect(textOf(third).zh).toBe(
      "全区第一书记总数（名额单列，不占派出单位名额）共10人，优秀不超过20%：10×20%=2（向下取整），已评优秀2人，第3人不能评为优秀（002 三（二））",
    )
    expect(textOf(third).en).toContain(
      "2 already graded excellent, so a 3rd cannot be graded excellent (002 三（二）)",
    )
    // The same person may be graded competent: the cap limits excellent only.
    expect((await grade(2, "competent")).grade).toBe("competent")
    const use = await h
      .caller(org.da)
      .figures.quotaUse({ schemeId: "daan-first-secretary", schemeVersion: 1, year: 2031 })
    expect(use).toEqual([
      expect.objectContaining({
        groupKey: expect.stringMatching(/^daan-first-secretary@\/510000\/510300\/510304\/$/),
        size: 10,
        used: 2,
        limit: 2,
        remaining: 0,
        within: true,
      }),
    ])
    expect(use[0]?.text.zh).toContain("已评优秀2人，尚余0个名额")
  }, 60_000)

  it("property: parallel gradings of one group never exceed the quota (12 in the group: at most 2 excellent)", async () => {
    // The group is derived (the scheme in its district): these 12 are Da'an's only first secretaries in 2036–2047.
    const group = await daanCohort(12, "pq", "2035-01-10", "2060-01-10")
    let year = 2035
    const grades = ["excellent", "competent", "basically_competent", "incompetent"] as const
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.constantFrom(...grades), { nil: undefined }), { minLength: 12, maxLength: 12 }),
        async (asked) => {
          year += 1
          h.setToday(`${year}-12-20`)
          const calls = asked.flatMap((g, i) => {
            const target = group[i]
            if (g === undefined || target === undefined) return []
            return [
              h
                .caller(org.da)
                .assessments.grade({
                  placementId: target.id,
                  cycleId: "annual",
                  period: String(year),
                  by: "org_dept",
                  grade: g,
                })
                .then(
                  () => ({ g, ok: true, code: "", tag: "" }),
                  (e: unknown) =>
                    e instanceof TRPCError
                      ? { g, ok: false, code: e.code, tag: tagOf(e) }
                      : Promise.reject(e),
                ),
            ]
          })
          const results = await Promise.all(calls)
          const wanted = asked.filter((g) => g === "excellent").length
          const okExcellent = results.filter((x) => x.ok && x.g === "excellent").length
          expect(okExcellent).toBe(Math.min(wanted, 2))
          for (const x of results.filter((y) => !y.ok)) {
            expect(x.g).toBe("excellent")
            expect([x.code, x.tag]).toEqual(["CONFLICT", "QuotaRefused"])
          }
          expect(results.filter((x) => x.ok && x.g !== "excellent")).toHaveLength(
            asked.filter((g) => g !== undefined && g !== "excellent").length,
          )
          const stored = await h.handle.db
            .select({ id: assessments.id })
            .from(assessments)
            .where(
              and(
                inArray(
                  assessments.placementId,
                  group.map((g) => g.id),
                ),
                eq(assessments.period, String(year)),
                eq(assessments.grade, "excellent"),
              ),
            )
          expect(stored.length).toBeLessThanOrEqual(2)
          expect(stored).toHaveLength(okExcellent)
        },
      ),
      { numRuns: 12 },
    )
  }, 180_000)
})

// ---------------------------------------------------------------------------------------------- 000 Yangpu

describe("000 杨浦: probation as deputy secretary, confirmation by election, the annual assessment's order", () => {
  it("extends probation on the street's assessment, confirms, and grades street → dispatching unit → org dept", async () => {
    const yp = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "310110002" })
    const unit = await h.actorHeaders({ role: "dispatching_unit_admin", unitId: "u-yp-jw" })
    h.setToday("2026-01-05")
    const post = await h
      .caller(yp)
      .posts.create({ id: "post-yp-t1", regionId: "310110002001", title: "平凉一村居民区党组织书记" })
    const personId = await addPerson("310110", "310110", "钱立新", "1990-02-03")
    let p = await h.caller(yp).placements.create({
      personId,
      postId: post.id,
      schemeId: "yangpu-community-secretary",
      schemeVersion: 1,
      placedOn: "2026-01-05",
      dispatchingUnitId: "u-yp-jw",
    })
    // Another post cannot be given to a person who holds one open placement; a filled post cannot be given twice.
    expect(
      (
        await failure(
          h.caller(yp).placements.create({
            personId: "demo-p-06",
            postId: post.id,
            schemeId: "yangpu-community-secretary",
            schemeVersion: 1,
            placedOn: "2026-01-05",
          }),
        )
      ).code,
    ).toBe("CONFLICT")
    h.setToday("2026-01-12")
    p = await h
      .caller(street)
      .placements.act({ id: p.id, expectedVersion: p.version, move: { _tag: "TakeUp", date: "2026-01-12" } })
    expect(p).toMatchObject({ state: "on_probation", termEnd: "2031-01-12" })
    expect((p.placement as { probation?: { asRole: { zh: string } } }).probation?.asRole.zh).toBe(
      "居民区党组织副书记",
    )
    h.setToday("2026-06-30")
    const assessment = (
      conclusion: "competent" | "not_competent",
      by: "street" | "dispatching_unit" = "street",
    ) => ({
      by,
      date: "2026-06-28",
      conclusion,
      summary: "街道综合考评",
    })
    const wrongAssessor = await failure(
      h.caller(unit).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: {
          _tag: "Confirm",
          electedOn: "2026-06-29",
          assessment: assessment("competent", "dispatching_unit"),
        },
      }),
    )
    expect(textOf(wrongAssessor).zh).toContain("见习考评应由街道（乡镇）党（工）委作出")
    p = await h.caller(street).placements.act({
      id: p.id,
      expectedVersion: p.version,
      move: { _tag: "ExtendProbation", until: "2026-11-30", assessment: assessment("not_competent") },
    })
    expect(p.state).toBe("probation_extended")
    h.setToday("2026-11-25")
    p = await h.caller(street).placements.act({
      id: p.id,
      expectedVersion: p.version,
      move: {
        _tag: "Confirm",
        electedOn: "2026-11-20",
        assessment: { ...assessment("competent"), date: "2026-11-10" },
      },
    })
    expect(p).toMatchObject({ state: "in_term", confirmed: true })

    h.setToday("2026-12-20")
    const target = { placementId: p.id, cycleId: "annual", period: "2026" }
    const early = await failure(
      h.caller(unit).assessments.grade({ ...target, by: "dispatching_unit", grade: "excellent" }),
    )
    expect(tagOf(early)).toBe("GradingRefused")
    expect(textOf(early).zh).toBe("考核“annual”：须先提出初评意见，才能确定考核等次（000 三（二））")
    await h
      .caller(street)
      .assessments.firstOpinion({ ...target, by: "street", opinion: "工作扎实", proposed: "competent" })
    const notTheirs = await failure(
      h.caller(street).assessments.grade({ ...target, by: "dispatching_unit", grade: "competent" }),
    )
    expect(textOf(notTheirs).zh).toBe("须由派出单位的账号办理")
    await h.caller(unit).assessments.grade({ ...target, by: "dispatching_unit", grade: "competent" })
    const done = await h.caller(unit).assessments.report({ ...target, by: "dispatching_unit" })
    expect(done.summary.zh).toBe("街道（乡镇）党（工）委初评：称职；派出单位确定：称职；已报备区委组织部")
    // 000 三（四）'s "unfit with 不合格" needs that grade on record: it is not there.
    const adjust = await failure(
      h.caller(yp).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: {
          _tag: "Adjust",
          triggerId: "unfit_failed_annual",
          outcome: "return_to_unit",
          reason: "考核不合格",
          decision: { by: "org_dept", date: "2026-12-20" },
        },
      }),
    )
    expect(textOf(adjust).zh).toContain("没有相应等次的考核记录")
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------- 004 Jincheng

describe("004 晋城: reports generated from the scheme, leave routed by its tiers", () => {
  it("dates the obligations, lists the overdue, routes ≤ 3 days to the host unit and longer to the org dept", async () => {
    const jc = await h.actorHeaders({ role: "org_dept_admin", regionId: "140500" })
    const host = await h.actorHeaders({ role: "host_unit_admin", unitId: "u-jc-xfj" })
    const personId = await addPerson("140500", "140500", "孙思远", "1989-09-09")
    h.setToday("2026-03-02")
    let p = await h.caller(jc).placements.create({
      personId,
      postId: "post-jc-xfj",
      schemeId: "jincheng-secondment-down",
      schemeVersion: 1,
      placedOn: "2026-02-25",
      dispatchingUnitId: "u-jc-fgw",
    })
    // 晋城 sets no length: the appointment must state the end.
    const noEnd = await failure(
      h.caller(jc).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: { _tag: "TakeUp", date: "2026-03-02" },
      }),
    )
    expect(textOf(noEnd).zh).toContain("任职决定须写明期满日期")
    p = await h.caller(jc).placements.act({
      id: p.id,
      expectedVersion: p.version,
      move: { _tag: "TakeUp", date: "2026-03-02", termEnd: "2027-03-02" },
    })
    const obligations = await h.caller(jc).reports.obligations({ placementId: p.id })
    const due = (reportId: string) => obligations.filter((o) => o.reportId === reportId).map((o) => o.due)
    expect(due("quarterly")).toEqual(["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31", "2027-03-02"])
    expect(due("half_year")).toEqual(["2026-06-30", "2026-12-31", "2027-03-02"])
    expect(due("yearly_summary")).toEqual(["2026-12-31", "2027-03-02"])
    expect(due("term_end_report")).toEqual(["2027-03-02"])
    expect(obligations.every((o) => o.status === "open" && o.clause.startsWith("004 晋城 管理考核"))).toBe(
      true,
    )

    h.setToday("2026-04-02")
    const overdue = (await h.caller(jc).reports.overdue({ placementIds: [p.id] })).items
    expect(overdue.map((o) => [o.key, o.daysOverdue])).toEqual([[`${p.id}/quarterly/2026-03-02`, 2]])
    expect(
      (await h.caller(jc).figures.overdue({})).byRegion.find((r) => r.regionId === "140500")?.count,
    ).toBe(1)
    // A report goes from the cadre to the org dept: the host unit neither files nor receives it.
    const notTheirs = await failure(
      h.caller(host).reports.submit({
        placementId: p.id,
        key: `${p.id}/quarterly/2026-03-02`,
        text: "x",
        attachments: [],
      }),
    )
    expect(textOf(notTheirs).zh).toContain("该报告由本人报送组织部门（004 晋城 管理考核 六是）")
    const filed = await h.caller(jc).reports.submit({
      placementId: p.id,
      key: `${p.id}/quarterly/2026-03-02`,
      text: "一季度工作报告",
      attachments: [{ name: "报告.pdf", ref: "files/q1.pdf" }],
    })
    expect(filed).toMatchObject({ status: "late", submittedOn: "2026-04-02" })
    // The org dept's reports inbox (已收到) lists it with its subject, newest first; another district does not.
    const got = (await h.caller(jc).reports.received({ limit: 200 })).items.filter(
      (r) => r.placementId === p.id,
    )
    expect(got.map((r) => [r.key, r.submittedOn, r.excerpt])).toEqual([
      [`${p.id}/quarterly/2026-03-02`, "2026-04-02", "一季度工作报告"],
    ])
    expect(got[0]?.subject.zh).toBeTruthy()
    expect(
      (await h.caller(org.da).reports.received({ limit: 200 })).items.map((r) => r.placementId),
    ).not.toContain(p.id)

    // The cadre signs in with their own account: asks for leave, sees their own placement only.
    const cadre = await h.actorHeaders({ role: "applicant" })
    const me = await h.caller(cadre).auth.me()
    await h.handle.db.update(people).set({ accountId: me.accountId }).where(eq(people.id, personId))
    expect((await h.caller(cadre).placements.mine()).map((x) => x.id)).toEqual([p.id])
    const ask = (
      from: string,
      to: string,
      extra: { startsAfternoon?: boolean; endsMorning?: boolean } = {},
    ) => h.caller(cadre).leave.request({ placementId: p.id, from, to, reason: "家事", ...extra })
    // Before asking, the cadre sees where the request would go; nothing is written by the preview.
    const leaveCount = async () => (await h.caller(jc).leave.list({ placementId: p.id })).total
    const before = await leaveCount()
    const preview = await h
      .caller(cadre)
      .leave.preview({ placementId: p.id, from: "2026-04-13", to: "2026-04-16", endsMorning: true })
    expect(preview).toMatchObject({ days: "3.5", halfDays: 7, approver: "org_dept" })
    // The cadre's own view names the host unit, the dispatching unit and the programme in words.
    const [mine] = await h.caller(cadre).placements.mine()
    expect(mine).toMatchObject({
      id: p.id,
      hostUnit: { id: "u-jc-xfj", name: "晋城市信访局" },
      dispatchingUnitName: "晋城市发展和改革委员会",
    })
    expect(mine?.schemeName?.zh).toContain("晋城")
    expect(preview.route.zh).toBe("请假 3.5 天，由组织部门审批（004 晋城 管理考核 一是）")
    expect(await leaveCount()).toBe(before)
    const three = await ask("2026-04-07", "2026-04-09")
    expect(three).toMatchObject({ days: "3", approver: "host_unit" })
    expect(three.route.zh).toBe("请假 3 天，不超过 3 天，由接收（挂职）单位审批（004 晋城 管理考核 一是）")
    const threeAndHalf = await ask("2026-04-13", "2026-04-16", { endsMorning: true })
    expect(threeAndHalf).toMatchObject({ days: "3.5", approver: "org_dept" })
    expect(threeAndHalf.route.zh).toBe("请假 3.5 天，由组织部门审批（004 晋城 管理考核 一是）")
    const twoAndHalf = await ask("2026-04-20", "2026-04-22", { startsAfternoon: true })
    expect(twoAndHalf).toMatchObject({ days: "2.5", approver: "host_unit" })
    // The approvers' inboxes (请假审批): each body sees the requests the scheme routes to it, with whose they are.
    const inbox = async (hd: Record<string, string>) =>
      (await h.caller(hd).leave.list({ awaitingMe: true, limit: 200 })).items.filter(
        (l) => l.placementId === p.id,
      )
    expect((await inbox(host)).map((l) => l.id).sort()).toEqual([three.id, twoAndHalf.id].sort())
    expect((await inbox(jc)).map((l) => l.id)).toEqual([threeAndHalf.id])
    expect((await inbox(host))[0]).toMatchObject({
      personName: expect.any(String),
      regionName: expect.any(String),
    })
    // The org dept still sees every request in its list; the cadre sees none awaiting them.
    expect((await h.caller(jc).leave.list({ placementId: p.id, state: "requested" })).total).toBe(3)
    expect((await h.caller(cadre).leave.list({ awaitingMe: true })).items).toEqual([])
    // A page holds at most `limit` rows; the cursor walks every row once.
    const walk: Array<string> = []
    let next: string | null | undefined
    do {
      const pg = await h.caller(jc).leave.list({
        placementId: p.id,
        limit: 1,
        ...(next == null ? {} : { cursor: next }),
      })
      expect(pg.items.length).toBeLessThanOrEqual(1)
      walk.push(...pg.items.map((l) => l.id))
      next = pg.nextCursor
    } while (next !== null)
    expect(walk.sort()).toEqual([three.id, threeAndHalf.id, twoAndHalf.id].sort())
    // Approve: only the routed approver; the cadre has no leave.approve at all.
    expect(
      (
        await failure(
          h
            .caller(cadre)
            .leave.decide({ id: three.id, expectedVersion: three.version, move: { _tag: "Approve" } }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    const wrong = await failure(
      h.caller(host).leave.decide({
        id: threeAndHalf.id,
        expectedVersion: threeAndHalf.version,
        move: { _tag: "Approve" },
      }),
    )
    expect(tagOf(wrong)).toBe("IllegalLeaveMove")
    expect(textOf(wrong).zh).toContain("无权审批：请假 3.5 天，由组织部门审批")
    const ok3 = await h
      .caller(host)
      .leave.decide({ id: three.id, expectedVersion: three.version, move: { _tag: "Approve" } })
    const ok35 = await h
      .caller(jc)
      .leave.decide({ id: threeAndHalf.id, expectedVersion: threeAndHalf.version, move: { _tag: "Approve" } })
    expect([ok3.state, ok35.state]).toEqual(["approved", "approved"])
    // Decided, they leave the inboxes; the one still to decide stays.
    expect((await inbox(host)).map((l) => l.id)).toEqual([twoAndHalf.id])
    expect(await inbox(jc)).toEqual([])
    const refused = await h.caller(host).leave.decide({
      id: twoAndHalf.id,
      expectedVersion: twoAndHalf.version,
      move: { _tag: "Refuse", reason: "接访高峰" },
    })
    expect(refused.state).toBe("refused")
    // 销假 by the cadre; back two days late is an overstay of 1 day.
    h.setToday("2026-04-11")
    const back = await h
      .caller(cadre)
      .leave.returnFrom({ id: ok3.id, expectedVersion: ok3.version, date: "2026-04-11" })
    expect(back).toMatchObject({ state: "returned", overstayDays: 1 })
    // The day over the leave is on record as an absence, with the return (擅自离岗, 004 晋城 管理考核 一是).
    expect(
      (await h.caller(jc).leave.absences({ placementId: p.id })).map((a) => [a.kind, a.from, a.to, a.days]),
    ).toEqual([["overstay", "2026-04-10", "2026-04-10", "1"]])
    // Other unauthorised absence is recorded by a managing body, not by the cadre.
    expect(
      (
        await failure(
          h
            .caller(cadre)
            .leave.recordAbsence({ placementId: p.id, from: "2026-04-02", to: "2026-04-02", note: "x" }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    const absence = await h.caller(jc).leave.recordAbsence({
      placementId: p.id,
      from: "2026-04-02",
      to: "2026-04-02",
      note: "未请假离岗一天",
    })
    expect(absence).toMatchObject({ halfDays: 2, days: "1", kind: "unauthorised" })
    expect((await h.caller(jc).leave.absences({ placementId: p.id })).map((a) => a.kind).sort()).toEqual([
      "overstay",
      "unauthorised",
    ])
    // Someone else's placement is out of the cadre's sight.
    const others = (await h.caller(jc).placements.list({ state: "term_ended" })).items
    expect(others.length).toBeGreaterThan(0)
    expect(
      (await failure(h.caller(cadre).reports.obligations({ placementId: others[0]?.id ?? "" }))).code,
    ).toBe("NOT_FOUND")

    // The cadre files their own half-year report on the due day.
    h.setToday("2026-06-30")
    const h1 = await h.caller(cadre).reports.submit({
      placementId: p.id,
      key: `${p.id}/half_year/2026-03-02`,
      text: "上半年思想、学习、工作及生活情况",
      attachments: [],
    })
    expect(h1.status).toBe("submitted")

    // Terms ending within 90 days, both ends included: the last day is 2027-03-01.
    h.setToday("2026-11-30")
    expect((await h.caller(jc).figures.termsEnding({})).map((t) => t.placementId)).not.toContain(p.id)
    h.setToday("2026-12-01")
    const ending = (await h.caller(jc).figures.termsEnding({})).find((t) => t.placementId === p.id)
    expect(ending).toMatchObject({ endsOn: "2027-03-01", daysLeft: 90 })
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------- 003, 001

describe("003 mentor capacity and 001 yearly training minimum", () => {
  it("003 三: a mentor takes 3–4 a year; a 5th pairing is refused with the arithmetic", async () => {
    const d3 = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    h.setToday("2026-03-01")
    const mentor = await addPerson("district-003-s1-c1", "310110", "老书记", "1966-05-05")
    const mentees: Array<string> = []
    for (let i = 0; i < 5; i++) {
      const post = await h
        .caller(d3)
        .posts.create({ id: `post-d3-${i}`, regionId: "district-003-s1-c1", title: `书记岗位${i}` })
      const personId = await addPerson("district-003-s1-c1", "310110", `新书记${i}`, "1992-01-01")
      const p = await h.caller(d3).placements.create({
        personId,
        postId: post.id,
        schemeId: "secretary-team-management",
        schemeVersion: 1,
        placedOn: "2026-02-01",
      })
      const started = await h.caller(d3).placements.act({
        id: p.id,
        expectedVersion: p.version,
        move: { _tag: "TakeUp", date: "2026-02-10", termEnd: "2029-02-10" },
      })
      mentees.push(started.id)
    }
    for (const placementId of mentees.slice(0, 4))
      await h.caller(d3).mentoring.pair({ placementId, mentorId: mentor, from: "2026-03-01" })
    const fifth = await failure(
      h.caller(d3).mentoring.pair({ placementId: mentees[4] ?? "", mentorId: mentor, from: "2026-03-01" }),
    )
    expect(tagOf(fifth)).toBe("MentoringRefused")
    expect(textOf(fifth).zh).toBe(
      "不能结对：导师 2026 年已帮带 4 人，方案规定每年帮带 3—4 人（003 三 推行结对帮带），再增 1 人为 5 人，超过上限 4",
    )
    const load = await h
      .caller(d3)
      .mentoring.load({ placementId: mentees[0] ?? "", mentorId: mentor, year: 2026 })
    expect(load).toMatchObject({ mentees: 4, status: "full" })
  }, 60_000)

  it("001 五1: at least one centralised training a year, checked for closed years only", async () => {
    const gz = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    h.setToday("2026-12-01")
    await h.caller(gz).training.record({
      personId: "demo-p-08",
      date: "2025-06-10",
      kind: "centralised",
      title: "社区后备干部集中培训",
    })
    const check = (year: number) =>
      h.caller(gz).training.check({
        personId: "demo-p-08",
        schemeId: "guizhou-street-reserve-pool",
        schemeVersion: 1,
        year,
      })
    const y2025 = await check(2025)
    expect(y2025.checks.map((c) => [c.required, c.count, c.met, c.closed])).toEqual([[1, 1, true, true]])
    const y2024 = await check(2024)
    expect(y2024.shortfalls).toBe(1)
    // 2026 has not ended: no shortfall yet, whatever the count.
    const y2026 = await check(2026)
    expect(y2026.checks.map((c) => [c.count, c.met, c.closed])).toEqual([[0, false, false]])
    expect(y2026.shortfalls).toBe(0)
    // The pool's yearly review: no nominee has been appointed to the demo pool yet, so there is no one to remove.
    const notMember = await failure(
      h.caller(gz).pool.review({
        regionId: "guizhou-street",
        schemeId: "guizhou-street-reserve-pool",
        schemeVersion: 1,
        year: 2026,
        removals: [{ personId: "demo-p-08", reason: "年度考核不合格" }],
      }),
    )
    expect(textOf(notMember).zh).toContain("不在本街道后备干部队伍中")
    const review = await h.caller(gz).pool.review({
      regionId: "guizhou-street",
      schemeId: "guizhou-street-reserve-pool",
      schemeVersion: 1,
      year: 2026,
      removals: [],
    })
    expect(review.members).toBe(0)
    expect((await h.caller(gz).pool.reviews({})).map((r) => r.year)).toEqual([2026])
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------- 003 volumes

describe("003 三 一人一档: a person dispatched again after leaving keeps one file, in volumes", () => {
  it("seals on exit, refuses writes, then a new placement opens volume 2; the sealed volume never changes", async () => {
    const da = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
    const personId = await addPerson("510304", "510304", "再派干部")
    const post = (n: number) =>
      h
        .caller(da)
        .posts.create({ id: `post-vol-${n}`, regionId: DAAN_VILLAGES[n] ?? "", title: `第一书记岗位卷${n}` })
    h.setToday("2041-01-05")
    const first = await h.caller(da).placements.create({
      personId,
      postId: (await post(0)).id,
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      placedOn: "2041-01-05",
    })
    h.setToday("2041-01-10")
    let p = await h.caller(da).placements.act({
      id: first.id,
      expectedVersion: first.version,
      move: { _tag: "TakeUp", date: "2041-01-10", termEnd: "2043-01-10" },
    })
    h.setToday("2043-01-12")
    p = await h.caller(da).placements.act({
      id: p.id,
      expectedVersion: p.version,
      move: {
        _tag: "EndTerm",
        assessment: { by: "org_dept", date: "2043-01-11", conclusion: "competent", summary: "期满考核称职" },
      },
    })
    p = await h.caller(da).placements.act({
      id: p.id,
      expectedVersion: p.version,
      move: { _tag: "Exit", date: "2043-01-12", reason: "任期届满，返回派出单位" },
    })
    const sealed = await h.caller(da).archive.get({ personId })
    expect([sealed.sealed, sealed.sealedOn]).toEqual([true, "2043-01-12"])
    expect(sealed.volumes).toEqual([
      expect.objectContaining({ number: 1, openedOn: "2041-01-05", sealedOn: "2043-01-12" }),
    ])
    const refused = await failure(
      h
        .caller(da)
        .archive.append({ personId, date: "2043-01-12", kind: "reward", title: { zh: "表彰", en: "award" } }),
    )
    expect(tagOf(refused)).toBe("ArchiveRefused")

    // Two years later the same person is dispatched again: the placement is made, the file gets volume 2.
    h.setToday("2045-03-01")
    const again = await h.caller(da).placements.create({
      personId,
      postId: (await post(1)).id,
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      placedOn: "2045-03-01",
    })
    expect(again.state).toBe("placed")
    const file = await h.caller(da).archive.get({ personId })
    expect(file.sealed).toBe(false)
    expect(file.volumes).toEqual([
      expect.objectContaining({ number: 1, openedOn: "2041-01-05", sealedOn: "2043-01-12" }),
      expect.objectContaining({ number: 2, openedOn: "2045-03-01", sealedOn: null }),
    ])
    // Volume 1 is exactly what was sealed; the new placement is filed in volume 2.
    const volume1 = file.entries.filter((e) => e.volume === 1)
    expect(volume1.map((e) => [e.id, e.date, e.kind])).toEqual(
      sealed.entries.map((e) => [e.id, e.date, e.kind]),
    )
    expect(file.entries.filter((e) => e.volume === 2).map((e) => [e.id, e.date])).toEqual([
      [`${again.id}/placed`, "2045-03-01"],
    ])
    // Nothing may be slipped into the sealed volume by date.
    const backdated = await failure(
      h.caller(da).archive.append({
        personId,
        date: "2042-06-30",
        kind: "reward",
        title: { zh: "补记表彰", en: "late award" },
      }),
    )
    expect(tagOf(backdated)).toBe("ArchiveRefused")
    expect(textOf(backdated).zh).toBe(
      "档案不能修改：材料日期 2042-06-30 早于本卷建档日期 2045-03-01，此前各卷已封存",
    )
    const award = await h.caller(da).archive.append({
      personId,
      date: "2045-03-01",
      kind: "reward",
      title: { zh: "表彰", en: "award" },
    })
    expect(award.entries.at(-1)).toMatchObject({ kind: "reward", volume: 2 })
    const audit = await h.handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "archive"), eq(auditLog.entityId, personId)))
    expect(audit.map((a) => a.action)).toContain("archive.reopen")
  }, 60_000)
})

describe("the archive's entries are bounded rows (issue 15)", () => {
  it("a long title is refused at the field; filing inserts a row, never rewrites the file; the file reads in pages", async () => {
    const yp = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    h.setToday("2026-11-26")
    const { personId } = await h.caller(yp).placements.get({ id: "demo-pl-yp-in-term" })
    const huge = await failure(
      h.caller(yp).archive.append({
        personId,
        date: "2026-11-20",
        kind: "reward",
        title: { zh: "长".repeat(1_000_000), en: "award" },
      }),
    )
    expect(huge.code).toBe("BAD_REQUEST")
    expect(textOf(huge).zh).toContain("材料名称（中文）")
    expect(textOf(huge).zh).toContain("不超过 200 个字符")

    const before = await h.caller(yp).archive.get({ personId, limit: 200 })
    for (let i = 0; i < 7; i++)
      await h.caller(yp).archive.append({
        personId,
        date: "2026-11-20",
        kind: "reward",
        title: { zh: `表彰 ${i}`, en: `award ${i}` },
      })
    // The stored header holds no entries: they are rows.
    const header = (
      (await h.handle.db.execute(
        sql`select body from archives where person_id = ${personId}`,
      )) as unknown as {
        rows: ReadonlyArray<{ body: Record<string, unknown> }>
      }
    ).rows[0]?.body
    expect(header).toBeDefined()
    expect(header).not.toHaveProperty("entries")

    // Page by three through the whole file: every entry once, in the file's order, the same as one big page.
    const whole = await h.caller(yp).archive.get({ personId, limit: 200 })
    expect(whole.total).toBe(before.total + 7)
    const seen: Array<string> = []
    let cursor: string | undefined
    for (;;) {
      const page = await h
        .caller(yp)
        .archive.get({ personId, limit: 3, ...(cursor === undefined ? {} : { cursor }) })
      seen.push(...page.entries.map((e) => e.id))
      if (page.nextCursor === null) break
      cursor = page.nextCursor
    }
    expect(seen).toEqual(whole.entries.map((e) => e.id))
    const bad = await failure(h.caller(yp).archive.get({ personId, cursor: "bm90LWEtY3Vyc29y" }))
    expect(bad.code).toBe("BAD_REQUEST")
    expect(textOf(bad).zh).toContain("翻页游标")
  }, 60_000)
})

describe("overdue reports are chased on placements that have not ended", () => {
  it("an adjusted placement's unfiled reports stay on its own obligations, off the overdue list and figures", async () => {
    const yp = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    h.setToday("2026-11-26")
    const own = await h.caller(yp).reports.obligations({ placementId: "demo-pl-yp-adjusted" })
    expect(own.filter((o) => o.status === "overdue").length).toBeGreaterThan(0)
    const page = await h.caller(yp).reports.overdue({ limit: 200 })
    expect(page.nextCursor).toBeNull()
    const listed = page.items
    expect(listed.filter((o) => o.placementId === "demo-pl-yp-adjusted")).toEqual([])
    // Serving placements are still chased (the demo's in-term Yangpu cadre has the street's reports due).
    const serving = new Set(listed.map((o) => o.placementId))
    const states = (await h.caller(yp).placements.list({})).items
    for (const p of states.filter((x) => serving.has(x.id)))
      expect(["returned_to_unit", "adjusted", "recalled", "exited"]).not.toContain(p.state)
    expect(serving.size).toBeGreaterThan(0)
  })
})
