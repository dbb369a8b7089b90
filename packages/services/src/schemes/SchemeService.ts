import {
  type CommandContext,
  type Conflict,
  conflict,
  Database,
  decodeInput,
  type Handle,
  type InvalidInput,
  type NotFound,
  notFound,
  one,
  regionQueries,
  type SchemeFilter,
  type SchemeRecord,
  type SchemeSummary,
  type StaleVersion,
  schemeQueries,
  staleVersion,
  transaction,
  type Tx,
  writeAudit,
} from "@cadre/db"
import { Access, Decode, LocalDate, Scheme } from "@cadre/domain"
import { Effect, Either, Schema } from "effect"
import { requirePermission } from "../shared/authority.js"
import { SchemeStore } from "../shared/SchemeStore.js"

export interface CreateFromPresetInput {
  readonly presetKey: string
  /** Defaults to the preset's id, region, effective date; the version to one above the latest stored. */
  readonly schemeId?: string | undefined
  readonly regionId?: string | undefined
  readonly version?: number | undefined
  readonly effectiveFrom?: string | undefined
}

export interface SchemeDiff {
  readonly from: SchemeRecord
  readonly to: SchemeRecord
  readonly changes: ReadonlyArray<Scheme.SchemeChange>
}

const { keyOf } = schemeQueries
const encodeScheme = Schema.encodeSync(Scheme.Scheme)

/** The actor may change versions governed by the region at `regionPath` (Access.changesScheme), else Forbidden. */
const requireChange = (
  actor: Access.Actor,
  permission: Access.Permission,
  regionPath: string,
): Effect.Effect<void, Access.Forbidden> =>
  !Access.can(actor, permission) || !Access.changesScheme(actor, regionPath)
    ? Effect.fail(Access.forbidden(permission, actor.role))
    : Effect.void

/**
 * Schemes as data: presets, drafts, publication with an effective date, the version in force on a date, diffs.
 * Published versions are loaded through the shared SchemeStore (decoded once per process); drafts, which change,
 * are decoded from their row every time.
 */
