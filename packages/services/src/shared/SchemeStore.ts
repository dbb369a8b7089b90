import { corrupt, Database, decodeRow, type Handle, q, schema } from "@cadre/db"
import { type LocalDate, Scheme } from "@cadre/domain"
import { and, eq } from "drizzle-orm"
import { Effect, Either } from "effect"

/** Which version governed an in-post act: recorded on the act's audit row (issue 13). */
export interface Governing {
  readonly schemeId: string
  readonly version: number
  readonly effectiveFrom: string
  /** The act's date the version was chosen for. */
  readonly date: string
}

/**
 * The one loader of stored scheme versions. Campaigns keep the scheme version they were created under and ask
 * for it here; an in-post act asks for the version in force on its date (`inForce`, issue 13). Published versions never change (a trigger
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

    /** The published versions of a scheme: their numbers and effective dates. */
    const publishedVersions = (schemeId: string, via: Handle = db) =>
      q(
        via
          .select({ version: schema.schemes.version, effectiveFrom: schema.schemes.effectiveFrom })
          .from(schema.schemes)
          .where(and(eq(schema.schemes.schemeId, schemeId), eq(schema.schemes.status, "published"))),
        "scheme.publishedVersions",
      ).pipe(
        Effect.map((rows) =>
          rows.map((r) => ({ version: r.version, effectiveFrom: r.effectiveFrom as LocalDate.LocalDate })),
        ),
      )

    /**
     * The one way an in-post act (a grade for a year, a leave, a recall, an exit…) finds the rules it follows
     * (issue 13, "dates bite"): the published version of the placement's scheme in force on the act's date
     * (Scheme.versionInForce), never older than the version the placement was made under. Refused with
     * NoVersionInForce, placed at `field` (the input holding the date) when the act has one, when no version
     * is in force that day. Returns the decoded version and what to record on the act.
     */
    const inForce = (
      act: {
        readonly schemeId: string
        readonly placedUnder: number
        readonly date: LocalDate.LocalDate
        readonly field?: string | undefined
      },
      via: Handle = db,
    ): Effect.Effect<
      { readonly scheme: Scheme.Scheme; readonly governing: Governing },
      Scheme.NoVersionInForce
    > =>
      Effect.gen(function* () {
        const versions = yield* publishedVersions(act.schemeId, via)
        const chosen = Scheme.versionInForce(act.schemeId, versions, act.date, act.placedUnder)
        if (Either.isLeft(chosen))
          return yield* Effect.fail(
            act.field === undefined
              ? chosen.left
              : new Scheme.NoVersionInForce({ ...chosen.left, field: act.field }),
          )
        const scheme = yield* load(act.schemeId, chosen.right.version, via)
        return {
          scheme,
          governing: {
            schemeId: act.schemeId,
            version: chosen.right.version,
            effectiveFrom: chosen.right.effectiveFrom,
            date: act.date,
          },
        }
      })

    return { load, publishedVersions, inForce } as const
  }),
}) {}
