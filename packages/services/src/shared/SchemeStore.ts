import { corrupt, Database, decodeRow, type Handle, q, schema } from "@cadre/db"
import { Scheme } from "@cadre/domain"
import { and, eq } from "drizzle-orm"
import { Effect } from "effect"

/**
 * The one loader of stored scheme versions. Campaigns, placements, duties, assessments and evaluations all keep
 * the scheme version they were created under and ask for it here. Published versions never change (a trigger
 * refuses it), so each is decoded once per process and kept; drafts are read afresh every time.
 */
export class SchemeStore extends Effect.Service<SchemeStore>()("@cadre/services/SchemeStore", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const published = new Map<string, Scheme.Scheme>()

    /**
     * The decoded scheme version. A version that is missing is a defect: whatever refers to it was written
     * under it, and versions are never deleted. Inside a command pass its transaction as `via` (on PGlite a
     * read beside an open transaction would wait for it).
     */
    const load = (schemeId: string, version: number, via: Handle = db): Effect.Effect<Scheme.Scheme> => {
      const key = `${schemeId}@${version}`
      const hit = published.get(key)
      if (hit !== undefined) return Effect.succeed(hit)
      return Effect.gen(function* () {
        const [row] = yield* q(
          via
            .select({ body: schema.schemes.body, status: schema.schemes.status })
            .from(schema.schemes)
            .where(and(eq(schema.schemes.schemeId, schemeId), eq(schema.schemes.version, version))),
          "scheme.load",
        )
        if (row === undefined) return yield* corrupt("schemes", key, "missing scheme version")
        const decoded = yield* Effect.sync(() => decodeRow(Scheme.Scheme, "schemes", key, row.body))
        if (row.status === "published") published.set(key, decoded)
        return decoded
      })
    }

    return { load } as const
  }),
}) {}
