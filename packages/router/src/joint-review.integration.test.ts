import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness, tagOf, textOf } from "./test-support.js"

/**
 * Issue 13: "joint review passes with one opinion, even a disagree". 001 四（二）2 names the departments heard
 * (纪检、公安、综治、计生; the scheme's joint-review stage lists them): leaving joint review needs an opinion from
 * each, and a disagreement blocks until the deciding body (001 四（二）3: the street's meeting) overrides it with a
 * recorded reason. On the demo data: 某街道's reserve-pool campaign, a nominee in joint review without opinions.
 */

let h: Harness
let street: Record<string, string>
let reviewer: Record<string, string>

beforeAll(async () => {
  h = await makeHarness()
  h.setToday("2026-07-16")
  street = await h.actorHeaders({ role: "street_admin", regionId: "guizhou-street" })
  reviewer = await h.actorHeaders({ role: "reviewer", regionId: "guizhou-street" })
}, 120_000)
afterAll(async () => h?.close())

const opinion = (department: string, agree = true, note = "") => ({ department, agree, note })

describe("001 四（二）2: every listed department is heard; a 'no' blocks until the street overrides it", () => {
  it("one opinion, then a disagreement, then the deciding body's override", async () => {
    const page = await h
      .caller(street)
      .applications.list({ campaignId: "demo-guizhou-2026", state: "joint_review" })
    const row = page.items.find((a) => a.application.records.joint_review === undefined)
    if (row === undefined) throw new Error("the demo has no nominee in joint review without opinions")
    const act = (headers: Record<string, string>, expectedVersion: number, move: unknown) =>
      h.caller(headers).applications.act({ applicationId: row.id, expectedVersion, move: move as never })
    const advance = { _tag: "Advance", from: "joint_review", to: "inspection" }

    let cur = await act(street, row.version, {
      _tag: "Record",
      record: { _tag: "JointReview", opinions: [opinion("纪检", true, "无违纪记录")] },
    })
    const missing = await failure(act(street, cur.version, advance))
    expect(missing.code).toBe("CONFLICT")
    expect(tagOf(missing)).toBe("IllegalMove")
    expect(textOf(missing).zh).toContain("尚缺公安、综治、计生")
    expect(textOf(missing).zh).toContain("001 四（二）2")

    cur = await act(street, cur.version, {
      _tag: "Record",
      record: {
        _tag: "JointReview",
        opinions: [opinion("公安", false, "有未了结的信访件"), opinion("综治"), opinion("计生")],
      },
    })
    expect(cur.application.records.joint_review?.opinions.map((o) => o.department)).toEqual([
      "纪检",
      "公安",
      "综治",
      "计生",
    ])
    const against = await failure(act(street, cur.version, advance))
    expect(textOf(against).zh).toContain("公安不同意")

    const override = {
      _tag: "OverrideOpinion",
      department: "公安",
      reason: "经核实信访件已了结，不影响推荐",
      meeting: { body: "street", reference: "党工委（扩大）会议〔2026〕7次" },
      date: "2026-07-16",
    }
    // Not a reviewer's to make, nor recorded as another body's decision.
    expect((await failure(act(reviewer, cur.version, override))).code).toBe("FORBIDDEN")
    const wrongBody = await failure(
      act(street, cur.version, { ...override, meeting: { body: "standing_committee" } }),
    )
    expect(tagOf(wrongBody)).toBe("MoveNotYours")
    cur = await act(street, cur.version, override)
    expect(cur.application.records.joint_review?.overrides?.[0]).toMatchObject({
      department: "公安",
      reason: "经核实信访件已了结，不影响推荐",
    })
    const moved = await act(street, cur.version, advance)
    expect(moved.state).toBe("inspection")
  })
})
