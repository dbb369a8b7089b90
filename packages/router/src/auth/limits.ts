import { createHash } from "node:crypto"
import { type Db, rateLimits } from "@cadre/db"
import { eq, sql } from "drizzle-orm"

/**
 * Atomic counters in the database (`rate_limits`) for the sign-in, registration and phone-code limits. A hit is one
 * statement that counts and answers at once, so N parallel requests get the numbers 1…N however they interleave,
 * on PGlite and PostgreSQL alike (the row lock of `ON CONFLICT DO UPDATE`). Callers hit BEFORE they check a
 * password or code and refuse when the number is above the limit: a burst checks at most the limit.
 *
 * A window starts with the first hit on a key and lasts `windowMs`; a hit after it restarts the count at 1.
 */

export interface Hit {
  /** This hit's number within the window (1 for the first). */
  readonly count: number
  /** When the window ends (the count restarts after it). */
  readonly until: Date
}

/** Identifiers (e-mails, phone numbers) appear in keys only as a SHA-256 prefix. */
export const keyPart = (identifier: string): string =>
  createHash("sha256").update(identifier, "utf8").digest("hex").slice(0, 32)

export interface Limiter {
  /** Count one hit on `key` at `at` and return its number in the window. */
  readonly hit: (key: string, windowMs: number, at: Date) => Promise<Hit>
  /** Give back one hit (e.g. a successful sign-in does not count against its IP). */
  readonly refund: (key: string) => Promise<void>
  /** Start the count of `key` afresh (e.g. a successful sign-in clears its identifier's failures). */
  readonly reset: (key: string) => Promise<void>
}

/** Every this many hits, counters idle for a day are deleted (the table holds only recent keys). */
const PURGE_EVERY = 1000
const DAY_MS = 24 * 60 * 60_000

export const makeLimiter = (db: Db): Limiter => {
  let hits = 0
  return {
    hit: async (key, windowMs, at) => {
      hits += 1
      if (hits % PURGE_EVERY === 0)
        await db
          .delete(rateLimits)
          .where(
            sql`${rateLimits.windowStart} < ${new Date(at.getTime() - DAY_MS).toISOString()}::timestamptz`,
          )
      const cutoff = new Date(at.getTime() - windowMs).toISOString()
      const expired = sql`${rateLimits.windowStart} <= ${cutoff}::timestamptz`
      const [row] = await db
        .insert(rateLimits)
        .values({ key, windowStart: at, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            windowStart: sql`case when ${expired} then excluded.window_start else ${rateLimits.windowStart} end`,
            count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
          },
        })
        .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
      if (row === undefined) throw new Error(`rate limit ${key}: no row returned`)
      return { count: row.count, until: new Date(row.windowStart.getTime() + windowMs) }
    },
    refund: async (key) => {
      await db
        .update(rateLimits)
        .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
        .where(eq(rateLimits.key, key))
    },
    reset: async (key) => {
      await db.update(rateLimits).set({ count: 0 }).where(eq(rateLimits.key, key))
    },
  }
}
