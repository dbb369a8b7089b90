import { Access, Decode, LocalDate, Scheme, type Text } from "@cadre/domain"
import { and, asc, desc, eq, lte, or, type SQL, sql } from "drizzle-orm"
import { Context, Effect, Either, Layer, Schema } from "effect"
import { Database, type Db, type Tx } from "../database.js"
import {
  type Conflict,
  conflict,
  CorruptRow,
  type DatabaseError,
  type InvalidInput,
  type NotFound,
  notFound,
  type StaleVersion,
  staleVersion,
} from "../errors.js"
import {
  abort,
  type CommandContext,
  decodeInput,
  decodeOrAbort,
  decodeRow,
  read,
  requirePermission,
  transact,
  within,
  writeAudit,
} from "../internal.js"
import { regions, schemes } from "../schema/index.js"

/** A stored scheme version, decoded. */
export interface SchemeRecord {
  readonly scheme: Scheme.Scheme
  readonly status: "draft" | "published"
  readonly regionPath: string
  readonly rowVersion: number
  readonly createdBy: string
  readonly createdAt: Date
  readonly publishedAt: Date | null
  readonly publishedBy: string | null
}

/** A version in a list (no body). */
export interface SchemeSummary {
  readonly schemeId: string
  readonly version: number
  readonly regionId: string
  readonly regionPath: string
  readonly status: "draft" | "published"
  readonly effectiveFrom: string
  readonly name: Text
  readonly kind: string
  /** For a secondment: up, down, lateral or external (挂职方向); null for the other kinds. */
  readonly direction: string | null
  /** The governing region's name (a street sees its district's published schemes, named). */
  readonly regionName: string
  readonly rowVersion: number
  readonly publishedAt: Date | null
}

export interface SchemeFilter {
  readonly schemeId?: string | undefined
  readonly status?: "draft" | "published" | undefined
  readonly regionId?: string | undefined
}

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

type Err<E> = E | Access.Forbidden | DatabaseError

export interface SchemeRepoService {
  /** Versions the actor may see (Access.seesScheme), newest first within each scheme. */
  readonly list: (
    actor: Access.Actor,
    filter?: SchemeFilter,
  ) => Effect.Effect<ReadonlyArray<SchemeSummary>, Err<never>>
  readonly get: (
    actor: Access.Actor,
    schemeId: string,
    version: number,
  ) => Effect.Effect<SchemeRecord, Err<NotFound>>
  /** The published version in force on `date` (latest effective date on or before it; ties: highest version). */
  readonly inForceOn: (
    actor: Access.Actor,
    schemeId: string,
    date: string,
  ) => Effect.Effect<SchemeRecord, Err<NotFound | InvalidInput>>
  /** Two versions and their parameter-level diff (Scheme.diff). */
  readonly diff: (
    actor: Access.Actor,
    schemeId: string,
    fromVersion: number,
    toVersion: number,
  ) => Effect.Effect<SchemeDiff, Err<NotFound>>
  /** A new draft from a whole scheme (encoded JSON), decoded with the kernel Schema. */
  readonly createDraft: (
    ctx: CommandContext,
    input: { readonly scheme: unknown },
  ) => Effect.Effect<SchemeRecord, Err<NotFound | Conflict | InvalidInput>>
  /** A new draft from a preset (Scheme.PRESETS). */
  readonly createDraftFromPreset: (
    ctx: CommandContext,
    input: CreateFromPresetInput,
  ) => Effect.Effect<SchemeRecord, Err<NotFound | Conflict | InvalidInput>>
  /** Replace a draft's body; published versions are immutable (Conflict). */
  readonly updateDraft: (
    ctx: CommandContext,
    input: {
      readonly schemeId: string
      readonly version: number
      readonly expectedRowVersion: number
      readonly scheme: unknown
    },
  ) => Effect.Effect<SchemeRecord, Err<NotFound | StaleVersion | Conflict | InvalidInput>>
  /**
   * Publish a draft, taking effect on `effectiveFrom` (default: the draft's). It must follow the latest published
   * version (Scheme.checkSuccessor: higher number, strictly later date), else Conflict.
   */
  readonly publish: (
    ctx: CommandContext,
    input: {
      readonly schemeId: string
      readonly version: number
      readonly expectedRowVersion: number
      readonly effectiveFrom?: string | undefined
    },
  ) => Effect.Effect<SchemeRecord, Err<NotFound | StaleVersion | Conflict | InvalidInput>>
}

