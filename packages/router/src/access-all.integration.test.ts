import {
  apiTokens,
  applications,
  auditLog,
  campaigns,
  leaveRequests,
  people,
  placements,
  posts,
  regions,
  schemes,
  units,
} from "@cadre/db"
import { alias } from "drizzle-orm/pg-core"
import { Access, Pool, Scheme, Selection } from "@cadre/domain"
import { Either, Schema } from "effect"
import { TRPCError } from "@trpc/server"
import { and, eq } from "drizzle-orm"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { appRouter } from "./root.js"
import { DEMO_PASSWORD, type Harness, makeHarness } from "./test-support.js"
import type { Meta } from "./trpc.js"

/**
 * Issue 3, "Accounts and access": for EVERY procedure, a caller from a sibling region, a parent region, a unit, an
 * applicant or nobody gets exactly what the kernel predicates (Access.can / seesRegion / seesScheme /
 * changesScheme / mayCreateAccount) allow — a property over random actors × random demo resources.
 *
 * Every procedure of `appRouter` needs an entry in TABLE (the first test fails otherwise), so a new procedure
 * cannot ship without its access property. Writes are aimed so that access decides before anything changes: a
 * stale version or an existing id answers CONFLICT when the caller may act, so random runs leave the data alone.
 * Outcomes: "ok", a tRPC error code, or "listed"/"absent" for lists (the chosen row is there or not).
 */

type Caller = ReturnType<Harness["caller"]>
type ActorCase = { readonly actor: Access.Actor | null; readonly headers: Record<string, string> }
type Region = { id: string; path: string }
type Scoped = { id: string; path: string; regionId: string }
type SchemeRow = { schemeId: string; version: number; status: "draft" | "published"; path: string }

interface Entry {
  /** Call the procedure for resource indices `i`, `k`; return "ok"/"listed"/"absent" (errors become codes). */
  readonly run: (c: Caller, a: Access.Actor | null, i: number, k: number) => Promise<string | unknown>
  /** The outcome the kernel predicts for a signed-in actor. Anonymous callers of non-public ones: UNAUTHORIZED. */
  readonly expected: (a: Access.Actor, i: number, k: number) => string
  /** The outcome for an anonymous caller of a public procedure. */
  readonly anonymous?: (i: number, k: number) => string
  readonly runs?: number
  /** The same answer for every caller (public and per-caller procedures): no refused/allowed split to find. */
  readonly uniform?: true
}

const SCOPES = ["310110", "310110001", "310110002", "310110001001"] as const
const TAKEN_EMAIL = "taken-access-all@test.example.org"
const REF_DATE = "2026-06-30"

let h: Harness
const actors: Array<ActorCase> = []
let regionRows: Array<Region> = []
let schemeRows: Array<SchemeRow> = []
/** `unitIds`: the units a person is tied to (their unit; units that dispatched, host or recommended them). */
let personRows: Array<Scoped & { unitId: string | null; unitIds: Array<string | null> }> = []
/** A valid profile whose ID number is on record (a demo person's): a staff create answers CONFLICT after access. */
let onRecordProfile: Record<string, unknown> = {}
let unitRows: Array<Scoped> = []
let postRows: Array<Scoped> = []
let auditRows: Array<{ id: number; entity: string; entityId: string; path: string }> = []
type CampaignRow = {
  id: string
  path: string
  schemeId: string
  schemeVersion: number
  schemePath: string
  status: string
  /** jsonb: the open channels. */
  channels: unknown
}
let campaignRows: Array<CampaignRow> = []
type AppRow = {
  id: string
  campaignId: string
  personId: string
  campaignPath: string
  regionPath: string
  schemeId: string
  schemeVersion: number
  channel: string | null
  campaignStatus: string
  /** Issue 13: the recommending unit, the person's unit, the post's host unit (Access.ownUnit). */
  unitIds: Array<string | null>
}
let appRows: Array<AppRow> = []
const appState = new Map<string, string>()
type PlacementRow = {
  id: string
  personId: string
  postId: string
  regionPath: string
  state: string
  /** Issue 13: the dispatching unit and the post's host unit (Access.ownUnit). */
  unitIds: Array<string | null>
}
let placementRows: Array<PlacementRow> = []
let leaveRows: Array<{ id: string; regionPath: string; personId: string; unitIds: Array<string | null> }> = []

const pick = <A>(rows: ReadonlyArray<A>, i: number): A => rows[i % rows.length] as A
/** Each campaign's scheme path (Selection.derivePath of its stored version), for the kernel's authority predicate. */
const pathOf = new Map<string, Selection.Path>()
/** Issue 13: is the move the caller's to make (Selection.authorise over the campaign's scheme path and scope)? */
const pathFor = (row: AppRow): Selection.Path => {
  const path = pathOf.get(`${row.schemeId}@${row.schemeVersion}`)
  if (path === undefined) throw new Error(`no path for ${row.schemeId} v${row.schemeVersion}`)
  return path
}
const mayMove = (a: Access.Actor, row: AppRow, move: Selection.MoveShape): boolean =>
  Either.isRight(
    Selection.authorise(a, move, {
      path: pathFor(row),
      campaignPath: row.campaignPath,
      application: {
        state: appState.get(row.id) as Selection.State,
        personId: row.personId,
        regionPath: row.regionPath,
        unitIds: row.unitIds,
      },
    }),
  )
/** May `a` submit into the row's campaign through `channel` (the entry's authority: no application yet)? */
const maySubmit = (a: Access.Actor, row: AppRow, channel: "organisation_recommendation"): boolean =>
  Either.isRight(
    Selection.authorise(
      a,
      { _tag: "Submit", channel },
      { path: pathFor(row), campaignPath: row.campaignPath },
    ),
  )
const signedIn = (): Array<Access.Actor> => actors.flatMap((a) => (a.actor === null ? [] : [a.actor]))

const preset = Scheme.PRESETS.find((p) => p.key === "yangpu-community-secretary") ?? Scheme.PRESETS[0]

/** Permission first (FORBIDDEN), then scope (NOT_FOUND), then `allowed`. */
const scoped = (a: Access.Actor, p: Access.Permission, sees: boolean, allowed: string): string =>
  !Access.can(a, p) ? "FORBIDDEN" : sees ? allowed : "NOT_FOUND"
/** Lists: rows are filtered by scope, never refused for it. */
const listed = (a: Access.Actor, p: Access.Permission, sees: boolean): string =>
  !Access.can(a, p) ? "FORBIDDEN" : sees ? "listed" : "absent"
/** In post (issue 5): a placement is seen by staff within the post's region, by a cadre if it is their own. */
const seesPl = (a: Access.Actor, r: PlacementRow): boolean => Access.seesPlacement(a, r)
/** Issue 13: a person as the people lists and gets see them (a unit account: only its own unit's). */
const seesP = (a: Access.Actor, person: (typeof personRows)[number]): boolean =>
  Access.seesPerson(a, { id: person.id, regionPath: person.path, unitIds: person.unitIds })
/**
 * A person is seen by their own region, or through a placement of theirs in the scope (one-person-one-file); a
 * unit account sees only its own unit's people (issue 13).
 */
const seesPerson = (a: Access.Actor, person: (typeof personRows)[number]): boolean =>
  Access.unitOf(a) !== null
    ? seesP(a, person)
    : Access.seesRegion(a, person.path) ||
      (a.role !== "applicant" &&
        placementRows.some((p) => p.personId === person.id && Access.seesRegion(a, p.regionPath)))
/** A cadre's own route (placement.own) or a staff one (`staff` permission), then scope, then `allowed`. */
const ownOrStaff = (a: Access.Actor, staff: Access.Permission, sees: boolean, allowed: string): string =>
  a.role === "applicant"
    ? !Access.can(a, "placement.own")
      ? "FORBIDDEN"
      : sees
        ? allowed
        : "NOT_FOUND"
    : scoped(a, staff, sees, allowed)
/** Public to anyone (issue 17): open and taking self-registration. */
const isPublicCampaign = (r: CampaignRow | undefined): boolean =>
  r !== undefined &&
  r.status === "open" &&
  Array.isArray(r.channels) &&
  r.channels.includes("self_registration")
const plainly = (a: Access.Actor, p: Access.Permission): string => (Access.can(a, p) ? "ok" : "FORBIDDEN")
const openPlacements = () =>
  placementRows.filter((r) => !["returned_to_unit", "adjusted", "recalled", "exited"].includes(r.state))

/** Scheme writes: invisible → NOT_FOUND, visible but not changeable (an ancestor's) → FORBIDDEN. */
const schemeWrite = (a: Access.Actor, p: Access.Permission, s: SchemeRow): string =>
  !Access.can(a, p)
    ? "FORBIDDEN"
    : !Access.seesScheme(a, s.path, s.status)
      ? "NOT_FOUND"
      : Access.changesScheme(a, s.path)
        ? "CONFLICT"
        : "FORBIDDEN"
const hasPublished = (schemeId: string) =>
  schemeRows.some((s) => s.schemeId === schemeId && s.status === "published")
const integrators = () => signedIn().filter((a) => a.role === "integrator")
/** issueToken/revokeToken: only an integrator account within the caller's scope; anything else is refused alike. */
const tokenTarget = (a: Access.Actor, target: Access.Actor): string =>
  !Access.can(a, "account.create")
    ? "FORBIDDEN"
    : target.role === "integrator" && Access.seesRegion(a, target.scopePath)
      ? "ok"
      : "BAD_REQUEST"
const CREATABLE = Access.ROLES.filter((r) => r !== "applicant")
/** Schemes whose pool composition is set (campaigns.poolCheck answers for them). */
const POOL_SCHEMES = new Set(
  Scheme.PRESETS.filter((p) => Pool.poolRulesOf(Scheme.loadPreset(p)) !== undefined).map((p) => p.encoded.id),
)

