/**
 * Who may do what, and where. Every non-applicant account is bound to a scope — a region (and everything beneath
 * it) or a unit — and sees and changes only that (issue 3, "Accounts and access"). Applicants see only themselves.
 *
 * Containment is decided on materialised region paths ("/310000/310110/310110012/"): a target is within a scope
 * when its path starts with the scope's path. The database filters with the same prefix test (`LIKE path || '%'`),
 * so the rule here and the SQL filter cannot drift apart.
 *
 * @since 0.1.0
 */

import { Schema } from "effect"
import { PersonId } from "../person/Profile.js"
import { RegionId, UnitId } from "../region/Region.js"
import { type Text, Text as TextSchema } from "../shared/Text.js"

/**
 * The account roles, in display order; the source of the {@link Role} schema.
 *
 * @category constants
 * @since 0.1.0
 */
export const ROLES = [
  "org_dept_admin", // 区委组织部管理员
  "street_admin", // 街道（乡镇）管理员
  "dispatching_unit_admin", // 派出单位管理员
  "host_unit_admin", // 接收单位管理员
  "reviewer", // 审核人员
  "applicant", // 报名人员
  "integrator", // 系统对接
] as const
/**
 * An account's role: what it may do is the role's row of the permission matrix ({@link can}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Role = Schema.Literal(...ROLES).annotations({ identifier: "Role", title: "角色 / role" })
/**
 * The decoded value of the {@link Role} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Role = typeof Role.Type

/**
 * Display labels of each role, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const ROLE_LABELS: Readonly<Record<Role, Text>> = {
  org_dept_admin: { zh: "组织部管理员", en: "org dept admin" },
  street_admin: { zh: "街道（乡镇）管理员", en: "street (township) admin" },
  dispatching_unit_admin: { zh: "派出单位管理员", en: "dispatching-unit admin" },
  host_unit_admin: { zh: "接收单位管理员", en: "host-unit admin" },
  reviewer: { zh: "审核人员", en: "reviewer" },
  applicant: { zh: "报名人员", en: "applicant" },
  integrator: { zh: "系统对接账号", en: "integrator" },
}

/**
 * Where an account acts: a region and everything beneath it, a unit, or (for an applicant) their own record.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Scope = Schema.Union(
  Schema.TaggedStruct("RegionScope", { regionId: RegionId }),
  /** A unit's account: the unit, which sits in `regionId`. */
  Schema.TaggedStruct("UnitScope", { unitId: UnitId, regionId: RegionId }),
  /** An applicant: only their own person record (absent until they create a profile). */
  Schema.TaggedStruct("SelfScope", { personId: Schema.NullOr(PersonId) }),
).annotations({ identifier: "Scope", title: "权限范围 / scope" })
/**
 * The decoded value of the {@link Scope} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Scope = typeof Scope.Type

/**
 * The caller, resolved by the API from a session or an API token; never taken from the request body.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Actor = Schema.Struct({
  accountId: Schema.NonEmptyTrimmedString,
  role: Role,
  scope: Scope,
  /** The scope region's materialised path; empty for applicants. */
  scopePath: Schema.String,
  displayName: Schema.String,
}).annotations({ identifier: "Actor", title: "调用者 / actor" })
/**
 * The decoded value of the {@link Actor} schema.
 *
 * @category models
 * @since 0.1.0
 */
export type Actor = typeof Actor.Type

/**
 * Every permission the API checks, in display order; the matrix maps each role to a subset of these.
 *
 * @category constants
 * @since 0.1.0
 */
