import { type CommandContext, type DatabaseHandle, loadDemoBase, makeTestDatabase } from "@cadre/db"
import { type Access, type Regions, Scheme } from "@cadre/domain"
import { Cause, Effect, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { AuditService } from "../audit/index.js"
import { servicesOverDb } from "../layers.js"
import { PersonService } from "../people/index.js"
import { PostService, RegionService, UnitService } from "../regions/index.js"
import { SchemeService } from "../schemes/index.js"

let h: DatabaseHandle
let repos: Awaited<ReturnType<typeof make>>
const make = (d: DatabaseHandle) =>
  Effect.runPromise(
    Effect.all({
      regions: RegionService,
      units: UnitService,
      posts: PostService,
      people: PersonService,
      schemes: SchemeService,
      audit: AuditService,
    }).pipe(Effect.provide(servicesOverDb(d.db))),
  )

beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
  repos = await make(h)
}, 60_000)
afterAll(async () => {
  await h.close()
})

const YANGPU = "/310000/310110/"
const DINGHAI = "/310000/310110/310110001/"

const actor = (role: Access.Role, scopePath: string, accountId = `acct-${role}`): Access.Actor => ({
  accountId,
  role,
  scope:
    role === "applicant"
      ? { _tag: "SelfScope", personId: null }
      : { _tag: "RegionScope", regionId: (scopePath.split("/").at(-2) ?? "x") as Regions.RegionId },
  scopePath,
  displayName: role,
})
const ctx = (a: Access.Actor): CommandContext => ({ actor: a, requestId: "req-test" })

const run = <A, E>(e: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(e)
/** The typed failure of an Effect (fails the test when it succeeds or dies). */
const failure = async <A, E>(e: Effect.Effect<A, E>): Promise<E> => {
  const exit = await Effect.runPromiseExit(e)
  if (Exit.isSuccess(exit)) throw new Error("expected a failure, got success")
  const f = Cause.failureOption(exit.cause)
  if (Option.isNone(f)) throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return f.value
}

describe("SchemeRepo", () => {
  const org = actor("org_dept_admin", YANGPU)

  it("visibility follows Access.seesScheme: applicants see published ones, a street the district's", async () => {
    const draft = await run(
      repos.schemes.createDraftFromPreset(ctx(org), {
        presetKey: "yangpu-community-secretary",
        effectiveFrom: "2024-01-01",
      }),
    )
    expect(draft.scheme.version).toBe(2)
    expect(draft.status).toBe("draft")
    const street = await run(repos.schemes.list(actor("street_admin", DINGHAI)))
    expect(street.map((s) => `${s.schemeId}@${s.version}`)).toEqual(["yangpu-community-secretary@1"])
    const applicantView = await run(repos.schemes.list(actor("applicant", "")))
    expect(applicantView.every((s) => s.status === "published")).toBe(true)
    // Every preset is published in the base data (loadDemoBase), and nothing else is.
    expect(applicantView.length).toBe(Scheme.PRESETS.length)
    const orgView = await run(repos.schemes.list(org, { schemeId: "yangpu-community-secretary" }))
    expect(orgView.map((s) => s.version)).toEqual([2, 1])
    const otherDistrict = await run(repos.schemes.list(actor("org_dept_admin", "/510000/510300/510304/")))
    expect(otherDistrict.map((s) => s.schemeId)).toEqual(["daan-first-secretary"])
  })

  it("update draft, publish after checkSuccessor, then the row is immutable; in force by date; diff", async () => {
    const c = ctx(org)
    const [d] = await run(
      repos.schemes.list(org, { schemeId: "yangpu-community-secretary", status: "draft" }),
    )
    if (d === undefined) throw new Error("draft missing")
    const draft = await run(repos.schemes.get(org, d.schemeId, d.version))
    const { Schema } = await import("effect")
    const { Scheme } = await import("@cadre/domain")
    const body = Schema.encodeSync(Scheme.Scheme)(draft.scheme)
    const renamed = { ...body, name: { zh: "杨浦区选派干部（修订）", en: "Yangpu (revised)" } }
    const updated = await run(
      repos.schemes.updateDraft(c, {
        schemeId: d.schemeId,
        version: d.version,
        expectedRowVersion: 1,
        scheme: renamed,
      }),
    )
    expect(updated.rowVersion).toBe(2)
    expect(
      (
        await failure(
          repos.schemes.updateDraft(c, {
            schemeId: d.schemeId,
            version: d.version,
            expectedRowVersion: 1,
            scheme: renamed,
          }),
        )
      )._tag,
    ).toBe("StaleVersion")
    // Not later than v1 (2020-12-09): refused by Scheme.checkSuccessor.
    const early = await failure(
      repos.schemes.publish(c, {
        schemeId: d.schemeId,
        version: d.version,
        expectedRowVersion: 2,
        effectiveFrom: "2020-01-01",
      }),
    )
    expect(early._tag).toBe("Conflict")
    if (early._tag === "Conflict") expect(early.reason).toBe("effective_date_not_later")
    expect(
      (
        await failure(
          repos.schemes.publish(ctx(actor("street_admin", DINGHAI)), {
            schemeId: d.schemeId,
            version: 2,
            expectedRowVersion: 2,
          }),
        )
      )._tag,
    ).toBe("Forbidden")
    const published = await run(
      repos.schemes.publish(c, {
        schemeId: d.schemeId,
        version: d.version,
        expectedRowVersion: 2,
        effectiveFrom: "2024-03-01",
      }),
    )
    expect(published.status).toBe("published")
    expect(published.scheme.effectiveFrom).toBe("2024-03-01")
    const again = await failure(
      repos.schemes.updateDraft(c, {
        schemeId: d.schemeId,
        version: d.version,
        expectedRowVersion: 3,
        scheme: renamed,
      }),
    )
    expect(again._tag).toBe("Conflict")
    expect((await run(repos.schemes.inForceOn(org, d.schemeId, "2024-02-29"))).scheme.version).toBe(1)
    expect((await run(repos.schemes.inForceOn(org, d.schemeId, "2024-03-01"))).scheme.version).toBe(2)
    expect((await failure(repos.schemes.inForceOn(org, d.schemeId, "2019-01-01")))._tag).toBe("NotFound")
    const diff = await run(repos.schemes.diff(org, d.schemeId, 1, 2))
    expect(diff.changes.length).toBeGreaterThan(0)
  })

  it("a street admin may not create drafts; a version not higher than the stored ones is a Conflict", async () => {
    const street = ctx(actor("street_admin", DINGHAI))
    expect(
      (
        await failure(
          repos.schemes.createDraftFromPreset(street, { presetKey: "yangpu-community-secretary" }),
        )
      )._tag,
    ).toBe("Forbidden")
    const e = await failure(
      repos.schemes.createDraftFromPreset(ctx(org), { presetKey: "yangpu-community-secretary", version: 1 }),
    )
    expect(e._tag).toBe("Conflict")
  })
})
