// List pages against campaign size (issue 19, "pages not dumps"): one campaign grown to 1k, 10k, 100k applications
// (rows copied in SQL from one real recommendation), then `applications.list` through the real router — the first
// page, a page from the middle by its cursor, and the last — beside its peer measured in the same run: reading the
// whole campaign the way the list did before it paged (applicationQueries.listApplications, no LIMIT), up to 10k.
// Prints milliseconds (median of RUNS) and answer sizes. PGlite by default; PostgreSQL when TEST_DATABASE_URL is set.
// Beside it, profiles.list (issue 19: keyset on (created_at, id), lean rows) over the same people: first page, a page
// near the end, and a name search whose count stops at 10,000 (the people the campaign's applications copied).
// Then the next slice's lists (campaigns, units, accounts, tasks.mine) at the same sizes, first page and near the end.
// Run: pnpm bench (here, or at the root through turbo). BENCH_PAGES_SIZES=1000,10000 to choose the sizes.
import { applicationQueries } from "@cadre/db"
import { sql } from "drizzle-orm"
import { Effect } from "effect"
import { performance } from "node:perf_hooks"
import { insertPerson, makeHarness } from "../src/test-support.js"

const SIZES = (process.env.BENCH_PAGES_SIZES ?? "1000,10000,100000").split(",").map(Number)
const RUNS = Number(process.env.BENCH_PAGES_RUNS ?? 15)
const WHOLE_UP_TO = 10_000

const median = (xs: ReadonlyArray<number>) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const timed = async <T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now()
  const value = await f()
  return { ms: performance.now() - t0, value }
}
const medianOf = async <T>(f: () => Promise<T>) => {
  const runs: Array<number> = []
  let last: T | undefined
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(f)
    runs.push(r.ms)
    last = r.value
  }
  return { ms: median(runs), value: last as T }
}
const kb = (v: unknown) => (Buffer.byteLength(JSON.stringify(v)) / 1024).toFixed(0)

const h = await makeHarness()
const backend = process.env.TEST_DATABASE_URL === undefined ? "PGlite (in-process)" : "PostgreSQL"
console.log(`pages bench on ${backend}: applications.list (50 a page) at ${SIZES.join(", ")} applications`)

h.setToday("2026-03-21")
const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
const campaign = await h.caller(org).campaigns.create({
  regionId: "510304",
  name: "翻页基准批次",
  schemeId: "daan-first-secretary",
  schemeVersion: 1,
  channels: ["organisation_recommendation"],
  places: 3,
  startYear: 2026,
  referenceDate: "2026-03-01",
  decidingBody: "org_dept_meeting",
})
await h.caller(org).campaigns.openForApplications({ id: campaign.id, expectedVersion: campaign.version })
const template = await h.caller(org).applications.recommend({
  campaignId: campaign.id,
  personId: await insertPerson(h.handle, {
    id: "bench-pages-0",
    regionId: "510304",
    address: "510304",
    name: "基准候选",
    birthDate: "1990-05-01",
    sequence: 11,
    phone: "19900040000",
    joined: "2012-07-01",
  }),
  channel: "organisation_recommendation",
  recommendation: { body: "大安区委组织部", meeting: "部务会", meetingDate: "2026-03-20" },
})

let have = 1
/** Grow the campaign to `n` applications: people and applications copied from the template in two statements. */
const growTo = async (n: number) => {
  const from = have
  await h.handle.db.execute(sql`
    insert into people (id, region_id, id_number, phone, name, profile, created_at, updated_at)
    select 'bench-pages-' || i, p.region_id, 'BENCH' || lpad(i::text, 13, '0'), null, '基准候选' || i, p.profile, now(), now()
    from people p, generate_series(${from}::int, ${n - 1}::int) as i where p.id = 'bench-pages-0'`)
  await h.handle.db.execute(sql`
    insert into applications (id, campaign_id, person_id, region_id, state, channel, target_role, eligible, body,
                              version, created_at, updated_at)
    select 'bench-app-' || i, a.campaign_id, 'bench-pages-' || i, a.region_id, a.state, a.channel, a.target_role,
           a.eligible,
           jsonb_set(jsonb_set(a.body, '{id}', to_jsonb('bench-app-' || i)), '{personId}', to_jsonb('bench-pages-' || i)),
           1, a.created_at + i * interval '1 millisecond', now()
    from applications a, generate_series(${from}::int, ${n - 1}::int) as i where a.id = ${template.id}`)
  await h.handle.db.execute(sql`analyze applications`)
  have = n
}

