import { auditLog } from "@cadre/db"
import { and, eq } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, guizhouNomineeInspected, type Harness, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 13, "facts carry their source": an application was decided while its verdict was still `needs_review`.
 * On the demo data, 杨浦's campaign (000) has candidates whose screening left the attested rules (000 一（一）3–4:
 * 党性强 …) for a reviewer; one is taken to the interview. A decision is now refused (FindingsUnresolved, 409, naming the rules
 * and clauses) until a reviewer confirms or refuses each with reason and date (`ResolveFinding` through
 * `applications.act`, audited); a refused finding makes the application ineligible.
 */

let h: Harness
let org: Record<string, string>
let reviewer: Record<string, string>
let unit: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  h.setToday("2026-12-01")
  org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
  reviewer = await h.actorHeaders({ role: "reviewer", regionId: "310110" })
  unit = await h.actorHeaders({ role: "dispatching_unit_admin", regionId: "310110", unitId: "u-yp-mz" })
}, 120_000)
afterAll(async () => h?.close())

const decide = (id: string, version: number) =>
  h.caller(org).applications.act({
    applicationId: id,
    expectedVersion: version,
    move: {
      _tag: "Decide",
      outcome: "approved",
      meeting: { body: "org_dept_meeting", reference: "部务会〔2026〕12次" },
      date: "2026-12-01",
    },
  })

/**
 * A screened Yangpu candidate of the demo whose findings still await review, taken to the interview and scored (so
 * the decision is the next step), once; then as it stands.
 */
let chosen: string | undefined
const interviewed = async () => {
  if (chosen === undefined) {
    const page = await h.caller(org).applications.list({ campaignId: "demo-yangpu-2026", state: "screened" })
    const row = page.items.find(
      (a) =>
        a.application.verdict?.outcome === "needs_review" &&
        a.application.verdict.findings.some((f) => f.status === "needs_review"),
    )
    if (row === undefined) throw new Error("the demo has no screened Yangpu candidate awaiting review")
    const at = await h.caller(org).applications.act({
      applicationId: row.id,
      expectedVersion: row.version,
      move: { _tag: "Advance", from: "screened", to: "interview" },
    })
    await h.caller(reviewer).applications.act({
      applicationId: row.id,
      expectedVersion: at.version,
      move: { _tag: "Record", record: { _tag: "Interview", scores: [{ rater: "考官一", score: 88 }] } },
    })
    chosen = row.id
  }
  const app = await h.caller(org).applications.get({ id: chosen })
  const open = (app.application.verdict?.findings ?? []).filter((f) => f.status === "needs_review")
  return { app, open }
}

describe("000 杨浦: needs_review findings are resolved by a reviewer before the 部务会 decides", () => {
  it("a Decide while findings still need review is refused, naming the rules and clauses; nothing changes", async () => {
    const { app, open } = await interviewed()
    expect(open.length).toBeGreaterThan(0)
    const e = await failure(decide(app.id, app.version))
    expect(e.code).toBe("CONFLICT")
    expect(tagOf(e)).toBe("FindingsUnresolved")
    for (const f of open) expect(textOf(e).zh).toContain(`${f.citation.document} ${f.citation.clause}`)
    expect(textOf(e).en).toContain("reviewer must confirm or refuse")
    const after = await h.caller(org).applications.get({ id: app.id })
    expect(after.version).toBe(app.version)
    expect(after.state).toBe("interview")
  })

  it("a unit may not resolve a finding; a reviewer confirms each (audited), then the decision goes through", async () => {
    const { app, open } = await interviewed()
    const [first] = open
    if (first === undefined) throw new Error("no open finding")
    const byUnit = await failure(
      h.caller(unit).applications.act({
        applicationId: app.id,
        expectedVersion: app.version,
        move: {
          _tag: "ResolveFinding",
          ruleId: first.ruleId,
          outcome: "confirmed",
          reason: "本单位认可",
          date: "2026-12-01",
        },
      }),
    )
    expect(byUnit.code).toBe("FORBIDDEN")
    let cur = app
    for (const f of open)
      cur = await h.caller(reviewer).applications.act({
        applicationId: app.id,
        expectedVersion: cur.version,
        move: {
          _tag: "ResolveFinding",
          ruleId: f.ruleId,
          outcome: "confirmed",
          reason: "经单位党委鉴定、谈话考察核实",
          date: "2026-12-01",
        },
      })
    const resolved = cur.application.verdict?.findings.filter((f) => open.some((o) => o.ruleId === f.ruleId))
    expect(resolved?.every((f) => f.status === "pass" && f.review?.outcome === "confirmed")).toBe(true)
    expect(cur.application.verdict?.outcome).toBe("eligible")
    const audited = await h.handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, app.id), eq(auditLog.entity, "application")))
    expect(audited.filter((r) => r.action.includes("ResolveFinding")).length).toBe(open.length)
    const decided = await decide(app.id, cur.version)
    expect(decided.state).toBe("decided")
  })
})

describe("001 贵州: the 党工委 decides on the nominee as they stand that day, not as they were screened", () => {
  it("a sanction the street records after the screening stops an approval (001 三 不宜（2）); a rejection still goes", async () => {
    const street = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
    const { found, cur, act } = await guizhouNomineeInspected(h, street)
    expect(found.application.verdict?.outcome).not.toBe("ineligible")
    // After the inspection, before the decision, a sanction of the spring is entered on the nominee's record.
    await h.caller(street).profiles.recordConduct({
      personId: found.application.personId,
      record: {
        kind: "party_sanction",
        date: "2026-03-10",
        description: "违反廉洁纪律，党内警告处分",
        document: "街纪工委〔2026〕7号",
      },
    })
    h.setToday("2026-12-09")
    const meeting = { body: "street" as const, reference: "街道党工委会议" }
    const e = await failure(act({ _tag: "Decide", outcome: "approved", meeting, date: "2026-12-09" }))
    expect(e.code).toBe("CONFLICT")
    expect(tagOf(e)).toBe("IllegalMove")
    expect(textOf(e).zh).toContain("不符合")
    const still = await h.caller(street).applications.get({ id: cur.id })
    expect([still.version, still.state]).toEqual([cur.version, "inspection"])
    const rejected = await act({ _tag: "Decide", outcome: "not_approved", meeting, date: "2026-12-09" })
    expect(rejected.state).toBe("rejected")
    const f = rejected.application.verdict?.findings.find((x) => x.ruleId === "disciplinary_sanction")
    expect([f?.status, f?.source]).toEqual(["fail", "staff"])
  }, 120_000)
})