export const PERMISSIONS = [
  "region.read",
  "region.write",
  "unit.read",
  "unit.write",
  "scheme.read",
  "scheme.write",
  "scheme.publish",
  "profile.read",
  "profile.write_own",
  "person.write", // staff keep cadre records: create and edit a person's profile (issue 14)
  "conduct.record", // record a sanction, investigation or violation against a person, with its document (issue 13)
  "tree.import", // import the region tree and the units from a file: the district's org dept only (issue 14)
  "eligibility.check",
  "audit.read",
  "account.create",
  // Selection campaigns (issue 4)
  "campaign.read", // see campaigns, their applications and exports in scope
  "campaign.write", // create campaigns, set stages, places, open and close them
  "application.apply", // an applicant registers and withdraws their own application
  "application.recommend", // a unit or organisation recommends (推荐) a candidate
  "application.review", // act on review steps: screen, record, advance, return, reject, objections, tasks
  "application.decide", // waive, decide (研究决定), run the public notice, appoint, report-in
  "calendar.local", // enter local working-day adjustments for the scope region (the national calendar is read-only)
  // In post (issue 5); the kernel then checks which body a move needs (inpost/Actors.ts)
  "placement.read", // see placements, their reports, leave, assessments and archives in scope
  "placement.create", // make a placement from an appointed application, or enter one directly (org dept)
  "placement.manage", // record moves, reports, absences, inspections, mentoring, training, archive entries
  "placement.own", // a cadre sees their own placement, files their reports, asks for leave
  "leave.approve", // approve or refuse leave (the scheme's tier names the body)
  "assessment.grade", // first opinions, grades (quota-checked), reports, surveys
  "figures.read", // coverage, cohort profile, quota use, overdue reports, terms ending
  "pool.review", // the yearly review of a reserve pool
] as const
/**
 * One permission of {@link PERMISSIONS}, e.g. `"campaign.write"`.
 *
 * @category models
 * @since 0.1.0
 */
export type Permission = (typeof PERMISSIONS)[number]

const all = (...p: ReadonlyArray<Permission>): ReadonlySet<Permission> => new Set(p)

/**
 * The role matrix. Schemes are the org dept's (POLICIES "Actors": the org dept owns schemes); streets and units read
 * them and the profiles in their scope; integrators act for the org dept through the API but create no accounts.
 */
const MATRIX: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  org_dept_admin: all(
    "region.read",
    "region.write",
    "unit.read",
    "unit.write",
    "tree.import",
    "scheme.read",
    "scheme.write",
    "scheme.publish",
    "profile.read",
    "person.write",
    "conduct.record",
    "eligibility.check",
    "audit.read",
    "account.create",
    "campaign.read",
    "campaign.write",
    "application.recommend",
    "application.review",
    "application.decide",
    "calendar.local",
    "placement.read",
    "placement.create",
    "placement.manage",
    "leave.approve",
    "assessment.grade",
    "figures.read",
    "pool.review",
  ),
  // A street runs its own campaigns (001: the street's reserve pool, decided by the street's meeting).
  street_admin: all(
    "region.read",
    "region.write",
    "unit.read",
    "unit.write",
    "scheme.read",
    "profile.read",
    "conduct.record",
    "eligibility.check",
    "audit.read",
    "account.create",
    "campaign.read",
    "campaign.write",
    "application.recommend",
    "application.review",
    "application.decide",
    // The street manages cadres in post, assesses them first (000 三（二）) and reviews its reserve pool (001 五1).
    "placement.read",
    "placement.manage",
    "leave.approve",
    "assessment.grade",
    "figures.read",
    "pool.review",
  ),
  // The dispatching unit grades its cadre after the street's first opinion (000 三（二）), and keeps the records of
  // its own people (issue 14: only those whose unit it is, see writesPerson).
  dispatching_unit_admin: all(
    "region.read",
    "unit.read",
    "scheme.read",
    "profile.read",
    "person.write",
    "eligibility.check",
    "campaign.read",
    "application.recommend",
    "placement.read",
    "placement.manage",
    "assessment.grade",
  ),
  // A community (host) nominates its reserves (001 四（二）1); as host unit it approves short leave (004 晋城
  // 管理考核 一是) and records what it sees of the cadre.
  host_unit_admin: all(
    "region.read",
    "unit.read",
    "scheme.read",
    "profile.read",
    "campaign.read",
    "application.recommend",
    "placement.read",
    "placement.manage",
    "leave.approve",
    "assessment.grade",
  ),
  reviewer: all(
    "region.read",
    "unit.read",
    "scheme.read",
    "profile.read",
    "eligibility.check",
    "campaign.read",
    "application.review",
  ),
  applicant: all(
    "scheme.read",
    "profile.write_own",
    "eligibility.check",
    "application.apply",
    "placement.own",
  ),
  integrator: all(
    "region.read",
    "unit.read",
    "scheme.read",
    "scheme.write",
    "scheme.publish",
    "profile.read",
    // Another government system (the HR system, the cadre database) keeps the org dept's records in step: it
    // creates and edits cadre records and imports rosters in its scope (issue 14 item 5), each write versioned with
    // its source and audited like a clerk's.
    "person.write",
    "eligibility.check",
    "campaign.read",
    "placement.read",
    "figures.read",
  ),
}

