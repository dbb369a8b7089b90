import type { StepRecord } from "./types"

/**
 * Which moves a row offers, from the campaign's path and the application's state (the kernel's rules in
 * Selection.transition, mirrored so the screen offers what the kernel can accept; the kernel still decides).
 * Pure: no React, no API.
 */

/** What a staff member can do to an application from the campaign screen. */
export type MoveKind =
  | "advance" // generic Advance into a review step or the shortlist
  | "record" // Record the current review step's result
  | "decide" // 研究决定
  | "startNotice" // 公示
  | "fileObjection"
  | "resolveObjection"
  | "appoint"
  | "reportIn"
  | "return" // 退回
  | "waive" // 放宽限制 (applications.waive)
  | "rescreen" // 重新比对 (applications.rescreen)
  | "reject"

/** The kernel's REVIEW_STEPS: entered by Advance, left only with their record. */
export const reviewSteps = ["qualification_review", "joint_review", "inspection", "interview"] as const
export type ReviewStep = (typeof reviewSteps)[number]
export const isReviewStep = (state: string): state is ReviewStep =>
  (reviewSteps as ReadonlyArray<string>).includes(state)

/** The record each review step needs (the kernel's RECORD_OF). */
export const recordOf = {
  qualification_review: "QualificationReview",
  joint_review: "JointReview",
  inspection: "Inspection",
  interview: "Interview",
} as const satisfies Record<ReviewStep, string>

/** The kernel's ADVANCE_TARGETS: the review steps and the shortlist. */
const advanceTargets: ReadonlySet<string> = new Set([...reviewSteps, "shortlisted"])

/** The move that enters each of the other steps. */
const entryMove: Readonly<Record<string, MoveKind>> = {
  decided: "decide",
  public_notice: "startNotice",
  appointed: "appoint",
  reported_in: "reportIn",
}

const closed = (state: string) => state === "rejected" || state === "withdrawn" || state === "reported_in"

/** The step after the application's current one on the campaign's path, when Advance is the move to it. */
export const nextAdvanceStep = <S extends { readonly state: string }>(
  steps: ReadonlyArray<S>,
  state: string,
): S | undefined => {
  const i = steps.findIndex((s) => s.state === state)
  const next = i < 0 ? undefined : steps[i + 1]
  return next !== undefined && advanceTargets.has(next.state) ? next : undefined
}

/** Steps before the current one on the path: where a Return (退回) may go. */
export const earlierSteps = <S extends { readonly state: string }>(
  steps: ReadonlyArray<S>,
  state: string,
): ReadonlyArray<S> => {
  const i = steps.findIndex((s) => s.state === state)
  return i <= 0 ? [] : steps.slice(0, i)
}

/** What the screen needs to know of an application to choose its moves. */
export interface RowFacts {
  readonly state: string
  /** The current review step's record is stored (then Advance needs no form). */
  readonly hasRecord: boolean
  readonly outcome: "eligible" | "ineligible" | "needs_review" | undefined
  readonly openObjections: number
  readonly decided: boolean
}

export interface RowMoves {
  /** The move to the next step on the path, shown as the row's button; undefined when none is the staff's. */
  readonly primary:
    | { readonly kind: MoveKind; readonly to: string; readonly needsRecord: boolean }
    | undefined
  /** The other moves, in the order of the "更多操作" menu. */
  readonly more: ReadonlyArray<MoveKind>
}

/** The moves a row offers on `steps` (the campaign's path). Terminal, reported-in and off-path rows offer none. */
export const rowMoves = (steps: ReadonlyArray<{ readonly state: string }>, row: RowFacts): RowMoves => {
  const none: RowMoves = { primary: undefined, more: [] }
  const at = steps.findIndex((s) => s.state === row.state)
  if (closed(row.state) || at < 0) return none
  const next = steps[at + 1]?.state
  const appointedAt = steps.findIndex((s) => s.state === "appointed")
  const beforeAppointment = appointedAt < 0 || at < appointedAt

  let primary: RowMoves["primary"]
  if (next !== undefined && row.state !== "draft") {
    const kind = advanceTargets.has(next) ? "advance" : entryMove[next]
    // A decided application is decided again only after a Return before the decision.
    const needsRecord = isReviewStep(row.state) && !row.hasRecord
    // Only Advance carries the record of the step it leaves; before a decision or a notice it is recorded first.
    if (needsRecord && kind !== undefined && kind !== "advance")
      primary = { kind: "record", to: row.state, needsRecord }
    else if (kind !== undefined && !(kind === "decide" && row.decided))
      primary = { kind, to: next, needsRecord }
  }

  const more: Array<MoveKind> = []
  if (isReviewStep(row.state) && primary?.kind !== "record") more.push("record")
  if (row.state === "public_notice") {
    more.push("fileObjection")
    if (row.openObjections > 0) more.push("resolveObjection")
  }
  if (row.state === "screened" && row.outcome === "ineligible") more.push("waive")
  if (row.state === "submitted" || row.state === "screened") more.push("rescreen")
  // A Return from the appointment gives the post back (the server refuses once a placement was made on it);
  // after the report-in the application is closed.
  if (at > 0 && (beforeAppointment || row.state === "appointed")) more.push("return")
  if (row.state !== "draft" && beforeAppointment) more.push("reject")
  return { primary, more }
}

