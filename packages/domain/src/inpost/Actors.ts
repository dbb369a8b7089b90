/**
 * Which scheme body (`Actor`) an account of each role speaks for, and the bodies that manage cadres in post.
 *
 * @since 0.1.0
 */

import type { Role } from "../access/Access.js"
import type { Actor } from "../scheme/Scheme.js"
import type { Text } from "../shared/Text.js"

/**
 * Schemes name bodies (`Actor`: the org dept, the street, the host unit…); accounts have roles. This is the one
 * place that says which body an account of each role speaks for, so that "the approver the scheme names" and
 * "the org dept decides" can be checked against the caller.
 *
 * @category constants
 * @since 0.1.0
 */
export const ACTS_AS: Readonly<Record<Role, ReadonlyArray<Actor>>> = {
  // The org dept's admin records the decisions of its meetings and of the standing committee it serves.
  org_dept_admin: ["org_dept", "org_dept_meeting", "standing_committee", "joint_review"],
  street_admin: ["street"],
  dispatching_unit_admin: ["dispatching_unit"],
  // A residential area's or village's Party organisation is the host of a cadre posted there.
  host_unit_admin: ["host_unit", "community_party_org"],
  reviewer: [],
  applicant: ["applicant"],
  // Integrators act for the org dept through the API (access/Access.ts).
  integrator: ["org_dept", "org_dept_meeting", "standing_committee"],
}

/**
 * Whether an account with this role acts as the scheme's actor (e.g. a street admin for the street).
 *
 * @category predicates
 * @since 0.1.0
 */
export const actsAs = (role: Role, actor: Actor): boolean => ACTS_AS[role].includes(actor)

/**
 * Bodies that manage a cadre in post and may record facts (taking up the post, term end, absences).
 *
 * @category constants
 * @since 0.1.0
 */
export const MANAGING_BODIES: ReadonlyArray<Actor> = ["org_dept", "street", "host_unit", "dispatching_unit"]

/**
 * Whether the role acts for one of the bodies that manage a cadre in post ({@link MANAGING_BODIES}).
 *
 * @category predicates
 * @since 0.1.0
 */
export const managesCadres = (role: Role): boolean => MANAGING_BODIES.some((a) => actsAs(role, a))

/**
 * Does a decision by `by` count as one by `required`? 部务会 / 部长办公会 are the org dept deciding, so a decision
 * the scheme gives to the org dept may be taken by its meeting; otherwise the bodies must be the same.
 *
 * @category predicates
 * @since 0.1.0
 */
export const decidesAs = (required: Actor, by: Actor): boolean =>
  by === required || (required === "org_dept" && by === "org_dept_meeting")

/**
 * Display labels of the scheme's actors, in Chinese and English.
 *
 * @category constants
 * @since 0.1.0
 */
export const ACTOR_LABELS: Readonly<Record<Actor, Text>> = {
  org_dept: { zh: "组织部门", en: "the org dept" },
  org_dept_meeting: { zh: "部务会", en: "the org dept's meeting" },
  standing_committee: { zh: "常委会", en: "the standing committee" },
  street: { zh: "街道（乡镇）党（工）委", en: "the street (township) Party committee" },
  dispatching_unit: { zh: "派出单位", en: "the dispatching unit" },
  host_unit: { zh: "接收（挂职）单位", en: "the host unit" },
  community_party_org: { zh: "社区党组织", en: "the community Party organisation" },
  joint_review: { zh: "联审部门", en: "the joint-review departments" },
  applicant: { zh: "本人", en: "the cadre" },
  residents: { zh: "居民代表、党员", en: "residents' representatives and Party members" },
}
