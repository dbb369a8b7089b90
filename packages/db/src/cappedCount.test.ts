import { sql } from "drizzle-orm"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { DatabaseHandle } from "./database.js"
import { cappedCount, COUNT_CAP } from "./index.js"
import { makeTestDatabase } from "./testing.js"

/**
 * Issue 19: `cappedCount` counts at most `cap + 1` rows of a filtered query and says whether the count is exact,
 * so a list's total costs the same at a million rows as at ten thousand.
 */

let h: DatabaseHandle
beforeAll(async () => {
  h = await makeTestDatabase()
}, 120_000)
afterAll(async () => {
  await h?.close()
})

/** The numbers 1..n as a query (no table needed), filtered by `where`. */
const numbers = (n: number, where = sql`true`) =>
  h.db
    .select({ one: sql`1`.as("one") })
    .from(sql`generate_series(1, ${n}::int) as g(x)`)
    .where(where)

describe("cappedCount (issue 19)", () => {
  it("counts exactly up to the cap", async () => {
    expect(await Effect.runPromise(cappedCount(h.db, numbers(0), "t", 5))).toEqual({ total: 0, exact: true })
    expect(await Effect.runPromise(cappedCount(h.db, numbers(4), "t", 5))).toEqual({ total: 4, exact: true })
    expect(await Effect.runPromise(cappedCount(h.db, numbers(5), "t", 5))).toEqual({ total: 5, exact: true })
  })

  it("stops past the cap and says the count is not exact", async () => {
    expect(await Effect.runPromise(cappedCount(h.db, numbers(6), "t", 5))).toEqual({ total: 5, exact: false })
    expect(await Effect.runPromise(cappedCount(h.db, numbers(1_000_000), "t", 5))).toEqual({
      total: 5,
      exact: false,
    })
  })

  it("counts the filtered rows only, and defaults to COUNT_CAP", async () => {
    expect(await Effect.runPromise(cappedCount(h.db, numbers(100, sql`x % 10 = 0`), "t", 5))).toEqual({
      total: 5,
      exact: false,
    })
    expect(await Effect.runPromise(cappedCount(h.db, numbers(100, sql`x % 10 = 0`), "t", 10))).toEqual({
      total: 10,
      exact: true,
    })
    expect(await Effect.runPromise(cappedCount(h.db, numbers(COUNT_CAP + 5), "t"))).toEqual({
      total: COUNT_CAP,
      exact: false,
    })
    expect(await Effect.runPromise(cappedCount(h.db, numbers(COUNT_CAP), "t"))).toEqual({
      total: COUNT_CAP,
      exact: true,
    })
  })
})
