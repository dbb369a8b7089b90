import { Eligibility, LocalDate, Person, Selection } from "@cadre/domain"
import {
  ApplicationService,
  CampaignService,
  EXPORT_JOB_THRESHOLD,
  type ExportService,
} from "@cadre/services"
import { Effect } from "effect"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, makeHarness } from "./test-support.js"

/**
 * The batched roster (one query per 1,000 rows, fields by jsonb path) against the roster as it was built before
 * issue 19 §4: each application's whole profile decoded (ApplicationService.profileOf, two queries a row) and
 * labelled by the code below — kept here as the reference. Same rows, same cells.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 180_000)
afterAll(async () => h?.close())

const SEX: Readonly<Record<string, string>> = { male: "男", female: "女" }
const CHANNEL: Readonly<Record<string, string>> = {
  self_registration: "个人报名",
  unit_recommendation: "单位推荐",
  organisation_recommendation: "组织推荐",
}
const OUTCOME: Readonly<Record<Eligibility.Outcome, string>> = {
  eligible: "符合条件",
  ineligible: "不符合条件",
  needs_review: "待人工审核",
}
const dotted = (d: string | undefined) => (d === undefined ? null : `${d.slice(0, 4)}.${d.slice(5, 7)}`)

/** The old roster's cells of one application (as the sheet writes them: "" is an empty cell). */
const referenceRow = (
  a: { application: Selection.Application; person: { phoneMasked: string | null } },
  profile: Person.Profile,
  ref: string,
  postTitle: string | undefined,
): Array<unknown> => {
  const party =
    profile.party._tag === "NotMember"
      ? { status: "群众", joined: undefined }
      : {
          status: profile.party._tag === "Probationary" ? "中共预备党员" : "中共党员",
          joined: profile.party.joined,
        }
  const e = [...profile.education].sort(
    (x, y) => Person.educationRank(y.level) - Person.educationRank(x.level),
  )[0]
  const cells = [
    profile.name,
    SEX[profile.sex] ?? "",
    dotted(profile.birthDate),
    LocalDate.fullYearsBetween(profile.birthDate, ref as LocalDate.LocalDate),
    profile.ethnicity ?? "",
    party.status,
    dotted(party.joined),
    e === undefined ? "" : `${Eligibility.EDUCATION_LABELS[e.level].zh}${e.fullTime ? "" : "（在职）"}`,
    `${profile.currentUnit ?? ""}${profile.currentPosition ?? ""}`,
    profile.rank === undefined ? "" : Eligibility.RANK_LABELS[profile.rank.level].zh,
    CHANNEL[a.application.channel ?? ""] ?? "",
    a.application.recommendation?.body ?? "",
    a.application.verdict === undefined ? "" : OUTCOME[a.application.verdict.outcome],
    Selection.STATE_LABELS[a.application.state].zh,
    a.application.postId === undefined ? "" : (postTitle ?? a.application.postId),
    a.person.phoneMasked ?? "",
  ]
  return cells.map((c) => (c === "" ? null : c))
}

describe("the batched roster is the per-row roster it replaced", () => {
  it("the Da'an demo campaign, as its org dept sees it: the same rows in the same order, cell for cell", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
    const actor = await h.deps.auth.resolveActor(new Headers(org))
    if (actor === null) throw new Error("no actor")
    const run = <A, E>(e: Effect.Effect<A, E, ApplicationService | CampaignService | ExportService>) =>
      h.deps.runtime.runPromise(e)
    const campaignId = "demo-daan-2026"
    const expected = await run(
      Effect.gen(function* () {
        const campaigns = yield* CampaignService
        const applications = yield* ApplicationService
        const { campaign } = yield* campaigns.schemeOf(actor, campaignId)
        const apps = yield* applications.allApplications(actor, campaignId)
        const info = yield* campaigns.postsInfo(
          apps.flatMap((a) => (a.application.postId ? [a.application.postId] : [])),
        )
        const rows: Array<Array<unknown>> = []
        for (const a of apps) {
          const { profile } = yield* applications.profileOf(actor, a.application.id)
          const post = a.application.postId === undefined ? undefined : info.get(a.application.postId)?.title
          rows.push(referenceRow(a, profile, campaign.referenceDate, post))
        }
        return rows
      }),
    )
    expect(expected.length).toBeGreaterThan(2)
    const roster = await h.caller(org).exports.roster({ campaignId })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(roster.base64, "base64") as never)
    const ws = wb.worksheets[0]
    if (ws === undefined) throw new Error("no sheet")
    const got: Array<Array<unknown>> = []
    for (let r = 4; r <= ws.rowCount; r++)
      got.push(Array.from({ length: 16 }, (_, j) => ws.getRow(r).getCell(j + 2).value))
    expect(got).toEqual(expected)
    expect(roster.rows).toBeLessThanOrEqual(EXPORT_JOB_THRESHOLD)
  })
})
