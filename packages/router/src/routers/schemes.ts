import { LocalDate, Scheme } from "@cadre/domain"
import { type SchemeRecord, SchemeService, type SchemeSummary } from "@cadre/services"
import { Effect, Schema } from "effect"
import { input } from "../input.js"
import { procedure, router } from "../trpc.js"
import { Id, iso, MAX_INT4 } from "./shared.js"

/**
 * The scheme as JSON (its encoded form) and as the kernel holds it, as interfaces: declaration files then name them
 * instead of spelling the whole scheme out in every procedure (spelled out, the router's type grew past what tsc
 * will write: TS7056).
 */
export interface SchemeJson extends Schema.Schema.Encoded<typeof Scheme.Scheme> {}
export interface SchemeValue extends Schema.Schema.Type<typeof Scheme.Scheme> {}
/** Scheme.Scheme itself, typed by the two interfaces. */
const SchemeBody: Schema.Schema<SchemeValue, SchemeJson> = Scheme.Scheme

const encodeScheme: (s: SchemeValue) => SchemeJson = Schema.encodeSync(Scheme.Scheme)

/** A stored version for the wire: the scheme in its JSON (encoded) form, dates as ISO strings. */
export interface SchemeVersionOut {
  readonly scheme: SchemeJson
  readonly status: SchemeRecord["status"]
  readonly regionPath: string
  readonly rowVersion: number
  readonly createdBy: string
  readonly createdAt: string
  readonly publishedAt: string | null
  readonly publishedBy: string | null
}

export const schemeOut = (r: SchemeRecord): SchemeVersionOut => ({
  scheme: encodeScheme(r.scheme),
  status: r.status,
  regionPath: r.regionPath,
  rowVersion: r.rowVersion,
  createdBy: r.createdBy,
  createdAt: iso(r.createdAt),
  publishedAt: r.publishedAt === null ? null : iso(r.publishedAt),
  publishedBy: r.publishedBy,
})

const summaryOut = ({ publishedAt, ...s }: SchemeSummary) => ({
  ...s,
  publishedAt: publishedAt === null ? null : iso(publishedAt),
})

const SchemeIdIn = Id("方案编号 / scheme id")
const VersionIn = Schema.Int.pipe(Schema.between(1, MAX_INT4)).annotations({ title: "版本号 / version" })
const RowVersion = Schema.Int.pipe(Schema.between(1, MAX_INT4)).annotations({
  title: "读取时的记录版本 / expected row version",
})
const Status = Schema.Literal("draft", "published").annotations({ title: "状态 / status" })

/**
 * Schemes as data: presets, drafts, publication with an effective date, the version in force on a date, diffs.
 * A whole scheme is decoded here with the kernel Schema (so a bad one names the field) and handed to the
 * repository in its encoded form, which decodes it again inside the transaction.
 */
