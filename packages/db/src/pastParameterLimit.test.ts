import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { DatabaseHandle } from "./database.js"
import { applicationQueries, conductQueries, dutyQueries } from "./index.js"
import { makeTestDatabase } from "./testing.js"

/**
 * Issue 19, past 65,535: PostgreSQL (and PGlite) take at most 65,535 bind parameters a statement, so a read that
 * binds one per id answered 500 for a what-if over a campaign of more applications, or an overdue list over more
 * placements. The reads that take a list of ids bind it as one array parameter (`anyOf`). The ids need not exist:
 * the limit bites while the statement is prepared, whatever the rows.
 */
const PAST_LIMIT = 70_000
const ids = Array.from({ length: PAST_LIMIT }, (_, i) => `missing-${i}`)

let h: DatabaseHandle
beforeAll(async () => {
  h = await makeTestDatabase()
}, 120_000)
afterAll(async () => {
  await h?.close()
})

describe(`reads by ${PAST_LIMIT.toLocaleString("en")} ids (issue 19)`, () => {
  it("the profiles a what-if screens (applicationQueries.profilesOf, with their recorded conduct)", async () => {
    const out = await Effect.runPromise(applicationQueries.profilesOf(h.db, ids))
    expect(out.size).toBe(0)
  })

  it("the reports filed for placements (dutyQueries.submissionsOf)", async () => {
    expect(await Effect.runPromise(dutyQueries.submissionsOf(h.db, ids))).toEqual([])
  })

  it("the conduct recorded against people (conductQueries.ofPeople)", async () => {
    expect((await Effect.runPromise(conductQueries.ofPeople(h.db, ids))).size).toBe(0)
  })
})
