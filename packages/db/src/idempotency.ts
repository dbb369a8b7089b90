import { randomUUID } from "node:crypto"
import { and, eq, sql } from "drizzle-orm"
import type { Db } from "./database.js"
import { idempotencyKeys } from "./schema/index.js"

/**
 * Idempotency keys (issue 15, docs/api.md § Idempotency-Key): what the HTTP layer needs to answer a retried command
 * once. `claim` is atomic on PGlite and PostgreSQL alike (one INSERT … ON CONFLICT): of two requests with the same
 * account and key, one claims it and runs; the other sees it running (409), done (the stored answer) or claimed for
 * another request (422).
 */

export type IdempotencyClaim =
  | { readonly _tag: "Claimed"; readonly claimId: string }
  | { readonly _tag: "Replay"; readonly status: number; readonly body: string }
  | { readonly _tag: "InProgress" }
  | { readonly _tag: "Mismatch" }

export interface IdempotencyStore {
  readonly claim: (input: {
    readonly accountId: string
    readonly key: string
    readonly requestHash: string
  }) => Promise<IdempotencyClaim>
  /** Keep the first answer (the claim holder only: a claim taken over as abandoned is no longer its). */
  readonly complete: (input: {
    readonly accountId: string
    readonly key: string
    readonly claimId: string
    readonly status: number
    readonly body: string
  }) => Promise<void>
  /** Give the key back (the command failed on the server's side): a retry runs it again. */
  readonly release: (input: {
    readonly accountId: string
    readonly key: string
    readonly claimId: string
  }) => Promise<void>
}

export interface IdempotencyOptions {
  /** How long a key and its answer are kept: 24 h. */
  readonly ttlMs?: number
  /** A claim still running after this long is taken to be abandoned (its process died): 2 min. */
  readonly abandonedAfterMs?: number
  /** Expired rows removed per claim, at most: purging keeps pace with new keys without a long delete. */
  readonly purgeBatch?: number
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export const makeIdempotencyStore = (db: Db, options: IdempotencyOptions = {}): IdempotencyStore => {
  const ttl = `${Math.round((options.ttlMs ?? IDEMPOTENCY_TTL_MS) / 1000)} seconds`
  const abandoned = `${Math.round((options.abandonedAfterMs ?? 120_000) / 1000)} seconds`
  const purgeBatch = options.purgeBatch ?? 100
  const where = (accountId: string, key: string) =>
    and(eq(idempotencyKeys.accountId, accountId), eq(idempotencyKeys.key, key))

  const claimOnce = async (input: {
    readonly accountId: string
    readonly key: string
    readonly requestHash: string
  }): Promise<IdempotencyClaim | undefined> => {
    const claimId = randomUUID()
    const claimed = await db
      .insert(idempotencyKeys)
      .values({
        accountId: input.accountId,
        key: input.key,
        requestHash: input.requestHash,
        state: "running",
        claimId,
        expiresAt: sql`now() + ${ttl}::interval`,
      })
      .onConflictDoUpdate({
        target: [idempotencyKeys.accountId, idempotencyKeys.key],
        set: {
          requestHash: input.requestHash,
          state: "running",
          claimId,
          status: null,
          body: null,
          startedAt: sql`now()`,
          expiresAt: sql`now() + ${ttl}::interval`,
        },
        // Only an expired key, or the same request's claim abandoned by a process that died, is taken over.
        setWhere: sql`${idempotencyKeys.expiresAt} < now() or (${idempotencyKeys.state} = 'running' and ${idempotencyKeys.requestHash} = ${input.requestHash} and ${idempotencyKeys.startedAt} < now() - ${abandoned}::interval)`,
      })
      .returning({ key: idempotencyKeys.key })
    if (claimed.length > 0) return { _tag: "Claimed", claimId }
    const [row] = await db
      .select({
        requestHash: idempotencyKeys.requestHash,
        state: idempotencyKeys.state,
        status: idempotencyKeys.status,
        body: idempotencyKeys.body,
      })
      .from(idempotencyKeys)
      .where(where(input.accountId, input.key))
    if (row === undefined) return undefined // released in between: try again
    if (row.requestHash !== input.requestHash) return { _tag: "Mismatch" }
    if (row.state === "running" || row.status === null || row.body === null) return { _tag: "InProgress" }
    return { _tag: "Replay", status: row.status, body: row.body }
  }

  return {
    claim: async (input) => {
      // Purge a bounded batch of expired keys (index on expires_at).
      await db.execute(
        sql`delete from idempotency_keys where ctid in (select ctid from idempotency_keys where expires_at < now() limit ${purgeBatch})`,
      )
      for (let attempt = 0; attempt < 3; attempt++) {
        const r = await claimOnce(input)
        if (r !== undefined) return r
      }
      return { _tag: "InProgress" }
    },
    complete: async (input) => {
      await db
        .update(idempotencyKeys)
        .set({ state: "done", status: input.status, body: input.body })
        .where(
          and(
            where(input.accountId, input.key),
            eq(idempotencyKeys.state, "running"),
            eq(idempotencyKeys.claimId, input.claimId),
          ),
        )
    },
    release: async (input) => {
      await db
        .delete(idempotencyKeys)
        .where(
          and(
            where(input.accountId, input.key),
            eq(idempotencyKeys.state, "running"),
            eq(idempotencyKeys.claimId, input.claimId),
          ),
        )
    },
  }
}
