import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { failure, type Harness, makeHarness, tagOf } from "./test-support.js"

/**
 * Issue 16: the admin picks who takes a review task by name. `tasks.assignees` lists the accounts that may review
 * within the caller's scope (never another district's), searchable and paged; `tasks.openCount` says how many open
 * tasks a handover would move. Through the real router on the demo data.
 */

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
}, 120_000)
afterAll(async () => h?.close())

const idOf = async (hd: Record<string, string>) => (await h.caller(hd).auth.me()).accountId

describe("tasks.assignees: who may be handed a review task", () => {
  it("lists reviewers of the caller's scope by name, never another district's, and only for those who review", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110", name: "杨浦组织部测试" })
    const rev = await h.actorHeaders({ role: "reviewer", regionId: "310110", name: "审核甲测试" })
    const street = await h.actorHeaders({ role: "street_admin", regionId: "310110001", name: "定海街道测试" })
    const far = await h.actorHeaders({ role: "reviewer", regionId: "510304", name: "大安审核测试" })
    const unit = await h.actorHeaders({
      role: "dispatching_unit_admin",
      unitId: "u-yp-mz",
      name: "民政局测试",
    })
    const [revId, streetId, farId, unitId] = [
      await idOf(rev),
      await idOf(street),
      await idOf(far),
      await idOf(unit),
    ]

    // The org dept sees the district's reviewers and street admins, with role label and scope by name.
    const all = await h.caller(org).tasks.assignees({ limit: 200 })
    const ids = all.items.map((a) => a.accountId)
    expect(ids).toContain(revId)
    expect(ids).toContain(streetId)
    expect(ids).not.toContain(farId)
    expect(ids).not.toContain(unitId) // a dispatching unit does not review
    const r = all.items.find((a) => a.accountId === revId)
    expect(r).toMatchObject({ name: "审核甲测试", role: "reviewer", roleLabel: { zh: "审核人员" } })
    expect(r?.scopeName).toBe("杨浦区")
    expect(all.total).toBe(all.items.length)
    // Sorted by name.
    const names = all.items.map((a) => a.name)
    expect([...names].sort()).toEqual(names)

    // Searchable by name; `exclude` leaves the holder out.
    const found = await h.caller(org).tasks.assignees({ name: "审核甲" })
    expect(found.items.map((a) => a.accountId)).toEqual([revId])
    expect((await h.caller(org).tasks.assignees({ name: "审核甲", exclude: revId })).items).toEqual([])
    // Another district's reviewer is never found, even by name.
    expect((await h.caller(org).tasks.assignees({ name: "大安审核" })).items).toEqual([])
    // ... and from there, Yangpu's never appear.
    const fromFar = await h.caller(far).tasks.assignees({ limit: 200 })
    expect(fromFar.items.map((a) => a.accountId)).toContain(farId)
    expect(fromFar.items.map((a) => a.accountId)).not.toContain(revId)
    expect(fromFar.items.every((a) => a.scopeName !== "杨浦区")).toBe(true)

    // A street sees only its street: not the district's reviewer.
    const fromStreet = await h.caller(street).tasks.assignees({ limit: 200 })
    expect(fromStreet.items.map((a) => a.accountId)).toContain(streetId)
    expect(fromStreet.items.map((a) => a.accountId)).not.toContain(revId)

    // Who may call it: reviewers and campaign runners; a unit or an applicant's account may not.
    expect((await h.caller(rev).tasks.assignees({})).items.length).toBeGreaterThan(0)
    expect((await failure(h.caller(unit).tasks.assignees({}))).code).toBe("FORBIDDEN")
    expect((await failure(h.caller().tasks.assignees({}))).code).toBe("UNAUTHORIZED")
  })

  it("pages with a bounded limit, and narrows to an application the caller sees", async () => {
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    for (let i = 0; i < 3; i++)
      await h.actorHeaders({ role: "reviewer", regionId: "310110", name: `翻页审核${i}` })
    const first = await h.caller(org).tasks.assignees({ name: "翻页审核", limit: 2 })
    expect(first.items.map((a) => a.name)).toEqual(["翻页审核0", "翻页审核1"])
    expect(first.total).toBe(3)
    if (first.nextCursor === null) throw new Error("expected a second page")
    const second = await h
      .caller(org)
      .tasks.assignees({ name: "翻页审核", limit: 2, cursor: first.nextCursor })
    expect(second.items.map((a) => a.name)).toEqual(["翻页审核2"])
    expect(second.nextCursor).toBeNull()
    expect((await failure(h.caller(org).tasks.assignees({ limit: 201 }))).code).toBe("BAD_REQUEST")

    // Narrowed to a Yangpu application: the district's reviewers cover it; from Da'an it is out of sight.
    const app = (await h.caller(org).applications.list({ campaignId: "demo-yangpu-2026" })).items[0]
    if (app === undefined) throw new Error("demo campaign has no application")
    const forApp = await h.caller(org).tasks.assignees({ name: "翻页审核", applicationId: app.id })
    expect(forApp.total).toBe(3)
    const far = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
    expect((await failure(h.caller(far).tasks.assignees({ applicationId: app.id }))).code).toBe("NOT_FOUND")
  })
})

describe("tasks.openCount: what a handover would move", () => {
  it("counts an account's open tasks in the caller's campaigns; campaign.write only", async () => {
    h.setToday("2026-11-26")
    const org = await h.actorHeaders({ role: "org_dept_admin", regionId: "310110" })
    const rev = await h.actorHeaders({ role: "reviewer", regionId: "310110" })
    const revId = await idOf(rev)
    expect(await h.caller(org).tasks.openCount({ accountId: revId })).toEqual({ open: 0 })
    const apps = (await h.caller(org).applications.list({ campaignId: "demo-yangpu-2026" })).items
    let assigned = 0
    for (const a of apps) {
      if (assigned === 2) break
      try {
        await h.caller(org).tasks.assign({ applicationId: a.id, assignee: revId })
        assigned += 1
      } catch {
        // a closed application or one with an open task already: not the point here
      }
    }
    expect(assigned).toBe(2)
    // A due date before today is refused at its field.
    const past = await failure(
      h.caller(org).tasks.assign({ applicationId: apps[0]?.id ?? "", assignee: revId, dueOn: "2026-11-25" }),
    )
    expect(past.code).toBe("BAD_REQUEST")
    expect((past.cause as unknown as { issues: Array<{ path: unknown }> }).issues[0]?.path).toEqual(["dueOn"])
    // 转办 to another district's reviewer: refused with the rule's code, which the admin places at its field.
    const farRev = await idOf(await h.actorHeaders({ role: "reviewer", regionId: "510304" }))
    const mine = (await h.caller(rev).tasks.mine({})).items[0]
    if (mine === undefined) throw new Error("the reviewer holds no task")
    const out = await failure(
      h
        .caller(rev)
        .tasks.transfer({ taskId: mine.id, expectedVersion: mine.version, to: farRev, reason: "回避" }),
    )
    expect(tagOf(out)).toBe("TaskRefused")
    expect((out.cause as unknown as { reason?: string }).reason).toBe("out_of_scope")
    expect(await h.caller(org).tasks.openCount({ accountId: revId })).toEqual({ open: 2 })
    // Another district's org dept runs none of these campaigns.
    const far = await h.actorHeaders({ role: "org_dept_admin", regionId: "510304" })
    expect(await h.caller(far).tasks.openCount({ accountId: revId })).toEqual({ open: 0 })
    expect((await failure(h.caller(rev).tasks.openCount({ accountId: revId }))).code).toBe("FORBIDDEN")
  })
})
