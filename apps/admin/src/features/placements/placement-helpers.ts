import { chinaDate } from "@cadre/ui"
import type { RouterOutputs } from "@cadre/client"

export type PlacementRow = RouterOutputs["placements"]["list"]["items"][number]
export type PlacementDetail = RouterOutputs["placements"]["get"]
export type OverdueReport = RouterOutputs["reports"]["overdue"]["items"][number]
export type Obligation = RouterOutputs["reports"]["obligations"][number]
export type LeaveRow = RouterOutputs["leave"]["list"]["items"][number]
export type AssessmentRow = RouterOutputs["assessments"]["list"][number]
export type ArchiveView = RouterOutputs["archive"]["get"]
export type SchemeView = RouterOutputs["schemes"]["get"]["scheme"]
export type PlacementState = PlacementRow["state"]
export type Actor = NonNullable<SchemeView["assessment"]["cycles"][number]["decidedBy"]>
export type Role = RouterOutputs["auth"]["me"]["role"]

const PROBATION: ReadonlyArray<PlacementState> = ["on_probation", "probation_extended"]
const SERVING: ReadonlyArray<PlacementState> = [...PROBATION, "in_term"]
const CLOSED: ReadonlyArray<PlacementState> = ["returned_to_unit", "adjusted", "recalled", "exited"]

export const isOnProbation = (s: PlacementState): boolean => PROBATION.includes(s)
/** In post and serving: probation or term (recall, leave and term-end marks apply). */
export const isServing = (s: PlacementState): boolean => SERVING.includes(s)
export const isClosed = (s: PlacementState): boolean => CLOSED.includes(s)

export const stateColor = (s: PlacementState): string =>
  s === "placed"
    ? "default"
    : isOnProbation(s)
      ? "gold"
      : s === "in_term"
        ? "green"
        : s === "term_ended"
          ? "blue"
          : s === "recalled"
            ? "red"
            : "default"

/** Today in China, read the way the server reads it (apps/api todayOf: Asia/Shanghai), as YYYY-MM-DD. */
export const chinaToday = (now: Date = new Date()): string => chinaDate(now)

const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10))

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000)

export type TermMark =
  | { readonly kind: "ending_soon"; readonly days: number }
  | { readonly kind: "term_passed"; readonly days: number }

/**
 * A serving placement whose term end (期满日) lies within `within` days of `today`, both ends inclusive
 * (docs/inpost.md §9 termsEndingWithin), or has passed without the term being ended. Placed, ended and closed
 * placements carry no mark: nothing is due of them.
 */
export const termMark = (
  p: { readonly state: PlacementState; readonly termEnd: string | null },
  today: string,
  within = 90,
): TermMark | null => {
  if (!isServing(p.state) || p.termEnd === null) return null
  const days = daysBetween(today, p.termEnd)
  if (days < 0) return { kind: "term_passed", days: -days }
  return days <= within ? { kind: "ending_soon", days } : null
}

/** Overdue reports per placement, from reports.overdue. */
export const overdueByPlacement = (
  rows: ReadonlyArray<{ readonly placementId: string }>,
): Map<string, number> => {
  const out = new Map<string, number>()
  for (const r of rows) out.set(r.placementId, (out.get(r.placementId) ?? 0) + 1)
  return out
}

export const obligationColor = (status: Obligation["status"]): string =>
  ({ open: "blue", overdue: "red", submitted: "green", late: "orange", on_event: "default" })[status]

/**
 * What the signed-in account may do in post: the permissions `auth.me` lists (the kernel's Access matrix, sent by
 * the server), only to hide buttons the server would refuse anyway — the server checks every call again.
 */
export type Permissions = ReadonlyArray<string>
export const mayManage = (permissions: Permissions): boolean => permissions.includes("placement.manage")
export const mayGrade = (permissions: Permissions): boolean => permissions.includes("assessment.grade")
export const mayApproveLeave = (permissions: Permissions): boolean => permissions.includes("leave.approve")

/** The body a role speaks for first (InPost.ACTS_AS), the default "by" of the forms. */
export const actorOfRole = (role: Role): Actor =>
  role === "street_admin"
    ? "street"
    : role === "dispatching_unit_admin"
      ? "dispatching_unit"
      : role === "host_unit_admin"
        ? "host_unit"
        : "org_dept"

/** The bodies a role speaks for (InPost.ACTS_AS), offered as "by" in the forms. */
export const actorsOfRole = (role: Role): ReadonlyArray<Actor> =>
  role === "org_dept_admin" || role === "integrator"
    ? ["org_dept", "org_dept_meeting", "standing_committee", "joint_review"]
    : role === "host_unit_admin"
      ? ["host_unit", "community_party_org"]
      : [actorOfRole(role)]

/** Whose assessment ends probation: the decider of the scheme's `probation_review` cycle (000: the street). */
export const probationAssessor = (scheme: Pick<SchemeView, "assessment"> | null): Actor =>
  scheme?.assessment.cycles.find((c) => c.id === "probation_review")?.decidedBy ?? "street"

/** The cycles a grade is recorded in (probation review has its own move), with who decides each. */
export const gradingCycles = (scheme: Pick<SchemeView, "assessment"> | null) =>
  (scheme?.assessment.cycles ?? []).filter((c) => c.id !== "probation_review")

/** The period a cycle's grade is usually recorded for: the year for a year-end cycle. */
export const defaultPeriod = (
  cycle: { readonly cadence: { readonly _tag: string } } | undefined,
  today: string,
): string => (cycle?.cadence._tag === "YearEnd" ? today.slice(0, 4) : "")

/** The scheme's triggers a Recall may name (those of another action are refused by the kernel). */
export const recallTriggers = (scheme: Pick<SchemeView, "recall"> | null) =>
  (scheme?.recall.triggers ?? []).filter((t) => t.action === "recall")

/** The scheme's triggers an Admonish may name (action `admonish`), each with the measures its clause names. */
export const admonishTriggers = (scheme: Pick<SchemeView, "recall"> | null) =>
  (scheme?.recall.triggers ?? []).filter((t) => t.action === "admonish")

/** The scheme's leave tiers, tightest first as the kernel matches them; or the note of why there are none. */
export const leaveTiers = (
  scheme: Pick<SchemeView, "leave"> | null,
):
  | { readonly tiers: ReadonlyArray<{ readonly upToDays?: number | undefined; readonly approver: Actor }> }
  | { readonly note: { readonly zh: string; readonly en: string } }
  | null => {
  if (scheme === null) return null
  const leave = scheme.leave
  if (leave._tag !== "Cited") return { note: leave.note }
  return {
    tiers: [...leave.value].sort(
      (a, b) => (a.upToDays ?? Number.POSITIVE_INFINITY) - (b.upToDays ?? Number.POSITIVE_INFINITY),
    ),
  }
}
