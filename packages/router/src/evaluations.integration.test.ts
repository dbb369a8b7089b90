import { auditLog, people } from "@cadre/db"
import { Scheme } from "@cadre/domain"
import { and, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, insertPerson, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 5, scores and evaluations through the typed client on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): 004 淮上 三是's 100-point scoring at half-year, year-end and term-end; 003 四's report-back
 * scoring, star rating and four evaluations, 三's four types; 003 一's reserve pipeline and 001 五1's yearly
 * review. Where a preset leaves bands, weights or answer options unspecified the answer is the kernel's
 * `Undetermined` with the preset's note; a region's own scheme version with those numbers is graded exactly,
 * at and around each edge. Every write files in the archive and writes an audit row; a sealed archive refuses.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 180_000)
afterAll(async () => h?.close())

let seq = 900
const addPerson = async (regionId: string, address: string, name: string, birthDate = "1990-04-12") => {
  seq += 2
  return insertPerson(h.handle, {
    id: `ev-${seq}`,
    regionId,
    address,
    name,
    birthDate,
    sequence: seq + 1,
    phone: `1990003${String(seq).padStart(4, "0")}`,
    joined: "2012-07-01",
  })
}

type Headers = Record<string, string>

/** A placement in post from `start` to `termEnd` under `schemeId`, on a fresh post in `regionId`. */
const inPost = async (
  org: Headers,
  o: { schemeId: string; regionId: string; personRegion: string; address: string; tag: string },
  start = "2026-01-10",
  termEnd = "2027-01-10",
) => {
  h.setToday(start)
  const post = await h
    .caller(org)
    .posts.create({ id: `post-ev-${o.tag}`, regionId: o.regionId, title: `测试岗位${o.tag}` })
  const personId = await addPerson(o.personRegion, o.address, `测评${o.tag}`)
  const p = await h.caller(org).placements.create({
    personId,
    postId: post.id,
    schemeId: o.schemeId,
    schemeVersion: 1,
    placedOn: start,
  })
  return h.caller(org).placements.act({
    id: p.id,
    expectedVersion: p.version,
    move: { _tag: "TakeUp", date: start, termEnd },
  })
}

const encodedPreset = (key: string): Scheme.SchemeEncoded => {
  const p = Scheme.PRESETS.find((x) => x.key === key)
  if (p === undefined) throw new Error(`no preset ${key}`)
  return structuredClone(p.encoded) as Scheme.SchemeEncoded
}

/** A region's own version of a preset with the numbers the seed leaves open, published. */
const publishVariant = async (org: Headers, encoded: Scheme.SchemeEncoded) => {
  const created = await h.caller(org).schemes.create({ scheme: encoded as never })
  await h.caller(org).schemes.publish({
    schemeId: encoded.id,
    version: 1,
    expectedRowVersion: created.rowVersion,
  })
}

const audited = async (action: string, entityId: string) =>
  (
    await h.handle.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
  ).length

// ---------------------------------------------------------------------------------------------- 004 淮上