/** The cursor the API would give for the row at `offset` of the campaign's order (created_at, id). */
const cursorAt = async (offset: number): Promise<string> => {
  const r = await h.handle.db.execute(sql`
    select created_at::text as at, id from applications where campaign_id = ${campaign.id}
    order by created_at, id offset ${offset} limit 1`)
  const row = (r as unknown as { rows: Array<{ at: string; id: string }> }).rows[0]
  return Buffer.from(JSON.stringify([row?.at, row?.id])).toString("base64url")
}

/** The cursor the API would give for the person at `offset` of the people list's order (created_at, id). */
const personCursorAt = async (offset: number): Promise<string> => {
  const r = await h.handle.db.execute(sql`
    select created_at::text as at, id from people order by created_at, id offset ${offset} limit 1`)
  const row = (r as unknown as { rows: Array<{ at: string; id: string }> }).rows[0]
  return Buffer.from(JSON.stringify([row?.at, row?.id])).toString("base64url")
}

const rows: Array<Array<string>> = []
const peopleRows: Array<Array<string>> = []
// BENCH_PAGES_SKIP_APPLICATIONS=1 times only the lists of the next slice (below).
const SKIP_APPLICATIONS = process.env.BENCH_PAGES_SKIP_APPLICATIONS === "1"
for (const n of SKIP_APPLICATIONS ? [] : SIZES) {
  await growTo(n)
  await h.handle.db.execute(sql`analyze people`)
  {
    const people = (i: { cursor?: string; name?: string }) => h.caller(org).profiles.list({ limit: 50, ...i })
    const first = await medianOf(() => people({}))
    const lastCursor = await personCursorAt(n - 10)
    const last = await medianOf(() => people({ cursor: lastCursor }))
    const byName = await medianOf(() => people({ name: "基准候选9" }))
    peopleRows.push([
      String(n),
      first.ms.toFixed(1),
      last.ms.toFixed(1),
      kb(first.value),
      byName.ms.toFixed(1),
      `${byName.value.total}${byName.value.totalExact ? "" : "+"}`,
    ])
    console.log(
      `  ${n} people: first page ${first.ms.toFixed(1)} ms, last ${last.ms.toFixed(1)} ms, name search ${byName.ms.toFixed(1)} ms`,
    )
  }
  const list = (cursor?: string) =>
    h.caller(org).applications.list({ campaignId: campaign.id, limit: 50, cursor })
  const first = await medianOf(() => list())
  // A cursor from the middle and one from near the end, as a reader paging on would hold them (looked up once).
  const middleCursor = await cursorAt(Math.floor(n / 2))
  const lastCursor = await cursorAt(n - 10)
  const middle = await medianOf(() => list(middleCursor))
  const last = await medianOf(() => list(lastCursor))
  // A write at this size: recommendations (the person is on file beforehand), each one locked campaign move.
  const people: Array<string> = []
  for (let i = 0; i < RUNS; i++)
    people.push(
      await insertPerson(h.handle, {
        id: `bench-pages-w${n}-${i}`,
        regionId: "510304",
        address: "510304",
        name: `写入候选${i}`,
        // A birth date per size keeps the ID numbers unique across sizes.
        birthDate: `1991-0${1 + (SIZES.indexOf(n) % 9)}-15`,
        sequence: (2 * i + 13) % 1000,
        phone: `199${SIZES.indexOf(n)}005${String(i).padStart(4, "0")}`,
        joined: "2012-07-01",
      }),
    )
  let w = 0
  const write = await medianOf(() =>
    h.caller(org).applications.recommend({
      campaignId: campaign.id,
      personId: people[w++] ?? "",
      channel: "organisation_recommendation",
      recommendation: { body: "大安区委组织部", meeting: "部务会", meetingDate: "2026-03-20" },
    }),
  )
  have += RUNS
  let whole = "—"
  let wholeSize = "—"
  if (n <= WHOLE_UP_TO) {
    const w = await medianOf(() =>
      Effect.runPromise(applicationQueries.listApplications(h.handle.db, campaign.id, sql`true`)),
    )
    whole = w.ms.toFixed(1)
    wholeSize = kb(w.value)
  }
  rows.push([
    String(n),
    first.ms.toFixed(1),
    middle.ms.toFixed(1),
    last.ms.toFixed(1),
    kb(first.value),
    write.ms.toFixed(1),
    whole,
    wholeSize,
    n <= WHOLE_UP_TO ? `${(Number(whole) / first.ms).toFixed(1)}×` : "—",
  ])
  console.log(
    `  ${n}: first page ${first.ms.toFixed(1)} ms, middle ${middle.ms.toFixed(1)} ms, last ${last.ms.toFixed(1)} ms`,
  )
}

