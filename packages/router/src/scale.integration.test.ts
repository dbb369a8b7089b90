import { demoIdNumber } from "@cadre/db"
import { sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, insertPerson, makeHarness } from "./test-support.js"

/**
 * Issue 19, past 65,535: PostgreSQL takes at most 65,535 bind parameters a statement, so a read that binds one per
 * id (`inArray`) answers 500 once a campaign or a scope holds more rows than that. These tests put more than
 * 65,535 applications in one campaign and more than 65,535 serving placements in one scope (rows cloned in SQL
 * with generate_series: cheap on PGlite and PostgreSQL) and read them through the router. And figures.overdue /
 * reports.overdue, now one SQL query over serving placements with their submissions, still answer what the
 * per-placement obligations (reports.obligations) say is overdue.
 */

const PAST_LIMIT = 65_600

let h: Harness
let org: Record<string, string>
/** Jincheng's org dept: the demo's serving placements with reports due are there. */
let jc: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
  jc = await h.actorHeaders({ role: "org_dept_admin", regionId: "140500" })
}, 300_000)
afterAll(async () => h?.close())

const exec = (q: ReturnType<typeof sql>) => h.handle.db.execute(q)

/**
 * Bulk fixture rows without row triggers (the per-row upkeep of campaign_state_counts costs minutes for 65k rows
 * in one statement on PGlite) and foreign-key checks: `then` restores what the trigger would have kept.
 */
