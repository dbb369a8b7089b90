import { Person, Scheme } from "@cadre/domain"
import { eq, sql } from "drizzle-orm"
import { Schema } from "effect"
import type { Db } from "../database.js"
import { auditLog, people, personVersions, posts, regions, schemes, units } from "../schema/index.js"
import {
  DEMO_ANQIU_CANDIDATES,
  DEMO_D003_PEOPLE,
  DEMO_GUIZHOU_CANDIDATES,
  DEMO_HUAISHANG_CADRES,
  DEMO_PEOPLE_COUNT,
  demoPeople,
} from "./people.js"
import { DEMO_POSTS, DEMO_REGIONS, DEMO_UNITS, type DemoRegion } from "./places.js"

export interface DemoLoadResult {
  /** False when the demo data was already there (nothing was changed). */
  readonly loaded: boolean
  readonly regions: number
  readonly units: number
  readonly posts: number
  readonly people: number
  readonly schemes: number
  readonly campaigns: number
}

const MARKER_REGION = "310110"

const pathsFor = (list: ReadonlyArray<DemoRegion>): Map<string, string> => {
  const byId = new Map(list.map((x) => [x.id, x]))
  const out = new Map<string, string>()
  for (const x of list) {
    const chain: Array<string> = []
    let cur: DemoRegion | undefined = x
    while (cur !== undefined) {
      chain.unshift(cur.id)
      cur = cur.parentId === undefined ? undefined : byId.get(cur.parentId)
    }
    out.set(x.id, `/${chain.map((id) => id.replaceAll("/", "_")).join("/")}/`)
  }
  return out
}

/**
 * Load the demo's reference data (regions, units, posts, people, published schemes) into an empty database in one
 * transaction. Idempotent: when the marker region exists nothing is written; every insert also ignores rows that
 * already exist. The campaigns and placements are made by the application services on top of it
 * (`loadDemoData` in @cadre/services).
 */
export async function loadDemoBase(db: Db): Promise<Omit<DemoLoadResult, "campaigns">> {
  return db.transaction(async (tx) => {
    const [marker] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, MARKER_REGION))
    const loaded = marker === undefined
    if (loaded) {
      const paths = pathsFor(DEMO_REGIONS)
      await tx
        .insert(regions)
        .values(
          DEMO_REGIONS.map((x) => ({
            id: x.id,
            name: x.name,
            level: x.level,
            parentId: x.parentId ?? null,
            path: paths.get(x.id) ?? `/${x.id}/`,
          })),
        )
        .onConflictDoNothing()
      await tx
        .insert(units)
        .values(DEMO_UNITS.map((u) => ({ ...u, roles: [...u.roles] })))
        .onConflictDoNothing()
      await tx
        .insert(posts)
        .values(DEMO_POSTS.map((p) => ({ ...p, unitId: p.unitId ?? null })))
        .onConflictDoNothing()
      // A person's unit is their employer's (issue 14): the demo unit whose name is their current unit, if any.
      const unitByName = new Map(DEMO_UNITS.map((u) => [u.name, u.id]))
      for (const { regionId, profile } of [
        ...demoPeople(),
        ...DEMO_ANQIU_CANDIDATES,
        ...DEMO_GUIZHOU_CANDIDATES,
        ...DEMO_HUAISHANG_CADRES,
        ...DEMO_D003_PEOPLE,
      ]) {
        const decoded = Schema.decodeSync(Person.Profile)(profile)
        const { id, idNumber, phone, ...rest } = Schema.encodeSync(Person.Profile)(decoded)
        const row = {
          regionId,
          unitId:
            (decoded.currentUnit === undefined ? undefined : unitByName.get(decoded.currentUnit)) ?? null,
          idNumber,
          phone: phone ?? null,
          name: decoded.name,
          profile: rest,
        }
        await tx
          .insert(people)
          .values({ id, ...row })
          .onConflictDoNothing()
        await tx
          .insert(personVersions)
          .values({
            personId: id,
            version: 1,
            source: "entered",
            actorAccountId: "system:demo",
            actorRole: "org_dept_admin",
            ...row,
          })
          .onConflictDoNothing()
      }
      for (const preset of Scheme.PRESETS) {
        const scheme = Scheme.loadPreset(preset)
        await tx
          .insert(schemes)
          .values({
            schemeId: scheme.id,
            version: scheme.version,
            regionId: scheme.regionId,
            status: "published",
            effectiveFrom: scheme.effectiveFrom,
            formatVersion: scheme.formatVersion,
            body: Schema.encodeSync(Scheme.Scheme)(scheme),
            createdBy: "system:demo",
            publishedAt: sql`now()`,
            publishedBy: "system:demo",
          })
          .onConflictDoNothing()
      }
      await tx.insert(auditLog).values({
        actorAccountId: "system:demo",
        actorRole: "org_dept_admin",
        action: "demo.load",
        entity: "demo",
        entityId: "demo",
        regionPath: "/",
        before: null,
        after: { regions: DEMO_REGIONS.length, people: DEMO_PEOPLE_COUNT, schemes: Scheme.PRESETS.length },
      })
    }
    const count = async (
      t: typeof regions | typeof units | typeof posts | typeof people | typeof schemes,
    ) => {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(t)
      return c?.n ?? 0
    }
    return {
      loaded,
      regions: await count(regions),
      units: await count(units),
      posts: await count(posts),
      people: await count(people),
      schemes: await count(schemes),
    }
  })
}
