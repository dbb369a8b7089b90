/**
 * Type test (checked by `pnpm typecheck`, never run): a procedure can only run an Effect whose failures are all
 * mapped in errors.ts. An error type nobody mapped does not compile — so it can never become a 500 by surprise.
 */
import { Data, Effect } from "effect"
import { type Conflict, DatabaseError, type NotFound, notFound } from "@cadre/db"
import { Access } from "@cadre/domain"
import type { Run } from "./trpc.js"

declare const run: Run

/** An error no one has mapped. */
class Surprise extends Data.TaggedError("Surprise")<{ readonly detail: string }> {}

// Mapped failures are accepted…
void run(Effect.fail(notFound("campaign", "c-1")))
void run(Effect.fail(Access.forbidden("campaign.write", "applicant")))
void run(Effect.succeed(1) as Effect.Effect<number, NotFound | Conflict>)

// …an unmapped one is a compile error, alone or in a union with mapped ones.
// @ts-expect-error Surprise is not a Failure: map it in errors.ts first.
void run(Effect.fail(new Surprise({ detail: "x" })))
// @ts-expect-error a union containing an unmapped error is refused as well.
void run(Effect.succeed(1) as Effect.Effect<number, NotFound | Surprise>)
// @ts-expect-error a thrown-and-untyped `unknown` error cannot sneak through either.
void run(Effect.tryPromise(() => Promise.resolve(1)))
// @ts-expect-error an infrastructure fault is a defect (storage.ts dies with it), never a mapped failure.
void run(Effect.fail(new DatabaseError({ operation: "x", cause: null })))