const bulk = (qs: ReadonlyArray<ReturnType<typeof sql>>) =>
  h.handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`)
    for (const q of qs) await tx.execute(q)
  })

/** Every overdue obligation by asking each placement in scope that has not ended (the old semantics). */
const overdueOneByOne = async (headers: Record<string, string>) => {
  const out: Array<string> = []
  let cursor: string | undefined
  for (;;) {
    const page = await h.caller(headers).placements.list({ limit: 200, cursor })
    for (const p of page.items) {
      if (["returned_to_unit", "adjusted", "recalled", "exited"].includes(p.state)) continue
      const obligations = await h.caller(headers).reports.obligations({ placementId: p.id })
      for (const o of obligations) if (o.status === "overdue") out.push(`${p.id} ${o.key}`)
    }
    if (page.nextCursor === null) return out.sort()
    cursor = page.nextCursor
  }
}

const listed = async (headers: Record<string, string>) =>
  (await h.caller(headers).reports.overdue({})).map((o) => `${o.placementId} ${o.key}`).sort()

describe("overdue reports: one query over serving placements, the same answers (issue 19)", () => {
  it("equals the per-placement obligations on the demo data, on several days", async () => {
    for (const day of ["2026-03-21", "2026-06-01", "2027-01-15", "2028-09-30"]) {
      h.setToday(day)
      for (const who of [org, jc]) {
        const expected = await overdueOneByOne(who)
        expect(await listed(who)).toEqual(expected)
        expect((await h.caller(who).figures.overdue({})).total).toBe(expected.length)
      }
    }
  })

  it("leaves out a placement that has ended and a report filed late; keeps one filed for another obligation", async () => {
    h.setToday("2028-09-30")
    const before = await listed(jc)
    expect(before.length).toBeGreaterThan(1)
    const [placementId, key] = (before[0] ?? "").split(" ") as [string, string]
    const sameOther = before.filter((x) => x.startsWith(`${placementId} `) && x !== before[0])
    // Filed late: no longer overdue (late), the placement's other obligations still are.
    await exec(sql`insert into report_submissions (id, placement_id, obligation_key, report_id, submitted_on, submitted_by, body)
      values ('late-1', ${placementId}, ${key}, 'r', '2028-09-29', 'test',
        ${JSON.stringify({ key, submittedOn: "2028-09-29", by: "test", text: "迟交", attachments: [] })}::jsonb)`)
    const afterLate = await listed(jc)
    expect(afterLate).not.toContain(before[0])
    for (const x of sameOther) expect(afterLate).toContain(x)
    expect(afterLate).toEqual(await overdueOneByOne(jc))
    // Ended: nothing of it is chased any more.
    await exec(
      sql`update placements set state = 'exited', body = jsonb_set(body, '{state}', '"exited"') where id = ${placementId}`,
    )
    const afterExit = await listed(jc)
    expect(afterExit.some((x) => x.startsWith(`${placementId} `))).toBe(false)
    expect(afterExit).toEqual(await overdueOneByOne(jc))
  })
})

describe("past 65,535 rows (issue 19)", () => {
  it(`campaigns.whatIf screens a campaign of ${PAST_LIMIT.toLocaleString("en")} applications`, async () => {
    h.setToday("2026-03-21")
    const c = await h.caller(org).campaigns.create({
      regionId: "510304",
      name: "大批次试算",
      schemeId: "daan-first-secretary",
      schemeVersion: 1,
      channels: ["organisation_recommendation"],
      places: 3,
      startYear: 2026,
      referenceDate: "2026-03-01",
      decidingBody: "org_dept_meeting",
    })
    await h.caller(org).campaigns.openForApplications({ id: c.id, expectedVersion: c.version })
    const personId = await insertPerson(h.handle, {
      id: "big-0",
      regionId: "510304",
      address: "510304",
      name: "大批次候选",
      birthDate: "1991-03-08",
      sequence: 1,
      phone: "19900099999",
      joined: "2014-07-01",
    })
    const seed = await h.caller(org).applications.recommend({
      campaignId: c.id,
      personId,
      channel: "organisation_recommendation",
      recommendation: { body: "大安区委组织部", meeting: "部务会", meetingDate: "2026-03-20" },
    })
    // Distinct people (ID numbers with their birth dates, male sequence digits) cloned from the first.
    const birth: Array<string> = []
    const idNumbers: Array<string> = []
    for (let g = 1; g <= PAST_LIMIT; g++) {
      const d = new Date(Date.UTC(1980, 0, 1 + Math.floor(g / 400)))
      const date = d.toISOString().slice(0, 10)
      birth.push(date)
      idNumbers.push(demoIdNumber("510304", date, ((g % 400) * 2 + 3) % 1000))
    }
    await bulk([
      sql`insert into people (id, region_id, id_number, phone, name, profile)
      select 'big-' || u.g, p.region_id, u.idn, null, p.name || u.g, jsonb_set(p.profile, '{birthDate}', to_jsonb(u.bd))
      from people p, unnest(${sql.param(idNumbers)}::text[], ${sql.param(birth)}::text[]) with ordinality as u(idn, bd, g)
      where p.id = ${personId}`,
      sql`insert into applications (id, campaign_id, person_id, region_id, recommending_unit_id, state, channel,
        target_role, eligible, post_id, body, version)
      select 'big-a-' || g, a.campaign_id, 'big-' || g, a.region_id, a.recommending_unit_id, a.state, a.channel,
        a.target_role, a.eligible, a.post_id,
        jsonb_set(jsonb_set(a.body, '{id}', to_jsonb('big-a-' || g)), '{personId}', to_jsonb('big-' || g)), 1
      from applications a, generate_series(1, ${PAST_LIMIT}) g where a.id = ${seed.id}`,
      sql`update campaign_state_counts set n = n + ${PAST_LIMIT} where campaign_id = ${c.id} and state = ${seed.state}`,
    ])
    const r = await h.caller(org).campaigns.whatIf({ id: c.id, schemeId: "daan-first-secretary", version: 1 })
    expect(r.changes).toEqual([])
    expect((await h.caller(org).campaigns.get({ id: c.id })).counts).toMatchObject({
      [seed.state]: PAST_LIMIT + 1,
    })
  }, 600_000)

  it(`reports.overdue over ${PAST_LIMIT.toLocaleString("en")} serving placements`, async () => {
    h.setToday("2028-09-30")
    const before = (await h.caller(jc).reports.overdue({})).length
    // A serving placement with overdue reports, to clone.
    const serving = (await h.caller(jc).placements.list({ limit: 200 })).items.filter(
      (p) => !["returned_to_unit", "adjusted", "recalled", "exited"].includes(p.state),
    )
    let one: { id: string } | undefined
    let perPlacement = 0
    for (const p of serving) {
      const n = (await h.caller(jc).reports.obligations({ placementId: p.id })).filter(
        // A clone has no reports filed: everything of the source due before today is overdue on it.
        (o) => o.due !== null && o.due < "2028-09-30",
      ).length
      if (n > 0) {
        one = p
        perPlacement = n
        break
      }
    }
    expect(one).toBeDefined()
    // Each clone holds its own post and is held by its own person (one open placement per post and person).
    const src = sql`(select * from placements where id = ${one?.id ?? ""})`
    const postCols = (
      (await exec(
        sql`select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as cols from information_schema.columns
          where table_name = 'posts' and table_schema = current_schema() and column_name <> 'id'`,
      )) as unknown as { rows: Array<{ cols: string }> }
    ).rows[0]?.cols
    await bulk([
      sql`insert into people (id, region_id, id_number, phone, name, profile)
      select 'ov-p-' || g, p.region_id, 'OV' || g, null, p.name, p.profile
      from people p join ${src} s on s.person_id = p.id, generate_series(1, ${PAST_LIMIT}) g`,
      sql`insert into posts (id, ${sql.raw(postCols ?? "")}) select 'ov-post-' || g, ${sql.raw(postCols ?? "")}
        from posts, generate_series(1, ${PAST_LIMIT}) g where posts.id = (select post_id from ${src} s)`,
      sql`insert into placements (id, person_id, post_id, region_id, scheme_id, scheme_version, application_id,
        dispatching_unit_id, quota_group, state, placed_on, started_on, term_end, ended_on, outcome, body, version)
      select 'ov-' || g, 'ov-p-' || g, 'ov-post-' || g, s.region_id, s.scheme_id, s.scheme_version, null,
        s.dispatching_unit_id, s.quota_group, s.state, s.placed_on, s.started_on, s.term_end, s.ended_on, s.outcome,
        jsonb_set(jsonb_set(jsonb_set(s.body, '{id}', to_jsonb('ov-' || g)), '{personId}', to_jsonb('ov-p-' || g)),
          '{postId}', to_jsonb('ov-post-' || g)), 1
      from ${src} s, generate_series(1, ${PAST_LIMIT}) g`,
    ])
    const after = await h.caller(jc).reports.overdue({})
    expect(after.length).toBe(before + PAST_LIMIT * perPlacement)
    expect((await h.caller(jc).figures.overdue({})).total).toBe(after.length)
  }, 600_000)
})
