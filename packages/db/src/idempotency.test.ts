import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { DatabaseHandle } from "./database.js"
import { makeIdempotencyStore } from "./idempotency.js"
import { makeTestDatabase } from "./testing.js"

/** Idempotency keys (issue 15): one claim per account and key; the answer kept; another request refused. */

let h: DatabaseHandle
beforeAll(async () => {
  h = await makeTestDatabase()
}, 120_000)
afterAll(async () => h?.close())

describe("makeIdempotencyStore", () => {
  it("claims once, reports a running claim, replays the kept answer, refuses another request", async () => {
    const s = makeIdempotencyStore(h.db)
    const ref = { accountId: "acct-1", key: "k-1" }
    const first = await s.claim({ ...ref, requestHash: "a" })
    if (first._tag !== "Claimed") throw new Error(first._tag)
    expect(await s.claim({ ...ref, requestHash: "a" })).toEqual({ _tag: "InProgress" })
    expect(await s.claim({ ...ref, requestHash: "b" })).toEqual({ _tag: "Mismatch" })
    // Only the claim's holder stores the answer.
    await s.complete({ ...ref, claimId: "someone-else", status: 500, body: "{}" })
    expect(await s.claim({ ...ref, requestHash: "a" })).toEqual({ _tag: "InProgress" })
    await s.complete({ ...ref, claimId: first.claimId, status: 200, body: '{"ok":1}' })
    expect(await s.claim({ ...ref, requestHash: "a" })).toEqual({
      _tag: "Replay",
      status: 200,
      body: '{"ok":1}',
    })
    // Another account's key of the same name is its own.
    expect((await s.claim({ accountId: "acct-2", key: "k-1", requestHash: "b" }))._tag).toBe("Claimed")
  })

  it("a released key runs again; of parallel claims exactly one wins", async () => {
    const s = makeIdempotencyStore(h.db)
    const ref = { accountId: "acct-1", key: "k-2" }
    const c = await s.claim({ ...ref, requestHash: "a" })
    if (c._tag !== "Claimed") throw new Error(c._tag)
    await s.release({ ...ref, claimId: c.claimId })
    expect((await s.claim({ ...ref, requestHash: "a" }))._tag).toBe("Claimed")
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => s.claim({ accountId: "acct-3", key: "k-3", requestHash: "a" })),
    )
    expect(burst.filter((r) => r._tag === "Claimed")).toHaveLength(1)
    expect(burst.filter((r) => r._tag === "InProgress")).toHaveLength(7)
  })

  it("an expired key, or the same request's abandoned claim, is taken over", async () => {
    const expired = makeIdempotencyStore(h.db, { ttlMs: 0 })
    const e = await expired.claim({ accountId: "acct-4", key: "k", requestHash: "a" })
    if (e._tag !== "Claimed") throw new Error(e._tag)
    await expired.complete({ accountId: "acct-4", key: "k", claimId: e.claimId, status: 200, body: "{}" })
    // Past its expiry a key is free again, even for another request.
    expect((await expired.claim({ accountId: "acct-4", key: "k", requestHash: "b" }))._tag).toBe("Claimed")
    const abandoned = makeIdempotencyStore(h.db, { abandonedAfterMs: 0 })
    const dead = await abandoned.claim({ accountId: "acct-5", key: "k", requestHash: "a" })
    if (dead._tag !== "Claimed") throw new Error(dead._tag)
    expect((await abandoned.claim({ accountId: "acct-5", key: "k", requestHash: "b" }))._tag).toBe("Mismatch")
    const taken = await abandoned.claim({ accountId: "acct-5", key: "k", requestHash: "a" })
    expect(taken._tag).toBe("Claimed")
    // The request taken over from cannot store its answer any more (nor give the key back).
    await abandoned.complete({
      accountId: "acct-5",
      key: "k",
      claimId: dead.claimId,
      status: 200,
      body: "{}",
    })
    await abandoned.release({ accountId: "acct-5", key: "k", claimId: dead.claimId })
    const fresh = makeIdempotencyStore(h.db)
    expect((await fresh.claim({ accountId: "acct-5", key: "k", requestHash: "a" }))._tag).toBe("InProgress")
  })
})
