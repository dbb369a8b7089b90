import type { Problem } from "@cadre/ui"
import { isReviewStep } from "./moves"

/**
 * Issue 13's moves on a case, for the campaign screen (pure: no React, no API): the findings awaiting a reviewer
 * (审核认定, ResolveFinding), the joint-review disagreements the deciding body may set aside (OverrideOpinion), and
 * the stages a refused move was late for (逾期补办, applications.overrideDeadline). The kernel still decides; these
 * only choose what the screen offers.
 */

/** A finding of the screening as the API lists it (the parts the screen reads). */
export interface FindingFacts {
  readonly ruleId: string
  readonly status: string
  readonly label: { readonly zh: string; readonly en: string }
  readonly citation: { readonly document: string; readonly clause: string }
  readonly review?:
    | { readonly outcome: "confirmed" | "refused"; readonly reason: string; readonly date: string }
    | undefined
}

/** The findings still awaiting a reviewer's confirmation or refusal (需人工审核), in the verdict's order. */
export const openFindings = <F extends FindingFacts>(
  verdict: { readonly findings?: ReadonlyArray<F> | undefined } | undefined,
): ReadonlyArray<F> => (verdict?.findings ?? []).filter((f) => f.status === "needs_review")

/** The findings a reviewer has resolved (审核认定), with their outcome, reason and date. */
export const reviewedFindings = <F extends FindingFacts>(
  verdict: { readonly findings?: ReadonlyArray<F> | undefined } | undefined,
): ReadonlyArray<F & { readonly review: NonNullable<F["review"]> }> =>
  (verdict?.findings ?? []).filter(
    (f): f is F & { readonly review: NonNullable<F["review"]> } => f.review !== undefined,
  )

/**
 * Findings may be resolved between the screening and the decision (the kernel's ResolveFinding): not on a draft, a
 * closed application (rejected, withdrawn, reported in), a decided one, or one at or past the decision's step.
 */
export const findingsResolvable = (
  steps: ReadonlyArray<{ readonly state: string }>,
  row: { readonly state: string; readonly application: { readonly decision?: unknown } },
): boolean => {
  if (["draft", "rejected", "withdrawn", "reported_in"].includes(row.state)) return false
  if (row.application.decision !== undefined) return false
  const at = steps.findIndex((s) => s.state === row.state)
  const decided = steps.findIndex((s) => s.state === "decided")
  return at >= 0 && (decided < 0 || at < decided)
}

/** A joint-review record as the API lists it (the parts the screen reads). */
export interface JointReviewFacts {
  readonly opinions: ReadonlyArray<{ readonly department: string; readonly agree: boolean }>
  readonly overrides?: ReadonlyArray<{ readonly department: string }> | undefined
}

/**
 * The departments whose "disagree" (不同意) still blocks leaving the joint review: each may be overridden once by
 * the deciding body (the kernel refuses a second override, or one of an agreeing department).
 */
export const openDisagreements = (record: JointReviewFacts | undefined): ReadonlyArray<string> => {
  if (record === undefined) return []
  const overridden = new Set((record.overrides ?? []).map((o) => o.department))
  return [
    ...new Set(
      record.opinions.filter((o) => !o.agree && !overridden.has(o.department)).map((o) => o.department),
    ),
  ]
}

/**
 * A move as the deadline check sees it (the kernel's Deadlines.performs): which step's stages it performs, and
 * the date it is done on (the meeting of a decision, the day of a report-in, else today).
 */
export type TimedMove =
  | { readonly kind: "record" }
  | { readonly kind: "advance"; readonly to: string }
  | { readonly kind: "decide"; readonly date: string }
  | { readonly kind: "startNotice" }
  | { readonly kind: "appoint" }
  | { readonly kind: "reportIn"; readonly date: string }

const TERMINAL: ReadonlySet<string> = new Set(["rejected", "withdrawn"])

/** The steps whose stages `move` performs from `state`, and its date (mirrors Selection.performs). */
export const performs = (
  state: string,
  move: TimedMove,
  today: string,
): { readonly steps: ReadonlyArray<string>; readonly date: string } => {
  switch (move.kind) {
    case "record":
      return { steps: isReviewStep(state) ? [state] : [], date: today }
    case "advance":
      return {
        steps: [
          ...(isReviewStep(state) ? [state] : []),
          ...(!isReviewStep(move.to) && !TERMINAL.has(move.to) ? [move.to] : []),
        ],
        date: today,
      }
    case "decide":
      return { steps: ["decided"], date: move.date }
    case "startNotice":
      return { steps: ["public_notice"], date: today }
    case "appoint":
      return { steps: ["appointed"], date: today }
    case "reportIn":
      return { steps: ["reported_in"], date: move.date }
  }
}

/** A stage a move came too late for: its id and label, its last day and clause (from the campaign's timetable). */
export interface LateStage {
  readonly stageId: string
  readonly label: { readonly zh: string; readonly en: string }
  readonly date: string
  readonly clause: string
}

/** The refusal is the kernel's late move (IllegalMove `past_deadline`): the runner may record 逾期办理. */
export const isPastDeadline = (problem: Problem | null | undefined): boolean =>
  problem?.kind === "api" && problem.tag === "IllegalMove" && problem.reason === "past_deadline"

/**
 * The stages `move` is late for on this application: stages of the steps it performs whose last day in the
 * campaign's timetable (campaigns.schedule, the same dates the kernel checks) lies before the move's date and for
 * which no deadline override is recorded on the application. The kernel refuses such a move (IllegalMove
 * past_deadline) until the runner records 逾期补办 for the stage; the first one is the stage it names.
 */
export const lateStages = (
  steps: ReadonlyArray<{ readonly state: string; readonly stages: ReadonlyArray<{ readonly id: string }> }>,
  timetable: ReadonlyArray<{
    readonly stageId: string
    readonly label: { readonly zh: string; readonly en: string }
    readonly date: string | null
    readonly clause: string
  }>,
  application: {
    readonly state: string
    readonly deadlineOverrides?: ReadonlyArray<{ readonly stageId: string }> | undefined
  },
  move: TimedMove,
  today: string,
): ReadonlyArray<LateStage> => {
  const { steps: performed, date } = performs(application.state, move, today)
  const overridden = new Set((application.deadlineOverrides ?? []).map((o) => o.stageId))
  const late: Array<LateStage> = []
  for (const step of performed)
    for (const stage of steps.find((s) => s.state === step)?.stages ?? []) {
      const entry = timetable.find((e) => e.stageId === stage.id)
      if (entry === undefined || entry.date === null || overridden.has(entry.stageId)) continue
      if (date > entry.date && !late.some((l) => l.stageId === entry.stageId))
        late.push({ stageId: entry.stageId, label: entry.label, date: entry.date, clause: entry.clause })
    }
  return late
}