/** Scheme storage. */
export class SchemeRepo extends Context.Tag("@cadre/db/SchemeRepo")<SchemeRepo, SchemeRepoService>() {
  static readonly Live: Layer.Layer<SchemeRepo, never, Database> = Layer.effect(
    SchemeRepo,
    Effect.map(Database, (d) => makeSchemeRepo(d.db)),
  )
}

/** SQL form of Access.seesScheme. */
export const seesSchemeSql = (actor: Access.Actor): SQL => {
  if (actor.role === "applicant") return sql`${schemes.status} = 'published'`
  const own = within(regions.path, actor.scopePath)
  if (actor.scopePath.length === 0) return own
  // Published schemes of the scope's ancestors apply beneath them: scopePath starts with the scheme's path.
  const ancestor = sql`(${schemes.status} = 'published' and left(${actor.scopePath}, length(${regions.path})) = ${regions.path})`
  return or(own, ancestor) ?? own
}

type SchemeRow = typeof schemes.$inferSelect
const key = (r: { schemeId: string; version: number }) => `${r.schemeId}@${r.version}`

const toRecord = (row: SchemeRow, regionPath: string): SchemeRecord => {
  const scheme = decodeRow(Scheme.Scheme, "schemes", key(row), row.body)
  if (scheme.id !== row.schemeId || scheme.version !== row.version || scheme.regionId !== row.regionId)
    throw new CorruptRow({
      table: "schemes",
      id: key(row),
      detail: "方案内容与所在行的编号、版本或区域不一致 / body id, version or region differs from its row",
    })
  return {
    scheme,
    status: row.status,
    regionPath,
    rowVersion: row.rowVersion,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
  }
}

const selectSchemes = (d: Db | Tx) =>
  d
    .select({ row: schemes, path: regions.path })
    .from(schemes)
    .innerJoin(regions, eq(schemes.regionId, regions.id))

const requireChange = (actor: Access.Actor, permission: Access.Permission, regionPath: string): void => {
  if (!Access.can(actor, permission) || !Access.changesScheme(actor, regionPath))
    abort(Access.forbidden(permission, actor.role))
}