/**
 * Whether the actor's role holds the permission: the one permission check, asked by the API before any
 * scope check (`sees*`, `runsCampaign`, …) narrows it to a target.
 *
 * @example
 * ```ts
 * import { Access } from "@cadre/domain"
 *
 * Access.can({ role: "org_dept_admin" }, "campaign.write") // true
 * Access.can({ role: "reviewer" }, "campaign.write") // false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const can = (actor: Pick<Actor, "role">, permission: Permission): boolean =>
  MATRIX[actor.role].has(permission)

/**
 * Everything a role may do, in the order of PERMISSIONS: for screens that hide what the server would refuse.
 *
 * @category getters
 * @since 0.1.0
 */
export const permissionsOf = (role: Role): ReadonlyArray<Permission> =>
  PERMISSIONS.filter((p) => MATRIX[role].has(p))

/**
 * A region path: "/a/b/c/". The root region's path is "/<id>/".
 *
 * @category constructors
 * @since 0.1.0
 */
export const pathOf = (ancestorIdsTopDown: ReadonlyArray<string>): string =>
  `/${ancestorIdsTopDown.map((id) => id.replaceAll("/", "_")).join("/")}/`

/**
 * True when `targetPath` is the scope region itself or lies beneath it.
 *
 * @category predicates
 * @since 0.1.0
 */
export const pathWithin = (scopePath: string, targetPath: string): boolean =>
  scopePath.length > 0 && targetPath.startsWith(scopePath)

/**
 * May `actor` see things that belong to the region at `targetPath`? Applicants see no region-owned data through
 * this test (their own records are checked by person id).
 *
 * @category predicates
 * @since 0.1.0
 */
export const seesRegion = (actor: Pick<Actor, "role" | "scopePath">, targetPath: string): boolean =>
  actor.role !== "applicant" && pathWithin(actor.scopePath, targetPath)

/**
 * A scheme published by a region applies to everything beneath it, so a street admin reads the district's scheme:
 * schemes of the scope's ancestors are visible too (read only). Applicants read every published scheme they may
 * apply under (the portal lists them); drafts are visible only inside the owning scope.
 *
 * @category predicates
 * @since 0.1.0
 */
export const seesScheme = (
  actor: Pick<Actor, "role" | "scopePath">,
  schemeRegionPath: string,
  status: "draft" | "published",
): boolean => {
  if (actor.role === "applicant") return status === "published"
  if (pathWithin(actor.scopePath, schemeRegionPath)) return true
  return status === "published" && pathWithin(schemeRegionPath, actor.scopePath)
}

/**
 * May `actor` change (write, publish) a scheme of the region at `schemeRegionPath`? Only inside its own scope.
 *
 * @category predicates
 * @since 0.1.0
 */
export const changesScheme = (actor: Pick<Actor, "role" | "scopePath">, schemeRegionPath: string): boolean =>
  (can(actor, "scheme.write") || can(actor, "scheme.publish")) && seesRegion(actor, schemeRegionPath)

