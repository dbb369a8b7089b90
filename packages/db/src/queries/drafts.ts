import { eq, sql } from "drizzle-orm"
import { Effect } from "effect"
import { profileDrafts } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * Applicants' unfinished profiles (issue 17, save and return): one row per account, written whole on each save.
 * The values are the portal's form answers, checked by the API's draft Schema before they get here.
 */

/** How long a draft is offered back: after this it is dropped (GOV.UK Forms keeps saved answers 28–30 days). */
export const DRAFT_KEPT_DAYS = 30

/** A saved draft as read back. */
export interface DraftRow {
  readonly step: string
  readonly values: unknown
  readonly savedAt: Date
}

/** The account's draft, if it has one younger than `DRAFT_KEPT_DAYS`; an older one is removed, not answered. */
export const ofAccount = (h: Handle, accountId: string): Effect.Effect<DraftRow | undefined> =>
  Effect.gen(function* () {
    const [row] = yield* q(
      h.select().from(profileDrafts).where(eq(profileDrafts.accountId, accountId)).limit(1),
      "drafts.ofAccount",
    )
    if (row === undefined) return undefined
    if (Date.now() - row.savedAt.getTime() > DRAFT_KEPT_DAYS * 86_400_000) {
      yield* remove(h, accountId)
      return undefined
    }
    return { step: row.step, values: row.values, savedAt: row.savedAt }
  })

/** Save (insert or replace) the account's draft in one statement: parallel saves leave exactly one row. */
export const save = (
  h: Handle,
  accountId: string,
  draft: { readonly step: string; readonly values: unknown },
): Effect.Effect<DraftRow> =>
  q(
    h
      .insert(profileDrafts)
      .values({ accountId, step: draft.step, values: draft.values })
      .onConflictDoUpdate({
        target: profileDrafts.accountId,
        set: { step: draft.step, values: draft.values, savedAt: sql`now()` },
      })
      .returning(),
    "drafts.save",
  ).pipe(Effect.map(([r]) => ({ step: draft.step, values: draft.values, savedAt: r?.savedAt ?? new Date() })))

/** Remove the account's draft (the profile was saved whole, or the applicant discarded it); true if one was there. */
export const remove = (h: Handle, accountId: string): Effect.Effect<boolean> =>
  q(
    h
      .delete(profileDrafts)
      .where(eq(profileDrafts.accountId, accountId))
      .returning({ a: profileDrafts.accountId }),
    "drafts.remove",
  ).pipe(Effect.map((rs) => rs.length > 0))