export class SchemeService extends Effect.Service<SchemeService>()("@cadre/services/SchemeService", {
  effect: Effect.gen(function* () {
    const { db } = yield* Database
    const store = yield* SchemeStore

    /** The record of a stored version: a published one through the SchemeStore, a draft from its own row. */
    const recordFrom = (found: schemeQueries.SchemeWithPath, via: Handle): Effect.Effect<SchemeRecord> =>
      found.row.status === "published"
        ? Effect.flatMap(store.load(found.row.schemeId, found.row.version, via), (scheme) =>
            Effect.sync(() => schemeQueries.recordOf(found.row, found.path, scheme)),
          )
        : schemeQueries.decodeScheme(found.row, found.path)

    const findVisible = (actor: Access.Actor, schemeId: string, version: number) =>
      Effect.flatMap(schemeQueries.findVisible(db, actor, schemeId, version), (found) =>
        found === undefined
          ? Effect.fail(notFound("scheme", `${schemeId} v${version}`))
          : recordFrom(found, db),
      )

    /** Insert a draft after checking scope, version order and region consistency. */
    const insertDraft = (ctx: CommandContext, scheme: Scheme.Scheme) =>
      transaction(db, "scheme.createDraft", (tx) =>
        Effect.gen(function* () {
          const region = yield* regionQueries.find(tx, scheme.regionId)
          // A region the caller cannot see (not in its scope, nor one of the scope's ancestors whose schemes it
          // reads) reads as not found, like an unknown id: existence does not leak.
          if (region === undefined || !Access.seesScheme(ctx.actor, region.path, "published"))
            return yield* Effect.fail(notFound("region", scheme.regionId))
          yield* requireChange(ctx.actor, "scheme.write", region.path)
          const [top] = yield* schemeQueries.lockVersions(tx, scheme.id)
          if (top !== undefined && top.regionId !== scheme.regionId)
            return yield* Effect.fail(
              conflict("scheme", scheme.id, "region_mismatch", {
                zh: `方案“${scheme.id}”属于区域 ${top.regionId}，新版本不能改属 ${scheme.regionId}`,
                en: `scheme "${scheme.id}" belongs to region ${top.regionId}; a new version cannot move to ${scheme.regionId}`,
              }),
            )
          if (top !== undefined && scheme.version <= top.version)
            return yield* Effect.fail(
              conflict("scheme", scheme.id, "version_not_higher", {
                zh: `新版本号 ${scheme.version} 须大于已有最新版本 ${top.version}`,
                en: `version ${scheme.version} must be higher than the latest stored version ${top.version}`,
              }),
            )
          const body = encodeScheme(scheme)
          const created = yield* one(
            "scheme",
            scheme.id,
            yield* schemeQueries.insertDraft(tx, scheme, body, ctx.actor.accountId, region.path),
          )
          yield* writeAudit(tx, ctx, {
            action: "scheme.create_draft",
            entity: "scheme",
            entityId: keyOf({ schemeId: scheme.id, version: scheme.version }),
            regionPath: region.path,
            before: null,
            after: body,
          })
          return created
        }),
      )

    /** Lock a version the actor may change; NotFound / Forbidden / StaleVersion / Conflict(published). */
    const lockDraft = (
      tx: Tx,
      ctx: CommandContext,
      permission: Access.Permission,
      schemeId: string,
      version: number,
      expectedRowVersion: number,
    ) =>
      Effect.gen(function* () {
        const r = yield* schemeQueries.lockVisible(tx, ctx.actor, schemeId, version)
        if (r === undefined) return yield* Effect.fail(notFound("scheme", `${schemeId} v${version}`))
        yield* requireChange(ctx.actor, permission, r.path)
        if (r.row.rowVersion !== expectedRowVersion)
          return yield* Effect.fail(
            staleVersion("scheme", keyOf(r.row), expectedRowVersion, r.row.rowVersion),
          )
        if (r.row.status === "published")
          return yield* Effect.fail(
            conflict("scheme", keyOf(r.row), "published_immutable", {
              zh: `方案“${schemeId}”第 ${version} 版已发布，不可修改；请新建版本`,
              en: `version ${version} of scheme "${schemeId}" is published and cannot change; create a new version`,
            }),
          )
        return r
      })

    /** Versions the actor may see (Access.seesScheme), newest first within each scheme. */
    const list = (
      actor: Access.Actor,
      filter?: SchemeFilter,
    ): Effect.Effect<ReadonlyArray<SchemeSummary>, Access.Forbidden> =>
      Effect.zipRight(requirePermission(actor, "scheme.read"), schemeQueries.list(db, actor, filter))

    const get = (
      actor: Access.Actor,
      schemeId: string,
      version: number,
    ): Effect.Effect<SchemeRecord, NotFound | Access.Forbidden> =>
      Effect.zipRight(requirePermission(actor, "scheme.read"), findVisible(actor, schemeId, version))

    /** The published version in force on `date` (latest effective date on or before it; ties: highest version). */
    const inForceOn = (
      actor: Access.Actor,
      schemeId: string,
      date: string,
    ): Effect.Effect<SchemeRecord, NotFound | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "scheme.read")
        const day = yield* decodeInput(LocalDate.LocalDate, "scheme", date)
        const found = yield* schemeQueries.inForceOn(db, actor, schemeId, day)
        if (found === undefined) return yield* Effect.fail(notFound("scheme", `${schemeId} @ ${date}`))
        return yield* recordFrom(found, db)
      })

    /** Two versions and their parameter-level diff (Scheme.diff). */
    const diff = (
      actor: Access.Actor,
      schemeId: string,
      fromVersion: number,
      toVersion: number,
    ): Effect.Effect<SchemeDiff, NotFound | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "scheme.read")
        const from = yield* findVisible(actor, schemeId, fromVersion)
        const to = yield* findVisible(actor, schemeId, toVersion)
        return { from, to, changes: Scheme.diff(from.scheme, to.scheme) }
      })

    /** A new draft from a whole scheme (encoded JSON), decoded with the kernel Schema. */
    const createDraft = (
      ctx: CommandContext,
      input: { readonly scheme: unknown },
    ): Effect.Effect<SchemeRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.write")
        const scheme = yield* decodeInput(Scheme.Scheme, "scheme", input.scheme)
        return yield* insertDraft(ctx, scheme)
      })

    /** 修订: a new draft copied from a version the caller sees, numbered `version` (default the next), effective from a date. */
    const createVersion = (
      ctx: CommandContext,
      input: {
        readonly schemeId: string
        readonly fromVersion: number
        readonly version?: number | undefined
        readonly effectiveFrom: LocalDate.LocalDate
      },
    ): Effect.Effect<SchemeRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.write")
        const from = yield* findVisible(ctx.actor, input.schemeId, input.fromVersion)
        return yield* insertDraft(ctx, {
          ...from.scheme,
          version: input.version ?? input.fromVersion + 1,
          effectiveFrom: input.effectiveFrom,
        })
      })

    /** A new draft from a preset (Scheme.PRESETS). */
    const createDraftFromPreset = (
      ctx: CommandContext,
      input: CreateFromPresetInput,
    ): Effect.Effect<SchemeRecord, NotFound | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.write")
        const preset = Scheme.presetByKey(input.presetKey)
        if (preset === undefined) return yield* Effect.fail(notFound("scheme", `preset ${input.presetKey}`))
        const schemeId = input.schemeId ?? preset.encoded.id
        const version = input.version ?? (yield* schemeQueries.latestVersion(db, schemeId)) + 1
        const scheme = yield* decodeInput(Scheme.Scheme, "scheme", {
          ...preset.encoded,
          id: schemeId,
          regionId: input.regionId ?? preset.encoded.regionId,
          version,
          effectiveFrom: input.effectiveFrom ?? preset.encoded.effectiveFrom,
        })
        return yield* insertDraft(ctx, scheme)
      })

    /** Replace a draft's body; published versions are immutable (Conflict). */
    const updateDraft = (
      ctx: CommandContext,
      input: {
        readonly schemeId: string
        readonly version: number
        readonly expectedRowVersion: number
        readonly scheme: unknown
      },
    ): Effect.Effect<SchemeRecord, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.write")
        const scheme = yield* decodeInput(Scheme.Scheme, "scheme", input.scheme)
        return yield* transaction(db, "scheme.updateDraft", (tx) =>
          Effect.gen(function* () {
            const cur = yield* lockDraft(
              tx,
              ctx,
              "scheme.write",
              input.schemeId,
              input.version,
              input.expectedRowVersion,
            )
            if (
              scheme.id !== cur.row.schemeId ||
              scheme.version !== cur.row.version ||
              scheme.regionId !== cur.row.regionId
            )
              return yield* Effect.fail(
                conflict("scheme", keyOf(cur.row), "identity_changed", {
                  zh: "草稿的方案编号、版本号和所属区域不能修改",
                  en: "a draft's scheme id, version and region cannot change",
                }),
              )
            const body = encodeScheme(scheme)
            const after = yield* one(
              "scheme",
              keyOf(cur.row),
              yield* schemeQueries.updateDraft(tx, scheme, body, cur.path),
            )
            yield* writeAudit(tx, ctx, {
              action: "scheme.update_draft",
              entity: "scheme",
              entityId: keyOf(cur.row),
              regionPath: cur.path,
              before: cur.row.body,
              after: body,
            })
            return after
          }),
        )
      })

    /**
     * Publish a draft, taking effect on `effectiveFrom` (default: the draft's). It must follow the latest
     * published version (Scheme.checkSuccessor: higher number, strictly later date), else Conflict.
     */
    const publish = (
      ctx: CommandContext,
      input: {
        readonly schemeId: string
        readonly version: number
        readonly expectedRowVersion: number
        readonly effectiveFrom?: string | undefined
      },
    ): Effect.Effect<SchemeRecord, NotFound | StaleVersion | Conflict | InvalidInput | Access.Forbidden> =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.publish")
        const effectiveFrom =
          input.effectiveFrom === undefined
            ? undefined
            : yield* decodeInput(LocalDate.LocalDate, "scheme", input.effectiveFrom)
        return yield* transaction(db, "scheme.publish", (tx) =>
          Effect.gen(function* () {
            const cur = yield* lockDraft(
              tx,
              ctx,
              "scheme.publish",
              input.schemeId,
              input.version,
              input.expectedRowVersion,
            )
            const draft = (yield* schemeQueries.decodeScheme(cur.row, cur.path)).scheme
            const next = yield* decodeInput(Scheme.Scheme, "scheme", {
              ...encodeScheme(draft),
              ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
            })
            const prev = yield* schemeQueries.latestPublished(tx, input.schemeId)
            if (prev !== undefined) {
              const ok = Scheme.checkSuccessor((yield* recordFrom(prev, tx)).scheme, next)
              if (Either.isLeft(ok))
                return yield* Effect.fail(
                  conflict(
                    "scheme",
                    keyOf(cur.row),
                    ok.left._tag === "VersionNotSuccessor" ? ok.left.reason : "scheme_mismatch",
                    Decode.splitBilingual(ok.left.message),
                  ),
                )
            }
            const body = encodeScheme(next)
            const after = yield* one(
              "scheme",
              keyOf(cur.row),
              yield* schemeQueries.publish(tx, next, body, ctx.actor.accountId, cur.path),
            )
            yield* writeAudit(tx, ctx, {
              action: "scheme.publish",
              entity: "scheme",
              entityId: keyOf(cur.row),
              regionPath: cur.path,
              before: { status: "draft", effectiveFrom: cur.row.effectiveFrom },
              after: { status: "published", effectiveFrom: next.effectiveFrom },
            })
            return after
          }),
        )
      })

    return {
      list,
      get,
      inForceOn,
      diff,
      createDraft,
      createVersion,
      createDraftFromPreset,
      updateDraft,
      publish,
    } as const
  }),
  dependencies: [SchemeStore.Default],
}) {}