describe("004 淮上 目标考核 三是: 百分制量化考核 at half-year, year-end and term-end", () => {
  it("004 淮上 三是: the total on 100 points; no bands in the seed, so the grade is undetermined with the note", async () => {
    const hs = await h.actorHeaders({ role: "org_dept_admin", regionId: "340311" })
    const p = await inPost(hs, {
      schemeId: "huaishang-village-posting",
      regionId: "340311100201",
      personRegion: "340311",
      address: "340311",
      tag: "hs1",
    })
    h.setToday("2026-06-30")
    const c = h.caller(hs).evaluations
    const half = await c.score({ placementId: p.id, cycleId: "half_year", period: "2026-H1", total: 85.5 })
    expect(half.result).toMatchObject({
      total: "85.5",
      maxPoints: 100,
      grade: {
        _tag: "Undetermined",
        note: {
          zh: "未规定分数与等次的对应关系；等次由乡镇党委会评定",
          en: "No score-to-grade bands are set; the township committee decides the grade",
        },
      },
      clause: "004 淮上 目标考核 三是",
    })
    expect(half.text.zh).toBe("85.5/100分；等次：未规定分数与等次的对应关系；等次由乡镇党委会评定")
    // The scale's edge: 100 is accepted, 100.01 and three decimals are refused (BAD_REQUEST, both languages).
    h.setToday("2026-12-28")
    const full = await c.score({ placementId: p.id, cycleId: "year_end", period: "2026", total: 100 })
    expect(full.result.total).toBe("100")
    const over = await failure(
      c.score({ placementId: p.id, cycleId: "half_year", period: "2026-H2", total: 100.01 }),
    )
    expect([over.code, tagOf(over)]).toEqual(["BAD_REQUEST", "ScoreInvalid"])
    expect(textOf(over)).toEqual({
      zh: "评分有误：总分 100.01 超过满分 100",
      en: "invalid score: total 100.01 exceeds 100",
    })
    const decimals = await failure(
      c.score({ placementId: p.id, cycleId: "half_year", period: "2026-H2", total: 80.123 }),
    )
    expect(textOf(decimals).zh).toBe("评分有误：方案未列考核项目，须填写总分（最多两位小数）")
    // A cycle that is not scored (the satisfaction survey) is refused, naming the scored ones.
    const notScored = await failure(
      c.score({ placementId: p.id, cycleId: "satisfaction", period: "2026", total: 80 }),
    )
    expect(textOf(notScored)).toEqual({
      zh: "评分有误：“satisfaction”不是量化考核的考核节点（half_year、year_end、term_end）",
      en: "invalid score: satisfaction is not a scored cycle (half_year, year_end, term_end)",
    })
    // The period follows the cycle's cadence; one sheet per cycle and period.
    const badPeriod = await failure(
      c.score({ placementId: p.id, cycleId: "half_year", period: "2026", total: 80 }),
    )
    expect(badPeriod.code).toBe("CONFLICT")
    expect(textOf(badPeriod).zh).toBe("考核期间应为半年（如 2026-H1），不是“2026”")
    const twice = await failure(
      c.score({ placementId: p.id, cycleId: "half_year", period: "2026-H1", total: 70 }),
    )
    expect(textOf(twice)).toEqual({
      zh: "百分制量化考核（2026-H1）已登记",
      en: "the 100-point scoring for 2026-H1 is on record",
    })
    // A township outside the village's line does not see the placement.
    const other = await h.actorHeaders({ role: "street_admin", regionId: "370784100" })
    expect(
      (
        await failure(
          h
            .caller(other)
            .evaluations.score({ placementId: p.id, cycleId: "half_year", period: "2026-H2", total: 1 }),
        )
      ).code,
    ).toBe("NOT_FOUND")
    // Filed in the archive and audited, each.
    const file = await h.caller(hs).archive.get({ personId: p.personId })
    expect(file.entries.filter((e) => e.kind === "assessment").map((e) => e.title.zh)).toEqual([
      "百分制量化考核（半年）（2026-H1）：85.5/100分；等次：未规定分数与等次的对应关系；等次由乡镇党委会评定",
      "百分制量化考核（年终）（2026）：100/100分；等次：未规定分数与等次的对应关系；等次由乡镇党委会评定",
    ])
    expect(await audited("evaluation.score", p.id)).toBe(2)
    expect(
      (await h.caller(hs).evaluations.list({ placementId: p.id, kind: "score" })).map((e) => e.period),
    ).toEqual(["2026", "2026-H1"])

    // Term end: scored once the term has ended; after the exit the sealed archive refuses any further sheet.
    h.setToday("2027-01-10")
    const got = await h.caller(hs).placements.get({ id: p.id })
    const q = await h
      .caller(hs)
      .placements.act({ id: p.id, expectedVersion: got.version, move: { _tag: "EndTerm" } })
    const end = await c.score({ placementId: p.id, cycleId: "term_end", period: "term-1", total: 0 })
    expect(end.result.total).toBe("0")
    await h.caller(hs).placements.act({
      id: p.id,
      expectedVersion: q.version,
      move: { _tag: "Exit", date: "2027-01-10", reason: "任期届满" },
    })
    const sealed = await failure(
      c.score({ placementId: p.id, cycleId: "half_year", period: "2026-H2", total: 88 }),
    )
    expect([sealed.code, tagOf(sealed)]).toEqual(["CONFLICT", "ArchiveRefused"])
    expect(textOf(sealed).zh).toMatch(/^档案不能修改：档案已于 2027-01-10 封存/)
    expect((await h.caller(hs).evaluations.list({ placementId: p.id })).length).toBe(3)
  }, 60_000)

  it("004 淮上 三是 with a region's bands (90 优秀, 80 称职, 60 基本称职): 90 and 89.99 fall either side, 59.99 below all", async () => {
    const hs = await h.actorHeaders({ role: "org_dept_admin", regionId: "340311" })
    const e = encodedPreset("huaishang-village-posting") as unknown as {
      id: string
      assessment: { scoring: { value: { gradeBands: unknown }; citation: unknown } }
    }
    e.id = "huaishang-banded"
    e.assessment.scoring.value.gradeBands = {
      _tag: "Cited",
      value: [
        { minPoints: 90, grade: "excellent" },
        { minPoints: 80, grade: "competent" },
        { minPoints: 60, grade: "basically_competent" },
      ],
      citation: e.assessment.scoring.citation,
    }
    await publishVariant(hs, e as unknown as Scheme.SchemeEncoded)
    const p = await inPost(hs, {
      schemeId: "huaishang-banded",
      regionId: "340311100201",
      personRegion: "340311",
      address: "340311",
      tag: "hs2",
    })
    h.setToday("2026-12-28")
    const score = (cycleId: string, period: string, total: number) =>
      h.caller(hs).evaluations.score({ placementId: p.id, cycleId, period, total })
    const at = await score("half_year", "2026-H1", 90)
    expect(at.result.grade).toEqual({
      _tag: "Banded",
      grade: "excellent",
      label: { zh: "优秀", en: "excellent" },
      minPoints: 90,
      clause: "004 淮上 目标考核 三是",
    })
    expect(at.text.zh).toBe("90/100分，不低于90分：优秀")
    const below = await score("half_year", "2026-H2", 89.99)
    expect(below.result.grade).toMatchObject({ _tag: "Banded", grade: "competent", minPoints: 80 })
    expect(below.text.en).toBe("89.99/100 points, at least 80: competent")
    const none = await score("year_end", "2026", 59.99)
    expect(none.result.grade).toEqual({
      _tag: "Undetermined",
      note: { zh: "59.99分低于所有分数段", en: "59.99 is below every band" },
    })
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------- 003

const D003 = {
  schemeId: "secretary-team-management",
  regionId: "district-003-s1-c1",
  personRegion: "district-003-s1-c1",
  address: "310110",
}

describe("003 四: report-back scoring, star rating and the four evaluations; 三: the four types", () => {
  it("003 四 抓好提级述职 / 用好星级评定: no weights or star bands in the speech, so no combined score and no stars", async () => {
    const d3 = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    const p = await inPost(d3, { ...D003, tag: "d1" })
    h.setToday("2026-07-05")
    const c = h.caller(d3).evaluations
    const rb = await c.reportBack({
      placementId: p.id,
      period: "2026-H1",
      scores: [
        { scorer: "org_dept", points: 90 },
        { scorer: "civil_affairs", points: 85 },
        { scorer: "street", points: 80 },
      ],
    })
    expect(rb.text).toEqual({
      zh: "组织部 90，民政局 85，所属街道 80；未合成总分：发言未规定各评议部门的权重",
      en: "Organisation department 90, Civil affairs bureau 85, The secretary's street 80; no combined score: The speech sets no weights for the scorers",
    })
    expect(rb.result.combined).toEqual({
      _tag: "Undetermined",
      note: { zh: "发言未规定各评议部门的权重", en: "The speech sets no weights for the scorers" },
    })
    const missing = await failure(
      c.reportBack({ placementId: p.id, period: "2026-H2", scores: [{ scorer: "org_dept", points: 90 }] }),
    )
    expect([missing.code, textOf(missing).zh]).toEqual(["BAD_REQUEST", "评分有误：民政局应有且只有一个分数"])
    const stars = await c.stars({ placementId: p.id, period: "2026-H1", points: 80 })
    expect(stars.result.rating).toEqual({
      _tag: "Undetermined",
      note: {
        zh: "发言未规定各星级的分数线；由街道根据区级评定意见制定具体办法",
        en: "No score per star level is set; streets write the detailed method from the district's guidance",
      },
    })
    expect(stars.text.zh).toBe("80分；星级未定：发言未规定各星级的分数线；由街道根据区级评定意见制定具体办法")
    // 每半年: the period is a half year.
    const badPeriod = await failure(c.stars({ placementId: p.id, period: "2026", points: 80 }))
    expect(textOf(badPeriod).en).toBe('the period must be a half year (e.g. 2026-H1), not "2026"')
    expect(await audited("evaluation.report_back", p.id)).toBe(1)
    expect(await audited("evaluation.stars", p.id)).toBe(1)
  }, 60_000)

  it("003 四 做实履职评估: 自评 → 居民点评（德能勤绩廉）→ 街道工委复评 → 组织部门审评, each by its body, in order", async () => {
    const d3 = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "district-003-s1" })
    const p = await inPost(d3, { ...D003, tag: "d2" })
    const cadre = await h.actorHeaders({ role: "applicant" })
    const me = await h.caller(cadre).auth.me()
    await h.handle.db.update(people).set({ accountId: me.accountId }).where(eq(people.id, p.personId))
    h.setToday("2026-07-10")
    const target = { placementId: p.id, period: "2026-H1" }
    // The street's review cannot come first; the org dept cannot write the cadre's self-evaluation.
    const early = await failure(
      h.caller(street).evaluations.evaluate({ ...target, part: "street", by: "street", summary: "复评" }),
    )
    expect([early.code, tagOf(early)]).toEqual(["CONFLICT", "EvaluationRefused"])
    expect(textOf(early)).toEqual({
      zh: "履职评估：须先完成“书记自评”",
      en: 'four evaluations: "Self-evaluation" comes first',
    })
    const notSelf = await failure(
      h.caller(d3).evaluations.evaluate({ ...target, part: "self", by: "applicant", summary: "代写" }),
    )
    expect(textOf(notSelf).zh).toBe("须由本人的账号办理")
    const self = await h
      .caller(cadre)
      .evaluations.evaluate({ ...target, part: "self", by: "applicant", summary: "半年工作自评" })
    expect(self.text.zh).toBe("书记自评已完成；下一环节：社区居民点评")
    expect(self.result.next).toEqual({
      part: "residents",
      by: "residents",
      label: { zh: "社区居民点评", en: "Residents' evaluation" },
    })
    // The cadre has no say in the other parts.
    expect(
      (
        await failure(
          h.caller(cadre).evaluations.evaluate({ ...target, part: "street", by: "street", summary: "x" }),
        )
      ).code,
    ).toBe("FORBIDDEN")
    const votes = (dims: ReadonlyArray<string>) =>
      Object.fromEntries(dims.map((d) => [d, { good: 30, fair: 4, poor: 1 }]))
    const noIntegrity = await failure(
      h.caller(street).evaluations.evaluate({
        ...target,
        part: "residents",
        by: "residents",
        summary: "民主测评",
        votes: votes(["virtue", "ability", "diligence", "results"]),
      }),
    )
    expect(textOf(noIntegrity).zh).toBe("履职评估：缺少以下方面的测评：廉")
    const residents = await h.caller(street).evaluations.evaluate({
      ...target,
      part: "residents",
      by: "residents",
      summary: "民主测评",
      votes: votes(["virtue", "ability", "diligence", "results", "integrity"]),
    })
    // The speech sets no answer options: no favourable rate is computed.
    expect(residents.result.residentRates).toEqual({
      _tag: "Undetermined",
      note: {
        zh: "发言未规定民主测评的选项",
        en: "The speech does not set the answer options of the residents' vote",
      },
    })
    await h
      .caller(street)
      .evaluations.evaluate({ ...target, part: "street", by: "street", summary: "复评良好" })
    const byStreet = await failure(
      h.caller(street).evaluations.evaluate({ ...target, part: "org_dept", by: "org_dept", summary: "审评" }),
    )
    expect(textOf(byStreet).zh).toBe("须由组织部门的账号办理")
    const done = await h
      .caller(d3)
      .evaluations.evaluate({ ...target, part: "org_dept", by: "org_dept", summary: "审评通过" })
    expect(done.text.zh).toBe("组织部门审评已完成；四个环节均已完成")
    expect((done.result.record as { entries: Array<{ part: string }> }).entries.map((x) => x.part)).toEqual([
      "self",
      "residents",
      "street",
      "org_dept",
    ])
    const fifth = await failure(
      h.caller(d3).evaluations.evaluate({ ...target, part: "org_dept", by: "org_dept", summary: "再审" }),
    )
    expect(textOf(fifth).zh).toBe("履职评估：四个环节均已完成")
    // One row, four archive entries, four audit rows.
    expect(await h.caller(d3).evaluations.list({ placementId: p.id, kind: "four_evaluations" })).toHaveLength(
      1,
    )
    const file = await h.caller(d3).archive.get({ personId: p.personId })
    expect(file.entries.filter((e) => e.title.zh.startsWith("履职评估（2026-H1）"))).toHaveLength(4)
    expect(await audited("evaluation.four_evaluations", p.id)).toBe(4)
  }, 60_000)

  it("003 三 深化分类管理: a type needs a finding on every named standard; the dividing lines stay the org dept's", async () => {
    const d3 = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    const p = await inPost(d3, { ...D003, tag: "d3" })
    h.setToday("2026-12-20")
    const basis = [
      { standard: "star_rating", finding: "四星" },
      { standard: "branding", finding: "“红管家”品牌" },
    ]
    const short = await failure(
      h
        .caller(d3)
        .evaluations.classify({ placementId: p.id, period: "2026", type: "model", by: "org_dept", basis }),
    )
    expect([short.code, textOf(short).zh]).toEqual(["CONFLICT", "履职评估：须对照以下标准说明依据：阵地打造"])
    expect(textOf(short).en).toBe("four evaluations: give the finding on: Facilities")
    const typed = await h.caller(d3).evaluations.classify({
      placementId: p.id,
      period: "2026",
      type: "model",
      by: "org_dept",
      basis: [...basis, { standard: "facilities", finding: "党群服务中心达标" }],
    })
    expect(typed.result).toMatchObject({
      type: "model",
      label: { zh: "示范", en: "Model" },
      assignment: {
        zh: "发言未规定各类型的划分界线；由组织部门对照标准研判确定",
        en: "No dividing lines between the types are set; the org dept judges against the standards",
      },
      clause: "003 三 深化分类管理",
    })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "district-003-s1" })
    const asOrg = await failure(
      h.caller(street).evaluations.classify({
        placementId: p.id,
        period: "2027",
        type: "potential",
        by: "org_dept",
        basis,
      }),
    )
    expect(textOf(asOrg).zh).toBe("须由组织部门的账号办理")
  }, 60_000)

  it("003 四 with a region's numbers: weights 1/2, 1/4, 1/4 → 86.25; 80 → 4 stars, 79.99 → 3; 30 good of 35 → 85.7%", async () => {
    const d3 = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    const e = encodedPreset("secretary-team-management") as unknown as {
      id: string
      assessment: {
        reportBack: { value: { weights: unknown; maxPoints: unknown }; citation: unknown }
        starRating: { value: { bands: unknown; maxPoints: unknown }; citation: unknown }
        fourEvaluations: { value: { residentOptions: unknown }; citation: unknown }
      }
    }
    e.id = "team-banded"
    const a = e.assessment
    const cited = (value: unknown, citation: unknown) => ({ _tag: "Cited", value, citation })
    a.reportBack.value.maxPoints = cited(100, a.reportBack.citation)
    a.reportBack.value.weights = cited(
      [
        { scorer: "org_dept", weight: { numerator: 1, denominator: 2 } },
        { scorer: "civil_affairs", weight: { numerator: 1, denominator: 4 } },
        { scorer: "street", weight: { numerator: 1, denominator: 4 } },
      ],
      a.reportBack.citation,
    )
    a.starRating.value.maxPoints = cited(100, a.starRating.citation)
    a.starRating.value.bands = cited(
      [
        { minPoints: 90, stars: 5 },
        { minPoints: 80, stars: 4 },
        { minPoints: 70, stars: 3 },
        { minPoints: 60, stars: 2 },
        { minPoints: 0, stars: 1 },
      ],
      a.starRating.citation,
    )
    a.fourEvaluations.value.residentOptions = cited(
      [
        { key: "good", label: { zh: "好", en: "good" }, favourable: true },
        { key: "fair", label: { zh: "一般", en: "fair" }, favourable: false },
        { key: "poor", label: { zh: "差", en: "poor" }, favourable: false },
      ],
      a.fourEvaluations.citation,
    )
    await publishVariant(d3, e as unknown as Scheme.SchemeEncoded)
    const p = await inPost(d3, { ...D003, schemeId: "team-banded", tag: "d4" })
    h.setToday("2026-12-30")
    const c = h.caller(d3).evaluations
    const rb = await c.reportBack({
      placementId: p.id,
      period: "2026-H2",
      scores: [
        { scorer: "org_dept", points: 90 },
        { scorer: "civil_affairs", points: 85 },
        { scorer: "street", points: 80 },
      ],
    })
    expect(rb.result.combined).toEqual({ _tag: "Weighted", points: "86.25", exact: "86.25" })
    const overScale = await failure(
      c.reportBack({
        placementId: p.id,
        period: "2026-H1",
        scores: [
          { scorer: "org_dept", points: 100.01 },
          { scorer: "civil_affairs", points: 85 },
          { scorer: "street", points: 80 },
        ],
      }),
    )
    expect(textOf(overScale).zh).toBe("评分有误：组织部的评分 100.01 无效（0 到 100）")
    const four = await c.stars({ placementId: p.id, period: "2026-H1", points: 80 })
    expect(four.result.rating).toEqual({ _tag: "Stars", stars: 4, of: 5 })
    expect(four.text.zh).toBe("80分，不低于80分：4星（共5个星级）")
    const three = await c.stars({ placementId: p.id, period: "2026-H2", points: 79.99 })
    expect(three.result.rating).toEqual({ _tag: "Stars", stars: 3, of: 5 })
    const cadre = await h.actorHeaders({ role: "applicant" })
    const me = await h.caller(cadre).auth.me()
    await h.handle.db.update(people).set({ accountId: me.accountId }).where(eq(people.id, p.personId))
    await h.caller(cadre).evaluations.evaluate({
      placementId: p.id,
      period: "2026-H2",
      part: "self",
      by: "applicant",
      summary: "自评",
    })
    const dims = ["virtue", "ability", "diligence", "results", "integrity"]
    const res = await c.evaluate({
      placementId: p.id,
      period: "2026-H2",
      part: "residents",
      by: "residents",
      summary: "民主测评",
      votes: Object.fromEntries(dims.map((d) => [d, { good: 30, fair: 4, poor: 1 }])),
    })
    expect(res.result.residentRates).toEqual({
      _tag: "Rates",
      rates: dims.map((dimension) => ({ dimension, percent: "85.7%" })),
    })
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------- reserves

describe("003 一 拓源储备一批: community workers → committee reserves → secretary reserves; 001 五1 yearly review", () => {
  it("003 一: each stage takes from its source; an outstanding committee reserve moves on; the review removes", async () => {
    const street = await h.actorHeaders({ role: "street_admin", regionId: "district-003-s1" })
    const c = h.caller(street).reserves
    h.setToday("2026-03-01")
    const worker = await addPerson("district-003-s1-c1", "310110", "社工甲", "1996-05-01")
    const member = await addPerson("district-003-s1-c1", "310110", "委员乙", "1988-05-01")
    const base = { regionId: "district-003-s1-c1", schemeId: "secretary-team-management", schemeVersion: 1 }
    const entered = await c.enter({
      ...base,
      personId: worker,
      role: "committee_reserve",
      source: "community_worker",
      basis: "95后优秀社区工作者",
    })
    expect(entered).toMatchObject({
      role: "committee_reserve",
      state: "active",
      enteredOn: "2026-03-01",
      findings: [],
    })
    const wrong = await failure(
      c.enter({
        ...base,
        personId: member,
        role: "secretary_reserve",
        source: "community_worker",
        basis: "x",
      }),
    )
    expect(wrong.code).toBe("CONFLICT")
    expect(textOf(wrong)).toEqual({
      zh: "社区党组织书记后备力量从优秀“两委”成员中纳入，不能从“社区工作者”纳入（003 一 拓源储备一批）",
      en: "the reserve for community Party secretary is drawn from the outstanding among: member of the two committees; not from: community worker (003 一 拓源储备一批)",
    })
    const direct = await c.enter({
      ...base,
      personId: member,
      role: "secretary_reserve",
      source: "committee_member",
      basis: "优秀“两委”成员",
    })
    expect(direct.role).toBe("secretary_reserve")
    const unknown = await failure(
      c.enter({ ...base, personId: member, role: "principal", source: "other", basis: "x" }),
    )
    expect(textOf(unknown).zh).toContain("本方案的后备力量没有“principal”这一类别")
    const dup = await failure(
      c.enter({
        ...base,
        personId: worker,
        role: "committee_reserve",
        source: "community_worker",
        basis: "x",
      }),
    )
    expect(textOf(dup).zh).toBe("社工甲已在本方案的后备力量中")

    h.setToday("2026-09-01")
    const stale = await failure(c.advance({ id: entered.id, expectedVersion: 99, basis: "x" }))
    expect([stale.code, tagOf(stale)]).toEqual(["CONFLICT", "StaleVersion"])
    const moved = await c.advance({
      id: entered.id,
      expectedVersion: entered.version,
      basis: "换届当选居委会委员，表现优秀",
    })
    expect(moved).toMatchObject({ role: "secretary_reserve", version: 2 })
    expect(moved.steps.map((s) => [s.step, s.role, s.on])).toEqual([
      ["entered", "committee_reserve", "2026-03-01"],
      ["advanced", "secretary_reserve", "2026-09-01"],
    ])
    const again = await failure(c.advance({ id: moved.id, expectedVersion: moved.version, basis: "x" }))
    expect(textOf(again).zh).toBe(
      "只有“两委”成员后备力量可递进为社区党组织书记后备力量，此人现为社区党组织书记后备力量（003 一 拓源储备一批）",
    )
    // Another district's street neither sees nor moves them.
    const gz = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    expect(
      (await failure(h.caller(gz).reserves.advance({ id: moved.id, expectedVersion: 2, basis: "x" }))).code,
    ).toBe("NOT_FOUND")
    expect((await h.caller(gz).reserves.list({})).items).not.toContainEqual(
      expect.objectContaining({ id: moved.id }),
    )

    // 001 五1 (the yearly review, with 003's pool): both pipeline members counted; one removed, closed and filed.
    h.setToday("2026-12-15")
    const review = await h.caller(street).pool.review({
      regionId: "district-003-s1",
      schemeId: "secretary-team-management",
      schemeVersion: 1,
      year: 2026,
      removals: [{ personId: member, reason: "年度考核不合格" }],
    })
    // The demo's own two pipeline members of 示例社区 stay beside the worker.
    expect(review.members).toBe(3)
    expect(review.removed).toEqual([{ personId: member, reason: "年度考核不合格" }])
    const list = (await c.list({ schemeId: "secretary-team-management" })).items.filter((m) =>
      [worker, member].includes(m.personId),
    )
    // The list pages by community then id: both members, in either order.
    expect(list.map((m) => [m.personId, m.state, m.leftOn]).sort()).toEqual(
      [
        [worker, "active", null],
        [member, "removed", "2026-12-15"],
      ].sort(),
    )
    const file = await h.caller(street).archive.get({ personId: member })
    expect(file.entries.map((e) => [e.kind, e.title.zh])).toEqual([
      ["recommendation", "纳入示例社区社区党组织书记后备力量（来源：“两委”成员）：优秀“两委”成员"],
      ["assessment", "2026年度后备干部队伍审核：调整出库（年度考核不合格）"],
    ])
    expect(await audited("reserve.enter", entered.id)).toBe(1)
    expect(await audited("reserve.advance", entered.id)).toBe(1)
  }, 60_000)

  it("001 三（4）: a principal of 46 or a deputy of 42 (一般) enters only with a recorded waiver, audited; no pipeline in 001", async () => {
    const gz = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    h.setToday("2026-04-01")
    const base = { regionId: "guizhou-street-c1", schemeId: "guizhou-street-reserve-pool", schemeVersion: 1 }
    const older = await addPerson("guizhou-street-c1", "520102", "后备甲", "1980-03-31")
    const younger = await addPerson("guizhou-street-c1", "520102", "后备乙", "1986-04-01")
    const deputy42 = await addPerson("guizhou-street-c1", "520102", "后备丙", "1984-03-01")
    // Issue 13: a deputy aged 42 (cap 40, 一般) without a waiver is refused with the age, the cap and the clause.
    const noWaiver = await failure(
      h.caller(gz).reserves.enter({
        ...base,
        personId: deputy42,
        role: "deputy",
        source: "nominated",
        basis: "社区推荐",
      }),
    )
    expect([noWaiver.code, tagOf(noWaiver)]).toEqual(["CONFLICT", "PoolRefused"])
    expect(textOf(noWaiver).zh).toBe(
      "后备干部队伍不符合规定：截至2026-04-01年满42周岁，超过社区副职后备干部40周岁的上限（001 三（4））；此条为“一般/原则上”规定，须经批准放宽（记录理由、批准人和日期）",
    )
    expect(textOf(noWaiver).en).toContain("may be set aside only by a recorded waiver")
    expect(
      (await h.caller(gz).reserves.list({ schemeId: "guizhou-street-reserve-pool" })).items,
    ).not.toContainEqual(expect.objectContaining({ personId: deputy42 }))
    const waiver = {
      ruleId: "age",
      reason: "熟悉社区工作，群众认可",
      approver: "街道党工委",
      approvedOn: "2026-03-30",
    }
    const p = await h.caller(gz).reserves.enter({
      ...base,
      personId: older,
      role: "principal",
      source: "nominated",
      basis: "社区推荐",
      waivers: [waiver],
    })
    expect(p.findings.map((f) => [f.ruleId, f.status])).toEqual([["age", "waived"]])
    expect(p.findings[0]?.message.zh).toBe(
      "截至2026-04-01年满46周岁，超过社区正职后备干部45周岁的上限（001 三（4））",
    )
    const [row] = await h.handle.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "reserve.enter"), eq(auditLog.entityId, p.id)))
    expect((row?.after as { waived?: Array<Record<string, string>> } | undefined)?.waived).toEqual([
      expect.objectContaining({
        ruleId: "age",
        clause: "001 三（4）",
        approver: "街道党工委",
        approvedOn: "2026-03-30",
      }),
    ])
    const d = await h
      .caller(gz)
      .reserves.enter({ ...base, personId: younger, role: "deputy", source: "nominated", basis: "社区推荐" })
    expect(d.findings.map((f) => [f.ruleId, f.status])).toEqual([["age", "pass"]])
    const noPipeline = await failure(
      h.caller(gz).reserves.advance({ id: d.id, expectedVersion: d.version, basis: "x" }),
    )
    expect(textOf(noPipeline).zh).toBe(
      "本方案未规定后备力量的递进培养路径（社区工作者→“两委”成员后备力量→书记后备力量）",
    )
    // The review counts them: 2 in 和平社区 covering principal and deputy, so the community passes the count.
    h.setToday("2026-12-20")
    const review = await h.caller(gz).pool.review({
      regionId: "guizhou-street",
      schemeId: "guizhou-street-reserve-pool",
      schemeVersion: 1,
      year: 2026,
      removals: [],
    })
    expect(review.members).toBe(2)
    const community = (
      review.communities as Array<{ findings: Array<{ ruleId: string; status: string }> }>
    )[0]
    expect(community?.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ["pool.min_per_community", "pass"],
      ["pool.roles", "pass"],
    ])
    // Only the street and the org dept keep the pool.
    const host = await h.actorHeaders({ role: "host_unit_admin", unitId: "u-gz-jd" })
    expect(
      (
        await failure(
          h
            .caller(host)
            .reserves.enter({ ...base, personId: younger, role: "deputy", source: "nominated", basis: "x" }),
        )
      ).code,
    ).toBe("FORBIDDEN")
  }, 60_000)
})

