import {
  type CommandContext,
  type Conflict,
  Database,
  draftQueries,
  transaction,
  writeAudit,
} from "@cadre/db"
import { Access } from "@cadre/domain"
import { Effect } from "effect"
import { requirePermission } from "../shared/authority.js"

/** A draft as its owner reads it back: the page to return to, the answers, when it was saved and until when kept. */
export interface ProfileDraft {
  readonly step: string
  readonly values: unknown
  readonly savedAt: Date
  readonly keptUntil: Date
}

const applicantOnly = (actor: Access.Actor): Effect.Effect<void, Access.Forbidden> =>
  Effect.zipRight(
    requirePermission(actor, "profile.write_own"),
    actor.role === "applicant" ? Effect.void : Effect.fail(Access.forbidden("profile.write_own", actor.role)),
  )

const kept = (r: draftQueries.DraftRow): ProfileDraft => ({
  ...r,
  keptUntil: new Date(r.savedAt.getTime() + draftQueries.DRAFT_KEPT_DAYS * 86_400_000),
})

/**
 * Save and return (issue 17, GOV.UK "save your progress"): an applicant's unfinished profile, kept page by page
 * before it is a whole kernel Profile. Only its owner (an applicant account) reads, saves or discards it; the
 * answers are checked by the API's draft Schema (shapes and lengths) but not by the kernel, which judges them when
 * the profile is saved whole (PersonService.createOwn/updateOwn, which also remove the draft). A save's audit row
 * names the page and the fields answered, never their values: the draft is the person's scratch copy, not a record.
 */
export class ProfileDraftService extends Effect.Service<ProfileDraftService>()(
  "@cadre/services/ProfileDraftService",
  {
    effect: Effect.gen(function* () {
      const { db } = yield* Database

      const mine = (actor: Access.Actor): Effect.Effect<ProfileDraft | null, Access.Forbidden> =>
        Effect.gen(function* () {
          yield* applicantOnly(actor)
          const row = yield* draftQueries.ofAccount(db, actor.accountId)
          return row === undefined ? null : kept(row)
        })

      const save = (
        ctx: CommandContext,
        input: { readonly step: string; readonly values: Readonly<Record<string, unknown>> },
      ): Effect.Effect<ProfileDraft, Access.Forbidden | Conflict> =>
        Effect.gen(function* () {
          yield* applicantOnly(ctx.actor)
          return yield* transaction(db, "profile.saveDraft", (tx) =>
            Effect.gen(function* () {
              const row = yield* draftQueries.save(tx, ctx.actor.accountId, input)
              yield* writeAudit(tx, ctx, {
                action: "profile.save_draft",
                entity: "account",
                entityId: ctx.actor.accountId,
                regionPath: ctx.actor.scopePath,
                before: null,
                after: {
                  step: input.step,
                  answered: Object.keys(input.values).filter((k) => answered(input.values[k])),
                },
              })
              return kept(row)
            }),
          )
        })

      const discard = (
        ctx: CommandContext,
      ): Effect.Effect<{ readonly discarded: boolean }, Access.Forbidden | Conflict> =>
        Effect.gen(function* () {
          yield* applicantOnly(ctx.actor)
          return yield* transaction(db, "profile.discardDraft", (tx) =>
            Effect.gen(function* () {
              const discarded = yield* draftQueries.remove(tx, ctx.actor.accountId)
              if (discarded)
                yield* writeAudit(tx, ctx, {
                  action: "profile.discard_draft",
                  entity: "account",
                  entityId: ctx.actor.accountId,
                  regionPath: ctx.actor.scopePath,
                  before: null,
                  after: null,
                })
              return { discarded }
            }),
          )
        })

      return { mine, save, discard } as const
    }),
  },
) {}

/** An answer is given when it is not empty: "", null, [] and undefined are not answers. */
const answered = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)