/** The facts of an application as the API lists it. */
export const factsOf = (row: {
  readonly state: string
  readonly application: {
    readonly verdict?: { readonly outcome: "eligible" | "ineligible" | "needs_review" } | undefined
    readonly records: Readonly<Partial<Record<ReviewStep, unknown>>>
    readonly notice?: { readonly objections: ReadonlyArray<{ readonly resolution?: unknown }> } | undefined
    readonly decision?: unknown
  }
}): RowFacts => ({
  state: row.state,
  hasRecord: isReviewStep(row.state) && row.application.records[row.state] !== undefined,
  outcome: row.application.verdict?.outcome,
  openObjections: (row.application.notice?.objections ?? []).filter((o) => o.resolution === undefined).length,
  decided: row.application.decision !== undefined,
})

/** The next free objection number on a notice: 异议编号 must be unique within it. */
export const nextObjectionId = (objections: ReadonlyArray<{ readonly id: string }>): string => {
  const taken = new Set(objections.map((o) => o.id))
  let n = objections.length + 1
  while (taken.has(`YY-${n}`)) n += 1
  return `YY-${n}`
}

/** The mean of several raters' scores, to two decimals (display only; rankings are the API's). */
export const meanScore = (scores: ReadonlyArray<{ readonly score: number }>): string =>
  scores.length === 0
    ? "—"
    : (Math.round((scores.reduce((sum, s) => sum + s.score, 0) / scores.length) * 100) / 100).toFixed(2)

/** Posts an Appoint may name: the campaign's own list, or else the vacant posts in its region. */
export const postChoices = <
  P extends { readonly id: string; readonly regionPath: string; readonly status: string },
>(
  campaign: { readonly postIds: ReadonlyArray<string>; readonly regionPath: string },
  posts: ReadonlyArray<P>,
): ReadonlyArray<{ readonly id: string; readonly post: P | undefined }> =>
  campaign.postIds.length > 0
    ? campaign.postIds.map((id) => ({ id, post: posts.find((p) => p.id === id) }))
    : posts
        .filter((p) => p.status === "vacant" && p.regionPath.startsWith(campaign.regionPath))
        .map((p) => ({ id: p.id, post: p }))

/** ISO date compare that reads as words. */
export const isAfter = (a: string, b: string): boolean => a > b

/** What the record forms collect (one shape per review step; optional fields may be left empty). */
export interface RecordValues {
  readonly reviewer?: string
  readonly passed?: boolean
  readonly opinions?: ReadonlyArray<{
    readonly department: string
    readonly agree: boolean
    readonly note?: string
  }>
  /** Members separated by 、 , ， or spaces (or already a list). */
  readonly team?: string | ReadonlyArray<string>
  readonly date?: string
  readonly politics?: string
  readonly ability?: string
  readonly service?: string
  readonly standing?: string
  readonly scores?: ReadonlyArray<{ readonly rater: string; readonly score: number }>
  readonly note?: string
}

const trim = (s: string | undefined) => (s ?? "").trim()

/** The kernel's step record from a record form's values (names trimmed, blanks dropped from the team). */
export const recordFrom = (step: ReviewStep, v: RecordValues): StepRecord => {
  switch (step) {
    case "qualification_review":
      return {
        _tag: "QualificationReview",
        reviewer: trim(v.reviewer),
        passed: v.passed === true,
        note: trim(v.note),
      }
    case "joint_review": {
      const [first, ...rest] = (v.opinions ?? []).map((o) => ({
        department: trim(o.department),
        agree: o.agree,
        note: trim(o.note),
      }))
      if (first === undefined) throw new RangeError("a joint review needs at least one opinion")
      return { _tag: "JointReview", opinions: [first, ...rest] }
    }
    case "inspection": {
      const members = typeof v.team === "string" ? v.team.split(/[、,，;；\s]+/) : (v.team ?? [])
      const [first, ...rest] = members.map(trim).filter((m) => m !== "")
      if (first === undefined) throw new RangeError("an inspection needs its team")
      return {
        _tag: "Inspection",
        team: [first, ...rest],
        date: trim(v.date),
        findings: {
          politics: trim(v.politics),
          ability: trim(v.ability),
          service: trim(v.service),
          standing: trim(v.standing),
        },
      }
    }
    case "interview": {
      const [first, ...rest] = (v.scores ?? []).map((s) => ({ rater: trim(s.rater), score: Number(s.score) }))
      if (first === undefined) throw new RangeError("an interview needs at least one score")
      return { _tag: "Interview", scores: [first, ...rest] }
    }
  }
}

/** The kernel's move tag behind each of the screen's moves (applications.act, waive and rescreen). */
const TAG_OF: Readonly<Record<MoveKind, string>> = {
  advance: "Advance",
  record: "Record",
  decide: "Decide",
  startNotice: "StartNotice",
  fileObjection: "FileObjection",
  resolveObjection: "ResolveObjection",
  appoint: "Appoint",
  reportIn: "ReportIn",
  return: "Return",
  waive: "Waive",
  rescreen: "Screen",
  reject: "Reject",
}

/**
 * Keep only the moves that are the caller's (`yours`: Selection.yourMoves, sent with each row by the API): a street
 * reading the district's campaign is offered nothing it would be refused (issue 13).
 */
export const onlyYours = (moves: RowMoves, yours: ReadonlyArray<string>): RowMoves => {
  const mine = new Set(yours)
  return {
    primary: moves.primary !== undefined && mine.has(TAG_OF[moves.primary.kind]) ? moves.primary : undefined,
    more: moves.more.filter((k) => mine.has(TAG_OF[k])),
  }
}