describe("issue 13 item 5: an evaluation follows the scheme version in force on the day it is recorded", () => {
  it("003 四 用好星级评定: star bands that take effect in 2096 grade a half year recorded then; before, no stars", async () => {
    const d3 = await h.actorHeaders({ role: "org_dept_admin", regionId: "district-003" })
    const e = encodedPreset("secretary-team-management") as unknown as { id: string }
    e.id = "team-bands-later"
    await publishVariant(d3, e as unknown as Scheme.SchemeEncoded)
    // v2, in force from 2096-01-01: five star bands (v1, the speech's, sets none).
    h.setToday("2095-01-02")
    const draft = await h
      .caller(d3)
      .schemes.createVersion({ schemeId: "team-bands-later", fromVersion: 1, effectiveFrom: "2096-01-01" })
    const body = draft.scheme as unknown as {
      version: number
      assessment: { starRating: { value: { bands: unknown; maxPoints: unknown }; citation: unknown } }
    }
    const star = body.assessment.starRating
    star.value.maxPoints = { _tag: "Cited", value: 100, citation: star.citation }
    star.value.bands = {
      _tag: "Cited",
      value: [
        { minPoints: 90, stars: 5 },
        { minPoints: 80, stars: 4 },
        { minPoints: 0, stars: 1 },
      ],
      citation: star.citation,
    }
    const updated = await h.caller(d3).schemes.updateDraft({
      schemeId: "team-bands-later",
      version: body.version,
      expectedRowVersion: draft.rowVersion,
      scheme: body as never,
    })
    await h.caller(d3).schemes.publish({
      schemeId: "team-bands-later",
      version: body.version,
      expectedRowVersion: updated.rowVersion,
    })
    const p = await inPost(
      d3,
      { ...D003, schemeId: "team-bands-later", tag: "vf" },
      "2095-01-10",
      "2098-01-10",
    )
    const c = h.caller(d3).evaluations
    h.setToday("2095-07-05")
    const before = await c.stars({ placementId: p.id, period: "2095-H1", points: 85 })
    expect((before.result.rating as { _tag: string })._tag).toBe("Undetermined")
    // The placement was made under v1; the half year recorded in 2096 follows v2 (the old code kept v1: no stars).
    h.setToday("2096-07-05")
    const after = await c.stars({ placementId: p.id, period: "2096-H1", points: 85 })
    expect(after.result.rating).toEqual({ _tag: "Stars", stars: 4, of: 5 })
  }, 60_000)
})
