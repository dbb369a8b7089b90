import { placementQueries, type Tx } from "@cadre/db"
import { InPost, type Scheme } from "@cadre/domain"
import { Effect, Either } from "effect"

/**
 * One posting at a time (issue 15): before an appointment or a placement, lock the person and ask the kernel
 * whether they may take another posting under `scheme` (InPost.checkOnePosting). Two made at once for the same
 * person wait on the lock, so the second sees the first. `exceptApplicationId`: the appointment a placement is
 * being made from.
 */
export const requireOnePosting = (
  tx: Tx,
  personId: string,
  scheme: Scheme.Scheme,
  exceptApplicationId?: string,
): Effect.Effect<void, InPost.PostingHeld> =>
  Effect.gen(function* () {
    yield* placementQueries.lockPerson(tx, personId)
    const held = yield* placementQueries.heldPostings(tx, personId, { exceptApplicationId, limit: 1 })
    const verdict = InPost.checkOnePosting(personId, scheme.concurrentPostings, held)
    if (Either.isLeft(verdict)) return yield* Effect.fail(verdict.left)
  })
