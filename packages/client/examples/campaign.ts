/**
 * A selection campaign through the typed client (issue 4), against the demo data:
 *   1. the Yangpu org dept lists its campaigns and reads one: its path, its timetable, its applications;
 *   2. the dispatching unit 杨浦区民政局 recommends a cadre, with the committee meeting that approved it;
 *   3. the org dept moves a screened application on to the interview and records three raters' scores;
 *   4. it exports the roster (花名册) as an .xlsx file.
 *
 *   CADRE_URL=http://127.0.0.1:3000/trpc pnpm --filter @cadre/client example:campaign
 *
 * The server must hold the demo data (LOAD_DEMO_DATA=true); DEMO_PASSWORD as on the server.
 */
import { writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { errorDetails } from "../src/index.js"
import { signIn } from "./session.js"

const url = process.env.CADRE_URL ?? "http://127.0.0.1:3000/trpc"
const lang = process.env.CADRE_LANG === "en" ? "en" : "zh"
const CAMPAIGN = "demo-yangpu-2026"

const main = async (): Promise<void> => {
  const org = await signIn(url, "yangpu.org@demo.example.org", lang)
  const unit = await signIn(url, "yangpu.minzheng@demo.example.org", lang)

  // 1. The campaign, its path and timetable.
  // A page, newest first (at most 200, default 50); go on with `cursor: page.nextCursor` while it is not null.
  const page = await org.campaigns.list.query({ status: "open" })
  console.log(`${page.total} open campaign(s): ${page.items.map((c) => c.name).join("; ")}`)
  const c = await org.campaigns.get.query({ id: CAMPAIGN })
  console.log(`${c.name}: ${c.schemeId} v${c.schemeVersion}, ${c.places} place(s)`)
  console.log(`path: ${c.path.steps.map((s) => s.label[lang]).join(" → ")}`)
  const schedule = await org.campaigns.schedule.query({ id: CAMPAIGN })
  for (const e of schedule.entries)
    console.log(`  ${e.label[lang]}: ${e.date ?? "—"}${e.overdue ? " (overdue)" : ""} [${e.clause}]`)

  // 2. A unit recommendation, screened at once against the campaign's version.
  const before = (await org.applications.list.query({ campaignId: CAMPAIGN })).items
  const taken = new Set(before.map((a) => a.personId))
  const { items: people } = await unit.profiles.list.query({ limit: 100 })
  const candidate = people.find((p) => !taken.has(p.id))
  if (candidate !== undefined) {
    const rec = await unit.applications.recommend.mutate({
      campaignId: CAMPAIGN,
      personId: candidate.id,
      channel: "unit_recommendation",
      recommendation: { body: "杨浦区民政局党委", meeting: "党委会议", meetingDate: "2026-11-20" },
    })
    console.log(
      `\nrecommended ${rec.person.name} (${rec.person.idNumberMasked}): ${rec.application.verdict?.outcome}`,
    )
    for (const r of rec.reasons)
      console.log(`  - ${r.text[lang]}${r.clause === null ? "" : ` (${r.clause})`}`)
  }

  // 3. Move a screened application on to the interview and record the raters' scores.
  const screened = (
    await org.applications.list.query({ campaignId: CAMPAIGN, state: "screened" })
  ).items.find((a) => a.application.verdict?.outcome !== "ineligible")
  if (screened !== undefined) {
    const moved = await org.applications.act.mutate({
      applicationId: screened.id,
      expectedVersion: screened.version,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    })
    const scored = await org.applications.act.mutate({
      applicationId: moved.id,
      expectedVersion: moved.version,
      move: {
        _tag: "Record",
        record: {
          _tag: "Interview",
          scores: [
            { rater: "考官一", score: 85 },
            { rater: "考官二", score: 88 },
            { rater: "考官三", score: 90 },
          ],
        },
      },
    })
    console.log(`\n${scored.person.name}: ${scored.stateLabel[lang]}`)
  }
  const ranking = await org.campaigns.ranking.query({ id: CAMPAIGN, method: { _tag: "Mean" } })
  for (const r of ranking.ranking) console.log(`  #${r.rank} ${r.person?.name ?? r.applicationId} ${r.score}`)

  // 4. The roster as an Excel file.
  const roster = await org.exports.roster.mutate({ campaignId: CAMPAIGN })
  const path = join(tmpdir(), roster.filename)
  await writeFile(path, Buffer.from(roster.base64, "base64"))
  console.log(`\nroster: ${roster.rows} row(s), ${roster.size} bytes → ${path}`)
}

main().catch((error: unknown) => {
  const details = errorDetails(error)
  console.error(
    details === undefined ? error : `${details.tag}: ${details.message[lang]} (request ${details.requestId})`,
  )
  process.exit(1)
})