console.log("")
console.log(
  "| applications | first page ms | middle page ms | last page ms | page kB | recommend ms | whole campaign ms (old list) | whole kB | whole ÷ page |",
)
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for (const r of rows) console.log(`| ${r.join(" | ")} |`)
console.log("")
console.log(
  "| people | profiles.list first page ms | page near the end ms | page kB | name search ms | its total |",
)
console.log("|---:|---:|---:|---:|---:|---:|")
for (const r of peopleRows) console.log(`| ${r.join(" | ")} |`)

// ---------------------------------------------------------------------------------------- the next slice's lists
// campaigns.list (newest first), units.list (by name), accounts.list (by e-mail) and tasks.mine (by due date, undated
// last) grown to the same sizes by copying one row of each in SQL; the first page and a page near the end (its
// cursor looked up once, as a reader paging on would hold it), 50 a page, median of RUNS.
const reviewer = await h.actorHeaders({ role: "reviewer", regionId: "510304" })
const reviewerId = (await h.caller(reviewer).auth.me()).accountId
const unitTemplate = await h.caller(org).units.create({
  name: "基准单位",
  regionId: "510304",
  roles: ["dispatching"],
  category: "public_institution",
})
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url")
const firstRow = async <R>(q: ReturnType<typeof sql>): Promise<R> =>
  (h.handle.db.execute(q) as unknown as Promise<{ rows: Array<R> }>).then((r) => r.rows[0] as R)