/**
 * May `actor` see a selection campaign of the region at `campaignPath`? Its own scope's and those beneath, and —
 * like schemes — those of the regions above it (a street reads the district's campaign to recommend into it).
 *
 * @category predicates
 * @since 0.1.0
 */
export const seesCampaign = (actor: Pick<Actor, "role" | "scopePath">, campaignPath: string): boolean =>
  actor.role !== "applicant" &&
  (pathWithin(actor.scopePath, campaignPath) || pathWithin(campaignPath, actor.scopePath))

/**
 * May `actor` run the campaign (change it, decide, appoint)? Only within its own scope.
 *
 * @category predicates
 * @since 0.1.0
 */
export const runsCampaign = (actor: Pick<Actor, "role" | "scopePath">, campaignPath: string): boolean =>
  seesRegion(actor, campaignPath)

/**
 * The unit a unit account (dispatching or host unit) acts for; null for every other account.
 *
 * @category getters
 * @since 0.1.0
 */
export const unitOf = (actor: Pick<Actor, "scope">): string | null =>
  actor.scope._tag === "UnitScope" ? actor.scope.unitId : null

/**
 * Is the thing the actor's own unit's? A unit account (dispatching or host unit) sees and acts only on what
 * belongs to its unit — the people it employs, dispatched or recommended, the placements it dispatched or hosts,
 * the applications it recommended or of its own people (issue 13, "units see their own") — never the rest of the
 * district its region scope spans. `unitIds` are the units the thing belongs to (nulls ignored). Every other
 * account is not narrowed by this test (true).
 *
 * The database applies the same rule as SQL filters (queries' `*VisibleTo` / `sees*Sql`), so a list and a get
 * agree with this predicate.
 *
 * @example
 * ```ts
 * import { Access } from "@cadre/domain"
 *
 * const mz = { scope: { _tag: "UnitScope", unitId: "u-yp-mz", regionId: "310110" } } as const
 * Access.ownUnit(mz, ["u-yp-mz", null]) // true
 * Access.ownUnit(mz, ["u-yp-jw"]) // false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const ownUnit = (
  actor: Pick<Actor, "scope">,
  unitIds: ReadonlyArray<string | null | undefined>,
): boolean => {
  const unit = unitOf(actor)
  return unit === null || unitIds.includes(unit)
}

/**
 * May `actor` see a person filed in the region at `regionPath`? Staff: within their region scope; a unit account
 * only its own unit's people (`unitIds`: the person's unit, and the units that dispatched, host or recommended
 * them — see {@link ownUnit}). Applicants: only themselves.
 *
 * @category predicates
 * @since 0.1.0
 */
export const seesPerson = (
  actor: Pick<Actor, "role" | "scopePath" | "scope">,
  person: {
    readonly id: string
    readonly regionPath: string
    readonly unitIds: ReadonlyArray<string | null>
  },
): boolean =>
  actor.role === "applicant"
    ? actor.scope._tag === "SelfScope" && actor.scope.personId === person.id
    : seesRegion(actor, person.regionPath) && ownUnit(actor, person.unitIds)

/**
 * May `actor` see an application? Staff: when the campaign is theirs, or the application's own region (the
 * recommending unit's or nominating community's) lies within their scope; a unit account moreover only when the
 * application is its unit's (`unitIds`: the recommending unit, the person's unit, the host unit of its post — see
 * {@link ownUnit}; absent: none). Applicants: only their own.
 *
 * @category predicates
 * @since 0.1.0
 */
export const seesApplication = (
  actor: Pick<Actor, "role" | "scopePath" | "scope">,
  application: {
    readonly campaignPath: string
    readonly regionPath: string
    readonly personId: string
    readonly unitIds?: ReadonlyArray<string | null> | undefined
  },
): boolean =>
  actor.role === "applicant"
    ? actor.scope._tag === "SelfScope" && actor.scope.personId === application.personId
    : (pathWithin(actor.scopePath, application.campaignPath) ||
        pathWithin(actor.scopePath, application.regionPath)) &&
      ownUnit(actor, application.unitIds ?? [])