export const schemesRouter = router({
  /** The presets written from the seed documents (Scheme.PRESETS): key, seed, title, kind, region. */
  presets: procedure.permission("scheme.read").query(() =>
    Scheme.PRESETS.map((p) => ({
      key: p.key,
      seed: p.seed,
      title: p.title,
      schemeId: p.encoded.id,
      regionId: p.encoded.regionId,
      kind: p.encoded.kind,
      effectiveFrom: p.encoded.effectiveFrom,
    })),
  ),
  /** One preset in full (encoded), to start a scheme from scratch with it as a template. */
  preset: procedure
    .permission("scheme.read")
    .input(input(Schema.Struct({ key: Id("模板 / preset") })))
    .query(({ input: i }) => {
      const p = Scheme.presetByKey(i.key)
      return p === undefined
        ? null
        : { key: p.key, seed: p.seed, title: p.title, scheme: p.encoded as SchemeJson }
    }),
  /** Versions the caller may see (Access.seesScheme), newest first within each scheme. */
  list: procedure
    .permission("scheme.read")
    .input(
      input(
        Schema.Struct({
          schemeId: Schema.optional(SchemeIdIn),
          status: Schema.optional(Status),
          regionId: Schema.optional(Id("区域 / region")),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(SchemeService, (r) => r.list(ctx.actor, i)))
        .then((rows) => rows.map(summaryOut)),
    ),
  get: procedure
    .permission("scheme.read")
    .input(input(Schema.Struct({ schemeId: SchemeIdIn, version: VersionIn })))
    .query(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(SchemeService, (r) => r.get(ctx.actor, i.schemeId, i.version))).then(schemeOut),
    ),
  /** The published version in force on `date`. */
  inForceOn: procedure
    .permission("scheme.read")
    .input(
      input(
        Schema.Struct({
          schemeId: SchemeIdIn,
          date: LocalDate.LocalDate.annotations({ title: "日期 / date" }),
        }),
      ),
    )
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(SchemeService, (r) => r.inForceOn(ctx.actor, i.schemeId, i.date)))
        .then(schemeOut),
    ),
  /** Parameter-level differences between two versions, each with its clause. */
  diff: procedure
    .permission("scheme.read")
    .input(input(Schema.Struct({ schemeId: SchemeIdIn, fromVersion: VersionIn, toVersion: VersionIn })))
    .query(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(SchemeService, (r) => r.diff(ctx.actor, i.schemeId, i.fromVersion, i.toVersion)))
        .then((d) => ({ from: schemeOut(d.from), to: schemeOut(d.to), changes: d.changes })),
    ),
  /** A new draft from a preset, for a region in the caller's scope (defaults: the preset's own values). */
  createFromPreset: procedure
    .permission("scheme.write")
    .input(
      input(
        Schema.Struct({
          presetKey: Id("模板 / preset"),
          schemeId: Schema.optional(Scheme.SchemeId),
          regionId: Schema.optional(Id("区域 / region")),
          version: Schema.optional(VersionIn),
          effectiveFrom: Schema.optional(
            LocalDate.LocalDate.annotations({ title: "生效日期 / effective from" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(SchemeService, (r) => r.createDraftFromPreset(ctx.cmd, i))).then(schemeOut),
    ),
  /** A new draft from a whole scheme written from scratch (the kernel Scheme, encoded). */
  create: procedure
    .permission("scheme.write")
    .input(input(Schema.Struct({ scheme: SchemeBody })))
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(Effect.flatMap(SchemeService, (r) => r.createDraft(ctx.cmd, { scheme: encodeScheme(i.scheme) })))
        .then(schemeOut),
    ),
  /**
   * A new draft copying a stored version, numbered `version` (default: one above `fromVersion`) and taking
   * effect on `effectiveFrom` — the usual first step of a revision; edit it with updateDraft, then publish.
   */
  createVersion: procedure
    .permission("scheme.write")
    .input(
      input(
        Schema.Struct({
          schemeId: SchemeIdIn,
          fromVersion: VersionIn,
          version: Schema.optional(VersionIn),
          effectiveFrom: LocalDate.LocalDate.annotations({ title: "生效日期 / effective from" }),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(SchemeService, (r) => r.createVersion(ctx.cmd, i))).then(schemeOut),
    ),
  /** Replace a draft's body; `expectedRowVersion` is the row version read (a stale one is refused). */
  updateDraft: procedure
    .permission("scheme.write")
    .input(
      input(
        Schema.Struct({
          schemeId: SchemeIdIn,
          version: VersionIn,
          expectedRowVersion: RowVersion,
          scheme: SchemeBody,
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx
        .run(
          Effect.flatMap(SchemeService, (r) =>
            r.updateDraft(ctx.cmd, { ...i, scheme: encodeScheme(i.scheme) }),
          ),
        )
        .then(schemeOut),
    ),
  /** Publish a draft taking effect on `effectiveFrom` (must follow the latest published version). */
  publish: procedure
    .permission("scheme.publish")
    .input(
      input(
        Schema.Struct({
          schemeId: SchemeIdIn,
          version: VersionIn,
          expectedRowVersion: RowVersion,
          effectiveFrom: Schema.optional(
            LocalDate.LocalDate.annotations({ title: "生效日期 / effective from" }),
          ),
        }),
      ),
    )
    .mutation(({ ctx, input: i }) =>
      ctx.run(Effect.flatMap(SchemeService, (r) => r.publish(ctx.cmd, i))).then(schemeOut),
    ),
})