let grown = 0
/** Every list grown to `n` rows: copies of the template campaign, unit, reviewer account, and tasks of the reviewer. */
const growListsTo = async (n: number) => {
  const from = grown
  await h.handle.db.execute(sql`
    insert into campaigns select (jsonb_populate_record(null::campaigns, to_jsonb(c) || jsonb_build_object(
      'id', 'bench-c-' || i, 'name', '基准批次' || i,
      'created_at', c.created_at + (i + 1) * interval '1 millisecond'))).*
    from campaigns c, generate_series(${from}::int, ${n - 1}::int) as i where c.id = ${campaign.id}`)
  await h.handle.db.execute(sql`
    insert into units select (jsonb_populate_record(null::units, to_jsonb(u) || jsonb_build_object(
      'id', 'bench-u-' || i, 'name', '基准单位' || lpad(i::text, 7, '0')))).*
    from units u, generate_series(${from}::int, ${n - 1}::int) as i where u.id = ${unitTemplate.id}`)
  await h.handle.db.execute(sql`
    insert into "user" select (jsonb_populate_record(null::"user", to_jsonb(x) || jsonb_build_object(
      'id', 'bench-user-' || i, 'email', 'bench-' || lpad(i::text, 7, '0') || '@bench.example.org'))).*
    from "user" x, generate_series(${from}::int, ${n - 1}::int) as i where x.id = ${reviewerId}`)
  await h.handle.db.execute(sql`
    insert into account_roles select (jsonb_populate_record(null::account_roles, to_jsonb(r) || jsonb_build_object(
      'id', 'bench-role-' || i, 'user_id', 'bench-user-' || i))).*
    from account_roles r, generate_series(${from}::int, ${n - 1}::int) as i where r.user_id = ${reviewerId}`)
  await h.handle.db.execute(sql`
    insert into review_tasks (id, application_id, step, assignee, status, due_on, body)
    select 'bench-t-' || i, ${template.id}, 'screened', ${reviewerId}, 'open', d,
           jsonb_build_object('id', 'bench-t-' || i, 'applicationId', ${template.id}::text, 'step', 'screened',
             'assignee', ${reviewerId}::text, 'dueOn', d::text, 'remindedOn', '[]'::jsonb, 'history', '[]'::jsonb)
    from generate_series(${from}::int, ${n - 1}::int) as i, lateral (select date '2026-01-01' + (i % 700) as d) as due`)
  for (const t of ["campaigns", "units", "user", "account_roles", "review_tasks"])
    await h.handle.db.execute(sql.raw(`analyze "${t}"`))
  grown = n
}
const listRows: Array<Array<string>> = []
for (const n of SIZES) {
  await growListsTo(n)
  const near = n - 10
  const c = await firstRow<{ at: string; id: string }>(sql`
    select created_at::text as at, id from campaigns order by created_at desc, id desc offset ${near} limit 1`)
  const u = await firstRow<{ at: string; id: string }>(sql`
    select name as at, id from units order by name, id offset ${near} limit 1`)
  const a = await firstRow<{ at: string; id: string }>(sql`
    select u.email as at, r.id from account_roles r join "user" u on u.id = r.user_id
    order by u.email, r.id offset ${near} limit 1`)
  const t = await firstRow<{ at: string; id: string }>(sql`
    select coalesce(due_on, 'infinity'::date)::text as at, id from review_tasks
    where assignee = ${reviewerId} and status = 'open'
    order by coalesce(due_on, 'infinity'::date), id offset ${near} limit 1`)
  const lists: ReadonlyArray<
    readonly [string, (cursor?: string) => Promise<{ readonly items: ReadonlyArray<unknown> }>, string]
  > = [
    [
      "campaigns.list",
      (cursor?: string) => h.caller(org).campaigns.list({ limit: 50, cursor }),
      b64([c.at, c.id]),
    ],
    [
      "units.list",
      (cursor?: string) => h.caller(org).units.list({ limit: 50, cursor }),
      b64(["n", u.at, u.id]),
    ],
    [
      "accounts.list",
      (cursor?: string) => h.caller(org).accounts.list({ limit: 50, cursor }),
      b64(["n", a.at, a.id]),
    ],
    [
      "tasks.mine",
      (cursor?: string) => h.caller(reviewer).tasks.mine({ limit: 50, cursor }),
      b64(["d", t.at, t.id]),
    ],
  ]
  const cells: Array<string> = [String(n)]
  for (const [name, list, cursor] of lists) {
    const first = await medianOf(() => list())
    const last = await medianOf(() => list(cursor))
    if (first.value.items.length !== 50 || last.value.items.length === 0)
      throw new Error(`${name} at ${n}: ${first.value.items.length} / ${last.value.items.length} rows`)
    cells.push(first.ms.toFixed(1), last.ms.toFixed(1))
    console.log(`  ${n} ${name}: first page ${first.ms.toFixed(1)} ms, near the end ${last.ms.toFixed(1)} ms`)
  }
  listRows.push(cells)
}
console.log("")
console.log(
  "| rows | campaigns.list first / last ms | | units.list first / last ms | | accounts.list first / last ms | | tasks.mine first / last ms | |",
)
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for (const r of listRows) console.log(`| ${r.join(" | ")} |`)
await h.close()
