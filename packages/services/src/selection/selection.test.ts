import { auditLog, type DatabaseHandle, loadDemoBase, makeTestDatabase } from "@cadre/db"
import type { Access } from "@cadre/domain"
import { eq } from "drizzle-orm"
import { Cause, Effect, Exit, ManagedRuntime, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { servicesOverDb } from "../layers.js"
import { CampaignService } from "./index.js"

/**
 * The campaign commands as Effects: a typed failure inside the transaction body comes out typed and rolls back
 * (nothing written, no audit row); a success writes the row and its audit row together.
 */

let h: DatabaseHandle
let runtime: ManagedRuntime.ManagedRuntime<CampaignService, never>

beforeAll(async () => {
  h = await makeTestDatabase()
  await loadDemoBase(h.db)
  runtime = ManagedRuntime.make(servicesOverDb(h.db))
}, 60_000)
afterAll(async () => {
  await runtime.dispose()
  await h.close()
})

const daan: { actor: Access.Actor } = {
  actor: {
    accountId: "test:daan",
    role: "org_dept_admin",
    scope: { _tag: "RegionScope", regionId: "510304" as never },
    scopePath: "/510000/510300/510304/",
    displayName: "大安区委组织部（测试）",
  },
}

const failureTag = (exit: Exit.Exit<unknown, unknown>): string | undefined =>
  Exit.isFailure(exit)
    ? Option.match(Cause.failureOption(exit.cause), {
        onNone: () => "defect",
        onSome: (e) => (e as { _tag?: string })._tag,
      })
    : undefined

const auditRows = async (entityId: string) =>
  (await h.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).map((r) => r.action)

describe("CampaignService", () => {
  it("creates, refuses an illegal or stale status change typed and unwritten, then opens", async () => {
    const campaigns = (f: (s: CampaignService) => Effect.Effect<unknown, unknown>) =>
      runtime.runPromiseExit(Effect.flatMap(CampaignService, f))
    const created = await runtime.runPromise(
      Effect.flatMap(CampaignService, (s) =>
        s.create(daan, {
          id: "svc-test-daan",
          regionId: "510304",
          name: "测试批次",
          schemeId: "daan-first-secretary",
          schemeVersion: 1,
          channels: ["organisation_recommendation"],
          places: 1,
          startYear: 2026,
          referenceDate: "2026-03-01",
          decidingBody: "org_dept_meeting",
        }),
      ),
    )
    expect(created).toMatchObject({ status: "draft", version: 1, counts: {} })
    expect(await auditRows("svc-test-daan")).toEqual(["campaign.create"])

    const illegal = await campaigns((s) =>
      s.setStatus(daan, { id: created.id, expectedVersion: 1, status: "closed" }),
    )
    expect(failureTag(illegal)).toBe("Conflict")
    const stale = await campaigns((s) =>
      s.setStatus(daan, { id: created.id, expectedVersion: 7, status: "open" }),
    )
    expect(failureTag(stale)).toBe("StaleVersion")
    expect(await auditRows("svc-test-daan")).toEqual(["campaign.create"])

    const opened = await runtime.runPromise(
      Effect.flatMap(CampaignService, (s) =>
        s.setStatus(daan, { id: created.id, expectedVersion: 1, status: "open" }),
      ),
    )
    expect(opened).toMatchObject({ status: "open", version: 2 })
    expect(await auditRows("svc-test-daan")).toEqual(["campaign.create", "campaign.open"])
  })

  it("reads a campaign outside the caller's sight as not found", async () => {
    const other: { actor: Access.Actor } = {
      actor: {
        ...daan.actor,
        scope: { _tag: "RegionScope", regionId: "310110" as never },
        scopePath: "/310000/310110/",
      },
    }
    const exit = await runtime.runPromiseExit(
      Effect.flatMap(CampaignService, (s) => s.get(other.actor, "svc-test-daan")),
    )
    expect(failureTag(exit)).toBe("NotFound")
  })
})
