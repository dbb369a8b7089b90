/**
 * Builders for in-post tests (here and in other packages' tests). Schemes are the seed presets.
 *
 * @since 0.1.0
 */

import { Either, Schema } from "effect"
import type { Role } from "../access/Access.js"
import { PersonId } from "../person/Profile.js"
import { loadPreset } from "../scheme/Preset.js"
import {
  anqiuDownSecondment,
  daanFirstSecretary,
  huaishangVillagePosting,
  jiangdongPetitionSecondment,
  jinchengSecondmentDown,
  secretaryTeamManagement,
  yangpuCommunitySecretary,
} from "../scheme/presets/index.js"
import { guizhouStreetReservePool } from "../scheme/presets/index.js"
import type { Actor, Scheme } from "../scheme/Scheme.js"
import { type LocalDate, make } from "../shared/LocalDate.js"
import {
  newPlacement,
  type OnRecordAssessment,
  type Placement,
  type PlacementContext,
  type PlacementDecision,
  type PlacementMove,
  transition,
} from "./Placement.js"

/**
 * The seed presets' schemes, loaded once, by short name.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const SCHEMES = {
  /** 000: 5 years in principle, probation as deputy secretary, adjustment triggers decided by the org dept. */
  yangpu: loadPreset(yangpuCommunitySecretary),
  /** 002: 2 years generally, no probation, recall triggers. */
  daan: loadPreset(daanFirstSecretary),
  /** 004 安丘: 1 year, no qualifier. */
  anqiu: loadPreset(anqiuDownSecondment),
  /** 004 江东: 6 months generally, monthly exchange report. */
  jiangdong: loadPreset(jiangdongPetitionSecondment),
  /** 004 晋城: no term length; half-year, quarterly, yearly and term-end reports; leave tiers 3 days. */
  jincheng: loadPreset(jinchengSecondmentDown),
  /** 004 淮上: on-event reports, recall decided by the street. */
  huaishang: loadPreset(huaishangVillagePosting),
  /** 003: mentor capacity 3–4, training 1/year + 1/quarter. */
  team: loadPreset(secretaryTeamManagement),
  /** 001: at least one centralised training a year. */
  guizhou: loadPreset(guizhouStreetReservePool),
} as const

/**
 * Alias of `LocalDate.make`, for short dates in tests.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const d = make
/**
 * A decoded {@link PersonId} for tests.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const person = (id = "p-1"): PersonId => Schema.decodeSync(PersonId)(id)

/**
 * A placement context under a scheme on a date, for a role.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const ctxFor = (scheme: Scheme, on: string, role: Role = "org_dept_admin"): PlacementContext => ({
  scheme,
  on: make(on),
  by: { accountId: `acct-${role}`, role },
})

/**
 * An on-record assessment for tests.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const assessment = (
  date: string,
  conclusion: OnRecordAssessment["conclusion"] = "competent",
  by: Actor = "street",
): OnRecordAssessment => ({
  by,
  date: make(date),
  conclusion,
  summary: "综合考评 / comprehensive assessment",
})

/**
 * A placement decision for tests.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const decision = (date: string, by: Actor = "org_dept"): PlacementDecision => ({
  by,
  date: make(date),
  reference: "部务会",
})

/**
 * A new placement under a scheme, placed on a date.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const placed = (scheme: Scheme, placedOn = "2021-01-08", id = "pl-1"): Placement =>
  newPlacement({ id, personId: person(), postId: "post-1", placedOn: make(placedOn), scheme })

/**
 * Apply moves that must be legal (a defect in the test otherwise).
 *
 * @category fixtures
 * @since 0.1.0
 */
export const drive = (
  p: Placement,
  steps: ReadonlyArray<readonly [PlacementMove, string, Role?]>,
  scheme: Scheme,
): Placement =>
  steps.reduce((acc, [m, on, role]) => {
    const r = transition(acc, m, ctxFor(scheme, on, role ?? roleFor(m)))
    if (Either.isLeft(r)) throw new Error(`${m._tag} on ${on}: ${r.left.message}`)
    return r.right
  }, p)

/**
 * The role whose account speaks for `body`.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const roleOf = (body: Actor): Role =>
  body === "street"
    ? "street_admin"
    : body === "dispatching_unit"
      ? "dispatching_unit_admin"
      : body === "host_unit" || body === "community_party_org"
        ? "host_unit_admin"
        : body === "applicant"
          ? "applicant"
          : "org_dept_admin"

/**
 * The role that speaks for the body a move needs, for the fixtures' legal routes (the street otherwise).
 *
 * @category fixtures
 * @since 0.1.0
 */
export const roleFor = (m: PlacementMove): Role => {
  switch (m._tag) {
    case "Confirm":
    case "ExtendProbation":
    case "ReturnToUnit":
      return roleOf(m.assessment.by)
    case "Recall":
    case "Adjust":
    case "Admonish":
    case "StayOn":
      return roleOf(m.decision.by)
    default:
      return "street_admin"
  }
}

/**
 * A 000 placement taken up on 2021-01-15 (term end 2026-01-15), on probation.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const yangpuOnProbation = (): Placement =>
  drive(placed(SCHEMES.yangpu), [[{ _tag: "TakeUp", date: d("2021-01-15") }, "2021-01-15"]], SCHEMES.yangpu)

/**
 * …confirmed by election on 2021-11-20.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const yangpuInTerm = (): Placement =>
  drive(
    yangpuOnProbation(),
    [[{ _tag: "Confirm", electedOn: d("2021-11-20"), assessment: assessment("2021-11-10") }, "2021-11-22"]],
    SCHEMES.yangpu,
  )

/**
 * A {@link LocalDate} from a literal.
 *
 * @category fixtures
 * @since 0.1.0
 */
export const at = (s: string): LocalDate => make(s)