export const makeSchemeRepo = (db: Db): SchemeRepoService => {
  const findVisible = (actor: Access.Actor, schemeId: string, version: number) =>
    read("scheme.get", async () => {
      const [r] = await selectSchemes(db).where(
        and(eq(schemes.schemeId, schemeId), eq(schemes.version, version), seesSchemeSql(actor)),
      )
      return r === undefined ? undefined : toRecord(r.row, r.path)
    }).pipe(
      Effect.flatMap((r) =>
        r === undefined ? Effect.fail(notFound("scheme", `${schemeId} v${version}`)) : Effect.succeed(r),
      ),
    )

  /** Insert a draft after checking scope, version order and region consistency. */
  const insertDraft = (ctx: CommandContext, scheme: Scheme.Scheme) =>
    transact<SchemeRecord, NotFound | Conflict | Access.Forbidden>(db, "scheme.createDraft", async (tx) => {
      const [region] = await tx.select().from(regions).where(eq(regions.id, scheme.regionId))
      // A region the caller cannot see (not in its scope, nor one of the scope's ancestors whose schemes it reads)
      // reads as not found, like an unknown id: existence does not leak.
      if (region === undefined || !Access.seesScheme(ctx.actor, region.path, "published"))
        return abort(notFound("region", scheme.regionId))
      requireChange(ctx.actor, "scheme.write", region.path)
      const existing = await tx
        .select({ version: schemes.version, regionId: schemes.regionId })
        .from(schemes)
        .where(eq(schemes.schemeId, scheme.id))
        .orderBy(desc(schemes.version))
        .for("update")
      const [top] = existing
      if (top !== undefined && top.regionId !== scheme.regionId)
        abort(
          conflict("scheme", scheme.id, "region_mismatch", {
            zh: `方案“${scheme.id}”属于区域 ${top.regionId}，新版本不能改属 ${scheme.regionId}`,
            en: `scheme "${scheme.id}" belongs to region ${top.regionId}; a new version cannot move to ${scheme.regionId}`,
          }),
        )
      if (top !== undefined && scheme.version <= top.version)
        abort(
          conflict("scheme", scheme.id, "version_not_higher", {
            zh: `新版本号 ${scheme.version} 须大于已有最新版本 ${top.version}`,
            en: `version ${scheme.version} must be higher than the latest stored version ${top.version}`,
          }),
        )
      const body = Schema.encodeSync(Scheme.Scheme)(scheme)
      const [row] = await tx
        .insert(schemes)
        .values({
          schemeId: scheme.id,
          version: scheme.version,
          regionId: scheme.regionId,
          status: "draft",
          effectiveFrom: scheme.effectiveFrom,
          formatVersion: scheme.formatVersion,
          body,
          createdBy: ctx.actor.accountId,
        })
        .returning()
      const created = toRecord(row ?? abort(notFound("scheme", scheme.id)), region.path)
      await writeAudit(tx, ctx, {
        action: "scheme.create_draft",
        entity: "scheme",
        entityId: key(row ?? { schemeId: scheme.id, version: scheme.version }),
        regionPath: region.path,
        before: null,
        after: body,
      })
      return created
    })

  /** Lock a version the actor may change; abort NotFound / StaleVersion / Conflict(published). */
  const lockDraft = async (
    tx: Tx,
    ctx: CommandContext,
    permission: Access.Permission,
    schemeId: string,
    version: number,
    expectedRowVersion: number,
  ) => {
    const [r] = await selectSchemes(tx)
      .where(and(eq(schemes.schemeId, schemeId), eq(schemes.version, version), seesSchemeSql(ctx.actor)))
      .for("update", { of: schemes })
    if (r === undefined) return abort(notFound("scheme", `${schemeId} v${version}`))
    requireChange(ctx.actor, permission, r.path)
    if (r.row.rowVersion !== expectedRowVersion)
      abort(staleVersion("scheme", key(r.row), expectedRowVersion, r.row.rowVersion))
    if (r.row.status === "published")
      abort(
        conflict("scheme", key(r.row), "published_immutable", {
          zh: `方案“${schemeId}”第 ${version} 版已发布，不可修改；请新建版本`,
          en: `version ${version} of scheme "${schemeId}" is published and cannot change; create a new version`,
        }),
      )
    return r
  }

  return {
    list: (actor, filter) =>
      Effect.zipRight(
        requirePermission(actor, "scheme.read"),
        read("scheme.list", async () => {
          const rows = await db
            .select({
              schemeId: schemes.schemeId,
              version: schemes.version,
              regionId: schemes.regionId,
              regionPath: regions.path,
              status: schemes.status,
              effectiveFrom: schemes.effectiveFrom,
              name: sql<Text>`${schemes.body} -> 'name'`,
              kind: sql<string>`${schemes.body} -> 'kind' ->> '_tag'`,
              direction: sql<string | null>`${schemes.body} -> 'kind' ->> 'direction'`,
              regionName: regions.name,
              rowVersion: schemes.rowVersion,
              publishedAt: schemes.publishedAt,
            })
            .from(schemes)
            .innerJoin(regions, eq(schemes.regionId, regions.id))
            .where(
              and(
                seesSchemeSql(actor),
                filter?.schemeId === undefined ? undefined : eq(schemes.schemeId, filter.schemeId),
                filter?.status === undefined ? undefined : eq(schemes.status, filter.status),
                filter?.regionId === undefined ? undefined : eq(schemes.regionId, filter.regionId),
              ),
            )
            .orderBy(asc(schemes.schemeId), desc(schemes.version))
          return rows
        }),
      ),

    get: (actor, schemeId, version) =>
      Effect.zipRight(requirePermission(actor, "scheme.read"), findVisible(actor, schemeId, version)),

    inForceOn: (actor, schemeId, date) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "scheme.read")
        const day = yield* decodeInput(LocalDate.LocalDate, "scheme", date)
        const found = yield* read("scheme.inForceOn", async () => {
          const [r] = await selectSchemes(db)
            .where(
              and(
                eq(schemes.schemeId, schemeId),
                eq(schemes.status, "published"),
                lte(schemes.effectiveFrom, day),
                seesSchemeSql(actor),
              ),
            )
            .orderBy(desc(schemes.effectiveFrom), desc(schemes.version))
            .limit(1)
          return r === undefined ? undefined : toRecord(r.row, r.path)
        })
        return found ?? (yield* Effect.fail(notFound("scheme", `${schemeId} @ ${date}`)))
      }),

    diff: (actor, schemeId, fromVersion, toVersion) =>
      Effect.gen(function* () {
        yield* requirePermission(actor, "scheme.read")
        const from = yield* findVisible(actor, schemeId, fromVersion)
        const to = yield* findVisible(actor, schemeId, toVersion)
        return { from, to, changes: Scheme.diff(from.scheme, to.scheme) }
      }),

    createDraft: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.write")
        const scheme = yield* decodeInput(Scheme.Scheme, "scheme", input.scheme)
        return yield* insertDraft(ctx, scheme)
      }),

    createDraftFromPreset: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.write")
        const preset = Scheme.presetByKey(input.presetKey)
        if (preset === undefined) return yield* Effect.fail(notFound("scheme", `preset ${input.presetKey}`))
        const schemeId = input.schemeId ?? preset.encoded.id
        const version =
          input.version ??
          (yield* read("scheme.latestVersion", async () => {
            const [r] = await db
              .select({ v: sql<number>`coalesce(max(${schemes.version}), 0)::int` })
              .from(schemes)
              .where(eq(schemes.schemeId, schemeId))
            return (r?.v ?? 0) + 1
          }))
        const scheme = yield* decodeInput(Scheme.Scheme, "scheme", {
          ...preset.encoded,
          id: schemeId,
          regionId: input.regionId ?? preset.encoded.regionId,
          version,
          effectiveFrom: input.effectiveFrom ?? preset.encoded.effectiveFrom,
        })
        return yield* insertDraft(ctx, scheme)
      }),

    updateDraft: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.write")
        const scheme = yield* decodeInput(Scheme.Scheme, "scheme", input.scheme)
        return yield* transact<SchemeRecord, NotFound | StaleVersion | Conflict | Access.Forbidden>(
          db,
          "scheme.updateDraft",
          async (tx) => {
            const cur = await lockDraft(
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
              abort(
                conflict("scheme", key(cur.row), "identity_changed", {
                  zh: "草稿的方案编号、版本号和所属区域不能修改",
                  en: "a draft's scheme id, version and region cannot change",
                }),
              )
            const body = Schema.encodeSync(Scheme.Scheme)(scheme)
            const [row] = await tx
              .update(schemes)
              .set({
                body,
                effectiveFrom: scheme.effectiveFrom,
                formatVersion: scheme.formatVersion,
                rowVersion: sql`${schemes.rowVersion} + 1`,
                updatedAt: sql`now()`,
              })
              .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.version, input.version)))
              .returning()
            const after = toRecord(row ?? abort(notFound("scheme", key(cur.row))), cur.path)
            await writeAudit(tx, ctx, {
              action: "scheme.update_draft",
              entity: "scheme",
              entityId: key(cur.row),
              regionPath: cur.path,
              before: cur.row.body,
              after: body,
            })
            return after
          },
        )
      }),

    publish: (ctx, input) =>
      Effect.gen(function* () {
        yield* requirePermission(ctx.actor, "scheme.publish")
        const effectiveFrom =
          input.effectiveFrom === undefined
            ? undefined
            : yield* decodeInput(LocalDate.LocalDate, "scheme", input.effectiveFrom)
        return yield* transact<SchemeRecord, NotFound | StaleVersion | Conflict | Access.Forbidden>(
          db,
          "scheme.publish",
          async (tx) => {
            const cur = await lockDraft(
              tx,
              ctx,
              "scheme.publish",
              input.schemeId,
              input.version,
              input.expectedRowVersion,
            )
            const draft = toRecord(cur.row, cur.path).scheme
            const next = decodeOrAbort(Scheme.Scheme, "scheme", {
              ...Schema.encodeSync(Scheme.Scheme)(draft),
              ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
            })
            const [prevRow] = await selectSchemes(tx)
              .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.status, "published")))
              .orderBy(desc(schemes.version))
              .limit(1)
            if (prevRow !== undefined) {
              const ok = Scheme.checkSuccessor(toRecord(prevRow.row, prevRow.path).scheme, next)
              if (Either.isLeft(ok))
                abort(
                  conflict(
                    "scheme",
                    key(cur.row),
                    ok.left._tag === "VersionNotSuccessor" ? ok.left.reason : "scheme_mismatch",
                    Decode.splitBilingual(ok.left.message),
                  ),
                )
            }
            const body = Schema.encodeSync(Scheme.Scheme)(next)
            const [row] = await tx
              .update(schemes)
              .set({
                status: "published",
                body,
                effectiveFrom: next.effectiveFrom,
                publishedAt: sql`now()`,
                publishedBy: ctx.actor.accountId,
                rowVersion: sql`${schemes.rowVersion} + 1`,
                updatedAt: sql`now()`,
              })
              .where(and(eq(schemes.schemeId, input.schemeId), eq(schemes.version, input.version)))
              .returning()
            const after = toRecord(row ?? abort(notFound("scheme", key(cur.row))), cur.path)
            await writeAudit(tx, ctx, {
              action: "scheme.publish",
              entity: "scheme",
              entityId: key(cur.row),
              regionPath: cur.path,
              before: { status: "draft", effectiveFrom: cur.row.effectiveFrom },
              after: { status: "published", effectiveFrom: next.effectiveFrom },
            })
            return after
          },
        )
      }),
  }
}