/**
 * May `actor` see a placement (任职安排) whose post lies in the region at `regionPath`? Staff: within their scope
 * (the post's region); a unit account only the placements it dispatched or hosts (`unitIds`: the dispatching unit
 * and the post's unit — see {@link ownUnit}; absent: none). A cadre (applicant account): only their own.
 *
 * @category predicates
 * @since 0.1.0
 */
export const seesPlacement = (
  actor: Pick<Actor, "role" | "scopePath" | "scope">,
  placement: {
    readonly regionPath: string
    readonly personId: string
    readonly unitIds?: ReadonlyArray<string | null> | undefined
  },
): boolean =>
  actor.role === "applicant"
    ? actor.scope._tag === "SelfScope" && actor.scope.personId === placement.personId
    : pathWithin(actor.scopePath, placement.regionPath) && ownUnit(actor, placement.unitIds ?? [])

/**
 * May `actor` create or edit the cadre record of a person filed in the region at `regionPath` and belonging to
 * `unitId` (null: no unit)? The org dept: anyone within its region scope. A dispatching unit's admin: only its own
 * unit's people (and only within its scope). Nobody else (issue 14, "cadre records kept by staff").
 *
 * The API tells the two refusals apart as it does everywhere: a record outside the caller's region scope is not
 * found (`seesRegion` is false); one in sight that is not the caller's to edit is forbidden.
 *
 * @category predicates
 * @since 0.1.0
 */
export const writesPerson = (
  actor: Pick<Actor, "role" | "scopePath" | "scope">,
  target: { readonly regionPath: string; readonly unitId: string | null },
): boolean =>
  can(actor, "person.write") &&
  seesRegion(actor, target.regionPath) &&
  (actor.scope._tag !== "UnitScope" || target.unitId === actor.scope.unitId)

/** Roles an account of `creator` may create: strictly lower or equal-but-beneath scopes, never a broader one. */
const CREATES: Readonly<Record<Role, ReadonlySet<Role>>> = {
  org_dept_admin: new Set<Role>([
    "org_dept_admin",
    "street_admin",
    "dispatching_unit_admin",
    "host_unit_admin",
    "reviewer",
    "integrator",
  ]),
  street_admin: new Set<Role>(["host_unit_admin", "reviewer"]),
  dispatching_unit_admin: new Set<Role>(),
  host_unit_admin: new Set<Role>(),
  reviewer: new Set<Role>(),
  applicant: new Set<Role>(),
  integrator: new Set<Role>(),
}

/**
 * May `creator` create an account with `role` whose scope region has `newScopePath`? The new scope must lie
 * strictly beneath the creator's, except that an org dept admin may add a colleague at its own level.
 *
 * @category predicates
 * @since 0.1.0
 */
export const mayCreateAccount = (
  creator: Pick<Actor, "role" | "scopePath">,
  role: Role,
  newScopePath: string,
): boolean => {
  if (!can(creator, "account.create") || !CREATES[creator.role].has(role)) return false
  if (!pathWithin(creator.scopePath, newScopePath)) return false
  const sameLevel = newScopePath === creator.scopePath
  return !sameLevel || (creator.role === "org_dept_admin" && role !== "street_admin")
}

/**
 * The caller lacks the permission, or the resource lies outside the caller's scope.
 *
 * @category errors
 * @since 0.1.0
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  permission: Schema.String,
  message: TextSchema,
}) {}

/**
 * Builds the {@link Forbidden} refusal for a permission the role lacks (or a target outside its scope),
 * with a bilingual message naming both.
 *
 * @category constructors
 * @since 0.1.0
 */
export const forbidden = (permission: string, role: Role): Forbidden =>
  new Forbidden({
    permission,
    message: {
      zh: `无权执行此操作（${ROLE_LABELS[role].zh}不具备“${permission}”权限或对象不在管辖范围内）`,
      en: `Not allowed: a ${ROLE_LABELS[role].en} lacks "${permission}" or the item is outside their scope`,
    },
  })
