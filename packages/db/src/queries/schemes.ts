import { type Access, Scheme, type Text } from "@cadre/domain"
import { and, asc, desc, eq, lte, or, type SQL, sql } from "drizzle-orm"
import { Effect } from "effect"
import type { Tx } from "../database.js"
import { CorruptRow } from "../errors.js"
import { decodeRow, within } from "../internal.js"
import { regions, schemes } from "../schema/index.js"
import { type Handle, q } from "../storage.js"

/**
 * Scheme versions as stored: the body is the kernel Scheme in its encoded form, with its id, version, region
 * and effective date also in columns. Visibility follows Access.seesScheme, in SQL (`seesSchemeSql`).
 */

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

export type SchemeRow = typeof schemes.$inferSelect

/** A scheme row with its region's path. */
export interface SchemeWithPath {
  readonly row: SchemeRow
  readonly path: string
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

/** `schemeId@version`, the key of a version in audit rows and errors. */
export const keyOf = (r: { readonly schemeId: string; readonly version: number }): string =>
  `${r.schemeId}@${r.version}`

/**
 * The record of a row whose body decoded to `scheme`; a body whose id, version or region differs from its row
 * is corrupt (throws CorruptRow).
 */
export const recordOf = (row: SchemeRow, regionPath: string, scheme: Scheme.Scheme): SchemeRecord => {
  if (scheme.id !== row.schemeId || scheme.version !== row.version || scheme.regionId !== row.regionId)
    throw new CorruptRow({
      table: "schemes",
      id: keyOf(row),
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

/** Decode a row's body through the kernel Scheme Schema (a row that does not decode throws CorruptRow). */
export const toSchemeRecord = (row: SchemeRow, regionPath: string): SchemeRecord =>
  recordOf(row, regionPath, decodeRow(Scheme.Scheme, "schemes", keyOf(row), row.body))

/** The row decoded, a corrupt row being a defect. */
export const decodeScheme = (row: SchemeRow, regionPath: string): Effect.Effect<SchemeRecord> =>
  Effect.sync(() => toSchemeRecord(row, regionPath))

const decodeAll = (rows: ReadonlyArray<SchemeRow>, regionPath: string) =>
  Effect.sync(() => rows.map((r) => toSchemeRecord(r, regionPath)))

const selectSchemes = (h: Handle) =>
  h
    .select({ row: schemes, path: regions.path })
    .from(schemes)
    .innerJoin(regions, eq(schemes.regionId, regions.id))

/** Versions the actor may see, without their bodies, newest first within each scheme. */
export const list = (
  h: Handle,
  actor: Access.Actor,
  filter?: SchemeFilter,
): Effect.Effect<ReadonlyArray<SchemeSummary>> =>
  q(
    h
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
      .orderBy(asc(schemes.schemeId), desc(schemes.version)),
    "scheme.list",
  )

/** One version the actor may see (the row, undecoded). */
export const findVisible = (
  h: Handle,
  actor: Access.Actor,
  schemeId: string,
  version: number,
): Effect.Effect<SchemeWithPath | undefined> =>
  Effect.map(
    q(
      selectSchemes(h).where(
        and(eq(schemes.schemeId, schemeId), eq(schemes.version, version), seesSchemeSql(actor)),
      ),
      "scheme.get",
    ),
    ([r]) => r,
  )

/**
 * The published version in force on `day` that the actor may see (latest effective date on or before it; ties:
 * highest version), the row undecoded.
 */
export const inForceOn = (
  h: Handle,
  actor: Access.Actor,
  schemeId: string,
  day: string,
): Effect.Effect<SchemeWithPath | undefined> =>
  Effect.map(
    q(
      selectSchemes(h)
        .where(
          and(
            eq(schemes.schemeId, schemeId),
            eq(schemes.status, "published"),
            lte(schemes.effectiveFrom, day),
            seesSchemeSql(actor),
          ),
        )
        .orderBy(desc(schemes.effectiveFrom), desc(schemes.version))
        .limit(1),
      "scheme.inForceOn",
    ),
    ([r]) => r,
  )

/** The highest stored version number of a scheme (0 when none). */
export const latestVersion = (h: Handle, schemeId: string): Effect.Effect<number> =>
  Effect.map(
    q(
      h
        .select({ v: sql<number>`coalesce(max(${schemes.version}), 0)::int` })
        .from(schemes)
        .where(eq(schemes.schemeId, schemeId)),
      "scheme.latestVersion",
    ),
    ([r]) => r?.v ?? 0,
  )

/** The stored versions of a scheme, highest first, locked FOR UPDATE (a new version is about to be added). */
export const lockVersions = (
  tx: Tx,
  schemeId: string,
): Effect.Effect<ReadonlyArray<{ readonly version: number; readonly regionId: string }>> =>
  q(
    tx
      .select({ version: schemes.version, regionId: schemes.regionId })
      .from(schemes)
      .where(eq(schemes.schemeId, schemeId))
      .orderBy(desc(schemes.version))
      .for("update"),
    "scheme.versions",
  )

/** Lock (FOR UPDATE) a version the actor may see (the row, undecoded). */
export const lockVisible = (
  tx: Tx,
  actor: Access.Actor,
  schemeId: string,
  version: number,
): Effect.Effect<SchemeWithPath | undefined> =>
  Effect.map(
    q(
      selectSchemes(tx)
        .where(and(eq(schemes.schemeId, schemeId), eq(schemes.version, version), seesSchemeSql(actor)))
        .for("update", { of: schemes }),
      "scheme.lock",
    ),
    ([r]) => r,
  )

/** The latest published version of a scheme, unscoped (the row, undecoded). */
export const latestPublished = (h: Handle, schemeId: string): Effect.Effect<SchemeWithPath | undefined> =>
  Effect.map(
    q(
      selectSchemes(h)
        .where(and(eq(schemes.schemeId, schemeId), eq(schemes.status, "published")))
        .orderBy(desc(schemes.version))
        .limit(1),
      "scheme.latestPublished",
    ),
    ([r]) => r,
  )

/** Insert a draft (`body` is `scheme` encoded); the inserted record, decoded. */
export const insertDraft = (
  tx: Tx,
  scheme: Scheme.Scheme,
  body: unknown,
  createdBy: string,
  regionPath: string,
): Effect.Effect<ReadonlyArray<SchemeRecord>> =>
  Effect.flatMap(
    q(
      tx
        .insert(schemes)
        .values({
          schemeId: scheme.id,
          version: scheme.version,
          regionId: scheme.regionId,
          status: "draft",
          effectiveFrom: scheme.effectiveFrom,
          formatVersion: scheme.formatVersion,
          body,
          createdBy,
        })
        .returning(),
      "scheme.insert",
    ),
    (rows) => decodeAll(rows, regionPath),
  )

/** Replace a draft's body (`body` is `scheme` encoded), bumping its row version; the updated record, decoded. */
export const updateDraft = (
  tx: Tx,
  scheme: Scheme.Scheme,
  body: unknown,
  regionPath: string,
): Effect.Effect<ReadonlyArray<SchemeRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(schemes)
        .set({
          body,
          effectiveFrom: scheme.effectiveFrom,
          formatVersion: scheme.formatVersion,
          rowVersion: sql`${schemes.rowVersion} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(schemes.schemeId, scheme.id), eq(schemes.version, scheme.version)))
        .returning(),
      "scheme.updateDraft",
    ),
    (rows) => decodeAll(rows, regionPath),
  )

/** Publish a version with its final body (`body` is `scheme` encoded); the updated record, decoded. */
export const publish = (
  tx: Tx,
  scheme: Scheme.Scheme,
  body: unknown,
  publishedBy: string,
  regionPath: string,
): Effect.Effect<ReadonlyArray<SchemeRecord>> =>
  Effect.flatMap(
    q(
      tx
        .update(schemes)
        .set({
          status: "published",
          body,
          effectiveFrom: scheme.effectiveFrom,
          publishedAt: sql`now()`,
          publishedBy,
          rowVersion: sql`${schemes.rowVersion} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(schemes.schemeId, scheme.id), eq(schemes.version, scheme.version)))
        .returning(),
      "scheme.publish",
    ),
    (rows) => decodeAll(rows, regionPath),
  )