// GB 11643: 17 digits, then the check character from the weighted sum mod 11.
const withCheck = (body: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0)
  return `${body}${"10X98765432"[sum % 11]}`
}

/** A profile whose birth date contradicts its ID number: refused by the repository's decode, after access. */
const badProfile = {
  name: "测试申请人",
  sex: "male" as const,
  birthDate: "1991-01-01",
  idNumber: withCheck("31011019900101777"),
  phone: "13900001111",
  party: { _tag: "Full" as const, joined: "2012-06-01", fullMemberSince: "2013-06-01" },
  education: [{ level: "bachelor" as const, fullTime: true }],
  employment: "civil_servant" as const,
  workHistory: [],
  conduct: [],
  attestations: [],
}

const TABLE: Readonly<Record<string, Entry>> = {
  // —— auth: public or per-caller by design ——
  "auth.passwordPolicy": {
    uniform: true,
    run: (c) => c.auth.passwordPolicy(),
    expected: () => "ok",
    anonymous: () => "ok",
  },
  "auth.registerEmail": {
    uniform: true,
    // An e-mail already registered, with a guessed code: refused the same way whoever asks; nothing is written.
    run: (c) =>
      c.auth.registerEmail({
        email: TAKEN_EMAIL,
        code: "000000",
        password: "Strong-pass-2026",
        name: "重复",
      }),
    expected: () => "BAD_REQUEST",
    anonymous: () => "BAD_REQUEST",
  },
  "auth.requestEmailCode": {
    uniform: true,
    // The same answer for a taken address as for a free one (only the mailbox learns which).
    run: (c, _a, i) =>
      c.auth.requestEmailCode({ email: i === 0 ? TAKEN_EMAIL : `free-${i}@test.example.org` }),
    expected: () => "ok",
    anonymous: () => "ok",
  },
  "auth.requestPhoneCode": {
    uniform: true,
    run: (c, _a, i) => c.auth.requestPhoneCode({ phone: `137${String(i % 1e8).padStart(8, "0")}` }),
    expected: () => "ok",
    anonymous: () => "ok",
    runs: 10,
  },
  "auth.registerPhone": {
    uniform: true,
    run: (c, _a, i) =>
      c.auth.registerPhone({
        phone: `136${String(i % 1e8).padStart(8, "0")}`,
        code: "000000",
        password: "Strong-pass-2026",
        name: "无码",
      }),
    expected: () => "BAD_REQUEST",
    anonymous: () => "BAD_REQUEST",
    runs: 10,
  },
  "auth.login": {
    uniform: true,
    run: (c) => c.auth.login({ identifier: TAKEN_EMAIL, password: DEMO_PASSWORD }),
    expected: () => "ok",
    anonymous: () => "ok",
    runs: 10,
  },
  "auth.logout": {
    uniform: true,
    run: (c) => c.auth.logout(),
    expected: () => "ok",
    runs: 10,
  },
  "auth.me": {
    uniform: true,
    run: async (c, a) => {
      const me = await c.auth.me()
      expect(me.accountId).toBe(a?.accountId)
      // The permissions a screen may rely on are exactly what every procedure checks.
      for (const p of Access.PERMISSIONS) expect(me.permissions.includes(p)).toBe(Access.can(me, p))
      return "ok"
    },
    expected: () => "ok",
  },
  // —— accounts ——
  "accounts.list": {
    run: async (c, a, i) => {
      const rows = (await c.accounts.list({ limit: 200 })).items
      expect(rows.every((r) => a !== null && Access.pathWithin(a.scopePath, r.scopePath))).toBe(true)
      return rows.some((r) => r.accountId === pick(signedIn(), i).accountId) ? "listed" : "absent"
    },
    expected: (a, i) =>
      listed(a, "account.create", Access.pathWithin(a.scopePath, pick(signedIn(), i).scopePath)),
  },
  "accounts.create": {
    // An e-mail already taken: CONFLICT once access (mayCreateAccount) lets the call through.
    run: (c, _a, i, k) => {
      const role = pick(CREATABLE, k)
      const unit = role === "dispatching_unit_admin" || role === "host_unit_admin"
      return c.accounts.create({
        email: TAKEN_EMAIL,
        name: "重复",
        password: DEMO_PASSWORD,
        role,
        scope: unit ? { unitId: pick(unitRows, i).id } : { regionId: pick(regionRows, i).id },
      })
    },
    expected: (a, i, k) => {
      const role = pick(CREATABLE, k)
      const unit = role === "dispatching_unit_admin" || role === "host_unit_admin"
      const path = unit ? pick(unitRows, i).path : pick(regionRows, i).path
      return Access.mayCreateAccount(a, role, path) ? "CONFLICT" : "FORBIDDEN"
    },
  },
  "accounts.issueToken": {
    // Succeeds when allowed (a new token row): a few runs only.
    run: (c, _a, i) => c.accounts.issueToken({ accountId: pick(signedIn(), i).accountId, name: "prop" }),
    expected: (a, i) => tokenTarget(a, pick(signedIn(), i)),
    runs: 15,
  },
  "accounts.revokeToken": {
    // A fresh token of a random integrator per run, so a revocation never touches the actors' own tokens.
    run: async (c, _a, i) => {
      const target = pick(integrators(), i)
      const id = crypto.randomUUID()
      await h.handle.db.insert(apiTokens).values({
        id,
        userId: target.accountId,
        name: "prop",
        tokenHash: `hash-${id}`,
        prefix: id.slice(0, 8),
      })
      return c.accounts.revokeToken({ tokenId: id })
    },
    expected: (a, i) => tokenTarget(a, pick(integrators(), i)),
    runs: 15,
  },
  // —— regions ——
  "regions.tree": {
    run: async (c, a, i) => {
      const rows = await c.regions.tree({})
      expect(rows.every((r) => a !== null && Access.seesRegion(a, r.path))).toBe(true)
      return rows.some((r) => r.id === pick(regionRows, i).id) ? "listed" : "absent"
    },
    expected: (a, i) => listed(a, "region.read", Access.seesRegion(a, pick(regionRows, i).path)),
  },
  "regions.get": {
    run: (c, _a, i) => c.regions.get({ id: pick(regionRows, i).id }),
    expected: (a, i) => scoped(a, "region.read", Access.seesRegion(a, pick(regionRows, i).path), "ok"),
  },
  "regions.create": {
    // The id of an existing region (or a level that cannot sit there): CONFLICT once the parent is in scope.
    run: (c, _a, i, k) =>
      c.regions.create({
        id: pick(regionRows, k).id,
        name: "新区域",
        level: "community",
        parentId: pick(regionRows, i).id,
      }),
    expected: (a, i) => scoped(a, "region.write", Access.seesRegion(a, pick(regionRows, i).path), "CONFLICT"),
  },
  "regions.rename": {
    run: (c, _a, i) => c.regions.rename({ id: pick(regionRows, i).id, name: "改名", expectedVersion: 999 }),
    expected: (a, i) => scoped(a, "region.write", Access.seesRegion(a, pick(regionRows, i).path), "CONFLICT"),
  },
  "regions.merge": {
    run: (c, _a, i, k) =>
      c.regions.merge({
        id: pick(regionRows, i).id,
        intoId: pick(regionRows, k).id,
        reason: "测试",
        expectedVersion: 999,
      }),
    expected: (a, i, k) =>
      scoped(
        a,
        "region.write",
        Access.seesRegion(a, pick(regionRows, i).path) && Access.seesRegion(a, pick(regionRows, k).path),
        "CONFLICT",
      ),
  },
  // —— units ——
  "units.list": {
    run: async (c, a, i) => {
      const u = pick(unitRows, i)
      const rows = (await c.units.list({ regionId: u.regionId, limit: 200 })).items
      expect(rows.every((r) => a !== null && Access.seesRegion(a, r.regionPath))).toBe(true)
      return rows.some((r) => r.id === u.id) ? "listed" : "absent"
    },
    expected: (a, i) => listed(a, "unit.read", Access.seesRegion(a, pick(unitRows, i).path)),
  },
  "units.get": {
    run: (c, _a, i) => c.units.get({ id: pick(unitRows, i).id }),
    expected: (a, i) => scoped(a, "unit.read", Access.seesRegion(a, pick(unitRows, i).path), "ok"),
  },
  "units.create": {
    run: (c, _a, i, k) =>
      c.units.create({
        id: pick(unitRows, k).id,
        name: "测试单位",
        regionId: pick(regionRows, i).id,
        roles: ["host"],
        category: "agency",
      }),
    expected: (a, i) => scoped(a, "unit.write", Access.seesRegion(a, pick(regionRows, i).path), "CONFLICT"),
  },
  "units.update": {
    run: (c, _a, i) => c.units.update({ id: pick(unitRows, i).id, expectedVersion: 999, name: "改名" }),
    expected: (a, i) => scoped(a, "unit.write", Access.seesRegion(a, pick(unitRows, i).path), "CONFLICT"),
  },
  // —— posts (declared region.read / region.write) ——
  "posts.list": {
    run: async (c, a, i) => {
      const p = pick(postRows, i)
      const rows = (await c.posts.list({ regionId: p.regionId, limit: 200 })).items
      expect(rows.every((r) => a !== null && Access.seesRegion(a, r.regionPath))).toBe(true)
      return rows.some((r) => r.id === p.id) ? "listed" : "absent"
    },
    expected: (a, i) => listed(a, "region.read", Access.seesRegion(a, pick(postRows, i).path)),
  },
  "posts.get": {
    run: (c, _a, i) => c.posts.get({ id: pick(postRows, i).id }),
    expected: (a, i) => scoped(a, "region.read", Access.seesRegion(a, pick(postRows, i).path), "ok"),
  },
  "posts.create": {
    run: (c, _a, i, k) =>
      c.posts.create({ id: pick(postRows, k).id, regionId: pick(regionRows, i).id, title: "测试岗位" }),
    expected: (a, i) => scoped(a, "region.write", Access.seesRegion(a, pick(regionRows, i).path), "CONFLICT"),
  },
  "posts.update": {
    run: (c, _a, i) => c.posts.update({ id: pick(postRows, i).id, expectedVersion: 999, title: "改名" }),
    expected: (a, i) => scoped(a, "region.write", Access.seesRegion(a, pick(postRows, i).path), "CONFLICT"),
  },
  // —— schemes ——
  // Every role holds scheme.read (the portal lists schemes): only anonymous callers are refused.
  "schemes.presets": {
    uniform: true,
    run: (c) => c.schemes.presets(),
    expected: (a) => (Access.can(a, "scheme.read") ? "ok" : "FORBIDDEN"),
  },
  "schemes.preset": {
    uniform: true,
    run: (c) => c.schemes.preset({ key: preset?.key ?? "" }),
    expected: (a) => (Access.can(a, "scheme.read") ? "ok" : "FORBIDDEN"),
  },
  "schemes.list": {
    run: async (c, a, i) => {
      const s = pick(schemeRows, i)
      const rows = await c.schemes.list({ schemeId: s.schemeId })
      expect(rows.every((r) => a !== null && Access.seesScheme(a, r.regionPath, r.status))).toBe(true)
      return rows.some((r) => r.version === s.version) ? "listed" : "absent"
    },
    expected: (a, i) => {
      const s = pick(schemeRows, i)
      return listed(a, "scheme.read", Access.seesScheme(a, s.path, s.status))
    },
  },
  "schemes.get": {
    run: (c, _a, i) => {
      const s = pick(schemeRows, i)
      return c.schemes.get({ schemeId: s.schemeId, version: s.version })
    },
    expected: (a, i) => {
      const s = pick(schemeRows, i)
      return scoped(a, "scheme.read", Access.seesScheme(a, s.path, s.status), "ok")
    },
  },
  "schemes.inForceOn": {
    run: (c, _a, i) => c.schemes.inForceOn({ schemeId: pick(schemeRows, i).schemeId, date: "2099-12-31" }),
    expected: (a, i) => {
      const s = pick(schemeRows, i)
      return scoped(
        a,
        "scheme.read",
        hasPublished(s.schemeId) && Access.seesScheme(a, s.path, "published"),
        "ok",
      )
    },
  },
  "schemes.diff": {
    run: (c, _a, i) => {
      const s = pick(schemeRows, i)
      return c.schemes.diff({ schemeId: s.schemeId, fromVersion: s.version, toVersion: s.version })
    },
    expected: (a, i) => {
      const s = pick(schemeRows, i)
      return scoped(a, "scheme.read", Access.seesScheme(a, s.path, s.status), "ok")
    },
  },
  "schemes.createFromPreset": {
    // Version 1 of an existing scheme id: CONFLICT once changesScheme lets the call through.
    run: (c, _a, i) =>
      c.schemes.createFromPreset({
        presetKey: preset?.key ?? "",
        schemeId: pick(schemeRows, 0).schemeId,
        regionId: pick(regionRows, i).id,
        version: 1,
      }),
    expected: (a, i) =>
      !Access.can(a, "scheme.write")
        ? "FORBIDDEN"
        : !Access.seesScheme(a, pick(regionRows, i).path, "published")
          ? "NOT_FOUND"
          : Access.changesScheme(a, pick(regionRows, i).path)
            ? "CONFLICT"
            : "FORBIDDEN",
  },
  "schemes.create": {
    run: (c, _a, i) =>
      c.schemes.create({
        scheme: {
          ...(preset?.encoded ?? ({} as never)),
          id: pick(schemeRows, 0).schemeId,
          regionId: pick(regionRows, i).id,
          version: 1,
        },
      }),
    expected: (a, i) =>
      !Access.can(a, "scheme.write")
        ? "FORBIDDEN"
        : !Access.seesScheme(a, pick(regionRows, i).path, "published")
          ? "NOT_FOUND"
          : Access.changesScheme(a, pick(regionRows, i).path)
            ? "CONFLICT"
            : "FORBIDDEN",
  },
  "schemes.createVersion": {
    // Numbered like its source: version_not_higher → CONFLICT once the source is seen and changeable.
    run: (c, _a, i) => {
      const s = pick(schemeRows, i)
      return c.schemes.createVersion({
        schemeId: s.schemeId,
        fromVersion: s.version,
        version: s.version,
        effectiveFrom: "2030-01-01",
      })
    },
    expected: (a, i) => schemeWrite(a, "scheme.write", pick(schemeRows, i)),
  },
  "schemes.updateDraft": {
    run: (c, _a, i) => {
      const s = pick(schemeRows, i)
      return c.schemes.updateDraft({
        schemeId: s.schemeId,
        version: s.version,
        expectedRowVersion: 999,
        scheme: preset?.encoded ?? ({} as never),
      })
    },
    expected: (a, i) => schemeWrite(a, "scheme.write", pick(schemeRows, i)),
  },
  "schemes.publish": {
    run: (c, _a, i) => {
      const s = pick(schemeRows, i)
      return c.schemes.publish({ schemeId: s.schemeId, version: s.version, expectedRowVersion: 999 })
    },
    expected: (a, i) => schemeWrite(a, "scheme.publish", pick(schemeRows, i)),
  },
  // —— profiles ——
  "profiles.mine": {
    // Staff have no "own" profile (FORBIDDEN); the pool's applicant has none yet (NOT_FOUND).
    run: (c) => c.profiles.mine(),
    expected: (a) => scoped(a, "profile.write_own", false, "ok"),
  },
  "profiles.createMine": {
    run: (c, _a, i) => c.profiles.createMine({ regionId: pick(regionRows, i).id, profile: badProfile }),
    expected: (a) => (Access.can(a, "profile.write_own") ? "BAD_REQUEST" : "FORBIDDEN"),
  },
  "profiles.updateMine": {
    run: (c, _a, i) =>
      c.profiles.updateMine({ regionId: pick(regionRows, i).id, profile: badProfile, expectedVersion: 999 }),
    expected: (a) => scoped(a, "profile.write_own", false, "CONFLICT"),
  },
  // Save and return (issue 17): an applicant's own draft, for every applicant (none yet reads as null).
  "profiles.draftMine": {
    run: (c) => c.profiles.draftMine(),
    expected: (a) => (Access.can(a, "profile.write_own") ? "ok" : "FORBIDDEN"),
  },
  "profiles.saveDraftMine": {
    run: (c) => c.profiles.saveDraftMine({ step: "basic", values: { name: "草稿" } }),
    expected: (a) => (Access.can(a, "profile.write_own") ? "ok" : "FORBIDDEN"),
  },
  "profiles.discardDraftMine": {
    run: (c) => c.profiles.discardDraftMine(),
    expected: (a) => (Access.can(a, "profile.write_own") ? "ok" : "FORBIDDEN"),
  },
  "profiles.create": {
    // An ID number already on record: CONFLICT once the region, the unit and the kernel's writesPerson allow it.
    run: (c, _a, i, k) =>
      c.profiles.create({
        regionId: pick(regionRows, i).id,
        ...(k % 3 === 0 ? {} : { unitId: pick(unitRows, k).id }),
        profile: onRecordProfile as never,
      }),
    expected: (a, i, k) => {
      const region = pick(regionRows, i)
      const unit = k % 3 === 0 ? undefined : pick(unitRows, k)
      const unitId = unit?.id ?? (a.scope._tag === "UnitScope" ? a.scope.unitId : null)
      if (!Access.can(a, "person.write")) return "FORBIDDEN"
      if (!Access.seesRegion(a, region.path)) return "NOT_FOUND"
      if (unit !== undefined && !Access.seesRegion(a, unit.path)) return "NOT_FOUND"
      return Access.writesPerson(a, { regionPath: region.path, unitId }) ? "CONFLICT" : "FORBIDDEN"
    },
  },
  "profiles.update": {
    // A stale version: CONFLICT once the record is in sight and the caller's to keep (a unit: its own people).
    run: (c, _a, i) => {
      const p = pick(personRows, i)
      return c.profiles.update({
        id: p.id,
        regionId: p.regionId,
        profile: onRecordProfile as never,
        expectedVersion: 999,
      })
    },
    expected: (a, i) => {
      const p = pick(personRows, i)
      if (!Access.can(a, "person.write")) return "FORBIDDEN"
      if (!seesP(a, p)) return "NOT_FOUND"
      return Access.writesPerson(a, { regionPath: p.path, unitId: p.unitId }) ? "CONFLICT" : "FORBIDDEN"
    },
  },
  "profiles.history": {
    run: (c, _a, i) => c.profiles.history({ id: pick(personRows, i).id }),
    expected: (a, i) => scoped(a, "profile.read", seesP(a, pick(personRows, i)), "ok"),
  },
  "profiles.list": {
    run: async (c, a, i) => {
      const p = pick(personRows, i)
      const rows = (await c.profiles.list({ regionId: p.regionId, limit: 200 })).items
      expect(rows.every((r) => a !== null && Access.seesRegion(a, r.regionPath))).toBe(true)
      return rows.some((r) => r.id === p.id) ? "listed" : "absent"
    },
    expected: (a, i) => listed(a, "profile.read", seesP(a, pick(personRows, i))),
  },
  "profiles.get": {
    run: (c, _a, i) => c.profiles.get({ id: pick(personRows, i).id }),
    expected: (a, i) => scoped(a, "profile.read", seesP(a, pick(personRows, i)), "ok"),
  },
  // Issue 13: staff record a sanction/investigation/violation against a person in scope; who reads them reads it.
  "profiles.recordConduct": {
    run: (c, _a, i) =>
      c.profiles.recordConduct({
        personId: pick(personRows, i).id,
        record: {
          kind: "commendation",
          date: "2020-01-01",
          description: "嘉奖",
          document: "测试〔2020〕1号",
        },
      }),
    expected: (a, i) => scoped(a, "conduct.record", seesP(a, pick(personRows, i)), "ok"),
  },
  "profiles.conduct": {
    run: (c, _a, i) => c.profiles.conduct({ personId: pick(personRows, i).id }),
    expected: (a, i) => scoped(a, "profile.read", seesP(a, pick(personRows, i)), "ok"),
  },
  // —— imports (issue 14): person.write, then the job must be the caller's (an unknown one: NOT_FOUND) ——
  "imports.submitRows": {
    run: (c) => c.imports.submitRows({ jobId: "imp-none", rows: [{ name: "测试" }] }),
    expected: (a) => scoped(a, "person.write", false, "ok"),
  },
  "imports.submitTreeRows": {
    run: (c) => c.imports.submitTreeRows({ kind: "regions", jobId: "imp-none", rows: [{ code: "x" }] }),
    expected: (a) => scoped(a, "tree.import", false, "ok"),
  },
  "imports.preview": {
    run: (c) => c.imports.preview({ jobId: "imp-none" }),
    expected: (a) => scoped(a, "person.write", false, "ok"),
  },
  "imports.rows": {
    run: (c) => c.imports.rows({ jobId: "imp-none" }),
    expected: (a) => scoped(a, "person.write", false, "ok"),
  },
  "imports.status": {
    run: (c) => c.imports.status({ jobId: "imp-none" }),
    expected: (a) => scoped(a, "person.write", false, "ok"),
  },
  "imports.commit": {
    run: (c) => c.imports.commit({ jobId: "imp-none", mode: "all_or_nothing" }),
    expected: (a) => scoped(a, "person.write", false, "ok"),
  },
  "imports.cancel": {
    run: (c) => c.imports.cancel({ jobId: "imp-none" }),
    expected: (a) => scoped(a, "person.write", false, "ok"),
  },
  "imports.list": {
    run: (c) => c.imports.list({ limit: 5 }),
    expected: (a) => plainly(a, "person.write"),
  },
  // —— eligibility: the scheme must be visible, then the person (applicants: only their own record) ——
  "eligibility.check": {
    run: (c, _a, i, k) => {
      const s = pick(schemeRows, i)
      return c.eligibility.check({
        schemeId: s.schemeId,
        version: s.version,
        personId: pick(personRows, k).id,
        referenceDate: REF_DATE,
      })
    },
    expected: (a, i, k) => {
      const s = pick(schemeRows, i)
      const sees =
        Access.seesScheme(a, s.path, s.status) && a.role !== "applicant" && seesP(a, pick(personRows, k))
      return scoped(a, "eligibility.check", sees, "ok")
    },
  },
  // —— audit ——
  "audit.entities": {
    run: (c) => c.audit.entities(),
    expected: (a) => plainly(a, "audit.read"),
  },
  "audit.query": {
    run: async (c, a, i) => {
      const row = pick(auditRows, i)
      const { items: rows } = await c.audit.query({ entity: row.entity, entityId: row.entityId, limit: 1000 })
      expect(rows.every((r) => a !== null && Access.seesRegion(a, r.regionPath))).toBe(true)
      return rows.some((r) => r.id === row.id) ? "listed" : "absent"
    },
    expected: (a, i) => listed(a, "audit.read", Access.seesRegion(a, pick(auditRows, i).path)),
  },
  // —— campaigns (issue 4): seen in scope and from beneath (a street reads its district's), run in scope ——
  "campaigns.list": {
    run: async (c, a, i) => {
      const row = pick(campaignRows, i)
      const rows = (await c.campaigns.list({ limit: 200 })).items
      expect(rows.every((r) => a !== null && Access.seesCampaign(a, r.regionPath))).toBe(true)
      return rows.some((r) => r.id === row.id) ? "listed" : "absent"
    },
    expected: (a, i) => listed(a, "campaign.read", Access.seesCampaign(a, pick(campaignRows, i).path)),
  },
  "campaigns.get": {
    run: (c, _a, i) => c.campaigns.get({ id: pick(campaignRows, i).id }),
    expected: (a, i) => scoped(a, "campaign.read", Access.seesCampaign(a, pick(campaignRows, i).path), "ok"),
  },
  "campaigns.open": {
    run: (c) => c.campaigns.open(),
    expected: (a) => (Access.can(a, "application.apply") ? "ok" : "FORBIDDEN"),
  },
  // Issue 17: anyone, signed in or not, sees exactly the campaigns open to self-registration — nothing else.
  "campaigns.publicList": {
    run: async (c, _a, i) => {
      const rows = await c.campaigns.publicList()
      expect(rows.every((r) => isPublicCampaign(campaignRows.find((x) => x.id === r.id)))).toBe(true)
      return rows.some((r) => r.id === pick(campaignRows, i).id) ? "listed" : "absent"
    },
    expected: (_a, i) => (isPublicCampaign(pick(campaignRows, i)) ? "listed" : "absent"),
    anonymous: (i) => (isPublicCampaign(pick(campaignRows, i)) ? "listed" : "absent"),
  },
  "campaigns.publicGet": {
    run: (c, _a, i) => c.campaigns.publicGet({ id: pick(campaignRows, i).id }),
    expected: (_a, i) => (isPublicCampaign(pick(campaignRows, i)) ? "ok" : "NOT_FOUND"),
    anonymous: (i) => (isPublicCampaign(pick(campaignRows, i)) ? "ok" : "NOT_FOUND"),
  },
  "campaigns.publicCheck": {
    run: (c, _a, i) => c.campaigns.publicCheck({ id: pick(campaignRows, i).id, answers: {} }),
    expected: (_a, i) => (isPublicCampaign(pick(campaignRows, i)) ? "ok" : "NOT_FOUND"),
    anonymous: (i) => (isPublicCampaign(pick(campaignRows, i)) ? "ok" : "NOT_FOUND"),
  },
  "campaigns.create": {
    // An existing id: CONFLICT once the region is in scope and the (Yangpu) scheme applies to it.
    run: (c, _a, i) =>
      c.campaigns.create({
        id: pick(campaignRows, 0).id,
        regionId: pick(regionRows, i).id,
        name: "重复的批次",
        schemeId: "yangpu-community-secretary",
        schemeVersion: 1,
        channels: ["unit_recommendation"],
        places: 1,
        startYear: 2026,
        referenceDate: "2026-12-18",
        decidingBody: "org_dept_meeting",
      }),
    expected: (a, i) => {
      const path = pick(regionRows, i).path
      return !Access.can(a, "campaign.write")
        ? "FORBIDDEN"
        : !Access.seesRegion(a, path) || !path.startsWith("/310000/310110/")
          ? "NOT_FOUND"
          : "CONFLICT"
    },
  },
  "campaigns.update": {
    run: (c, _a, i) => c.campaigns.update({ id: pick(campaignRows, i).id, expectedVersion: 999, places: 3 }),
    expected: (a, i) =>
      scoped(a, "campaign.write", Access.runsCampaign(a, pick(campaignRows, i).path), "CONFLICT"),
  },
  "campaigns.openForApplications": {
    run: (c, _a, i) =>
      c.campaigns.openForApplications({ id: pick(campaignRows, i).id, expectedVersion: 999 }),
    expected: (a, i) =>
      scoped(a, "campaign.write", Access.runsCampaign(a, pick(campaignRows, i).path), "CONFLICT"),
  },
  "campaigns.close": {
    run: (c, _a, i) => c.campaigns.close({ id: pick(campaignRows, i).id, expectedVersion: 999 }),
    expected: (a, i) =>
      scoped(a, "campaign.write", Access.runsCampaign(a, pick(campaignRows, i).path), "CONFLICT"),
  },
  "campaigns.whatIf": {
    run: (c, _a, i) => {
      const row = pick(campaignRows, i)
      return c.campaigns.whatIf({ id: row.id, schemeId: row.schemeId, version: row.schemeVersion })
    },
    expected: (a, i) => {
      const row = pick(campaignRows, i)
      return !Access.can(a, "campaign.read")
        ? "FORBIDDEN"
        : !Access.seesScheme(a, row.schemePath, "published") || !Access.seesCampaign(a, row.path)
          ? "NOT_FOUND"
          : Access.can(a, "eligibility.check")
            ? "ok"
            : "FORBIDDEN"
    },
  },
  // —— applications: the campaign's owner sees all; a unit or street sees its own region's ——
  "applications.list": {
    run: async (c, a, i, k) => {
      const row = pick(appRows, i + k)
      const rows = (await c.applications.list({ campaignId: row.campaignId, limit: 200 })).items
      // Each listed row passes the kernel's predicate on what the model knows of it (its units, issue 13).
      const known = (id: string) => appRows.find((x) => x.id === id)
      expect(
        rows.every((r) => {
          const m = known(r.id)
          return (
            r.campaignId === row.campaignId && a !== null && m !== undefined && Access.seesApplication(a, m)
          )
        }),
      ).toBe(true)
      return rows.some((r) => r.id === row.id) ? "listed" : "absent"
    },
    expected: (a, i, k) => {
      const row = pick(appRows, i + k)
      return !Access.can(a, "campaign.read")
        ? "FORBIDDEN"
        : !Access.seesCampaign(a, row.campaignPath)
          ? "NOT_FOUND"
          : Access.seesApplication(a, row)
            ? "listed"
            : "absent"
    },
  },
  "applications.get": {
    run: (c, _a, i) => c.applications.get({ id: pick(appRows, i).id }),
    expected: (a, i) =>
      a.role === "applicant"
        ? Access.seesApplication(a, pick(appRows, i))
          ? "ok"
          : "NOT_FOUND"
        : scoped(a, "campaign.read", Access.seesApplication(a, pick(appRows, i)), "ok"),
  },
  "applications.mine": {
    run: (c) => c.applications.mine(),
    expected: (a) => (Access.can(a, "application.apply") ? "ok" : "FORBIDDEN"),
  },
  "applications.register": {
    // The pool's applicant has no profile: refused before anything is written.
    run: (c, _a, i) => c.applications.register({ campaignId: pick(campaignRows, i).id }),
    expected: (a) => (Access.can(a, "application.apply") ? "CONFLICT" : "FORBIDDEN"),
  },
  "applications.recommend": {
    // The person of an existing application into its own campaign: a duplicate (or a closed channel) → CONFLICT.
    run: (c, _a, i) => {
      const row = pick(appRows, i)
      return c.applications.recommend({
        campaignId: row.campaignId,
        personId: row.personId,
        channel: "organisation_recommendation",
        recommendation: { body: "某党委", meeting: "党委会议", meetingDate: "2026-07-01" },
      })
    },
    expected: (a, i) => {
      const row = pick(appRows, i)
      const person = personRows.find((p) => p.id === row.personId)
      // In an open campaign the kernel asks whose submission it is (an organisation's recommendation is the
      // runner's) before the channel or the duplicate is looked at; a campaign not open refuses first.
      // A unit recommends its own people or one of no unit on file (issue 13).
      const unitOk = person !== undefined && (person.unitId === null || Access.ownUnit(a, [person.unitId]))
      return !Access.can(a, "application.recommend")
        ? "FORBIDDEN"
        : !Access.seesRegion(a, person?.path ?? "") || !unitOk || !Access.seesCampaign(a, row.campaignPath)
          ? "NOT_FOUND"
          : row.campaignStatus === "open" && !maySubmit(a, row, "organisation_recommendation")
            ? "FORBIDDEN"
            : "CONFLICT"
    },
  },
  "applications.act": {
    run: (c, _a, i) =>
      c.applications.act({
        applicationId: pick(appRows, i).id,
        expectedVersion: 999,
        move: { _tag: "Reject", reason: "测试" },
      }),
    expected: (a, i) =>
      !Access.can(a, "campaign.read")
        ? "FORBIDDEN"
        : !Access.seesApplication(a, pick(appRows, i))
          ? "NOT_FOUND"
          : Access.can(a, "application.review") && mayMove(a, pick(appRows, i), { _tag: "Reject" })
            ? "CONFLICT"
            : "FORBIDDEN",
  },
  "applications.overrideDeadline": {
    run: (c, _a, i) =>
      c.applications.overrideDeadline({
        applicationId: pick(appRows, i).id,
        expectedVersion: 999,
        stageId: "recommend",
        reason: "测试",
      }),
    expected: (a, i) =>
      !Access.can(a, "campaign.read")
        ? "FORBIDDEN"
        : !Access.seesApplication(a, pick(appRows, i))
          ? "NOT_FOUND"
          : Access.can(a, "application.decide") && mayMove(a, pick(appRows, i), { _tag: "OverrideDeadline" })
            ? "CONFLICT"
            : "FORBIDDEN",
  },
  "applications.rescreen": {
    run: (c, _a, i) => c.applications.rescreen({ applicationId: pick(appRows, i).id, expectedVersion: 999 }),
    expected: (a, i) => {
      const outcome = scoped(a, "application.review", Access.seesApplication(a, pick(appRows, i)), "CONFLICT")
      return outcome === "CONFLICT" && !mayMove(a, pick(appRows, i), { _tag: "Screen" })
        ? "FORBIDDEN"
        : outcome
    },
  },
  "applications.waive": {
    run: (c, _a, i) =>
      c.applications.waive({
        applicationId: pick(appRows, i).id,
        expectedVersion: 999,
        waivers: [{ ruleId: "age", reason: "测试", approver: "测试", approvedOn: "2026-07-01" }],
      }),
    expected: (a, i) => {
      const row = pick(appRows, i)
      return !Access.can(a, "application.decide")
        ? "FORBIDDEN"
        : !Access.seesApplication(a, row)
          ? "NOT_FOUND"
          : mayMove(a, row, { _tag: "Waive" })
            ? "CONFLICT"
            : "FORBIDDEN"
    },
  },
  "applications.resubmit": {
    run: (c, _a, i) => c.applications.resubmit({ applicationId: pick(appRows, i).id, expectedVersion: 999 }),
    expected: (a, i) => {
      const row = pick(appRows, i)
      const permission = row.channel === "self_registration" ? "application.apply" : "application.recommend"
      // Visible first (the row's channel says who submits), then the permission, then the state: no demo
      // application has been returned to draft, so every permitted caller is told it cannot be resubmitted.
      return !Access.seesApplication(a, row)
        ? "NOT_FOUND"
        : !Access.can(a, permission)
          ? "FORBIDDEN"
          : "CONFLICT"
    },
  },
  "applications.withdraw": {
    run: (c, _a, i) => c.applications.withdraw({ applicationId: pick(appRows, i).id, expectedVersion: 999 }),
    expected: (a, i) => {
      const outcome = scoped(a, "application.apply", Access.seesApplication(a, pick(appRows, i)), "CONFLICT")
      return outcome === "CONFLICT" && !mayMove(a, pick(appRows, i), { _tag: "Withdraw" })
        ? "FORBIDDEN"
        : outcome
    },
  },
  "campaigns.schedule": {
    run: (c, _a, i) => c.campaigns.schedule({ id: pick(campaignRows, i).id }),
    expected: (a, i) => scoped(a, "campaign.read", Access.seesCampaign(a, pick(campaignRows, i).path), "ok"),
  },
  "campaigns.poolCheck": {
    // Only schemes with a pool composition answer; the others say so (BAD_REQUEST) once the campaign is seen.
    run: (c, _a, i) => c.campaigns.poolCheck({ id: pick(campaignRows, i).id }),
    expected: (a, i) =>
      scoped(
        a,
        "campaign.read",
        Access.seesCampaign(a, pick(campaignRows, i).path),
        POOL_SCHEMES.has(pick(campaignRows, i).schemeId) ? "ok" : "BAD_REQUEST",
      ),
  },
  "campaigns.ranking": {
    run: (c, _a, i) => c.campaigns.ranking({ id: pick(campaignRows, i).id, method: { _tag: "Mean" } }),
    expected: (a, i) => scoped(a, "campaign.read", Access.seesCampaign(a, pick(campaignRows, i).path), "ok"),
  },
  // —— exports ——
  "exports.roster": {
    runs: 8,
    run: (c, _a, i) => c.exports.roster({ campaignId: pick(campaignRows, i).id }),
    expected: (a, i) => scoped(a, "campaign.read", Access.seesCampaign(a, pick(campaignRows, i).path), "ok"),
  },
  "exports.arrangement": {
    runs: 8,
    run: (c, _a, i) => c.exports.arrangement({ campaignId: pick(campaignRows, i).id }),
    expected: (a, i) => scoped(a, "campaign.read", Access.seesCampaign(a, pick(campaignRows, i).path), "ok"),
  },
  "exports.start": {
    runs: 8,
    run: (c, _a, i) => c.exports.start({ campaignId: pick(campaignRows, i).id, kind: "roster" }),
    expected: (a, i) => scoped(a, "campaign.read", Access.seesCampaign(a, pick(campaignRows, i).path), "ok"),
  },
  "exports.job": {
    run: (c) => c.exports.job({ jobId: "exp-none" }),
    expected: (a) => (Access.can(a, "campaign.read") ? "NOT_FOUND" : "FORBIDDEN"),
  },
  "exports.cancel": {
    run: (c) => c.exports.cancel({ jobId: "exp-none" }),
    expected: (a) => (Access.can(a, "campaign.read") ? "NOT_FOUND" : "FORBIDDEN"),
  },
  "exports.registrationForm": {
    runs: 8,
    run: (c, _a, i) => c.exports.registrationForm({ applicationId: pick(appRows, i).id }),
    expected: (a, i) =>
      a.role === "applicant"
        ? Access.seesApplication(a, pick(appRows, i))
          ? "ok"
          : "NOT_FOUND"
        : scoped(a, "campaign.read", Access.seesApplication(a, pick(appRows, i)), "ok"),
  },
  // —— review tasks ——
  "tasks.mine": {
    run: (c) => c.tasks.mine({}),
    expected: (a) => (Access.can(a, "application.review") ? "ok" : "FORBIDDEN"),
  },
  "tasks.forCampaign": {
    run: (c, _a, i) => c.tasks.forCampaign({ campaignId: pick(campaignRows, i).id }),
    expected: (a) => (Access.can(a, "campaign.read") ? "ok" : "FORBIDDEN"),
  },
  "tasks.assign": {
    // To an account that is no reviewer: refused once the caller runs the campaign; nothing is written.
    run: (c, _a, i) => c.tasks.assign({ applicationId: pick(appRows, i).id, assignee: "no-such-account" }),
    expected: (a, i) =>
      scoped(a, "campaign.write", Access.runsCampaign(a, pick(appRows, i).campaignPath), "CONFLICT"),
  },
  "tasks.transfer": {
    run: (c) => c.tasks.transfer({ taskId: "no-such-task", expectedVersion: 1, to: "x", reason: "测试" }),
    expected: (a) => (Access.can(a, "application.review") ? "NOT_FOUND" : "FORBIDDEN"),
  },
  "tasks.assignees": {
    run: (c) => c.tasks.assignees({}),
    expected: (a) => (Access.can(a, "application.review") ? "ok" : "FORBIDDEN"),
  },
  "tasks.openCount": {
    run: (c) => c.tasks.openCount({ accountId: "nobody-left" }),
    expected: (a) => (Access.can(a, "campaign.write") ? "ok" : "FORBIDDEN"),
  },
  "tasks.remind": {
    run: (c) => c.tasks.remind({ taskId: "no-such-task", expectedVersion: 1 }),
    expected: (a) => (Access.can(a, "campaign.write") ? "NOT_FOUND" : "FORBIDDEN"),
  },
  "tasks.handover": {
    run: (c) => c.tasks.handover({ from: "nobody-left", to: "nobody-else" }),
    expected: (a) => (Access.can(a, "campaign.write") ? "ok" : "FORBIDDEN"),
  },
  // —— the working-day calendar: anyone signed in reads it; an org dept adjusts it locally in its scope ——
  "calendar.years": { uniform: true, run: (c) => c.calendar.years(), expected: () => "ok" },
  "calendar.year": { uniform: true, run: (c) => c.calendar.year({ year: 2026 }), expected: () => "ok" },
  "calendar.addWorkingDays": {
    uniform: true,
    run: (c) => c.calendar.addWorkingDays({ start: "2026-09-29", days: 5 }),
    expected: () => "ok",
  },
  // The national calendar is read-only to every account (the operator's CLI enters years).
  "calendar.enterYear": {
    uniform: true,
    run: (c) => c.calendar.enterYear({ year: 2031, holidays: [], makeUpWorkdays: ["2031-01-06"] }),
    expected: () => "FORBIDDEN",
  },
  "calendar.local": {
    uniform: true,
    run: (c, _a, i) => c.calendar.local({ regionId: pick(regionRows, i).id }),
    expected: () => "ok",
  },
  "calendar.setLocal": {
    // A local day off on National Day (already a national holiday): refused after access, nothing is entered.
    run: (c, _a, i) =>
      c.calendar.setLocal({
        regionId: pick(regionRows, i).id,
        year: 2026,
        holidays: ["2026-10-01"],
        makeUpWorkdays: [],
        reason: "测试",
      }),
    expected: (a, i) =>
      scoped(a, "calendar.local", Access.seesRegion(a, pick(regionRows, i).path), "BAD_REQUEST"),
  },

  // —— in post (issue 5): placements, archive, duties, assessment, pool, figures ——
  "placements.list": {
    run: async (c, a, i) => {
      const rows = (await c.placements.list({ limit: 200 })).items
      expect(rows.every((r) => a !== null && Access.seesRegion(a, r.regionPath))).toBe(true)
      return rows.some((r) => r.id === pick(placementRows, i).id) ? "listed" : "absent"
    },
    expected: (a, i) => listed(a, "placement.read", seesPl(a, pick(placementRows, i))),
  },
  "placements.get": {
    run: (c, _a, i) => c.placements.get({ id: pick(placementRows, i).id }),
    expected: (a, i) => scoped(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "placements.mine": {
    run: (c) => c.placements.mine(),
    expected: (a) => plainly(a, "placement.own"),
  },
  "placements.create": {
    // The person and the post of an open placement: the post is filled, so CONFLICT once both are in sight.
    run: (c, _a, i) => {
      const row = pick(openPlacements(), i)
      return c.placements.create({
        personId: row.personId,
        postId: row.postId,
        schemeId: "yangpu-community-secretary",
        schemeVersion: 1,
        placedOn: "2026-01-05",
      })
    },
    expected: (a, i) => {
      const row = pick(openPlacements(), i)
      const person = personRows.find((p) => p.id === row.personId)
      return !Access.can(a, "placement.create")
        ? "FORBIDDEN"
        : !Access.seesRegion(a, person?.path ?? "") || !Access.seesRegion(a, row.regionPath)
          ? "NOT_FOUND"
          : "CONFLICT"
    },
  },
  "placements.fromApplication": {
    // No demo application a Yangpu scope runs is appointed: CONFLICT once the campaign is the caller's.
    run: (c, _a, i) => c.placements.fromApplication({ applicationId: pick(appRows, i).id }),
    expected: (a, i) => {
      const row = pick(appRows, i)
      return !Access.can(a, "placement.create")
        ? "FORBIDDEN"
        : !Access.runsCampaign(a, row.campaignPath)
          ? "NOT_FOUND"
          : appState.get(row.id) === "appointed"
            ? "ok"
            : "CONFLICT"
    },
  },
  "placements.act": {
    run: (c, _a, i) =>
      c.placements.act({ id: pick(placementRows, i).id, expectedVersion: 999, move: { _tag: "EndTerm" } }),
    expected: (a, i) => scoped(a, "placement.manage", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "placements.recommendUse": {
    run: (c, _a, i) =>
      c.placements.recommendUse({
        id: pick(placementRows, i).id,
        expectedVersion: 999,
        trainingDirection: "基层治理",
        usageRecommendation: "提拔使用",
        consulted: { dispatchingUnit: true, hostUnit: true },
      }),
    expected: (a, i) => scoped(a, "placement.create", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "placements.consequences": {
    run: (c, _a, i) => c.placements.consequences({ personId: pick(placementRows, i).personId }),
    expected: (a) => plainly(a, "placement.read"),
  },
  "placements.replacements": {
    run: (c) => c.placements.replacements({}),
    expected: (a) => plainly(a, "placement.read"),
  },
  "archive.get": {
    run: (c, _a, i) => c.archive.get({ personId: pick(personRows, i).id }),
    expected: (a, i) => scoped(a, "placement.read", seesPerson(a, pick(personRows, i)), "ok"),
  },
  "archive.append": {
    // A date in the future: refused after access; nothing is filed.
    run: (c, _a, i) =>
      c.archive.append({
        personId: pick(personRows, i).id,
        date: "2099-01-01",
        kind: "reward",
        title: { zh: "测试", en: "test" },
      }),
    expected: (a, i) => scoped(a, "placement.manage", seesPerson(a, pick(personRows, i)), "CONFLICT"),
  },
  "reports.obligations": {
    run: (c, _a, i) => c.reports.obligations({ placementId: pick(placementRows, i).id }),
    expected: (a, i) => ownOrStaff(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "reports.submit": {
    // A key no scheme generates: refused (CONFLICT) once the placement is in sight; nothing is filed.
    run: (c, _a, i) =>
      c.reports.submit({
        placementId: pick(placementRows, i).id,
        key: "no-such-report",
        text: "x",
        attachments: [],
      }),
    expected: (a, i) => ownOrStaff(a, "placement.manage", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "reports.overdue": {
    run: (c) => c.reports.overdue({}),
    expected: (a) => plainly(a, "placement.read"),
  },
  "reports.received": {
    run: (c) => c.reports.received({}),
    expected: (a) => plainly(a, "placement.read"),
  },
  "leave.request": {
    // Ending before it starts (or the placement not serving, or no tiers): CONFLICT; nothing is asked.
    run: (c, _a, i) =>
      c.leave.request({
        placementId: pick(placementRows, i).id,
        from: "2026-05-02",
        to: "2026-05-01",
        reason: "测试",
      }),
    expected: (a, i) => ownOrStaff(a, "placement.manage", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "leave.preview": {
    // The same checks as a request (ending before it starts: CONFLICT), and nothing written.
    run: (c, _a, i) =>
      c.leave.preview({ placementId: pick(placementRows, i).id, from: "2026-05-02", to: "2026-05-01" }),
    expected: (a, i) => ownOrStaff(a, "placement.manage", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "leave.decide": {
    run: (c, _a, i) =>
      c.leave.decide({ id: pick(leaveRows, i).id, expectedVersion: 999, move: { _tag: "Approve" } }),
    expected: (a, i) => scoped(a, "leave.approve", Access.seesPlacement(a, pick(leaveRows, i)), "CONFLICT"),
  },
  "leave.returnFrom": {
    run: (c, _a, i) =>
      c.leave.returnFrom({ id: pick(leaveRows, i).id, expectedVersion: 999, date: "2026-04-10" }),
    expected: (a, i) =>
      ownOrStaff(a, "placement.manage", Access.seesPlacement(a, pick(leaveRows, i)), "CONFLICT"),
  },
  "leave.list": {
    run: (c) => c.leave.list({}),
    expected: (a) => (a.role === "applicant" ? plainly(a, "placement.own") : plainly(a, "placement.read")),
  },
  "leave.recordAbsence": {
    run: (c, _a, i) =>
      c.leave.recordAbsence({
        placementId: pick(placementRows, i).id,
        from: "2099-01-01",
        to: "2099-01-01",
        note: "测试",
      }),
    expected: (a, i) => scoped(a, "placement.manage", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "leave.absences": {
    run: (c, _a, i) => c.leave.absences({ placementId: pick(placementRows, i).id }),
    expected: (a, i) => scoped(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "inspections.record": {
    run: (c, _a, i) =>
      c.inspections.record({
        placementId: pick(placementRows, i).id,
        date: "2099-01-01",
        kind: "patrol",
        outcome: "satisfactory",
        finding: "测试",
      }),
    expected: (a, i) => scoped(a, "placement.manage", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "inspections.list": {
    run: (c, _a, i) => c.inspections.list({ placementId: pick(placementRows, i).id }),
    expected: (a, i) => scoped(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "mentoring.pair": {
    // The cadre as their own mentor: refused by the kernel (CONFLICT) once the placement is in sight.
    run: (c, _a, i) => {
      const row = pick(placementRows, i)
      return c.mentoring.pair({ placementId: row.id, mentorId: row.personId, from: "2026-03-01" })
    },
    expected: (a, i) => scoped(a, "placement.manage", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "mentoring.end": {
    run: (c) => c.mentoring.end({ id: "no-such-pair", expectedVersion: 1, to: "2026-03-01" }),
    expected: (a) => (Access.can(a, "placement.manage") ? "NOT_FOUND" : "FORBIDDEN"),
  },
  "mentoring.list": {
    run: (c) => c.mentoring.list({}),
    expected: (a) => plainly(a, "placement.read"),
  },
  "mentoring.load": {
    run: (c, _a, i) => {
      const row = pick(placementRows, i)
      return c.mentoring.load({ placementId: row.id, mentorId: row.personId, year: 2026 })
    },
    expected: (a, i) => scoped(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "training.record": {
    run: (c, _a, i) =>
      c.training.record({
        personId: pick(personRows, i).id,
        date: "2099-01-01",
        kind: "centralised",
        title: "测试",
      }),
    expected: (a, i) => scoped(a, "placement.manage", seesPerson(a, pick(personRows, i)), "CONFLICT"),
  },
  "training.check": {
    run: (c, _a, i) =>
      c.training.check({
        personId: pick(personRows, i).id,
        schemeId: "yangpu-community-secretary",
        schemeVersion: 1,
        year: 2025,
      }),
    expected: (a, i) => scoped(a, "placement.read", seesPerson(a, pick(personRows, i)), "ok"),
  },
  "assessments.list": {
    run: (c, _a, i) => c.assessments.list({ placementId: pick(placementRows, i).id }),
    expected: (a, i) => scoped(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "assessments.firstOpinion": {
    // A cycle the scheme does not have: CONFLICT once the placement is in sight.
    run: (c, _a, i) =>
      c.assessments.firstOpinion({
        placementId: pick(placementRows, i).id,
        cycleId: "no-such-cycle",
        period: "2026",
        by: "street",
        opinion: "测试",
      }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "assessments.grade": {
    run: (c, _a, i) =>
      c.assessments.grade({
        placementId: pick(placementRows, i).id,
        cycleId: "no-such-cycle",
        period: "2026",
        by: "org_dept",
        grade: "excellent",
      }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "assessments.report": {
    run: (c, _a, i) =>
      c.assessments.report({
        placementId: pick(placementRows, i).id,
        cycleId: "no-such-cycle",
        period: "2026",
        by: "dispatching_unit",
      }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "assessments.survey": {
    // A year nobody of the demo was in post: CONFLICT once the placement is in sight.
    run: (c, _a, i) =>
      c.assessments.survey({
        placementId: pick(placementRows, i).id,
        year: 2001,
        counts: { satisfied: 1, dissatisfied: 1 },
      }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "assessments.surveys": {
    run: (c, _a, i) => c.assessments.surveys({ placementId: pick(placementRows, i).id }),
    expected: (a, i) => scoped(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "pool.review": {
    // A scheme without a pool: CONFLICT once the region and the scheme are in sight; nothing is recorded.
    run: (c, _a, i) =>
      c.pool.review({
        regionId: pick(regionRows, i).id,
        schemeId: "yangpu-community-secretary",
        schemeVersion: 1,
        year: 2026,
        removals: [],
      }),
    expected: (a, i) =>
      !Access.can(a, "pool.review")
        ? "FORBIDDEN"
        : !Access.seesRegion(a, pick(regionRows, i).path) ||
            !Access.seesScheme(a, "/310000/310110/", "published")
          ? "NOT_FOUND"
          : "CONFLICT",
  },
  "pool.reviews": {
    run: (c) => c.pool.reviews({}),
    expected: (a) => plainly(a, "pool.review"),
  },
  "evaluations.list": {
    run: (c, _a, i) => c.evaluations.list({ placementId: pick(placementRows, i).id }),
    expected: (a, i) => scoped(a, "placement.read", seesPl(a, pick(placementRows, i)), "ok"),
  },
  "evaluations.score": {
    // A cycle no scheme scores: the kernel refuses (BAD_REQUEST) once the placement is in sight; nothing is filed.
    run: (c, _a, i) =>
      c.evaluations.score({
        placementId: pick(placementRows, i).id,
        cycleId: "no-such-cycle",
        period: "2026",
        total: 50,
      }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "BAD_REQUEST"),
  },
  "evaluations.reportBack": {
    // No scores at all: refused by the kernel (BAD_REQUEST) whatever the scheme.
    run: (c, _a, i) =>
      c.evaluations.reportBack({ placementId: pick(placementRows, i).id, period: "2026-H1", scores: [] }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "BAD_REQUEST"),
  },
  "evaluations.stars": {
    // Three decimals: refused by the kernel (BAD_REQUEST) whatever the scheme.
    run: (c, _a, i) =>
      c.evaluations.stars({ placementId: pick(placementRows, i).id, period: "2026-H1", points: 80.001 }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "BAD_REQUEST"),
  },
  "evaluations.evaluate": {
    // The org dept's part first: out of order, not the caller's body, or no 四评 in the scheme (CONFLICT). A cadre
    // may file only their own self-evaluation, so this is FORBIDDEN to applicants as assessment.grade predicts.
    run: (c, _a, i) =>
      c.evaluations.evaluate({
        placementId: pick(placementRows, i).id,
        period: "2026-H1",
        part: "org_dept",
        by: "org_dept",
        summary: "测试",
      }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "evaluations.classify": {
    // No finding on any standard (or no types in the scheme, or another body's decision): CONFLICT.
    run: (c, _a, i) =>
      c.evaluations.classify({
        placementId: pick(placementRows, i).id,
        period: "2026",
        type: "model",
        by: "org_dept",
        basis: [],
      }),
    expected: (a, i) => scoped(a, "assessment.grade", seesPl(a, pick(placementRows, i)), "CONFLICT"),
  },
  "reserves.enter": {
    // A scheme without a pool: CONFLICT once the person, the community and the scheme are in sight.
    run: (c, _a, i, k) =>
      c.reserves.enter({
        personId: pick(personRows, i).id,
        regionId: pick(regionRows, k).id,
        schemeId: "yangpu-community-secretary",
        schemeVersion: 1,
        role: "principal",
        source: "nominated",
        basis: "测试",
      }),
    expected: (a, i, k) =>
      !Access.can(a, "pool.review")
        ? "FORBIDDEN"
        : !seesPerson(a, pick(personRows, i)) ||
            !Access.seesRegion(a, pick(regionRows, k).path) ||
            !Access.seesScheme(a, "/310000/310110/", "published")
          ? "NOT_FOUND"
          : "CONFLICT",
  },
  "reserves.advance": {
    run: (c) => c.reserves.advance({ id: "no-such-reserve", expectedVersion: 1, basis: "测试" }),
    expected: (a) => (Access.can(a, "pool.review") ? "NOT_FOUND" : "FORBIDDEN"),
  },
  "reserves.list": {
    run: (c) => c.reserves.list({}),
    expected: (a) => plainly(a, "pool.review"),
  },
  "reserves.schemes": {
    run: (c) => c.reserves.schemes({}),
    expected: (a) => plainly(a, "pool.review"),
  },
  "figures.coverage": {
    run: (c, _a, i) => c.figures.coverage({ regionId: pick(regionRows, i).id }),
    expected: (a, i) => scoped(a, "figures.read", Access.seesRegion(a, pick(regionRows, i).path), "ok"),
  },
  "figures.cohort": {
    run: (c) => c.figures.cohort({}),
    expected: (a) => plainly(a, "figures.read"),
  },
  "figures.quotaUse": {
    run: (c, _a, i) => {
      const s = pick(schemeRows, i)
      return c.figures.quotaUse({ schemeId: s.schemeId, schemeVersion: s.version, year: 2026 })
    },
    expected: (a, i) => {
      const s = pick(schemeRows, i)
      return scoped(a, "figures.read", Access.seesScheme(a, s.path, s.status), "ok")
    },
  },
  "figures.overdue": {
    run: (c) => c.figures.overdue({}),
    expected: (a) => plainly(a, "figures.read"),
  },
  "figures.termsEnding": {
    run: (c) => c.figures.termsEnding({}),
    expected: (a) => plainly(a, "figures.read"),
  },
}

// At run time tRPC keeps the procedures flat, keyed by dotted path ("schemes.publish"); its type is nested.
const PROCEDURES = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>
const isPublic = (path: string) => {
  const access = PROCEDURES[path]?._def.meta?.access
  return access !== undefined && "public" in access
}

/** What TABLE predicts for actor `n` of the pool (anonymous included) on resources `i`, `k`. */
const expectedOf = (path: string, entry: Entry, n: number, i: number, k: number): string => {
  const a = pick(actors, n).actor
  if (a !== null) return entry.expected(a, i, k)
  return isPublic(path) ? (entry.anonymous?.(i, k) ?? "ok") : "UNAUTHORIZED"
}

/**
 * One (actor, resource) triple for every distinct outcome the kernel predicts, run as fast-check examples before
 * the random ones: each property sees its allowed AND its refused answers, whatever the random draw.
 */
const examplesFor = (path: string, entry: Entry): Array<[number, number, number]> => {
  const found = new Map<string, [number, number, number]>()
  for (let n = 0; n < actors.length; n++)
    for (let i = 0; i < 120; i++)
      for (let k = 0; k < 8; k++) {
        const e = expectedOf(path, entry, n, i, k)
        if (!found.has(e)) found.set(e, [n, i, k])
      }
  return [...found.values()]
}

const outcome = async (p: Promise<unknown>): Promise<string> => {
  try {
    const r = await p
    return typeof r === "string" && ["ok", "listed", "absent"].includes(r) ? r : "ok"
  } catch (e) {
    if (e instanceof TRPCError) return e.code
    throw e
  }
}

beforeAll(async () => {
  h = await makeHarness({ maxFailures: 1000, maxFailuresPerIp: 1000 })
  await h.actorHeaders({ role: "reviewer", regionId: "310110001", email: TAKEN_EMAIL })
  for (const role of Access.ROLES.filter((r) => r !== "applicant"))
    for (const regionId of SCOPES) {
      const unit = role === "dispatching_unit_admin" || role === "host_unit_admin"
      if (unit && regionId !== "310110") continue
      // Two units of the district (issue 13: each sees its own): 民政局 and 教育局.
      for (const unitId of unit ? ["u-yp-mz", "u-yp-jw"] : [null]) {
        const headers = await h.actorHeaders(unitId !== null ? { role, unitId } : { role, regionId })
        actors.push({ actor: await h.caller(headers).auth.me(), headers })
      }
    }
  const app = await h.actorHeaders({ role: "applicant" })
  actors.push({ actor: await h.caller(app).auth.me(), headers: app })
  actors.push({ actor: null, headers: {} })
  // A draft inside a street, so that drafts and published versions both occur.
  // (Streets lack scheme.write: the district's org dept writes it, in the street's region.)
  const orgDept = actors.find(
    (a) => a.actor?.role === "org_dept_admin" && a.actor.scopePath.endsWith("/310110/"),
  )
  await h.caller(orgDept?.headers ?? {}).schemes.create({
    scheme: { ...(preset?.encoded ?? ({} as never)), id: "dinghai-draft-all", regionId: "310110001" },
  })
  const { db } = h.handle
  regionRows = (await db.select({ id: regions.id, path: regions.path, status: regions.status }).from(regions))
    .filter((r) => r.status === "active")
    .map(({ id, path }) => ({ id, path }))
  schemeRows = await db
    .select({
      schemeId: schemes.schemeId,
      version: schemes.version,
      status: schemes.status,
      path: regions.path,
    })
    .from(schemes)
    .innerJoin(regions, eq(regions.id, schemes.regionId))
  const tiedUnits = new Map<string, Array<string | null>>()
  const tie = (personId: string, ...unitIds: Array<string | null>) =>
    tiedUnits.set(personId, [...(tiedUnits.get(personId) ?? []), ...unitIds])
  for (const p of await db
    .select({ personId: placements.personId, d: placements.dispatchingUnitId, host: posts.unitId })
    .from(placements)
    .innerJoin(posts, eq(posts.id, placements.postId)))
    tie(p.personId, p.d, p.host)
  for (const a of await db
    .select({ personId: applications.personId, unitId: applications.recommendingUnitId })
    .from(applications))
    tie(a.personId, a.unitId)
  personRows = (
    await db
      .select({ id: people.id, path: regions.path, regionId: regions.id, unitId: people.unitId })
      .from(people)
      .innerJoin(regions, eq(regions.id, people.regionId))
  ).map((p) => ({ ...p, unitIds: [p.unitId, ...(tiedUnits.get(p.id) ?? [])] }))
  const [demoPerson] = await db.select().from(people).where(eq(people.id, "demo-p-01"))
  onRecordProfile = {
    ...(demoPerson?.profile as Record<string, unknown>),
    idNumber: demoPerson?.idNumber,
    ...(demoPerson?.phone === null || demoPerson === undefined ? {} : { phone: demoPerson.phone }),
  }
  unitRows = await db
    .select({ id: units.id, path: regions.path, regionId: regions.id })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
  postRows = await db
    .select({ id: posts.id, path: regions.path, regionId: regions.id })
    .from(posts)
    .innerJoin(regions, eq(regions.id, posts.regionId))
  auditRows = await db
    .select({
      id: auditLog.id,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      path: auditLog.regionPath,
    })
    .from(auditLog)
  const schemeRegion = alias(regions, "scheme_region")
  campaignRows = await db
    .select({
      id: campaigns.id,
      path: regions.path,
      schemeId: campaigns.schemeId,
      schemeVersion: campaigns.schemeVersion,
      schemePath: schemeRegion.path,
      status: campaigns.status,
      channels: campaigns.channels,
    })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .innerJoin(
      schemes,
      and(eq(schemes.schemeId, campaigns.schemeId), eq(schemes.version, campaigns.schemeVersion)),
    )
    .innerJoin(schemeRegion, eq(schemeRegion.id, schemes.regionId))
  const appRegion = alias(regions, "app_region")
  appRows = await db
    .select({
      id: applications.id,
      campaignId: applications.campaignId,
      personId: applications.personId,
      campaignPath: regions.path,
      regionPath: appRegion.path,
      schemeId: campaigns.schemeId,
      schemeVersion: campaigns.schemeVersion,
      channel: applications.channel,
      campaignStatus: campaigns.status,
      recommendingUnitId: applications.recommendingUnitId,
      personUnitId: people.unitId,
      postUnitId: posts.unitId,
    })
    .from(applications)
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .innerJoin(regions, eq(regions.id, campaigns.regionId))
    .innerJoin(appRegion, eq(appRegion.id, applications.regionId))
    .innerJoin(people, eq(people.id, applications.personId))
    .leftJoin(posts, eq(posts.id, applications.postId))
    .then((rows) =>
      rows.map(({ recommendingUnitId, personUnitId, postUnitId, ...r }) => ({
        ...r,
        unitIds: [recommendingUnitId, personUnitId, postUnitId],
      })),
    )
  for (const a of await db.select({ id: applications.id, state: applications.state }).from(applications))
    appState.set(a.id, a.state)
  for (const v of await db.select().from(schemes))
    pathOf.set(
      `${v.schemeId}@${v.version}`,
      Selection.derivePath(Schema.decodeUnknownSync(Scheme.Scheme)(v.body)),
    )
  placementRows = await db
    .select({
      id: placements.id,
      personId: placements.personId,
      postId: placements.postId,
      regionPath: regions.path,
      state: placements.state,
      dispatchingUnitId: placements.dispatchingUnitId,
      hostUnitId: posts.unitId,
    })
    .from(placements)
    .innerJoin(regions, eq(regions.id, placements.regionId))
    .innerJoin(posts, eq(posts.id, placements.postId))
    .then((rows) =>
      rows.map(({ dispatchingUnitId, hostUnitId, ...r }) => ({
        ...r,
        unitIds: [dispatchingUnitId, hostUnitId],
      })),
    )
  leaveRows = await db
    .select({
      id: leaveRequests.id,
      regionPath: regions.path,
      personId: leaveRequests.personId,
      dispatchingUnitId: placements.dispatchingUnitId,
      hostUnitId: posts.unitId,
    })
    .from(leaveRequests)
    .innerJoin(placements, eq(placements.id, leaveRequests.placementId))
    .innerJoin(regions, eq(regions.id, placements.regionId))
    .innerJoin(posts, eq(posts.id, placements.postId))
    .then((rows) =>
      rows.map(({ dispatchingUnitId, hostUnitId, ...r }) => ({
        ...r,
        unitIds: [dispatchingUnitId, hostUnitId],
      })),
    )
}, 180_000)
afterAll(async () => h?.close())

describe("access property over every procedure (issue 3: sibling, parent, unit, applicant, anonymous)", () => {
  it("every procedure of appRouter has an entry in the access table, and every entry a procedure", () => {
    const procedures = Object.keys(PROCEDURES).sort()
    expect(procedures.length).toBeGreaterThan(30)
    expect(procedures.filter((p) => !(p in TABLE))).toEqual([])
    expect(Object.keys(TABLE).filter((p) => !(p in PROCEDURES))).toEqual([])
  })

  it("the fixtures hold both answers: several scopes, drafts and published schemes, integrators", () => {
    expect(actors.filter((a) => a.actor !== null).length).toBeGreaterThan(15)
    expect(new Set(schemeRows.map((s) => s.status)).size).toBe(2)
    for (const rows of [regionRows, unitRows, postRows, personRows, auditRows])
      expect(new Set(rows.map((r) => r.path)).size).toBeGreaterThan(2)
    expect(integrators().length).toBeGreaterThan(1)
    // Placements in several scopes and states (the demo's), and a leave request.
    expect(new Set(placementRows.map((r) => r.regionPath)).size).toBeGreaterThan(2)
    expect(new Set(placementRows.map((r) => r.state)).size).toBeGreaterThan(2)
    expect(leaveRows.length).toBeGreaterThan(0)
  })

  for (const [path, entry] of Object.entries(TABLE))
    it(`${path}: exactly what the kernel predicates allow`, async () => {
      const examples = examplesFor(path, entry)
      const signedInAnswers = new Set(
        examples
          .filter(([n]) => pick(actors, n).actor !== null)
          .map(([n, i, k]) => expectedOf(path, entry, n, i, k)),
      )
      // A table row that allows everyone or no one would test nothing about scope.
      if (entry.uniform !== true)
        expect(signedInAnswers.size, `${path}: answers ${[...signedInAnswers]}`).toBeGreaterThan(1)
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (n, i, k) => {
          const a = pick(actors, n)
          const got = await outcome(Promise.resolve(entry.run(h.caller(a.headers), a.actor, i, k)))
          const expected = expectedOf(path, entry, n, i, k)
          expect(
            got,
            `${path} by ${a.actor?.role ?? "anonymous"}@${a.actor?.scopePath ?? ""} (${i}, ${k})`,
          ).toBe(expected)
        }),
        { numRuns: entry.runs ?? 25, examples },
      )
    }, 60_000)

  it("an anonymous caller is refused (UNAUTHORIZED) by every non-public procedure", async () => {
    const anonymous = h.caller({})
    for (const [path, entry] of Object.entries(TABLE))
      if (!isPublic(path))
        expect(await outcome(Promise.resolve(entry.run(anonymous, null, 0, 0))), path).toBe("UNAUTHORIZED")
  })

  it("an applicant's own profile: created, read and screened by them; a stale update is CONFLICT", async () => {
    const me = h.caller(await h.actorHeaders({ role: "applicant" }))
    expect(await outcome(me.profiles.mine())).toBe("NOT_FOUND")
    const profile = { ...badProfile, birthDate: "1990-01-01" }
    const created = await me.profiles.createMine({ regionId: "310110001001", profile })
    expect(await outcome(me.profiles.mine())).toBe("ok")
    expect(
      await outcome(me.profiles.updateMine({ regionId: "310110001001", profile, expectedVersion: 999 })),
    ).toBe("CONFLICT")
    const published = schemeRows.find((s) => s.status === "published")
    expect(published).toBeDefined()
    const check = (personId: string) =>
      outcome(
        me.eligibility.check({
          schemeId: published?.schemeId ?? "",
          version: published?.version ?? 1,
          personId,
          referenceDate: REF_DATE,
        }),
      )
    expect(await check(created.profile.id)).toBe("ok")
    expect(await check(pick(personRows, 0).id)).toBe("NOT_FOUND")
  })
})
